"""The JSON API under the page (docs/web.md): the challenges, the history, and judging a submission.

Endpoints that read files or the history are plain functions: Starlette runs them in its
thread pool, so a slow disk or a locked database never stalls the event loop.

``POST /api/judge`` answers with the same JSON report as ``judge run --json``, or, when
asked for ``text/event-stream``, with the judgment as server-sent events (what the page
uses): each test's row as soon as it has its verdict, then the report.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from judge.model.errors import JudgeError
from judge.model.report import Report, json_safe
from judge.model.source import Source
from judge.practice import history
from judge.problems.calls import Call, Reference
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


def list_challenges(request: Request) -> Response:
    """As ``judge list --json``: each challenge with ``solved`` and ``attempts`` from the history."""
    listed = rows(settings_of(request).root)
    history.add_progress(listed)
    return JSONResponse(listed)


def list_history(request: Request) -> Response:
    """Past attempts, newest first (``judge history --json``), each saying whether it can be reopened."""
    cid = request.query_params.get("challenge")
    try:
        limit = max(1, min(int(request.query_params.get("limit", "50")), 500))
    except ValueError:
        return error(400, "'limit' must be a number of attempts")
    try:
        found = history.attempts(cid, limit)
        kept = history.kept(sorted({a.sha256 for a in found}))
    except history.HistoryError as exc:
        return error(503, f"cannot read the history: {exc}")
    return JSONResponse([{**a.to_dict(), "reopen": a.sha256 in kept} for a in found])


def get_source(request: Request) -> Response:
    """The code an attempt judged, by the hash the history gives."""
    sha = request.path_params["sha256"]
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        return error(400, "give the sha256 of an attempt, as GET /api/history lists them")
    try:
        text = history.source(sha)
    except history.HistoryError as exc:
        return error(503, f"cannot read the history: {exc}")
    if text is None:
        return error(404, "that attempt's code was not kept (too large, not UTF-8, or recorded before it was kept)")
    return JSONResponse({"sha256": sha, "source": text})


def get_challenge(request: Request) -> Response:
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
    if data.get("input") is not None and mode != "test":
        raise ApiError(400, '\'input\' (your own call) goes with mode "test" (Run), not with "run"')
    encoded = source.encode("utf-8", "surrogatepass")
    if len(encoded) > settings.max_source_bytes:
        raise ApiError(413, f"the source is {len(encoded):,} bytes; the limit is {settings.max_source_bytes:,}")
    challenge = challenge_of(request, cid)
    custom = () if data.get("input") is None else (call_of(challenge, data["input"]),)
    return Submission(challenge, Source(SOURCE_NAME, encoded), mode, custom)


def call_of(challenge: Challenge, value: Any) -> Call:
    """The learner's own call: a JSON list of arguments, or {"args": [...], "kwargs": {...}}."""
    example = '["ab", "ba"] or {"args": ["ab"], "kwargs": {"b": "ba"}}'
    if isinstance(value, list):
        call = Call(value, {})
    elif isinstance(value, dict) and set(value) <= {"args", "kwargs"}:
        args, kwargs = value.get("args", []), value.get("kwargs", {})
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            raise ApiError(400, f"'input' must hold a list of args and an object of kwargs, e.g. {example}")
        call = Call(args, kwargs)
    else:
        raise ApiError(400, f"'input' must be the call's arguments as a JSON list, or {{args, kwargs}}: e.g. {example}")
    try:
        misfit = Reference(challenge).misfit(call)
    except JudgeError as exc:
        raise ApiError(422, str(exc)) from None
    if misfit is not None:
        raise ApiError(400, f"'input' does not fit {challenge.config.signature}: {misfit}")
    return call


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
            data = {"report": report_json(report), "plot": plot.svg(report), "history_warning": data["history_warning"]}
        yield f"event: {name}\ndata: {json.dumps(data)}\n\n"


ROUTES = [
    Route("/api/challenges", list_challenges),
    Route("/api/challenges/{cid}", get_challenge),
    Route("/api/status", status),
    Route("/api/history", list_history),
    Route("/api/sources/{sha256}", get_source),
    Route("/api/judge", post_judge, methods=["POST"]),
]
