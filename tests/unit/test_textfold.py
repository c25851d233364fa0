"""Vietnamese text keys (generator/textfold.py)."""

from __future__ import annotations

import json
import os
import unicodedata

from generator.textfold import d_words, fold, fold_compact, fold_place, slugify
from tests.conftest import ROOT

# Pairs (text, fold(text)) that tests/js/fold.test.mjs checks assets/catalogue/fold.js against.
FOLD_CASES = ROOT / "tests" / "js" / "fold-cases.json"


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


def test_the_script_folds_like_this_module() -> None:
    """The search box folds the query in the browser (site_templates/assets/catalogue/fold.js):
    the pairs it is tested on are fold()'s own answers. After an intended change to fold():
    OCOP_UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_textfold.py, then fix fold.js until
    `node --test tests/js/` passes."""
    cases = json.loads(FOLD_CASES.read_text(encoding="utf-8"))
    if os.environ.get("OCOP_UPDATE_GOLDEN"):
        cases = [[text, fold(text)] for text, _ in cases]
        lines = ",\n".join(f"  [{_json(text)}, {_json(folded)}]" for text, folded in cases)
        FOLD_CASES.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    assert len(cases) > 40
    assert "Đông Giang" in {text for text, _ in cases}
    assert [[text, fold(text)] for text, _ in cases] == cases


def _json(text: str) -> str:
    """``text`` as JSON, with spaces other than " ", controls and combining marks as \\u escapes
    (visible in a diff: "Tha\\u0301i" is decomposed, "Thái" is not)."""
    return "".join(f"\\u{ord(c):04x}" if c != " " and ord(c) < 0x10000
                   and unicodedata.category(c)[0] in "ZCM" else c
                   for c in json.dumps(text, ensure_ascii=False))
