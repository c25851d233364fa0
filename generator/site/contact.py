"""How a buyer reaches a product's producer, or else the OCOP office for its area.

Everything the contact block of a product page shows is decided here: tap-to-call, Zalo,
e-mail, website and map links (the map searches the address in today's units; the page shows
it as written), and, when the subject gives no public contact, which office of
``extra.ocop.offices`` answers for the product's place (the most local match wins).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from ..messages import Texts
from ..model.product import Product, Subject
from ..places.address import address_now
from ..textfold import fold
from .cardcontact import tel_href
from .config import Office, SiteConfig
from .i18n import t

SAY = Texts("site.contact", {
    # the print sheet's foot, when the producer has no public contact (one line)
    "print.office": ("Để hỏi mua, liên hệ: {office}", "To buy, contact: {office}"),
})

#: Vietnamese mobile numbers (03, 05, 07, 08, 09 + 8 digits): the ones Zalo accounts use
_MOBILE = re.compile(r"0[35789][0-9]{8}")

#: A map search that needs no API key. Google Maps' documented "search" URL opens the Maps app
#: most Vietnamese phones already have (or the web page), and finds Vietnamese street addresses
#: and commune names far better than OpenStreetMap's search does today.
MAP_SEARCH = "https://www.google.com/maps/search/?api=1&query="


@dataclass(frozen=True)
class Action:
    """One tappable contact: ``kind`` is tel, zalo, email, web or map (its CSS modifier)."""

    kind: str
    label: str
    text: str
    href: str


@dataclass(frozen=True)
class Reach:
    """The contact block: the producer's actions, or (when it has none) the office's."""

    actions: tuple[Action, ...]
    address: str | None
    office: Office | None = None
    office_actions: tuple[Action, ...] = ()

    #: the office's name, phone and e-mail on one line, for the print sheet's foot
    office_line: str = ""

    @property
    def has_contact(self) -> bool:
        """Whether the producer can be called, messaged or written to (a map is not that)."""
        return any(a.kind != "map" for a in self.actions)


def national(phone: str) -> str:
    """``+84 905 123 456`` → ``0905123456`` (digits as dialled inside Việt Nam)."""
    digits = re.sub(r"[^\d+]", "", phone)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    return digits


def zalo_href(phone: str) -> str | None:
    """``https://zalo.me/0905123456`` for a Vietnamese mobile number, else None."""
    digits = national(phone)
    return f"https://zalo.me/{digits}" if _MOBILE.fullmatch(digits) else None


def map_href(address: str) -> str:
    return MAP_SEARCH + quote(address, safe="")


def map_query(product: Product) -> str | None:
    """What the map searches for the producer's address: the address in today's units
    (generator/places/address.py), else as written (already current, or not convertible)."""
    address = product.subject.address if product.subject else None
    if not address:
        return None
    origin = product.origin
    former = origin.scheme == "pre-2025-07"
    commune = origin.commune.name if former and origin.commune else None
    province = origin.province.code if former else None
    return address_now(address, commune, province, origin.current) or address


def _phones(phones: tuple[str, ...] | list[str], lang: str) -> list[Action]:
    actions = []
    for phone in phones:
        actions.append(Action("tel", t("contact.call", lang), phone, tel_href(phone)))
        zalo = zalo_href(phone)
        if zalo:
            actions.append(Action("zalo", t("contact.zalo", lang), phone, zalo))
    return actions


def _email(email: str | None, lang: str) -> list[Action]:
    return [Action("email", t("contact.email", lang), email, f"mailto:{email}")] if email else []


def subject_actions(subject: Subject | None, lang: str = "vi") -> list[Action]:
    """The producer's public contacts, calls first (what a buyer on a phone does)."""
    if subject is None:
        return []
    actions = _phones(subject.phones, lang) + _email(subject.email, lang)
    if subject.website:
        shown = re.sub(r"^https?://", "", subject.website).rstrip("/")
        actions.append(Action("web", t("contact.website", lang), shown, subject.website))
    return actions


def _places(product: Product) -> list[str]:
    """Names of the product's units, the most local first (commune, district, province)."""
    origin, current = product.origin, product.origin.current
    names = []
    if current is not None:
        names += [u.name for u in (current.commune, current.former_district) if u is not None]
    names += origin.recorded_names()[:2]
    if current is not None:
        names.append(current.province.name)
    names.append(origin.province.name)
    return names


def office_for(product: Product, config: SiteConfig) -> Office | None:
    """The office answering for the product's place: commune, then district, then province,
    then the default office (no ``areas``), then the site's own contact."""
    offices = config.offices
    for name in _places(product):
        for office in offices:
            if fold(name) in {fold(a) for a in office.areas}:
                return office
    default = [o for o in offices if not o.areas]
    if default:
        return default[0]
    if config.contact_email or config.contact_phone:
        return Office(config.publisher, config.contact_phone, config.contact_email)
    return None


def reach(product: Product, config: SiteConfig) -> Reach:
    lang = config.language
    subject = product.subject
    address = subject.address if subject else None
    actions = subject_actions(subject, lang)
    query = map_query(product)
    if address and query:
        actions.append(Action("map", t("contact.map", lang), address, map_href(query)))
    office = None if any(a.kind != "map" for a in actions) else office_for(product, config)
    if office is None:
        return Reach(tuple(actions), address)
    office_actions = _phones([office.phone] if office.phone else [], lang) + \
        _email(office.email, lang)
    means = " · ".join(m for m in (office.name, office.phone, office.email) if m)
    return Reach(tuple(actions), address, office, tuple(office_actions),
                 SAY("print.office", lang, office=means))
