/* Text folding, the same as generator/textfold.py fold(): đ → d, no tone or vowel marks,
 * lowercase, separators (spaces, dashes, punctuation) as one space, trimmed. Pure: no DOM.
 * tests/js/fold.test.mjs checks it on tests/js/fold-cases.json, which tests/unit/test_textfold.py
 * checks against the Python function. */

// What `\s` means in textfold.py (Python's str.isspace()): JavaScript's `\s` differs (it has
// U+FEFF and lacks U+001C–U+001F and U+0085), so the characters are listed.
const SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const SEPARATORS = new RegExp(`[${SPACE}'’‘\`\\-–—_.,;:/()]+`, "g");
const MARKS = /[\u0300-\u036f]/g; // combining diacritical marks, as textfold._MARKS

/** Lowercase key without tone or vowel marks: fold("Đông  Giang") === fold("dong-giang"). */
export function fold(text) {
  return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(MARKS, "")
    .toLowerCase().replace(SEPARATORS, " ").replace(/^ | $/g, "");
}
