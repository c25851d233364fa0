"""English typed under ``vi``: caught when certain, quiet for unaccented Vietnamese names."""

from __future__ import annotations

import pytest

from generator.checks.language import check_language, looks_english
from generator.load.document import Document


@pytest.mark.parametrize("text", [
    "Traditional fish sauce made from anchovies and sea salt",
    "The tea is made from wild leaves of the forest",
    "A handmade lantern with a bamboo frame and silk cover",
    "Our coffee is roasted for buyers who want the real taste",
])
def test_english_is_caught(text: str) -> None:
    assert looks_english(text)


@pytest.mark.parametrize("text", [
    "Rượu Ta Vác",  # Vietnamese with marks, whatever the words
    "Ruou Ta Vac",  # unaccented Vietnamese: too few words, no English word
    "Tra",  # ambiguous alone
    "Tra Que Hoi An",
    "Nuoc mam nhi truyen thong cua lang Cua Dai, co the dung an hang ngay",  # unaccented
    "Sâm Ngọc Linh with honey and ginger from the mountains",  # mixed, but has Vietnamese marks
    "SAPHRATON",
    "Fish sauce",  # English, but too short to be sure
    "Made in Viet Nam",  # one stop word only
])
def test_vietnamese_and_short_names_are_left_alone(text: str) -> None:
    assert not looks_english(text)


def test_every_vi_text_is_read_with_its_path() -> None:
    data = {
        "name": {"vi": "Traditional fish sauce from the sea and the sun", "en": "Fish sauce"},
        "content": {"description": {"vi": "Nước mắm truyền thống"}},
        "photos": [{"file": "a.jpg", "alt": {"vi": "Bottle of fish sauce with the red label"}}],
        "subject": {"name": "The Fish and the Sauce Company of Hoi An"},  # not a {vi, en} text
    }
    findings = check_language(Document("p.yaml", data))
    assert [(f.code, f.path) for f in findings] == [
        ("text.english_in_vi", "name.vi"), ("text.english_in_vi", "photos[0].alt.vi")]
    assert findings[0].message("vi") == (
        "dòng `vi:` có vẻ là tiếng Anh («Traditional fish sauce from the sea and the sun»): "
        "không có chữ hay dấu tiếng Việt nào — chuyển câu này xuống dòng `en:` và viết bản "
        "tiếng Việt có dấu ở dòng `vi:`")
