"""``ocop photos --strip-metadata``: GPS and personal metadata gone, pixels byte-identical."""

from __future__ import annotations

import io
import random
from functools import cache
from pathlib import Path

import pytest
from PIL import Image

from generator.cli import main
from generator.imagemeta import MetadataError, strip
from generator.imaging import has_gps

ORIENTATION, MAKE, GPS_IFD = 0x0112, 0x010F, 0x8825
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
       b'exif:GPSLatitude="15,34.2N"/></rdf:RDF></x:xmpmeta>')


def gps_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[ORIENTATION], exif[MAKE] = orientation, "Phone of Nguyen Van A"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (15.0, 34.0, 12.5)
    gps[3], gps[4] = "E", (108.0, 28.0, 40.0)
    return exif


@cache
def picture() -> Image.Image:
    image = Image.new("RGB", (320, 240))
    image.putdata([((x * 7) % 256, (y * 5) % 256, (x * y) % 256)
                   for y in range(240) for x in range(320)])
    return image


def photo(fmt: str, orientation: int = 6, **options: object) -> bytes:
    out = io.BytesIO()
    extra: dict[str, object] = {} if fmt == "PNG" else {"xmp": XMP}
    picture().save(out, fmt, exif=gps_exif(orientation), **extra, **options)
    return out.getvalue()


def decoded(data: bytes) -> tuple[str, tuple[int, int], bytes]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.mode, image.size, image.tobytes()


CASES = {
    "jpeg": ("JPEG", {"quality": 90, "comment": b"chup o nha"}),
    "progressive-jpeg": ("JPEG", {"progressive": True, "quality": 80}),
    "png": ("PNG", {}),
    "lossless-webp": ("WEBP", {"lossless": True}),
    "lossy-webp": ("WEBP", {"quality": 80}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_gps_and_personal_metadata_go_pixels_and_orientation_stay(case: str) -> None:
    fmt, options = CASES[case]
    original = photo(fmt, **options)
    with Image.open(io.BytesIO(original)) as image:
        assert has_gps(image) and image.getexif()[MAKE]
    result = strip(original)
    assert "exif" in result.parts and result.orientation == 6
    assert decoded(result.data) == decoded(original)  # not re-encoded: the very same pixels
    with Image.open(io.BytesIO(result.data)) as image:
        assert not has_gps(image)
        assert dict(image.getexif()) == {ORIENTATION: 6}
        assert image.info.get("xmp") in (None, b"", "")
    for secret in (b"Nguyen Van A", b"GPSLatitude", b"chup o nha"):
        assert secret not in result.data
    assert strip(result.data).parts == []  # a second run changes nothing


def test_webp_header_is_consistent_after_stripping() -> None:
    result = strip(photo("WEBP", quality=80)).data
    assert int.from_bytes(result[4:8], "little") == len(result) - 8
    assert result[12:16] == b"VP8X"
    flags = result[20]
    assert flags & 0x08 and not flags & 0x04  # EXIF (the orientation) kept, XMP gone


def test_upright_photo_keeps_no_exif_at_all() -> None:
    result = strip(photo("JPEG", orientation=1))
    assert result.orientation is None and b"Exif" not in result.data
    assert decoded(result.data) == decoded(photo("JPEG", orientation=1))


def test_jpeg_extra_images_after_the_end_are_dropped() -> None:
    data = photo("JPEG") + b"\xff\xd8 a second picture with its own GPS"
    result = strip(data)
    assert "extra" in result.parts and result.data.endswith(b"\xff\xd9")


@pytest.mark.parametrize("data", [b"not an image", photo("JPEG")[:300], photo("PNG")[:60]])
def test_a_file_it_cannot_follow_is_refused(data: bytes) -> None:
    with pytest.raises(MetadataError):
        strip(data)


def test_damaged_files_never_raise_anything_else() -> None:
    """A hostile upload: only MetadataError (the command then leaves the file alone)."""
    seeds = [photo("JPEG"), photo("PNG"), photo("WEBP", quality=80)]
    rnd = random.Random(14)
    for _ in range(300):
        data = bytearray(rnd.choice(seeds))
        for _ in range(rnd.randint(1, 6)):
            at = rnd.randrange(len(data))
            if rnd.random() < 0.5:
                data[at] = rnd.randrange(256)
            else:
                del data[at:at + rnd.randint(1, 40)]
        try:
            strip(bytes(data))
        except MetadataError:
            pass


# --- the command ------------------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["photos", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_command_on_a_product_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("products/hoi-an/nuoc-mam")
    folder.mkdir(parents=True)
    (folder / "nhan.jpg").write_bytes(photo("JPEG"))
    (folder / "chai.png").write_bytes(photo("PNG"))
    clean = io.BytesIO()
    picture().save(clean, "WEBP")
    (folder / "goi.webp").write_bytes(clean.getvalue())
    (folder / "product.yaml").write_text("id: nuoc-mam\n", encoding="utf-8")
    before = {p.name: decoded(p.read_bytes()) for p in folder.iterdir() if p.suffix != ".yaml"}
    code, out, err = run(capsys, "--strip-metadata", str(folder))
    assert code == 0
    assert out.splitlines() == [
        f"{folder}/chai.png: đã xoá vị trí GPS, EXIF (máy chụp, giờ chụp, ảnh thu nhỏ) — điểm "
        "ảnh giữ nguyên; giữ hướng xoay ảnh (giá trị 6)",
        f"{folder}/goi.webp: không có vị trí hay thông tin cá nhân — để nguyên tệp",
        f"{folder}/nhan.jpg: đã xoá vị trí GPS, EXIF (máy chụp, giờ chụp, ảnh thu nhỏ), XMP — "
        "điểm ảnh giữ nguyên; giữ hướng xoay ảnh (giá trị 6)",
    ]
    assert err == ("Đã xoá siêu dữ liệu khỏi 2 ảnh; 1 ảnh không có gì để xoá; 0 ảnh không xử lý "
                   "được.\n")
    assert {p.name: decoded(p.read_bytes()) for p in folder.iterdir()
            if p.suffix != ".yaml"} == before
    assert (folder / "product.yaml").read_text(encoding="utf-8") == "id: nuoc-mam\n"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary left
    code, out, _ = run(capsys, "--strip-metadata", "--lang", "en", str(folder / "nhan.jpg"))
    assert (code, out) == (0, f"{folder}/nhan.jpg: no location or personal metadata — left as "
                              "it is\n")


def test_command_leaves_a_damaged_photo_alone(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    damaged = tmp_path / "hong.jpg"
    damaged.write_bytes(photo("JPEG")[:400])
    code, out, _ = run(capsys, "--strip-metadata", str(damaged))
    assert code == 1
    assert out.startswith(f"{damaged}: không xử lý được (")
    assert damaged.read_bytes() == photo("JPEG")[:400]


def test_command_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, str(tmp_path))[0] == 2
    code, _, err = run(capsys, "--strip-metadata", str(tmp_path / "khong-co.jpg"))
    assert (code, err) == (2, f"ocop: không tìm thấy {tmp_path / 'khong-co.jpg'}\n")
