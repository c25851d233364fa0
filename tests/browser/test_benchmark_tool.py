"""tools/benchmark.py counts the right bytes: checked on a tiny site whose sizes are known."""

from __future__ import annotations

import gzip
import importlib.util
import random
import sys
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PIL import Image

from tests.conftest import ROOT
from tests.envcheck import missing_tool


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ocop_benchmark", ROOT / "tools" / "benchmark.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()

CSS = ("@font-face{font-family:Ocop;src:url(/font.woff2) format('woff2')}"
       "body{font-family:Ocop,sans-serif}" + "".join(f".c{i}{{margin:{i}px}}" for i in range(200)))
JS = "document.documentElement.dataset.ready='1';\n" + "// đệm cho đủ dài\n" * 100
PRODUCT = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tiêu</title>'
           '<link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script></head>'
           '<body><article class="ocop-product" data-product-id="tieu"><h1>Tiêu Tiên Phước</h1>'
           '<img src="/logo.svg" alt="OCOP" width="40" height="40">'
           '<img src="/photo-400.jpg" alt="Tiêu" width="400" height="300"></article></body></html>')
SEARCH_JS = """
const box = document.getElementById('ocop-search');
let timer, engine;
box.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const q = box.value.trim();
    if (!q) return;
    engine ??= await fetch('/search/engine.bin').then(r => r.arrayBuffer());
    const hits = await fetch('/search/' + q[0] + '.json').then(r => r.json());
    document.getElementById('results').innerHTML = hits.map(h => '<li>' + h + '</li>').join('');
  }, 100);
});
"""
CATALOGUE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Danh mục</title>'
             '<script src="/search.js" defer></script></head><body>'
             '<input id="ocop-search" type="search"><ul id="results"></ul></body></html>')


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("tiny-site")
    rng = random.Random(0)
    files: dict[str, bytes] = {
        "index.html": PRODUCT.replace("ocop-product", "home").encode(),
        "style.css": CSS.encode(),
        "app.js": JS.encode(),
        "search.js": SEARCH_JS.encode(),
        "font.woff2": rng.randbytes(3000),
        "logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>',
        "san-pham/tieu/index.html": PRODUCT.encode(),
        "danh-muc/index.html": CATALOGUE.encode(),
        "search/t.json": ('["' + '","'.join(f"Tiêu {i}" for i in range(300)) + '"]').encode(),
        "search/n.json": b'["N\xc6\xb0\xe1\xbb\x9bc m\xe1\xba\xafm"]',
        "search/engine.bin": rng.randbytes(5000),
    }
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    noise = Image.effect_noise((400, 300), 60).convert("RGB")
    noise.save(site / "photo-400.jpg", "JPEG", quality=80)
    return site


@pytest.fixture(scope="module")
def base(tiny_site: Path) -> Any:
    with bench.serve(tiny_site) as url:
        yield url


def test_host_sends_text_gzipped_and_binaries_as_they_are(tiny_site: Path, base: str) -> None:
    request = urllib.request.Request(base + "style.css", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as resp:
        assert resp.headers["Content-Encoding"] == "gzip"
        body = resp.read()
    assert gzip.decompress(body) == (tiny_site / "style.css").read_bytes()
    assert len(body) == bench.served_size(tiny_site / "style.css") == _gz(CSS.encode())
    assert bench.served_size(tiny_site / "font.woff2") == 3000


def test_product_page_counts_html_css_js_fonts_not_photos(browser: Any, tiny_site: Path,
                                                          base: str) -> None:
    result = bench.measure_product_page(browser, tiny_site, base, "san-pham/tieu/")
    kinds = result["by_kind"]
    assert kinds["HTML"]["bytes"] == _gz(PRODUCT.encode())
    assert kinds["CSS"]["bytes"] == _gz(CSS.encode())
    assert kinds["JS"]["bytes"] == _gz(JS.encode())
    assert kinds["fonts"]["bytes"] == 3000
    assert result["bytes"] == sum(kinds[k]["bytes"] for k in ("HTML", "CSS", "JS", "fonts"))
    assert kinds["images"]["files"] == 2  # listed, not counted
    assert result["external"] == []


def test_first_photo_skips_svg_and_reports_the_raster_photo(browser: Any, tiny_site: Path,
                                                            base: str) -> None:
    result = bench.measure_first_photo(browser, tiny_site, base, "san-pham/tieu/", 1.0)
    assert result["url"] == "/photo-400.jpg"
    assert result["bytes"] == (tiny_site / "photo-400.jpg").stat().st_size
    assert result["natural"][:2] == [400, 300]


def test_search_counts_only_what_typing_fetched(browser: Any, tiny_site: Path, base: str) -> None:
    result = bench.measure_search(browser, tiny_site, base, "danh-muc/", "#ocop-search", "tiêu",
                                  "#results li")
    assert result["bytes"] == (_gz((tiny_site / "search/t.json").read_bytes()) + 5000), result
    assert set(result["by_type"]) == {".json", ".bin"}  # search.js came with the page
    assert result["results_shown"] == 300
    missing = bench.measure_search(browser, tiny_site, base, "danh-muc/", "#khong-co", "x", None)
    assert "no element matches" in missing["error"]


def test_lighthouse_runs_and_scores_four_categories(chromium_path: Path, base: str) -> None:
    if not bench.LIGHTHOUSE.is_file():
        missing_tool(f"no lighthouse at {bench.LIGHTHOUSE}")
    result = bench.lighthouse(base + "san-pham/tieu/", chromium_path)
    assert "error" not in result, result
    assert result["runtime_error"] is None, result
    assert set(result["scores"]) == set(bench.LIGHTHOUSE_CATEGORIES)
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in result["scores"].values()), result
    assert 0 < result["metrics"]["LCP"] < 60_000 and result["metrics"]["CLS"] >= 0, result
    row = bench.lighthouse_row({**result, "url": "/san-pham/tieu/", "runs": 2,
                                "spread": {"performance": (90, 99)}, "all_performance": [90, 99]})
    assert "median of 2" in row and "90–99" in row and "LCP" in row
