"""The report of an import, in Vietnamese with English alongside: the file, sheet, header rows
and province; where each column goes (or that it is not imported, with the rows that had data
in it); one line per row with its notes and what is still to fill; the closing counts. The same
rows and notes can be written as a CSV sheet to open beside the list."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..findings import display_path
from ..messages import Texts
from ..productfile import still_to_fill
from .flow import Context, Outcome
from .header import TARGETS, Header
from .notes import Note
from .table import Table

#: what happened to a row; slots {file}, {other}, {changes}, {added}
ACTIONS = Texts("import.actions", {
    "new": ("tạo mới {file}", "created"),
    "merged": ("cùng sản phẩm với dòng {other}, gộp vào {file}{added}", "same product as row "
               "{other}, merged into it"),
    "updated": ("cập nhật {file}: {changes}", "updated"),
    "unchanged": ("đã có {file}, không có gì mới", "already there, nothing new"),
    "exists": ("đã có {file}; bảng khác ở: {changes} — không ghi đè, chạy lại với --update để "
               "cập nhật", "exists; the sheet differs in: {changes} — not overwritten, run again "
               "with --update to update it"),
    "blocked": ("không cập nhật {file}", "not updated"),
    "broken": ("không nhập được", "not imported"),
    "duplicate": ("trùng dòng {other} — bỏ qua", "duplicate of row {other} — skipped"),
    "empty": ("dòng trống — bỏ qua", "empty row — skipped"),
    "closing": ("phần cuối văn bản, từ «{other}» (nơi nhận, chữ ký, tổng cộng…) — không phải "
                "sản phẩm, không nhập", "the end of the document, from «{other}» (recipients, "
                "signatures, totals…) — not products, not imported"),
    "totals": ("dòng tổng cộng «{other}», không phải sản phẩm — bỏ qua",
               "a totals row, not a product — skipped"),
    "section": ("dòng tiêu đề mục «{other}», không phải sản phẩm — bỏ qua",
                "section heading, not a product — skipped"),
    "no_name": ("không nhập được", "not imported"),
    "ambiguous": ("không nhập được", "not imported"),
})
#: the actions that write a file, as a dry run says them
DRY = Texts("import.dry", {
    "new": ("sẽ tạo {file}", "would be created"),
    "updated": ("sẽ cập nhật {file}: {changes}", "would be updated"),
})
#: the counts of the summary, in this order (zero counts are left out)
COUNTED = Texts("import.counted", {
    "new": ("tạo mới", "new"), "merged": ("gộp", "merged"), "updated": ("cập nhật", "updated"),
    "unchanged": ("không đổi", "unchanged"), "exists": ("cần --update", "need --update"),
    "duplicate": ("trùng", "duplicate"), "skipped": ("không nhập", "not imported"),
})


def outcome_line(outcome: Outcome, root: Path, *, dry_run: bool = False) -> str:
    table = DRY if dry_run and outcome.action in DRY else ACTIONS
    params = {"file": display_path(outcome.plan.path, root) if outcome.plan else "",
              "other": outcome.other, "changes": ", ".join(outcome.changes),
              "added": ": " + ", ".join(outcome.changes) if outcome.changes else ""}
    name = f" «{outcome.name}»" if outcome.name else ""
    vi, en = table(outcome.action, "vi", **params), table(outcome.action, "en", **params)
    rows = (f"{outcome.number}–{outcome.last}" if outcome.last > outcome.number
            else str(outcome.number))
    return f"Dòng {rows}{name}: {vi} / {en}"


def outcome_lines(outcome: Outcome, root: Path, *, dry_run: bool = False) -> list[str]:
    """The report lines of one row: what happened, each note, and what is left to fill."""
    lines = [outcome_line(outcome, root, dry_run=dry_run)]
    lines += ["  " + n.text() for n in outcome.notes]
    plan = outcome.plan
    if plan is not None and plan.data is not None and (
            (outcome.action == "new") or (outcome.action == "updated" and plan.changes)):
        left = still_to_fill(plan.data)
        if left:
            lines.append("  còn phải điền / still to fill: " + ", ".join(left))
    return lines


def column_lines(table: Table, header: Header, end: int | None = None) -> tuple[list[str],
                                                                              list[Note]]:
    """One line per column: where it goes, or that it is not imported (with the rows above the
    closing block that had data in it, so nothing is dropped silently)."""
    lines, problems = [], []
    for column in header.columns:
        used = [str(r + 1) for r in range(header.last + 1, end or len(table.rows))
                if table.rows[r][column.index] is not None]
        if column.field:
            lines.append(f"  {column.letter} «{column.title}» → {TARGETS[column.field]}")
        elif column.title or used:
            title = f"«{column.title}»" if column.title else "(không có tiêu đề / no heading)"
            rows = ", ".join(used) or "—"
            lines.append(f"  {column.letter} {title} → không có trường tương ứng, không nhập (dữ "
                         f"liệu ở dòng {rows}) / no matching field, not imported (data in rows "
                         f"{rows})")
            if used:
                problems.append(Note("unmapped", column))
    return lines, problems


def _counts(outcomes: list[Outcome]) -> tuple[int, int, str]:
    """(product rows, empty rows, the non-zero counts as the summary lists them)."""
    count = {a: sum(o.action == a for o in outcomes) for a in ACTIONS}
    products = sum(count.values()) - sum(count[a] for a in ("empty", "section", "closing",
                                                              "totals"))
    count["skipped"] = sum(count[a] for a in ("no_name", "ambiguous", "broken", "blocked"))
    parts = [f"{count[key]} {vi} / {en}" for key, (vi, en) in COUNTED.items() if count[key]]
    return products, count["empty"], ", ".join(parts) or "—"


def summary(outcomes: list[Outcome], problems: int, *, dry_run: bool) -> list[str]:
    """The closing lines: counts (zero counts left out) and what to do next."""
    products, empty_rows, parts = _counts(outcomes)
    head = "Tổng kết (chạy thử) / summary (dry run)" if dry_run else "Tổng kết / summary"
    empty = f"; {empty_rows} dòng trống / empty" if empty_rows else ""
    return [
        f"{head}: {products} dòng sản phẩm / product rows ({parts}){empty}; "
        f"{problems} chỗ cần xem lại / to review.",
        "CHẠY THỬ: chưa ghi tệp nào. / DRY RUN: no file written." if dry_run else
        "Tiếp theo: mở từng tệp mới, điền các trường «còn phải điền», rồi chạy `ocop validate`. / "
        "Next: open each new file, fill in what is listed, then run `ocop validate`.",
    ]


def header_lines(source: str, table: Table, ctx: Context) -> list[str]:
    header = ctx.header
    encoding = f", mã hoá / encoding {table.encoding}" if table.encoding else ""
    rows = (f"{header.first + 1}" if header.first == header.last
            else f"{header.first + 1}–{header.last + 1}")
    if ctx.province is not None:
        where = f"{ctx.province} — theo dòng {ctx.province_row} / from row {ctx.province_row}"
    else:
        where = ("không thấy tên tỉnh ở các dòng trên tiêu đề; tra theo tên huyện / not named "
                 "above the header; looked up from the district names")
    return [f"Nhập / import: {source} — trang tính / sheet «{table.title}»{encoding}",
            f"Dòng tiêu đề / header rows: {rows}; tỉnh / province: {where}",
            "Cột / columns:"]


Pair = tuple[Outcome | None, Note | None]


def report(source: str, table: Table, ctx: Context, outcomes: list[Outcome], *,
           dry_run: bool) -> tuple[list[str], list[Pair]]:
    """The report lines, and each (row, note) pair for a CSV report."""
    lines = header_lines(source, table, ctx)
    columns, unmapped = column_lines(table, ctx.header, ctx.end)
    lines += columns
    if dry_run:
        lines.append("CHẠY THỬ (--dry-run): không ghi tệp nào. / DRY RUN (--dry-run): no file "
                     "is written.")
    lines.append("")
    pairs: list[Pair] = [(None, n) for n in unmapped]
    for outcome in outcomes:
        lines += outcome_lines(outcome, ctx.root, dry_run=dry_run)
        pairs += [(outcome, n) for n in outcome.notes] or [(outcome, None)]
    problems = len(unmapped) + sum(n.problem for o in outcomes for n in o.notes)
    lines += ["", *summary(outcomes, problems, dry_run=dry_run)]
    return lines, pairs


_CSV_HEADINGS = ["Dòng / row", "Cột / column", "Tiêu đề cột / heading", "Kết quả / result",
                 "Tệp / file", "Ghi chú / note (vi)", "Ghi chú / note (en)", "Cần xem lại / to review"]


def _csv_row(outcome: Outcome | None, item: Note | None, root: Path, dry_run: bool) -> list[object]:
    result = outcome_line(outcome, root, dry_run=dry_run).split(": ", 1)[1] if outcome else ""
    column = item.column if item else None
    return [outcome.number if outcome else "", column.letter if column else "",
            column.title if column else "", result,
            display_path(outcome.plan.path, root) if outcome and outcome.plan else "",
            item.message("vi") if item else "", item.message("en") if item else "",
            "x" if item and item.problem else ""]


def write_csv_report(path: Path, pairs: list[Pair], root: Path, *, dry_run: bool) -> None:
    """The report as a sheet the officer can open beside the list (UTF-8 with BOM for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_CSV_HEADINGS)
    writer.writerows(_csv_row(outcome, item, root, dry_run) for outcome, item in pairs)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
