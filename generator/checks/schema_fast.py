"""A quick yes for a product file the JSON Schema accepts, so only the others pay for
jsonschema's detailed walk.

jsonschema (pure Python) takes about a millisecond per product file; jsonschema-rs (Rust,
draft 2020-12, the same JSON-Schema-Test-Suite) says "valid" in a hundredth of that. The
detailed, officer-worded findings still come from jsonschema (:mod:`generator.checks.schema`):
this module only answers "certainly valid", and whenever it is not certain — the Rust side
says invalid, raises (a lone surrogate, a number JSON cannot hold), or the data holds a
character the two regular-expression dialects read differently — the caller runs jsonschema.

The one known difference of dialect: ``\\s`` (in the schema's e-mail and address patterns)
is Unicode white space in Python and a slightly different set in the Rust engine
(U+001C–U+001F, U+0085 …); a text with any white space other than space, tab, line breaks,
form feed and vertical tab goes the slow way.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jsonschema_rs

from ..resources import product_schema

#: white space outside ASCII's " \t\n\r\f\v": where the regex dialects might disagree
_DIALECT = re.compile(r"[^\S \t\n\r\f\v]")


@cache
def _validator() -> Any:
    return jsonschema_rs.validator_for(product_schema(), validate_formats=False)


def surely_valid(data: Any) -> bool:
    """True only when ``data`` certainly has no schema finding."""
    if _odd_text(data):
        return False
    try:
        return bool(_validator().is_valid(data))
    except Exception:  # any doubt: let jsonschema decide
        return False


def _odd_text(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _DIALECT.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
