"""`spbe serve`: the workspace as a local web page (spbe_cli/web/), imported only when it runs."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from .. import completion
from ..app import app
from ..help import help_text
from ..options import Shared, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...loading.catalog import Catalog
    from ...web.security import Policy
    from ...web.site import Settings

FolderArgument = Annotated[
    str, typer.Argument(help=help_text(M.help_serve_folder), show_default=False, metavar="FOLDER")
]
HostOption = Annotated[str, typer.Option("--host", help=help_text(M.help_serve_host), metavar="ADDRESS")]
PortOption = Annotated[int, typer.Option("--port", help=help_text(M.help_serve_port), min=0, max=65535, metavar="N")]
OpenOption = Annotated[bool, typer.Option("--open/--no-open", help=help_text(M.help_serve_open))]
TokenOption = Annotated[
    str | None,
    typer.Option("--token", envvar="SPBE_TOKEN", show_envvar=False, help=help_text(M.help_serve_token), metavar="TEXT"),
]
AllowHostOption = Annotated[
    list[str] | None, typer.Option("--allow-host", help=help_text(M.help_serve_allow_host), metavar="NAME")
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help=help_text(M.help_serve_lang), metavar="LANG", autocompletion=completion.languages),
]


@app.command("serve", help=help_text(M.help_serve))
@shared_options("frameworks", "encoding")
def serve_command(
    folder: FolderArgument = ".",
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    open_page: OpenOption = True,
    token: TokenOption = None,
    allow_host: AllowHostOption = None,
    lang: LangOption = None,
    *,
    shared: Shared,
) -> None:
    session = start(Shared(frameworks=shared.frameworks, encoding=shared.encoding, lang=lang))
    if not os.path.isdir(folder):
        raise session.bad_option("FOLDER", M.err_serve_folder, path=folder)
    from ...web import server

    if token is not None and server.token_problem(token):
        raise session.bad_option("--token", M.err_serve_token)
    if token is not None and len(token) < server.SHORT_TOKEN:
        session.error(M.web_short_token, length=len(token))
    secret = token or server.fresh_token()
    catalog = session.catalog()
    try:
        sock = server.listen(host, port)
    except OSError as error:
        session.error(M.err_serve_listen, host=host, port=port, reason=error.strerror or error)
        raise typer.Exit(ExitCode.USAGE) from None
    with sock, server.sigterm_as_ctrl_c():
        address = server.address_of(host, sock)
        settings = _settings(
            folder, lang, server.policy_for(secret, host, address.port, allow_host or ()), catalog, session
        )
        if not server.loopback(host):
            session.error(M.web_host_warning, host=host)
        try:  # from the printed line on, a stop (Ctrl+C, SIGTERM) is a clean one
            print(address.with_token(secret), flush=True)  # the one line on standard output
            session.error(M.web_serving, folder=settings.workspace, address=address.base)
            if open_page:
                import webbrowser

                webbrowser.open(address.with_token(secret))
            server.run(settings, sock)
        except KeyboardInterrupt:  # uvicorn has finished the requests under way and stopped
            pass
        session.error(M.web_stopped)  # also when run returns: a stop whose signal the shell ignores
    raise typer.Exit(ExitCode.OK)


def _settings(folder: str, lang: str | None, policy: Policy, catalog: Catalog, session: Session) -> Settings:
    from ...web.site import Settings
    from ..options import DebugSwitch
    from ..pdf import find_browser

    return Settings(
        workspace=os.path.realpath(folder),
        language=lang,
        policy=policy,
        catalog=catalog,
        encoding=session.encoding,
        voice=session,
        debug=DebugSwitch.requested or bool(os.environ.get("SPBE_DEBUG")),
        browser=find_browser(),
    )
