"""A plain ``pip install .`` into a fresh venv, used from another folder, finds every challenge."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from judge.runner.sandbox import probe

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_installed_package_ships_every_challenge(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(REPO)]
    subprocess.run(pip, check=True, capture_output=True, timeout=540)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "JUDGE_ROOT")}
    env["JUDGE_CACHE_DIR"] = str(tmp_path / "cache")
    judge = str(venv / "bin" / "judge")

    listed = subprocess.run([judge, "list", "--json"], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    shipped = sorted(p.name for p in (REPO / "challenges").iterdir() if (p / "challenge.toml").is_file())
    assert sorted(r["id"] for r in rows) == shipped
    assert {r["origin"] for r in rows} == {"built-in"}
    assert all("site-packages" not in r["origin"] for r in rows)

    mine = elsewhere / "mine.py"
    shutil.copy(REPO / "solutions" / "can_shift" / "accepted" / "reference.py", mine)
    run = subprocess.run(
        [judge, "run", "can_shift", "mine.py", "--json"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["verdict"] == "AC"
    # The venv lives under /tmp, which the sandbox replaces with a fresh tmpfs: the
    # installed judge must still get the isolation this machine offers.
    assert report["isolation"]["isolated"] == probe().isolated, report["isolation"]
