"""A booklet as HTML + CSS Paged Media, from the Jinja2 templates in site_templates/print/.

Autoescape is on: product text is data, never markup. The only URLs the templates print are
the cached photo files, the fonts and the QR codes' ``data:`` URIs made here.
"""

from __future__ import annotations

import base64
import html.parser
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..dates import day
from ..resources import resource_path
from ..site.config import SiteConfig
from ..site.i18n import t as site_t
from .sets import Booklet, Section
from .sheet import Sheet, Sheets
from .texts import SAY

LAYOUTS = ("1up", "4up")


@dataclass(frozen=True)
class PrintedSection:
    title: str
    note: str
    sheets: tuple[Sheet, ...]


@dataclass(frozen=True)
class Printed:
    """A booklet's HTML, and every product's sheet (for the glyph check)."""

    booklet: Booklet
    html: str
    sections: tuple[PrintedSection, ...]


@cache
def environment(lang: str = "vi") -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("site_templates/print")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals["t"] = lambda key, **params: SAY(key, lang, **params)
    return env


def stylesheet() -> str:
    return resource_path("site_templates/print/booklet.css").read_text(encoding="utf-8")


def _section(section: Section, sheets: Sheets) -> PrintedSection:
    return PrintedSection(section.title, section.note,
                          tuple(sheets.sheet(e.product, e.booth) for e in section.entries))


def _site_qr(sheets: Sheets, url: str) -> str:
    svg = sheets.qr.svg(url, f"QR: {url}")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _context(booklet: Booklet, config: SiteConfig, today: date, lang: str) -> dict[str, Any]:
    count = len(booklet.products)
    return {
        "lang": lang, "b": booklet, "site_name": config.site_name, "region": config.region,
        "publisher": config.publisher, "site_url": config.site_url,
        "publisher_line": SAY("publisher", lang, name=config.publisher),
        "data_as_of": SAY("data_as_of", lang, date=day(today)),
        "count": SAY("count", lang, n=count), "created": today.isoformat(),
        "count_current": SAY("count_current", lang, date=day(today),
                             n=sum(1 for p in booklet.products if p.current_recognition(today))),
        "description": f"{booklet.title} — {config.region} — {SAY('count', lang, n=count)}",
        "contact": " · ".join(c for c in (config.contact_phone, config.contact_email) if c),
        "closing_as_of": SAY("closing.as_of", lang, date=day(today),
                             expired=site_t("state.expired", lang),
                             revoked=site_t("state.revoked", lang)),
    }


def render_booklet(booklet: Booklet, sheets: Sheets, font_css: str, layout: str = "1up"
                   ) -> Printed:
    """The booklet's HTML in ``layout`` (``1up``: a product per A4 page, ``4up``: four cards)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    config, lang = sheets.config, sheets.config.language
    sections = tuple(_section(s, sheets) for s in booklet.sections)
    context = _context(booklet, config, sheets.today, lang)
    css = Markup(font_css + stylesheet())  # our own CSS: no product text in it
    html = environment(lang).get_template("booklet.html").render(
        **context, sections=sections, layout=layout, css=css,
        site_qr=_site_qr(sheets, config.site_url))
    return Printed(booklet, html, sections)


def _strings(value: Any) -> Iterator[str]:
    """Every string a sheet prints (inside its dataclasses, lists and tuples)."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            if item.name not in ("qr", "path", "uri", "source"):  # not printed as text
                yield from _strings(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def printed_texts(printed: Printed) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of everything the booklet prints: each product's sheet by product
    (its file), then the whole booklet's text (cover, contents, headings, closing page)."""
    for section in printed.sections:
        for sheet in section.sheets:
            where = f"{sheet.source} ({sheet.name})"
            for text in _strings(sheet):
                yield where, text
    parser = _Text()
    parser.feed(printed.html)
    yield printed.booklet.title, "".join(parser.parts)
