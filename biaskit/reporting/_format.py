"""Formatting of table cells: the one place where report numbers are rounded.

Both renderers (HTML and PDF) call :func:`table_cells`, so a value reads the
same in every output.

Examples
--------
>>> from biaskit.reporting.model import Column
>>> format_value(0.42345, Column("x", "X", "pct"))
'42.3%'
>>> format_value(1234567, Column("n", "N", "int"))
'1,234,567'
>>> format_value(0.088, Column("d", "Difference", "pp"))
'+8.8 pp'
>>> format_value(-0.034, Column("d", "Difference", "pp"))
'−3.4 pp'
>>> format_value(0.0004, Column("p", "p", "p"))
'< 0.001'
>>> format_value(float("nan"), Column("x", "X", "num"))
'–'
>>> format_value([("regime", 4), ("slammed", 2.456)], Column("t", "Terms", "pairs"))
'regime (4), slammed (2.5)'
>>> format_value(-0.0004, Column("x", "X", "num"))  # no negative zero after rounding
'0.00'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from biaskit.reporting.model import Column, Table

__all__ = ["Cell", "format_value", "table_cells", "MISSING"]

#: Shown for a missing value.
MISSING = "–"

_DEFAULT_DIGITS = {"num": 2, "pct": 1, "pp": 1}


def _is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, tuple, np.ndarray)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _fixed(v: float, spec: str) -> str:
    """``v`` formatted with ``spec``, with a typographic minus and no "−0" once rounded."""
    shown = format(v, spec)
    if shown.startswith("-") and not any(ch in "123456789" for ch in shown):
        shown = shown[1:]  # -0.00 after rounding is 0.00
    return shown.replace("-", "−")


def format_value(value, column: Column) -> str:
    """Format one value as its column asks (rounding happens here only)."""
    if _is_missing(value):
        return MISSING
    fmt = column.fmt
    digits = column.digits if column.digits is not None else _DEFAULT_DIGITS.get(fmt, 2)
    if fmt == "int":
        try:
            return f"{int(round(float(value))):,}"
        except (TypeError, ValueError):
            return str(value)
    if fmt == "num":
        try:
            v = float(value)
        except (TypeError, ValueError):
            return str(value)
        if math.isinf(v):
            return "∞" if v > 0 else "−∞"
        return _fixed(v, f",.{digits}f")
    if fmt == "pct":
        try:
            v = float(value) * 100
        except (TypeError, ValueError):
            return str(value)
        return _fixed(v, f".{digits}f") + "%"
    if fmt == "pp":  # a difference of shares: percentage points, signed
        try:
            v = float(value) * 100
        except (TypeError, ValueError):
            return str(value)
        shown = f"{v:+.{digits}f}"
        if float(shown) == 0:
            shown = f"{0:.{digits}f}"
        return f"{shown} pp".replace("-", "−")
    if fmt == "p":
        try:
            v = float(value)
        except (TypeError, ValueError):
            return str(value)
        return "< 0.001" if v < 0.001 else f"{v:.3f}"
    if fmt == "date":
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d")
        return str(value)[:10]
    if fmt == "list":
        if isinstance(value, str):
            return value
        if isinstance(value, Iterable):
            return ", ".join(str(v) for v in value)
        return str(value)
    if fmt == "pairs":
        parts = []
        for label, number in value:
            if isinstance(number, (int, np.integer)):
                shown = f"{number:,}"
            else:
                shown = _fixed(float(number), f".{column.digits if column.digits is not None else 1}f")
            parts.append(f"{label} ({shown})")
        return ", ".join(parts) if parts else MISSING
    if fmt == "bool":
        return "yes" if bool(value) else "no"
    return str(value)


@dataclass(frozen=True, slots=True)
class Cell:
    """A formatted cell: its value and, when the column has one, its interval."""

    text: str
    interval: str | None
    numeric: bool

    @property
    def full(self) -> str:
        """Value and interval as one string."""
        return self.text if not self.interval else f"{self.text} {self.interval}"


def table_cells(table: Table) -> list[list[Cell]]:
    """The formatted cells of a table, row by row, in its column order."""
    rows = []
    data = table.data
    for i in range(len(data)):
        row = data.iloc[i]
        cells = []
        for col in table.columns:
            text = format_value(row[col.key], col)
            interval = None
            if col.low and col.high:
                lo, hi = row[col.low], row[col.high]
                if not (_is_missing(lo) or _is_missing(hi)) and text != MISSING:
                    interval = f"[{format_value(lo, col)}, {format_value(hi, col)}]"
            cells.append(Cell(text, interval, col.numeric))
        rows.append(cells)
    return rows
