"""The header: which rows of a sheet are column headings, and which product field each column
holds, found by scoring headings against the column names provincial lists use (compared with
:func:`generator.textfold.fold`, whole words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import SheetError
from ..textfold import fold
from .table import Table, Value

#: field → column headings seen in provincial lists (compared folded, whole words)
COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("STT", "Số TT", "Số thứ tự", "TT"),
    "name": ("Tên sản phẩm", "Tên SP", "Sản phẩm", "Tên sản phẩm OCOP", "Sản phẩm OCOP",
             "Tên sản phẩm, dịch vụ", "Tên sản phẩm/dịch vụ", "Sản phẩm/dịch vụ", "Tên SP OCOP",
             "Tên sản phẩm (dịch vụ)", "Tên sản phẩm đạt OCOP"),
    "subject": ("Chủ thể (tên, địa chỉ)", "Tên chủ thể, địa chỉ", "Tên, địa chỉ chủ thể",
                "Chủ thể, địa chỉ", "Chủ thể sản xuất (tên, địa chỉ)", "Chủ thể OCOP (tên, địa chỉ)"),
    "subject_name": ("Chủ thể", "Tên chủ thể", "Chủ thể OCOP", "Chủ thể sản xuất", "Cơ sở sản xuất",
                     "Đơn vị", "Tên đơn vị", "Đơn vị sản xuất", "Tên cơ sở", "Chủ thể đăng ký",
                     "Tổ chức, cá nhân", "Tên chủ thể sản xuất", "Tên chủ thể OCOP",
                     "Chủ thể sản phẩm", "Tên doanh nghiệp", "Tên HTX, doanh nghiệp",
                     "Đơn vị, chủ thể", "Tên tổ chức, cá nhân"),
    "address": ("Địa chỉ", "Địa chỉ chủ thể", "Địa chỉ liên hệ", "Địa chỉ trụ sở",
                "Địa chỉ chủ thể sản xuất", "Địa chỉ đơn vị"),
    "origin_address": ("Địa chỉ sản xuất", "Nơi sản xuất", "Địa điểm sản xuất",
                       "Địa chỉ cơ sở sản xuất", "Địa chỉ nơi sản xuất", "Địa chỉ cơ sở"),
    "place": ("Xã/Huyện", "Xã, huyện", "Xã/Phường/Thị trấn, Huyện", "Địa bàn", "Địa phương",
              "Xã - Huyện", "Xã/huyện/thị xã/thành phố", "Xã, huyện, thị xã, thành phố"),
    "commune": ("Xã", "Xã/Phường", "Xã/Phường/Thị trấn", "Phường/Xã", "Tên xã",
                "Xã, phường, thị trấn", "Xã (phường, thị trấn)", "Đơn vị hành chính cấp xã"),
    "district": ("Huyện", "Huyện/Thị xã/Thành phố", "Huyện/Thị xã", "Tên huyện",
                 "Huyện, thị xã, thành phố", "Quận/Huyện", "Huyện (thị xã, thành phố)"),
    "stars": ("Hạng sao", "Số sao", "Xếp hạng", "Phân hạng", "Hạng", "Kết quả phân hạng",
              "Hạng sao OCOP", "Xếp hạng sao", "Hạng sao đạt được", "Sao", "Số sao đạt được",
              "Kết quả xếp hạng", "Hạng sao công nhận", "Phân hạng sao", "Xếp hạng OCOP",
              "Hạng OCOP", "Đạt hạng", "Kết quả đánh giá, phân hạng", "Số sao đạt"),
    "score": ("Điểm", "Tổng điểm", "Điểm đánh giá", "Điểm số", "Số điểm", "Điểm chấm"),
    "decision": ("Số quyết định", "Quyết định", "Số QĐ", "QĐ công nhận", "Quyết định công nhận",
                 "Số hiệu quyết định", "Số QĐ công nhận", "Số quyết định công nhận",
                 "QĐ công nhận số"),
    "decision_signed": ("Số, ngày quyết định", "Số và ngày quyết định", "Số, ngày QĐ",
                        "Số/ngày QĐ", "Số, ngày ký quyết định", "Quyết định (số, ngày)",
                        "Số quyết định, ngày ký", "Số, ngày tháng quyết định",
                        "QĐ công nhận (số, ngày)", "Số, ngày ban hành quyết định",
                        "Quyết định công nhận (số, ngày)", "Số, ngày văn bản"),
    "signed": ("Ngày ký", "Ngày quyết định", "Ngày ban hành", "Ngày công nhận",
               "Ngày ký quyết định", "Ngày QĐ", "Ngày ký QĐ", "Ngày cấp",
               "Thời gian công nhận", "Ngày, tháng, năm ký"),
    "year": ("Năm", "Năm công nhận", "Năm đạt", "Năm được công nhận", "Năm xếp hạng",
             "Năm đánh giá"),
    "group": ("Nhóm/Bộ sản phẩm", "Nhóm sản phẩm", "Nhóm", "Bộ sản phẩm", "Nhóm ngành",
              "Phân nhóm", "Nhóm, bộ sản phẩm", "Ngành hàng", "Nhóm ngành hàng", "Thuộc nhóm",
              "Bộ/nhóm sản phẩm"),
    "product_type": ("Loại sản phẩm",),
    "phone": ("Điện thoại", "Số điện thoại", "SĐT", "ĐT", "Điện thoại liên hệ", "Số ĐT",
              "SĐT liên hệ", "Số điện thoại liên hệ", "ĐT liên hệ", "Điện thoại di động",
              "Di động", "Hotline"),
    "tax_code": ("Mã số thuế", "MST"),
}
_FOLDED = {name: tuple(fold(s) for s in spellings) for name, spellings in COLUMNS.items()}
#: where each column goes, as the report shows it
TARGETS = {
    "stt": "số thứ tự, không nhập / row number, not imported", "name": "name.vi",
    "subject": "subject.name + subject.address", "subject_name": "subject.name",
    "address": "subject.address",
    "origin_address": "xã của origin.recorded (và subject.address khi bảng không có cột địa chỉ) "
                      "/ the commune of origin.recorded (and subject.address without an address "
                      "column)",
    "place": "origin.recorded.commune + district",
    "commune": "origin.recorded.commune", "district": "origin.recorded.district",
    "stars": "recognitions[].stars", "score": "recognitions[].score",
    "decision": "recognitions[].decision",
    "decision_signed": "recognitions[].decision + signed", "signed": "recognitions[].signed",
    "year": "recognitions[].signed (năm / year)", "group": "group, subgroup",
    "product_type": "product_type", "phone": "subject.contact.phones",
    "tax_code": "subject.tax_code",
}
HEADER_SEARCH_ROWS = 30  # the header is looked for in the first rows only


@dataclass
class Column:
    index: int
    letter: str
    title: str  # "Kết quả công nhận › Ngày ký"
    field: str | None = None


@dataclass
class Header:
    first: int  # 0-based rows of the header block
    last: int
    columns: list[Column]

    def field(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as Excel shows it)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_fields(text: str) -> dict[str, float]:
    """Fields a heading names, with how much of the heading the name covers (≥ 0.5)."""
    key = fold(text)
    out: dict[str, float] = {}
    if not key:
        return out
    for name, spellings in _FOLDED.items():
        for spelling in spellings:
            if f" {spelling} " in f" {key} " and len(spelling) / len(key) >= 0.5:
                out[name] = max(out.get(name, 0.0), len(spelling) / len(key))
    return out


def _row_fields(row: Sequence[Value]) -> set[str]:
    texts = {v for v in row if isinstance(v, str)}
    if len(texts) < 2:  # a title merged across the sheet is one value
        return set()
    return {name for text in texts for name in cell_fields(text)}


def _titles(rows: list[list[Value]], first: int, last: int) -> list[str]:
    titles = []
    for c in range(len(rows[first])):
        parts: list[str] = []
        for r in range(first, last + 1):
            value = rows[r][c]
            if isinstance(value, str | int | float) and str(value) not in parts[-1:]:
                parts.append(str(value))
        titles.append(" › ".join(parts))
    return titles


def _options(columns: list[Column]) -> list[tuple[int, float, int, str]]:
    """(weight, coverage, column, field) for every field a column's headings name; the lowest
    heading (the most specific) weighs 2, the group headings above it 1."""
    options = []
    for column in columns:
        parts = column.title.split(" › ") if column.title else []
        for level, part in enumerate(parts):
            weight = 2 if level == len(parts) - 1 else 1
            for name, ratio in cell_fields(part).items():
                options.append((weight, ratio, column.index, name))
    return options


def _assign(rows: list[list[Value]], first: int, last: int) -> list[Column]:
    """Each column its best field, the most specific heading (the lowest row) first."""
    columns = [Column(c, column_letter(c), title)
               for c, title in enumerate(_titles(rows, first, last))]
    used: set[str] = set()
    for _weight, _ratio, index, name in sorted(_options(columns), key=lambda o: (-o[0], -o[1], o[2])):
        if columns[index].field is None and name not in used:
            columns[index].field = name
            used.add(name)
    return columns


def find_header(rows: list[list[Value]]) -> Header | None:
    """The header block: the first row naming the product column and another, plus up to two
    rows of sub-headings under it (merged group headings such as «Chủ thể» over «Tên», «Địa chỉ»)."""
    for r in range(min(len(rows), HEADER_SEARCH_ROWS)):
        found = _row_fields(rows[r])
        if len(found) >= 2 and "name" in found:
            last = r
            while last + 1 < len(rows) and last - r < 2 and len(_row_fields(rows[last + 1])) >= 2:
                last += 1
            return Header(r, last, _assign(rows, r, last))
    return None


def pick_header(tables: list[Table], sheet: str | None = None) -> tuple[Table, Header]:
    """The sheet named ``sheet``, else the first one with a header row, and that header;
    :class:`SheetError` when there is none."""
    if sheet is not None:
        tables = [t for t in tables if t.title == sheet]
        if not tables:
            raise SheetError(f"không có trang tính «{sheet}»", f"there is no sheet «{sheet}»")
    for table in tables:
        header = find_header(table.rows)
        if header is not None:
            return table, header
    names = ", ".join(COLUMNS["name"][:3])
    raise SheetError(f"không tìm thấy dòng tiêu đề trong {HEADER_SEARCH_ROWS} dòng đầu: cần một "
                     f"cột tên sản phẩm ({names}) và ít nhất một cột khác",
                     f"no header row in the first {HEADER_SEARCH_ROWS} rows: a product name "
                     f"column ({names}) and at least one other column are needed")
