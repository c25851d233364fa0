"""The booklets on the site: the PDFs under ``in-an/``, the "In ấn" page listing them, and the
links each locality and group listing and each event page shows ("PDF, 24 trang, 3,1 MB").

Engine-neutral like :mod:`generator.site.pages`: it returns source files; the adapter copies
them. The PDFs come from the booklet cache, so an unchanged booklet costs a hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..events.model import Event
from ..messages import Texts
from ..model.product import Product
from ..site.event_view import event_url
from ..site.pages import PageSource, SourceFile, page_meta
from ..site.present import current_commune
from ..site.render import render
from ..textfold import slugify
from .build import Made, Printer
from .held import SAY as HELD_SAY
from .held import Held, fits, number
from .sets import Booklet, catalogue, every_booklet
from .texts import size_text

PRINT_DIR = "in-an"
PAGE = "in-an.md"

SAY = Texts("booklet.site", {
    "title": ("In ấn", "Print"),
    "intro": ("Tập sản phẩm OCOP dạng PDF để in cho hội chợ, gian hàng và buổi gặp người mua: "
              "trang bìa, mục lục, mỗi sản phẩm một trang với hạng sao, hiệu lực, chủ thể và mã "
              "QR tới trang sản phẩm. Hạng sao tính đến {date}.",
              "OCOP product booklets as PDF, to print for fairs, stands and buyers' meetings: a "
              "cover, contents, one page per product with its stars, validity, producer and a QR "
              "code to its page. Ratings as of {date}."),
    "button": ("PDF, {pages} trang, {size}", "PDF, {pages} pages, {size}"),
    "layout.1up": ("mỗi trang một sản phẩm", "one product per page"),
    "layout.4up": ("bốn sản phẩm mỗi trang", "four products per page"),
    "h.catalogue": ("Cả danh mục", "The whole catalogue"),
    "h.area": ("Theo địa phương", "By locality"),
    "h.group": ("Theo nhóm sản phẩm", "By product group"),
    "h.stars": ("Theo hạng sao còn hiệu lực", "By star level held today"),
    "h.event": ("Theo sự kiện xúc tiến thương mại", "By trade-promotion event"),
    "listing": ("Tập để in: {title}", "Booklet to print: {title}"),
    "count": ("{n} sản phẩm", "{n} products"),
})
KIND_ORDER = ("catalogue", "area", "group", "stars", "event")


@dataclass(frozen=True)
class BookletLink:
    """A booklet as the site shows it: ``href`` is site-relative (``in-an/nhom/thuc-pham.pdf``)."""

    title: str
    kind: str
    href: str
    button: str  # "PDF, 24 trang, 3,1 MB"
    layout: str
    count: int
    layout_text: str
    #: "Tập để in: Sản phẩm OCOP — Thực phẩm" (the listing pages' link)
    label: str
    #: a booklet held back (no file): why, and the ``ocop print`` command that makes it
    note: str = ""
    command: str = ""


def link(made: Made, lang: str = "vi") -> BookletLink:
    pdf = made.pdf
    return BookletLink(made.booklet.title, made.booklet.kind, f"{PRINT_DIR}/{made.name}",
                       SAY("button", lang, pages=pdf.pages, size=size_text(pdf.size, lang)),
                       made.layout, len(made.booklet.products), SAY(f"layout.{made.layout}", lang),
                       SAY("listing", lang, title=made.booklet.title))


@dataclass(frozen=True)
class Published:
    """The site's booklets in the "In ấn" page's order: each printed (:class:`Made`) or, too
    big for the build, held back (:class:`Held`, shown with its ``ocop print`` command)."""

    entries: tuple[Made | Held, ...]

    @property
    def made(self) -> list[Made]:
        return [entry for entry in self.entries if isinstance(entry, Made)]

    @property
    def held(self) -> list[Held]:
        return [entry for entry in self.entries if isinstance(entry, Held)]


def held_link(item: Held, lang: str = "vi") -> BookletLink:
    """A held-back booklet as the "In ấn" page shows it: its size and command, no file."""
    booklet = item.booklet
    return BookletLink(booklet.title, booklet.kind, "", "", item.layout, len(booklet.products),
                       SAY(f"layout.{item.layout}", lang), SAY("listing", lang, title=booklet.title),
                       HELD_SAY("note", lang, pages=number(item.pages, lang),
                                limit=number(item.limit, lang), volumes=item.volumes),
                       item.command)


def make_all(printer: Printer, products: Sequence[Product], today: date,
             events: Iterable[Event] = ()) -> Published:
    """Every booklet the site publishes: each set (each event with participating products
    included) in one product per page, and the whole catalogue in four per page as well; a set
    of more than ``site_max_products`` products (not an event's) is held back, not printed."""
    lang, limit = printer.config.language, printer.config.site_max_products
    wanted = [(booklet, "1up") for booklet in every_booklet(products, today, lang, events)]
    wanted.append((catalogue(products, lang), "4up"))
    made = iter(printer.make_many([(b, layout) for b, layout in wanted if fits(b, limit)]))
    return Published(tuple(next(made) if fits(b, limit) else Held(b, layout, limit)
                           for b, layout in wanted))


def _pages_of(booklet: Booklet) -> list[str]:
    """The URLs of the pages that link ``booklet``: a group's and a locality's listing (and
    each commune listing of the locality), an event's page; none for the other kinds."""
    if booklet.kind == "event":
        return [event_url(booklet.key)]
    if booklet.kind not in ("group", "area"):
        return []
    urls = [f"{'nhom' if booklet.kind == 'group' else 'dia-phuong'}/{slugify(booklet.key)}/"]
    if booklet.kind == "area":
        communes = {c for p in booklet.products if (c := current_commune(p))}
        urls += sorted(f"xa/{slugify(c)}/" for c in communes)
    return urls


def listing_links(published: Published, lang: str = "vi") -> dict[str, list[BookletLink]]:
    """The booklets each listing or event page links to, by the page's URL: a group's and a
    locality's own booklet, a commune's the booklet of the locality it is printed in, an
    event's its own (a booklet held back is linked from the "In ấn" page only)."""
    out: dict[str, list[BookletLink]] = {}
    for item in published.made:
        if item.layout != "1up":
            continue
        for url in _pages_of(item.booklet):
            out.setdefault(url, []).append(link(item, lang))
    return out


def files(published: Published, today_text: str, region: str, lang: str = "vi"
          ) -> list[SourceFile]:
    """The PDFs and the "In ấn" page (a booklet held back: its size and command, in its place)."""
    out = [SourceFile(f"{PRINT_DIR}/{item.name}", source=item.pdf.path) for item in published.made]
    links = [link(item, lang) if isinstance(item, Made) else held_link(item, lang)
             for item in published.entries]
    groups = [(SAY(f"h.{kind}", lang), [li for li in links if li.kind == kind]) for kind in KIND_ORDER]
    body = render("print.html", lang, today=today_text, root="../",
                  title=SAY("title", lang), intro=SAY("intro", lang, date=today_text),
                  groups=[(heading, items) for heading, items in groups if items],
                  count=lambda n: SAY("count", lang, n=number(n, lang)))
    title = SAY("title", lang)
    front = page_meta(title, f"{title}: {SAY('intro', lang, date=today_text)} — {region}",
                          {"kind": "print"})
    return [*out, SourceFile(PAGE, page=PageSource(front, body))]
