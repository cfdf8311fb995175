"""The HTML pages: the challenge list and a challenge's page (statement, editor, report)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from judge import __version__
from judge.model.errors import JudgeError
from judge.problems.listing import rows
from judge.problems.problemset import find
from judge.web import statement
from judge.web.api import settings_of
from judge.web.settings import Settings

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")


def common(request: Request) -> dict[str, object]:
    settings: Settings = settings_of(request)
    return {"isolation": settings.sandbox.isolation, "version": __version__}


async def challenge_list(request: Request) -> Response:
    settings = settings_of(request)
    challenges = rows(settings.root)
    origins = sorted({c["origin"] for c in challenges})
    context = {**common(request), "challenges": challenges, "show_origin": origins != ["built-in"]}
    return templates.TemplateResponse(request, "list.html", context)


async def challenge_page(request: Request) -> Response:
    settings = settings_of(request)
    cid = request.path_params["cid"]
    try:
        ch = find(cid, settings.root)
        html = statement.render(ch.statement())
        stub = ch.stub()
        config = ch.config
    except JudgeError as exc:
        context = {**common(request), "message": str(exc)}
        return templates.TemplateResponse(request, "missing.html", context, status_code=404)
    page = {"id": ch.id, "function": config.function, "stub": stub, "max_source_bytes": settings.max_source_bytes}
    context = {**common(request), "challenge": ch, "config": config, "statement": html, "page": page}
    return templates.TemplateResponse(request, "challenge.html", context)


async def highlight_css(request: Request) -> Response:
    return Response(statement.stylesheet(), media_type="text/css")


ROUTES = [
    Route("/", challenge_list),
    Route("/challenge/{cid}", challenge_page),
    Route("/static/highlight.css", highlight_css),
    Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
]
