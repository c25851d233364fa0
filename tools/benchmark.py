"""Measure a built site against the budgets of a public site read on phones over slow links.

Prints a Markdown table (and, with ``--json FILE``, the numbers as JSON). It measures, it does
not judge: no thresholds, no timings. Sizes are bytes as a static host sends them: files are
served from the built folder on 127.0.0.1, text files (HTML, CSS, JS, JSON, SVG, XML…)
gzip-compressed at level 6, everything else (photos, woff2 fonts, Pagefind's already
compressed index files) as is. 1 kB = 1,000 bytes.

1. A product page's transfer size without photos: the HTML and the CSS, JS and fonts the page
   really loads in Chromium (phone viewport 412x915), each gzip -6. Also the spread of the HTML
   of every product page (median, maximum).
2. The first photo a 400-px-wide phone loads: the product page at a 400x800 viewport, the first
   raster image requested (SVG icons and logos skipped), its bytes and natural size.
3. The bytes a search transfers: the catalogue page is loaded and left to settle, the query is
   typed into the search input (then Enter, unless ``--no-enter``), and every request made
   after the first keystroke is summed until the network has been quiet for 2 s; a file
   fetched again, or already loaded with the page, is counted once, on first download. Each
   query starts in a fresh browser context (nothing cached).
4. Lighthouse mobile scores (performance, accessibility, best-practices, seo) per URL, from the
   pinned lighthouse in tools/node, running Debian's Chromium headless: the median of
   ``--lighthouse-runs`` runs (default 3), with the range and the median run's FCP, LCP, TBT
   and CLS. Run it on an otherwise idle machine: simulated throttling scales the CPU time it
   observed, so a busy machine lowers the performance score.

Needs ``./dev browser-setup`` (Chromium, tools/node) and the venv (Playwright).

Usage::

    .venv/bin/python tools/benchmark.py site/
    .venv/bin/python tools/benchmark.py site/ --product-page san-pham/tieu-tien-phuoc/ \\
        --search-page danh-muc/ --search-input "#ocop-search" --query "nước mắm" --query tieu \\
        --lighthouse-url "" --lighthouse-url danh-muc/ --json /tmp/bench.json
    .venv/bin/python tools/benchmark.py /tmp/site20k --no-lighthouse   # just the sizes
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path(os.environ.get("OCOP_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 412, "height": 915}
PHOTO_PHONE = {"width": 400, "height": 800}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
                      "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift"}
GZIP_SUFFIXES = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt",
                 ".webmanifest", ".map", ".csv", ".ico"}
EXTRA_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".webp": "image/webp",
               ".avif": "image/avif", ".js": "text/javascript", ".mjs": "text/javascript",
               ".json": "application/json", ".webmanifest": "application/manifest+json",
               ".wasm": "application/wasm", ".svg": "image/svg+xml"}
PAGE_TYPES = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "fonts"}
PRODUCT_MARKERS = (b"data-product-id", b'class="ocop-product')


# --- sizes as a static host serves them -------------------------------------------------------

@functools.cache
def served_size(path: Path) -> int:
    """Bytes on the wire for one file: gzip -6 for text, as is for everything else."""
    data = path.read_bytes()
    if path.suffix.lower() in GZIP_SUFFIXES:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def local_file(site: Path, base: str, url: str) -> Path | None:
    """The file under ``site`` that ``url`` (on the local server) is served from."""
    if not url.startswith(base):
        return None
    rel = unquote(urlparse(url).path).lstrip("/")
    path = site / rel
    if path.is_dir() or rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def kb(n: float) -> str:
    return f"{n / 1000:,.1f} kB"


# --- serving ----------------------------------------------------------------------------------

class StaticHostHandler(SimpleHTTPRequestHandler):
    """Serves like a static host: gzip -6 for text when asked, a short cache lifetime."""

    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.is_file() and path.suffix.lower() in GZIP_SUFFIXES):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(StaticHostHandler, directory=os.fspath(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- recording a page's requests --------------------------------------------------------------

@dataclass
class Recorder:
    """Every request a page makes, in order, and when the network was last busy."""

    requests: list[Any] = field(default_factory=list)
    inflight: set[int] = field(default_factory=set)
    last: float = field(default_factory=time.monotonic)

    def attach(self, page: Any) -> Recorder:
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)
        return self

    def _start(self, request: Any) -> None:
        self.requests.append(request)
        self.inflight.add(id(request))
        self.last = time.monotonic()

    def _end(self, request: Any) -> None:
        self.inflight.discard(id(request))
        self.last = time.monotonic()

    def wait_quiet(self, page: Any, quiet: float = 1.5, timeout: float = 60.0) -> bool:
        """Wait until no request has been open for ``quiet`` seconds; False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)  # lets Playwright deliver the page's events
            if not self.inflight and time.monotonic() - self.last >= quiet:
                return True
        return False


def response_bytes(request: Any, site: Path, base: str) -> int:
    path = local_file(site, base, request.url)
    if path is not None:
        return served_size(path)
    response = request.response()
    if response is None or response.status >= 300:
        return 0
    try:
        return len(response.body())
    except Exception:  # body gone (navigation) or not available
        return 0


def new_page(browser: Any, viewport: dict[str, int], dpr: float = 1.0) -> tuple[Any, Any]:
    context = browser.new_context(viewport=viewport, device_scale_factor=dpr, is_mobile=True,
                                  has_touch=True, locale="vi-VN")
    return context, context.new_page()


# --- the measures -----------------------------------------------------------------------------

def find_product_pages(site: Path) -> list[Path]:
    """Built pages that carry a product (the product template's marker), sorted."""
    out = []
    for path in sorted(site.rglob("*.html")):
        head = path.read_bytes()[:200_000]
        if any(marker in head for marker in PRODUCT_MARKERS):
            out.append(path)
    return out


def page_url(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def measure_product_page(browser: Any, site: Path, base: str, product: str) -> dict[str, Any]:
    context, page = new_page(browser, PHONE)
    try:
        rec = Recorder().attach(page)
        page.goto(urljoin(base, product), wait_until="load")
        settled = rec.wait_quiet(page)
        by_kind: dict[str, list[tuple[str, int]]] = defaultdict(list)
        external = []
        for request in {r.url: r for r in reversed(rec.requests)}.values():  # once per file
            if not request.url.startswith(base):
                if not request.url.startswith("data:"):
                    external.append(request.url)
                continue
            kind = PAGE_TYPES.get(request.resource_type,
                                  "images" if request.resource_type == "image" else "other")
            by_kind[kind].append((request.url[len(base) - 1:], response_bytes(request, site, base)))
    finally:
        context.close()
    total = sum(n for kind in PAGE_TYPES.values() for _, n in by_kind.get(kind, []))
    return {"page": product, "bytes": total, "settled": settled, "external": external,
            "by_kind": {k: {"files": len(v), "bytes": sum(n for _, n in v), "list": v}
                        for k, v in by_kind.items()}}


def measure_product_html(site: Path, pages: list[Path]) -> dict[str, Any]:
    sizes = sorted((served_size(p), page_url(site, p)) for p in pages)
    return {"pages": len(sizes), "median": statistics.median(n for n, _ in sizes),
            "max": sizes[-1][0], "max_page": sizes[-1][1], "min": sizes[0][0]}


def measure_first_photo(browser: Any, site: Path, base: str, product: str,
                        dpr: float) -> dict[str, Any]:
    context, page = new_page(browser, PHOTO_PHONE, dpr)
    try:
        rec = Recorder().attach(page)
        page.goto(urljoin(base, product), wait_until="load")
        rec.wait_quiet(page)
        images = [r for r in rec.requests if r.resource_type == "image"
                  and not urlparse(r.url).path.lower().endswith((".svg", ".ico"))
                  and (r.response() is None
                       or "svg" not in (r.response().headers.get("content-type") or ""))]
        if not images:
            return {"error": "the product page loaded no raster image"}
        first = images[0]
        natural = page.evaluate(
            """url => { const i = [...document.images].find(i => i.currentSrc === url);
                        return i ? [i.naturalWidth, i.naturalHeight, i.width] : null; }""",
            first.url)
        response = first.response()
        return {"url": first.url[len(base) - 1:], "bytes": response_bytes(first, site, base),
                "type": response.headers.get("content-type") if response else None,
                "natural": natural, "images_loaded": len(images),
                "images_bytes": sum(response_bytes(r, site, base) for r in images), "dpr": dpr}
    finally:
        context.close()


def measure_search(browser: Any, site: Path, base: str, search_page: str, selector: str,
                   query: str, results: str | None, enter: bool = True) -> dict[str, Any]:
    context, page = new_page(browser, PHONE)
    try:
        rec = Recorder().attach(page)
        page.goto(urljoin(base, search_page), wait_until="load")
        rec.wait_quiet(page)
        box = page.locator(selector)
        if box.count() == 0:
            return {"query": query, "error": f"no element matches {selector!r} on {search_page}"}
        mark = len(rec.requests)
        box.first.click(timeout=10_000)
        box.first.press_sequentially(query, delay=150)  # a person typing, not a paste
        if enter:  # the phone keyboard's search key
            box.first.press("Enter")
        settled = rec.wait_quiet(page, quiet=2.0)
        after = [r for r in rec.requests[mark:] if not r.url.startswith("data:")]
        before = {r.url for r in rec.requests[:mark]}
        kinds: Counter[str] = Counter()
        # A file asked for again (or already loaded with the page) comes from the browser's
        # cache (the host sends max-age=600): counted once, on first download only.
        for url, r in {r.url: r for r in reversed(after)}.items():
            if url not in before:
                kinds[Path(urlparse(url).path).suffix or r.resource_type] += response_bytes(
                    r, site, base)
        shown = page.locator(results).count() if results else None
        return {"query": query, "requests": len(after), "bytes": sum(kinds.values()),
                "by_type": dict(kinds.most_common()), "settled": settled, "results_shown": shown}
    finally:
        context.close()


def lighthouse(url: str, chromium: Path) -> dict[str, Any]:
    if not LIGHTHOUSE.is_file():
        return {"url": url, "error": f"{LIGHTHOUSE} missing: run ./dev browser-setup"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = ["node", str(LIGHTHOUSE), url, f"--chrome-path={chromium}",
               f"--chrome-flags={' '.join(CHROMIUM_ARGS)}", "--output=json",
               f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
        if proc.returncode != 0 or not out.is_file():
            return {"url": url, "error": f"lighthouse exit {proc.returncode}: "
                                         f"{proc.stderr.strip()[-500:]}"}
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {k: (round(v["score"] * 100) if v.get("score") is not None else None)
              for k, v in report["categories"].items()}
    metrics = {name: report["audits"].get(audit, {}).get("numericValue")
               for name, audit in LIGHTHOUSE_METRICS.items()}
    return {"url": url, "scores": scores, "metrics": metrics,
            "runtime_error": report.get("runtimeError"), "warnings": report.get("runWarnings", [])}


def lighthouse_runs(url: str, chromium: Path, runs: int) -> dict[str, Any]:
    """Lighthouse ``runs`` times: a single mobile score moves by several points from run to run
    (simulated throttling scales what this machine's CPU did), so the median is reported, with
    the range and the metrics of the median run."""
    done = [lighthouse(url, chromium) for _ in range(runs)]
    good = [r for r in done if "error" not in r]
    if not good:
        return done[0]
    ordered = sorted(good, key=lambda r: r["scores"].get("performance") or 0)
    median = ordered[len(ordered) // 2]
    spread = {k: (min(r["scores"][k] or 0 for r in good), max(r["scores"][k] or 0 for r in good))
              for k in median["scores"]}
    return {**median, "runs": len(good), "spread": spread,
            "all_performance": [r["scores"].get("performance") for r in good]}


# --- report -----------------------------------------------------------------------------------

def table(results: dict[str, Any]) -> str:
    rows = ["| # | Measure | Value | Details |", "|---|---|---|---|"]
    pp = results.get("product_page")
    if pp and "error" not in pp:
        parts = [f"{kind} {kb(v['bytes'])} ({v['files']})" for kind in PAGE_TYPES.values()
                 if (v := pp["by_kind"].get(kind))]
        extra = [f"not counted: {kind} {kb(v['bytes'])} ({v['files']})"
                 for kind, v in pp["by_kind"].items() if kind not in PAGE_TYPES.values()]
        if pp["external"]:
            extra.append(f"**{len(pp['external'])} request(s) to other hosts**")
        rows.append(f"| 1 | Product page, no photos (HTML+CSS+JS+fonts, gzip -6) | "
                    f"{kb(pp['bytes'])} | `{pp['page']}`: {', '.join(parts + extra)} |")
    elif pp:
        rows.append(f"| 1 | Product page, no photos | error | {pp['error']} |")
    html = results.get("product_html")
    if html:
        rows.append(f"| 1b | HTML of every product page (gzip -6) | median {kb(html['median'])} | "
                    f"{html['pages']} pages; min {kb(html['min'])}, max {kb(html['max'])} "
                    f"(`{html['max_page']}`) |")
    photo = results.get("first_photo")
    if photo and "error" not in photo:
        natural = "x".join(map(str, photo["natural"][:2])) if photo["natural"] else "?"
        rows.append(f"| 2 | First photo, 400 px wide phone (DPR {photo['dpr']:g}) | "
                    f"{kb(photo['bytes'])} | `{photo['url']}` {photo['type']}, {natural} px; "
                    f"{photo['images_loaded']} image(s) loaded, {kb(photo['images_bytes'])} |")
    elif photo:
        rows.append(f"| 2 | First photo, 400 px wide phone | error | {photo['error']} |")
    for s in results.get("search", []):
        if "error" in s:
            rows.append(f"| 3 | Search \"{s['query']}\" | error | {s['error']} |")
            continue
        detail = ", ".join(f"{k} {kb(v)}" for k, v in s["by_type"].items()) or "no request"
        shown = f"; {s['results_shown']} results shown" if s["results_shown"] is not None else ""
        quiet = "" if s["settled"] else "; network never went quiet (60 s)"
        rows.append(f"| 3 | Search \"{s['query']}\" (after typing) | {kb(s['bytes'])} | "
                    f"{s['requests']} requests: {detail}{shown}{quiet} |")
    rows.extend(lighthouse_row(lh) for lh in results.get("lighthouse", []))
    return "\n".join(rows)


def lighthouse_row(lh: dict[str, Any]) -> str:
    if "error" in lh:
        return f"| 4 | Lighthouse mobile `{lh['url']}` | error | {lh['error']} |"
    value = " · ".join(f"{k} {v}" for k, v in lh["scores"].items())
    notes = []
    if lh.get("runs", 1) > 1:
        low, high = lh["spread"]["performance"]
        value = f"median of {lh['runs']}: {value}"
        notes.append(f"performance {low}–{high} over the runs "
                     f"({', '.join(map(str, lh['all_performance']))})")
    m = lh.get("metrics") or {}
    if m.get("LCP") is not None:
        notes.append(f"median run: FCP {m['FCP'] / 1000:.1f} s, LCP {m['LCP'] / 1000:.1f} s, "
                     f"TBT {m['TBT']:.0f} ms, CLS {m['CLS']:.3f}")
    note = lh["runtime_error"] or "; ".join(notes + lh["warnings"])
    return f"| 4 | Lighthouse mobile `{lh['url']}` | {value} | {note} |"



def failed(results: dict[str, Any]) -> bool:
    items = [results.get("product_page"), results.get("first_photo"),
             *results.get("search", []), *results.get("lighthouse", [])]
    return any(item and ("error" in item or item.get("runtime_error")) for item in items)


def attempt(measure: Any, *args: Any) -> dict[str, Any]:
    """Run one measure; a failure (selector missing, page error) becomes its row's error."""
    try:
        return measure(*args)
    except Exception as exc:  # a Playwright error names what it waited for: keep its first lines
        return {"error": " ".join(str(exc).split("\n")[:3]).replace("|", "/")}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("site", type=Path, help="built site folder (has index.html)")
    p.add_argument("--product-page", help="URL path of the product page to measure, relative "
                   "to the site root (default: the first product page found)")
    p.add_argument("--search-page", default="danh-muc/", help="URL path of the catalogue page")
    p.add_argument("--search-input", default="#ocop-search", help="CSS selector of its search box")
    p.add_argument("--results", help="CSS selector of one shown result, to count them")
    p.add_argument("--no-enter", action="store_true",
                   help="only type the query; by default Enter is pressed after it")
    p.add_argument("--query", action="append", help="query to type (repeatable; default: "
                   "'nước mắm' and 'tieu')")
    p.add_argument("--dpr", type=float, default=1.0,
                   help="device pixel ratio for the first-photo measure (default 1)")
    p.add_argument("--lighthouse-url", action="append", help="URL path for Lighthouse "
                   "(repeatable; default: home, search page, product page)")
    p.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per URL; "
                   "the median is reported with the range (default 3)")
    p.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (slow)")
    p.add_argument("--chromium", type=Path, default=CHROMIUM)
    p.add_argument("--json", type=Path, help="also write the numbers to this file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"{site} has no index.html: build the site first", file=sys.stderr)
        return 2
    if not args.chromium.is_file():
        print(f"no Chromium at {args.chromium}: run ./dev browser-setup", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    products = find_product_pages(site)
    product = args.product_page or (page_url(site, products[0]) if products else None)
    results: dict[str, Any] = {"site": str(site)}
    if products:
        results["product_html"] = measure_product_html(site, products)
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(args.chromium), args=CHROMIUM_ARGS)
        try:
            if product is None:
                missing = {"error": "no product page found: pass --product-page"}
                results["product_page"] = results["first_photo"] = missing
            else:
                results["product_page"] = attempt(measure_product_page, browser, site, base,
                                                  product)
                results["first_photo"] = attempt(measure_first_photo, browser, site, base,
                                                 product, args.dpr)
            results["search"] = [
                {"query": q, **attempt(measure_search, browser, site, base, args.search_page,
                                       args.search_input, q, args.results, not args.no_enter)}
                for q in (args.query or ["nước mắm", "tieu"])]
        finally:
            browser.close()
        if not args.no_lighthouse:
            paths = args.lighthouse_url or ["", args.search_page, *([product] if product else [])]
            results["lighthouse"] = [
                {**lighthouse_runs(urljoin(base, p), args.chromium, max(1, args.lighthouse_runs)),
                 "url": "/" + p} for p in paths]
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if failed(results) else 0


if __name__ == "__main__":
    sys.exit(main())
