"""The officers' contributor guide, generated from the validator's own message catalogue.

``python -m generator.commands.guide`` writes ``CONTRIBUTING.md`` (shown by GitHub next to pull requests)
and ``docs/huong-dan-dong-gop.md`` (the same guide as a page of the site). Every finding code
the validator can report is listed with its severity, its Vietnamese and English wording and
the ``bad``/``fix`` example of its :class:`~generator.findings.Message`, so the guide cannot
drift from what ``ocop validate`` says: a test fails when either file differs from
:func:`render`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..checks.photos import MAX_FILE_BYTES, MIN_SIDE, RECOMMENDED_SIDE
from ..findings import Finding, Message, Severity
from ..findings import catalogue as findings_catalogue
from ..report import _SEVERITY, text_report
from ..validate import Result  # importing it registers every check's messages

#: where each rendering goes, relative to the repository root
OUTPUTS = {"CONTRIBUTING.md": "repo", "docs/huong-dan-dong-gop.md": "site"}

#: the weekly workflow (.github/workflows/weekly.yml) opens or updates one issue with this title
EXPIRY_ISSUE_TITLE = "Hạng sao OCOP hết hạn / sắp hết hạn"

#: finding codes are grouped by the part before the first dot; unknown prefixes go to "Khác"
GROUPS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("file", "yaml", "text", "content"), "Tệp, cú pháp YAML và chữ", "File, YAML syntax and text"),
    (("schema",), "Mẫu tệp sản phẩm: trường, kiểu, giá trị",
     "Product file format: fields, types, values"),
    (("product",), "Mã sản phẩm và thư mục", "Product id and folder"),
    (("recognition",), "Quyết định công nhận và hạng sao", "Recognitions and stars"),
    (("subject",), "Chủ thể sản xuất", "Subject (producer)"),
    (("origin",), "Địa danh, đơn vị hành chính", "Origin: administrative units"),
    (("photo",), "Ảnh", "Photos"),
    (("date", "standard", "price", "packaging"), "Ngày, tiêu chuẩn, giá, bao bì",
     "Dates, standards, prices, packaging"),
    (("portfolio",), "Câu hỏi rà soát của tỉnh", "The province's review questions"),
    (("follow_up",), "Kiểm tra sau công nhận", "Follow-up after recognition"),
    (("event",), "Tệp sự kiện xúc tiến thương mại (events/)", "Trade-promotion event files (events/)"),
)
OTHER = ("Khác", "Other")

_EXAMPLE_FILE = "products/tien-phuoc/tieu-tien-phuoc/product.yaml"
_SAMPLE_FINDINGS = (
    Finding("products/tien-phuoc/san-pham-moi/product.yaml", "recognition.stars_range",
            "recognitions[0].stars", 14, 12, {"value": "6"}),
    Finding("products/tien-phuoc/san-pham-moi/product.yaml", "recognition.expiring",
            "recognitions[0].signed", 13, 13, {"stars": "3", "days": "62",
             "validity": "sắp hết hạn: hiệu lực đến 30/01/2027",
             "validity_en": "expires soon: valid until 30/01/2027"}),
)


def _links(target: str) -> dict[str, str]:
    """Links that differ between the repository (CONTRIBUTING.md) and the site page."""
    if target == "site":
        return {"fields": "field-reference.md"}
    return {"fields": "docs/field-reference.md"}


def _header(target: str) -> str:
    where = ("`CONTRIBUTING.md` và trang `docs/huong-dan-dong-gop.md`" if target == "repo"
             else "trang này và `CONTRIBUTING.md` trong kho")
    return f"""# Hướng dẫn đóng góp / Contributor guide

> Tạo tự động từ danh mục thông báo của công cụ kiểm tra ({where}) — đừng sửa tay;
> tạo lại bằng `python -m generator.commands.guide`.
> Generated from the validator's message catalogue — do not edit by hand;
> regenerate with `python -m generator.commands.guide`.

Hướng dẫn này dành cho cán bộ văn phòng OCOP các địa phương: thêm hoặc sửa một sản phẩm ngay
trên trang web GitHub, không cần cài đặt gì. Mỗi thay đổi là một *pull request* (đề nghị thay
đổi): máy tự kiểm tra, một cán bộ khác duyệt, rồi sản phẩm mới được đăng lên trang danh mục.

This guide is for the officers of the local OCOP offices: add or update a product on the GitHub
website, with nothing to install. Every change is a *pull request*: it is checked automatically
and reviewed by another officer before the product is published in the catalogue.
"""


def _steps(target: str) -> str:
    links = _links(target)
    max_mb = MAX_FILE_BYTES // 2**20
    return f"""
## 1. Thêm hoặc sửa sản phẩm trên GitHub / Add or update a product on GitHub

### Bước 1 — Tạo bản sao của kho (fork) / Step 1 — Fork the repository

Đăng nhập GitHub, mở trang của kho danh mục và bấm **Fork** → **Create fork**. Bản sao nằm
trong tài khoản của bạn: bạn sửa trên bản sao, còn kho chính chỉ thay đổi khi đề nghị của bạn
được duyệt. Nếu đã có bản sao từ trước, bấm **Sync fork** → **Update branch** để lấy danh mục
mới nhất trước khi sửa.

Sign in to GitHub, open the catalogue repository and click **Fork** → **Create fork**. The copy
lives in your account: you edit the copy, and the main repository changes only when your
proposal is approved. If you already have a fork, click **Sync fork** → **Update branch** first
to get the latest catalogue.

### Bước 2 — Tạo tệp sản phẩm từ tệp mẫu / Step 2 — Create the product file from the example

Mở tệp mẫu `{_EXAMPLE_FILE}` và bấm nút **Copy raw file** (hai ô vuông chồng nhau). Trong bản
sao của bạn, vào thư mục `products/<địa-phương>/` (ví dụ `products/tien-phuoc/`), bấm
**Add file** → **Create new file** và gõ tên `<id>/product.yaml` — dấu `/` tạo thư mục mới.
`<id>` là tên sản phẩm viết thường, không dấu, nối bằng dấu gạch ngang (ví dụ
`tra-tui-loc-che-day`) và phải trùng với dòng `id:` trong tệp. Dán nội dung mẫu rồi sửa theo
quyết định công nhận; giữ nguyên dòng đầu tiên `# yaml-language-server: …`. Chỉ ghi điều nguồn
(quyết định, bài báo) nói và ghi nguồn vào `sources`; không ghi hạn hiệu lực (máy tự tính 36
tháng từ ngày ký). Ý nghĩa từng trường: [Các trường của tệp sản phẩm]({links["fields"]}).

Open the example `{_EXAMPLE_FILE}` and click **Copy raw file** (two overlapping squares). In your
fork, open the folder `products/<area>/` (e.g. `products/tien-phuoc/`), click **Add file** →
**Create new file** and type the name `<id>/product.yaml` — the `/` creates the folder. `<id>`
is the product name in lowercase letters without accents, joined by hyphens, and must equal the
file's `id:` line. Paste the example and change it to match the recognition decision; keep the
first line `# yaml-language-server: …`. Write only what a source (decision, article) says and
list it under `sources`; do not type the expiry date (it is computed: 36 months from signing).
Every field is explained in [Product file fields]({links["fields"]}).

Để sửa một sản phẩm đã có, mở tệp `product.yaml` của sản phẩm đó và bấm biểu tượng bút chì
(**Edit this file**); GitHub tự tạo bản sao nếu bạn chưa có. Khi có quyết định công nhận mới,
thêm một mục mới vào cuối `recognitions` và ghi `status: superseded` cho mục cũ — không xoá
lịch sử.

To update a product, open its `product.yaml` and click the pencil (**Edit this file**); GitHub
forks the repository for you if needed. For a new recognition decision, add a new entry at the
end of `recognitions` and mark the old one `status: superseded` — keep the history.

Bấm **Commit changes…**, ghi một dòng mô tả (ví dụ "Thêm Trà túi lọc chè dây"), chọn
**Create a new branch for this commit and start a pull request** (mỗi sản phẩm một nhánh) rồi
bấm **Propose changes**.

Click **Commit changes…**, write a one-line description (e.g. "Add Trà túi lọc chè dây"), choose
**Create a new branch for this commit and start a pull request** (one branch per product) and
click **Propose changes**.

### Bước 3 — Tải ảnh lên / Step 3 — Upload the photos

Trong nhánh vừa tạo, mở thư mục `products/<địa-phương>/<id>/`, bấm **Add file** →
**Upload files**, kéo thả ảnh vào rồi bấm **Commit changes** (vào cùng nhánh). Ảnh phải là
JPEG, PNG hoặc WebP, cạnh dài ít nhất {MIN_SIDE} điểm ảnh (nên từ {RECOMMENDED_SIDE}), nhẹ hơn
{max_mb} MB; tên tệp viết thường, không dấu, không dấu cách (ví dụ `mat-truoc.jpg`); **xoá vị
trí GPS trước khi tải lên** — kho dữ liệu là công khai. Khai báo từng ảnh trong `photos:` của
tệp sản phẩm (`file`, `role`, `alt`).

On your new branch, open the folder `products/<area>/<id>/`, click **Add file** →
**Upload files**, drop the photos and click **Commit changes** (to the same branch). Photos must
be JPEG, PNG or WebP, at least {MIN_SIDE} px on the long side ({RECOMMENDED_SIDE} or more
recommended), under {max_mb} MB; file names in lowercase without accents or spaces (e.g.
`mat-truoc.jpg`); **remove the GPS location before uploading** — the repository is public.
List each photo under `photos:` in the product file (`file`, `role`, `alt`).

### Bước 4 — Gửi đề nghị thay đổi / Step 4 — Open the pull request

Bấm **Contribute** → **Open pull request** (hoặc **Compare & pull request**). Kiểm tra rằng đề
nghị gửi vào nhánh `main` của kho chính. Ô mô tả đã có sẵn danh sách kiểm tra: đánh dấu từng mục
bạn đã làm (nguồn, ảnh đã xoá GPS, số và ngày quyết định, không có số định danh cá nhân…), rồi
bấm **Create pull request**.

Click **Contribute** → **Open pull request** (or **Compare & pull request**). Check that it goes
to the `main` branch of the main repository. The description already holds a checklist: tick
each item you have done (sources, GPS removed, decision number and date, no personal ID
number…), then click **Create pull request**.

### Bước 5 — Đọc kết quả kiểm tra / Step 5 — Read the checks

Máy kiểm tra sau vài phút. Lần đầu bạn gửi đề nghị, người quản trị kho phải bấm
**Approve and run** thì việc kiểm tra mới bắt đầu.

- Tab **Files changed**: mỗi lỗi, cảnh báo hiện ngay dưới dòng có vấn đề.
- Bình luận của bot (**github-actions**) tóm tắt thay đổi và mọi thông báo. Chỉ có một bình
  luận: nó được cập nhật mỗi lần bạn sửa, nên hãy đọc lại bình luận đó.
- **Checks** → **Summary**: bản rà soát đầy đủ; mục **Artifacts** có `site-preview` — tải về,
  giải nén và mở tệp `san-pham/<id>/index.html` để xem trước trang sản phẩm (mở từ máy, mỗi
  liên kết dẫn tới một thư mục: bấm tiếp `index.html` trong đó).

The checks run within minutes. The first time you propose a change, a maintainer must click
**Approve and run** before they start.

- **Files changed** tab: each error and warning appears right under the line concerned.
- The bot's comment (**github-actions**) summarises the change and every finding. There is only
  one comment: it is updated each time you push a fix, so read that comment again.
- **Checks** → **Summary**: the full review; under **Artifacts**, `site-preview` — download it,
  unzip it and open `san-pham/<id>/index.html` to preview the product page (opened from your
  computer, each link leads to a folder: click its `index.html`).

### Bước 6 — Sửa / Step 6 — Fix

Mở lại tệp trong nhánh của bạn (trong tab **Files changed**: **⋯** → **Edit file**), sửa theo
thông báo, rồi **Commit changes** vào cùng nhánh. Việc kiểm tra tự chạy lại; dấu ✓ xanh nghĩa là
không còn lỗi. Cảnh báo không chặn việc đăng, nhưng người duyệt sẽ hỏi về chúng. Mục 3 dưới đây
giải thích từng mã thông báo, có ví dụ sai và cách sửa.

Open the file again on your branch (in **Files changed**: **⋯** → **Edit file**), fix what the
message says and **Commit changes** to the same branch. The checks run again; a green ✓ means no
errors are left. Warnings do not block publishing, but the reviewer will ask about them.
Section 3 below explains every finding code, with a wrong example and its fix.

### Bước 7 — Nhờ duyệt / Step 7 — Ask for review

Nhờ cán bộ phụ trách địa phương duyệt: chọn họ ở mục **Reviewers** bên phải, hoặc nhắc tên họ
bằng `@` trong một bình luận. Người duyệt đối chiếu với quyết định gốc, xem trang xem trước, trả
lời các câu hỏi rà soát rồi bấm **Approve**; người quản trị gộp (**merge**) đề nghị và trang danh
mục được đăng lại tự động.

Ask the officer in charge of the area to review: pick them under **Reviewers** on the right, or
mention them with `@` in a comment. The reviewer compares the file with the original decision,
looks at the preview, answers the review questions and clicks **Approve**; a maintainer merges
the pull request and the catalogue site is published again automatically.

### Người duyệt cần xem / What reviewers check

- Số, ngày ký, cấp công nhận và hạng sao khớp với quyết định; `sources` ghi đủ nguồn.
  / Decision number, signing date, level and stars match the decision; `sources` are complete.
- Ảnh đúng sản phẩm, đã xoá vị trí GPS; không có số định danh cá nhân (12 chữ số) của chủ hộ.
  / Photos show the product and carry no GPS location; no household head's 12-digit personal ID.
- Câu hỏi rà soát: tỉnh đã có chủ thể khác cùng loại sản phẩm trong vùng chưa? Sản phẩm có phải
  hàng thô, tươi sống không? / Review questions: does another subject already have the same
  product type in the area? Is the product raw or fresh?

### Nhắc hạn hằng tuần / Weekly expiry reminder

Hạng sao hết hạn theo thời gian, kể cả khi không ai sửa tệp. Mỗi tuần máy kiểm tra lại cả danh
mục và mở (hoặc cập nhật) một issue tên "{EXPIRY_ISSUE_TITLE}" liệt kê các sản phẩm đã hoặc sắp
hết hạn, để các địa phương nhắc chủ thể đăng ký đánh giá lại.

Star ratings expire with time, even when no file changes. Every week the whole catalogue is
checked again and one issue titled "{EXPIRY_ISSUE_TITLE}" is opened (or updated) listing the
recognitions that have expired or will soon, so each area can remind its producers to apply for
re-evaluation.
"""


def _severity(severity: Severity) -> str:
    return f"{_SEVERITY['vi'][severity]} / {_SEVERITY['en'][severity]}"


def _reading() -> str:
    sample = Result(files=[_SAMPLE_FINDINGS[0].file],
                    findings=sorted(_SAMPLE_FINDINGS, key=Finding.sort_key))
    error, warning = Severity.ERROR, Severity.WARNING
    return f"""
## 2. Đọc một thông báo / How to read a finding

Mỗi thông báo là một dòng / Each finding is one line:

```text
tệp:dòng:cột mức trường: điều sai — cách sửa [mã]
file:line:column severity field: what is wrong — how to fix it [code]
```

Ví dụ (kết quả `ocop validate`) / Example (`ocop validate --lang en` in English):

```text
{text_report(sample, "vi")}```

```text
{text_report(sample, "en")}```

- **{_severity(error)}**: phải sửa; tệp có lỗi không được đăng và việc kiểm tra trên pull
  request báo đỏ. / Must be fixed: a file with errors is not published and the pull request's
  check fails.
- **{_severity(warning)}**: nên xem lại; không chặn việc đăng, người duyệt quyết định.
  / Worth a second look: it does not block publishing; the reviewer decides.
- `dòng:cột` đếm từ 1; thông báo về cả tệp (ví dụ ảnh thừa) chỉ ghi tên tệp. / `line:column`
  count from 1; a finding about a whole file (e.g. an unlisted photo) gives only the file.
- `trường` là vị trí trong tệp: `recognitions[0].stars` là dòng `stars` của lần công nhận đầu
  tiên (đếm từ 0). / `field` is the place in the file: `recognitions[0].stars` is the `stars`
  line of the first recognition (counted from 0).
- `[mã]`: tra mã ở mục 3 để xem giải thích và ví dụ sửa. / `[code]`: look it up in section 3
  for the explanation and an example fix.

Trên pull request, cùng các thông báo đó hiện ngay dưới dòng có vấn đề, trong tab
**Files changed**. / On a pull request the same findings appear right under the lines
concerned, in the **Files changed** tab.
"""


def _group_of(code: str) -> int:
    prefix = code.split(".", 1)[0]
    for index, (prefixes, _, _) in enumerate(GROUPS):
        if prefix in prefixes:
            return index
    return len(GROUPS)


def grouped(catalogue: dict[str, Message] | None = None) -> list[tuple[str, str, list[Message]]]:
    """``(vi title, en title, messages)`` per group: errors first, then warnings, by code."""
    messages = list((findings_catalogue() if catalogue is None else catalogue).values())
    titles = [(vi, en) for _, vi, en in GROUPS] + [OTHER]
    out = []
    for index, (vi, en) in enumerate(titles):
        items = sorted((m for m in messages if _group_of(m.code) == index),
                       key=lambda m: (m.severity is not Severity.ERROR, m.code))
        if items:
            out.append((vi, en, items))
    return out


def _example(label: str, text: str) -> list[str]:
    return [label, "", "```yaml", text.rstrip("\n"), "```", ""]


def _message(message: Message) -> Iterator[str]:
    yield f"#### `{message.code}`"
    yield ""
    yield f"**{_severity(message.severity)}**"
    yield ""
    yield f"- Tiếng Việt: {message.vi}"
    yield f"- English: {message.en}"
    yield ""
    if message.bad:
        yield from _example("Sai / Wrong:", message.bad)
    if message.fix:
        yield from _example("Sửa / Fix:" if message.bad else "Cách sửa / How to fix:", message.fix)


def _findings() -> str:
    groups = grouped()
    messages = [m for _, _, items in groups for m in items]
    errors = sum(m.severity is Severity.ERROR for m in messages)
    lines = [
        "",
        "## 3. Mọi thông báo của công cụ kiểm tra / Every finding of the validator",
        "",
        f"Công cụ kiểm tra có {len(messages)} mã thông báo: {errors} lỗi, "
        f"{len(messages) - errors} cảnh báo. Chỗ ghi `{{…}}` (ví dụ `{{file}}`) là nơi công cụ "
        "điền giá trị cụ thể: tên tệp, giá trị đã ghi, số dòng…",
        "",
        f"The validator has {len(messages)} finding codes: {errors} errors, "
        f"{len(messages) - errors} warnings. A `{{…}}` (e.g. `{{file}}`) is filled in with the "
        "actual file name, value, line number…",
        "",
    ]
    for number, (vi, en, items) in enumerate(groups, start=1):
        lines += [f"### 3.{number}. {vi} / {en}", ""]
        for message in items:
            lines += list(_message(message))
    return "\n".join(lines)


def render(target: str = "repo") -> str:
    """The whole guide: ``target`` is ``repo`` (CONTRIBUTING.md) or ``site`` (docs/)."""
    if target not in {"repo", "site"}:
        raise ValueError(f"unknown target: {target}")
    return _header(target) + _steps(target) + _reading() + _findings().rstrip("\n") + "\n"


def write(root: Path) -> list[Path]:
    """Write both renderings under ``root``; returns the paths written."""
    written = []
    for relative, target in OUTPUTS.items():
        path = root / relative
        path.write_text(render(target), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(args[0]) if args else Path.cwd()
    for path in write(root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
