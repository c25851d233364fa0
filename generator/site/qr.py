"""QR codes (segno) pointing at a product's public page, as inline SVG."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, title: str) -> str:
    """An SVG QR code for ``url`` that scales with CSS (no fixed width/height)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True,
              border=2, title=title, svgclass="ocop-qr", lineclass=None)
    return buffer.getvalue().decode("utf-8")
