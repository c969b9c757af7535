"""A record of what the report asserts and on which figures: every claim is checkable.

A sentence whose truth depends on the data (``ทุกตัวชี้วัดผ่านค่าเป้าหมาย``, the highest
indicator, how many are below the target) is made through ``ClaimLog.say``: it fills the
wording catalogue's template and records the claim's id with the figures it rests on. The
property tests (tests/test_claims.py) regenerate reports from random inputs and check, for
every recorded claim, that its condition holds of the report's data. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ita_xl.core.wording import say


@dataclass(frozen=True)
class Claim:
    """One generated statement: its template id, its text and the figures it speaks of."""

    id: str
    text: str
    inputs: Mapping[str, Any]


@dataclass
class ClaimLog:
    """The claims of one report, in the order they were made."""

    claims: list[Claim] = field(default_factory=list)

    def say(self, claim_id: str, inputs: Mapping[str, Any] | None = None, **values: object) -> str:
        """The catalogue's ``claim_id`` sentence filled with ``values``, recorded with ``inputs``."""
        text = say(claim_id, **values)
        self.claims.append(Claim(claim_id, text, dict(inputs or {})))
        return text

    def ids(self) -> list[str]:
        return [c.id for c in self.claims]
