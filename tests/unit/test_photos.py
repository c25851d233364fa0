"""Photo checks: every finding from real files built in tmp_path (no binary fixtures)."""

from __future__ import annotations

import io
import os
import struct
import unicodedata
import warnings
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from generator import imaging
from generator.checks import photos
from generator.checks.photos import check_photos
from generator.findings import CATALOGUE, Finding, Severity
from generator.load.document import Document
from generator.load.yamlload import load_text

PRODUCT = "products/demo/demo-product/product.yaml"
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def make_doc(*files: str, photos_key: bool = True) -> Document:
    """A product file whose photos list the given file names, in order."""
    lines = ["# demo", "id: demo-product"]
    if photos_key:
        lines.append("photos:")
    for name in files:
        lines += [f"  - file: {name}", "    role: front", "    alt:", "      vi: Ảnh sản phẩm"]
    doc = load_text("\n".join(lines) + "\n", Document(PRODUCT))
    assert doc.ok, doc.findings
    return doc


def image_bytes(fmt: str, size: tuple[int, int] = (1000, 800), **save: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, fmt, **save)
    return buffer.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width``×``height`` (a decompression-bomb shape)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def webp_vp8x_header(width: int, height: int) -> bytes:
    body = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(
        3, "little")
    chunk = b"VP8X" + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def run(tmp_path: Path, *files: str, photos_key: bool = True) -> list[Finding]:
    doc = make_doc(*files, photos_key=photos_key)
    findings = check_photos(doc, tmp_path / "product", tmp_path)
    for finding in findings:  # every finding renders fully in both languages
        assert finding.code.startswith("photo.")
        for lang in ("vi", "en"):
            assert "{" not in finding.message(lang), finding.message(lang)
    return findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "product"
    path.mkdir()
    return path


# --- clean case ------------------------------------------------------------------------------

def test_clean_folder_has_no_findings(tmp_path: Path, folder: Path) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    write(folder, "mat-truoc.jpg", image_bytes("JPEG", (1200, 900), exif=exif))
    write(folder, "mat-sau.png", image_bytes("PNG", (800, 600)))
    write(folder, "nhan.webp", image_bytes("WEBP", (900, 900)))
    write(folder, "notes.txt", b"not a photo")
    (folder / "product.yaml").write_text("id: demo-product\n", encoding="utf-8")
    assert run(tmp_path, "mat-truoc.jpg", "mat-sau.png", "nhan.webp") == []


def test_no_photos_key_and_empty_folder(tmp_path: Path, folder: Path) -> None:
    assert run(tmp_path, photos_key=False) == []


# --- location of findings --------------------------------------------------------------------

def test_finding_points_at_the_entry_file_line(tmp_path: Path, folder: Path) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))
    [finding] = run(tmp_path, "a.jpg", "b.jpg")
    assert finding.code == "photo.missing"
    assert (finding.file, finding.path) == (PRODUCT, "photos[1].file")
    assert (finding.line, finding.column) == (8, 11)
    assert finding.severity is Severity.ERROR


# --- missing, names, links, folders ----------------------------------------------------------

def test_missing_file(tmp_path: Path, folder: Path) -> None:
    [finding] = run(tmp_path, "mat-truoc.jpg")
    assert finding.code == "photo.missing"
    assert finding.params["file"] == "mat-truoc.jpg"


def test_missing_product_folder(tmp_path: Path) -> None:
    assert codes(run(tmp_path, "a.jpg")) == ["photo.missing"]


def test_name_differs_in_case(tmp_path: Path, folder: Path) -> None:
    write(folder, "Mat-Truoc.JPG", image_bytes("JPEG"))
    [finding] = run(tmp_path, "mat-truoc.jpg")  # and no "unlisted" for the near match
    assert finding.code == "photo.name_case"
    assert finding.params["actual"] == "Mat-Truoc.JPG"


def test_name_in_nfd_form(tmp_path: Path, folder: Path) -> None:
    nfd = unicodedata.normalize("NFD", "ảnh-mặt-trước.jpg")
    write(folder, nfd, image_bytes("JPEG"))
    [finding] = run(tmp_path, "ảnh-mặt-trước.jpg")  # the loader gives NFC
    assert finding.code == "photo.name_nfd"
    assert finding.severity is Severity.ERROR


def test_symlink_escaping_the_folder(tmp_path: Path, folder: Path) -> None:
    outside = write(tmp_path / "other", "secret.jpg", image_bytes("JPEG"))
    (folder / "link.jpg").symlink_to(outside)
    [finding] = run(tmp_path, "link.jpg")
    assert finding.code == "photo.outside"
    assert finding.params["target"] == "other/secret.jpg"


def test_symlink_to_parent_folder(tmp_path: Path, folder: Path) -> None:
    (folder / "up.jpg").symlink_to(folder)
    assert codes(run(tmp_path, "up.jpg")) == ["photo.outside"]
    (folder / "up2.jpg").symlink_to(tmp_path)
    assert codes(run(tmp_path, "up2.jpg")) == ["photo.outside"]


def test_symlink_inside_the_folder_is_fine(tmp_path: Path, folder: Path) -> None:
    write(folder / "goc", "anh-goc.jpg", image_bytes("JPEG"))
    write(folder, "anh-that.jpg", image_bytes("JPEG"))
    (folder / "mat-truoc.jpg").symlink_to("goc/anh-goc.jpg")
    (folder / "mat-sau.jpg").symlink_to("anh-that.jpg")
    # anh-that.jpg is reached through mat-sau.jpg, so it is not "unlisted"
    assert run(tmp_path, "mat-truoc.jpg", "mat-sau.jpg") == []


def test_broken_and_looping_symlinks(tmp_path: Path, folder: Path) -> None:
    (folder / "gone.jpg").symlink_to("nothing.jpg")
    (folder / "loop.jpg").symlink_to("loop.jpg")
    assert codes(run(tmp_path, "gone.jpg", "loop.jpg")) == ["photo.broken_link"] * 2


def test_unsafe_name_is_refused_even_without_schema(tmp_path: Path, folder: Path) -> None:
    doc = make_doc("x.jpg")
    doc.data["photos"][0]["file"] = "../../other/x.jpg"
    [finding] = check_photos(doc, folder, tmp_path)
    assert finding.code == "photo.outside"


def test_directory_instead_of_photo(tmp_path: Path, folder: Path) -> None:
    (folder / "anh.jpg").mkdir()
    assert codes(run(tmp_path, "anh.jpg")) == ["photo.is_directory"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_fifo_is_not_opened(tmp_path: Path, folder: Path) -> None:
    os.mkfifo(folder / "pipe.jpg")
    assert codes(run(tmp_path, "pipe.jpg")) == ["photo.not_regular"]


def test_empty_file(tmp_path: Path, folder: Path) -> None:
    write(folder, "a.jpg", b"")
    assert codes(run(tmp_path, "a.jpg")) == ["photo.empty"]


# --- formats ---------------------------------------------------------------------------------

FAKE_HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'


@pytest.mark.parametrize(("name", "data", "code"), [
    ("anh.heic", FAKE_HEIC, "photo.format_heic"),
    ("anh.jpg", FAKE_HEIC, "photo.format_heic"),  # HEIC renamed to .jpg: still HEIC
    ("logo.svg", SVG, "photo.format_svg"),
    ("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "photo.format_svg"),
    ("ho-so.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "photo.format_pdf"),
    ("anh.jpg", b"Hello, this is not an image at all", "photo.not_image"),
    ("anh", b"\x00\x01\x02\x03", "photo.not_image"),
])
def test_refused_formats(tmp_path: Path, folder: Path, name: str, data: bytes,
                         code: str) -> None:
    write(folder, name, data)
    [finding] = run(tmp_path, name)
    assert finding.code == code
    assert finding.severity is Severity.ERROR


def test_heic_message_tells_how_to_fix_on_iphone(tmp_path: Path, folder: Path) -> None:
    write(folder, "anh.heic", FAKE_HEIC)
    [finding] = run(tmp_path, "anh.heic")
    assert "Tương thích nhất" in finding.message("vi")
    assert "Most Compatible" in finding.message("en")


@pytest.mark.parametrize(("fmt", "name", "shown"), [
    ("GIF", "anh.gif", "GIF"),
    ("TIFF", "anh.tiff", "TIFF"),
    ("BMP", "anh.bmp", "BMP"),
    ("GIF", "anh.jpg", "GIF"),  # the content decides, not the ending
])
def test_other_formats(tmp_path: Path, folder: Path, fmt: str, name: str, shown: str) -> None:
    write(folder, name, image_bytes(fmt))
    [finding] = run(tmp_path, name)
    assert finding.code == "photo.format_other"
    assert finding.params["format"] == shown


@pytest.mark.parametrize(("fmt", "name", "suggested"), [
    ("PNG", "anh.jpg", "anh.png"),
    ("JPEG", "anh.png", "anh.jpg"),
    ("WEBP", "anh.jpeg", "anh.webp"),
    ("JPEG", "anh", "anh.jpg"),
])
def test_content_does_not_match_ending(tmp_path: Path, folder: Path, fmt: str, name: str,
                                       suggested: str) -> None:
    write(folder, name, image_bytes(fmt))
    [finding] = run(tmp_path, name)
    assert finding.code == "photo.format_mismatch"
    assert finding.params["suggested"] == suggested


def test_upper_case_ending_is_fine(tmp_path: Path, folder: Path) -> None:
    write(folder, "ANH.JPEG", image_bytes("JPEG"))
    assert run(tmp_path, "ANH.JPEG") == []


# --- damaged files and bombs -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_truncated_file(tmp_path: Path, folder: Path, fmt: str) -> None:
    data = image_bytes(fmt, (1000, 800), **({"quality": 95} if fmt == "JPEG" else {}))
    name = {"JPEG": "a.jpg", "PNG": "a.png", "WEBP": "a.webp"}[fmt]
    write(folder, name, data[: len(data) * 2 // 3])
    [finding] = run(tmp_path, name)
    assert finding.code == "photo.corrupt"
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_corrupted_png_crc(tmp_path: Path, folder: Path) -> None:
    data = bytearray(image_bytes("PNG"))
    data[60] ^= 0xFF  # inside the IDAT chunk: its CRC no longer matches
    write(folder, "a.png", bytes(data))
    assert codes(run(tmp_path, "a.png")) == ["photo.corrupt"]


@pytest.mark.parametrize(("width", "height"), [
    (8000, 8000),    # 64 MP: our limit, below Pillow's warning
    (10000, 10000),  # 100 MP: Pillow warns
    (20000, 20000),  # 400 MP: Pillow raises DecompressionBombError
])
def test_decompression_bomb_png(tmp_path: Path, folder: Path, width: int, height: int) -> None:
    write(folder, "bom.png", png_header(width, height))
    [finding] = run(tmp_path, "bom.png")
    assert finding.code == "photo.too_many_pixels"
    assert finding.params["megapixels"] == f"{width * height / 1e6:.0f}"
    assert (folder / "bom.png").stat().st_size < 200


def test_decompression_bomb_webp_refused_before_open(tmp_path: Path, folder: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder, "bom.webp", webp_vp8x_header(10000, 9000))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("Pillow must not open a WebP bomb")

    monkeypatch.setattr(Image, "open", refuse)
    [finding] = run(tmp_path, "bom.webp")
    assert finding.code == "photo.too_many_pixels"


def test_webp_header_sizes() -> None:
    for fmt_kwargs in ({"lossless": True}, {"lossless": False}):
        data = image_bytes("WEBP", (1234, 567), **fmt_kwargs)
        assert imaging.webp_header_size(data[:30]) == (1234, 567)
    assert imaging.webp_header_size(webp_vp8x_header(300, 200)) == (300, 200)


def test_unexpected_exception_becomes_a_finding(tmp_path: Path, folder: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Image, "open", explode)
    [finding] = run(tmp_path, "a.jpg")
    assert finding.code == "photo.corrupt"
    assert "boom" in finding.params["reason"]


def test_nothing_escapes_even_outside_pillow(tmp_path: Path, folder: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))

    def explode(*args: object, **kwargs: object) -> None:
        raise PermissionError("denied")

    monkeypatch.setattr(photos, "_check_file", explode)
    assert codes(run(tmp_path, "a.jpg")) == ["photo.unreadable"]


def test_global_warning_state_is_untouched(tmp_path: Path, folder: Path) -> None:
    write(folder, "bom.png", png_header(10000, 10000))
    write(folder, "a.jpg", image_bytes("JPEG"))
    before = list(warnings.filters)
    run(tmp_path, "bom.png", "a.jpg")
    assert warnings.filters == before
    assert Image.MAX_IMAGE_PIXELS == 89478485


# --- size, resolution, orientation -----------------------------------------------------------

@pytest.mark.parametrize(("size", "code"), [
    ((399, 300), "photo.too_small"),
    ((300, 399), "photo.too_small"),
    ((400, 300), "photo.low_resolution"),
    ((799, 799), "photo.low_resolution"),
])
def test_resolution(tmp_path: Path, folder: Path, size: tuple[int, int], code: str) -> None:
    write(folder, "a.jpg", image_bytes("JPEG", size))
    [finding] = run(tmp_path, "a.jpg")
    assert finding.code == code
    assert (finding.params["width"], finding.params["height"]) == tuple(map(str, size))


def test_resolution_uses_oriented_size(tmp_path: Path, folder: Path) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 8  # stored landscape, shown portrait
    write(folder, "a.jpg", image_bytes("JPEG", (700, 300), exif=exif))
    [finding] = run(tmp_path, "a.jpg")
    assert finding.code == "photo.low_resolution"
    assert (finding.params["width"], finding.params["height"]) == ("300", "700")


def test_oriented_size_for_png_exif(tmp_path: Path, folder: Path) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    write(folder, "a.png", image_bytes("PNG", (600, 300), exif=exif))
    [finding] = run(tmp_path, "a.png")
    assert (finding.params["width"], finding.params["height"]) == ("300", "600")


def test_large_file(tmp_path: Path, folder: Path) -> None:
    padding = b"\x00" * (photos.MAX_FILE_BYTES + 1)
    write(folder, "a.jpg", image_bytes("JPEG") + padding)  # bytes after the end marker
    [finding] = run(tmp_path, "a.jpg")
    assert finding.code == "photo.large_file"
    assert finding.severity is Severity.WARNING
    assert finding.params["limit_mb"] == "15"


# --- GPS -------------------------------------------------------------------------------------

def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (15.0, 34.0, 12.5)
    gps[3], gps[4] = "E", (108.0, 28.0, 40.0)
    return exif


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "a.jpg"), ("WEBP", "a.webp")])
def test_gps_in_exif(tmp_path: Path, folder: Path, fmt: str, name: str) -> None:
    write(folder, name, image_bytes(fmt, exif=gps_exif()))
    [finding] = run(tmp_path, name)
    assert finding.code == "photo.gps"
    assert finding.severity is Severity.ERROR  # a green pull request would keep it for good
    assert (f"chạy `ocop photos --strip-metadata products/demo/demo-product/{name}`"
            in finding.message("vi"))


def test_gps_in_png_exif(tmp_path: Path, folder: Path) -> None:
    exif = gps_exif()
    exif[ORIENTATION] = 1  # Pillow writes no eXIf chunk when only the GPS IFD is set
    write(folder, "a.png", image_bytes("PNG", exif=exif))
    assert codes(run(tmp_path, "a.png")) == ["photo.gps"]


def test_gps_in_xmp(tmp_path: Path, folder: Path) -> None:
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>15,34N</exif:GPSLatitude>'
    write(folder, "a.jpg", image_bytes("JPEG", xmp=xmp + b"</x:xmpmeta>"))
    assert codes(run(tmp_path, "a.jpg")) == ["photo.gps"]


def test_empty_gps_ifd_is_fine(tmp_path: Path, folder: Path) -> None:
    exif = Image.Exif()
    exif[ORIENTATION] = 1
    exif.get_ifd(GPS_IFD)  # asked for, left empty
    write(folder, "a.jpg", image_bytes("JPEG", exif=exif))
    assert run(tmp_path, "a.jpg") == []


# --- listing ---------------------------------------------------------------------------------

def test_same_file_listed_twice(tmp_path: Path, folder: Path) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))
    [finding] = run(tmp_path, "a.jpg", "a.jpg")
    assert finding.code == "photo.duplicate"
    assert finding.path == "photos[1].file"
    assert finding.params["first_line"] == "4"


def test_two_names_for_one_file(tmp_path: Path, folder: Path) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))
    (folder / "b.jpg").symlink_to("a.jpg")
    assert codes(run(tmp_path, "a.jpg", "b.jpg")) == ["photo.duplicate"]


def test_unlisted_photos(tmp_path: Path, folder: Path) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))
    write(folder, "IMG_0001.HEIC", FAKE_HEIC)
    write(folder, "mat-sau.png", image_bytes("PNG"))
    write(folder, "ghi-chu.txt", b"text")
    (folder / "anh-cu").mkdir()
    findings = run(tmp_path, "a.jpg")
    assert codes(findings) == ["photo.unlisted"] * 2
    assert [f.params["file"] for f in findings] == ["IMG_0001.HEIC", "mat-sau.png"]
    assert {f.severity for f in findings} == {Severity.WARNING}
    assert findings[0].line == 3  # the `photos:` key
    assert "ảnh chưa được khai báo" in findings[0].message("vi")


def test_unlisted_without_photos_key(tmp_path: Path, folder: Path) -> None:
    write(folder, "a.jpg", image_bytes("JPEG"))
    [finding] = run(tmp_path, photos_key=False)
    assert finding.code == "photo.unlisted"
    assert (finding.path, finding.line) == ("", 2)  # the first key, after the comment


# --- catalogue -------------------------------------------------------------------------------

def test_every_photo_code_has_both_languages() -> None:
    photo_codes = {code: m for code, m in CATALOGUE.items() if code.startswith("photo.")}
    assert len(photo_codes) >= 20
    for message in photo_codes.values():
        assert message.vi and message.en
        assert message.vi != message.en


def test_sniff() -> None:
    sniff = imaging.sniff
    assert sniff(image_bytes("JPEG")[:64]) == "JPEG"
    assert sniff(b"\x00\x00\x00\x1cftypavif") == "AVIF"
    assert sniff(b"\x00\x00\x00\x14ftypqt  ") == "MP4/MOV (video)"
    assert sniff(b"\xef\xbb\xbf  <svg>") == "SVG"
    assert sniff(b"<?xml version='1.0'?><note/>") is None


# --- remembered decodes -------------------------------------------------------------------------

def test_a_good_photo_is_decoded_once_and_its_findings_stay_the_same(
        tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 50,000 photos a full decode per run is the slow part of validation: a photo that
    decoded cleanly is remembered by its bytes; a damaged one is decoded every time."""
    write(folder, "a.jpg", image_bytes("JPEG", (600, 500), exif=gps_exif()))
    doc = make_doc("a.jpg")
    first = [f.code for f in check_photos(doc, folder, tmp_path)]
    assert first == ["photo.low_resolution", "photo.gps"]
    assert len(list((tmp_path / ".cache/ocop/checks").glob("*.json"))) == 1

    opened: list[object] = []
    real_open = Image.open
    monkeypatch.setattr(photos.Image, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    again = [f.code for f in check_photos(make_doc("a.jpg"), folder, tmp_path)]
    assert again == first and opened == []

    # the same name with other bytes is decoded again, and a broken file is never remembered
    write(folder, "a.jpg", image_bytes("JPEG", (600, 500))[:400])
    broken = [f.code for f in check_photos(make_doc("a.jpg"), folder, tmp_path)]
    assert broken == ["photo.corrupt"] and opened
    opened.clear()
    assert [f.code for f in check_photos(make_doc("a.jpg"), folder, tmp_path)] == broken
    assert opened, "decoded again"
    assert len(list((tmp_path / ".cache/ocop/checks").glob("*.json"))) == 1


def test_no_photo_cache_when_asked(tmp_path: Path, folder: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCOP_NO_PHOTO_CACHE", "1")
    write(folder, "a.jpg", image_bytes("JPEG"))
    assert check_photos(make_doc("a.jpg"), folder, tmp_path) == []
    assert not (tmp_path / ".cache").exists()
