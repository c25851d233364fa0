"""Write the sample provincial list that `ocop import` is tested on.

    .venv/bin/python tools/make_sample_spreadsheet.py [OUT_DIR]

writes ``danh-sach-ocop-2024.xlsx`` and ``danh-sach-ocop-2024.csv`` (default OUT_DIR:
tests/fixtures/import/). The sheet looks like the lists provincial OCOP offices keep: title
rows above a two-row header with merged cells, dates as Excel day numbers, stars as "4 sao".

Every product row is a real Quảng Nam OCOP product from the domain guide (OCOP.md §5) and the
sample catalogue in products/: name, subject, commune, district, stars, decision and signing
date as those sources give them. What the sources do not say is left empty — no address, no
phone number. The rows that test error handling say so in the «Ghi chú» column: a date that is
not on the calendar, 6 stars, an empty row, a repeated row, and one cell typed in decomposed
Unicode (NFD). The CSV is what Excel's "CSV UTF-8" export of the sheet gives.

The output is byte-for-byte reproducible (fixed timestamps inside the .xlsx).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
NAME = "danh-sach-ocop-2024"
WIDTH = 12  # columns A–L
FIXED = datetime(2024, 12, 31, 0, 0, 0)
EXCEL_EPOCH = date(1899, 12, 30)


def serial(day: date) -> int:
    """The number Excel stores for a date in a cell formatted "General"."""
    return (day - EXCEL_EPOCH).days


QD_14 = serial(date(2020, 1, 2))  # QĐ 14/QĐ-UBND, the province's 2019 round (signed 02/01/2020)
QD_377 = serial(date(2025, 1, 17))  # QĐ 377, national 5-star, 2024 batch 3

TITLE = [
    {1: "UBND TỈNH QUẢNG NAM", 6: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
    {6: "Độc lập - Tự do - Hạnh phúc"},
    {1: "DANH SÁCH SẢN PHẨM OCOP"},
    {1: "(Dữ liệu mẫu để kiểm thử lệnh ocop import: sản phẩm thật lấy từ products/ và nguồn công "
        "khai; không phải văn bản của UBND tỉnh. Lỗi ghi ở cột Ghi chú là cố ý.)"},
]
HEADER_TOP: list[object] = ["STT", "Tên sản phẩm", "Chủ thể OCOP", None, "Địa bàn", None, "Nhóm/Bộ sản phẩm",
              "Kết quả công nhận", None, None, "Điện thoại", "Ghi chú"]
HEADER_SUB: list[object] = [None, None, "Tên chủ thể", "Địa chỉ", "Xã", "Huyện", None, "Hạng sao",
              "Số quyết định", "Ngày ký", None, None]
NOTE_DATE = "Lỗi cố ý để kiểm thử: ngày 31/02 không có trên lịch (quyết định ký ngày 02/01/2020)"
NOTE_STARS = "Lỗi cố ý để kiểm thử: 6 sao (sản phẩm đạt 4 sao)"
NOTE_REPEAT = "Lỗi cố ý để kiểm thử: lặp lại dòng 14"
TA_VAC = unicodedata.normalize("NFD", "Rượu Tà Vạc")  # typed with combining tone marks

# STT, name, subject, address, commune, district, group, stars, decision, signed, phone, note
ROWS: list[list[object]] = [
    [1, "Bánh tráng lề Địch Yên", "Tổ hợp tác sản xuất bánh tráng Địch Yên", None, "Tiên Phong",
     "Tiên Phước", "Thực phẩm", "4 sao", "14/QĐ-UBND", QD_14, None, None],
    [2, "Dầu mè đen dinh dưỡng", "Cơ sở Nguyễn Thanh Toàn", None, None, "Tiên Phước",
     "Thực phẩm", "4 sao", "14/QĐ-UBND", QD_14, None, None],
    [3, "Dầu phộng nguyên chất", "Cơ sở Nguyễn Thanh Toàn", None, None, "Tiên Phước",
     "Thực phẩm", "4 sao", "14/QĐ-UBND", QD_14, None, None],
    [4, "Vòng đeo tay từ trầm hương", "HTX Trầm hương Tiên Phước", None, None, "Tiên Phước",
     "Hàng thủ công mỹ nghệ", "4 sao", "14/QĐ-UBND", QD_14, None, None],
    [5, "Tiêu Tiên Phước", "Công ty TNHH Sơn Tiến", None, "Tiên Sơn", "Tiên Phước", "Thực phẩm",
     "4 sao", "3610/QĐ-UBND", datetime(2022, 12, 29), None, None],
    [6, "Heo thảo dược Xứ Tiên", "HTX Nông nghiệp và KD dịch vụ Tiền Phong", None, "Tiên Hiệp",
     "Tiên Phước", "Thực phẩm", "3 sao", "3610/QĐ-UBND", "29/12/2022", None, None],
    [None] * WIDTH,
    [7, "Nước mắm Tư Tài", "Cơ sở nước mắm truyền thống Tư Tài", None, "Cẩm Thanh", "Hội An",
     "Thực phẩm", "3 sao", "14/QĐ-UBND", QD_14, None, None],
    [8, "Đèn lồng Hội An", "Công ty TNHH Dịch vụ Hoa Nam", None, "Sơn Phong", "Hội An",
     "Hàng thủ công mỹ nghệ", "4*", "14/QĐ-UBND", QD_14, None, None],
    [9, "Sợi mì Cao Lầu", "Cơ sở Tô Văn Bình", None, "Sơn Phong", "Hội An", "Thực phẩm",
     "3 sao", "14/QĐ-UBND", QD_14, None, None],
    [10, "Bánh đậu xanh", "Cơ sở Nguyễn Thị Bông", None, "Thanh Hà", "Hội An", "Thực phẩm",
     "★★★", "14/QĐ-UBND", QD_14, None, None],
    [11, "Tương ớt mè Daichi", "Công ty TNHH Daichi Foods", None, None, "Hội An", "Thực phẩm",
     "4 sao", "14/QĐ-UBND", "31/02/2020", None, NOTE_DATE],
    [12, "Trà rừng Cù Lao Chàm", "Công ty CP Tập đoàn Hann", None, None, "Hội An", "Đồ uống",
     "6 sao", "14/QĐ-UBND", QD_14, None, NOTE_STARS],
    [13, "Đĩa Chùa Cầu Hội An", "Cơ sở Mộc truyền thống Kim Bồng Xuân Nguyên", None, "Cẩm Kim",
     "Hội An", "Hàng thủ công mỹ nghệ", "3 sao", "14/QĐ-UBND", QD_14, None, None],
    [14, "Nước mắm Tư Tài", "Cơ sở nước mắm truyền thống Tư Tài", None, "Cẩm Thanh", "Hội An",
     "Thực phẩm", "3 sao", "14/QĐ-UBND", QD_14, None, NOTE_REPEAT],
    [15, "SAPHRATON", "Công ty TNHH Sâm Sâm", None, "Trà Linh", "Nam Trà My",
     "Dược liệu và sản phẩm từ dược liệu", "5 sao", 377, QD_377, None, None],
    [16, TA_VAC, "Hộ kinh doanh Đinh Văn Đới", None, "A Ting", "Đông Giang", "Đồ uống", "3 sao",
     None, None, None, None],
    [17, "Mắm ruốc Duy Trinh", "Cơ sở sản xuất nước mắm Duy Trinh", None, None, "Duy Xuyên",
     "Thực phẩm", "3 sao", None, None, None, None],
    [18, "Dầu mè Xuân Hương", "Hộ Nguyễn Hữu Hội", None, "Đại Cường", "Đại Lộc", "Thực phẩm",
     None, None, None, None, None],
]
MERGED = ["A1:D1", "F1:L1", "F2:L2", "A3:L3", "A4:L4", "A5:A6", "B5:B6", "C5:D5", "E5:F5",
          "G5:G6", "H5:J5", "K5:K6", "L5:L6"]


def grid() -> list[list[object]]:
    """Every cell, row by row, as the sheet holds it (merged cells: top-left only)."""
    rows: list[list[object]] = []
    for title in TITLE:
        rows.append([title.get(c) for c in range(1, WIDTH + 1)])
    return [*rows, HEADER_TOP, HEADER_SUB, *ROWS]


def workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for r, row in enumerate(grid(), start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    for cell_range in MERGED:
        sheet.merge_cells(cell_range)
    for r in (1, 3, 5, 6):
        for c in range(1, WIDTH + 1):
            sheet.cell(r, c).font = Font(bold=True)
            sheet.cell(r, c).alignment = Alignment(horizontal="center", wrap_text=True)
    for r in range(7, 7 + len(ROWS)):
        if isinstance(sheet.cell(r, 10).value, datetime):
            sheet.cell(r, 10).number_format = "DD/MM/YYYY"
    for letter, width in zip("ABCDEFGHIJKL", (5, 28, 34, 16, 12, 12, 22, 9, 15, 11, 13, 40),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    book.properties.creator = "ocop-catalogue tools/make_sample_spreadsheet.py"
    book.properties.created = FIXED
    return book


def _reproducible(raw: bytes) -> bytes:
    """The same workbook with fixed timestamps (openpyxl stamps the time of saving)."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-12-31T00:00:00Z",
                              data)
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 31, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()


def _csv_text(value: object) -> str:
    """A cell as Excel's CSV export writes it (dates in the cell's dd/mm/yyyy format)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def csv_bytes() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in grid():
        writer.writerow([_csv_text(v) for v in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "tests" / "fixtures" / "import"
    folder.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    workbook().save(raw)
    (folder / f"{NAME}.xlsx").write_bytes(_reproducible(raw.getvalue()))
    (folder / f"{NAME}.csv").write_bytes(csv_bytes())
    print(f"wrote {folder / NAME}.xlsx and .csv")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
