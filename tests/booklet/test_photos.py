"""Photos are printed at 200 dpi or more, from the photo pipeline's variants."""

from __future__ import annotations

from generator.booklet.photos import MIN_DPI, choose, printed_size
from generator.booklet.sheet import PHOTO_BOX
from generator.site.images import PhotoSet, Variant


def photo_set(*sizes: tuple[int, int]) -> PhotoSet:
    variants = tuple(Variant(w, h, f"media/x-{w}.webp", f"media/x-{w}.jpg") for w, h in sizes)
    return PhotoSet(variants, variants[-1].width, variants[-1].height)


def dpi(width_px: int, width_mm: float) -> float:
    return width_px / (width_mm / 25.4)


def test_a_large_photo_fills_its_box_from_the_smallest_variant_that_is_sharp_enough() -> None:
    photos = photo_set((400, 300), (800, 600), (1600, 1200))
    variant, (width, height) = choose(photos, PHOTO_BOX["1up"])
    assert (width, height) == (100.0, 75.0)
    assert variant.width == 800 and dpi(variant.width, width) >= MIN_DPI
    variant, (width, _) = choose(photos, PHOTO_BOX["4up"])
    assert variant.width == 800 and dpi(400, width) < MIN_DPI <= dpi(800, width)


def test_a_tall_photo_is_fitted_by_its_height() -> None:
    variant, (width, height) = choose(photo_set((400, 800), (800, 1600)), PHOTO_BOX["1up"])
    assert height == 75.0 and width == 37.5
    assert dpi(variant.height, height) >= MIN_DPI and variant.width == 400


def test_a_small_photo_is_printed_smaller_rather_than_blurred() -> None:
    width, height = printed_size(500, 375, PHOTO_BOX["1up"])
    assert width < 100 and round(dpi(500, width)) == MIN_DPI
    assert abs(width / height - 500 / 375) < 0.01
