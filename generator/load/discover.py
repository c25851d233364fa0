"""Find product files under the paths an officer names, and report what is not one.

A product is ``<folder>/product.yaml``; its photos sit beside it. Anything that looks like a
product file but is not read (another ``.yaml`` name, a folder called ``product.yaml``, a link
leading outside the repository) is reported, so no product is ever silently dropped.
"""

from __future__ import annotations

import os
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
    Message("file.nested_product", Severity.ERROR,
            "thư mục sản phẩm nằm trong thư mục của sản phẩm khác ({parent}) — chuyển nó ra ngoài",
            "a product folder sits inside another product's folder ({parent}) — move it out"),
)


@dataclass
class Discovery:
    """Product files to read, and findings about files that cannot be read as products."""

    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _classify(path: Path, root: Path, found: Discovery) -> None:
    shown = display_path(path, root)
    if path.is_symlink() and not _inside(path, root):
        found.findings.append(Finding(shown, "file.symlink_outside", "", 1, 1, {"value": shown}))
    elif path.name == PRODUCT_FILE and path.is_dir():
        found.findings.append(Finding(shown, "file.is_directory", "", 0, 0, {"value": shown}))
    elif path.name == PRODUCT_FILE:
        found.files.append(path)
    elif path.suffix.lower() in _YAML_SUFFIXES and path.is_file():
        example = f"products/<địa-phương>/{path.stem}/{PRODUCT_FILE}"
        found.findings.append(Finding(shown, "file.stray_yaml", "", 1, 1, {"example": example}))


def _walk(folder: Path, root: Path, found: Discovery) -> None:
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in [*sorted(files), *[d for d in dirs if d == PRODUCT_FILE]]:
            _classify(here / name, root, found)
        dirs[:] = [d for d in dirs if d != PRODUCT_FILE]
        for name in list(dirs):
            if (here / name).is_symlink() and not _inside(here / name, root):
                shown = display_path(here / name, root)
                found.findings.append(Finding(shown, "file.symlink_outside", "", 1, 1,
                                              {"value": shown}))
                dirs.remove(name)


def _nested(found: Discovery, root: Path) -> None:
    folders = {p.parent for p in found.files}
    for path in list(found.files):
        parent = next((a for a in path.parent.parents if a in folders), None)
        if parent is not None:
            shown = display_path(path, root)
            found.findings.append(Finding(shown, "file.nested_product", "", 1, 1,
                                          {"parent": display_path(parent, root)}))
            found.files.remove(path)


def discover(paths: list[Path], root: Path) -> Discovery:
    """Product files under ``paths`` (files or folders), sorted, each once."""
    found = Discovery()
    for path in (p.absolute() for p in paths):
        if not path.exists() and not path.is_symlink():
            shown = display_path(path, root)
            found.findings.append(Finding(shown, "file.not_found", "", 0, 0, {"value": shown}))
        elif path.is_dir() and not path.is_symlink():
            _walk(path, root, found)
        else:
            _classify(path, root, found)
    found.files = sorted(set(found.files))
    _nested(found, root)
    return found
