"""Photos for the public site: small, metadata-free, cache-busted copies of product photos.

Each source photo becomes a few resized variants (400, 800 and 1600 px wide by default, never
upscaled), each as WebP and as a JPEG fallback. The originals are never published.

Every output is built from the decoded pixels only: EXIF orientation is applied to the pixels,
colours are converted to sRGB (an embedded ICC profile is honoured, then dropped) and nothing
else travels — no EXIF (so no GPS), no XMP, no ICC profile, no comment. Browsers treat untagged
images as sRGB. Transparency is kept in WebP and flattened onto white in JPEG.

Outputs are cached in ``cache_dir`` under a name built from a hash of the source bytes and the
pipeline settings (including the encoder versions), so a photo that has not changed is never
decoded again, a changed photo gets a new URL, and the same input always gives byte-identical
files. A small JSON manifest per photo records the variant sizes so a cache hit needs no
decoding at all. Files are written atomically, so an interrupted build leaves no half files.

The validator (:mod:`generator.checks.photos`) runs first and blocks bad photos; if one reaches
:meth:`PhotoPipeline.process` anyway, :class:`~generator.errors.PhotoError` is raised — never a
raw Pillow error. Both read a photo through :mod:`generator.imaging` (formats, the 50-megapixel
limit checked before decoding, orientation), which leaves Pillow's global settings and the
process' warning filters untouched.
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import PIL
from PIL import Image, ImageCms, ImageOps, features

from ..cache import make_dir, touch, write_atomic
from ..errors import PhotoError
from ..imaging import (
    ACCEPTED,
    MAX_PIXELS,
    SIDEWAYS,
    TAG_ORIENTATION,
    error_reason,
    header_size,
    open_as,
    oriented_size,
    recorded_warnings,
    sniff,
    too_many_pixels,
)

#: Bump whenever a change here alters the output bytes (forces new names for every photo).
SETTINGS_VERSION = 1
#: Folder of the site (relative to its root) the variants are published in.
MEDIA_DIR = "media"
DEFAULT_WIDTHS = (400, 800, 1600)
#: Width of the variant used as ``<img src>``: this one, or the largest narrower one.
FALLBACK_WIDTH = 800
#: Hex characters of the content hash in output names.
HASH_CHARS = 12
WEBP_OPTIONS: dict[str, Any] = {"quality": 75, "method": 6}
JPEG_OPTIONS: dict[str, Any] = {"quality": 78, "progressive": True, "optimize": True}
KINDS = {"webp": ".webp", "jpeg": ".jpg"}
#: Pillow's Lanczos after a fast integer pre-shrink that keeps at least this much margin.
_REDUCING_GAP = 3.0
_WHITE = (255, 255, 255)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_GREY_MODES = frozenset({"1", "L", "LA", "La", "I", "F"})


@dataclass(frozen=True)
class Variant:
    """One size of a photo, as WebP and JPEG; paths are relative to the site root."""

    width: int
    height: int
    webp: str
    jpeg: str

    def path(self, kind: str) -> str:
        """The ``webp`` or ``jpeg`` path."""
        if kind not in KINDS:
            raise ValueError(f"unknown image kind {kind!r}; expected one of {sorted(KINDS)}")
        return self.webp if kind == "webp" else self.jpeg


@dataclass(frozen=True)
class PhotoSet:
    """All variants of one photo, ascending width; ``width``/``height`` are the largest's."""

    variants: tuple[Variant, ...]
    width: int
    height: int

    def srcset(self, kind: str) -> str:
        """``srcset`` value for ``kind`` ``"webp"`` or ``"jpeg"``: ``"media/…-400.webp 400w, …"``."""
        return ", ".join(f"{v.path(kind)} {v.width}w" for v in self.variants)

    def fallback(self) -> Variant:
        """The variant for ``<img src>``: 800 px wide, or the largest narrower one.

        When every variant is wider (only with custom widths), the narrowest.
        """
        narrow = [v for v in self.variants if v.width <= FALLBACK_WIDTH]
        return narrow[-1] if narrow else self.variants[0]


def variant_sizes(width: int, height: int, widths: tuple[int, ...]) -> list[tuple[int, int]]:
    """Sizes of the variants of a ``width`` × ``height`` photo (as shown), never upscaled.

    Each requested width narrower than the photo gives a variant; the first that is not gives
    one at the photo's own width, and the list stops there. Heights keep the aspect ratio,
    rounded half up.
    """
    sizes: list[tuple[int, int]] = []
    for wanted in sorted(widths):
        target = min(wanted, width)
        sizes.append((target, max(1, (2 * target * height + width) // (2 * width))))
        if target == width:
            break
    return sizes


class PhotoPipeline:
    """Turns source photos into cached site variants; see the module docstring."""

    def __init__(self, cache_dir: Path, widths: tuple[int, ...] = DEFAULT_WIDTHS) -> None:
        if not widths or any(not isinstance(w, int) or w < 1 for w in widths):
            raise ValueError(f"widths must be positive integers, got {widths!r}")
        self.cache_dir = Path(cache_dir)
        self.widths = tuple(sorted(set(widths)))
        self._key = settings_key(self.widths)
        self._outputs: dict[str, Path] = {}
        #: photos decoded and encoded by this pipeline so far (a cache hit encodes none)
        self.encoded = 0

    def process(self, source: Path) -> PhotoSet:
        """The variants of ``source``, from the cache or made now; :class:`PhotoError` if bad."""
        data, digest = self._identify(Path(source))
        sizes = self.cached_sizes(digest)
        if sizes is None:
            self.encoded += 1
            sizes = render(Path(source), data, self.widths, self.cache_dir, digest)
        return self.record(digest, sizes)

    def process_many(self, sources: Iterable[Path], workers: int | None = None
                     ) -> dict[Path, PhotoSet]:
        """:meth:`process` of each source, the photos not in the cache encoded side by side
        on ``workers`` cores (default: all), each distinct content once; the same files and
        errors as one at a time (:mod:`generator.site.photo_batch`)."""
        from .photo_batch import process_many  # it imports this module

        return process_many(self, sources, workers)

    def outputs(self) -> dict[str, Path]:
        """Every site-relative path produced (or found in the cache) so far -> its cached file."""
        return dict(self._outputs)

    def cached_sizes(self, digest: str) -> list[tuple[int, int]] | None:
        """Variant sizes from the manifest, if it and every file it names are in the cache
        (the manifest is touched: in use)."""
        try:
            manifest = json.loads((self.cache_dir / f"{digest}.json").read_text("utf-8"))
            sizes = [(int(w), int(h)) for w, h in manifest["variants"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        names = (_name(digest, w, kind) for w, _ in sizes for kind in KINDS)
        if not sizes or not all((self.cache_dir / n).is_file() for n in names):
            return None
        touch(self.cache_dir / f"{digest}.json")  # in use: kept by cache.prune
        return sizes

    def _identify(self, source: Path) -> tuple[bytes, str]:
        """The source bytes and the content hash naming its outputs."""
        try:
            data = source.read_bytes()
        except OSError as error:
            raise PhotoError(source, error_reason(error)) from error
        make_dir(self.cache_dir)
        return data, hashlib.sha256(self._key + data).hexdigest()[:HASH_CHARS]

    def record(self, digest: str, sizes: list[tuple[int, int]]) -> PhotoSet:
        """The photo set of ``digest``, its files added to :meth:`outputs`."""
        photos = _photo_set(digest, sizes)
        for variant in photos.variants:
            for kind in KINDS:
                relative = variant.path(kind)
                self._outputs[relative] = self.cache_dir / Path(relative).name
        return photos


def settings_key(widths: tuple[int, ...]) -> bytes:
    """Everything besides the source bytes that decides the output bytes."""
    settings = {
        "version": SETTINGS_VERSION, "widths": list(widths), "webp": WEBP_OPTIONS,
        "jpeg": JPEG_OPTIONS, "pillow": PIL.__version__, "libwebp": features.version("webp"),
        "libjpeg": features.version("jpg"), "lcms": features.version("littlecms2"),
    }
    return json.dumps(settings, sort_keys=True).encode("utf-8") + b"\0"


def render(source: Path, data: bytes, widths: tuple[int, ...], cache_dir: Path,
           digest: str) -> list[tuple[int, int]]:
    """Decode ``data`` once, write every variant and then the manifest; the variant sizes."""
    shown, (width, height) = decode(source, data, widths)
    sizes = variant_sizes(width, height, widths)
    for size in sizes:
        image = _resize(shown, size)
        for kind in KINDS:
            write_atomic(cache_dir / _name(digest, size[0], kind), encode(image, kind))
    manifest = {"settings": SETTINGS_VERSION, "variants": [list(s) for s in sizes]}
    write_atomic(cache_dir / f"{digest}.json", json.dumps(manifest).encode("utf-8"))
    return sizes


def decode(source: Path, data: bytes, widths: tuple[int, ...]) -> tuple[Image.Image, tuple[int, int]]:
    """The photo as shown (orientation applied), sRGB, mode RGB or RGBA, without metadata.

    Also returns the full shown size: a JPEG may be decoded at a reduced scale (never below
    the largest variant), so the image itself can be smaller.
    """
    fmt = sniff(data[:512])
    if fmt not in ACCEPTED:
        raise PhotoError(source, f"not a JPEG, PNG or WebP image ({fmt or 'unrecognised content'})")
    header = header_size(data[:30], fmt)
    if header is not None:
        _check_pixels(source, header)
    with recorded_warnings() as caught:
        try:
            with open_as(data, fmt) as image:
                _check_pixels(source, image.size, caught)
                stored = image.size
                _draft(image, oriented_size(image), max(widths))
                image.load()
                shown, turned = _transposed(image)
                return to_srgb(shown), (stored[::-1] if turned else stored)
        except PhotoError:
            raise
        except Exception as error:  # truncated, corrupt, or anything else Pillow raises
            raise PhotoError(source, error_reason(error)) from error


def to_srgb(image: Image.Image) -> Image.Image:
    """An RGB (or RGBA when some pixel is not opaque) sRGB copy with an empty ``info``."""
    profile = image.info.get("icc_profile")
    if image.mode.startswith("I;16") or image.mode == "I":  # 16-bit grey: scale, not clip
        image = image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    alpha = image.convert("RGBA").getchannel("A") if image.has_transparency_data else None
    base = image if image.mode in ("RGB", "L", "CMYK") else image.convert(
        "L" if image.mode in _GREY_MODES else "RGB")
    rgb = _from_profile(base, profile) if profile else None
    if rgb is None:
        rgb = base.convert("RGB")
    if alpha is not None and alpha.getextrema() != (255, 255):
        rgb.putalpha(alpha)
    rgb.info = {}
    return rgb


def encode(image: Image.Image, kind: str) -> bytes:
    """``image`` (RGB or RGBA, empty ``info``) as WebP or JPEG bytes, with no metadata."""
    buffer = io.BytesIO()
    if kind == "webp":
        image.save(buffer, "WEBP", **WEBP_OPTIONS)
    elif kind == "jpeg":
        if image.mode == "RGBA":
            flat = Image.new("RGB", image.size, _WHITE)
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", **JPEG_OPTIONS)
    else:
        raise ValueError(f"unknown image kind {kind!r}")
    return buffer.getvalue()


def _check_pixels(source: Path, size: tuple[int, int],
                  caught: list[warnings.WarningMessage] | None = None) -> None:
    """The validator's limit, before any decoding (and Pillow's own bomb warning)."""
    if too_many_pixels(size, caught or ()):
        megapixels = size[0] * size[1] / 1e6
        raise PhotoError(source, f"{megapixels:.0f} megapixels, more than the "
                                 f"{MAX_PIXELS // 1_000_000} allowed")


def _draft(image: Image.Image, shown: tuple[int, int], widest: int) -> None:
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the largest variant still fits."""
    if image.format != "JPEG" or widest >= shown[0]:
        return
    stored_w, stored_h = image.size  # each side scaled by widest / shown width, rounded up
    image.draft("RGB", (-(-stored_w * widest // shown[0]), -(-stored_h * widest // shown[0])))


def _transposed(image: Image.Image) -> tuple[Image.Image, bool]:
    """A copy with the EXIF orientation applied, and whether that swapped width and height.

    As stored when the EXIF is unreadable (as the validator's ``oriented_size`` does).
    """
    try:
        turned = image.getexif().get(TAG_ORIENTATION) in SIDEWAYS
        return ImageOps.exif_transpose(image), turned
    except Exception:
        return image.copy(), False


def _from_profile(image: Image.Image, profile: bytes) -> Image.Image | None:
    """``image`` converted from its ICC profile to sRGB RGB; ``None`` if that cannot be done."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if image.mode == "RGB" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return None  # already sRGB: a transform would only cost time
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except Exception:  # damaged or mismatched profile: show the numbers as sRGB
        return None


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    resized = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=_REDUCING_GAP)
    resized.info = {}
    return resized


def _photo_set(digest: str, sizes: list[tuple[int, int]]) -> PhotoSet:
    variants = tuple(
        Variant(w, h, f"{MEDIA_DIR}/{_name(digest, w, 'webp')}", f"{MEDIA_DIR}/{_name(digest, w, 'jpeg')}")
        for w, h in sizes)
    return PhotoSet(variants, variants[-1].width, variants[-1].height)


def _name(digest: str, width: int, kind: str) -> str:
    return f"{digest}-{width}{KINDS[kind]}"
