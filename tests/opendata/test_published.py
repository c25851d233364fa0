"""The shipped catalogue's open data: valid against its published schemas, opens in the standard
library's csv module with every name intact, and a datapackage.json Frictionless accepts."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from frictionless import validate as frictionless_validate
from referencing import Registry, Resource

from generator.opendata.columns import PRODUCT_COLUMNS
from generator.opendata.export import OpenData, Published

SCHEMAS = "du-lieu/schema"


def _validator(site: Path, name: str) -> jsonschema.Draft202012Validator:
    """A validator for the *published* schema ``name``, resolving the other published ones."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8"))
               for p in (site / SCHEMAS).glob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return jsonschema.Draft202012Validator(schemas[name], registry=registry,
                                           format_checker=jsonschema.FormatChecker())


def _errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_published_schemas_are_valid_json_schemas(shipped_dir: Path) -> None:
    for path in sorted((shipped_dir / SCHEMAS).glob("*.json")):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text("utf-8")))
    names = sorted(p.name for p in (shipped_dir / SCHEMAS).glob("*.json"))
    assert names == ["catalogue.schema.json", "product-record.schema.json",
                     "product.schema.json"]


def test_the_catalogue_json_validates_against_its_published_schema(
        shipped_dir: Path, shipped_products: list[Published]) -> None:
    data = json.loads((shipped_dir / "du-lieu/san-pham.json").read_text(encoding="utf-8"))
    assert _errors(_validator(shipped_dir, "catalogue.schema.json"), data) == []
    assert data["count"] == len(data["products"]) == len(shipped_products) > 50
    assert [p["id"] for p in data["products"]] == sorted(p.product.id for p in shipped_products)


def test_each_product_record_validates_and_equals_its_catalogue_entry(shipped_dir: Path) -> None:
    validator = _validator(shipped_dir, "product-record.schema.json")
    catalogue = json.loads((shipped_dir / "du-lieu/san-pham.json").read_text(encoding="utf-8"))
    for entry in catalogue["products"]:
        path = shipped_dir / "san-pham" / f"{entry['id']}.json"
        record = json.loads(path.read_text(encoding="utf-8"))
        assert _errors(validator, record) == [], path.name
        assert record == entry
        assert record["record_url"].endswith(f"/san-pham/{entry['id']}.json")
        assert record["url"].endswith(f"/san-pham/{entry['id']}/")


def test_the_csv_opens_with_the_standard_library_and_keeps_every_name(
        shipped_dir: Path, shipped_products: list[Published]) -> None:
    raw = (shipped_dir / "du-lieu/san-pham.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    with (shipped_dir / "du-lieu/san-pham.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [c.name for c in PRODUCT_COLUMNS]
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(rows) == len(shipped_products)
    for published in shipped_products:
        product = published.product
        row = by_id[product.id]
        assert row["name_vi"] == product.name.vi
        assert row["name_en"] == (product.name.en or "")
        assert row["subject_name"] == (product.subject.name if product.subject else "")
    assert any("ộ" in row["name_vi"] or "ư" in row["name_vi"] for row in rows)


def test_csv_stars_and_units_follow_the_derived_record(shipped_dir: Path) -> None:
    with (shipped_dir / "du-lieu/san-pham.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    catalogue = json.loads((shipped_dir / "du-lieu/san-pham.json").read_text(encoding="utf-8"))
    for record in catalogue["products"]:
        row, derived = rows[record["id"]], record["derived"]
        assert row["stars"] == ("" if derived["stars"] is None else str(derived["stars"]))
        assert row["validity_state"] == derived["state"]
        current = record["origin"]["derived"]
        assert row["province_code"] == current["province"]["code"]
        if current["commune"]:
            assert (row["commune_code"], row["commune"]) == (current["commune"]["code"],
                                                            current["commune"]["name"])
    states = {row["validity_state"] for row in rows.values()}
    assert {"active", "expired"} <= states
    assert all(r["stars"] == "" for r in rows.values() if r["validity_state"] == "expired")


def test_datapackage_validates_with_frictionless(shipped_dir: Path, shipped: OpenData) -> None:
    report = frictionless_validate(str(shipped_dir / "du-lieu/datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
    descriptor = json.loads((shipped_dir / "du-lieu/datapackage.json").read_text("utf-8"))
    names = [r["name"] for r in descriptor["resources"]]
    assert names == ["san-pham-json", "san-pham-csv"], "no events yet: no events resource"
    for resource in descriptor["resources"]:
        assert resource["bytes"] == (shipped_dir / "du-lieu" / resource["path"]).stat().st_size
    table = descriptor["resources"][1]["schema"]
    assert [f["name"] for f in table["fields"]] == [c.name for c in PRODUCT_COLUMNS]
    derived = {f["name"] for f in table["fields"] if "derived" in f["description"]}
    assert {"stars", "validity_state", "valid_until", "commune", "province"} <= derived


def test_datapackage_names_the_licence_as_a_proposal_and_the_publisher(
        shipped_dir: Path) -> None:
    descriptor = json.loads((shipped_dir / "du-lieu/datapackage.json").read_text("utf-8"))
    (licence,) = descriptor["licenses"]
    assert licence["name"] == "CC-BY-4.0"
    assert "chưa xác nhận" in licence["title"] and "not yet confirmed" in licence["title"]
    assert descriptor["contributors"][0]["role"] == "publisher"
    assert descriptor["contributors"][0]["title"].startswith("Văn phòng Điều phối")


@pytest.mark.parametrize("column", [c for c in PRODUCT_COLUMNS if c.type == "date"])
def test_date_columns_are_iso_dates(shipped_dir: Path, column: Any) -> None:
    with (shipped_dir / "du-lieu/san-pham.csv").open(encoding="utf-8-sig", newline="") as handle:
        values = [row[column.name] for row in csv.DictReader(handle)]
    assert all(len(v) == 10 and v[4] == v[7] == "-" for v in values)


def test_every_record_field_is_explained_in_both_languages() -> None:
    from generator.resources import resource_path
    from generator.site.opendata import schema_fields

    schema = json.loads(resource_path("schema/product-record.schema.json").read_text("utf-8"))
    fields = list(schema_fields(schema))
    assert len(fields) > 80
    assert [path for path, vi, en in fields if not vi.strip() or not en.strip()] == []
    top = [path for path, _, _ in fields if "." not in path and "[]" not in path]
    assert top == list(schema["properties"])


def test_each_published_schema_is_identified_by_its_own_address(shipped_dir: Path) -> None:
    from generator.site.config import load
    from tests.conftest import ROOT

    site = load(ROOT).site_url
    for path in (shipped_dir / SCHEMAS).glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"] == f"{site}{SCHEMAS}/{path.name}"
        original = json.loads((ROOT / "schema" / path.name).read_text(encoding="utf-8"))
        assert {**schema, "$id": original["$id"]} == original
