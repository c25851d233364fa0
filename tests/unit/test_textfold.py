"""Vietnamese text keys (generator/textfold.py)."""

from __future__ import annotations

import unicodedata

from generator.textfold import d_words, fold, fold_compact, fold_place, slugify


def test_tone_placement_case_and_đ_fold_to_one_key() -> None:
    assert fold("Hòa") == fold("Hoà") == fold("HOA") == fold(unicodedata.normalize("NFD", "hòa"))
    assert fold("Đông Giang") == "dong giang"
    assert fold("Nước mắm – Tư Tài") == "nuoc mam tu tai"
    assert fold_compact("A Tiêng") == fold_compact("Atiêng") == "atieng"
    assert fold_place("Xã Tiên Sơn") == fold_place("X. Tiên Sơn") == fold_place("tien son")
    assert slugify("Thành phố Hội An") == "thanh-pho-hoi-an"


def test_d_words_keeps_only_the_words_an_index_cannot_fold_itself() -> None:
    text = "Đèn lồng Hội An, Phường Điện Bàn Đông, Thành phố Đà Nẵng; đèn ĐÈN"
    assert d_words(text) == "den dien dong da"
    assert d_words("Nước mắm Tư Tài") == ""  # nothing the index lacks
    assert d_words(unicodedata.normalize("NFD", "Đông")) == "dong"
