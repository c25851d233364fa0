"""The place an officer types for ``ocop new``: a 5-digit code, or a commune's name as they
write it ("Xã A Tiêng", "xa a tieng", "A Tiêng, Đông Giang"), looked up tone-insensitively in
the scheme of the signing date and within the district or province the area folder
(``products/<area>/``) names; close names are suggested when nothing matches."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ...importer.cells import split_place
from ...places import NEW, OLD, Commune, Unit, lookup, match_names, name_key
from ...places.record import UnknownPlace
from ...places.tables import old_tables
from ...productfile import area_slug

SUGGESTIONS = 5  # close names offered when a name matches no commune


@dataclass(frozen=True)
class Scope:
    """Where the area folder says the product is: a district (before 1 July 2025) and its
    province, or a province only."""

    province: Unit | None = None
    district: Unit | None = None

    def district_province(self) -> Unit:
        assert self.province is not None
        return self.province

    def label(self) -> str:
        return str(self.district or self.province or "")


def area_scope(area: str | None) -> Scope:
    """The district or province whose folder name is ``area`` (``dong-giang`` → Huyện Đông
    Giang, Tỉnh Quảng Nam); an empty scope when it names neither."""
    if not area:
        return Scope()
    for province in lookup.provinces(OLD):
        for district in lookup.districts(province.code):
            if area_slug(district.name) == area:
                return Scope(province, district)
    for scheme in (OLD, NEW):
        found = [p for p in lookup.provinces(scheme) if area_slug(p.name) == area]
        if found:
            return Scope(found[0])
    return Scope()


def _pool(scheme: str, scope: Scope) -> list[Commune]:
    if scheme == OLD:
        if scope.province is None:
            return list(lookup.communes(OLD))
        return list(lookup.old_communes(scope.province.code,
                                        scope.district.code if scope.district else None))
    if scope.province is None:
        return lookup.communes(NEW)
    province = scope.province
    if lookup.province(province.code, NEW) != province:  # a province before the merger
        province = lookup.province_now(province.code)
    return [c for c in lookup.communes(NEW) if c.province.code == province.code]


def _shown(commune: Commune) -> str:
    district = getattr(commune, "district", None)
    return f"{commune.unit.name}, {district.name if district else commune.province.name}"


def _suggest(text: str, pool: list[Commune]) -> list[str]:
    keys = {name_key(c.unit.name): c for c in pool}
    close = difflib.get_close_matches(name_key(text), list(keys), n=SUGGESTIONS, cutoff=0.6)
    return [_shown(keys[key]) for key in close]


def _matches(name: str, scheme: str, scope: Scope) -> list[Commune]:
    pool = _pool(scheme, scope)
    by_code = {c.unit.code: c for c in pool}
    return [by_code[u.code] for u in match_names(name, [(c.unit, c.spellings) for c in pool])]


def _narrowed(text: str, scheme: str, scope: Scope) -> tuple[str, Scope]:
    """The commune part of «Xã A Tiêng, Đông Giang», and the scope the district part gives."""
    commune, district = split_place(text)
    if commune is None or district is None or scheme != OLD:
        return text, scope
    provinces = [scope.province] if scope.province else lookup.provinces(OLD)
    for province in provinces:
        hits = match_names(district, [(d, [d.name]) for d in lookup.districts(province.code)])
        if len(hits) == 1:
            return commune, Scope(province, hits[0])
    return text, scope


def _former(name: str, text: str) -> None:
    """Refuse a name of a commune before 1 July 2025, saying what it is part of now."""
    pool = lookup.communes(OLD)
    by_code = {c.unit.code: c for c in pool}
    found = [by_code[u.code] for u in match_names(name, [(c.unit, c.spellings) for c in pool])]
    moves = old_tables().moves
    now = list(dict.fromkeys(m.new for c in found for m in moves.get(c.unit.code, [])))
    if found and now:
        listed = "; ".join(f"{u.name} ({u.code})" for u in now[:5])
        raise UnknownPlace(f"«{text}» là xã trước 1/7/2025; nay thuộc: {listed} — quyết định ký "
                           "từ 1/7/2025 ghi tên xã mới: gõ tên hoặc mã xã mới / «{text}» is a "
                           "commune before 1 July 2025, now part of the above — a decision "
                           "signed from 1 July 2025 names the new commune: type its name or "
                           "code".replace("{text}", text))


def codes_from_area(scheme: str, scope: Scope) -> tuple[str | None, str | None]:
    """(district code, province code) the area folder gives, in ``scheme``."""
    if scheme == OLD:
        return (scope.district.code if scope.district else None,
                scope.province.code if scope.province and not scope.district else None)
    if scope.province is None:
        return None, None
    province = scope.province
    if lookup.province(province.code, NEW) != province:
        province = lookup.province_now(province.code)
    return None, province.code


def _several(text: str, name: str, found: list[Commune]) -> UnknownPlace:
    listed = "; ".join(f"{_shown(c)} ({c.unit.code})" for c in found[:10])
    return UnknownPlace(f"«{text}» khớp nhiều xã: {listed} — gõ mã 5 số, hoặc thêm tên huyện "
                        f"(«{name}, <huyện>») / matches several communes — type the 5-digit "
                        "code or add the district")


def _none(text: str, name: str, scheme: str, scope: Scope) -> UnknownPlace:
    where = f" trong {scope.label()}" if scope.label() else ""
    close = _suggest(name, _pool(scheme, scope)) or _suggest(name, _pool(scheme, Scope()))
    listed = f"; có phải: {'; '.join(close)}?" if close else ""
    listed_en = f"; did you mean: {'; '.join(close)}?" if close else ""
    return UnknownPlace(f"không tìm thấy xã «{text}»{where}{listed} — gõ lại tên hoặc mã 5 số / "
                        f"no commune «{text}»{where and ' in ' + scope.label()}{listed_en} — "
                        "type the name again or the 5-digit code")


def commune_code(text: str, scheme: str, scope: Scope) -> str:
    """The 5-digit code of the commune ``text`` names (or is); :class:`UnknownPlace` with the
    candidates, the commune a former one is part of now, or close names."""
    text = " ".join(text.split())
    if re.fullmatch(r"[0-9]{5}", text):
        return text
    if scheme == NEW and scope.district is not None:  # districts are gone: their province
        scope = Scope(lookup.province_now(scope.district_province().code))
    name, scope = _narrowed(text, scheme, scope)
    found = _matches(name, scheme, scope)
    if not found and scheme == NEW:
        _former(name, text)
    if not found and scope.province:
        found = _matches(name, scheme, Scope())
    if len(found) == 1:
        return found[0].unit.code
    raise _several(text, name, found) if found else _none(text, name, scheme, scope)
