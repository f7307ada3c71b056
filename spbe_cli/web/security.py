"""The guard in front of every page of `spbe serve`: an ASGI middleware around the whole application.

The pages can change the workspace's files and may be reachable from other machines, so every request
passes these checks before any page sees it, in this order:

1. The Host header names this server: a loopback name, the address it is bound to, a name given with
   `--allow-host`, or an IP address when it is bound beyond loopback (a page of another site that a
   DNS record points at this machine carries its own name: refused, 400).
2. GET, HEAD and POST only (405).
3. The token: `?token=...` on a GET is exchanged for an HttpOnly, SameSite=Strict cookie and the page is
   loaded again without it (303), so the token never stays in the address bar, the history or a
   Referer. Without the cookie every page answers 401; a wrong token or cookie 403. Nothing of the
   workspace is shown on either.
4. A POST must come from one of these pages: `Sec-Fetch-Site: same-origin`, or where a browser does not
   send that header, an `Origin` naming this server; neither header: refused (403).
5. A request body larger than the largest file spbe reads is refused (413), by its Content-Length or
   while it streams.

Every answer carries a Content-Security-Policy that allows nothing from elsewhere, and headers that keep
it out of other sites' frames and of caches.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# No remote resource of any kind; the report's own inline CSS and SVG, its embedded letterhead (data:),
# these pages' own small script and frames of this server only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; "
    "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)
METHODS = frozenset({"GET", "HEAD", "POST"})


@dataclass(frozen=True)
class Refusal:
    """Why a request was refused: its HTTP status and the reason's key (worded by `refused_page`)."""

    status: int
    reason: str  # host, method, token, no_token, cookie, origin, too_large


@dataclass(frozen=True)
class Policy:
    """What the guard lets through.

    token: the secret of the printed address; session: the cookie's value it is exchanged for (random
    per start, never the token itself); cookie: the cookie's name (one per port: two servers on one
    machine keep apart); hosts: host names allowed in the Host header (lower case, no port); any_ip:
    any IP address is allowed too (the server is bound beyond loopback); max_body: the largest request
    body in bytes."""

    token: str
    session: str
    cookie: str
    hosts: frozenset[str]
    any_ip: bool
    max_body: int

    def host_allowed(self, header: str | None) -> bool:
        name = host_name(header)
        if name is None:
            return False
        if name in self.hosts:
            return True
        return self.any_ip and _is_ip(name)

    def token_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), self.token.encode("utf-8"))

    def cookie_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), self.session.encode("ascii"))


def host_name(header: str | None) -> str | None:
    """The host name of a Host header, lower case, without its port; None when there is none or it is
    not a host name at all."""
    if not header:
        return None
    value = header.strip().lower()
    if value.startswith("["):  # [::1]:8000
        end = value.find("]")
        if end < 0 or (value[end + 1 :] and not value[end + 1 :].startswith(":")):
            return None
        return value[1:end] or None
    name, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".") or None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def same_origin(headers: dict[bytes, bytes], host: str) -> bool:
    """Whether a POST comes from this server's own pages: `Sec-Fetch-Site: same-origin` where the browser
    sends it, else an Origin header naming this server; neither: not known to be, so no."""
    fetch_site = headers.get(b"sec-fetch-site")
    if fetch_site is not None:
        return fetch_site.decode("latin-1").strip().lower() == "same-origin"
    origin = headers.get(b"origin")
    if origin is None:
        return False
    return origin.decode("latin-1").strip().lower() in (f"http://{host.lower()}", f"https://{host.lower()}")


class BodyTooLarge(Exception):
    """The request body streamed past the limit."""


RefusedPage = Callable[[Scope, Refusal], tuple[bytes, str]]  # the page's bytes and its language


class Guard:
    """The ASGI middleware that applies `Policy` to every HTTP request before `app` sees it."""

    def __init__(self, app: ASGIApp, policy: Policy, refused_page: RefusedPage):
        self.app, self.policy, self.refused_page = app, policy, refused_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return  # no websockets
        send = _with_headers(send)
        headers = _headers(scope)
        refusal = self.refusal(scope, headers)
        if refusal is not None:
            await self.refuse(scope, send, refusal)
            return
        if scope["method"] in ("GET", "HEAD") and "token" in dict(_query(scope)):
            await self.exchange(scope, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self.app(scope, self._capped(receive), sending)
        except BodyTooLarge:
            if not started:
                await self.refuse(scope, send, Refusal(413, "too_large"))

    def refusal(self, scope: Scope, headers: dict[bytes, bytes]) -> Refusal | None:
        """Why this request may not reach the pages, or None."""
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.policy.host_allowed(host):
            return Refusal(400, "host")
        if scope["method"] not in METHODS:
            return Refusal(405, "method")
        query = dict(_query(scope))
        if scope["method"] in ("GET", "HEAD") and "token" in query:
            return None if self.policy.token_matches(query["token"]) else Refusal(403, "token")
        cookie = _cookie(headers, self.policy.cookie)
        if cookie is None:
            return Refusal(401, "no_token")
        if not self.policy.cookie_matches(cookie):
            return Refusal(403, "cookie")
        if scope["method"] == "POST":
            if not same_origin(headers, host):
                return Refusal(403, "origin")
            length = headers.get(b"content-length")
            if length is not None and (not length.strip().isdigit() or int(length) > self.policy.max_body):
                return Refusal(413, "too_large")
        return None

    async def exchange(self, scope: Scope, send: Send) -> None:
        """The token traded for the session cookie; the same page asked for again without it."""
        rest = [(key, value) for key, value in _query(scope) if key != "token"]
        path = scope["path"]
        if not path.startswith("/") or path.startswith("//") or "\\" in path:
            path = "/"  # never a redirect to another site (`//host`)
        location = quote(path, safe="/") + ("?" + urlencode(rest) if rest else "")
        cookie = f"{self.policy.cookie}={self.policy.session}; HttpOnly; SameSite=Strict; Path=/"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("ascii"))],
            }
        )
        await send({"type": "http.response.body", "body": b""})

    async def refuse(self, scope: Scope, send: Send, refusal: Refusal) -> None:
        body, language = self.refused_page(scope, refusal)
        headers = [
            (b"content-type", b"text/html; charset=utf-8"),
            (b"content-length", str(len(body)).encode("ascii")),
            (b"content-language", language.encode("ascii")),
        ]
        if refusal.status == 405:
            headers.append((b"allow", b"GET, HEAD, POST"))
        await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    def _capped(self, receive: Receive) -> Receive:
        received = 0
        limit = self.policy.max_body

        async def capped() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        return capped


def _with_headers(send: Send) -> Send:
    """`send` adding the security headers to the start of every answer."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", ())}
            extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
            message = {**message, "headers": [*message.get("headers", ()), *extra]}
        await send(message)

    return sending


def _headers(scope: Scope) -> dict[bytes, bytes]:
    """The request's headers by lower-case name; of a repeated header, the first."""
    found: dict[bytes, bytes] = {}
    for name, value in scope.get("headers", ()):
        found.setdefault(name.lower(), value)
    return found


def _query(scope: Scope) -> Iterable[tuple[str, str]]:
    return parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)


def _cookie(headers: dict[bytes, bytes], name: str) -> str | None:
    raw = headers.get(b"cookie")
    if raw is None:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw.decode("latin-1"))
    except CookieError:
        return None
    morsel = jar.get(name)
    return None if morsel is None else morsel.value
