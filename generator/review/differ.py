"""One differ for two versions of a product document, driven by a table of fields.

A field of the table (:data:`generator.review.diff.FIELDS`) names a dotted path into the
document, the words for its change and how its value is shown. :func:`walk` asks each field, in
the table's order, for its lines; lists of mappings are paired item by item on keys tried in
turn (:func:`match`), so an edited item reads as an edit, not as one removed and one added.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..markdown import md
from ..messages import Texts

if TYPE_CHECKING:
    from .files import FileDiff

T = TypeVar("T")
Doc = dict[str, Any]
#: Words for a change, called with the language and the slots of its text: ``label("vi")``.
Label = Callable[..., str]
#: How a value is shown, given the language; shown values are compared, then escaped.
Show = Callable[[Any, str], Any]

SAY = Texts("review.differ", {
    "empty": ("(trống)", "(none)"),
    "arrow": ("{label}: {old} → {new}", "{label}: {old} → {new}"),
    "edit": ("Sửa {what}", "Changed {what}"),
    "add": ("Thêm {what}", "Added {what}"),
    "drop": ("Xoá {what}", "Removed {what}"),
    "lang.vi": ("tiếng Việt", "Vietnamese"),
    "lang.en": ("tiếng Anh", "English"),
    # names of the details of a recognition or a certificate
    "f.authority": ("cơ quan công nhận", "authority"),
    "f.level": ("cấp công nhận", "level"),
    "f.rules": ("bộ tiêu chí", "rule version"),
    "f.note": ("ghi chú", "note"),
    "f.source": ("nguồn", "source"),
    "f.revoked": ("thông tin thu hồi", "revocation details"),
    "f.certificate": ("số giấy chứng nhận", "certificate number"),
    "f.issuer": ("tổ chức cấp", "issuer"),
    "f.valid_from": ("ngày cấp", "start date"),
    "f.name": ("tên", "name"),
    "f.scheme": ("loại", "scheme"),
})


@dataclass(frozen=True)
class Context:
    """What a field needs besides the two documents."""

    lang: str
    today: date
    files: FileDiff  # how the folder's files changed (photos are files and entries)


class Field(Protocol):
    """One entry of the table: the lines that word its change between two documents."""

    @property
    def path(self) -> str:
        """The dotted path it reads; its first part is the top-level key it words."""
        ...

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]: ...


def walk(fields: Sequence[Field], old: Doc, new: Doc, ctx: Context) -> list[str]:
    """The lines of every field of the table, in the table's order."""
    return [line for field in fields for line in field.lines(old, new, ctx)]


def value_at(data: Any, path: str) -> Any:
    """The value at a dotted ``path`` (``subject.name``); None where a level is missing."""
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def items_at(data: Any, path: str) -> list[dict[str, Any]]:
    """The mappings of the list at ``path`` (anything else is left out)."""
    value = value_at(data, path)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def language(code: str, lang: str) -> str:
    """"tiếng Anh" for ``en``: the language a text of the product is written in."""
    return SAY(f"lang.{code}", lang)


def shown(value: Any, lang: str) -> str:
    """A value as Markdown text: "(trống)" when empty, the Vietnamese of a ``{vi, en}`` text."""
    if value is None or value == "":
        return SAY("empty", lang)
    if isinstance(value, dict) and "vi" in value:
        value = value["vi"]
    return md(value)


def arrow(label: str, old: Any, new: Any, lang: str) -> list[str]:
    """"{label}: old → new" when the values differ."""
    if old == new:
        return []
    return [SAY("arrow", lang, label=label, old=shown(old, lang), new=shown(new, lang))]


def touched(what: str, old: Any, new: Any, lang: str) -> list[str]:
    """"Sửa/Thêm/Xoá {what}" for a value too long to show."""
    if old == new:
        return []
    verb = "add" if old in (None, "", [], {}) else "drop" if new in (None, "", [], {}) else "edit"
    return [SAY(verb, lang, what=what)]


def field_names(old: Doc, new: Doc, keys: Sequence[str], lang: str) -> str:
    """"cơ quan công nhận, ghi chú": the names of the ``keys`` whose values differ."""
    return ", ".join(SAY(f"f.{key}", lang) for key in keys if old.get(key) != new.get(key))


def match(old: list[T], new: list[T], keys: Sequence[Callable[[T], Hashable]]
          ) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair items of two lists by each key in turn: (pairs, added, removed)."""
    pairs: list[tuple[T, T]] = []
    rest_old, rest_new = list(old), list(new)
    for key in keys:
        for item in list(rest_new):
            wanted = key(item)
            found = next((o for o in rest_old if wanted is not None and key(o) == wanted), None)
            if found is not None:
                pairs.append((found, item))
                rest_old.remove(found)
                rest_new.remove(item)
    return pairs, rest_new, rest_old


def as_is(value: Any, lang: str) -> Any:
    return value


def identity(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Shown:
    """A short value shown before and after: "Đổi tên: Cũ → Mới". When the shown values agree
    but ``compare`` tells the raw values apart, "Sửa {otherwise}" instead."""

    path: str
    label: Label
    show: Show = as_is
    otherwise: Label | None = None
    compare: Callable[[Any], Any] = identity

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]:
        before, after = value_at(old, self.path), value_at(new, self.path)
        a, b = self.show(before, ctx.lang), self.show(after, ctx.lang)
        if a != b:
            return arrow(self.label(ctx.lang), a, b, ctx.lang)
        if self.otherwise is not None and self.compare(before) != self.compare(after):
            return [SAY("edit", ctx.lang, what=self.otherwise(ctx.lang))]
        return []


@dataclass(frozen=True)
class Touched:
    """A value too long to show: "Thêm/Xoá/Sửa {what}"."""

    path: str
    what: Label

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]:
        return touched(self.what(ctx.lang), value_at(old, self.path), value_at(new, self.path),
                       ctx.lang)


@dataclass(frozen=True)
class Members:
    """A list of short texts: "Thêm {what}" for each new one, "Xoá {what}" for each gone."""

    path: str
    what: Label  # with a ``{value}`` slot

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]:
        before, after = value_at(old, self.path) or [], value_at(new, self.path) or []
        out = [SAY("add", ctx.lang, what=self.what(ctx.lang, value=md(v)))
               for v in after if v not in before]
        return out + [SAY("drop", ctx.lang, what=self.what(ctx.lang, value=md(v)))
                      for v in before if v not in after]


class Words(Protocol):
    """How the items of a list are worded when added, removed or changed."""

    def added(self, item: Doc, lang: str) -> list[str]: ...

    def removed(self, item: Doc, lang: str) -> list[str]: ...

    def paired(self, old: Doc, new: Doc, lang: str) -> list[str]: ...


@dataclass(frozen=True)
class Items:
    """A list of mappings, paired item by item on ``keys`` tried in turn; ``words`` says what
    was added, then removed, then changed."""

    path: str
    keys: tuple[Callable[[Doc], Hashable], ...]
    words: Words

    def lines(self, old: Doc, new: Doc, ctx: Context) -> list[str]:
        pairs, added, removed = match(items_at(old, self.path), items_at(new, self.path),
                                      self.keys)
        out = [line for item in added for line in self.words.added(item, ctx.lang)]
        out += [line for item in removed for line in self.words.removed(item, ctx.lang)]
        return out + [line for a, b in pairs for line in self.words.paired(a, b, ctx.lang)]


@dataclass(frozen=True)
class Named:
    """Words for items known by a name: "Thêm/Xoá/Sửa {what}", ``what`` holding the name."""

    what: Label  # with a ``{value}`` slot
    name: Callable[[Doc], str]

    def added(self, item: Doc, lang: str) -> list[str]:
        return [SAY("add", lang, what=self.what(lang, value=self.name(item)))]

    def removed(self, item: Doc, lang: str) -> list[str]:
        return [SAY("drop", lang, what=self.what(lang, value=self.name(item)))]

    def paired(self, old: Doc, new: Doc, lang: str) -> list[str]:
        return [] if old == new else [SAY("edit", lang, what=self.what(lang, value=self.name(new)))]
