"""Error wording is part of the product: pin the exact text officers read, in both languages."""

from __future__ import annotations

import string

import pytest

import generator.validate  # noqa: F401  (registers every check's messages)
from generator.checks.schema import check_schema
from generator.findings import CATALOGUE, Severity
from generator.load.document import Document
from generator.load.yamlload import load_text
from generator.validate import validate
from tests.conftest import ROOT, TODAY

CORPUS = ROOT / "tests" / "corpus"


def test_every_message_says_what_is_wrong_and_how_to_fix_it_in_both_languages() -> None:
    for code, message in CATALOGUE.items():
        assert message.code == code
        assert isinstance(message.severity, Severity)
        assert " — " in message.vi and " — " in message.en, code
        fields_vi = {f for _, f, _, _ in string.Formatter().parse(message.vi) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(message.en) if f}
        # English may use *_en variants of the Vietnamese parameters
        assert {f.removesuffix("_en") for f in fields_en} <= fields_vi | {
            f.removesuffix("_en") for f in fields_vi}, code


@pytest.mark.parametrize(("case", "vi", "en"), [
    ("invalid/stars-out-of-range",
     "6 không hợp lệ — hạng sao OCOP chỉ từ 3 đến 5",
     "6 is not valid — OCOP star ratings are 3 to 5 only"),
    ("invalid/date-format",
     "`14/03/2025` không đúng dạng Ngày ký — viết ngày theo dạng NĂM-THÁNG-NGÀY (hoặc chỉ "
     "NĂM-THÁNG, NĂM nếu nguồn chỉ ghi vậy); ví dụ: `2022-12-29`",
     "`14/03/2025` is not a valid Signing date — write dates as YEAR-MONTH-DAY (or YEAR-MONTH, "
     "YEAR when that is all the source says); e.g. `2022-12-29`"),
    ("invalid/missing-required",
     "thiếu trường bắt buộc `processing` (Mức độ chế biến) — thêm dòng, ví dụ: "
     "`processing: processed`",
     "required field `processing` (Processing level) is missing — add a line, e.g. "
     "`processing: processed`"),
    ("invalid/unknown-field",
     "trường `nmae` không có trong mẫu tệp sản phẩm (có phải `name`?) — kiểm tra chính tả hoặc "
     "xoá dòng này",
     "field `nmae` is not part of the product file format (did you mean `name`?) — check the "
     "spelling or delete the line"),
    ("invalid/stars-as-text",
     "`3 sao` không đúng kiểu: Hạng sao phải là số nguyên — chỉ ghi số: `stars: 3`",
     "`3 sao` has the wrong type: Stars must be a whole number — write the number only: "
     "`stars: 3`"),
    ("invalid/score-decimal-comma",
     "`64,5` không đúng kiểu: Điểm phải là số — dùng dấu chấm thập phân: `score: 64.5`",
     "`64,5` has the wrong type: Score must be a number — use a decimal point: `score: 64.5`"),
    ("invalid/tab-indent",
     "dòng thụt lề bằng phím Tab — YAML chỉ cho phép dấu cách; thay Tab bằng 2 dấu cách",
     "line indented with a Tab — YAML allows only spaces; replace the Tab with 2 spaces"),
    ("invalid/duplicate-key",
     "trường `product_type` xuất hiện hai lần (lần trước ở dòng 5) — giữ một, xoá dòng còn lại",
     "key `product_type` appears twice (first on line 5) — keep one and delete the other"),
    ("invalid/personal-id",
     "`tax_code` có 12 chữ số: đây là số định danh cá nhân của chủ hộ, là dữ liệu cá nhân và "
     "không được đăng công khai — xoá dòng `tax_code` (hộ kinh doanh không cần mã số thuế ở "
     "đây)",
     "`tax_code` has 12 digits: this is the household representative's personal ID number, "
     "personal data that must never be published — delete the `tax_code` line"),
    ("valid/expired",
     "hạng 3 sao đã hết hiệu lực từ 31/05/2024 (36 tháng từ ngày ký) — trang web sẽ ghi \"đã hết "
     "hạn\"; nếu sản phẩm đã được đánh giá lại, thêm quyết định mới",
     "the 3-star recognition expired on 31/05/2024 (36 months from signing) — the site shows it "
     "as expired; if the product was re-evaluated, add the new decision"),
])
def test_exact_wording(case: str, vi: str, en: str) -> None:
    findings = validate([CORPUS / case], ROOT, TODAY).findings
    assert [f.message("vi") for f in findings][:1] == [vi]
    assert [f.message("en") for f in findings][:1] == [en]


def _schema(text: str) -> tuple[Document, list[str]]:
    doc = load_text(text, Document("p.yaml"))
    return doc, [f.code for f in check_schema(doc)]


BASE = (CORPUS / "valid" / "minimal" / "product.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "path", "value"), [
    ('code: "49"', "code: 49", ("origin", "recorded", "province", "code"), "49"),
    ("  legal_form: establishment", "  legal_form: establishment\n  tax_code: 4000410407",
     ("subject", "tax_code"), "4000410407"),
    ("  legal_form: establishment", "  legal_form: establishment\n  contact:\n"
     "    phones: [0905123456]", ("subject", "contact", "phones", 0), "0905123456"),
    ("decision: 123/QĐ-UBND", "decision: 123", ("recognitions", 0, "decision"), "123"),
    ("signed: 2025-03-14", 'signed: 2025', ("recognitions", 0, "signed"), "2025"),
    ("  vi: Nước mắm thử nghiệm", "  vi: Nước mắm thử nghiệm\n  en: 1.50",
     ("name", "en"), "1.50"),
    ("  vi: Nước mắm thử nghiệm", "  vi: Nước mắm thử nghiệm\n  en: true", ("name", "en"), "true"),
])
def test_unquoted_values_are_read_as_typed_where_text_is_expected(
        old: str, new: str, path: tuple[str | int, ...], value: str) -> None:
    doc, codes = _schema(BASE.replace(old, new))
    assert codes == []
    node = doc.data
    for part in path:
        node = node[part]
    assert node == value


def test_unquoted_numbers_stay_numbers_where_numbers_are_expected() -> None:
    doc, codes = _schema(BASE.replace("stars: 3", "stars: 3\n    score: 64"))
    assert codes == []
    assert doc.data["recognitions"][0]["score"] == 64
    assert doc.data["recognitions"][0]["stars"] == 3


def test_every_code_is_known_whatever_was_imported_first() -> None:
    """A finding's message does not depend on which check modules happen to be imported."""
    import subprocess
    import sys

    script = ("from generator.findings import CATALOGUE, Finding, catalogue\n"
              "assert not CATALOGUE\n"
              "print(Finding('p.yaml', 'photo.gps').severity, len(catalogue()))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["warning", str(len(CATALOGUE))]
