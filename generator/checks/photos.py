"""Check the photos a product file lists against the files in its folder.

Every entry of ``photos`` must name a real JPEG, PNG or WebP file lying in the product's own
folder, big enough to show and small enough to decode safely. Each file is opened with Pillow
restricted to the format its first bytes announce: ``verify()`` first, then one full decode on
a fresh open (the only decode), so a truncated upload is caught. Image files in the folder that
no entry lists are reported too, so a photo is never silently dropped.

Nothing here raises: every problem, including Pillow's own errors, comes back as a finding on
the entry's ``file`` field. Warnings Pillow emits are recorded locally with
:func:`warnings.catch_warnings`; global warning filters and Pillow's settings
(``MAX_IMAGE_PIXELS``, ``LOAD_TRUNCATED_IMAGES``) are left untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import PIL
from PIL import Image

from ..cache import make_dir, touch, write_atomic
from ..findings import Finding, Message, Severity, display_path, register
from ..load.yamlload import Document, PathT

#: Images above this many pixels are refused before decoding (about 200 MB of RGB memory).
MAX_PIXELS = 50_000_000
#: Long side below this is an error, below RECOMMENDED_SIDE a warning.
MIN_SIDE = 400
RECOMMENDED_SIDE = 800
#: Files above this size get a warning (slow to review; the site makes small copies anyway).
MAX_FILE_BYTES = 15 * 1024 * 1024

#: Accepted formats (Pillow's names) and the file-name endings each may use.
ACCEPTED: dict[str, tuple[str, ...]] = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
}
#: Endings that look like a picture: such files in the folder must be listed.
IMAGE_LIKE = frozenset({
    ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".gif", ".heic", ".heif", ".hif",
    ".avif", ".tif", ".tiff", ".bmp", ".svg", ".svgz", ".psd", ".jxl", ".jp2", ".dng",
})
#: Format announced by the ending, used when the content is not recognised.
_FORMAT_BY_SUFFIX = {
    ".heic": "HEIF", ".heif": "HEIF", ".hif": "HEIF", ".avif": "AVIF", ".svg": "SVG",
    ".svgz": "SVG", ".pdf": "PDF", ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF",
    ".bmp": "BMP", ".psd": "Photoshop PSD", ".jxl": "JPEG XL", ".jp2": "JPEG 2000",
    ".dng": "RAW/DNG",
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF-", "PDF"),
    (b"8BPS", "Photoshop PSD"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (b"\xff\x0a", "JPEG XL"),
    (b"BM", "BMP"),
)
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1",
                          b"msf1", b"heif"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_SPECIFIC_CODE = {"HEIF": "photo.format_heic", "SVG": "photo.format_svg",
                  "PDF": "photo.format_pdf"}
_TAG_ORIENTATION = 0x0112
_TAG_GPS_IFD = 0x8825
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")

_ACCEPTED_VI = "chỉ nhận ảnh JPEG (.jpg), PNG (.png) hoặc WebP (.webp)"
_ACCEPTED_EN = "only JPEG (.jpg), PNG (.png) or WebP (.webp) photos are accepted"

register(
    Message("photo.missing", Severity.ERROR,
            "không tìm thấy tệp ảnh `{file}` trong thư mục sản phẩm — hãy tải ảnh lên cùng thư "
            "mục với product.yaml, hoặc sửa dòng `file:` cho đúng tên tệp (phân biệt chữ hoa, "
            "chữ thường)",
            "photo file `{file}` is not in the product folder — upload it next to product.yaml, "
            "or correct the `file:` line to the exact file name (upper/lower case matters)",
            bad="photos:\n  - file: mat truoc.JPG", fix="photos:\n  - file: mat-truoc.jpg"),
    Message("photo.name_case", Severity.ERROR,
            "không có tệp `{file}` nhưng có tệp `{actual}` — chỉ khác chữ hoa/chữ thường; trang "
            "web phân biệt hai kiểu chữ này, nên hãy sửa dòng `file:` thành `{actual}` (hoặc đổi "
            "tên tệp thành `{file}`)",
            "there is no file `{file}` but there is `{actual}` — only upper/lower case differs; "
            "the website treats them as different, so write `file: {actual}` (or rename the "
            "file to `{file}`)",
            bad="file: Mat-Truoc.jpg", fix="file: mat-truoc.jpg"),
    Message("photo.name_nfd", Severity.ERROR,
            "không có tệp `{file}` nhưng có tệp `{actual}` trông giống hệt — dấu tiếng Việt trong "
            "tên tệp được lưu theo kiểu khác (máy Mac hay lưu kiểu tổ hợp NFD); hãy đổi tên tệp, "
            "gõ lại bằng tay thành `{file}` — tốt nhất là chữ không dấu, ví dụ `mat-truoc.jpg`",
            "there is no file `{file}` but there is `{actual}`, which looks the same — its "
            "Vietnamese accents are stored differently (macOS writes decomposed NFD names); "
            "rename the file by typing `{file}` again — best without accents, e.g. "
            "`mat-truoc.jpg`"),
    Message("photo.outside", Severity.ERROR,
            "`{file}` trỏ ra ngoài thư mục sản phẩm (tới `{target}`) — mỗi sản phẩm phải có ảnh "
            "nằm ngay trong thư mục của nó: hãy chép tệp ảnh thật vào thư mục này thay cho lối "
            "tắt (symlink)",
            "`{file}` points outside the product folder (to `{target}`) — each product's photos "
            "must lie in its own folder: copy the real image file here instead of a shortcut "
            "(symlink)"),
    Message("photo.broken_link", Severity.ERROR,
            "`{file}` là lối tắt (symlink) trỏ tới tệp không tồn tại — hãy xoá lối tắt và chép "
            "tệp ảnh thật vào thư mục sản phẩm",
            "`{file}` is a shortcut (symlink) to a file that does not exist — delete it and copy "
            "the real image file into the product folder"),
    Message("photo.is_directory", Severity.ERROR,
            "`{file}` là một thư mục, không phải tệp ảnh — ảnh phải nằm ngay trong thư mục sản "
            "phẩm (không dùng thư mục con): chuyển ảnh ra ngoài và ghi đúng tên tệp ảnh",
            "`{file}` is a folder, not an image file — photos lie directly in the product folder "
            "(no sub-folders): move the photo out and write the image file's name"),
    Message("photo.not_regular", Severity.ERROR,
            "`{file}` không phải tệp thông thường — hãy thay bằng tệp ảnh JPEG",
            "`{file}` is not a regular file — replace it with a JPEG image file"),
    Message("photo.unreadable", Severity.ERROR,
            "không mở được tệp `{file}` ({reason}) — hãy tải ảnh lên lại",
            "cannot open `{file}` ({reason}) — upload the photo again"),
    Message("photo.empty", Severity.ERROR,
            "tệp ảnh `{file}` trống (0 byte) — có lẽ tải lên bị lỗi; hãy tải ảnh lên lại",
            "photo file `{file}` is empty (0 bytes) — the upload probably failed; upload it "
            "again"),
    Message("photo.format_heic", Severity.ERROR,
            "`{file}` là ảnh HEIC/HEIF (định dạng mặc định của iPhone), trang web chưa đọc được — "
            f"{_ACCEPTED_VI}. Hãy xuất ảnh sang JPEG: trên iPhone vào Cài đặt → Camera → Định "
            "dạng → Tương thích nhất rồi chụp lại, hoặc mở ảnh trên máy tính và lưu lại dạng "
            ".jpg",
            "`{file}` is a HEIC/HEIF photo (the iPhone default), which the website cannot read — "
            f"{_ACCEPTED_EN}. Export it as JPEG: on the iPhone, Settings → Camera → Formats → "
            "Most Compatible and take it again, or open it on a computer and save it as .jpg",
            fix="Cài đặt → Camera → Định dạng → Tương thích nhất / "
                "Settings → Camera → Formats → Most Compatible"),
    Message("photo.format_svg", Severity.ERROR,
            "`{file}` là hình vẽ SVG — không nhận vì tệp SVG có thể chứa mã lệnh chạy trong "
            f"trình duyệt; {_ACCEPTED_VI}. Hãy xuất hình sang PNG (trong Inkscape hay "
            "Illustrator: Export → PNG, cạnh dài ít nhất 800 điểm ảnh)",
            "`{file}` is an SVG drawing — refused because SVG files can carry scripts that run "
            f"in the browser; {_ACCEPTED_EN}. Export it as PNG (Inkscape or Illustrator: "
            "Export → PNG, at least 800 px on the long side)"),
    Message("photo.format_pdf", Severity.ERROR,
            f"`{{file}}` là tệp PDF, không phải ảnh — {_ACCEPTED_VI}. Hãy chụp ảnh thật của sản "
            "phẩm, hoặc xuất trang PDF thành ảnh JPEG/PNG",
            f"`{{file}}` is a PDF document, not a photo — {_ACCEPTED_EN}. Take a real photo of "
            "the product, or export the PDF page as a JPEG/PNG image"),
    Message("photo.format_other", Severity.ERROR,
            f"`{{file}}` có định dạng {{format}} — {_ACCEPTED_VI}. Mở ảnh bằng phần mềm xem/sửa "
            "ảnh (Photos, Paint…) và chọn Lưu thành / Xuất → JPEG, rồi sửa dòng `file:` theo tên "
            "tệp mới",
            f"`{{file}}` is in {{format}} format — {_ACCEPTED_EN}. Open it in a photo app "
            "(Photos, Paint…), choose Save as / Export → JPEG, and update the `file:` line",
            bad="file: mat-truoc.gif", fix="file: mat-truoc.jpg"),
    Message("photo.not_image", Severity.ERROR,
            f"`{{file}}` không phải ảnh (không nhận ra nội dung tệp) — {_ACCEPTED_VI}. Có thể tệp "
            "bị hỏng khi tải lên: mở thử trên máy, xuất lại ảnh dạng JPEG và tải lên lại",
            f"`{{file}}` is not an image (its content is not recognised) — {_ACCEPTED_EN}. It "
            "may have been damaged in upload: open it on your computer, export it as JPEG again "
            "and re-upload"),
    Message("photo.format_mismatch", Severity.ERROR,
            "`{file}` thực chất là ảnh {actual} nhưng tên tệp có đuôi `{ext}` — hãy đổi tên tệp "
            "thành `{suggested}` và sửa dòng `file:` cho khớp",
            "`{file}` is really a {actual} image but its name ends in `{ext}` — rename the file "
            "to `{suggested}` and update the `file:` line to match",
            bad="file: mat-truoc.jpg   # tệp thực chất là PNG",
            fix="file: mat-truoc.png"),
    Message("photo.corrupt", Severity.ERROR,
            "ảnh `{file}` bị hỏng hoặc bị cắt cụt, không đọc hết được (chi tiết kỹ thuật: "
            "{reason}) — mở thử ảnh trên máy; hãy xuất lại hoặc tải lên lại tệp gốc",
            "photo `{file}` is damaged or truncated and cannot be read in full (technical "
            "detail: {reason}) — open it on your computer; export or upload the original again"),
    Message("photo.too_many_pixels", Severity.ERROR,
            "ảnh `{file}` quá lớn: {megapixels} triệu điểm ảnh (tối đa {limit} triệu) — ảnh cỡ "
            "này có thể làm treo máy dựng trang; hãy thu nhỏ ảnh (cạnh dài khoảng 2000–4000 điểm "
            "ảnh) rồi tải lên lại",
            "photo `{file}` is too large: {megapixels} megapixels (at most {limit}) — images "
            "this size can freeze the site build; resize it (about 2000–4000 px on the long "
            "side) and upload it again"),
    Message("photo.too_small", Severity.ERROR,
            "ảnh `{file}` quá nhỏ ({width}×{height} điểm ảnh; cạnh dài phải từ {min} trở lên, nên "
            "từ {recommended}) — hãy dùng ảnh gốc chụp từ điện thoại hay máy ảnh, không dùng ảnh "
            "đã thu nhỏ hoặc tải về từ Zalo/Facebook",
            "photo `{file}` is too small ({width}×{height} px; the long side must be at least "
            "{min}, ideally {recommended}) — use the original from the phone or camera, not a "
            "resized copy or one saved from Zalo/Facebook"),
    Message("photo.low_resolution", Severity.WARNING,
            "ảnh `{file}` hơi nhỏ ({width}×{height} điểm ảnh) — nên có cạnh dài từ {recommended} "
            "điểm ảnh trở lên; ảnh gốc chụp bằng điện thoại là đủ",
            "photo `{file}` is rather small ({width}×{height} px) — {recommended} px or more on "
            "the long side is recommended; an original phone photo is fine"),
    Message("photo.gps", Severity.WARNING,
            "ảnh `{file}` có lưu vị trí GPS nơi chụp — trang web sẽ xoá khi đăng, nhưng tệp gốc "
            "trong kho dữ liệu công khai vẫn để lộ vị trí (có thể là nhà riêng). Hãy xoá vị trí "
            "trước khi gửi: trên iPhone khi chia sẻ bấm Tuỳ chọn → tắt Vị trí; trên Windows bấm "
            "chuột phải → Properties → Details → Remove Properties and Personal Information; "
            "hoặc xuất lại ảnh không kèm vị trí",
            "photo `{file}` stores the GPS location where it was taken — the website strips it "
            "when publishing, but the original in the public repository still reveals the "
            "place (maybe someone's home). Remove the location before sending: on iPhone, when "
            "sharing tap Options → turn Location off; on Windows right-click → Properties → "
            "Details → Remove Properties and Personal Information; or re-export without "
            "location"),
    Message("photo.large_file", Severity.WARNING,
            "tệp ảnh `{file}` nặng {size_mb} MB (nên dưới {limit_mb} MB) — tệp lớn làm chậm việc "
            "duyệt, mà trang web tự tạo bản nhỏ: hãy xuất lại ảnh JPEG chất lượng khoảng 85%",
            "photo file `{file}` is {size_mb} MB (keep it under {limit_mb} MB) — large files slow "
            "down review and the website makes small copies anyway: re-export it as JPEG at "
            "about 85% quality"),
    Message("photo.duplicate", Severity.WARNING,
            "ảnh `{file}` đã được khai báo ở dòng {first_line} — xoá mục bị lặp",
            "photo `{file}` is already listed on line {first_line} — delete the repeated entry"),
    Message("photo.unlisted", Severity.WARNING,
            "ảnh chưa được khai báo: tệp `{file}` có trong thư mục sản phẩm nhưng không có trong "
            "danh sách `photos` nên sẽ không được đăng — thêm một mục (file, role, alt) cho ảnh "
            "này, hoặc xoá tệp nếu không dùng",
            "photo not listed: `{file}` is in the product folder but not in `photos`, so it will "
            "not be published — add an entry (file, role, alt) for it, or delete the file if "
            "unused",
            fix="photos:\n  - file: mat-sau.jpg\n    role: back\n    alt:\n      vi: Mặt sau "
                "bao bì"),
)


class FactsCache:
    """What decoding a good photo found (shown size, GPS), by a hash of its bytes.

    A full decode is the slow part of validation (a 12-megapixel JPEG: about 0.1 s); a
    catalogue of 18,000 products holds some 50,000 photos, and a pull request changes a few.
    Only photos that decoded cleanly are remembered; a damaged one is decoded again each run,
    so its message is always fresh. The key covers the bytes, the format, Pillow's version, the
    pixel limit and :data:`FACTS_VERSION`. Entries live in ``<repo>/.cache/ocop/checks`` (one
    small JSON file each, touched when reused, pruned with the build caches); a cache that
    cannot be written is simply not used.
    """

    FACTS_VERSION = 1
    FOLDER = Path(".cache") / "ocop" / "checks"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def at(cls, repo_root: Path) -> FactsCache | None:
        if os.environ.get("OCOP_NO_PHOTO_CACHE"):
            return None
        return cls(repo_root / cls.FOLDER)

    def key(self, path: Path, fmt: str) -> str | None:
        digest = hashlib.sha256(f"{self.FACTS_VERSION}|{PIL.__version__}|{MAX_PIXELS}|{fmt}|"
                                .encode())
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        return digest.hexdigest()[:32]

    def get(self, key: str) -> tuple[int, int, bool] | None:
        path = self.folder / f"{key}.json"
        try:
            width, height, gps = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return None
        if not (isinstance(width, int) and isinstance(height, int) and isinstance(gps, bool)):
            return None
        touch(path)
        return width, height, gps

    def put(self, key: str, width: int, height: int, gps: bool) -> None:
        try:
            make_dir(self.folder)
            write_atomic(self.folder / f"{key}.json", json.dumps([width, height, gps]).encode())
        except OSError:
            pass


@dataclass
class _Context:
    """What one call of :func:`check_photos` shares between entries."""

    doc: Document
    folder: Path
    repo_root: Path
    listing: list[str]
    accounted: set[str] = field(default_factory=set)
    targets: dict[Path, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)


def check_photos(doc: Document, product_dir: Path, repo_root: Path) -> list[Finding]:
    """Check every entry of ``doc.data["photos"]`` against the files in ``product_dir``.

    ``doc.data`` has already passed the JSON Schema. Image-like files in ``product_dir`` that
    no entry lists are reported as warnings. Never raises.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    photos = data.get("photos") or []
    folder = _resolve(product_dir) or product_dir.absolute()
    ctx = _Context(doc, folder, repo_root, _list_dir(folder))
    findings: list[Finding] = []
    for index, entry in enumerate(photos if isinstance(photos, list) else []):
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue
        at: PathT = ("photos", index, "file")
        try:
            findings += _check_entry(ctx, at, index, name)
        except Exception as error:  # the promise: nothing escapes
            findings.append(doc.finding("photo.unreadable", at, file=name, reason=_reason(error)))
    findings += _unlisted(ctx, "photos" in data)
    return findings


def _check_entry(ctx: _Context, at: PathT, index: int, name: str) -> list[Finding]:
    doc = ctx.doc
    if name in ctx.names:
        first_line = doc.locate(("photos", ctx.names[name], "file"))[0]
        return [doc.finding("photo.duplicate", at, file=name, first_line=first_line)]
    ctx.names[name] = index
    unsafe = "/" in name or "\\" in name or name in {".", ".."} or Path(name).is_absolute()
    if unsafe:
        return [doc.finding("photo.outside", at, file=name, target=name)]
    if name not in ctx.listing:
        return [_missing(ctx, at, name)]
    ctx.accounted.add(name)
    target = _resolve(ctx.folder / name)
    if target is None:
        return [doc.finding("photo.broken_link", at, file=name)]
    if not target.is_relative_to(ctx.folder) or target == ctx.folder:
        shown = display_path(target, ctx.repo_root)
        return [doc.finding("photo.outside", at, file=name, target=shown)]
    if target in ctx.targets:
        first_line = doc.locate(("photos", ctx.targets[target], "file"))[0]
        return [doc.finding("photo.duplicate", at, file=name, first_line=first_line)]
    ctx.targets[target] = index
    return _check_file(doc, at, name, target, FactsCache.at(ctx.repo_root))


def _missing(ctx: _Context, at: PathT, name: str) -> Finding:
    """Missing file; say so when the folder holds the same name in another case or form."""
    wanted_nfc = unicodedata.normalize("NFC", name)
    for actual in ctx.listing:
        actual_nfc = unicodedata.normalize("NFC", actual)
        if actual_nfc.casefold() != wanted_nfc.casefold():
            continue
        ctx.accounted.add(actual)
        code = "photo.name_nfd" if actual_nfc != actual else "photo.name_case"
        return ctx.doc.finding(code, at, file=name, actual=_printable(actual))
    return ctx.doc.finding("photo.missing", at, file=name)


def _check_file(doc: Document, at: PathT, name: str, target: Path,
                cache: FactsCache | None = None) -> list[Finding]:
    info = target.stat()
    if stat.S_ISDIR(info.st_mode):
        return [doc.finding("photo.is_directory", at, file=name)]
    if not stat.S_ISREG(info.st_mode):
        return [doc.finding("photo.not_regular", at, file=name)]
    if info.st_size == 0:
        return [doc.finding("photo.empty", at, file=name)]
    findings: list[Finding] = []
    if info.st_size > MAX_FILE_BYTES:
        findings.append(doc.finding(
            "photo.large_file", at, file=name, size_mb=f"{info.st_size / 2**20:.1f}",
            limit_mb=MAX_FILE_BYTES // 2**20))
    with target.open("rb") as handle:
        head = handle.read(512)
    real = sniff(head) or _FORMAT_BY_SUFFIX.get(Path(name).suffix.lower())
    problem = _format_problem(doc, at, name, real)
    if problem is not None:
        return [*findings, problem]
    assert real is not None
    key = cache.key(target, real) if cache else None
    known = cache.get(key) if cache and key else None
    if known is not None:
        return findings + _inspect(doc, at, name, *known)
    decoded = _decode(doc, at, name, target, real, head)
    if isinstance(decoded, tuple):  # a good photo: remember what its decode found
        if cache and key:
            cache.put(key, *decoded)
        return findings + _inspect(doc, at, name, *decoded)
    return findings + decoded


def sniff(head: bytes) -> str | None:
    """The format announced by a file's first bytes (Pillow's name where it has one)."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIF"
        return "AVIF" if brand in _AVIF_BRANDS else "MP4/MOV (video)"
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith((b"<?xml", b"<!")) and b"<svg" in text):
        return "SVG"
    return None


def _format_problem(doc: Document, at: PathT, name: str, real: str | None) -> Finding | None:
    """Refuse formats the site does not take, and an ending that lies about the content."""
    if real is None:
        return doc.finding("photo.not_image", at, file=name)
    if real in _SPECIFIC_CODE:
        return doc.finding(_SPECIFIC_CODE[real], at, file=name)
    if real not in ACCEPTED:
        return doc.finding("photo.format_other", at, file=name, format=real)
    suffix = Path(name).suffix
    if suffix.lower() in ACCEPTED[real]:
        return None
    stem = name[: -len(suffix)] if suffix else name
    return doc.finding("photo.format_mismatch", at, file=name, actual=real,
                       ext=suffix or "—", suggested=stem + ACCEPTED[real][0])


def _decode(doc: Document, at: PathT, name: str, path: Path, fmt: str,
            head: bytes) -> list[Finding] | tuple[int, int, bool]:
    """Header size check, ``verify()``, then one full decode: the photo's shown size and whether
    it carries GPS, or the findings that stopped it (Pillow errors become findings)."""
    size = webp_header_size(head) if fmt == "WEBP" else None
    if size is not None and size[0] * size[1] > MAX_PIXELS:
        return [_bomb(doc, at, name, size[0] * size[1])]  # WebP allocates its canvas on open
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with Image.open(path, formats=[fmt]) as image:
                pixels = image.width * image.height
                if pixels > MAX_PIXELS or _bomb_warned(caught):
                    return [_bomb(doc, at, name, pixels)]
                image.verify()
            with Image.open(path, formats=[fmt]) as image:
                image.load()
                return (*oriented_size(image), has_gps(image))
        except Image.DecompressionBombError as error:
            match = _BOMB_PIXELS.search(str(error))
            return [_bomb(doc, at, name, int(match.group(1)) if match else 0)]
        except Exception as error:  # truncated, corrupt, or anything else Pillow raises
            return [doc.finding("photo.corrupt", at, file=name, reason=_reason(error))]


def webp_header_size(head: bytes) -> tuple[int, int] | None:
    """Canvas size from a WebP header (first 30 bytes), without decoding anything."""
    chunk = head[12:16]
    if chunk == b"VP8 " and len(head) >= 30 and head[23:26] == b"\x9d\x01\x2a":
        width = int.from_bytes(head[26:28], "little") & 0x3FFF
        return width, int.from_bytes(head[28:30], "little") & 0x3FFF
    if chunk == b"VP8X" and len(head) >= 30:
        width = int.from_bytes(head[24:27], "little") + 1
        return width, int.from_bytes(head[27:30], "little") + 1
    if chunk == b"VP8L" and len(head) >= 25 and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def _bomb_warned(caught: list[warnings.WarningMessage]) -> bool:
    return any(issubclass(w.category, Image.DecompressionBombWarning) for w in caught)


def _bomb(doc: Document, at: PathT, name: str, pixels: int) -> Finding:
    megapixels = f"{pixels / 1e6:.0f}" if pixels else "?"
    return doc.finding("photo.too_many_pixels", at, file=name, megapixels=megapixels,
                       limit=MAX_PIXELS // 1_000_000)


def _inspect(doc: Document, at: PathT, name: str, width: int, height: int,
             gps: bool) -> list[Finding]:
    """Checks on what a decode found: shown size (EXIF orientation applied) and GPS."""
    findings: list[Finding] = []
    sizes = {"width": width, "height": height, "min": MIN_SIDE, "recommended": RECOMMENDED_SIDE}
    if max(width, height) < MIN_SIDE:
        findings.append(doc.finding("photo.too_small", at, file=name, **sizes))
    elif max(width, height) < RECOMMENDED_SIDE:
        findings.append(doc.finding("photo.low_resolution", at, file=name, **sizes))
    if gps:
        findings.append(doc.finding("photo.gps", at, file=name))
    return findings


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as the photo is shown, after its EXIF orientation."""
    try:
        orientation = image.getexif().get(_TAG_ORIENTATION)
    except Exception:  # unreadable EXIF: show as stored
        orientation = None
    if orientation in (5, 6, 7, 8):
        return image.height, image.width
    return image.width, image.height


def has_gps(image: Image.Image) -> bool:
    """Whether the image carries a location: a non-empty EXIF GPS IFD, or GPS in XMP."""
    try:
        if image.getexif().get_ifd(_TAG_GPS_IFD):
            return True
    except Exception:  # unreadable EXIF: fall through to XMP
        pass
    for key in ("xmp", "XML:com.adobe.xmp"):
        xmp = image.info.get(key)
        if isinstance(xmp, str):
            xmp = xmp.encode("utf-8", "replace")
        if isinstance(xmp, bytes) and b"GPSLatitude" in xmp:
            return True
    return False


def _unlisted(ctx: _Context, has_photos_key: bool) -> list[Finding]:
    """Image-like files in the folder that no entry accounts for."""
    where: PathT = ("photos",) if has_photos_key else ()
    findings = []
    for name in ctx.listing:
        if Path(name).suffix.lower() not in IMAGE_LIKE or name in ctx.accounted:
            continue
        target = _resolve(ctx.folder / name)
        if target is not None and (target in ctx.targets or target.is_dir()):
            continue
        make = ctx.doc.key_finding if has_photos_key else ctx.doc.finding
        findings.append(make("photo.unlisted", where, file=_printable(name)))
    return findings


def _list_dir(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _resolve(path: Path) -> Path | None:
    """Follow every symlink; ``None`` when the path or a link target does not exist."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None


def _printable(name: str) -> str:
    """A file name safe to print, even when the disk holds bytes that are not UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
