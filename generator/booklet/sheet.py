"""What a booklet prints about one product, decided once (templates only print).

Built from the site's :class:`~generator.site.present.ProductView`, so the badge (an expired
or revoked star reads "Đã hết hạn" / "Đã thu hồi" as on the site), the producer's legal form,
the origin in current units and the standards' validity are worded exactly as on the site.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model.product import Product
from ..site.config import SiteConfig
from ..site.i18n import t as site_t
from ..site.images import PhotoPipeline, PhotoSet
from ..site.present import Badge, StandardRow, paragraphs, present, product_url, summary
from ..site.qr import QrCodes
from .photos import PrintPhoto, print_photo

#: the longest lead paragraph of a one-per-page sheet, in characters (cut at a sentence)
LEAD_CHARS = 1200
#: photo boxes (width, height in mm) of the two layouts
PHOTO_BOX = {"1up": (100.0, 75.0), "4up": (52.0, 39.0)}


@dataclass(frozen=True)
class Producer:
    name: str
    legal_form: str
    phones: tuple[str, ...]
    email: str
    address: str


@dataclass(frozen=True)
class Sheet:
    """One product as printed; ``anchor`` is its id in the booklet (contents links to it)."""

    anchor: str
    name: str
    name_en: str
    badge: Badge
    group: str
    product_type: str
    producer: Producer | None
    origin: list[str]
    standards: list[StandardRow]
    lead: str
    short: str
    price: str | None
    url: str
    qr: str  # data: URI of the QR code's SVG
    photo: PrintPhoto | None
    booth: str | None = None
    #: the decision behind the badge: "Quyết định 377/QĐ-BNNMT · ký ngày 17/01/2025 · …"
    recognition: str = ""
    #: the product file, for messages ("products/hoi-an/…/product.yaml")
    source: str = ""


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """The first paragraph of ``text``, cut after the last sentence that fits ``limit``."""
    blocks = paragraphs(text)
    first = (blocks[0].text or "; ".join(blocks[0].items)) if blocks else ""
    if len(first) <= limit:
        return first
    sentences = re.split(r"(?<=[.!?…])\s", first)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or summary(first)


def _producer(product: Product, legal_form: str) -> Producer | None:
    subject = product.subject
    if subject is None:
        return None
    return Producer(subject.name, legal_form, subject.phones, subject.email or "",
                    subject.address or "")


def recognition_line(product: Product, today: date, lang: str) -> str:
    """The decision of the recognition the badge is about (the current one, else the latest)."""
    rec = product.current_recognition(today) or product.latest_recognition()
    parts = [f"{site_t('decision', lang)} {rec.decision}" if rec.decision
             else site_t("decision_unknown", lang),
             site_t("signed", lang, date=rec.signed.display()), rec.authority or "",
             site_t("score", lang, score=f"{rec.score:g}".replace(".", ","))
             if rec.score is not None else ""]
    return " · ".join(part for part in parts if part)


def _qr(qr: QrCodes, url: str, name: str) -> str:
    svg = qr.svg(url, f"QR: {name}")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


class Sheets:
    """Makes :class:`Sheet` values for one booklet run (one photo pipeline, one QR cache)."""

    def __init__(self, config: SiteConfig, today: date, pipeline: PhotoPipeline,
                 qr_cache: Path | None, layout: str = "1up",
                 photos: Mapping[Path, PhotoSet] | None = None) -> None:
        self.config, self.today, self.pipeline = config, today, pipeline
        self.qr, self.box = QrCodes(qr_cache), PHOTO_BOX[layout]
        #: photos a batch already made, by source path (the others are made one at a time)
        self.photos = photos if photos is not None else {}

    def sheet(self, product: Product, booth: str | None = None) -> Sheet:
        lang = self.config.language
        view = present(product, self.today, lang)
        url = self.config.absolute(product_url(product.id))
        photo = print_photo(self.pipeline, product.folder, product.photos[0].file, self.box,
                            self.photos.get(product.folder / product.photos[0].file)) \
            if product.photos else None
        return Sheet(
            anchor=f"p-{product.id}", name=product.name.vi, name_en=product.name.en or "",
            badge=view.badge, group=product.group, product_type=product.product_type,
            producer=_producer(product, view.labels["legal_form"]), origin=view.origin_lines,
            standards=view.standards, lead=lead(product.content.description.vi),
            short=view.summary, price=view.price, url=url, qr=_qr(self.qr, url, product.name.vi),
            photo=photo, booth=booth, recognition=recognition_line(product, self.today, lang),
            source=product.source_file)
