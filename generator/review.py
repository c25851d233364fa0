"""``ocop review``: what a pull request changes in the catalogue, in words officers read.

The catalogue at a git ref (its merge base with the compared tree, as GitHub's "Files changed"
shows a pull request) is compared with the working tree, or with ``--head REF``. Nothing is
checked out: old files are read with ``git ls-tree`` and ``git cat-file``, and a ``--head`` ref
is unpacked with ``git archive`` into a temporary folder. The Markdown review has four parts:
an honest summary (errors block, warnings advise), the products added, removed, moved and
changed field by field, the validator's findings for the changed files, and the 2020 Quảng Nam
directive's portfolio questions about this change.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

from .checks.origin import check_origin
from .checks.photos import IMAGE_LIKE
from .checks.recognitions import check_recognitions
from .checks.schema import check_schema
from .findings import Finding
from .load.discover import PRODUCT_FILE
from .load.yamlload import MAX_BYTES, Document, decode, load_text
from .model.build import build_product, parse_recognition
from .model.product import Product, Recognition, RecognitionState, vnd
from .rules import PartialDate
from .site.i18n import t
from .site.present import badge
from .validate import Result, validate

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
#: GitHub refuses comments longer than 65,536 characters; keep a margin for the workflow.
COMMENT_LIMIT = 60_000
CATALOGUE_DIR = "products"

T = TypeVar("T")

# --------------------------------------------------------------------------- wording

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("## Duyệt thay đổi danh mục OCOP / OCOP catalogue review",
              "## OCOP catalogue review"),
    "errors_warnings": ("{e} lỗi phải sửa trước khi hợp nhất; {w} cảnh báo nên xem lại",
                        "{e} error(s) must be fixed before merging; {w} warning(s) to review"),
    "errors_only": ("{e} lỗi phải sửa trước khi hợp nhất; không có cảnh báo",
                    "{e} error(s) must be fixed before merging; no warnings"),
    "warnings_only": ("Không có lỗi; {w} cảnh báo nên xem lại", "No errors; {w} warning(s) to review"),
    "clean": ("Không có lỗi, không có cảnh báo", "No errors, no warnings"),
    "compared": ("Thay đổi so với {base}: {counts}.", "Compared with {base}: {counts}."),
    "no_change": ("Không có thay đổi nào trong products/ so với {base}.",
                  "Nothing changed in products/ compared with {base}."),
    "rule": ("Lỗi phải sửa thì mới hợp nhất được; cảnh báo không chặn, người duyệt cân nhắc.",
             "Errors block merging; warnings do not — reviewers decide."),
    "n_questions": ("Có {n} câu hỏi về danh mục cho người duyệt (cuối báo cáo).",
                    "{n} portfolio question(s) for reviewers at the end."),
    "merge_base": ("điểm rẽ nhánh", "merge base"),
    "count.others": ("{n} tệp khác", "{n} other file(s)"),
    "count.added": ("thêm {n}", "added {n}"),
    "count.removed": ("bỏ {n}", "removed {n}"),
    "count.moved": ("chuyển thư mục {n}", "moved {n}"),
    "count.changed": ("sửa {n}", "changed {n}"),
    "products_word": (" sản phẩm", " product(s)"),
    "h.changes": ("### Sản phẩm thay đổi / Changed products", "### Changed products"),
    "h.added": ("**Thêm / Added**", "**Added**"),
    "h.removed": ("**Bỏ / Removed**", "**Removed**"),
    "h.moved": ("**Chuyển thư mục / Moved**", "**Moved**"),
    "h.changed": ("**Sửa / Changed**", "**Changed**"),
    "h.others": ("**Tệp khác trong products/ / Other files**", "**Other files in products/**"),
    "h.findings": ("### Kết quả kiểm tra các tệp thay đổi / Validator findings",
                   "### Validator findings for the changed files"),
    "h.questions": ("### Câu hỏi cho người duyệt / Questions for reviewers",
                    "### Questions for reviewers"),
    "questions_intro": (
        "Chỉ thị năm 2020 của tỉnh đề nghị rà soát sản phẩm trùng loại, sản phẩm thô/tươi sống "
        "và sản phẩm khai trùng; các câu hỏi này không chặn hợp nhất — người duyệt trả lời "
        "trong phần bình luận.",
        "The province's 2020 directive asks to review overlapping product types, raw/fresh "
        "products and duplicates; these questions do not block merging — answer them in the "
        "comments."),
    "no_files": ("Không có tệp sản phẩm nào cần kiểm tra.", "No product file to check."),
    "no_findings": ("Các tệp thay đổi không có lỗi, không có cảnh báo.",
                    "The changed files have no errors and no warnings."),
    "file_counts": ("{e} lỗi, {w} cảnh báo", "{e} error(s), {w} warning(s)"),
    "error": ("❌ lỗi", "❌ error"),
    "warning": ("⚠️ cảnh báo", "⚠️ warning"),
    "n_errors": ("{n} lỗi", "{n} error(s)"),
    "n_warnings": ("{n} cảnh báo", "{n} warning(s)"),
    "truncated": ("✂️ Báo cáo dài quá giới hạn bình luận của GitHub nên đã bỏ {n} dòng cuối. "
                  "Chạy `ocop review` hoặc `ocop validate` trên máy để xem đủ.",
                  "✂️ The review exceeds GitHub's comment limit, so its last {n} lines were "
                  "left out. Run `ocop review` or `ocop validate` locally to see everything."),
    "footer": ("Ngày tính hiệu lực: {today} · `ocop review`", "Validity as of {today} · `ocop review`"),
    "unreadable": ("chưa đọc được (có lỗi, xem phần kiểm tra)", "cannot be read (see the findings)"),
    "subject": ("chủ thể: {name}", "producer: {name}"),
    "not_current": ("{n} sao · {detail}", "{n} stars · {detail}"),
    # field-level changes
    "empty": ("(trống)", "(none)"),
    "arrow": ("{label}: {old} → {new}", "{label}: {old} → {new}"),
    "edit": ("Sửa {what}", "Changed {what}"),
    "add": ("Thêm {what}", "Added {what}"),
    "drop": ("Xoá {what}", "Removed {what}"),
    "only_layout": ("Chỉ sửa chú thích hoặc cách trình bày; nội dung không đổi",
                    "Only comments or layout changed; the content is the same"),
    "no_content_change": ("Nội dung không đổi", "The content is the same"),
    "unreadable_file": ("product.yaml có lỗi nên chưa so sánh được từng trường — xem phần kiểm tra",
                        "product.yaml has errors, so fields cannot be compared — see the findings"),
    "moved_from": ("Chuyển thư mục: {old} → {new}", "Moved: {old} → {new}"),
    "label.id": ("Đổi id", "Id"),
    "field": ("Sửa trường {field}", "Changed field {field}"),
    "label.name": ("Đổi tên", "Name"),
    "label.name_en": ("Tên tiếng Anh", "English name"),
    "label.product_type": ("Đổi loại sản phẩm", "Product type"),
    "label.group": ("Đổi nhóm", "Group"),
    "label.subgroup": ("Đổi phân nhóm", "Subgroup"),
    "label.processing": ("Đổi mức chế biến", "Processing"),
    "label.subject": ("Đổi chủ thể", "Producer"),
    "label.legal_form": ("Đổi loại hình chủ thể", "Producer type"),
    "label.tax_code": ("Sửa mã số thuế", "Tax code"),
    "label.net_contents": ("Khối lượng/thể tích tịnh", "Net contents"),
    "label.shelf_life": ("Hạn sử dụng", "Shelf life"),
    "label.gtin": ("Mã vạch", "Barcode"),
    "label.price": ("Giá", "Price"),
    "label.origin": ("Đổi nơi sản xuất", "Place of production"),
    "label.village": ("Thôn, làng", "Village"),
    "label.craft_village": ("Làng nghề", "Craft village"),
    "label.current_commune": ("Xã hiện nay", "Current commune"),
    "label.stars": ("Hạng sao", "Stars"),
    "what.name_en": ("tên tiếng Anh", "the English name"),
    "what.alias": ("tên gọi khác: {value}", "other name: {value}"),
    "what.group_recorded": ("nhóm ghi trong quyết định", "the group as recorded in the decision"),
    "what.address": ("địa chỉ chủ thể", "the producer's address"),
    "what.contact": ("liên hệ của chủ thể", "the producer's contact details"),
    "what.subject_aliases": ("tên gọi khác của chủ thể", "the producer's other names"),
    "what.packaging": ("mô tả bao bì", "the packaging description"),
    "what.traceability": ("liên kết truy xuất nguồn gốc", "the traceability link"),
    "what.origin_codes": ("mã đơn vị hành chính nơi sản xuất", "the administrative codes of the origin"),
    "what.coordinates": ("toạ độ", "the coordinates"),
    "what.source": ("nguồn: {value}", "source: {value}"),
    "what.channel": ("nơi bán: {value}", "sales channel: {value}"),
    "what.price": ("giá", "the price"),
    "what.content": ("{part} ({language})", "{part} ({language})"),
    "lang.vi": ("tiếng Việt", "Vietnamese"),
    "lang.en": ("tiếng Anh", "English"),
    "part.description": ("mô tả", "description"),
    "part.ingredients": ("thành phần", "ingredients"),
    "part.usage": ("cách dùng", "usage"),
    "part.storage": ("bảo quản", "storage"),
    # recognitions
    "rec.decision": ("QĐ {decision} ", "decision {decision} "),
    "rec.day": ("{decision}ngày {date}, {stars} sao", "{decision}signed {date}, {stars} stars"),
    "rec.month": ("{decision}tháng {date}, {stars} sao", "{decision}signed {date}, {stars} stars"),
    "rec.year": ("{decision}năm {date}, {stars} sao", "{decision}signed in {date}, {stars} stars"),
    "rec.again": ("Công nhận lại: {label}", "Recognised again: {label}"),
    "rec.added": ("Thêm lần công nhận: {label}", "Added a recognition: {label}"),
    "rec.removed": ("Xoá lần công nhận: {label}", "Removed the recognition: {label}"),
    "rec.decision_changed": ("Sửa số quyết định: {old} → {new}", "Decision number: {old} → {new}"),
    "rec.signed_changed": ("Sửa ngày ký ({label}): {old} → {new}",
                           "Signing date ({label}): {old} → {new}"),
    "rec.stars_changed": ("Sửa hạng sao ({label}): {old} → {new}", "Stars ({label}): {old} → {new}"),
    "rec.score_changed": ("Sửa điểm ({label}): {old} → {new}", "Score ({label}): {old} → {new}"),
    "rec.revoked": ("Thu hồi công nhận: {label}{when}", "Recognition revoked: {label}{when}"),
    "rec.revoked_on": (" — ngày thu hồi {date}", " — revoked on {date}"),
    "rec.superseded": ("Ghi là đã được thay thế: {label}", "Marked as superseded: {label}"),
    "rec.active": ("Ghi là đang áp dụng: {label}", "Marked as in force: {label}"),
    "rec.fields": ("Sửa {fields} ({label})", "Changed {fields} ({label})"),
    "rec.expired": ("Lần công nhận {label} đã hết hạn từ {until}",
                    "The recognition ({label}) expired on {until}"),
    "rec.uncertain": ("Chưa rõ lần công nhận {label} còn hiệu lực không (hết hạn trong khoảng "
                      "{earliest} – {latest})",
                      "Unclear whether the recognition ({label}) is still valid (it ends between "
                      "{earliest} and {latest})"),
    "f.authority": ("cơ quan công nhận", "authority"),
    "f.level": ("cấp công nhận", "level"),
    "f.rules": ("bộ tiêu chí", "rule version"),
    "f.note": ("ghi chú", "note"),
    "f.source": ("nguồn", "source"),
    "f.revoked": ("thông tin thu hồi", "revocation details"),
    "f.certificate": ("số giấy chứng nhận", "certificate number"),
    "f.issuer": ("tổ chức cấp", "issuer"),
    "f.valid_from": ("ngày cấp", "start date"),
    "f.name": ("tên", "name"),
    "f.scheme": ("loại", "scheme"),
    # standards
    "std.added": ("Thêm chứng nhận {label}", "Added certification {label}"),
    "std.until": (" (đến {date})", " (until {date})"),
    "std.removed": ("Bỏ chứng nhận {label}", "Removed certification {label}"),
    "std.renewed": ("Gia hạn chứng nhận {label}: {old} → {new}",
                    "Certification {label} renewed: {old} → {new}"),
    "std.until_changed": ("Sửa hạn chứng nhận {label}: {old} → {new}",
                          "Certification {label} validity: {old} → {new}"),
    "std.fields": ("Sửa {fields} của chứng nhận {label}", "Changed {fields} of certification {label}"),
    # photos and other files
    "photo.replaced": ("Thay ảnh {name}", "Replaced photo {name}"),
    "photo.added": ("Thêm ảnh {name}", "Added photo {name}"),
    "photo.removed": ("Xoá ảnh {name}", "Removed photo {name}"),
    "photo.renamed": ("Đổi tên ảnh {old} → {new}", "Renamed photo {old} → {new}"),
    "photo.role": ("Đổi loại ảnh {name}: {old} → {new}", "Photo {name} role: {old} → {new}"),
    "photo.alt": ("Sửa mô tả ảnh {name} ({language})",
                  "Changed the description of photo {name} ({language})"),
    "photo.date": ("Sửa ngày chụp ảnh {name}", "Changed the date of photo {name}"),
    "photo.order": ("Đổi thứ tự ảnh", "Changed the order of the photos"),
    "file.replaced": ("Sửa tệp {name}", "Changed file {name}"),
    "file.added": ("Thêm tệp {name}", "Added file {name}"),
    "file.removed": ("Xoá tệp {name}", "Removed file {name}"),
    "file.renamed": ("Đổi tên tệp {old} → {new}", "Renamed file {old} → {new}"),
    "role.front": ("mặt trước", "front"), "role.back": ("mặt sau", "back"),
    "role.label": ("nhãn", "label"), "role.product": ("sản phẩm", "product"),
    "role.in-use": ("khi dùng", "in use"), "role.place": ("nơi sản xuất", "place"),
    # questions
    "q.same_type": ("Ở {area} đã có chủ thể khác đăng ký \"{product_type}\": {others}. Có nên để "
                    "thêm một chủ thể cùng loại sản phẩm ở địa phương này không?",
                    "{area} already has another producer of \"{product_type}\": {others}. Should "
                    "another producer of the same product type be added there?"),
    "q.raw": ("Sản phẩm ở dạng {level}, chưa qua chế biến. Chỉ thị của tỉnh đề nghị hạn chế sản "
              "phẩm thô, tươi sống — có hướng chế biến sâu hơn không?",
              "The product is {level}, not processed. The directive asks to limit raw and fresh "
              "products — is deeper processing planned?"),
    "q.expiring": ("Lần công nhận {label} hết hiệu lực ngày {until} (còn {days} ngày). Chủ thể "
                   "đã nộp hồ sơ đánh giá lại chưa?",
                   "The recognition ({label}) expires on {until} ({days} days left). Has the "
                   "producer applied for re-evaluation?"),
    "q.gps": ("Ảnh {file} còn lưu vị trí GPS nơi chụp (có thể là nhà riêng). Đã xoá vị trí trước "
              "khi hợp nhất chưa?",
              "Photo {file} still stores the GPS location where it was taken (maybe a home). "
              "Was the location removed before merging?"),
    "q.similar": ("Tên gần trùng với \"{other_name}\" ({other}). Có phải cùng một sản phẩm khai "
                  "hai lần không?",
                  "The name nearly matches \"{other_name}\" ({other}). Is it the same product "
                  "entered twice?"),
    "raw.fresh": ("tươi sống", "fresh"), "raw.raw": ("thô", "raw"),
    # usage errors
    "not_git": ("{root} không nằm trong một kho git — chạy lệnh trong thư mục đã `git clone` "
                "danh mục", "{root} is not inside a git repository — run it in a clone of the "
                "catalogue"),
    "no_git": ("không tìm thấy chương trình git — hãy cài git", "git is not installed"),
    "unknown_ref": ("không tìm thấy `{ref}` trong kho git — kiểm tra tên nhánh hoặc commit; "
                    "trong GitHub Actions cần lấy nhánh gốc trước (actions/checkout với "
                    "fetch-depth: 0, hoặc `git fetch origin main`)",
                    "unknown git ref `{ref}` — check the branch or commit name; in GitHub "
                    "Actions fetch the base branch first (actions/checkout with fetch-depth: 0, "
                    "or `git fetch origin main`)"),
    "bad_today": ("--today phải có dạng YYYY-MM-DD", "--today must be YYYY-MM-DD"),
    "git_failed": ("lệnh git bị lỗi: {detail}", "git failed: {detail}"),
}


def say(key: str, lang: str = "vi", **params: object) -> str:
    """The message ``key`` in ``lang`` (``vi`` or ``en``), with params filled."""
    vi, en = _TEXT[key]
    return (en if lang == "en" else vi).format(**params)


class ReviewError(Exception):
    """A usage problem (unknown ref, not a git repository): exit code 2."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        return say(self.key, lang, **self.params)


# --------------------------------------------------------------------------- Markdown


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_SAFE_URL = re.compile(r"https?://[^\s<>`\"'\\]+\Z")


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("@", "@\u200b")


def md(text: object, limit: int = 160) -> str:
    """Officer-written text as plain Markdown text: no markup, HTML, links or @mentions."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _escape(flat)


def md_code(text: str) -> str:
    """A file name or field path as inline code (escaped text when it holds a backtick)."""
    flat = " ".join(text.split())
    return f"`{flat}`" if flat and "`" not in flat else md(flat, 300)


def md_message(text: str) -> str:
    """A validator message on one line: its `code` spans stay code, the rest is escaped."""
    flat = " ".join(text.split())
    parts = flat.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: show them all as text
        return _escape(flat)
    return "".join(md_code(part) if i % 2 else _escape(part) for i, part in enumerate(parts))


def md_url(url: object) -> str:
    """A source link that stays clickable when it is a plain http(s) address."""
    text = str(url).strip()
    return f"<{text}>" if _SAFE_URL.match(text) else md(text)


# --------------------------------------------------------------------------- git


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_LITERAL_PATHSPECS": "1",
           "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True,
                              env=env, check=False)
    except FileNotFoundError as error:
        raise ReviewError("no_git") from error
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReviewError("git_failed", detail=detail[-1] if detail else done.returncode)
    return done.stdout


def _split0(raw: bytes) -> list[str]:
    return [item for item in raw.decode("utf-8", "surrogateescape").split("\0") if item]


def find_repo(start: Path) -> Path:
    """The top folder of the git repository holding ``start``."""
    try:
        out = _git(start, "rev-parse", "--show-toplevel")
    except ReviewError as error:
        if error.key == "no_git":
            raise
        raise ReviewError("not_git", root=start) from error
    return Path(out.decode("utf-8", "surrogateescape").strip())


def resolve(repo: Path, ref: str) -> str:
    """The commit a ref names; ReviewError when there is none."""
    if not ref or ref.startswith("-"):
        raise ReviewError("unknown_ref", ref=ref)
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except ReviewError as error:
        raise ReviewError("unknown_ref", ref=ref) from error


def merge_base(repo: Path, base: str, head: str | None) -> str:
    """Where the compared tree branched from ``base``; ``base`` itself when git cannot tell
    (shallow clone, unrelated histories, no commit yet)."""
    try:
        out = _git(repo, "merge-base", base, head or "HEAD").decode().strip()
    except ReviewError:
        return base
    return out or base


def changed_paths(repo: Path, base: str, head: str | None) -> list[str]:
    """Paths under products/ that differ between ``base`` and ``head`` (or the working tree,
    untracked files included)."""
    args = ["diff", "--name-only", "--no-renames", "-z", base, *([head] if head else []),
            "--", CATALOGUE_DIR]
    paths = _split0(_git(repo, *args))
    if head is None:
        paths += _split0(_git(repo, "ls-files", "-z", "--others", "--exclude-standard", "--",
                              CATALOGUE_DIR))
    return sorted(set(paths))


class Tree(Protocol):
    """One side of the comparison: a commit, or the working tree."""

    def files(self, folders: Sequence[str]) -> dict[str, dict[str, str]]:
        """For each folder, its files (not sub-folders) and their content ids."""
        ...

    def read(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        """The bytes of each path, None when it is missing."""
        ...


def _chunks(items: Sequence[T], size: int = 200) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start: start + size]


@dataclass(frozen=True)
class GitTree:
    repo: Path
    commit: str

    def files(self, folders: Sequence[str]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {folder: {} for folder in folders}
        for chunk in _chunks(list(folders)):
            listing = _git(self.repo, "ls-tree", "-r", "-z", self.commit, "--",
                           *[f"{folder}/" for folder in chunk])
            for line in _split0(listing):
                meta, path = line.split("\t", 1)
                kind, object_id = meta.split()[1:3]
                parent, name = posixpath.split(path)
                if kind == "blob" and parent in out:
                    out[parent][name] = object_id
        return out

    def read(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        request = "".join(f"{self.commit}:{path}\n" for path in paths).encode("utf-8",
                                                                              "surrogateescape")
        raw = _git(self.repo, "cat-file", "--batch", stdin=request) if paths else b""
        out: dict[str, bytes | None] = {}
        position = 0
        for path in paths:
            end = raw.index(b"\n", position)
            header = raw[position:end].split()
            position = end + 1
            if len(header) != 3 or header[1] != b"blob":
                out[path] = None
                continue
            size = int(header[2])
            out[path] = raw[position: position + size]
            position += size + 1
        return out


@dataclass(frozen=True)
class WorkTree:
    repo: Path

    def files(self, folders: Sequence[str]) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        regular: list[tuple[str, str]] = []
        for folder in folders:
            out[folder] = {}
            here = self.repo / folder
            names = sorted(os.listdir(here)) if here.is_dir() and self._inside(here) else []
            for name in names:
                path = here / name
                if path.is_symlink():
                    out[folder][name] = "link:" + os.readlink(path)
                elif path.is_file() and "\n" not in name:
                    regular.append((folder, name))
        for chunk in _chunks(regular, 500):
            request = "".join(f"{folder}/{name}\n" for folder, name in chunk)
            ids = _git(self.repo, "hash-object", "--stdin-paths",
                       stdin=request.encode("utf-8", "surrogateescape")).decode().split()
            for (folder, name), object_id in zip(chunk, ids, strict=True):
                out[folder][name] = object_id
        return out

    def read(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        out: dict[str, bytes | None] = {}
        for path in paths:
            target = self.repo / path
            out[path] = target.read_bytes() if target.is_file() and self._inside(target) else None
        return out

    def _inside(self, path: Path) -> bool:
        """Never follow a link out of the repository: a pull request could otherwise make the
        review quote a file of the machine it runs on (the validator reports such links)."""
        return path.resolve().is_relative_to(self.repo.resolve())


def _safe_member(member: tarfile.TarInfo, dest: str) -> tarfile.TarInfo | None:
    try:
        return tarfile.data_filter(member, dest)
    except tarfile.FilterError:  # e.g. a link leading outside: the validator reports it
        return None


def unpack(repo: Path, commit: str, dest: Path) -> None:
    """products/ of ``commit`` into ``dest`` (``git archive``; the working tree is untouched)."""
    if not _split0(_git(repo, "ls-tree", "-z", "--name-only", commit, "--", CATALOGUE_DIR)):
        return
    env = {**os.environ, "GIT_LITERAL_PATHSPECS": "1"}
    with subprocess.Popen(["git", "-C", str(repo), "archive", "--format=tar", commit, "--",
                           CATALOGUE_DIR], stdout=subprocess.PIPE, env=env) as process:
        assert process.stdout is not None
        with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
            archive.extractall(dest, filter=_safe_member)
        while process.stdout.read(65536):  # the record padding after the end marker: git
            pass  # would die of SIGPIPE if the pipe closed before it wrote it
    if process.returncode != 0:
        raise ReviewError("git_failed", detail=f"git archive {commit}")


# --------------------------------------------------------------------------- snapshots


@dataclass(frozen=True)
class Snapshot:
    """One product folder on one side of the comparison."""

    folder: str
    data: dict[str, Any] | None  # raw data (None when the YAML cannot be read)
    valid: bool  # passed the schema, so fields have the expected types
    product: Product | None  # the typed model, when the recognitions can be read
    files: dict[str, str]  # every file in the folder → content id
    text: str | None

    @property
    def file(self) -> str:
        return f"{self.folder}/{PRODUCT_FILE}"

    @property
    def id(self) -> str:
        value = self.data.get("id") if self.data else None
        return value if isinstance(value, str) and value else PurePosixPath(self.folder).name

    @property
    def name(self) -> str:
        if self.product is not None:
            return self.product.name.vi
        name = _get(self.data, "name", "vi")
        return name if isinstance(name, str) else self.id


def load_model(raw: bytes, file: str, today: date) -> tuple[Document, bool, Product | None]:
    """Read a product file as the validator does, without photo checks: the document,
    whether it passed the schema, and the typed model when it can be built."""
    doc = Document(file)
    text = decode(raw, doc) if len(raw) <= MAX_BYTES else None
    if text is None:
        return doc, False, None
    load_text(text, doc)
    if not isinstance(doc.data, dict):
        return doc, False, None
    doc.findings += check_schema(doc)
    if any(f.is_error for f in doc.findings):
        return doc, False, None
    if any(f.code == "recognition.bad_date" for f in check_recognitions(doc, today)):
        return doc, True, None
    current, _ = check_origin(doc)
    return doc, True, build_product(doc.data, file, Path(file).parent, current)


def snapshots(tree: Tree, folders: Sequence[str], today: date) -> dict[str, Snapshot]:
    """The product folders among ``folders`` (those holding product.yaml) on one side."""
    listing = tree.files(folders)
    products = [folder for folder in folders if PRODUCT_FILE in listing.get(folder, {})]
    texts = tree.read([f"{folder}/{PRODUCT_FILE}" for folder in products])
    out: dict[str, Snapshot] = {}
    for folder in products:
        file = f"{folder}/{PRODUCT_FILE}"
        doc, valid, product = load_model(texts[file] or b"", file, today)
        data = doc.data if isinstance(doc.data, dict) else None
        out[folder] = Snapshot(folder, data, valid, product, listing[folder], doc.text or None)
    return out


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed", "moved" or "changed"
    old: Snapshot | None
    new: Snapshot | None

    @property
    def current(self) -> Snapshot:
        snapshot = self.new or self.old
        assert snapshot is not None
        return snapshot


def pair(old: dict[str, Snapshot], new: dict[str, Snapshot]) -> list[Change]:
    """Changes by folder; a product that left one folder for another with its id is a move."""
    changes = [Change("changed", old[f], new[f]) for f in sorted(old.keys() & new.keys())]
    removed = [old[f] for f in sorted(old.keys() - new.keys())]
    for folder in sorted(new.keys() - old.keys()):
        match = next((s for s in removed if s.id == new[folder].id), None)
        if match is None:
            changes.append(Change("added", None, new[folder]))
        else:
            removed.remove(match)
            changes.append(Change("moved", match, new[folder]))
    changes += [Change("removed", snapshot, None) for snapshot in removed]
    return sorted(changes, key=lambda change: change.current.folder)


# --------------------------------------------------------------------------- field changes


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _items(data: Any, key: str) -> list[dict[str, Any]]:
    value = _get(data, key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _shown(value: Any, lang: str) -> str:
    if value is None or value == "":
        return say("empty", lang)
    if isinstance(value, dict) and "vi" in value:
        value = value["vi"]
    return md(value)


def _arrow(label: str, old: Any, new: Any, lang: str) -> list[str]:
    if old == new:
        return []
    return [say("arrow", lang, label=say(f"label.{label}", lang), old=_shown(old, lang),
                new=_shown(new, lang))]


def _touched(what: str, old: Any, new: Any, lang: str) -> list[str]:
    """"Sửa/Thêm/Xoá {what}" for a value too long to show."""
    if old == new:
        return []
    verb = "add" if old in (None, "", [], {}) else "drop" if new in (None, "", [], {}) else "edit"
    return [say(verb, lang, what=what)]


def _match(old: list[T], new: list[T], keys: Sequence[Callable[[T], Hashable]]
           ) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair items of two lists by each key in turn: (pairs, added, removed)."""
    pairs: list[tuple[T, T]] = []
    rest_old, rest_new = list(old), list(new)
    for key in keys:
        for item in list(rest_new):
            wanted = key(item)
            match = next((o for o in rest_old if wanted is not None and key(o) == wanted), None)
            if match is not None:
                pairs.append((match, item))
                rest_old.remove(match)
                rest_new.remove(item)
    return pairs, rest_new, rest_old


def _label(key: str, value: Any, lang: str) -> str | None:
    return None if value is None else t(f"{key}.{value}", lang)


def _names(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    out = _arrow("name", _get(old, "name", "vi"), _get(new, "name", "vi"), lang)
    out += _touched(say("what.name_en", lang), _get(old, "name", "en"), _get(new, "name", "en"),
                    lang)
    old_aliases, new_aliases = old.get("aliases") or [], new.get("aliases") or []
    out += [say("add", lang, what=say("what.alias", lang, value=md(a)))
            for a in new_aliases if a not in old_aliases]
    out += [say("drop", lang, what=say("what.alias", lang, value=md(a)))
            for a in old_aliases if a not in new_aliases]
    return out


def _classification(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    out = _arrow("product_type", old.get("product_type"), new.get("product_type"), lang)
    out += _arrow("group", old.get("group"), new.get("group"), lang)
    out += _arrow("subgroup", old.get("subgroup"), new.get("subgroup"), lang)
    out += _touched(say("what.group_recorded", lang), old.get("group_recorded"),
                    new.get("group_recorded"), lang)
    out += _arrow("processing", _label("processing", old.get("processing"), lang),
                  _label("processing", new.get("processing"), lang), lang)
    return out


def _subject(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    a, b = old.get("subject") or {}, new.get("subject") or {}
    out = _arrow("subject", a.get("name"), b.get("name"), lang)
    out += _arrow("legal_form", _label("legal_form", a.get("legal_form"), lang),
                  _label("legal_form", b.get("legal_form"), lang), lang)
    out += _arrow("tax_code", a.get("tax_code"), b.get("tax_code"), lang)
    out += _touched(say("what.address", lang), a.get("address"), b.get("address"), lang)
    out += _touched(say("what.contact", lang), a.get("contact"), b.get("contact"), lang)
    out += _touched(say("what.subject_aliases", lang), a.get("aliases"), b.get("aliases"), lang)
    return out


def recognition_label(rec: Recognition, lang: str = "vi", *, plain: bool = False) -> str:
    """"QĐ 3610/QĐ-UBND ngày 29/12/2022, 4 sao" (Markdown-safe unless ``plain``)."""
    number = (" ".join(rec.decision.split()) if plain else md(rec.decision)) if rec.decision else ""
    decision = say("rec.decision", lang, decision=number) if number else ""
    kind = "day" if rec.signed.exact else "month" if rec.signed.month else "year"
    return say(f"rec.{kind}", lang, decision=decision, date=rec.signed.display(), stars=rec.stars)


def _recognitions(data: dict[str, Any]) -> list[tuple[Recognition, dict[str, Any]]]:
    out = []
    for index, item in enumerate(_items(data, "recognitions")):
        if PartialDate.parse(str(item.get("signed"))) is not None:
            out.append((parse_recognition(index, item), item))
    return out


def _latest(recs: list[tuple[Recognition, dict[str, Any]]]) -> Recognition | None:
    return max((r for r, _ in recs), key=lambda r: (r.signed.latest(), r.index), default=None)


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _rec_edit(a: tuple[Recognition, dict[str, Any]], b: tuple[Recognition, dict[str, Any]],
              is_latest: bool, lang: str) -> list[str]:
    (old, old_item), (new, new_item) = a, b
    label = recognition_label(new, lang)
    out = []
    if old.decision != new.decision:
        out.append(say("rec.decision_changed", lang, old=_shown(old.decision, lang),
                       new=_shown(new.decision, lang)))
    if old.signed != new.signed:
        out.append(say("rec.signed_changed", lang, label=label, old=old.signed.display(),
                       new=new.signed.display()))
    if old.stars != new.stars and not is_latest:
        out.append(say("rec.stars_changed", lang, label=label, old=old.stars, new=new.stars))
    if old.score != new.score:
        out.append(say("rec.score_changed", lang, label=label, old=_number(old.score, lang),
                       new=_number(new.score, lang)))
    keys = ["authority", "level", "rules", "note", "source", "revoked"]
    if old.recorded_status != new.recorded_status:
        out.append(say(f"rec.{new.recorded_status}", lang, label=label,
                       when=_revoked_on(new_item, lang)))
        keys.remove("revoked")
    fields = [say(f"f.{key}", lang) for key in keys if old_item.get(key) != new_item.get(key)]
    if fields:
        out.append(say("rec.fields", lang, fields=", ".join(fields), label=label))
    return out


def _revoked_on(item: dict[str, Any], lang: str) -> str:
    day = PartialDate.parse(str(_get(item, "revoked", "date") or ""))
    return say("rec.revoked_on", lang, date=day.display()) if day else ""


def _number(value: float | None, lang: str) -> str:
    if value is None:
        return say("empty", lang)
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def _rec_state(rec: Recognition, today: date, lang: str) -> list[str]:
    state = rec.state(today)
    earliest, latest = rec.valid_until
    label = recognition_label(rec, lang)
    if state is RecognitionState.EXPIRED:
        return [say("rec.expired", lang, label=label, until=_day(latest))]
    if state is RecognitionState.UNCERTAIN:
        return [say("rec.uncertain", lang, label=label, earliest=_day(earliest),
                    latest=_day(latest))]
    return []


def _recognition_lines(old: dict[str, Any], new: dict[str, Any], today: date,
                       lang: str) -> list[str]:
    before, after = _recognitions(old), _recognitions(new)
    old_latest, new_latest = _latest(before), _latest(after)
    out: list[str] = []
    if old_latest and new_latest and old_latest.stars != new_latest.stars:
        out += _arrow("stars", old_latest.stars, new_latest.stars, lang)
    pairs, added, removed = _match(before, after, [lambda r: r[0].decision,
                                                  lambda r: r[0].signed])
    newest = max((r.signed.latest() for r, _ in before), default=None)
    for rec, _ in added:
        again = newest is not None and rec.signed.earliest() > newest
        out.append(say("rec.again" if again else "rec.added", lang,
                       label=recognition_label(rec, lang)))
    out += [say("rec.removed", lang, label=recognition_label(rec, lang)) for rec, _ in removed]
    for a, b in pairs:
        out += _rec_edit(a, b, b[0] is new_latest, lang)
    return out + (_rec_state(new_latest, today, lang) if new_latest else [])


def _standard_label(item: dict[str, Any], lang: str) -> str:
    name = _get(item, "name", "vi") or _get(item, "name")
    if isinstance(name, str) and name:
        return md(name)
    return t(f"standard.{item.get('scheme', 'other')}", lang)


def _date_shown(value: Any, lang: str) -> str:
    parsed = PartialDate.parse(str(value)) if value else None
    return parsed.display() if parsed else _shown(value, lang)


def _standard_pair(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    label = _standard_label(new, lang)
    out = []
    until_old, until_new = old.get("valid_until"), new.get("valid_until")
    if until_old != until_new:
        later = bool(until_old and until_new and str(until_new) > str(until_old))
        out.append(say("std.renewed" if later else "std.until_changed", lang, label=label,
                       old=_date_shown(until_old, lang), new=_date_shown(until_new, lang)))
    keys = ("scheme", "name", "certificate", "issuer", "valid_from", "source")
    fields = [say(f"f.{key}", lang) for key in keys if old.get(key) != new.get(key)]
    if fields:
        out.append(say("std.fields", lang, fields=", ".join(fields), label=label))
    return out


def _standards(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    pairs, added, removed = _match(
        _items(old, "standards"), _items(new, "standards"),
        [lambda s: (s.get("scheme"), s.get("certificate"), str(s.get("name"))),
         lambda s: (s.get("scheme"), s.get("certificate")), lambda s: s.get("scheme")])
    out = []
    for item in added:
        until = item.get("valid_until")
        suffix = say("std.until", lang, date=_date_shown(until, lang)) if until else ""
        out.append(say("std.added", lang, label=_standard_label(item, lang)) + suffix)
    out += [say("std.removed", lang, label=_standard_label(item, lang)) for item in removed]
    for a, b in pairs:
        out += _standard_pair(a, b, lang)
    return out


def _is_image(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in IMAGE_LIKE


def _file_changes(old: dict[str, str], new: dict[str, str], lang: str
                  ) -> tuple[list[str], dict[str, str], set[str]]:
    """Lines for files added, removed, replaced (same name, other content) or renamed (same
    content, other name); also old→new names and the names whose content is new."""
    old = {n: h for n, h in old.items() if n != PRODUCT_FILE}
    new = {n: h for n, h in new.items() if n != PRODUCT_FILE}
    gone = sorted(old.keys() - new.keys())
    renamed: dict[str, str] = {}
    for name in sorted(new.keys() - old.keys()):
        source = next((g for g in gone if old[g] == new[name] and g not in renamed), None)
        if source is not None:
            renamed[source] = name
    out, fresh = [], set()
    for name in sorted(new):
        kind = "photo" if _is_image(name) else "file"
        if name in old and old[name] != new[name]:
            out.append(say(f"{kind}.replaced", lang, name=md(name)))
            fresh.add(name)
        elif name not in old and name not in renamed.values():
            out.append(say(f"{kind}.added", lang, name=md(name)))
            fresh.add(name)
    for source, target in sorted(renamed.items()):
        kind = "photo" if _is_image(target) else "file"
        out.append(say(f"{kind}.renamed", lang, old=md(source), new=md(target)))
    for name in gone:
        if name not in renamed:
            kind = "photo" if _is_image(name) else "file"
            out.append(say(f"{kind}.removed", lang, name=md(name)))
    return out, renamed, fresh


def _photo_entries(old: dict[str, Any], new: dict[str, Any], renamed: dict[str, str],
                   lang: str) -> list[str]:
    before = {renamed.get(str(p.get("file")), str(p.get("file"))): p for p in _items(old, "photos")}
    after = {str(p.get("file")): p for p in _items(new, "photos")}
    out = []
    for name, entry in after.items():
        previous = before.get(name)
        if previous is None:
            continue
        out += _arrow_role(name, previous.get("role"), entry.get("role"), lang)
        for code in ("vi", "en"):
            if _get(previous, "alt", code) != _get(entry, "alt", code):
                out.append(say("photo.alt", lang, name=md(name),
                               language=say(f"lang.{code}", lang)))
        if previous.get("date") != entry.get("date"):
            out.append(say("photo.date", lang, name=md(name)))
    common = [name for name in after if name in before]
    if common != [name for name in before if name in after]:
        out.append(say("photo.order", lang))
    return out


def _arrow_role(name: str, old: Any, new: Any, lang: str) -> list[str]:
    if old == new:
        return []
    shown = [say(f"role.{v}", lang) if f"role.{v}" in _TEXT else _shown(v, lang) for v in (old, new)]
    return [say("photo.role", lang, name=md(name), old=shown[0], new=shown[1])]


def _content(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    out = []
    for part in ("description", "ingredients", "usage", "storage"):
        for code in ("vi", "en"):
            what = say("what.content", lang, part=say(f"part.{part}", lang),
                       language=say(f"lang.{code}", lang))
            out += _touched(what, _get(old, "content", part, code), _get(new, "content", part, code),
                            lang)
    return out


def _price(data: dict[str, Any]) -> str | None:
    price = data.get("price")
    if not isinstance(price, dict) or not isinstance(price.get("min"), int):
        return None
    text = vnd(price["min"])
    if isinstance(price.get("max"), int) and price["max"] != price["min"]:
        text += " – " + vnd(price["max"])
    return f"{text} / {price.get('unit', '')}"


def _packaging_and_price(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    a, b = old.get("packaging") or {}, new.get("packaging") or {}
    out = _touched(say("what.packaging", lang), a.get("description"), b.get("description"), lang)
    for key in ("net_contents", "shelf_life", "gtin"):
        out += _arrow(key, a.get(key), b.get(key), lang)
    out += _touched(say("what.traceability", lang), a.get("traceability_url"),
                    b.get("traceability_url"), lang)
    old_price, new_price = _price(old), _price(new)
    if old_price != new_price:
        out.append(say("arrow", lang, label=say("label.price", lang),
                       old=md(old_price) if old_price else say("empty", lang),
                       new=md(new_price) if new_price else say("empty", lang)))
    elif old.get("price") != new.get("price"):
        out.append(say("edit", lang, what=say("what.price", lang)))
    return out


def _place(recorded: Any) -> str | None:
    names = [_get(recorded, key, "name") for key in ("commune", "district", "province")]
    shown = [str(name) for name in names if name]
    return ", ".join(shown) or None


def _origin(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    a, b = old.get("origin") or {}, new.get("origin") or {}
    ra, rb = a.get("recorded") or {}, b.get("recorded") or {}
    out = _arrow("origin", _place(ra), _place(rb), lang)
    units = ("province", "district", "commune", "scheme")
    if not out and any(ra.get(k) != rb.get(k) for k in units):
        out.append(say("edit", lang, what=say("what.origin_codes", lang)))
    out += _arrow("village", ra.get("village"), rb.get("village"), lang)
    out += _arrow("craft_village", a.get("craft_village"), b.get("craft_village"), lang)
    out += _arrow("current_commune", a.get("current_commune"), b.get("current_commune"), lang)
    out += _touched(say("what.coordinates", lang), a.get("coordinates"), b.get("coordinates"), lang)
    return out


def _channel_name(item: dict[str, Any]) -> str:
    name = item.get("name")
    text = _get(item, "name", "vi") if isinstance(name, dict) else name
    return md(text or item.get("url") or item.get("kind") or "?")


def _lists(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    out = []
    pairs, added, removed = _match(_items(old, "sales_channels"), _items(new, "sales_channels"),
                                   [_channel_name])
    out += [say("add", lang, what=say("what.channel", lang, value=_channel_name(c))) for c in added]
    out += [say("drop", lang, what=say("what.channel", lang, value=_channel_name(c)))
            for c in removed]
    out += [say("edit", lang, what=say("what.channel", lang, value=_channel_name(b)))
            for a, b in pairs if a != b]
    pairs, added, removed = _match(_items(old, "sources"), _items(new, "sources"),
                                   [lambda s: str(s.get("url"))])
    out += [say("add", lang, what=say("what.source", lang, value=md_url(s.get("url"))))
            for s in added]
    out += [say("drop", lang, what=say("what.source", lang, value=md_url(s.get("url"))))
            for s in removed]
    out += [say("edit", lang, what=say("what.source", lang, value=md_url(b.get("url"))))
            for a, b in pairs if a != b]
    return out


def _identity(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    return _arrow("id", old.get("id"), new.get("id"), lang) + _names(old, new, lang)


Describe = Callable[[dict[str, Any], dict[str, Any], str], list[str]]
#: top-level keys, in the order officers read them, and the function that words their changes
_SECTIONS: tuple[tuple[tuple[str, ...], Describe], ...] = (
    (("id", "name", "aliases"), _identity),
    (("product_type", "group", "subgroup", "group_recorded", "processing"), _classification),
    (("subject",), _subject),
    (("standards",), _standards),
    (("content",), _content),
    (("packaging", "price"), _packaging_and_price),
    (("origin",), _origin),
    (("sales_channels", "sources"), _lists),
)


def field_changes(old: Snapshot, new: Snapshot, today: date, lang: str) -> list[str]:
    """Everything that differs between two versions of a product, in plain words; a changed
    key no rule words is still named, so nothing changes silently."""
    a, b = old.data or {}, new.data or {}
    lines: list[str] = []
    for _keys, describe in _SECTIONS[:3]:
        lines += describe(a, b, lang)
    lines += _recognition_lines(a, b, today, lang)
    lines += _SECTIONS[3][1](a, b, lang)
    files, renamed, _ = _file_changes(old.files, new.files, lang)
    lines += files + _photo_entries(a, b, renamed, lang)
    for _keys, describe in _SECTIONS[4:]:
        lines += describe(a, b, lang)
    worded = {key for keys, _ in _SECTIONS for key in keys} | {"recognitions", "photos"}
    lines += [say("field", lang, field=md_code(key)) for key in sorted(a.keys() | b.keys())
              if key not in worded and a.get(key) != b.get(key)]
    return lines


def describe_change(change: Change, today: date, lang: str) -> list[str]:
    """The bullet lines under a changed or moved product."""
    old, new = change.old, change.new
    assert old is not None and new is not None
    lines = []
    if change.kind == "moved":
        lines.append(say("moved_from", lang, old=md_code(old.folder + "/"),
                         new=md_code(new.folder + "/")))
    if not (old.valid and new.valid):
        files, _, _ = _file_changes(old.files, new.files, lang)
        return [*lines, say("unreadable_file", lang), *files]
    body = field_changes(old, new, today, lang)
    if body:
        return lines + body
    if change.kind == "moved":
        return lines
    same = old.files == new.files and old.text == new.text
    return [*lines, say("no_content_change" if same else "only_layout", lang)]


# --------------------------------------------------------------------------- questions


def _changed_keys(change: Change) -> set[str] | None:
    """Top-level keys this change touched; None when the whole product is new here."""
    if change.kind in ("added", "moved") or change.old is None or change.new is None:
        return None
    a, b = change.old.data or {}, change.new.data or {}
    return {key for key in a.keys() | b.keys() if a.get(key) != b.get(key)}


def _new_files(change: Change) -> set[str] | None:
    if change.old is None or change.new is None:
        return None
    return _file_changes(change.old.files, change.new.files, "vi")[2]


_ASKED_WHEN = {"portfolio.same_type_same_area": {"product_type", "origin", "subject"},
               "portfolio.similar_name": {"name", "aliases", "product_type"},
               "processing": {"processing"}}


def _finding_question(finding: Finding, lang: str) -> str:
    p = finding.params
    if finding.code == "portfolio.same_type_same_area":
        return say("q.same_type", lang, area=md(p.get("area", "")),
                   product_type=md(p.get("product_type", "")), others=md(p.get("others", ""), 400))
    if finding.code == "portfolio.similar_name":
        return say("q.similar", lang, other_name=md(p.get("other_name", "")),
                   other=md_code(p.get("other", "")))
    return say("q.gps", lang, file=md_code(p.get("file", "")))


def questions(change: Change, result: Result, today: date, lang: str) -> list[str]:
    """The directive's portfolio questions about this change of one product."""
    new = change.new
    if new is None:
        return []
    keys, fresh = _changed_keys(change), _new_files(change)
    asked: list[str] = []
    for finding in (f for f in result.findings if f.file == new.file):
        wanted = _ASKED_WHEN.get(finding.code)
        if wanted is not None and (keys is None or keys & wanted):
            asked.append(_finding_question(finding, lang))
        elif finding.code == "photo.gps" and (fresh is None or finding.params.get("file") in fresh):
            asked.append(_finding_question(finding, lang))
    processing = _get(new.data, "processing")
    if processing in ("raw", "fresh") and (keys is None or "processing" in keys):
        asked.insert(0, say("q.raw", lang, level=say(f"raw.{processing}", lang)))
    current = new.product.current_recognition(today) if new.product else None
    if current is not None and current.state(today) is RecognitionState.EXPIRING:
        until = current.valid_until[0]
        asked.append(say("q.expiring", lang, label=recognition_label(current, lang),
                         until=_day(until), days=(until - today).days))
    return asked


# --------------------------------------------------------------------------- the review


@dataclass
class Review:
    """What changed and what the validator says about it."""

    base_ref: str
    ref_commit: str  # the commit ``base_ref`` names
    base_commit: str  # the commit compared against (the merge base)
    today: date
    changes: list[Change] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    result: Result = field(default_factory=Result)
    link_base: str | None = None


def _validate(changes: list[Change], others: list[str], head_root: Path, today: date) -> Result:
    paths = [head_root / c.new.file for c in changes if c.new is not None]
    paths += [head_root / p for p in others
              if p.lower().endswith((".yaml", ".yml")) and (head_root / p).is_file()]
    return validate(paths, head_root, today) if paths else Result()


def _link_base(repo: Path, head_commit: str | None) -> str | None:
    """Blob URL prefix when running in GitHub Actions, so findings link to their line."""
    server, name = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    if not server or not name:
        return None
    try:
        commit = head_commit or resolve(repo, "HEAD")
    except ReviewError:
        return None
    return f"{server.rstrip('/')}/{name}/blob/{commit}/"


def build_review(root: Path, base: str, head: str | None, today: date) -> Review:
    """Compare products/ at ``base`` with the working tree (or ``head``) and validate."""
    repo = find_repo(root)
    ref_commit = resolve(repo, base)
    head_commit = resolve(repo, head) if head else None
    base_commit = merge_base(repo, ref_commit, head_commit)
    paths = changed_paths(repo, base_commit, head_commit)
    review = Review(base, ref_commit, base_commit, today, link_base=_link_base(repo, head_commit))
    folders = sorted({posixpath.dirname(path) for path in paths} - {CATALOGUE_DIR})
    with tempfile.TemporaryDirectory(prefix="ocop-review-") as tmp:
        head_root: Path = repo
        new_tree: Tree = WorkTree(repo)
        if head_commit is not None:
            head_root, new_tree = Path(tmp), GitTree(repo, head_commit)
            unpack(repo, head_commit, head_root)
        old = snapshots(GitTree(repo, base_commit), folders, today)
        new = snapshots(new_tree, folders, today)
        review.changes = pair(old, new)
        review.others = [p for p in paths if posixpath.dirname(p) not in old.keys() | new.keys()]
        review.result = _validate(review.changes, review.others, head_root, today)
    return review


# --------------------------------------------------------------------------- Markdown


def verdict(result: Result, lang: str) -> str:
    """"2 lỗi phải sửa trước khi hợp nhất; 5 cảnh báo nên xem lại" and its siblings."""
    errors, warnings = len(result.errors), len(result.warnings)
    key = ("errors_warnings" if errors and warnings else "errors_only" if errors
           else "warnings_only" if warnings else "clean")
    return say(key, lang, e=errors, w=warnings)


def _base_label(review: Review, lang: str) -> str:
    short = md_code(review.base_commit[:7])
    if review.base_commit != review.ref_commit:
        return f"{md_code(review.base_ref)} ({say('merge_base', lang)} {short})"
    if review.base_commit.startswith(review.base_ref):
        return short
    return f"{md_code(review.base_ref)} ({short})"


def summary(review: Review, asked: int, lang: str) -> str:
    """The one honest paragraph at the top."""
    counts = [say(f"count.{k}", lang, n=n) for k in ("added", "removed", "moved", "changed")
              if (n := sum(c.kind == k for c in review.changes))]
    parts = [", ".join(counts) + say("products_word", lang)] if counts else []
    if review.others:
        parts.append(say("count.others", lang, n=len(review.others)))
    base = _base_label(review, lang)
    text = f"**{verdict(review.result, lang)}.** "
    text += say("compared", lang, base=base, counts="; ".join(parts)) if parts else say(
        "no_change", lang, base=base)
    if review.result.findings:
        text += " " + say("rule", lang)
    if asked:
        text += " " + say("n_questions", lang, n=asked)
    return text


def _overview(snapshot: Snapshot, today: date, lang: str) -> str:
    product = snapshot.product
    if product is None:
        return say("unreadable", lang)
    shown = badge(product, today, lang)
    stars = (f"{shown.label} · {shown.detail}" if shown.current
             else say("not_current", lang, n=shown.stars, detail=shown.detail))
    parts = [stars, f"{md(product.product_type)}, {md(product.area.name)}"]
    if product.subject is not None:
        parts.append(say("subject", lang, name=md(product.subject.name)))
    return " · ".join(parts)


def _heading(snapshot: Snapshot) -> str:
    return f"- **{md(snapshot.name)}** — {md_code(snapshot.folder + '/')}"


def changes_section(review: Review, lang: str) -> list[str]:
    if not review.changes and not review.others:
        return []
    lines = [say("h.changes", lang)]
    for kind in ("added", "removed", "moved", "changed"):
        group = [c for c in review.changes if c.kind == kind]
        if not group:
            continue
        lines += ["", say(f"h.{kind}", lang)]
        for change in group:
            if kind in ("added", "removed"):
                lines.append(f"{_heading(change.current)} — "
                             f"{_overview(change.current, review.today, lang)}")
            else:
                lines.append(_heading(change.current))
                lines += [f"  - {line}" for line in describe_change(change, review.today, lang)]
    if review.others:
        lines += ["", say("h.others", lang), *[f"- {md_code(p)}" for p in review.others]]
    return [*lines, ""]


def _location(finding: Finding, link_base: str | None) -> str:
    if not finding.line:
        return ""
    text = md(f"{PurePosixPath(finding.file).name}:{finding.line}:{finding.column}")
    return f"[{text}]({link_base or ''}{quote(finding.file)}#L{finding.line}) "


def finding_line(finding: Finding, link_base: str | None, lang: str) -> str:
    where = _location(finding, link_base)
    path = f"{md_code(finding.path)}: " if finding.path else ""
    return f"- {say(str(finding.severity), lang)} {where}{path}{md_message(finding.message(lang))}"


def _collapsible(items: list[Finding], threshold: int, key: str, link_base: str | None,
                 lang: str) -> list[str]:
    bullets = [finding_line(f, link_base, lang) for f in items]
    if len(items) <= threshold:
        return bullets
    return [f"<details><summary>{say(key, lang, n=len(items))}</summary>", "", *bullets, "",
            "</details>"]


def findings_section(review: Review, lang: str) -> list[str]:
    result = review.result
    if not result.files and not result.findings:
        return [] if not review.changes else [say("h.findings", lang), "", say("no_files", lang), ""]
    lines = [say("h.findings", lang), ""]
    if not result.findings:
        return [*lines, say("no_findings", lang), ""]
    for file in sorted({f.file for f in result.findings}):
        items = [f for f in result.findings if f.file == file]
        errors = [f for f in items if f.is_error]
        warnings = [f for f in items if not f.is_error]
        counts = say("file_counts", lang, e=len(errors), w=len(warnings))
        lines.append(f"**{md_code(file)}** — {counts}")
        lines.append("")
        first = _collapsible(errors, 10, "n_errors", review.link_base, lang)
        second = _collapsible(warnings, 3, "n_warnings", review.link_base, lang)
        lines += [*first, *([""] if first and second else []), *second, ""]
    return lines


def questions_section(review: Review, asked: dict[str, list[str]], lang: str) -> list[str]:
    if not any(asked.values()):
        return []
    lines = [say("h.questions", lang), "", say("questions_intro", lang), ""]
    for change in review.changes:
        items = asked.get(change.current.folder) or []
        if items:
            lines.append(_heading(change.current))
            lines += [f"  - {item}" for item in items]
    return [*lines, ""]


def fit(text: str, limit: int, lang: str) -> str:
    """Cut a long review at a line so it fits one GitHub comment, closing open <details>."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    budget = limit - len(say("truncated", lang, n=len(lines))) - 100
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > budget:
            break
        kept.append(line)
        size += len(line) + 1
    opened = sum(line.count("<details>") for line in kept) - sum(
        line.count("</details>") for line in kept)
    closing = ["", "</details>"] * max(opened, 0)
    note = say("truncated", lang, n=len(lines) - len(kept))
    return "\n".join([*kept, *closing, "", f"> {note}"]) + "\n"


def render(review: Review, lang: str = "vi", limit: int = COMMENT_LIMIT) -> str:
    """The whole review as Markdown for one pull-request comment."""
    asked = {c.current.folder: questions(c, review.result, review.today, lang)
             for c in review.changes}
    count = sum(len(items) for items in asked.values())
    lines = [say("title", lang), "", summary(review, count, lang), ""]
    lines += changes_section(review, lang)
    lines += findings_section(review, lang)
    lines += questions_section(review, asked, lang)
    lines.append(f"<sub>{say('footer', lang, today=_day(review.today))}</sub>")
    return fit("\n".join(lines) + "\n", limit, lang)


# --------------------------------------------------------------------------- command line


def parse_today(text: str | None) -> date:
    """``--today`` or $OCOP_TODAY pin the date (reproducible reports); default: today."""
    value = text or os.environ.get("OCOP_TODAY")
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError as error:
        raise ReviewError("bad_today") from error


def add_parser(commands: Any) -> None:
    """Register ``ocop review``."""
    parser = commands.add_parser(
        "review", help="tóm tắt thay đổi của pull request / summarise a pull request's changes",
        description="So sánh danh mục ở nhánh REF với thư mục làm việc (hoặc --head), rồi viết "
        "báo cáo Markdown cho người duyệt. / Compare the catalogue at REF with the working tree "
        "(or --head) and write a Markdown review for reviewers.")
    parser.add_argument("--base", required=True, metavar="REF",
                        help="nhánh hoặc commit gốc, ví dụ origin/main / base branch or commit")
    parser.add_argument("--head", metavar="REF",
                        help="so với commit này thay vì thư mục làm việc / compare this commit "
                        "instead of the working tree")
    parser.add_argument("--output", type=Path, metavar="FILE",
                        help="ghi báo cáo vào tệp (mặc định: màn hình) / write to FILE")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi",
                        help="ngôn ngữ báo cáo / report language")
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="tính hạn hiệu lực theo ngày này / compute validity as of this date")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="thư mục trong kho git / a folder inside the repository (default: .)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """``ocop review``: 0 no errors in the changed files, 1 errors, 2 usage problems."""
    lang = args.lang
    try:
        review = build_review(args.root, args.base, args.head, parse_today(args.today))
    except ReviewError as error:
        print(f"ocop review: {error.text(lang)}", file=sys.stderr)
        return EXIT_USAGE
    text = render(review, lang)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"ocop review: {args.output}: {error.strerror}", file=sys.stderr)
            return EXIT_USAGE
        print(f"ocop review: {verdict(review.result, lang)} → {args.output}", file=sys.stderr)
    return EXIT_ERRORS if review.result.errors else EXIT_OK
