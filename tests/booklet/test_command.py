"""``ocop print``: which booklet the options select, where it is written."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from generator.cli import main
from tests.booklet.conftest import Catalogue

NAME = "Nước mắm nhĩ Thử Nghiệm"


def run(repo: Catalogue, *args: str) -> int:
    return main(["print", "--root", str(repo.root), "--today", repo.today.isoformat(), *args])


def text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_a_group_booklet_to_a_file(site3_repo: Catalogue, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "do-uong.pdf"
    assert run(site3_repo, "--group", "do uong", "-o", str(out)) == 0
    printed = text(out)
    assert "Sản phẩm OCOP — Đồ uống" in printed and "Trà thảo mộc Đã Hết Hạn" in printed
    assert NAME not in printed
    assert f"Đã ghi {out} (" in capsys.readouterr().out


def test_several_options_make_one_booklet_of_what_matches_all(site3_repo: Catalogue,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    assert run(site3_repo, "--area", "hoi an", "--stars", "5", "--layout", "4up", "-o", str(out)) == 0
    printed = text(out)
    assert "Sản phẩm OCOP — Thành phố Hội An · 5 sao" in printed and NAME in printed
    assert "Đã Hết Hạn" not in printed


def test_every_booklet_into_a_folder(site3_repo: Catalogue, tmp_path: Path) -> None:
    assert run(site3_repo, "--every", "-o", str(tmp_path)) == 0
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.pdf"))
    assert written == ["danh-muc.pdf", "dia-phuong/huyen-dai-loc.pdf",
                       "dia-phuong/thanh-pho-hoi-an.pdf", "nhom/do-uong.pdf",
                       "nhom/hang-thu-cong-my-nghe.pdf", "nhom/thuc-pham.pdf", "sao/3-sao.pdf",
                       "sao/5-sao.pdf", "su-kien/cho-phien-thu-nghiem-2024.pdf",
                       "su-kien/hoi-cho-thu-nghiem-2027.pdf"]


def test_an_unknown_choice_lists_the_choices(site3_repo: Catalogue,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site3_repo, "--group", "Rượu") == 2
    assert "Không có nhóm \"Rượu\"; có: Đồ uống, Hàng thủ công mỹ nghệ, Thực phẩm" in \
        capsys.readouterr().err


def test_one_pdf_file_for_several_booklets_is_a_usage_error(site3_repo: Catalogue,
                                                            tmp_path: Path) -> None:
    assert run(site3_repo, "--every", "-o", str(tmp_path / "all.pdf")) == 2


def test_every_with_a_selection_is_a_usage_error(site3_repo: Catalogue,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site3_repo, "--every", "--stars", "5") == 2
    assert "--every" in capsys.readouterr().err
