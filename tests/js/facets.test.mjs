// Facet values and counts (site_templates/assets/catalogue/facets.js, its pure part).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  countSearches, FACET_LIMIT, FACET_SEARCH_FROM, facetOrder, facetView, mergeCounts,
} from "../../site_templates/assets/catalogue/facets.js";

const collator = new Intl.Collator("vi", { numeric: true });
const view = (key, counts, ticked = [], options = {}) => facetView(key, counts, ticked, { collator, ...options });
const values = (shown) => shown.options.map((o) => o.value);

test("values without products are left out unless ticked; ticked ones show, with 0 if absent", () => {
  const shown = view("nhom", { "Thực phẩm": 12, "Đồ uống": 0, "Dược liệu": 3 }, ["Đồ uống", "Thủ công"]);
  assert.deepEqual(shown.options, [
    { value: "Dược liệu", count: 3, checked: false },
    { value: "Đồ uống", count: 0, checked: true },
    { value: "Thủ công", count: 0, checked: true },
    { value: "Thực phẩm", count: 12, checked: false },
  ]);
  assert.equal(shown.empty, false);
  assert.equal(shown.toggle, null);
  assert.equal(shown.narrowBox, false);
});

test("order: Vietnamese alphabetical (D before Đ, numbers by value); stars from 5 down", () => {
  const places = { "Điện Bàn": 1, "Duy Xuyên": 1, "Đại Lộc": 1, "An Hải": 1, "Phường 10": 1, "Phường 2": 1 };
  assert.deepEqual(values(view("huyen_cu", places)),
                   ["An Hải", "Duy Xuyên", "Đại Lộc", "Điện Bàn", "Phường 2", "Phường 10"]);
  assert.deepEqual(values(view("sao", { "3 sao": 9, "5 sao": 1, "4 sao": 4 })), ["5 sao", "4 sao", "3 sao"]);
  assert.deepEqual([["b"], ["a"]].sort(facetOrder("nhom", collator)), [["a"], ["b"]]);
});

test("a long group shows FACET_LIMIT values and 'show all (n)'; expanded, all and 'fewer'", () => {
  const counts = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Xã ${String.fromCharCode(65 + i)}`, 1]));
  const short = view("xa", counts);
  assert.equal(short.options.length, FACET_LIMIT);
  assert.deepEqual(short.toggle, { expand: true, n: 12 });
  // a ticked value past the limit still shows
  const ticked = view("xa", counts, ["Xã L"]);
  assert.equal(ticked.options.length, FACET_LIMIT + 1);
  assert.equal(ticked.options.at(-1).value, "Xã L");
  const all = view("xa", counts, [], { expanded: true });
  assert.equal(all.options.length, 12);
  assert.deepEqual(all.toggle, { expand: false });
});

test("big groups get a narrowing box; narrowing folds, and shows every match", () => {
  const names = ["Điện Bàn", "Điện Phương", "Điện Nam", "Diên Hồng", "Hội An", "Tam Kỳ"];
  const counts = Object.fromEntries(names.map((n) => [n, 2]));
  for (let i = 0; i < FACET_SEARCH_FROM; i++) counts[`Thôn ${i}`] = 1;
  const shown = view("xa", counts, [], { narrow: "dien" });
  assert.equal(shown.narrowBox, true);
  assert.deepEqual(values(shown), ["Diên Hồng", "Điện Bàn", "Điện Nam", "Điện Phương"]);
  assert.equal(shown.toggle, null);
  assert.deepEqual(values(view("xa", counts, [], { narrow: "ĐIỆN  phương" })), ["Điện Phương"]);
  assert.deepEqual(values(view("xa", counts, [], { narrow: "zzz" })), []);
  assert.equal(view("xa", { "Hội An": 1 }).narrowBox, false);
});

test("a group with no products among the results says so", () => {
  assert.equal(view("tinh", {}).empty, true);
  assert.equal(view("tinh", undefined).empty, true);
  assert.equal(view("tinh", { "Quảng Nam": 0 }).empty, true);
  assert.equal(view("tinh", { "Quảng Nam": 0 }, ["Quảng Nam"]).empty, false);
});

test("odd values are values, not object keys", () => {
  assert.deepEqual(values(view("nhom", {}, ["constructor", "__proto__"])), ["__proto__", "constructor"]);
});

test("counts: one extra search per open group with a tick, without that group's ticks", () => {
  const filters = { sao: ["4 sao", "5 sao"], nhom: ["Thực phẩm"] };
  assert.deepEqual(countSearches(filters, ["sao", "xa"]), [
    { key: "sao", filters: { sao: { none: [] }, nhom: { any: ["Thực phẩm"] } } },
  ]);
  assert.deepEqual(countSearches(filters, []), []);
  assert.deepEqual(countSearches({}, ["sao", "nhom"]), []);
  assert.deepEqual(countSearches(filters, ["nhom", "sao"]).map((s) => s.key), ["nhom", "sao"]);
});

test("counts: each group's own search replaces the main one's", () => {
  const found = { sao: { "4 sao": 3 }, nhom: { "Thực phẩm": 3 }, xa: { "Xã A": 1 } };
  const merged = mergeCounts(found, [["sao", { "4 sao": 3, "3 sao": 7 }], ["nhom", undefined]]);
  assert.deepEqual(merged, { sao: { "4 sao": 3, "3 sao": 7 }, nhom: {}, xa: { "Xã A": 1 } });
  assert.deepEqual(found.sao, { "4 sao": 3 }); // the input is left as it was
});
