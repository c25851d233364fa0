"""The wording of every photo finding (``photo.*``), in Vietnamese and English.

Registered when :mod:`generator.checks.photos` (and so :mod:`generator.checks`) is imported.
"""

from __future__ import annotations

from ..findings import Message, Severity, register

_ACCEPTED_VI = "chỉ nhận ảnh JPEG (.jpg), PNG (.png) hoặc WebP (.webp)"
_ACCEPTED_EN = "only JPEG (.jpg), PNG (.png) or WebP (.webp) photos are accepted"

register(
    Message("photo.missing", Severity.ERROR,
            "không tìm thấy tệp ảnh `{file}` trong thư mục sản phẩm — hãy tải ảnh lên cùng thư "
            "mục với product.yaml, hoặc sửa dòng `file:` cho đúng tên tệp (phân biệt chữ hoa, "
            "chữ thường)",
            "photo file `{file}` is not in the product folder — upload it next to product.yaml, "
            "or correct the `file:` line to the exact file name (upper/lower case matters)",
            bad="photos:\n  - file: mat truoc.JPG", fix="photos:\n  - file: mat-truoc.jpg"),
    Message("photo.name_case", Severity.ERROR,
            "không có tệp `{file}` nhưng có tệp `{actual}` — chỉ khác chữ hoa/chữ thường; trang "
            "web phân biệt hai kiểu chữ này, nên hãy sửa dòng `file:` thành `{actual}` (hoặc đổi "
            "tên tệp thành `{file}`)",
            "there is no file `{file}` but there is `{actual}` — only upper/lower case differs; "
            "the website treats them as different, so write `file: {actual}` (or rename the "
            "file to `{file}`)",
            bad="file: Mat-Truoc.jpg", fix="file: mat-truoc.jpg"),
    Message("photo.name_nfd", Severity.ERROR,
            "không có tệp `{file}` nhưng có tệp `{actual}` trông giống hệt — dấu tiếng Việt trong "
            "tên tệp được lưu theo kiểu khác (máy Mac hay lưu kiểu tổ hợp NFD); hãy đổi tên tệp, "
            "gõ lại bằng tay thành `{file}` — tốt nhất là chữ không dấu, ví dụ `mat-truoc.jpg`",
            "there is no file `{file}` but there is `{actual}`, which looks the same — its "
            "Vietnamese accents are stored differently (macOS writes decomposed NFD names); "
            "rename the file by typing `{file}` again — best without accents, e.g. "
            "`mat-truoc.jpg`"),
    Message("photo.outside", Severity.ERROR,
            "`{file}` trỏ ra ngoài thư mục sản phẩm (tới `{target}`) — mỗi sản phẩm phải có ảnh "
            "nằm ngay trong thư mục của nó: hãy chép tệp ảnh thật vào thư mục này thay cho lối "
            "tắt (symlink)",
            "`{file}` points outside the product folder (to `{target}`) — each product's photos "
            "must lie in its own folder: copy the real image file here instead of a shortcut "
            "(symlink)"),
    Message("photo.broken_link", Severity.ERROR,
            "`{file}` là lối tắt (symlink) trỏ tới tệp không tồn tại — hãy xoá lối tắt và chép "
            "tệp ảnh thật vào thư mục sản phẩm",
            "`{file}` is a shortcut (symlink) to a file that does not exist — delete it and copy "
            "the real image file into the product folder"),
    Message("photo.is_directory", Severity.ERROR,
            "`{file}` là một thư mục, không phải tệp ảnh — ảnh phải nằm ngay trong thư mục sản "
            "phẩm (không dùng thư mục con): chuyển ảnh ra ngoài và ghi đúng tên tệp ảnh",
            "`{file}` is a folder, not an image file — photos lie directly in the product folder "
            "(no sub-folders): move the photo out and write the image file's name"),
    Message("photo.not_regular", Severity.ERROR,
            "`{file}` không phải tệp thông thường — hãy thay bằng tệp ảnh JPEG",
            "`{file}` is not a regular file — replace it with a JPEG image file"),
    Message("photo.unreadable", Severity.ERROR,
            "không mở được tệp `{file}` ({reason}) — hãy tải ảnh lên lại",
            "cannot open `{file}` ({reason}) — upload the photo again"),
    Message("photo.empty", Severity.ERROR,
            "tệp ảnh `{file}` trống (0 byte) — có lẽ tải lên bị lỗi; hãy tải ảnh lên lại",
            "photo file `{file}` is empty (0 bytes) — the upload probably failed; upload it "
            "again"),
    Message("photo.format_heic", Severity.ERROR,
            "`{file}` là ảnh HEIC/HEIF (định dạng mặc định của iPhone), trang web chưa đọc được — "
            f"{_ACCEPTED_VI}. Hãy xuất ảnh sang JPEG: trên iPhone vào Cài đặt → Camera → Định "
            "dạng → Tương thích nhất rồi chụp lại, hoặc mở ảnh trên máy tính và lưu lại dạng "
            ".jpg",
            "`{file}` is a HEIC/HEIF photo (the iPhone default), which the website cannot read — "
            f"{_ACCEPTED_EN}. Export it as JPEG: on the iPhone, Settings → Camera → Formats → "
            "Most Compatible and take it again, or open it on a computer and save it as .jpg",
            fix="Cài đặt → Camera → Định dạng → Tương thích nhất / "
                "Settings → Camera → Formats → Most Compatible"),
    Message("photo.format_svg", Severity.ERROR,
            "`{file}` là hình vẽ SVG — không nhận vì tệp SVG có thể chứa mã lệnh chạy trong "
            f"trình duyệt; {_ACCEPTED_VI}. Hãy xuất hình sang PNG (trong Inkscape hay "
            "Illustrator: Export → PNG, cạnh dài ít nhất 800 điểm ảnh)",
            "`{file}` is an SVG drawing — refused because SVG files can carry scripts that run "
            f"in the browser; {_ACCEPTED_EN}. Export it as PNG (Inkscape or Illustrator: "
            "Export → PNG, at least 800 px on the long side)"),
    Message("photo.format_pdf", Severity.ERROR,
            f"`{{file}}` là tệp PDF, không phải ảnh — {_ACCEPTED_VI}. Hãy chụp ảnh thật của sản "
            "phẩm, hoặc xuất trang PDF thành ảnh JPEG/PNG",
            f"`{{file}}` is a PDF document, not a photo — {_ACCEPTED_EN}. Take a real photo of "
            "the product, or export the PDF page as a JPEG/PNG image"),
    Message("photo.format_other", Severity.ERROR,
            f"`{{file}}` có định dạng {{format}} — {_ACCEPTED_VI}. Mở ảnh bằng phần mềm xem/sửa "
            "ảnh (Photos, Paint…) và chọn Lưu thành / Xuất → JPEG, rồi sửa dòng `file:` theo tên "
            "tệp mới",
            f"`{{file}}` is in {{format}} format — {_ACCEPTED_EN}. Open it in a photo app "
            "(Photos, Paint…), choose Save as / Export → JPEG, and update the `file:` line",
            bad="file: mat-truoc.gif", fix="file: mat-truoc.jpg"),
    Message("photo.not_image", Severity.ERROR,
            f"`{{file}}` không phải ảnh (không nhận ra nội dung tệp) — {_ACCEPTED_VI}. Có thể tệp "
            "bị hỏng khi tải lên: mở thử trên máy, xuất lại ảnh dạng JPEG và tải lên lại",
            f"`{{file}}` is not an image (its content is not recognised) — {_ACCEPTED_EN}. It "
            "may have been damaged in upload: open it on your computer, export it as JPEG again "
            "and re-upload"),
    Message("photo.format_mismatch", Severity.ERROR,
            "`{file}` thực chất là ảnh {actual} nhưng tên tệp có đuôi `{ext}` — hãy đổi tên tệp "
            "thành `{suggested}` và sửa dòng `file:` cho khớp",
            "`{file}` is really a {actual} image but its name ends in `{ext}` — rename the file "
            "to `{suggested}` and update the `file:` line to match",
            bad="file: mat-truoc.jpg   # tệp thực chất là PNG",
            fix="file: mat-truoc.png"),
    Message("photo.corrupt", Severity.ERROR,
            "ảnh `{file}` bị hỏng hoặc bị cắt cụt, không đọc hết được (chi tiết kỹ thuật: "
            "{reason}) — mở thử ảnh trên máy; hãy xuất lại hoặc tải lên lại tệp gốc",
            "photo `{file}` is damaged or truncated and cannot be read in full (technical "
            "detail: {reason}) — open it on your computer; export or upload the original again"),
    Message("photo.too_many_pixels", Severity.ERROR,
            "ảnh `{file}` quá lớn: {megapixels} triệu điểm ảnh (tối đa {limit} triệu) — ảnh cỡ "
            "này có thể làm treo máy dựng trang; hãy thu nhỏ ảnh (cạnh dài khoảng 2000–4000 điểm "
            "ảnh) rồi tải lên lại",
            "photo `{file}` is too large: {megapixels} megapixels (at most {limit}) — images "
            "this size can freeze the site build; resize it (about 2000–4000 px on the long "
            "side) and upload it again"),
    Message("photo.too_small", Severity.ERROR,
            "ảnh `{file}` quá nhỏ ({width}×{height} điểm ảnh; cạnh dài phải từ {min} trở lên, nên "
            "từ {recommended}) — hãy dùng ảnh gốc chụp từ điện thoại hay máy ảnh, không dùng ảnh "
            "đã thu nhỏ hoặc tải về từ Zalo/Facebook",
            "photo `{file}` is too small ({width}×{height} px; the long side must be at least "
            "{min}, ideally {recommended}) — use the original from the phone or camera, not a "
            "resized copy or one saved from Zalo/Facebook"),
    Message("photo.low_resolution", Severity.WARNING,
            "ảnh `{file}` hơi nhỏ ({width}×{height} điểm ảnh) — nên có cạnh dài từ {recommended} "
            "điểm ảnh trở lên; ảnh gốc chụp bằng điện thoại là đủ",
            "photo `{file}` is rather small ({width}×{height} px) — {recommended} px or more on "
            "the long side is recommended; an original phone photo is fine"),
    Message("photo.gps", Severity.ERROR,
            "ảnh `{file}` còn lưu vị trí GPS nơi chụp (có thể là nhà riêng), mà kho dữ liệu công "
            "khai giữ mọi tệp đã gửi trong lịch sử mãi mãi — xoá vị trí trước khi hợp nhất: chạy "
            "`{command}` (chỉ xoá vị trí và thông tin cá nhân, ảnh giữ nguyên), hoặc xuất lại ảnh "
            "với Vị trí đã tắt rồi tải lên thay ảnh này",
            "photo `{file}` stores the GPS location where it was taken (maybe someone's home), "
            "and the public repository keeps every file it was sent in its history for good — "
            "remove the location before merging: run `{command}` (it removes only the location "
            "and personal metadata; the picture is unchanged), or export the photo again with "
            "Location off and upload it instead",
            fix="ocop photos --strip-metadata products/hoi-an/nuoc-mam-thu/nhan.jpg"),
    Message("photo.large_file", Severity.WARNING,
            "tệp ảnh `{file}` nặng {size_mb} MB (nên dưới {limit_mb} MB) — tệp lớn làm chậm việc "
            "duyệt, mà trang web tự tạo bản nhỏ: hãy xuất lại ảnh JPEG chất lượng khoảng 85%",
            "photo file `{file}` is {size_mb} MB (keep it under {limit_mb} MB) — large files slow "
            "down review and the website makes small copies anyway: re-export it as JPEG at "
            "about 85% quality"),
    Message("photo.duplicate", Severity.WARNING,
            "ảnh `{file}` đã được khai báo ở dòng {first_line} — xoá mục bị lặp",
            "photo `{file}` is already listed on line {first_line} — delete the repeated entry"),
    Message("photo.unlisted", Severity.WARNING,
            "ảnh chưa được khai báo: tệp `{file}` có trong thư mục sản phẩm nhưng không có trong "
            "danh sách `photos` nên sẽ không được đăng — thêm một mục (`file`, `role`, `alt`) cho ảnh "
            "này, hoặc xoá tệp nếu không dùng",
            "photo not listed: `{file}` is in the product folder but not in `photos`, so it will "
            "not be published — add an entry (`file`, `role`, `alt`) for it, or delete the file if "
            "unused",
            fix="photos:\n  - file: mat-sau.jpg\n    role: back\n    alt:\n      vi: Mặt sau "
                "bao bì"),
)
