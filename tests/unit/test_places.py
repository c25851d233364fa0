"""origin checking against the official administrative tables (generator/places/,
generator/checks/origin/)."""

from __future__ import annotations

import csv
import importlib.util
import string
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from generator.checks.origin import check_origin
from generator.findings import CATALOGUE, Finding, Severity
from generator.load.document import Document
from generator.load.product import load_product
from generator.load.yamlload import load_text
from generator.places import CurrentOrigin, Unit
from generator.places.tables import current_wards, old_tables, wards_of
from generator.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
DA_NANG = Unit("48", "Thành phố Đà Nẵng")


def check(origin_yaml: str) -> tuple[CurrentOrigin | None, list[Finding]]:
    """Run check_origin on a product holding only ``origin:`` + the indented block."""
    doc = load_text("id: x\norigin:\n" + origin_yaml, Document("x.yaml"))
    assert doc.data is not None, doc.findings
    return check_origin(doc)


def old(province: str = "{name: Tỉnh Quảng Nam, code: \"49\"}", district: str | None = None,
        commune: str | None = None, current: str | None = None) -> str:
    """A pre-2025-07 origin block."""
    text = f"  recorded:\n    scheme: pre-2025-07\n    province: {province}\n"
    text += f"    district: {district}\n" if district else ""
    text += f"    commune: {commune}\n" if commune else ""
    return text + (f'  current_commune: "{current}"\n' if current else "")


def new(province: str = "{name: Thành phố Đà Nẵng, code: \"48\"}", commune: str | None = None,
        current: str | None = None) -> str:
    """A 2025-07 origin block."""
    text = f'  recorded:\n    scheme: "2025-07"\n    province: {province}\n'
    text += f"    commune: {commune}\n" if commune else ""
    return text + (f'  current_commune: "{current}"\n' if current else "")


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def only(findings: list[Finding], code: str) -> Finding:
    assert codes(findings) == [code], [f.message() for f in findings]
    return findings[0]


# --- the example product ---------------------------------------------------------------------

def test_example_product_derives_son_cam_ha() -> None:
    path = ROOT / "products/tien-phuoc/tieu-tien-phuoc/product.yaml"
    result, findings = check_origin(load_product(path, "product.yaml"))
    assert findings == []
    assert result == CurrentOrigin(DA_NANG, Unit("20857", "Xã Sơn Cẩm Hà"),
                                   Unit("514", "Huyện Tiên Phước"))


# --- the guide's table (docs: OCOP.md §4 "Old → new mapping for the example localities") -----

# (old communes as the guide writes them, old district as written, new commune as printed)
GUIDE_TABLE: list[tuple[list[tuple[str, str]], str, str, str]] = [
    ([("P. Sơn Phong", "20410"), ("X. Cẩm Kim", "20425")], "Hội An", "Phường Hội An", "20410"),
    ([("P. Thanh Hà", "20407"), ("P. Tân An", "20401")], "Hội An", "Phường Hội An Tây", "20401"),
    ([("X. Cẩm Thanh", "20431")], "Hội An", "Phường Hội An Đông", "20413"),
    ([("TT Tiên Kỳ", "20854"), ("X. Tiên Phong", "20884")], "Tiên Phước",
     "Xã Tiên Phước", "20854"),
    ([("X. Tiên Sơn", "20857")], "Tiên Phước", "Xã Sơn Cẩm Hà", "20857"),
    ([("X. Tiên Hiệp", "20875")], "Tiên Phước", "Xã Lãnh Ngọc", "20875"),
    ([("X. Trà Giang", "20914"), ("TT Trà My", "20899")], "Bắc Trà My", "Xã Trà My", "20900"),
    ([("X. Trà Tân", "20923")], "Bắc Trà My", "Xã Trà Tân", "20923"),
    ([("X. Trà Mai", "20944")], "Nam Trà My", "Xã Nam Trà My", "20944"),
    ([("X. Trà Linh", "20950")], "Nam Trà My", "Xã Trà Linh", "20950"),
    ([("X. Tư", "20482")], "Đông Giang", "Xã Sông Vàng", "20485"),
    ([("X. Mà Cooih", "20494")], "Đông Giang", "Xã Bến Hiên", "20494"),
    ([("X. A Ting", "20479")], "Đông Giang", "Xã Sông Kôn", "20476"),
    ([("X. Tà Lu", "20470"), ("TT Prao", "20467")], "Đông Giang", "Xã Đông Giang", "20467"),
    ([("X. Đại Hiệp", "20524"), ("Đại An", "20547"), ("Đại Hòa", "20548"),
      ("Đại Nghĩa", "20521"), ("TT Ái Nghĩa", "20500")], "Đại Lộc", "Xã Đại Lộc", "20500"),
    ([("X. Đại Quang", "20518"), ("Đại Hồng", "20512")], "Đại Lộc", "Xã Hà Nha", "20515"),
    ([("X. Đại Sơn", "20503")], "Đại Lộc", "Xã Thượng Đức", "20506"),
    ([("X. Đại Cường", "20545")], "Đại Lộc", "Xã Vu Gia", "20539"),
    ([("X. Duy Trinh", "20617"), ("Duy Sơn", "20620")], "Duy Xuyên", "Xã Duy Xuyên", "20623"),
    ([("X. Duy Hải", "20638"), ("Duy Thành", "20629")], "Duy Xuyên", "Xã Duy Nghĩa", "20635"),
    ([("TT Nam Phước", "20599"), ("X. Duy Vinh", "20632"), ("Duy Phước", "20626")],
     "Duy Xuyên", "Xã Nam Phước", "20599"),
    ([("X. Quế Xuân 2", "20647")], "Quế Sơn", "Xã Xuân Phú", "20650"),
    ([("X. Quế Hiệp", "20659")], "Quế Sơn", "Xã Quế Sơn Trung", "20662"),
    ([("X. Tam Thanh", "20359")], "TP Tam Kỳ", "Phường Quảng Phú", "20356"),
    ([("X. Tam Tiến", "20974")], "Núi Thành", "Xã Tam Xuân", "20971"),
    ([("TT Hà Lam", "20791")], "Thăng Bình", "Xã Thăng Bình", "20791"),
    ([("X. Bình Dương", "20794"), ("Bình Đào", "20809")], "Thăng Bình", "Xã Thăng An", "20794"),
    ([("X. Điện Phong", "20590")], "TX Điện Bàn", "Xã Gò Nổi", "20587"),
    ([("X. Tam Đàn", "20374"), ("Tam Thái", "20386")], "Phú Ninh", "Xã Chiên Đàn", "20364"),
    ([("X. Tam Dân", "20392")], "Phú Ninh", "Xã Phú Ninh", "20392"),
    ([("X. Tam Phước", "20380")], "Phú Ninh", "Xã Tây Hồ", "20380"),
]
GUIDE_ROWS = [(name, code, district, new_name, new_code)
              for olds, district, new_name, new_code in GUIDE_TABLE
              for name, code in olds]

# The conversion table prints 20875 for Xã Lãnh Ngọc (and the guide copied it); the official
# 2025-07 list (Cap-xa.csv, and the vietnam_provinces package) has 20872. Derived codes are the
# official ones.
OFFICIAL_CODE = {"20875": "20872"}


def _conversion_rows() -> list[dict[str, str]]:
    with resource_path("data/admin/conversion-2025-07.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(("name", "code", "district", "new_name", "new_code"), GUIDE_ROWS)
def test_guide_rows_agree_with_shipped_conversion_table(
        name: str, code: str, district: str, new_name: str, new_code: str) -> None:
    rows = [row for row in _conversion_rows() if row["old_commune_code"] == code]
    assert [(r["new_commune_code"], r["new_commune_name"], r["note"]) for r in rows] == [
        (new_code, new_name, "Nhập toàn bộ")]
    assert rows[0]["old_province_code"] == "49"


@pytest.mark.parametrize(("name", "code", "district", "new_name", "new_code"), GUIDE_ROWS)
def test_guide_rows_derive_by_code(
        name: str, code: str, district: str, new_name: str, new_code: str) -> None:
    result, findings = check(old(commune=f'{{name: "{name}", code: "{code}"}}'))
    assert findings == []
    assert result is not None and result.province == DA_NANG
    assert result.commune == Unit(OFFICIAL_CODE.get(new_code, new_code), new_name)
    assert result.former_district is not None
    assert result.former_district.name.endswith(district.removeprefix("TP ").removeprefix("TX "))


@pytest.mark.parametrize(("name", "code", "district", "new_name", "new_code"), GUIDE_ROWS)
def test_guide_rows_derive_by_name_within_district(
        name: str, code: str, district: str, new_name: str, new_code: str) -> None:
    if not name.startswith(("X.", "P.", "TT")):
        name = "X. " + name  # the guide drops the level word after the first commune
    result, findings = check(old(province="{name: Quảng Nam}", district=f'{{name: "{district}"}}',
                                 commune=f'{{name: "{name}"}}'))
    assert findings == []
    assert result is not None
    assert result.commune == Unit(OFFICIAL_CODE.get(new_code, new_code), new_name)


# --- codes reused across schemes -------------------------------------------------------------

@pytest.mark.parametrize(("old_name", "code", "new_name"), [
    ("Phường Sơn Phong", "20410", "Phường Hội An"),
    ("Phường Tân An", "20401", "Phường Hội An Tây"),
])
def test_reused_code_means_the_old_unit_in_the_old_scheme(
        old_name: str, code: str, new_name: str) -> None:
    result, findings = check(old(district='{name: Thành phố Hội An, code: "503"}',
                                 commune=f'{{name: {old_name}, code: "{code}"}}'))
    assert findings == []
    assert result == CurrentOrigin(DA_NANG, Unit(code, new_name), Unit("503", "Thành phố Hội An"))


@pytest.mark.parametrize(("code", "new_name"), [("20410", "Phường Hội An"),
                                                ("20401", "Phường Hội An Tây")])
def test_reused_code_means_the_new_unit_in_the_new_scheme(code: str, new_name: str) -> None:
    result, findings = check(new(commune=f'{{name: {new_name}, code: "{code}"}}'))
    assert findings == []
    assert result == CurrentOrigin(DA_NANG, Unit(code, new_name), None)


def test_old_name_with_reused_code_in_new_scheme_is_wrong_scheme() -> None:
    result, findings = check(new(commune='{name: Phường Sơn Phong, code: "20410"}'))
    finding = only(findings, "origin.wrong_scheme")
    assert finding.path == "origin.recorded.scheme"
    assert "Phường Sơn Phong (20410)" in finding.message()
    assert "`scheme: pre-2025-07`" in finding.message()
    assert result is not None and result.commune == Unit("20410", "Phường Hội An")


def test_avuong_old_code_is_bhalee_new_code_is_avuong() -> None:
    # new Xã Avương took code 20458, which was old Xã Bhalêê; old Xã Avương was 20461
    result, findings = check(old(commune='{name: Xã A Vương, code: "20461"}'))
    assert findings == [] and result is not None
    assert result.commune == Unit("20458", "Xã Avương")
    # the new name with the new code, recorded as pre-2025-07: the scheme is wrong, and the
    # message says what 20458 and "Avương" mean in the old scheme
    result, findings = check(old(commune='{name: Xã Avương, code: "20458"}'))
    finding = only(findings, "origin.wrong_scheme")
    assert finding.params["found"] == "Xã Avương (20458)"
    assert finding.params["here"] == "Xã Bha Lê (20458); Xã A Vương (20461)"
    assert result is not None and result.commune == Unit("20458", "Xã Avương")
    # an old name that does not go with the code: the official name is shown
    result, findings = check(old(commune='{name: Xã Dang, code: "20458"}'))
    finding = only(findings, "origin.name_mismatch")
    assert finding.params["official"] == "Xã Bha Lê"
    assert finding.params["by_name"] == "Xã Dang (20464)"
    result, findings = check(new(commune='{name: Xã Avương, code: "20458"}'))
    assert findings == [] and result is not None
    assert result.commune == Unit("20458", "Xã Avương")
    result, findings = check(new(commune='{name: Xã Avương, code: "20461"}'))
    assert "Xã A Vương (20461)" in only(findings, "origin.wrong_scheme").message()
    assert result == CurrentOrigin(DA_NANG, None, None)


# --- name styles -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["X. Tiên Sơn", "xã Tiên Sơn", "Tiên Sơn", "xa tien son",
                                  "XÃ TIÊN SƠN", "Xã  Tiên-Sơn"])
def test_commune_name_styles(name: str) -> None:
    result, findings = check(old(district="{name: huyện Tiên Phước}",
                                 commune=f'{{name: "{name}"}}'))
    assert findings == []
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")


@pytest.mark.parametrize(("name", "code"), [("Xã Đại Hoà", "20548"), ("Xã Đại Hòa", "20548"),
                                            ("Xã A Tiêng", "20455"), ("Xã Atiêng", "20455"),
                                            ("Xã Tr'hy", "20446"), ("Xã Tr'Hy", "20446"),
                                            ("Xã Bhalêê", "20458"), ("Xã Mà Cooi", "20494")])
def test_spelling_variants_match_the_code(name: str, code: str) -> None:
    result, findings = check(old(commune=f'{{name: "{name}", code: "{code}"}}'))
    assert findings == []
    assert result is not None and result.commune is not None


@pytest.mark.parametrize("district", ["TX Điện Bàn", "Thị xã Điện Bàn", "thị xã điện bàn",
                                      "Điện Bàn"])
def test_district_name_styles(district: str) -> None:
    result, findings = check(old(district=f'{{name: "{district}"}}',
                                 commune="{name: Xã Điện Phong}"))
    assert findings == []
    assert result is not None and result.commune == Unit("20587", "Xã Gò Nổi")
    assert result.former_district == Unit("507", "Thị xã Điện Bàn")


def test_names_differing_only_by_diacritics() -> None:
    # Xã Tam Thanh (20359, Tam Kỳ) and Xã Tam Thành (20365, Phú Ninh) fold to the same key
    result, findings = check(old(commune="{name: Xã Tam Thành}"))
    assert findings == [] and result is not None
    assert result.commune == Unit("20380", "Xã Tây Hồ")
    result, findings = check(old(commune="{name: xa tam thanh}"))
    finding = only(findings, "origin.ambiguous_name")
    assert "Xã Tam Thanh (20359), Thành phố Tam Kỳ" in finding.params["matches"]
    assert "Xã Tam Thành (20365), Huyện Phú Ninh" in finding.params["matches"]
    assert result is not None and result.commune is None


# --- Huyện Nông Sơn (gone before January 2025) -----------------------------------------------

def test_nong_son_commune_not_in_january_2025_list_warns_without_crashing() -> None:
    result, findings = check(old(province="{name: Quảng Nam}", district="{name: huyện Nông Sơn}",
                                 commune="{name: xã Quế Trung}"))
    assert codes(findings) == ["origin.district_merged_earlier", "origin.unknown_commune_name"]
    assert all(f.severity is Severity.WARNING for f in findings)
    assert "Huyện Quế Sơn (509)" in findings[0].message()
    assert findings[0].path == "origin.recorded.district.name"
    assert result is not None and result.province == DA_NANG and result.commune is None
    assert result.former_district == Unit("509", "Huyện Quế Sơn")
    assert Unit("20656", "Xã Nông Sơn") in result.candidates


def test_nong_son_commune_still_listed_under_que_son_is_derived() -> None:
    result, findings = check(old(district="{name: Huyện Nông Sơn}", commune="{name: Xã Quế Lộc}"))
    only(findings, "origin.district_merged_earlier")
    assert result is not None and result.commune == Unit("20656", "Xã Nông Sơn")


# --- splits and current_commune --------------------------------------------------------------

HOA_LIEN = old(province='{name: Thành phố Đà Nẵng, code: "48"}',
               district='{name: Huyện Hòa Vang, code: "497"}',
               commune='{name: Xã Hòa Liên, code: "20296"}')
HOA_LIEN_CANDIDATES = (Unit("20195", "Phường Hải Vân"), Unit("20197", "Phường Liên Chiểu"))


def test_split_commune_needs_current_commune() -> None:
    result, findings = check(HOA_LIEN)
    finding = only(findings, "origin.split_needs_current_commune")
    assert finding.is_error
    assert finding.params["candidates"] == "Phường Hải Vân (20195); Phường Liên Chiểu (20197)"
    assert result == CurrentOrigin(DA_NANG, None, Unit("497", "Huyện Hòa Vang"),
                                   HOA_LIEN_CANDIDATES)


def test_split_commune_with_current_commune() -> None:
    result, findings = check(HOA_LIEN + '  current_commune: "20197"\n')
    assert findings == []
    assert result == CurrentOrigin(DA_NANG, Unit("20197", "Phường Liên Chiểu"),
                                   Unit("497", "Huyện Hòa Vang"))


def test_split_commune_with_current_commune_outside_the_candidates() -> None:
    result, findings = check(HOA_LIEN + '  current_commune: "20410"\n')
    finding = only(findings, "origin.current_commune_not_candidate")
    assert finding.path == "origin.current_commune" and finding.line == 8
    assert result is not None and result.commune is None
    assert result.candidates == HOA_LIEN_CANDIDATES


def test_current_commune_equal_to_derived_is_redundant() -> None:
    result, findings = check(old(commune='{name: Xã Tiên Sơn, code: "20857"}', current="20857"))
    finding = only(findings, "origin.current_commune_redundant")
    assert finding.severity is Severity.WARNING
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")


def test_current_commune_different_from_derived_is_a_conflict() -> None:
    result, findings = check(old(commune='{name: Xã Tiên Sơn, code: "20857"}', current="20410"))
    finding = only(findings, "origin.current_commune_conflict")
    assert finding.is_error and "Xã Sơn Cẩm Hà (20857)" in finding.message()
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")


def test_commune_missing_lists_the_district_new_communes() -> None:
    result, findings = check(old(district='{name: Huyện Tiên Phước, code: "514"}'))
    finding = only(findings, "origin.commune_missing")
    assert finding.path == "origin.recorded"
    assert result is not None and result.commune is None
    assert {unit.code for unit in result.candidates} == {"20854", "20857", "20872", "20878"}


def test_commune_missing_but_current_commune_given() -> None:
    result, findings = check(old(district="{name: Huyện Tiên Phước}", current="20854"))
    assert findings == []
    assert result is not None and result.commune == Unit("20854", "Xã Tiên Phước")
    result, findings = check(old(district="{name: Huyện Tiên Phước}", current="20410"))
    only(findings, "origin.current_commune_not_candidate")
    result, findings = check(old(district="{name: Huyện Tiên Phước}", current="99999"))
    only(findings, "origin.current_commune_unknown")
    assert result is not None and result.commune is None


def test_whole_district_converted_needs_no_commune() -> None:
    result, findings = check(old(province="{name: Thành phố Đà Nẵng}",
                                 district="{name: Huyện Hoàng Sa}"))
    assert findings == []
    assert result == CurrentOrigin(DA_NANG, Unit("20333", "Đặc khu Hoàng Sa"),
                                   Unit("498", "Huyện Hoàng Sa"))


def test_commune_without_conversion_row_asks_for_current_commune() -> None:
    result, findings = check(old(commune='{name: Xã Quế Phước, code: "20674"}'))
    finding = only(findings, "origin.no_conversion")
    assert "Xã Quế Phước (20669)" in finding.params["candidates"]
    assert result is not None and result.commune is None
    result, findings = check(old(commune='{name: Xã Quế Phước, code: "20674"}', current="20669"))
    only(findings, "origin.no_conversion")
    assert result is not None and result.commune == Unit("20669", "Xã Quế Phước")


# --- pre-2025-07 findings --------------------------------------------------------------------

def test_unknown_old_codes_are_errors_at_the_code() -> None:
    result, findings = check(old(province='{name: Tỉnh Quảng Nam, code: "490"}'))
    assert only(findings, "origin.unknown_province_code").path == "origin.recorded.province.code"
    assert result is None
    result, findings = check(old(district='{name: Huyện Tiên Phước, code: "541"}',
                                 commune="{name: Xã Tiên Sơn}"))
    finding = only(findings, "origin.unknown_district_code")
    assert (finding.path, finding.line, finding.column) == ("origin.recorded.district.code", 6, 46)
    assert "Huyện Tiên Phước (514)" in finding.params["known"]
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")
    result, findings = check(old(district="{name: Huyện Tiên Phước}",
                                 commune='{name: Xã Tiên Sơn, code: "29999"}'))
    finding = only(findings, "origin.unknown_commune_code")
    assert finding.is_error and finding.params["by_name"] == "Xã Tiên Sơn (20857)"
    assert result is not None and result.commune is None


def test_name_not_matching_code_shows_official_name() -> None:
    result, findings = check(old(commune='{name: Xã Tiên Hà, code: "20857"}'))
    finding = only(findings, "origin.name_mismatch")
    assert finding.path == "origin.recorded.commune.name"
    assert "«Xã Tiên Sơn»" in finding.message() and "Xã Tiên Hà (20860)" in finding.message()
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")
    result, findings = check(old(district='{name: Huyện Đại Lộc, code: "514"}',
                                 commune="{name: Xã Tiên Sơn}"))
    assert only(findings, "origin.name_mismatch").params["official"] == "Huyện Tiên Phước"


def test_commune_outside_recorded_district_or_province() -> None:
    result, findings = check(old(district='{name: Thành phố Hội An, code: "503"}',
                                 commune='{name: Xã Tiên Sơn, code: "20857"}'))
    finding = only(findings, "origin.commune_not_in_district")
    assert finding.params["actual"] == "Huyện Tiên Phước (514)"
    assert result is not None and result.former_district == Unit("514", "Huyện Tiên Phước")
    result, findings = check(old(district="{name: Hội An}", commune="{name: Xã Tiên Sơn}"))
    only(findings, "origin.commune_not_in_district")
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")
    result, findings = check(old(commune='{name: Phường Hòa Hiệp Bắc, code: "20194"}'))
    only(findings, "origin.commune_not_in_province")
    assert result is not None and result.commune == Unit("20195", "Phường Hải Vân")


def test_unknown_names_are_warnings() -> None:
    result, findings = check(old(district="{name: Huyện Tiên Phúc}",
                                 commune="{name: Xã Tiên Sơn}"))
    assert only(findings, "origin.unknown_district_name").severity is Severity.WARNING
    assert result is not None and result.commune == Unit("20857", "Xã Sơn Cẩm Hà")
    assert result.former_district == Unit("514", "Huyện Tiên Phước")  # from the commune
    result, findings = check(old(district="{name: Huyện Tiên Phước}",
                                 commune="{name: Xã Không Có}"))
    finding = only(findings, "origin.unknown_commune_name")
    assert "Xã Tiên Sơn (20857)" in finding.params["known"]
    assert result is not None and result.commune is None


def test_province_outside_shipped_tables_points_at_the_import_tool() -> None:
    result, findings = check(old(province='{name: Thành phố Hà Nội, code: "01"}',
                                 commune='{name: Phường Phúc Xá, code: "00001"}'))
    finding = only(findings, "origin.province_not_shipped")
    assert "tools/import_admin_table.py" in finding.message()
    assert "Tỉnh Quảng Nam (49)" in finding.message()
    assert result is None
    _, findings = check(old(province="{name: Tỉnh Quảng Ngãi}"))
    only(findings, "origin.province_not_shipped")


# --- 2025-07 findings ------------------------------------------------------------------------

def test_new_scheme_codes_are_checked_against_vietnam_provinces() -> None:
    result, findings = check(new(commune='{name: Xã Lãnh Ngọc, code: "20872"}'))
    assert findings == [] and result is not None
    assert result.commune == Unit("20872", "Xã Lãnh Ngọc")
    result, findings = check(new(commune='{name: Xã Lãnh Ngọc, code: "20875"}'))
    finding = only(findings, "origin.unknown_commune_code")
    assert finding.params["by_name"] == "Xã Lãnh Ngọc (20872)"
    result, findings = check(new(province='{name: Thành phố Đà Nẵng, code: "99"}'))
    assert only(findings, "origin.unknown_province_code").is_error
    assert result is None


def test_new_scheme_province_names() -> None:
    result, findings = check(new(province="{name: TP Đà Nẵng}", commune="{name: Xã Bà Nà}"))
    assert findings == [] and result is not None
    assert result.commune == Unit("20308", "Xã Bà Nà")
    result, findings = check(new(province="{name: Tỉnh Quảng Đà}"))
    only(findings, "origin.unknown_province_name")
    assert result is None
    result, findings = check(new(province='{name: Tỉnh Quảng Nam, code: "49"}'))
    only(findings, "origin.province_merged")  # it says where the province went
    assert result is None


def test_new_scheme_commune_problems() -> None:
    _, findings = check(new(commune="{name: Xã Tiên Sơn}"))
    only(findings, "origin.wrong_scheme")
    _, findings = check(new(commune="{name: Xã Không Có}"))
    only(findings, "origin.unknown_commune_name")
    result, findings = check(new(commune='{name: Phường Ba Đình, code: "00004"}'))
    finding = only(findings, "origin.commune_not_in_province")
    assert finding.params["actual"] == "Thành phố Hà Nội (01)"
    assert result is not None and result.province == Unit("01", "Thành phố Hà Nội")
    result, findings = check(new(commune='{name: Xã Bà Nà, code: "20410"}'))
    assert only(findings, "origin.name_mismatch").params["official"] == "Phường Hội An"


def test_new_scheme_current_commune() -> None:
    _, findings = check(new(commune='{name: Phường Hội An, code: "20410"}', current="20410"))
    only(findings, "origin.current_commune_redundant")
    _, findings = check(new(commune='{name: Phường Hội An, code: "20410"}', current="20401"))
    only(findings, "origin.current_commune_conflict")
    result, findings = check(new())
    only(findings, "origin.commune_missing")
    assert result == CurrentOrigin(DA_NANG, None, None)
    result, findings = check(new(current="20401"))
    assert findings == []
    assert result == CurrentOrigin(DA_NANG, Unit("20401", "Phường Hội An Tây"), None)


# --- every code, and the catalogue -----------------------------------------------------------

SCENARIOS: dict[str, str] = {
    "origin.unknown_province_code": old(province='{name: Tỉnh Quảng Nam, code: "490"}'),
    "origin.unknown_province_name": new(province="{name: Tỉnh Quảng Đà}"),
    "origin.province_merged": new(province="{name: Tỉnh Quảng Nam}"),
    "origin.province_not_shipped": old(province='{name: Thành phố Hà Nội, code: "01"}'),
    "origin.unknown_district_code": old(district='{name: Huyện Tiên Phước, code: "541"}'),
    "origin.unknown_district_name": old(district="{name: Huyện Tiên Phúc}"),
    "origin.district_merged_earlier": old(district="{name: Huyện Nông Sơn}"),
    "origin.unknown_commune_code": old(commune='{name: Xã Tiên Sơn, code: "29999"}'),
    "origin.unknown_commune_name": old(commune="{name: Xã Không Có}"),
    "origin.name_mismatch": old(commune='{name: Xã Tiên Hà, code: "20857"}'),
    "origin.wrong_scheme": new(commune='{name: Phường Sơn Phong, code: "20410"}'),
    "origin.ambiguous_name": old(commune="{name: tam thanh}"),
    "origin.commune_not_in_district": old(district='{name: Hội An, code: "503"}',
                                          commune='{name: Xã Tiên Sơn, code: "20857"}'),
    "origin.commune_not_in_province": old(commune='{name: Xã Hòa Bắc, code: "20293"}'),
    "origin.split_needs_current_commune": HOA_LIEN,
    "origin.current_commune_not_candidate": HOA_LIEN + '  current_commune: "20410"\n',
    "origin.current_commune_redundant": old(commune='{name: Xã Tiên Sơn, code: "20857"}',
                                            current="20857"),
    "origin.current_commune_conflict": old(commune='{name: Xã Tiên Sơn, code: "20857"}',
                                           current="20410"),
    "origin.current_commune_unknown": old(district="{name: Tiên Phước}", current="99999"),
    "origin.commune_missing": old(district="{name: Tiên Phước}"),
    "origin.no_conversion": old(commune='{name: Xã Quế Phước, code: "20674"}'),
}


def test_every_origin_code_has_a_scenario() -> None:
    registered = {code for code in CATALOGUE if code.startswith("origin.")}
    assert registered == set(SCENARIOS)


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_scenario_produces_its_code(code: str) -> None:
    _, findings = check(SCENARIOS[code])
    assert code in codes(findings), [f.message() for f in findings]
    for finding in findings:
        for lang in ("vi", "en"):
            assert "{" not in finding.message(lang), finding.message(lang)  # every param given


@pytest.mark.parametrize("code", sorted(c for c in CATALOGUE if c.startswith("origin.")))
def test_messages_are_bilingual_and_say_how_to_fix(code: str) -> None:
    message = CATALOGUE[code]
    assert message.vi != message.en
    assert message.placeholders() == _placeholders(message.vi) == _placeholders(message.en)
    assert " — " in message.vi  # what is wrong — how to fix it


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_no_origin_means_nothing_to_check() -> None:
    doc = load_text("id: x\n", Document("x.yaml"))
    assert check_origin(doc) == (None, [])


# --- the shipped data ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["conversion-2025-07.csv", "communes-pre-2025-07.csv",
                                  "earlier-district-mergers.csv"])
def test_shipped_csv_is_clean(name: str) -> None:
    text = resource_path(f"data/admin/{name}").read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    assert not text.startswith("\ufeff") and "\r" not in text
    for row in csv.reader(text.splitlines()):
        assert all(cell == cell.strip() and "  " not in cell for cell in row)


def test_shipped_tables_cover_da_nang_and_quang_nam() -> None:
    tables = old_tables()
    assert set(tables.provinces) == {"48", "49"}
    by_province = {p: [c for c in tables.communes.values() if c.province.code == p]
                   for p in ("48", "49")}
    assert (len(by_province["48"]), len(by_province["49"])) == (47, 234)
    assert len(tables.districts_of("49")) == 17 and len(tables.districts_of("48")) == 8
    assert set(tables.communes) - set(tables.moves) == {"20674"}  # Xã Quế Phước, see README
    assert tables.new_province == {"48": DA_NANG, "49": DA_NANG}
    partial = {code for code, moves in tables.moves.items() if len(moves) > 1}
    assert partial == {"20296"}
    assert all(m.note == "Nhập một phần" for m in tables.moves["20296"])


def test_new_communes_reconcile_with_vietnam_provinces() -> None:
    moves = [m for ms in old_tables().district_moves.values() for m in ms]
    news = {m.new for m in moves}
    assert news == set(wards_of("48")) and len(news) == 94
    assert all(current_wards()[unit.code].unit == unit for unit in news)
    differing = {(m.printed_code, m.new.code) for m in moves if m.printed_code != m.new.code}
    assert differing == {("20194", "20195"), ("20305", "20224"), ("20875", "20872")}


# --- tools/import_admin_table.py -------------------------------------------------------------

def _import_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_admin_table",
                                                  ROOT / "tools/import_admin_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


CONVERSION_SAMPLE = (
    "Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,\n"
    '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,\n'
    "THÀNH PHỐ HUẾ,,,,,,,,\n"
    'Thành phố Huế (46),"Phường Kim Long\n",19774,Phường Long Hồ ,20029,Nhập toàn bộ,'
    "Quận Phú Xuân (475),Thành phố Huế (46),\n"
    "THÀNH PHỐ ĐÀ NẴNG,,,,,,,,\n"
    "Thành phố Đà Nẵng (48),Phường Hải Vân,20194,Xã Hòa Liên,20296,Nhập một phần,"
    "Huyện Hòa Vang (497),Thành phố Đà Nẵng (48),\n"
    "Thành phố Đà Nẵng (48),Xã Tây Giang,20455,Xa\u0303 Atie\u0302ng,20455,Nhập toàn bộ,"
    "Huyện Tây Giang (504),Tỉnh Quảng Nam (49),\n"
    "Thành phố Đà Nẵng (48),Đặc khu Hoàng Sa,20333,,,Sắp xếp toàn bộ huyện Hoàng Sa thành "
    "đặc khu Hoàng Sa,Huyện Hoàng Sa (498),Thành phố Đà Nẵng (48),\n"
)
COMMUNES_SAMPLE = (
    "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
    "Thành phố Huế,46,Huyện Phú Lộc,482,Xã Thượng Nhật,20191,Xã,\n"
    "Thành phố Đà Nẵng,48,Huyện Hòa Vang,497,Xã Hòa Liên,20296,Xã,\n"
    "Thành phố Đà Nẵng,48,Huyện Hoàng Sa,498,,,Huyện,\n"
    "Tỉnh Quảng Nam,49,Huyện Tây Giang,504,Xã A Tiêng,20455,Xã,\n"
    "Tỉnh Quảng Nam,49,Huyện Đông Giang,505,Xã  Tư,20482,Xã,\n"
)


def test_import_tool_extracts_one_new_province(tmp_path: Path) -> None:
    tool = _import_tool()
    (tmp_path / "conv.csv").write_text(CONVERSION_SAMPLE, encoding="utf-8")
    (tmp_path / "xa.csv").write_text(COMMUNES_SAMPLE, encoding="utf-8")
    status = tool.main(["--conversion", str(tmp_path / "conv.csv"), "--communes",
                        str(tmp_path / "xa.csv"), "--province", "48", "--out", str(tmp_path)])
    assert status == 0
    with (tmp_path / tool.CONVERSION_FILE).open(encoding="utf-8") as handle:
        conversion = list(csv.DictReader(handle))
    with (tmp_path / tool.COMMUNES_FILE).open(encoding="utf-8") as handle:
        communes = list(csv.DictReader(handle))
    assert [r["new_commune_code"] for r in conversion] == ["20194", "20455", "20333"]
    assert conversion[1]["old_commune_name"] == "Xã Atiêng"  # NFC
    assert conversion[1]["old_district_code"] == "504"
    assert conversion[1]["old_province_name"] == "Tỉnh Quảng Nam"
    assert conversion[0]["note"] == "Nhập một phần"
    assert conversion[2]["old_commune_code"] == "" and conversion[2]["old_district_code"] == "498"
    assert [r["province_code"] for r in communes] == ["48", "48", "49", "49"]
    assert communes[3]["commune_name"] == "Xã Tư"
    assert list(conversion[0]) == list(tool.CONVERSION_COLUMNS)


def test_import_tool_multiline_names_and_coverage(tmp_path: Path) -> None:
    tool = _import_tool()
    result = tool.extract(csv.reader(CONVERSION_SAMPLE.splitlines(keepends=True)),
                          csv.reader(COMMUNES_SAMPLE.splitlines(keepends=True)), {"46"})
    assert result.conversion[0]["new_commune_name"] == "Phường Kim Long"
    assert result.conversion[0]["old_commune_name"] == "Phường Long Hồ"
    assert tool.coverage_problems(result) == [
        "old commune 20191 Xã Thượng Nhật (Huyện Phú Lộc) is in the commune list but has no "
        "conversion row",
        "conversion row names old commune 20029, which the commune list does not have"]
    with pytest.raises(ValueError, match="no conversion rows"):
        tool.extract(csv.reader(CONVERSION_SAMPLE.splitlines(keepends=True)), [], {"99"})


def test_shipped_data_is_what_the_tool_writes(tmp_path: Path) -> None:
    """The shipped files are in the tool's format: rereading and rewriting changes nothing."""
    tool = _import_tool()
    for name, columns in ((tool.CONVERSION_FILE, tool.CONVERSION_COLUMNS),
                          (tool.COMMUNES_FILE, tool.COMMUNE_COLUMNS)):
        shipped = resource_path(f"data/admin/{name}")
        with shipped.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert tuple(rows[0]) == columns
        tool.write_csv(tmp_path / name, columns, rows)
        assert (tmp_path / name).read_bytes() == shipped.read_bytes()
