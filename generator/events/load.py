"""The one way to load an event file: the same safe loader as products, the event schema.

An event file goes through exactly the steps a product file does (:mod:`generator.load`): the
size limit, UTF-8 only, YAML with the line and column of every value, plain scalars the YAML
1.2 way, NFC text, nesting and character limits. Only the schema differs: unquoted numbers are
put back as typed wherever ``schema/event.schema.json`` wants text (a booth ``12``, a phone).
The loader's findings that speak of product files (an empty file, one that is not `key:
value` lines, …) are given as their event-file counterparts, which point to an example event.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from ..findings import Message, Severity, register
from ..load.coerce import coerce_to_schema
from ..load.document import Document, PathT
from ..load.product import load_document
from ..resources import resolve as schema_resolve
from ..resources import resource_path
from ..resources import subschema as schema_subschema

#: the folder of event files, at the top of the repository
EVENTS_DIR = "events"
_SUFFIXES = (".yaml", ".yml")


@cache
def event_schema() -> dict[str, Any]:
    """The event JSON Schema, parsed once."""
    with resource_path("schema/event.schema.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` of the event schema, the referring node's keywords over it."""
    return schema_resolve(node, event_schema())


EXAMPLE = "events/ngay-hoi-san-pham-quang-nam-da-nang-2023.yaml"

register(
    Message("event.file_empty", Severity.ERROR,
            f"tệp sự kiện trống — hãy chép nội dung tệp sự kiện mẫu {EXAMPLE} (từng trường được "
            "giải thích ở docs/field-reference.md, mục tệp sự kiện) rồi điền thông tin",
            f"the event file is empty — copy the example event file {EXAMPLE} (each field is "
            "explained in docs/field-reference.md, event files) and fill it in"),
    Message("event.not_mapping", Severity.ERROR,
            "tệp sự kiện phải là các dòng `tên: giá trị`, không phải {kind} — bắt đầu mỗi trường "
            f"ở đầu dòng, như tệp mẫu {EXAMPLE}",
            "an event file must be `key: value` lines, not {kind_en} — start each field at the "
            f"beginning of a line, as in {EXAMPLE}"),
    Message("event.too_deep", Severity.ERROR,
            "dữ liệu lồng nhau quá sâu (quá {limit} tầng) từ chỗ này — tệp sự kiện chỉ cần vài "
            "tầng; xoá các dấu ngoặc `[` (hay ngoặc nhọn) thừa, hoặc bớt thụt lề cho giống tệp mẫu",
            "the data nests too deeply (more than {limit} levels) from here — an event file needs "
            "only a few; remove the extra `[` (or curly) brackets, or indent as in the example file",
            bad="sources: [[[[{url: https://example.org}]]]]",
            fix="sources:\n  - url: https://example.org"),
    Message("event.alias", Severity.ERROR,
            "không dùng neo/bí danh YAML (`&`, `*`, `<<`) trong tệp sự kiện — hãy viết thẳng giá "
            "trị; nếu `*` hay `&` là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép",
            "YAML anchors and aliases (`&`, `*`, `<<`) are not allowed in event files — write the "
            "value out; if `*` or `&` is part of the text, put the whole value in double quotes",
            bad="  vi: *Mới* Phiên chợ OCOP", fix='  vi: "*Mới* Phiên chợ OCOP"'),
    Message("event.several_documents", Severity.ERROR,
            "tệp có nhiều tài liệu YAML (dấu `---`) — mỗi tệp chỉ mô tả một sự kiện: tách mỗi sự "
            "kiện ra một tệp `events/<id>.yaml` riêng",
            "the file holds several YAML documents (`---`) — one file describes one event: put "
            "each event in its own file `events/<id>.yaml`"),
)

#: the loader's findings that name product files, and what an event file gets instead
EVENT_CODES = {"file.empty": "event.file_empty", "file.not_mapping": "event.not_mapping",
               "yaml.too_deep": "event.too_deep", "yaml.alias": "event.alias",
               "yaml.multiple_documents": "event.several_documents"}


def subschema(path: PathT) -> dict[str, Any]:
    """The event schema's node describing the value at ``path`` (empty when unknown)."""
    return schema_subschema(tuple(path), event_schema())


def _coerce(doc: Document) -> None:
    coerce_to_schema(doc, event_schema())


def load_event(source: Path | bytes, file: str) -> Document:
    """Load one event file from disk or from its bytes; ``file`` is the name findings carry."""
    doc = load_document(source, file, _coerce)
    doc.findings = [dataclasses.replace(f, code=EVENT_CODES[f.code]) if f.code in EVENT_CODES
                    else f for f in doc.findings]
    return doc


def is_event_file(path: PurePath) -> bool:
    return path.suffix in _SUFFIXES and not path.name.startswith(".")


def event_files(folder: Path) -> list[Path]:
    """The event files of ``folder`` (``events/``), sorted; none when it does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if is_event_file(p) and not p.is_dir())


def event_id(path: Path | str) -> str:
    """The id a file's name gives its event: ``events/x.yaml`` → ``x``."""
    return Path(path).stem
