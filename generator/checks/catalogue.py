"""Checks across the whole catalogue: ids, and the seed directive's portfolio questions.

The 2020 Quảng Nam directive asks provinces to limit several subjects registering the same
kind of product in one area, raw or fresh products, and duplicates. These are warnings: an
officer decides, the tool only makes sure the question is asked. What counts as the same type
or as raw is decided in :mod:`generator.portfolio.rules`, which the portfolio review counts too.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..findings import Finding, Message, Severity, register, shown
from ..load.document import Document
from ..model.product import Product
from ..portfolio.rules import RAW_LEVELS, same_type_groups, subject_key
from ..textfold import fold, fold_compact

register(
    Message("product.id_folder", Severity.ERROR,
            "id `{value}` phải trùng tên thư mục chứa tệp (`{folder}`) — đổi id hoặc đổi tên thư mục",
            "id `{value}` must equal the folder name (`{folder}`) — rename one of them"),
    Message("product.duplicate_id", Severity.ERROR,
            "id `{value}` đã dùng cho sản phẩm khác ở {other} — mỗi sản phẩm một id riêng",
            "id `{value}` is already used by {other} — every product needs its own id"),
    Message("portfolio.same_type_same_area", Severity.WARNING,
            "chủ thể khác cũng có \"{product_type}\" ở {area}: {others} — Quảng Nam đề nghị hạn chế "
            "nhiều chủ thể đăng ký cùng một loại sản phẩm; cân nhắc khi duyệt",
            "another subject also has \"{product_type}\" in {area}: {others} — the province asks "
            "to limit several subjects registering the same product type; consider it in review"),
    Message("portfolio.raw_product", Severity.WARNING,
            "sản phẩm ở dạng {level} (chưa qua chế biến sâu) — chỉ thị của tỉnh đề nghị hạn chế sản "
            "phẩm thô, tươi sống; cân nhắc khi duyệt",
            "the product is {level_en} (not processed) — the province asks to limit raw and fresh "
            "products; consider it in review"),
    Message("portfolio.similar_name", Severity.WARNING,
            "tên gần trùng với \"{other_name}\" ({other}) khi bỏ dấu — kiểm tra có phải cùng một "
            "sản phẩm khai hai lần không",
            "the name nearly matches \"{other_name}\" ({other}) ignoring tone marks — check it "
            "is not the same product entered twice"),
)

_RAW = {"fresh": ("tươi sống", "fresh"), "raw": ("thô", "raw")}  # the words of RAW_LEVELS


@dataclass(frozen=True)
class Entry:
    """A loaded product with the document it came from (for locations)."""

    doc: Document
    product: Product


def _ids(entries: list[Entry]) -> list[Finding]:
    out: list[Finding] = []
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        product = entry.product
        by_id[product.id].append(entry)
        if product.folder.name != product.id:
            out.append(entry.doc.finding("product.id_folder", ("id",), value=product.id,
                                         folder=shown(product.folder.name)))
    for same in by_id.values():
        for entry in same if len(same) > 1 else ():
            others = ", ".join(o.doc.file for o in same if o is not entry)
            out.append(entry.doc.finding("product.duplicate_id", ("id",), value=entry.product.id,
                                         other=others))
    return out


def _same_type(entries: list[Entry]) -> list[Finding]:
    by_product = {id(entry.product): entry for entry in entries}
    out: list[Finding] = []
    for group in same_type_groups(e.product for e in entries):
        keys = [subject_key(p) for p in group.products]  # once per product, not per pair
        labels = [f"{o.name.vi} ({o.subject.name if o.subject else '?'})" for o in group.products]
        for product, key in zip(group.products, keys, strict=True):
            names = "; ".join(sorted(label for label, k in zip(labels, keys, strict=True)
                                     if k != key))
            out.append(by_product[id(product)].doc.finding(
                "portfolio.same_type_same_area", ("product_type",),
                product_type=product.product_type, area=product.area.name, others=names))
    return out


def _names(product: Product) -> list[str]:
    return [fold_compact(n) for n in (product.name.vi, *product.aliases)]


#: near-duplicate names are looked for among this many alphabetical neighbours (same type)
NEIGHBOURS = 8


def _close(a: str, b: str, counts: dict[str, Counter[str]]) -> bool:
    """Whether two folded names are at least 90 % alike (difflib's ratio), the cheap bounds
    first; ``counts`` memoises each name's characters, as a name meets about 16 others."""
    total = len(a) + len(b)  # real_quick_ratio() first, without building the matcher
    if total and 2.0 * min(len(a), len(b)) / total < 0.9:
        return False
    ca, cb = _counted(a, counts), _counted(b, counts)
    common = sum(min(n, cb[ch]) for ch, n in ca.items() if ch in cb)
    if total and 2.0 * common / total < 0.9:
        return False  # quick_ratio(): the characters in common, counted as difflib does
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 \
        and matcher.ratio() >= 0.9


def _counted(text: str, counts: dict[str, Counter[str]]) -> Counter[str]:
    found = counts.get(text)
    if found is None:
        found = counts[text] = Counter(text)
    return found


def _similar_pairs(entries: list[Entry]) -> set[tuple[int, int]]:
    """Index pairs of products whose names match once folded, or nearly match within a type.

    Near matches use the sorted-neighbourhood method (each folded name against its next few
    neighbours in alphabetical order), so 20,000 products stay fast.
    """
    pairs: set[tuple[int, int]] = set()
    by_key: dict[str, set[int]] = defaultdict(set)
    by_type: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for index, entry in enumerate(entries):
        for key in set(_names(entry.product)):
            by_key[key].add(index)
            by_type[fold(entry.product.product_type)].append((key, index))
    for same in by_key.values():
        ordered = sorted(same)
        pairs |= {(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]}
    counts: dict[str, Counter[str]] = {}
    for items in by_type.values():
        items.sort()
        for i, (key, index) in enumerate(items):
            for other_key, other in items[i + 1: i + 1 + NEIGHBOURS]:
                if other != index and _close(key, other_key, counts):
                    pairs.add((min(index, other), max(index, other)))
    return pairs


def _similar(entries: list[Entry]) -> list[Finding]:
    out: list[Finding] = []
    for a, b in sorted(_similar_pairs(entries)):
        for mine, other in ((entries[a], entries[b]), (entries[b], entries[a])):
            out.append(mine.doc.finding("portfolio.similar_name", ("name", "vi"),
                                        other_name=shown(other.product.name.vi), other=other.doc.file))
    return out


def _raw(entries: list[Entry]) -> list[Finding]:
    return [entry.doc.finding("portfolio.raw_product", ("processing",),
                              level=_RAW[entry.product.processing][0],
                              level_en=_RAW[entry.product.processing][1])
            for entry in entries if entry.product.processing in RAW_LEVELS]


def check_catalogue(entries: list[Entry]) -> list[Finding]:
    """Findings that need the whole catalogue (entries sorted by file)."""
    return _ids(entries) + _same_type(entries) + _similar(entries) + _raw(entries)
