"""The JSON API under the page (docs/web.md): the challenges, and judging a submission.

``POST /api/judge`` answers with the same JSON report as ``judge run --json``, or, when
asked for ``text/event-stream``, with the judgment as server-sent events (what the page
uses): each test's row as soon as it has its verdict, then the report.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from judge.model.errors import JudgeError
from judge.model.report import Report, json_safe
from judge.model.source import Source
from judge.problems.challenge import Challenge
from judge.problems.listing import rows
from judge.web import plot
from judge.web.challenges import Loaded
from judge.web.jobs import Busy, Judges, Submission, stream
from judge.web.settings import Settings

#: What the page's stream is, and how a script asks for it.
EVENT_STREAM = "text/event-stream"
#: The name reports and tracebacks give to code typed in the page.
SOURCE_NAME = "editor.py"


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def challenge_of(request: Request, cid: str) -> Challenge:
    loaded: Loaded = request.app.state.challenges
    try:
        return loaded.get(cid)
    except JudgeError as exc:
        raise ApiError(404, str(exc)) from None


async def list_challenges(request: Request) -> Response:
    return JSONResponse(rows(settings_of(request).root))


async def get_challenge(request: Request) -> Response:
    try:
        ch = challenge_of(request, request.path_params["cid"])
        return JSONResponse(details(ch))
    except ApiError as exc:
        return error(exc.status, str(exc))
    except JudgeError as exc:  # a broken challenge folder
        return error(500, str(exc))


def details(ch: Challenge) -> dict[str, Any]:
    """A challenge as the page opens it: statement, starting code, signature, sample tests."""
    cfg = ch.config
    samples = [
        json_safe({"name": t.name, "args": t.args, "kwargs": t.kwargs, "expected": t.expected, "raises": t.raises})
        for t in ch.tests
        if not t.hidden
    ]
    return {
        "id": ch.id,
        "title": cfg.title,
        "difficulty": cfg.difficulty,
        "function": cfg.function,
        "signature": cfg.signature,
        "statement": ch.statement(),
        "stub": ch.stub(),
        "samples": samples,
        "origin": ch.origin,
    }


async def status(request: Request) -> Response:
    settings = settings_of(request)
    return JSONResponse(
        {
            "isolation": settings.sandbox.isolation.to_dict(),
            "pending": judges_of(request).pending,
            "max_source_bytes": settings.max_source_bytes,
        }
    )


def judges_of(request: Request) -> Judges:
    judges: Judges = request.app.state.judges
    return judges


async def read_body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) past ``limit`` bytes before more is read."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the request is {int(declared):,} bytes; the limit is {limit:,}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, f"the request is over the limit of {limit:,} bytes")
    return bytes(body)


async def submission_of(request: Request) -> Submission:
    """The submission in a POST /api/judge body, or an ApiError naming what is wrong with it."""
    settings = settings_of(request)
    body = await read_body(request, settings.max_source_bytes + 64 * 1024)
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise ApiError(400, f'the body is not JSON ({exc}); send {{"challenge", "source", "mode"}}') from None
    if not isinstance(data, dict):
        raise ApiError(400, 'the body must be a JSON object: {"challenge", "source", "mode"}')
    unknown = sorted(set(data) - {"challenge", "source", "mode", "input"})
    if unknown:
        raise ApiError(400, f"unknown field(s) {', '.join(unknown)}; the fields are challenge, source, mode, input")
    cid, source, mode = data.get("challenge"), data.get("source"), data.get("mode", "run")
    if not isinstance(cid, str) or not cid:
        raise ApiError(400, "'challenge' must be a challenge id (see GET /api/challenges)")
    if not isinstance(source, str):
        raise ApiError(400, "'source' must be the solution's Python code, as a string")
    if mode not in ("test", "run"):
        raise ApiError(400, f'\'mode\' must be "test" (sample tests) or "run" (every test), not {mode!r}')
    if data.get("input") is not None:
        raise ApiError(400, "'input' (your own call) is not supported by this version of the judge")
    encoded = source.encode("utf-8", "surrogatepass")
    if len(encoded) > settings.max_source_bytes:
        raise ApiError(413, f"the source is {len(encoded):,} bytes; the limit is {settings.max_source_bytes:,}")
    challenge = challenge_of(request, cid)
    return Submission(challenge, Source(SOURCE_NAME, encoded), mode)


def report_json(report: Report) -> dict[str, Any]:
    """The report exactly as ``judge run --json`` prints it."""
    return report.to_dict()


async def post_judge(request: Request) -> Response:
    try:
        submission = await submission_of(request)
    except ApiError as exc:
        return error(exc.status, str(exc))
    judges = judges_of(request)
    wants_stream = EVENT_STREAM in request.headers.get("accept", "")
    events = stream(judges, submission)
    try:
        first = await anext(events)
    except Busy as exc:
        return error(503, str(exc))
    if wants_stream:
        return StreamingResponse(sse(first, events), media_type=EVENT_STREAM, headers={"x-accel-buffering": "no"})
    name, data = first
    async for item in events:  # the page's events, unused here: only the last one matters
        name, data = item
    if name == "error":
        return error(422, data["error"])
    return JSONResponse(report_json(data["report"]))


async def sse(
    first: tuple[str, dict[str, Any]], events: AsyncIterator[tuple[str, dict[str, Any]]]
) -> AsyncIterator[str]:
    """Server-sent events: ``event: NAME`` and one line of JSON per event."""

    async def all_events() -> AsyncIterator[tuple[str, dict[str, Any]]]:
        yield first
        async for item in events:
            yield item

    async for name, data in all_events():
        if name == "report":
            report: Report = data["report"]
            data = {"report": report_json(report), "plot": plot.svg(report)}
        yield f"event: {name}\ndata: {json.dumps(data)}\n\n"


ROUTES = [
    Route("/api/challenges", list_challenges),
    Route("/api/challenges/{cid}", get_challenge),
    Route("/api/status", status),
    Route("/api/judge", post_judge, methods=["POST"]),
]
