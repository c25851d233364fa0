"""An origin recorded in the ``2025-07`` scheme: province and commune from 1 July 2025."""

from __future__ import annotations

from ...places import NEW, OLD, Commune, CurrentOrigin, Unit, lookup, name_key, named, unit_list
from ...places.resolve import from_new_commune, from_new_province
from .context import OriginCheck, path


def check_new(check: OriginCheck) -> CurrentOrigin | None:
    province = _province(check)
    if province is None:
        return None
    commune = _commune(check, province)
    if commune is not None:
        current, issues = from_new_commune(commune, check.current_code)
    else:
        current, issues = from_new_province(province, check.current_code,
                                            commune_recorded=check.recorded_commune())
    check.report(issues)
    return current


def _province(check: OriginCheck) -> Unit | None:
    code, name = check.entry("province")
    by_name = named(name, lookup.provinces(NEW))
    if not by_name and _merged_province(check, code, name):
        return None
    if code is not None:
        unit = lookup.province(code, NEW)
        if unit is None:
            if not check.wrong_scheme("province", code, name):
                check.add("origin.unknown_province_code", path("province", "code"),
                          unit_code=code, scheme=check.scheme, by_name=unit_list(by_name))
        else:
            check.check_name("province", unit, [unit.name], by_name)
        return unit
    if len(by_name) == 1:
        return by_name[0]
    if not check.wrong_scheme("province", None, name):
        check.add("origin.unknown_province_name", path("province", "name"), name=name)
    return None


def _merged_province(check: OriginCheck, code: str | None, name: str | None) -> bool:
    """Report a former province (Tỉnh Quảng Nam) written under ``scheme: 2025-07``."""
    if code is not None and lookup.province(code, NEW) is not None:
        return False
    former = named(name, lookup.provinces(OLD)) if name else []
    if not former and code is not None and name is None:
        former = [u for u in [lookup.province(code, OLD)] if u is not None]
    if len(former) != 1 or (code is not None and former[0].code != code):
        return False
    into = lookup.province_now(former[0].code)
    if into.code == former[0].code:
        return False
    check.add("origin.province_merged", path("province"), name=name or former[0].name,
              into_name=into.name, into_code=into.code)
    return True


def _commune(check: OriginCheck, province: Unit) -> Commune | None:
    code, name = check.entry("commune")
    communes = lookup.current_communes(province.code)
    by_name = named(name, communes)
    if code is not None:
        return _commune_by_code(check, code, province, by_name)
    if name is None or len(by_name) == 1:
        return lookup.commune(by_name[0].code, NEW) if by_name else None
    if len(by_name) > 1:
        check.add("origin.ambiguous_name", path("commune", "name"), name=name,
                  matches=unit_list(by_name))
    elif not check.wrong_scheme("commune", None, name):
        check.add("origin.unknown_commune_name", path("commune", "name"), name=name,
                  scope=str(province), scheme=check.scheme, known=unit_list(communes))
    return None


def _commune_by_code(check: OriginCheck, code: str, province: Unit,
                     by_name: list[Unit]) -> Commune | None:
    _, name = check.entry("commune")
    commune = lookup.commune(code, NEW)
    if commune is None:
        if not check.wrong_scheme("commune", code, name):
            hints = dict.fromkeys([*by_name, *lookup.printed_as(code)])
            check.add("origin.unknown_commune_code", path("commune", "code"), unit_code=code,
                      scheme=check.scheme, by_name=unit_list(hints))
        return None
    if name and name_key(name) != name_key(commune.unit.name) \
            and not check.wrong_scheme("commune", code, name):
        check.check_name("commune", commune.unit, [commune.unit.name], by_name)
    if commune.province.code != province.code:
        check.add("origin.commune_not_in_province", path("province"), commune=str(commune.unit),
                  actual=str(commune.province), recorded=str(province))
    return commune
