"""What changed in one product, field by field, in plain words: the table of fields.

Each entry says which field path it reads, the words for its change and how a value is shown;
:func:`field_changes` walks the table over the two documents (:mod:`.differ`). A top-level key
no entry reads is still named when it changes, so nothing changes silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from ..markdown import md, md_code, md_url
from ..messages import Texts
from ..model.product import Price
from ..rules import PartialDate
from ..site.i18n import t
from .differ import (
    Context,
    Doc,
    Field,
    Items,
    Label,
    Members,
    Named,
    Show,
    Shown,
    Touched,
    field_names,
    language,
    shown,
    value_at,
    walk,
)
from .files import Photos, compare_files, file_lines
from .recognitions import Recognitions
from .snapshot import Change, Snapshot

SAY = Texts("review.diff", {
    "field": ("Sửa trường {field}", "Changed field {field}"),
    "moved_from": ("Chuyển thư mục: {old} → {new}", "Moved: {old} → {new}"),
    "only_layout": ("Chỉ sửa chú thích hoặc cách trình bày; nội dung không đổi",
                    "Only comments or layout changed; the content is the same"),
    "no_content_change": ("Nội dung không đổi", "The content is the same"),
    "unreadable_file": ("product.yaml có lỗi nên chưa so sánh được từng trường — xem phần kiểm tra",
                        "product.yaml has errors, so fields cannot be compared — see the findings"),
    "label.id": ("Đổi id", "Id"),
    "label.name": ("Đổi tên", "Name"),
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
    "what.improvements": ("cải tiến đã công bố (tiêu chí ưu tiên xúc tiến)",
                          "the declared improvements (a promotion criterion)"),
    "what.specialty": ("đặc sản địa phương (tiêu chí ưu tiên xúc tiến)",
                       "the local specialty (a promotion criterion)"),
    "what.source": ("nguồn: {value}", "source: {value}"),
    "what.channel": ("nơi bán: {value}", "sales channel: {value}"),
    "what.price": ("giá", "the price"),
    "what.content": ("{part} ({language})", "{part} ({language})"),
    "part.description": ("mô tả", "description"),
    "part.ingredients": ("thành phần", "ingredients"),
    "part.usage": ("cách dùng", "usage"),
    "part.storage": ("bảo quản", "storage"),
    "std.added": ("Thêm chứng nhận {label}", "Added certification {label}"),
    "std.until": (" (đến {date})", " (until {date})"),
    "std.removed": ("Bỏ chứng nhận {label}", "Removed certification {label}"),
    "std.renewed": ("Gia hạn chứng nhận {label}: {old} → {new}",
                    "Certification {label} renewed: {old} → {new}"),
    "std.until_changed": ("Sửa hạn chứng nhận {label}: {old} → {new}",
                          "Certification {label} validity: {old} → {new}"),
    "std.fields": ("Sửa {fields} của chứng nhận {label}", "Changed {fields} of certification {label}"),
})


def words(key: str) -> Label:
    """The text ``key`` of this module's table, waiting for its language."""
    return partial(SAY, key)


def _content(part: str, code: str) -> Label:
    """"mô tả (tiếng Anh)": one part of the product's text in one language."""
    def what(lang: str) -> str:
        return SAY("what.content", lang, part=SAY(f"part.{part}", lang),
                   language=language(code, lang))
    return what


def _term(group: str) -> Show:
    """A coded value shown by its name on the site: ``processing: raw`` → "thô"."""
    def show(value: Any, lang: str) -> str | None:
        return None if value is None else t(f"{group}.{value}", lang)
    return show


def _price(price: Any, lang: str) -> str | None:
    if not isinstance(price, dict) or not isinstance(price.get("min"), int):
        return None
    top = price.get("max")
    return Price(price["min"], str(price.get("unit", "")),
                 top if isinstance(top, int) else None).display()


def _place(recorded: Any, lang: str) -> str | None:
    names = [value_at(recorded, f"{unit}.name") for unit in ("commune", "district", "province")]
    return ", ".join(str(name) for name in names if name) or None


def _unit_codes(recorded: Any) -> tuple[Any, ...]:
    return tuple(value_at(recorded, key) for key in ("province", "district", "commune", "scheme"))


def _channel_name(item: Doc) -> str:
    name = item.get("name")
    text = value_at(item, "name.vi") if isinstance(name, dict) else name
    return md(text or item.get("url") or item.get("kind") or "?")


def _standard_label(item: Doc, lang: str) -> str:
    name = value_at(item, "name.vi") or item.get("name")
    if isinstance(name, str) and name:
        return md(name)
    return t(f"standard.{item.get('scheme', 'other')}", lang)


def _date_shown(value: Any, lang: str) -> str:
    parsed = PartialDate.parse(str(value)) if value else None
    return parsed.display() if parsed else shown(value, lang)


@dataclass(frozen=True)
class Certificates:
    """Words for ``standards``: a certificate added (until when), removed, renewed, edited."""

    details = ("scheme", "name", "certificate", "issuer", "valid_from", "source")

    def added(self, item: Doc, lang: str) -> list[str]:
        until = item.get("valid_until")
        suffix = SAY("std.until", lang, date=_date_shown(until, lang)) if until else ""
        return [SAY("std.added", lang, label=_standard_label(item, lang)) + suffix]

    def removed(self, item: Doc, lang: str) -> list[str]:
        return [SAY("std.removed", lang, label=_standard_label(item, lang))]

    def paired(self, old: Doc, new: Doc, lang: str) -> list[str]:
        label, out = _standard_label(new, lang), []
        until_old, until_new = old.get("valid_until"), new.get("valid_until")
        if until_old != until_new:
            later = bool(until_old and until_new and str(until_new) > str(until_old))
            out.append(SAY("std.renewed" if later else "std.until_changed", lang, label=label,
                           old=_date_shown(until_old, lang), new=_date_shown(until_new, lang)))
        fields = field_names(old, new, self.details, lang)
        return out + ([SAY("std.fields", lang, fields=fields, label=label)] if fields else [])


#: Every field the review words, in the order officers read a product.
FIELDS: tuple[Field, ...] = (
    Shown("id", words("label.id")),
    Shown("name.vi", words("label.name")),
    Touched("name.en", words("what.name_en")),
    Members("aliases", words("what.alias")),
    Shown("product_type", words("label.product_type")),
    Shown("group", words("label.group")),
    Shown("subgroup", words("label.subgroup")),
    Touched("group_recorded", words("what.group_recorded")),
    Shown("processing", words("label.processing"), show=_term("processing")),
    Shown("subject.name", words("label.subject")),
    Shown("subject.legal_form", words("label.legal_form"), show=_term("legal_form")),
    Shown("subject.tax_code", words("label.tax_code")),
    Touched("subject.address", words("what.address")),
    Touched("subject.contact", words("what.contact")),
    Touched("subject.aliases", words("what.subject_aliases")),
    Recognitions(),
    Items("standards", (lambda s: (s.get("scheme"), s.get("certificate"), str(s.get("name"))),
                        lambda s: (s.get("scheme"), s.get("certificate")),
                        lambda s: s.get("scheme")), Certificates()),
    Touched("improvements", words("what.improvements")),
    Touched("specialty", words("what.specialty")),
    Photos(),
    *(Touched(f"content.{part}.{code}", _content(part, code))
      for part in ("description", "ingredients", "usage", "storage") for code in ("vi", "en")),
    Touched("packaging.description", words("what.packaging")),
    Shown("packaging.net_contents", words("label.net_contents")),
    Shown("packaging.shelf_life", words("label.shelf_life")),
    Shown("packaging.gtin", words("label.gtin")),
    Touched("packaging.traceability_url", words("what.traceability")),
    Shown("price", words("label.price"), show=_price, otherwise=words("what.price")),
    Shown("origin.recorded", words("label.origin"), show=_place,
          otherwise=words("what.origin_codes"), compare=_unit_codes),
    Shown("origin.recorded.village", words("label.village")),
    Shown("origin.craft_village", words("label.craft_village")),
    Shown("origin.current_commune", words("label.current_commune")),
    Touched("origin.coordinates", words("what.coordinates")),
    Items("sales_channels", (_channel_name,), Named(words("what.channel"), _channel_name)),
    Items("sources", (lambda s: str(s.get("url")),),
          Named(words("what.source"), lambda s: md_url(s.get("url")))),
)
#: the top-level keys the table reads
WORDED = frozenset(field.path.split(".")[0] for field in FIELDS)


def field_changes(old: Snapshot, new: Snapshot, today: date, lang: str) -> list[str]:
    """Everything that differs between two versions of a product, in plain words."""
    a, b = old.data or {}, new.data or {}
    lines = walk(FIELDS, a, b, Context(lang, today, compare_files(old.files, new.files)))
    return lines + [SAY("field", lang, field=md_code(key)) for key in sorted(a.keys() | b.keys())
                    if key not in WORDED and a.get(key) != b.get(key)]


def describe_change(change: Change, today: date, lang: str) -> list[str]:
    """The bullet lines under a changed or moved product."""
    old, new = change.old, change.new
    assert old is not None and new is not None
    lines = []
    if change.kind == "moved":
        lines.append(SAY("moved_from", lang, old=md_code(old.folder + "/"),
                         new=md_code(new.folder + "/")))
    if not (old.valid and new.valid):
        return [*lines, SAY("unreadable_file", lang),
                *file_lines(compare_files(old.files, new.files), lang)]
    body = field_changes(old, new, today, lang)
    if body:
        return lines + body
    if change.kind == "moved":
        return lines
    same = old.files == new.files and old.text == new.text
    return [*lines, SAY("no_content_change" if same else "only_layout", lang)]
