"""Booklets too big for the site build to print: shown on the "In ấn" page with their size and
the ``ocop print`` command that makes them.

A booklet of more than ``extra.ocop.print.site_max_products`` products (default
:data:`~generator.site.config.SITE_MAX_PRODUCTS`) is not rendered by ``ocop build``: at about
0.25 s of one core and 1.6 MB of memory per page (BENCHMARKS.md), a national catalogue's
whole-catalogue booklet alone would be 20,000 pages and hours of a build. Event booklets are
always printed (an event's products are bounded by its booths). A held booklet is the same
booklet ``ocop print`` writes with the options given here (:mod:`generator.booklet.select`), in
volumes of at most ``site_max_products`` products (:mod:`generator.booklet.volumes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import Texts
from ..site.config import SITE_MAX_PRODUCTS
from .sets import Booklet
from .volumes import volume_count

SAY = Texts("booklet.held", {
    "note": ("Tập lớn (khoảng {pages} trang A4, trên {limit} sản phẩm) nên không đăng sẵn ở đây; "
             "văn phòng OCOP in được thành {volumes} tập bằng lệnh dưới đây.",
             "A large booklet (about {pages} A4 pages, over {limit} products), so not published "
             "here; the OCOP office prints it in {volumes} volumes with the command below."),
})

#: products per A4 page of each layout, and the contents lines per page (html.py's contents)
PER_PAGE = {"1up": 1, "4up": 4}
CONTENTS_LINES = 40
#: the cover and the closing page
OTHER_PAGES = 2


@dataclass(frozen=True)
class Held:
    """A booklet the site does not print, and the command that prints it."""

    booklet: Booklet
    layout: str
    #: the setting it is over (``site_max_products``)
    limit: int

    @property
    def command(self) -> str:
        return command(self.booklet, self.layout)

    @property
    def pages(self) -> int:
        """About how many pages it takes, all volumes together."""
        count = self.volumes
        return estimated_pages(len(self.booklet.products), self.layout) + (count - 1) * OTHER_PAGES

    @property
    def volumes(self) -> int:
        """The volumes ``ocop print`` writes it in (at most ``limit`` products each; with the
        site printing none, ``limit`` 0, the command's own volume size)."""
        return volume_count(len(self.booklet.products), self.limit or SITE_MAX_PRODUCTS)


def estimated_pages(products: int, layout: str) -> int:
    """About how many A4 pages a booklet of ``products`` takes (measured: 1,000 products in one
    per page gave 1,027 pages, 100 gave 105)."""
    return -(-products // PER_PAGE[layout]) + -(-products // CONTENTS_LINES) + OTHER_PAGES


def _quoted(value: str) -> str:
    """``value`` as one shell argument, in double quotes (which Windows' shells read too)."""
    if re.fullmatch(r"[\w.-]+", value):
        return value
    return '"' + re.sub(r'(["\\$`])', r"\\\1", value) + '"'


def command(booklet: Booklet, layout: str = "1up") -> str:
    """The ``ocop print`` command that writes ``booklet`` in ``layout``."""
    option = {"catalogue": "", "area": "--area", "group": "--group", "stars": "--stars",
              "event": "--event"}[booklet.kind]
    parts = ["ocop", "print"]
    if option:
        parts += [option, _quoted(booklet.key)]
    if layout != "1up":
        parts += ["--layout", layout]
    return " ".join(parts)


def number(n: int, lang: str = "vi") -> str:
    """``1.824`` in Vietnamese, ``1,824`` in English."""
    return f"{n:,}".replace(",", ".") if lang == "vi" else f"{n:,}"


def fits(booklet: Booklet, limit: int) -> bool:
    """Whether the site build prints ``booklet``: an event's always, any other of at most
    ``limit`` products."""
    return booklet.kind == "event" or len(booklet.products) <= limit
