"""The peer: Kattis problemtools' ``verifyproblem`` against ``judge run``, same tests, same solution.

Builds a Kattis problem package (legacy problemtools format) from one challenge's own
tests: ``problem.yaml``, ``problem_statement/problem.en.tex``, ``data/sample`` and
``data/secret`` (one ``.in`` per test: the call as JSON; one ``.ans``: the expected
answer as whitespace-separated tokens), the default output validator (case- and
space-sensitive, with the challenge's float tolerances), and the solution as
``submissions/accepted/<name>/``: the solution file as ``solution.py`` beside a
``main.py`` that reads one call on stdin, calls the function and writes the answer's
tokens on stdout (``raises <Class>`` when it raises).

problemtools runs Python through CPython (the interpreter running this script, the
one the judge uses), not its default PyPy: a ``problemtools/languages.yaml`` in a
private ``XDG_CONFIG_HOME`` overrides the ``python3`` language, and the driver refuses
to run under anything but CPython, so a fallback cannot go unnoticed.

Then, interleaved run by run (each a fresh process, warm caches, one untimed run of
each first): ``python -m problemtools.verifyproblem -p submissions PACKAGE`` (only the
submissions part: the package's own checks are not timed), ``judge run ID SOLUTION``
and ``judge run ID SOLUTION --repeat 0``, plus the bare loop for scale
(``benchmarks/_common.py``). Medians of the walls, per test, and judge ÷ problemtools.

Goal (issue 17): ``judge run`` at most 0.15× problemtools.

    pip install problemtools   # or: pip install -e '.[bench]'
    python3 benchmarks/peer_problemtools.py [--challenge can_shift] [--solution PATH] [--runs 5] [--keep]

The default solution is ``solutions/can_shift/accepted/kmp.py``, the plain-Python KMP
search; with another ``--challenge`` and no ``--solution``, that challenge's reference.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import REPO, Bare, judge_argv, load, private_cache, spread, timed  # noqa: E402

GOAL = 0.15
DEFAULT_CHALLENGE = "can_shift"
DEFAULT_SOLUTION = REPO / "solutions" / "can_shift" / "accepted" / "kmp.py"

# An answer as whitespace-separated tokens, so that problemtools' default validator
# compares it token by token (brackets are tokens: the nesting is compared too). The
# benchmark writes the .ans files with it, and the driver writes the answers with it.
TOKENS = r"""
def _tokens(value):
    if hasattr(value, "tolist"):  # numpy arrays and scalars, as the judge hands them back
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return " ".join(["[", *map(_tokens, value), "]"])
    if isinstance(value, dict):
        items = sorted((str(k), v) for k, v in value.items())
        return " ".join(["{", *(_json.dumps(k) + " " + _tokens(v) for k, v in items), "}"])
    return _json.dumps(value)
"""

DRIVER = (
    r'''"""One test per process, as Kattis runs it: the call on stdin, the answer's tokens on stdout."""
import json as _json
import sys as _sys

if _sys.implementation.name != "cpython":  # the benchmark compares CPython with CPython
    _sys.exit("the peer benchmark needs CPython, not " + _sys.implementation.name)

import solution as _solution
'''
    + TOKENS
    + r"""

def _main():
    call = _json.loads(_sys.stdin.buffer.read())
    try:
        got = getattr(_solution, FUNCTION)(*call["args"], **call["kwargs"])
    except Exception as exc:
        _sys.stdout.write("raises " + type(exc).__name__ + "\n")
        return
    _sys.stdout.write(_tokens(got) + "\n")


_main()
"""
)


def tokens(value: Any) -> str:
    namespace: dict[str, Any] = {"_json": json}
    exec(TOKENS, namespace)  # the very function the driver runs
    result: str = namespace["_tokens"](value)
    return result


def fail(message: str) -> None:
    """A user's mistake: one line, exit code 2."""
    print(f"peer_problemtools: {message}", file=sys.stderr)
    raise SystemExit(2)


def build_package(challenge: Any, solution: Path, folder: Path) -> Path:
    """The Kattis package of ``challenge``'s tests with ``solution`` as its accepted submission."""
    shortname = re.sub(r"[^a-z0-9]", "", challenge.id.lower()) or "problem"  # Kattis: [a-z0-9]+
    package = folder / shortname
    check = challenge.config.check
    flags = ["case_sensitive", "space_change_sensitive"]
    if check.rel_tol > 0:
        flags += ["float_relative_tolerance", repr(check.rel_tol)]
    if check.abs_tol > 0:
        flags += ["float_absolute_tolerance", repr(check.abs_tol)]
    (package / "problem_statement").mkdir(parents=True)
    (package / "problem.yaml").write_text(
        f"source: judge benchmark\nlicense: public domain\nvalidation: default\nvalidator_flags: {' '.join(flags)}\n"
    )
    title = re.sub(r"[\\{}$&#^_%~]", " ", challenge.config.title)  # no TeX specials
    function = challenge.config.function.replace("_", r"\_")
    (package / "problem_statement" / "problem.en.tex").write_text(
        f"\\problemname{{{title}}}\n\n"
        f"Each input is one call of \\texttt{{{function}}} as JSON; print its answer as tokens.\n"
    )
    for index, test in enumerate(challenge.tests):
        part = package / "data" / ("secret" if test.hidden else "sample")
        part.mkdir(parents=True, exist_ok=True)
        stem = f"{index:03d}-" + re.sub(r"[^A-Za-z0-9_.-]", "_", test.name)
        (part / f"{stem}.in").write_text(json.dumps({"args": test.args, "kwargs": test.kwargs}) + "\n")
        answer = f"raises {test.raises}" if test.raises is not None else tokens(test.expected)
        (part / f"{stem}.ans").write_text(answer + "\n")
    submission = package / "submissions" / "accepted" / re.sub(r"[^A-Za-z0-9_]", "_", solution.stem)
    submission.mkdir(parents=True)
    shutil.copyfile(solution, submission / "solution.py")
    (submission / "main.py").write_text(DRIVER.replace("FUNCTION", repr(challenge.config.function)))
    return package


def cpython_config(folder: Path) -> Path:
    """An XDG_CONFIG_HOME whose problemtools/languages.yaml runs python3 through this CPython."""
    home = folder / "xdg-config"
    (home / "problemtools").mkdir(parents=True)
    python = json.dumps(sys.executable)  # a YAML double-quoted scalar is a JSON string
    (home / "problemtools" / "languages.yaml").write_text(
        "python3:\n"
        "    name: 'Python 3 (CPython)'\n"
        f"    compile: '{python} -m py_compile {{files}}'\n"
        f"    run: '{python} \"{{mainfile}}\"'\n"
    )
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--challenge", default=DEFAULT_CHALLENGE, help="challenge id (default can_shift)")
    parser.add_argument("--solution", type=Path, help="solution file (default: can_shift's kmp.py, else the reference)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the Kattis package afterwards (and print its path)")
    args = parser.parse_args()
    if importlib.util.find_spec("problemtools") is None:
        fail("problemtools is not installed: pip install problemtools (or pip install -e '.[bench]')")
    if args.runs < 1:
        fail("--runs must be at least 1")
    cache = private_cache()
    os.environ["JUDGE_CACHE_DIR"] = cache
    from judge.model.errors import JudgeError
    from judge.problems.problemset import find

    try:
        challenge = find(args.challenge)
        challenge.tests  # noqa: B018 (loads and checks them now)
    except JudgeError as exc:
        fail(str(exc))
    if challenge.checker_path is not None or challenge.config.check.unordered:
        fail(f"{challenge.id} compares answers with its own checker; the default validator cannot: pick another")
    if args.solution is None:
        args.solution = DEFAULT_SOLUTION if challenge.id == DEFAULT_CHALLENGE else challenge.reference_path
    solution = args.solution.resolve()
    if not solution.is_file():
        fail(f"no solution file {args.solution}: give --solution a .py file")

    folder = Path(tempfile.mkdtemp(prefix="judge-bench-peer-"))
    try:
        measure(args, challenge, solution, folder, cache)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def measure(args: argparse.Namespace, challenge: Any, solution: Path, folder: Path, cache: str) -> None:
    """Build the package in ``folder``, time the four commands interleaved, print the table."""
    package = build_package(challenge, solution, folder)
    peer_env = {"XDG_CONFIG_HOME": str(cpython_config(folder))}
    # python -m, not the console script: a PATH shim (pyenv's is a shell script) would be timed too.
    verify = [sys.executable, "-m", "problemtools.verifyproblem", str(package), "-p", "submissions"]
    judge_default = judge_argv("run", challenge.id, str(solution), "--json")
    judge_quick = judge_argv("run", challenge.id, str(solution), "--json", "--repeat", "0")
    bare = Bare(challenge, str(folder), solution)

    def run_peer() -> float:
        wall, proc = timed(verify, cache, extra_env=peer_env)
        # Any error (a rejected submission, Python not CPython) fails the run; "AC" must be reported.
        if proc.returncode != 0 or "0 errors" not in proc.stdout or " AC" not in proc.stdout:
            fail(f"verifyproblem did not accept the submission:\n{proc.stdout}{proc.stderr}")
        return wall

    def run_judge(argv: list[str]) -> float:
        wall, proc = timed(argv, cache)
        report = json.loads(proc.stdout) if proc.stdout.startswith("{") else {}
        if report.get("verdict") != "AC":
            fail(f"judge run did not accept the solution ({report.get('verdict')}): {proc.stderr.strip()}")
        return wall

    n = len(challenge.tests)
    samples = sum(not t.hidden for t in challenge.tests)
    print(f"python: {sys.executable} · cores: {os.cpu_count()} · runs: {args.runs} · load: {load()}")
    print(f"challenge: {challenge.id} ({n} tests: {samples} sample, {n - samples} secret) · solution: {solution}")
    if args.keep:
        print(f"package: {package} (languages.yaml: {peer_env['XDG_CONFIG_HOME']})")
    run_peer(), run_judge(judge_default), run_judge(judge_quick)  # untimed: calibration, compiled bytecode
    walls: dict[str, list[float]] = {"bare": [], "peer": [], "default": [], "quick": []}
    for _ in range(args.runs):  # interleaved, so a change of load hits all alike
        walls["bare"].append(bare.run(cache))
        walls["peer"].append(run_peer())
        walls["default"].append(run_judge(judge_default))
        walls["quick"].append(run_judge(judge_quick))
    peer = statistics.median(walls["peer"])
    rows = [
        ("bare loop (one process, no judge)", "bare"),
        ("problemtools `verifyproblem -p submissions` (CPython)", "peer"),
        ("`judge run`", "default"),
        ("`judge run --repeat 0`", "quick"),
    ]
    print()
    print(f"| command | wall, median (min–max) of {args.runs} | per test | ÷ problemtools |")
    print("|---|---|---|---|")
    for label, key in rows:
        med = statistics.median(walls[key])
        print(f"| {label} | {spread(walls[key])} | {med / n * 1000:.1f} ms | {med / peer:.2f}× |")
    print()
    verdict = {True: "met", False: "NOT met"}
    for label, key in rows[2:]:
        ratio = statistics.median(walls[key]) / peer
        print(f"{label.strip('`')}: {ratio:.2f}× problemtools (goal ≤ {GOAL}×: {verdict[ratio <= GOAL]})")


if __name__ == "__main__":
    main()
