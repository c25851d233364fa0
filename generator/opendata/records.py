"""A product as a public open-data record: the one mapping from the typed model.

What the officer recorded is copied as recorded; what the tool computes (validity on the build
day, the recognising level and rules, the current administrative units, a standard's expiry)
sits in a ``derived`` object next to it, so nobody mistakes a computed value for a recorded
one. Never copied: the recognitions' ``note`` (officers' remarks about their sources), the
subject's ``tax_code`` (a household's may be its owner's personal number; the site does not
show it either), photo metadata (only the published, GPS-free copies are linked), file paths, and
``origin.coordinates`` (the site does not show them yet, and a household's workshop may be its
home: open data publishes what the pages publish, no more).
``schema/product-record.schema.json`` is the contract these records meet (a test holds it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..model.product import (
    Origin,
    Product,
    Recognition,
    Standard,
    Subject,
    Text,
)
from ..places.tables import Unit
from ..rules import PartialDate

#: where each product's record is published, beside its page san-pham/<id>/
RECORD_PATH = "san-pham/{id}.json"
RECORD_SCHEMA = "du-lieu/schema/product-record.schema.json"


def _text(text: Text | None) -> dict[str, str | None] | None:
    return None if text is None else {"vi": text.vi, "en": text.en}


def _iso(value: PartialDate | None) -> str | None:
    return None if value is None else value.iso()


def _unit(unit: Unit | None) -> dict[str, str] | None:
    return None if unit is None else {"code": unit.code, "name": unit.name}


def _recognition(rec: Recognition, today: date) -> dict[str, Any]:
    validity = rec.validity(today)
    return {
        "decision": rec.decision, "signed": rec.signed.iso(), "stars": rec.stars,
        "authority": rec.authority, "score": rec.score, "status": rec.recorded_status,
        "revoked_on": _iso(rec.revoked_on), "source": rec.source,
        "derived": {"level": str(rec.derived_level), "rules": rec.derived_rules,
                    "valid_until": validity.last_day.isoformat(),
                    "valid_until_latest": validity.last_day_latest.isoformat(),
                    "state": str(validity.state), "current": validity.state.is_current}}


def _subject(subject: Subject | None) -> dict[str, Any] | None:
    if subject is None:
        return None
    return {"name": subject.name, "legal_form": subject.legal_form,
            "aliases": list(subject.aliases), "address": subject.address,
            "phones": list(subject.phones), "email": subject.email, "website": subject.website}


def _origin(origin: Origin) -> dict[str, Any]:
    recorded: dict[str, Any] = {"scheme": origin.scheme,
                "province": {"code": origin.province.code, "name": origin.province.name}}
    for key, unit in (("district", origin.district), ("commune", origin.commune)):
        recorded[key] = None if unit is None else {"code": unit.code, "name": unit.name}
    current = origin.current
    return {
        "recorded": recorded, "village": origin.village, "craft_village": origin.craft_village,
        "derived": {
            "province": _unit(current.province if current else None),
            "commune": _unit(current.commune if current else None),
            "former_district": _unit(current.former_district if current else None),
            "area": origin.area.name}}


def _standard(standard: Standard, today: date) -> dict[str, Any]:
    return {"scheme": standard.scheme, "name": standard.name,
            "certificate": standard.certificate, "issuer": standard.issuer,
            "valid_from": _iso(standard.valid_from), "valid_until": _iso(standard.valid_until),
            "source": standard.source, "derived": {"expired": standard.expired(today)}}


def _summary(product: Product, today: date) -> dict[str, Any]:
    """The headline the site's badge shows: the current recognition, else the latest one."""
    current = product.current_recognition(today)
    shown = current or product.latest_recognition()
    validity = shown.validity(today)
    return {"as_of": today.isoformat(), "stars": current.stars if current else None,
            "state": str(validity.state), "valid_until": validity.last_day.isoformat(),
            "recognition": product.recognitions.index(shown)}


def _content(product: Product) -> dict[str, Any]:
    content = product.content
    return {"description": _text(content.description), "ingredients": _text(content.ingredients),
            "usage": _text(content.usage), "storage": _text(content.storage)}


def _sale(product: Product) -> dict[str, Any]:
    pack, price = product.packaging, product.price
    return {
        "packaging": {"description": _text(pack.description), "net_contents": pack.net_contents,
                      "shelf_life": pack.shelf_life, "gtin": pack.gtin,
                      "traceability_url": pack.traceability_url},
        "price": None if price is None else {"min": price.min, "max": price.max,
                                             "unit": price.unit, "as_of": price.as_of},
        "sales_channels": [{"kind": c.kind, "name": c.name, "url": c.url}
                           for c in product.sales_channels]}


def product_record(product: Product, today: date, site_url: str,
                   photos: Sequence[str] = ()) -> dict[str, Any]:
    """The public record of ``product`` as of ``today``; ``photos`` are the site-relative
    paths of its published photos, in the order of ``product.photos``."""
    base = site_url.rstrip("/") + "/"
    group = product.group_recorded
    return {
        "id": product.id, "url": f"{base}san-pham/{product.id}/",
        "record_url": base + RECORD_PATH.format(id=product.id),
        "name": _text(product.name), "aliases": list(product.aliases),
        "product_type": product.product_type, "group": product.group,
        "subgroup": product.subgroup,
        "group_recorded": None if group is None else {"taxonomy": group[0], "name": group[1]},
        "processing": product.processing, "subject": _subject(product.subject),
        "recognitions": [_recognition(r, today) for r in product.recognitions],
        "standards": [_standard(s, today) for s in product.standards],
        "origin": _origin(product.origin), "content": _content(product), **_sale(product),
        "photos": [{"url": base + path, "role": photo.role, "alt": _text(photo.alt)}
                   for photo, path in zip(product.photos, photos, strict=False)],
        "sources": [{"url": s.url, "title": s.title} for s in product.sources],
        "derived": _summary(product, today)}
