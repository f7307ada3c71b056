"""Running `spbe serve`: the socket, the guard's policy, uvicorn, and the one line on standard output.

The socket is bound and listening before the address is printed, so whoever reads the line (a person,
a script, a test) can connect at once; `--port 0` binds a free port and the line shows it. uvicorn says
nothing below a warning, and that on standard error; it never writes an access log.
"""

from __future__ import annotations

import ipaddress
import secrets
import signal
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

from ..loading.sheetformat import MAX_XLSX_BYTES
from .security import LOOPBACK_NAMES, Policy
from .site import Settings

WILDCARDS = ("0.0.0.0", "::", "")
# The largest sheet spbe reads, and room for the form around it.
MAX_BODY = MAX_XLSX_BYTES + 512 * 1024
TOKEN_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
SHORT_TOKEN = 16
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "spbe serve: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "uvicorn.error": {"level": "WARNING"},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}


def loopback(host: str) -> bool:
    """Whether `host` is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def fresh_token() -> str:
    return secrets.token_urlsafe(24)


def token_problem(token: str) -> bool:
    """Whether a token given with --token or SPBE_TOKEN cannot be used (empty, or characters an
    address would have to escape)."""
    return not token or any(char not in TOKEN_ALPHABET for char in token)


def policy_for(token: str, host: str, port: int, allowed: Iterable[str] = ()) -> Policy:
    """What the guard lets through for a server bound to `host`:`port`."""
    hosts = set(LOOPBACK_NAMES) | {name.strip().lower().strip("[]") for name in allowed if name.strip()}
    if host not in WILDCARDS:
        hosts.add(host.lower().strip("[]"))
    return Policy(
        token=token,
        session=secrets.token_urlsafe(32),
        cookie=f"spbe-{port}",
        hosts=frozenset(hosts),
        any_ip=not loopback(host),
        max_body=MAX_BODY,
    )


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on `host`:`port` (0: a free port). Raises OSError."""
    info = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, protocol, _, address = info[0]
    sock = socket.socket(family, kind, protocol)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


@dataclass(frozen=True)
class Address:
    """Where the server answers: the host to print and the port bound."""

    host: str
    port: int

    @property
    def base(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}/"

    def with_token(self, token: str) -> str:
        return f"{self.base}?token={quote(token, safe='')}"


def address_of(host: str, sock: socket.socket) -> Address:
    """The address to print: the bound host, or this machine's loopback address for a wildcard bind."""
    port = sock.getsockname()[1]
    if host in WILDCARDS:
        return Address("127.0.0.1" if sock.family == socket.AF_INET else "::1", port)
    return Address(host, port)


def run(settings: Settings, sock: socket.socket) -> None:
    """Serve the workspace on the listening socket until Ctrl+C (KeyboardInterrupt) or SIGTERM."""
    import uvicorn

    from .app import create_app

    config = uvicorn.Config(
        create_app(settings),
        log_config=LOGGING,
        access_log=False,
        lifespan="off",
        proxy_headers=False,
        server_header=False,
        limit_concurrency=200,
        timeout_graceful_shutdown=5,
    )
    uvicorn.Server(config).run(sockets=[sock])


@contextmanager
def sigterm_as_ctrl_c() -> Iterator[None]:
    """A service manager's stop (SIGTERM) ends the server as Ctrl+C does, from before the address is
    printed: uvicorn finishes the requests under way, then raises the signal again, which this handler
    turns into KeyboardInterrupt."""
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
