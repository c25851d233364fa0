"""The printed booklets' words (Vietnamese first, English alongside for the English edition)."""

from __future__ import annotations

from ..messages import Texts

SAY = Texts("booklet", {
    "title.catalogue": ("Danh mục sản phẩm OCOP", "OCOP product catalogue"),
    "title.area": ("Sản phẩm OCOP — {name}", "OCOP products — {name}"),
    "title.group": ("Sản phẩm OCOP — {name}", "OCOP products — {name}"),
    "title.stars": ("Sản phẩm OCOP {n} sao", "{n}-star OCOP products"),
    "title.event": ("{name}", "{name}"),
    "example": ("{label} — tập in mẫu của một sự kiện mẫu, không phải sự kiện thật",
                "{label} — an example booklet of an example event, not a real event"),
    "title.selection": ("Sản phẩm OCOP — {parts}", "OCOP products — {parts}"),
    "subtitle.area": ("Các sản phẩm của {former} (trước 1/7/2025), theo xã, phường hiện nay",
                      "Products of {former} (before 1 July 2025), by today's commune or ward"),
    "subtitle.stars": ("Các sản phẩm có hạng {n} sao còn hiệu lực",
                       "Products whose {n}-star rating is valid"),
    "data_as_of": ("Dữ liệu tính đến {date}", "Data as of {date}"),
    "publisher": ("Đơn vị phát hành: {name}", "Published by {name}"),
    "count": ("{n} sản phẩm", "{n} products"),
    "count_current": ("{n} sản phẩm có hạng sao còn hiệu lực ngày {date}",
                      "{n} with a star rating valid on {date}"),
    "contents": ("Mục lục", "Contents"),
    "page": ("Trang", "Page"),
    "booth": ("Gian {booth}", "Booth {booth}"),
    "section.commune_unknown": ("{province} — chưa rõ xã, phường hiện nay",
                                "{province} — today's commune or ward not recorded"),
    "section.former": ("trước 1/7/2025: {name}", "before 1 July 2025: {name}"),
    "group": ("Nhóm", "Group"),
    "type": ("Loại", "Type"),
    "producer": ("Chủ thể", "Producer"),
    "producer_unknown": ("Chưa có thông tin chủ thể", "Producer not recorded"),
    "phone": ("Điện thoại", "Phone"),
    "email": ("Email", "Email"),
    "address": ("Địa chỉ", "Address"),
    "origin": ("Nơi sản xuất", "Origin"),
    "standards": ("Tiêu chuẩn, chứng nhận", "Standards and certificates"),
    "price": ("Giá tham khảo", "Indicative price"),
    "scan": ("Quét mã để xem trang sản phẩm, liên hệ và hạng sao mới nhất",
             "Scan for the product's page, contacts and latest rating"),
    "no_photo": ("Chưa có ảnh", "No photo yet"),
    "closing.title": ("Cách đọc hạng sao OCOP", "How to read an OCOP star rating"),
    "closing.stars": (
        "Hạng sao (3, 4 hoặc 5 sao) là kết quả đánh giá, phân hạng sản phẩm theo Chương trình "
        "Mỗi xã một sản phẩm (OCOP). Sản phẩm 3 và 4 sao do Ủy ban nhân dân tỉnh, thành phố "
        "công nhận (từ 2/2023 đến 6/2025, 3 sao do cấp huyện công nhận); 5 sao do Bộ Nông nghiệp và "
        "Môi trường công nhận là sản phẩm OCOP quốc gia.",
        "A star rating (3, 4 or 5 stars) is the result of the OCOP (One Commune One Product) "
        "evaluation. 3 and 4 stars are recognised by the province or city (3 stars by the "
        "district from February 2023 to June 2025); 5 stars by the Ministry of Agriculture and Environment "
        "as a national OCOP product."),
    "closing.validity": (
        "Mỗi lần công nhận có hiệu lực 36 tháng kể từ ngày ký quyết định. Khi hết hạn, chủ thể "
        "phải được đánh giá lại mới được tiếp tục dùng biểu trưng và hạng sao OCOP.",
        "Each recognition is valid for 36 months from the day the decision is signed. After "
        "that the producer must be evaluated again to keep using the OCOP logo and stars."),
    "closing.as_of": (
        "Hạng sao trong tập này được tính đến ngày {date}. Sản phẩm đã hết hạn hoặc đã bị thu "
        "hồi ghi rõ \"{expired}\" hoặc \"{revoked}\" và không in sao như sao còn hiệu lực.",
        "The ratings in this booklet are as of {date}. A product whose recognition has expired "
        "or was revoked reads \"{expired}\" or \"{revoked}\" and is never printed with a "
        "current star."),
    "closing.online": ("Danh mục trực tuyến, cập nhật thường xuyên",
                       "The online catalogue, kept up to date"),
    "closing.contact": ("Liên hệ: {contact}", "Contact: {contact}"),
    # errors for the person running the command
    "glyph_missing": (
        "Phông chữ {font} không có ký tự {char} ({code} {name}) trong {where}: sửa chữ đó trong "
        "tệp sản phẩm hoặc dùng phông có ký tự này.",
        "The font {font} has no glyph for {char} ({code} {name}) in {where}: change that "
        "character in the product file or use a font that has it."),
    "font_missing": (
        "Không tìm thấy phông {file} (cài gói Debian fonts-noto-core: apt-get install "
        "fonts-noto-core).",
        "Font {file} not found (install Debian's fonts-noto-core: apt-get install "
        "fonts-noto-core)."),
    "weasyprint_missing": (
        "Không tải được WeasyPrint để in PDF ({reason}); cần thư viện Pango của Debian "
        "(apt-get install libpango-1.0-0 libpangoft2-1.0-0).",
        "WeasyPrint cannot be loaded to write PDFs ({reason}); it needs Debian's Pango "
        "(apt-get install libpango-1.0-0 libpangoft2-1.0-0)."),
    "nothing_selected": ("Không có sản phẩm nào khớp lựa chọn: {selection}",
                         "No product matches the selection: {selection}"),
    "unknown_choice": ("Không có {what} \"{value}\"; có: {choices}",
                       "There is no {what} \"{value}\"; choose one of: {choices}"),
    "what.group": ("nhóm", "group"),
    "what.area": ("địa phương", "locality"),
    "what.event": ("sự kiện có sản phẩm tham gia", "event with participating products"),
    "wrote": ("Đã ghi {path} ({pages} trang, {size})", "Wrote {path} ({pages} pages, {size})"),
    "every_alone": ("--every in mọi tập; bỏ --group, --area, --stars, --event hoặc bỏ --every",
                    "--every writes every booklet; drop --group, --area, --stars, --event or "
                    "drop --every"),
    "event_alone": ("--event in tập của một sự kiện; bỏ --group, --area, --stars",
                    "--event writes one event's booklet; drop --group, --area, --stars"),
    "volume_size": ("--volume-size là số sản phẩm tối đa mỗi tập, từ 1 trở lên, ví dụ 300",
                    "--volume-size is the most products a volume holds, at least 1, e.g. 300"),
    "output_pdf_one": ("-o FILE.pdf chỉ dùng khi in một tập; với nhiều tập, -o là thư mục",
                       "-o FILE.pdf only for a single booklet; for several, -o is a folder"),
})


def size_text(size: int, lang: str = "vi") -> str:
    """A file size as buyers read it: ``850 kB``, ``3,1 MB`` (a decimal comma in Vietnamese)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    text = f"{size / 1_000_000:.1f}"
    return (text.replace(".", ",") if lang == "vi" else text) + " MB"
