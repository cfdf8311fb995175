"""The page's judging queue with a made-up judge (no process): order, limits, cancelling."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

pytest.importorskip("starlette")

from judge.model.events import EventFn, Started, TestFinished, TestInfo  # noqa: E402
from judge.model.report import Isolation, Report, TestResult  # noqa: E402
from judge.model.source import Source  # noqa: E402
from judge.model.verdict import Verdict  # noqa: E402
from judge.problems.problemset import find  # noqa: E402
from judge.runner.sandbox import ProcessSandbox  # noqa: E402
from judge.runner.spares import Spares  # noqa: E402
from judge.web import jobs  # noqa: E402

pytestmark = pytest.mark.timeout(30)
ISOLATION = Isolation(level="test", isolated=False)


class FakeJudge:
    """Judges a submission as two tests, waiting for ``release`` between them."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.release = threading.Event()
        self.stopped: list[str] = []

    def __call__(
        self, submission: jobs.Submission, sandbox: ProcessSandbox, spares: Spares | None, on_event: EventFn
    ) -> jobs.Judged:
        name = submission.source.name
        self.order.append(name)
        tests = (TestInfo("t1", False), TestInfo("t2", True))
        on_event(Started("c", name, tests, ISOLATION))
        results = []
        try:
            for i, info in enumerate(tests, 1):
                result = TestResult(info.name, info.hidden, Verdict.AC)
                results.append(result)
                on_event(TestFinished(result, i, 2))
                self.release.wait(10)
        except jobs.Cancelled:
            self.stopped.append(name)
            raise
        return jobs.Judged(Report("c", name, Verdict.AC, results, ISOLATION))


def submission(name: str) -> jobs.Submission:
    return jobs.Submission(find("can_shift"), Source(name, b""), "run")


async def collect(judges: jobs.Judges, name: str) -> list[tuple[str, Any]]:
    return [item async for item in jobs.stream(judges, submission(name))]


def test_submissions_are_judged_one_at_a_time_in_order() -> None:
    fake = FakeJudge()
    judges = jobs.Judges(ProcessSandbox(), run=fake, warm=False)

    async def main() -> list[list[tuple[str, Any]]]:
        first = asyncio.create_task(collect(judges, "a"))
        await asyncio.sleep(0.05)
        second = asyncio.create_task(collect(judges, "b"))
        await asyncio.sleep(0.05)
        assert fake.order == ["a"]  # b waits while a runs
        fake.release.set()
        return list(await asyncio.gather(first, second))

    a, b = asyncio.run(main())
    judges.close()
    assert fake.order == ["a", "b"]
    assert [n for n, _ in a] == ["started", "test", "test", "report"]
    assert [n for n, _ in b] == ["queued", "started", "test", "test", "report"]
    assert b[0][1] == {"ahead": 1}
    assert b[-1][1]["report"].solution == "b" and b[-1][1]["history_warning"] is None
    assert a[2][1]["result"]["name"] == "t2" and a[2][1]["result"]["hidden"] is True


def test_a_client_that_leaves_stops_its_judgment_at_the_next_test() -> None:
    fake = FakeJudge()
    judges = jobs.Judges(ProcessSandbox(), run=fake, warm=False)

    async def main() -> None:
        events = jobs.stream(judges, submission("a"))
        assert (await anext(events))[0] == "started"
        await events.aclose()  # the browser tab was closed
        fake.release.set()
        for _ in range(100):
            if fake.stopped:
                return
            await asyncio.sleep(0.02)

    asyncio.run(main())
    judges.close()
    assert fake.stopped == ["a"]


def test_a_full_queue_refuses_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "MAX_WAITING", 1)
    fake = FakeJudge()
    judges = jobs.Judges(ProcessSandbox(), run=fake, warm=False)
    judges.submit(submission("a"), lambda e: None)
    judges.submit(submission("b"), lambda e: None)
    with pytest.raises(jobs.Busy, match="already waiting"):
        judges.submit(submission("c"), lambda e: None)
    fake.release.set()
    judges.close()


def test_an_error_of_the_challenge_ends_the_stream_with_its_message() -> None:
    def broken(
        submission: jobs.Submission, sandbox: ProcessSandbox, spares: Spares | None, on_event: EventFn
    ) -> jobs.Judged:
        from judge.model.errors import ChallengeError

        raise ChallengeError("challenges/x/checker.py", "must define check(expected, got, *, args, kwargs)")

    judges = jobs.Judges(ProcessSandbox(), run=broken, warm=False)
    seen = asyncio.run(collect(judges, "a"))
    judges.close()
    assert seen == [("error", {"error": "challenges/x/checker.py: must define check(expected, got, *, args, kwargs)"})]


def test_submit_judges_as_judge_run_and_run_as_judge_test() -> None:
    from judge.cli.run import SEARCH_S
    from judge.problems.calls import Call

    sandbox = ProcessSandbox()
    submit = jobs.options_for(submission("a"), sandbox, None)
    assert submit.tests == "all" and submit.check_state and submit.search_s == SEARCH_S
    call = Call(["ab", "ba"], {})
    run = jobs.options_for(jobs.Submission(find("can_shift"), Source("a", b""), "test", (call,)), sandbox, None)
    assert run.tests == "samples" and run.custom == [call] and run.search_s == 0
    assert not run.repeat and not run.compare_reference and run.check_state
