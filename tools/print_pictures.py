"""Pictures of a printed booklet for the README (``docs/print/*.png``), and the reference
image of the glyph check: every page is rendered by poppler (``pdftoppm``), not a browser.

Prints the shipped catalogue's whole booklet (one product per page and four per page) as of
``--today`` and writes its cover, first contents page, a product page and a page of cards as
small palette PNGs (≤ ~200 kB each). Look at them after a change to the booklet templates: a
missing glyph would show as a box.

Usage (from the repository root)::

    .venv/bin/python tools/print_pictures.py [--today 2026-12-01] [--product banh-dua-nuong-quy-thu]

Needs poppler-utils (``tools/setup-browser.sh`` installs it).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pypdf
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.booklet.build import Printer  # noqa: E402
from generator.booklet.sets import catalogue  # noqa: E402
from generator.site.config import load  # noqa: E402
from generator.validate import validate  # noqa: E402

OUT = ROOT / "docs" / "print"
DPI = 80


def page_png(pdf: Path, page: int, target: Path) -> None:
    """Page ``page`` of ``pdf`` as a palette PNG at DPI."""
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(page),
                        "-l", str(page), str(pdf), str(prefix)], check=True)
        image = Image.open(prefix.with_suffix(".png")).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
    target.write_bytes(buffer.getvalue())
    print(f"{target.relative_to(ROOT)}: {len(buffer.getvalue()) // 1000} kB")


def page_of(pdf: Path, name: str) -> int:
    """The first page after the contents whose text holds ``name``."""
    pages = pypdf.PdfReader(pdf).pages
    return next(i + 1 for i, page in enumerate(pages) if i > 2 and name in page.extract_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", default="2026-12-01")
    parser.add_argument("--product", default="banh-dua-nuong-quy-thu")
    args = parser.parse_args()
    today = date.fromisoformat(args.today)
    config = load(ROOT)
    products = validate([ROOT / config.products_dir], ROOT, today).products
    printer = Printer(ROOT, config, today)
    whole = printer.make(catalogue(products, config.language)).pdf.path
    cards = printer.make(catalogue(products, config.language), "4up").pdf.path
    name = next(p.name.vi for p in products if p.id == args.product)
    OUT.mkdir(parents=True, exist_ok=True)
    page_png(whole, 1, OUT / "bia.png")
    page_png(whole, 2, OUT / "muc-luc.png")
    page_png(whole, page_of(whole, name), OUT / "san-pham.png")
    page_png(cards, page_of(cards, name), OUT / "bon-san-pham.png")


if __name__ == "__main__":
    main()
