"""``ocop new``: start a product file from the essentials, then show what is left to fill.

An officer answers a few questions (Vietnamese, English alongside) or gives the answers as
options; the command suggests the id from the name, refuses an id already used anywhere under
``products/``, writes ``products/<area>/<id>/product.yaml`` with ``# TODO`` lines for what is
still unknown (see :mod:`generator.productfile`), creates the folder the photos go in, and runs
the validator on the new file so the officer sees what remains. Answers are read from standard
input line by line, so the questions can be answered by a script or a test.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from ..checks.fields import suggested_legal_form
from ..checks.schema import subschema
from ..dates import parse_today
from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from ..findings import display_path
from ..importer import parse_date, parse_decision, parse_stars
from ..places.record import UnknownPlace, recorded, scheme_on
from ..productfile import ID_PATTERN, area_slug, product_id, render, still_to_fill, taken_ids
from ..report import text_report
from ..textfold import fold
from ..validate import validate

_ATTEMPTS = 3

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
    "decision": lambda text: parse_decision(text)[0], "commune_code": _code(5),
    "district_code": _code(3), "province_code": _code(2), "area": _area, "id": str.strip,
    "group": _choice(GROUPS), "product_type": _product_type,
    "processing": _choice(list(PROCESSING)), "subject": _name,
    "legal_form": _choice(list(LEGAL_FORMS)),
}


# --- the place --------------------------------------------------------------------------------

def resolve_place(a: Answers) -> None:
    """``origin.recorded`` from the codes: units as they were on the signing date (after
    1 July 2025 there are no districts)."""
    if not (a.commune_code or a.district_code or a.province_code):
        return
    scheme = scheme_on(a.signed, with_district=bool(a.district_code))
    try:
        a.recorded, a.place = recorded(a.commune_code, a.district_code, a.province_code, scheme)
    except UnknownPlace as error:
        raise Refused(str(error)) from error


# --- asking -----------------------------------------------------------------------------------

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
        for _ in range(_ATTEMPTS):
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


_PROMPTS = {
    "name": "Tên sản phẩm, như trong quyết định / Product name, as in the decision",
    "stars": "Hạng sao (3, 4, 5; Enter nếu chưa biết) / Stars (Enter if unknown)",
    "signed": "Ngày ký quyết định (29/12/2022; Enter nếu chưa biết) / Signing date",
    "decision": "Số quyết định (3610/QĐ-UBND; Enter nếu chưa biết) / Decision number",
    "commune_code": "Mã xã, 5 số (Enter nếu không biết) / Commune code, 5 digits",
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


def _free_id(a: Answers, taken: dict[str, Path]) -> str:
    base = product_id(a.name or "") or "san-pham"
    options = [base] if len(base) >= 3 else []
    options += [f"{base}-{a.area}", *(f"{base}-{a.area}-{n}" for n in range(2, 1000))]
    return next(o for o in options if o not in taken)


def check_id(pid: str, taken: dict[str, Path], root: Path, a: Answers) -> None:
    """Refuse an id that is malformed or already used anywhere under products/."""
    if not ID_PATTERN.fullmatch(pid) or not 3 <= len(pid) <= 80:
        raise Refused(f"«{pid}»: id chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, 3–80 "
                      "ký tự / an id is 3–80 lowercase ASCII letters, digits and hyphens")
    if pid in taken:
        where = display_path(taken[pid], root)
        raise Taken(f"id «{pid}» đã có ở {where} — nếu là cùng sản phẩm, hãy sửa tệp đó; nếu "
                      f"là sản phẩm khác, chọn id khác, ví dụ «{_free_id(a, taken)}» / id «{pid}» "
                      f"is already used by {where} — if it is the same product, edit that file; "
                      "otherwise choose another id")


def _ask_place(a: Answers, asker: Asker) -> None:
    for _ in range(_ATTEMPTS):
        if not (a.commune_code or a.district_code or a.province_code):
            a.commune_code = asker.ask("commune_code", _PROMPTS["commune_code"])
            if a.commune_code is None:
                a.district_code = asker.ask("district_code", _PROMPTS["district_code"])
            if a.commune_code is None and a.district_code is None:
                a.province_code = asker.ask("province_code", _PROMPTS["province_code"])
        try:
            resolve_place(a)
        except Refused as error:
            asker.out.write(f"  {error}\n")
            a.commune_code = a.district_code = a.province_code = None
            continue
        if a.recorded:
            units = [a.recorded[k]["name"] for k in ("commune", "district", "province")
                     if k in a.recorded]
            asker.out.write(f"  → {', '.join(units)}\n")
        return
    raise Refused("mã đơn vị hành chính không dùng được / the administrative codes cannot be used")


def _ask_id(a: Answers, asker: Asker, root: Path, taken: dict[str, Path]) -> None:
    wanted = product_id(a.name or "")
    if wanted in taken:
        asker.out.write(f"  id «{wanted}» đã có ở {display_path(taken[wanted], root)} — nếu là cùng "
                        "sản phẩm, hãy sửa tệp đó thay vì tạo mới / already used — if it is the "
                        "same product, edit that file instead\n")
    for _ in range(_ATTEMPTS):
        pid = asker.ask("id", _PROMPTS["id"], default=_free_id(a, taken))
        try:
            check_id(pid, taken, root, a)
        except Refused as error:
            asker.out.write(f"  {error}\n")
            continue
        a.id = pid
        return
    raise Refused("chưa chọn được id / no usable id")


def ask_all(a: Answers, asker: Asker, root: Path, taken: dict[str, Path]) -> None:
    """Ask, in order, for every essential not already given as an option."""
    if a.name is None:
        a.name = asker.ask("name", _PROMPTS["name"], required=True)
    for key in ("stars", "signed", "decision"):
        if getattr(a, key) is None:
            setattr(a, key, asker.ask(key, _PROMPTS[key]))
    _ask_place(a, asker)
    if a.area is None:
        areas = sorted({p.parent.name for p in taken.values()})
        asker.out.write(f"  đã có / existing: {', '.join(areas) or '—'}\n")
        a.area = asker.ask("area", _PROMPTS["area"], area_slug(a.place) if a.place else None,
                           required=True)
    if a.id is None:
        _ask_id(a, asker, root, taken)
    choices: dict[str, dict[str, str] | list[str]] = {"group": GROUPS, "processing": PROCESSING}
    for key in ("group", "product_type", "processing", "subject"):
        if getattr(a, key) is None:
            if key in choices:
                asker.out.write(_listing(choices[key]))
            setattr(a, key, asker.ask(key, _PROMPTS[key]))
    if a.legal_form is None and a.subject:
        asker.out.write(_listing(LEGAL_FORMS))
        a.legal_form = asker.ask("legal_form", _PROMPTS["legal_form"],
                                 suggested_legal_form(a.subject))


def complete(a: Answers, root: Path, taken: dict[str, Path]) -> None:
    """Without questions: check what the options give and fill the defaults."""
    if a.name is None:
        raise Refused("cần --name (tên sản phẩm) / --name is required")
    resolve_place(a)
    if a.area is None and a.place is None:
        raise Refused("cần --area, hoặc mã xã/huyện để suy ra địa phương / --area is required, "
                      "or a commune/district code to derive it from")
    a.area = a.area or area_slug(a.place or "")
    if a.id is None:
        check_id(product_id(a.name), taken, root, a)
        a.id = product_id(a.name)


# --- the file ---------------------------------------------------------------------------------

def build(a: Answers) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The product data from the answers, and the TODO comments for its recognition."""
    data: dict[str, Any] = {"id": a.id, "name": {"vi": a.name}}
    for key in ("product_type", "group", "processing"):
        if getattr(a, key):
            data[key] = getattr(a, key)
    if a.subject:
        data["subject"] = {"name": a.subject, **({"legal_form": a.legal_form}
                                                 if a.legal_form else {})}
    entry = {k: v for k, v in (("decision", a.decision), ("signed", a.signed),
                               ("stars", a.stars)) if v is not None}
    comments: dict[str, list[str]] = {}
    if entry:
        data["recognitions"] = [entry]
        if "signed" not in entry:
            comments["recognitions[0].signed"] = [
                "TODO: ngày ký quyết định, dạng NĂM-THÁNG-NGÀY, ví dụ `signed: 2022-12-29` / the "
                "signing date as YEAR-MONTH-DAY"]
        if "stars" not in entry:
            comments["recognitions[0].stars"] = [
                "TODO: hạng sao theo quyết định (3, 4 hoặc 5), ví dụ `stars: 4` / the stars"]
    if a.recorded:
        data["origin"] = {"recorded": a.recorded}
    return data, comments


def write_and_check(a: Answers, root: Path, today: date, out: TextIO) -> int:
    data, comments = build(a)
    folder = root / "products" / str(a.area) / str(a.id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "product.yaml"
    path.write_text(render(data, comments=comments), encoding="utf-8")
    shown = display_path(path, root)
    out.write(f"\nĐã tạo / created: {shown}\n"
              f"Ảnh đặt vào thư mục / put photos in: {display_path(folder, root)}/\n\n")
    out.write(text_report(validate([path], root, today), "vi"))
    left = still_to_fill(data)
    if left:
        out.write(f"Còn phải điền / still to fill: {', '.join(left)}\n")
    return EXIT_OK


# --- the command ------------------------------------------------------------------------------

_OPTIONS = ("id", "name", "area", "group", "product_type", "processing", "subject", "legal_form",
            "stars", "signed", "decision", "province_code", "district_code", "commune_code")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "new", help="tạo tệp sản phẩm mới / start a new product file",
        description="Hỏi các thông tin chính (hoặc lấy từ tuỳ chọn), tạo products/<địa-phương>/"
        "<id>/product.yaml và thư mục ảnh, rồi kiểm tra để thấy còn thiếu gì. / Ask for the "
        "essentials (or take them as options), write products/<area>/<id>/product.yaml and the "
        "photo folder, then validate it to show what is left.")
    for option in _OPTIONS:
        parser.add_argument("--" + option.replace("_", "-"), dest=option, metavar="VALUE",
                            help=_PROMPTS[option].replace("%", "%%"))
    parser.add_argument("--non-interactive", action="store_true",
                        help="không hỏi; chỉ dùng các tuỳ chọn / ask nothing, use the options only")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục gốc của kho dữ liệu / repository root (default: .)")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="kiểm tra hạn hiệu lực theo ngày này / validate as of this date")
    parser.set_defaults(func=run)


def _from_options(args: argparse.Namespace) -> Answers:
    a = Answers()
    for option in _OPTIONS:
        value = getattr(args, option, None)
        if value is not None:
            setattr(a, option, PARSERS[option](value))
    return a


def run(args: argparse.Namespace, src: TextIO | None = None, out: TextIO | None = None) -> int:
    src, out = src or sys.stdin, out or sys.stdout
    root: Path = args.root.absolute()
    taken = taken_ids(root)
    try:
        a = _from_options(args)
        today = parse_today(args.today)
    except (UsageError, ValueError) as error:
        print(f"ocop new: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if a.id is not None:
            check_id(a.id, taken, root, a)
        if args.non_interactive:
            complete(a, root, taken)
        else:
            ask_all(a, Asker(src, out), root, taken)
    except Refused as error:
        print(f"ocop new: {error}", file=sys.stderr)
        return error.exit_code
    return write_and_check(a, root, today, out)
