// The address ↔ state of the catalogue page (site_templates/assets/catalogue/url.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  activeCount, formatSearch, isDefault, LITERAL, parseState, sameState, SORTS, withValue,
} from "../../site_templates/assets/catalogue/url.js";

const KEYS = ["sao", "hieu_luc", "nhom", "huyen_cu", "xa"];
const SHARED = "?q=nuoc+mam&sao=4+sao&sao=5+sao&huyen_cu=Huy%E1%BB%87n+%C4%90%C3%B4ng+Giang&sort=sao";

test("a shared address gives its state, and the state gives the same address back", () => {
  const state = parseState(SHARED, KEYS);
  assert.deepEqual(state, {
    q: "nuoc mam", sort: "sao", filters: { sao: ["4 sao", "5 sao"], huyen_cu: ["Huyện Đông Giang"] },
  });
  assert.equal(formatSearch(state, KEYS), SHARED);
});

test("Vietnamese values and characters that mean something in an address survive a round trip", () => {
  const state = {
    q: "nước mắm & trà = 100% ngon? #1 +",
    sort: "ngay",
    filters: {
      nhom: ["Thực phẩm", "Đồ uống"],
      xa: ["Xã Điện Phương", "Phường Hội An/Tây", "Xa\u0303 Tie\u0302n"], // last one decomposed (NFD)
    },
  };
  const search = formatSearch(state, KEYS);
  assert.match(search, /^\?q=n%C6%B0%E1%BB%9Bc\+m%E1%BA%AFm\+%26\+tr%C3%A0\+%3D\+100%25/);
  assert.ok(!search.includes("#") && !search.includes(" "));
  assert.deepEqual(parseState(search, KEYS), state);
  assert.equal(parseState(search, KEYS).filters.xa[2], "Xa\u0303 Tie\u0302n"); // not normalised
});

test("repeated keys: every value once, in order; blanks dropped; values trimmed", () => {
  const state = parseState("?nhom=Th%E1%BB%B1c+ph%E1%BA%A9m&sao=5+sao&nhom=&sao=+4+sao+&sao=5+sao&nhom=%C4%90%E1%BB%93+u%E1%BB%91ng", KEYS);
  assert.deepEqual(state.filters, { sao: ["5 sao", "4 sao"], nhom: ["Thực phẩm", "Đồ uống"] });
  // written back in the page's key order, values in their order
  assert.equal(formatSearch(state, KEYS), "?sao=5+sao&sao=4+sao&nhom=Th%E1%BB%B1c+ph%E1%BA%A9m&nhom=%C4%90%E1%BB%93+u%E1%BB%91ng");
});

test("sort: only the known ones; anything else is no sort", () => {
  for (const sort of Object.keys(SORTS)) assert.equal(parseState(`?sort=${sort}`, KEYS).sort, sort);
  for (const sort of ["", "price", "constructor", "toString", "__proto__", "SAO"]) {
    assert.equal(parseState(`?sort=${sort}`, KEYS).sort, "", sort);
  }
  assert.deepEqual(Object.keys(SORTS), ["ten", "sao", "ngay"]);
  assert.equal(formatSearch({ q: "", sort: "ten", filters: {} }, KEYS), "?sort=ten");
});

test("unknown keys are ignored, so ?utm_source=… is the default view", () => {
  const state = parseState("?utm_source=zalo&fbclid=x&loai=Tr%C3%A0", KEYS);
  assert.deepEqual(state, { q: "", sort: "", filters: {} });
  assert.ok(isDefault(state));
  assert.equal(formatSearch(state, KEYS), "");
  assert.ok(isDefault(parseState("", KEYS)));
  assert.ok(isDefault(parseState("?q=+++", KEYS))); // a query of spaces is no query
  assert.ok(!isDefault(parseState("?q=tra", KEYS)));
  assert.ok(!isDefault(parseState("?sort=sao", KEYS)));
  assert.ok(!isDefault(parseState("?xa=X%C3%A3+A", KEYS)));
});

test("a query with only the q key, as the home page's search form sends it", () => {
  assert.deepEqual(parseState("?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm", KEYS), { q: "nước mắm", sort: "", filters: {} });
  assert.equal(formatSearch({ q: "nuoc mam", sort: "", filters: {} }, KEYS), "?q=nuoc+mam");
});

test("sameState compares what is shown, whatever the object", () => {
  const a = parseState(SHARED, KEYS);
  assert.ok(sameState(a, parseState(SHARED, KEYS), KEYS));
  assert.ok(sameState(a, { ...a, filters: { ...a.filters, nhom: [] } }, KEYS)); // empty group = none
  assert.ok(!sameState(a, { ...a, q: "nuoc" }, KEYS));
  assert.ok(!sameState(a, { ...a, sort: "" }, KEYS));
  assert.ok(!sameState(a, { ...a, filters: { ...a.filters, sao: ["5 sao", "4 sao"] } }, KEYS));
});

test("ticking and unticking values; counting them", () => {
  let filters = {};
  filters = withValue(filters, "sao", "4 sao", true);
  filters = withValue(filters, "sao", "5 sao", true);
  filters = withValue(filters, "sao", "4 sao", true); // again: no duplicate
  filters = withValue(filters, "nhom", "Thực phẩm", true);
  assert.deepEqual(filters, { sao: ["4 sao", "5 sao"], nhom: ["Thực phẩm"] });
  assert.equal(activeCount(filters), 3);
  const before = filters;
  filters = withValue(filters, "nhom", "Thực phẩm", false);
  assert.deepEqual(filters, { sao: ["4 sao", "5 sao"] }); // an emptied group is gone
  assert.deepEqual(before.nhom, ["Thực phẩm"]); // the old state is left as it was
  assert.equal(activeCount({}), 0);
});

test("words searched as words (“Tìm như chữ thường”) stay so in the address, and on a reload", () => {
  const literal = { q: "5 sao", sort: "", filters: {}, literal: true };
  const search = formatSearch(literal, KEYS);
  assert.equal(search, `?q=5+sao&${LITERAL}=1`);
  assert.deepEqual(parseState(search, KEYS), literal);
  // what the home page's form sends is read as a filter by the page: no flag
  assert.deepEqual(parseState("?q=5+sao", KEYS), { q: "5 sao", sort: "", filters: {} });
  assert.equal(formatSearch({ ...literal, literal: false }, KEYS), "?q=5+sao");
  // without words there is nothing to take literally
  assert.equal(formatSearch({ q: "", sort: "", filters: {}, literal: true }, KEYS), "");
  assert.deepEqual(parseState(`?${LITERAL}=1`, KEYS), { q: "", sort: "", filters: {} });
  assert.ok(!sameState(literal, parseState("?q=5+sao", KEYS), KEYS));
  assert.ok(sameState(literal, parseState(search, KEYS), KEYS));
});
