"""Phone screenshots of the built site for the README (``docs/screenshots/*.png``).

Builds the shipped catalogue into ``site/`` (or takes an existing build with ``--site DIR``),
serves it on 127.0.0.1 at a free port, opens the home page, the catalogue with a query and a
product page in headless Chromium at 390×844 (device scale 2), and writes each first screen as
a small palette PNG (Pillow, ≤ ~150 kB each).

Usage (from the repository root)::

    .venv/bin/python tools/screenshots.py                  # build with --today, then shoot
    .venv/bin/python tools/screenshots.py --site site      # shoot an existing build

Needs Playwright (Python) and Chromium (``/usr/bin/chromium``, or ``OCOP_CHROMIUM``);
``./dev browser-setup`` installs both. Playwright never downloads a browser.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image

#: (file name, page address under the site root): what a newcomer should see first
SHOTS = (
    ("trang-chu.png", ""),
    ("danh-muc-nuoc-mam.png", "danh-muc/?q=nuoc+mam"),
    ("san-pham-banh-dua-nuong-quy-thu.png", "san-pham/banh-dua-nuong-quy-thu/"),
)
VIEWPORT = {"width": 390, "height": 844}
SCALE = 2
MAX_BYTES = 150_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """``site`` served at http://127.0.0.1:<free port>/ from a background thread."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def small_png(png: bytes) -> bytes:
    """The screenshot as a palette PNG, with fewer colours until it fits ``MAX_BYTES``."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = b""
    for colours in (256, 128, 64, 32):
        buffer = io.BytesIO()
        image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT,
                       dither=Image.Dither.NONE).save(buffer, "PNG", optimize=True)
        out = buffer.getvalue()
        if len(out) <= MAX_BYTES:
            break
    return out


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("OCOP_CHROMIUM") or "/usr/bin/chromium"
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=SCALE,
                                      is_mobile=True, has_touch=True, locale="vi-VN")
        for name, address in SHOTS:
            page = context.new_page()
            page.goto(base + address, wait_until="networkidle")
            if address.startswith("danh-muc/"):
                page.wait_for_selector("#ocop-results .ocop-card")
                page.wait_for_function(
                    "!document.querySelector('.ocop-catalogue--pending')"
                    " && document.getElementById('ocop-results').getAttribute('aria-busy')"
                    " !== 'true'")
                page.wait_for_load_state("networkidle")
            page.evaluate("document.fonts.ready")
            target = out / name
            target.write_bytes(small_png(page.screenshot()))
            written.append(target)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build to shoot (default: build)")
    parser.add_argument("--today", default="2026-12-01",
                        help="the day validity is computed for when building (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        subprocess.run([sys.executable, "-m", "generator", "build", "--today", args.today],
                       check=True)
        site = Path("site")
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        for path in shoot(base, args.out):
            print(f"{path} ({path.stat().st_size // 1000} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
