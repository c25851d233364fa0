"""The answers ``ocop new`` takes: each read from what an officer typed, or refused with a
reason in both languages; the place from its codes, the id checked against the catalogue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import EXIT_FINDINGS, UsageError
from ...findings import display_path
from ...importer.cells import parse_date, parse_decision, parse_stars
from ...places.record import UnknownPlace, recorded, scheme_on
from ...productfile import ID_PATTERN, area_slug, free_id
from ...resources import subschema
from ...textfold import fold
from .place import area_scope, codes_from_area, commune_code

GROUPS: list[str] = list(subschema(("group",)).get("enum", []))
PROCESSING = {"fresh": "tươi sống", "raw": "thô, chưa chế biến", "primary-processed": "sơ chế",
              "processed": "chế biến", "deep-processed": "chế biến sâu",
              "not-applicable": "không áp dụng: thủ công mỹ nghệ, du lịch, sinh vật cảnh"}
LEGAL_FORMS = {"cooperative": "hợp tác xã (HTX)", "cooperative-group": "tổ hợp tác (THT)",
               "llc": "công ty TNHH", "llc-single-member": "công ty TNHH MTV",
               "joint-stock": "công ty cổ phần", "private-enterprise": "doanh nghiệp tư nhân",
               "household-business": "hộ kinh doanh", "establishment": "cơ sở sản xuất"}
_ALIASES = {
    "tuoi song": "fresh", "tuoi": "fresh", "tho": "raw", "so che": "primary-processed",
    "che bien": "processed", "che bien sau": "deep-processed", "khong ap dung": "not-applicable",
    "htx": "cooperative", "hop tac xa": "cooperative", "tht": "cooperative-group",
    "to hop tac": "cooperative-group", "tnhh": "llc", "cong ty tnhh": "llc",
    "tnhh mtv": "llc-single-member", "cong ty tnhh mtv": "llc-single-member",
    "co phan": "joint-stock", "cong ty co phan": "joint-stock", "cp": "joint-stock",
    "dntn": "private-enterprise", "doanh nghiep tu nhan": "private-enterprise",
    "ho kinh doanh": "household-business", "hkd": "household-business",
    "co so": "establishment", "co so san xuat": "establishment",
}


class Refused(UsageError):
    """An answer that cannot be used; the message says why, in both languages (exit code 2)."""


class Taken(Refused):
    """The id is already used under products/ (exit code 1)."""

    exit_code = EXIT_FINDINGS


# --- answers ----------------------------------------------------------------------------------

def _choice(options: list[str]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        key = fold(text)
        if text.strip().isdigit() and 1 <= int(text) <= len(options):
            return options[int(text) - 1]
        found = [o for o in options if fold(o) == key] or [
            o for o in options if _ALIASES.get(key) == o]
        if found:
            return found[0]
        raise Refused(f"«{text}» không có trong danh sách — gõ số thứ tự hoặc một trong: "
                      f"{', '.join(options)} / not in the list — type its number or one of them")
    return parse


def _name(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if not text:
        raise Refused("tên không được để trống / the name cannot be empty")
    return text


def _stars(text: str) -> int:
    stars = parse_stars(text)
    if stars is None or not 3 <= stars <= 5:
        raise Refused(f"«{text}»: hạng sao OCOP chỉ là 3, 4 hoặc 5 / OCOP stars are 3, 4 or 5")
    return stars


def _signed(text: str) -> str:
    iso, why = parse_date(text)
    if iso is None:
        reason = "không có trên lịch" if why == "invalid" else "không đọc được"
        raise Refused(f"«{text}»: ngày {reason} — viết 29/12/2022, 2022-12-29 hoặc chỉ năm 2022 "
                      "/ write 29/12/2022, 2022-12-29 or the year only")
    return iso


def _product_type(text: str) -> str:
    value = " ".join(text.split()).lower()
    if len(value) < 2:
        raise Refused("loại sản phẩm quá ngắn / the product type is too short")
    return value


def _code(digits: int) -> Callable[[str], str]:
    def parse(text: str) -> str:
        code = text.strip()
        if not re.fullmatch(rf"[0-9]{{{digits}}}", code):
            raise Refused(f"«{text}»: mã phải có {digits} chữ số / the code must have {digits} "
                          "digits")
        return code
    return parse


def _commune(text: str) -> str:
    """A commune as typed: its 5-digit code or its name (looked up by :func:`resolve_place`)."""
    value = " ".join(unicodedata.normalize("NFC", text).split())
    if not value:
        raise Refused("gõ tên xã hoặc mã 5 số / type the commune's name or 5-digit code")
    return value


def _area(text: str) -> str:
    value = area_slug(text)
    if not value:
        raise Refused(f"«{text}»: tên thư mục phải có chữ hoặc số / needs letters or digits")
    return value


@dataclass
class Answers:
    name: str | None = None
    stars: int | None = None
    signed: str | None = None
    decision: str | None = None
    commune_code: str | None = None
    district_code: str | None = None
    province_code: str | None = None
    area: str | None = None
    id: str | None = None
    group: str | None = None
    product_type: str | None = None
    processing: str | None = None
    subject: str | None = None
    legal_form: str | None = None
    recorded: dict[str, Any] | None = field(default=None, repr=False)
    place: str | None = None  # the unit the area folder is named after


PARSERS: dict[str, Callable[[str], Any]] = {
    "name": _name, "stars": _stars, "signed": _signed,
    "decision": lambda text: parse_decision(text)[0], "commune_code": _commune,
    "district_code": _code(3), "province_code": _code(2), "area": _area, "id": str.strip,
    "group": _choice(GROUPS), "product_type": _product_type,
    "processing": _choice(list(PROCESSING)), "subject": _name,
    "legal_form": _choice(list(LEGAL_FORMS)),
}


def resolve_place(a: Answers) -> None:
    """``origin.recorded`` from the codes (a commune also by name), units as they were on the
    signing date (after 1 July 2025 there are no districts); the area folder narrows a name
    and, when no place is given, gives the district or province."""
    scope = area_scope(a.area)
    scheme = scheme_on(a.signed, with_district=bool(a.district_code))
    if not (a.commune_code or a.district_code or a.province_code):
        a.district_code, a.province_code = codes_from_area(scheme, scope)
        if not (a.district_code or a.province_code):
            return
    try:
        if a.commune_code:
            a.commune_code = commune_code(a.commune_code, scheme, scope)
        a.recorded, a.place = recorded(a.commune_code, a.district_code, a.province_code, scheme)
    except UnknownPlace as error:
        raise Refused(str(error)) from error


def check_id(pid: str, taken: dict[str, Path], root: Path, a: Answers) -> None:
    """Refuse an id that is malformed or already used anywhere under products/."""
    if not ID_PATTERN.fullmatch(pid) or not 3 <= len(pid) <= 80:
        raise Refused(f"«{pid}»: id chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, 3–80 "
                      "ký tự / an id is 3–80 lowercase ASCII letters, digits and hyphens")
    if pid in taken:
        where, other = display_path(taken[pid], root), free_id(a.name or "", a.area, taken)
        raise Taken(f"id «{pid}» đã có ở {where} — nếu là cùng sản phẩm, hãy sửa tệp đó; nếu "
                    f"là sản phẩm khác, chọn id khác, ví dụ «{other}» / id «{pid}» "
                    f"is already used by {where} — if it is the same product, edit that file; "
                    "otherwise choose another id")
