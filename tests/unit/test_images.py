"""Photo pipeline for the site: every case from images built in tmp_path (no binary fixtures)."""

from __future__ import annotations

import hashlib
import io
import pickle
import struct
import warnings
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageFile

from generator.errors import PhotoError
from generator.imaging import has_gps
from generator.site import images
from generator.site.images import PhotoPipeline, PhotoSet, Variant, variant_sizes

ORIENTATION = 0x0112
GPS_IFD = 0x8825
RED = (220, 20, 20)
BLUE = (20, 40, 220)


def save(path: Path, image: Image.Image, fmt: str, **options: object) -> Path:
    image.save(path, fmt, **options)
    return path


def photo(size: tuple[int, int] = (1000, 750), colour: tuple[int, int, int] = BLUE) -> Image.Image:
    """A plain image with a red square in its top-left corner (to see rotations)."""
    image = Image.new("RGB", size, colour)
    image.paste(RED, (0, 0, size[0] // 4, size[1] // 4))
    return image


def exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2025:06:01 10:00:00"  # DateTime
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (15.0, 52.0, 48.0)
    gps[3] = "E"
    gps[4] = (108.0, 19.0, 35.0)
    return exif


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width``×``height`` (a decompression-bomb shape)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def webp_vp8x_header(width: int, height: int) -> bytes:
    body = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    chunk = b"VP8X" + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def files_of(pipeline: PhotoPipeline, photos: PhotoSet) -> list[Path]:
    outputs = pipeline.outputs()
    return [outputs[v.path(kind)] for v in photos.variants for kind in ("webp", "jpeg")]


def opened(path: Path) -> Image.Image:
    image = Image.open(path)
    image.load()
    return image


@pytest.fixture
def pipeline(tmp_path: Path) -> PhotoPipeline:
    return PhotoPipeline(tmp_path / "cache")


# --- sizes -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("size", "expected"), [
    ((4032, 3024), [(400, 300), (800, 600), (1600, 1200)]),
    ((3024, 4032), [(400, 533), (800, 1067), (1600, 2133)]),
    ((1000, 750), [(400, 300), (800, 600), (1000, 750)]),
    ((1600, 1200), [(400, 300), (800, 600), (1600, 1200)]),
    ((800, 333), [(400, 167), (800, 333)]),
    ((500, 1000), [(400, 800), (500, 1000)]),
    ((300, 450), [(300, 450)]),
    ((2000, 1), [(400, 1), (800, 1), (1600, 1)]),
])
def test_variant_sizes_never_upscale(size: tuple[int, int], expected: list[tuple[int, int]]) -> None:
    assert variant_sizes(*size, images.DEFAULT_WIDTHS) == expected


def test_outputs_have_the_announced_sizes(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    source = save(tmp_path / "a.jpg", photo((1000, 750)), "JPEG")
    photos = pipeline.process(source)
    assert [(v.width, v.height) for v in photos.variants] == [(400, 300), (800, 600), (1000, 750)]
    assert (photos.width, photos.height) == (1000, 750)
    for variant in photos.variants:
        for kind, fmt in (("webp", "WEBP"), ("jpeg", "JPEG")):
            with opened(pipeline.outputs()[variant.path(kind)]) as image:
                assert (image.format, image.size) == (fmt, (variant.width, variant.height))


def test_small_photo_gives_its_own_width(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    photos = pipeline.process(save(tmp_path / "a.png", photo((500, 400)), "PNG"))
    assert [(v.width, v.height) for v in photos.variants] == [(400, 320), (500, 400)]


def test_names_srcset_and_fallback(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    photos = pipeline.process(save(tmp_path / "a.jpg", photo((2000, 1000)), "JPEG"))
    stem = photos.variants[0].webp.removeprefix("media/").removesuffix("-400.webp")
    assert len(stem) == images.HASH_CHARS and int(stem, 16) >= 0
    assert photos.srcset("webp") == (f"media/{stem}-400.webp 400w, media/{stem}-800.webp 800w, "
                                     f"media/{stem}-1600.webp 1600w")
    assert photos.srcset("jpeg").endswith(f"media/{stem}-1600.jpg 1600w")
    assert photos.fallback() == Variant(800, 400, f"media/{stem}-800.webp", f"media/{stem}-800.jpg")
    assert sorted(pipeline.outputs()) == sorted(v.path(k) for v in photos.variants
                                                for k in ("webp", "jpeg"))
    with pytest.raises(ValueError, match="avif"):
        photos.srcset("avif")


def test_fallback_is_the_largest_below_800() -> None:
    small = PhotoSet((Variant(400, 300, "a", "b"), Variant(600, 450, "c", "d")), 600, 450)
    assert small.fallback().width == 600
    wide = PhotoSet((Variant(1000, 500, "a", "b"),), 1000, 500)
    assert wide.fallback().width == 1000


# --- pixels and metadata ---------------------------------------------------------------------

@pytest.mark.parametrize("orientation", [6, 8])
def test_orientation_is_applied(tmp_path: Path, pipeline: PhotoPipeline, orientation: int) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    source = save(tmp_path / "a.jpg", photo((1200, 800)), "JPEG", exif=exif, quality=95)
    photos = pipeline.process(source)
    assert [(v.width, v.height) for v in photos.variants] == [(400, 600), (800, 1200)]
    # 6: turn clockwise, the red corner goes top-right; 8: counter-clockwise, bottom-left
    corner = (390, 10) if orientation == 6 else (10, 590)
    for path in files_of(pipeline, photos)[:2]:
        with opened(path) as image:
            assert image.size == (400, 600)
            red, _, blue = image.convert("RGB").getpixel(corner)
            assert red > 150 and blue < 100, (path, image.getpixel(corner))


def test_no_metadata_in_any_output(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
           b'22-rdf-syntax-ns#"><rdf:Description exif:GPSLatitude="15,52.8N"/></rdf:RDF></x:xmpmeta>')
    source = save(tmp_path / "a.jpg", photo((900, 600)), "JPEG", exif=exif_with_gps(6),
                  icc_profile=srgb, xmp=xmp, comment=b"taken at home")
    with Image.open(source) as original:
        assert has_gps(original) and original.info.get("icc_profile")
    photos = pipeline.process(source)
    assert (photos.width, photos.height) == (600, 900)
    for path in files_of(pipeline, photos):
        data = path.read_bytes()
        for marker in (b"Exif", b"GPS", b"xmpmeta", b"ICC_PROFILE", b"ICCP", b"taken at home",
                       b"PhoneMaker"):
            assert marker not in data, (path, marker)
        with opened(path) as image:
            assert not image.getexif() and not has_gps(image)
            assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)


def test_png_with_alpha(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    image = Image.new("RGBA", (500, 300), (*RED, 255))
    image.paste((0, 0, 0, 0), (0, 0, 250, 300))  # left half fully transparent
    photos = pipeline.process(save(tmp_path / "logo.png", image, "PNG"))
    webp, jpeg = files_of(pipeline, photos)[:2]
    with opened(webp) as out:
        assert out.mode == "RGBA"
        assert out.getpixel((50, 100))[3] == 0 and out.getpixel((350, 100))[3] == 255
    with opened(jpeg) as out:  # 400 px wide: the edge is at x=200
        assert out.mode == "RGB"
        assert min(out.getpixel((50, 100))) > 245  # transparent became white, not black
        red, _, blue = out.getpixel((350, 100))
        assert red > 180 and blue < 60


def test_opaque_alpha_and_palette_become_rgb(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    opaque = photo((600, 400)).convert("RGBA")
    palette = photo((600, 400)).convert("P")
    for name, image in (("opaque.png", opaque), ("palette.png", palette)):
        photos = pipeline.process(save(tmp_path / name, image, "PNG"))
        for path in files_of(pipeline, photos):
            with opened(path) as out:
                assert out.mode == "RGB", (name, path)


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    grey = Image.new("I;16", (600, 400), 32896)  # half of 65535
    photos = pipeline.process(save(tmp_path / "grey.png", grey, "PNG"))
    with opened(files_of(pipeline, photos)[1]) as out:
        assert all(120 <= channel <= 136 for channel in out.getpixel((300, 200)))


def test_webp_input(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    photos = pipeline.process(save(tmp_path / "a.webp", photo((1400, 1050)), "WEBP", exif=exif_with_gps()))
    assert [(v.width, v.height) for v in photos.variants] == [(400, 300), (800, 600), (1400, 1050)]
    for path in files_of(pipeline, photos):
        with opened(path) as out:
            assert not out.getexif() and "exif" not in out.info


def test_damaged_icc_profile_is_ignored(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    source = save(tmp_path / "a.jpg", photo((600, 400)), "JPEG", icc_profile=b"not a profile" * 20)
    photos = pipeline.process(source)
    for path in files_of(pipeline, photos):
        assert b"not a profile" not in path.read_bytes()


# --- determinism and the cache ---------------------------------------------------------------

def test_deterministic(tmp_path: Path) -> None:
    source = save(tmp_path / "a.jpg", photo((1700, 900)), "JPEG", exif=exif_with_gps(8))
    first, second = PhotoPipeline(tmp_path / "one"), PhotoPipeline(tmp_path / "two")
    assert first.process(source) == second.process(source)
    one, two = first.outputs(), second.outputs()
    assert one.keys() == two.keys() and len(one) == 6
    for relative in one:
        assert one[relative].read_bytes() == two[relative].read_bytes(), relative


def test_cache_hit_does_not_decode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = save(tmp_path / "a.jpg", photo(), "JPEG")
    cache = tmp_path / "cache"
    photos = PhotoPipeline(cache).process(source)
    before = {p: p.stat().st_mtime_ns for p in cache.iterdir()}
    calls: list[Path] = []
    real_decode = images.decode
    monkeypatch.setattr(images, "decode", lambda *a: calls.append(a[0]) or real_decode(*a))
    again = PhotoPipeline(cache)  # a later build, same cache folder
    assert again.process(source) == photos
    assert {s: again.process(s) for s in [source, source]} == {source: photos}
    assert calls == []
    after = {p: p.stat().st_mtime_ns for p in cache.iterdir()}
    manifest = cache / f"{photos.variants[0].webp.split('/')[-1].split('-')[0]}.json"
    assert after.pop(manifest) >= before.pop(manifest)  # touched: in use (generator/cache.py)
    assert after == before  # nothing written again
    assert set(again.outputs()) == {v.path(k) for v in photos.variants for k in ("webp", "jpeg")}


def test_missing_cached_file_is_made_again(tmp_path: Path) -> None:
    source = save(tmp_path / "a.jpg", photo(), "JPEG")
    pipeline = PhotoPipeline(tmp_path / "cache")
    photos = pipeline.process(source)
    lost = pipeline.outputs()[photos.variants[1].webp]
    content = lost.read_bytes()
    lost.unlink()
    assert PhotoPipeline(tmp_path / "cache").process(source) == photos
    assert lost.read_bytes() == content


def test_changed_photo_gets_new_names(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    source = save(tmp_path / "a.jpg", photo(), "JPEG")
    old = pipeline.process(source)
    save(source, photo(colour=(20, 200, 40)), "JPEG")
    new = pipeline.process(source)
    assert [(v.width, v.height) for v in old.variants] == [(v.width, v.height) for v in new.variants]
    old_names = {v.path(k) for v in old.variants for k in ("webp", "jpeg")}
    assert old_names.isdisjoint(v.path(k) for v in new.variants for k in ("webp", "jpeg"))
    assert all(pipeline.outputs()[name].is_file() for name in old_names)  # old build still served


def test_settings_change_names(tmp_path: Path) -> None:
    source = save(tmp_path / "a.jpg", photo(), "JPEG")
    default = PhotoPipeline(tmp_path / "cache").process(source)
    other = PhotoPipeline(tmp_path / "cache", widths=(400, 800)).process(source)
    assert default.variants[0].webp != other.variants[0].webp


def test_outputs_are_readable_by_a_web_server(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    photos = pipeline.process(save(tmp_path / "a.jpg", photo(), "JPEG"))
    for path in files_of(pipeline, photos):
        assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in pipeline.cache_dir.iterdir() if p.name.startswith(".")] == [
        ".gitignore"], "no temporary file left"


def test_two_caches_give_the_same_photo_sets(tmp_path: Path) -> None:
    sources = [save(tmp_path / f"{n}.jpg", photo((500 + n, 400)), "JPEG") for n in range(3)]
    one = PhotoPipeline(tmp_path / "one")
    serial = PhotoPipeline(tmp_path / "ser")
    assert {source: one.process(source) for source in sources} == {
        source: serial.process(source) for source in sources}


def test_shared_content_is_rendered_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = save(tmp_path / "a.jpg", photo(), "JPEG")
    second = tmp_path / "copy.jpg"
    second.write_bytes(first.read_bytes())
    calls: list[Path] = []
    real_decode = images.decode
    monkeypatch.setattr(images, "decode", lambda *a: calls.append(a[0]) or real_decode(*a))
    pipeline = PhotoPipeline(tmp_path / "cache")
    result = {source: pipeline.process(source) for source in (first, second)}
    assert result[first] == result[second] and len(calls) == 1


def test_photo_changed_during_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The source is read once: its outputs are named after, and made from, the same bytes."""
    source = save(tmp_path / "a.jpg", photo(), "JPEG")
    reads: list[Path] = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real_read(self))
    pipeline = PhotoPipeline(tmp_path / "cache")
    photos = pipeline.process(source)
    digest = hashlib.sha256(images.settings_key(pipeline.widths) + real_read(source)).hexdigest()
    assert reads == [source]
    assert photos.variants[0].webp.startswith(f"media/{digest[:images.HASH_CHARS]}-")


def test_a_bad_photo_raises_and_the_others_are_still_made(tmp_path: Path) -> None:
    good = save(tmp_path / "good.jpg", photo(), "JPEG")
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really")
    pipeline = PhotoPipeline(tmp_path / "cache")
    with pytest.raises(PhotoError) as caught:
        pipeline.process(bad)
    pipeline.process(good)
    assert caught.value.path == bad
    assert len(list(pipeline.cache_dir.glob("*.json"))) == 1  # the good photo is cached


# --- bad files -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_truncated_file(tmp_path: Path, pipeline: PhotoPipeline, fmt: str) -> None:
    buffer = io.BytesIO()
    photo((600, 400)).save(buffer, fmt)
    source = tmp_path / f"cut.{fmt.lower()}"
    source.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(PhotoError) as caught:
        pipeline.process(source)
    assert caught.value.path == source and caught.value.reason
    assert str(caught.value).startswith(str(source))
    assert not pipeline.outputs()


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("gif.jpg", b"GIF89a" + b"\x00" * 64, "GIF"),
    ("text.jpg", b"hello, not an image", "unrecognised"),
    ("empty.png", b"", "unrecognised"),
    ("bomb.png", png_header(8000, 7000), "56 megapixels"),
    ("bomb.webp", webp_vp8x_header(10000, 10000), "100 megapixels"),
])
def test_refused_files(tmp_path: Path, pipeline: PhotoPipeline, name: str, data: bytes,
                       reason: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(PhotoError, match=reason):
        pipeline.process(source)


def test_missing_file(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    with pytest.raises(PhotoError, match="FileNotFoundError"):
        pipeline.process(tmp_path / "nowhere.jpg")


def test_unexpected_pillow_error_becomes_photo_error(tmp_path: Path, pipeline: PhotoPipeline,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise struct.error("unpack requires a buffer of 4 bytes")
    monkeypatch.setattr(images.ImageOps, "exif_transpose", explode)
    photos = pipeline.process(save(tmp_path / "a.jpg", photo(), "JPEG"))  # EXIF trouble: as stored
    assert photos.width == 1000
    other = save(tmp_path / "b.jpg", photo(colour=RED), "JPEG")
    monkeypatch.setattr(ImageFile.ImageFile, "load", explode)
    with pytest.raises(PhotoError, match=r"error: unpack"):
        pipeline.process(other)


def test_photo_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(PhotoError(Path("a.jpg"), "truncated")))
    assert (error.path, error.reason, str(error)) == (Path("a.jpg"), "truncated", "a.jpg: truncated")


def test_global_state_is_untouched(tmp_path: Path, pipeline: PhotoPipeline) -> None:
    filters = list(warnings.filters)
    limit = Image.MAX_IMAGE_PIXELS
    pipeline.process(save(tmp_path / "a.jpg", photo(), "JPEG"))
    with pytest.raises(PhotoError):
        pipeline.process(tmp_path / "missing.jpg")
    assert warnings.filters == filters and Image.MAX_IMAGE_PIXELS == limit
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
