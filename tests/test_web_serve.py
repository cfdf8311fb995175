"""``judge serve`` as a user starts it: the address it prints, its errors, and a real server."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.cli import serve as serve_cmd

pytest.importorskip("uvicorn")

from conftest import judge_serve  # noqa: E402

pytestmark = pytest.mark.timeout(120)


def test_without_the_web_packages_one_line_says_how_to_get_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_cmd, "missing_web_packages", lambda: ["starlette", "uvicorn"])
    result = CliRunner().invoke(cli, ["serve", "--no-browser"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "pip install 'judge[web]'" in result.output and "starlette, uvicorn missing" in result.output


def test_a_taken_port_is_one_line_naming_the_fix() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 2
    assert f"port {port} is already in use; pick another with --port" in result.output


def test_a_bad_root_is_one_line_before_anything_listens(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "serve", "--no-browser"])
    assert result.exit_code == 2 and "no challenges/ folder" in result.output


def get(url: str, token: str | None = None, data: dict[str, Any] | None = None) -> tuple[int, Any]:
    headers = {"Authorization": f"token {token}"} if token else {}
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


@pytest.mark.slow
def test_a_served_page_on_loopback_answers_only_with_its_token_and_stops_on_ctrl_c() -> None:
    with judge_serve() as served:
        assert served.base.startswith("http://127.0.0.1:")
        assert len(served.token) >= 32
        assert get(f"{served.base}/api/status")[0] == 401
        status, data = get(f"{served.base}/api/status", served.token)
        assert status == 200 and data["pending"] == 0
        # A solution that tries to reach the server itself (it knows the port, not the token):
        # it runs with no network, so it answers correctly and gets AC.
        port = served.base.rsplit(":", 1)[1]
        probe = (
            "import socket\n"
            "def can_shift(a, b):\n"
            f"    try:\n        socket.create_connection(('127.0.0.1', {port}), timeout=1)\n        return None\n"
            "    except OSError:\n        return len(a) == len(b) and b in a + a\n"
        )
        payload = {"challenge": "can_shift", "source": probe, "mode": "test"}
        status, report = get(f"{served.base}/api/judge", served.token, payload)
        assert status == 200 and report["verdict"] == "AC", report
        code = served.stop()
    assert code == 130  # Ctrl-C, as 'judge grade' and watch mode exit
