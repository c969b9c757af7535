"""Evaluate a workbook's formulas headlessly, with the ``ITA_*`` functions plugged in.

The ``formulas`` package computes Excel formulas in Python. Each ``ITA_*`` UDF is
registered in its function table behind a converter that hands the UDF what xlwings hands
it (2-D lists, ``None`` for empty cells, Excel errors as text) and gives back what xlwings
gives Excel (``""`` for ``None``). This checks that the template's formulas, with their
real cell references, compute the right totals and ratings, not just that they parse.
"""

from __future__ import annotations

import inspect
import warnings
from pathlib import Path

import numpy as np
import schedula as sh

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # formulas' import-time deprecation noise, not ours
    import formulas
    from formulas.functions import FUNCTIONS, wrap_func
    from formulas.tokens.operand import XlError

from ita_xl import udfs


def _to_python(value):
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _to_python(value.item())
        return [[_to_python(cell) for cell in row] for row in np.atleast_2d(value).tolist()]
    if value is sh.EMPTY:
        return None
    if isinstance(value, XlError):
        return str(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


def _to_excel(value):
    if isinstance(value, list):
        return np.array([["" if c is None else c for c in row] for row in value], dtype=object)
    return "" if value is None else value


def _register() -> None:
    for name, function in vars(udfs).items():
        if name.startswith("ITA_") and inspect.isfunction(function):

            def call(*args, _function=function):
                return _to_excel(_function(*(_to_python(a) for a in args)))

            FUNCTIONS[name] = wrap_func(call)


def evaluate(path: str | Path) -> dict[str, object]:
    """Compute every formula; returns ``{"SHEET!A1": value}`` with scalars unwrapped."""
    _register()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = formulas.ExcelModel().loads(str(path)).finish()
        solution = model.calculate()
    values = {}
    for key, ranges in solution.items():
        value = _to_python(getattr(ranges, "value", ranges))
        if isinstance(value, list) and len(value) == 1 and len(value[0]) == 1:
            value = value[0][0]
        sheet_and_cell = key.split("]", 1)[-1].replace("'", "")
        values[sheet_and_cell.upper()] = value
    return values


def cell(values: dict[str, object], sheet: str, address: str):
    """The computed value of one cell."""
    return values[f"{sheet}!{address}".upper()]
