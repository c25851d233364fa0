"""The event schema is a contract like the product schema: valid, strict, bilingual, with
examples that satisfy their own property; every shipped event file points editors at it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator

from generator.events.load import event_schema, resolve
from generator.events.model import KINDS
from tests.conftest import ROOT
from tests.test_schema import properties


def _properties(node: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    return properties(node, follow=resolve)


def test_event_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(event_schema())


def test_every_event_property_documents_itself_in_both_languages_with_examples() -> None:
    missing = []
    for path, node in _properties(resolve(event_schema())):
        vi, _, en = node.get("description", "").partition("\n\n")
        if " / " not in node.get("title", "") or not vi.strip() or not en.strip() \
                or not node.get("examples"):
            missing.append(path)
    assert missing == []


def test_event_examples_satisfy_their_own_property() -> None:
    bad = []
    for path, node in _properties(resolve(event_schema())):
        validator = Draft202012Validator({**node, "$defs": event_schema()["$defs"]})
        bad += [(path, ex) for ex in node.get("examples", []) if not validator.is_valid(ex)]
    assert bad == []


def test_every_event_object_is_strict() -> None:
    loose = [path for path, node in _properties(resolve(event_schema()))
             if node.get("type") == "object" and node.get("additionalProperties") is not False]
    assert event_schema()["additionalProperties"] is False and loose == []


def test_the_model_knows_every_kind_the_schema_allows() -> None:
    assert tuple(event_schema()["properties"]["kind"]["enum"]) == KINDS


def test_event_files_point_editors_at_the_schema() -> None:
    files = sorted((ROOT / "events").glob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/event.schema.json", path
