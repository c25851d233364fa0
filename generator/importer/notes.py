"""What the officer reads about a row or a cell of the sheet: the :data:`NOTES` table (in
Vietnamese and English) and :class:`Note`, one thing to know, tied to a column when it has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..messages import Texts
from .header import Column

NOTES = Texts("import.notes", {
    "date_invalid": ("«{raw}» không có trên lịch — xem lại ngày ký trong quyết định",
                     "«{raw}» is not a calendar date — check the signing date in the decision"),
    "date_unreadable": ("không đọc được «{raw}» là ngày (viết ngày/tháng/năm, ví dụ 29/12/2022)",
                        "cannot read «{raw}» as a date (write day/month/year, e.g. 29/12/2022)"),
    "stars_range": ("{raw} sao không hợp lệ — hạng sao OCOP chỉ là 3, 4 hoặc 5",
                    "{raw} stars is not valid — OCOP stars are 3, 4 or 5"),
    "stars_unreadable": ("không đọc được «{raw}» là hạng sao (ví dụ: 4 sao, 4, 4*, ★★★★)",
                         "cannot read «{raw}» as stars (e.g. 4 sao, 4, 4*, ★★★★)"),
    "score_unreadable": ("không đọc được «{raw}» là điểm (0–100) — không nhập",
                         "cannot read «{raw}» as a score (0–100) — not imported"),
    "decision_form": ("số quyết định «{raw}» không bắt đầu bằng chữ số — ghi nguyên văn, sửa "
                      "theo quyết định",
                      "decision number «{raw}» does not start with a digit — written as is, fix "
                      "it from the decision"),
    "decision_no_date": ("cột số, ngày quyết định chỉ có «{raw}», không thấy ngày ký — ghi "
                         "ngày ký theo quyết định",
                         "the decision number-and-date column only has «{raw}», no signing "
                         "date — copy it from the decision"),
    "stars_level": ("«{raw}»: {stars} sao, cấp {level} — ghi `level` theo ô này",
                    "«{raw}»: {stars} stars, {level_en} level — `level` written from this cell"),
    "decision_date": ("lấy ngày ký «{raw}» ghi sau số quyết định",
                      "signing date «{raw}» taken from the decision cell"),
    "phone_bad": ("«{raw}» không phải số điện thoại (ví dụ 0235 3884 123) — không nhập",
                  "«{raw}» is not a phone number (e.g. 0235 3884 123) — not imported"),
    "phone_zero": ("Excel đã bỏ số 0 ở đầu — ghi là {raw}",
                   "Excel had dropped the leading 0 — written as {raw}"),
    "phone_no_subject": ("có số điện thoại nhưng không có tên chủ thể — không nhập",
                         "a phone number without a subject name — not imported"),
    "tax_personal": ("12 chữ số là số định danh cá nhân của chủ hộ — không nhập (dữ liệu cá nhân, "
                     "không được đăng)",
                     "12 digits is the household representative's personal ID — not imported "
                     "(personal data, never published)"),
    "tax_bad": ("«{raw}» không phải mã số thuế (10 chữ số, hoặc 10 + \"-\" + 3) — không nhập",
                "«{raw}» is not a tax code (10 digits, or 10 + \"-\" + 3) — not imported"),
    "address_short": ("địa chỉ «{raw}» quá ngắn — không nhập",
                      "address «{raw}» is too short — not imported"),
    "unit_unknown": ("không tìm thấy {level} «{raw}» trong {scope} (danh sách 01/2025) — ghi "
                     "tên như trong bảng, chưa có mã",
                     "{level_en} «{raw}» is not in {scope} (January 2025 list) — written as in "
                     "the sheet, without a code"),
    "unit_ambiguous": ("«{raw}» khớp nhiều đơn vị: {matches} — ghi tên như trong bảng, chưa có mã",
                       "«{raw}» matches several units: {matches} — written as in the sheet, "
                       "without a code"),
    "unit_merged": ("«{raw}» đã nhập vào {into} trước năm 2025 — ghi tên như trong bảng; xã được "
                    "tìm trong {into}",
                    "«{raw}» was merged into {into} before 2025 — written as in the sheet; the "
                    "commune is looked up in {into}"),
    "commune_from_address": ("lấy {unit} từ địa chỉ «{raw}» (bảng không có cột xã)",
                             "{unit} taken from the address «{raw}» (the sheet has no "
                             "commune column)"),
    "commune_address_ambiguous": ("địa chỉ «{raw}» ghi «{part}», khớp nhiều xã: {matches} — "
                                  "không tự chọn; ghi `origin.recorded.commune` theo quyết định",
                                  "the address «{raw}» says «{part}», which matches several "
                                  "communes: {matches} — none chosen; write "
                                  "`origin.recorded.commune` from the decision"),
    "commune_address_unknown": ("địa chỉ «{raw}» ghi «{part}», không có trong {scope} (danh sách "
                                "01/2025) — không ghi xã",
                                "the address «{raw}» says «{part}», which is not in {scope} "
                                "(January 2025 list) — no commune written"),
    "no_province": ("không biết tỉnh nên không tra được mã — ghi tên như trong bảng",
                    "the province is unknown, so no code could be looked up — written as in "
                    "the sheet"),
    "group_unknown": ("«{raw}» không phải một trong 6 nhóm theo QĐ 148/2023 — ghi vào `subgroup`; "
                      "chọn `group` trong tệp",
                      "«{raw}» is not one of the 6 groups of Decision 148/2023 — written to "
                      "`subgroup`; choose `group` in the file"),
    "group_short": ("«{raw}» ghi là nhóm «{group}» (QĐ 148/2023)",
                    "«{raw}» written as the group «{group}» (Decision 148/2023)"),
    "group_old": ("«{raw}» là nhóm theo bộ tiêu chí {taxonomy} — ghi vào `group_recorded`; chọn "
                  "`group` theo QĐ 148/2023 trong tệp",
                  "«{raw}» is a group of the {taxonomy} taxonomy — written to `group_recorded`; "
                  "choose the Decision 148/2023 `group` in the file"),
    "section_district": ("các dòng sau không ghi huyện sẽ lấy huyện là {raw}",
                         "the rows below that give no district get {raw}"),
    "nfd": ("chữ tổ hợp (NFD) — đã chuẩn hoá sang NFC",
            "decomposed (NFD) text — normalised to NFC"),
    "conflict": ("quyết định {raw} đã có trong tệp với {old} sao, bảng ghi {new} sao — không sửa; "
                 "xem lại quyết định",
                 "decision {raw} is in the file with {old} stars, the sheet says {new} — not "
                 "changed; check the decision"),
    "no_name": ("không có tên sản phẩm — không nhập dòng này",
                "no product name — row not imported"),
    "ambiguous": ("tên trùng với nhiều sản phẩm: {raw} — ghi tên chủ thể để phân biệt; không "
                  "nhập dòng này",
                  "the name matches several products: {raw} — add the subject to tell them "
                  "apart; row not imported"),
    "broken": ("tệp {raw} có lỗi, không đọc được — sửa tệp (chạy `ocop validate`) rồi nhập lại",
               "{raw} has errors and cannot be read — fix it (run `ocop validate`) and import "
               "again"),
    "unmapped": ("không có trường tương ứng — không nhập", "no matching field — not imported"),
    "hand_comments": ("tệp có ghi chú viết tay (dòng {raw}) nên không tự cập nhật, để khỏi mất "
                      "ghi chú — sửa tay: {changes}",
                      "the file has hand-written comments (line {raw}), so it is not updated "
                      "automatically, to keep them — edit by hand: {changes}"),
})
#: notes that only inform (the data went in, or was left out on purpose)
INFO = {"decision_date", "decision_no_date", "stars_level", "phone_zero", "tax_personal",
        "unit_unknown", "unit_ambiguous", "unit_merged", "no_province", "group_unknown",
        "group_short", "group_old", "nfd", "decision_form", "section_district",
        "commune_from_address", "commune_address_ambiguous", "commune_address_unknown"}


@dataclass
class Note:
    """One thing the officer should know about a row or a cell of the sheet."""

    code: str
    column: Column | None = None
    params: dict[str, str] = field(default_factory=dict)

    @property
    def problem(self) -> bool:
        """Data was not imported, or needs a decision: counted, and the exit code is 1."""
        return self.code not in INFO

    def message(self, lang: str = "vi") -> str:
        return NOTES(self.code, lang, **self.params)

    def text(self) -> str:
        where = f"cột {self.column.letter} «{self.column.title}»: " if self.column else ""
        return f"{where}{self.message('vi')} / {self.message('en')}"


def note(code: str, column: Column | None = None, **params: Any) -> Note:
    return Note(code, column, {k: str(v) for k, v in params.items()})
