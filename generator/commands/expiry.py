"""``ocop expiry``: which star recognitions have expired, expire soon, or cannot be dated.

For the scheduled weekly CI run: it reads the whole catalogue (without decoding photos), takes
each product's latest recognition and lists those that expired (since when), that end within
``--within`` days (default 90, as the validator's notice), and those whose signing date is too
vague (year or month only) to tell. It reports; it never fails the job (exit 0, 2 on bad usage).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..ciescape import json_text, plain, visible
from ..dates import day, parse_today
from ..errors import EXIT_OK, EXIT_USAGE, UsageError
from ..findings import display_path
from ..load.discover import discover
from ..markdown import COMMENT_LIMIT, fit, md, md_code
from ..messages import Texts
from ..model.product import Product, Recognition, RecognitionState
from ..review.recognitions import recognition_label
from ..review.snapshot import load_model
from ..rules import EXPIRY_NOTICE_DAYS
from ..validity import SAY as VALIDITY
from ..validity import inline

STATUSES = ("expiring", "expired", "unclear")

SAY = Texts("expiry", {
    "title": ("## Hạn công nhận OCOP / OCOP recognition expiry — {today}",
              "## OCOP recognition expiry — {today}"),
    "text_title": ("Hạn công nhận OCOP ngày {today}", "OCOP recognition expiry on {today}"),
    "count.expired": ("{n} đã hết hạn", "{n} expired"),
    "count.expiring": ("{n} sắp hết hạn trong {days} ngày", "{n} expiring within {days} days"),
    "count.unclear": ("{n} chưa rõ hiệu lực", "{n} with unclear validity"),
    "none": ("Không có lần công nhận nào đã hết hạn, sắp hết hạn trong {days} ngày hay chưa rõ "
             "hiệu lực", "No recognition has expired, expires within {days} days or has an "
             "unclear validity"),
    "of_products": ("trên {n} sản phẩm", "out of {n} products"),
    "note": ("Mỗi sản phẩm xét lần công nhận mới nhất; hạn là 36 tháng từ ngày ký. Danh sách để "
             "nhắc việc, không chặn gì.",
             "Each product's latest recognition counts; it is valid 36 months from signing. "
             "This list is a reminder and blocks nothing."),
    "unreadable": ("{n} tệp chưa xét được vì có lỗi (chạy `ocop validate` để xem): {files}",
                   "{n} file(s) could not be read because of errors (run `ocop validate`): "
                   "{files}"),
    "h.expiring": ("Sắp hết hạn trong {days} ngày / Expiring within {days} days",
                   "Expiring within {days} days"),
    "h.expired": ("Đã hết hạn / Expired", "Expired"),
    "h.unclear": ("Chưa rõ hiệu lực / Validity unclear", "Validity unclear"),
    "t.expiring": ("Sắp hết hạn trong {days} ngày", "Expiring within {days} days"),
    "t.expired": ("Đã hết hạn", "Expired"),
    "t.unclear": ("Chưa rõ hiệu lực", "Validity unclear"),
    "columns": ("| Sản phẩm | Địa phương | Chủ thể | Lần công nhận | Hạn |",
                "| Product | Area | Producer | Recognition | Validity |"),
    "when.expiring": ("{validity} (còn {days} ngày)", "{validity} ({days} days left)"),
    "when.expired": ("{validity}", "{validity}"),
    "when.unclear": ("{validity}; cần ngày ký đầy đủ", "{validity}; the full signing date is needed"),
    "no_products": ("không tìm thấy thư mục {folder}", "folder {folder} not found"),
    "bad_within": ("--within phải là số ngày không âm", "--within must be a number of days ≥ 0"),
    "bad_today": ("--today phải có dạng YYYY-MM-DD", "--today must be YYYY-MM-DD"),
})


@dataclass(frozen=True)
class Row:
    """One product whose latest recognition needs attention."""

    status: str  # "expired", "expiring" or "unclear"
    file: str
    product: Product
    recognition: Recognition

    @property
    def ends(self) -> tuple[date, date]:
        return self.recognition.valid_until


@dataclass
class Report:
    today: date
    within: int
    products: int = 0
    rows: list[Row] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def of(self, status: str) -> list[Row]:
        return [row for row in self.rows if row.status == status]


def classify(rec: Recognition, today: date, within: int) -> str | None:
    """``expired``, ``expiring`` (ends within ``within`` days), ``unclear`` (a vague signing
    date whose possible end is near or past) or None (in force, revoked or superseded).

    The state is the model's; only the notice window (``--within``) is this report's."""
    state = rec.state(today)
    if state is RecognitionState.EXPIRED:
        return "expired"
    if state in (RecognitionState.REVOKED, RecognitionState.SUPERSEDED):
        return None
    if rec.valid_until[0] - today >= timedelta(days=within):
        return None
    return "expiring" if rec.signed.exact else "unclear"  # a vague date: the end is a range


def _order(row: Row) -> tuple[int, str, str]:
    earliest, latest = row.ends
    key = -latest.toordinal() if row.status == "expired" else earliest.toordinal()
    return key, row.product.name.vi, row.file


def scan(root: Path, today: date, within: int) -> Report:
    """The latest recognition of every product under ``root/products``."""
    folder = root / "products"
    report = Report(today, within)
    for path in discover([folder], root).files:
        file = display_path(path, root)
        _, _, product = load_model(path.read_bytes(), file, today)
        if product is None:
            report.unreadable.append(file)
            continue
        report.products += 1
        rec = product.latest_recognition()
        status = classify(rec, today, within)
        if status is not None:
            report.rows.append(Row(status, file, product, rec))
    report.rows.sort(key=_order)
    return report


#: the validity sentence of each status, in the words of :mod:`generator.validity`
_VALIDITY = {"expiring": "until", "expired": "lapsed", "unclear": "uncertain"}


def _when(row: Row, today: date, lang: str) -> str:
    """"hiệu lực đến 21/12/2026 (còn 20 ngày)", "hết hiệu lực từ 29/12/2025", …"""
    earliest, latest = row.ends
    first_invalid = latest + timedelta(days=1)
    validity = inline(VALIDITY(_VALIDITY[row.status], lang, date=day(
        first_invalid if row.status == "expired" else earliest),
        earliest=day(earliest), latest=day(latest)))
    return SAY(f"when.{row.status}", lang, validity=validity, days=(earliest - today).days)


def headline(report: Report, lang: str) -> str:
    """"3 đã hết hạn; 2 sắp hết hạn trong 90 ngày; 1 chưa rõ hiệu lực" (non-zero counts)."""
    parts = [SAY(f"count.{status}", lang, n=len(report.of(status)), days=report.within)
             for status in ("expired", "expiring", "unclear") if report.of(status)]
    text = "; ".join(parts) if parts else SAY("none", lang, days=report.within)
    return f"{text} ({SAY('of_products', lang, n=report.products)})"


def _subject(product: Product) -> str:
    return product.subject.name if product.subject else "—"


def _table_row(row: Row, today: date, lang: str) -> str:
    product = row.product
    folder = row.file.rsplit("/", 1)[0] + "/"
    cells = [f"**{md(product.name.vi)}**<br>{md_code(folder)}", md(product.area.name),
             md(_subject(product)), recognition_label(row.recognition, lang), _when(row, today, lang)]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def markdown_report(report: Report, lang: str = "vi") -> str:
    lines = [SAY("title", lang, today=day(report.today)), "",
             f"**{headline(report, lang)}.** {SAY('note', lang)}", ""]
    if report.unreadable:
        files = ", ".join(md_code(f) for f in report.unreadable)
        lines += [SAY("unreadable", lang, n=len(report.unreadable), files=files), ""]
    for status in STATUSES:
        rows = report.of(status)
        if rows:
            lines += [f"### {SAY(f'h.{status}', lang, days=report.within)} ({len(rows)})", "",
                      SAY("columns", lang), "|---|---|---|---|---|",
                      *[_table_row(row, report.today, lang) for row in rows], ""]
    return fit("\n".join(lines), COMMENT_LIMIT, lang).rstrip("\n") + "\n"


def text_report(report: Report, lang: str = "vi") -> str:
    lines = [f"{SAY('text_title', lang, today=day(report.today))}: {headline(report, lang)}."]
    if report.unreadable:
        lines.append(SAY("unreadable", lang, n=len(report.unreadable),
                         files=", ".join(map(visible, report.unreadable))))
    for status in STATUSES:
        rows = report.of(status)
        if rows:
            lines += ["", f"{SAY(f't.{status}', lang, days=report.within)} ({len(rows)}):"]
            lines += [visible(f"  {row.file}: {row.product.name.vi} ({_subject(row.product)}, "
                              f"{row.product.area.name}) — "
                              f"{recognition_label(row.recognition, lang, plain=True)} — "
                              f"{_when(row, report.today, lang)}") for row in rows]
    return "\n".join(lines) + "\n"


def _json_row(row: Row, today: date) -> dict[str, Any]:
    earliest, latest = row.ends
    rec, product = row.recognition, row.product
    return {"file": row.file, "id": product.id, "name": product.name.vi,
            "subject": product.subject.name if product.subject else None,
            "area": product.area.name, "stars": rec.stars, "decision": rec.decision,
            "signed": rec.signed.iso(), "valid_until": earliest.isoformat(),
            "valid_until_latest": latest.isoformat(),
            "days_left": ((latest if row.status == "expired" else earliest) - today).days}


def json_report(report: Report, lang: str = "vi") -> str:
    data: dict[str, Any] = {"today": report.today.isoformat(), "within": report.within,
                            "products": report.products}
    for status in ("expired", "expiring", "unclear"):
        data[status] = [_json_row(row, report.today) for row in report.of(status)]
    data["unreadable"] = report.unreadable
    return json_text(data)


FORMATS = {"markdown": markdown_report, "text": text_report, "json": json_report}


def add_parser(commands: Any) -> None:
    """Register ``ocop expiry``."""
    parser = commands.add_parser(
        "expiry", help="hạng sao đã/sắp hết hạn / recognitions expired or expiring",
        description="Liệt kê các lần công nhận đã hết hạn, sắp hết hạn hoặc chưa rõ hiệu lực "
        "trong cả danh mục (luôn thoát 0). / List recognitions that expired, expire soon or "
        "have unclear validity across the catalogue (always exits 0).")
    parser.add_argument("--within", type=int, default=EXPIRY_NOTICE_DAYS, metavar="DAYS",
                        help="số ngày báo trước / days of notice (default 90)")
    parser.add_argument("--format", choices=sorted(FORMATS), default="markdown",
                        help="dạng kết quả / output format")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi",
                        help="ngôn ngữ / language")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="tính hạn theo ngày này / compute validity as of this date")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục gốc của kho dữ liệu / repository root (default: .)")
    parser.set_defaults(func=run)


def _usage_problem(args: argparse.Namespace, lang: str) -> str | None:
    if args.within < 0:
        return SAY("bad_within", lang)
    if not (args.root / "products").is_dir():
        return SAY("no_products", lang, folder=args.root / "products")
    return None


def run(args: argparse.Namespace) -> int:
    """``ocop expiry``: 0 always (it reports), 2 on bad usage."""
    lang = args.lang
    try:
        today = parse_today(args.today)
    except UsageError:
        print(f"ocop expiry: {SAY('bad_today', lang)}", file=sys.stderr)
        return EXIT_USAGE
    problem = _usage_problem(args, lang)
    if problem is not None:
        print(f"ocop expiry: {problem}", file=sys.stderr)
        return EXIT_USAGE
    report = scan(args.root, today, args.within)
    text = FORMATS[args.format](report, lang)
    sys.stdout.write(text if args.format == "json" else plain(text))
    return EXIT_OK
