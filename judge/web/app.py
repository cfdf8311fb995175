"""The practice page's ASGI app: the routes behind the guard (see security.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from judge.web import api, pages
from judge.web.challenges import Loaded
from judge.web.jobs import Judges
from judge.web.security import HEADERS, Guard, bearer
from judge.web.settings import Settings


def create_app(settings: Settings) -> Starlette:
    judges = Judges(settings.sandbox)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        judges.close()

    app = Starlette(routes=[*api.ROUTES, *pages.ROUTES], lifespan=lifespan)
    app.state.settings = settings
    app.state.judges = judges
    app.state.challenges = Loaded(settings.root)
    app.add_middleware(Guarded, guard=settings.guard)
    return app


class Guarded:
    """Refuses requests with a foreign Host (403), from a foreign origin (403) or without the token (401)."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            await send({"type": "websocket.close", "code": 1008})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in HEADERS.items():
                    headers.setdefault(key, value)
            await send(message)

        response = self.check(Request(scope))
        await (response or self.app)(scope, receive, send_with_headers)

    def check(self, request: Request) -> Response | None:
        """The response that refuses this request, or None to let it through."""
        guard, headers = self.guard, request.headers
        api = request.url.path.startswith("/api/")
        host = headers.get("host", "")
        if not guard.host_ok(host):
            return refusal(api, 403, f"this server does not answer to the host {host!r}; open it at 127.0.0.1")
        if not guard.origin_ok(request.method, host, headers.get("origin"), headers.get("sec-fetch-site")):
            return refusal(api, 403, "a request from another site may not act on this server")
        in_query = request.query_params.get("token")
        given = in_query or bearer(headers.get("authorization")) or request.cookies.get(guard.cookie)
        if not guard.token_ok(given):
            why = "a wrong token" if given else "no token"
            return refusal(
                api,
                401,
                f"{why}: open the address that 'judge serve' printed (it ends in ?token=…), "
                "or send the header 'Authorization: token …'",
            )
        if in_query and request.method == "GET" and not api:
            # Keep the token in a cookie and take it out of the address bar (and the history).
            rest = request.url.remove_query_params("token")
            target = rest.path + (f"?{rest.query}" if rest.query else "")
            redirect = RedirectResponse(target, status_code=303)
            redirect.set_cookie(guard.cookie, guard.token, httponly=True, samesite="strict")
            return redirect
        return None


def refusal(api: bool, status: int, message: str) -> Response:
    if api:
        return JSONResponse({"error": message}, status_code=status)
    page = (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>judge: refused</title>'
        f'<body style="font-family:sans-serif;max-width:40em;margin:3em auto"><h1>{status}</h1>'
        f"<p>{escape(message)}</p></body></html>"
    )
    return HTMLResponse(page, status_code=status)
