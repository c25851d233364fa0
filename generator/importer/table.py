"""Reading the file: every sheet of a workbook, or a CSV in whatever encoding Excel saved it,
as rows of cell values (:class:`Table`), text in NFC and merged cells filled in."""

from __future__ import annotations

import csv
import io
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import SheetError

Value = str | int | float | date | datetime | None


@dataclass
class Table:
    """One sheet: cell values by row, merged cells filled with their top-left value."""

    title: str
    rows: list[list[Value]]
    encoding: str = ""
    nfd: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 0-based


def _clean(table: Table) -> Table:
    """Text to NFC without surrounding spaces; empty text to None; NFD cells remembered."""
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                text = unicodedata.normalize("NFC", value).strip()
                if text != value.strip():
                    table.nfd.add((r, c))
                row[c] = text or None
    width = max((len(row) for row in table.rows), default=0)
    table.rows = [row + [None] * (width - len(row)) for row in table.rows]
    return table


def _open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook  # only `ocop import` needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # unsupported Excel extensions
        try:
            return load_workbook(path, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise SheetError(f"không mở được tệp Excel ({error})",
                             f"cannot open the Excel file ({error})") from error


def _sheet_rows(sheet: Any) -> list[list[Value]]:
    """The sheet's values, each merged range filled with its top-left value."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                rows[r][c] = top
    return rows


def read_xlsx(path: Path) -> list[Table]:
    """Every sheet of a workbook, merged ranges filled in."""
    book = _open_workbook(path)
    return [_clean(Table(sheet.title, _sheet_rows(sheet))) for sheet in book.worksheets]


_VIETNAMESE_ONLY = set("ăắằẳẵặơớờởỡợưứừửữựđĂẮẰẲẴẶƠỚỜỞỠỢƯỨỪỬỮỰĐảẩẫẻểễỉỏổỗủỷạậẹệịọộụỵẽỹĩũ")


def _decode_legacy(raw: bytes) -> tuple[str, str]:
    """Windows-1258 or Windows-1252, whichever gives more letters only Vietnamese has."""
    candidates: list[tuple[int, int, str, str]] = []
    for codec, label in (("cp1258", "Windows-1258"), ("cp1252", "Windows-1252")):
        try:
            text = unicodedata.normalize("NFC", raw.decode(codec))
        except UnicodeDecodeError:
            continue
        candidates.append((sum(ch in _VIETNAMESE_ONLY for ch in text), len(candidates),
                           text, label))  # a tie (no Vietnamese-only letter): Windows-1252
    if not candidates:
        return raw.decode("utf-8", errors="replace"), "UTF-8 (lỗi / damaged)"
    _, _, text, label = max(candidates)
    return text, label


def decode_csv(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else Windows-1258 or cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _decode_legacy(raw)


def _delimiter(text: str) -> str:
    """The separator that splits the most lines into the same number of fields (Excel writes
    «;» where the decimal mark is a comma)."""
    sample = text.splitlines()[:60]
    best, score = ",", -1
    for delimiter in (",", ";", "\t"):
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter) if len(row) > 1]
        common = max(set(widths), key=widths.count) if widths else 0
        rows = widths.count(common) if common else 0
        if rows > score:
            best, score = delimiter, rows
    return best


def read_csv(path: Path) -> Table:
    text, encoding = decode_csv(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[Value]] = [list(row) for row in reader]
    return _clean(Table(path.name, rows, encoding))


def read_tables(path: Path) -> list[Table]:
    """The sheets of an .xlsx, or the one table of a .csv; :class:`SheetError` for any other
    kind of file."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return [read_csv(path)]
    raise SheetError(f"không đọc được tệp «{suffix}» — dùng .xlsx hoặc .csv (Excel: File → "
                     "Save As → Excel Workbook)", f"cannot read «{suffix}» files — use .xlsx "
                     "or .csv")
