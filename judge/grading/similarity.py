"""Which submissions look copied from each other: every pair compared by copydetect.

copydetect (winnowing fingerprints, as MOSS does) first normalises the code with a
Python tokenizer: every variable becomes ``V``, every function name ``F``, comments
and blank space go. Renaming variables, rewording comments or reordering functions
therefore changes nothing it sees. The challenge's stub is boilerplate: code every
student started from is never counted as shared. A pair is flagged when one of the
two has at least ``threshold`` of its code in the other, and they share at least
``MIN_OVERLAP`` characters of normalised code (so a one-line solution that many
write the same way independently is not flagged).
"""

from __future__ import annotations

import html
import io
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judge.model.errors import JudgeError

#: k-gram length, in characters of normalised code (copydetect's noise threshold).
NOISE = 25
#: Matches this long or longer are always found (copydetect's guarantee threshold).
GUARANTEE = 25
#: The least normalised code two submissions must share to be flagged, in characters (about three lines).
MIN_OVERLAP = 60
#: Flag a pair when this share of one submission's code is found in the other.
THRESHOLD = 0.5
#: The first line of every report, so a rerun knows the file is one it may replace.
MARKER = "<!-- judge similarity report -->"


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    #: The share of a's code found in b, and of b's found in a (0..1).
    share_a: float
    share_b: float
    #: Characters of normalised code in common.
    overlap: int
    #: Each side's code as HTML, the shared parts in <mark>.
    html_a: str
    html_b: str

    @property
    def score(self) -> float:
        return max(self.share_a, self.share_b)


def compare(sources: dict[str, bytes], boilerplate: str, threshold: float = THRESHOLD) -> tuple[list[Pair], int]:
    """The flagged pairs, most similar first, and how many pairs were compared."""
    try:
        # Deferred: an optional extra, and slow to import (it loads matplotlib).
        from copydetect import CodeFingerprint, compare_files
        from copydetect.utils import highlight_overlap
    except ImportError:
        raise JudgeError("--similarity needs copydetect: pip install 'judge[similarity]'") from None

    def fingerprint(name: str, text: str, skip: list[Any]) -> Any:
        return CodeFingerprint(name, NOISE, GUARANTEE - NOISE + 1, skip, language="python", fp=io.StringIO(text))

    skip = list(fingerprint("stub.py", boilerplate, []).hashes)
    prints = {name: fingerprint(name, data.decode("utf-8", "replace"), skip) for name, data in sorted(sources.items())}
    flagged, compared = [], 0
    for a, b in itertools.combinations(prints, 2):
        compared += 1
        overlap, (share_a, share_b), (slices_a, slices_b) = compare_files(prints[a], prints[b])
        if overlap < MIN_OVERLAP or max(share_a, share_b) < threshold:
            continue
        marked = [
            highlight_overlap(prints[name].raw_code, slices, "<mark>", "</mark>", escape_html=True)[0]
            for name, slices in ((a, slices_a), (b, slices_b))
        ]
        flagged.append(Pair(a, b, float(share_a), float(share_b), int(overlap), *marked))
    flagged.sort(key=lambda p: (-p.score, p.a, p.b))
    return flagged, compared


def check_output(path: Path, force: bool) -> None:
    """Refuse (unless forced) to write the report over a file that is not an earlier report."""
    if path.is_dir():
        raise JudgeError(f"--similarity {path} is a folder; give a file name such as similarity.html")
    if path.exists() and not force:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                ours = f.readline().strip() == MARKER
        except OSError:
            ours = False
        if not ours:
            raise JudgeError(
                f"--similarity {path} exists and is not a similarity report; give another file, or add --force"
            )


def render(pairs: list[Pair], challenge: str, submissions: int, compared: int, threshold: float) -> str:
    """A self-contained HTML page: the flagged pairs, then each pair's code side by side, shared code marked."""
    e = html.escape
    rows = "\n".join(
        f'<tr><td><a href="#pair{i}">{e(p.a)}</a></td><td>{e(p.b)}</td>'
        f"<td>{p.share_a:.0%}</td><td>{p.share_b:.0%}</td><td>{p.overlap}</td></tr>"
        for i, p in enumerate(pairs, 1)
    )
    sections = "\n".join(
        f'<section id="pair{i}"><h2>{e(p.a)} · {e(p.b)}</h2>'
        f'<div class="pair"><div><h3>{e(p.a)} ({p.share_a:.0%} of it shared)</h3><pre>{p.html_a}</pre></div>'
        f"<div><h3>{e(p.b)} ({p.share_b:.0%} of it shared)</h3><pre>{p.html_b}</pre></div></div></section>"
        for i, p in enumerate(pairs, 1)
    )
    summary = (
        f"{len(pairs)} of {compared} pairs of {submissions} submissions share at least {threshold:.0%} of one "
        f"side's code (and at least {MIN_OVERLAP} characters of it), after renaming, comments and the stub are "
        "set aside. Similar code is a reason to look, not a verdict: short solutions to a small problem converge."
    )
    table = (
        "<table><tr><th>submission</th><th>with</th><th>share of the first</th><th>share of the second</th>"
        f"<th>characters shared</th></tr>\n{rows}</table>"
        if pairs
        else "<p>No pair is above the threshold.</p>"
    )
    return f"""{MARKER}
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Similarity: {e(challenge)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: .3em .6em; text-align: left; }}
.pair {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }}
pre {{ background: #f6f6f6; padding: .8em; overflow-x: auto; }} mark {{ background: #ffd27a; }}
</style></head><body>
<h1>Similarity: {e(challenge)}</h1>
<p>{e(summary)}</p>
{table}
{sections}
</body></html>
"""
