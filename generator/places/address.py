"""A written address in today's units: "Thôn 2, xã Tiên Sơn, huyện Tiên Phước, tỉnh Quảng Nam"
→ "Thôn 2, Xã Tiên Phước, Thành phố Đà Nẵng".

Addresses are typed as the producer writes them, often in the units before 1 July 2025, which
no longer exist (districts were abolished, Quảng Nam became part of Đà Nẵng). The parts that
name no administrative unit (house, street, hamlet) are kept; the commune is replaced by the
current commune it became and the province by the current province: the product origin's own
current units when the address names the origin's recorded commune, else the official
conversion of the commune the address names (within its former province and district). When
the address names no former unit, or its commune cannot be told, there is nothing to convert.
"""

from __future__ import annotations

import re

from ..textfold import fold
from . import lookup
from .match import match_names, spelled
from .resolve import CurrentOrigin, from_old_commune
from .tables import Unit, old_tables

_COMMUNE_WORDS = ("xa", "phuong", "thi tran", "dac khu", "x", "p", "tt")
_DISTRICT_WORDS = ("huyen", "quan", "thi xa", "thanh pho", "tp", "tx", "h", "q")


def split_address(address: str) -> list[str]:
    """The comma-separated parts of an address, stripped, empty ones dropped."""
    return [part.strip() for part in re.split(r"[,;\n]", address) if part.strip()]


def _province_names() -> list[str]:
    return [p.name for p in (*lookup.provinces("2025-07"), *old_tables().provinces.values())]


def level(part: str) -> str | None:
    """``province``, ``district`` or ``commune`` for a part naming a unit, else None:
    "tỉnh Quảng Nam", "TP. Đà Nẵng" and a bare "Quảng Nam" are provinces, "thành phố Hội An" a
    district (a city below a province)."""
    key = fold(part)
    if key.startswith("tinh "):
        return "province"
    if any(key.startswith(word + " ") for word in _COMMUNE_WORDS):
        return "commune"
    if spelled(part, _province_names()):
        return "province"
    if any(key.startswith(word + " ") for word in _DISTRICT_WORDS):
        return "district"
    return None


def _old_province(part: str | None, fallback: str | None) -> str | None:
    """The code of the pre-2025-07 province a part names, else ``fallback``."""
    found = match_names(part, [(u, (u.name,)) for u in old_tables().provinces.values()]) \
        if part else []
    return found[0].code if len(found) == 1 else fallback


def _converted(commune: str, district: str | None, province_code: str | None) -> CurrentOrigin | None:
    """The current units of the one former commune so named in that province (and district)."""
    if province_code is None:
        return None
    districts = match_names(district, [(u, (u.name,)) for u in lookup.districts(province_code)]) \
        if district else []
    pool = lookup.old_communes(province_code, districts[0].code if len(districts) == 1 else None)
    found = lookup.named_communes(commune, pool)
    return from_old_commune(found[0], None)[0] if len(found) == 1 else None


def _is_former(by_level: dict[str, str]) -> bool:
    """Whether the address is written in the units before 1 July 2025: it names a district,
    or a province that is not one of today's."""
    if "district" in by_level:
        return True
    province = by_level.get("province")
    return province is not None and not spelled(province, [p.name for p in lookup.provinces("2025-07")])


def _units_now(by_level: dict[str, str], recorded_commune: str | None,
               old_province_code: str | None, current: CurrentOrigin | None) -> tuple[Unit, Unit] | None:
    """(today's commune, today's province) of the commune part of an address."""
    commune = by_level["commune"]
    if current is not None and current.commune is not None and recorded_commune \
            and spelled(commune, [recorded_commune]):
        return current.commune, current.province
    old = _old_province(by_level.get("province"), old_province_code)
    converted = _converted(commune, by_level.get("district"), old)
    if converted is None or converted.commune is None:
        return None
    return converted.commune, converted.province


def address_now(address: str, recorded_commune: str | None, old_province_code: str | None,
                current: CurrentOrigin | None) -> str | None:
    """``address`` with today's commune and province, or None when it needs no conversion or
    its commune cannot be told. ``recorded_commune``, ``old_province_code`` and ``current``
    are the product origin's (pre-2025-07 commune and province as recorded, today's units)."""
    parts = [(part, level(part)) for part in split_address(address)]
    by_level: dict[str, str] = {}
    for part, kind in parts:
        if kind is not None:
            by_level.setdefault(kind, part)
    if not _is_former(by_level) or "commune" not in by_level:
        return None
    now = _units_now(by_level, recorded_commune, old_province_code, current)
    if now is None:
        return None
    return ", ".join([*(part for part, kind in parts if kind is None), now[0].name, now[1].name])
