"""Whether buyers can reach the producer: a warning when the subject gives no public contact.

The site then sends buyers to the OCOP office of the product's area (``extra.ocop.offices``),
but a product sells better when the producer answers the phone itself. A product with no
``subject`` at all already has ``subject.missing``; this one is for a named subject.
"""

from __future__ import annotations

from ..findings import Finding, Message, Severity, register
from ..load.document import Document

register(
    Message("subject.no_contact", Severity.WARNING,
            "chủ thể \"{name}\" chưa có liên hệ công khai (điện thoại, email hay trang web) — "
            "người mua chỉ được chỉ tới văn phòng OCOP; thêm `contact` dưới `subject` theo số "
            "điện thoại, trang web mà chủ thể công bố (ghi nguồn vào `sources`)",
            "subject \"{name}\" has no public contact (phone, email or website) — buyers are "
            "only sent to the OCOP office; add `contact` under `subject` from the phone or "
            "website the subject publishes (cite it in `sources`)",
            bad="subject:\n  name: HTX Nông dược xanh Tiên Phước",
            fix="subject:\n  name: HTX Nông dược xanh Tiên Phước\n  contact:\n"
                "    phones: [\"0905 123 456\"]\n    email: lienhe@example.vn\n"
                "    website: https://example.vn"),
)


def check_contact(doc: Document) -> list[Finding]:
    subject = (doc.data or {}).get("subject")
    if not isinstance(subject, dict) or not subject.get("name"):
        return []
    contact = subject.get("contact") or {}
    if contact.get("phones") or contact.get("email") or contact.get("website"):
        return []
    return [doc.finding("subject.no_contact", ("subject", "name"), name=subject["name"])]
