"""Booklets at national scale: the site prints a booklet only up to ``site_max_products``, shows a
bigger one with its size and the ``ocop print`` command that makes it, always prints an event's,
and re-renders after a one-product change only the booklets that hold that product."""

from __future__ import annotations

import argparse
import shlex
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup

from generator.booklet import publish
from generator.booklet.build import Printer
from generator.booklet.held import Held, command, estimated_pages
from generator.booklet.sets import Booklet, Entry, Section, catalogue
from generator.booklet.volumes import volumes
from generator.cli import main
from generator.commands.booklets import booklets as chosen_by
from generator.site.config import SITE_MAX_PRODUCTS, ConfigError, from_mkdocs
from tests.booklet.conftest import Catalogue, open_catalogue
from tests.site.conftest import TODAY, copy_fixture

BASE = {"site_name": "OCOP", "site_url": "https://example.org/",
        "extra": {"ocop": {"region": "Quảng Nam", "publisher": "VP OCOP"}}}


def settings(print_block: object) -> dict[str, object]:
    return {**BASE, "extra": {"ocop": {**BASE["extra"]["ocop"], "print": print_block}}}


def test_the_setting_defaults_to_300_and_is_read() -> None:
    assert from_mkdocs(BASE).site_max_products == SITE_MAX_PRODUCTS == 300
    assert from_mkdocs(settings({"site_max_products": 40})).site_max_products == 40
    assert from_mkdocs(settings({"site_max_products": 0})).site_max_products == 0  # events only


@pytest.mark.parametrize(("block", "message"), [
    ({"site_max_products": -1}, r"site_max_products .*whole number of at least 0 \(got -1\)"),
    ({"site_max_products": "300"}, r"at least 0 \(got '300'\)"),
    ({"site_max_products": True}, r"at least 0 \(got True\)"),
    ({"max": 300}, r"extra\.ocop\.print: .*only `site_max_products`"),
    (300, r"a mapping with only `site_max_products`"),
])
def test_a_wrong_setting_is_refused_with_a_fix(block: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_mkdocs(settings(block))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """The fixture catalogue with ``site_max_products: 1``: only one-product sets and events fit."""
    root = copy_fixture(tmp_path_factory.mktemp("scale") / "repo")
    catalogue = open_catalogue(root, date.fromisoformat(TODAY))
    config = replace(catalogue.config, site_max_products=1)
    catalogue.config, catalogue.printer = config, Printer(root, config, catalogue.today)
    return catalogue


@pytest.fixture(scope="module")
def published(small: Catalogue) -> publish.Published:
    return publish.make_all(small.printer, small.products, small.today, small.events)


def test_sets_over_the_limit_are_held_and_events_always_printed(published: publish.Published
                                                                ) -> None:
    held = {(h.booklet.slug, h.layout) for h in published.held}
    assert held == {("danh-muc", "1up"), ("danh-muc", "4up"), ("dia-phuong/thanh-pho-hoi-an", "1up")}
    assert all(len(m.booklet.products) <= 1 for m in published.made if m.booklet.kind != "event")
    events = [m for m in published.made if m.booklet.kind == "event"]
    assert len(events) == 2 and max(len(m.booklet.products) for m in events) > 1
    assert all(m.pdf.path.is_file() for m in published.made)


def print_page(published: publish.Published) -> BeautifulSoup:
    page = next(f for f in publish.files(published, "29/11/2026", "Quảng Nam") if f.path == "in-an.md")
    assert page.text is not None
    return BeautifulSoup(page.text.split("\n---\n", 1)[1], "html.parser")


def test_the_print_page_gives_a_held_booklet_its_size_and_command(published: publish.Published
                                                                   ) -> None:
    page = print_page(published)
    items = page.select(".ocop-booklets > li")
    titles = [li.select_one(".ocop-booklet__title").get_text() for li in items]  # type: ignore[union-attr]
    assert titles[:3] == ["Danh mục sản phẩm OCOP", "Danh mục sản phẩm OCOP",
                          "Sản phẩm OCOP — Huyện Đại Lộc"]  # in the site's order, held or not
    held = page.select("li.ocop-booklet-held")
    assert [li.select_one("code").get_text() for li in held] == [  # type: ignore[union-attr]
        "ocop print", "ocop print --layout 4up", 'ocop print --area "Thành phố Hội An"']
    assert all(not li.select("a") for li in held)  # no file to download
    note = held[0].select_one(".ocop-booklet__note").get_text()  # type: ignore[union-attr]
    assert note == ("Tập lớn (khoảng 10 trang A4, trên 1 sản phẩm) nên không đăng sẵn ở đây; "
                    "văn phòng OCOP in được thành 3 tập bằng lệnh dưới đây.")
    assert "3 sản phẩm" in held[0].get_text()
    printed = page.select("li.ocop-booklet a.ocop-booklet__file")
    assert len(printed) == len(published.made)


def test_a_held_booklet_is_linked_from_no_listing(published: publish.Published) -> None:
    links = publish.listing_links(published)
    assert "dia-phuong/thanh-pho-hoi-an/" not in links
    assert [li.href for li in links["dia-phuong/huyen-dai-loc/"]] == [
        "in-an/dia-phuong/huyen-dai-loc.pdf"]


def test_the_command_shown_prints_that_very_booklet(small: Catalogue,
                                                    published: publish.Published) -> None:
    for item in published.held:
        words = item.command.split(" ", 2)[2:] if item.command != "ocop print" else []
        args = argparse.Namespace(group=None, area=None, stars=None, event=None, every=False,
                                  layout="1up", lang="vi")
        parsed = _parse(words[0]) if words else {}
        args.__dict__.update(parsed)
        got = chosen_by(args, small.products, small.events, small.today)
        assert got == [item.booklet] and args.layout == item.layout, item.command


def _parse(options: str) -> dict[str, object]:
    words = shlex.split(options)
    pairs = dict(zip(words[::2], words[1::2], strict=True))
    return {key.lstrip("-"): int(value) if key == "--stars" else value
            for key, value in pairs.items()}


def test_commands_quote_names_and_estimate_pages() -> None:
    def booklet(kind: str, key: str) -> Booklet:
        return Booklet(kind, "x", "x", (), key=key)
    assert command(booklet("group", "Thực phẩm")) == 'ocop print --group "Thực phẩm"'
    assert command(booklet("stars", "3"), "4up") == "ocop print --stars 3 --layout 4up"
    assert command(booklet("area", 'Xã "A" $x')) == r'ocop print --area "Xã \"A\" \$x"'
    assert estimated_pages(1000, "1up") == 1027 and estimated_pages(100, "1up") == 105  # measured
    assert Held(booklet("group", "x"), "4up", 300).pages == 2


def test_a_big_booklet_splits_into_even_volumes_in_order(small: Catalogue) -> None:
    whole = catalogue(small.products)
    assert volumes(whole, 3) == [whole]
    parts = volumes(whole, 2)
    assert [b.title for b in parts] == ["Danh mục sản phẩm OCOP — Tập 1/2",
                                        "Danh mục sản phẩm OCOP — Tập 2/2"]
    assert [b.slug for b in parts] == ["danh-muc-tap-1", "danh-muc-tap-2"]
    assert [p for b in parts for p in b.products] == whole.products  # nothing lost, same order
    assert [len(b.products) for b in parts] == [2, 1]
    entries = [Entry(p) for p in small.products] * 4  # one section of 12, at most 5 a volume
    big = Booklet("group", "nhom/x", "X", (Section("Thực phẩm", tuple(entries)),), key="X")
    cut = volumes(big, 5)
    assert [len(b.products) for b in cut] == [4, 4, 4]  # as even as can be
    assert [s.title for b in cut for s in b.sections] == [
        "Thực phẩm", "Thực phẩm (tiếp)", "Thực phẩm (tiếp)"]


def test_ocop_print_writes_a_big_booklet_in_volumes(small: Catalogue, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "danh-muc.pdf"
    assert main(["print", "--root", str(small.root), "--today", TODAY, "--volume-size", "1",
                 "-o", str(out)]) == 0
    written = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert written == ["danh-muc-tap-1.pdf", "danh-muc-tap-2.pdf", "danh-muc-tap-3.pdf"]
    cover = pypdf.PdfReader(tmp_path / "danh-muc-tap-2.pdf").pages[0].extract_text()
    assert "Tập 2/3" in cover
    assert capsys.readouterr().out.count("Đã ghi") == 3
    with pytest.raises(SystemExit) as refused:  # argparse's usage error
        main(["print", "--root", str(small.root), "--volume-size", "0"])
    assert refused.value.code == 2
    assert "--volume-size là số sản phẩm tối đa mỗi tập" in capsys.readouterr().err


def test_one_product_changed_re_renders_only_its_booklets(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path / "repo")
    today = date.fromisoformat(TODAY)
    first = open_catalogue(root, today)
    before = publish.make_all(first.printer, first.products, today, first.events)
    cache = root / ".cache" / "ocop" / "booklets"
    kept = {p.name: p.stat().st_ino for p in cache.glob("*.pdf")}  # a new render: a new file
    product = root / "products" / "hoi-an" / "nuoc-mam-thu" / "product.yaml"
    product.write_text(product.read_text("utf-8").replace(
        "Nước mắm nhĩ Thử Nghiệm", "Nước mắm nhĩ Thử Nghiệm Mới"), "utf-8")
    second = open_catalogue(root, today)
    after = publish.make_all(second.printer, second.products, today, second.events)
    holding = [m for m in after.made if "nuoc-mam-thu" in {p.id for p in m.booklet.products}]
    new = {p.name for p in cache.glob("*.pdf")} - set(kept)
    assert len(new) == len(holding) and 4 <= len(holding) < len(after.made)
    assert {m.pdf.path.name for m in holding} == new
    for old, now in zip(before.made, after.made, strict=True):
        if now not in holding:  # the same file, not rendered again
            assert now.pdf.path == old.pdf.path
            assert now.pdf.path.stat().st_ino == kept[now.pdf.path.name]
