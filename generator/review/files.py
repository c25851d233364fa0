"""The files of a product folder between two versions: photos and documents added, removed,
replaced (same name, other content) or renamed (same content, other name), and the photos'
entries in product.yaml (role, description, date, order)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..checks.photos import IMAGE_LIKE
from ..load.discover import PRODUCT_FILE
from ..markdown import md
from ..messages import Texts
from .differ import Context, Doc, items_at, language, shown, value_at

SAY = Texts("review.files", {
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
})


@dataclass(frozen=True)
class FileDiff:
    """How the files of a folder (product.yaml aside) changed."""

    fresh: list[tuple[str, str]]  # ("replaced" or "added", name) by name: content new here
    renamed: dict[str, str]  # old name → new name, same content
    removed: list[str]

    @property
    def new_content(self) -> set[str]:
        """The names whose content is new: a photo there may carry a GPS location."""
        return {name for _, name in self.fresh}


def compare_files(old: dict[str, str], new: dict[str, str]) -> FileDiff:
    """Compare two folders' listings (name → content id)."""
    old = {n: h for n, h in old.items() if n != PRODUCT_FILE}
    new = {n: h for n, h in new.items() if n != PRODUCT_FILE}
    gone = sorted(old.keys() - new.keys())
    renamed: dict[str, str] = {}
    for name in sorted(new.keys() - old.keys()):
        source = next((g for g in gone if old[g] == new[name] and g not in renamed), None)
        if source is not None:
            renamed[source] = name
    fresh = [("replaced" if name in old else "added", name) for name in sorted(new)
             if (old[name] != new[name] if name in old else name not in renamed.values())]
    return FileDiff(fresh, renamed, [name for name in gone if name not in renamed])


def _kind(name: str) -> str:
    return "photo" if PurePosixPath(name).suffix.lower() in IMAGE_LIKE else "file"


def file_lines(diff: FileDiff, lang: str) -> list[str]:
    """"Thay ảnh a.jpg", "Đổi tên tệp a.pdf → b.pdf", …: replaced and added, renamed, removed."""
    out = [SAY(f"{_kind(name)}.{verb}", lang, name=md(name)) for verb, name in diff.fresh]
    out += [SAY(f"{_kind(target)}.renamed", lang, old=md(source), new=md(target))
            for source, target in sorted(diff.renamed.items())]
    return out + [SAY(f"{_kind(name)}.removed", lang, name=md(name)) for name in diff.removed]


def _role(value: object, lang: str) -> str:
    return SAY(f"role.{value}", lang) if f"role.{value}" in SAY else shown(value, lang)


def _entry_lines(name: str, old: Doc, new: Doc, lang: str) -> list[str]:
    """The changes to one photo's entry: role, description in each language, date."""
    out = []
    if old.get("role") != new.get("role"):
        out.append(SAY("photo.role", lang, name=md(name), old=_role(old.get("role"), lang),
                       new=_role(new.get("role"), lang)))
    out += [SAY("photo.alt", lang, name=md(name), language=language(code, lang))
            for code in ("vi", "en") if value_at(old, f"alt.{code}") != value_at(new, f"alt.{code}")]
    if old.get("date") != new.get("date"):
        out.append(SAY("photo.date", lang, name=md(name)))
    return out


@dataclass(frozen=True)
class Photos:
    """The field ``photos`` with the folder's files: a photo entry is paired with the entry of
    the same file (under its old name when the file was renamed)."""

    path: str = "photos"

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]:
        renamed = ctx.files.renamed
        before = {renamed.get(str(p.get("file")), str(p.get("file"))): p
                  for p in items_at(old, self.path)}
        after = {str(p.get("file")): p for p in items_at(new, self.path)}
        out = file_lines(ctx.files, ctx.lang)
        for name, entry in after.items():
            if name in before:
                out += _entry_lines(name, before[name], entry, ctx.lang)
        if [name for name in after if name in before] != [name for name in before if name in after]:
            out.append(SAY("photo.order", ctx.lang))
        return out
