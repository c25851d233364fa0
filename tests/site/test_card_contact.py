"""Every product card offers a way to reach the producer: tap-to-call, else the page's contact block."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.site.conftest import soup

NAMES = {"nuoc-mam-thu": "Nước mắm nhĩ Thử Nghiệm", "gom-thanh-ha": 'Gốm "Thanh Hà" & Co <3',
         "tra-het-han": "Trà thảo mộc Đã Hết Hạn"}


def page_path(site: Path, url: str) -> Path:
    """The built file of a site URL (``/danh-muc/`` → ``danh-muc/index.html``)."""
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def cards(site: Path, page: str):
    """(product id, card) for each card of a built page, outside the search template."""
    html = soup(page_path(site, page))
    out = []
    for card in html.select("li.ocop-card"):
        if card.find_parent("template"):
            continue
        product = urlsplit(urljoin(page, card.a["href"])).path.rstrip("/").rsplit("/", 1)[-1]
        out.append((product, card))
    return out


def test_a_card_calls_a_producer_with_a_phone_else_opens_the_contact_block(site3: Path) -> None:
    found = dict(cards(site3, "/danh-muc/"))
    assert set(found) == set(NAMES)
    call = found["nuoc-mam-thu"].select("a.ocop-card__contact")
    assert len(call) == 1
    assert call[0]["href"] == "tel:+84905123456"
    assert call[0].get_text() == "Gọi 0905 123 456"
    assert call[0]["aria-label"] == "Gọi 0905 123 456: Nước mắm nhĩ Thử Nghiệm"
    assert "ocop-card__contact--call" in call[0]["class"]
    for product in ("gom-thanh-ha", "tra-het-han"):
        link = found[product].select_one("a.ocop-card__contact")
        assert link["href"] == f"../san-pham/{product}/#lien-he"
        assert link.get_text() == "Liên hệ"
        assert link["aria-label"] == f"Liên hệ: {NAMES[product]}"  # escaped, read back as text
        assert "ocop-card__contact--call" not in link["class"]


def test_the_contact_block_is_where_the_card_leads_and_offers_the_office(site3: Path) -> None:
    for page in ("/", "/danh-muc/", "/san-pham/nuoc-mam-thu/", "/nhom/hang-thu-cong-my-nghe/"):
        for product, card in cards(site3, page):
            link = card.select_one("a.ocop-card__contact")
            # after the product link, never inside it (a link in a link is not HTML)
            assert link.find_parent("a") is None and card.a is not link, (page, product)
            if link["href"].startswith("tel:"):
                continue
            target = urljoin(page, link["href"])
            html = soup(page_path(site3, target))
            anchor = html.find(id=urlsplit(target).fragment)
            assert anchor is not None and anchor.name == "h2", (page, product)
            block = anchor.find_parent("section")
            assert "ocop-reach" in block["class"]
            # no producer contact here: the block offers the OCOP office of the area
            assert block.select(".ocop-reach__none .ocop-action"), (page, product)


def test_search_cards_get_the_same_action_from_the_index(site3: Path) -> None:
    """The catalogue's <template> holds the pattern cards.js fills, and each product page
    gives the index its phone (Pagefind meta), only when it has one."""
    html = soup(site3 / "danh-muc" / "index.html")
    blanks = html.find("template", id="ocop-card-template").select("a.ocop-card__contact")
    assert blanks and {(a["href"], a["aria-label"], str(a.string)) for a in blanks} == {
        ("../#lien-he", "{action}: {name}", "Liên hệ")}

    def meta(product: str) -> dict[str, str]:
        page = soup(site3 / "san-pham" / product / "index.html")
        return {s["data-pagefind-meta"]: s.get_text()
                for s in page.select("[data-pagefind-meta^=call]")}

    assert meta("nuoc-mam-thu") == {"call": "tel:+84905123456", "call_text": "Gọi 0905 123 456"}
    assert meta("gom-thanh-ha") == {} and meta("tra-het-han") == {}
