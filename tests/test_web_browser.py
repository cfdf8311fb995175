"""The practice page in a real browser: Debian's chromium, driven by Playwright.

One browser, one walk through the page as a learner uses it (each step needs the one
before), kept short: the machine is shared. Set JUDGE_SCREENSHOT=path to save the
challenge page after the accepted submission (docs/web-page.png is made so).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import judge_serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: What a headless chromium running as root in a sandbox needs (and nothing that phones home).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WRONG = "def can_shift(a, b):\n    return sorted(a) == sorted(b)\n"
SOLUTIONS = Path(__file__).resolve().parent.parent / "solutions" / "can_shift"
RIGHT = "def can_shift(a, b):\n    return len(a) == len(b) and b in a + a\n"

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(300),
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
        reason="needs Debian's chromium (apt-get install chromium); CI installs it",
    ),
]


def put_code(page: sync_api.Page, code: str) -> None:
    """Replace the editor's text, as a paste would (typing would add the editor's auto-indent)."""
    page.click(".cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)


def test_a_learner_opens_runs_fixes_submits_and_finds_the_attempt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUDGE_HOME", str(tmp_path / "home"))  # a history of this visit only
    expect = sync_api.expect
    expect.set_options(timeout=90_000)  # the first Run calibrates the budgets, on a shared machine
    with judge_serve() as served, sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            args=FLAGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        context.set_default_timeout(60_000)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        # The list, then the filter.
        page.goto(served.url)
        assert page.url == f"{served.base}/"  # the token went into a cookie, out of the address bar
        rows = page.locator("#challenges tbody tr")
        assert rows.count() >= 6
        page.fill("#filter", "shift")
        expect(page.locator("#challenges tbody tr:visible")).to_have_count(1)

        # can_shift: the statement and the editor.
        page.click("text=can_shift")
        expect(page.locator(".statement h1")).to_have_text("Can shift")
        expect(page.locator(".statement pre.highlight").first).to_be_visible()
        expect(page.locator(".cm-content")).to_contain_text("def can_shift")

        # A wrong solution: Run shows WA and the sample's diff.
        put_code(page, WRONG)
        page.click("#run")
        expect(page.locator(".summary.s-WA")).to_be_visible()
        row = page.locator("tr.r-WA", has_text="sample-2")
        expect(row).to_be_visible()
        detail = page.locator("tr.detail details[open]").first
        expect(detail.locator("pre.diff.expected .differs")).to_have_text("False")
        expect(detail.locator("pre.diff.got .differs")).to_have_text("True")
        expect(detail).to_contain_text('can_shift("abc", "acb")')

        # Fixed: Submit (by its key, Ctrl-Shift-Enter in the editor) judges every test, shows AC and the plot.
        put_code(page, RIGHT)
        page.keyboard.press("Control+Shift+Enter")
        expect(page.locator(".summary.s-AC")).to_be_visible(timeout=180_000)
        expect(page.locator(".summary")).to_contain_text("37/37 passed")
        expect(page.locator(".summary")).to_contain_text("known accepted solution")  # the speed line
        expect(page.locator("tr.done", has_text="(hidden)").first).to_be_visible()
        plot = page.locator("figure.plot svg")
        expect(plot).to_be_visible()
        assert plot.locator("circle").count() >= 8

        # Reload: the code is still there, and the attempts are in the history.
        page.reload()
        expect(page.locator(".cm-content")).to_contain_text("b in a + a")
        page.click("[data-tab=attempts]")
        attempts = page.locator("#attempt-list li.attempt")
        expect(attempts).to_have_count(2)
        expect(attempts.nth(0)).to_contain_text("37/37 · Submit")
        expect(attempts.nth(1)).to_contain_text("2/3 · Run")
        page.once("dialog", lambda dialog: dialog.accept())  # "replace the editor's code?"
        attempts.nth(1).locator("button").click()
        expect(page.locator(".cm-content")).to_contain_text("sorted(a) == sorted(b)")

        # The list marks the challenge solved.
        page.click("a.brand")
        expect(page.locator("tr.solved", has_text="can_shift")).to_be_visible()
        page.click("text=can_shift")

        if os.environ.get("JUDGE_SCREENSHOT"):
            screenshot(page, os.environ["JUDGE_SCREENSHOT"])

        # Without the token (no cookie, no ?token=): refused.
        context.clear_cookies()
        response = page.goto(f"{served.base}/challenge/can_shift")
        assert response is not None and response.status == 401
        expect(page.locator("body")).to_contain_text("token")
        assert not errors, errors
        context.close()
    assert re.match(r"http://127\.0\.0\.1:\d+$", served.base)


def screenshot(page: sync_api.Page, path: str) -> None:
    """The page after submitting the interview's O(n²) answer: TLE, and the plot shows why."""
    put_code(page, (SOLUTIONS / "time_limit_exceeded" / "interview_fixed.py").read_text())
    page.click("#submit")
    sync_api.expect(page.locator(".summary.s-TLE")).to_be_visible(timeout=180_000)
    page.set_viewport_size({"width": 1440, "height": 1000})
    page.locator(".summary").scroll_into_view_if_needed()
    page.screenshot(path=path)
