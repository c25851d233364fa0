"""Where the table of products ends: official lists close with a block that is not products —
«Nơi nhận: - Như trên; - Lưu VT.», «Người lập biểu», «KT. CHỦ TỊCH / PHÓ CHỦ TỊCH», the place
and date, signatures — and often a «Tổng cộng» row. Such rows are found by their first words
(compared folded) or by a long run of empty rows before them, and are skipped and reported,
never imported as products."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..textfold import fold
from .cells import text_of
from .header import Header
from .table import Table, Value

#: the first words of a row of the closing block or a totals row (folded)
_CLOSING = re.compile(
    r"^(?:noi nhan|nhu tren|luu(?: tru)? vt|luu van thu|nguoi lap(?: bieu| bang)?|nguoi ky|"
    r"nguoi kiem tra|nguoi duyet|xac nhan cua|kt (?:chu tich|giam doc|truong phong)|tm (?:uy ban|"
    r"ubnd|hoi dong|ban chi dao)|chu tich|pho chu tich|giam doc|pho giam doc|truong phong|"
    r"pho truong phong|truong ban|pho truong ban|thu truong don vi|ky ghi ro ho ten|da ky|"
    r"ky ten|ky dong dau|tong cong|tong so|(?:tong|cong)(?= \d|$)|cong (?:huyen|xa|nhom|muc))\b")
#: «Tam Kỳ, ngày 30 tháng 12 năm 2024» above the signature
_PLACE_DATE = re.compile(r"^[a-z ]{2,40} ngay (?:\d{1,2}|\.+)? ?thang (?:\d{1,2}|\.+)? ?nam \d{4}$")
_TOTALS = re.compile(r"^(?:tong cong|tong so|(?:tong|cong)(?= \d|$)|cong (?:huyen|xa|nhom|muc))")
EMPTY_RUN = 5  # this many empty rows in a row end the table when no product follows


def _texts(values: Sequence[Value]) -> list[str]:
    return [fold(text_of(v)) for v in values if v is not None and fold(text_of(v))]


def _numbered(values: Sequence[Value], header: Header) -> bool:
    """A product row as lists number them: a number in the STT column and a name."""
    stt, name = header.field("stt"), header.field("name")
    if stt is None or name is None or values[name.index] is None:
        return False
    return text_of(values[stt.index]).strip(" .").isdigit()


def closing_words(values: Sequence[Value], header: Header) -> bool:
    """A row whose cells begin with the words of a closing block or a totals row (never a
    row the list numbers as a product)."""
    if _numbered(values, header):
        return False
    return any(_CLOSING.match(t) or _PLACE_DATE.match(t) for t in _texts(values)[:3])


def is_totals(values: Sequence[Value]) -> bool:
    texts = _texts(values)
    return bool(texts) and bool(_TOTALS.match(texts[0]))


def _sparse(rows: list[list[Value]]) -> bool:
    """Rows that read as signatures rather than products: few cells each."""
    return all(sum(v is not None for v in row) < 3 for row in rows)


def _after_run(table: Table, header: Header, start: int, end: int) -> bool:
    """Whether the rows from ``start`` (after a long run of empty rows) are not products."""
    rest = table.rows[start:end]
    if header.field("stt") is not None:
        return not any(_numbered(row, header) for row in rest)
    return _sparse(rest)


def table_end(table: Table, header: Header, end: int) -> int:
    """The first row (0-based) of the closing block, or ``end`` when there is none: the first
    row with closing words after which the list numbers no product, or the first of
    :data:`EMPTY_RUN` empty rows after which no product follows."""
    rows, empty = table.rows, 0
    numbered = [r for r in range(header.last + 1, end) if _numbered(rows[r], header)]
    last_product = max(numbered, default=-1)
    for r in range(header.last + 1, end):
        if all(v is None for v in rows[r]):
            empty += 1
            continue
        if empty >= EMPTY_RUN and _after_run(table, header, r, end):
            return r - empty
        empty = 0
        if r > last_product and closing_words(rows[r], header):
            return r
    return end


def first_text(values: Sequence[Value], limit: int = 40) -> str:
    """The first text of a row, shortened, to name it in the report."""
    text = next((text_of(v) for v in values if v is not None and text_of(v)), "")
    return text if len(text) <= limit else text[: limit - 1] + "…"
