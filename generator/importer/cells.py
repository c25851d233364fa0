"""Cell values as officers type them: stars (``4 sao``, ``4*``, ``★★★★``), dates (Excel day
numbers, date cells, ``dd/mm/yyyy`` or ``ngày … tháng … năm …`` text), decision numbers with
their date, phone numbers, a subject cell holding name and address, a place cell holding
commune and district. Each parser returns what it read and leaves the reporting to its caller.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..dates import day
from ..textfold import fold
from .table import Value

_EXCEL_EPOCH = date(1899, 12, 30)
_STAR_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6}


def text_of(value: Value) -> str:
    """A cell as text: whole numbers without ``.0``, dates as dd/mm/yyyy."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):  # a datetime too
        return day(value)
    return "" if value is None else " ".join(str(value).split())


def _stars_text(text: str) -> int | None:
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
    return _stars_text(value.strip().lower())


_LEVELS = (("central", re.compile(r"\b(?:cap )?(?:quoc gia|trung uong|qg)\b")),
           ("province", re.compile(r"\bcap tinh\b")))


def parse_level(value: Value) -> tuple[str | None, str]:
    """(level a star cell names, the cell without it): ``"5 sao (quốc gia)"`` → ``("central",
    "5 sao")``; ``"OCOP quốc gia"`` → ``("central", "5")`` (only 5 stars are national)."""
    text = text_of(value)
    key = fold(text)
    for level, words in _LEVELS:
        if words.search(key):
            rest = " ".join(re.sub(r"[()\[\]\-–,;:]", " ", words.sub(" ", key)).split())
            rest = re.sub(r"^(?:san pham )?(?:ocop|hang)\s*|\s*(?:ocop|hang)$", "", rest).strip()
            return level, rest or ("5" if level == "central" else "")
    return None, text


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


def _date_text(text: str) -> tuple[str | None, str]:
    key = fold(text.replace("-", " ").replace("/", " "))
    if re.fullmatch(r"\d{5}", key):
        return (_serial(int(key)), "") if _serial(int(key)) else (None, "unreadable")
    for pattern, (y, m, d) in _DATE_FORMS:
        match = pattern.fullmatch(key)
        if match:
            parts = [int(match.group(i)) if i else None for i in (y, m, d)]
            iso = _iso(parts[0] or 0, parts[1], parts[2])
            return (iso, "") if iso else (None, "invalid")
    return None, "unreadable"


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
    return _date_text(str(value))


_DECISION_PREFIX = re.compile(r"^(?:quyết định|qđ)?\s*(?:số)?\s*[:.]?\s*", re.IGNORECASE)
_DECISION_DATE = re.compile(r"\s*,?\s*(?:k[ýy]\s+)?ng[àa]y\s+(.+)$", re.IGNORECASE)


#: a date at the end of a decision cell: «3610/QĐ-UBND (29/12/2022)», «…, 29/12/2022»
_TRAILING_DATE = re.compile(r"\s*[,;(\-–]?\s*(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s*\)?$")


def parse_decision(value: Value) -> tuple[str, str | None]:
    """(decision number as written, date text found after it): ``"QĐ số 3610/QĐ-UBND ngày
    29/12/2022"``, ``"3610/QĐ-UBND (29/12/2022)"`` or ``"3610/QĐ-UBND, 29/12/2022"`` →
    ``("3610/QĐ-UBND", "29/12/2022")``; ``377`` → ``("377", None)``."""
    text = text_of(value)
    when = _DECISION_DATE.search(text) or _TRAILING_DATE.search(text)
    if when:
        text = text[: when.start()]
    number = _DECISION_PREFIX.sub("", text, count=1).strip(" ,;")
    if not number:  # a date and nothing else: not a decision number
        return text_of(value), None
    return number, (when.group(1).strip(" )") if when else None)


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


def place_parts(text: str) -> tuple[str | None, str | None, list[str]]:
    """(the part with a commune word, the part with a district word, the parts with neither)."""
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
    return commune, district, loose


def split_place(text: str) -> tuple[str | None, str | None]:
    """``"Xã Tiên Sơn, huyện Tiên Phước"`` or ``"Tiên Sơn - Tiên Phước"`` → (commune,
    district); a lone name without a level word is returned as the district."""
    commune, district, loose = place_parts(text)
    if commune is None and district is None and len(loose) == 1:
        return None, loose[0]
    if commune is None and loose:
        commune = loose.pop(0)
    if district is None and loose:
        district = loose.pop(0)
    return commune, district
