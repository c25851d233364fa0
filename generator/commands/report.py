"""``ocop report``: the officers' portfolio review of the whole catalogue (issue 12), as
Markdown (for an issue or a meeting), CSV files (for Excel) or JSON.

It reports and never fails: exit 0 whatever the catalogue holds (files with errors are named
as not counted), 2 only for a bad command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..ciescape import plain, visible
from ..dates import parse_today
from ..errors import EXIT_OK, UsageError
from ..messages import Texts
from ..portfolio.catalogue import review
from ..portfolio.export import json_report, write_csv
from ..portfolio.markdown import markdown_report, weekly_markdown

SAY = Texts("report", {
    "no_products": ("không tìm thấy thư mục {folder}", "folder {folder} not found"),
    "wrote": ("đã ghi {n} tệp CSV vào {folder}", "wrote {n} CSV files to {folder}"),
    "cannot_write": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
})

#: where ``--format csv`` writes without ``-o``
CSV_FOLDER = "ra-soat-danh-muc"


def add_parser(commands: Any) -> None:
    """Register ``ocop report``."""
    parser = commands.add_parser(
        "report", help="rà soát danh mục cho cán bộ / the officers' portfolio review",
        description="Rà soát cả danh mục theo chỉ thị của tỉnh: số lượng, sản phẩm trùng loại, "
        "sản phẩm thô, hạn công nhận, kiểm tra sau công nhận, thiếu dữ liệu (luôn thoát 0). / "
        "Review the whole catalogue as the province's directive asks (always exits 0).")
    parser.add_argument("--format", choices=["md", "csv", "json", "weekly"], default="md",
                        help="md (Markdown), csv (các tệp CSV cho Excel / CSV files), json, "
                        "weekly (phần cho issue hằng tuần / the weekly issue's part)")
    parser.add_argument("--added", type=Path, metavar="FILE",
                        help="weekly: tệp liệt kê các tệp sản phẩm mới thêm, mỗi dòng một tệp "
                        "(git log --diff-filter=A --name-only) / product files added this week")
    parser.add_argument("-o", "--output", type=Path, metavar="PATH",
                        help="tệp (md, json) hoặc thư mục (csv; mặc định ra-soat-danh-muc/) / "
                        "a file (md, json) or a folder (csv)")
    parser.add_argument("--area", metavar="NAME",
                        help="chỉ một địa phương: thư mục (tien-phuoc), huyện cũ hoặc xã hiện nay "
                        "/ one area only: its folder, former district or current commune")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi", help="ngôn ngữ / language")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="tính hạn theo ngày này / compute validity as of this date")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục gốc của kho dữ liệu / repository root (default: .)")
    parser.set_defaults(func=run)


def _write(path: Path | None, text: str) -> None:
    if path is None:
        sys.stdout.write(text)
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(SAY("cannot_write", "vi", path=visible(path),
                             reason=error.strerror)) from error


def _added(path: Path | None) -> set[str]:
    if path is None:
        return set()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"--added {visible(path)}: {error.strerror}") from error
    return {line.strip() for line in text.splitlines() if line.strip()}


def run(args: argparse.Namespace) -> int:
    """``ocop report``: 0 always (a report never fails a build); bad usage is an OcopError."""
    today = parse_today(args.today)
    if not (args.root / "products").is_dir():
        raise UsageError(SAY("no_products", args.lang, folder=visible(args.root / "products")))
    portfolio = review(args.root, today, args.area)
    if args.format == "csv":
        folder = args.output or Path(CSV_FOLDER)
        written = write_csv(folder, portfolio, args.lang)
        print(SAY("wrote", args.lang, n=len(written), folder=visible(folder)), file=sys.stderr)
    elif args.format == "json":
        _write(args.output, json_report(portfolio))
    elif args.format == "weekly":
        _write(args.output, plain(weekly_markdown(portfolio, _added(args.added), args.lang)))
    else:
        _write(args.output, plain(markdown_report(portfolio, args.lang)))
    return EXIT_OK
