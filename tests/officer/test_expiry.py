"""`ocop expiry`: the weekly list of recognitions that expired, expire soon or are unclear."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
SITE3 = ROOT / "tests" / "fixtures" / "site3" / "products"

CATALOGUE = {
    "tien-phuoc/tieu-tien-phuoc": ROOT / "products/tien-phuoc/tieu-tien-phuoc",  # expired
    "duy-xuyen/ngu-coc-duy-oanh": ROOT / "products/duy-xuyen/ngu-coc-duy-oanh",  # 22 days left
    "hoi-an/tra-het-han": SITE3 / "hoi-an/tra-het-han",  # expired long ago
    "dai-loc/gom-thanh-ha": SITE3 / "dai-loc/gom-thanh-ha",  # 161 days left
    "hoi-an/nuoc-mam-thu": SITE3 / "hoi-an/nuoc-mam-thu",  # valid until 2028
    "hoi-an/year-only": ROOT / "tests/corpus/valid/year-only",  # signed "2023"
    "hoi-an/stars-out-of-range": ROOT / "tests/corpus/invalid/stars-out-of-range",  # unreadable
}


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("OCOP_TODAY", raising=False)
    for folder, source in CATALOGUE.items():
        shutil.copytree(source, tmp_path / "products" / folder,
                        ignore=shutil.ignore_patterns("expected.txt"))
    return tmp_path


def expiry(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["expiry", "--root", str(root), "--today", "2026-11-29", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_markdown_for_the_weekly_run(capsys: pytest.CaptureFixture[str], catalogue: Path) -> None:
    code, out, err = expiry(capsys, catalogue)
    assert (code, err) == (0, "")
    assert out == """\
## Hạn công nhận OCOP / OCOP recognition expiry — 29/11/2026

**2 đã hết hạn; 1 sắp hết hạn trong 90 ngày; 1 chưa rõ hiệu lực (trên 6 sản phẩm).** Mỗi sản \
phẩm xét lần công nhận mới nhất; hạn là 36 tháng từ ngày ký. Danh sách để nhắc việc, không chặn gì.

1 tệp chưa xét được vì có lỗi (chạy `ocop validate` để xem): \
`products/hoi-an/stars-out-of-range/product.yaml`

### Sắp hết hạn trong 90 ngày / Expiring within 90 days (1)

| Sản phẩm | Địa phương | Chủ thể | Lần công nhận | Hạn |
|---|---|---|---|---|
| **Ngũ cốc Duy Oanh**<br>`products/duy-xuyen/ngu-coc-duy-oanh/` | Huyện Duy Xuyên | HTX Nông \
nghiệp xanh Duy Oanh | ngày 22/12/2023, 4 sao | hiệu lực đến 21/12/2026 (còn 22 ngày) |

### Đã hết hạn / Expired (2)

| Sản phẩm | Địa phương | Chủ thể | Lần công nhận | Hạn |
|---|---|---|---|---|
| **Tiêu Tiên Phước**<br>`products/tien-phuoc/tieu-tien-phuoc/` | Huyện Tiên Phước | Công ty \
TNHH Sơn Tiến | QĐ 3610/QĐ-UBND ngày 29/12/2022, 4 sao | hết hiệu lực từ 29/12/2025 |
| **Trà thảo mộc Đã Hết Hạn**<br>`products/hoi-an/tra-het-han/` | Thành phố Hội An | HTX Trà \
Thử Nghiệm | QĐ 100/QĐ-UBND ngày 01/06/2021, 4 sao | hết hiệu lực từ 01/06/2024 |

### Chưa rõ hiệu lực / Validity unclear (1)

| Sản phẩm | Địa phương | Chủ thể | Lần công nhận | Hạn |
|---|---|---|---|---|
| **Nước mắm thử nghiệm**<br>`products/hoi-an/year-only/` | Thành phố Hội An | Cơ sở nước mắm \
thử nghiệm | QĐ 123/QĐ-UBND năm 2023, 3 sao | chưa rõ còn hiệu lực (hết hạn trong \
khoảng 31/12/2025 – 30/12/2026); cần ngày ký đầy đủ |
"""


def test_text_with_a_longer_notice(capsys: pytest.CaptureFixture[str], catalogue: Path) -> None:
    code, out, _ = expiry(capsys, catalogue, "--format", "text", "--within", "200")
    assert code == 0
    assert out.splitlines()[:6] == [
        "Hạn công nhận OCOP ngày 29/11/2026: 2 đã hết hạn; 2 sắp hết hạn trong 200 ngày; "
        "1 chưa rõ hiệu lực (trên 6 sản phẩm).",
        "1 tệp chưa xét được vì có lỗi (chạy `ocop validate` để xem): "
        "products/hoi-an/stars-out-of-range/product.yaml",
        "",
        "Sắp hết hạn trong 200 ngày (2):",
        "  products/duy-xuyen/ngu-coc-duy-oanh/product.yaml: Ngũ cốc Duy Oanh (HTX Nông nghiệp "
        "xanh Duy Oanh, Huyện Duy Xuyên) — ngày 22/12/2023, 4 sao — hiệu lực đến 21/12/2026 "
        "(còn 22 ngày)",
        "  products/dai-loc/gom-thanh-ha/product.yaml: Gốm \"Thanh Hà\" & Co <3 (Hộ kinh doanh "
        "Gốm & Men \"Xanh\", Huyện Đại Lộc) — QĐ 55/QĐ-UBND ngày 10/05/2024, 3 sao — hiệu lực "
        "đến 09/05/2027 (còn 161 ngày)",
    ]


def test_json_for_tools(capsys: pytest.CaptureFixture[str], catalogue: Path) -> None:
    code, out, _ = expiry(capsys, catalogue, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [len(data[k]) for k in ("expired", "expiring", "unclear")] == [2, 1, 1]
    assert data["unreadable"] == ["products/hoi-an/stars-out-of-range/product.yaml"]
    assert data["unclear"][0] == {
        "file": "products/hoi-an/year-only/product.yaml", "id": "year-only",
        "name": "Nước mắm thử nghiệm", "subject": "Cơ sở nước mắm thử nghiệm",
        "area": "Thành phố Hội An", "stars": 3, "decision": "123/QĐ-UBND", "signed": "2023",
        "valid_until": "2025-12-31", "valid_until_latest": "2026-12-30", "days_left": -333}
    assert data["expired"][0]["days_left"] == -336


def test_english_and_nothing_to_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copytree(SITE3 / "hoi-an/nuoc-mam-thu", tmp_path / "products/hoi-an/nuoc-mam-thu")
    code, out, _ = expiry(capsys, tmp_path, "--lang", "en")
    assert code == 0
    assert out == ("## OCOP recognition expiry — 29/11/2026\n\n"
                   "**No recognition has expired, expires within 90 days or has an unclear "
                   "validity (out of 1 products).** Each product's latest recognition counts; "
                   "it is valid 36 months from signing. This list is a reminder and blocks "
                   "nothing.\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--within", "-5"], "ocop expiry: --within phải là số ngày không âm\n"),
    (["--today", "29/11/2026"], "ocop: --today phải có dạng YYYY-MM-DD / must be YYYY-MM-DD\n"),
])
def test_usage_errors(capsys: pytest.CaptureFixture[str], catalogue: Path, args: list[str],
                      message: str) -> None:
    code = main(["expiry", "--root", str(catalogue), *args])
    assert (code, capsys.readouterr().err) == (2, message)


def test_no_catalogue_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = expiry(capsys, tmp_path)
    assert (code, out) == (2, "")
    assert err == f"ocop expiry: không tìm thấy thư mục {tmp_path / 'products'}\n"
