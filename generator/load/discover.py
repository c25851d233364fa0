"""Find product files under the paths an officer names, and report what is not one.

A product is ``<folder>/product.yaml``; its photos sit beside it. Anything that looks like a
product file but is not read (another ``.yaml`` name, a folder called ``product.yaml``, a link
leading outside the repository) is reported, so no product is ever silently dropped.

A linked folder (a symbolic link) leading to a folder inside the repository is followed, and
its products are read under the link's name; a product reached twice (through a link and
where it really is) is read once and the link reported; a link leading to a folder that
contains it is reported as a loop and not followed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Message, Severity, display_path, register

PRODUCT_FILE = "product.yaml"
_YAML_SUFFIXES = {".yaml", ".yml"}
_SKIP_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".cache"}

register(
    Message("file.not_found", Severity.ERROR,
            "không tìm thấy `{value}` — kiểm tra lại đường dẫn",
            "`{value}` does not exist — check the path"),
    Message("file.stray_yaml", Severity.WARNING,
            "tệp này không được đọc: tệp sản phẩm phải tên là product.yaml, nằm trong thư mục riêng "
            "mang tên id — ví dụ {example}",
            "this file is not read: a product file must be named product.yaml in its own folder "
            "named after its id — e.g. {example}"),
    Message("file.is_directory", Severity.ERROR,
            "`{value}` là một thư mục, không phải tệp — tệp sản phẩm product.yaml phải là tệp chữ",
            "`{value}` is a folder, not a file — product.yaml must be a text file"),
    Message("file.symlink_outside", Severity.ERROR,
            "`{value}` là liên kết trỏ ra ngoài kho dữ liệu — chép tệp thật vào đây thay cho liên kết",
            "`{value}` is a link pointing outside the repository — copy the real file here instead"),
    Message("file.symlink_duplicate", Severity.ERROR,
            "`{value}` là liên kết tới sản phẩm đã có ở `{target}` — mỗi sản phẩm chỉ có một thư "
            "mục: xoá liên kết này (sản phẩm vẫn được đọc ở `{target}`)",
            "`{value}` is a link to a product that is already at `{target}` — a product has one "
            "folder only: delete the link (the product is still read at `{target}`)"),
    Message("file.symlink_loop", Severity.ERROR,
            "`{value}` là liên kết trỏ về thư mục chứa chính nó (`{target}`) — không đọc được; "
            "xoá liên kết này",
            "`{value}` is a link pointing back to a folder that contains it (`{target}`) — it "
            "cannot be read; delete the link"),
    Message("file.nested_product", Severity.ERROR,
            "thư mục sản phẩm nằm trong thư mục của sản phẩm khác ({parent}) — chuyển nó ra ngoài",
            "a product folder sits inside another product's folder ({parent}) — move it out"),
)


@dataclass
class Discovery:
    """Product files to read, and findings about files that cannot be read as products."""

    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: whether a link was read as a product file or followed as a folder
    through_links: bool = False


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _classify(path: Path, root: Path, found: Discovery) -> None:
    linked = path.is_symlink()
    if linked and not _inside(path, root):
        shown = display_path(path, root)
        found.findings.append(Finding(shown, "file.symlink_outside", "", 1, 1, {"value": shown}))
    elif path.name == PRODUCT_FILE and path.is_dir():
        shown = display_path(path, root)
        found.findings.append(Finding(shown, "file.is_directory", "", 0, 0, {"value": shown}))
    elif path.name == PRODUCT_FILE:
        found.files.append(path)
        found.through_links |= linked
    elif path.suffix.lower() in _YAML_SUFFIXES and path.is_file():
        example = f"products/<địa-phương>/{path.stem}/{PRODUCT_FILE}"
        found.findings.append(Finding(display_path(path, root), "file.stray_yaml", "", 1, 1,
                                      {"example": example}))


def _worth_a_look(entry: os.DirEntry[str]) -> bool:
    """Whether :func:`_classify` could say anything of this entry (a photo that is no link
    is passed over without building its path: a catalogue has one or more a product)."""
    name = entry.name
    return (name == PRODUCT_FILE or entry.is_symlink()
            or os.path.splitext(name)[1].lower() in _YAML_SUFFIXES)


def _listing(folder: str) -> tuple[list[os.DirEntry[str]], list[os.DirEntry[str]]]:
    """A folder's entries as :func:`os.walk` splits them (folders, linked ones included,
    and the rest), each sorted by name; an unreadable folder is empty, as os.walk has it."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return [], []
    dirs: list[os.DirEntry[str]] = []
    files: list[os.DirEntry[str]] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        (dirs if is_dir else files).append(entry)
    return dirs, files


def _walk(folder: str, root: Path, found: Discovery, followed: frozenset[Path]) -> None:
    """Product files and unreadable look-alikes under ``folder``, top-down, as os.walk
    without following links would see them, each entry's type read once (os.scandir); a
    path is made only of what is kept."""
    dirs, files = _listing(folder)
    dirs = [d for d in dirs if d.name not in _SKIP_DIRS and not d.name.startswith(".")]
    for entry in [*files, *[d for d in dirs if d.name == PRODUCT_FILE]]:
        if entry.name == PRODUCT_FILE and entry.is_file(follow_symlinks=False):
            found.files.append(Path(entry.path))  # what _classify says of it, sooner
        elif _worth_a_look(entry):
            _classify(Path(entry.path), root, found)
    for entry in dirs:
        if entry.name == PRODUCT_FILE:
            continue
        if entry.is_symlink():
            _linked_folder(Path(entry.path), root, found, followed)
        else:
            _walk(entry.path, root, found, followed)


def _linked_folder(link: Path, root: Path, found: Discovery, followed: frozenset[Path]) -> None:
    """Follow a linked folder inside the repository; report one leading outside or in a loop."""
    shown = display_path(link, root)
    target = link.resolve()
    params = {"value": shown, "target": display_path(target, root)}
    if not _inside(link, root):
        found.findings.append(Finding(shown, "file.symlink_outside", "", 1, 1, {"value": shown}))
    elif link.absolute().is_relative_to(target):
        found.findings.append(Finding(shown, "file.symlink_loop", "", 1, 1, params))
    elif any(target.is_relative_to(folder) for folder in followed):
        if next(target.rglob(PRODUCT_FILE), None) is not None:  # read where it really is
            found.findings.append(Finding(shown, "file.symlink_duplicate", "", 1, 1, params))
    else:
        found.through_links = True
        _walk(str(link), root, found, followed | {target})


def _above(folder: str, shortest: int) -> Iterator[str]:
    """The folders above ``folder`` (an absolute path), nearest first, down to ``shortest``
    characters (no product folder is shorter)."""
    while (parent := os.path.dirname(folder)) != folder and len(parent) >= shortest:
        yield parent
        folder = parent


def _nested(found: Discovery, root: Path) -> None:
    folders = {os.path.dirname(p) for p in map(str, found.files)}
    shortest = min(map(len, folders), default=0)
    for path in list(found.files):
        parent = next((Path(a) for a in _above(os.path.dirname(str(path)), shortest)
                       if a in folders), None)
        if parent is not None:
            shown = display_path(path, root)
            found.findings.append(Finding(shown, "file.nested_product", "", 1, 1,
                                          {"parent": display_path(parent, root)}))
            found.files.remove(path)


def discover(paths: list[Path], root: Path) -> Discovery:
    """Product files under ``paths`` (files or folders), sorted, each once."""
    found = Discovery()
    walked = frozenset(p.resolve() for p in paths if p.is_dir() and not p.is_symlink())
    for path in (p.absolute() for p in paths):
        if not path.exists() and not path.is_symlink():
            shown = display_path(path, root)
            found.findings.append(Finding(shown, "file.not_found", "", 0, 0, {"value": shown}))
        elif path.is_dir() and not path.is_symlink():
            _walk(str(path), root, found, walked)
        elif path.is_dir():
            _linked_folder(path, root, found, walked)
        else:
            _classify(path, root, found)
    found.files = sorted(set(found.files), key=lambda p: p.parts)  # Path order, sooner
    _nested(found, root)
    if len(paths) > 1 or found.through_links:  # else no two of the paths are one file
        _reached_twice(found, root)
    return found


def _reached_twice(found: Discovery, root: Path) -> None:
    """A product file reached through a link and where it really is: read it once, where it is
    (or, when only links lead to it, through the first of them), and report the others."""
    by_target: dict[str, list[Path]] = {}
    known: dict[str, str] = {}
    for path in found.files:
        by_target.setdefault(_realpath(str(path), known), []).append(path)
    for real, paths in by_target.items():
        if len(paths) < 2:
            continue
        target = Path(real)
        kept = target if target in paths else paths[0]
        for path in paths:
            if path != kept:
                link = next((p for p in (path, *path.parents) if p.is_symlink()), path)
                shown = display_path(link, root)
                found.findings.append(Finding(
                    display_path(path, root), "file.symlink_duplicate", "", 1, 1,
                    {"value": shown, "target": display_path(kept.parent, root)}))
                found.files.remove(path)


def _realpath(path: str, known: dict[str, str]) -> str:
    """``os.path.realpath(path)`` (what :meth:`Path.resolve` does), the folders above it
    resolved once for all their files: a name that is no link adds itself to its folder's
    real place."""
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path) or "/.." in folder or folder == path:
        return os.path.realpath(path)
    if folder not in known:
        known[folder] = _realpath(folder, known)
    return os.path.join(known[folder], name)
