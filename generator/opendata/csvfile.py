"""CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Vietnamese), CRLF line
ends, every cell quoted when needed by the standard library's writer, empty for a missing
value. A cell that a spreadsheet would run as a formula is defused with a leading apostrophe
(the OWASP advice for CSV injection); product text is officers' data, never a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from .columns import Column, Record

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_text(columns: Sequence[Column], records: Iterable[Record]) -> str:
    """A header row of column names, then one row per record."""
    out = io.StringIO()
    rows = Rows(out, columns)
    for record in records:
        rows.add(record)
    return out.getvalue()


class Rows:
    """:func:`csv_text` written as it goes, a row at a time, to ``out`` (a text file opened
    with ``newline=""``, or a StringIO): the BOM and the header row first."""

    def __init__(self, out: Any, columns: Sequence[Column]) -> None:
        out.write(BOM)
        self.columns, self._writer = columns, csv.writer(out, lineterminator="\r\n")
        self._writer.writerow([c.name for c in columns])

    def add(self, record: Record) -> None:
        self._writer.writerow([cell(c.get(record)) for c in self.columns])
