"""Vietnamese order: Ă after A, Đ after D, Ư after U; tones only break ties."""

from __future__ import annotations

import random

from generator.site.collate import ascii_sort_key, sort_key

ORDERED = ["An Bằng", "Ăn", "Ân Hảo", "Bánh tráng", "Chả", "Dầu mè", "Duy Xuyên", "Đại Lộc",
           "Đông Giang", "Ê", "Gốm", "Hoa", "Hoà", "Hỏa", "Hóa", "Hội An", "Ô mai", "Ơn",
           "Tiên Phước", "Trà", "Uyên", "Ưu"]


def test_vietnamese_alphabet_and_tones() -> None:
    shuffled = ORDERED[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == ORDERED


def test_python_default_order_is_wrong_and_ours_is_right() -> None:
    names = ["Hội An", "Đại Lộc", "Ân Hảo", "Duy Xuyên"]
    assert sorted(names) == ["Duy Xuyên", "Hội An", "Ân Hảo", "Đại Lộc"]
    assert sorted(names, key=sort_key) == ["Ân Hảo", "Duy Xuyên", "Đại Lộc", "Hội An"]


def test_ascii_key_sorts_the_same_as_plain_strings() -> None:
    assert sorted(ORDERED, key=ascii_sort_key) == ORDERED
    assert all(key.isascii() for key in map(ascii_sort_key, ORDERED))


def test_nfd_input_sorts_like_nfc() -> None:
    import unicodedata
    assert sort_key(unicodedata.normalize("NFD", "Đại Lộc"))[:2] == sort_key("Đại Lộc")[:2]
