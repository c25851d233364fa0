"""The officers' field reference, generated from the JSON Schemas (docs/field-reference.md):
the product file's fields, then the event file's (``schema/event.schema.json``).

Regenerate with ``python -m generator.commands.fieldref > docs/field-reference.md``; a test fails
when the committed page and the schema disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from ..events.load import event_schema
from ..events.load import resolve as resolve_event
from ..resources import product_schema, resolve

Resolver = Callable[[dict[str, Any]], dict[str, Any]]

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

EVENT_HEADER = """
## Tệp sự kiện xúc tiến thương mại / Trade-promotion event files

Mỗi sự kiện là một tệp `events/<id>.yaml` (`id` trùng tên tệp), dòng đầu
`# yaml-language-server: $schema=../schema/event.schema.json`. Sự kiện thật phải có `sources`;
`participants` chỉ ghi sản phẩm mà nguồn nêu tên, bằng mã sản phẩm (tên thư mục trong products/).
Mẫu: `events/ngay-hoi-san-pham-quang-nam-da-nang-2023.yaml`.

Each event is one file `events/<id>.yaml` (`id` = the file name). A real event needs `sources`;
list only participating products a source names, by product id.

| Trường / Field | Bắt buộc / Required | Kiểu / Type | Mô tả | Description | Ví dụ / Example |
|---|---|---|---|---|---|
"""


def _type(node: dict[str, Any], resolve: Resolver = resolve) -> str:
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


def _rows(node: dict[str, Any], prefix: str, resolve: Resolver = resolve) -> Iterator[str]:
    required = set(node.get("required", []))
    for name, raw in node.get("properties", {}).items():
        child = resolve(raw)
        vi, _, en = child.get("description", "").partition("\n\n")
        example = json.dumps(child.get("examples", [""])[0], ensure_ascii=False)
        field = f"{prefix}{name}"
        kind = _cell(_type(child, resolve))
        yield (f"| `{field}` | {'có / yes' if name in required else ''} | {kind} "
               f"| {_cell(vi)} | {_cell(en)} | `{_cell(example)}` |")
        if child.get("type") == "object":
            yield from _rows(child, f"{field}.", resolve)
        items = resolve(child.get("items", {}))
        if child.get("type") == "array" and items.get("type") == "object":
            yield from _rows(items, f"{field}[].", resolve)


def render() -> str:
    """The whole Markdown page."""
    products = "\n".join(_rows(resolve(product_schema()), ""))
    events = "\n".join(_rows(resolve_event(event_schema()), "", resolve_event))
    return HEADER + products + "\n" + EVENT_HEADER + events + "\n"


if __name__ == "__main__":
    print(render(), end="")
