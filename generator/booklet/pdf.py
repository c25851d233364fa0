"""HTML → PDF with WeasyPrint, cached by content.

The cache key is a hash of everything that decides the PDF's bytes: the HTML (which names the
cached photo files by their content hash and embeds the QR codes), the font files' sizes and
times, WeasyPrint's version and the PDF options. A booklet whose printed content has not changed
is never rendered again. Rendering asks for a tagged PDF in the PDF/A-3b variant (BENCHMARKS.md
"Printed booklets" records what that gives).
"""

from __future__ import annotations

import gc
import hashlib
import json
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFile

from ..cache import make_dir, touch, write_atomic
from ..forkpool import forked_map
from .fonts import FACES, font_file
from .texts import SAY

#: the PDF options every booklet is written with
PDF_OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True, "uncompressed_pdf": False}
#: bump when a change here alters the bytes written for the same HTML
SETTINGS_VERSION = 1


@dataclass(frozen=True)
class PdfFile:
    """A rendered booklet in the cache: the file, its page count and size in bytes."""

    path: Path
    pages: int
    size: int


def _weasyprint() -> object:
    """The WeasyPrint module; an OcopError naming Pango when its libraries are missing."""
    from ..errors import OcopError

    truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint
    except OSError as error:  # cffi cannot load libpango / libgobject
        reason = str(error).splitlines()[0]
        raise OcopError(f"{SAY('weasyprint_missing', 'vi', reason=reason)}\n"
                        f"{SAY('weasyprint_missing', 'en', reason=reason)}") from error
    finally:
        # importing WeasyPrint sets Pillow's global LOAD_TRUNCATED_IMAGES, which would let the
        # photo checks of a later validation (ocop serve) accept a truncated photo: put it back
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated
    return weasyprint


def cache_key(html: str) -> str:
    weasyprint = _weasyprint()
    fonts = [(name, font_file(name).stat().st_size, font_file(name).stat().st_mtime_ns)
             for *_, name in FACES]
    settings = json.dumps({"v": SETTINGS_VERSION, "weasyprint": getattr(weasyprint, "__version__", ""),
                           "options": PDF_OPTIONS, "fonts": fonts}, sort_keys=True)
    return hashlib.sha256(settings.encode() + b"\0" + html.encode("utf-8")).hexdigest()[:24]


def render_pdf(html: str) -> tuple[bytes, int]:
    """The PDF bytes and page count of ``html`` (file URLs allowed: photos and fonts)."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url="/").render()  # type: ignore[attr-defined]
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB profile for the PDF/A output intent and never closes it
        # (weasyprint/pdf/__init__.py); the file is freed at once, its ResourceWarning is noise.
        warnings.simplefilter("ignore", ResourceWarning)
        data = document.write_pdf(**PDF_OPTIONS)
        gc.collect()
    return data, len(document.pages)


def lookup(key: str, cache_dir: Path) -> PdfFile | None:
    """The cached PDF of ``key``, if it and its page count are in the cache."""
    path, manifest = cache_dir / f"{key}.pdf", cache_dir / f"{key}.json"
    try:
        pages = int(json.loads(manifest.read_text("utf-8"))["pages"])
        size = path.stat().st_size
    except (OSError, ValueError, KeyError, TypeError):
        return None
    touch(path)  # in use: kept by cache.prune
    touch(manifest)
    return PdfFile(path, pages, size)


def _store(key: str, data: bytes, pages: int, cache_dir: Path) -> PdfFile:
    make_dir(cache_dir)
    path = cache_dir / f"{key}.pdf"
    write_atomic(path, data)
    write_atomic(cache_dir / f"{key}.json", json.dumps({"pages": pages}).encode("utf-8"))
    return PdfFile(path, pages, len(data))


def pdf_files(htmls: list[str], cache_dir: Path, workers: int = 1) -> list[PdfFile]:
    """The PDF of each HTML in ``cache_dir``; only those not cached are rendered, the biggest
    first, in ``workers`` processes."""
    keys = [cache_key(html) for html in htmls]
    found = {key: hit for key in set(keys) if (hit := lookup(key, cache_dir)) is not None}
    todo = sorted({key: html for key, html in zip(keys, htmls, strict=True) if key not in found}
                  .items(), key=lambda item: -len(item[1]))
    rendered = forked_map(render_pdf, [html for _, html in todo], workers)
    for (key, _), (data, pages) in zip(todo, rendered, strict=True):
        found[key] = _store(key, data, pages, cache_dir)
    return [found[key] for key in keys]


def pdf_file(html: str, cache_dir: Path) -> PdfFile:
    """The booklet's PDF in ``cache_dir`` (rendered now only when not cached)."""
    return pdf_files([html], cache_dir)[0]
