"""The built fixture site, parsed: what a buyer sees and what search engines read."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from generator.site.groups import ICONS
from tests.conftest import ROOT
from tests.site.conftest import soup


def product(site: Path, product_id: str):
    return soup(site / "san-pham" / product_id / "index.html")


def jsonld(page) -> dict:
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_active_product_page_shows_star_validity_photo_and_contacts(site3: Path) -> None:
    page = product(site3, "nuoc-mam-thu")
    article = page.select_one("article.ocop-product")
    assert article.h1.get_text() == "Nước mắm nhĩ Thử Nghiệm"
    badge = article.select_one(".ocop-badge")
    assert badge["data-state"] == "active"
    assert badge.select_one(".ocop-badge__label").get_text() == "OCOP 5 sao"
    assert badge.select_one(".ocop-badge__detail").get_text() == "Hiệu lực đến 16/01/2028"
    img = article.select_one(".ocop-gallery__item--main img")
    assert img["alt"] == "Chai nước mắm thử nghiệm, mặt trước"
    assert img["width"] == "800" and img["height"] == "533"
    assert img["fetchpriority"] == "high" and not img.has_attr("loading")
    assert article.select(".ocop-gallery__item img")[1]["loading"] == "lazy"
    assert "400w" in img["srcset"] and img.find_previous("source")["type"] == "image/webp"
    links = [(a.select_one(".ocop-action__text").get_text(), a["href"])
             for a in article.select(".ocop-reach .ocop-action")]
    assert links[:4] == [("0905 123 456", "tel:+84905123456"),
                         ("0905 123 456", "https://zalo.me/0905123456"),
                         ("lienhe@example.org", "mailto:lienhe@example.org"),
                         ("example.org/nuoc-mam", "https://example.org/nuoc-mam")]
    standards = [li.get_text(" ", strip=True) for li in article.select(".ocop-standard")]
    assert standards[0].startswith("HACCP · HACCP-001") and standards[0].endswith("đến 30/06/2027")
    assert "ocop-standard--expired" in article.select(".ocop-standard")[1]["class"]
    assert article.find(string="120.000 ₫ – 250.000 ₫ / chai 500 ml")
    assert [li.get_text() for li in article.select("#ingredients ~ ul li")] == ["Cá cơm", "Muối biển"]


def test_product_page_head_carries_structured_data_and_sharing_tags(site3: Path) -> None:
    page = product(site3, "nuoc-mam-thu")
    data = jsonld(page)
    assert data["@type"] == "Product"
    assert data["name"] == "Nước mắm nhĩ Thử Nghiệm"
    assert data["gtin"] == "8938505974194"
    assert data["manufacturer"]["name"] == "Công ty TNHH Nước mắm Thử Nghiệm"
    assert data["offers"] == {"@type": "AggregateOffer", "lowPrice": 120000, "highPrice": 250000,
                              "priceCurrency": "VND",
                              "url": "https://example.org/ocop/san-pham/nuoc-mam-thu/"}
    assert data["award"].startswith("OCOP 5 sao")
    assert "aggregateRating" not in json.dumps(data)
    assert data["image"][0].startswith("https://example.org/ocop/media/")
    head = page.head
    assert head.find("link", rel="canonical")["href"] == "https://example.org/ocop/san-pham/nuoc-mam-thu/"
    assert head.find("meta", property="og:image")["content"] == data["image"][0]
    assert head.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert head.title.get_text() == "Nước mắm nhĩ Thử Nghiệm – OCOP thử nghiệm"
    assert page.html["lang"] == "vi"


def test_expired_product_never_shows_a_current_star(site3: Path) -> None:
    page = product(site3, "tra-het-han")
    badge = page.select_one(".ocop-badge")
    assert badge["data-state"] == "expired"
    assert badge.select_one(".ocop-badge__label").get_text() == "Đã hết hạn"
    # signed 01/06/2021: valid until 31/05/2024, not valid from 01/06/2024
    assert badge.select_one(".ocop-badge__detail").get_text() == "Hết hiệu lực từ 01/06/2024"
    assert not badge.has_attr("data-valid-until")
    assert "ocop-stars--lapsed" in badge.select_one(".ocop-stars")["class"]
    assert "OCOP 4 sao" not in page.select_one("article").get_text()
    data = jsonld(page)
    assert "award" not in data and "offers" not in data


def test_product_text_is_shown_as_text_never_as_markup(site3: Path) -> None:
    page = product(site3, "gom-thanh-ha")
    article = page.select_one("article.ocop-product")
    assert article.h1.get_text() == 'Gốm "Thanh Hà" & Co <3'
    description = article.select_one("#description").find_next("p")
    assert description.get_text() == ("Chữ *không* phải Markdown, [không phải liên kết]"
                                      "(https://example.org) và # không phải tiêu đề; 2 < 3 & 5 > 4.")
    assert description.find("a") is None and description.find("em") is None
    assert jsonld(page)["name"] == 'Gốm "Thanh Hà" & Co <3'
    raw = (Path(site3) / "san-pham" / "gom-thanh-ha" / "index.html").read_text(encoding="utf-8")
    assert "<3" not in raw.replace("&lt;3", "")
    assert page.head.find("meta", attrs={"name": "description"})["content"].startswith(
        'Gốm "Thanh Hà" & Co <3')


def test_qr_code_points_at_the_canonical_page(site3: Path) -> None:
    page = product(site3, "nuoc-mam-thu")
    svg = page.select_one(".ocop-qrbox svg")
    assert svg is not None and svg.find("path")
    assert page.select_one(".ocop-qrbox figcaption").get_text() == \
        "https://example.org/ocop/san-pham/nuoc-mam-thu/"


def test_related_products_link_same_place(site3: Path) -> None:
    page = product(site3, "nuoc-mam-thu")
    related = page.select_one("#lien-quan-same_place").find_parent("section")
    assert [a.get_text(strip=True) for a in related.select(".ocop-card__name")] == [
        "Trà thảo mộc Đã Hết Hạn"]
    assert related.select_one("a")["href"] == "../../san-pham/tra-het-han/"


def test_products_stay_out_of_the_navigation(site3: Path) -> None:
    home = soup(site3 / "index.html")
    nav_links = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert "Nước mắm nhĩ Thử Nghiệm" not in nav_links
    assert {"Trang chủ", "Danh mục"} <= set(nav_links)


def test_home_counts_and_listings(site3: Path) -> None:
    home = soup(site3 / "index.html")
    stars = {li.a.get_text(): (int(li.strong.get_text()), li.a["href"])
             for li in home.select(".ocop-counts section")[0].select("li")}
    valid = "hieu_luc=C%C3%B2n+hi%E1%BB%87u+l%E1%BB%B1c"
    assert stars == {"5 sao": (1, f"danh-muc/?sao=5+sao&{valid}"),
                     "4 sao": (0, f"danh-muc/?sao=4+sao&{valid}"),
                     "3 sao": (1, f"danh-muc/?sao=3+sao&{valid}")}
    groups = {li.a.get_text(): li.a["href"] for li in home.select(".ocop-counts section")[1].select("li")}
    assert groups["Thực phẩm"] == f"danh-muc/?nhom=Th%E1%BB%B1c+ph%E1%BA%A9m&{valid}"
    note = home.select_one("#ocop-validity")
    assert note.get_text() == "Hạng sao và hiệu lực tính đến 29/11/2026"
    assert (note["data-lapsed-label"], note["data-lapsed-detail"]) == ("Đã hết hạn",
                                                                       "Hết hiệu lực từ {date}")
    assert home.select_one("form.ocop-searchform")["action"] == "danh-muc/"
    group = soup(site3 / "nhom" / "thuc-pham" / "index.html")
    assert [a.get_text(strip=True) for a in group.select(".ocop-card__name")] == [
        "Nước mắm nhĩ Thử Nghiệm"]
    place = soup(site3 / "dia-phuong" / "thanh-pho-hoi-an" / "index.html")
    assert len(place.select(".ocop-card")) == 2


def test_friendly_404_robots_and_sitemap(site3: Path) -> None:
    missing = soup(site3 / "404.html")
    assert "Không tìm thấy trang" in missing.h1.get_text()
    assert missing.find("a", href="https://example.org/ocop/danh-muc/")
    robots = (site3 / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/ocop/sitemap.xml" in robots
    sitemap = (site3 / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/ocop/san-pham/tra-het-han/</loc>" in sitemap
    assert "lastmod" not in sitemap


def test_only_resized_metadata_free_photos_are_published(site3: Path) -> None:
    published = sorted(p.name for p in (site3 / "media").iterdir())
    assert published and not any(n in ("chai.jpg", "nhan.jpg", "goi.jpg", "binh.png")
                                 for n in published)
    for path in (site3 / "media").iterdir():
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert image.width <= 1600


def test_catalogue_page_has_the_card_template_and_preloads_its_modules(site3: Path) -> None:
    """assets/catalogue/cards.js clones search results from <template id="ocop-card-template">,
    which the card macro renders blank: a result has the markup of a listed card. The page
    preloads every module of assets/catalogue/ (catalogue.js imports them all)."""
    page = soup(site3 / "danh-muc" / "index.html")

    def shape(card) -> list[tuple[str, list[str]]]:  # tags and classes, without modifiers
        return [(tag.name, [c for c in tag.get("class", []) if "--" not in c])
                for tag in [card, *card.find_all(True)]]

    listed = page.select("#ocop-results > li.ocop-card")
    assert len(listed) == 3 and all(card.img for card in listed)
    blanks = page.select_one("template#ocop-card-template").find_all("li", recursive=False)
    assert [bool(card.img) for card in blanks] == [True] + [False] * len(ICONS)
    assert all(shape(card) == shape(blanks[0]) for card in listed)
    photo = shape(blanks[0])  # li, a, picture, source, img, …; without a photo a <div> instead
    at = photo.index(("picture", []))
    assert photo[at + 1:at + 3] == [("source", []), ("img", ["ocop-card__img"])]
    for blank, icon in zip(blanks[1:], ICONS, strict=True):  # one per group's illustration
        drawing = [(tag.name, []) for tag in blank.svg.find_all(True)]
        assert shape(blank) == [*photo[:at], ("div", ["ocop-nophoto", "ocop-card__img"]),
                                ("svg", ["ocop-nophoto__icon"]), *drawing,
                                ("span", ["ocop-nophoto__text"]), *photo[at + 3:]]
        nophoto = blank.select_one(".ocop-nophoto")
        assert f"ocop-nophoto--{icon}" in nophoto["class"] and drawing
    for blank in blanks:
        for part in (".ocop-card__name", ".ocop-badge__label", ".ocop-badge__detail",
                     ".ocop-card__place", ".ocop-stars"):
            assert blank.select_one(part).get_text() == "", part

    modules = sorted(p.name for p in (ROOT / "site_templates/assets/catalogue").glob("*.js"))
    assert "app.js" in modules and "fold.js" in modules
    preloads = [link["href"] for link in page.select('link[rel="modulepreload"]')]
    assert preloads == [f"../assets/catalogue/{name}" for name in modules]
    entry = page.select_one('script[type="module"]')["src"]
    for href in [*preloads, entry]:
        assert (site3 / "danh-muc" / href).resolve().is_file(), href


def test_a_current_star_carries_its_last_valid_day_and_the_day_it_was_computed(site3: Path) -> None:
    page = product(site3, "nuoc-mam-thu")
    badge = page.select_one(".ocop-badge")
    assert badge["data-state"] in ("active", "expiring")
    last = badge["data-valid-until"]
    assert badge.select_one(".ocop-badge__detail").get_text().endswith(
        "/".join(reversed(last.split("-"))))
    assert badge.select_one(".ocop-badge__asof").get_text() == "Tính đến 29/11/2026"
    assert page.select_one("#ocop-validity")["data-lapsed-detail"] == "Hết hiệu lực từ {date}"


def test_catalogue_lists_current_first_and_its_sort_label_says_so(site3: Path) -> None:
    """Without a query the catalogue is in its default order, current recognitions first, and
    the sort's first option names that order (app.js says "Phù hợp nhất" once there are words).
    Product pages carry the order key and a card summary from their description."""
    page = soup(site3 / "danh-muc" / "index.html")
    states = [card.select_one(".ocop-badge")["data-state"]
              for card in page.select("#ocop-results > li.ocop-card")]
    ranks = [0 if state in ("active", "expiring") else 1 if state == "uncertain" else 2
             for state in states]
    assert ranks == sorted(ranks) and ranks[0] == 0 and ranks[-1] == 2
    assert page.select_one("#ocop-sort option").get_text() == "Còn hiệu lực trước"
    catalogue = page.select_one("#ocop-catalogue")
    assert catalogue["data-msg-relevance"] == "Phù hợp nhất"
    assert catalogue["data-groups"].split("|") == ["Đồ uống", "Hàng thủ công mỹ nghệ", "Thực phẩm"]
    assert page.select_one("#ocop-applied").has_attr("hidden")
    fish = soup(site3 / "san-pham" / "nuoc-mam-thu" / "index.html")
    assert fish.select_one("[data-ocop-sort-thu_tu]")["data-ocop-sort-thu_tu"].startswith("0-")
    assert fish.select_one("[data-pagefind-meta=summary]").get_text() == (
        "Nước mắm ủ chượp 12 tháng trong thùng gỗ.")
    expired = soup(site3 / "san-pham" / "tra-het-han" / "index.html")
    assert expired.select_one("[data-ocop-sort-thu_tu]")["data-ocop-sort-thu_tu"].startswith("2-")
