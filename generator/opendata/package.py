"""``datapackage.json``: a Frictionless Data Package (v1 descriptor) describing the files of
``du-lieu/``, with the licence and publisher of mkdocs.yml's ``extra.ocop``.

Paths are relative to ``du-lieu/`` where the descriptor lives. The CSV is a tabular resource
with a Table Schema built from :mod:`.columns`; a JSON resource names the JSON Schema its
file meets in ``jsonSchema`` (a property of ours: Data Package v1 has no slot for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..site.config import SiteConfig
from ..textfold import slugify
from .columns import Column

PROPOSED = " (đề xuất, tỉnh chưa xác nhận / proposed, not yet confirmed by the province)"


@dataclass(frozen=True)
class Resource:
    """One file the package lists: ``path`` relative to du-lieu/."""

    name: str
    path: str
    title: str
    description: str
    size: int
    columns: Sequence[Column] = ()
    json_schema: str | None = None

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "path": self.path, "title": self.title,
                               "description": self.description, "encoding": "utf-8",
                               "bytes": self.size}
        if self.columns:
            out |= {"profile": "tabular-data-resource", "format": "csv",
                    "mediatype": "text/csv", "schema": table_schema(self.columns)}
        else:
            out |= {"profile": "data-resource", "format": "json",
                    "mediatype": "application/json"}
        if self.json_schema:
            out["jsonSchema"] = self.json_schema
        return out


def table_schema(columns: Sequence[Column]) -> dict[str, Any]:
    fields = []
    for column in columns:
        field: dict[str, Any] = {"name": column.name, "type": column.type,
                                 "title": column.vi, "description": column.description()}
        if column.type == "date":
            field["format"] = "%Y-%m-%d"
        fields.append(field)
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def licence(config: SiteConfig) -> dict[str, str]:
    chosen = config.licence
    title = chosen.title + ("" if chosen.confirmed else PROPOSED)
    return {"name": chosen.name, "path": chosen.path, "title": title}


def datapackage(config: SiteConfig, today: date, resources: Sequence[Resource]) -> dict[str, Any]:
    publisher: dict[str, str] = {"title": config.publisher, "role": "publisher"}
    if config.contact_email:
        publisher["email"] = config.contact_email
    return {
        "profile": "data-package",
        "name": slugify(config.site_name) or "ocop",
        "id": config.absolute("du-lieu/datapackage.json"),
        "title": config.site_name,
        "description": (f"Danh mục sản phẩm OCOP {config.region}: hạng sao, hiệu lực, chủ thể, "
                        "nơi sản xuất. Giá trị do công cụ tính ghi trong các khối `derived` "
                        "(JSON) và được đánh dấu \"suy ra / derived\" (CSV).\n\n"
                        f"OCOP product catalogue of {config.region}: stars, validity, producers, "
                        "origin. Computed values are in `derived` objects (JSON) and marked "
                        "\"derived\" (CSV)."),
        "homepage": config.site_url,
        "created": f"{today.isoformat()}T00:00:00Z",
        "keywords": ["OCOP", "Mỗi xã một sản phẩm", "One Commune One Product", config.region],
        "licenses": [licence(config)],
        "contributors": [publisher],
        "resources": [r.descriptor() for r in resources],
    }
