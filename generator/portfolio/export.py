"""The portfolio review as CSV files (UTF-8 with BOM, so Excel reads the diacritics) and as
JSON (for scripts and the weekly workflow)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..ciescape import json_text
from ..model.product import Product
from .compute import Portfolio, Row, star_key
from .gaps import gaps_of
from .sheets import Sheet, product_sheet, sheets

#: the CSV file listing the files that were not counted
NOT_COUNTED = "khong-tinh"


def csv_text(sheet: Sheet) -> str:
    """One sheet as CSV text (the total as the last row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.columns)
    writer.writerows(sheet.rows)
    if sheet.total is not None:
        writer.writerow(sheet.total)
    return out.getvalue()


def csv_files(portfolio: Portfolio, lang: str) -> dict[str, str]:
    """File name → CSV text, one file per table, plus every product and the files not counted."""
    files = {f"{s.name}.csv": csv_text(s) for s in [*sheets(portfolio, lang),
                                                     product_sheet(portfolio, lang)]}
    missing = Sheet(NOT_COUNTED, "", ("file",), tuple((f,) for f in portfolio.not_counted), "")
    files[f"{NOT_COUNTED}.csv"] = csv_text(missing)
    return files


def write_csv(folder: Path, portfolio: Portfolio, lang: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in sorted(csv_files(portfolio, lang).items()):
        path = folder / name
        path.write_text(text, encoding="utf-8-sig", newline="")
        written.append(path)
    return written


def _ids(products: tuple[Product, ...] | list[Product]) -> list[str]:
    return [p.id for p in products]


def _rows(rows: tuple[Row, ...]) -> list[dict[str, Any]]:
    return [{"key": row.key, "n": row.n, "products": _ids(row.products)} for row in rows]


def _product(product: Product, portfolio: Portfolio) -> dict[str, Any]:
    return {"id": product.id, "file": product.source_file, "name": product.name.vi,
            "subject": product.subject.name if product.subject else None,
            "stars": star_key(product, portfolio.today), "area": product.area.name,
            "processing": product.processing, "gaps": sorted(gaps_of(product))}


def _follow_up(portfolio: Portfolio) -> dict[str, Any]:
    review = portfolio.follow_up
    return {"due": [{"id": p.id, "since": d.since.iso(), "due": d.due.isoformat()}
                    for p, d in review.due],
            "overdue": [{"id": p.id, "action": o.action.what, "deadline": o.deadline.isoformat(),
                         "checked": o.check.date.iso()} for p, o in review.overdue],
            "violations": _ids(list(review.violations))}


def json_data(portfolio: Portfolio) -> dict[str, Any]:
    """The whole review as plain data: codes and product ids, no translated words."""
    return {
        "today": portfolio.today.isoformat(), "area": portfolio.area, "counted": portfolio.total,
        "not_counted": list(portfolio.not_counted),
        "counts": {name: {"total": t.total, "rows": _rows(t.rows)}
                   for name, t in portfolio.counts.items()},
        "same_type": [{"product_type": g.product_type, "area": g.area, "subjects": g.subjects,
                       "products": _ids(list(g.products))} for g in portfolio.same_type],
        "little_processed": _rows(portfolio.little_processed.rows),
        "expiring_by_month": [{"month": m.start.strftime("%Y-%m"), "n": m.n,
                               "products": _ids(list(m.products))} for m in portfolio.months],
        "lapsed": [{"id": x.product.id, "stars": x.recognition.stars,
                    "since": x.since.isoformat(), "months": x.months} for x in portfolio.lapsed],
        "follow_up": _follow_up(portfolio),
        "gaps": _rows(portfolio.gaps),
        "localities": [{"name": x.name, "n": len(x.products), "share": round(x.share, 4),
                        "products": _ids(list(x.products))} for x in portfolio.localities],
        "products": [_product(p, portfolio) for p in portfolio.products],
    }


def json_report(portfolio: Portfolio) -> str:
    return json_text(json_data(portfolio))
