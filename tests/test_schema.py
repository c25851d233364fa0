"""The schema is the officers' contract: valid, strict, bilingual, with examples, documented."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from jsonschema import Draft202012Validator

from generator.commands import fieldref
from generator.resources import product_schema, resolve
from tests.conftest import ROOT


def properties(node: dict[str, Any], path: str = "", follow: Callable[[dict[str, Any]],
               dict[str, Any]] = resolve) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of a schema (``follow`` resolves its ``$ref``s), by dotted path."""
    for name, raw in node.get("properties", {}).items():
        child = follow(raw)
        yield f"{path}{name}", child
        yield from properties(child, f"{path}{name}.", follow)
        yield from properties(follow(child.get("items", {})), f"{path}{name}[].", follow)


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(product_schema())


def test_every_property_documents_itself_in_both_languages_with_examples() -> None:
    missing = []
    for path, node in properties(resolve(product_schema())):
        title, description = node.get("title", ""), node.get("description", "")
        vi, _, en = description.partition("\n\n")
        if " / " not in title or not vi.strip() or not en.strip() or not node.get("examples"):
            missing.append(path)
    assert missing == []


def test_examples_satisfy_their_own_property() -> None:
    bad = []
    for path, node in properties(resolve(product_schema())):
        standalone = {**node, "$defs": product_schema()["$defs"]}
        validator = Draft202012Validator(standalone)
        bad += [(path, ex) for ex in node.get("examples", []) if not validator.is_valid(ex)]
    assert bad == []


def test_every_object_is_strict() -> None:
    loose = [path for path, node in properties(resolve(product_schema()))
             if node.get("type") == "object" and node.get("additionalProperties") is not False]
    assert loose == []


def test_field_reference_is_in_sync_with_the_schema() -> None:
    committed = (ROOT / "docs" / "field-reference.md").read_text(encoding="utf-8")
    assert committed == fieldref.render(), (
        "docs/field-reference.md is stale: run "
        "`.venv/bin/python -m generator.commands.fieldref > docs/field-reference.md`")


def test_product_files_point_editors_at_the_schema() -> None:
    files = sorted((ROOT / "products").glob("*/*/product.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../../schema/product.schema.json", path


def test_examples_pass_the_check_digits_the_validator_applies() -> None:
    """An officer who copies an example must not get an error for it (the tax code example
    once failed its own check digit)."""
    from stdnum import ean
    from stdnum.vn import mst

    checks = {"subject.tax_code": mst.is_valid}
    bad = []
    for path, node in properties(resolve(product_schema())):
        check = checks.get(path) or (ean.is_valid if path.endswith("gtin") else None)
        if check is not None:
            bad += [(path, ex) for ex in node.get("examples", []) if not check(str(ex))]
    assert bad == []
    assert any(path == "subject.tax_code" for path, _ in properties(resolve(product_schema())))
