"""Exceptions that carry a Thai message for staff and an English one for developers."""

from __future__ import annotations


class ItaError(ValueError):
    """A problem the user can fix: a bad score, a missing tool, an unknown year.

    Attributes:
        th: The message in Thai, shown in Excel cells, alerts and the CLI.
        en: The same message in English, for logs and the CLI.
    """

    def __init__(self, th: str, en: str) -> None:
        super().__init__(th, en)
        self.th = th
        self.en = en

    def __str__(self) -> str:
        return f"{self.th} | {self.en}"


class FrameworkError(ItaError):
    """A fiscal-year rules file is missing or breaks a rule of its schema.

    Attributes:
        field: The field at fault (e.g. ``rating.bands[2].max``), where known.
        cell: The worksheet cell the value came from (criteria typed in a workbook), where known.
    """

    field: str = ""
    cell: str = ""
