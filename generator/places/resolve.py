"""Where a recorded place is today: the current province and commune, through the official
old → new conversion table.

A recorded pre-2025-07 commune is converted by its own rows of the table; a commune that was
split between several new communes needs the officer's ``current_commune``, one of them. When
no commune can be used, ``current_commune`` is taken if it is a current commune of the
province (and, when the district is known, one its communes went to). Each function returns
the :class:`CurrentOrigin` and the :class:`Issue` s that stood in the way, for the origin
check (:mod:`generator.checks.origin`) to report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .match import unit_list
from .tables import Commune, OldCommune, Unit, current_wards, old_tables


@dataclass(frozen=True)
class CurrentOrigin:
    province: Unit  # current province, e.g. Unit("48", "Thành phố Đà Nẵng")
    commune: Unit | None  # current commune, None when it cannot be derived
    former_district: Unit | None  # the recorded pre-2025 district (display, search facets)
    candidates: tuple[Unit, ...] = ()  # when the old commune was split and no current_commune


@dataclass(frozen=True)
class Issue:
    """Why the current commune could not be derived as recorded: a finding code, its slots."""

    code: str
    params: dict[str, str] = field(default_factory=dict)


Resolved = tuple[CurrentOrigin, list[Issue]]


def _issue(code: str, **params: str) -> Issue:
    return Issue(code, params)


def from_old_commune(commune: OldCommune, given: str | None) -> Resolved:
    """The current units of a resolved pre-2025-07 commune (``given``: ``current_commune``)."""
    tables = old_tables()
    province = tables.new_province[commune.province.code]
    moves = tables.moves.get(commune.unit.code)
    if moves:
        return _pick(given, commune.unit, province, commune.district, tables.targets(moves))
    targets = tables.targets(tables.district_moves[commune.district.code])
    missing = _issue("origin.no_conversion", commune=str(commune.unit),
                     district=str(commune.district), candidates=unit_list(targets))
    current, issues = _pick_free(given, province, commune.district, targets, warn=False)
    return current, [missing, *issues]


def from_old_district(province: Unit, district: Unit | None, given: str | None, *,
                      commune_recorded: bool) -> Resolved:
    """No usable recorded commune: the current units from the pre-2025-07 province and
    district (a commune that was recorded but not found has been reported already)."""
    tables = old_tables()
    current = tables.new_province[province.code]
    targets = tables.targets(tables.district_moves[district.code]) if district else ()
    if not commune_recorded and len(targets) == 1 and given is None:
        return CurrentOrigin(current, targets[0], district), []  # e.g. Huyện Hoàng Sa, whole
    return _pick_free(given, current, district, targets, warn=not commune_recorded)


def from_new_commune(commune: Commune, given: str | None) -> Resolved:
    """A commune recorded in the 2025-07 scheme is its own current commune."""
    return _pick(given, commune.unit, commune.province, None, (commune.unit,))


def from_new_province(province: Unit, given: str | None, *, commune_recorded: bool) -> Resolved:
    """Only the 2025-07 province could be used."""
    if commune_recorded:
        return CurrentOrigin(province, None, None), []
    return _pick_free(given, province, None, (), warn=True)


def _pick(given: str | None, old: Unit, province: Unit, former: Unit | None,
          targets: tuple[Unit, ...]) -> Resolved:
    """The current commune of a resolved old (or recorded current) commune."""
    chosen = next((unit for unit in targets if unit.code == given), None)
    if len(targets) == 1:
        current = CurrentOrigin(province, targets[0], former)
        if given is None:
            return current, []
        code = "origin.current_commune_redundant" if chosen else "origin.current_commune_conflict"
        return current, [_issue(code, unit_code=given, commune=str(old), current=str(targets[0]))]
    current = CurrentOrigin(province, chosen, former, () if chosen else targets)
    if given is None:
        return current, [_issue("origin.split_needs_current_commune", commune=str(old),
                                candidates=unit_list(targets))]
    if chosen is None:
        return current, [_issue("origin.current_commune_not_candidate", unit_code=given,
                                commune=str(old), candidates=unit_list(targets))]
    return current, []


def _pick_free(given: str | None, province: Unit, former: Unit | None,
               targets: tuple[Unit, ...], *, warn: bool) -> Resolved:
    """No usable recorded commune: take ``current_commune`` if it is valid, else say so."""
    unknown = CurrentOrigin(province, None, former, targets)
    if given is None:
        return unknown, ([_issue("origin.commune_missing", candidates=unit_list(targets))]
                         if warn else [])
    ward = current_wards().get(given)
    if ward is None or ward.province.code != province.code:
        return unknown, [_issue("origin.current_commune_unknown", unit_code=given,
                                province=str(province), suggestions=unit_list(targets))]
    current = CurrentOrigin(province, ward.unit, former)
    if targets and ward.unit not in targets:
        return current, [_issue("origin.current_commune_not_candidate", unit_code=given,
                                commune=str(former or province),
                                candidates=unit_list(targets))]
    return current, []
