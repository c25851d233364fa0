"""The ``ocop import`` command: its options, and the run from the file to the report (exit 0
when nothing needs review, 1 when a row or cell does or the file cannot be read, 2 when the
file is not there)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..ciescape import plain, visible
from ..errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, SheetError
from ..findings import display_path
from .flow import Context, import_table, write_plans
from .header import pick_header
from .place import find_province
from .report import Pair, report, write_csv_report
from .table import read_tables


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "import", help="nhập danh sách sản phẩm từ Excel/CSV / import a product list (Excel, CSV)",
        description="Tạo tệp sản phẩm từ danh sách sản phẩm OCOP của tỉnh (Excel .xlsx hoặc CSV): "
        "mỗi dòng một sản phẩm. Không ghi đè sản phẩm đã có nếu không dùng --update. / Create "
        "product files from the province's list of OCOP products (.xlsx or .csv), one row per "
        "product. Existing products are never overwritten without --update.")
    parser.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv",
                        help="danh sách sản phẩm / the product list")
    parser.add_argument("--area-from", choices=["district", "commune"], default="district",
                        help="đặt thư mục địa phương theo huyện (mặc định) hay xã / name the area "
                        "folder after the district (default) or the commune")
    parser.add_argument("--update", action="store_true",
                        help="cập nhật sản phẩm đã có bằng dữ liệu trong bảng / update existing "
                        "products with what the sheet gives")
    parser.add_argument("--dry-run", action="store_true",
                        help="chỉ báo cáo, không ghi tệp / report only, write nothing")
    parser.add_argument("--report", type=Path, metavar="FILE",
                        help="ghi báo cáo ra tệp (.csv để mở bằng Excel, khác: văn bản) / also "
                        "write the report to FILE (.csv opens in Excel; otherwise text)")
    parser.add_argument("--sheet", help="tên trang tính / sheet name (default: the first one "
                        "with a header row)")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục gốc của kho dữ liệu / repository root (default: .)")
    parser.set_defaults(func=run)


def _write_report(target: Path, text: str, pairs: list[Pair], root: Path, dry_run: bool) -> None:
    """``--report``: a CSV sheet for a ``.csv`` name, else the text that was printed."""
    if target.suffix.lower() == ".csv":
        write_csv_report(target, pairs, root, dry_run=dry_run)
    else:
        target.write_text(text, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"ocop import: không tìm thấy / not found: {visible(path)}")
        return EXIT_USAGE
    try:
        table, header = pick_header(read_tables(path), args.sheet)
    except SheetError as error:
        print(f"ocop import: {visible(path)}: {plain(str(error))}")
        return error.exit_code
    root = args.root.absolute()
    ctx = Context(root, header, area_from=args.area_from, update=args.update)
    ctx.province, ctx.province_row = find_province(table.rows[: header.first])
    outcomes, plans = import_table(table, ctx)
    if not args.dry_run:
        write_plans(plans, root)
    lines, pairs = report(display_path(path, root), table, ctx, outcomes, dry_run=args.dry_run)
    text = "\n".join(lines) + "\n"
    print(plain(text), end="")
    if args.report is not None:
        _write_report(args.report, text, pairs, root, args.dry_run)
    has_problems = any(n.problem for _, n in pairs if n is not None)
    return EXIT_FINDINGS if has_problems else EXIT_OK
