"""Error wording is part of the product: pin the exact text officers read, in both languages."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

import generator.validate  # noqa: F401  (registers every check's messages)
from generator.checks.origin import check_origin
from generator.checks.origin.messages import worded
from generator.checks.schema import check_schema
from generator.checks.schema_hints import example, number_hint
from generator.findings import CATALOGUE, Finding, Severity, shown
from generator.load.coerce import coerce_to_schema
from generator.load.document import Document
from generator.load.yamlload import load_text
from generator.places import unit_list
from generator.resources import product_schema, resolve, subschema
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
    ("invalid/stars-not-a-number",
     "`.nan` không đúng kiểu: Hạng sao phải là số nguyên — đây không phải là một số; ghi một "
     "số nguyên, ví dụ: `stars: 4`",
     "`.nan` has the wrong type: Stars must be a whole number — this is not a number; write a "
     "number, e.g. `stars: 4`"),
    ("invalid/stars-quoted-number",
     "`\"4\"` không đúng kiểu: Hạng sao phải là số nguyên — bỏ dấu ngoặc kép để thành số: "
     "`stars: 4`",
     "`\"4\"` has the wrong type: Stars must be a whole number — remove the quotes to make it "
     "a number: `stars: 4`"),
    ("invalid/phone-dot-and-space",
     "số điện thoại «0235. 3884 123» viết tách nhóm số chưa đúng (mỗi nhóm 2–4 chữ số, cách "
     "nhau bằng một dấu cách, dấu chấm hoặc gạch ngang) — viết là `\"0235 3884 123\"`",
     "phone number «0235. 3884 123» is not grouped the usual way (groups of 2–4 digits "
     "separated by one space, dot or hyphen) — write `\"0235 3884 123\"`"),
    ("invalid/phone-single-digits",
     "số điện thoại «090 5 1 2 3 4 5 6» viết tách nhóm số chưa đúng (mỗi nhóm 2–4 chữ số, cách "
     "nhau bằng một dấu cách, dấu chấm hoặc gạch ngang) — viết là `\"0905 123 456\"`",
     "phone number «090 5 1 2 3 4 5 6» is not grouped the usual way (groups of 2–4 digits "
     "separated by one space, dot or hyphen) — write `\"0905 123 456\"`"),
    ("invalid/province-merged-2025",
     "«Tỉnh Quảng Nam» đã nhập vào Thành phố Đà Nẵng từ 1/7/2025, nên theo `scheme: 2025-07` "
     "không còn tỉnh này — ghi tỉnh là `name: Thành phố Đà Nẵng`, `code: \"48\"` cùng xã hiện "
     "nay, hoặc nếu quyết định ghi địa danh trước sáp nhập thì đặt `scheme: pre-2025-07` và ghi "
     "cả huyện",
     "«Tỉnh Quảng Nam» was merged into Thành phố Đà Nẵng on 1 July 2025, so `scheme: 2025-07` "
     "has no such province — write the province as `name: Thành phố Đà Nẵng`, `code: \"48\"` "
     "with the current commune, or, if the decision names the place as it was before the "
     "merger, set `scheme: pre-2025-07` and add the district"),
    ("valid/expired",  # signed 01/06/2021: valid until 31/05/2024, not valid from 01/06/2024
     "hạng 3 sao hết hiệu lực từ 01/06/2024 (hạn 36 tháng từ ngày ký) — trang web cũng ghi như "
     "vậy; nếu sản phẩm đã được đánh giá lại, thêm quyết định mới",
     "the 3-star recognition: not valid since 01/06/2024 (36 months from signing) — the site "
     "says so too; if the product was re-evaluated, add the new decision"),
    ("valid/expiring",  # signed 15/01/2024: its last valid day is 14/01/2027
     "hạng 3 sao sắp hết hạn: hiệu lực đến 14/01/2027 (còn 46 ngày) — nhắc chủ thể đăng ký đánh "
     "giá lại",
     "the 3-star recognition expires soon: valid until 14/01/2027 (46 days left) — remind the "
     "producer to apply for re-evaluation"),
    ("valid/year-only",
     "chỉ biết ngày ký là 2023, nên chưa rõ còn hiệu lực (hết hạn trong khoảng 31/12/2025 – "
     "30/12/2026) — ghi ngày ký đầy đủ theo quyết định",
     "only 2023 is known for the signing date: validity unclear (ends between 31/12/2025 and "
     "30/12/2026) — give the full signing date"),
    ("valid/follow-up-overdue",
     "hạng 3 sao còn hiệu lực chưa được kiểm tra sau công nhận từ 10/03/2025 (quá 12 tháng) — nên "
     "kiểm tra việc giữ cam kết chất lượng rồi ghi vào `follow_up`; tỉnh có quy định khác thì tắt "
     "bằng `checks_off` trong mkdocs.yml",
     "the current 3-star recognition has had no follow-up check since 10/03/2025 (over 12 months) "
     "— check the quality commitments and record it in `follow_up`; a province whose rules differ "
     "can turn this off with `checks_off` in mkdocs.yml"),
    ("invalid/follow-up-before-recognition",
     "lần kiểm tra ngày 12/09/2023 trước lần công nhận đầu tiên (01/06/2024) — kiểm tra sau công "
     "nhận phải sau ngày ký; kiểm tra lại năm, hoặc thêm quyết định công nhận cũ hơn",
     "the check of 12/09/2023 is before the first recognition (01/06/2024) — a follow-up comes "
     "after signing; check the year, or add the earlier recognition"),
    ("valid/stars-in-text",
     "«là sản phẩm OCOP 3 sao» ghi hạng sao trong phần chữ nên sẽ sai khi hạng sao hết hạn — bỏ "
     "cụm này: trang sản phẩm đã tự ghi hạng sao hiện hành và hạn của nó từ `recognitions`; nếu "
     "muốn kể lại, ghi kèm năm, ví dụ «được công nhận OCOP 4 sao năm 2019»",
     "«là sản phẩm OCOP 3 sao» states a star level in the text, which goes stale when the star "
     "lapses — remove it: the product page shows the current star and its validity from "
     "`recognitions`; to tell the history, give the year, e.g. «recognised as a 4-star OCOP "
     "product in 2019»"),
    ("invalid/five-stars-by-province",
     "5 sao ký ngày 17/01/2025 (bộ tiêu chí 148/2023) do cấp trung ương công nhận (Bộ Nông "
     "nghiệp và Phát triển nông thôn), còn `UBND tỉnh Quảng Nam` là cấp tỉnh — ghi đúng cơ quan "
     "đã ký quyết định (xem dòng cuối quyết định), hoặc sửa hạng sao",
     "5 stars signed on 17/01/2025 (rules 148/2023) are recognised at central level (Bộ Nông "
     "nghiệp và Phát triển nông thôn), but `UBND tỉnh Quảng Nam` is provincial level — write the "
     "authority that signed the decision (see its last line), or fix the stars"),
    ("invalid/authority-after-merger",
     "quyết định ký ngày 15/09/2025, lúc đó không còn `UBND tỉnh Quảng Nam`: Tỉnh Quảng Nam đã "
     "nhập vào Thành phố Đà Nẵng từ 01/07/2025 — ghi tên cơ quan như trên quyết định, ví dụ "
     "`authority: UBND thành phố Đà Nẵng`",
     "the decision was signed on 15/09/2025, when `UBND tỉnh Quảng Nam` no longer existed: Tỉnh "
     "Quảng Nam was merged into Thành phố Đà Nẵng on 1 July 2025 — write the authority as on the "
     "decision, e.g. `authority: UBND thành phố Đà Nẵng`"),
    ("invalid/photo-with-gps",
     "ảnh `nhan.jpg` còn lưu vị trí GPS nơi chụp (có thể là nhà riêng), mà kho dữ liệu công khai "
     "giữ mọi tệp đã gửi trong lịch sử mãi mãi — xoá vị trí trước khi hợp nhất: chạy `ocop "
     "photos --strip-metadata tests/corpus/invalid/photo-with-gps/nhan.jpg` (chỉ xoá vị trí và "
     "thông tin cá nhân, ảnh giữ nguyên), hoặc xuất lại ảnh với Vị trí đã tắt rồi tải lên thay "
     "ảnh này",
     "photo `nhan.jpg` stores the GPS location where it was taken (maybe someone's home), and the "
     "public repository keeps every file it was sent in its history for good — remove the "
     "location before merging: run `ocop photos --strip-metadata "
     "tests/corpus/invalid/photo-with-gps/nhan.jpg` (it removes only the location and personal "
     "metadata; the picture is unchanged), or export the photo again with Location off and "
     "upload it instead"),
])
def test_exact_wording(case: str, vi: str, en: str) -> None:
    # each case is about its own finding; the follow-up advisory most active stars carry has
    # its own cases (the follow-up-* ones above)
    findings = [f for f in validate([CORPUS / case], ROOT, TODAY).findings
                if f.code != "follow_up.due" or "follow-up" in case]
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
    ("  contact: {website: https://example.vn}", "  contact:\n"
     "    phones: [0905123456]", ("subject", "contact", "phones", 0), "0905123456"),
    ("decision: 123/QĐ-UBND", "decision: 123", ("recognitions", 0, "decision"), "123"),
    ("signed: 2026-03-14", 'signed: 2026', ("recognitions", 0, "signed"), "2026"),
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
    assert done.stdout.split() == ["error", str(len(CATALOGUE))]


# --- issue 14: values as typed, no placeholders, fixes that are YAML ---------------------------

def _origin_message(code: str, lang: str, **params: str) -> str:
    finding = Finding("p.yaml", code, params=worded(code, params))
    return finding.message(lang)


@pytest.mark.parametrize(("code", "params", "vi", "en"), [
    ("origin.commune_missing", {"candidates": unit_list([])},
     "chưa ghi xã nên không suy ra được xã hiện nay — ghi `commune` (tên, mã) như trong quyết "
     "định, hoặc ghi `current_commune`",
     "no commune recorded, so the current commune cannot be derived — add `commune` (name, code) "
     "as in the decision, or `current_commune`"),
    ("origin.commune_missing", {"candidates": "Xã Tiên Sơn (20857)"},
     "chưa ghi xã nên không suy ra được xã hiện nay — ghi `commune` (tên, mã) như trong quyết "
     "định, hoặc ghi `current_commune`. Xã hiện nay có thể là: Xã Tiên Sơn (20857)",
     "no commune recorded, so the current commune cannot be derived — add `commune` (name, code) "
     "as in the decision, or `current_commune`. The current commune may be: Xã Tiên Sơn (20857)"),
    ("origin.name_mismatch",
     {"unit_code": "20857", "official": "Xã Tiên Sơn", "name": "Xã Tiên Hà",
      "by_name": unit_list([])},
     "mã 20857 là «Xã Tiên Sơn», nhưng tên ghi «Xã Tiên Hà» — nếu mã đúng, sửa tên thành «Xã "
     "Tiên Sơn»; nếu tên đúng, sửa mã (nhưng tên này không khớp với đơn vị nào của danh sách)",
     "code 20857 is «Xã Tiên Sơn», but the name says «Xã Tiên Hà» — if the code is right, write "
     "«Xã Tiên Sơn»; if the name is right, fix the code (but the name matches no unit of the "
     "list)"),
    ("origin.unknown_province_code",
     {"unit_code": "490", "scheme": "pre-2025-07", "by_name": unit_list([])},
     "không có tỉnh, thành phố nào mã 490 theo `scheme: pre-2025-07` — sửa lại mã tỉnh (2 chữ "
     "số), hoặc xoá mã và chỉ ghi tên",
     "there is no province with code 490 in `scheme: pre-2025-07` — correct the 2-digit code, or "
     "delete it and keep the name"),
])
def test_an_empty_list_reads_as_a_sentence_not_a_dash(code: str, params: dict[str, str],
                                                       vi: str, en: str) -> None:
    assert _origin_message(code, "vi", **params) == vi
    assert _origin_message(code, "en", **params) == en


def test_the_merged_province_message_says_where_it_went() -> None:
    text = BASE.replace("scheme: pre-2025-07", 'scheme: "2025-07"').replace(
        '    district: {name: Thành phố Hội An, code: "503"}\n', "").replace(
        'commune: {name: Xã Cẩm Thanh, code: "20431"}', "commune: {name: Phường Hội An Đông}")
    doc = load_text(text, Document("p.yaml"))
    assert check_schema(doc) == []
    _, findings = check_origin(doc)
    assert [f.code for f in findings] == ["origin.province_merged"]
    assert findings[0].message().startswith(
        "«Tỉnh Quảng Nam» đã nhập vào Thành phố Đà Nẵng từ 1/7/2025")


@pytest.mark.parametrize(("value", "typed", "shown_as"), [
    ('""', "", '`""`'), ('"  "', "  ", '`"  "`'), ("'4'", "4", "`'4'`"),
    ('"a\\u200bb"', "a\u200bb", '`"a\\u200Bb"`'), ("4\u200b", "4\u200b", "`4\\u200B`"),
])
def test_a_value_is_shown_as_typed_never_empty(value: str, typed: str, shown_as: str) -> None:
    doc, _ = _schema(BASE.replace("stars: 3", f"stars: {value}"))
    assert doc.data["recognitions"][0]["stars"] == typed
    message = check_schema(doc)[0].message()
    assert message.startswith(f"{shown_as} không đúng kiểu"), message


def _required_paths() -> list[tuple[str | int, ...]]:
    out: list[tuple[str | int, ...]] = []

    def walk(path: tuple[str | int, ...], node: dict[str, object]) -> None:
        node = resolve(node)
        for key, child in dict(node.get("properties", {})).items():  # type: ignore[call-overload]
            out.append((*path, key))
            walk((*path, key), child)
        if isinstance(node.get("items"), dict):
            walk((*path, 0), node["items"])  # type: ignore[arg-type]

    walk((), product_schema())
    return out


def _nested(path: tuple[str | int, ...], line: str) -> str:
    """``line`` placed at ``path`` in a YAML file (``a:\n  - b: …`` for ``("a", 0, "b")``)."""
    lines, indent, item = [], 0, False
    for part in path[:-1]:
        if isinstance(part, int):
            item = True
            continue
        lines.append(" " * indent + ("- " if item else "") + f"{part}:")
        indent, item = indent + (4 if item else 2), False
    return "\n".join([*lines, " " * indent + ("- " if item else "") + line])


@pytest.mark.parametrize("path", [p for p in _required_paths() if not isinstance(p[-1], int)],
                         ids=lambda p: ".".join(map(str, p)))
def test_every_field_example_is_yaml_the_schema_accepts(path: tuple[str | int, ...]) -> None:
    """What `schema.required` tells officers to add (`field: example`) loads and is valid."""
    snippet = f"{path[-1]}: {example(path)}"
    assert "…" not in snippet and "xem mẫu" not in snippet, snippet
    assert isinstance(yaml.safe_load(snippet), dict), snippet
    doc = load_text(_nested(path, snippet), Document("p.yaml"))
    coerce_to_schema(doc)
    value = doc.data
    for part in path:
        value = value[0 if isinstance(part, int) else part]
    schema = {**subschema(path), "$defs": product_schema()["$defs"]}
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(value)]
    assert not errors, (snippet, errors)


@pytest.mark.parametrize("change", [
    ("stars: 3", "stars: 3 sao"), ("stars: 3", 'stars: "4"'), ("stars: 3", "stars: .nan"),
    ("stars: 3", "stars: 3\n    score: 64,5"), ("stars: 3", 'stars: 3\n    score: "64,5"'),
    ("  vi: Tệp mẫu dùng trong kiểm thử.", "  vi: Tệp mẫu\n  ingredients: tiêu"),
    ("sources:\n  - url: https://example.org/nguon", "sources: https://example.org/nguon"),
    ("name:\n  vi: Nước mắm thử nghiệm", "name: Nước mắm thử nghiệm"),
    ("processing: processed", "processing: chế biến"),
])
def test_every_snippet_a_schema_finding_prints_is_yaml(change: tuple[str, str]) -> None:
    doc = load_text(BASE.replace(*change), Document("p.yaml"))
    findings = check_schema(doc)
    assert findings
    for finding in findings:
        for lang in ("vi", "en"):
            spans = re.findall(r"`[^`]*`", finding.message(lang))
            for snippet in [span.strip("`") for span in spans if ": " in span]:
                assert isinstance(yaml.safe_load(snippet), dict), (finding.code, snippet)


@pytest.mark.parametrize(("value", "text"), [
    ("", '""'), ("  ", '"  "'), (" x", '" x"'), ("x\n::error::y", "x\\u000A::error::y"),
    ("Tiêu\u00adđen", "Tiêu\\u00ADđen"), ("\ufeffTiêu", "\\uFEFFTiêu"), (4.5, "4.5"),
    ("a" * 70, "a" * 57 + "…"),
])
def test_shown_values_are_never_empty_and_never_invisible(value: object, text: str) -> None:
    assert shown(value) == text


@pytest.mark.parametrize(("value", "expected", "quoted", "vi"), [
    ("4 sao", "integer", "", "chỉ ghi số: `stars: 4`"),
    ("4", "integer", '"', "bỏ dấu ngoặc kép để thành số: `stars: 4`"),
    ("4", "integer", "'", "bỏ dấu nháy đơn để thành số: `stars: 4`"),
    ("64,5", "number", '"', "bỏ dấu ngoặc kép và dùng dấu chấm thập phân để thành số: "
                            "`stars: 64.5`"),
    ("64,5", "number", "", "dùng dấu chấm thập phân: `stars: 64.5`"),
    ("50.000đ", "integer", "", "chỉ ghi số: `stars: 50000`"),
    ("70.5.1", "number", "", "ghi một số, ví dụ: `stars: 4`"),
    ("3 hoặc 4", "integer", "", "ghi một số nguyên, ví dụ: `stars: 4`"),
    ("-.inf", "number", "", "đây không phải là một số; ghi một số, ví dụ: `stars: 4`"),
    ("", "integer", '"', "ghi một số nguyên, ví dụ: `stars: 4`"),
])
def test_number_hints_say_what_to_write(value: str, expected: str, quoted: str, vi: str) -> None:
    vi_hint, en_hint = number_hint(value, expected, ("recognitions", 0, "stars"), quoted)
    assert vi_hint == vi
    assert en_hint.endswith(re.findall(r"`[^`]*`", vi)[-1])  # the same YAML to paste


@pytest.mark.parametrize(("today", "vi", "en"), [
    (date(2025, 12, 28), None, None),  # the last valid day: no finding yet
    (date(2025, 12, 29), "hạng 4 sao hết hiệu lực từ 29/12/2025",
     "the 4-star recognition: not valid since 29/12/2025"),
    (date(2026, 12, 1), "hạng 4 sao hết hiệu lực từ 29/12/2025",
     "the 4-star recognition: not valid since 29/12/2025"),
])
def test_expired_names_the_first_invalid_day(tmp_path: Path, today: date, vi: str | None,
                                             en: str | None) -> None:
    """Signed 29/12/2022: valid until 28/12/2025, not valid from 29/12/2025 (as on the site)."""
    folder = tmp_path / "products" / "tien-phuoc" / "thu"
    folder.mkdir(parents=True)
    text = BASE.replace("signed: 2026-03-14", "signed: 2022-12-29").replace("stars: 3", "stars: 4")
    (folder / "product.yaml").write_text(text, encoding="utf-8")
    found = [f for f in validate([folder], tmp_path, today).findings
             if f.code.startswith("recognition.")]
    if vi is None:
        assert [f.code for f in found] in ([], ["recognition.expiring"])
        return
    assert [f.code for f in found] == ["recognition.expired"]
    assert found[0].message("vi").startswith(vi + " (hạn 36 tháng từ ngày ký) — ")
    assert found[0].message("en").startswith(en + " (36 months from signing) — ")
