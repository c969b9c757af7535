"""Shared fixtures: seed figures as the reports print them.

xlwings reads ``XLWINGS_ON_SERVER`` when it is first imported, so it is set here, before
any test module imports it: ``@xw.func`` then records the metadata that
``xlwings.server.custom_functions_meta`` and ``custom_functions_call`` use, and leaves the
function itself callable, as on plain Linux. The remote engine and ``xlwings.server`` are
xlwings PRO code, used here under its PolyForm Noncommercial licence (testing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import pytest

from ita_xl.core import framework

#: Seed 000 (อบต.แก้ง, FY2563), indicators 1-10 as printed; printed total 76.43.
SEED_000 = dict(
    zip(range(1, 11), [94.54, 88.46, 89.15, 78.61, 73.26, 82.32, 79.10, 74.17, 62.12, 75.00], strict=True)
)
#: Seed 004 (ทต.เขาย้อย, FY2568), indicators 1-10; the report prints 98.50, the memo 88.50.
SEED_004 = dict(
    zip(range(1, 11), [97.61, 97.91, 99.20, 97.42, 98.51, 97.20, 96.64, 96.81, 100.0, 100.0], strict=True)
)
#: Seed 001 (อบต.ขามป้อม, FY2567) tool scores; printed totals 97.80 and 95.70.
SEED_001_TOOLS = {"IIT": 99.73, "EIT1": 99.74, "EIT2": 93.44, "OIT": 97.50}


#: The repository (one level above ``tests``); nothing a test does may change it.
REPO = Path(__file__).resolve().parents[1]


def _git_status() -> str | None:
    """``git status --porcelain`` of the repository, or None when it is not a git checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, "status", "--porcelain", "--untracked-files=all"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:  # not a checkout (an sdist, an unpacked wheel): nothing to compare
        return None
    return done.stdout


@pytest.fixture(scope="session", autouse=True)
def _source_tree_unchanged():
    """Issue 13: tests never write into the source tree (workbooks/, ita_xl/, anywhere in the repo).

    The session fails if ``git status --porcelain`` differs after the run from before it.
    Ignored files (``__pycache__``, ``.hypothesis``, as .gitignore says) are not reported by git.
    """
    before = _git_status()
    yield
    if before is None:
        return
    after = _git_status()
    if after is not None and after != before:
        old, new = set(before.splitlines()), set(after.splitlines())
        changed = sorted(new - old) + [f"(no longer) {line}" for line in sorted(old - new)]
        pytest.fail("tests changed the source tree:\n" + "\n".join(changed), pytrace=False)


@pytest.fixture(autouse=True)
def _fresh_framework_cache(monkeypatch):
    """Each test sees the shipped frameworks only, unless it sets ITA_XL_FRAMEWORKS itself."""
    monkeypatch.delenv(framework.ENV_VAR, raising=False)
    framework.clear_cache()
    yield
    framework.clear_cache()
