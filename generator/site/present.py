"""What a page shows about a product, computed once in Python: templates only display.

Validity, badges, contact links, origin lines, paragraphs, labels, links to listings, photos
and facets are decided here, so the rules live in one place and the templates stay free of
logic and lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ..dates import day
from ..model.product import Origin, Product, RecognitionState, Text
from ..textfold import slugify
from ..validity import SAY as validity_text
from ..validity import describe
from .cardcontact import CardContact, card_contact, tel_href
from .collate import ascii_sort_key
from .groups import group_icon
from .i18n import t
from .images import PhotoSet

if TYPE_CHECKING:
    from ..places import CurrentOrigin
    from ..promotion import Reason

PRODUCT_DIR = "san-pham"


@dataclass(frozen=True)
class Badge:
    """The star badge: shows a current star only when a recognition is valid today."""

    state: RecognitionState
    stars: int
    current: bool
    label: str
    detail: str
    #: the last valid day (ISO) while the star is current, for the page's stale-star check
    valid_until: str = ""
    #: "Tính đến 01/12/2026": the day this badge was computed for
    as_of: str = ""


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Block:
    """A paragraph (``items`` empty) or a bulleted list of plain-text items."""

    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class HistoryRow:
    signed: str
    stars: int
    decision: str
    authority: str
    level: str
    score: str
    state: str
    #: no ``note``: a recognition's note is the officers' remark, never shown to buyers
    source: str | None


@dataclass(frozen=True)
class StandardRow:
    label: str
    listing: str
    scheme: str
    certificate: str
    issuer: str
    validity: str
    expired: bool


@dataclass(frozen=True)
class GalleryPhoto:
    set: PhotoSet
    alt: str


@dataclass(frozen=True)
class Links:
    """Site-relative URLs of the listings a product page links to."""

    group: str
    place: str
    subject: str
    #: the current commune's listing (``xa/<slug>/``), when the commune is known
    commune: str = ""


@dataclass
class ProductView:
    product: Product
    url: str
    badge: Badge
    history: list[HistoryRow]
    facets: dict[str, list[str]]
    sort: dict[str, str]
    place: str
    origin_lines: list[str]
    contacts: list[Link]
    standards: list[StandardRow]
    sections: list[tuple[str, list[Block], list[Block]]]
    packaging: list[tuple[str, str]]
    price: str | None
    search_text: str
    labels: dict[str, str]
    links: Links
    gallery: tuple[GalleryPhoto, ...] = ()
    #: "Sản phẩm ở huyện Nam Trà My", "Sản phẩm ở xã Trà Mai": the place listings it belongs to
    place_links: list[Link] = field(default_factory=list)
    related: dict[str, list[ProductView]] = field(default_factory=dict)
    #: the opening of the description, for search result cards (Pagefind meta ``summary``)
    summary: str = ""
    reasons: tuple[Reason, ...] = ()  # promotion priorities (site/promotion_pages.py)
    events: list[Any] = field(default_factory=list)  # its events, upcoming first (event_pages)
    #: the card's action: call the producer, or open the page's contact block (cardcontact.py)
    card_contact: CardContact = field(default_factory=lambda: CardContact("", ""))

    @property
    def id(self) -> str:
        return self.product.id

    @property
    def name(self) -> Text:
        return self.product.name

    @property
    def photo(self) -> PhotoSet | None:
        """The main photo (cards, social previews), if any."""
        return self.gallery[0].set if self.gallery else None

    @property
    def group_icon(self) -> str:
        """The "no photo yet" illustration of the product's group (generator/site/groups.py)."""
        return group_icon(self.product.group)


def product_url(product_id: str) -> str:
    return f"{PRODUCT_DIR}/{product_id}/"


def listing_url(kind: str, title: str) -> str:
    """The listing page that groups products under ``title`` (``nhom/thuc-pham/``)."""
    return f"{kind}/{slugify(title)}/"


def badge(product: Product, today: date, lang: str = "vi") -> Badge:
    as_of = validity_text("as_of", lang, date=day(today))
    current = product.current_recognition(today)
    if current is not None:
        validity = current.validity(today)
        return Badge(validity.state, current.stars, True, t("ocop_stars", lang, n=current.stars),
                     describe(validity, current.signed.exact, lang),
                     validity.last_day.isoformat(), as_of)
    latest = product.latest_recognition()
    validity = latest.validity(today)
    return Badge(validity.state, latest.stars, False, t(f"state.{validity.state}", lang),
                 describe(validity, latest.signed.exact, lang), "", as_of)


def _history(product: Product, today: date, lang: str) -> list[HistoryRow]:
    rows = []
    for rec in sorted(product.recognitions, key=lambda r: (r.signed.latest(), r.index),
                      reverse=True):
        rows.append(HistoryRow(
            signed=rec.signed.display(), stars=rec.stars,
            decision=rec.decision or t("decision_unknown", lang),
            authority=rec.authority or "", level=t(f"level.{rec.derived_level}", lang),
            score=t("score", lang, score=f"{rec.score:g}".replace(".", ","))
            if rec.score is not None else "",
            state=t(f"state.{rec.state(today)}", lang), source=rec.source))
    return rows


def _contacts(product: Product) -> list[Link]:
    subject = product.subject
    if subject is None:
        return []
    links = [Link(p, tel_href(p)) for p in subject.phones]
    if subject.email:
        links.append(Link(subject.email, f"mailto:{subject.email}"))
    if subject.website:
        links.append(Link(re.sub(r"^https?://", "", subject.website).rstrip("/"), subject.website))
    return links


#: administrative level words, longest first, lower-cased inside a sentence ("huyện Nam Trà My")
LEVEL_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã",
               "Đặc khu")


def in_sentence(name: str) -> str:
    """A unit's official name inside a sentence: its level word in lower case."""
    for word in LEVEL_WORDS:
        if name.startswith(word + " "):
            return word.lower() + name[len(word):]
    return name


def _former(origin: Origin, current: CurrentOrigin) -> str:
    """The units before 1 July 2025, most local first, each named once."""
    if origin.scheme != "pre-2025-07":
        return ""
    district = current.former_district.name if current.former_district else (
        origin.district.name if origin.district else None)
    names = [origin.commune.name if origin.commune else None, district, origin.province.name]
    return ", ".join(in_sentence(n) for n in names if n)


def origin_sentence(origin: Origin, lang: str) -> str:
    """"Xã Trà Mai, thành phố Đà Nẵng (trước 1/7/2025: xã Trà Mai, huyện Nam Trà My, tỉnh Quảng
    Nam)": the current units first, then the recorded ones before the 2025 reorganisation."""
    current = origin.current
    if current is None:
        names = origin.recorded_names()
        return ", ".join([names[0], *(in_sentence(n) for n in names[1:])])
    units = [u.name for u in (current.commune, current.province) if u is not None]
    now = ", ".join([units[0], *(in_sentence(n) for n in units[1:])])
    former = _former(origin, current)
    return t("origin_with_former", lang, units_now=now, units_before=former) if former else now


def _origin(product: Product, lang: str) -> tuple[list[str], dict[str, list[str]]]:
    origin, current = product.origin, product.origin.current
    lines = [line for line in (origin.village, origin.craft_village) if line]
    lines.append(origin_sentence(origin, lang))
    facets: dict[str, list[str]] = {}
    if current is None:
        return lines, facets
    facets["tinh"] = [current.province.name]
    if current.commune is not None:
        facets["xa"] = [current.commune.name]
    if current.former_district is not None:
        facets["huyen_cu"] = [current.former_district.name]
    return lines, facets


def paragraphs(text: str) -> list[Block]:
    """Plain text → paragraphs (blank line) and lists (lines starting with ``- ``)."""
    blocks: list[Block] = []
    if not text.strip():
        return blocks
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            blocks.append(Block(items=tuple(line[2:].strip() for line in lines)))
        else:
            blocks.append(Block(text=" ".join(lines)))
    return blocks


def _sections(product: Product) -> list[tuple[str, list[Block], list[Block]]]:
    return [(key, paragraphs(text.vi), paragraphs(text.en or ""))
            for key, text in product.content.sections()]


def _standards(product: Product, today: date, lang: str) -> list[StandardRow]:
    out = []
    for item in product.standards:
        expired = item.expired(today)
        validity = ""
        if item.valid_until is not None:
            key = "standard_expired" if expired else "valid_standard_until"
            validity = t(key, lang, date=item.valid_until.display())
        scheme = t(f"standard.{item.scheme}", lang)
        out.append(StandardRow(label=item.name or scheme, listing=listing_url("tieu-chuan", scheme),
                               scheme=scheme, certificate=item.certificate or "",
                               issuer=item.issuer or "", validity=validity, expired=expired))
    return out


def _packaging(product: Product, lang: str) -> list[tuple[str, str]]:
    pack = product.packaging
    rows = []
    if pack.description is not None:
        rows.append((t("packaging", lang), pack.description.vi))
    for key, value in (("net_contents", pack.net_contents), ("shelf_life", pack.shelf_life),
                       ("gtin", pack.gtin)):
        if value:
            rows.append((t(key, lang), value))
    return rows


def _labels(product: Product, lang: str) -> dict[str, str]:
    legal_form = (product.subject and product.subject.legal_form) or "unknown"
    return {"processing": t(f"processing.{product.processing}", lang),
            "legal_form": t(f"legal_form.{legal_form}", lang)}


def validity_facet(view_badge: Badge, lang: str) -> list[str]:
    """The validity filter values: an expiring star is valid too ("Còn hiệu lực" and "Sắp hết
    hạn"), so ticking "Còn hiệu lực" keeps every product that may show its star today."""
    if view_badge.state is RecognitionState.EXPIRING:
        return [t("state.active", lang), t("state.expiring", lang)]
    return [t(f"state.{view_badge.state}", lang)]


def _facets(product: Product, view_badge: Badge, labels: dict[str, str],
            place_facets: dict[str, list[str]], lang: str) -> dict[str, list[str]]:
    facets = {
        "sao": [t("stars", lang, n=view_badge.stars)],
        "hieu_luc": validity_facet(view_badge, lang),
        "nhom": [product.group],
        "loai": [product.product_type],
        "che_bien": [labels["processing"]],
        "loai_hinh": [labels["legal_form"]],
        **place_facets,
    }
    standards = sorted({t(f"standard.{s.scheme}", lang) for s in product.standards})
    if standards:
        facets["tieu_chuan"] = standards
    return facets


def current_commune(product: Product) -> str | None:
    """The name of the product's current commune, when known (the commune listings)."""
    current = product.origin.current
    return current.commune.name if current is not None and current.commune else None


def _links(product: Product) -> Links:
    commune = current_commune(product)
    return Links(group=listing_url("nhom", product.group),
                 place=listing_url("dia-phuong", product.area.name),
                 subject=listing_url("chu-the", product.subject.name) if product.subject else "",
                 commune=listing_url("xa", commune) if commune else "")


def _place_links(product: Product, links: Links, lang: str) -> list[Link]:
    out = [Link(t("more_in", lang, place_said=in_sentence(product.area.name)), links.place)]
    commune = current_commune(product)
    if commune and links.commune and commune != product.area.name:
        out.append(Link(t("more_in", lang, place_said=in_sentence(commune)), links.commune))
    return out


#: The sort key that orders the catalogue by default (and Pagefind's pages): current first.
ORDER_SORT = "thu_tu"
#: Longest card summary, in characters (cut at a word, "…" added)
SUMMARY_CHARS = 140


def validity_rank(view_badge: Badge) -> int:
    """0 while the star holds today (expiring soon included), 1 unclear, 2 lapsed or revoked."""
    if view_badge.current:
        return 0
    return 1 if view_badge.state is RecognitionState.UNCERTAIN else 2


def summary(text: str) -> str:
    """The first sentence of ``text``'s first paragraph, at most SUMMARY_CHARS characters."""
    blocks = paragraphs(text)
    first = blocks[0].text or " ".join(blocks[0].items) if blocks else ""
    sentence = re.split(r"(?<=[.!?…])\s", first, maxsplit=1)[0]
    if len(sentence) <= SUMMARY_CHARS:
        return sentence
    return sentence[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def present(product: Product, today: date, lang: str = "vi",
            gallery: tuple[GalleryPhoto, ...] = ()) -> ProductView:
    """Everything a product page, card or print sheet shows."""
    view_badge = badge(product, today, lang)
    lines, place_facets = _origin(product, lang)
    place = product.area.name
    labels = _labels(product, lang)
    latest = product.latest_recognition()
    links = _links(product)
    names = [product.name.vi, product.name.en or "", *product.aliases, product.product_type,
             product.subject.name if product.subject else "", place, *lines]
    return ProductView(
        product=product, url=product_url(product.id), badge=view_badge,
        history=_history(product, today, lang),
        facets=_facets(product, view_badge, labels, place_facets, lang),
        sort={ORDER_SORT: f"{validity_rank(view_badge)}-{ascii_sort_key(product.name.vi)}",
              "ten": ascii_sort_key(product.name.vi),
              "sao": str(view_badge.stars if view_badge.current else 0),
              "ngay": latest.signed.latest().isoformat()},
        place=place, origin_lines=lines, contacts=_contacts(product),
        standards=_standards(product, today, lang), sections=_sections(product),
        packaging=_packaging(product, lang),
        price=product.price.display() if product.price else None,
        search_text=" ".join(n for n in names if n), labels=labels, links=links,
        gallery=gallery, summary=summary(product.content.description.vi),
        place_links=_place_links(product, links, lang), card_contact=card_contact(product, lang))
