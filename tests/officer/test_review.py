"""`ocop review` on a real git repository: the Markdown officers read in a pull request.

The fixture is a small catalogue committed on ``main``, then a proposal branch with several
commits (stars raised, a re-recognition, a certification, a replaced photo, a product moved
to another area folder, two products added, one removed) and an uncommitted edit that brings
an error — while ``main`` moves on with a product of its own.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from generator.cli import main
from generator.markdown import fit, md, md_message
from generator.review.build import build_review
from generator.review.render import render

ROOT = Path(__file__).resolve().parents[2]
SITE3 = ROOT / "tests" / "fixtures" / "site3" / "products"
TODAY = "2026-11-29"

BASE_PRODUCTS = {
    "products/tien-phuoc/tieu-tien-phuoc": ROOT / "products/tien-phuoc/tieu-tien-phuoc",
    "products/duy-xuyen/ngu-coc-duy-oanh": ROOT / "products/duy-xuyen/ngu-coc-duy-oanh",
    "products/dong-giang/ruou-ta-vac": ROOT / "products/dong-giang/ruou-ta-vac",
    "products/hoi-an/nuoc-mam-thu": SITE3 / "hoi-an/nuoc-mam-thu",
    "products/hoi-an/tra-het-han": SITE3 / "hoi-an/tra-het-han",
    "products/dai-loc/gom-thanh-ha": SITE3 / "dai-loc/gom-thanh-ha",
}

RE_RECOGNITION = """\
  - decision: 1234/QĐ-UBND
    signed: 2025-12-20
    authority: UBND thành phố Đà Nẵng
    stars: 4
    score: 72.5

standards:
  - scheme: haccp
    certificate: HACCP-TP-01
    valid_until: 2027-06-30
"""

SIMILAR_FISH_SAUCE = """\
id: nuoc-mam-thu-nghiem
name:
  vi: Nước mắm nhĩ Thử Nghiêm
product_type: nước mắm
group: Thực phẩm
processing: processed
subject:
  name: Cơ sở nước mắm Bà Lăng
  legal_form: establishment
recognitions:
  - decision: 88/QĐ-UBND
    signed: 2026-03-02
    authority: UBND thành phố Đà Nẵng
    stars: 3
origin:
  recorded:
    scheme: pre-2025-07
    province: {name: Tỉnh Quảng Nam, code: "49"}
    district: {name: Thành phố Hội An, code: "503"}
    commune: {name: Xã Cẩm Thanh, code: "20431"}
photos:
  - file: chai.jpg
    role: front
    alt:
      vi: Chai nước mắm Bà Lăng
content:
  description:
    vi: Nước mắm cá cơm ủ chượp truyền thống.
sources:
  - url: https://example.org/ba-lang
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True)
    return done.stdout.strip()


def gps_jpeg() -> bytes:
    """A new 1200×900 label photo that still carries the GPS position where it was taken."""
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (15.0, 52.0, 48.0)
    gps[3], gps[4] = "E", (108.0, 20.0, 6.0)
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (180, 90, 40)).save(out, "JPEG", exif=exif, quality=80)
    return out.getvalue()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def _proposal(repo: Path) -> None:
    """Commits on the proposal branch, as an officer would make them."""
    products = repo / "products"
    gom = products / "dai-loc/gom-thanh-ha/product.yaml"
    edit(gom, "    stars: 3\n", "    stars: 4\n")  # 4★ in 2024: the province signs, not a district
    edit(gom, "    authority: UBND huyện Đại Lộc\n", "    authority: UBND tỉnh Quảng Nam\n")
    tieu = products / "tien-phuoc/tieu-tien-phuoc/product.yaml"
    edit(tieu, "    score: 70.9\n", "    score: 70.9\n    status: superseded\n")
    edit(tieu, "\norigin:\n", RE_RECOGNITION + "\norigin:\n")
    _commit(repo, "Nâng hạng gốm, công nhận lại tiêu, thêm HACCP")
    (products / "hoi-an/nuoc-mam-thu/nhan.jpg").write_bytes(gps_jpeg())
    _commit(repo, "Thay ảnh nhãn nước mắm")
    (products / "thang-binh").mkdir()
    git(repo, "mv", "products/hoi-an/tra-het-han", "products/thang-binh/tra-het-han")
    git(repo, "rm", "-r", "-q", "products/dong-giang/ruou-ta-vac")
    shutil.copytree(ROOT / "products/tien-phuoc/heo-thao-duoc-xu-tien",
                    products / "tien-phuoc/heo-thao-duoc-xu-tien")
    similar = products / "hoi-an/nuoc-mam-thu-nghiem"
    similar.mkdir()
    (similar / "product.yaml").write_text(SIMILAR_FISH_SAUCE, encoding="utf-8")
    shutil.copy(SITE3 / "hoi-an/nuoc-mam-thu/chai.jpg", similar / "chai.jpg")
    _commit(repo, "Chuyển trà sang Thăng Bình, thêm heo và nước mắm Bà Lăng, bỏ rượu tà vạc")


def build_repo(tmp: Path) -> Path:
    """The fixture repository, on the proposal branch with one uncommitted edit."""
    repo = tmp / "danh-muc"
    for folder, source in BASE_PRODUCTS.items():
        shutil.copytree(source, repo / folder)
    git(repo, "init", "-q", "-b", "main")
    _commit(repo, "Danh mục ban đầu")
    git(repo, "checkout", "-q", "-b", "de-xuat")
    _proposal(repo)
    git(repo, "checkout", "-q", "main")
    shutil.copytree(ROOT / "products/quang-nam/banh-dua-nuong-quy-thu",
                    repo / "products/quang-nam/banh-dua-nuong-quy-thu")
    _commit(repo, "Trên main: thêm bánh dừa nướng")
    git(repo, "checkout", "-q", "de-xuat")
    cereal = repo / "products/duy-xuyen/ngu-coc-duy-oanh/product.yaml"
    edit(cereal, "là một trong 5 sản phẩm", "là một trong năm sản phẩm")
    edit(cereal, "\nsources:\n", '\npackaging:\n  gtin: "8938505974195"\n\nsources:\n')
    return repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Cán bộ OCOP")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "canbo@example.org")
        monkeypatch.setenv(f"GIT_{name}_DATE", "2026-11-02T08:00:00+07:00")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "OCOP_TODAY"):
        monkeypatch.delenv(name, raising=False)
    return build_repo(tmp_path)


def review(capsys: pytest.CaptureFixture[str], repo: Path, *args: str) -> tuple[int, str, str]:
    code = main(["review", "--root", str(repo), "--today", TODAY, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def section(markdown: str, heading: str) -> str:
    """From the ``###`` heading that starts with ``heading`` to the next one (or the footer)."""
    start = markdown.index(f"### {heading}")
    ends = [i for i in (markdown.find("\n### ", start + 1), markdown.find("\n<sub>", start))
            if i != -1]
    return markdown[start: min(ends)]


def short(repo: Path, ref: str) -> str:
    return git(repo, "rev-parse", "--short=7", ref)


# --- the pull request as the workflow sees it ------------------------------------------------


def test_summary_is_honest_and_names_the_merge_base(capsys: pytest.CaptureFixture[str],
                                                    repo: Path) -> None:
    code, out, err = review(capsys, repo, "--base", "main")
    assert code == 1
    fork = short(repo, "main~1")
    assert out.split("\n\n")[1] == (
        "**2 lỗi phải sửa trước khi hợp nhất; 11 cảnh báo nên xem lại.** Thay đổi so với "
        f"`main` (điểm rẽ nhánh `{fork}`): thêm 2, bỏ 1, chuyển thư mục 1, sửa 4 sản phẩm. "
        "Lỗi phải sửa thì mới hợp nhất được; cảnh báo không chặn, người duyệt cân nhắc. "
        "Có 3 câu hỏi về danh mục cho người duyệt (cuối báo cáo).")
    assert out.startswith("## Duyệt thay đổi danh mục OCOP / OCOP catalogue review\n\n")
    assert out.endswith("\n<sub>Ngày tính hiệu lực: 29/11/2026 · `ocop review`</sub>\n")
    assert err == ""


def test_products_added_removed_moved_and_changed_in_plain_words(
        capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    _, out, _ = review(capsys, repo, "--base", "main")
    assert section(out, "Sản phẩm thay đổi") == """\
### Sản phẩm thay đổi / Changed products

**Thêm / Added**
- **Nước mắm nhĩ Thử Nghiêm** — `products/hoi-an/nuoc-mam-thu-nghiem/` — OCOP 3 sao · \
Hiệu lực đến 01/03/2029 · nước mắm, Thành phố Hội An · chủ thể: Cơ sở nước mắm Bà Lăng
- **Heo thảo dược Xứ Tiên** — `products/tien-phuoc/heo-thao-duoc-xu-tien/` — 3 sao · \
Hết hiệu lực từ 29/12/2025 · thịt heo, Huyện Tiên Phước · chủ thể: HTX Nông nghiệp và KD dịch \
vụ Tiền Phong

**Bỏ / Removed**
- **Rượu Tà Vạc** — `products/dong-giang/ruou-ta-vac/` — 3 sao · Hết hiệu lực từ 31/12/2021 · \
rượu tà vạc, Huyện Đông Giang · chủ thể: Hộ kinh doanh Đinh Văn Đới

**Chuyển thư mục / Moved**
- **Trà thảo mộc Đã Hết Hạn** — `products/thang-binh/tra-het-han/` — 4 sao · Hết hiệu lực \
từ 01/06/2024
  - Chuyển thư mục: `products/hoi-an/tra-het-han/` → `products/thang-binh/tra-het-han/`

**Sửa / Changed**
- **Gốm "Thanh Hà" \\& Co \\<3** — `products/dai-loc/gom-thanh-ha/`
  - Hạng sao: 3 → 4
  - Sửa cơ quan công nhận (QĐ 55/QĐ-UBND ngày 10/05/2024, 4 sao)
- **Ngũ cốc Duy Oanh** — `products/duy-xuyen/ngu-coc-duy-oanh/`
  - Sửa mô tả (tiếng Việt)
  - Mã vạch: (trống) → 8938505974195
- **Nước mắm nhĩ Thử Nghiệm** — `products/hoi-an/nuoc-mam-thu/`
  - Thay ảnh nhan.jpg
- **Tiêu Tiên Phước** — `products/tien-phuoc/tieu-tien-phuoc/`
  - Công nhận lại: QĐ 1234/QĐ-UBND ngày 20/12/2025, 4 sao
  - Ghi là đã được thay thế: QĐ 3610/QĐ-UBND ngày 29/12/2022, 4 sao
  - Thêm chứng nhận HACCP (đến 30/06/2027)
"""


def test_validator_findings_for_changed_files_only_grouped_with_line_links(
        capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    _, out, _ = review(capsys, repo, "--base", "main")
    findings = section(out, "Kết quả kiểm tra")
    assert findings.startswith(
        "### Kết quả kiểm tra các tệp thay đổi / Validator findings\n\n"
        "**`products/dai-loc/gom-thanh-ha/product.yaml`** — 0 lỗi, 1 cảnh báo\n\n")
    assert (
        "**`products/duy-xuyen/ngu-coc-duy-oanh/product.yaml`** — 1 lỗi, 2 cảnh báo\n\n"
        "- ❌ lỗi [product.yaml:54:9](products/duy-xuyen/ngu-coc-duy-oanh/product.yaml#L54) "
        "`packaging.gtin`: mã vạch 8938505974195 sai chữ số kiểm tra (chữ số cuối) — chép lại "
        "đủ các số dưới mã vạch trên bao bì\n\n") in findings
    assert (
        "- ⚠️ cảnh báo [product.yaml:23:13](products/duy-xuyen/ngu-coc-duy-oanh/product.yaml#L23) "
        "`recognitions[1].signed`: hạng 4 sao sắp hết hạn: hiệu lực đến 21/12/2026 (còn 22 ngày) "
        "— nhắc chủ thể đăng ký đánh giá lại\n\n") in findings
    headers = [line for line in findings.splitlines() if line.startswith("**")]
    # subject.no_contact: the producers of these files publish no phone, email or website
    assert headers == [
        "**`products/dai-loc/gom-thanh-ha/product.yaml`** — 0 lỗi, 1 cảnh báo",
        "**`products/duy-xuyen/ngu-coc-duy-oanh/product.yaml`** — 1 lỗi, 2 cảnh báo",
        "**`products/hoi-an/nuoc-mam-thu-nghiem/product.yaml`** — 0 lỗi, 1 cảnh báo",
        "**`products/hoi-an/nuoc-mam-thu/product.yaml`** — 1 lỗi, 1 cảnh báo",
        "**`products/thang-binh/tra-het-han/product.yaml`** — 0 lỗi, 2 cảnh báo",
        "**`products/tien-phuoc/heo-thao-duoc-xu-tien/product.yaml`** — 0 lỗi, 3 cảnh báo",
        "**`products/tien-phuoc/tieu-tien-phuoc/product.yaml`** — 0 lỗi, 1 cảnh báo",
    ]
    # a photo with GPS blocks the merge, with the command that fixes it; unchanged products
    # are not reported at all
    assert "`photos[1].file`: ảnh `nhan.jpg` còn lưu vị trí GPS nơi chụp" in findings
    assert "chạy `ocop photos --strip-metadata products/hoi-an/nuoc-mam-thu/nhan.jpg`" in findings
    assert "banh-dua" not in out


def test_many_warnings_fold_away(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    folder = repo / "products/thang-binh/tra-het-han"
    for name in ("a.jpg", "b.jpg", "c.jpg"):  # unlisted photos: a warning each
        shutil.copy(folder / "goi.jpg", folder / name)
    _, out, _ = review(capsys, repo, "--base", "main")
    findings = section(out, "Kết quả kiểm tra")
    assert "**`products/thang-binh/tra-het-han/product.yaml`** — 0 lỗi, 5 cảnh báo\n\n" \
           "<details><summary>5 cảnh báo</summary>\n\n- ⚠️ cảnh báo" in findings
    assert findings.count("<details>") == findings.count("</details>") == 1


def test_who_recognised_is_checked_in_the_review(capsys: pytest.CaptureFixture[str],
                                                 repo: Path) -> None:
    """A 5★ signed by a province after the merger: the review shows the validator's error."""
    tieu = repo / "products/tien-phuoc/tieu-tien-phuoc/product.yaml"
    edit(tieu, "    signed: 2025-12-20\n    authority: UBND thành phố Đà Nẵng\n    stars: 4\n",
         "    signed: 2025-12-20\n    authority: UBND tỉnh Quảng Nam\n    stars: 5\n")
    code, out, _ = review(capsys, repo, "--base", "main")
    assert code == 1
    assert ("`recognitions[2].authority`: 5 sao ký ngày 20/12/2025 (bộ tiêu chí "
            "148/2023+1489/2025) do cấp trung ương công nhận (Bộ Nông nghiệp và Môi trường), còn "
            "`UBND tỉnh Quảng Nam` là cấp tỉnh — ") in section(out, "Kết quả kiểm tra")


def test_portfolio_questions_about_this_change(capsys: pytest.CaptureFixture[str],
                                               repo: Path) -> None:
    _, out, _ = review(capsys, repo, "--base", "main")
    assert section(out, "Câu hỏi") == """\
### Câu hỏi cho người duyệt / Questions for reviewers

Chỉ thị năm 2020 của tỉnh đề nghị rà soát sản phẩm trùng loại, sản phẩm thô/tươi sống và sản \
phẩm khai trùng; các câu hỏi này không chặn hợp nhất — người duyệt trả lời trong phần bình luận.

- **Ngũ cốc Duy Oanh** — `products/duy-xuyen/ngu-coc-duy-oanh/`
  - Lần công nhận ngày 22/12/2023, 4 sao: hiệu lực đến 21/12/2026 (còn 22 ngày). Chủ thể đã \
nộp hồ sơ đánh giá lại chưa?
- **Nước mắm nhĩ Thử Nghiệm** — `products/hoi-an/nuoc-mam-thu/`
  - Ảnh `nhan.jpg` còn lưu vị trí GPS nơi chụp (có thể là nhà riêng). Đã xoá vị trí trước khi \
hợp nhất chưa?
- **Heo thảo dược Xứ Tiên** — `products/tien-phuoc/heo-thao-duoc-xu-tien/`
  - Sản phẩm ở dạng tươi sống, chưa qua chế biến. Chỉ thị của tỉnh đề nghị hạn chế sản phẩm \
thô, tươi sống — có hướng chế biến sâu hơn không?
"""


def test_head_ref_compares_commits_without_the_working_tree(capsys: pytest.CaptureFixture[str],
                                                            repo: Path) -> None:
    code, out, _ = review(capsys, repo, "--base", "main", "--head", "de-xuat", "--lang", "en")
    assert code == 1  # the GPS photo
    assert out.split("\n\n")[:2] == [
        "## OCOP catalogue review",
        "**1 error(s) must be fixed before merging; 9 warning(s) to review.** Compared with "
        f"`main` (merge base `{short(repo, 'main~1')}`): added 2, removed 1, moved 1, changed 3 "
        "product(s). Errors block merging; warnings do not — reviewers decide. 2 portfolio "
        "question(s) for reviewers at the end."]
    assert "- **Tiêu Tiên Phước** — `products/tien-phuoc/tieu-tien-phuoc/`\n" \
           "  - Recognised again: decision 1234/QĐ-UBND signed 20/12/2025, 4 stars\n" \
           "  - Marked as superseded: decision 3610/QĐ-UBND signed 29/12/2022, 4 stars\n" \
           "  - Added certification HACCP (until 30/06/2027)\n" in out
    assert "ngu-coc-duy-oanh" not in out  # its edit is only in the working tree


def test_field_level_wording(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    folder = repo / "products/hoi-an/nuoc-mam-thu"
    git(repo, "mv", "products/hoi-an/nuoc-mam-thu/chai.jpg",
        "products/hoi-an/nuoc-mam-thu/chai-500ml.jpg")
    yaml = folder / "product.yaml"
    edit(yaml, "  - file: chai.jpg", "  - file: chai-500ml.jpg")
    edit(yaml, "vi: Chai nước mắm thử nghiệm, mặt trước", "vi: Chai 500 ml, mặt trước")
    edit(yaml, "  name: Công ty TNHH Nước mắm Thử Nghiệm\n  legal_form: llc",
         "  name: Công ty CP Nước mắm Thử Nghiệm\n  legal_form: joint-stock")
    edit(yaml, "  min: 120000", "  min: 130000")
    edit(yaml, "    en: Fish sauce fermented for 12 months in wooden barrels.\n", "")
    edit(repo / "products/dai-loc/gom-thanh-ha/product.yaml", "id: gom-thanh-ha\n",
         "id: gom-thanh-ha\n# Đã đối chiếu với quyết định\n")
    _, out, _ = review(capsys, repo, "--base", "de-xuat")
    assert section(out, "Sản phẩm thay đổi") == """\
### Sản phẩm thay đổi / Changed products

**Sửa / Changed**
- **Gốm "Thanh Hà" \\& Co \\<3** — `products/dai-loc/gom-thanh-ha/`
  - Chỉ sửa chú thích hoặc cách trình bày; nội dung không đổi
- **Ngũ cốc Duy Oanh** — `products/duy-xuyen/ngu-coc-duy-oanh/`
  - Sửa mô tả (tiếng Việt)
  - Mã vạch: (trống) → 8938505974195
- **Nước mắm nhĩ Thử Nghiệm** — `products/hoi-an/nuoc-mam-thu/`
  - Đổi chủ thể: Công ty TNHH Nước mắm Thử Nghiệm → Công ty CP Nước mắm Thử Nghiệm
  - Đổi loại hình chủ thể: Công ty TNHH → Công ty cổ phần
  - Đổi tên ảnh chai.jpg → chai-500ml.jpg
  - Sửa mô tả ảnh chai-500ml.jpg (tiếng Việt)
  - Xoá mô tả (tiếng Anh)
  - Giá: 120.000 ₫ – 250.000 ₫ / chai 500 ml → 130.000 ₫ – 250.000 ₫ / chai 500 ml
"""
    # the renamed photo kept its bytes, so its GPS question was asked when it was new, not now
    assert "Ảnh `nhan.jpg`" not in out and "Ảnh `chai-500ml.jpg`" not in out


def test_untracked_new_product_is_reviewed(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    shutil.copytree(ROOT / "products/thang-binh/tra-ca-gai-leo-dai-viet",
                    repo / "products/thang-binh/tra-ca-gai-leo-dai-viet")
    _, out, _ = review(capsys, repo, "--base", "de-xuat")
    assert "**Thêm / Added**\n- **Trà cà gai leo Đại Việt** — " \
           "`products/thang-binh/tra-ca-gai-leo-dai-viet/` — " in out


def test_nothing_changed(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, out, _ = review(capsys, repo, "--base", "main", "--head", "main")
    assert code == 0
    assert out == (
        "## Duyệt thay đổi danh mục OCOP / OCOP catalogue review\n\n"
        f"**Không có lỗi, không có cảnh báo.** Không có thay đổi nào trong products/ so với "
        f"`main` (`{short(repo, 'main')}`).\n\n"
        "<sub>Ngày tính hiệu lực: 29/11/2026 · `ocop review`</sub>\n")


def test_clean_and_warnings_only_summaries(capsys: pytest.CaptureFixture[str],
                                           repo: Path) -> None:
    fork = short(repo, "main~1")
    code, out, _ = review(capsys, repo, "--base", "main~1", "--head", "de-xuat~2")
    assert code == 0
    assert out.split("\n\n")[1] == (
        f"**Không có lỗi; 2 cảnh báo nên xem lại.** Thay đổi so với `main~1` (`{fork}`): sửa 2 "
        "sản phẩm. Lỗi phải sửa thì mới hợp nhất được; cảnh báo không chặn, người duyệt cân "
        "nhắc.")
    code, out, _ = review(capsys, repo, "--base", "de-xuat~1", "--head", "de-xuat")
    assert code == 0
    assert out.split("\n\n")[1] == (
        f"**Không có lỗi; 6 cảnh báo nên xem lại.** Thay đổi so với `de-xuat~1` "
        f"(`{short(repo, 'de-xuat~1')}`): thêm 2, bỏ 1, chuyển thư mục 1 sản phẩm. Lỗi phải sửa "
        "thì mới hợp nhất được; cảnh báo không chặn, người duyệt cân nhắc. Có 1 câu hỏi về danh "
        "mục cho người duyệt (cuối báo cáo).")


# --- usage, files and the working tree ------------------------------------------------------


def test_unknown_ref_is_a_usage_error(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    code, out, err = review(capsys, repo, "--base", "origin/main")
    assert (code, out) == (2, "")
    assert err == ("ocop review: không tìm thấy `origin/main` trong kho git — kiểm tra tên nhánh "
                   "hoặc commit; trong GitHub Actions cần lấy nhánh gốc trước (actions/checkout "
                   "với fetch-depth: 0, hoặc `git fetch origin main`)\n")


def test_not_a_git_repository(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = review(capsys, tmp_path, "--base", "main", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == (f"ocop review: {tmp_path} is not inside a git repository — run it in a clone "
                   "of the catalogue\n")


def test_output_file_and_working_tree_untouched(capsys: pytest.CaptureFixture[str], repo: Path,
                                                tmp_path: Path) -> None:
    before = (git(repo, "status", "--porcelain"), git(repo, "rev-parse", "HEAD"),
              git(repo, "stash", "list"))
    target = tmp_path / "review.md"
    code, out, err = review(capsys, repo, "--base", "main", "--output", str(target))
    assert (code, out) == (1, "")
    assert err == f"ocop review: 2 lỗi phải sửa trước khi hợp nhất; 11 cảnh báo nên xem lại → " \
                  f"{target}\n"
    assert target.read_text(encoding="utf-8").startswith("## Duyệt thay đổi danh mục OCOP")
    assert (git(repo, "status", "--porcelain"), git(repo, "rev-parse", "HEAD"),
            git(repo, "stash", "list")) == before


def test_links_point_at_the_commit_on_github(capsys: pytest.CaptureFixture[str], repo: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "so-nnptnt/ocop")
    _, out, _ = review(capsys, repo, "--base", "main")
    head = git(repo, "rev-parse", "HEAD")
    assert (f"[product.yaml:54:9](https://github.com/so-nnptnt/ocop/blob/{head}/"
            "products/duy-xuyen/ngu-coc-duy-oanh/product.yaml#L54)") in out


def test_long_review_is_cut_to_fit_one_comment(repo: Path) -> None:
    from datetime import date

    text = render(build_review(repo, "main", None, date(2026, 11, 29)), "vi", limit=3000)
    assert len(text) <= 3000
    assert text.count("<details>") == text.count("</details>")
    assert text.rstrip().splitlines()[-1].startswith(
        "> ✂️ Báo cáo dài quá giới hạn bình luận của GitHub nên đã bỏ ")
    assert text.startswith("## Duyệt thay đổi danh mục OCOP / OCOP catalogue review\n\n**2 lỗi")


def test_fit_closes_an_open_details_block() -> None:
    text = "\n".join(["# a", "<details><summary>x</summary>", "", *["- dòng"] * 100, "</details>"])
    cut = fit(text, 400, "en")
    assert len(cut) <= 400
    assert cut.count("<details>") == cut.count("</details>") == 1
    assert cut.endswith("left out. Run `ocop review` or `ocop validate` locally to see "
                        "everything.\n")


def test_officer_text_cannot_inject_markdown() -> None:
    assert md("[bấm](https://x) <img src=x onerror=alert(1)> @tinh *đậm* | a_b") == (
        "\\[bấm\\](`https://x`) \\<img src=x onerror=alert(1)\\> @\u200btinh \\*đậm\\* \\| a\\_b")
    assert md("Dòng 1\n\n## Dòng 2") == "Dòng 1 \\#\\# Dòng 2"
    assert md_message("ghi `commune` (tên <b>)") == "ghi `commune` (tên \\<b\\>)"
    assert md_message("lẻ ` <b>") == "lẻ \\` \\<b\\>"


def test_bare_addresses_in_officer_text_are_code_not_links() -> None:
    # GitHub links https://…, http://…, ftp://… and www.… by itself; in a code span it does not
    assert md("Mật ong Trà My https://ban-hang.vn/mat-ong_1 hoặc WWW.Shop.vn, giá *rẻ*") == (
        "Mật ong Trà My `https://ban-hang.vn/mat-ong_1` hoặc `WWW.Shop.vn`, giá \\*rẻ\\*")
    assert md("xem (www.a.vn) và ftp://b.vn") == "xem (`www.a.vn`) và `ftp://b.vn`"
    assert md("https://a.vn/`x`") == "`` https://a.vn/`x` ``"  # a backtick inside still code
    assert md_message("tên «https://a.vn» có `name.vi`") == "tên «`https://a.vn`» có `name.vi`"
    assert md("http là giao thức, www không phải địa chỉ") == (
        "http là giao thức, www không phải địa chỉ")


def test_unchanged_validity_is_not_a_change() -> None:
    """A photo-only change (or any change outside the recognitions) of a product whose stars
    have lapsed says nothing about the recognitions; a change to them does say they lapsed."""
    from datetime import date

    from generator.review.diff import field_changes
    from generator.review.snapshot import Snapshot

    expired = {"recognitions": [{"decision": "100/QĐ-UBND", "signed": "2021-06-01", "stars": 4}]}
    photo = {**expired, "photos": [{"file": "a.jpg", "role": "front"}]}
    today = date(2026, 11, 29)
    old = Snapshot("products/a/b", expired, True, None, {"a.jpg": "1"}, "a")
    new = Snapshot("products/a/b", photo, True, None, {"a.jpg": "2"}, "b")
    assert not [line for line in field_changes(old, new, today, "vi") if "hết hạn" in line]
    raised = {"recognitions": [{"decision": "100/QĐ-UBND", "signed": "2021-06-01", "stars": 5}]}
    assert field_changes(old, Snapshot("products/a/b", raised, True, None, {"a.jpg": "1"}, "c"),
                         today, "vi") == [
        "Hạng sao: 4 → 5",
        "Lần công nhận QĐ 100/QĐ-UBND ngày 01/06/2021, 5 sao: hết hiệu lực từ 01/06/2024"]


def test_edits_to_recognitions_and_certificates() -> None:
    from datetime import date

    from generator.review.diff import field_changes
    from generator.review.snapshot import Snapshot

    old = {"recognitions": [{"decision": "9/QĐ-UBND", "signed": "2019", "stars": 3},
                            {"decision": "14/QĐ-UBND", "signed": "2020-01-02", "stars": 3,
                             "score": 64}],
           "standards": [{"scheme": "vietgap", "certificate": "VG-1", "valid_until": "2024-03-01"}],
           "extra": 1}
    new = {"recognitions": [{"decision": "14/QĐ-UBND", "signed": "2020-01-02", "stars": 3,
                             "score": 66.5, "status": "revoked",
                             "revoked": {"date": "2021-05-04", "reason": "vi phạm"}}],
           "standards": [{"scheme": "vietgap", "certificate": "VG-2", "valid_until": "2027-03-01"}],
           "extra": 2}
    lines = field_changes(Snapshot("products/a/b", old, True, None, {}, "a"),
                          Snapshot("products/a/b", new, True, None, {}, "b"),
                          date(2026, 11, 29), "vi")
    label = "QĐ 14/QĐ-UBND ngày 02/01/2020, 3 sao"
    assert lines == [
        "Xoá lần công nhận: QĐ 9/QĐ-UBND năm 2019, 3 sao",
        f"Sửa điểm ({label}): 64 → 66,5",
        f"Thu hồi công nhận: {label} — ngày thu hồi 04/05/2021",
        "Gia hạn chứng nhận VietGAP: 01/03/2024 → 01/03/2027",
        "Sửa số giấy chứng nhận của chứng nhận VietGAP",
        "Sửa trường `extra`",  # a key no rule words is still named
    ]


def test_a_link_out_of_the_repository_is_never_quoted(capsys: pytest.CaptureFixture[str],
                                                      repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: bi-mat\nname:\n  vi: BÍ MẬT CỦA MÁY CHẠY\n", encoding="utf-8")
    (repo / "products/hoi-an/bi-mat").mkdir()
    (repo / "products/hoi-an/bi-mat/product.yaml").symlink_to(secret)
    code, out, _ = review(capsys, repo, "--base", "de-xuat")
    assert code == 1
    assert "BÍ MẬT" not in out
    assert "- **bi-mat** — `products/hoi-an/bi-mat/` — chưa đọc được (có lỗi, xem phần kiểm " \
           "tra)" in out
    assert "`products/hoi-an/bi-mat/product.yaml` là liên kết trỏ ra ngoài kho dữ liệu" in out


def test_declared_improvements_and_specialty_are_named_in_the_review() -> None:
    from datetime import date

    from generator.review.diff import field_changes
    from generator.review.snapshot import Snapshot

    item = {"date": "2025-06", "kind": "packaging", "description": {"vi": "Hộp mới"},
            "source": "https://example.org/a"}
    new = {"improvements": [item], "specialty": {"description": {"vi": "Quế tại chỗ"},
                                                 "source": "https://example.org/b"}}
    lines = field_changes(Snapshot("products/a/b", {}, True, None, {}, "a"),
                          Snapshot("products/a/b", new, True, None, {}, "b"),
                          date(2026, 11, 29), "vi")
    assert lines == ["Thêm cải tiến đã công bố (tiêu chí ưu tiên xúc tiến)",
                     "Thêm đặc sản địa phương (tiêu chí ưu tiên xúc tiến)"]
