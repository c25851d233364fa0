"""QR codes (segno) pointing at a product's public page, as inline SVG."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno

from ..cache import make_dir, touch, write_atomic


def qr_svg(url: str, title: str) -> str:
    """An SVG QR code for ``url`` that scales with CSS (no fixed width/height)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True,
              border=2, title=title, svgclass="ocop-qr", lineclass=None)
    return buffer.getvalue().decode("utf-8")


class QrCodes:
    """QR codes cached on disk by content (URL, title, segno version): choosing the best mask
    is the slow part of making a QR code, and a URL's code never changes."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir

    def svg(self, url: str, title: str) -> str:
        if self.cache_dir is None:
            return qr_svg(url, title)
        key = hashlib.sha256(f"{segno.__version__}\n{url}\n{title}".encode()).hexdigest()[:24]
        path = self.cache_dir / f"{key}.svg"
        if path.is_file():
            touch(path)  # in use: kept by cache.prune
            return path.read_text(encoding="utf-8")
        text = qr_svg(url, title)
        make_dir(self.cache_dir)
        write_atomic(path, text.encode("utf-8"))
        return text
