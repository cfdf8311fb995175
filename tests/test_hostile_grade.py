"""Attacks on ``judge grade`` (issue 11): each asserts the row and the absence of the side effect.

- A submission that is a symbolic link (to the shipped reference, to /etc/shadow, through a
  linked folder), a FIFO, or a file over the size cap is never opened, never judged, and gets
  a REFUSED row that says why. inotify proves the link's target is never opened.
- Grading refuses to run below full isolation unless --allow-unisolated is given, and every
  row says which isolation it was judged in.
- File names that a spreadsheet would run as formulas are neutralised in the CSV.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from judge.cli import cli
from judge.grading.gradebook import FORMULA_START, REFUSED, Gradebook
from judge.runner import sandbox as sandbox_mod

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "solutions" / "can_shift" / "accepted" / "reference.py"
ACCEPTED = REPO / "solutions" / "can_shift" / "accepted" / "kmp.py"
ISOLATED = sandbox_mod.probe().isolated
#: Grading tests that are not about isolation still run where bubblewrap is missing.
ANY_ISOLATION = [] if ISOLATED else ["--allow-unisolated"]

pytestmark = pytest.mark.timeout(300)


def grade(folder: Path, out: Path, *args: str) -> tuple[int, str, dict[str, dict[str, str]]]:
    result = CliRunner().invoke(cli, ["grade", "can_shift", str(folder), "--out", str(out), *args])
    rows = {}
    if out.exists():
        rows = {r["submission"]: r for r in csv.DictReader(io.StringIO(_text(out), newline=""))}
    return result.exit_code, result.output, rows


def _text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # as a spreadsheet reads it: a \r stays a \r
        return f.read()


class Watch:
    """inotify on one file: whether any process opened or read it while we watched."""

    IN_ACCESS, IN_OPEN = 0x1, 0x20

    def __init__(self, path: Path) -> None:
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self.fd >= 0, os.strerror(ctypes.get_errno())
        wd = self.libc.inotify_add_watch(self.fd, os.fsencode(path), self.IN_ACCESS | self.IN_OPEN)
        assert wd >= 0, os.strerror(ctypes.get_errno())

    def touched(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_links_are_never_followed_and_their_targets_never_opened(tmp_path: Path) -> None:
    folder, out, feedback = tmp_path / "class", tmp_path / "grades.csv", tmp_path / "feedback"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("def can_shift(a, b):\n    return True  # TOP-SECRET-LINE\n")
    (folder / "copies_the_reference.py").symlink_to(REFERENCE)
    (folder / "reads_a_secret.py").symlink_to(secret)
    (folder / "reads_shadow.py").symlink_to("/etc/shadow")
    # (The reference itself is read by the judge, for the challenge's version: only the secret is watched.)
    watch = Watch(secret)
    try:
        code, output, rows = grade(folder, out, "--feedback", str(feedback), *ANY_ISOLATION)
        assert code == 0, output
        assert not watch.touched()
        # The watch does see an open: reading through the link ourselves is noticed.
        (folder / "reads_a_secret.py").read_bytes()
        assert watch.touched()
    finally:
        watch.close()
    assert set(rows) == {"copies_the_reference.py", "reads_a_secret.py", "reads_shadow.py"}
    for row in rows.values():
        assert row["verdict"] == REFUSED and float(row["score"]) == 0.0 and row["passed"] == "0", row
        assert "symbolic link" in row["error"] and row["isolation"] == "not run"
    assert "(to /etc/shadow)" in rows["reads_shadow.py"]["error"]
    written = out.read_text() + output + "".join(p.read_text() for p in feedback.glob("*.md"))
    assert "TOP-SECRET-LINE" not in written and REFERENCE.read_text() not in written and "root:" not in written
    assert "not judged: it is a symbolic link" in (feedback / "reads_a_secret.md").read_text()


def test_a_linked_folder_a_fifo_and_an_oversized_file_are_refused(tmp_path: Path) -> None:
    folder, out = tmp_path / "class", tmp_path / "grades.csv"
    (folder / "alice").mkdir(parents=True)
    (folder / "bob").symlink_to(REFERENCE.parent, target_is_directory=True)  # bob/reference.py is the reference
    os.mkfifo(folder / "carol")
    (folder / "dave").mkdir()
    (folder / "dave" / "reference.py").write_text("# padding\n" * 300)  # 3000 bytes
    code, output, rows = grade(folder, out, "--glob", "*/*.py", "--max-kib", "2", *ANY_ISOLATION)
    assert code == 0, output
    assert "bob/reference.py" in rows and "dave/reference.py" in rows
    assert rows["bob/reference.py"]["verdict"] == REFUSED
    assert "its folder 'bob' is a symbolic link" in rows["bob/reference.py"]["error"]
    assert rows["dave/reference.py"]["verdict"] == REFUSED and "2,048-byte limit" in rows["dave/reference.py"]["error"]
    code, output, rows = grade(folder, tmp_path / "fifo.csv", "--glob", "*", *ANY_ISOLATION)  # must not hang
    assert code == 0, output
    assert rows["carol"]["verdict"] == REFUSED and "not a regular file" in rows["carol"]["error"]
    assert "alice" not in rows  # a plain folder is not a submission


def test_refused_rows_sit_beside_judged_ones(tmp_path: Path) -> None:
    folder, out = tmp_path / "class", tmp_path / "grades.csv"
    folder.mkdir()
    (folder / "honest.py").write_bytes(ACCEPTED.read_bytes())
    (folder / "cheat.py").symlink_to(REFERENCE)
    code, output, rows = grade(folder, out, *ANY_ISOLATION)
    assert code == 0, output
    assert rows["honest.py"]["verdict"] == "AC" and rows["cheat.py"]["verdict"] == REFUSED
    assert "1 refused" in output


# -- isolation -------------------------------------------------------------------

MARKER_SOURCE = """
open({marker!r}, "w").write("ran")
def can_shift(a, b):
    return len(a) == len(b) and b in a + a
"""


def _unisolated(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine as one without bubblewrap (or with it off $PATH): only the process level."""
    why = "bubblewrap is not installed (simulated by the test)"
    monkeypatch.setattr(sandbox_mod, "probe", lambda: sandbox_mod._process_level(why))


def test_grade_refuses_to_run_unisolated_unless_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out, marker = tmp_path / "class", tmp_path / "grades.csv", tmp_path / "ran.txt"
    folder.mkdir()
    (folder / "writes_a_file.py").write_text(MARKER_SOURCE.format(marker=str(marker)))
    _unisolated(monkeypatch)
    code, output, rows = grade(folder, out)
    assert code == 2 and "full isolation is not available" in output and "--allow-unisolated" in output
    assert "Traceback" not in output
    assert not out.exists() and not marker.exists()  # nothing judged, nothing written

    code, output, rows = grade(folder, out, "--allow-unisolated")
    assert code == 0, output
    assert "NOT isolated" in output
    row = rows["writes_a_file.py"]
    assert row["verdict"] == "AC" and row["isolation"] == "process" and row["isolated"] == "False"
    assert marker.exists()  # it really ran with the grader's rights: what the gate was for


@pytest.mark.skipif(not ISOLATED, reason="needs full isolation (install bubblewrap)")
def test_rows_judged_unisolated_are_judged_again_once_isolation_is_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = tmp_path / "class", tmp_path / "grades.csv"
    folder.mkdir()
    (folder / "alice.py").write_bytes(ACCEPTED.read_bytes())
    with monkeypatch.context() as patch:
        _unisolated(patch)
        code, output, rows = grade(folder, out, "--allow-unisolated")
    assert code == 0 and rows["alice.py"]["isolated"] == "False"
    code, output, rows = grade(folder, out)
    assert code == 0, output
    assert "judged 1, already graded 0" in output
    assert rows["alice.py"]["isolation"] == "bubblewrap" and rows["alice.py"]["isolated"] == "True"


# -- CSV injection ---------------------------------------------------------------

FORMULA_NAMES = [
    '=HYPERLINK("evil.example","y").py',
    "+SUM(1,2).py",
    "-2+3.py",
    "@SUM(A1).py",
    "\tTAB.py",
    "\rCR.py",
    "'quoted.py",
    "plain.py",
]


def test_file_names_that_spreadsheets_would_run_are_neutralised(tmp_path: Path) -> None:
    folder, out = tmp_path / "class", tmp_path / "grades.csv"
    folder.mkdir()
    for name in FORMULA_NAMES:
        (folder / name).write_text("not python\n")  # a compile error: judged in a moment
    code, output, rows = grade(folder, out, *ANY_ISOLATION)
    assert code == 0, output
    cells = [cell for record in csv.reader(io.StringIO(_text(out), newline="")) for cell in record]
    assert not [c for c in cells if c.startswith(FORMULA_START)]  # no cell a spreadsheet would run
    assert {name for name in rows} == {"'" + n if n.startswith((*FORMULA_START, "'")) else n for n in FORMULA_NAMES}
    # Read back, the names are exact, so a rerun finds every row graded and adds none.
    assert set(Gradebook(out, "can_shift").rows) == set(FORMULA_NAMES)
    code, output, rows = grade(folder, out, *ANY_ISOLATION)
    assert code == 0 and f"already graded {len(FORMULA_NAMES)}" in output and len(rows) == len(FORMULA_NAMES)


def test_jsonl_gradebooks_keep_names_exact(tmp_path: Path) -> None:
    folder, out = tmp_path / "class", tmp_path / "grades.jsonl"
    folder.mkdir()
    (folder / "=1+2.py").symlink_to(REFERENCE)
    result = CliRunner().invoke(cli, ["grade", "can_shift", str(folder), "--out", str(out), *ANY_ISOLATION])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["submission"] for line in out.read_text().splitlines()] == ["=1+2.py"]
