"""``ocop new``: start a product file from the essentials, then show what is left to fill.

An officer answers a few questions (Vietnamese, English alongside; :mod:`.asking`) or gives the
answers as options (:mod:`.answers` reads both); the command suggests the id from the name,
refuses an id already used anywhere under ``products/``, writes
``products/<area>/<id>/product.yaml`` with ``# TODO`` lines for what is still unknown (see
:mod:`generator.productfile`), creates the folder the photos go in, and runs the validator on
the new file so the officer sees what remains. Answers are read from standard input line by
line, so the questions can be answered by a script or a test.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from ...ciescape import visible
from ...dates import parse_today
from ...errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from ...findings import display_path
from ...productfile import area_slug, product_id, render, still_to_fill, taken_ids
from ...report import text_report
from ...validate import validate
from .answers import PARSERS, Answers, Refused, check_id, resolve_place
from .asking import PROMPTS, Asker, ask_all


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
    shown = visible(display_path(path, root))
    out.write(f"\nĐã tạo / created: {shown}\n"
              f"Ảnh đặt vào thư mục / put photos in: {visible(display_path(folder, root))}/\n\n")
    result = validate([path], root, today)
    out.write(text_report(result, "vi"))
    out.write(left_to_fill(path.read_text(encoding="utf-8"), still_to_fill(data)))
    if result.errors:
        out.write(f"Tệp còn {len(result.errors)} lỗi: điền các chỗ trên rồi chạy `ocop validate "
                  f"{shown}` / the file still has {len(result.errors)} error(s): fill in the "
                  "places above, then run `ocop validate`\n")
        return EXIT_FINDINGS
    return EXIT_OK


def left_to_fill(text: str, fields: list[str]) -> str:
    """The short list of what the officer still has to write: each required ``# TODO`` line
    of the file with its line number (its Vietnamese half), then the fields it concerns."""
    todos = [(n, line.split("TODO:", 1)[1].split(" / ")[0].strip())
             for n, line in enumerate(text.splitlines(), start=1)
             if line.lstrip().startswith("# TODO:")]
    if not todos and not fields:
        return ""
    lines = ["Còn phải điền / still to fill" + (f" ({', '.join(fields)})" if fields else "") + ":"]
    lines += [f"  - dòng {n}: {what}" for n, what in todos]
    return "\n".join(lines) + "\n"


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
                            help=PROMPTS[option].replace("%", "%%"))
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
