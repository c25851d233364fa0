"""Issue 9, points 4 and 5: a main navigation for buyers with officers' pages in the footer
(noindex, out of the sitemap), no officers' notes on product pages, places said once."""

from __future__ import annotations

from pathlib import Path

from generator.model.product import Origin, RecordedUnit
from generator.places import CurrentOrigin
from generator.places.tables import Unit
from generator.site.present import in_sentence, origin_sentence
from tests.site.conftest import soup


def _main_nav(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")]


def test_the_main_navigation_is_for_buyers(site3: Path) -> None:
    home = soup(site3 / "index.html")
    nav = _main_nav(home)
    assert {"Trang chủ", "Danh mục", "Địa phương", "Nhóm"} <= set(nav)
    assert "Hướng dẫn cho cán bộ" not in nav
    tabs = [a.get_text(strip=True) for a in home.select(".md-tabs a")]
    assert "Hướng dẫn cho cán bộ" not in tabs


def test_officers_pages_are_in_the_footer_noindex_and_out_of_the_sitemap(site3: Path) -> None:
    for path in ("index.html", "danh-muc/index.html", "san-pham/nuoc-mam-thu/index.html"):
        page = soup(site3 / path)
        corner = page.select_one("footer nav.ocop-officers")
        assert corner is not None, path
        assert corner.h2.get_text() == "Dành cho cán bộ OCOP"
        assert [a.get_text() for a in corner.select("a")] == ["Hướng dẫn cho cán bộ"]
        assert page.find("meta", attrs={"name": "robots"}) is None, path
    assert soup(site3 / "index.html").select_one("footer nav.ocop-officers a")["href"] == "can-bo/"
    officer = soup(site3 / "can-bo" / "index.html")
    assert officer.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert officer.h1.get_text(strip=True) == "Hướng dẫn cho cán bộ"
    sitemap = (site3 / "sitemap.xml").read_text(encoding="utf-8")
    assert "can-bo" not in sitemap
    assert "<loc>https://example.org/ocop/</loc>" in sitemap
    assert "<loc>https://example.org/ocop/xa/</loc>" in sitemap


def test_recognition_notes_are_never_shown(site3: Path) -> None:
    page = soup(site3 / "san-pham" / "gom-thanh-ha" / "index.html")
    assert "Ghi chú cho cán bộ" not in page.get_text()
    assert page.select(".ocop-note") == []
    sources = page.select(".ocop-sources li a")
    assert sources and all(a["href"].startswith("http") for a in sources)


def test_the_origin_is_said_once_current_first(site3: Path) -> None:
    page = soup(site3 / "san-pham" / "gom-thanh-ha" / "index.html")
    origin = page.select_one("dd.ocop-origin")
    lines = [s.strip() for s in origin.find_all(string=True, recursive=False)]
    assert lines == ["Xã Đại Lộc, thành phố Đà Nẵng "
                     "(trước 1/7/2025: xã Đại Hiệp, huyện Đại Lộc, tỉnh Quảng Nam)"]
    links = {a.get_text(): a["href"] for a in origin.select(".ocop-origin__links a")}
    assert links == {"Sản phẩm ở huyện Đại Lộc": "../../dia-phuong/huyen-dai-loc/",
                     "Sản phẩm ở xã Đại Lộc": "../../xa/xa-dai-loc/"}
    village = soup(site3 / "san-pham" / "nuoc-mam-thu" / "index.html").select_one("dd.ocop-origin")
    assert [s.strip() for s in village.find_all(string=True, recursive=False)] == [
        "Thôn An Bàng", "Phường Hội An Đông, thành phố Đà Nẵng "
        "(trước 1/7/2025: xã Cẩm Thanh, thành phố Hội An, tỉnh Quảng Nam)"]


def test_level_words_are_lower_case_inside_a_sentence() -> None:
    assert in_sentence("Huyện Nam Trà My") == "huyện Nam Trà My"
    assert in_sentence("Thành phố Đà Nẵng") == "thành phố Đà Nẵng"
    assert in_sentence("Thị xã Điện Bàn") == "thị xã Điện Bàn"
    assert in_sentence("Đặc khu Hoàng Sa") == "đặc khu Hoàng Sa"
    assert in_sentence("Trà Mai") == "Trà Mai"


def test_listings_by_current_commune_and_by_former_district(site3: Path) -> None:
    commune = soup(site3 / "xa" / "phuong-hoi-an-dong" / "index.html")
    assert commune.h1.get_text() == "Phường Hội An Đông"
    assert sorted(a.get_text(strip=True) for a in commune.select(".ocop-card__name")) == [
        "Nước mắm nhĩ Thử Nghiệm", "Trà thảo mộc Đã Hết Hạn"]
    communes = soup(site3 / "xa" / "index.html")
    assert communes.h1.get_text() == "Xã, phường hiện nay"
    assert {a.get_text(): a["href"] for a in communes.select(".ocop-index__list a")} == {
        "Phường Hội An Đông": "../xa/phuong-hoi-an-dong/", "Xã Đại Lộc": "../xa/xa-dai-loc/"}
    assert communes.select_one(".ocop-index__others a")["href"] == "../dia-phuong/"
    places = soup(site3 / "dia-phuong" / "index.html")
    assert places.h1.get_text() == "Địa phương"
    assert [a.get_text() for a in places.select(".ocop-index__list a")] == [
        "Huyện Đại Lộc", "Thành phố Hội An"]
    assert places.select_one(".ocop-index__others a")["href"] == "../xa/"
    groups = soup(site3 / "nhom" / "index.html")
    assert len(groups.select(".ocop-index__list li")) == 3
    home = soup(site3 / "index.html")
    assert {a["href"] for a in home.select(".ocop-browse-links a")} == {
        "nhom/", "dia-phuong/", "xa/"}
    catalogue = soup(site3 / "danh-muc" / "index.html")
    browse = catalogue.select_one("nav.ocop-browse")
    assert {a["href"] for a in browse.select(".ocop-browse-links a")} == {
        "../nhom/", "../dia-phuong/", "../xa/"}
    assert browse.find("a", href="../xa/xa-dai-loc/")


def _origin(scheme: str, current: CurrentOrigin | None, **units: str) -> Origin:
    recorded = {k: RecordedUnit(v) for k, v in units.items()}
    return Origin(scheme=scheme, current=current, **recorded)  # type: ignore[arg-type]


def test_the_origin_sentence_for_each_way_a_place_is_recorded() -> None:
    danang, tra_mai = Unit("48", "Thành phố Đà Nẵng"), Unit("20000", "Xã Trà Mai")
    nam_tra_my = Unit("517", "Huyện Nam Trà My")
    full = _origin("pre-2025-07", CurrentOrigin(danang, tra_mai, nam_tra_my),
                   province="Tỉnh Quảng Nam", district="Huyện Nam Trà My", commune="Xã Trà Mai")
    assert origin_sentence(full, "vi") == ("Xã Trà Mai, thành phố Đà Nẵng (trước 1/7/2025: "
                                           "xã Trà Mai, huyện Nam Trà My, tỉnh Quảng Nam)")
    district_only = _origin("pre-2025-07", CurrentOrigin(danang, None, nam_tra_my),
                            province="Tỉnh Quảng Nam", district="Huyện Nam Trà My")
    assert origin_sentence(district_only, "vi") == (
        "Thành phố Đà Nẵng (trước 1/7/2025: huyện Nam Trà My, tỉnh Quảng Nam)")
    now = _origin("2025-07", CurrentOrigin(danang, tra_mai, None),
                  province="Thành phố Đà Nẵng", commune="Xã Trà Mai")
    assert origin_sentence(now, "vi") == "Xã Trà Mai, thành phố Đà Nẵng"
    unresolved = _origin("pre-2025-07", None, province="Tỉnh Quảng Nam",
                         district="Huyện Nam Trà My")
    assert origin_sentence(unresolved, "vi") == "Huyện Nam Trà My, tỉnh Quảng Nam"
