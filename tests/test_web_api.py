"""The practice page's API through its ASGI app: the guard, the limits, and judging.

The app runs in-process (Starlette's TestClient); solutions run in the real sandbox.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from judge.cli import cli  # noqa: E402
from judge.runner.sandbox import best_sandbox  # noqa: E402
from judge.web.app import create_app  # noqa: E402
from judge.web.security import Guard  # noqa: E402
from judge.web.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions" / "can_shift"
TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"token {TOKEN}"}
BASE = "http://127.0.0.1:8765"
RIGHT = "def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n"

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def client() -> Any:
    guard = Guard.for_server(TOKEN, "127.0.0.1", 8765)
    app = create_app(Settings(root=None, sandbox=best_sandbox(), guard=guard, max_source_bytes=4096))
    with TestClient(app, base_url=BASE) as c:
        yield c


def body(source: str = RIGHT, mode: str = "test", **more: Any) -> dict[str, Any]:
    return {"challenge": "can_shift", "source": source, "mode": mode, **more}


# -- the token ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/challenge/can_shift"),
        ("GET", "/api/challenges"),
        ("GET", "/static/app.js"),
        ("POST", "/api/judge"),
    ],
)
def test_every_request_without_the_token_gets_401(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path, json=body() if method == "POST" else None)
    assert response.status_code == 401
    assert "token" in response.text


def test_a_wrong_token_gets_401_in_every_place_it_can_be_given(client: TestClient) -> None:
    assert client.get("/api/challenges", headers={"Authorization": "token nope"}).status_code == 401
    assert client.get("/api/challenges?token=nope").status_code == 401
    client.cookies.set("judge-token-8765", "nope")
    try:
        assert client.get("/api/challenges").status_code == 401
    finally:
        client.cookies.clear()


def test_the_token_in_the_url_becomes_a_cookie_and_leaves_the_address_bar(client: TestClient) -> None:
    response = client.get(f"/challenge/can_shift?token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/challenge/can_shift"
    cookie = response.headers["set-cookie"]
    assert f"judge-token-8765={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    try:
        assert client.get("/api/challenges").status_code == 200  # the cookie alone now
    finally:
        client.cookies.clear()


def test_a_cookie_of_another_port_s_server_is_not_this_one_s(client: TestClient) -> None:
    client.cookies.set("judge-token-9999", TOKEN)
    try:
        assert client.get("/api/challenges").status_code == 401
    finally:
        client.cookies.clear()


# -- Host and Origin ------------------------------------------------------------------------


def test_a_foreign_host_gets_403_even_with_the_token(client: TestClient) -> None:
    response = client.get("/api/challenges", headers={**AUTH, "Host": "attacker.example:8765"})
    assert response.status_code == 403
    assert client.get("/api/challenges", headers={**AUTH, "Host": "localhost:8765"}).status_code == 200


def test_a_cross_site_post_gets_403_and_judges_nothing(client: TestClient) -> None:
    for headers in ({"Origin": "http://attacker.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}):
        response = client.post("/api/judge", json=body(), headers={**AUTH, **headers})
        assert response.status_code == 403, headers
    assert client.get("/api/status", headers=AUTH).json()["pending"] == 0


def test_the_page_s_own_post_is_accepted(client: TestClient) -> None:
    same = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
    response = client.post("/api/judge", json=body(), headers={**AUTH, **same})
    assert response.status_code == 200, response.text
    assert response.json()["verdict"] == "AC"


def test_responses_forbid_framing_and_foreign_scripts(client: TestClient) -> None:
    headers = client.get("/api/challenges", headers=AUTH).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


# -- what a submission may be ---------------------------------------------------------------


def test_a_source_over_the_cap_gets_413_before_judging(client: TestClient) -> None:
    big = RIGHT + "#" * 5000
    response = client.post("/api/judge", json=body(big), headers=AUTH)
    assert response.status_code == 413
    assert "limit" in response.json()["error"]


def test_a_declared_huge_body_is_refused_unread(client: TestClient) -> None:
    headers = {**AUTH, "Content-Type": "application/json", "Content-Length": str(10**9)}
    response = client.post("/api/judge", content=b"{}", headers=headers)
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        (b"not json", 400, "not JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (json.dumps(body(colour="red")).encode(), 400, "unknown field(s) colour"),
        (json.dumps(body(mode="all")).encode(), 400, "'mode' must be"),
        (json.dumps({"challenge": "can_shift", "source": 3}).encode(), 400, "'source' must be"),
        (json.dumps({**body(), "challenge": "can_shft"}).encode(), 404, "did you mean 'can_shift'"),
        (json.dumps(body(mode="run", input=["a", "b"])).encode(), 400, 'goes with mode "test"'),
        (json.dumps(body(input="ab")).encode(), 400, "as a JSON list"),
        (json.dumps(body(input={"args": "ab"})).encode(), 400, "a list of args"),
        (json.dumps(body(input=["a"])).encode(), 400, "does not fit can_shift(a: str, b: str) -> bool"),
        (json.dumps(body(input={"kwargs": {"c": 1}, "args": ["a", "b"]})).encode(), 400, "does not fit"),
    ],
)
def test_a_bad_request_gets_one_line_naming_the_fix(
    client: TestClient, payload: bytes, status: int, words: str
) -> None:
    response = client.post("/api/judge", content=payload, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == status
    assert words in response.json()["error"]
    assert "\n" not in response.json()["error"]


# -- listing and judging --------------------------------------------------------------------


def test_the_list_is_judge_list_json_with_the_history_s_progress(client: TestClient) -> None:
    listed = client.get("/api/challenges", headers=AUTH).json()
    cli_rows = json.loads(CliRunner().invoke(cli, ["list", "--json"]).output)
    assert listed == cli_rows
    assert "can_shift" in [row["id"] for row in listed]
    assert {"solved", "attempts"} <= listed[0].keys()


def test_a_challenge_opens_with_its_statement_stub_and_samples(client: TestClient) -> None:
    data = client.get("/api/challenges/can_shift", headers=AUTH).json()
    assert data["function"] == "can_shift" and "def can_shift" in data["stub"]
    assert [s["name"] for s in data["samples"]] == ["sample-1", "sample-2", "sample-3"]
    assert client.get("/api/challenges/nope", headers=AUTH).status_code == 404


def test_the_statement_page_renders_markdown_with_highlighted_code(client: TestClient) -> None:
    page = client.get("/challenge/can_shift", headers=AUTH).text
    assert "<h1>Can shift</h1>" in page and "<table>" in page
    assert '<pre class="highlight"><code class="language-python"><span class="k">def</span>' in page
    assert "isolation: bubblewrap" in page or "NOT isolated" in page


def strip_timing(report: dict[str, Any]) -> dict[str, Any]:
    """A report without what differs between two runs of the same solution: times and memory."""
    noisy = {"time_ms", "wall_ms", "memory_kib", "time_range_ms", "time_vs_reference", "growth", "solution"}
    out = {k: v for k, v in report.items() if k not in noisy}
    out["tests"] = [{k: v for k, v in t.items() if k not in noisy} for t in report["tests"]]
    return out


@pytest.mark.slow
def test_run_answers_the_same_json_as_judge_run_json(client: TestClient) -> None:
    path = SOLUTIONS / "wrong_answer" / "same_letters.py"
    page = client.post("/api/judge", json=body(path.read_text(), mode="run"), headers=AUTH).json()
    result = CliRunner().invoke(cli, ["run", "can_shift", str(path), "--json"])
    assert result.exit_code == 1, result.output
    terminal = json.loads(result.output)
    assert page.keys() == terminal.keys()
    assert strip_timing(page) == strip_timing(terminal)
    assert page["verdict"] == "WA" and page["solution"] == "editor.py"
    hidden = [t for t in page["tests"] if t["hidden"]]
    assert hidden and all(not {"input", "expected", "got", "stdout", "stderr", "message"} & t.keys() for t in hidden)


def events(client: TestClient, payload: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    headers = {**AUTH, "Accept": "text/event-stream"}
    with client.stream("POST", "/api/judge", json=payload, headers=headers) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        name = None
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                assert name is not None
                out.append((name, json.loads(line[6:])))
    return out


def test_run_on_the_samples_streams_each_row_then_the_report(client: TestClient) -> None:
    wrong = "def can_shift(a, b):\n    print('<script>alert(1)</script>')\n    return sorted(a) == sorted(b)\n"
    seen = events(client, body(wrong, mode="test"))
    names = [n for n, _ in seen]
    assert names[0] == "started" and names[-1] == "report"
    assert names.count("test") == 3  # the samples only
    rows = [d["result"] for n, d in seen if n == "test"]
    assert [r["verdict"] for r in rows] == ["AC", "WA", "AC"]
    assert rows[1]["expected"] is False and rows[1]["got"] is True
    assert rows[1]["stdout"] == "<script>alert(1)</script>\n"  # as text; the page never parses it as HTML
    report = seen[-1][1]
    assert report["report"]["verdict"] == "WA" and report["plot"] is None


@pytest.mark.slow
def test_submit_streams_hidden_rows_redacted_and_a_plot(client: TestClient) -> None:
    seen = events(client, body(RIGHT, mode="run"))
    started = seen[0][1]
    assert started["isolation"]["level"] and len(started["tests"]) == 37
    hidden = [d["result"] for n, d in seen if n == "test" and d["result"]["hidden"]]
    assert len(hidden) == 34
    assert all(not {"input", "expected", "got", "stdout", "stderr", "message"} & r.keys() for r in hidden)
    final = seen[-1][1]
    assert final["report"]["verdict"] == "AC"
    svg = final["plot"]
    assert svg.startswith("<svg") and svg.count("<circle") >= 8  # solution and reference points
    assert "your solution" in svg and "reference" in svg


# -- hostile code through the page ----------------------------------------------------------

HOSTILE = REPO / "tests" / "hostile"


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["eq_always_true.py", "fake_output.py", "os_exit_in_test.py", "exit_at_import.py", "read_answers.py"]
)
def test_a_hostile_solution_gets_the_same_verdict_as_in_the_cli(client: TestClient, name: str) -> None:
    path = HOSTILE / name
    page = client.post("/api/judge", json=body(path.read_text(), mode="run"), headers=AUTH).json()
    terminal = json.loads(CliRunner().invoke(cli, ["run", "can_shift", str(path), "--json"]).output)
    assert page["verdict"] == terminal["verdict"]
    assert [t["verdict"] for t in page["tests"]] == [t["verdict"] for t in terminal["tests"]]
    assert page["isolation"] == terminal["isolation"]


# -- an instructor's problem set ------------------------------------------------------------


def test_a_root_problem_set_is_served_beside_the_built_in_one_and_escaped(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "new", "two_sum"])
    assert result.exit_code == 0, result.output
    toml = tmp_path / "challenges" / "two_sum" / "challenge.toml"
    toml.write_text(re.sub(r'title = ".*"', 'title = "Two <b>sum</b>"', toml.read_text()))
    assert CliRunner().invoke(cli, ["--root", str(tmp_path), "new", "broken_one"]).exit_code == 0
    (tmp_path / "challenges" / "broken_one" / "challenge.toml").write_text("title = [\n")
    guard = Guard.for_server(TOKEN, "127.0.0.1", 8765)
    app = create_app(Settings(root=tmp_path, sandbox=best_sandbox(), guard=guard))
    with TestClient(app, base_url=BASE) as c:
        ids = [row["id"] for row in c.get("/api/challenges", headers=AUTH).json()]
        assert "two_sum" in ids and "can_shift" in ids
        page = c.get("/", headers=AUTH).text
        assert "Two &lt;b&gt;sum&lt;/b&gt;" in page and "<b>sum</b>" not in page
        assert str(tmp_path) in page  # the list says where each challenge comes from
        assert 'class="broken"' in page and "broken: challenges/broken_one/challenge.toml" in page
        stub = c.get("/api/challenges/two_sum", headers=AUTH).json()["stub"]
        report = c.post("/api/judge", json={"challenge": "two_sum", "source": stub, "mode": "test"}, headers=AUTH)
        assert report.status_code == 200 and report.json()["verdict"] != "AC"  # the stub is not a solution


# -- the practice loop through the page -----------------------------------------------------


def test_run_with_your_own_input_adds_a_visible_custom_test_answered_by_the_reference(client: TestClient) -> None:
    wrong = (SOLUTIONS / "wrong_answer" / "empty_is_false.py").read_text()
    report = client.post("/api/judge", json=body(wrong, input=["", ""]), headers=AUTH).json()
    names = [t["name"] for t in report["tests"]]
    assert names == ["sample-1", "sample-2", "sample-3", "custom-1"]
    custom = report["tests"][-1]
    assert custom["hidden"] is False and custom["verdict"] == "WA"
    assert custom["input"] == {"args": ["", ""], "kwargs": {}}
    assert custom["expected"] is True and custom["got"] is False
    assert report["verdict"] == "WA"
    keyword = client.post("/api/judge", json=body(RIGHT, input={"args": ["ab"], "kwargs": {"b": "ba"}}), headers=AUTH)
    assert keyword.json()["tests"][-1]["verdict"] == "AC"


def test_run_answers_the_same_json_as_judge_test_json(client: TestClient, tmp_path: Path) -> None:
    path = SOLUTIONS / "wrong_answer" / "same_letters.py"
    page = client.post("/api/judge", json=body(path.read_text()), headers=AUTH).json()
    terminal = json.loads(CliRunner().invoke(cli, ["test", "can_shift", str(path), "--json"]).output)
    assert strip_timing(page) == strip_timing(terminal)
    assert page["scope"] == "samples"


@pytest.mark.slow
def test_submit_shows_a_counterexample_for_a_failing_hidden_test(client: TestClient) -> None:
    wrong = (SOLUTIONS / "wrong_answer" / "empty_is_false.py").read_text()
    seen = events(client, body(wrong, mode="run"))
    assert ("explaining", {"step": "counterexample", "text": seen_text(seen, "counterexample")}) in seen
    report = seen[-1][1]["report"]
    assert report["verdict"] == "WA"
    found = report["counterexample"]
    assert found["input"] == {"args": ["", ""], "kwargs": {}}
    assert found["expected"] is True and found["got"] is False and found["verdict"] == "WA"


def seen_text(seen: list[tuple[str, dict[str, Any]]], step: str) -> str:
    return next(d["text"] for n, d in seen if n == "explaining" and d["step"] == step)


def test_a_note_says_when_the_function_changes_its_arguments(client: TestClient) -> None:
    reference = (REPO / "solutions" / "roc_auc" / "accepted" / "reference.py").read_text()
    sorting = reference.replace("    n = len(y_true)\n", "    n = len(y_true)\n    y_score.sort()\n", 1)
    assert sorting != reference
    payload = {"challenge": "roc_auc", "source": sorting, "mode": "test"}
    report = client.post("/api/judge", json=payload, headers=AUTH).json()
    (note,) = [n for n in report["notes"] if n["kind"] == "mutates_input"]
    assert "'y_score'" in note["message"]


def test_every_judgment_joins_the_history_and_its_code_can_be_reopened(client: TestClient) -> None:
    marked = RIGHT + "# reopen me\n"
    client.post("/api/judge", json=body(marked), headers=AUTH)
    attempts = client.get("/api/history?challenge=can_shift&limit=5", headers=AUTH).json()
    newest = attempts[0]
    assert newest["file"] == "(judge serve)" and newest["scope"] == "samples" and newest["verdict"] == "AC"
    assert newest["reopen"] is True
    again = client.get(f"/api/sources/{newest['sha256']}", headers=AUTH).json()
    assert again["source"] == marked
    assert client.get("/api/sources/" + "0" * 64, headers=AUTH).status_code == 404
    assert client.get("/api/sources/not-a-hash", headers=AUTH).status_code == 400
    history_cli = json.loads(CliRunner().invoke(cli, ["history", "can_shift", "--json"]).output)
    assert history_cli[0]["sha256"] == newest["sha256"]  # one history for the CLI and the page


def test_judge_no_history_keeps_the_page_s_attempts_out(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    before = len(client.get("/api/history?challenge=can_shift&limit=500", headers=AUTH).json())
    monkeypatch.setenv("JUDGE_NO_HISTORY", "1")
    client.post("/api/judge", json=body(), headers=AUTH)
    assert len(client.get("/api/history?challenge=can_shift&limit=500", headers=AUTH).json()) == before


def test_a_solved_challenge_is_marked_in_the_list(client: TestClient) -> None:
    client.post("/api/judge", json=body(RIGHT, mode="run"), headers=AUTH)
    row = next(r for r in client.get("/api/challenges", headers=AUTH).json() if r["id"] == "can_shift")
    assert row["solved"] is True and row["attempts"] >= 1
    page = client.get("/", headers=AUTH).text
    assert '<span title="solved">✓</span>' in page
