// State → what Pagefind is asked, and the order of results (site_templates/assets/catalogue/query.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  exactFirst, exactFor, exactKey, needsSort, pagefindFilters, queryFilters, searchTerm, sortResults,
  typedQuery,
} from "../../site_templates/assets/catalogue/query.js";

test("typing: a last word of one letter waits, the words before it are searched", () => {
  assert.equal(typedQuery("n"), null);           // nothing to search yet
  assert.equal(typedQuery("nư"), "nư");          // two letters: search
  assert.equal(typedQuery("nước"), "nước");
  assert.equal(typedQuery("nước m"), "nước");    // the new word waits for its second letter
  assert.equal(typedQuery("nước mắ"), "nước mắ");
  assert.equal(typedQuery("Đ"), null);
  assert.equal(typedQuery("đô"), "đô");
  assert.equal(typedQuery("nước-m"), null);      // one word as typed; "m" is still one letter
  assert.equal(typedQuery("trà 5 "), "trà");     // "5": one character
  // nothing left to fold (emptied box, only punctuation): searched as is, i.e. the default view
  assert.equal(typedQuery(""), "");
  assert.equal(typedQuery(" - "), " - ");
});

test("the term is the folded query, or the word every page has", () => {
  assert.equal(searchTerm("Nước Mắm", "zzocop"), "nuoc mam");
  assert.equal(searchTerm("  Đông   Giang ", "zzocop"), "dong giang");
  assert.equal(searchTerm("", "zzocop"), "zzocop");
  assert.equal(searchTerm("--", "zzocop"), "zzocop");
});

test("filters: AND across groups, OR within one", () => {
  const filters = { sao: ["4 sao", "5 sao"], nhom: ["Thực phẩm"] };
  assert.deepEqual(pagefindFilters(filters), { sao: { any: ["4 sao", "5 sao"] }, nhom: { any: ["Thực phẩm"] } });
  assert.deepEqual(pagefindFilters({}), {});
  assert.deepEqual(pagefindFilters({ sao: [] }), {});
});

test("filters for counting: a group without its own ticks, and open groups counted", () => {
  const filters = { sao: ["4 sao"], nhom: ["Thực phẩm"] };
  // the counts of "sao" ignore its own tick, and ask Pagefind to count it
  assert.deepEqual(pagefindFilters(filters, "sao", ["sao"]),
                   { sao: { none: [] }, nhom: { any: ["Thực phẩm"] } });
  // open groups without ticks are counted without constraining anything
  assert.deepEqual(pagefindFilters(filters, null, ["xa", "sao"]),
                   { xa: { none: [] }, sao: { any: ["4 sao"] }, nhom: { any: ["Thực phẩm"] } });
});

test("results are reordered only for a chosen sort: page order is the default order", () => {
  assert.equal(needsSort("", "nuoc"), false);  // relevance
  assert.equal(needsSort("", ""), false);      // page order = current first, by name
  assert.equal(needsSort("ten", ""), true);    // name order has its rank file
  assert.equal(needsSort("ten", "nuoc"), true);
  assert.equal(needsSort("sao", ""), true);
  assert.equal(needsSort("ngay", "tra"), true);
});

test("sorting: by rank in the sort's direction, ties in page order", () => {
  const pageOf = new Map([["a", 0], ["b", 1], ["c", 2], ["d", 3]]); // page order a < b < c < d
  const results = ["d", "b", "a", "c"].map((id) => ({ id }));
  const stars = [3, 5, 5, 4]; // by page number
  assert.deepEqual(sortResults(results, "sao", pageOf, stars).map((r) => r.id), ["b", "c", "d", "a"]);
  const days = [20250101, 20240101, 20260101, 20250101];
  assert.deepEqual(sortResults(results, "ngay", pageOf, days).map((r) => r.id), ["c", "a", "d", "b"]);
  const names = [2, 0, 3, 1]; // the name order differs from the page order (current first)
  assert.deepEqual(sortResults(results, "ten", pageOf, names).map((r) => r.id), ["b", "d", "a", "c"]);
  assert.deepEqual(sortResults(results, "ten", pageOf, null).map((r) => r.id), ["a", "b", "c", "d"]);
  assert.deepEqual(results.map((r) => r.id), ["d", "b", "a", "c"]); // the input is left as it was
  // an id without a page (never happens) goes last
  assert.deepEqual(sortResults([{ id: "x" }, { id: "b" }], "ten", pageOf, null).map((r) => r.id), ["b", "x"]);
});

test("a query naming stars or a group: those filters, and the words left", () => {
  const groups = ["Thực phẩm", "Đồ uống"];
  assert.deepEqual(queryFilters("5 sao", groups), { q: "", applied: [{ key: "sao", value: "5 sao" }] });
  for (const text of ["nước mắm 4 sao", "nước mắm 4sao", "4* nước mắm", "nước 4 ★ mắm", "nước mắm 4 SAO"]) {
    assert.deepEqual(queryFilters(text, groups), { q: "nước mắm",
                                                   applied: [{ key: "sao", value: "4 sao" }] }, text);
  }
  assert.deepEqual(queryFilters("do uong", groups), { q: "", applied: [{ key: "nhom", value: "Đồ uống" }] });
  assert.deepEqual(queryFilters("thực phẩm 3 sao", groups), {
    q: "", applied: [{ key: "sao", value: "3 sao" }, { key: "nhom", value: "Thực phẩm" }] });
  // not a filter: another number, a word that only starts with sao, a group's part
  for (const text of ["2 sao", "15 sao", "5 saon", "thực", "nước mắm", "", "sao"]) {
    assert.deepEqual(queryFilters(text, groups).applied, [], text);
  }
  assert.equal(queryFilters("  bánh   dừa ", groups).q, "bánh dừa");
});

test("exact matches first: the query as typed, on the first page only", () => {
  const pages = [{ meta: { title: "Trà hoa hồng" }, content: "tra hoa hong" },
                 { meta: { title: "Đèn quế Thái Hòa" }, content: "x" },
                 { meta: { title: "Khe Hoa" }, content: "Xã Hòa Tiến" }];
  assert.deepEqual(exactFirst(pages, "hòa").map((p) => p.meta.title),
                   ["Đèn quế Thái Hòa", "Khe Hoa", "Trà hoa hồng"]);
  assert.deepEqual(exactFirst(pages, "zzz"), pages); // order kept when nothing matches
  assert.deepEqual(exactFirst([{ content: "Hòa" }, {}], "hòa").length, 2); // no meta, no content
  assert.equal(exactKey("  Thái   HÒA "), "thái hòa");
  assert.equal(exactKey("Tha\u0301i Ho\u0300a"), "thái hòa"); // NFC
  assert.equal(exactFor({ q: "Hòa", sort: "", filters: {} }), "hòa");
  assert.equal(exactFor({ q: "Hòa", sort: "sao", filters: {} }), ""); // a chosen order wins
  assert.equal(exactFor({ q: "", sort: "", filters: { sao: ["5 sao"] } }), "");
  assert.equal(exactFor({ q: "--", sort: "", filters: {} }), ""); // no words
});
