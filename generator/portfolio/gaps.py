"""Data gaps the portfolio review lists: what a product's file still lacks for buyers.

A product may have several gaps, so the gap lists are not a partition of the catalogue.
"""

from __future__ import annotations

from ..model.product import Photo, Product
from ..textfold import fold

#: in the review's order
GAPS = ("photos", "name_en", "description_en", "standards", "contact", "source")

#: the alt text officers give a stand-in picture ("Ảnh minh hoạ (chưa có ảnh thật) — …"),
#: the words the site prints on such a photo (generator/site/i18n.py ``placeholder_photo``)
PLACEHOLDER_ALT = fold("Ảnh minh hoạ")


def is_placeholder(photo: Photo) -> bool:
    return fold(photo.alt.vi).startswith(PLACEHOLDER_ALT)


def has_public_contact(product: Product) -> bool:
    """A phone, an email or a website of the subject (as ``subject.no_contact`` asks)."""
    subject = product.subject
    return subject is not None and bool(subject.phones or subject.email or subject.website)


def gaps_of(product: Product) -> set[str]:
    """The keys of :data:`GAPS` this product has."""
    missing = {
        "photos": all(is_placeholder(p) for p in product.photos),  # none, or stand-ins only
        "name_en": not product.name.en,
        "description_en": not product.content.description.en,
        "standards": not product.standards,
        "contact": not has_public_contact(product),
        "source": product.latest_recognition().source is None,
    }
    return {gap for gap, lacking in missing.items() if lacking}
