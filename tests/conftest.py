from __future__ import annotations

from pathlib import Path

import pytest

from judge.problems.problemset import builtin_root

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _judge_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One calibration cache and one history for the whole session, never the user's own."""
    mp = pytest.MonkeyPatch()
    mp.setenv("JUDGE_CACHE_DIR", str(tmp_path_factory.mktemp("judge-cache")))
    mp.setenv("JUDGE_HOME", str(tmp_path_factory.mktemp("judge-home")))
    mp.delenv("JUDGE_NO_HISTORY", raising=False)
    mp.delenv("JUDGE_ROOT", raising=False)
    yield
    mp.undo()


@pytest.fixture(scope="session")
def builtin() -> Path:
    return builtin_root()
