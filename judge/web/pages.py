"""The HTML pages: the challenge list and a challenge's page (statement, editor, report)."""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from judge import __version__
from judge.model.errors import JudgeError
from judge.practice import history
from judge.problems.challenge import Challenge
from judge.problems.folder import SAMPLE
from judge.problems.listing import rows
from judge.problems.problemset import find
from judge.problems.testdata import read_json_tests
from judge.web import statement
from judge.web.api import settings_of
from judge.web.settings import Settings

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")


def common(request: Request) -> dict[str, object]:
    settings: Settings = settings_of(request)
    return {"isolation": settings.sandbox.isolation, "version": __version__}


def challenge_list(request: Request) -> Response:
    settings = settings_of(request)
    challenges = rows(settings.root)
    problem = history.add_progress(challenges)
    origins = sorted({c["origin"] for c in challenges})
    context = {
        **common(request),
        "challenges": challenges,
        "show_origin": origins != ["built-in"],
        "history_warning": f"cannot read the history ({problem})" if problem else None,
    }
    return templates.TemplateResponse(request, "list.html", context)


def challenge_page(request: Request) -> Response:
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
    page = {
        "id": ch.id,
        "function": config.function,
        "stub": stub,
        "max_source_bytes": settings.max_source_bytes,
        "input_example": input_example(ch),
    }
    context = {**common(request), "challenge": ch, "config": config, "statement": html, "page": page}
    return templates.TemplateResponse(request, "challenge.html", context)


def input_example(ch: Challenge) -> str:
    """The first sample's arguments as JSON: what the custom-input box shows as a hint."""
    try:
        samples = read_json_tests(ch.path / SAMPLE, hidden=False)
    except JudgeError:
        return "[...]"
    if not samples:
        return "[...]"
    first = samples[0]
    value: object = first.args if not first.kwargs else {"args": first.args, "kwargs": first.kwargs}
    text = json.dumps(value)
    return text if len(text) <= 120 else "[...]"


async def highlight_css(request: Request) -> Response:
    return Response(statement.stylesheet(), media_type="text/css")


async def no_icon(request: Request) -> Response:
    return Response(status_code=204)


ROUTES = [
    Route("/favicon.ico", no_icon),
    Route("/", challenge_list),
    Route("/challenge/{cid}", challenge_page),
    Route("/static/highlight.css", highlight_css),
    Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
]
