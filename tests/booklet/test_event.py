"""An event's booklet, from the fixture catalogue's events (tests/fixtures/site3/events/): the
event page's zones in the page's order, products by booth with their booth numbers."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest

from generator.booklet.build import Made
from generator.booklet.sets import Booklet, event_booklets
from generator.events.model import Event
from tests.booklet.conftest import Catalogue, pages_text
from tests.booklet.test_command import run, text

FAIR = "hoi-cho-thu-nghiem-2027"
#: the fair's participants as its file lists them: A10 first, A2 second, one with no booth
IN_BOOTH_ORDER = [("Khu thủ công", "A2", 'Gốm "Thanh Hà" & Co <3'),
                  ("Khu thực phẩm", "A10", "Nước mắm nhĩ Thử Nghiệm"),
                  ("Khu khác", None, "Trà thảo mộc Đã Hết Hạn")]


def event(repo: Catalogue, event_id: str) -> Event:
    return next(e for e in repo.events if e.id == event_id)


def fair_booklet(repo: Catalogue, **changes: object) -> Booklet:
    fair = dataclasses.replace(event(repo, FAIR), **changes)  # type: ignore[arg-type]
    [booklet] = event_booklets([fair], repo.products)
    return booklet


@pytest.fixture(scope="module")
def fair_pdf(site3_repo: Catalogue) -> Made:
    return site3_repo.printer.make(fair_booklet(site3_repo))


def test_an_event_booklet_holds_the_zones_in_booth_order(site3_repo: Catalogue) -> None:
    booklet = fair_booklet(site3_repo)
    assert (booklet.slug, booklet.kind, booklet.key) == (f"su-kien/{FAIR}", "event", FAIR)
    assert booklet.title == 'Hội chợ "Thử" & Co <3' and booklet.banner == ""
    assert booklet.subtitle.startswith("15/01/2027 – 17/01/2027 · Nhà văn hoá thử nghiệm")
    assert [(s.title, e.booth, e.product.name.vi) for s in booklet.sections
            for e in s.entries] == IN_BOOTH_ORDER


def test_only_events_with_listed_participants_get_a_booklet(site3_repo: Catalogue) -> None:
    market = event(site3_repo, "cho-phien-thu-nghiem-2024")
    others = [p for p in site3_repo.products if p.id != "gom-thanh-ha"]
    assert [b.key for b in event_booklets(site3_repo.events, site3_repo.products)] == [
        "cho-phien-thu-nghiem-2024", FAIR]  # soonest first
    assert event_booklets([market], others) == []
    assert event_booklets([dataclasses.replace(market, participants=())], site3_repo.products) == []


def test_the_pdf_lists_the_products_in_booth_order_with_their_booths(fair_pdf: Made) -> None:
    pages = [unicodedata.normalize("NFC", page) for page in pages_text(fair_pdf)]
    assert len(pages) == 1 + 1 + 3 + 1  # cover, contents, a page per product, closing
    contents = pages[1]
    lines = ["Gian A2 " + IN_BOOTH_ORDER[0][2], "Gian A10 " + IN_BOOTH_ORDER[1][2],
             IN_BOOTH_ORDER[2][2]]
    at = [contents.index(line) for line in lines]
    assert at == sorted(at), contents
    assert contents.index("Khu thủ công") < at[0] < contents.index("Khu thực phẩm") < at[1]
    for page, (zone, booth, name) in zip(pages[2:5], IN_BOOTH_ORDER, strict=True):
        assert zone.upper() in page and name in page, page
        assert (f"Gian {booth}" in page) if booth else ("Gian " not in page)


def test_an_example_event_says_so_on_the_cover(site3_repo: Catalogue) -> None:
    booklet = fair_booklet(site3_repo, example=True)
    made = site3_repo.printer.make(booklet)
    cover = unicodedata.normalize("NFC", pages_text(made)[0])
    assert "Sự kiện mẫu / example — tập in mẫu của một sự kiện mẫu, không phải sự kiện thật" \
        in " ".join(cover.split())
    assert cover.index("Sự kiện mẫu") < cover.index('Hội chợ "Thử"')


def test_print_event_writes_its_booklet(site3_repo: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "hoi-cho.pdf"
    assert run(site3_repo, "--event", FAIR, "-o", str(out)) == 0
    printed = text(out)
    assert "Gian A2" in printed and "Gian A10" in printed and "Khu thực phẩm" in printed


def test_print_an_unknown_event_lists_the_events_it_can_print(
        site3_repo: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site3_repo, "--event", "hoi-cho-2030") == 2
    assert ('Không có sự kiện có sản phẩm tham gia "hoi-cho-2030"; có: '
            f"cho-phien-thu-nghiem-2024, {FAIR}") in capsys.readouterr().err


def test_print_event_with_other_options_is_a_usage_error(
        site3_repo: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site3_repo, "--event", FAIR, "--group", "Thực phẩm") == 2
    assert run(site3_repo, "--event", FAIR, "--every") == 2
    err = capsys.readouterr().err
    assert "--event in tập của một sự kiện" in err and "--every in mọi tập" in err
