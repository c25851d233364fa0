"""An origin recorded in the ``pre-2025-07`` scheme: province, district and commune checked
against the January 2025 list, then converted to the current commune."""

from __future__ import annotations

from ...places import OLD, CurrentOrigin, OldCommune, Unit, lookup, named, spelled, unit_list
from ...places.resolve import from_old_commune, from_old_district
from .context import OriginCheck, path


def check_old(check: OriginCheck) -> CurrentOrigin | None:
    province = _province(check)
    if province is None:
        return None
    district = _district(check, province)
    commune = _commune(check, province, district)
    if commune is not None:
        current, issues = from_old_commune(commune, check.current_code)
    else:
        current, issues = from_old_district(province, district, check.current_code,
                                            commune_recorded=check.recorded_commune())
    check.report(issues)
    return current


def _province(check: OriginCheck) -> Unit | None:
    code, name = check.entry("province")
    provinces = lookup.provinces(OLD)
    by_name = named(name, provinces)
    unit = lookup.province(code, OLD) if code is not None else None
    if unit is not None:
        check.check_name("province", unit, [unit.name], by_name)
        return unit
    if code is not None and (len(code) != 2 or by_name):
        check.add("origin.unknown_province_code", path("province", "code"), unit_code=code,
                  scheme=check.scheme, by_name=unit_list(by_name))
        return None
    if code is None and len(by_name) == 1:
        return by_name[0]
    check.add("origin.province_not_shipped", path("province"),
              name=name or code, shipped=unit_list(provinces))
    return None


def _district(check: OriginCheck, province: Unit) -> Unit | None:
    """The recorded district as in the January 2025 list (a merged-away one: its successor)."""
    code, name = check.entry("district")
    if code is None and name is None:
        return None
    districts = lookup.districts(province.code)
    by_name = named(name, districts)
    if code is not None:
        unit = next((u for u in districts if u.code == code), None)
        if unit is None:
            check.add("origin.unknown_district_code", path("district", "code"), unit_code=code,
                      province=str(province), known=unit_list(districts))
        else:
            check.check_name("district", unit, [unit.name], by_name)
        return unit
    if len(by_name) == 1:
        return by_name[0]
    into = lookup.merged_into(province.code, name or "")
    if into is not None:
        check.add("origin.district_merged_earlier", path("district", "name"),
                  name=name, into=str(into))
        return into
    check.add("origin.unknown_district_name", path("district", "name"), name=name,
              province=str(province), known=unit_list(districts))
    return None


def _commune(check: OriginCheck, province: Unit, district: Unit | None) -> OldCommune | None:
    code, name = check.entry("commune")
    if code is not None:
        commune = _commune_by_code(check, code, province, district)
    elif name is not None:
        commune = _commune_by_name(check, name, province, district)
    else:
        return None
    if commune is not None:
        _check_place(check, commune, province, district)
    return commune


def _commune_by_code(check: OriginCheck, code: str, province: Unit,
                     district: Unit | None) -> OldCommune | None:
    _, name = check.entry("commune")
    scope = lookup.old_communes(province.code, district.code if district else None)
    by_name = lookup.named_communes(name, scope) if name else []
    commune = lookup.old_commune(code)
    if commune is None:
        if not check.wrong_scheme("commune", code, name):
            check.add("origin.unknown_commune_code", path("commune", "code"), unit_code=code,
                      scheme=check.scheme, by_name=unit_list(c.unit for c in by_name))
        return None
    if name and not spelled(name, commune.spellings):
        if not check.wrong_scheme("commune", code, name):
            check.check_name("commune", commune.unit, commune.spellings,
                             [c.unit for c in by_name])
    return commune


def _commune_by_name(check: OriginCheck, name: str, province: Unit,
                     district: Unit | None) -> OldCommune | None:
    for scope in [district, None] if district else [None]:
        pool = lookup.old_communes(province.code, scope.code if scope else None)
        matches = lookup.named_communes(name, pool)
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            check.add("origin.ambiguous_name", path("commune", "name"), name=name,
                      matches="; ".join(f"{c.unit}, {c.district.name}" for c in matches))
            return None
    if check.wrong_scheme("commune", None, name):
        return None
    known = lookup.old_communes(province.code, district.code if district else None)
    check.add("origin.unknown_commune_name", path("commune", "name"), name=name,
              scope=str(district or province), scheme=check.scheme,
              known=unit_list(c.unit for c in known))
    return None


def _check_place(check: OriginCheck, commune: OldCommune, province: Unit,
                 district: Unit | None) -> None:
    """Warn when the commune is not in the recorded district or province."""
    if commune.province != province:
        check.add("origin.commune_not_in_province", path("province"), commune=str(commune.unit),
                  actual=str(commune.province), recorded=str(province))
    elif district is not None and commune.district != district:
        check.add("origin.commune_not_in_district", path("district"), commune=str(commune.unit),
                  actual=str(commune.district), recorded=str(district))
