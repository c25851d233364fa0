"""The search at scale: the size of the built index, and the bytes a buyer's phone downloads
for a first query and for a later one, with the request recording of ``tools/benchmark.py``.

Index size: every file under ``site/pagefind/``, raw bytes and the sum of each file gzip -6
(what a host compressing everything would send; Pagefind's own files are already gzipped).

Queries: the catalogue page is opened in a fresh phone-size browser context (empty cache) and
left to settle; the first query is typed (then Enter) and every request after the first
keystroke is summed until the network has been quiet for 2 s (``tools/benchmark.py``'s
``measure_search`` rules: a file is counted once, on first download). Then, in the same page,
the box is cleared and the later query typed: only files not downloaded before count — what
a second search costs once Pagefind's runtime and metadata are loaded.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urljoin

REPO = Path(__file__).resolve().parent.parent
SEARCH_PAGE = "danh-muc/"
SEARCH_INPUT = "#ocop-search"
QUERIES = ("nước mắm", "mật ong")


@cache
def tool() -> ModuleType:
    """``tools/benchmark.py`` as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("ocop_tools_benchmark", REPO / "tools" / "benchmark.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def index_size(site: Path) -> dict[str, int]:
    """Files, raw bytes and gzip -6 bytes of ``site/pagefind``."""
    files = [p for p in sorted((site / "pagefind").rglob("*")) if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in files)
    return {"files": len(files), "bytes": raw, "gzip": packed}


def _type(page: Any, selector: str, query: str) -> None:
    box = page.locator(selector).first
    box.click(timeout=10_000)
    box.fill("")
    box.press_sequentially(query, delay=150)  # a person typing, not a paste
    box.press("Enter")


def _downloaded(rec: Any, start: int, seen: set[str], site: Path, base: str) -> dict[str, Any]:
    """Bytes of the files first requested after ``start`` and not in ``seen``; adds them."""
    after = [r for r in rec.requests[start:] if not r.url.startswith("data:")]
    fresh = {r.url: r for r in reversed(after) if r.url not in seen}
    seen.update(fresh)
    total = sum(tool().response_bytes(r, site, base) for r in fresh.values())
    return {"requests": len(after), "files": len(fresh), "bytes": total}


def two_queries(browser: Any, site: Path, base: str, queries: Sequence[str]) -> dict[str, Any]:
    """The first and the later query in one page (see the module docstring)."""
    bench = tool()
    context, page = bench.new_page(browser, bench.PHONE)
    try:
        rec = bench.Recorder().attach(page)
        page.goto(urljoin(base, SEARCH_PAGE), wait_until="load")
        rec.wait_quiet(page)
        seen = {r.url for r in rec.requests}
        out: dict[str, Any] = {}
        for label, query in zip(("first", "later"), queries, strict=False):
            mark = len(rec.requests)
            _type(page, SEARCH_INPUT, query)
            settled = rec.wait_quiet(page, quiet=2.0)
            out[label] = {"query": query, "settled": settled,
                          **_downloaded(rec, mark, seen, site, base)}
        return out
    finally:
        context.close()


def measure_queries(site: Path, queries: Sequence[str] = QUERIES) -> dict[str, Any]:
    """Serve ``site`` locally and measure the queries in Chromium; an error becomes the result."""
    bench = tool()
    if not bench.CHROMIUM.is_file():
        return {"error": f"no Chromium at {bench.CHROMIUM}"}
    from playwright.sync_api import sync_playwright

    try:
        with bench.serve(site) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(bench.CHROMIUM),
                                         args=bench.CHROMIUM_ARGS)
            try:
                return two_queries(browser, site, base, queries)
            finally:
                browser.close()
    except Exception as exc:  # a Playwright error: keep its first lines in the report
        return {"error": " ".join(str(exc).split("\n")[:3]).replace("|", "/")}
