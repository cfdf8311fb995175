"""What stands between a web page and code execution on this machine.

A page that runs code is a remote-code-execution endpoint, so every request must:
- carry the server's random token (as Jupyter does): in the URL once, then in a cookie,
  or in an ``Authorization: token …`` header for scripts; else 401;
- name an allowed ``Host`` (DNS rebinding: a hostile name resolved to 127.0.0.1 shows up
  here as that name) and, when it changes anything, come from this server's own origin
  (``Origin`` / ``Sec-Fetch-Site``: a cross-site POST); else 403.
Request bodies are capped before they are read. Every response forbids framing and
loading scripts from anywhere else.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: Methods that change nothing; all others must come from the page's own origin.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

HEADERS = {
    # Scripts and styles only from this server (CodeMirror injects its styles at run time).
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    # The token can sit in the URL of the first page: never send it anywhere.
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port or IPv6 brackets (lower case)."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Guard:
    """The server's secret and the names it answers to."""

    token: str
    #: Host names (not IP addresses, which are always allowed) the server answers to.
    names: frozenset[str] = field(default_factory=lambda: frozenset({"localhost"}))
    #: The cookie that keeps the token; named by port, since cookies ignore ports.
    cookie: str = "judge-token"

    @classmethod
    def for_server(cls, token: str, host: str, port: int, extra_names: Iterable[str] = ()) -> Guard:
        names = {"localhost", *(n.lower() for n in extra_names)}
        if not is_ip(host):
            names.add(host.lower())
        return cls(token=token, names=frozenset(names), cookie=f"judge-token-{port}")

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and secrets.compare_digest(given.encode(), self.token.encode())  # type: ignore[union-attr]

    def host_ok(self, host_header: str | None) -> bool:
        """An IP literal cannot be a rebinding attack; a name must be one this server answers to."""
        if not host_header:
            return False
        name = host_name(host_header)
        return is_ip(name) or name in self.names

    def origin_ok(self, method: str, host_header: str, origin: str | None, fetch_site: str | None) -> bool:
        """Whether a request may act: reading is open (behind the token); acting needs this origin.

        Browsers send ``Origin`` (and ``Sec-Fetch-Site``) on every POST; scripts send neither.
        """
        if method in SAFE_METHODS:
            return True
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return False
        if origin is None:
            return True
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == host_header.strip().lower()


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: token X`` (Jupyter's form) or ``Bearer X`` header."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() in ("token", "bearer") else None
