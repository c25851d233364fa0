"""The open-data files and the "Dữ liệu mở / Open data" page, for :class:`Planner`.

:func:`open_data_files` is the planner's one hook: it hands the published products (with
their photos' published paths) and the event records to :func:`generator.opendata.export`,
turns the files into :class:`SourceFile` s and renders the page that explains every file and
field, with sizes. The page's words are in :data:`SAY` (both languages, shown side by side).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..dates import day
from ..messages import Texts
from ..opendata.columns import PRODUCT_COLUMNS, Column
from ..opendata.export import OpenData, OpenFile, Published, export
from ..resources import resource_path
from .pages import PageSource, SourceFile, page_meta

if TYPE_CHECKING:
    from .pages import Planner

PAGE = "du-lieu-mo"

SAY = Texts("opendata", {
    "title": ("Dữ liệu mở", "Open data"),
    "intro": (
        "Toàn bộ danh mục sản phẩm OCOP trên trang này được công bố dưới dạng dữ liệu máy đọc "
        "được: ai cũng tải về được, mở bằng Excel hay chương trình của mình, và dùng lại theo "
        "giấy phép dưới đây.",
        "The whole OCOP catalogue on this site is published as machine-readable data: anyone "
        "may download it, open it in Excel or their own program, and reuse it under the "
        "licence below."),
    "as_of": ("Dữ liệu tính đến {date}: hạng sao và hiệu lực là của ngày này; dữ liệu được "
              "làm mới mỗi lần trang được dựng lại.",
              "Data as of {date}: stars and validity are those of that day; the data is "
              "refreshed each time the site is rebuilt."),
    "download.san-pham.csv": ("Tải CSV (Excel)", "Download CSV (Excel)"),
    "download.san-pham.json": ("Tải JSON", "Download JSON"),
    "licence": ("Giấy phép", "Licence"),
    "licence_proposed": (
        "Đây là giấy phép đề xuất: tỉnh chưa xác nhận giấy phép của dữ liệu này.",
        "This licence is a proposal: the province has not yet confirmed the data's licence."),
    "publisher": ("Đơn vị công bố", "Publisher"),
    "files": ("Các tệp", "Files"),
    "file": ("Tệp", "File"),
    "size": ("Dung lượng", "Size"),
    "about": ("Nội dung", "What it holds"),
    "file.san-pham.json": (
        "Mọi sản phẩm, đủ các trường (JSON, UTF-8).",
        "Every product with all its fields (JSON, UTF-8)."),
    "file.san-pham.csv": (
        "Mọi sản phẩm, mỗi sản phẩm một dòng: mở thẳng bằng Excel (UTF-8 có BOM).",
        "Every product, one row each: opens directly in Excel (UTF-8 with BOM)."),
    "file.su-kien.json": ("Các sự kiện xúc tiến thương mại (JSON).",
                          "Trade-promotion events (JSON)."),
    "file.su-kien.csv": ("Các sự kiện, mỗi sự kiện một dòng (CSV).",
                         "Events, one row each (CSV)."),
    "file.datapackage.json": (
        "Mô tả các tệp theo chuẩn Frictionless Data Package: cột, kiểu dữ liệu, giấy phép.",
        "Describes the files as a Frictionless Data Package: columns, types, licence."),
    "file.product.schema.json": (
        "Lược đồ của tệp sản phẩm product.yaml mà cán bộ soạn.",
        "Schema of the product.yaml files officers write."),
    "file.product-record.schema.json": (
        "Lược đồ của một bản ghi sản phẩm (san-pham/<mã>.json, và mỗi mục của san-pham.json).",
        "Schema of one product record (san-pham/<id>.json, and each item of san-pham.json)."),
    "file.catalogue.schema.json": ("Lược đồ của tệp san-pham.json.",
                                   "Schema of san-pham.json."),
    "records": ("Bản ghi từng sản phẩm", "One record per product"),
    "records_text": (
        "Mỗi sản phẩm có một tệp JSON ở địa chỉ cố định cạnh trang của nó: trang "
        "san-pham/<mã>/ có bản ghi san-pham/<mã>.json.",
        "Each product has a JSON file at a stable address beside its page: the page "
        "san-pham/<id>/ has the record san-pham/<id>.json."),
    "records_count": ("{count} tệp, tổng {size}.", "{count} files, {size} in all."),
    "example": ("Ví dụ", "For example"),
    "schemas": ("Lược đồ (JSON Schema)", "Schemas (JSON Schema)"),
    "columns": ("Các cột của tệp CSV", "Columns of the CSV file"),
    "fields": ("Các trường của bản ghi JSON", "Fields of the JSON record"),
    "column": ("Cột", "Column"),
    "field": ("Trường", "Field"),
    "meaning": ("Ý nghĩa", "Meaning"),
    "type": ("Kiểu", "Type"),
    "derived": ("Giá trị suy ra", "Derived values"),
    "derived_text": (
        "Một số giá trị không do cán bộ nhập mà do công cụ tính từ dữ liệu: tình trạng hiệu lực "
        "và hạn 36 tháng, cấp công nhận, xã và tỉnh hiện nay (theo bảng chuyển đổi đơn vị hành "
        "chính từ 1/7/2025). Trong JSON chúng nằm trong các khối derived; trong bảng dưới đây "
        "chúng được đánh dấu ★.",
        "Some values are not entered by officers but computed by the tool: validity and the "
        "36-month end, the recognising level, the current commune and province (through the "
        "official conversion of 1 July 2025). In the JSON they sit in derived objects; below "
        "they are marked ★."),
    "derived_mark": ("★ suy ra", "★ derived"),
    "show_table": ("Xem tất cả", "Show all"),
    "private": ("Những gì không công bố", "What is not published"),
    "private_text": (
        "Dữ liệu mở chỉ chứa những gì các trang sản phẩm đã công bố: không có ghi chú của cán "
        "bộ về nguồn, không có mã số thuế hay số định danh cá nhân, không có toạ độ, không có "
        "vị trí GPS hay siêu dữ liệu của ảnh (ảnh đăng là bản thu nhỏ đã xoá các thông tin đó).",
        "The open data holds only what the product pages publish: no officers' notes about "
        "sources, no tax codes or personal ID numbers, no coordinates, no GPS or metadata from "
        "photos (published photos are resized copies with those removed)."),
    "excel": ("Mở bằng Excel", "Opening in Excel"),
    "excel_text": (
        "Tải tệp san-pham.csv rồi mở bằng Excel: tiếng Việt hiển thị đúng. Ô trống nghĩa là "
        "không có thông tin; cột `stars` trống nghĩa là sản phẩm không còn hạng sao hiệu lực.",
        "Download san-pham.csv and open it in Excel: Vietnamese shows correctly. An empty cell "
        "means no information; an empty `stars` column means no star is valid."),
})


@dataclass(frozen=True)
class FileRow:
    path: str  # site-relative
    name: str
    size: str
    about: tuple[str, str]


def human_size(size: int) -> str:
    """``26683`` → ``26,1 kB`` (decimal comma, as Vietnamese writes it; English reads it)."""
    if size < 1000:
        return f"{size} B"
    unit, value = ("MB", size / 1_000_000) if size >= 1_000_000 else ("kB", size / 1000)
    return f"{value:.1f}".replace(".", ",") + f" {unit}"


def _row(item: OpenFile) -> FileRow:
    name = item.path.rsplit("/", 1)[-1]
    return FileRow(item.path, name, human_size(item.size), (SAY(f"file.{name}", "vi"),
                                                            SAY(f"file.{name}", "en")))


def _split(description: str) -> tuple[str, str]:
    vi, _, en = description.partition("\n\n")
    return vi, en


def schema_fields(schema: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, vi, en) of every described property of a record schema, depth first."""
    defs = schema.get("$defs", {})
    for name, node in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        yield from _field(path, node, defs)


def _field(path: str, node: Mapping[str, Any], defs: Mapping[str, Any]) -> Iterator[
        tuple[str, str, str]]:
    options = node.get("anyOf", [node])
    target = next((o for o in options if o.get("type") != "null"), node)
    if "$ref" in target:  # a shared shape (text vi/en, a unit code/name): explained once
        yield (path, *_split(node.get("description") or
                             defs[target["$ref"].rsplit("/", 1)[-1]]["description"]))
        return
    yield (path, *_split(node.get("description") or target.get("description", "")))
    if target.get("type") == "array" and isinstance(target.get("items"), Mapping):
        target, path = target["items"], path + "[]"
    if "properties" in target:
        yield from schema_fields({**target, "$defs": defs}, path + ".")


def _columns(columns: Sequence[Column]) -> list[tuple[str, str, str, str, bool]]:
    return [(c.name, c.vi, c.en, c.type, c.derived) for c in columns]


def _words() -> dict[str, tuple[str, str]]:
    return {key: (SAY.template(key, "vi"), SAY.template(key, "en")) for key in SAY}


def _page(planner: Planner, data: OpenData) -> SourceFile:
    config = planner.config
    record_schema = json.loads(resource_path("schema/product-record.schema.json")
                               .read_text(encoding="utf-8"))
    count, total, example = data.records
    main = [_row(item) for item in data.files
            if item.path.startswith("du-lieu/") and "/schema/" not in item.path]
    by_name = {row.name: row for row in main}
    downloads = [by_name[name] for name in ("san-pham.csv", "san-pham.json")]
    body = planner._render(
        "open-data.html", w=_words(), root="../", files=main, downloads=downloads,
        schemas=[_row(item) for item in data.schemas], licence=config.licence,
        publisher=config.publisher, contact=config.contact_email,
        as_of=[SAY(k, lang, date=day(planner.today))
               for k, lang in (("as_of", "vi"), ("as_of", "en"))],
        records=[SAY("records_count", lang, count=count, size=human_size(total))
                 for lang in ("vi", "en")], example=example,
        columns=_columns(PRODUCT_COLUMNS), fields=list(schema_fields(record_schema)))
    title = SAY("title", config.language)
    front = page_meta(title, f"{title} — {config.site_name}: JSON, CSV, datapackage.json",
                          {"kind": "open-data"})
    return SourceFile(f"{PAGE}.md", page=PageSource(front, body))


def open_data_files(planner: Planner, events: Sequence[Mapping[str, Any]] = (),
                    event_columns: Sequence[Column] = ()) -> list[SourceFile]:
    """The open-data files of the planned site and the page that explains them. ``events``
    are the event records (plain mappings) and ``event_columns`` their CSV columns, both from
    the events package once it lands; ``Planner.files()`` then passes them here."""
    published = [Published(v.product, tuple(g.set.variants[-1].jpeg for g in v.gallery))
                 for v in planner.views]
    bodies = planner.bodies
    data = export(published, events, config=planner.config, today=planner.today,
                  event_columns=event_columns,
                  record_text=lambda compact, make: bodies.get(("open-data", compact), make),
                  folder=planner.written)
    files = [SourceFile(f.path, f.content, f.source) for f in data.files]
    return [*files, _page(planner, data)]
