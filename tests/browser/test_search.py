"""The catalogue page in a real Chromium on a 412-px phone: search, facets, sort, address, no-JS.

Runs against the real catalogue (``built_site``: products/ built once per session). What each
product should match is read from the built product pages themselves (their
``data-pagefind-filter`` / ``data-ocop-sort-*`` values), so the tests follow the catalogue.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.site.collate import sort_key
from generator.site.groups import ICONS
from generator.textfold import fold
from tests.browser.conftest import PHONE_VIEWPORT

FISH_SAUCE = {"Nước mắm Tư Tài", "Nước mắm Duy Trinh"}
DONG_GIANG = "Huyện Đông Giang"
PAGE_SIZE = 24
TOUCH = 44  # px: the smallest target a thumb hits reliably


# --- what the catalogue holds, read from the built pages --------------------------------------

def products(site: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted((site / "san-pham").glob("*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        facets: dict[str, list[str]] = {}
        for span in soup.select("[data-pagefind-filter]"):
            facets.setdefault(span["data-pagefind-filter"], []).append(span.get_text())
        holder = soup.select_one("[data-ocop-sort-ten]")
        sorts = {name[len("data-ocop-sort-"):]: value for name, value in holder.attrs.items()
                 if name.startswith("data-ocop-sort-")}
        summary = soup.select_one("[data-pagefind-meta=summary]")
        out.append({"name": soup.select_one("h1[data-pagefind-meta=title]").get_text(),
                    "facets": facets, "sort": sorts,
                    "summary": summary.get_text() if summary else ""})
    return out


@pytest.fixture(scope="module")
def catalogue(built_site: Path) -> list[dict[str, Any]]:
    found = products(built_site)
    assert len(found) > PAGE_SIZE * 2, "the tests need more than two pages of products"
    return found


def default_order(catalogue: list[dict[str, Any]]) -> list[str]:
    """Names in the catalogue's default order: current recognitions, then unclear, then lapsed
    (the rank that begins the ``thu_tu`` sort key), each part in Vietnamese name order."""
    return [p["name"] for p in sorted(catalogue, key=lambda p: (p["sort"]["thu_tu"].split("-")[0],
                                                                 sort_key(p["name"])))]


def having(catalogue: list[dict[str, Any]], **wanted: set[str]) -> set[str]:
    """Names of products whose facet ``key`` is one of ``wanted[key]``, for every key (AND)."""
    return {p["name"] for p in catalogue
            if all(set(p["facets"].get(key, [])) & values for key, values in wanted.items())}


# --- driving the page -------------------------------------------------------------------------

def settle(page: Any) -> None:
    """Wait until the page's search (if any) has finished and its results are on screen."""
    page.wait_for_function(
        "() => { const l = document.querySelector('#ocop-results');"
        " return l.getAttribute('aria-busy') === 'false'"
        " && !document.querySelector('#ocop-status').textContent.startsWith('Đang'); }")


def open_catalogue(page: Any, base: str, query: str = "") -> None:
    page.goto(base + "danh-muc/" + query)
    page.wait_for_selector("#ocop-controls:not([hidden])")
    settle(page)


def search(page: Any, text: str) -> list[str]:
    page.fill("#ocop-search", text)
    page.press("#ocop-search", "Enter")
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=text.strip())
    settle(page)
    return names(page)


def names(page: Any) -> list[str]:
    return page.eval_on_selector_all("#ocop-results .ocop-card__name", "els => els.map(e => e.textContent)")


def status(page: Any) -> str:
    return page.inner_text("#ocop-status").strip()


def count(page: Any) -> int:
    match = re.match(r"([\d.]+) sản phẩm", status(page))
    assert match, status(page)
    return int(match.group(1).replace(".", ""))


def load_all(page: Any) -> list[str]:
    while page.is_visible("#ocop-more"):
        before = len(names(page))
        page.click("#ocop-more")
        page.wait_for_function("n => document.querySelectorAll('#ocop-results li').length > n", arg=before)
        settle(page)
    return names(page)


def open_filters(page: Any) -> None:
    if not page.eval_on_selector("#ocop-filters", "d => d.open"):
        page.click("#ocop-filters > summary")
    page.wait_for_selector(".ocop-facet__option")
    settle(page)


def facet_option(page: Any, key: str, value: str) -> Any:
    group = page.locator(f'.ocop-facet[data-filter="{key}"]')
    if not group.evaluate("d => d.open"):
        group.locator("summary").click()
    return group.locator("label.ocop-facet__option", has=page.locator(f'input[value="{value}"]'))


def tick(page: Any, key: str, value: str) -> None:
    facet_option(page, key, value).locator("input").check()
    page.wait_for_function("([k, v]) => new URLSearchParams(location.search).getAll(k).includes(v)",
                           arg=[key, value])
    settle(page)


def url_state(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# --- 1. tone marks ----------------------------------------------------------------------------

def test_nuoc_mam_finds_fish_sauce_however_it_is_typed(page: Any, built_site: Path,
                                                       site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    for typed in ("nuoc mam", "Nuoc Mam", "nước mắm", "NƯỚC MẮM"):
        assert set(search(page, typed)) == FISH_SAUCE, typed
        assert status(page) == "2 sản phẩm"


def test_tone_placement_hoa_hoà_hòa_find_each_other(page: Any, built_site: Path,
                                                    site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    found = {typed: search(page, typed) for typed in ("hoa", "hoà", "hòa")}
    assert set(found["hoa"]) == set(found["hoà"]) == set(found["hòa"])
    assert {"Đèn mỹ nghệ quế Thái Hòa", "Siro dứa Khe Hoa"} <= set(found["hoa"])
    # typed with its tone, the product spelt exactly so comes before the toneless "Khe Hoa"
    hoa = found["hòa"]
    assert hoa.index("Đèn mỹ nghệ quế Thái Hòa") < hoa.index("Siro dứa Khe Hoa")


def test_dong_giang_with_or_without_đ_finds_the_same_products(
        page: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    expected = having(catalogue, huyen_cu={DONG_GIANG})
    assert len(expected) >= 5
    open_catalogue(page, site_server(built_site))
    plain = set(load_all_after(page, "dong giang"))
    assert expected <= plain
    for typed in ("đông giang", "Đông Giang", "ĐÔNG GIANG", "Dong Giang"):
        assert set(load_all_after(page, typed)) == plain, typed


def load_all_after(page: Any, typed: str) -> list[str]:
    search(page, typed)
    return load_all(page)


def test_exact_spelling_ranks_first_on_the_first_page(page: Any, built_site: Path,
                                                      site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    ranked = page.evaluate("""async () => {
        const { exactFirst } = await import(new URL('../assets/catalogue.js', location.href).href);
        const pages = [{ meta: { title: 'Trà hoa hồng' }, content: 'tra hoa hong' },
                       { meta: { title: 'Đèn quế Thái Hòa' }, content: 'x' },
                       { meta: { title: 'Khe Hoa' }, content: 'Xã Hòa Tiến' }];
        return exactFirst(pages, 'hòa').map(p => p.meta.title);
    }""")
    assert ranked == ["Đèn quế Thái Hòa", "Khe Hoa", "Trà hoa hồng"]


def test_the_script_folds_like_the_generator(page: Any, built_site: Path,
                                             site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    samples = ["Đông Giang", "Hoà Vang", "Nước Mắm Nhĩ", "A Tiêng", "Quảng Nam – Đà Nẵng",
               "ĐẶC SẢN (xứ) Quảng", unicodedata.normalize("NFD", "Thái Hòa")]
    folded = page.evaluate("""async (samples) => {
        const { fold } = await import(new URL('../assets/catalogue.js', location.href).href);
        return samples.map(fold);
    }""", samples)
    assert folded == [fold(s) for s in samples]


# --- 2. facets, sort, address -----------------------------------------------------------------

def test_facets_without_a_query_and_within_or_across_and(
        page: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    open_filters(page)
    # counts are shown before anything is ticked
    four = facet_option(page, "sao", "4 sao")
    assert four.locator(".ocop-facet__count").inner_text() == str(len(having(catalogue, sao={"4 sao"})))

    tick(page, "sao", "4 sao")
    assert count(page) == len(having(catalogue, sao={"4 sao"}))
    tick(page, "sao", "5 sao")  # same group: OR
    stars = {"4 sao", "5 sao"}
    assert count(page) == len(having(catalogue, sao=stars))
    tick(page, "nhom", "Thực phẩm")  # another group: AND
    expected = having(catalogue, sao=stars, nhom={"Thực phẩm"})
    assert count(page) == len(expected)
    assert set(load_all(page)) == expected
    assert page.input_value("#ocop-search") == ""
    assert url_state(page) == {"sao": ["4 sao", "5 sao"], "nhom": ["Thực phẩm"]}
    # within a ticked group, a value's count is what ticking it would add (its own group ignored)
    three = facet_option(page, "sao", "3 sao").locator(".ocop-facet__count").inner_text()
    assert int(three) == len(having(catalogue, sao={"3 sao"}, nhom={"Thực phẩm"}))
    # each ticked value is also a chip outside the panel; tapping it removes the filter
    page.click(".ocop-chip:has-text('Thực phẩm')")
    page.wait_for_function("() => !location.search.includes('nhom')")
    settle(page)
    assert count(page) == len(having(catalogue, sao=stars))


def test_sorting_by_name_stars_and_date(page: Any, built_site: Path,
                                        catalogue: list[dict[str, Any]],
                                        site_server: Callable[[Path], str]) -> None:
    by_name = {p["name"]: p["sort"] for p in catalogue}
    open_catalogue(page, site_server(built_site))
    # the page opens with the first products in the default order (server-rendered)
    first = names(page)
    assert first == default_order(catalogue)[:PAGE_SIZE]

    page.select_option("#ocop-sort", "sao")
    settle(page)
    assert url_state(page) == {"sort": ["sao"]}
    shown = load_all(page)
    assert len(shown) == len(catalogue)
    stars = [int(by_name[n]["sao"]) for n in shown]
    assert stars == sorted(stars, reverse=True)

    page.select_option("#ocop-sort", "ngay")
    settle(page)
    dates = [by_name[n]["ngay"] for n in names(page)]
    assert dates == sorted(dates, reverse=True)

    search(page, "tra")  # a query keeps the chosen order
    dates = [by_name[n]["ngay"] for n in names(page)]
    assert dates == sorted(dates, reverse=True) and len(dates) > 3

    page.select_option("#ocop-sort", "ten")
    settle(page)
    shown = names(page)
    assert shown == sorted(shown, key=sort_key)


def test_a_shared_address_reproduces_the_view_and_back_restores_the_last(
        page: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    base = site_server(built_site)
    address = f"?q=tra&huyen_cu={quote_plus(DONG_GIANG)}&sort=ten"
    open_catalogue(page, base, address)
    assert page.input_value("#ocop-search") == "tra"
    assert page.input_value("#ocop-sort") == "ten"
    assert page.inner_text("#ocop-filters > summary") == "Lọc (1)"
    assert page.is_visible(f".ocop-chip:has-text('{DONG_GIANG}')")
    shown = load_all(page)
    assert shown and set(shown) <= having(catalogue, huyen_cu={DONG_GIANG})
    assert shown == sorted(shown, key=sort_key)

    open_filters(page)
    assert facet_option(page, "huyen_cu", DONG_GIANG).locator("input").is_checked()
    tick(page, "sao", "3 sao")
    narrowed = names(page)
    assert url_state(page)["sao"] == ["3 sao"]

    page.go_back()
    page.wait_for_function("() => !location.search.includes('sao=')")
    settle(page)
    assert names(page) == shown[:PAGE_SIZE]
    assert not facet_option(page, "sao", "3 sao").locator("input").is_checked()
    page.go_forward()
    page.wait_for_function("() => location.search.includes('sao=')")
    settle(page)
    assert names(page) == narrowed


def test_the_home_page_search_form_lands_on_the_results(page: Any, built_site: Path,
                                                        site_server: Callable[[Path], str]) -> None:
    page.goto(site_server(built_site))
    page.fill("#ocop-home-search", "nuoc mam")
    page.press("#ocop-home-search", "Enter")
    page.wait_for_url("**/danh-muc/?q=nuoc+mam")
    settle(page)
    assert set(names(page)) == FISH_SAUCE
    assert page.input_value("#ocop-search") == "nuoc mam"


def test_nothing_found_says_what_to_try(page: Any, built_site: Path,
                                        site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    # one unknown word (Pagefind drops an unknown word when the others match something)
    assert search(page, "xyzzyq") == []
    assert status(page) == "Không tìm thấy — thử bỏ dấu hoặc bớt bộ lọc"
    assert page.is_hidden("#ocop-more")


# --- 3. one thumb on a phone; without JavaScript ----------------------------------------------

def test_usable_with_one_thumb_on_a_412_px_phone(page: Any, built_site: Path,
                                                 site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    assert page.evaluate("innerWidth") == PHONE_VIEWPORT["width"]
    assert not page.eval_on_selector("#ocop-filters", "d => d.open"), "facets start folded away"
    assert len(names(page)) == PAGE_SIZE
    page.click("#ocop-more")  # "Xem thêm": the next page, not everything
    page.wait_for_function("n => document.querySelectorAll('#ocop-results li').length > n",
                           arg=PAGE_SIZE)
    settle(page)
    assert len(names(page)) == 2 * PAGE_SIZE
    open_filters(page)
    tick(page, "sao", "4 sao")
    targets = ["#ocop-search", "#ocop-form button", "#ocop-sort", "#ocop-filters > summary",
               ".ocop-facet > summary", "label.ocop-facet__option", ".ocop-chip", "#ocop-more"]
    for selector in targets:
        for box in [b for b in (el.bounding_box() for el in page.query_selector_all(selector)) if b]:
            assert box["height"] >= TOUCH - 0.5, (selector, box)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= PHONE_VIEWPORT["width"], "the page scrolls sideways"
    # results reuse the server's card markup
    card = page.locator("#ocop-results li").first
    assert card.get_attribute("class") == "ocop-card"
    for part in ("a .ocop-card__name", "a img.ocop-card__img", ".ocop-badge .ocop-badge__label",
                 ".ocop-card__place"):
        assert card.locator(part).count() == 1, part
    image = card.locator("img")
    assert image.evaluate("i => i.complete && i.naturalWidth > 0"), "the thumbnail loads"


def test_without_javascript_the_first_products_and_the_listings_remain(
        browser: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    context = browser.new_context(viewport=PHONE_VIEWPORT, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server(built_site) + "danh-muc/")
        shown = names(page)
        assert shown == default_order(catalogue)[:PAGE_SIZE]
        assert page.locator("#ocop-sort option").first.text_content() == "Còn hiệu lực trước"
        assert "còn hiệu lực trước" in status(page)
        assert page.is_hidden("#ocop-search"), "controls that need the script stay hidden"
        assert page.is_hidden("#ocop-more")
        assert status(page).startswith(f"{len(catalogue)} sản phẩm")
        links = page.eval_on_selector_all(".ocop-browse a", "els => els.map(a => a.href)")
        assert links, "links to browse the whole catalogue without the script"
        html = (built_site / "danh-muc" / "index.html").read_text(encoding="utf-8")
        # the list holds the first page only; the other cards are the blank ones of the
        # <template> that the script clones (one with a photo, one per group's "no photo" drawing)
        blank_cards = 1 + len(ICONS)
        assert html.count('class="ocop-card"') == PAGE_SIZE + blank_cards
        soup = BeautifulSoup(html, "html.parser")
        assert len(soup.select("#ocop-results > li.ocop-card")) == PAGE_SIZE
        blanks = soup.select_one("template#ocop-card-template")  # (selectors skip its content)
        assert len(blanks.find_all("li", class_="ocop-card", recursive=False)) == blank_cards
    finally:
        context.close()


# --- 4. light: a query fetches a few small files, not the catalogue ---------------------------

def test_downloads_only_what_the_view_needs(page: Any, built_site: Path,
                                            site_server: Callable[[Path], str]) -> None:
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(urlsplit(request.url).path))
    base = site_server(built_site)
    open_catalogue(page, base)
    assert not [p for p in fetched if "/pagefind/" in p], "nothing from the index until needed"

    search(page, "nuoc mam")
    index = [p for p in fetched if "/pagefind/" in p]
    assert len([p for p in index if p.endswith(".pf_fragment")]) <= PAGE_SIZE
    assert not [p for p in index if p.endswith(".pf_filter")], "no facet data for a query alone"
    sizes = {p.name: p.stat().st_size for p in (built_site / "pagefind").rglob("*") if p.is_file()}
    loaded = sum(sizes[Path(p).name] for p in set(index))
    assert loaded < 300_000, loaded


def test_a_one_letter_word_waits_for_the_next_letter_but_enter_searches(
        page: Any, built_site: Path, site_server: Callable[[Path], str]) -> None:
    """A single letter is a prefix of nearly every word: searching it as one types would fetch
    a page of results and their photos only to throw them away at the next keystroke."""
    fragments: list[str] = []
    page.on("requestfinished", lambda request: fragments.append(request.url)
            if request.url.endswith(".pf_fragment") else None)
    open_catalogue(page, site_server(built_site))
    page.locator("#ocop-search").press_sequentially("n")
    page.wait_for_timeout(1000)  # four times the typing pause
    assert "q" not in url_state(page) and not fragments
    page.locator("#ocop-search").press_sequentially("ư")  # two letters: search as one types
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'nư'")
    settle(page)
    assert fragments
    assert {"Nước mắm Tư Tài", "Nước mắm Duy Trinh"} <= set(load_all(page))
    fragments.clear()
    page.locator("#ocop-search").press_sequentially("ớc m")  # a new word, one letter so far
    page.wait_for_timeout(1000)
    assert url_state(page)["q"] == ["nước"] and not fragments
    page.locator("#ocop-search").press_sequentially("ắ")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'nước mắ'")
    settle(page)
    assert set(names(page)) == FISH_SAUCE
    assert set(search(page, "x")), "Enter searches even one letter"
    assert url_state(page)["q"] == ["x"]


# --- 5. product text is data, never markup ----------------------------------------------------

def test_result_text_is_inserted_as_text(page: Any, built_site: Path,
                                         site_server: Callable[[Path], str]) -> None:
    """A fragment whose fields hold markup (as if a product said so) is shown literally."""
    evil_title = '<img src=x onerror="window.__pwned=1">'
    evil_text = 'nước mắm <b>đậm</b> <script>window.__pwned=2</script> & <mark>x</mark>'

    def poisoned(route: Any) -> None:
        raw = gzip.decompress(route.fetch().body())
        data = json.loads(raw[len(b"pagefind_dcd"):])
        data["meta"].update(title=evil_title, place="<i>Hội An</i>", state='x" onclick="1',
                            image="javascript:alert(1)", label="<u>4 sao</u>", summary=evil_text,
                            group='food" onclick="1')
        data["content"] = evil_text + " " + data["content"]
        body = b"pagefind_dcd" + json.dumps(data, ensure_ascii=False).encode("utf-8")
        route.fulfill(body=gzip.compress(body), content_type="application/octet-stream")

    page.route("**/pagefind/fragment/**", poisoned)
    open_catalogue(page, site_server(built_site))
    search(page, "nuoc mam")
    results = page.locator("#ocop-results")
    assert set(names(page)) == {evil_title}
    assert results.locator("img[src='x'], script, b, i, u").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert results.locator(".ocop-nophoto").count() == 2  # a javascript: image is refused
    # a group that is not a plain name becomes no class: the drawing of "other"
    assert results.locator(".ocop-nophoto.ocop-nophoto--other svg").count() == 2
    assert results.locator("[onclick]").count() == 0
    assert results.locator(".ocop-badge--unknown").count() == 2
    excerpt = results.locator(".ocop-card__excerpt").first
    assert "<b>đậm</b>" in excerpt.inner_text()
    assert excerpt.locator("mark").count() >= 1  # the query's words are marked


def test_small_index_chunks_find_the_same_products(
        page: Any, built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        site_server: Callable[[Path], str]) -> None:
    """search.index._rechunk names chunk boundaries the way Pagefind does, so its lookup finds every
    word whatever the cut: with tiny chunks (dozens of boundaries) each query finds exactly what
    it finds in the shipped index."""
    import shutil

    from generator.site.build import prepare
    from generator.site.search import index, index_site
    from tests.conftest import ROOT, TODAY

    small = tmp_path / "site"
    shutil.copytree(built_site, small)
    monkeypatch.setattr(index, "CHUNK_BYTES", 300)
    index_site(small, prepare(ROOT, TODAY).search)
    assert len(list((small / "pagefind" / "index").glob("*.pf_index"))) > 30
    queries = ("nuoc mam", "đông giang", "hoà", "tra", "que tra my", "saphraton", "banh tra")
    expected = {}
    open_catalogue(page, site_server(built_site))
    for query in queries:
        expected[query] = set(load_all_after(page, query))
    open_catalogue(page, site_server(small))
    for query in queries:
        assert set(load_all_after(page, query)) == expected[query], query
    assert expected["nuoc mam"] == FISH_SAUCE and "SAPHRATON" in expected["saphraton"]


# --- 5. reading well: default order, snippets, whole-word marks, filters a query names ---------

def test_current_recognitions_first_with_a_label_that_says_so(
        page: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    current = having(catalogue, hieu_luc={"Còn hiệu lực"})
    assert 0 < len(current) < len(catalogue)
    open_catalogue(page, site_server(built_site))
    first_option = page.locator("#ocop-sort option").first
    assert first_option.text_content() == "Còn hiệu lực trước"
    assert status(page).endswith(f"{PAGE_SIZE} sản phẩm đầu tiên, còn hiệu lực trước")
    shown = load_all(page)  # "Xem thêm" continues the server's list in the same order
    assert shown == default_order(catalogue)
    assert set(shown[:len(current)]) == current
    search(page, "tra")
    assert first_option.text_content() == "Phù hợp nhất"  # with words: by relevance
    page.fill("#ocop-search", "")
    page.press("#ocop-search", "Enter")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('q')")
    settle(page)
    assert first_option.text_content() == "Còn hiệu lực trước"
    page.select_option("#ocop-sort", "ten")  # by name: the rank file of names
    settle(page)
    assert load_all(page) == sorted(shown, key=sort_key)


def excerpts(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all("#ocop-results .ocop-card", """cards => cards.map(c => {
        const e = c.querySelector('.ocop-card__excerpt');
        return { name: c.querySelector('.ocop-card__name').textContent,
                 text: e ? e.textContent : '',
                 marks: e ? [...e.querySelectorAll('mark')].map(m => m.textContent) : [] };
    })""")


def test_result_cards_offer_the_contact_of_their_product(
        page: Any, built_site: Path, site_server: Callable[[Path], str]) -> None:
    """Cards cloned from search results end with the same contact action as the server's: here
    (no shipped producer publishes a phone yet) "Liên hệ" to the product page's contact block,
    after the snippet, one thumb high."""
    open_catalogue(page, site_server(built_site))
    search(page, "nuoc mam")
    cards = page.eval_on_selector_all("#ocop-results .ocop-card", """cards => cards.map(c => {
        const a = c.querySelector('.ocop-card__contact'), box = a.getBoundingClientRect();
        return { name: c.querySelector('.ocop-card__name').textContent, page: c.querySelector('a').href,
                 href: a.href, text: a.textContent, label: a.getAttribute('aria-label'),
                 last: c.lastElementChild === a, count: c.querySelectorAll('.ocop-card__contact').length,
                 height: box.height };
    })""")
    assert {card["name"] for card in cards} == FISH_SAUCE
    for card in cards:
        assert card["href"] == card["page"] + "#lien-he", card
        assert (card["text"], card["label"]) == ("Liên hệ", f"Liên hệ: {card['name']}"), card
        assert card["last"] and card["count"] == 1 and card["height"] >= TOUCH, card
    page.click("#ocop-results .ocop-card__contact")
    page.wait_for_url("**/san-pham/**#lien-he")
    assert page.locator("#lien-he").is_visible()


def test_snippets_begin_with_the_products_own_description(
        page: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    summaries = {p["name"]: p["summary"] for p in catalogue}
    open_catalogue(page, site_server(built_site))
    search(page, "nuoc mam")
    cards = excerpts(page)
    assert {c["name"] for c in cards} == FISH_SAUCE
    for card in cards:
        assert summaries[card["name"]], card
        assert card["text"] == summaries[card["name"]], card
        assert {fold(m) for m in card["marks"]} <= {"nuoc", "mam"} and card["marks"], card


def test_highlights_cover_whole_words_typed_without_marks(
        page: Any, built_site: Path, site_server: Callable[[Path], str]) -> None:
    open_catalogue(page, site_server(built_site))
    search(page, "dong giang")
    cards = [c for c in excerpts(page) if c["marks"]]
    assert cards, "results say why they matched"
    for card in cards:
        assert "Đông" in card["marks"] and "Giang" in card["marks"], card
        assert all(fold(m) in {"dong", "giang"} for m in card["marks"]), card


def test_a_query_naming_stars_or_a_group_applies_that_filter_and_says_so(
        page: Any, built_site: Path, catalogue: list[dict[str, Any]],
        site_server: Callable[[Path], str]) -> None:
    five = having(catalogue, sao={"5 sao"})
    assert five
    open_catalogue(page, site_server(built_site))
    page.fill("#ocop-search", "5 sao")
    page.press("#ocop-search", "Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('sao') === '5 sao'")
    settle(page)
    assert set(load_all(page)) == five
    assert url_state(page) == {"sao": ["5 sao"]}  # the words were the filter: no text left
    applied = page.locator("#ocop-applied")
    assert applied.is_visible() and "“5 sao”" in applied.inner_text()
    assert page.locator(".ocop-chip", has_text="5 sao").is_visible()
    # undo: search the words as words
    page.click(".ocop-applied__undo")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === '5 sao'")
    settle(page)
    assert url_state(page) == {"q": ["5 sao"], "nguyen_van": ["1"]}
    assert applied.is_hidden()
    as_words = load_all(page)
    # a reload shows what the address says: the words, not the star filter they could name
    page.reload()
    settle(page)
    assert url_state(page) == {"q": ["5 sao"], "nguyen_van": ["1"]}
    assert page.locator(".ocop-chip").count() == 0 and applied.is_hidden()
    assert page.input_value("#ocop-search") == "5 sao"
    assert load_all(page) == as_words
    # a group named exactly, marks or not
    search_group = having(catalogue, nhom={"Đồ uống"})
    page.fill("#ocop-search", "do uong")
    page.press("#ocop-search", "Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('nhom') === 'Đồ uống'")
    settle(page)
    assert set(load_all(page)) == search_group
    assert "“Đồ uống”" in applied.inner_text()
    # from the home page's search form too
    page.goto(site_server(built_site))
    page.fill("#ocop-home-search", "4 sao")
    page.press("#ocop-home-search", "Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('sao') === '4 sao'")
    settle(page)
    assert url_state(page) == {"sao": ["4 sao"]}
    assert set(load_all(page)) == having(catalogue, sao={"4 sao"})
    assert "“4 sao”" in applied.inner_text()


def test_an_expiring_star_stays_under_valid(page: Any, built_site: Path,
                                            site_server: Callable[[Path], str]) -> None:
    """Ngũ cốc Duy Oanh (4 stars, valid until 21/12/2026, so "expiring" on the build day) is
    current: ticking "Còn hiệu lực" keeps it."""
    open_catalogue(page, site_server(built_site), "?hieu_luc=C%C3%B2n+hi%E1%BB%87u+l%E1%BB%B1c")
    assert "Ngũ cốc Duy Oanh" in load_all(page)


def test_home_counts_lead_to_views_of_exactly_that_many(page: Any, built_site: Path,
                                                        site_server: Callable[[Path], str]) -> None:
    base = site_server(built_site)
    page.goto(base)
    rows = page.eval_on_selector_all(
        ".ocop-counts li", "lis => lis.map(li => [li.querySelector('a').getAttribute('href'),"
        " Number(li.querySelector('strong').textContent)])")
    assert len(rows) >= 5 and any(n for _, n in rows)
    for href, expected in [r for r in rows if r[0].startswith("danh-muc/")][:6]:
        open_catalogue(page, base, href.removeprefix("danh-muc/"))
        if expected:
            assert count(page) == expected, href
        else:
            assert names(page) == [], href
