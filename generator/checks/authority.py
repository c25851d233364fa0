"""Who signed a recognition: the level of the authority an officer typed, and its words.

``classify_authority("UBND tỉnh Quảng Nam", day)`` is provincial and names the old Tỉnh Quảng
Nam; ``"Bộ NN&PTNT"`` is central; ``"UBND huyện Tiên Phước"`` and ``"UBND thành phố Hội An"``
(a city under a province, from the shipped district table) are district-level; ``"UBND thành
phố Đà Nẵng"`` (a centrally-run city) is provincial. Text that is none of these (a council, a
department, a typo of a city no table knows) is ``None``: the checks then say nothing rather
than guess. Names are compared tone- and case-insensitively (:mod:`generator.textfold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..findings import Finding, Message, Severity, register
from ..load.document import Document
from ..messages import Texts
from ..model.product import Recognition
from ..places.lookup import province_now, provinces
from ..places.match import name_key
from ..places.tables import NEW, OLD, Unit, old_tables
from ..rules import (
    DISTRICTS_ABOLISHED,
    PROVINCES_MERGED,
    Level,
    PartialDate,
    central_authority,
    expected_levels,
    level_can_recognise,
    possible_rules,
)
from ..textfold import fold

#: Huế became a centrally-run city on 1 January 2025; before, "thành phố Huế" was a district.
HUE_CENTRALLY_RUN = date(2025, 1, 1)

WORDS = Texts("checks.authority", {
    "level.district": ("cấp huyện", "district level"),
    "level.province": ("cấp tỉnh", "provincial level"),
    "level.central": ("cấp trung ương", "central level"),
    "or": (" hoặc ", " or "),
    "when.day": ("ngày {date}", "on {date}"),
    "when.month": ("tháng {date}", "in {date}"),
    "when.year": ("năm {date}", "in {date}"),
    "who.district": ("UBND huyện, thị xã hoặc thành phố thuộc tỉnh",
                     "the People's Committee of a district, town or provincial city"),
    "who.province": ("UBND tỉnh hoặc thành phố trực thuộc trung ương",
                     "the People's Committee of the province or centrally-run city"),
})

_LOCAL = re.compile(r"^(?:(?:pho )?chu tich )?(?:ubnd|uy ban nhan dan) "
                    r"(tinh|thanh pho|tp|huyen|thi xa|tx|quan) (.+)$")
_CENTRAL = re.compile(r"^(?:(?:bo|thu) truong )?(?:bo nong nghiep\b|bo nn|bnn|thu tuong\b)")
_DISTRICT_WORDS = frozenset({"huyen", "thi xa", "tx", "quan"})
_ALIASES = {"hcm": "hochiminh", "hn": "hanoi"}
_NOTE = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Authority:
    """The level of a recognising authority, and the pre-2025-07 province it names if known."""

    level: Level
    old_province: Unit | None = None


def _key(text: str) -> str:
    """Folded, without "&" and without a note in brackets ("UBND tỉnh Quảng Nam (QĐ 3610)")."""
    return fold(_NOTE.sub(" ", text).replace("&", " "))


def _place_key(name: str) -> str:
    key = name_key(name)
    return _ALIASES.get(key, key)


def _centrally_run(name: str, on: date) -> bool:
    cities = {_place_key(u.name) for u in provinces(NEW) if fold(u.name).startswith("thanh pho")}
    key = _place_key(name)
    return key in cities and (key != "hue" or on >= HUE_CENTRALLY_RUN)


def _provincial_city(name: str, on: date) -> bool:
    """A city under a province: a shipped district named "Thành phố …" (or Huế before 2025)."""
    key = _place_key(name)
    if key == "hue" and on < HUE_CENTRALLY_RUN:
        return True
    return any(_place_key(d.unit.name) == key for d in old_tables().districts.values()
               if fold(d.unit.name).startswith("thanh pho"))


def _old_province(name: str) -> Unit | None:
    key = _place_key(name)
    return next((u for u in provinces(OLD) if _place_key(u.name) == key), None)


def classify_authority(text: str, on: date) -> Authority | None:
    """The level of ``text`` as an authority signing on ``on``; None when it is not clear."""
    key = _key(text)
    local = _LOCAL.match(key)
    if local is None:
        return Authority(Level.CENTRAL) if _CENTRAL.match(key) else None
    word, name = local.groups()
    if word in _DISTRICT_WORDS:
        return Authority(Level.DISTRICT)
    if word == "tinh":
        return Authority(Level.PROVINCE, _old_province(name))
    if _centrally_run(name, on):
        return Authority(Level.PROVINCE, _old_province(name))
    return Authority(Level.DISTRICT) if _provincial_city(name, on) else None


def level_words(levels: set[Level], lang: str) -> str:
    """"cấp huyện hoặc cấp tỉnh" — never the enum's English value in Vietnamese text."""
    ordered = [level for level in Level if level in levels]
    return WORDS("or", lang).join(WORDS(f"level.{level}", lang) for level in ordered)


def when(signed: PartialDate, lang: str) -> str:
    """"ngày 17/01/2025", "tháng 09/2025", "năm 2019" (English: "on …", "in …")."""
    kind = "day" if signed.exact else "month" if signed.month else "year"
    return WORDS(f"when.{kind}", lang, date=signed.display())


def who(levels: set[Level], signed: PartialDate, lang: str) -> str:
    """Who signs at these levels on that date: the ministry's name, or the committee."""
    ordered = [level for level in Level if level in levels]
    return "; ".join(central_authority(signed) if level is Level.CENTRAL
                     else WORDS(f"who.{level}", lang) for level in ordered)


# --- the checks on ``authority`` ---------------------------------------------------------------

_WHO_SHOULD = ("{stars} sao ký {when} (bộ tiêu chí {rules}) do {expected} công nhận "
               "({who})")
_WHO_SHOULD_EN = ("{stars} stars signed {when_en} (rules {rules}) are recognised at "
                  "{expected_en} ({who_en})")

register(
    Message("recognition.authority_wrong_level", Severity.ERROR,
            f"{_WHO_SHOULD}, còn `{{value}}` là {{given}} — ghi đúng cơ quan đã ký quyết định "
            "(xem dòng cuối quyết định), hoặc sửa hạng sao",
            f"{_WHO_SHOULD_EN}, but `{{value}}` is {{given_en}} — write the authority that signed "
            "the decision (see its last line), or fix the stars",
            bad="stars: 5\nauthority: UBND tỉnh Quảng Nam",
            fix="stars: 5\nauthority: Bộ Nông nghiệp và Phát triển nông thôn"),
    Message("recognition.authority_district_abolished", Severity.ERROR,
            "`{value}` là {given}, mà cấp huyện không còn từ 01/07/2025 nên không thể ký quyết "
            f"định {{when}} — {_WHO_SHOULD}: ghi đúng cơ quan trên quyết định",
            "`{value}` is {given_en}, and districts were abolished on 1 July 2025, so none could "
            f"sign {{when_en}} — {_WHO_SHOULD_EN}: write the authority on the decision",
            bad="signed: 2025-09-01\nauthority: UBND huyện Tiên Phước",
            fix="signed: 2025-09-01\nauthority: UBND thành phố Đà Nẵng"),
    Message("recognition.authority_province_merged", Severity.ERROR,
            "quyết định ký {when}, lúc đó không còn `{value}`: {old} đã nhập vào {new} từ "
            "01/07/2025 — "
            "ghi tên cơ quan như trên quyết định, ví dụ `authority: {suggested}`",
            "the decision was signed {when_en}, when `{value}` no longer existed: {old} was "
            "merged into {new} on 1 July 2025 — write the authority as on the decision, e.g. "
            "`authority: {suggested}`",
            bad="signed: 2025-09-01\nauthority: UBND tỉnh Quảng Nam",
            fix="signed: 2025-09-01\nauthority: UBND thành phố Đà Nẵng"),
    Message("recognition.authority_level_conflict", Severity.ERROR,
            "`{value}` là {given} nhưng dòng `level` ghi `level: {level}` ({level_words}) — hai "
            "dòng phải khớp nhau: sửa dòng sai theo quyết định, hoặc xoá dòng `level`",
            "`{value}` is {given_en} but the level line says `level: {level}` "
            "({level_words_en}) — the two must agree: fix the wrong one from the decision, or "
            "delete the level line"),
    Message("recognition.authority_level_mismatch", Severity.WARNING,
            f"theo quy định lúc đó, {_WHO_SHOULD}, còn `{{value}}` là {{given}} — kiểm tra lại "
            "quyết định; nếu đúng là cơ quan này ký thì giữ nguyên",
            f"under the rules of the time, {_WHO_SHOULD_EN}, but `{{value}}` is {{given_en}} — "
            "check the decision; keep it if this authority did sign"),
)


def rule_params(rec: Recognition, expected: set[Level]) -> dict[str, str]:
    """The slots every message about who recognised shares: stars, date, rules, who."""
    rules = rec.rules or "/".join(sorted(possible_rules(rec.signed)))
    return {"stars": str(rec.stars), "when": when(rec.signed, "vi"),
            "when_en": when(rec.signed, "en"), "rules": rules,
            "expected": level_words(expected, "vi"), "expected_en": level_words(expected, "en"),
            "who": who(expected, rec.signed, "vi"), "who_en": who(expected, rec.signed, "en")}


def _suggested(unit: Unit) -> str:
    name = unit.name
    return f"UBND thành phố {name[len('Thành phố '):]}" if name.startswith("Thành phố ") \
        else f"UBND tỉnh {name.removeprefix('Tỉnh ')}"


def _merged(doc: Document, rec: Recognition, auth: Authority) -> Finding | None:
    old = auth.old_province
    if old is None or rec.signed.earliest() < PROVINCES_MERGED:
        return None
    now = province_now(old.code)
    if name_key(now.name) == name_key(old.name):
        return None
    return doc.finding("recognition.authority_province_merged",
                       ("recognitions", rec.index, "authority"), value=rec.authority,
                       when=when(rec.signed, "vi"), when_en=when(rec.signed, "en"),
                       old=old.name, new=now.name, suggested=_suggested(now))


def _conflict(doc: Document, rec: Recognition, auth: Authority,
              given: dict[str, str]) -> Finding | None:
    """``level`` and ``authority`` name two levels that could each be right alone."""
    level = rec.level
    if level is None or level == auth.level or not level_can_recognise(level, rec.stars):
        return None
    if level is Level.DISTRICT and rec.signed.earliest() >= DISTRICTS_ABOLISHED:
        return None  # the level line has its own error
    return doc.finding("recognition.authority_level_conflict",
                       ("recognitions", rec.index, "authority"), level=level.value,
                       level_words=level_words({level}, "vi"),
                       level_words_en=level_words({level}, "en"), **given)


def check_authority(doc: Document, rec: Recognition) -> list[Finding]:
    """At most one finding on ``recognitions[i].authority``, the most certain first."""
    auth = classify_authority(rec.authority or "", rec.signed.earliest())
    if auth is None:
        return []
    expected = expected_levels(rec.signed, rec.stars, rec.rules)
    given = {"value": rec.authority or "", "given": level_words({auth.level}, "vi"),
             "given_en": level_words({auth.level}, "en"), **rule_params(rec, expected)}
    at = ("recognitions", rec.index, "authority")
    if auth.level is Level.DISTRICT and rec.signed.earliest() >= DISTRICTS_ABOLISHED:
        return [doc.finding("recognition.authority_district_abolished", at, **given)]
    if not level_can_recognise(auth.level, rec.stars):
        return [doc.finding("recognition.authority_wrong_level", at, **given)]
    found = _merged(doc, rec, auth) or _conflict(doc, rec, auth, given)
    if found is None and auth.level not in expected:
        found = doc.finding("recognition.authority_level_mismatch", at, **given)
    return [found] if found else []
