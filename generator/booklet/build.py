"""One call from a :class:`~generator.booklet.sets.Booklet` to its PDF: HTML, glyph check, PDF.

Used by ``ocop print`` and by the site build (:mod:`generator.booklet.publish`); both share the
photo and QR caches of the site build and the booklet cache under ``.cache/ocop/booklets``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..site.config import SiteConfig
from ..site.images import PhotoPipeline, PhotoSet
from . import fonts
from .html import printed_texts, render_booklet
from .pdf import PdfFile, pdf_file, pdf_files
from .sets import Booklet
from .sheet import Sheets

CACHE = ".cache/ocop"
#: processes rendering PDFs at once (the build machine has two cores)
WORKERS = 2


@dataclass(frozen=True)
class Made:
    """A booklet and its PDF (in the cache) in one layout."""

    booklet: Booklet
    layout: str
    pdf: PdfFile

    @property
    def name(self) -> str:
        """The file's path under an output folder: ``nhom/thuc-pham.pdf``, ``danh-muc-4up.pdf``."""
        return file_name(self.booklet, self.layout)


def file_name(booklet: Booklet, layout: str) -> str:
    return booklet.slug + ("" if layout == "1up" else f"-{layout}") + ".pdf"


class Printer:
    """Prints booklets of one catalogue as of ``today``."""

    def __init__(self, root: Path, config: SiteConfig, today: date) -> None:
        self.config, self.today = config, today
        self.cache = root / CACHE
        self.pipeline = PhotoPipeline(self.cache / "photos")
        self._sheets: dict[str, Sheets] = {}
        #: the main photos made by one batch (:meth:`make_many`), by source path
        self._photos: dict[Path, PhotoSet] = {}
        self._fonts = fonts.font_css()

    def sheets(self, layout: str) -> Sheets:
        if layout not in self._sheets:
            self._sheets[layout] = Sheets(self.config, self.today, self.pipeline,
                                          self.cache / "qr", layout, self._photos)
        return self._sheets[layout]

    def html(self, booklet: Booklet, layout: str = "1up") -> str:
        """The booklet's HTML, after checking every character it prints has a glyph."""
        printed = render_booklet(booklet, self.sheets(layout), self._fonts, layout)
        fonts.check(printed_texts(printed))
        return printed.html

    def make(self, booklet: Booklet, layout: str = "1up") -> Made:
        return Made(booklet, layout, pdf_file(self.html(booklet, layout), self.cache / "booklets"))

    def make_many(self, wanted: Sequence[tuple[Booklet, str]]) -> list[Made]:
        """Several booklets (each in its layout), those not cached rendered side by side on
        the machine's cores (at most WORKERS); their photos first, in one batch on every core."""
        self._photos.update(self.pipeline.process_many(
            p.folder / p.photos[0].file for booklet, _ in wanted for p in booklet.products
            if p.photos))
        htmls = [self.html(booklet, layout) for booklet, layout in wanted]
        pdfs = pdf_files(htmls, self.cache / "booklets", min(WORKERS, os.cpu_count() or 1))
        return [Made(b, layout, pdf) for (b, layout), pdf in zip(wanted, pdfs, strict=True)]
