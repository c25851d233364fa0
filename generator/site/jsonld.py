"""What a product page tells search engines and social previews: schema.org ``Product``
structured data with the real facts only, and the meta description.

The OCOP star is an official grade, not buyer reviews: it is published as ``award`` (text)
while valid, never as ``AggregateRating``. Offers appear only when a price is given.
"""

from __future__ import annotations

from typing import Any

from ..model.product import Price
from ..validity import inline
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


def meta_description(view: ProductView) -> str:
    """The page's meta and social-preview description, built from fields, never from the
    description's prose (which goes stale): "Nước mắm nhĩ Thử Nghiệm — OCOP 5 sao, hiệu lực đến
    16/01/2028 · Nước mắm · Thành phố Hội An · Công ty TNHH Nước mắm Thử Nghiệm"."""
    product, badge = view.product, view.badge
    parts = [f"{product.name.vi} — {badge.label}, {inline(badge.detail)}", product.product_type,
             view.place]
    if product.subject is not None:
        parts.append(product.subject.name)
    return " · ".join(part for part in parts if part)
