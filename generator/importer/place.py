"""Where a row's product comes from: the province a title row names, and the row's commune and
district looked up in the January 2025 list of administrative units, written as
``origin.recorded`` (the old scheme) with their codes where the names are found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..messages import Texts
from ..places import OLD, Unit, match_names
from ..places.tables import old_tables
from ..textfold import fold, fold_place
from .address import commune_from_address
from .cells import split_place, text_of
from .header import Column
from .notes import note
from .rows import Row
from .table import Value

#: the level words a note about an unknown unit uses
LEVELS = Texts("import.levels", {"district": ("huyện", "district"), "commune": ("xã", "commune")})


def _unit(unit: Unit) -> dict[str, str]:
    return {"name": unit.name, "code": unit.code}


def _named(units: Iterable[Unit]) -> list[tuple[Unit, list[str]]]:
    return [(u, [u.name]) for u in units]


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
                if match_names(district, _named(tables.districts_of(p.code)))}
    elif commune:
        hits = {tables.communes[u.code].province for u in match_names(
            commune, [(c.unit, c.spellings) for c in tables.communes.values()])}
    else:
        return None
    return hits.pop() if len(hits) == 1 else None


def _unit_note(row: Row, text: str, matches: list[Unit], column: Column | None, level: str,
               scope: str) -> None:
    if len(matches) > 1:
        row.notes.append(note("unit_ambiguous", column, raw=text,
                              matches="; ".join(str(u) for u in matches)))
    else:
        vi, en = LEVELS[level]
        row.notes.append(note("unit_unknown", column, raw=text, level=vi, level_en=en,
                              scope=scope))


def _district(row: Row, text: str, province: Unit, column: Column | None) -> tuple[dict[str, str],
                                                                                  Unit | None]:
    """(the recorded district, the district to look communes up in)."""
    tables = old_tables()
    matches = match_names(text, _named(tables.districts_of(province.code)))
    if len(matches) == 1:
        return _unit(matches[0]), matches[0]
    merger = tables.earlier.get((province.code, fold_place(text)))
    if merger is not None:
        row.notes.append(note("unit_merged", column, raw=text, into=merger.into))
        return {"name": text}, merger.into
    _unit_note(row, text, matches, column, "district", str(province))
    return {"name": text}, None


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
    if match_names(text, _named(old_tables().districts_of(province.code))):
        return None, text
    return text, None


def _place_names(row: Row, province: Unit | None, section: Unit | None) -> tuple[str | None,
                                                                                  str | None]:
    """(commune, district) as the row names them: from a «Xã/Huyện» cell, else their own
    columns; the district of the section heading above when the row gives none."""
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
    return commune, district


def _unplaced(row: Row, commune: str | None, district: str | None,
              column: Column | None) -> dict[str, Any] | None:
    """``origin.recorded`` with the names only, when the province is not known."""
    if not (district or commune):
        return None
    row.notes.append(note("no_province", column))
    return {"scheme": OLD, **({"district": {"name": district}} if district else {}),
            **({"commune": {"name": commune}} if commune else {})}


def _recorded(row: Row, commune: str | None, district: str | None,
              province: Unit) -> dict[str, Any]:
    """``origin.recorded`` with each unit's code where its name is found in the province."""
    column_c = row.columns.get("commune") or row.columns.get("place")
    column_d = row.columns.get("district") or row.columns.get("place")
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
    return recorded


def parse_place(row: Row, province: Unit | None, section: Unit | None) -> None:
    commune, district = _place_names(row, province, section)
    row.district_name, row.commune_name = district, commune
    province = province or _province_of(district, commune)
    if province is not None and commune is None and "commune" not in row.values:
        commune = commune_from_address(row, province, district)
        row.commune_name = commune
    if province is None:
        column = (row.columns.get("district") or row.columns.get("place")
                  or row.columns.get("commune"))
        row.recorded = _unplaced(row, commune, district, column)
        return
    row.recorded = _recorded(row, commune, district, province)
