"""Fixtures for tests that drive a real headless Chromium over a site served on localhost.

- ``chromium_path`` (session): Path of Debian's Chromium (``/usr/bin/chromium``; another binary
  with ``OCOP_CHROMIUM=/path``). Missing: skip on a developer's machine, FAIL in CI (CI=true).
- ``browser`` (session): a Playwright (sync API) ``Browser`` launched from ``chromium_path``.
- ``page`` (function): a ``Page`` in a fresh context — phone viewport 412x915, touch, locale
  vi-VN — closed after the test.
- ``site_server`` (function): a callable ``site_server(site_dir: Path) -> str`` serving a
  directory at ``http://127.0.0.1:<free port>/`` (returned with its trailing slash) from a
  background thread; every server it started is shut down after the test.
- ``built_site`` (session, in tests/conftest.py): the real catalogue built once per session.

Helpers (import from ``tests.browser.conftest``): ``serve_directory(site_dir)`` (the context
manager behind ``site_server``), ``pdf_page_count(pdf_bytes)`` for ``page.pdf()`` output,
and ``platform_fonts(page, selector)`` (which installed fonts drew an element's text, via CDP).

Setup: ``./dev browser-setup`` (tools/setup-browser.sh). Playwright never downloads a browser.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.envcheck import missing_tool

DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
# Headless as root in a sandbox with a closed network: without the background-networking
# flags Chromium keeps opening connections that this machine refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 412, "height": 915}
LOCALE = "vi-VN"


def chromium_executable() -> Path:
    return Path(os.environ.get("OCOP_CHROMIUM") or DEFAULT_CHROMIUM)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    path = chromium_executable()
    if not (path.is_file() and os.access(path, os.X_OK)):
        missing_tool(f"no Chromium at {path}")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("the Python package playwright is not installed (pyproject.toml [test] extra)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS,
                                     headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE_VIEWPORT, locale=LOCALE, is_mobile=True,
                                  has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise FileNotFoundError(f"not a directory: {site_dir}")
    handler = functools.partial(_QuietHandler, directory=os.fspath(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"site-server-{site_dir.name}",
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def site_server() -> Iterator[Callable[[Path], str]]:
    with ExitStack() as stack:
        yield lambda site_dir: stack.enter_context(serve_directory(site_dir))


def pdf_page_count(pdf: bytes) -> int:
    """Pages in a PDF that Chromium (Skia) printed: its ``/Type /Page`` objects.

    Skia writes page dictionaries as plain objects; the page tree's root ``/Count`` must agree,
    otherwise (object streams, another producer) this raises ValueError instead of guessing.
    """
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Count\s+(\d+)", pdf)]
    if not pdf.startswith(b"%PDF-") or pages == 0 or max(counts, default=-1) != pages:
        raise ValueError(f"cannot count pages: {pages} /Page objects, /Count values {counts}")
    return pages


def platform_fonts(page: Any, selector: str) -> dict[str, int]:
    """The installed fonts Chromium used to draw the text of ``selector``: family -> glyphs.

    More than one family means some characters fell back to another font than the CSS one.
    """
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            raise LookupError(f"no element matches {selector!r}")
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {f["familyName"]: f["glyphCount"] for f in fonts}
