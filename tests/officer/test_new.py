"""`ocop new`: the essentials asked (or given as options), a file in the example's style, the
photo folder, and the validator's findings showing what is left."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.product import load_product
from tests.conftest import ROOT

TODAY = ["--today", "2026-11-29"]
# A real product (OCOP.md §5, row 30): Hộ kinh doanh Hải Thủy, xã Trà Mai, Nam Trà My, 3 stars, 2023.
SAM = ["--name", "Trà túi lọc Sâm Ngọc Linh", "--subject", "Hộ kinh doanh Hải Thủy",
       "--legal-form", "hkd", "--stars", "3 sao", "--signed", "2023", "--commune-code", "20944",
       "--group", "3", "--product-type", "Trà túi lọc", "--processing", "chế biến"]
SAM_FILE = """\
# yaml-language-server: $schema=../../../schema/product.schema.json
# Tệp sản phẩm OCOP — xem hướng dẫn trường ở docs/field-reference.md
id: tra-tui-loc-sam-ngoc-linh
name:
  vi: Trà túi lọc Sâm Ngọc Linh
product_type: trà túi lọc
group: Dược liệu và sản phẩm từ dược liệu
processing: processed

subject:
  name: Hộ kinh doanh Hải Thủy
  legal_form: household-business

recognitions:
  - signed: "2023"
    stars: 3

origin:
  recorded:
    scheme: pre-2025-07
    province: {name: Tỉnh Quảng Nam, code: "49"}
    district: {name: Huyện Nam Trà My, code: "516"}
    commune: {name: Xã Trà Mai, code: "20944"}

# TODO (không bắt buộc): đặt ảnh JPEG, PNG hoặc WebP (cạnh dài từ 800 điểm ảnh) vào thư mục này, \
bỏ dấu # ở các dòng dưới, sửa tên tệp và mô tả / optional: put photos in this folder, uncomment the \
lines below, edit file name and description
# photos:
#   - file: mat-truoc.jpg
#     role: front
#     alt:
#       vi: Mặt trước bao bì Trà túi lọc Sâm Ngọc Linh

# TODO: giới thiệu sản phẩm cho người mua, chỉ viết điều nguồn nói / describe the product for \
buyers, only what the sources say
content:
  description:
    vi: ""

# TODO: ghi nguồn (quyết định, bài báo) của các thông tin trên — bỏ dấu # ở các dòng dưới, dán \
địa chỉ và tiêu đề / add the sources — uncomment the lines below, paste the address and title
# sources:
#   - url: https://<địa-chỉ-văn-bản-hoặc-bài-báo>
#     title: <tiêu đề văn bản hoặc bài báo>
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for product in ("tien-phuoc/tieu-tien-phuoc", "hoi-an/nuoc-mam-tu-tai"):
        shutil.copytree(ROOT / "products" / product, root / "products" / product)
    return root


def new(root: Path, *args: str) -> int:
    return main(["new", "--root", str(root), *TODAY, *args])


def test_options_write_the_file_the_folder_and_show_what_is_left(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(repo, "--non-interactive", *SAM) == 1  # the file still has errors
    path = repo / "products" / "nam-tra-my" / "tra-tui-loc-sam-ngoc-linh" / "product.yaml"
    assert path.read_text(encoding="utf-8") == SAM_FILE
    out = capsys.readouterr().out
    file = "products/nam-tra-my/tra-tui-loc-sam-ngoc-linh/product.yaml"
    assert out == (
        f"\nĐã tạo / created: {file}\n"
        "Ảnh đặt vào thư mục / put photos in: products/nam-tra-my/tra-tui-loc-sam-ngoc-linh/\n\n"
        f"{file}\n"
        f"  {file}:3:1 lỗi sources: thiếu trường bắt buộc `sources` (Nguồn thông tin) — thêm "
        "dòng, ví dụ: `sources: [{url: 'https://baoquangnam.vn/', title: Công nhận 12 sản phẩm "
        "OCOP 4 sao năm 2019}]` [schema.required]\n"
        f"  {file}:35:9 lỗi content.description.vi: Tiếng Việt: độ dài không hợp lệ (từ 1 đến "
        "5000 ký tự) — đang để trống: điền nội dung, hoặc xoá dòng nếu trường không bắt buộc "
        "[schema.length]\n\n"
        "Đã kiểm tra 1 tệp sản phẩm: 2 lỗi, 0 cảnh báo. 1 tệp có lỗi, chưa thể đăng cho đến khi "
        "sửa xong.\n"
        "Còn phải điền / still to fill (content.description, sources):\n"
        "  - dòng 32: giới thiệu sản phẩm cho người mua, chỉ viết điều nguồn nói\n"
        "  - dòng 37: ghi nguồn (quyết định, bài báo) của các thông tin trên — bỏ dấu # ở các "
        "dòng dưới, dán địa chỉ và tiêu đề\n"
        f"Tệp còn 2 lỗi: điền các chỗ trên rồi chạy `ocop validate {file}` / the file still has "
        "2 error(s): fill in the places above, then run `ocop validate`\n")


def test_the_minimum_leaves_a_todo_for_every_required_field(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(repo, "--non-interactive", "--name", "Mắm ruốc Duy Trinh",
               "--area", "Duy Xuyên") == 1
    path = repo / "products" / "duy-xuyen" / "mam-ruoc-duy-trinh" / "product.yaml"
    text = path.read_text(encoding="utf-8")
    for line in ("product_type: CHƯA ĐIỀN", "group: CHƯA ĐIỀN", "processing: CHƯA ĐIỀN",
                 "# recognitions:", "# sources:", "# photos:"):
        assert line in text
    data = load_product(path, "p").data
    assert data["id"] == "mam-ruoc-duy-trinh"
    # the area folder names a district: the origin is filled in from it
    assert data["origin"] == {"recorded": {
        "scheme": "pre-2025-07", "province": {"name": "Tỉnh Quảng Nam", "code": "49"},
        "district": {"name": "Huyện Duy Xuyên", "code": "508"}}}
    out = capsys.readouterr().out
    assert out.split("sửa xong.\n")[1] == (
        "Còn phải điền / still to fill (product_type, group, processing, recognitions, "
        "content.description, sources):\n"
        "  - dòng 6: loại sản phẩm, chữ thường, không kèm thương hiệu hay địa danh, ví dụ «nước "
        "mắm», «tinh dầu quế»\n"
        "  - dòng 8: chọn một nhóm\n"
        "  - dòng 10: mức độ chế biến\n"
        "  - dòng 13: thêm lần công nhận theo quyết định — bỏ dấu # ở các dòng dưới rồi sửa\n"
        "  - dòng 32: giới thiệu sản phẩm cho người mua, chỉ viết điều nguồn nói\n"
        "  - dòng 37: ghi nguồn (quyết định, bài báo) của các thông tin trên — bỏ dấu # ở các "
        "dòng dưới, dán địa chỉ và tiêu đề\n"
        "Tệp còn 6 lỗi: điền các chỗ trên rồi chạy `ocop validate "
        "products/duy-xuyen/mam-ruoc-duy-trinh/product.yaml` / the file still has 6 error(s): "
        "fill in the places above, then run `ocop validate`\n")


def test_an_id_used_anywhere_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    assert new(repo, "--non-interactive", "--name", "Tiêu Tiên Phước", "--area", "hoi-an") == 1
    assert capsys.readouterr().err == (
        "ocop new: id «tieu-tien-phuoc» đã có ở products/tien-phuoc/tieu-tien-phuoc — nếu là "
        "cùng sản phẩm, hãy sửa tệp đó; nếu là sản phẩm khác, chọn id khác, ví dụ "
        "«tieu-tien-phuoc-hoi-an» / id «tieu-tien-phuoc» is already used by "
        "products/tien-phuoc/tieu-tien-phuoc — if it is the same product, edit that file; "
        "otherwise choose another id\n")
    assert new(repo, "--id", "nuoc-mam-tu-tai", "--name", "Nước mắm", "--area", "x") == 1
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--stars", "6"], "ocop new: «6»: hạng sao OCOP chỉ là 3, 4 hoặc 5 / OCOP stars are 3, 4 "
                       "or 5\n"),
    (["--signed", "31/02/2023"], "ocop new: «31/02/2023»: ngày không có trên lịch — viết "
                                 "29/12/2022, 2022-12-29 hoặc chỉ năm 2022 / write 29/12/2022, "
                                 "2022-12-29 or the year only\n"),
    (["--group", "9"], "ocop new: «9» không có trong danh sách — gõ số thứ tự hoặc một trong: "
                       "Thực phẩm, Đồ uống, Dược liệu và sản phẩm từ dược liệu, Hàng thủ công "
                       "mỹ nghệ, Sinh vật cảnh, Dịch vụ du lịch cộng đồng, du lịch sinh thái và "
                       "điểm du lịch / not in the list — type its number or one of them\n"),
    (["--commune-code", "99999"], "ocop new: không có xã mã 99999 trong danh sách trước 1/7/2025 "
                                  "đi kèm / no commune 99999 in the shipped pre-July-2025 list\n"),
    ([], "ocop new: cần --area, hoặc mã xã/huyện để suy ra địa phương / --area is required, or a "
         "commune/district code to derive it from\n"),
])
def test_unusable_options_exit_2(repo: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                 message: str) -> None:
    assert new(repo, "--non-interactive", "--name", "Mắm ruốc Duy Trinh", *args) == 2
    assert capsys.readouterr().err == message
    assert not (repo / "products" / "duy-xuyen").exists()


def test_name_is_needed_without_questions(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(repo, "--non-interactive", "--area", "hoi-an") == 2
    assert capsys.readouterr().err == "ocop new: cần --name (tên sản phẩm) / --name is required\n"


def test_questions_on_standard_input(repo: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [
        "Trà túi lọc Sâm Ngọc Linh",  # name
        "bảy",  # stars: unreadable, asked again
        "3",
        "2023",  # signed
        "",  # decision: unknown
        "20944",  # commune code → district and province follow
        "",  # area: the suggestion (nam-tra-my)
        "tieu-tien-phuoc",  # id: taken, asked again
        "",  # id: the suggestion
        "3", "trà túi lọc", "4",  # group, product type, processing
        "Hộ kinh doanh Hải Thủy",
        "",  # legal form: the one suggested by the name
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    assert new(repo) == 1
    out = capsys.readouterr().out
    assert "  «bảy»: hạng sao OCOP chỉ là 3, 4 hoặc 5 / OCOP stars are 3, 4 or 5\n" in out
    assert "  → Xã Trà Mai, Huyện Nam Trà My, Tỉnh Quảng Nam\n" in out
    assert "Thư mục địa phương trong products/ / Area folder in products/ [nam-tra-my]: " in out
    assert "  id «tieu-tien-phuoc» đã có ở products/tien-phuoc/tieu-tien-phuoc — " in out
    assert "Mã sản phẩm (id) / Product id [tra-tui-loc-sam-ngoc-linh]: " in out
    assert "Loại hình chủ thể (gõ số) / Legal form (type the number) [household-business]: " in out
    path = repo / "products" / "nam-tra-my" / "tra-tui-loc-sam-ngoc-linh" / "product.yaml"
    assert path.read_text(encoding="utf-8") == SAM_FILE
    assert out.endswith("the file still has 2 error(s): fill in the places above, then run "
                        "`ocop validate`\n")


def test_questions_stop_cleanly_when_input_ends(repo: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert new(repo) == 2
    assert "ocop new: chưa có câu trả lời cho «Tên sản phẩm" in capsys.readouterr().err


def test_after_1_july_2025_the_place_is_written_in_the_new_scheme(repo: Path) -> None:
    assert new(repo, "--non-interactive", "--name", "Sản phẩm thử", "--signed", "2025-09-01",
               "--commune-code", "20410", "--stars", "3") == 1
    data = load_product(repo / "products" / "hoi-an" / "san-pham-thu" / "product.yaml", "p").data
    assert data["origin"]["recorded"] == {"scheme": "2025-07",
                                          "province": {"name": "Thành phố Đà Nẵng", "code": "48"},
                                          "commune": {"name": "Phường Hội An", "code": "20410"}}


def test_a_complete_file_exits_0(repo: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit 1 means the written file has errors, not that something went wrong: a file the
    officer completes from the list passes."""
    assert new(repo, "--non-interactive", *SAM) == 1
    path = repo / "products" / "nam-tra-my" / "tra-tui-loc-sam-ngoc-linh" / "product.yaml"
    text = path.read_text(encoding="utf-8").replace('    vi: ""', "    vi: Trà túi lọc.")
    text = text.replace("# sources:\n#   - url: https://<địa-chỉ-văn-bản-hoặc-bài-báo>\n"
                        "#     title: <tiêu đề văn bản hoặc bài báo>",
                        "sources:\n  - url: https://example.org/qd\n    title: Quyết định")
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", "--root", str(repo), *TODAY, str(path)]) == 0


def ask(repo: Path, monkeypatch: pytest.MonkeyPatch, answers: list[str], *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))
    return new(repo, *args)


REST = ["3", "trà túi lọc", "4", "Hộ kinh doanh Hải Thủy", ""]  # group … legal form


@pytest.mark.parametrize("typed", ["Xã Trà Mai", "xa tra mai", "Trà Mai", "TRA MAI",
                                   "x. Trà Mai, Nam Trà My", "20944"])
def test_the_commune_by_its_name(repo: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    answers = ["Trà túi lọc Sâm Ngọc Linh", "3", "2023", "", typed, "", "", *REST]
    assert ask(repo, monkeypatch, answers) == 1
    out = capsys.readouterr().out
    assert "  → Xã Trà Mai, Huyện Nam Trà My, Tỉnh Quảng Nam\n" in out
    path = repo / "products" / "nam-tra-my" / "tra-tui-loc-sam-ngoc-linh" / "product.yaml"
    assert path.read_text(encoding="utf-8") == SAM_FILE


def test_a_misspelt_commune_gets_close_names(repo: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    answers = ["Rượu cần", "3", "2023", "", "Xã A Tiêngg", "xa a tieng", "", "", "2",
               "rượu cần", "4", "", ""]
    assert ask(repo, monkeypatch, answers) == 1
    out = capsys.readouterr().out
    assert ("  không tìm thấy xã «Xã A Tiêngg»; có phải: Xã A Tiêng, Huyện Tây Giang; Xã A Ting, "
            "Huyện Đông Giang; Xã Tam Tiến, Huyện Núi Thành; Xã Hòa Tiến, Huyện Hòa Vang; Xã "
            "Tiên Ngọc, Huyện Tiên Phước? — gõ lại tên hoặc mã 5 số / no commune «Xã A "
            "Tiêngg»; did you mean: Xã A Tiêng, Huyện Tây Giang; Xã A Ting, Huyện Đông Giang; "
            "Xã Tam Tiến, Huyện Núi Thành; Xã Hòa Tiến, Huyện Hòa Vang; Xã Tiên Ngọc, Huyện "
            "Tiên Phước? — type the name again or the 5-digit code\n") in out
    assert "  → Xã A Tiêng, Huyện Tây Giang, Tỉnh Quảng Nam\n" in out
    assert (repo / "products" / "tay-giang" / "ruou-can" / "product.yaml").is_file()


def test_a_name_of_several_communes_asks_for_more(repo: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    answers = ["Mật ong", "3", "2023", "", "Tam Thanh", "Tam Thanh, Phú Ninh", "", "", "1",
               "mật ong", "4", "", ""]
    assert ask(repo, monkeypatch, answers) == 1
    out = capsys.readouterr().out
    assert ("  «Tam Thanh» khớp nhiều xã: Xã Tam Thanh, Thành phố Tam Kỳ (20359); Xã Tam Thạnh, "
            "Huyện Núi Thành (20980); Xã Tam Thành, Huyện Phú Ninh (20365) — gõ mã 5 số, hoặc "
            "thêm tên huyện («Tam Thanh, <huyện>») / matches several communes — type the "
            "5-digit code or add the district\n") in out
    assert "  → Xã Tam Thành, Huyện Phú Ninh, Tỉnh Quảng Nam\n" in out


def test_the_area_folder_narrows_and_fills_in_the_place(
        repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # «A Ting» is a commune of Đông Giang; the folder narrows the name to it
    answers = ["Rượu Tà Vạc thử", "3", "2018", "", "a ting", "", "2", "rượu tà vạc", "4", "",
               ""]
    assert ask(repo, monkeypatch, answers, "--area", "dong-giang") == 1
    out = capsys.readouterr().out
    assert "  → Xã A Ting, Huyện Đông Giang, Tỉnh Quảng Nam\n" in out
    # nothing typed for the place: the folder gives the district, no district question asked
    answers = ["Rượu thử", "3", "2018", "", "", "", "2", "rượu", "4", "", ""]
    assert ask(repo, monkeypatch, answers, "--area", "dong-giang") == 1
    out = capsys.readouterr().out
    assert "Mã huyện" not in out
    data = load_product(repo / "products" / "dong-giang" / "ruou-thu" / "product.yaml", "p").data
    assert data["origin"]["recorded"]["district"] == {"name": "Huyện Đông Giang", "code": "505"}


def test_after_1_july_2025_a_former_commune_says_what_it_is_part_of_now(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(repo, "--non-interactive", "--name", "Sản phẩm thử", "--signed", "2025-09-01",
               "--commune-code", "Xã Tiên Sơn", "--area", "tien-phuoc") == 2
    assert capsys.readouterr().err == (
        "ocop new: «Xã Tiên Sơn» là xã trước 1/7/2025; nay thuộc: Xã Sơn Cẩm Hà (20857) — "
        "quyết định ký từ 1/7/2025 ghi tên xã mới: gõ tên hoặc mã xã mới / «Xã Tiên Sơn» is a "
        "commune before 1 July 2025, now part of the above — a decision signed from 1 July 2025 "
        "names the new commune: type its name or code\n")
    assert new(repo, "--non-interactive", "--name", "Sản phẩm thử", "--signed", "2025-09-01",
               "--commune-code", "son cam ha", "--area", "tien-phuoc") == 1
    data = load_product(repo / "products" / "tien-phuoc" / "san-pham-thu" / "product.yaml",
                        "p").data
    assert data["origin"]["recorded"] == {"scheme": "2025-07",
                                          "province": {"name": "Thành phố Đà Nẵng", "code": "48"},
                                          "commune": {"name": "Xã Sơn Cẩm Hà", "code": "20857"}}
