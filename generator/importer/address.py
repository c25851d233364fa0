"""The commune written in an address («thôn 2, xã Tiên Sơn, huyện Tiên Phước»), for a sheet
without a commune column: looked up in the official January 2025 list within the province
(and the district, when the row or the address names one), taken only when exactly one
commune has that name, and always with a note saying where it came from."""

from __future__ import annotations

from ..places import Unit, lookup, match_names
from .cells import place_parts, split_subject, text_of
from .header import Column
from .notes import note
from .rows import Row


def address_cells(row: Row) -> list[tuple[str, Column]]:
    """The addresses a row gives, the production address first."""
    out = []
    if "origin_address" in row.values:
        out.append((text_of(row.values["origin_address"]), row.columns["origin_address"]))
    if "address" in row.values:
        out.append((text_of(row.values["address"]), row.columns["address"]))
    elif "subject" in row.values:
        address = split_subject(str(row.values["subject"]))[1]
        if address:
            out.append((address, row.columns["subject"]))
    return out


def _district_unit(province: Unit, *names: str | None) -> Unit | None:
    """The district of the province that the first given name matches, if exactly one."""
    pool = [(u, [u.name]) for u in lookup.districts(province.code)]
    for name in names:
        matches = match_names(name, pool) if name else []
        if len(matches) == 1:
            return matches[0]
    return None


def _look_up(row: Row, text: str, column: Column, province: Unit,
             district: str | None) -> str | None:
    """The official name of the commune ``text`` names, or None with a note saying why."""
    part, district_part, _ = place_parts(text)
    if part is None:
        return None
    unit = _district_unit(province, district, district_part)
    found = lookup.named_communes(part, lookup.old_communes(province.code,
                                                            unit.code if unit else None))
    if len(found) == 1:
        row.notes.append(note("commune_from_address", column, raw=text, unit=found[0].unit))
        return found[0].unit.name
    if found:
        matches = "; ".join(f"{c.unit} ({c.district})" for c in found)
        row.notes.append(note("commune_address_ambiguous", column, raw=text, part=part,
                              matches=matches))
    else:
        row.notes.append(note("commune_address_unknown", column, raw=text, part=part,
                              scope=unit or province))
    return ""


def commune_from_address(row: Row, province: Unit, district: str | None) -> str | None:
    """The commune of the first address that names one (None when none does)."""
    for text, column in address_cells(row):
        name = _look_up(row, text, column, province, district)
        if name is not None:
            return name or None
    return None
