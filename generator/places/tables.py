"""The shipped administrative tables, read once.

Two schemes name the same ground differently, and codes were reused between them (20410 was
Phường Sơn Phong and is now Phường Hội An), so every table here belongs to one scheme:

* ``2025-07`` (:data:`NEW`) — the 34 provinces and their communes from 1 July 2025, no
  districts, from the ``vietnam_provinces`` package;
* ``pre-2025-07`` (:data:`OLD`) — provinces, districts and communes of the January 2025 list
  shipped in ``data/admin/communes-pre-2025-07.csv``, with the official old → new conversion
  (``data/admin/conversion-2025-07.csv``) and the district mergers of 2019–2025
  (``data/admin/earlier-district-mergers.csv``).

Outside :mod:`generator.places`, read them through :mod:`generator.places.lookup`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from vietnam_provinces import Province, Ward

from ..resources import resource_path
from ..textfold import fold_place

OLD = "pre-2025-07"
NEW = "2025-07"


@dataclass(frozen=True)
class Unit:
    code: str  # official code as text, e.g. "20410", "514", "48"
    name: str  # official name, e.g. "Phường Hội An"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


@dataclass(frozen=True)
class District:
    """A pre-2025-07 district and its province."""

    unit: Unit
    province: Unit


@dataclass(frozen=True)
class Commune:
    """A commune of one scheme: its province and the spellings its name is accepted in."""

    unit: Unit
    province: Unit
    spellings: tuple[str, ...]  # official name (plus the conversion table's spelling)


@dataclass(frozen=True)
class OldCommune(Commune):
    """A pre-2025-07 commune, which also had a district."""

    district: Unit


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
    districts: dict[str, District] = field(default_factory=dict)
    communes: dict[str, OldCommune] = field(default_factory=dict)
    moves: dict[str, list[Move]] = field(default_factory=lambda: defaultdict(list))
    district_moves: dict[str, list[Move]] = field(default_factory=lambda: defaultdict(list))
    new_province: dict[str, Unit] = field(default_factory=dict)  # old province → current
    earlier: dict[tuple[str, str], EarlierMerger] = field(default_factory=dict)

    def districts_of(self, province: str) -> list[Unit]:
        return [d.unit for d in self.districts.values() if d.province.code == province]

    def communes_in(self, *, province: str, district: str | None = None) -> list[OldCommune]:
        return [c for c in self.communes.values() if c.province.code == province
                and (district is None or c.district.code == district)]

    def targets(self, moves: Iterable[Move]) -> tuple[Unit, ...]:
        """Distinct new communes, in table order."""
        return tuple(dict.fromkeys(move.new for move in moves))


# --- 2025-07 ----------------------------------------------------------------------------------

@cache
def current_provinces() -> dict[str, Unit]:
    """The 34 provinces from 1 July 2025, by 2-digit code."""
    return {f"{int(p.code):02d}": Unit(f"{int(p.code):02d}", p.name) for p in Province.iter_all()}


@cache
def current_wards() -> dict[str, Commune]:
    """The communes from 1 July 2025, by 5-digit code."""
    provinces = current_provinces()
    wards = {}
    for ward in Ward.iter_all():
        unit = Unit(f"{int(ward.code):05d}", ward.name)
        wards[unit.code] = Commune(unit, provinces[f"{int(ward.province_code):02d}"],
                                   (unit.name,))
    return wards


@cache
def wards_of(province: str) -> tuple[Unit, ...]:
    """The current communes of one province."""
    return tuple(ward.unit for ward in current_wards().values() if ward.province.code == province)


def _reconcile_new_commune(code: str, name: str, province: str) -> Unit:
    """The official 2025-07 commune for a conversion-table row (its printed code can differ)."""
    ward = current_wards().get(code)
    if ward and ward.province.code == province and fold_place(ward.unit.name) == fold_place(name):
        return ward.unit
    same_name = [unit for unit in wards_of(province) if fold_place(unit.name) == fold_place(name)]
    if len(same_name) == 1:
        return same_name[0]
    return Unit(code, name)


# --- pre-2025-07 ------------------------------------------------------------------------------

def _read(relative: str) -> list[dict[str, str]]:
    with resource_path(relative).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _load_communes(tables: OldTables) -> None:
    for row in _read("data/admin/communes-pre-2025-07.csv"):
        province = Unit(row["province_code"], row["province_name"])
        district = Unit(row["district_code"], row["district_name"])
        tables.provinces[province.code] = province
        tables.districts[district.code] = District(district, province)
        if row["commune_code"]:
            unit = Unit(row["commune_code"], row["commune_name"])
            tables.communes[unit.code] = OldCommune(unit, province, (unit.name,), district)


def _load_conversion(tables: OldTables) -> None:
    for row in _read("data/admin/conversion-2025-07.csv"):
        province = row["new_province_code"]
        new = _reconcile_new_commune(row["new_commune_code"], row["new_commune_name"], province)
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
                old.unit, old.province, (*old.spellings, row["old_commune_name"]), old.district)


@cache
def old_tables() -> OldTables:
    """The shipped tables, read once."""
    tables = OldTables()
    _load_communes(tables)
    _load_conversion(tables)
    for row in _read("data/admin/earlier-district-mergers.csv"):
        merger = EarlierMerger(Unit(row["district_code"], row["district_name"]),
                               Unit(row["merged_into_code"], row["merged_into_name"]))
        tables.earlier[(row["province_code"], fold_place(merger.district.name))] = merger
    return tables
