"""Check a product's ``origin`` against the official administrative units, and derive where it
is today.

An ``origin.recorded`` block names the place as the decision wrote it, in one of two schemes:

* ``pre-2025-07`` — province, district and commune as they were before 1 July 2025, checked
  against the January 2025 commune list shipped in ``data/admin/`` and converted with the
  official old → new table (``data/admin/conversion-2025-07.csv``);
* ``2025-07`` — province and commune from 1 July 2025 (no districts), checked against the
  ``vietnam_provinces`` package.

Codes are reused across the two schemes (20410 was Phường Sơn Phong and is now Phường Hội An), so
a code is only ever looked up in its own scheme; names are compared with
:func:`generator.textfold.fold_place`, so "X. Tiên Sơn", "xã Tiên Sơn", "Hoà"/"Hòa" and
"A Tiêng"/"Atiêng" all match. :func:`check_origin` returns the derived units and findings that
say, in plain Vietnamese, what is inconsistent and how to fix it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from vietnam_provinces import Province, Ward

from ..findings import Finding, Message, Severity, register
from ..load.yamlload import Document, PathT
from ..resources import resource_path
from ..textfold import fold_place

OLD = "pre-2025-07"
NEW = "2025-07"
IMPORT_TOOL = "tools/import_admin_table.py"
_LIST_LIMIT = 25

_RECORDED: PathT = ("origin", "recorded")
_CURRENT: PathT = ("origin", "current_commune")

register(
    Message("origin.unknown_province_code", Severity.ERROR,
            "không có tỉnh, thành phố nào mã {unit_code} theo `scheme: {scheme}` — sửa lại mã "
            "tỉnh (2 chữ số), hoặc xoá mã và chỉ ghi tên. Tỉnh khớp với tên đã ghi: {by_name}",
            "there is no province with code {unit_code} in `scheme: {scheme}` — correct the "
            "2-digit code, or delete it and keep the name. Provinces matching the name: {by_name}",
            bad='province: {name: Thành phố Đà Nẵng, code: "49"}',
            fix='province: {name: Thành phố Đà Nẵng, code: "48"}'),
    Message("origin.unknown_province_name", Severity.WARNING,
            "không có tỉnh, thành phố nào tên «{name}» trong 34 tỉnh, thành phố từ 1/7/2025 — "
            "sửa lại tên (ví dụ «Thành phố Đà Nẵng») hoặc ghi thêm mã tỉnh",
            "no province is called «{name}» among the 34 provinces from 1 July 2025 — correct "
            "the name (e.g. «Thành phố Đà Nẵng») or add the province code"),
    Message("origin.province_not_shipped", Severity.WARNING,
            "tỉnh «{name}» chưa có trong bảng chuyển đổi đi kèm (hiện có: {shipped}) nên không "
            "tự suy ra được xã hiện nay — nếu gõ sai tên hoặc mã tỉnh, hãy sửa lại; nếu đúng là "
            "tỉnh khác, nhờ người quản trị nhập bảng của tỉnh đó bằng " + IMPORT_TOOL,
            "province «{name}» is not in the shipped conversion tables (available: {shipped}), "
            "so the current commune cannot be derived — if the name or code is mistyped, fix "
            "it; if it really is another province, ask the maintainer to import it with "
            + IMPORT_TOOL),
    Message("origin.unknown_district_code", Severity.ERROR,
            "không có huyện nào mã {unit_code} trong {province} (danh sách 01/2025) — sửa lại mã "
            "huyện (3 chữ số), hoặc xoá mã và chỉ ghi tên. Các huyện của tỉnh: {known}",
            "there is no district with code {unit_code} in {province} (January 2025 list) — "
            "correct the 3-digit code, or delete it and keep the name. Districts: {known}",
            bad='district: {name: Huyện Tiên Phước, code: "541"}',
            fix='district: {name: Huyện Tiên Phước, code: "514"}'),
    Message("origin.unknown_district_name", Severity.WARNING,
            "không tìm thấy huyện «{name}» trong {province} (danh sách 01/2025) — sửa lại tên "
            "huyện hoặc ghi thêm mã. Các huyện của tỉnh: {known}",
            "district «{name}» is not in {province} (January 2025 list) — correct the name or "
            "add the code. Districts: {known}"),
    Message("origin.district_merged_earlier", Severity.WARNING,
            "«{name}» không còn trong danh sách 01/2025: đã nhập vào {into} trước năm 2025 — xã "
            "sẽ được tìm trong {into}; nên ghi huyện là {into} và tên xã theo danh sách 01/2025",
            "«{name}» is no longer in the January 2025 list: it was merged into {into} before "
            "2025 — the commune is looked up in {into}; better record the district as {into} "
            "with the commune as named in the January 2025 list",
            bad="district: {name: Huyện Nông Sơn}", fix='district: {name: Huyện Quế Sơn, code: "509"}'),
    Message("origin.unknown_commune_code", Severity.ERROR,
            "không có xã nào mã {unit_code} theo `scheme: {scheme}` — kiểm tra lại mã 5 chữ số "
            "trong quyết định, hoặc xoá mã và chỉ ghi tên. Xã khớp với tên đã ghi: {by_name}",
            "there is no commune with code {unit_code} in `scheme: {scheme}` — check the 5-digit "
            "code in the decision, or delete it and keep the name. Communes matching the name: "
            "{by_name}",
            bad='commune: {name: Xã Tiên Sơn, code: "20587"}',
            fix='commune: {name: Xã Tiên Sơn, code: "20857"}'),
    Message("origin.unknown_commune_name", Severity.WARNING,
            "không tìm thấy xã «{name}» trong {scope} theo `scheme: {scheme}` nên không suy ra "
            "được xã hiện nay — có thể xã đã sáp nhập hoặc đổi tên trước đó; sửa tên hoặc ghi "
            "mã theo danh sách, hoặc ghi `current_commune` (mã 5 số xã hiện nay). Các xã: {known}",
            "commune «{name}» is not in {scope} in `scheme: {scheme}`, so the current commune "
            "cannot be derived — it may have been merged or renamed earlier; correct the name or "
            "add the code, or give `current_commune` (5-digit current code). Communes: {known}"),
    Message("origin.name_mismatch", Severity.WARNING,
            "mã {unit_code} là «{official}», nhưng tên ghi «{name}» — nếu mã đúng, sửa tên thành "
            "«{official}»; nếu tên đúng, sửa mã (tên này khớp với: {by_name})",
            "code {unit_code} is «{official}», but the name says «{name}» — if the code is "
            "right, write «{official}»; if the name is right, fix the code (the name matches: "
            "{by_name})",
            bad='commune: {name: Xã Tiên Hà, code: "20857"}',
            fix='commune: {name: Xã Tiên Sơn, code: "20857"}'),
    Message("origin.wrong_scheme", Severity.ERROR,
            "«{name}» là {found} theo `scheme: {other}`, không khớp với `scheme: {scheme}` "
            "(theo `{scheme}`, mã và tên này là: {here}) — từ 1/7/2025 nhiều mã được dùng lại cho "
            "nơi khác hoặc bỏ hẳn, nên phải ghi đúng hệ thống: đặt `scheme: {other}` nếu địa danh "
            "được ghi theo hệ thống đó, hoặc sửa tên và mã theo danh sách `{scheme}`",
            "«{name}» is {found} in `scheme: {other}` and does not fit `scheme: {scheme}` "
            "(in `{scheme}` this code and name are: {here}) — from 1 July 2025 many codes were "
            "reused for other places or dropped, so the scheme must be right: set "
            "`scheme: {other}` if the place is written in that scheme, or fix the name and code "
            "to the `{scheme}` list",
            bad='scheme: "2025-07"\ncommune: {name: Phường Sơn Phong, code: "20410"}',
            fix='scheme: pre-2025-07\ncommune: {name: Phường Sơn Phong, code: "20410"}'),
    Message("origin.ambiguous_name", Severity.WARNING,
            "tên «{name}» khớp nhiều đơn vị: {matches} — ghi thêm mã (hoặc huyện) để chọn đúng",
            "the name «{name}» matches several units: {matches} — add the code (or the "
            "district) to pick one"),
    Message("origin.commune_not_in_district", Severity.WARNING,
            "{commune} thuộc {actual} trong danh sách 01/2025, không thuộc {recorded} như đã ghi "
            "— có thể do địa giới thay đổi (sáp nhập) trước năm 2025; sửa huyện thành {actual}, "
            "hoặc kiểm tra lại mã xã",
            "{commune} belongs to {actual} in the January 2025 list, not to {recorded} as "
            "recorded — boundaries may have changed (mergers) before 2025; change the district "
            "to {actual}, or check the commune code"),
    Message("origin.commune_not_in_province", Severity.WARNING,
            "{commune} thuộc {actual}, không thuộc {recorded} như đã ghi — sửa tỉnh, hoặc kiểm "
            "tra lại mã xã",
            "{commune} belongs to {actual}, not to {recorded} as recorded — fix the province, "
            "or check the commune code"),
    Message("origin.split_needs_current_commune", Severity.ERROR,
            "{commune} bị chia cho nhiều xã mới (nhập một phần) — ghi `current_commune:` là mã "
            "xã hiện nay nơi sản xuất, một trong: {candidates}",
            "{commune} was split between several new communes (partly merged) — add "
            "`current_commune:` with the code of the current commune where it is made, one of: "
            "{candidates}",
            bad="origin:\n  recorded: {...Xã Hòa Liên...}",
            fix='origin:\n  recorded: {...Xã Hòa Liên...}\n  current_commune: "20197"'),
    Message("origin.current_commune_not_candidate", Severity.ERROR,
            "`current_commune: {unit_code}` không phải xã nhận phần đất của {commune} — chọn "
            "một trong: {candidates}",
            "`current_commune: {unit_code}` did not receive any part of {commune} — pick one "
            "of: {candidates}"),
    Message("origin.current_commune_redundant", Severity.WARNING,
            "không cần `current_commune: {unit_code}`: xã hiện nay là {current}, đã tự suy ra "
            "từ xã đã ghi {commune} — xoá dòng này",
            "`current_commune: {unit_code}` is not needed: the current commune is {current}, "
            "derived from the recorded {commune} — delete the line"),
    Message("origin.current_commune_conflict", Severity.ERROR,
            "`current_commune: {unit_code}` mâu thuẫn với bảng chuyển đổi: {commune} nay là "
            "{current} — xoá dòng `current_commune` (được tự suy ra) hoặc sửa xã đã ghi",
            "`current_commune: {unit_code}` contradicts the conversion table: {commune} is now "
            "{current} — delete `current_commune` (it is derived) or fix the recorded commune"),
    Message("origin.current_commune_unknown", Severity.ERROR,
            "`current_commune: {unit_code}` không phải mã xã hiện nay của {province} — dùng mã "
            "5 số trong danh sách xã từ 1/7/2025 (gợi ý: {suggestions})",
            "`current_commune: {unit_code}` is not a current commune code of {province} — use "
            "the 5-digit code from the list in force since 1 July 2025 (suggestions: "
            "{suggestions})"),
    Message("origin.commune_missing", Severity.WARNING,
            "chưa ghi xã nên không suy ra được xã hiện nay — ghi `commune` (tên, mã) như trong "
            "quyết định, hoặc ghi `current_commune`. Xã hiện nay có thể là: {candidates}",
            "no commune recorded, so the current commune cannot be derived — add `commune` "
            "(name, code) as in the decision, or `current_commune`. It may be: {candidates}",
            bad="recorded:\n  district: {name: Huyện Tiên Phước}",
            fix="recorded:\n  district: {name: Huyện Tiên Phước}\n  commune: {name: Xã Tiên Sơn}"),
    Message("origin.no_conversion", Severity.WARNING,
            "{commune} có trong danh sách 01/2025 nhưng không có trong bảng chuyển đổi 1/7/2025 "
            "nên không tự suy ra được xã hiện nay — kiểm tra nghị quyết sắp xếp rồi ghi "
            "`current_commune` (mã 5 số). Các xã mới của {district}: {candidates}",
            "{commune} is in the January 2025 list but not in the 1 July 2025 conversion table, "
            "so its current commune cannot be derived — check the rearrangement resolution and "
            "add `current_commune` (5 digits). New communes of {district}: {candidates}"),
)


@dataclass(frozen=True)
class Unit:
    code: str  # official code as text, e.g. "20410", "514", "48"
    name: str  # official name, e.g. "Phường Hội An"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


@dataclass(frozen=True)
class CurrentOrigin:
    province: Unit  # current province, e.g. Unit("48", "Thành phố Đà Nẵng")
    commune: Unit | None  # current commune, None when it cannot be derived
    former_district: Unit | None  # the recorded pre-2025 district (display, search facets)
    candidates: tuple[Unit, ...] = ()  # when the old commune was split and no current_commune


# --- names ----------------------------------------------------------------------------------

_NEW_TONE_STYLE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_LEVEL_WORD = re.compile(
    r"^(thành phố|tỉnh|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu|tp|tx|tt|p|x|h)[\s.]+")
_SEPARATORS = re.compile(r"[\s'’‘`\-–—_.,;:/()]+")


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """Loose key: no level word, tone marks, case or separators ("X. Tiên Sơn" = "tien son")."""
    return fold_place(name)


@lru_cache(maxsize=8192)
def _exact_key(name: str) -> str:
    """Tie-breaker keeping diacritics ("Tam Thanh" ≠ "Tam Thành"), tone placement folded."""
    text = unicodedata.normalize("NFC", name).lower()
    for new, old in _NEW_TONE_STYLE.items():
        text = text.replace(new, old)
    return _SEPARATORS.sub("", _LEVEL_WORD.sub("", text))


def match_names(name: str, pool: Iterable[tuple[Unit, Iterable[str]]]) -> list[Unit]:
    """Units of ``pool`` (unit, accepted spellings) whose name matches ``name``."""
    pool = list(pool)
    loose = [unit for unit, names in pool if _key(name) in {_key(n) for n in names}]
    if len(loose) > 1 and _exact_key(name) != _key(name):  # typed with diacritics
        exact = [unit for unit, names in pool
                 if unit in loose and _exact_key(name) in {_exact_key(n) for n in names}]
        if len(exact) == 1:
            return exact
    return loose


def unit_list(units: Iterable[Unit]) -> str:
    """"Xã A (20001); Xã B (20002)" — shortened after a couple of dozen, "—" when empty."""
    units = list(units)
    if not units:
        return "—"
    text = "; ".join(str(unit) for unit in units[:_LIST_LIMIT])
    return text + ("; …" if len(units) > _LIST_LIMIT else "")


# --- the tables -----------------------------------------------------------------------------

@dataclass(frozen=True)
class OldCommune:
    unit: Unit
    district: Unit
    province: Unit
    spellings: tuple[str, ...]  # official name plus the conversion table's spelling


@dataclass(frozen=True)
class Move:
    """One conversion-table row: an old commune (or a whole district) into a new commune."""

    old_code: str  # "" when a district without communes was converted whole
    new: Unit  # the new commune, as in the official 2025-07 list
    printed_code: str  # the new code as the conversion table prints it
    note: str
    old_district: Unit


@dataclass(frozen=True)
class EarlierMerger:
    district: Unit
    into: Unit


@dataclass
class OldTables:
    """The shipped pre-July-2025 units and the old → new conversion."""

    provinces: dict[str, Unit] = field(default_factory=dict)
    districts: dict[str, tuple[Unit, str]] = field(default_factory=dict)  # → (unit, province)
    communes: dict[str, OldCommune] = field(default_factory=dict)
    moves: dict[str, list[Move]] = field(default_factory=lambda: defaultdict(list))
    district_moves: dict[str, list[Move]] = field(default_factory=lambda: defaultdict(list))
    new_province: dict[str, Unit] = field(default_factory=dict)  # old province → current
    earlier: dict[tuple[str, str], EarlierMerger] = field(default_factory=dict)

    def districts_of(self, province: str) -> list[Unit]:
        return [unit for unit, prov in self.districts.values() if prov == province]

    def communes_in(self, *, province: str, district: str | None = None) -> list[OldCommune]:
        return [c for c in self.communes.values() if c.province.code == province
                and (district is None or c.district.code == district)]

    def targets(self, moves: Iterable[Move]) -> tuple[Unit, ...]:
        """Distinct new communes, in table order."""
        return tuple(dict.fromkeys(move.new for move in moves))


def _read(relative: str) -> list[dict[str, str]]:
    with resource_path(relative).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class _Ward:
    unit: Unit
    province: str


@cache
def current_provinces() -> dict[str, Unit]:
    """The 34 provinces from 1 July 2025, by 2-digit code."""
    return {f"{int(p.code):02d}": Unit(f"{int(p.code):02d}", p.name) for p in Province.iter_all()}


@cache
def current_wards() -> dict[str, _Ward]:
    """The communes from 1 July 2025, by 5-digit code."""
    return {f"{int(w.code):05d}": _Ward(Unit(f"{int(w.code):05d}", w.name),
                                        f"{int(w.province_code):02d}")
            for w in Ward.iter_all()}


@cache
def wards_of(province: str) -> tuple[Unit, ...]:
    """The current communes of one province."""
    return tuple(ward.unit for ward in current_wards().values() if ward.province == province)


def reconcile_new_commune(code: str, name: str, province: str) -> Unit:
    """The official 2025-07 commune for a conversion-table row (its printed code can differ)."""
    ward = current_wards().get(code)
    if ward and ward.province == province and _key(ward.unit.name) == _key(name):
        return ward.unit
    same_name = [unit for unit in wards_of(province) if _key(unit.name) == _key(name)]
    if len(same_name) == 1:
        return same_name[0]
    return Unit(code, name)


def _load_communes(tables: OldTables) -> None:
    for row in _read("data/admin/communes-pre-2025-07.csv"):
        province = Unit(row["province_code"], row["province_name"])
        district = Unit(row["district_code"], row["district_name"])
        tables.provinces[province.code] = province
        tables.districts[district.code] = (district, province.code)
        if row["commune_code"]:
            unit = Unit(row["commune_code"], row["commune_name"])
            tables.communes[unit.code] = OldCommune(unit, district, province, (unit.name,))


def _load_conversion(tables: OldTables) -> None:
    for row in _read("data/admin/conversion-2025-07.csv"):
        province = row["new_province_code"]
        new = reconcile_new_commune(row["new_commune_code"], row["new_commune_name"], province)
        district = Unit(row["old_district_code"], row["old_district_name"])
        move = Move(row["old_commune_code"], new, row["new_commune_code"], row["note"], district)
        tables.district_moves[district.code].append(move)
        tables.new_province[row["old_province_code"]] = current_provinces().get(
            province, Unit(province, row["new_province_name"]))
        old = tables.communes.get(move.old_code)
        if old is None:
            continue
        tables.moves[old.unit.code].append(move)
        if row["old_commune_name"] not in old.spellings:
            tables.communes[old.unit.code] = OldCommune(
                old.unit, old.district, old.province, (*old.spellings, row["old_commune_name"]))


@cache
def old_tables() -> OldTables:
    """The shipped tables, read once."""
    tables = OldTables()
    _load_communes(tables)
    _load_conversion(tables)
    for row in _read("data/admin/earlier-district-mergers.csv"):
        merger = EarlierMerger(Unit(row["district_code"], row["district_name"]),
                               Unit(row["merged_into_code"], row["merged_into_name"]))
        tables.earlier[(row["province_code"], _key(merger.district.name))] = merger
    return tables


# --- checking -------------------------------------------------------------------------------

@dataclass
class _Check:
    """One origin being checked: where things are and what was found."""

    doc: Document
    recorded: Mapping[str, Any]
    current_code: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def scheme(self) -> str:
        return str(self.recorded.get("scheme", OLD))

    def entry(self, level: str) -> tuple[str | None, str | None]:
        """(code, name) of ``recorded.<level>``, either may be missing."""
        value = self.recorded.get(level)
        if not isinstance(value, Mapping):
            return None, None
        code, name = value.get("code"), value.get("name")
        return (str(code) if code is not None else None), (str(name) if name else None)

    def add(self, code: str, path: PathT, **params: object) -> None:
        self.findings.append(self.doc.finding(code, path, **params))


def _path(level: str, part: str | None = None) -> PathT:
    return (*_RECORDED, level, part) if part else (*_RECORDED, level)


def _check_name(check: _Check, level: str, unit: Unit, spellings: Iterable[str],
                by_name: list[Unit]) -> None:
    """Warn when the recorded name is not the name of the unit its code points at."""
    _, name = check.entry(level)
    if name is None or _key(name) in {_key(n) for n in spellings}:
        return
    check.add("origin.name_mismatch", _path(level, "name"), unit_code=unit.code,
              official=unit.name, name=name, by_name=unit_list(by_name))


def _pool(level: str, scheme: str) -> list[tuple[Unit, tuple[str, ...]]]:
    """Every province or commune of one scheme, with its accepted spellings."""
    tables = old_tables()
    if level == "province":
        units = current_provinces() if scheme == NEW else tables.provinces
        return [(unit, (unit.name,)) for unit in units.values()]
    if scheme == NEW:
        return [(ward.unit, (ward.unit.name,)) for ward in current_wards().values()]
    return [(commune.unit, commune.spellings) for commune in tables.communes.values()]


def _wrong_scheme(check: _Check, level: str, code: str | None, name: str | None) -> bool:
    """Report a unit written in the other scheme; True when reported."""
    other = NEW if check.scheme == OLD else OLD
    matches = match_names(name, _pool(level, other)) if name else []
    matches = [unit for unit in matches if code is None or unit.code == code]
    if len(matches) != 1:
        return False
    here = _pool(level, check.scheme)
    meant = [unit for unit, _ in here if unit.code == code] + match_names(name or "", here)
    check.add("origin.wrong_scheme", (*_RECORDED, "scheme"), name=name, found=str(matches[0]),
              scheme=check.scheme, other=other, here=unit_list(dict.fromkeys(meant)))
    return True


# --- pre-2025-07 ----------------------------------------------------------------------------

def _old_province(check: _Check) -> Unit | None:
    tables = old_tables()
    code, name = check.entry("province")
    pool = [(unit, [unit.name]) for unit in tables.provinces.values()]
    by_name = match_names(name, pool) if name else []
    if code is not None and code in tables.provinces:
        unit = tables.provinces[code]
        _check_name(check, "province", unit, [unit.name], by_name)
        return unit
    if code is not None and (len(code) != 2 or by_name):
        check.add("origin.unknown_province_code", _path("province", "code"), unit_code=code,
                  scheme=check.scheme, by_name=unit_list(by_name))
        return None
    if code is None and len(by_name) == 1:
        return by_name[0]
    check.add("origin.province_not_shipped", _path("province"),
              name=name or code, shipped=unit_list(tables.provinces.values()))
    return None


def _old_district(check: _Check, province: Unit) -> Unit | None:
    """The recorded district as in the January 2025 list (a merged-away one: its successor)."""
    tables = old_tables()
    code, name = check.entry("district")
    if code is None and name is None:
        return None
    districts = tables.districts_of(province.code)
    by_name = match_names(name, [(u, [u.name]) for u in districts]) if name else []
    if code is not None:
        unit = next((u for u in districts if u.code == code), None)
        if unit is None:
            check.add("origin.unknown_district_code", _path("district", "code"), unit_code=code,
                      province=str(province), known=unit_list(districts))
        else:
            _check_name(check, "district", unit, [unit.name], by_name)
        return unit
    if len(by_name) == 1:
        return by_name[0]
    merger = tables.earlier.get((province.code, _key(name or "")))
    if merger is not None:
        check.add("origin.district_merged_earlier", _path("district", "name"),
                  name=name, into=str(merger.into))
        return merger.into
    check.add("origin.unknown_district_name", _path("district", "name"), name=name,
              province=str(province), known=unit_list(districts))
    return None


def _old_commune_by_code(check: _Check, code: str, province: Unit,
                         district: Unit | None) -> OldCommune | None:
    tables = old_tables()
    _, name = check.entry("commune")
    scope = tables.communes_in(province=province.code,
                               district=district.code if district else None)
    by_name = match_names(name, [(c.unit, c.spellings) for c in scope]) if name else []
    commune = tables.communes.get(code)
    if commune is None:
        if not _wrong_scheme(check, "commune", code, name):
            check.add("origin.unknown_commune_code", _path("commune", "code"), unit_code=code,
                      scheme=check.scheme, by_name=unit_list(by_name))
        return None
    if name and _key(name) not in {_key(n) for n in commune.spellings}:
        if not _wrong_scheme(check, "commune", code, name):
            _check_name(check, "commune", commune.unit, commune.spellings, by_name)
    return commune


def _old_commune_by_name(check: _Check, name: str, province: Unit,
                         district: Unit | None) -> OldCommune | None:
    tables = old_tables()
    scopes = [district, None] if district else [None]
    for scope in scopes:
        pool = tables.communes_in(province=province.code,
                                  district=scope.code if scope else None)
        matches = match_names(name, [(c.unit, c.spellings) for c in pool])
        if len(matches) == 1:
            return tables.communes[matches[0].code]
        if len(matches) > 1:
            check.add("origin.ambiguous_name", _path("commune", "name"), name=name,
                      matches="; ".join(f"{u}, {tables.communes[u.code].district.name}"
                                        for u in matches))
            return None
    if _wrong_scheme(check, "commune", None, name):
        return None
    where = district or province
    known = tables.communes_in(province=province.code,
                               district=district.code if district else None)
    check.add("origin.unknown_commune_name", _path("commune", "name"), name=name,
              scope=str(where), scheme=check.scheme, known=unit_list(c.unit for c in known))
    return None


def _check_place(check: _Check, commune: OldCommune, province: Unit,
                 district: Unit | None) -> None:
    """Warn when the commune is not in the recorded district or province."""
    if commune.province != province:
        check.add("origin.commune_not_in_province", _path("province"), commune=str(commune.unit),
                  actual=str(commune.province), recorded=str(province))
    elif district is not None and commune.district != district:
        check.add("origin.commune_not_in_district", _path("district"), commune=str(commune.unit),
                  actual=str(commune.district), recorded=str(district))


def _old_commune(check: _Check, province: Unit, district: Unit | None) -> OldCommune | None:
    code, name = check.entry("commune")
    if code is not None:
        commune = _old_commune_by_code(check, code, province, district)
    elif name is not None:
        commune = _old_commune_by_name(check, name, province, district)
    else:
        return None
    if commune is not None:
        _check_place(check, commune, province, district)
    return commune


def _derive_old(check: _Check, commune: OldCommune) -> CurrentOrigin:
    """Current units of a resolved old commune, through the conversion table."""
    tables = old_tables()
    province = tables.new_province[commune.province.code]
    moves = tables.moves.get(commune.unit.code)
    if moves:
        return _pick(check, commune.unit, province, commune.district, tables.targets(moves))
    targets = tables.targets(tables.district_moves[commune.district.code])
    check.add("origin.no_conversion", _path("commune"), commune=str(commune.unit),
              district=str(commune.district), candidates=unit_list(targets))
    return _pick_free(check, province, commune.district, targets, warn=False)


def _check_old(check: _Check) -> CurrentOrigin | None:
    tables = old_tables()
    province = _old_province(check)
    if province is None:
        return None
    district = _old_district(check, province)
    commune = _old_commune(check, province, district)
    if commune is not None:
        return _derive_old(check, commune)
    current = tables.new_province[province.code]
    targets = tables.targets(tables.district_moves[district.code]) if district else ()
    recorded = check.entry("commune") != (None, None)  # recorded but unresolved: reported
    if not recorded and len(targets) == 1 and check.current_code is None:
        return CurrentOrigin(current, targets[0], district)  # e.g. Huyện Hoàng Sa, whole
    return _pick_free(check, current, district, targets, warn=not recorded)


# --- deriving the current commune -----------------------------------------------------------

def _pick(check: _Check, old: Unit, province: Unit, former: Unit | None,
          targets: tuple[Unit, ...]) -> CurrentOrigin:
    """The current commune of a resolved old (or recorded current) commune."""
    given = check.current_code
    chosen = next((unit for unit in targets if unit.code == given), None)
    if len(targets) == 1:
        if given is not None and chosen is not None:
            check.add("origin.current_commune_redundant", _CURRENT, unit_code=given,
                      commune=str(old), current=str(targets[0]))
        elif given is not None:
            check.add("origin.current_commune_conflict", _CURRENT, unit_code=given,
                      commune=str(old), current=str(targets[0]))
        return CurrentOrigin(province, targets[0], former)
    if given is None:
        check.add("origin.split_needs_current_commune", _path("commune"), commune=str(old),
                  candidates=unit_list(targets))
    elif chosen is None:
        check.add("origin.current_commune_not_candidate", _CURRENT, unit_code=given,
                  commune=str(old), candidates=unit_list(targets))
    return CurrentOrigin(province, chosen, former, () if chosen else targets)


def _pick_free(check: _Check, province: Unit, former: Unit | None,
               targets: tuple[Unit, ...], *, warn: bool) -> CurrentOrigin:
    """No usable recorded commune: take ``current_commune`` if it is valid, else say so."""
    given = check.current_code
    if given is None:
        if warn:
            check.add("origin.commune_missing", _RECORDED, candidates=unit_list(targets))
        return CurrentOrigin(province, None, former, targets)
    ward = current_wards().get(given)
    if ward is None or ward.province != province.code:
        check.add("origin.current_commune_unknown", _CURRENT, unit_code=given,
                  province=str(province), suggestions=unit_list(targets))
        return CurrentOrigin(province, None, former, targets)
    if targets and ward.unit not in targets:
        check.add("origin.current_commune_not_candidate", _CURRENT, unit_code=given,
                  commune=str(former or province), candidates=unit_list(targets))
    return CurrentOrigin(province, ward.unit, former)


# --- 2025-07 --------------------------------------------------------------------------------

def _new_province(check: _Check) -> Unit | None:
    code, name = check.entry("province")
    provinces = current_provinces()
    by_name = match_names(name, [(u, [u.name]) for u in provinces.values()]) if name else []
    if code is not None:
        unit = provinces.get(code)
        if unit is None:
            if not _wrong_scheme(check, "province", code, name):
                check.add("origin.unknown_province_code", _path("province", "code"),
                          unit_code=code, scheme=check.scheme, by_name=unit_list(by_name))
        else:
            _check_name(check, "province", unit, [unit.name], by_name)
        return unit
    if len(by_name) == 1:
        return by_name[0]
    if not _wrong_scheme(check, "province", None, name):
        check.add("origin.unknown_province_name", _path("province", "name"), name=name)
    return None


def _printed_code_hint(code: str) -> list[Unit]:
    """A code the conversion table prints for a new commune whose official code differs."""
    moves = [m for ms in old_tables().district_moves.values() for m in ms]
    return list(dict.fromkeys(m.new for m in moves if m.printed_code == code))


def _new_commune_by_code(check: _Check, code: str, province: Unit,
                         by_name: list[Unit]) -> Unit | None:
    _, name = check.entry("commune")
    ward = current_wards().get(code)
    if ward is None:
        if not _wrong_scheme(check, "commune", code, name):
            check.add("origin.unknown_commune_code", _path("commune", "code"), unit_code=code,
                      scheme=check.scheme,
                      by_name=unit_list(dict.fromkeys([*by_name, *_printed_code_hint(code)])))
        return None
    if name and _key(name) != _key(ward.unit.name) \
            and not _wrong_scheme(check, "commune", code, name):
        _check_name(check, "commune", ward.unit, [ward.unit.name], by_name)
    if ward.province != province.code:
        check.add("origin.commune_not_in_province", _path("province"), commune=str(ward.unit),
                  actual=str(current_provinces()[ward.province]), recorded=str(province))
    return ward.unit


def _new_commune(check: _Check, province: Unit) -> Unit | None:
    code, name = check.entry("commune")
    wards = wards_of(province.code)
    by_name = match_names(name, [(u, [u.name]) for u in wards]) if name else []
    if code is not None:
        return _new_commune_by_code(check, code, province, by_name)
    if name is None or len(by_name) == 1:
        return by_name[0] if by_name else None
    if len(by_name) > 1:
        check.add("origin.ambiguous_name", _path("commune", "name"), name=name,
                  matches=unit_list(by_name))
    elif not _wrong_scheme(check, "commune", None, name):
        check.add("origin.unknown_commune_name", _path("commune", "name"), name=name,
                  scope=str(province), scheme=check.scheme, known=unit_list(wards))
    return None


def _check_new(check: _Check) -> CurrentOrigin | None:
    province = _new_province(check)
    if province is None:
        return None
    commune = _new_commune(check, province)
    if commune is not None:
        ward_province = current_provinces()[current_wards()[commune.code].province]
        return _pick(check, commune, ward_province, None, (commune,))
    if check.entry("commune") != (None, None):
        return CurrentOrigin(province, None, None)
    return _pick_free(check, province, None, (), warn=True)


def check_origin(doc: Document) -> tuple[CurrentOrigin | None, list[Finding]]:
    """Check ``doc.data["origin"]`` (already schema-valid) and derive the current units.

    Returns ``(None, findings)`` when not even the current province can be told.
    """
    data = doc.data if isinstance(doc.data, Mapping) else {}
    origin = data.get("origin")
    if not isinstance(origin, Mapping) or not isinstance(origin.get("recorded"), Mapping):
        return None, []
    current = origin.get("current_commune")
    check = _Check(doc, origin["recorded"], str(current) if current is not None else None)
    result = _check_new(check) if check.scheme == NEW else _check_old(check)
    return result, check.findings
