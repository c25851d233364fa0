"""Events: the model's timing, booth order, and validation that never costs a product."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from generator.events.checks import Catalogue
from generator.events.model import Timing
from generator.events.stands import booth_key
from generator.events.validate import all_events, check_event
from generator.site.event_view import when
from generator.validate import validate
from tests.conftest import ROOT, TODAY
from tests.site.conftest import build, copy_fixture

FAIR = """id: fair
name: {vi: Hội chợ}
kind: fair
start: 2027-01-15
end: 2027-01-17
venue: {name: Nhà văn hoá}
organiser: Sở Công Thương
sources: [{url: "https://example.org/"}]
"""
NOBODY = Catalogue(frozenset(), {})


def _event(text: str = FAIR):
    doc, event = check_event(text.encode(), "events/fair.yaml", NOBODY)
    assert event is not None, [f.message() for f in doc.findings]
    return event


def test_timing_is_relative_to_the_day_passed_in() -> None:
    event = _event()
    assert event.timing(date(2027, 1, 14)) is Timing.UPCOMING
    assert event.timing(date(2027, 1, 15)) is Timing.ONGOING
    assert event.timing(date(2027, 1, 17)) is Timing.ONGOING
    assert event.timing(date(2027, 1, 18)) is Timing.PAST
    assert Timing.ONGOING.is_ahead and not Timing.PAST.is_ahead
    assert event.days == 3


def test_one_day_event_shows_one_date() -> None:
    assert when(date(2022, 3, 26), date(2022, 3, 26), "vi") == "26/03/2022"
    assert when(date(2023, 5, 11), date(2023, 5, 14), "vi") == "11/05/2023 – 14/05/2023"


def test_booths_sort_as_a_visitor_walks_them() -> None:
    booths = ["A10", None, "A2", "B1", "12", "2"]
    assert sorted(booths, key=booth_key) == ["2", "12", "A2", "A10", "B1", None]


def test_unquoted_booth_and_phone_stay_as_typed() -> None:
    text = FAIR + "contact: {phone: 0905000111}\n"
    assert _event(text).contact.phone == "0905000111"


def test_a_broken_event_file_is_reported_and_loses_no_product(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    before = validate([root / "products"], root, TODAY)
    (root / "events" / "broken.yaml").write_text("id: broken\nname: [\n", encoding="utf-8")
    after = validate([root / "products"], root, TODAY)
    assert [p.id for p in after.products] == [p.id for p in before.products]
    broken = [f for f in after.errors if f.file == "events/broken.yaml"]
    assert broken and all(f.line > 0 for f in broken)
    assert {e.id for e in after.events} == {e.id for e in before.events}
    assert build(root) != 0  # the build refuses, with the findings, and does not crash
    assert not (root / "site").exists()


def test_validating_one_product_reads_no_event_file(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    (root / "events" / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    product = root / "products" / "hoi-an" / "nuoc-mam-thu" / "product.yaml"
    assert not [f for f in validate([product], root, TODAY).findings if f.file.startswith("events/")]
    named = validate([root / "events" / "broken.yaml"], root, TODAY)
    assert named.errors and {f.file for f in named.findings} == {"events/broken.yaml"}


def test_shipped_events_are_valid_and_cite_their_sources() -> None:
    result = validate([ROOT / "products"], ROOT, TODAY)
    events = result.events
    assert not [f for f in result.errors if f.file.startswith("events/")]
    assert len(events) == len(list((ROOT / "events").glob("*.yaml")))
    real = [e for e in events if not e.example]
    assert real and all(e.sources for e in real)
    examples = [e for e in events if e.example]
    assert len(examples) <= 1
    assert all(e.timing(TODAY).is_ahead for e in examples)
    assert all(p in {x.id for x in result.products} for e in events for p in e.product_ids())


def test_all_events_is_what_the_site_shows() -> None:
    events = all_events(ROOT, TODAY)
    assert [e.id for e in events] == [e.id for e in validate([ROOT / "products"], ROOT,
                                                              TODAY).events]
    assert [e.start for e in events] == sorted(e.start for e in events)


def test_a_shipped_copy_without_events_builds(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    shutil.rmtree(root / "events")
    assert validate([root / "products"], root, TODAY).events == []


def test_an_event_that_names_no_zone_shows_one_untitled_group() -> None:
    from generator.events.model import Participant
    from generator.events.stands import by_zone, titled

    loose = [Participant("a", "2"), Participant("b", "1")]
    groups = titled(by_zone(loose, {"a", "b"}), "Khu khác")
    assert [(zone, [p.product for p in items]) for zone, items in groups] == [("", ["b", "a"])]
    mixed = [*loose, Participant("c", "3", "Khu thực phẩm")]
    assert [zone for zone, _ in titled(by_zone(mixed, {"a", "b", "c"}), "Khu khác")] == \
        ["Khu thực phẩm", "Khu khác"]
