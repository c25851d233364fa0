"""Vietnamese phone numbers: which are well written, and how to write one that is not.

A public number is a mobile (10 digits from 03, 05, 07, 08, 09), a landline (0 + area code,
10 or 11 digits from 02), either of them with ``+84`` instead of the leading 0, or a 1800/1900
service number (8 or 10 digits). Digits may be grouped as people read them: groups of 2 to 4
digits separated by one space, one dot or one hyphen, the same mark throughout
("0905 123 456", "0235.3884.123", "+84 905 123 456") — not "0235. 3884 123" (dot and space)
nor "090 5 1 2 3 4 5 6" (single digits).
"""

from __future__ import annotations

import re

from ..findings import Message, Severity, register

register(
    Message("subject.phone_format", Severity.ERROR,
            "số điện thoại «{value}» {problem} — {fix}",
            "phone number «{value}» {problem_en} — {fix_en}",
            bad='phones: ["0235. 3884 123"]', fix='phones: ["0235 3884 123"]'),
)

_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{8,9}")
_SERVICE = re.compile(r"1[89]00(?:[0-9]{4}|[0-9]{6})")
_GROUPED = re.compile(r"(\+84|[0-9]{2,4})(?:([ .-])[0-9]{2,4}(?:\2[0-9]{2,4})*)?")
_TWO_DIGIT_AREAS = ("024", "028")  # Hà Nội, TP. Hồ Chí Minh: 3-digit area code, 8 digits


def national_digits(text: str) -> str | None:
    """The digits of ``text`` as dialled inside Việt Nam ("+84 905…" → "0905…"), or None
    when they are not a Vietnamese public number, whatever the separators."""
    digits = re.sub(r"[^0-9+]", "", text)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not digits.isdigit():
        return None
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits) or _SERVICE.fullmatch(digits):
        return digits
    return None


def well_formed(text: str) -> bool:
    """True when ``text`` is a Vietnamese public number with natural grouping."""
    if national_digits(text) is None or not text.startswith(("+84", "0", "1")):
        return False
    if text.isdigit():
        return True
    return bool(_GROUPED.fullmatch(text)) and (text.startswith("+84") or text[0] != "+")


def suggestion(text: str) -> str | None:
    """The number of ``text`` written the usual way ("0235 3884 123"), or None."""
    digits = national_digits(text)
    if digits is None:
        return None
    international = text.strip().startswith(("+84", "84")) and not digits.startswith("1")
    if digits.startswith("1"):
        groups = [digits[:4], digits[4:]] if len(digits) == 8 else \
            [digits[:4], digits[4:7], digits[7:]]
    elif digits.startswith(_TWO_DIGIT_AREAS) and len(digits) == 11:
        groups = [digits[:3], digits[3:7], digits[7:]]
    elif len(digits) == 11:
        groups = [digits[:4], digits[4:8], digits[8:]]
    else:
        groups = [digits[:4], digits[4:7], digits[7:]]
    if international:
        groups[0] = "+84 " + groups[0][1:]
    return " ".join(groups)


def problem(text: str) -> dict[str, str]:
    """The params of a ``subject.phone_format`` finding for a badly written ``text``."""
    better = suggestion(text)
    if better is not None:
        return {"problem": "viết tách nhóm số chưa đúng (mỗi nhóm 2–4 chữ số, cách nhau bằng "
                           "một dấu cách, dấu chấm hoặc gạch ngang)",
                "problem_en": "is not grouped the usual way (groups of 2–4 digits separated by "
                              "one space, dot or hyphen)",
                "fix": f"viết là `\"{better}\"`", "fix_en": f"write `\"{better}\"`"}
    return {"problem": "không phải là một số Việt Nam hợp lệ (di động 10 số bắt đầu bằng 03, 05, "
                       "07, 08, 09; máy bàn 0 + mã vùng, 10–11 số; hoặc số 1800, 1900)",
            "problem_en": "is not a Vietnamese phone number (mobile: 10 digits from 03, 05, 07, "
                          "08, 09; landline: 0 + area code, 10–11 digits; or 1800, 1900)",
            "fix": "kiểm tra lại từng chữ số, ví dụ: `\"0905 123 456\"`",
            "fix_en": "check every digit, e.g. `\"0905 123 456\"`"}
