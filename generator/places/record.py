"""``origin.recorded`` from the codes an officer knows, named as on the signing date.

Before 1 July 2025 a place had a province, a district and a commune (``pre-2025-07``); from
then on only a province and a commune (``2025-07``). The codes are looked up in the scheme of
the signing date, so the names written are the ones the decision used.
"""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from . import lookup
from .tables import NEW, OLD, District, OldCommune, Unit

#: the first day of the 2025-07 scheme (ISO text, compared with a recognition's ``signed``)
NEW_SCHEME_FROM = "2025-07-01"


class UnknownPlace(UsageError):
    """Codes that name no shipped unit, or units that do not fit together; the message says
    which, in both languages."""


def scheme_on(signed: str | None, *, with_district: bool) -> str:
    """The scheme a place signed for on ``signed`` (ISO, possibly only a year) is named in;
    a district code means the place was written before 1 July 2025."""
    after = signed is not None and signed >= NEW_SCHEME_FROM and not with_district
    return NEW if after else OLD


def recorded(commune: str | None, district: str | None, province: str | None,
             scheme: str) -> tuple[dict[str, Any], str]:
    """``(origin.recorded, name of the place an area folder is named after)``; raises
    :class:`UnknownPlace`."""
    if scheme == NEW:
        return _new(commune, province)
    return _old(commune, district, province)


def _unit(unit: Unit) -> dict[str, str]:
    return {"name": unit.name, "code": unit.code}


def _old_units(commune_code: str | None,
               district_code: str | None) -> tuple[OldCommune | None, District | None]:
    commune = lookup.old_commune(commune_code) if commune_code else None
    if commune_code and commune is None:
        raise UnknownPlace(f"không có xã mã {commune_code} trong danh sách trước 1/7/2025 đi kèm "
                           f"/ no commune {commune_code} in the shipped pre-July-2025 list")
    district = lookup.district(district_code) if district_code else None
    if district_code and district is None:
        raise UnknownPlace(f"không có huyện mã {district_code} / no district {district_code}")
    if commune and district and commune.district.code != district.unit.code:
        raise UnknownPlace(f"xã {commune.unit} thuộc {commune.district}, không thuộc "
                           f"{district.unit} / the commune is in another district")
    return commune, district


def _old(commune_code: str | None, district_code: str | None,
         province_code: str | None) -> tuple[dict[str, Any], str]:
    commune, district = _old_units(commune_code, district_code)
    code = (commune.province.code if commune else district.province.code if district
            else province_code)
    province = lookup.province(code, OLD)
    if province is None:
        raise UnknownPlace(f"không có tỉnh mã {code} trong danh sách đi kèm / no province "
                           f"{code} in the shipped list")
    out: dict[str, Any] = {"scheme": OLD, "province": _unit(province)}
    if commune is not None:
        out["district"] = _unit(commune.district)
    elif district is not None:
        out["district"] = _unit(district.unit)
    if commune:
        out["commune"] = _unit(commune.unit)
    return out, out.get("district", out["province"])["name"]


def _new(commune_code: str | None, province_code: str | None) -> tuple[dict[str, Any], str]:
    commune = lookup.commune(commune_code, NEW) if commune_code else None
    if commune_code and commune is None:
        raise UnknownPlace(f"không có xã mã {commune_code} từ 1/7/2025 / no commune "
                           f"{commune_code} from 1 July 2025")
    province = commune.province if commune else lookup.province(province_code, NEW)
    if province is None:
        raise UnknownPlace(f"không có tỉnh mã {province_code} từ 1/7/2025 / no province "
                           f"{province_code} from 1 July 2025")
    out: dict[str, Any] = {"scheme": NEW, "province": _unit(province)}
    if commune:
        out["commune"] = _unit(commune.unit)
    return out, (commune.unit if commune else province).name
