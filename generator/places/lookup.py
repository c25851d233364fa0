"""Finding an administrative unit by code or by name, always within one scheme.

The one way the checks, ``ocop import`` and ``ocop new`` read the shipped tables
(:mod:`generator.places.tables`). A code is only ever looked up in its own scheme: the same
five digits name different communes before and after 1 July 2025.
"""

from __future__ import annotations

from .match import match_names, name_key
from .tables import (
    NEW,
    Commune,
    District,
    OldCommune,
    Unit,
    current_provinces,
    current_wards,
    old_tables,
    wards_of,
)

# --- any scheme -------------------------------------------------------------------------------


def provinces(scheme: str) -> list[Unit]:
    """Every province of ``scheme`` (for pre-2025-07: those shipped in data/admin/)."""
    return list((current_provinces() if scheme == NEW else old_tables().provinces).values())


def province(code: str | None, scheme: str) -> Unit | None:
    """The province with that 2-digit code in ``scheme``."""
    return (current_provinces() if scheme == NEW else old_tables().provinces).get(code or "")


def communes(scheme: str) -> list[Commune]:
    """Every commune of ``scheme``, with its accepted spellings."""
    return list((current_wards() if scheme == NEW else old_tables().communes).values())


def commune(code: str | None, scheme: str) -> Commune | None:
    """The commune with that 5-digit code in ``scheme``."""
    return (current_wards() if scheme == NEW else old_tables().communes).get(code or "")


def units(level: str, scheme: str) -> list[tuple[Unit, tuple[str, ...]]]:
    """Every province or commune (``level``) of ``scheme``, with its accepted spellings."""
    if level == "province":
        return [(unit, (unit.name,)) for unit in provinces(scheme)]
    return [(c.unit, c.spellings) for c in communes(scheme)]


def named_communes(name: str, pool: list[OldCommune]) -> list[OldCommune]:
    """The communes of ``pool`` that ``name`` matches, under any of their spellings."""
    by_code = {c.unit.code: c for c in pool}
    return [by_code[unit.code] for unit in match_names(name, [(c.unit, c.spellings) for c in pool])]


# --- 2025-07 ----------------------------------------------------------------------------------

def current_communes(province_code: str) -> tuple[Unit, ...]:
    """The communes of one province from 1 July 2025."""
    return wards_of(province_code)


def printed_as(code: str) -> list[Unit]:
    """New communes the conversion table prints under ``code``, an official code of none."""
    moves = [m for ms in old_tables().district_moves.values() for m in ms]
    return list(dict.fromkeys(m.new for m in moves if m.printed_code == code))


# --- pre-2025-07 ------------------------------------------------------------------------------

def districts(province_code: str) -> list[Unit]:
    """The districts of a province in the January 2025 list."""
    return old_tables().districts_of(province_code)


def district(code: str | None) -> District | None:
    """The district with that 3-digit code in the January 2025 list."""
    return old_tables().districts.get(code or "")


def old_commune(code: str | None) -> OldCommune | None:
    """The commune with that 5-digit code in the January 2025 list."""
    return old_tables().communes.get(code or "")


def old_communes(province_code: str, district_code: str | None = None) -> list[OldCommune]:
    """The communes of a province (of one of its districts) in the January 2025 list."""
    return old_tables().communes_in(province=province_code, district=district_code)


def merged_into(province_code: str, name: str) -> Unit | None:
    """The district a district of that name was merged into before 2025 (Nông Sơn → Quế Sơn)."""
    merger = old_tables().earlier.get((province_code, name_key(name)))
    return merger.into if merger is not None else None


def province_now(old_province_code: str) -> Unit:
    """The province from 1 July 2025 that a shipped pre-2025-07 province is part of."""
    return old_tables().new_province[old_province_code]
