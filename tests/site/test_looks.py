"""It looks finished: even photo shapes, a calm "no photo yet" drawing per OCOP group, one
language per page, and print sheets that carry what a buyer needs on paper."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from generator.site.groups import GROUP_ICONS, ICONS, OTHER, group_icon
from generator.site.render import environment
from tests.conftest import ROOT
from tests.site.conftest import soup

ASSETS = ROOT / "site_templates" / "assets"


def nophoto(kind: str, alt: str = "") -> BeautifulSoup:
    template = environment().from_string(
        '{% from "_macros.html" import picture with context %}'
        '{{ picture(none, alt, "", kind=kind) }}')
    return BeautifulSoup(template.render(root="../", alt=alt, kind=kind), "html.parser")


def test_every_ocop_group_has_its_own_no_photo_drawing() -> None:
    schema = json.loads((ROOT / "schema" / "product.schema.json").read_text(encoding="utf-8"))
    groups = schema["properties"]["group"]["enum"]
    assert sorted(GROUP_ICONS) == sorted(groups)
    assert group_icon("Nhóm lạ") == OTHER and ICONS[-1] == OTHER
    drawings = set()
    for kind in ICONS:
        box = nophoto(kind).select_one("div.ocop-nophoto")
        assert f"ocop-nophoto--{kind}" in box["class"]
        assert box["role"] == "img" and box["aria-label"] == "Chưa có ảnh"
        svg = box.svg
        assert svg["aria-hidden"] == "true" and svg["viewbox"] == "0 0 48 36"  # 4:3, as photos
        assert svg.find_all(["path", "circle"]), kind
        assert box.select_one(".ocop-nophoto__text").get_text() == "Chưa có ảnh"
        drawings.add(str(svg))
    assert len(drawings) == len(ICONS)  # no two groups look alike


def test_a_product_page_without_photo_names_the_product_in_the_label() -> None:
    box = nophoto("drink", alt="Trà <b>xanh</b>").select_one("div.ocop-nophoto")
    assert box["aria-label"] == "Trà <b>xanh</b>: chưa có ảnh"  # escaped text, not markup
    assert box.find("b") is None


def test_search_cards_know_the_group_of_a_product(site3: Path) -> None:
    page = soup(site3 / "san-pham" / "nuoc-mam-thu" / "index.html")
    assert page.select_one('[data-pagefind-meta="group"]').get_text() == "food"
    template = soup(site3 / "danh-muc" / "index.html").select_one("template#ocop-card-template")
    kinds = [re.sub("^ocop-nophoto--", "", c) for box in template.select(".ocop-nophoto")
             for c in box["class"] if c.startswith("ocop-nophoto--")]
    assert kinds == list(ICONS)


def test_photos_in_cards_and_galleries_share_one_shape() -> None:
    css = (ASSETS / "ocop.css").read_text(encoding="utf-8")
    rule = re.search(r"\.ocop-gallery img, \.ocop-card img \{([^}]*)\}", css)
    assert rule, "the photo rule of cards and galleries"
    body = " ".join(rule.group(1).split())
    for declaration in ("aspect-ratio: 4 / 3", "object-fit: cover", "object-position: 50% 50%",
                        "width: 100%", "height: auto"):
        assert declaration in body
    assert re.search(r"\.ocop-nophoto \{[^}]*aspect-ratio: 4 / 3", css)


def test_catalogue_page_speaks_one_language(site3: Path) -> None:
    page = soup(site3 / "danh-muc" / "index.html")
    main = page.select_one(".ocop-catalogue")
    texts = [main.get_text(" ")] + [str(tag.get(name, "")) for tag in main.find_all(True)
                                     for name in ("aria-label", "placeholder")]
    joined = " ".join(texts)
    for english in ("Filters", "Sort", "Browse", "Search", "No photo"):
        assert english not in joined, english
    assert page.select_one("#ocop-filters-summary").get_text() == "Lọc"
    assert page.select_one('label[for="ocop-sort"]').get_text() == "Sắp xếp"


def test_the_print_sheet_says_who_to_contact_as_of_when_who_publishes_and_where(
        site3: Path) -> None:
    page = soup(site3 / "san-pham" / "nuoc-mam-thu" / "index.html")
    foot = page.select_one(".ocop-printfoot")
    text = " ".join(foot.get_text(" ").split())
    canonical = page.select_one(".ocop-qrbox figcaption").get_text()
    assert "Tính đến 29/11/2026" in text
    assert "Đơn vị công bố: Văn phòng OCOP thử nghiệm" in text
    assert f"Địa chỉ trang: {canonical}" in text and canonical.startswith("http")
    subject = page.select_one(".ocop-subject__name a").get_text()
    assert text.startswith(subject)
    for link in page.select(".ocop-contacts a"):
        assert link.get_text() in text
    assert foot.has_attr("data-pagefind-ignore")


def test_print_styles_show_the_foot_and_leave_out_the_catalogue_form() -> None:
    screen = (ASSETS / "ocop.css").read_text(encoding="utf-8")
    paper = (ASSETS / "print.css").read_text(encoding="utf-8")
    assert re.search(r"\.ocop-printonly \{ display: none; \}", screen)
    assert ".ocop-printonly { display: block !important; }" in paper
    hidden = re.search(r"([^{}]*)\{ display: none !important; \}\n\.md-typeset ul\.ocop-cards",
                       paper)
    assert hidden
    for part in (".ocop-catalogue__controls", ".ocop-browse", ".ocop-more", ".ocop-chips"):
        assert part in hidden.group(1)


def test_home_page_speaks_one_language(site3: Path) -> None:
    """The English edition comes with its own pages; until then interface text is Vietnamese."""
    page = soup(site3 / "index.html").select_one(".ocop-home")
    assert page.select('[lang="en"]') == []
    assert "One Commune One Product" not in page.get_text()


def test_a_print_sheet_without_a_producer_contact_names_the_office_on_one_line(
        site3: Path) -> None:
    page = soup(site3 / "san-pham" / "gom-thanh-ha" / "index.html")
    foot = page.select_one(".ocop-printfoot")
    office = foot.select(".ocop-printfoot__office")
    assert [o.get_text() for o in office] == [
        "Để hỏi mua, liên hệ: Phòng Kinh tế huyện Đại Lộc (thử nghiệm) · 0235 3865 000 · "
        "ocop-dailoc@example.org"]
    assert office[0].find_next_sibling().name == "br"  # a line of its own
    # a producer with its own contact: no office on its sheet
    own = soup(site3 / "san-pham" / "nuoc-mam-thu" / "index.html").select_one(".ocop-printfoot")
    assert own.select(".ocop-printfoot__office") == []
