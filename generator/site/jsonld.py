"""schema.org ``Product`` structured data with the real facts only.

The OCOP star is an official grade, not buyer reviews: it is published as ``award`` (text)
while valid, never as ``AggregateRating``. Offers appear only when a price is given.
"""

from __future__ import annotations

from typing import Any

from ..model.product import Price
from .config import SiteConfig
from .present import ProductView


def product_jsonld(view: ProductView, config: SiteConfig, images: list[str]) -> dict[str, Any]:
    product = view.product
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Product",
        "name": product.name.vi, "url": config.absolute(view.url),
        "description": product.content.description.vi,
        "category": product.group, "countryOfOrigin": {"@type": "Country", "name": "VN"},
    }
    if product.name.en:
        data["alternateName"] = product.name.en
    if images:
        data["image"] = [config.absolute(i) for i in images]
    if product.packaging.gtin:
        data["gtin"] = product.packaging.gtin
    if product.subject is not None:
        maker: dict[str, Any] = {"@type": "Organization", "name": product.subject.name}
        if product.subject.address:
            maker["address"] = product.subject.address
        if product.subject.phones:
            maker["telephone"] = product.subject.phones[0]
        if product.subject.website:
            maker["url"] = product.subject.website
        data["manufacturer"] = maker
        data["brand"] = {"@type": "Brand", "name": product.subject.name}
    if view.badge.current:
        data["award"] = f"OCOP {view.badge.stars} sao — {view.badge.detail}"
    if product.price:
        data["offers"] = _offer(product.price, config.absolute(view.url))
    return data


def _offer(price: Price, url: str) -> dict[str, Any]:
    if price.is_range:
        return {"@type": "AggregateOffer", "lowPrice": price.min, "highPrice": price.max,
                "priceCurrency": "VND", "url": url}
    return {"@type": "Offer", "price": price.min, "priceCurrency": "VND", "url": url}
