"""Plan the site: every page and file the engine needs, as engine-neutral source files.

A page is Markdown with YAML front matter whose body is one HTML block rendered here; photos
are resized copies from the pipeline. Nothing in this module imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml
from markupsafe import escape

from ..dates import day
from ..events.model import Event
from ..events.records import EVENT_COLUMNS
from ..model.product import Product
from ..resources import resource_path
from ..textfold import d_words
from ..textfold import slugify as slug
from . import event_pages
from .bodycache import Bodies
from .cardcontact import blank
from .collate import sort_key
from .config import SiteConfig
from .contact import reach
from .groups import ICONS, OTHER
from .i18n import t
from .images import PhotoPipeline, PhotoSet, Variant
from .jsonld import meta_description, product_jsonld
from .present import GalleryPhoto, ProductView, current_commune, present, validity_rank
from .qr import QrCodes
from .render import Cards, render
from .report_page import portfolio_body, portfolio_page
from .search import SearchRecord
from .search_records import search_record

RELATED_LIMIT = 6
#: Cards on one page of a listing (a group, a place, a producer): a national group listing of
#: thousands is cut into pages a phone loads at once.
LISTING_PAGE_SIZE = 60
#: Products the catalogue page lists without JavaScript (the first by name), and how many more
#: each "show more" adds with it (assets/catalogue.js reads it from data-page-size).
CATALOGUE_PAGE_SIZE = 24
#: What the card macro (content/_macros.html) reads of a product, blank: the catalogue page
#: renders it into <template id="ocop-card-template">, which assets/catalogue/cards.js clones
#: and fills for each search result, once with CARD_BLANK_PHOTO and once without a photo.
CARD_BLANK: dict[str, Any] = {
    "id": "", "url": "", "name": {"vi": ""}, "place": "", "group_icon": OTHER,
    "badge": {"state": "unknown", "stars": 0, "current": True, "label": "", "detail": "",
              "valid_until": ""}}
CARD_BLANK_PHOTO = PhotoSet((Variant(1, 1, "media/ocop-card.webp", "media/ocop-card.jpg"),), 1, 1)
#: listing kinds with an index page (title key, intro key), in the main navigation
INDEX_PAGES = {"dia-phuong": ("places", "places_intro"), "xa": ("communes", "communes_intro"),
               "nhom": ("groups", "groups_intro")}
#: the two ways of browsing by place, each index linking to the other (with this label)
PLACE_KINDS = {"dia-phuong": "browse_districts", "xa": "browse_communes"}
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class PageSource:
    """A page as an engine reads it: its front matter (``meta``) and its one HTML block, or
    the function that renders it (product and listing pages: rendered when written, so
    20,000 bodies are never all in memory, and by several processes at once)."""

    meta: Mapping[str, Any]
    html: str | Callable[[], str]

    @property
    def body(self) -> str:
        return self.html if isinstance(self.html, str) else self.html()

    @property
    def text(self) -> str:
        """The Markdown source: YAML front matter, then the body."""
        return front_matter_text(self.meta) + self.body


@dataclass(frozen=True)
class SourceFile:
    """One file of the site source: ``path`` relative to the docs root; text, a file to copy,
    or a page kept as its parts (``page``: the engine adapter may fill a theme shell with them
    instead of parsing the Markdown back)."""

    path: str
    content: str | None = None
    source: Path | None = None
    page: PageSource | None = None

    @property
    def text(self) -> str | None:
        """The file's text (a page's Markdown source), or None for a file to copy."""
        return self.page.text if self.page is not None else self.content


@dataclass(frozen=True)
class Listing:
    kind: str
    slug: str
    title: str
    views: tuple[ProductView, ...]

    @property
    def url(self) -> str:
        return f"{self.kind}/{self.slug}/"


def current_view_url(key: str, value: str, valid: str) -> str:
    """The catalogue filtered to ``key`` = ``value`` among products whose star holds today."""
    return "danh-muc/?" + urlencode([(key, value), ("hieu_luc", valid)])


def _root(url: str) -> str:
    return "../" * url.strip("/").count("/") + ("../" if url.strip("/") else "")


def page_meta(title: str, description: str, extra: dict[str, Any],
              hide: tuple[str, ...] = ("navigation", "toc")) -> dict[str, Any]:
    """A page's front matter. ``title``/``description`` are HTML-escaped because MkDocs
    templates print them without escaping; our own overrides read the raw text from ``ocop``."""
    meta: dict[str, Any] = {"title": str(escape(title)), "description": str(escape(description)),
                            "ocop": {"title": title, "description": description, **extra}}
    if hide:
        meta["hide"] = list(hide)
    return meta


def front_matter_text(meta: Mapping[str, Any]) -> str:
    dumped = yaml.dump(dict(meta), Dumper=_DUMPER, allow_unicode=True, sort_keys=True,
                       width=10_000)
    return "---\n" + dumped + "---\n\n"


def _catalogue_modules() -> list[str]:
    """The modules of assets/catalogue/ (imported by assets/catalogue.js): the page preloads
    them all at once rather than one import level after another."""
    return sorted(p.name for p in resource_path("site_templates/assets/catalogue").glob("*.js"))


def current_first(views: Iterable[ProductView]) -> list[ProductView]:
    """Products whose star holds today first, then unclear ones, then lapsed or revoked; each
    part keeps its order (stable sort)."""
    return sorted(views, key=lambda v: validity_rank(v.badge))


def _by_name(views: Iterable[ProductView]) -> list[ProductView]:
    return sorted(views, key=lambda v: sort_key(v.name.vi))


class Planner:
    """Builds the list of :class:`SourceFile` for one catalogue."""

    def __init__(self, products: list[Product], config: SiteConfig, today: date,
                 pipeline: PhotoPipeline, qr_cache: Path | None = None,
                 events: Iterable[Event] = (),
                 booklets: Mapping[str, Sequence[Any]] | None = None,
                 bodies: Bodies | None = None, written: Path | None = None) -> None:
        self.config, self.today, self.pipeline = config, today, pipeline
        self.written = written  # where the open data is written as made (None: kept as text)
        #: the product and listing bodies of the last build, by their inputs (bodycache.py)
        self.bodies = bodies or Bodies.off()
        self.products = tuple(products)  # all of them, listed or not (the portfolio review)
        #: printed booklets (generator/booklet/publish.py) each listing or event page links,
        #: by its URL
        self.booklets = booklets or {}
        self.qr = QrCodes(qr_cache)
        self.cards = Cards(config.language, day(today))  # each card made once (render.py)
        listed = [p for p in products if config.list_expired or p.current_recognition(today)]
        # every photo in one batch, on every core (site/photo_batch.py), before the views
        self._photos = pipeline.process_many(p.folder / ph.file for p in listed for ph in p.photos)
        self.views = _by_name(present(p, today, config.language, self._gallery(p)) for p in listed)
        self.listings = self._listings()
        self._index = {kind: {item.slug: item for item in items}
                       for kind, items in self.listings.items()}
        self._relate()
        from .promotion_pages import PromotionPages  # it imports this module
        self.promotion = PromotionPages(self)  # puts each view's reasons for the product pages
        self.events = event_pages.EventPages(events, self.views, config, today, self._render,
                                             self.booklets)

    def _render(self, template: str, **context: Any) -> str:
        """A content template, with the day validity is computed for (``today``)."""
        return render(template, self.config.language, today=day(self.today), **context)

    def _gallery(self, product: Product) -> tuple[GalleryPhoto, ...]:
        return tuple(GalleryPhoto(self._photos[product.folder / photo.file], photo.alt.vi)
                     for photo in product.photos)

    def _group(self, key: Callable[[ProductView], list[tuple[str, str]]],
               kind: str) -> list[Listing]:
        buckets: dict[str, tuple[str, list[ProductView]]] = {}
        for view in self.views:
            for bucket_slug, title in key(view):
                buckets.setdefault(bucket_slug, (title, []))[1].append(view)
        return [Listing(kind, s, title, tuple(current_first(items)))
                for s, (title, items) in sorted(buckets.items(), key=lambda i: sort_key(i[1][0]))]

    def _listings(self) -> dict[str, list[Listing]]:
        return {
            "nhom": self._group(lambda v: [(slug(v.product.group), v.product.group)], "nhom"),
            "dia-phuong": self._group(lambda v: [(slug(v.place), v.place)], "dia-phuong"),
            "xa": self._group(lambda v: [(slug(name), name)]
                              if (name := current_commune(v.product)) else [], "xa"),
            "tieu-chuan": self._group(lambda v: [(slug(s.scheme), s.scheme)
                                                 for s in v.standards], "tieu-chuan"),
            "chu-the": self._group(lambda v: [(slug(v.product.subject.name),
                                               v.product.subject.name)]
                                   if v.product.subject else [], "chu-the"),
        }

    def listing_of(self, kind: str, title: str) -> Listing | None:
        return self._index[kind].get(slug(title))

    def _neighbours(self, listing: Listing | None, view: ProductView,
                    seen: set[str]) -> list[ProductView]:
        """Up to RELATED_LIMIT products next to ``view`` in the listing's name order (so
        related products differ from page to page and the cost stays constant)."""
        if listing is None:
            return []
        views = listing.views
        here = self._position[listing.url].get(view.id, 0)
        out: list[ProductView] = []
        low, high = here - 1, here + 1
        while len(out) < RELATED_LIMIT and (low >= 0 or high < len(views)):
            for index in (high, low):
                if 0 <= index < len(views) and views[index].id not in seen \
                        and len(out) < RELATED_LIMIT:
                    out.append(views[index])
            low, high = low - 1, high + 1
        return out

    def _relate(self) -> None:
        self._position = {item.url: {v.id: i for i, v in enumerate(item.views)}
                          for items in self.listings.values() for item in items}
        for view in self.views:
            related = {
                "same_subject": self.listing_of("chu-the", view.product.subject.name)
                if view.product.subject else None,
                "same_place": self.listing_of("dia-phuong", view.place),
                "same_group": self.listing_of("nhom", view.product.group),
            }
            seen = {view.id}
            for key, listing in related.items():
                view.related[key] = current_first(self._neighbours(listing, view, seen))
                seen |= {v.id for v in view.related[key]}

    def product_page(self, view: ProductView) -> SourceFile:
        product = view.product
        canonical = self.config.absolute(view.url)
        photo = view.photo
        images = [photo.fallback().jpeg] if photo else []
        description = meta_description(view)
        extra = {"kind": "product", "canonical": canonical,
                 "image": self.config.absolute(images[0]) if images else "",
                 "jsonld": json.dumps(product_jsonld(view, self.config, images),
                                      ensure_ascii=False, sort_keys=True)}
        meta = page_meta(product.name.vi, description, extra)
        return SourceFile(f"san-pham/{view.id}.md",
                          page=PageSource(meta, partial(self.product_body, view)))

    def product_body(self, view: ProductView) -> str:
        canonical, root = self.config.absolute(view.url), _root(view.url)
        label = f"QR: {view.product.name.vi}"
        return self.bodies.get(
            ("product.html", view, view.related, root, canonical, label),
            lambda: self._render("product.html", v=view, root=root,
                                 qr=self.qr.svg(canonical, label), canonical=canonical,
                                 folded=d_words(view.search_text),
                                 publisher=self.config.publisher,
                                 reach=reach(view.product, self.config),
                                 w=event_pages.words(self.config.language), cards=self.cards))

    def listing_pages(self, listing: Listing) -> list[SourceFile]:
        """A listing's pages: LISTING_PAGE_SIZE cards each (a group of 4,000 products is 67
        light pages, not one of 8 MB); the first at the listing's URL, the others under it."""
        size = LISTING_PAGE_SIZE
        chunks = [listing.views[i:i + size] for i in range(0, len(listing.views), size)] or [()]
        urls = [listing.url] + [f"{listing.url}trang-{n}/" for n in range(2, len(chunks) + 1)]
        return [self._listing_page(listing, number, chunk, urls)
                for number, chunk in enumerate(chunks, start=1)]

    def _listing_page(self, listing: Listing, number: int, views: Sequence[ProductView],
                      urls: list[str]) -> SourceFile:
        heading = {"nhom": "by_group", "dia-phuong": "by_place", "tieu-chuan": "by_standard",
                   "chu-the": "by_subject", "xa": "by_commune"}[listing.kind]
        url = urls[number - 1]
        first = (number - 1) * LISTING_PAGE_SIZE + 1
        pager = None if len(urls) == 1 else {
            "number": number, "total": len(urls), "first": first, "last": first + len(views) - 1,
            "pages": list(enumerate(urls, start=1)), "previous": urls[number - 2]
            if number > 1 else "", "next": urls[number] if number < len(urls) else ""}
        context = {"title": listing.title, "count": len(listing.views), "views": views, "pager": pager,
                   "heading": t(heading, self.config.language), "root": _root(url),
                   "booklets": self.booklets.get(listing.url, ()) if number == 1 else ()}
        body = partial(self.bodies.get, ("listing.html", sorted(context.items())),
                       partial(self._render, "listing.html", cards=self.cards, **context))
        count = t("products_count", self.config.language, n=len(listing.views))
        title = listing.title if pager is None else \
            f"{listing.title} ({t('page_of', self.config.language, n=number, total=len(urls))})"
        meta = page_meta(title, f"{title}: {count} OCOP — {self.config.region}",
                         {"kind": "listing"})
        return SourceFile(url.rstrip("/") + ".md", page=PageSource(meta, body))

    def index_page(self, kind: str) -> SourceFile:
        """The page listing every listing of one kind (``dia-phuong/``: the former districts,
        ``xa/``: the current communes, ``nhom/``: the groups), for the main navigation."""
        lang = self.config.language
        title, intro = INDEX_PAGES[kind]
        others = [(t(label, lang), f"{k}/") for k, label in PLACE_KINDS.items() if k != kind] \
            if kind in PLACE_KINDS else []
        body = self._render("index.html", title=t(title, lang), intro=t(intro, lang),
                            listings=self.listings[kind], others=others, root="../")
        front = page_meta(t(title, lang), f"{t(title, lang)}: {t(intro, lang)} — "
                              f"{self.config.region}", {"kind": "index"})
        return SourceFile(f"{kind}/index.md", page=PageSource(front, body))

    def _counts(self) -> dict[str, list[tuple[str, int, str]]]:
        """The home page's counts: products whose star holds today, each linking to the
        catalogue view of exactly those products (the same facet values Pagefind counts)."""
        lang = self.config.language
        current = [v for v in self.views if v.badge.current]
        valid = t("state.active", lang)

        def row(key: str, value: str) -> tuple[str, int, str]:
            count = sum(1 for v in current if value in v.facets.get(key, ()))
            return value, count, current_view_url(key, value, valid)

        stars = [row("sao", t("stars", lang, n=n)) for n in (5, 4, 3)]
        groups = [row("nhom", item.title) for item in self.listings["nhom"]]
        districts = sorted({d for v in self.views for d in v.facets.get("huyen_cu", ())}, key=sort_key)
        return {"by_stars": stars, "by_group": [r for r in groups if r[1]],
                "by_place": [r for r in (row("huyen_cu", d) for d in districts) if r[1]]}

    def home_page(self) -> SourceFile:
        newest = sorted(self.views, key=lambda v: (v.product.latest_recognition().signed.latest(),
                                                   v.id), reverse=True)[:6]
        body = self._render("home.html", config=self.config, root="",
                      total=len(self.views), current=sum(v.badge.current for v in self.views),
                      counts=self._counts(), newest=newest, events=self.events.home())
        front = page_meta(self.config.site_name,
                              f"Danh mục sản phẩm OCOP {self.config.region}: tra cứu hạng sao, "
                              "hiệu lực, chủ thể và nơi bán.", {"kind": "home"})
        return SourceFile("index.md", page=PageSource(front, body))

    def catalogue_page(self) -> SourceFile:
        lang = self.config.language
        filters = [(key, t(f"filter.{name}", lang)) for key, name in (
            ("sao", "stars"), ("hieu_luc", "validity"), ("nhom", "group"), ("loai", "type"),
            ("huyen_cu", "district"), ("xa", "commune"), ("tinh", "province"),
            ("tieu_chuan", "standard"), ("loai_hinh", "legal_form"),
            ("che_bien", "processing"))]
        body = self._render("catalogue.html", root="../", filters=filters, views=current_first(self.views),
                      listings=self.listings, page_size=CATALOGUE_PAGE_SIZE,
                      card_blank={**CARD_BLANK, "card_contact": blank(lang)},
                      card_blank_photo=CARD_BLANK_PHOTO, icons=ICONS,
                      modules=_catalogue_modules())
        front = page_meta(t("catalogue", lang), f"{t('catalogue', lang)} OCOP "
                              f"{self.config.region}: lọc theo hạng sao, nhóm, địa phương.",
                              {"kind": "catalogue"})
        return SourceFile("danh-muc.md", page=PageSource(front, body))

    def robots(self) -> SourceFile:
        return SourceFile("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: "
                          f"{self.config.absolute('sitemap.xml')}\n")

    def files(self) -> list[SourceFile]:
        portfolio = portfolio_body(self)  # officers' portfolio review, on the other core
        try:
            out = [self.home_page(), self.catalogue_page(), self.robots()]
            out += [self.product_page(v) for v in self.views]
            out += [page for items in self.listings.values() for item in items
                    for page in self.listing_pages(item)]
            out += [self.index_page(kind) for kind in INDEX_PAGES]
            rest = self.events.files()
            from .opendata import open_data_files  # it imports this module: bound at call time
            rest += open_data_files(self, self.events.records(), EVENT_COLUMNS)
            rest += self.promotion.files()
            out += [portfolio_page(self, portfolio.result()), *rest]
        finally:
            portfolio.close()
        out += [SourceFile(path, source=source)
                for path, source in sorted(self.pipeline.outputs().items())]
        return out

    def search_records(self) -> list[SearchRecord]:
        """What the search index needs of each product page, handed forward (not read back
        from the built HTML): its URL, sort keys, words, facets and card fields."""
        return [search_record(view) for view in self.views]

