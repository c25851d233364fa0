"""The officers' field reference, generated from the JSON Schema (docs/field-reference.md).

Regenerate with ``python -m generator.commands.fieldref > docs/field-reference.md``; a test fails
when the committed page and the schema disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..resources import product_schema, resolve

HEADER = """# Các trường của tệp sản phẩm / Product file fields

> Trang này được tạo tự động từ `schema/product.schema.json` — đừng sửa tay.
> Generated from `schema/product.schema.json` — do not edit by hand.

Mỗi sản phẩm là một tệp `products/<địa-phương>/<id>/product.yaml`, ảnh đặt cùng thư mục.
Dòng đầu tiên của tệp giúp trình soạn thảo gợi ý và kiểm tra trường:
`# yaml-language-server: $schema=../../../schema/product.schema.json`.
Mẫu đầy đủ: `products/tien-phuoc/tieu-tien-phuoc/product.yaml`.

Each product is one file `products/<area>/<id>/product.yaml` with its photos beside it.
Kiểm tra / check: `ocop validate`.

| Trường / Field | Bắt buộc / Required | Kiểu / Type | Mô tả | Description | Ví dụ / Example |
|---|---|---|---|---|---|
"""


def _type(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "một trong / one of: " + ", ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type", "")
    if kind == "array":
        item = resolve(node.get("items", {}))
        return f"danh sách / list of {item.get('type', '')}".strip()
    extra = []
    if "minimum" in node or "maximum" in node:
        extra.append(f"{node.get('minimum', '…')}–{node.get('maximum', '…')}")
    if "pattern" in node:
        extra.append(f"mẫu / pattern `{node['pattern']}`")
    return " ".join([str(kind), *extra]).strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rows(node: dict[str, Any], prefix: str) -> Iterator[str]:
    required = set(node.get("required", []))
    for name, raw in node.get("properties", {}).items():
        child = resolve(raw)
        vi, _, en = child.get("description", "").partition("\n\n")
        example = json.dumps(child.get("examples", [""])[0], ensure_ascii=False)
        field = f"{prefix}{name}"
        yield (f"| `{field}` | {'có / yes' if name in required else ''} | {_cell(_type(child))} "
               f"| {_cell(vi)} | {_cell(en)} | `{_cell(example)}` |")
        if child.get("type") == "object":
            yield from _rows(child, f"{field}.")
        items = resolve(child.get("items", {}))
        if child.get("type") == "array" and items.get("type") == "object":
            yield from _rows(items, f"{field}[].")


def render() -> str:
    """The whole Markdown page."""
    return HEADER + "\n".join(_rows(resolve(product_schema()), "")) + "\n"


if __name__ == "__main__":
    print(render(), end="")
