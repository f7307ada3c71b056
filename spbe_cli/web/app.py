"""The `spbe serve` application: every page (Starlette routes) behind the guard of security.py."""

from __future__ import annotations

from .security import Guard
from .site import Settings, Site


def create_app(settings: Settings) -> Guard:
    """The whole application: the pages, behind the guard."""
    from starlette.applications import Starlette

    from .base import exception_handlers
    from .pages import Pages
    from .tools import Tools
    from .uploads import Uploads

    site = Site(settings)
    routes = [route for part in (Pages, Uploads, Tools) for route in part(site).routes()]
    application = Starlette(routes=routes, exception_handlers=exception_handlers(site))
    return Guard(application, settings.policy, site.refused_page)
