"""``ocop import``: turn a province's Excel or CSV list of OCOP products into product files.

Officers keep the current list in a spreadsheet: one row per product, a title or two above a
header that may span merged cells, Vietnamese column names spelled many ways, dates as Excel
serials, real date cells or ``dd/mm/yyyy`` text, stars as ``4 sao``, ``4*`` or ``★★★★``.
The importer finds the header by scoring cells against a table of column names (compared with
:func:`generator.textfold.fold`), maps what it can onto the product schema and reports, in
Vietnamese with English alongside, every row or cell it could not use: its row number as
Excel shows it, its column letter and heading, and why. No row is skipped silently.

Each product row becomes ``products/<area>/<id>/product.yaml`` (written by
:mod:`generator.productfile`): the id is the slugified product name, plus the area when the
name is already taken by another product. A row that matches a product already in the
catalogue (by id, or by name and subject ignoring tone marks) never overwrites it; with
``--update`` only what the sheet gives is changed there (a new recognition, the subject's
phone, …) and everything else — photos, content, sources, notes — is kept. Running the same
import twice creates nothing new. What the sheet cannot give (description, sources,
processing, …) is left as a ``# TODO`` the validator flags; nothing is invented.
"""

from __future__ import annotations

import argparse
import copy
import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .checks.schema import coerce_to_schema, subschema
from .findings import display_path
from .load.discover import discover
from .load.yamlload import load_file
from .places.units import OLD, Unit, match_names, old_tables
from .productfile import (
    area_slug,
    file_notes,
    product_id,
    render,
    still_to_fill,
    taken_ids,
)
from .textfold import fold, fold_compact, fold_place

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
Value = str | int | float | date | datetime | None

# --- column names -----------------------------------------------------------------------------

#: field → column headings seen in provincial lists (compared folded, whole words)
COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "Số TT", "Số thứ tự", "TT"),
    "name": ("Tên sản phẩm", "Tên SP", "Sản phẩm", "Tên sản phẩm OCOP", "Sản phẩm OCOP",
             "Tên sản phẩm, dịch vụ", "Tên sản phẩm/dịch vụ"),
    "subject": ("Chủ thể (tên, địa chỉ)", "Tên chủ thể, địa chỉ", "Tên, địa chỉ chủ thể",
                "Chủ thể, địa chỉ", "Chủ thể sản xuất (tên, địa chỉ)", "Chủ thể OCOP (tên, địa chỉ)"),
    "subject_name": ("Chủ thể", "Tên chủ thể", "Chủ thể OCOP", "Chủ thể sản xuất", "Cơ sở sản xuất",
                     "Đơn vị", "Tên đơn vị", "Đơn vị sản xuất", "Tên cơ sở", "Chủ thể đăng ký",
                     "Tổ chức, cá nhân"),
    "address": ("Địa chỉ", "Địa chỉ chủ thể", "Địa chỉ liên hệ"),
    "place": ("Xã/Huyện", "Xã, huyện", "Xã/Phường/Thị trấn, Huyện", "Địa bàn", "Địa phương",
              "Xã - Huyện", "Xã/huyện/thị xã/thành phố", "Xã, huyện, thị xã, thành phố"),
    "commune": ("Xã", "Xã/Phường", "Xã/Phường/Thị trấn", "Phường/Xã", "Tên xã",
                "Xã, phường, thị trấn"),
    "district": ("Huyện", "Huyện/Thị xã/Thành phố", "Huyện/Thị xã", "Tên huyện",
                 "Huyện, thị xã, thành phố", "Quận/Huyện"),
    "stars": ("Hạng sao", "Số sao", "Xếp hạng", "Phân hạng", "Hạng", "Kết quả phân hạng",
              "Hạng sao OCOP", "Xếp hạng sao"),
    "score": ("Điểm", "Tổng điểm", "Điểm đánh giá", "Điểm số"),
    "decision": ("Số quyết định", "Quyết định", "Số QĐ", "QĐ công nhận", "Quyết định công nhận",
                 "Số hiệu quyết định", "Số QĐ công nhận"),
    "signed": ("Ngày ký", "Ngày quyết định", "Ngày ban hành", "Ngày công nhận",
               "Ngày ký quyết định", "Ngày QĐ", "Ngày ký QĐ"),
    "year": ("Năm", "Năm công nhận", "Năm đạt"),
    "group": ("Nhóm/Bộ sản phẩm", "Nhóm sản phẩm", "Nhóm", "Bộ sản phẩm", "Nhóm ngành",
              "Phân nhóm", "Nhóm, bộ sản phẩm"),
    "product_type": ("Loại sản phẩm",),
    "phone": ("Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Điện thoại liên hệ", "Số ĐT"),
    "tax_code": ("Mã số thuế", "MST"),
}
_FOLDED = {name: tuple(fold(s) for s in spellings) for name, spellings in COLUMNS.items()}
#: where each column goes, as the report shows it
TARGETS = {
    "stt": "số thứ tự, không nhập / row number, not imported", "name": "name.vi",
    "subject": "subject.name + subject.address", "subject_name": "subject.name",
    "address": "subject.address", "place": "origin.recorded.commune + district",
    "commune": "origin.recorded.commune", "district": "origin.recorded.district",
    "stars": "recognitions[].stars", "score": "recognitions[].score",
    "decision": "recognitions[].decision", "signed": "recognitions[].signed",
    "year": "recognitions[].signed (năm / year)", "group": "group, subgroup",
    "product_type": "product_type", "phone": "subject.contact.phones",
    "tax_code": "subject.tax_code",
}
_HEADER_SEARCH_ROWS = 30


# --- reading the file -------------------------------------------------------------------------

@dataclass
class Table:
    """One sheet: cell values by row, merged cells filled with their top-left value."""

    title: str
    rows: list[list[Value]]
    encoding: str = ""
    nfd: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 0-based


class ImportError_(Exception):
    """The file cannot be read as a product list; the message is for the officer."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")


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


def read_xlsx(path: Path) -> list[Table]:
    """Every sheet of a workbook, merged ranges filled in."""
    from openpyxl import load_workbook  # only `ocop import` needs it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # unsupported Excel extensions
        try:
            book = load_workbook(path, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ImportError_(f"không mở được tệp Excel ({error})",
                               f"cannot open the Excel file ({error})") from error
    tables = []
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            top = rows[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
                for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                    rows[r][c] = top
        tables.append(_clean(Table(sheet.title, rows)))
    return tables


_VIETNAMESE_ONLY = set("ăắằẳẵặơớờởỡợưứừửữựđĂẮẰẲẴẶƠỚỜỞỠỢƯỨỪỬỮỰĐảẩẫẻểễỉỏổỗủỷạậẹệịọộụỵẽỹĩũ")


def decode_csv(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else Windows-1258 or cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
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


# --- the header -------------------------------------------------------------------------------

@dataclass
class Column:
    index: int
    letter: str
    title: str  # "Kết quả công nhận › Ngày ký"
    field: str | None = None


@dataclass
class Header:
    first: int  # 0-based rows of the header block
    last: int
    columns: list[Column]

    def field(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as Excel shows it)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_fields(text: str) -> dict[str, float]:
    """Fields a heading names, with how much of the heading the name covers (≥ 0.5)."""
    key = fold(text)
    out: dict[str, float] = {}
    if not key:
        return out
    for name, spellings in _FOLDED.items():
        for spelling in spellings:
            if f" {spelling} " in f" {key} " and len(spelling) / len(key) >= 0.5:
                out[name] = max(out.get(name, 0.0), len(spelling) / len(key))
    return out


def _row_fields(row: Sequence[Value]) -> set[str]:
    texts = {v for v in row if isinstance(v, str)}
    if len(texts) < 2:  # a title merged across the sheet is one value
        return set()
    return {name for text in texts for name in cell_fields(text)}


def _titles(rows: list[list[Value]], first: int, last: int) -> list[str]:
    titles = []
    for c in range(len(rows[first])):
        parts: list[str] = []
        for r in range(first, last + 1):
            value = rows[r][c]
            if isinstance(value, str | int | float) and str(value) not in parts[-1:]:
                parts.append(str(value))
        titles.append(" › ".join(parts))
    return titles


def _assign(rows: list[list[Value]], first: int, last: int) -> list[Column]:
    """Each column its best field, the most specific heading (the lowest row) first."""
    columns = [Column(c, column_letter(c), title)
               for c, title in enumerate(_titles(rows, first, last))]
    options = []
    for column in columns:
        parts = column.title.split(" › ") if column.title else []
        for level, part in enumerate(parts):
            weight = 2 if level == len(parts) - 1 else 1
            for name, ratio in cell_fields(part).items():
                options.append((weight, ratio, column.index, name))
    used: set[str] = set()
    for _weight, _ratio, index, name in sorted(options, key=lambda o: (-o[0], -o[1], o[2])):
        if columns[index].field is None and name not in used:
            columns[index].field = name
            used.add(name)
    return columns


def find_header(rows: list[list[Value]]) -> Header | None:
    """The header block: the first row naming the product column and another, plus up to two
    rows of sub-headings under it (merged group headings such as «Chủ thể» over «Tên», «Địa chỉ»)."""
    for r in range(min(len(rows), _HEADER_SEARCH_ROWS)):
        found = _row_fields(rows[r])
        if len(found) >= 2 and "name" in found:
            last = r
            while last + 1 < len(rows) and last - r < 2 and len(_row_fields(rows[last + 1])) >= 2:
                last += 1
            return Header(r, last, _assign(rows, r, last))
    return None


# --- cell values ------------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
_STAR_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6}


def text_of(value: Value) -> str:
    """A cell as text: whole numbers without ``.0``, dates as dd/mm/yyyy."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else " ".join(str(value).split())


def parse_stars(value: Value) -> int | None:
    """``4``, ``4.0``, ``"4 sao"``, ``"4*"``, ``"★★★★"``, ``"bốn sao"`` → 4; None if unreadable.
    Out-of-range numbers (6) are returned as read: the caller reports them."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if text and all(ch in "★☆⭐* " for ch in text):
        count = sum(ch in "★⭐*" for ch in text)
        return count or None
    match = re.fullmatch(r"(\d+)(?:[.,]0+)?\s*(?:sao|\*|★|⭐)?(?:\s*ocop)?", text)
    if match:
        return int(match.group(1))
    words = fold(text).split()
    if len(words) in (1, 2) and words[0] in _STAR_WORDS and words[1:] in ([], ["sao"]):
        return _STAR_WORDS[words[0]]
    return None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """``"2022-12-29"``, ``"2022-12"`` or ``"2022"``; None when not on the calendar."""
    try:
        if day is not None and month is not None:
            return date(year, month, day).isoformat()
        if month is not None:
            return f"{date(year, month, 1):%Y-%m}"
    except ValueError:
        return None
    return f"{year:04d}" if 1900 <= year <= 2100 else None


_DATE_FORMS = (  # (pattern on folded text, group order: y m d)
    (re.compile(r"(\d{4}) (\d{1,2}) (\d{1,2})"), (1, 2, 3)),
    (re.compile(r"(?:ngay )?(\d{1,2}) (\d{1,2}) (\d{4})"), (3, 2, 1)),
    (re.compile(r"(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})"), (3, 2, 1)),
    (re.compile(r"(?:thang )?(\d{1,2}) (?:nam )?(\d{4})"), (2, 1, 0)),
    (re.compile(r"(\d{4}) (\d{1,2})"), (1, 2, 0)),
    (re.compile(r"(?:nam )?(\d{4})"), (1, 0, 0)),
)


def _serial(number: int) -> str | None:
    if 20000 <= number <= 80000:  # 1954 … 2119 as Excel day numbers
        return (_EXCEL_EPOCH + timedelta(days=number)).isoformat()
    return f"{number}" if 1900 <= number <= 2100 else None


def parse_date(value: Value) -> tuple[str | None, str]:
    """(ISO date, full or partial; ``""``) or (None, ``"invalid"`` | ``"unreadable"``)."""
    if isinstance(value, datetime):
        return value.date().isoformat(), ""
    if isinstance(value, date):
        return value.isoformat(), ""
    if isinstance(value, bool) or value is None:
        return None, "unreadable"
    if isinstance(value, int | float):
        number = _serial(int(value)) if float(value).is_integer() else None
        return (number, "") if number else (None, "unreadable")
    key = fold(str(value).replace("-", " ").replace("/", " "))
    if re.fullmatch(r"\d{5}", key):
        return (_serial(int(key)), "") if _serial(int(key)) else (None, "unreadable")
    for pattern, (y, m, d) in _DATE_FORMS:
        match = pattern.fullmatch(key)
        if match:
            parts = [int(match.group(i)) if i else None for i in (y, m, d)]
            iso = _iso(parts[0] or 0, parts[1], parts[2])
            return (iso, "") if iso else (None, "invalid")
    return None, "unreadable"


_DECISION_PREFIX = re.compile(r"^(?:quyết định|qđ)?\s*(?:số)?\s*[:.]?\s*", re.IGNORECASE)
_DECISION_DATE = re.compile(r"\s*,?\s*(?:k[ýy]\s+)?ng[àa]y\s+(.+)$", re.IGNORECASE)


def parse_decision(value: Value) -> tuple[str, str | None]:
    """(decision number as written, date text found after it): ``"QĐ số 3610/QĐ-UBND ngày
    29/12/2022"`` → ``("3610/QĐ-UBND", "29/12/2022")``; ``377`` → ``("377", None)``."""
    text = text_of(value)
    when = _DECISION_DATE.search(text)
    if when:
        text = text[: when.start()]
    number = _DECISION_PREFIX.sub("", text, count=1).strip(" ,;")
    return (number or text), (when.group(1) if when else None)


_PHONE = re.compile(r"(\+84|0)[0-9][0-9 .]{7,14}[0-9]")
_PHONE_LABEL = re.compile(r"^(?:đt|dđ|sđt|tel|mobile|di động|điện thoại)\s*[:.]?\s*", re.IGNORECASE)


def _phone(piece: str) -> tuple[str | None, bool]:
    """(the number in the schema's form or None, whether a leading 0 was put back)."""
    number = _PHONE_LABEL.sub("", piece.strip()).replace("-", " ").replace("(", " ")
    number = " ".join(number.replace(")", " ").split())
    digits = number.replace(" ", "").replace(".", "")
    if digits.isdigit() and not digits.startswith("0") and 9 <= len(digits) <= 10:
        return "0" + digits, True  # Excel dropped the 0 of a number cell (also in its CSV)
    return (number, False) if _PHONE.fullmatch(number) else (None, False)


def parse_phones(value: Value) -> tuple[list[str], list[str], bool]:
    """(phones in the schema's form, pieces that are not phones, whether Excel had dropped
    the leading 0 of a number)."""
    phones: list[str] = []
    bad: list[str] = []
    zero = False
    for piece in re.split(r"[,;/\n]|\s[-–]\s", text_of(value)):
        if not piece.strip():
            continue
        number, added = _phone(piece)
        zero = zero or added
        if number is None:
            bad.append(piece.strip())
        elif number not in phones:
            phones.append(number)
    return phones, bad, zero


_ADDRESS_START = re.compile(
    r"(thon|khoi pho|khoi|to dan pho|to|ap|ban|lang|xom|so|duong|xa|phuong|thi tran|huyen|"
    r"tp|thanh pho|tt|thi xa|dia chi|dc|khu pho|kp|k\d+)\b")


def split_subject(text: str) -> tuple[str, str | None]:
    """``"HTX X, thôn Y, xã Z"`` → ``("HTX X", "thôn Y, xã Z")``: the name ends where the
    first part that reads as an address begins (after a comma, dash, bracket or line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return lines[0], ", ".join(lines[1:])
    for match in re.finditer(r"\s*(?:[,;(]|\s[-–]\s)\s*", text):
        rest = text[match.end():].strip(" )")
        if rest and _ADDRESS_START.match(fold(rest)):
            address = re.sub(r"^(?:địa chỉ|đc)\s*[:.]?\s*", "", rest, flags=re.IGNORECASE)
            return text[: match.start()].strip(), address.strip()
    return text.strip(), None


_COMMUNE_WORDS = ("xa", "phuong", "thi tran", "x", "p", "tt")
_DISTRICT_WORDS = ("huyen", "thi xa", "thanh pho", "tp", "tx", "h", "quan")


def split_place(text: str) -> tuple[str | None, str | None]:
    """``"Xã Tiên Sơn, huyện Tiên Phước"`` or ``"Tiên Sơn - Tiên Phước"`` → (commune,
    district); a lone name without a level word is returned as the district."""
    commune = district = None
    loose = []
    for part in re.split(r"\s*[,;/\n]\s*|\s+[-–]\s+", text):
        part = part.strip()
        key = fold(part)
        if not key or key.startswith("tinh "):
            continue
        if any(key.startswith(w + " ") for w in _DISTRICT_WORDS):
            district = district or part
        elif any(key.startswith(w + " ") for w in _COMMUNE_WORDS):
            commune = commune or part
        else:
            loose.append(part)
    if commune is None and district is None and len(loose) == 1:
        return None, loose[0]
    if commune is None and loose:
        commune = loose.pop(0)
    if district is None and loose:
        district = loose.pop(0)
    return commune, district


# --- what the officer reads about a row or cell -----------------------------------------------

MESSAGES: dict[str, tuple[str, str]] = {
    "date_invalid": ("«{raw}» không có trên lịch — xem lại ngày ký trong quyết định",
                     "«{raw}» is not a calendar date — check the signing date in the decision"),
    "date_unreadable": ("không đọc được «{raw}» là ngày (viết ngày/tháng/năm, ví dụ 29/12/2022)",
                        "cannot read «{raw}» as a date (write day/month/year, e.g. 29/12/2022)"),
    "stars_range": ("{raw} sao không hợp lệ — hạng sao OCOP chỉ là 3, 4 hoặc 5",
                    "{raw} stars is not valid — OCOP stars are 3, 4 or 5"),
    "stars_unreadable": ("không đọc được «{raw}» là hạng sao (ví dụ: 4 sao, 4, 4*, ★★★★)",
                         "cannot read «{raw}» as stars (e.g. 4 sao, 4, 4*, ★★★★)"),
    "score_unreadable": ("không đọc được «{raw}» là điểm (0–100) — không nhập",
                         "cannot read «{raw}» as a score (0–100) — not imported"),
    "decision_form": ("số quyết định «{raw}» không bắt đầu bằng chữ số — ghi nguyên văn, sửa "
                      "theo quyết định",
                      "decision number «{raw}» does not start with a digit — written as is, fix "
                      "it from the decision"),
    "decision_date": ("lấy ngày ký «{raw}» ghi sau số quyết định",
                      "signing date «{raw}» taken from the decision cell"),
    "phone_bad": ("«{raw}» không phải số điện thoại (ví dụ 0235 3884 123) — không nhập",
                  "«{raw}» is not a phone number (e.g. 0235 3884 123) — not imported"),
    "phone_zero": ("Excel đã bỏ số 0 ở đầu — ghi là {raw}",
                   "Excel had dropped the leading 0 — written as {raw}"),
    "phone_no_subject": ("có số điện thoại nhưng không có tên chủ thể — không nhập",
                         "a phone number without a subject name — not imported"),
    "tax_personal": ("12 chữ số là số định danh cá nhân của chủ hộ — không nhập (dữ liệu cá nhân, "
                     "không được đăng)",
                     "12 digits is the household representative's personal ID — not imported "
                     "(personal data, never published)"),
    "tax_bad": ("«{raw}» không phải mã số thuế (10 chữ số, hoặc 10 + \"-\" + 3) — không nhập",
                "«{raw}» is not a tax code (10 digits, or 10 + \"-\" + 3) — not imported"),
    "address_short": ("địa chỉ «{raw}» quá ngắn — không nhập",
                      "address «{raw}» is too short — not imported"),
    "unit_unknown": ("không tìm thấy {level} «{raw}» trong {scope} (danh sách 01/2025) — ghi "
                     "tên như trong bảng, chưa có mã",
                     "{level_en} «{raw}» is not in {scope} (January 2025 list) — written as in "
                     "the sheet, without a code"),
    "unit_ambiguous": ("«{raw}» khớp nhiều đơn vị: {matches} — ghi tên như trong bảng, chưa có mã",
                       "«{raw}» matches several units: {matches} — written as in the sheet, "
                       "without a code"),
    "unit_merged": ("«{raw}» đã nhập vào {into} trước năm 2025 — ghi tên như trong bảng; xã được "
                    "tìm trong {into}",
                    "«{raw}» was merged into {into} before 2025 — written as in the sheet; the "
                    "commune is looked up in {into}"),
    "no_province": ("không biết tỉnh nên không tra được mã — ghi tên như trong bảng",
                    "the province is unknown, so no code could be looked up — written as in "
                    "the sheet"),
    "group_unknown": ("«{raw}» không phải một trong 6 nhóm theo QĐ 148/2023 — ghi vào `subgroup`; "
                      "chọn `group` trong tệp",
                      "«{raw}» is not one of the 6 groups of Decision 148/2023 — written to "
                      "`subgroup`; choose `group` in the file"),
    "group_old": ("«{raw}» là nhóm theo bộ tiêu chí {taxonomy} — ghi vào `group_recorded`; chọn "
                  "`group` theo QĐ 148/2023 trong tệp",
                  "«{raw}» is a group of the {taxonomy} taxonomy — written to `group_recorded`; "
                  "choose the Decision 148/2023 `group` in the file"),
    "section_district": ("các dòng sau không ghi huyện sẽ lấy huyện là {raw}",
                         "the rows below that give no district get {raw}"),
    "nfd": ("chữ tổ hợp (NFD) — đã chuẩn hoá sang NFC",
            "decomposed (NFD) text — normalised to NFC"),
    "conflict": ("quyết định {raw} đã có trong tệp với {old} sao, bảng ghi {new} sao — không sửa; "
                 "xem lại quyết định",
                 "decision {raw} is in the file with {old} stars, the sheet says {new} — not "
                 "changed; check the decision"),
    "no_name": ("không có tên sản phẩm — không nhập dòng này",
                "no product name — row not imported"),
    "ambiguous": ("tên trùng với nhiều sản phẩm: {raw} — ghi tên chủ thể để phân biệt; không "
                  "nhập dòng này",
                  "the name matches several products: {raw} — add the subject to tell them "
                  "apart; row not imported"),
    "broken": ("tệp {raw} có lỗi, không đọc được — sửa tệp (chạy `ocop validate`) rồi nhập lại",
               "{raw} has errors and cannot be read — fix it (run `ocop validate`) and import "
               "again"),
    "unmapped": ("không có trường tương ứng — không nhập", "no matching field — not imported"),
    "hand_comments": ("tệp có ghi chú viết tay (dòng {raw}) nên không tự cập nhật, để khỏi mất "
                      "ghi chú — sửa tay: {changes}",
                      "the file has hand-written comments (line {raw}), so it is not updated "
                      "automatically, to keep them — edit by hand: {changes}"),
}
#: notes that only inform (the data went in, or was left out on purpose)
INFO = {"decision_date", "phone_zero", "tax_personal", "unit_unknown", "unit_ambiguous",
        "unit_merged", "no_province", "group_unknown", "group_old", "nfd", "decision_form",
        "section_district"}


@dataclass
class Note:
    """One thing the officer should know about a row or a cell of the sheet."""

    code: str
    column: Column | None = None
    params: dict[str, str] = field(default_factory=dict)

    @property
    def problem(self) -> bool:
        """Data was not imported, or needs a decision: counted, and the exit code is 1."""
        return self.code not in INFO

    def message(self, lang: str = "vi") -> str:
        vi, en = MESSAGES[self.code]
        return (en if lang == "en" else vi).format(**self.params)

    def text(self) -> str:
        where = f"cột {self.column.letter} «{self.column.title}»: " if self.column else ""
        return f"{where}{self.message('vi')} / {self.message('en')}"


def note(code: str, column: Column | None = None, **params: Any) -> Note:
    return Note(code, column, {k: str(v) for k, v in params.items()})


# --- one row ----------------------------------------------------------------------------------

TODO_KEY = "\x00todo"  # TODO lines kept inside a recognition until it is written


@dataclass
class Row:
    """A sheet row read into product fields."""

    number: int  # as Excel shows it
    values: dict[str, Value]
    columns: dict[str, Column]
    notes: list[Note] = field(default_factory=list)
    name: str = ""
    grouping: dict[str, Any] = field(default_factory=dict)
    subject: dict[str, Any] = field(default_factory=dict)
    recognition: dict[str, Any] = field(default_factory=dict)  # as written, odd values kept
    known: dict[str, Any] = field(default_factory=dict)  # the valid values only
    recorded: dict[str, Any] | None = None  # origin.recorded
    district_name: str | None = None
    commune_name: str | None = None

    @property
    def signature(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((k, text_of(v)) for k, v in self.values.items() if k != "stt"))

    def where(self, name: str) -> str:
        column = self.columns.get(name)
        return f"dòng {self.number}, cột {column.letter}" if column else f"dòng {self.number}"


def _todo(row: Row, key: str, vi: str, en: str) -> None:
    row.recognition.setdefault(TODO_KEY, {})[key] = [f"TODO: {vi} / {en}"]


def _parse_signed(row: Row) -> None:
    name = "signed" if "signed" in row.values else "year"
    value = row.values.get(name)
    if value is None:
        return
    iso, why = parse_date(value)
    if iso:
        row.recognition["signed"] = row.known["signed"] = iso
        return
    raw = text_of(value)
    row.recognition["signed"] = raw
    row.notes.append(note(f"date_{why}", row.columns.get(name), raw=raw))
    _todo(row, "signed", f"bảng ({row.where(name)}) ghi ngày ký «{raw}» — ghi lại theo quyết "
          "định, dạng NĂM-THÁNG-NGÀY", f"the sheet says «{raw}» — copy the signing date from "
          "the decision as YEAR-MONTH-DAY")


def _parse_stars(row: Row) -> None:
    value = row.values.get("stars")
    if value is None:
        return
    stars = parse_stars(value)
    column = row.columns.get("stars")
    if stars is not None and 3 <= stars <= 5:
        row.recognition["stars"] = row.known["stars"] = stars
        return
    raw = text_of(value)
    row.recognition["stars"] = stars if stars is not None else raw
    row.notes.append(note("stars_range" if stars is not None else "stars_unreadable", column,
                          raw=raw if stars is None else stars))
    _todo(row, "stars", f"bảng ({row.where('stars')}) ghi hạng sao «{raw}» — OCOP chỉ có 3, 4 "
          "hoặc 5 sao; ghi lại theo quyết định", f"the sheet says «{raw}» — OCOP stars are 3, 4 "
          "or 5; copy them from the decision")


def _parse_decision(row: Row) -> None:
    value = row.values.get("decision")
    if value is None:
        return
    number, when = parse_decision(value)
    row.recognition["decision"] = row.known["decision"] = number
    if not number[:1].isdigit():
        row.notes.append(note("decision_form", row.columns["decision"], raw=number))
    if when and "signed" not in row.values and "year" not in row.values:
        row.values["signed"] = when
        row.columns["signed"] = row.columns["decision"]
        row.notes.append(note("decision_date", row.columns["decision"], raw=when))


def _parse_score(row: Row) -> None:
    value = row.values.get("score")
    if value is None:
        return
    text = text_of(value).replace(",", ".")
    try:
        score = float(text)
    except ValueError:
        score = -1.0
    if 0 <= score <= 100:
        row.recognition["score"] = row.known["score"] = int(score) if score.is_integer() else score
    else:
        row.notes.append(note("score_unreadable", row.columns["score"], raw=text_of(value)))


def parse_recognition(row: Row) -> None:
    _parse_decision(row)
    _parse_signed(row)
    _parse_stars(row)
    _parse_score(row)
    if row.recognition and "signed" not in row.recognition:
        _todo(row, "signed", "bảng không ghi ngày ký — ghi theo quyết định, dạng NĂM-THÁNG-NGÀY",
              "the sheet gives no signing date — copy it from the decision as YEAR-MONTH-DAY")
    if row.recognition and "stars" not in row.recognition:
        _todo(row, "stars", "bảng không ghi hạng sao — ghi theo quyết định (3, 4 hoặc 5)",
              "the sheet gives no stars — copy them from the decision (3, 4 or 5)")


def _parse_phones(row: Row, subject: dict[str, Any]) -> None:
    value = row.values.get("phone")
    if value is None:
        return
    column = row.columns["phone"]
    phones, bad, zero_added = parse_phones(value)
    row.notes += [note("phone_bad", column, raw=piece) for piece in bad]
    if zero_added:
        row.notes.append(note("phone_zero", column, raw=", ".join(phones)))
    if phones and "name" not in subject:
        row.notes.append(note("phone_no_subject", column))
    elif phones:
        subject["contact"] = {"phones": phones}


def _parse_tax_code(row: Row, subject: dict[str, Any]) -> None:
    value = row.values.get("tax_code")
    if value is None:
        return
    raw = text_of(value)
    digits = re.sub(r"[\s.]", "", raw)
    if isinstance(value, int | float) and len(digits) == 9:
        digits = "0" + digits  # Excel drops the leading 0 of a number cell
    if re.fullmatch(r"[0-9]{12}", digits):
        row.notes.append(note("tax_personal", row.columns["tax_code"]))
    elif re.fullmatch(r"[0-9]{10}(-[0-9]{3})?", digits) and "name" in subject:
        subject["tax_code"] = digits
    else:
        row.notes.append(note("tax_bad", row.columns["tax_code"], raw=raw))


def parse_subject(row: Row) -> None:
    name = address = None
    if "subject" in row.values:
        name, address = split_subject(str(row.values["subject"]))
    if "subject_name" in row.values:
        name = text_of(row.values["subject_name"])
    if "address" in row.values:
        address = text_of(row.values["address"])
    subject: dict[str, Any] = {"name": " ".join(name.split())} if name else {}
    if address and len(address) >= 5 and subject:
        subject["address"] = " ".join(address.split())
    elif address:
        column = row.columns.get("address") or row.columns.get("subject")
        row.notes.append(note("address_short", column, raw=address))
    _parse_tax_code(row, subject)
    _parse_phones(row, subject)
    row.subject = subject


_GROUPS: list[str] = list(subschema(("group",)).get("enum", []))


def _old_taxonomies() -> dict[str, list[str]]:
    rules = subschema(("group_recorded",)).get("allOf", [])
    return {rule["if"]["properties"]["taxonomy"]["const"]: rule["then"]["properties"]["name"]["enum"]
            for rule in rules}


def _taxonomy_for(signed: str | None, province: str | None) -> str | None:
    """Which older taxonomy a recognition of that date used (None when unclear)."""
    if not signed:
        return None
    if signed[:4] in ("2020", "2021", "2022") or (len(signed) == 10
                                                     and "2019-08-21" <= signed < "2023-02-24"):
        return "1048/2019"
    if province == "49" and (signed[:4] == "2018" or (len(signed) == 10 and signed < "2019-08-21")):
        return "qn-2018"
    return None


def group_fields(text: str, signed: str | None, province: str | None) -> tuple[dict[str, Any],
                                                                                str | None]:
    """The schema fields a «Nhóm/Bộ sản phẩm» cell gives, and the note code, if any."""
    key = re.sub(r"^(nhom|bo|nganh)\s+(\d+|[ivx]+)\s*", "", fold(text))
    for group in _GROUPS:
        folded = fold(group)
        if key == folded:
            return {"group": group}, None
        if key.startswith(folded + " "):
            return {"group": group, "subgroup": text}, None
    taxonomy = _taxonomy_for(signed, province)
    names = _old_taxonomies().get(taxonomy or "", [])
    match = next((n for n in names if fold(n) == key), None)
    if taxonomy and match:
        return {"group_recorded": {"taxonomy": taxonomy, "name": match}}, "group_old"
    return {"subgroup": text}, "group_unknown"


def parse_grouping(row: Row, province: Unit | None) -> None:
    if "group" in row.values:
        text = text_of(row.values["group"])
        fields, code = group_fields(text, row.known.get("signed"),
                                    province.code if province else None)
        row.grouping.update(fields)
        if code:
            taxonomy = fields.get("group_recorded", {}).get("taxonomy", "")
            row.notes.append(note(code, row.columns["group"], raw=text, taxonomy=taxonomy))
    if "product_type" in row.values:
        row.grouping["product_type"] = text_of(row.values["product_type"]).lower()


# --- places -----------------------------------------------------------------------------------

_LEVELS = {"district": ("huyện", "district"), "commune": ("xã", "commune")}


def _unit(unit: Unit) -> dict[str, str]:
    return {"name": unit.name, "code": unit.code}


def find_province(rows: Iterable[Sequence[Value]]) -> tuple[Unit | None, int | None]:
    """The province a title row names («UBND TỈNH QUẢNG NAM»), with its row number."""
    provinces = old_tables().provinces.values()
    for number, row in enumerate(rows, start=1):
        for value in row:
            key = f" {fold(value)} " if isinstance(value, str) else ""
            unit = next((u for u in provinces if f" {fold(u.name)} " in key), None)
            if unit is not None:
                return unit, number
    return None, None


def _province_of(district: str | None, commune: str | None) -> Unit | None:
    """The only shipped province with a district (or else a commune) of that name."""
    tables = old_tables()
    if district:
        hits = {p for p in tables.provinces.values()
                if match_names(district, [(u, [u.name]) for u in tables.districts_of(p.code)])}
    elif commune:
        hits = {tables.communes[u.code].province for u in match_names(
            commune, [(c.unit, c.spellings) for c in tables.communes.values()])}
    else:
        return None
    return hits.pop() if len(hits) == 1 else None


def _district(row: Row, text: str, province: Unit, column: Column | None) -> tuple[dict[str, str],
                                                                                  Unit | None]:
    """(the recorded district, the district to look communes up in)."""
    tables = old_tables()
    districts = tables.districts_of(province.code)
    matches = match_names(text, [(u, [u.name]) for u in districts])
    if len(matches) == 1:
        return _unit(matches[0]), matches[0]
    merger = tables.earlier.get((province.code, fold_place(text)))
    if merger is not None:
        row.notes.append(note("unit_merged", column, raw=text, into=merger.into))
        return {"name": text}, merger.into
    _unit_note(row, text, matches, column, "district", str(province))
    return {"name": text}, None


def _unit_note(row: Row, text: str, matches: list[Unit], column: Column | None, level: str,
               scope: str) -> None:
    if len(matches) > 1:
        row.notes.append(note("unit_ambiguous", column, raw=text,
                              matches="; ".join(str(u) for u in matches)))
    else:
        vi, en = _LEVELS[level]
        row.notes.append(note("unit_unknown", column, raw=text, level=vi, level_en=en,
                              scope=scope))


def _commune(row: Row, text: str, province: Unit, district: Unit | None,
             column: Column | None) -> tuple[dict[str, str], Unit | None]:
    """(the recorded commune, its district from the January 2025 list when found)."""
    tables = old_tables()
    pool = tables.communes_in(province=province.code,
                              district=district.code if district else None)
    matches = match_names(text, [(c.unit, c.spellings) for c in pool])
    if len(matches) == 1:
        return _unit(matches[0]), tables.communes[matches[0].code].district
    _unit_note(row, text, matches, column, "commune", str(district or province))
    return {"name": text}, None


def _lone_name(text: str, province: Unit | None, section: Unit | None) -> tuple[str | None,
                                                                                str | None]:
    """A «Xã/Huyện» cell holding one name without a level word: a district if the province
    has one of that name, else a commune (of the section's district, if any)."""
    if section is not None:
        return text, None
    if province is None:
        return None, text
    districts = old_tables().districts_of(province.code)
    if match_names(text, [(u, [u.name]) for u in districts]):
        return None, text
    return text, None


def parse_place(row: Row, province: Unit | None, section: Unit | None) -> None:
    commune = district = None
    if "place" in row.values:
        text = text_of(row.values["place"])
        commune, district = split_place(text)
        if commune is None and district == text:
            commune, district = _lone_name(text, province, section)
    commune = text_of(row.values["commune"]) if "commune" in row.values else commune
    district = text_of(row.values["district"]) if "district" in row.values else district
    if district is None and section is not None:
        district = section.name
    column_c = row.columns.get("commune") or row.columns.get("place")
    column_d = row.columns.get("district") or row.columns.get("place")
    row.district_name, row.commune_name = district, commune
    province = province or _province_of(district, commune)
    if province is None:
        if district or commune:
            row.notes.append(note("no_province", column_d or column_c))
            row.recorded = {"scheme": OLD, **({"district": {"name": district}} if district else {}),
                            **({"commune": {"name": commune}} if commune else {})}
        return
    recorded: dict[str, Any] = {"scheme": OLD, "province": _unit(province)}
    lookup = None
    if district:
        recorded["district"], lookup = _district(row, district, province, column_d)
    if commune:
        recorded["commune"], found = _commune(row, commune, province, lookup, column_c)
        if found is not None and "district" not in recorded:
            recorded["district"] = _unit(found)
            row.district_name = found.name
    if "district" in recorded and "code" in recorded["district"]:
        row.district_name = recorded["district"]["name"]
    row.recorded = recorded


# --- the catalogue: products already there and files planned in this run ---------------------

@dataclass
class Plan:
    """A product file: one already in the catalogue, or one this import writes."""

    path: Path
    data: dict[str, Any] | None
    existed: bool
    preamble: list[str] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)  # other comment lines
    original: dict[str, Any] | None = None
    rows: dict[tuple[tuple[str, str], ...], int] = field(default_factory=dict)
    first_row: int = 0
    changes: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.path.parent.name

    def _folded(self, key: str) -> set[str]:
        block = (self.data or {}).get(key)
        if not isinstance(block, dict):
            return set()
        names = [block.get("vi" if key == "name" else "name"), *block.get("aliases", [])]
        if key == "name":
            names += (self.data or {}).get("aliases", [])
        return {fold(n) for n in names if isinstance(n, str) and n}

    def names(self) -> set[str]:
        return self._folded("name")

    def subjects(self) -> set[str]:
        return self._folded("subject")

    def hand_comments(self) -> list[int]:
        """Lines of comments written by hand (not a TODO or example this tool writes)."""
        ours = {line.strip() for line in render(self.original or {}, preamble=self.preamble)
                .splitlines() if line.lstrip().startswith("#")}
        return [n for n, text in self.comments if text not in ours
                and not text.startswith("# TODO")]

    def text(self) -> str:
        """The file as it will be written."""
        data = copy.deepcopy(self.data or {})
        comments: dict[str, list[str]] = {}
        for i, item in enumerate(data.get("recognitions", [])):
            for key, lines in item.pop(TODO_KEY, {}).items():
                comments[f"recognitions[{i}].{key}"] = lines
        return render(data, preamble=self.preamble, comments=comments)


def load_catalogue(root: Path) -> list[Plan]:
    plans = []
    for path in discover([root / "products"], root).files:
        doc = load_file(path, display_path(path, root))
        data = None
        if isinstance(doc.data, dict) and not any(f.is_error for f in doc.findings):
            coerce_to_schema(doc)
            data = doc.data
        preamble, comments = file_notes(doc.text)
        plans.append(Plan(path, data, True, preamble, comments, copy.deepcopy(data)))
    return plans


def match(row: Row, plans: list[Plan]) -> tuple[Plan | None, list[Plan]]:
    """The product a row is about (by folded name and subject, else by id), or the several
    products it could be."""
    name, subject = fold(row.name), fold(row.subject.get("name", ""))
    by_name = [p for p in plans if name in p.names()]
    if subject:
        same = [p for p in by_name if subject in p.subjects()]
        unknown = [p for p in by_name if not p.subjects()]
        candidates = same or unknown
    else:
        candidates = by_name
    if len(candidates) > 1:
        return None, candidates
    if candidates:
        return candidates[0], []
    wanted = product_id(row.name)
    by_id = [p for p in plans if p.id == wanted
             and (not subject or not p.subjects() or subject in p.subjects())]
    return (by_id[0] if by_id else None), []


# --- merging a row into a product -------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _partial(value: Any) -> str | None:
    return value if isinstance(value, str) and _PARTIAL_DATE.fullmatch(value) else None


def compare_recognition(entry: dict[str, Any], known: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """How a row's recognition relates to an entry of the file: ``same`` (with the values the
    row adds to it), ``conflict`` (same decision, other stars) or ``other``."""
    if not known:
        return "same", {}
    mine_d, theirs_d = known.get("decision"), entry.get("decision")
    mine_s, theirs_s = known.get("signed"), _partial(entry.get("signed"))
    if mine_d and theirs_d and fold_compact(mine_d) != fold_compact(str(theirs_d)):
        return "other", {}
    if mine_s and theirs_s and not (mine_s.startswith(theirs_s) or theirs_s.startswith(mine_s)):
        return "other", {}
    same_decision = bool(mine_d and theirs_d)
    stars = entry.get("stars")
    if "stars" in known and isinstance(stars, int) and known["stars"] != stars:
        return ("conflict" if same_decision else "other"), {}
    if not (same_decision or (mine_s and theirs_s)) and (theirs_d or theirs_s):
        return "same", {}  # nothing to tell them apart: do not add a second entry
    adds = {k: known[k] for k in ("decision", "score") if k in known and k not in entry}
    if mine_s and (not theirs_s or len(mine_s) > len(theirs_s)):
        adds["signed"] = mine_s
    if "stars" in known and not isinstance(stars, int):
        adds["stars"] = known["stars"]
    return "same", adds


def order_recognitions(items: list[dict[str, Any]]) -> None:
    """Oldest first (entries without a valid date last); every dated entry but the newest
    without a status becomes ``superseded``, as the field reference asks."""
    items.sort(key=lambda r: (0, r["signed"]) if _partial(r.get("signed")) else (1, ""))
    dated = [r for r in items if _partial(r.get("signed"))]
    for item in dated[:-1]:
        item.setdefault("status", "superseded")


def _merge_recognition(data: dict[str, Any], row: Row) -> tuple[list[str], list[Note]]:
    if not row.recognition:
        return [], []
    items = data.setdefault("recognitions", [])
    verdicts = [(compare_recognition(item, row.known), i) for i, item in enumerate(items)]
    for (verdict, adds), i in verdicts:
        if verdict == "same":
            todo = items[i].get(TODO_KEY, {})
            for key in adds:
                todo.pop(key, None)
            items[i].update(adds)
            return [f"recognitions[{i}].{k}" for k in adds], []
    for (verdict, _), i in verdicts:
        if verdict == "conflict":
            return [], [note("conflict", row.columns.get("stars"), raw=row.known["decision"],
                             old=items[i]["stars"], new=row.known["stars"])]
    items.append(copy.deepcopy(row.recognition))
    order_recognitions(items)
    return ["recognitions"], []


def _merge_subject(data: dict[str, Any], row: Row) -> list[str]:
    incoming = row.subject
    if not incoming:
        return []
    subject = data.get("subject")
    if not isinstance(subject, dict):
        data["subject"] = copy.deepcopy(incoming)
        return ["subject"]
    changes = []
    for key in ("address", "tax_code"):
        if key in incoming and subject.get(key) != incoming[key]:
            subject[key] = incoming[key]
            changes.append(f"subject.{key}")
    have = {fold_compact(p) for p in subject.get("contact", {}).get("phones", [])}
    new = [p for p in incoming.get("contact", {}).get("phones", []) if fold_compact(p) not in have]
    if new:
        subject.setdefault("contact", {}).setdefault("phones", []).extend(new)
        changes.append("subject.contact.phones")
    return changes


def _merge_origin(data: dict[str, Any], row: Row) -> list[str]:
    if not row.recorded:
        return []
    origin = data.get("origin")
    if not isinstance(origin, dict) or not isinstance(origin.get("recorded"), dict):
        data["origin"] = {**(origin if isinstance(origin, dict) else {}),
                          "recorded": copy.deepcopy(row.recorded)}
        return ["origin"]
    recorded = origin["recorded"]
    if recorded.get("scheme", OLD) != OLD:
        return []  # written in the scheme from 1 July 2025: the sheet's old names do not apply
    changes = []
    for level in ("province", "district", "commune"):
        new, old = row.recorded.get(level), recorded.get(level)
        if not new:
            continue
        if not isinstance(old, dict) or fold_place(str(old.get("name", ""))) != fold_place(new["name"]):
            recorded[level] = dict(new)
        elif "code" in new and old.get("code") != new["code"]:
            recorded[level] = {**old, "code": new["code"]}
        else:
            continue
        changes.append(f"origin.recorded.{level}")
    return changes


def merge(data: dict[str, Any], row: Row) -> tuple[list[str], list[Note]]:
    """Put what the row gives into ``data``; (what changed, notes)."""
    changes = []
    for key, value in row.grouping.items():
        if data.get(key) != value:
            data[key] = copy.deepcopy(value)
            changes.append(key)
    changes += _merge_subject(data, row)
    recognised, notes = _merge_recognition(data, row)
    return changes + recognised + _merge_origin(data, row), notes


# --- the import -------------------------------------------------------------------------------

@dataclass
class Context:
    root: Path
    header: Header
    province: Unit | None = None
    province_row: int | None = None
    area_from: str = "district"
    update: bool = False
    section: Unit | None = None  # the district a section heading («I. HUYỆN …») named
    taken: set[str] = field(default_factory=set)


@dataclass
class Outcome:
    """What happened to one sheet row."""

    number: int
    action: str
    name: str = ""
    plan: Plan | None = None
    notes: list[Note] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    other: str = ""


_ROMAN = re.compile(r"[IVXLC]+|[A-Z]")


def section_heading(values: Sequence[Value], header: Header) -> str | None:
    """The text of a row that heads a part of the list («I. HUYỆN TIÊN PHƯỚC»), not a product:
    one value merged across cells, or a Roman numeral or letter where the number should be."""
    filled = [v for v in values if v is not None]
    texts = list(dict.fromkeys(text_of(v) for v in filled))
    if len(texts) == 1 and len(filled) >= 2:
        return texts[0]
    stt = header.field("stt")
    number = values[stt.index] if stt else None
    if isinstance(number, str) and not number.strip(" .").isdigit() and (
            _ROMAN.fullmatch(number.strip(" .)")) or len(filled) == 1):
        return " ".join(texts)
    return None


def _section_district(text: str, ctx: Context) -> Unit | None:
    if ctx.province is None:
        return None
    districts = [(u, [u.name]) for u in old_tables().districts_of(ctx.province.code)]
    for name in (re.sub(r"^\s*([IVXLC]+|\d+)[.)\-:]?\s+|^\s*[A-Z][.)\-:]\s*", "", text), text):
        matches = match_names(name, districts)
        if len(matches) == 1:
            return matches[0]
    return None


def read_row(table: Table, r: int, ctx: Context) -> Row:
    values = table.rows[r]
    cells = {c.field: (c, values[c.index]) for c in ctx.header.columns
             if c.field and values[c.index] is not None}
    row = Row(r + 1, {k: v for k, (_, v) in cells.items()}, {k: c for k, (c, _) in cells.items()})
    row.notes += [note("nfd", c) for c in ctx.header.columns if (r, c.index) in table.nfd]
    row.name = " ".join(text_of(row.values.get("name")).split())
    parse_subject(row)
    parse_recognition(row)
    parse_grouping(row, ctx.province)
    parse_place(row, ctx.province, ctx.section)
    return row


def _new_plan(row: Row, plans: list[Plan], ctx: Context) -> Plan:
    place = row.commune_name if ctx.area_from == "commune" and row.commune_name else None
    place = place or row.district_name or (ctx.province.name if ctx.province else "")
    area = area_slug(place) or "khac"
    taken = ctx.taken | {p.id for p in plans}
    base = product_id(row.name) or "san-pham"
    options = [base] if len(base) >= 3 else []
    options += [f"{base}-{area}", *(f"{base}-{area}-{n}" for n in range(2, 1000))]
    pid = next(o for o in options if o not in taken)
    path = ctx.root / "products" / area / pid / "product.yaml"
    return Plan(path, {"id": pid, "name": {"vi": row.name}}, existed=False, first_row=row.number)


def _known_row(row: Row, plan: Plan, ctx: Context) -> Outcome:
    """A row about a product already in the catalogue or already met in this sheet."""
    shown = display_path(plan.path, ctx.root)
    first = plan.rows.get(row.signature)
    if first is not None:
        return Outcome(row.number, "duplicate", row.name, plan, row.notes, other=str(first))
    plan.rows[row.signature] = row.number
    if plan.data is None:
        return Outcome(row.number, "broken", row.name, plan, [*row.notes, note("broken", raw=shown)])
    if not plan.existed:
        changes, notes = merge(plan.data, row)
        return Outcome(row.number, "merged", row.name, plan, row.notes + notes, changes,
                       other=str(plan.first_row))
    trial = copy.deepcopy(plan.data)
    changes, notes = merge(trial, row)
    notes = row.notes + notes
    if not changes:
        return Outcome(row.number, "unchanged", row.name, plan, notes)
    if not ctx.update:
        return Outcome(row.number, "exists", row.name, plan, notes, changes)
    hand = plan.hand_comments()
    if hand:
        notes.append(note("hand_comments", raw=", ".join(map(str, hand)), changes=", ".join(changes)))
        return Outcome(row.number, "blocked", row.name, plan, notes, changes)
    plan.data = trial
    plan.changes += [c for c in changes if c not in plan.changes]
    return Outcome(row.number, "updated", row.name, plan, notes, changes)


def import_row(table: Table, r: int, plans: list[Plan], ctx: Context) -> Outcome:
    values = table.rows[r]
    if all(v is None for v in values):
        return Outcome(r + 1, "empty")
    heading = section_heading(values, ctx.header)
    if heading is not None:
        district = _section_district(heading, ctx)
        ctx.section = district or ctx.section
        notes = [note("section_district", raw=district)] if district else []
        return Outcome(r + 1, "section", notes=notes, other=heading)
    row = read_row(table, r, ctx)
    if not row.name:
        column = ctx.header.field("name")
        return Outcome(row.number, "no_name", notes=[*row.notes, note("no_name", column)])
    plan, several = match(row, plans)
    if several:
        listed = ", ".join(display_path(p.path, ctx.root) for p in several)
        return Outcome(row.number, "ambiguous", row.name, notes=[*row.notes,
                                                                 note("ambiguous", raw=listed)])
    if plan is not None:
        return _known_row(row, plan, ctx)
    plan = _new_plan(row, plans, ctx)
    plan.rows[row.signature] = row.number
    plans.append(plan)
    _, notes = merge(plan.data or {}, row)
    return Outcome(row.number, "new", row.name, plan, row.notes + notes)


def import_table(table: Table, ctx: Context) -> tuple[list[Outcome], list[Plan]]:
    plans = load_catalogue(ctx.root)
    ctx.taken = set(taken_ids(ctx.root))
    last = max((r for r, row in enumerate(table.rows) if any(v is not None for v in row)),
               default=ctx.header.last)
    outcomes = [import_row(table, r, plans, ctx) for r in range(ctx.header.last + 1, last + 1)]
    return outcomes, plans


def write_plans(plans: list[Plan], root: Path) -> list[Path]:
    """Write new files and updated ones; return what was written."""
    written = []
    for plan in plans:
        if plan.existed and not plan.changes:
            continue
        plan.path.parent.mkdir(parents=True, exist_ok=True)
        plan.path.write_text(plan.text(), encoding="utf-8")
        written.append(plan.path)
    return written


# --- the report -------------------------------------------------------------------------------

_ACTIONS = {  # action → (vi, en); {file}, {other}, {changes}
    "new": ("tạo mới {file}", "created"),
    "merged": ("cùng sản phẩm với dòng {other}, gộp vào {file}{added}", "same product as row "
               "{other}, merged into it"),
    "updated": ("cập nhật {file}: {changes}", "updated"),
    "unchanged": ("đã có {file}, không có gì mới", "already there, nothing new"),
    "exists": ("đã có {file}; bảng khác ở: {changes} — không ghi đè, chạy lại với --update để "
               "cập nhật", "exists; the sheet differs in: {changes} — not overwritten, run again "
               "with --update to update it"),
    "blocked": ("không cập nhật {file}", "not updated"),
    "broken": ("không nhập được", "not imported"),
    "duplicate": ("trùng dòng {other} — bỏ qua", "duplicate of row {other} — skipped"),
    "empty": ("dòng trống — bỏ qua", "empty row — skipped"),
    "section": ("dòng tiêu đề mục «{other}», không phải sản phẩm — bỏ qua",
                "section heading, not a product — skipped"),
    "no_name": ("không nhập được", "not imported"),
    "ambiguous": ("không nhập được", "not imported"),
}
_DRY = {"new": ("sẽ tạo {file}", "would be created"), "updated": ("sẽ cập nhật {file}: {changes}",
                                                                   "would be updated")}
WRITES = {"new", "updated"}


def outcome_line(outcome: Outcome, root: Path, *, dry_run: bool = False) -> str:
    vi, en = (_DRY if dry_run and outcome.action in _DRY else _ACTIONS)[outcome.action]
    params = {"file": display_path(outcome.plan.path, root) if outcome.plan else "",
              "other": outcome.other, "changes": ", ".join(outcome.changes),
              "added": ": " + ", ".join(outcome.changes) if outcome.changes else ""}
    name = f" «{outcome.name}»" if outcome.name else ""
    return f"Dòng {outcome.number}{name}: {vi.format(**params)} / {en.format(**params)}"


def outcome_lines(outcome: Outcome, root: Path, *, dry_run: bool = False) -> list[str]:
    """The report lines of one row: what happened, each note, and what is left to fill."""
    lines = [outcome_line(outcome, root, dry_run=dry_run)]
    lines += ["  " + n.text() for n in outcome.notes]
    plan = outcome.plan
    if plan is not None and plan.data is not None and (
            (outcome.action == "new") or (outcome.action == "updated" and plan.changes)):
        left = still_to_fill(plan.data)
        if left:
            lines.append("  còn phải điền / still to fill: " + ", ".join(left))
    return lines


def column_lines(table: Table, header: Header) -> tuple[list[str], list[Note]]:
    """One line per column: where it goes, or that it is not imported (with the rows that had
    data in it, so nothing is dropped silently)."""
    lines, problems = [], []
    for column in header.columns:
        used = [str(r + 1) for r in range(header.last + 1, len(table.rows))
                if table.rows[r][column.index] is not None]
        if column.field:
            lines.append(f"  {column.letter} «{column.title}» → {TARGETS[column.field]}")
        elif column.title or used:
            title = f"«{column.title}»" if column.title else "(không có tiêu đề / no heading)"
            rows = ", ".join(used) or "—"
            lines.append(f"  {column.letter} {title} → không có trường tương ứng, không nhập (dữ "
                         f"liệu ở dòng {rows}) / no matching field, not imported (data in rows "
                         f"{rows})")
            if used:
                problems.append(Note("unmapped", column))
    return lines, problems


def summary(outcomes: list[Outcome], problems: int, *, dry_run: bool) -> list[str]:
    """The closing lines: counts (zero counts left out) and what to do next."""
    count = {a: sum(o.action == a for o in outcomes) for a in _ACTIONS}
    products = sum(count.values()) - count["empty"] - count["section"]
    count["skipped"] = sum(count[a] for a in ("no_name", "ambiguous", "broken", "blocked"))
    parts = [f"{count[key]} {label}" for key, label in _COUNTED if count[key]]
    head = "Tổng kết (chạy thử) / summary (dry run)" if dry_run else "Tổng kết / summary"
    empty = f"; {count['empty']} dòng trống / empty" if count["empty"] else ""
    return [
        f"{head}: {products} dòng sản phẩm / product rows ({', '.join(parts) or '—'}){empty}; "
        f"{problems} chỗ cần xem lại / to review.",
        "CHẠY THỬ: chưa ghi tệp nào. / DRY RUN: no file written." if dry_run else
        "Tiếp theo: mở từng tệp mới, điền các trường «còn phải điền», rồi chạy `ocop validate`. / "
        "Next: open each new file, fill in what is listed, then run `ocop validate`.",
    ]


_COUNTED = (("new", "tạo mới / new"), ("merged", "gộp / merged"), ("updated", "cập nhật / updated"),
            ("unchanged", "không đổi / unchanged"), ("exists", "cần --update / need --update"),
            ("duplicate", "trùng / duplicate"), ("skipped", "không nhập / not imported"))


def header_lines(source: str, table: Table, ctx: Context) -> list[str]:
    header = ctx.header
    encoding = f", mã hoá / encoding {table.encoding}" if table.encoding else ""
    rows = (f"{header.first + 1}" if header.first == header.last
            else f"{header.first + 1}–{header.last + 1}")
    if ctx.province is not None:
        where = f"{ctx.province} — theo dòng {ctx.province_row} / from row {ctx.province_row}"
    else:
        where = ("không thấy tên tỉnh ở các dòng trên tiêu đề; tra theo tên huyện / not named "
                 "above the header; looked up from the district names")
    return [f"Nhập / import: {source} — trang tính / sheet «{table.title}»{encoding}",
            f"Dòng tiêu đề / header rows: {rows}; tỉnh / province: {where}",
            "Cột / columns:"]


def report(source: str, table: Table, ctx: Context, outcomes: list[Outcome], *,
           dry_run: bool) -> tuple[list[str], list[tuple[Outcome | None, Note | None]]]:
    """The report lines, and each (row, note) pair for a CSV report."""
    lines = header_lines(source, table, ctx)
    columns, unmapped = column_lines(table, ctx.header)
    lines += columns
    if dry_run:
        lines.append("CHẠY THỬ (--dry-run): không ghi tệp nào. / DRY RUN (--dry-run): no file "
                     "is written.")
    lines.append("")
    pairs: list[tuple[Outcome | None, Note | None]] = [(None, n) for n in unmapped]
    for outcome in outcomes:
        lines += outcome_lines(outcome, ctx.root, dry_run=dry_run)
        pairs += [(outcome, n) for n in outcome.notes] or [(outcome, None)]
    problems = len(unmapped) + sum(n.problem for o in outcomes for n in o.notes)
    lines += ["", *summary(outcomes, problems, dry_run=dry_run)]
    return lines, pairs


def write_csv_report(path: Path, pairs: list[tuple[Outcome | None, Note | None]],
                     root: Path, *, dry_run: bool) -> None:
    """The report as a sheet the officer can open beside the list (UTF-8 with BOM for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Dòng / row", "Cột / column", "Tiêu đề cột / heading", "Kết quả / result",
                     "Tệp / file", "Ghi chú / note (vi)", "Ghi chú / note (en)",
                     "Cần xem lại / to review"])
    for outcome, item in pairs:
        result = outcome_line(outcome, root, dry_run=dry_run).split(": ", 1)[1] if outcome else ""
        column = item.column if item else None
        writer.writerow([
            outcome.number if outcome else "", column.letter if column else "",
            column.title if column else "", result,
            display_path(outcome.plan.path, root) if outcome and outcome.plan else "",
            item.message("vi") if item else "", item.message("en") if item else "",
            "x" if item and item.problem else ""])
    path.write_text(out.getvalue(), encoding="utf-8-sig")


# --- the command ------------------------------------------------------------------------------

def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "import", help="nhập danh sách sản phẩm từ Excel/CSV / import a product list (Excel, CSV)",
        description="Tạo tệp sản phẩm từ danh sách sản phẩm OCOP của tỉnh (Excel .xlsx hoặc CSV): "
        "mỗi dòng một sản phẩm. Không ghi đè sản phẩm đã có nếu không dùng --update. / Create "
        "product files from the province's list of OCOP products (.xlsx or .csv), one row per "
        "product. Existing products are never overwritten without --update.")
    parser.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv",
                        help="danh sách sản phẩm / the product list")
    parser.add_argument("--area-from", choices=["district", "commune"], default="district",
                        help="đặt thư mục địa phương theo huyện (mặc định) hay xã / name the area "
                        "folder after the district (default) or the commune")
    parser.add_argument("--update", action="store_true",
                        help="cập nhật sản phẩm đã có bằng dữ liệu trong bảng / update existing "
                        "products with what the sheet gives")
    parser.add_argument("--dry-run", action="store_true",
                        help="chỉ báo cáo, không ghi tệp / report only, write nothing")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="ghi báo cáo ra tệp (.csv để mở bằng Excel, khác: văn bản) / also "
                        "write the report to FILE (.csv opens in Excel; otherwise text)")
    parser.add_argument("--sheet", help="tên trang tính / sheet name (default: the first one "
                        "with a header row)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục gốc của kho dữ liệu / repository root (default: .)")
    parser.set_defaults(func=run)


def load_table(path: Path, sheet: str | None) -> tuple[Table, Header]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        tables = read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        tables = [read_csv(path)]
    else:
        raise ImportError_(f"không đọc được tệp «{suffix}» — dùng .xlsx hoặc .csv (Excel: File → "
                           "Save As → Excel Workbook)", f"cannot read «{suffix}» files — use .xlsx "
                           "or .csv")
    if sheet is not None:
        tables = [t for t in tables if t.title == sheet]
        if not tables:
            raise ImportError_(f"không có trang tính «{sheet}»", f"there is no sheet «{sheet}»")
    for table in tables:
        header = find_header(table.rows)
        if header is not None:
            return table, header
    names = ", ".join(COLUMNS["name"][:3])
    raise ImportError_(f"không tìm thấy dòng tiêu đề trong {_HEADER_SEARCH_ROWS} dòng đầu: cần một "
                       f"cột tên sản phẩm ({names}) và ít nhất một cột khác",
                       f"no header row in the first {_HEADER_SEARCH_ROWS} rows: a product name "
                       f"column ({names}) and at least one other column are needed")


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"ocop import: không tìm thấy / not found: {path}")
        return EXIT_USAGE
    try:
        table, header = load_table(path, args.sheet)
    except ImportError_ as error:
        print(f"ocop import: {path}: {error}")
        return EXIT_FINDINGS
    root = args.root.absolute()
    ctx = Context(root, header, area_from=args.area_from, update=args.update)
    ctx.province, ctx.province_row = find_province(table.rows[: header.first])
    outcomes, plans = import_table(table, ctx)
    if not args.dry_run:
        write_plans(plans, root)
    lines, pairs = report(display_path(path, root), table, ctx, outcomes, dry_run=args.dry_run)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.report is not None:
        if args.report.suffix.lower() == ".csv":
            write_csv_report(args.report, pairs, root, dry_run=args.dry_run)
        else:
            args.report.write_text(text, encoding="utf-8")
    has_problems = any(n.problem for _, n in pairs if n is not None)
    return EXIT_FINDINGS if has_problems else EXIT_OK
