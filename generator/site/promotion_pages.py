"""The trade-promotion pages of the seed's priorities: "Sản phẩm ưu tiên xúc tiến" (every
current product with its reasons, filtered by criterion in the browser, ``?tieu-chi=…`` in the
address) and "Sẵn sàng xuất khẩu" (a current star and a valid advanced-standard certificate).

The rules are :mod:`generator.promotion`'s; this module only plans the pages and puts each
product's reasons on its view (``ProductView.reasons``), which the product page prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..dates import day
from ..messages import Texts
from ..model.product import Standard
from ..promotion import Criterion, export_ready, priority_key, reasons
from ..promotion.criteria import NEW_WITHIN_MONTHS, STAR_THRESHOLDS, UPGRADE_GAP
from ..promotion.words import SAY as RULES
from .collate import sort_key
from .i18n import t
from .pages import PageSource, SourceFile, page_meta
from .present import ProductView
from .render import render

if TYPE_CHECKING:
    from .pages import Planner

PRIORITY_PAGE = "uu-tien-xuc-tien"
EXPORT_PAGE = "san-sang-xuat-khau"
#: the address parameter of the priority page's criteria (assets/promotion.js reads it)
CRITERION_PARAM = "tieu-chi"

SAY = Texts("promotion_site", {
    "priority": ("Sản phẩm ưu tiên xúc tiến", "Priority products"),
    "priority_intro": (
        "Sản phẩm OCOP còn hiệu lực đáp ứng các tiêu chí ưu tiên xúc tiến thương mại của tỉnh, "
        "mỗi sản phẩm kèm lý do. Chọn tiêu chí để lọc.",
        "Current OCOP products that meet the province's trade-promotion priorities, each with "
        "its reasons. Tick criteria to filter."),
    "criteria": ("Tiêu chí", "Criteria"),
    "criteria_all": ("Chỉ hiện sản phẩm đáp ứng mọi tiêu chí đã chọn.",
                     "Only products meeting every ticked criterion are shown."),
    "shown": ("{n} sản phẩm", "{n} products"),
    "none_ticked": (
        "Chưa có sản phẩm nào đáp ứng mọi tiêu chí đã chọn theo dữ liệu hiện có — bỏ bớt tiêu chí.",
        "No product meets every ticked criterion in the current data — untick some."),
    "none_at_all": (
        "Theo dữ liệu hiện có, chưa có sản phẩm còn hiệu lực nào đáp ứng tiêu chí ưu tiên.",
        "In the current data no current product meets a priority criterion yet."),
    "rules": ("Tiêu chí được tính thế nào", "How the criteria are decided"),
    "rules_intro": (
        "Các tiêu chí theo chỉ đạo của tỉnh về kế hoạch xúc tiến thương mại sản phẩm OCOP, tính "
        "từ dữ liệu đã ghi trong từng tệp sản phẩm (mỗi điều có nguồn).",
        "The criteria follow the province's directive on the OCOP trade-promotion plan, decided "
        "from what each product file records (each fact with a source)."),
    "count_none": ("hiện chưa có sản phẩm nào", "no product yet"),
    "export": ("Sẵn sàng xuất khẩu", "Export-ready"),
    "export_intro": (
        "Sản phẩm có hạng sao OCOP còn hiệu lực và ít nhất một giấy chứng nhận tiêu chuẩn tiên "
        "tiến (GlobalGAP, hữu cơ, GMP, HACCP, ISO 22000, ISO 9001, FSSC 22000) còn hiệu lực hôm "
        "nay.",
        "Products with a current OCOP star and at least one advanced-standard certificate "
        "(GlobalGAP, organic, GMP, HACCP, ISO 22000, ISO 9001, FSSC 22000) valid today."),
    "export_none": (
        "Theo dữ liệu hiện có, chưa có sản phẩm nào vừa còn hạng sao vừa có giấy chứng nhận "
        "tiêu chuẩn tiên tiến còn hiệu lực hôm nay.",
        "In the current data no product has both a current star and an advanced-standard "
        "certificate valid today."),
    "certificates": ("Chứng nhận còn hiệu lực", "Valid certificates"),
    "certificate_no": ("Số giấy", "Certificate no."),
    "issuer": ("Tổ chức cấp", "Issuer"),
    "valid_until": ("Hiệu lực đến", "Valid until"),
    "see_priority": ("Sản phẩm ưu tiên xúc tiến", "Priority products"),
    "see_export": ("Sản phẩm sẵn sàng xuất khẩu", "Export-ready products"),
})


@dataclass(frozen=True)
class CriterionRow:
    """One criterion: its filter value, label, how many products meet it, its rule in words."""

    code: str
    label: str
    count: int
    rule_vi: str
    rule_en: str


@dataclass(frozen=True)
class CertificateRow:
    scheme: str
    certificate: str
    issuer: str
    valid_until: str


@dataclass(frozen=True)
class ExportItem:
    view: ProductView
    certificates: tuple[CertificateRow, ...]


def attach_reasons(views: Iterable[ProductView], today: date) -> None:
    """Put each product's reasons on its view (none for a star not valid today)."""
    for view in views:
        view.reasons = reasons(view.product, today)


def _rule(code: Criterion, lang: str) -> str:
    four, five = (f"{STAR_THRESHOLDS[n]:g}" for n in (4, 5))
    return RULES(f"rule.{code}", lang, months=NEW_WITHIN_MONTHS, gap=f"{UPGRADE_GAP:g}",
                 four=four, five=five)


def criterion_rows(views: list[ProductView], lang: str) -> list[CriterionRow]:
    return [CriterionRow(code.value, RULES(f"label.{code}", lang),
                         sum(1 for v in views if any(r.criterion is code for r in v.reasons)),
                         _rule(code, "vi"), _rule(code, "en")) for code in Criterion]


def priority_views(views: Iterable[ProductView]) -> list[ProductView]:
    """Products with at least one reason, in the priority order, then by name."""
    found = [v for v in views if v.reasons]
    return sorted(found, key=lambda v: (priority_key(v.reasons), sort_key(v.name.vi)))


def _certificate(item: Standard, lang: str) -> CertificateRow:
    assert item.valid_until is not None, "export_ready keeps certificates with an end date"
    return CertificateRow(t(f"standard.{item.scheme}", lang), item.certificate or "",
                          item.issuer or "", item.valid_until.display())


class PromotionPages:
    """Plans the two pages for a :class:`Planner`'s products (and fills their reasons)."""

    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self.lang, self.today = planner.config.language, planner.today
        attach_reasons(planner.views, planner.today)

    def say(self, key: str, **params: object) -> str:
        return SAY(key, self.lang, **params)

    def _page(self, slug: str, template: str, title: str, intro: str,
              **context: object) -> SourceFile:
        body = render(template, self.lang, today=day(self.today), root="../", say=self.say,
                      rules=lambda key: RULES(key, self.lang), **context)
        front = page_meta(title, f"{title}: {intro}", {"kind": "promotion"})
        return SourceFile(f"{slug}.md", page=PageSource(front, body))

    def priority_page(self) -> SourceFile:
        views = priority_views(self.planner.views)
        return self._page(PRIORITY_PAGE, "priority.html", self.say("priority"),
                          self.say("priority_intro"), views=views, param=CRITERION_PARAM,
                          criteria=criterion_rows(views, self.lang))

    def export_items(self) -> list[ExportItem]:
        items = [ExportItem(v, tuple(_certificate(s, self.lang)
                                     for s in export_ready(v.product, self.today)))
                 for v in self.planner.views]
        return [item for item in items if item.certificates]

    def export_page(self) -> SourceFile:
        return self._page(EXPORT_PAGE, "export.html", self.say("export"),
                          self.say("export_intro"), items=self.export_items())

    def files(self) -> list[SourceFile]:
        return [self.priority_page(), self.export_page()]
