"""Shared fixtures: seed figures as the reports print them.

xlwings reads ``XLWINGS_ON_SERVER`` when it is first imported, so it is set here, before
any test module imports it: ``@xw.func`` then records the metadata that
``xlwings.server.custom_functions_meta`` and ``custom_functions_call`` use, and leaves the
function itself callable, as on plain Linux. The remote engine and ``xlwings.server`` are
xlwings PRO code, used here under its PolyForm Noncommercial licence (testing).
"""

from __future__ import annotations

import os

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


@pytest.fixture(autouse=True)
def _fresh_framework_cache(monkeypatch):
    """Each test sees the shipped frameworks only, unless it sets ITA_XL_FRAMEWORKS itself."""
    monkeypatch.delenv(framework.ENV_VAR, raising=False)
    framework.clear_cache()
    yield
    framework.clear_cache()
