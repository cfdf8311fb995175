"""``judge new``: a complete, working challenge to edit from.

The template is a tiny real problem (the sum of squares of a list), so
``judge validate <id>`` passes on it straight away: config, statement, stub,
sample and hidden tests, a seeded generator, a reference and a plain
alternative in ``accepted/``, and one ``wrong_answer/`` the tests catch.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path

from judge.model.errors import JudgeError

ID_PATTERN = re.compile(r"[a-z_][a-z0-9_]*")


def _files(cid: str) -> dict[str, str]:
    title = cid.replace("_", " ").strip().capitalize() or cid
    return {
        f"challenges/{cid}/challenge.toml": f'''\
# judge: see docs/authoring.md for every key.
title = "{title}"
difficulty = "easy"
# Topics: 'judge list' shows them, 'judge list --tag X' filters by them.
tags = ["example"]
function = "{cid}"
signature = "{cid}(nums: list[int]) -> int"
# The file in solutions/{cid}/accepted/ whose answers are the expected outputs.
reference = "reference.py"
# Handed to generator.py as random.Random(seed): change it to get other tests.
seed = 1
# The modules the statement allows (e.g. ["numpy"]): the child imports them before
# loading a solution, so no test is charged for importing them.
allowed_modules = []

[limits]
# Per-test CPU budget = time_multiplier x the slowest accepted solution on that
# test (measured on the judging machine), never below time_floor_ms.
time_multiplier = 3.0
time_floor_ms = 100
memory_mib = 256

[check]
# Answers are compared by value; floats within these tolerances.
rel_tol = 0.0
abs_tol = 0.0
unordered = false
''',
        f"challenges/{cid}/statement.md": f"""\
# {title}

Given a list of integers `nums`, return the sum of their squares.

```python
{cid}([1, 2, 3]) == 14
{cid}([]) == 0
```

## Constraints

- `0 <= len(nums) <= 200_000`
- `-10**6 <= nums[i] <= 10**6`

<!-- This is the example problem 'judge new' writes: replace it with yours,
     then run 'judge validate {cid}'. -->
""",
        f"challenges/{cid}/stub.py": f'''\
def {cid}(nums: list[int]) -> int:
    """Return the sum of the squares of nums."""
    raise NotImplementedError
''',
        f"challenges/{cid}/tests/sample.json": """\
[
  {"name": "sample-1", "args": [[1, 2, 3]], "expected": 14},
  {"name": "sample-2", "args": [[]], "expected": 0}
]
""",
        f"challenges/{cid}/tests/hidden.json": """\
[
  {"name": "single", "args": [[7]], "expected": 49},
  {"name": "negatives", "args": [[-3, 4]], "expected": 25},
  {"name": "zeros", "args": [[0, 0, 0]]}
]
""",
        f"challenges/{cid}/generator.py": '''\
"""Large hidden tests. generate(rng) must use only rng, so one seed gives one set of tests.

Tests without "expected" get the reference's answer (computed once, cached).
"""


def generate(rng):
    tests = []
    for n in (1_000, 50_000, 200_000):
        nums = [rng.randint(-10**6, 10**6) for _ in range(n)]
        tests.append({"name": f"random-{n}", "args": [nums], "size": n})
    return tests
''',
        f"challenges/{cid}/strategy.py": '''\
"""Small valid inputs for the counterexample search (a Hypothesis strategy).

When a hidden test fails, the judge draws inputs from inputs(), looks for one on which
the solution disagrees with the reference, and shrinks it to a small one it can show.
Draw {"args": [...], "kwargs": {...}} of plain JSON values, small and valid for the statement.
"""

from hypothesis import strategies as st


def inputs():
    nums = st.lists(st.integers(-3, 3), max_size=5)
    return nums.map(lambda xs: {"args": [xs], "kwargs": {}})
''',
        f"solutions/{cid}/accepted/reference.py": f"""\
def {cid}(nums: list[int]) -> int:
    return sum(x * x for x in nums)
""",
        f"solutions/{cid}/accepted/plain_loop.py": f"""\
def {cid}(nums: list[int]) -> int:
    total = 0
    for x in nums:
        total += x * x
    return total
""",
        f"solutions/{cid}/wrong_answer/square_of_sum.py": f"""\
def {cid}(nums: list[int]) -> int:
    # Squares the sum instead of summing the squares: right for one number only.
    return sum(nums) ** 2
""",
    }


def create(root: Path, cid: str) -> list[Path]:
    """Write a new challenge ``cid`` under ``root``; refuse to touch an existing one."""
    # fullmatch: "$" in a pattern also matches before a final newline ("abc\n").
    if not ID_PATTERN.fullmatch(cid):
        raise JudgeError(
            f"{cid!r} is not a valid challenge id; use lower-case letters, digits and underscores "
            "(it is also the function's name), e.g. 'sum_of_squares'"
        )
    if keyword.iskeyword(cid):
        raise JudgeError(f"{cid!r} is a Python keyword and cannot name the function; pick another id, e.g. '{cid}_of'")
    for folder in (root / "challenges" / cid, root / "solutions" / cid):
        if folder.exists():
            raise JudgeError(f"{folder} already exists; pick another id or remove it first")
    if root.exists() and not root.is_dir():
        raise JudgeError(f"{root} is not a folder")
    written = []
    try:
        for rel, text in _files(cid).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise JudgeError(f"cannot write under {root}: {exc.strerror}") from None
    return written
