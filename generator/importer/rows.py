"""One sheet row read into product fields (:class:`Row`): the recognition (decision, signing
date, stars, score), the subject (name, address, tax code, phones) and the grouping (group,
subgroup or the older taxonomy's group, product type). Where a value cannot be used, a
:class:`~generator.importer.notes.Note` says why, and a recognition field the officer must
still copy from the decision gets a ``# TODO`` line in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..messages import Texts
from ..places import Unit
from ..resources import subschema
from ..textfold import fold
from .cells import (
    parse_date,
    parse_decision,
    parse_level,
    parse_phones,
    parse_stars,
    split_subject,
    text_of,
)
from .header import Column
from .notes import Note, note
from .table import Value

TODO_KEY = "\x00todo"  # TODO lines kept inside a recognition until it is written
#: the level words a note about a star cell uses
LEVEL_WORDS = Texts("import.level_words", {
    "central": ("trung ương (quốc gia)", "central (national)"),
    "province": ("tỉnh", "provincial"), "district": ("huyện", "district")})

#: the ``# TODO`` lines written above a recognition field the sheet could not fill
TODO = Texts("import.todo", {
    "signed_bad": ("bảng ({where}) ghi ngày ký «{raw}» — ghi lại theo quyết định, dạng "
                   "NĂM-THÁNG-NGÀY",
                   "the sheet says «{raw}» — copy the signing date from the decision as "
                   "YEAR-MONTH-DAY"),
    "stars_bad": ("bảng ({where}) ghi hạng sao «{raw}» — OCOP chỉ có 3, 4 hoặc 5 sao; ghi lại "
                  "theo quyết định",
                  "the sheet says «{raw}» — OCOP stars are 3, 4 or 5; copy them from the "
                  "decision"),
    "signed_missing": ("bảng không ghi ngày ký — ghi theo quyết định, dạng NĂM-THÁNG-NGÀY",
                       "the sheet gives no signing date — copy it from the decision as "
                       "YEAR-MONTH-DAY"),
    "stars_missing": ("bảng không ghi hạng sao — ghi theo quyết định (3, 4 hoặc 5)",
                      "the sheet gives no stars — copy them from the decision (3, 4 or 5)"),
})


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


def _todo(row: Row, key: str, code: str, **params: object) -> None:
    line = f"TODO: {TODO(code, 'vi', **params)} / {TODO(code, 'en', **params)}"
    row.recognition.setdefault(TODO_KEY, {})[key] = [line]


# --- the recognition --------------------------------------------------------------------------

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
    _todo(row, "signed", "signed_bad", where=row.where(name), raw=raw)


def _parse_stars(row: Row) -> None:
    value = row.values.get("stars")
    if value is None:
        return
    level, rest = parse_level(value)
    stars = parse_stars(rest if level else value)
    column = row.columns.get("stars")
    if level is not None:
        row.recognition["level"] = row.known["level"] = level
        row.notes.append(note("stars_level", column, raw=text_of(value), stars=stars or "?",
                              level=LEVEL_WORDS(level, "vi"), level_en=LEVEL_WORDS(level, "en")))
    if stars is not None and 3 <= stars <= 5:
        row.recognition["stars"] = row.known["stars"] = stars
        return
    raw = text_of(value)
    row.recognition["stars"] = stars if stars is not None else raw
    row.notes.append(note("stars_range" if stars is not None else "stars_unreadable", column,
                          raw=raw if stars is None else stars))
    _todo(row, "stars", "stars_bad", where=row.where("stars"), raw=raw)


def _only_a_date(value: Value) -> bool:
    """A date cell, or text that is a whole date (dd/mm/yyyy) and no number."""
    if isinstance(value, str):
        return bool(re.fullmatch(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}", value.strip()))
    return not isinstance(value, int | float) and parse_date(value)[0] is not None


def _combined_date(row: Row, value: Value) -> None:
    """A «Số, ngày quyết định» cell holding only a date (Excel may turn it into a date cell):
    only the signing date."""
    if "signed" not in row.values:
        row.values["signed"] = value
        row.columns["signed"] = row.columns["decision_signed"]


def _parse_decision(row: Row) -> None:
    name = "decision" if "decision" in row.values else "decision_signed"
    value = row.values.get(name)
    if value is None:
        return
    if name == "decision_signed" and _only_a_date(value):
        return _combined_date(row, value)
    column = row.columns[name]
    number, when = parse_decision(value)
    row.recognition["decision"] = row.known["decision"] = number
    if not number[:1].isdigit():
        row.notes.append(note("decision_form", column, raw=number))
    if when and "signed" not in row.values:  # a date is more than a «Năm» column's year
        row.values["signed"] = when
        row.columns["signed"] = column
        row.notes.append(note("decision_date", column, raw=when))
    elif name == "decision_signed" and not when:
        row.notes.append(note("decision_no_date", column, raw=text_of(value)))


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
        _todo(row, "signed", "signed_missing")
    if row.recognition and "stars" not in row.recognition:
        _todo(row, "stars", "stars_missing")


# --- the subject ------------------------------------------------------------------------------

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


def _subject_cells(row: Row) -> tuple[str | None, str | None]:
    """(name, address): from a «Chủ thể (tên, địa chỉ)» cell, else their own columns."""
    name = address = None
    if "subject" in row.values:
        name, address = split_subject(str(row.values["subject"]))
    if "subject_name" in row.values:
        name = text_of(row.values["subject_name"])
    if "address" in row.values:
        address = text_of(row.values["address"])
    elif address is None and "origin_address" in row.values:
        address = text_of(row.values["origin_address"])  # the column line says so
    return name, address


def parse_subject(row: Row) -> None:
    name, address = _subject_cells(row)
    subject: dict[str, Any] = {"name": " ".join(name.split())} if name else {}
    if address and len(address) >= 5 and subject:
        subject["address"] = " ".join(address.split())
    elif address:
        column = (row.columns.get("address") or row.columns.get("subject")
                  or row.columns.get("origin_address"))
        row.notes.append(note("address_short", column, raw=address))
    _parse_tax_code(row, subject)
    _parse_phones(row, subject)
    row.subject = subject


# --- the grouping -----------------------------------------------------------------------------

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


#: short forms officers write for the groups of Decision 148/2023 (folded) → the group
_SHORT_GROUPS: dict[str, int] = {
    "thuc pham": 0, "nhom thuc pham": 0, "do uong": 1, "nuoc uong": 1,
    "duoc lieu": 2, "duoc lieu va sp tu duoc lieu": 2, "san pham tu duoc lieu": 2,
    "duoc lieu va san pham duoc lieu": 2, "sp duoc lieu": 2, "san pham duoc lieu": 2,
    "thu cong my nghe": 3, "tcmn": 3, "hang tcmn": 3, "thu cong my nghe trang tri": 3,
    "hang thu cong": 3, "thu cong": 3, "my nghe": 3,
    "sinh vat canh": 4, "svc": 4, "hoa cay canh": 4, "hoa va cay canh": 4,
    "du lich": 5, "dich vu du lich": 5, "dv du lich": 5, "du lich cong dong": 5,
    "dich vu du lich cong dong": 5, "du lich sinh thai": 5, "diem du lich": 5,
    "du lich cong dong du lich sinh thai va diem du lich": 5,
    "dich vu du lich cong dong va du lich sinh thai": 5,
}


def _group_key(text: str) -> str:
    key = re.sub(r"^(nhom|bo|nganh)\s+(\d+|[ivx]+)\s*", "", fold(text))
    return re.sub(r"^(?:nhom|bo|nganh)(?: san pham| hang)?\s+(?=\S)", "", key)


def _new_group(key: str, text: str) -> dict[str, Any] | None:
    for group in _GROUPS:
        folded = fold(group)
        if key == folded:
            return {"group": group}
        if key.startswith(folded + " "):
            return {"group": group, "subgroup": text}
    return None


def group_fields(text: str, signed: str | None, province: str | None) -> tuple[dict[str, Any],
                                                                                str | None]:
    """The schema fields a «Nhóm/Bộ sản phẩm» cell gives, and the note code, if any: the
    group of Decision 148/2023 named in full, else one of the older taxonomy of the signing
    date, else a short form of a 148/2023 group («Dược liệu», «TCMN»)."""
    key = _group_key(text)
    found = _new_group(key, text) or _new_group(fold(text), text)
    if found:
        return found, None
    taxonomy = _taxonomy_for(signed, province)
    names = _old_taxonomies().get(taxonomy or "", [])
    match = next((n for n in names if fold(n) == key), None)
    if taxonomy and match:
        return {"group_recorded": {"taxonomy": taxonomy, "name": match}}, "group_old"
    short = _SHORT_GROUPS.get(key, _SHORT_GROUPS.get(fold(text)))
    if short is not None and short < len(_GROUPS):
        return {"group": _GROUPS[short]}, "group_short"
    return {"subgroup": text}, "group_unknown"


def parse_grouping(row: Row, province: Unit | None) -> None:
    if "group" in row.values:
        text = text_of(row.values["group"])
        fields, code = group_fields(text, row.known.get("signed"),
                                    province.code if province else None)
        row.grouping.update(fields)
        if code:
            taxonomy = fields.get("group_recorded", {}).get("taxonomy", "")
            row.notes.append(note(code, row.columns["group"], raw=text, taxonomy=taxonomy,
                                  group=fields.get("group", "")))
    if "product_type" in row.values:
        row.grouping["product_type"] = text_of(row.values["product_type"]).lower()
