"""The CSV's columns: each a name, a Table Schema type, words in both languages, whether the
tool derived it, and how it reads a record of :mod:`.records` (the CSV never reads the model:
the record is the one mapping). ``datapackage.json`` and the open-data page describe the CSV
from these same columns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema: string, integer, number, date, boolean
    vi: str
    en: str
    get: Callable[[Record], Any]
    derived: bool = False

    def description(self) -> str:
        """Both languages; derived columns say so."""
        mark = " (suy ra / derived)" if self.derived else ""
        return f"{self.vi} / {self.en}{mark}"


def _at(*path: str | int) -> Callable[[Record], Any]:
    """The value at ``path`` (keys and list positions), None when a step is missing."""
    def get(record: Record) -> Any:
        value: Any = record
        for step in path:
            if value is None:
                return None
            value = value[step]
        return value
    return get


def _shown(key: str, *, derived: bool = False) -> Callable[[Record], Any]:
    """A field of the recognition the site's badge shows (the current one, else the latest)."""
    def get(record: Record) -> Any:
        rec = record["recognitions"][record["derived"]["recognition"]]
        return rec["derived"][key] if derived else rec[key]
    return get


def _standards(record: Record) -> str:
    return "; ".join(s["scheme"] for s in record["standards"])


PRODUCT_COLUMNS: tuple[Column, ...] = (
    Column("id", "string", "Mã sản phẩm (cố định)", "Stable product id", _at("id")),
    Column("name_vi", "string", "Tên sản phẩm", "Product name (Vietnamese)", _at("name", "vi")),
    Column("name_en", "string", "Tên tiếng Anh", "Product name (English)", _at("name", "en")),
    Column("group", "string", "Nhóm (QĐ 148/QĐ-TTg)", "Group (Decision 148/QĐ-TTg)",
           _at("group")),
    Column("product_type", "string", "Loại sản phẩm", "Product type", _at("product_type")),
    Column("processing", "string", "Mức chế biến: fresh = tươi sống; raw = thô; "
           "primary-processed = sơ chế; processed = chế biến; deep-processed = chế biến sâu; "
           "not-applicable = không áp dụng", "Processing level", _at("processing")),
    Column("subject_name", "string", "Chủ thể sản xuất", "Producing subject",
           _at("subject", "name")),
    Column("subject_legal_form", "string", "Loại hình chủ thể: cooperative = hợp tác xã; "
           "cooperative-group = tổ hợp tác; llc = công ty TNHH; llc-single-member = công ty "
           "TNHH MTV; joint-stock = công ty cổ phần; private-enterprise = doanh nghiệp tư nhân; "
           "household-business = hộ kinh doanh; establishment = cơ sở sản xuất",
           "Legal form of the subject",
           _at("subject", "legal_form")),
    Column("stars", "integer", "Hạng sao còn hiệu lực hôm nay (trống nếu không còn)",
           "Star rating valid on the as-of day (empty when none is)", _at("derived", "stars"),
           derived=True),
    Column("validity_state", "string", "Tình trạng hiệu lực: active = còn hiệu lực; expiring "
           "= còn hiệu lực, sắp hết hạn; uncertain = chưa rõ (nguồn chỉ ghi năm hoặc tháng ký); "
           "expired = đã hết hạn; superseded = đã thay bằng lần sau; revoked = đã thu hồi",
           "Validity state: active; expiring (valid, ends soon); uncertain (only the year or "
           "month of signing is known); expired; superseded; revoked",
           _at("derived", "state"), derived=True),
    Column("valid_until", "date", "Hiệu lực đến (36 tháng từ ngày ký)",
           "Valid until (36 months from signing)", _at("derived", "valid_until"), derived=True),
    Column("recognised_stars", "integer", "Số sao ghi trong quyết định đang hiển thị (lần "
           "còn hiệu lực, nếu không thì lần gần nhất)", "Stars in the decision shown (the "
           "current recognition, else the latest)", _shown("stars")),
    Column("signed", "string", "Ngày ký quyết định đó (yyyy, yyyy-mm hoặc yyyy-mm-dd)",
           "Its signing date (yyyy, yyyy-mm or yyyy-mm-dd)", _shown("signed")),
    Column("decision", "string", "Số quyết định đó", "Its decision number", _shown("decision")),
    Column("authority", "string", "Cơ quan ký quyết định đó", "Its signing authority",
           _shown("authority")),
    Column("level", "string", "Cấp công nhận (district, province, central)",
           "Recognising level (district, province, central)", _shown("level", derived=True),
           derived=True),
    Column("score", "number", "Điểm đánh giá của quyết định đó", "Its evaluation score",
           _shown("score")),
    Column("province_code", "string", "Mã tỉnh hiện nay", "Current province code",
           _at("origin", "derived", "province", "code"), derived=True),
    Column("province", "string", "Tỉnh hiện nay", "Current province",
           _at("origin", "derived", "province", "name"), derived=True),
    Column("commune_code", "string", "Mã xã hiện nay", "Current commune code",
           _at("origin", "derived", "commune", "code"), derived=True),
    Column("commune", "string", "Xã, phường hiện nay", "Current commune or ward",
           _at("origin", "derived", "commune", "name"), derived=True),
    Column("former_district_code", "string", "Mã huyện cũ (trước 1/7/2025)",
           "Former district code (before 1 July 2025)",
           _at("origin", "derived", "former_district", "code"), derived=True),
    Column("former_district", "string", "Huyện cũ (trước 1/7/2025)",
           "Former district (before 1 July 2025)",
           _at("origin", "derived", "former_district", "name"), derived=True),
    Column("recorded_commune", "string", "Xã ghi trong quyết định", "Commune as recorded",
           _at("origin", "recorded", "commune", "name")),
    Column("standards", "string", "Tiêu chuẩn, chứng nhận (cách nhau bởi ;)",
           "Standards and certifications (separated by ;)", _standards),
    Column("price_min", "integer", "Giá thấp nhất (đồng)", "Lowest price (VND)",
           _at("price", "min")),
    Column("price_max", "integer", "Giá cao nhất (đồng)", "Highest price (VND)",
           _at("price", "max")),
    Column("price_unit", "string", "Đơn vị bán", "Unit of sale", _at("price", "unit")),
    Column("url", "string", "Trang sản phẩm", "Product page", _at("url")),
    Column("record_url", "string", "Bản ghi JSON của sản phẩm", "The product's JSON record",
           _at("record_url")),
    Column("as_of", "date", "Ngày tính hiệu lực", "Day validity was computed for",
           _at("derived", "as_of"), derived=True),
)
