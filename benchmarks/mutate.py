"""The changes a rebuild is measured after: one product's description, one product's photo, one
template override; and a fresh clone's new files (:func:`as_cloned`). Each writes a new file
and renames it over the old one (``os.replace``), so a file hard-linked from the pristine
catalogue (:mod:`benchmarks.catalogue`) is never changed in place; each returns what it
changed.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from .catalogue import product_files

TEMPLATE = Path("site_templates") / "main.html"
BLOCKS = ("{% block site_meta %}", "{% block extrahead %}")
_DESCRIPTION = re.compile(r"^(?P<indent> +)description:\s*$")


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file and rename it over ``path`` (breaks any hard link)."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".bench-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def as_cloned(root: Path) -> list[Path]:
    """Every file in a product folder but the product file written again with the same bytes
    (a new inode and new times), as a fresh clone of the repository leaves them while CI
    restores ``.cache/``; the paths rewritten."""
    done = []
    for product in product_files(root):
        for item in sorted(product.parent.iterdir()):
            if item.name != "product.yaml" and item.is_file() and not item.is_symlink():
                replace_bytes(item, item.read_bytes())
                done.append(item)
    return done


def edit_description(text: str, mark: str) -> str:
    """``text`` (a product file) with `` mark`` appended to its Vietnamese description, which
    must be a plain one-line scalar under ``description: vi:`` (as tools/synth_catalogue.py
    writes it); ValueError otherwise."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        head = _DESCRIPTION.match(line)
        if not head or at + 1 >= len(lines):
            continue
        value = lines[at + 1]
        inner = f"{head['indent']}  vi: "
        if value.startswith(inner) and value[len(inner):][:1] not in ("'", '"', "|", ">", ""):
            lines[at + 1] = f"{value.rstrip()} {mark}"
            return "\n".join(lines)
    raise ValueError("no plain one-line description.vi to edit")


def change_product(root: Path, serial: int = 1) -> Path:
    """Append a sentence to the first product's description; the file changed."""
    path = product_files(root)[0]
    text = path.read_text(encoding="utf-8")
    edited = edit_description(text, f"Đã sửa để đo (lần {serial}).")
    before, after = yaml.safe_load(text), yaml.safe_load(edited)
    if before["content"]["description"]["vi"] == after["content"]["description"]["vi"]:
        raise ValueError(f"{path}: the edit did not change the description")
    replace_bytes(path, edited.encode("utf-8"))
    return path


def first_photo(product: Path) -> Path:
    """The file of the product's first photo."""
    data = yaml.safe_load(product.read_text(encoding="utf-8"))
    return product.parent / data["photos"][0]["file"]


def new_photo_bytes(photo: Path, serial: int) -> bytes:
    """The photo with a small square drawn on it (its colour from ``serial``), re-encoded."""
    with Image.open(photo) as image:
        picture = image.convert("RGB")
    draw = ImageDraw.Draw(picture)
    draw.rectangle([(8, 8), (72, 72)], fill=((serial * 67) % 256, (serial * 131) % 256, 40))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=80)
    return out.getvalue()


def change_photo(root: Path, serial: int = 1) -> Path:
    """New bytes for the photo of the last product (not the one :func:`change_product` edits)."""
    photo = first_photo(product_files(root)[-1])
    replace_bytes(photo, new_photo_bytes(photo, serial))
    return photo


def edit_template(text: str, serial: int) -> str:
    """``text`` (main.html) with a meta tag added at the start of its first known block."""
    for block in BLOCKS:
        if block in text:
            tag = f'\n<meta name="ocop-benchmark" content="{serial}">'
            return text.replace(block, block + tag, 1)
    raise ValueError(f"none of {BLOCKS} in the template")


def change_template(root: Path, serial: int = 1) -> Path:
    """Add a tag to the catalogue's own override of Material's main.html (every page shows it)."""
    path = root / TEMPLATE
    replace_bytes(path, edit_template(path.read_text(encoding="utf-8"), serial).encode("utf-8"))
    return path
