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

    # The practice page: without the web extra, one line says how to get it; with it, the
    # installed package serves the editor built into the wheel (no npm, no network).
    served = subprocess.run(
        [judge, "serve", "--no-browser"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60
    )
    assert served.returncode == 2 and "pip install 'judge[web]'" in served.stderr, served.stderr
    web = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", f"{REPO}[web]"]
    subprocess.run(web, check=True, capture_output=True, timeout=540)
    site = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import judge.web, pathlib; print(pathlib.Path(judge.web.__file__).parent)",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    shipped_web = Path(site)
    assert "site-packages" in str(shipped_web)
    for name in ("static/editor.js", "static/app.js", "static/style.css", "templates/challenge.html"):
        assert (shipped_web / name).is_file(), name
    assert (shipped_web / "static/editor.js").read_bytes() == (REPO / "judge/web/static/editor.js").read_bytes()
