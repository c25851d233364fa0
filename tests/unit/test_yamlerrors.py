"""YAML syntax errors in the officer's words, at the line to change: exact text, both languages."""

from __future__ import annotations

import pytest

from generator.load.product import load_product

CASES = [
    ("name:\n  vi: Thành phần: tiêu đen\n", "yaml.colon_in_value", 2, 7,
     "giá trị có dấu `: ` ở giữa nên YAML tưởng là một trường mới: «vi: Thành phần: tiêu đen» — "
     "đặt cả giá trị trong dấu ngoặc kép: `vi: \"Thành phần: tiêu đen\"`",
     "the value contains `: `, which YAML reads as a new key: «vi: Thành phần: tiêu đen» — put "
     "the whole value in double quotes: `vi: \"Thành phần: tiêu đen\"`"),
    # the dedented line (5) is blamed, not the next one, where the parser gives up
    ("id: x\nname:\n  en: B\n  vi2: C\nvi: Nước mắm\n  product_type: x\n", "yaml.bad_indent", 5, 1,
     "dòng 5 thụt lề lệch so với các dòng cùng cấp: «vi: Nước mắm» — cho tên trường bắt đầu "
     "đúng cột như ở dòng 4 («vi2: C»), thêm hoặc bớt dấu cách ở đầu dòng",
     "line 5 is indented out of step with the lines around it: «vi: Nước mắm» — start the key "
     "in the same column as on line 4 («vi2: C») by adding or removing spaces at the start of "
     "the line"),
    ("id: x\nname:\n  en: B\n vi: Nước mắm\nproduct_type: x\n", "yaml.bad_indent", 4, 2,
     "dòng 4 thụt lề lệch so với các dòng cùng cấp: «vi: Nước mắm» — cho tên trường bắt đầu "
     "đúng cột như ở dòng 3 («en: B»), thêm hoặc bớt dấu cách ở đầu dòng",
     "line 4 is indented out of step with the lines around it: «vi: Nước mắm» — start the key "
     "in the same column as on line 3 («en: B») by adding or removing spaces at the start of "
     "the line"),
    ("name:\n  vi Nước mắm\n  en: Fish sauce\n", "yaml.missing_colon", 2, 3,
     "dòng 2 thiếu dấu `:` sau tên trường: «vi Nước mắm» — viết `tên: giá trị`; nếu đây là "
     "phần tiếp theo của giá trị dòng trên, viết cả giá trị trên một dòng trong dấu ngoặc kép",
     "line 2 lacks the `:` after its key: «vi Nước mắm» — write `key: value`; if it continues "
     "the value of the line above, write the whole value on one line in double quotes"),
    ("name:\n  en: B\n  vi:\n  Nước mắm\n  x: 1\n", "yaml.missing_colon", 4, 3,
     "dòng 4 thiếu dấu `:` sau tên trường: «Nước mắm» — viết `tên: giá trị`; nếu đây là phần "
     "tiếp theo của giá trị dòng trên, viết cả giá trị trên một dòng trong dấu ngoặc kép",
     "line 4 lacks the `:` after its key: «Nước mắm» — write `key: value`; if it continues the "
     "value of the line above, write the whole value on one line in double quotes"),
    ("name:\n  vi: `Nước mắm`\n", "yaml.reserved_start", 2, 7,
     "giá trị bắt đầu bằng `` ` ``, ký tự YAML dành riêng: «vi: `Nước mắm`» — đặt cả giá trị "
     "trong dấu ngoặc kép: `vi: \"`Nước mắm`\"`".replace("`` ` ``", "```"),
     "the value starts with ```, a character YAML reserves: «vi: `Nước mắm`» — put the whole "
     "value in double quotes: `vi: \"`Nước mắm`\"`"),
    ('name:\n  vi: "Nước mắm" Cửa Hội\n', "yaml.text_after_quote", 2, 7,
     "sau dấu ngoặc kép đóng vẫn còn chữ: «vi: \"Nước mắm\" Cửa Hội» — đặt cả giá trị trong một "
     "cặp ngoặc kép, dấu ngoặc kép bên trong viết là `\\\"`: `vi: \"\\\"Nước mắm\\\" Cửa Hội\"`",
     "there is text after the closing quote: «vi: \"Nước mắm\" Cửa Hội» — put the whole value "
     "in one pair of double quotes, writing a quote inside as `\\\"`: "
     "`vi: \"\\\"Nước mắm\\\" Cửa Hội\"`"),
    ("phones: [0905123456, 0235123456\nname: x\n", "yaml.unclosed_bracket", 1, 9,
     "dấu `[` mở ở dòng này chưa được đóng: «phones: [0905123456, 0235123456» — thêm `]` ở "
     "cuối; nếu `[` là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép",
     "the `[` opened on this line is never closed: «phones: [0905123456, 0235123456» — add `]` "
     "at the end; if `[` is part of the text, put the whole value in double quotes"),
    ("name:\n  vi: 'Nước mắm\n  en: x\n", "yaml.unclosed_quote", 2, 7,
     "dấu ngoặc `'` mở ở dòng này chưa được đóng — thêm `'` ở cuối giá trị",
     "the quote `'` opened on this line is never closed — add `'` at the end"),
    ("name:\n  vi: *Đặc sản* Hội An\n", "yaml.reserved_start", 2, 7,
     "giá trị bắt đầu bằng `*`, ký tự YAML dành riêng: «vi: *Đặc sản* Hội An» — đặt cả giá trị "
     "trong dấu ngoặc kép: `vi: \"*Đặc sản* Hội An\"`",
     "the value starts with `*`, a character YAML reserves: «vi: *Đặc sản* Hội An» — put the "
     "whole value in double quotes: `vi: \"*Đặc sản* Hội An\"`"),
    ("name:\n  vi: *Dac san* Hoi An\n", "yaml.alias", 2, 7,
     "không dùng neo/bí danh YAML (`&`, `*`, `<<`) trong tệp sản phẩm — hãy viết thẳng giá trị; "
     "nếu `*` hay `&` là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép",
     "YAML anchors and aliases (`&`, `*`, `<<`) are not allowed in product files — write the "
     "value out; if `*` or `&` is part of the text, put the whole value in double quotes"),
    ('name:\n  vi: "Mẫu A\\B"\n', "yaml.bad_escape", 2, 13,
     "trong dấu ngoặc kép, dấu `\\` phải đi cùng một ký tự đặc biệt (như `\\n`): «vi: \"Mẫu "
     "A\\B\"» — viết `\\\\` cho mỗi dấu `\\`, hoặc dùng dấu ngoặc đơn `'…'` thay cho ngoặc kép",
     "inside double quotes a `\\` must start an escape (such as `\\n`): «vi: \"Mẫu A\\B\"» — "
     "write `\\\\` for each `\\`, or use single quotes `'…'` instead of double quotes"),
    ("name:\n  vi: ]Nước mắm\n", "yaml.reserved_start", 2, 7,
     "giá trị bắt đầu bằng `]`, ký tự YAML dành riêng: «vi: ]Nước mắm» — đặt cả giá trị trong "
     "dấu ngoặc kép: `vi: \"]Nước mắm\"`",
     "the value starts with `]`, a character YAML reserves: «vi: ]Nước mắm» — put the whole "
     "value in double quotes: `vi: \"]Nước mắm\"`"),
    ("phones: [0905123456, , 0235123456]\n", "yaml.syntax", 1, 22,
     "dòng này không đọc được theo cú pháp YAML (thiếu giá trị ở chỗ này, có dấu `,` hay dấu "
     "ngoặc đóng thừa): «phones: [0905123456, , 0235123456]» — kiểm tra thụt lề, dấu `:` sau "
     "tên trường và dấu ngoặc kép đóng mở đủ",
     "this line cannot be read as YAML (while parsing a flow node did not find expected node "
     "content): «phones: [0905123456, , 0235123456]» — check the indentation, the `:` after "
     "each key and that quotes are closed"),
    ("a: 1\n%x: 2\n", "yaml.syntax", 2, 3,
     "dòng này không đọc được theo cú pháp YAML (dòng bắt đầu bằng `%`): «%x: 2» — kiểm tra "
     "thụt lề, dấu `:` sau tên trường và dấu ngoặc kép đóng mở đủ",
     "this line cannot be read as YAML (while scanning a directive found unexpected "
     "non-alphabetical character): «%x: 2» — check the indentation, the `:` after each key and "
     "that quotes are closed"),
]


@pytest.mark.parametrize(("text", "code", "line", "column", "vi", "en"), CASES,
                         ids=[c[1] + f"-{c[2]}" for c in CASES])
def test_syntax_error_in_plain_words(text: str, code: str, line: int, column: int, vi: str,
                                     en: str) -> None:
    doc = load_product(text.encode(), "p.yaml")
    assert doc.data is None
    assert [(f.code, f.line, f.column) for f in doc.findings] == [(code, line, column)]
    assert doc.findings[0].message("vi") == vi
    assert doc.findings[0].message("en") == en


def test_no_message_says_error_twice_or_quotes_the_parser_in_vietnamese() -> None:
    """The reporter prints "lỗi" before every error; the parser's English stays in English."""
    for text, *_ in CASES:
        message = load_product(text.encode(), "p.yaml").findings[0].message("vi")
        assert not message.startswith("lỗi")
        for english in ("mapping values", "expected", "while scanning", "token", "found"):
            assert english not in message


FIXED = [case[0] for case in CASES if case[1] in (
    "yaml.colon_in_value", "yaml.reserved_start", "yaml.text_after_quote")]


@pytest.mark.parametrize("text", FIXED)
def test_the_suggested_fix_is_valid_yaml_when_pasted(text: str) -> None:
    """The corrected line a message gives, pasted over the line, makes the file readable and
    keeps the officer's whole text."""
    finding = load_product(text.encode(), "p.yaml").findings[0]
    lines = text.split("\n")
    line = lines[finding.line - 1]
    lines[finding.line - 1] = line[: len(line) - len(line.lstrip())] + finding.params["quoted"]
    doc = load_product("\n".join(lines).encode(), "p.yaml")
    assert doc.data is not None and doc.findings == []
    assert doc.data["name"]["vi"] == line.split(": ", 1)[1].strip()
