"""The one function that turns a schema-valid document into a typed :class:`Product`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..rules import Level, PartialDate
from .product import (
    Content,
    Improvement,
    Origin,
    Packaging,
    Photo,
    Price,
    Product,
    Recognition,
    RecordedUnit,
    SalesChannel,
    Source,
    Specialty,
    Standard,
    Subject,
    Text,
)

if TYPE_CHECKING:
    from ..places import CurrentOrigin


def text(data: Mapping[str, str] | None) -> Text | None:
    return Text(data["vi"], data.get("en")) if data else None


def _date(value: Any) -> PartialDate | None:
    return PartialDate.parse(str(value)) if value else None


def parse_recognition(index: int, data: Mapping[str, Any]) -> Recognition:
    """One entry of ``recognitions`` (its signing date already checked to be a real date)."""
    signed = PartialDate.parse(str(data["signed"]))
    assert signed is not None, "checked before the model is built"
    revoked = data.get("revoked") or {}
    return Recognition(
        index=index, signed=signed, stars=int(data["stars"]), decision=data.get("decision"),
        authority=data.get("authority"),
        level=Level(data["level"]) if data.get("level") else None,
        rules=data.get("rules"), score=data.get("score"),
        recorded_status=data.get("status", "active"), note=data.get("note"),
        source=data.get("source"), revoked_on=_date(revoked.get("date")))


def _subject(data: Mapping[str, Any] | None) -> Subject | None:
    if not data:
        return None
    contact = data.get("contact", {})
    return Subject(name=data["name"], legal_form=data.get("legal_form"),
                   aliases=tuple(data.get("aliases", ())), tax_code=data.get("tax_code"),
                   address=data.get("address"), phones=tuple(contact.get("phones", ())),
                   email=contact.get("email"), website=contact.get("website"))


def _unit(data: Mapping[str, str] | None) -> RecordedUnit | None:
    return RecordedUnit(data["name"], data.get("code")) if data else None


def _origin(data: Mapping[str, Any], current: CurrentOrigin | None) -> Origin:
    recorded = data["recorded"]
    province = _unit(recorded["province"])
    assert province is not None
    point = data.get("coordinates")
    return Origin(scheme=recorded["scheme"], province=province,
                  district=_unit(recorded.get("district")), commune=_unit(recorded.get("commune")),
                  village=recorded.get("village"), craft_village=data.get("craft_village"),
                  current_commune=data.get("current_commune"),
                  coordinates=(point["lat"], point["lon"]) if point else None, current=current)


def _content(data: Mapping[str, Any]) -> Content:
    description = text(data["description"])
    assert description is not None
    return Content(description, text(data.get("ingredients")), text(data.get("usage")),
                   text(data.get("storage")))


def _packaging(data: Mapping[str, Any]) -> Packaging:
    return Packaging(text(data.get("description")), data.get("net_contents"),
                     data.get("shelf_life"), data.get("gtin"), data.get("traceability_url"))


def _standard(data: Mapping[str, Any]) -> Standard:
    return Standard(data["scheme"], data.get("name"), data.get("certificate"), data.get("issuer"),
                    _date(data.get("valid_from")), _date(data.get("valid_until")),
                    data.get("source"))


def _improvement(data: Mapping[str, Any]) -> Improvement:
    when, description = _date(data["date"]), text(data["description"])
    assert when is not None and description is not None, "checked before the model is built"
    return Improvement(when, data["kind"], description, data["source"])


def _specialty(data: Mapping[str, Any] | None) -> Specialty | None:
    description = text(data["description"]) if data else None
    return Specialty(description, data["source"]) if data and description else None


def _price(data: Mapping[str, Any] | None) -> Price | None:
    return Price(data["min"], data["unit"], data.get("max"), data.get("as_of")) if data else None


def _photo(data: Mapping[str, Any]) -> Photo:
    alt = text(data["alt"])
    assert alt is not None
    return Photo(data["file"], data["role"], alt, data.get("date"))


def build_product(data: Mapping[str, Any], source_file: str, folder: Path,
                  current_origin: CurrentOrigin | None = None) -> Product:
    """A :class:`Product` from schema-valid data."""
    recorded_group = data.get("group_recorded")
    return Product(
        id=data["id"], source_file=source_file, folder=folder,
        name=Text(data["name"]["vi"], data["name"].get("en")),
        product_type=data["product_type"], group=data["group"], processing=data["processing"],
        recognitions=tuple(parse_recognition(i, r) for i, r in enumerate(data["recognitions"])),
        origin=_origin(data["origin"], current_origin), content=_content(data["content"]),
        sources=tuple(Source(s["url"], s.get("title")) for s in data["sources"]),
        subject=_subject(data.get("subject")), aliases=tuple(data.get("aliases", ())),
        subgroup=data.get("subgroup"),
        group_recorded=(recorded_group["taxonomy"], recorded_group["name"])
        if recorded_group else None,
        standards=tuple(_standard(s) for s in data.get("standards", ())),
        packaging=_packaging(data.get("packaging", {})),
        photos=tuple(_photo(p) for p in data.get("photos", ())),
        price=_price(data.get("price")),
        sales_channels=tuple(SalesChannel(c["kind"], c["name"], c.get("url"))
                             for c in data.get("sales_channels", ())),
        improvements=tuple(_improvement(i) for i in data.get("improvements", ())),
        specialty=_specialty(data.get("specialty")))
