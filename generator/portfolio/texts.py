"""The words of the portfolio review (Markdown, CSV, JSON labels and the site page), and the
label of every key the computation counts by."""

from __future__ import annotations

from ..messages import Texts
from ..site.i18n import t

SAY = Texts("portfolio", {
    "title": ("Rà soát danh mục OCOP", "OCOP portfolio review"),
    "as_of": ("ngày {today}", "on {today}"),
    "counted": ("{n} sản phẩm được tính", "{n} products counted"),
    "area": ("địa phương: {area}", "area: {area}"),
    "not_counted": ("Không tính: {n} tệp có lỗi, xem `ocop validate`", "Not counted: {n} file(s) "
                    "with errors, see `ocop validate`"),
    "all_counted": ("Mọi tệp sản phẩm đều được tính (không tệp nào có lỗi).",
                    "Every product file is counted (none has errors)."),
    "intro": ("Theo chỉ thị của tỉnh: rà soát sản phẩm trùng loại, sản phẩm thô, tươi sống; kiểm "
              "tra sau công nhận; chủ thể bỏ cuộc; các địa phương có nhiều sản phẩm. Chỉ để "
              "cán bộ xem xét, không chặn gì.",
              "As the province's directive asks: duplicate product types, raw and fresh "
              "products, follow-up after recognition, subjects who give up, the localities with "
              "many products. For officers to consider; it blocks nothing."),
    "h.counts": ("Số sản phẩm", "Counts"),
    "h.stars": ("Theo hạng sao", "By stars"),
    "h.group": ("Theo nhóm sản phẩm", "By product group"),
    "h.district": ("Theo huyện cũ (trước 01/07/2025)", "By former district (before 1 July 2025)"),
    "h.commune": ("Theo xã, phường hiện nay", "By current commune"),
    "h.legal_form": ("Theo loại hình chủ thể", "By subject legal form"),
    "h.processing": ("Theo mức độ chế biến", "By processing level"),
    "h.same_type": ("Cùng loại sản phẩm, nhiều chủ thể ở một địa phương",
                    "One product type, several subjects in one area"),
    "h.little_processed": ("Sản phẩm thô, tươi sống, sơ chế theo địa phương",
                           "Raw, fresh and primary-processed products by locality"),
    "h.expiry": ("Hạn công nhận", "Recognition expiry"),
    "h.months": ("Hết hạn trong {n} tháng tới, theo tháng", "Ending in the next {n} months, by month"),
    "h.lapsed": ("Đã hết hạn, chưa đánh giá lại", "Lapsed with no re-evaluation"),
    "h.follow_up": ("Kiểm tra sau công nhận", "Follow-up after recognition"),
    "h.due": ("Quá {months} tháng chưa kiểm tra", "No check for over {months} months"),
    "h.overdue": ("Yêu cầu khắc phục quá hạn", "Required actions past their deadline"),
    "h.violations": ("Vi phạm ở lần kiểm tra gần nhất", "A violation at the latest check"),
    "h.gaps": ("Thiếu dữ liệu", "Data gaps"),
    "h.localities": ("Các địa phương chỉ thị của tỉnh nêu tên",
                     "The localities the directive names"),
    "same_type.intro": ("Chỉ thị đề nghị hạn chế nhiều chủ thể đăng ký cùng một loại sản phẩm.",
                        "The directive asks to limit several subjects registering one kind of "
                        "product."),
    "same_type.head": ("{product_type} — {area}: {n} sản phẩm, {subjects} chủ thể",
                       "{product_type} — {area}: {n} products, {subjects} subjects"),
    "lapsed.intro": ("Chủ thể có thể đã bỏ cuộc: hạng sao hết hạn mà chưa có quyết định mới.",
                     "The subject may have given up: the star lapsed and no new decision "
                     "followed."),
    "localities.intro": ("Chỉ thị năm 2020 giao các địa phương có nhiều sản phẩm (Tiên Phước, "
                         "Đông Giang, Bắc Trà My, Hội An) gửi hồ sơ mô hình điểm.",
                         "The 2020 directive asks the localities with many products (Tiên "
                         "Phước, Đông Giang, Bắc Trà My, Hội An) for pilot-model projects."),
    "none": ("Không có.", "None."),
    "h.new_same_type": ("Trùng loại sản phẩm mới trong tuần", "New duplicate types this week"),
    "weekly.follow_up": ("{due} sản phẩm quá {months} tháng chưa kiểm tra sau công nhận; {overdue} "
                         "yêu cầu khắc phục quá hạn; {violations} sản phẩm vi phạm ở lần kiểm tra "
                         "gần nhất (danh sách đủ: `ocop report`).",
                         "{due} product(s) unchecked for over {months} months; {overdue} required "
                         "action(s) past their deadline; {violations} product(s) with a violation "
                         "at the latest check (full lists: `ocop report`)."),
    "and_more": ("và {n} sản phẩm khác (xem tệp CSV)", "and {n} more (see the CSV files)"),
    "c.key": ("Nhóm", "Group"),
    "c.n": ("Số sản phẩm", "Products"),
    "c.share": ("Tỷ lệ", "Share"),
    "c.total": ("Tổng", "Total"),
    "c.product": ("Sản phẩm", "Product"),
    "c.subject": ("Chủ thể", "Subject"),
    "c.legal_form": ("Loại hình", "Legal form"),
    "c.stars": ("Hạng sao", "Stars"),
    "c.commune": ("Xã hiện nay", "Current commune"),
    "c.district": ("Huyện cũ", "Former district"),
    "c.processing": ("Mức chế biến", "Processing"),
    "c.file": ("Tệp", "File"),
    "c.month": ("Tháng", "Month"),
    "c.products": ("Các sản phẩm", "Which products"),
    "c.since": ("Hết hiệu lực từ", "Lapsed on"),
    "c.months": ("Số tháng", "Months"),
    "c.last_check": ("Ký hoặc kiểm tra lần cuối", "Signed or last checked"),
    "c.due": ("Đến hạn kiểm tra", "Check due"),
    "c.action": ("Yêu cầu", "Action"),
    "c.deadline": ("Hạn", "Deadline"),
    "c.checked_on": ("Ngày kiểm tra", "Checked on"),
    "c.authority": ("Cơ quan kiểm tra", "Authority"),
    "c.gap": ("Thiếu", "Missing"),
    "c.locality": ("Địa phương", "Locality"),
    "c.current": ("Còn hiệu lực", "Valid today"),
    "stars": ("{n} sao", "{n} stars"),
    "unknown.district": ("Chưa rõ huyện cũ", "Former district unknown"),
    "unknown.commune": ("Chưa rõ xã hiện nay", "Current commune unknown"),
    "unknown.legal_form": ("Chưa ghi loại hình", "Legal form not recorded"),
    "gap.photos": ("Chưa có ảnh thật (không ảnh, hoặc chỉ ảnh minh hoạ)",
                   "No real photo (none, or stand-in pictures only)"),
    "gap.name_en": ("Chưa có tên tiếng Anh", "No English name"),
    "gap.description_en": ("Chưa có mô tả tiếng Anh", "No English description"),
    "gap.standards": ("Chưa ghi tiêu chuẩn, chứng nhận", "No standard or certificate"),
    "gap.contact": ("Chủ thể chưa có liên hệ công khai", "No public contact of the subject"),
    "gap.source": ("Lần công nhận mới nhất không ghi nguồn", "The latest recognition cites no source"),
})


def label(table: str, key: str, lang: str) -> str:
    """What a row of the count table ``table`` is called: "5 sao", "Hợp tác xã", "Sơ chế"."""
    if table == "stars":
        return SAY("stars", lang, n=key) if key.isdigit() else t(f"state.{key}", lang)
    if table in ("legal_form", "processing"):
        return t(f"{table}.{key}", lang) if key else SAY(f"unknown.{table}", lang)
    if table == "gaps":
        return SAY(f"gap.{key}", lang)
    return key or SAY(f"unknown.{table}", lang)


def share(value: float, lang: str) -> str:
    """``0.328`` → "32,8 %" (vi) or "32.8%" (en)."""
    text = f"{value * 100:.1f}"
    return text.replace(".", ",") + " %" if lang == "vi" else text + "%"


def both(key: str, **params: object) -> str:
    """A heading in Vietnamese with the English after a slash (as ``ocop expiry`` writes)."""
    vi, en = SAY(key, "vi", **params), SAY(key, "en", **params)
    return vi if vi == en else f"{vi} / {en}"
