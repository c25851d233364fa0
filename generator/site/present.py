"""What a page shows about a product, computed once in Python: templates only display.

Validity, badges, contact links, origin lines, paragraphs and facets are decided here, so the
rules live in one place and the templates stay free of logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model.product import Product, Recognition, RecognitionState, Text
from ..rules import PartialDate
from ..textfold import slugify
from .collate import ascii_sort_key
from .i18n import t

PRODUCT_DIR = "san-pham"


@dataclass(frozen=True)
class Badge:
    """The star badge: shows a current star only when a recognition is valid today."""

    state: RecognitionState
    stars: int
    current: bool
    label: str
    detail: str


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
    note: str
    source: str | None


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
    standards: list[dict[str, Any]]
    sections: list[tuple[str, list[Block], list[Block]]]
    packaging: list[tuple[str, str]]
    price: str | None
    search_text: str
    related: dict[str, list[ProductView]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.product.id

    @property
    def name(self) -> Text:
        return self.product.name


def product_url(product_id: str) -> str:
    return f"{PRODUCT_DIR}/{product_id}/"


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def badge(product: Product, today: date, lang: str = "vi") -> Badge:
    current = product.current_recognition(today)
    if current is not None:
        state = current.state(today)
        earliest, _ = current.valid_until
        key = "expiring" if state is RecognitionState.EXPIRING else (
            "valid_until" if current.signed.exact else "valid_until_about")
        return Badge(state, current.stars, True, t("ocop_stars", lang, n=current.stars),
                     t(key, lang, date=_day(earliest)))
    latest = product.latest_recognition()
    state = latest.state(today)
    earliest, end = latest.valid_until
    if state is RecognitionState.REVOKED:
        detail = t("revoked", lang)
    elif state is RecognitionState.UNCERTAIN:
        detail = t("uncertain", lang, earliest=_day(earliest), latest=_day(end))
    else:
        detail = t("expired_on", lang, date=_day(end))
    return Badge(state, latest.stars, False, t(f"state.{state}", lang), detail)


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
            state=t(f"state.{rec.state(today)}", lang), note=rec.note or "", source=rec.source))
    return rows


def tel_href(phone: str) -> str:
    digits = re.sub(r"[^\d+]", "", phone)
    return "tel:" + ("+84" + digits[1:] if digits.startswith("0") else digits)


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


def _origin(product: Product, lang: str) -> tuple[list[str], str, dict[str, list[str]]]:
    recorded = product.origin["recorded"]
    current = product.current_origin
    lines: list[str] = []
    if recorded.get("village"):
        lines.append(recorded["village"])
    if product.origin.get("craft_village"):
        lines.append(product.origin["craft_village"])
    facets: dict[str, list[str]] = {}
    if current is not None:
        parts = [u.name for u in (current.commune, current.province) if u is not None]
        lines.append(", ".join(parts))
        facets["tinh"] = [current.province.name]
        if current.commune is not None:
            facets["xa"] = [current.commune.name]
        if current.former_district is not None:
            lines.append(t("former_district", lang, name=current.former_district.name))
            facets["huyen_cu"] = [current.former_district.name]
        place = current.former_district.name if current.former_district else parts[0]
    else:
        names = [recorded[k]["name"] for k in ("commune", "district", "province") if k in recorded]
        lines.append(", ".join(names))
        place = names[0]
    return lines, place, facets


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
    out = []
    for key in ("description", "ingredients", "usage", "storage"):
        text = product.content.get(key)
        if text:
            out.append((key, paragraphs(text["vi"]), paragraphs(text.get("en") or "")))
    return out


def _standards(product: Product, today: date, lang: str) -> list[dict[str, Any]]:
    out = []
    for item in product.standards:
        until = PartialDate.parse(item["valid_until"]) if item.get("valid_until") else None
        expired = until is not None and until.latest() < today
        validity = ""
        if until is not None:
            key = "standard_expired" if expired else "valid_standard_until"
            validity = t(key, lang, date=until.display())
        scheme = t(f"standard.{item['scheme']}", lang)
        out.append({"label": item.get("name") or scheme,
                    "listing": f"tieu-chuan/{slugify(scheme)}/",
                    "scheme": t(f"standard.{item['scheme']}", lang),
                    "certificate": item.get("certificate", ""), "issuer": item.get("issuer", ""),
                    "validity": validity, "expired": expired})
    return out


def vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " ₫"


def _price(product: Product) -> str | None:
    price = product.price
    if not price:
        return None
    text = vnd(price["min"])
    if price.get("max") and price["max"] != price["min"]:
        text += " – " + vnd(price["max"])
    return f"{text} / {price['unit']}"


def _packaging(product: Product, lang: str) -> list[tuple[str, str]]:
    pack = product.packaging
    rows = []
    if pack.get("description"):
        rows.append((t("packaging", lang), pack["description"]["vi"]))
    for key in ("net_contents", "shelf_life", "gtin"):
        if pack.get(key):
            rows.append((t(key, lang), pack[key]))
    return rows


def _facets(product: Product, view_badge: Badge, place_facets: dict[str, list[str]],
            lang: str) -> dict[str, list[str]]:
    facets = {
        "sao": [t("stars", lang, n=view_badge.stars)],
        "hieu_luc": [t(f"state.{view_badge.state}", lang)],
        "nhom": [product.group],
        "loai": [product.product_type],
        "che_bien": [t(f"processing.{product.processing}", lang)],
        "loai_hinh": [t(f"legal_form.{(product.subject and product.subject.legal_form) or 'unknown'}",
                        lang)],
        **place_facets,
    }
    standards = sorted({t(f"standard.{s['scheme']}", lang) for s in product.standards})
    if standards:
        facets["tieu_chuan"] = standards
    return facets


def present(product: Product, today: date, lang: str = "vi") -> ProductView:
    """Everything a product page, card or print sheet shows."""
    view_badge = badge(product, today, lang)
    lines, place, place_facets = _origin(product, lang)
    latest = product.latest_recognition()
    names = [product.name.vi, product.name.en or "", *product.aliases, product.product_type,
             product.subject.name if product.subject else "", place, *lines]
    return ProductView(
        product=product, url=product_url(product.id), badge=view_badge,
        history=_history(product, today, lang),
        facets=_facets(product, view_badge, place_facets, lang),
        sort={"ten": ascii_sort_key(product.name.vi),
              "sao": str(view_badge.stars if view_badge.current else 0),
              "ngay": latest.signed.latest().isoformat()},
        place=place, origin_lines=lines, contacts=_contacts(product),
        standards=_standards(product, today, lang), sections=_sections(product),
        packaging=_packaging(product, lang), price=_price(product),
        search_text=" ".join(n for n in names if n))


def recognition_label(rec: Recognition, lang: str = "vi") -> str:
    return t("ocop_stars", lang, n=rec.stars)
