"""judge grade --similarity: a disguised copy is flagged, independent work is not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from judge.grading import similarity
from judge.model.errors import JudgeError
from judge.problems.problemset import ProblemSet, builtin_root

pytest.importorskip("copydetect")

HERE = Path(__file__).parent / "fixtures" / "similarity"
REPO = Path(__file__).resolve().parent.parent
CAN_SHIFT = ProblemSet(builtin_root(), "built-in").challenge("can_shift")


def _sources(**files: str | Path) -> dict[str, bytes]:
    return {name: (f.read_bytes() if isinstance(f, Path) else f.encode()) for name, f in files.items()}


def test_a_copy_with_renamed_variables_and_reordered_functions_is_flagged() -> None:
    sources = _sources(
        **{"alice.py": HERE / "original.py", "bob.py": HERE / "renamed_and_reordered.py"},
        **{"carol.py": HERE / "independent.py", "dave.py": REPO / "solutions/can_shift/accepted/z_function.py"},
    )
    pairs, compared = similarity.compare(sources, CAN_SHIFT.stub())
    assert compared == 6
    flagged = {(p.a, p.b) for p in pairs}
    assert flagged == {("alice.py", "bob.py")}
    copy = pairs[0]
    assert copy.share_a > 0.9 and copy.share_b > 0.9 and copy.overlap >= similarity.MIN_OVERLAP


def test_one_liners_written_alike_are_not_flagged() -> None:
    stub = CAN_SHIFT.stub()
    one = stub.replace("raise NotImplementedError", "return len(a) == len(b) and b in a + a")
    two = stub.replace("raise NotImplementedError", "return len(b) == len(a) and b in (a + a)")
    pairs, _ = similarity.compare(_sources(**{"one.py": one, "two.py": two}), stub)
    assert pairs == []


#: A starting file that hands every student a helper: code they all share, and none of them wrote.
STUB_WITH_HELPER = """
def rotations(word):
    \"\"\"Every rotation of word, left by 0, 1, ... places.\"\"\"
    result = []
    for shift in range(len(word)):
        result.append(word[shift:] + word[:shift])
    if not result:
        result.append(word)
    return result


def can_shift(a, b):
    raise NotImplementedError
"""


def test_the_stub_is_boilerplate() -> None:
    helper = STUB_WITH_HELPER.split("def can_shift")[0]
    one = helper + "def can_shift(a, b):\n    return len(a) == len(b) and b in rotations(a)\n"
    two = helper + "def can_shift(x, y):\n    if len(x) != len(y):\n        return False\n"
    two += "    return y in set(rotations(x))\n"
    sources = _sources(**{"one.py": one, "two.py": two})
    assert similarity.compare(sources, STUB_WITH_HELPER)[0] == []
    # The same two files, with the stub not set aside, are flagged: the stub is what made the difference.
    assert [(p.a, p.b) for p in similarity.compare(sources, "")[0]] == [("one.py", "two.py")]


def test_the_report_highlights_the_shared_code_and_escapes_everything() -> None:
    hostile = "<script>alert(1)</script>.py"
    sources = _sources(**{hostile: HERE / "original.py", "bob.py": HERE / "renamed_and_reordered.py"})
    sources["carol.py"] = (HERE / "original.py").read_bytes() + b"\n# </pre><script>alert(2)</script>\n"
    pairs, compared = similarity.compare(sources, CAN_SHIFT.stub())
    page = similarity.render(pairs, "can_shift", 3, compared, similarity.THRESHOLD)
    assert page.startswith(similarity.MARKER)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;.py" in page
    marked = re.findall(r"<mark>(.*?)</mark>", page, re.S)
    assert marked and any("matched = table[matched - 1]" in m for m in marked)
    assert any("k = fail[k - 1]" in m for m in marked)  # the copy's side, under its new names


def test_the_report_never_replaces_a_file_that_is_not_one(tmp_path: Path) -> None:
    mine = tmp_path / "notes.html"
    mine.write_text("<p>my notes</p>\n")
    with pytest.raises(JudgeError, match="--force"):
        similarity.check_output(mine, force=False)
    similarity.check_output(mine, force=True)
    earlier = tmp_path / "similar.html"
    earlier.write_text(similarity.render([], "can_shift", 0, 0, 0.5))
    similarity.check_output(earlier, force=False)  # an earlier report is replaced without asking
    assert mine.read_text() == "<p>my notes</p>\n"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_grade_writes_the_report_and_lists_the_flagged_pairs(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from judge.cli import cli
    from judge.runner.sandbox import probe

    folder, report = tmp_path / "class", tmp_path / "similarity.html"
    folder.mkdir()
    for name, source in [("alice", "original"), ("bob", "renamed_and_reordered")]:
        (folder / f"{name}.py").write_bytes((HERE / f"{source}.py").read_bytes())
    (folder / "carol.py").write_bytes((REPO / "solutions/can_shift/accepted/z_function.py").read_bytes())
    (folder / "mallory.py").symlink_to(HERE / "original.py")  # refused: never compared either
    args = ["grade", "can_shift", str(folder), "--out", str(tmp_path / "g.csv"), "--similarity", str(report)]
    result = CliRunner().invoke(cli, args + ([] if probe().isolated else ["--allow-unisolated"]))
    assert result.exit_code == 0, result.output
    assert "similar submissions (1 of 3 pairs)" in result.output
    page = report.read_text()
    assert "alice.py" in page and "bob.py" in page and "carol.py" not in page and "mallory" not in page
