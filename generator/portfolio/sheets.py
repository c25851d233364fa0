"""The portfolio review as tables of plain text cells: what the Markdown report, the CSV files
and the site page all print (each escapes the cells for its own format)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..dates import day
from ..model.follow_up import FOLLOW_UP_MONTHS
from ..model.product import Product
from .compute import COUNTS, Portfolio, Table, star_key
from .gaps import gaps_of
from .rules import LITTLE_PROCESSED, same_type_anchor
from .texts import SAY, label, share
from .timeline import MONTHS_AHEAD


@dataclass(frozen=True)
class Sheet:
    """One table: ``name`` is its CSV file and page anchor; the last row may be a total."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    section: str  # the heading key of the part it belongs to (``h.counts``, …)
    intro: str = ""
    total: tuple[str, ...] | None = None
    numeric: frozenset[int] = field(default_factory=frozenset)
    ids: tuple[str, ...] = ()  # when each row is a product (its first cell): the product ids


#: a cell listing products, in Markdown and on the page, shows this many names, then "and N
#: more (see the CSV files)"; the CSV files list them all
NAMES_SHOWN = 12


def capped(cell: str, lang: str) -> str:
    """A "Các sản phẩm" cell cut to :data:`NAMES_SHOWN` names."""
    names = cell.split("; ") if cell else []
    if len(names) <= NAMES_SHOWN:
        return cell
    return "; ".join([*names[:NAMES_SHOWN], SAY("and_more", lang, n=len(names) - NAMES_SHOWN)])


def _subject(product: Product) -> str:
    return product.subject.name if product.subject else "—"


def _stars(product: Product, portfolio: Portfolio, lang: str) -> str:
    return label("stars", star_key(product, portfolio.today), lang)


def _commune(product: Product, lang: str) -> str:
    current = product.origin.current
    return current.commune.name if current is not None and current.commune else \
        SAY("unknown.commune", lang)


def _count_sheet(table: Table, portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((label(table.name, row.key, lang), str(row.n),
                  share(row.n / portfolio.total if portfolio.total else 0.0, lang))
                 for row in table.rows)
    return Sheet(f"so-luong-{table.name}", SAY(f"h.{table.name}", lang),
                 (SAY(f"c.{table.name}" if table.name != "group" else "c.key", lang),
                  SAY("c.n", lang), SAY("c.share", lang)), rows, "h.counts",
                 total=(SAY("c.total", lang), str(table.total),
                        share(1.0 if portfolio.total else 0.0, lang)),
                 numeric=frozenset({1, 2}))


def _product_cells(product: Product, portfolio: Portfolio, lang: str) -> tuple[str, ...]:
    legal = product.subject.legal_form if product.subject else None
    return (product.name.vi, _subject(product), label("legal_form", legal or "", lang),
            _stars(product, portfolio, lang), _commune(product, lang), product.source_file)


def _product_columns(lang: str) -> tuple[str, ...]:
    return tuple(SAY(f"c.{key}", lang) for key in
                 ("product", "subject", "legal_form", "stars", "commune", "file"))


def same_type_sheets(portfolio: Portfolio, lang: str) -> list[Sheet]:
    out = []
    for group in portfolio.same_type:
        title = SAY("same_type.head", lang, product_type=group.product_type, area=group.area,
                    n=len(group.products), subjects=group.subjects)
        rows = tuple(_product_cells(p, portfolio, lang) for p in group.products)
        out.append(Sheet(same_type_anchor(group.product_type, group.area), title,
                         _product_columns(lang), rows, "h.same_type",
                         ids=tuple(p.id for p in group.products)))
    return out


def _little_processed(portfolio: Portfolio, lang: str) -> Sheet:
    columns = (SAY("c.district", lang), *(label("processing", p, lang) for p in LITTLE_PROCESSED),
               SAY("c.total", lang), SAY("c.products", lang))
    rows = []
    for row in portfolio.little_processed.rows:
        counts = [sum(1 for p in row.products if p.processing == level)
                  for level in LITTLE_PROCESSED]
        rows.append((label("district", row.key, lang), *map(str, counts), str(row.n),
                     "; ".join(p.name.vi for p in row.products)))
    sums = [sum(1 for p in portfolio.products if p.processing == level)
            for level in LITTLE_PROCESSED]
    return Sheet("tho-tuoi-so-che", SAY("h.little_processed", lang), columns, tuple(rows),
                 "h.little_processed", total=(SAY("c.total", lang), *map(str, sums),
                                              str(portfolio.little_processed.total), ""),
                 numeric=frozenset(range(1, len(LITTLE_PROCESSED) + 2)))


def _months(portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((m.label(), str(m.n), "; ".join(p.name.vi for p in m.products))
                 for m in portfolio.months)
    return Sheet("het-han-theo-thang", SAY("h.months", lang, n=MONTHS_AHEAD),
                 (SAY("c.month", lang), SAY("c.n", lang), SAY("c.products", lang)), rows,
                 "h.expiry", total=(SAY("c.total", lang), str(sum(m.n for m in portfolio.months)),
                                    ""), numeric=frozenset({1}))


def _lapsed(portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((item.product.name.vi, _subject(item.product), item.product.area.name,
                  SAY("stars", lang, n=item.recognition.stars), day(item.since), str(item.months),
                  item.product.source_file) for item in portfolio.lapsed)
    columns = tuple(SAY(f"c.{key}", lang) for key in
                    ("product", "subject", "district", "stars", "since", "months", "file"))
    return Sheet("het-han-chua-danh-gia-lai", SAY("h.lapsed", lang), columns, rows, "h.expiry",
                 intro=SAY("lapsed.intro", lang), numeric=frozenset({5}),
                 ids=tuple(item.product.id for item in portfolio.lapsed))


def _due(portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((p.name.vi, _subject(p), p.area.name,
                  SAY("stars", lang, n=due.recognition.stars), due.since.display(), day(due.due),
                  p.source_file) for p, due in portfolio.follow_up.due)
    columns = tuple(SAY(f"c.{key}", lang) for key in
                    ("product", "subject", "district", "stars", "last_check", "due", "file"))
    return Sheet("kiem-tra-den-han", SAY("h.due", lang, months=FOLLOW_UP_MONTHS), columns, rows,
                 "h.follow_up", ids=tuple(p.id for p, _ in portfolio.follow_up.due))


def _overdue(portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((p.name.vi, _subject(p), o.action.what, day(o.deadline), o.check.date.display(),
                  o.check.authority, p.source_file) for p, o in portfolio.follow_up.overdue)
    columns = tuple(SAY(f"c.{key}", lang) for key in
                    ("product", "subject", "action", "deadline", "checked_on", "authority", "file"))
    return Sheet("khac-phuc-qua-han", SAY("h.overdue", lang), columns, rows, "h.follow_up",
                 ids=tuple(p.id for p, _ in portfolio.follow_up.overdue))


def _violations(portfolio: Portfolio, lang: str) -> Sheet:
    rows = []
    for p in portfolio.follow_up.violations:
        check = max(p.follow_up, key=lambda c: (c.date.latest(), c.index))
        rows.append((p.name.vi, _subject(p), check.date.display(), check.authority, p.source_file))
    columns = tuple(SAY(f"c.{key}", lang) for key in
                    ("product", "subject", "checked_on", "authority", "file"))
    return Sheet("vi-pham", SAY("h.violations", lang), columns, tuple(rows), "h.follow_up",
                 ids=tuple(p.id for p in portfolio.follow_up.violations))


def _gaps(portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((label("gaps", row.key, lang), str(row.n),
                  share(row.n / portfolio.total if portfolio.total else 0.0, lang),
                  "; ".join(p.name.vi for p in row.products)) for row in portfolio.gaps)
    return Sheet("thieu-du-lieu", SAY("h.gaps", lang),
                 (SAY("c.gap", lang), SAY("c.n", lang), SAY("c.share", lang),
                  SAY("c.products", lang)), rows, "h.gaps", numeric=frozenset({1, 2}))


def _localities(portfolio: Portfolio, lang: str) -> Sheet:
    rows = tuple((item.name, str(len(item.products)), share(item.share, lang),
                  str(sum(1 for p in item.products if p.current_recognition(portfolio.today))))
                 for item in portfolio.localities)
    return Sheet("dia-phuong-chi-thi", SAY("h.localities", lang),
                 (SAY("c.locality", lang), SAY("c.n", lang), SAY("c.share", lang),
                  SAY("c.current", lang)), rows, "h.localities",
                 numeric=frozenset({1, 2, 3}))


def product_sheet(portfolio: Portfolio, lang: str) -> Sheet:
    """Every product counted, one row each, with what it is counted by (for Excel filters)."""
    rows = []
    for p in portfolio.products:
        legal = p.subject.legal_form if p.subject else None
        gaps = "; ".join(label("gaps", g, lang) for g in sorted(gaps_of(p)))
        rows.append((p.id, p.name.vi, _subject(p), label("legal_form", legal or "", lang),
                     _stars(p, portfolio, lang), p.group, p.area.name, _commune(p, lang),
                     label("processing", p.processing, lang), gaps, p.source_file))
    columns = ("id", *(SAY(f"c.{k}", lang) for k in ("product", "subject", "legal_form", "stars",
                                                     "key", "district", "commune", "processing",
                                                     "gap", "file")))
    return Sheet("san-pham", SAY("c.products", lang), columns, tuple(rows), "h.counts")


def sheets(portfolio: Portfolio, lang: str) -> list[Sheet]:
    """Every table of the review, in report order (the per-product sheet is CSV-only)."""
    counts: Sequence[Sheet] = [_count_sheet(portfolio.counts[name], portfolio, lang)
                               for name in COUNTS]
    return [*counts, *same_type_sheets(portfolio, lang), _little_processed(portfolio, lang),
            _months(portfolio, lang), _lapsed(portfolio, lang), _due(portfolio, lang),
            _overdue(portfolio, lang), _violations(portfolio, lang), _gaps(portfolio, lang),
            _localities(portfolio, lang)]


#: the parts of the review, in order (each sheet names its part)
SECTIONS = ("h.counts", "h.same_type", "h.little_processed", "h.expiry", "h.follow_up", "h.gaps",
            "h.localities")
#: the words under a part's heading
SECTION_INTROS = {"h.same_type": "same_type.intro", "h.localities": "localities.intro"}
