"""Which "no photo yet" illustration a product shows: one simple line icon per OCOP group
(Decision 148/QĐ-TTg), drawn in ``site_templates/content/_macros.html`` ``nophoto_icon``."""

from __future__ import annotations

#: group (as in ``product.yaml``) → icon name (a CSS class suffix and a Pagefind meta value)
GROUP_ICONS: dict[str, str] = {
    "Thực phẩm": "food",
    "Đồ uống": "drink",
    "Dược liệu và sản phẩm từ dược liệu": "herb",
    "Hàng thủ công mỹ nghệ": "craft",
    "Sinh vật cảnh": "plant",
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch": "travel",
}
#: the icon of a group the table does not know
OTHER = "other"
#: every icon name, in the order of the table (the catalogue's card template has one card each)
ICONS: tuple[str, ...] = (*GROUP_ICONS.values(), OTHER)


def group_icon(group: str) -> str:
    return GROUP_ICONS.get(group, OTHER)
