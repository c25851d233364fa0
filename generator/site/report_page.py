"""The officers' "Rà soát danh mục / Portfolio review" page: the same computation and tables as
``ocop report`` (:mod:`generator.portfolio`), with a chart beside the tables that have one.

The page is listed in ``extra.officers`` (mkdocs.yml), so it is linked from the footer, carries
``noindex`` and stays out of sitemap.xml like the other officers' pages; it has no
``data-pagefind-body``, so search never finds it. Follow-up data appear only here.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..dates import day
from ..forkpool import Background
from ..model.product import Product
from ..portfolio.charts import Bar, bar_chart, timeline_chart
from ..portfolio.compute import Portfolio, compute
from ..portfolio.sheets import SECTION_INTROS, SECTIONS, Sheet, capped, sheets
from ..portfolio.texts import SAY
from .render import render

if TYPE_CHECKING:
    from .pages import Planner, SourceFile

#: the page's path in the site source (its URL is ``ra-soat-danh-muc/``)
PATH = "ra-soat-danh-muc.md"
URL = "ra-soat-danh-muc/"
#: count tables drawn as bars (the commune table is long: a table only)
BAR_SHEETS = ("so-luong-stars", "so-luong-group", "so-luong-district", "so-luong-legal_form",
              "so-luong-processing", "thieu-du-lieu", "dia-phuong-chi-thi")
TIMELINE_SHEETS = ("het-han-theo-thang",)


@dataclass(frozen=True)
class SheetView:
    sheet: Sheet  # its "Các sản phẩm" cells cut to a dozen names (the CSV files list all)
    chart: Markup | None
    links: tuple[str, ...]  # per row: the product page ("" when it has none)


def _capped(sheet: Sheet, lang: str) -> Sheet:
    column = SAY("c.products", lang)
    if column not in sheet.columns:
        return sheet
    at = sheet.columns.index(column)
    rows = tuple(tuple(capped(c, lang) if i == at else c for i, c in enumerate(row))
                 for row in sheet.rows)
    return replace(sheet, rows=rows)


@dataclass(frozen=True)
class SectionView:
    number: int
    title: str
    intro: str
    sheets: tuple[SheetView, ...]


def _bars(sheet: Sheet) -> list[Bar]:
    return [Bar(row[0], int(row[1])) for row in sheet.rows]


def chart(sheet: Sheet) -> Markup | None:
    """The SVG drawn for ``sheet``, if it has one (its numbers are in the table beside it)."""
    if sheet.name in BAR_SHEETS and sheet.rows:
        return Markup(bar_chart(f"chart-{sheet.name}", sheet.title, _bars(sheet)))
    if sheet.name in TIMELINE_SHEETS and sheet.rows:
        return Markup(timeline_chart(f"chart-{sheet.name}", sheet.title, _bars(sheet)))
    return None


def _links(sheet: Sheet, pages: Collection[str], root: str) -> tuple[str, ...]:
    return tuple(f"{root}san-pham/{i}/" if i in pages else "" for i in sheet.ids)


def sections(portfolio: Portfolio, lang: str, pages: Collection[str],
             root: str = "../") -> list[SectionView]:
    tables = sheets(portfolio, lang)
    out = []
    for number, key in enumerate(SECTIONS, 1):
        views = tuple(SheetView(_capped(s, lang), chart(s), _links(s, pages, root))
                      for s in tables if s.section == key)
        intro = SAY(SECTION_INTROS[key], lang) if key in SECTION_INTROS else ""
        out.append(SectionView(number, SAY(key, lang), intro, views))
    return out


def page_body(products: Sequence[Product], today: date, lang: str,
              pages: Collection[str]) -> str:
    """The page's HTML block (every product the site was built from is counted: a site is
    built only when no file has errors)."""
    portfolio = compute(products, (), today)
    return render("portfolio.html", lang, today=day(today), root="../",
                  title=SAY("title", lang), counted=SAY("counted", lang, n=portfolio.total),
                  intro=SAY("intro", lang), none=SAY("none", lang), file_column=SAY("c.file", lang),
                  sections=sections(portfolio, lang, pages))


def portfolio_body(planner: Planner) -> Background[str]:
    """The page's body, computed on the other core while :meth:`Planner.files` plans the rest
    (at 20,000 products it takes 4 s, and every change to a product changes it)."""
    return Background(page_body, planner.products, planner.today, planner.config.language,
                      frozenset(v.id for v in planner.views))


def portfolio_page(planner: Planner, body: str | None = None) -> SourceFile:
    """The page's source file, for :meth:`Planner.files`; ``body``: from
    :func:`portfolio_body`, else made now."""
    from .pages import PageSource, SourceFile, page_meta  # pages.py lists this page: import it late

    lang = planner.config.language
    if body is None:
        body = page_body(planner.products, planner.today, lang, {v.id for v in planner.views})
    front = page_meta(SAY("title", lang), f"{SAY('title', lang)} — {planner.config.region}",
                          {"kind": "officers"})
    return SourceFile(PATH, page=PageSource(front, body))


def page_address(root: Path) -> str | None:
    """The portfolio page's absolute address on the published site, when ``root/mkdocs.yml``
    lists it among the officers' pages (``ocop review`` links duplicate types to it)."""
    from .config import read_mkdocs_yml

    path = root / "mkdocs.yml"
    if not path.is_file():
        return None
    data = read_mkdocs_yml(path)
    site_url = data.get("site_url")
    officers = (data.get("extra") or {}).get("officers") or {}
    pages = officers.get("pages") if isinstance(officers, dict) else None
    listed = isinstance(pages, list) and any(isinstance(p, dict) and p.get("url") == URL
                                             for p in pages)
    if not isinstance(site_url, str) or not site_url.startswith("http") or not listed:
        return None
    return site_url.rstrip("/") + "/" + URL
