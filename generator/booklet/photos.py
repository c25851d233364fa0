"""A product's main photo for print: at least 200 dpi at the size it is printed.

The photo pipeline (:mod:`generator.site.images`) already made 400, 800 and 1600 px JPEGs in
its cache; a booklet embeds the smallest of them that still gives ``MIN_DPI`` in the photo's
box, and prints a photo too small for the box smaller rather than below ``MIN_DPI``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from ..site.images import PhotoPipeline, PhotoSet, Variant

MIN_DPI = 200
MM_PER_INCH = 25.4


@dataclass(frozen=True)
class PrintPhoto:
    """A JPEG file and the size it is printed at, in millimetres; ``uri`` is its bytes as a
    ``data:`` URI, so the PDF names the image by its content, not by where the cache is (two
    checkouts of the same catalogue print byte-identical booklets)."""

    path: Path
    width_mm: float
    height_mm: float
    pixels: tuple[int, int]
    uri: str = ""

    @property
    def dpi(self) -> float:
        return self.pixels[0] / (self.width_mm / MM_PER_INCH)


def printed_size(width: int, height: int, box: tuple[float, float]) -> tuple[float, float]:
    """The size (mm) a ``width`` × ``height`` px photo is printed at in ``box`` (mm): as large
    as fits, keeping its shape, but never below MIN_DPI."""
    fit = min(box[0] / width, box[1] / height)  # mm per pixel to fill the box
    finest = MM_PER_INCH / MIN_DPI  # mm per pixel at MIN_DPI
    scale = min(fit, finest)
    return round(width * scale, 2), round(height * scale, 2)


def choose(photos: PhotoSet, box: tuple[float, float]) -> tuple[Variant, tuple[float, float]]:
    """The smallest variant giving MIN_DPI at the printed size, and that size."""
    size = printed_size(photos.width, photos.height, box)
    needed = size[0] / MM_PER_INCH * MIN_DPI
    variant = next((v for v in photos.variants if v.width >= needed - 0.5), photos.variants[-1])
    return variant, size


def print_photo(pipeline: PhotoPipeline, product_folder: Path, file: str,
                box: tuple[float, float], photos: PhotoSet | None = None) -> PrintPhoto:
    """The cached JPEG of ``file`` to embed in a box of ``box`` mm (PhotoError if bad);
    ``photos`` is its variants when a batch (PhotoPipeline.process_many) already made them."""
    photos = photos or pipeline.process(product_folder / file)
    variant, (width_mm, height_mm) = choose(photos, box)
    path = pipeline.cache_dir / Path(variant.jpeg).name
    uri = "data:image/jpeg;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    return PrintPhoto(path, width_mm, height_mm, (variant.width, variant.height), uri)
