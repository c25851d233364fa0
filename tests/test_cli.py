"""The `ocop validate` command as officers and CI run it: output, formats, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "corpus" / "valid" / "minimal"
STARS = ROOT / "tests" / "corpus" / "invalid" / "stars-out-of-range"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["validate", "--root", str(ROOT), "--today", "2026-11-29", *args])
    return code, capsys.readouterr().out


def test_clean_file_exits_0_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(MINIMAL))
    assert code == 0
    assert out == ("Đã kiểm tra 1 tệp sản phẩm: 0 lỗi, 0 cảnh báo. "
                   "Không phát hiện vấn đề nào.\n")


def test_error_text_names_file_line_column_field_and_fix(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(STARS))
    assert code == 1
    assert out == (
        "tests/corpus/invalid/stars-out-of-range/product.yaml\n"
        "  tests/corpus/invalid/stars-out-of-range/product.yaml:14:12 lỗi "
        "recognitions[0].stars: 6 không hợp lệ — hạng sao OCOP chỉ từ 3 đến 5 "
        "[recognition.stars_range]\n\n"
        "Đã kiểm tra 1 tệp sản phẩm: 1 lỗi, 0 cảnh báo. "
        "1 tệp có lỗi, chưa thể đăng cho đến khi sửa xong.\n")


def test_english_messages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--lang", "en", str(STARS))
    assert code == 1
    assert ("product.yaml:14:12 error recognitions[0].stars: 6 is not valid — OCOP star "
            "ratings are 3 to 5 only [recognition.stars_range]") in out
    assert out.endswith("1 file(s) have errors and cannot be published until fixed.\n")


def test_warnings_are_never_summarised_as_all_good(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, str(ROOT / "tests" / "corpus" / "valid" / "expired"))
    assert code == 0
    assert "cảnh báo recognitions[0].signed: hạng 3 sao hết hiệu lực từ 01/06/2024" in out
    assert out.rstrip().endswith("0 lỗi, 1 cảnh báo. Không có lỗi; hãy xem lại các cảnh báo.")


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "json", str(STARS))
    assert code == 1
    assert json.loads(out) == [{
        "file": "tests/corpus/invalid/stars-out-of-range/product.yaml", "line": 14, "column": 12,
        "path": "recognitions[0].stars", "severity": "error", "code": "recognition.stars_range",
        "message": "6 không hợp lệ — hạng sao OCOP chỉ từ 3 đến 5"}]


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "github", str(STARS))
    assert code == 1
    first = out.splitlines()[0]
    assert first == ("::error file=tests/corpus/invalid/stars-out-of-range/product.yaml,"
                     "line=14,col=12,title=recognition.stars_range recognitions[0].stars"
                     "::6 không hợp lệ — hạng sao OCOP chỉ từ 3 đến 5")


def test_several_paths_errors_in_one_do_not_hide_the_others(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "json", str(STARS), str(MINIMAL),
                    str(ROOT / "tests" / "corpus" / "invalid" / "tab-indent"))
    assert code == 1
    files = {item["file"].split("/")[-2] for item in json.loads(out)}
    assert files == {"stars-out-of-range", "tab-indent"}


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(ROOT), "khong-co-thu-muc-nay"]) == 2
    assert "không tìm thấy" in capsys.readouterr().err
    assert main(["validate", "--today", "hôm nay", str(MINIMAL)]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--format", "xml"])
    assert exit_info.value.code == 2


def test_fix_nfc_rewrites_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "nfd-text"
    shutil.copytree(ROOT / "tests" / "corpus" / "valid" / "nfd-text", case)
    before = (case / "product.yaml").read_text(encoding="utf-8")
    assert main(["validate", "--root", str(tmp_path), "--fix-nfc", str(case)]) == 0
    after = (case / "product.yaml").read_text(encoding="utf-8")
    assert after != before and "Nước mắm thử nghiệm" in after
    capsys.readouterr()
    assert main(["validate", "--root", str(tmp_path), "--format", "json", str(case)]) == 0
    assert "text.nfd" not in capsys.readouterr().out


def test_installed_console_script_runs() -> None:
    ocop = shutil.which("ocop", path=str(Path(sys.executable).parent))
    assert ocop, "the ocop console script is installed with the package"
    done = subprocess.run([ocop, "validate", "--today", "2026-11-29", str(STARS)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "recognition.stars_range" in done.stdout


@pytest.mark.parametrize("one_shot", [True, False])
def test_only_a_one_shot_command_freezes_what_it_loaded(one_shot: bool) -> None:
    """The ``ocop`` command moves the loaded catalogue out of the cycle collector's sight
    (it exits soon after); a caller that goes on (a test, ``ocop serve``) keeps collecting."""
    script = (f"import gc, sys; from generator.cli import main; "
              f"main(['validate', '--root', {str(ROOT)!r}, {str(MINIMAL)!r}], "
              f"one_shot={one_shot}); print(gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    assert (int(out[-1]) > 0) is one_shot
