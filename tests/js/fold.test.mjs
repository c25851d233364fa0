// Text folding in the browser (site_templates/assets/catalogue/fold.js) is generator/textfold.py's:
// tests/js/fold-cases.json holds pairs that tests/unit/test_textfold.py checks against Python.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { fold } from "../../site_templates/assets/catalogue/fold.js";

const CASES = JSON.parse(readFileSync(new URL("./fold-cases.json", import.meta.url), "utf8"));

test("every case folds as generator/textfold.py folds it", () => {
  assert.ok(CASES.length > 40);
  for (const [text, folded] of CASES) assert.equal(fold(text), folded, JSON.stringify(text));
});

test("tone placement, decomposed text, case and đ give one key", () => {
  const keys = new Set(["Hòa", "Hoà", "HOA", "hoa", "ho\u0300a", "Ho\u0300a"].map(fold));
  assert.deepEqual([...keys], ["hoa"]);
  assert.equal(fold("Đông Giang"), fold("dong giang"));
  assert.equal(fold("ĐÔNG GIANG"), "dong giang");
});

test("separators and spaces become one space, none at the ends", () => {
  assert.equal(fold(" Nước-mắm  Tư–Tài (Hội An) "), "nuoc mam tu tai hoi an");
  assert.equal(fold("\t\n"), "");
});
