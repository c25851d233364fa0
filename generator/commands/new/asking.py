"""Asking for the answers ``ocop new`` still needs, one line each, a few attempts per question."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ...checks.fields import suggested_legal_form
from ...findings import display_path
from ...productfile import area_slug, free_id, product_id
from .answers import (
    GROUPS,
    LEGAL_FORMS,
    PARSERS,
    PROCESSING,
    Answers,
    Refused,
    check_id,
    resolve_place,
)
from .place import area_scope

ATTEMPTS = 3  # tries per question before giving up


@dataclass
class Asker:
    """Questions on ``out``, answers from ``src``, one line each."""

    src: TextIO
    out: TextIO

    def line(self, prompt: str) -> str | None:
        self.out.write(prompt)
        self.out.flush()
        text = self.src.readline()
        if not text:
            self.out.write("\n")
            return None
        return text.rstrip("\r\n")

    def ask(self, key: str, prompt: str, default: Any = None, *, required: bool = False) -> Any:
        suffix = f" [{default}]" if default is not None else ""
        for _ in range(ATTEMPTS):
            text = self.line(f"{prompt}{suffix}: ")
            if text is None:
                break
            if not text.strip():
                if default is not None or not required:
                    return default
                self.out.write("  cần trả lời / an answer is needed\n")
                continue
            try:
                return PARSERS[key](text)
            except Refused as error:
                self.out.write(f"  {error}\n")
        if required:
            raise Refused(f"chưa có câu trả lời cho «{prompt}» / no answer for «{prompt}»")
        return default


def _listing(options: dict[str, str] | list[str]) -> str:
    items = options.items() if isinstance(options, dict) else ((o, "") for o in options)
    return "\n".join(f"  {i}. {key}" + (f" — {label}" if label else "")
                     for i, (key, label) in enumerate(items, start=1)) + "\n"


PROMPTS = {
    "name": "Tên sản phẩm, như trong quyết định / Product name, as in the decision",
    "stars": "Hạng sao (3, 4, 5; Enter nếu chưa biết) / Stars (Enter if unknown)",
    "signed": "Ngày ký quyết định (29/12/2022; Enter nếu chưa biết) / Signing date",
    "decision": "Số quyết định (3610/QĐ-UBND; Enter nếu chưa biết) / Decision number",
    "commune_code": "Xã: tên (ví dụ «Xã A Tiêng», «a tieng») hoặc mã 5 số (Enter nếu không "
                    "biết) / Commune: its name or 5-digit code",
    "district_code": "Mã huyện, 3 số (Enter nếu không biết) / District code, 3 digits",
    "province_code": "Mã tỉnh, 2 số (Enter nếu không biết) / Province code, 2 digits",
    "area": "Thư mục địa phương trong products/ / Area folder in products/",
    "id": "Mã sản phẩm (id) / Product id",
    "group": "Nhóm sản phẩm (gõ số) / Product group (type the number)",
    "product_type": "Loại sản phẩm, chữ thường, ví dụ «nước mắm» (Enter để điền sau) / Product "
                    "type, lowercase",
    "processing": "Mức độ chế biến (gõ số; Enter để điền sau) / Processing level",
    "subject": "Tên chủ thể (HTX, công ty, hộ…; Enter nếu nguồn không nêu) / Producing subject",
    "legal_form": "Loại hình chủ thể (gõ số) / Legal form (type the number)",
}


def _say_place(a: Answers, asker: Asker, source: str = "") -> None:
    if a.recorded:
        units = [a.recorded[k]["name"] for k in ("commune", "district", "province")
                 if k in a.recorded]
        asker.out.write(f"  → {', '.join(units)}{source}\n")


def _place_from_area(a: Answers, asker: Asker) -> None:
    """No place was given: the district or province the area folder names, if it names one."""
    if a.recorded is None and not (a.commune_code or a.district_code or a.province_code):
        resolve_place(a)
        _say_place(a, asker, f" (theo thư mục / from the folder «{a.area}»)")


def _ask_place(a: Answers, asker: Asker) -> None:
    for _ in range(ATTEMPTS):
        if not (a.commune_code or a.district_code or a.province_code):
            a.commune_code = asker.ask("commune_code", PROMPTS["commune_code"])
            if a.commune_code is None and area_scope(a.area).province is not None:
                pass  # the area folder gives the district or province
            elif a.commune_code is None:
                a.district_code = asker.ask("district_code", PROMPTS["district_code"])
            if a.commune_code is None and a.district_code is None and area_scope(
                    a.area).province is None:
                a.province_code = asker.ask("province_code", PROMPTS["province_code"])
        try:
            resolve_place(a)
        except Refused as error:
            asker.out.write(f"  {error}\n")
            a.commune_code = a.district_code = a.province_code = None
            continue
        _say_place(a, asker)
        return
    raise Refused("chưa xác định được xã, huyện hay tỉnh / the place could not be determined")


def _ask_id(a: Answers, asker: Asker, root: Path, taken: dict[str, Path]) -> None:
    wanted = product_id(a.name or "")
    if wanted in taken:
        asker.out.write(f"  id «{wanted}» đã có ở {display_path(taken[wanted], root)} — nếu là cùng "
                        "sản phẩm, hãy sửa tệp đó thay vì tạo mới / already used — if it is the "
                        "same product, edit that file instead\n")
    for _ in range(ATTEMPTS):
        pid = asker.ask("id", PROMPTS["id"], default=free_id(a.name or "", a.area, taken))
        try:
            check_id(pid, taken, root, a)
        except Refused as error:
            asker.out.write(f"  {error}\n")
            continue
        a.id = pid
        return
    raise Refused("chưa chọn được id / no usable id")


def _ask_area(a: Answers, asker: Asker, taken: dict[str, Path]) -> None:
    areas = sorted({p.parent.name for p in taken.values()})
    if areas:
        asker.out.write(f"  đã có / existing: {', '.join(areas)}\n")
    a.area = asker.ask("area", PROMPTS["area"], area_slug(a.place) if a.place else None,
                       required=True)
    _place_from_area(a, asker)


def ask_all(a: Answers, asker: Asker, root: Path, taken: dict[str, Path]) -> None:
    """Ask, in order, for every essential not already given as an option."""
    if a.name is None:
        a.name = asker.ask("name", PROMPTS["name"], required=True)
    for key in ("stars", "signed", "decision"):
        if getattr(a, key) is None:
            setattr(a, key, asker.ask(key, PROMPTS[key]))
    _ask_place(a, asker)
    if a.area is None:
        _ask_area(a, asker, taken)
    if a.id is None:
        _ask_id(a, asker, root, taken)
    choices: dict[str, dict[str, str] | list[str]] = {"group": GROUPS, "processing": PROCESSING}
    for key in ("group", "product_type", "processing", "subject"):
        if getattr(a, key) is None:
            if key in choices:
                asker.out.write(_listing(choices[key]))
            setattr(a, key, asker.ask(key, PROMPTS[key]))
    if a.legal_form is None and a.subject:
        asker.out.write(_listing(LEGAL_FORMS))
        a.legal_form = asker.ask("legal_form", PROMPTS["legal_form"],
                                 suggested_legal_form(a.subject))
