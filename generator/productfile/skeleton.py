"""What a product file still needs: placeholders, ids and folders, and what is left to fill.

What is still unknown is never invented: :func:`with_placeholders` gives a required field a
value the validator rejects (``processing: CHƯA ĐIỀN``) or leaves it out, always under a
``# TODO`` comment that says what to write, :func:`render` writes the file with them, and
:func:`still_to_fill` lists what is left. The id of a new product is its slugified name
(:func:`product_id`), unique in the whole catalogue (:func:`taken_ids`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..load.document import PathT
from ..resources import subschema
from ..textfold import fold, slugify
from .writer import HEADER, Placeholder, dump, parse_path

#: the value of a required field nobody has filled in yet; the validator rejects it
TO_FILL = "CHƯA ĐIỀN"
TODO = "TODO"
ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

_GROUPS = ", ".join(subschema(("group",)).get("enum", []))
_TODO_TEXT = {
    "product_type": ("TODO: loại sản phẩm, chữ thường, không kèm thương hiệu hay địa danh, ví dụ "
                     "«nước mắm», «tinh dầu quế» / product type, lowercase, no brand or place",),
    "group": (f"TODO: chọn một nhóm / choose one group: {_GROUPS}",),
    "processing": ("TODO: mức độ chế biến / processing level: fresh (tươi sống), raw (thô), "
                   "primary-processed (sơ chế), processed (chế biến), deep-processed (chế biến "
                   "sâu), not-applicable (thủ công mỹ nghệ, du lịch, sinh vật cảnh)",),
    "content": ("TODO: giới thiệu sản phẩm cho người mua, chỉ viết điều nguồn nói / describe the "
                "product for buyers, only what the sources say",),
    "recognitions": ("TODO: thêm lần công nhận theo quyết định — bỏ dấu # ở các dòng dưới rồi sửa "
                     "/ add the recognition from the decision — uncomment the lines below and edit",),
    "sources": ("TODO: ghi nguồn (quyết định, bài báo) của các thông tin trên — bỏ dấu # ở các "
                "dòng dưới, dán địa chỉ và tiêu đề / add the sources — uncomment the lines below, "
                "paste the address and title",),
    "photos": ("TODO (không bắt buộc): đặt ảnh JPEG, PNG hoặc WebP (cạnh dài từ 800 điểm ảnh) vào "
               "thư mục này, bỏ dấu # ở các dòng dưới, sửa tên tệp và mô tả / optional: put photos "
               "in this folder, uncomment the lines below, edit file name and description",),
    "origin": ("TODO: nơi sản xuất như ghi trong quyết định (đơn vị trước 1/7/2025) — bỏ dấu # ở "
               "các dòng dưới rồi sửa / place of production as in the decision — uncomment and edit",),
    "province": ("TODO: tỉnh như trong quyết định, ví dụ / the province as in the decision, e.g. "
                 '`province: {name: Tỉnh Quảng Nam, code: "49"}`',),
}
_SOURCE_EXAMPLE = [{"url": "https://<địa-chỉ-văn-bản-hoặc-bài-báo>",
                    "title": "<tiêu đề văn bản hoặc bài báo>"}]
_ORIGIN_EXAMPLE = {"recorded": {
    "scheme": "pre-2025-07", "province": {"name": "<Tỉnh …>", "code": "<mã 2 số>"},
    "district": {"name": "<Huyện …>", "code": "<mã 3 số>"},
    "commune": {"name": "<Xã …>", "code": "<mã 5 số>"}}}
_RECOGNITION_EXAMPLE = [{"decision": "<số quyết định>", "signed": "<năm-tháng-ngày ký>",
                         "stars": "<3, 4 hoặc 5>"}]


def _missing(data: Mapping[str, Any], key: str) -> bool:
    return key not in data or data[key] in (None, "", TO_FILL)


def with_placeholders(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]],
                                                       dict[str, Placeholder]]:
    """Fill what a product file still needs: (data, comments, placeholders) for :func:`dump`.

    Required fields get a value the validator rejects with a useful message, under a
    ``# TODO``; ``sources``, ``recognitions`` and ``photos`` are left out with a commented
    example (an example left as it is still fails validation: the address is not a URL).
    """
    out = copy.deepcopy(dict(data))
    comments: dict[str, list[str]] = {}
    for key in ("product_type", "group", "processing"):
        if _missing(out, key):
            out[key] = TO_FILL
            comments[key] = list(_TODO_TEXT[key])
    description = out.get("content", {}).get("description", {})
    if not isinstance(description, dict) or not description.get("vi"):
        out.setdefault("content", {})["description"] = {**(description or {}), "vi": ""}
        comments["content"] = list(_TODO_TEXT["content"])
    return out, comments, _examples(out)


def _examples(out: dict[str, Any]) -> dict[str, Placeholder]:
    """Placeholders with a commented example for the sections still empty (taken out of
    ``out``), and a TODO for a recorded origin without its province."""
    name = out.get("name", {}).get("vi", "") if isinstance(out.get("name"), dict) else ""
    photo = {"file": "mat-truoc.jpg", "role": "front",
             "alt": {"vi": f"Mặt trước bao bì {name}".strip()}}
    holders: dict[str, Placeholder] = {}
    for key, example in (("recognitions", _RECOGNITION_EXAMPLE), ("origin", _ORIGIN_EXAMPLE),
                         ("sources", _SOURCE_EXAMPLE), ("photos", [photo])):
        if not out.get(key):
            out.pop(key, None)
            holders[key] = Placeholder(_TODO_TEXT[key], example)
    recorded = out.get("origin", {}).get("recorded")
    if isinstance(recorded, dict) and "province" not in recorded:
        holders["origin.recorded.province"] = Placeholder(_TODO_TEXT["province"])
    return holders


def still_to_fill(data: Mapping[str, Any]) -> list[str]:
    """The required fields of ``data`` that are missing or still a placeholder."""
    need = [key for key in ("product_type", "group", "processing") if _missing(data, key)]
    recognitions = data.get("recognitions") or []
    if not recognitions:
        need.append("recognitions")
    for i, item in enumerate(recognitions):
        for key in ("signed", "stars"):
            if not isinstance(item, dict) or not _valid(("recognitions", i, key), item.get(key)):
                need.append(f"recognitions[{i}].{key}")
    recorded = (data.get("origin") or {}).get("recorded")
    if not isinstance(recorded, dict):
        need.append("origin")
    elif "province" not in recorded:
        need.append("origin.recorded.province")
    description = (data.get("content") or {}).get("description")
    if not isinstance(description, dict) or not description.get("vi"):
        need.append("content.description")
    if not data.get("sources"):
        need.append("sources")
    return need


def _valid(path: PathT, value: Any) -> bool:
    if path[-1] == "stars":
        return isinstance(value, int) and not isinstance(value, bool) and 3 <= value <= 5
    pattern = subschema(path).get("pattern")
    return isinstance(value, str) and bool(pattern and re.fullmatch(pattern.strip("^$"), value))


def _present(data: Any, path: PathT) -> bool:
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return False
    return True


def render(data: Mapping[str, Any], *, preamble: Sequence[str] = (),
           comments: Mapping[str, Sequence[str]] | None = None) -> str:
    """:func:`dump` after :func:`with_placeholders`, with extra comments from the caller (a
    comment about a field that is not there is written where the field would go)."""
    filled, todo, holders = with_placeholders(data)
    for path, lines in (comments or {}).items():
        if _present(filled, parse_path(path)):
            todo[path] = [*todo.get(path, []), *lines]
        elif path not in holders and _present(filled, parse_path(path)[:-1]):
            holders[path] = Placeholder(tuple(lines))
    return dump(filled, preamble=preamble, comments=todo, placeholders=holders)


_LEVEL_WORDS = ("thanh pho", "tinh", "huyen", "thi xa", "quan", "xa", "phuong", "thi tran",
                "dac khu", "tp", "tx", "tt", "h", "x", "p")


def slug(text: str) -> str:
    """ASCII id part: :func:`generator.textfold.slugify` keeping only ``a-z``, ``0-9``, ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", slugify(text)).strip("-")


def product_id(name: str, max_length: int = 80) -> str:
    """The id suggested for a product name: ``"Tiêu Tiên Phước"`` → ``"tieu-tien-phuoc"``."""
    text = slug(name)
    while len(text) > max_length and "-" in text:
        text = text.rsplit("-", 1)[0]
    return text[:max_length]


def free_id(name: str, area: str | None, taken: Mapping[str, Path]) -> str:
    """The id of ``name`` if it is free, else with the area (and a number) appended."""
    base = product_id(name) or "san-pham"
    options = [base] if len(base) >= 3 else []
    options += [f"{base}-{area}", *(f"{base}-{area}-{n}" for n in range(2, 1000))]
    return next(o for o in options if o not in taken)


def area_slug(unit_name: str) -> str:
    """Folder name of an area: ``"Huyện Tiên Phước"`` → ``"tien-phuoc"``, ``"TP. Hội An"``
    → ``"hoi-an"``."""
    key = fold(unit_name)
    for word in _LEVEL_WORDS:
        if key.startswith(word + " "):
            key = key[len(word) + 1:]
            break
    return slug(key)


def taken_ids(root: Path) -> dict[str, Path]:
    """Every product folder name under ``products/`` (ids are unique in the whole catalogue)."""
    products = root / "products"
    if not products.is_dir():
        return {}
    found = {p.parent.name: p.parent for p in sorted(products.rglob("product.yaml"))}
    for area in sorted(products.iterdir()):
        if area.is_dir():
            for folder in sorted(area.iterdir()):
                if folder.is_dir():
                    found.setdefault(folder.name, folder)
    return found


def file_notes(text: str) -> tuple[list[str], list[tuple[int, str]]]:
    """Comments of an existing file: (the notes under the header, to keep as ``preamble``;
    every other comment line as (line number, text))."""
    preamble: list[str] = []
    others: list[tuple[int, str]] = []
    at_top = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if at_top and (line in HEADER or line.startswith("# yaml-language-server:")):
            continue
        if at_top and stripped.startswith("#") and not stripped.startswith("# " + TODO):
            preamble.append(stripped[1:].removeprefix(" "))
            continue
        at_top = False
        if stripped.startswith("#"):
            others.append((number, stripped))
    return preamble, others
