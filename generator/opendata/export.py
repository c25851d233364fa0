"""The open-data files of one build: :func:`export` is the one entry point.

It takes the published products (with the paths of their published photos) and the event
records (plain mappings, made by the events package; none until it lands) and returns every
file of ``du-lieu/`` plus one record per product at ``san-pham/<id>.json``, beside the page
``san-pham/<id>/``. An events resource is listed (and ``du-lieu/su-kien.json`` written) only
when there are events: an empty file would promise a shape no event has been checked against.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import IO, Any

from ..model.product import Product
from ..resources import resource_path
from ..site.config import SiteConfig
from .columns import PRODUCT_COLUMNS, Column
from .csvfile import Rows, csv_text
from .package import Resource, datapackage, licence
from .records import RECORD_PATH, product_record

FOLDER = "du-lieu"
#: the JSON Schemas published under du-lieu/schema/, from the repository's schema/
SCHEMAS = ("product.schema.json", "product-record.schema.json", "catalogue.schema.json")


@dataclass(frozen=True)
class Published:
    """A product the site publishes, with its photos' site-relative paths (product order)."""

    product: Product
    photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenFile:
    """A file of the site: ``path`` relative to the site root; text or a file to copy."""

    path: str
    content: str | None = None
    source: Path | None = None

    @property
    def size(self) -> int:
        if self.content is not None:
            return len(self.content.encode("utf-8"))
        assert self.source is not None
        return self.source.stat().st_size


@dataclass(frozen=True)
class OpenData:
    files: list[OpenFile]
    resources: list[Resource]
    schemas: list[OpenFile]
    #: the per-product records: how many, their total size in bytes, one example path
    records: tuple[int, int, str] = (0, 0, "")
    descriptor: dict[str, Any] = field(default_factory=dict)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _json_with_list(head: Mapping[str, Any], name: str, texts: Sequence[str]) -> str:
    """``_json({**head, name: items})`` from each item's own ``_json`` text: json.dumps with
    an indent is Python's slow encoder, and every product record is published on its own
    too. An item nested two levels deep is its own text with each line indented by two."""
    start, end = _list_ends(head, name, bool(texts))
    return start + "".join(_list_item(index, t) for index, t in enumerate(texts)) + end


def _list_ends(head: Mapping[str, Any], name: str, items: bool) -> tuple[str, str]:
    """What :func:`_json_with_list` writes before its first item and after its last."""
    if name in head:
        raise ValueError(f"{name!r} is already a key of the header")
    shell = _json({**head, name: None})
    tail = f'"{name}": null\n}}\n'
    assert shell.endswith(tail), "json.dumps puts the last key last"
    if not items:
        return shell[: -len(tail)] + f'"{name}": []\n}}\n', ""
    return shell[: -len(tail)] + f'"{name}": [\n', "\n ]\n}\n"


def _list_item(index: int, text: str) -> str:
    return (",\n  " if index else "  ") + text.rstrip("\n").replace("\n", "\n  ")


class Output:
    """Where :func:`export` puts its files: kept as text (``folder`` None), or written into
    ``folder`` as they are made. At 20,000 products the records, ``san-pham.json`` and
    ``san-pham.csv`` are 270 MB of text, all of it held until the site was written; written
    as made, one record at a time is."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._folders: set[Path] = set()

    def text(self, path: str, text: str) -> tuple[OpenFile, int]:
        """One whole file, and its size in bytes."""
        data = text.encode("utf-8")
        if self.folder is None:
            return OpenFile(path, text), len(data)
        target = self._target(path)
        with open(target, "wb") as out:
            out.write(data)
        return OpenFile(path, source=target), len(data)

    def open(self, path: str) -> IO[str]:
        """A file written piece by piece (closed by its ``with``, whatever happens); then
        :meth:`done` gives it."""
        if self.folder is None:
            return io.StringIO()
        return open(self._target(path), "w", encoding="utf-8", newline="")

    def done(self, path: str, text: str | None) -> OpenFile:
        """The file :meth:`open` wrote: its ``text`` when kept in memory, else where it is."""
        if text is not None:
            return OpenFile(path, text)
        assert self.folder is not None
        return OpenFile(path, source=self.folder / path)

    def _target(self, path: str) -> Path:
        assert self.folder is not None
        target = self.folder / path
        if target.parent not in self._folders:
            os.makedirs(target.parent, exist_ok=True)
            self._folders.add(target.parent)
        return target


def _header(config: SiteConfig, today: date, count: int) -> dict[str, Any]:
    return {"title": config.site_name, "publisher": config.publisher,
            "licence": {**licence(config), "confirmed": config.licence.confirmed},
            "as_of": today.isoformat(), "site_url": config.site_url, "count": count}


def _table(name: str, stem: str, words: tuple[str, str], items: Sequence[Mapping[str, Any]],
           columns: Sequence[Column], header: dict[str, Any],
           json_schema: str | None) -> list[tuple[OpenFile, Resource]]:
    """The JSON file (header + items under ``name``) and, with columns, the CSV file (the
    events; the products are written a record at a time by :func:`_products`)."""
    title, description = words
    body = OpenFile(f"{FOLDER}/{stem}.json", _json_with_list(
        header, name, [_json(item) for item in items]))
    out = [(body, Resource(f"{stem}-json", f"{stem}.json", f"{title} (JSON)", description,
                           body.size, json_schema=json_schema))]
    if columns:
        table = OpenFile(f"{FOLDER}/{stem}.csv", csv_text(columns, items))
        out.append((table, Resource(f"{stem}-csv", f"{stem}.csv", f"{title} (CSV)",
                                    description, table.size, columns)))
    return out


def _schemas(config: SiteConfig) -> list[OpenFile]:
    """The schemas, each with its ``$id`` set to the address it is published at (so the
    catalogue schema's ``$ref`` to the record schema resolves on the site itself). Not package
    resources: Frictionless reads a ``*.schema.json`` resource as a Table Schema; the JSON
    resources name theirs in ``jsonSchema`` instead."""
    out = []
    for name in SCHEMAS:
        path = f"{FOLDER}/schema/{name}"
        schema = json.loads(resource_path(f"schema/{name}").read_text(encoding="utf-8"))
        schema["$id"] = config.absolute(path)
        out.append(OpenFile(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n"))
    return out


PRODUCTS = ("Sản phẩm OCOP / OCOP products",
            "Mỗi sản phẩm trang web công bố, một dòng (CSV) hoặc một bản ghi (JSON). / Every "
            "product the site publishes, one row (CSV) or one record (JSON).")
EVENTS = ("Sự kiện xúc tiến thương mại / Trade-promotion events",
          "Hội chợ, triển lãm và sự kiện có sản phẩm OCOP. / Fairs, exhibitions and events "
          "with OCOP products.")


#: gives a record's published text from ``(compact, make)``: ``compact`` is the record's
#: compact JSON (the site keeps texts between builds under it), ``make()`` its ``_json`` text
RecordText = Callable[[str, Callable[[], str]], str]


def _made(compact: str, make: Callable[[], str]) -> str:
    return make()


def compact_json(value: Any) -> str:
    """``value`` as JSON with no spaces: made by the C encoder, a tenth of ``_json``'s time,
    and the same text exactly when ``_json``'s is (both keep the keys' order)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def export(products: Sequence[Published], events: Sequence[Mapping[str, Any]] = (), *,
           config: SiteConfig, today: date, event_columns: Sequence[Column] = (),
           record_text: RecordText = _made, folder: Path | None = None) -> OpenData:
    """Every open-data file as of ``today``; ``event_columns`` (from the events package) add
    an events CSV beside its JSON; ``record_text`` may give a product record's text from a
    cache (:data:`RecordText`); with ``folder``, the files are written there as they are
    made, each an :class:`OpenFile` with that ``source`` (:class:`Output`)."""
    out = Output(folder)
    singles, total, pairs = _products(out, products, config, today, record_text)
    if events:
        pairs += _table("events", "su-kien", EVENTS, events, event_columns,
                        _header(config, today, len(events)), None)
    resources = [resource for _, resource in pairs]
    descriptor = datapackage(config, today, resources)
    files = [item for item, _ in pairs]
    files.append(OpenFile(f"{FOLDER}/datapackage.json", _json(descriptor)))
    schemas = _schemas(config)
    example = singles[0].path if singles else ""
    return OpenData(files + schemas + singles, resources, schemas,
                    (len(singles), total, example), descriptor)


def _products(out: Output, products: Sequence[Published], config: SiteConfig, today: date,
              record_text: RecordText) -> tuple[list[OpenFile], int,
                                                list[tuple[OpenFile, Resource]]]:
    """Each product's record, ``san-pham.json`` and ``san-pham.csv``, a record at a time
    (what :func:`_table` makes of all the records at once); the records' total size."""
    ordered = sorted(products, key=lambda p: p.product.id)
    names = {"json": f"{FOLDER}/san-pham.json", "csv": f"{FOLDER}/san-pham.csv"}
    start, end = _list_ends(_header(config, today, len(ordered)), "products", bool(ordered))
    singles, total = [], 0
    with out.open(names["json"]) as catalogue, out.open(names["csv"]) as table:
        catalogue.write(start)
        rows = Rows(table, PRODUCT_COLUMNS)
        for index, item in enumerate(ordered):
            record = product_record(item.product, today, config.site_url, item.photos)
            text = record_text(compact_json(record), partial(_json, record))
            single, size = out.text(RECORD_PATH.format(id=record["id"]), text)
            singles.append(single)
            total += size
            catalogue.write(_list_item(index, text))
            rows.add(record)
        catalogue.write(end)
        kept = (catalogue.getvalue() if isinstance(catalogue, io.StringIO) else None,
                table.getvalue() if isinstance(table, io.StringIO) else None)
    title, description = PRODUCTS
    body, sheet = out.done(names["json"], kept[0]), out.done(names["csv"], kept[1])
    return singles, total, [
        (body, Resource("san-pham-json", "san-pham.json", f"{title} (JSON)", description,
                        body.size, json_schema="schema/catalogue.schema.json")),
        (sheet, Resource("san-pham-csv", "san-pham.csv", f"{title} (CSV)", description,
                         sheet.size, PRODUCT_COLUMNS))]
