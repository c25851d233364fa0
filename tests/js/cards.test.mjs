// What a result card shows of a Pagefind result (site_templates/assets/catalogue/cards.js, its
// pure part). Product text is untrusted: it stays text, and what becomes a class or an address
// is checked. (cardFrom, which clones the page's <template>, runs in tests/browser/test_search.py.)
import assert from "node:assert/strict";
import { test } from "node:test";

import { cardData, excerptParts, fillContact, markWords, unescapeHTML } from "../../site_templates/assets/catalogue/cards.js";

const PAGE = {
  url: "/san-pham/nuoc-mam-tu-tai/",
  excerpt: "<mark>nước</mark> <mark>mắm</mark> cá cơm zzocop",
  meta: { title: "Nước mắm Tư Tài", image: "media/ab12-400.webp", image_size: "400x300",
          state: "valid", stars: "4", current: "1", label: "4 sao", detail: "đến 12/2027",
          place: "Thành phố Hội An", group: "food" },
};

test("a product's card data", () => {
  assert.deepEqual(cardData(PAGE), {
    url: "/san-pham/nuoc-mam-tu-tai/", title: "Nước mắm Tư Tài", image: "media/ab12-400.webp",
    width: 400, height: 300, state: "valid", group: "food", stars: 4, current: true,
    label: "4 sao", detail: "đến 12/2027", validUntil: "", place: "Thành phố Hội An",
    call: "", callText: "", excerpt: [],
  });
  assert.equal(cardData({ ...PAGE, meta: { ...PAGE.meta, valid_until: "2027-12-31" } }).validUntil,
               "2027-12-31");
  assert.equal(cardData({ meta: { valid_until: "31/12/2027" } }).validUntil, "");
});

test("the excerpt says why it matched only when the name does not", () => {
  assert.deepEqual(cardData(PAGE, { q: "Nuoc Mam" }).excerpt, []); // the name says it (folded)
  // whole words of the query are marked, typed without marks too (Pagefind marked "nước mắm")
  assert.deepEqual(cardData(PAGE, { q: "ca com", everything: "zzocop" }).excerpt, [
    { text: "nước", mark: true }, { text: " ", mark: false }, { text: "mắm", mark: true },
    { text: " ", mark: false }, { text: "cá", mark: true }, { text: " ", mark: false },
    { text: "cơm", mark: true }, { text: " ", mark: false }]);
  assert.deepEqual(cardData({ ...PAGE, excerpt: "" }, { q: "cá" }).excerpt, []);
});

test("with a query, the card begins with the product's own description when it matches", () => {
  const page = { ...PAGE, meta: { ...PAGE.meta, summary: "Nước mắm ủ chượp từ cá cơm." } };
  assert.deepEqual(cardData(page).excerpt, []); // no query: no snippet
  assert.deepEqual(cardData(page, { q: "nuoc mam" }).excerpt, [ // the name matches
    { text: "Nước", mark: true }, { text: " ", mark: false }, { text: "mắm", mark: true },
    { text: " ủ chượp từ cá cơm.", mark: false }]);
  assert.deepEqual(cardData(page, { q: "ca" }).excerpt.map((p) => p.text).join(""),
                   "Nước mắm ủ chượp từ cá cơm.");
  // neither the name nor the description says it: Pagefind's excerpt says why it matched
  assert.deepEqual(cardData(page, { q: "zz", everything: "zzocop" }).excerpt.map((p) => p.text).join(""),
                   "nước mắm cá cơm ");
});

test("marking whole words: Pagefind's partial marks and folded query words", () => {
  // Pagefind marked only "Giang" for "dong giang": "Đông" is marked too
  assert.deepEqual(markWords(excerptParts("huyện Đông <mark>Giang</mark>, tỉnh"), ["dong", "giang"]), [
    { text: "huyện ", mark: false }, { text: "Đông", mark: true }, { text: " ", mark: false },
    { text: "Giang", mark: true }, { text: ", tỉnh", mark: false }]);
  // a mark inside a word covers the word; a prefix from two letters; one letter only whole
  assert.deepEqual(markWords([{ text: "Trà", mark: false }, { text: "My", mark: true }], []),
                   [{ text: "TràMy", mark: true }]);
  assert.deepEqual(markWords([{ text: "mắm muối m", mark: false }], ["mu", "m"]), [
    { text: "mắm ", mark: false }, { text: "muối", mark: true }, { text: " ", mark: false },
    { text: "m", mark: true }]);
  assert.deepEqual(markWords([], ["a"]), []);
});

test("hostile fields: markup stays text; bad images, states and numbers are refused", () => {
  const data = cardData({ url: "/san-pham/x/", meta: {
    title: '<img src=x onerror="window.__pwned=1">', place: "<i>Hội An</i>", state: 'x" onclick="1',
    image: "javascript:alert(1)", image_size: "9x", stars: "99", current: "true", label: "<u>4 sao</u>" } });
  assert.equal(data.title, '<img src=x onerror="window.__pwned=1">');
  assert.equal(data.place, "<i>Hội An</i>");
  assert.equal(data.label, "<u>4 sao</u>");
  assert.equal(data.image, "");
  assert.equal(data.state, "unknown");
  assert.equal(data.stars, 5);
  assert.equal(data.current, false);
  assert.deepEqual([data.width, data.height], [0, 0]);
  for (const image of ["../secret.webp", "media/../x.webp", "https://evil.example/x.webp",
                       "//evil.example/x.webp", "/media/x.webp", "media//evil.example/x",
                       "media/x.webp?y", "data:image/png;base64,AA", " media/x.webp"]) {
    assert.equal(cardData({ meta: { image } }).image, "", image);
  }
  for (const [stars, expected] of [["-2", 0], ["abc", 0], [undefined, 0], ["3.7", 3], ["5", 5]]) {
    assert.equal(cardData({ meta: { stars } }).stars, expected, String(stars));
  }
  assert.equal(cardData({ meta: { state: "VALID" } }).state, "unknown");
  assert.equal(cardData({ meta: { state: "expiring" } }).state, "expiring");
  // the group picks the "no photo yet" drawing, a class: only a plain name, else "other"
  assert.equal(cardData({ meta: { group: 'food" onclick="1' } }).group, "other");
  assert.equal(cardData({ meta: { group: "herb" } }).group, "herb");
  assert.deepEqual(cardData({}), {
    url: "", title: "", image: "", width: 0, height: 0, state: "unknown", group: "other",
    stars: 0, current: false,
    label: "", detail: "", validUntil: "", place: "", call: "", callText: "", excerpt: [] });
});

test("excerpt parts: Pagefind's marks kept, entities decoded, tags in the text stay text", () => {
  assert.deepEqual(excerptParts("nước mắm &lt;b&gt;đậm&lt;/b&gt; &amp; <mark>x</mark>"), [
    { text: "nước mắm <b>đậm</b> & ", mark: false }, { text: "x", mark: true }]);
  assert.deepEqual(excerptParts("zzocop <mark>trà</mark>", "zzocop"), [
    { text: " ", mark: false }, { text: "trà", mark: true }]);
  // two marked words keep the space between them (Pagefind marks each word on its own)
  const words = excerptParts("Tiên Phước <mark>langsat</mark> <mark>wine.</mark> Đồ uống");
  assert.equal(words.map((p) => p.text).join(""), "Tiên Phước langsat wine. Đồ uống");
  assert.deepEqual(excerptParts(""), []);
  assert.deepEqual(excerptParts("zzocop", "zzocop"), []);
  assert.deepEqual(excerptParts(" <mark> </mark> "), []);
});

test("entities: named, decimal and hex; unknown and out-of-range ones are left as written", () => {
  assert.equal(unescapeHTML("&amp;&lt;&gt;&quot;&apos;&nbsp;&#39;&#x110;&#273;&AMP;"), "&<>\"'\u00a0'Đđ&");
  assert.equal(unescapeHTML("&#x1F600;"), "😀");
  assert.equal(unescapeHTML("&bogus; &constructor; &#0; &#x110000; & amp;"), "&bogus; &constructor; &#0; &#x110000; & amp;");
});

// The contact link of the template's blank card (content/_macros.html card_contact, rendered
// with generator/site/cardcontact.py blank()): just enough of an element for fillContact.
function blankContact() {
  const attrs = new Map([["class", "ocop-card__contact"], ["href", "../#lien-he"],
                         ["aria-label", "{action}: {name}"]]);
  const classes = new Set(["ocop-card__contact"]);
  return {
    textContent: "Liên hệ",
    getAttribute: (name) => (attrs.has(name) ? attrs.get(name) : null),
    setAttribute: (name, value) => attrs.set(name, String(value)),
    classList: { add: (name) => classes.add(name) },
    attrs, classes,
  };
}

test("a result card calls the producer when the index has a phone", () => {
  const page = { ...PAGE, meta: { ...PAGE.meta, call: "tel:+84905123456", call_text: "Gọi 0905 123 456" } };
  const data = cardData(page);
  assert.equal(data.call, "tel:+84905123456");
  assert.equal(data.callText, "Gọi 0905 123 456");
  const link = blankContact();
  fillContact(link, data);
  assert.equal(link.attrs.get("href"), "tel:+84905123456");
  assert.equal(link.attrs.get("rel"), "nofollow");
  assert.equal(link.textContent, "Gọi 0905 123 456");
  assert.equal(link.attrs.get("aria-label"), "Gọi 0905 123 456: Nước mắm Tư Tài");
  assert.ok(link.classes.has("ocop-card__contact--call"));
});

test("without a phone, a result card links to the product page's contact block", () => {
  const link = blankContact();
  fillContact(link, cardData(PAGE));
  assert.equal(link.attrs.get("href"), "/san-pham/nuoc-mam-tu-tai/#lien-he");
  assert.equal(link.textContent, "Liên hệ");
  assert.equal(link.attrs.get("aria-label"), "Liên hệ: Nước mắm Tư Tài");
  assert.ok(!link.classes.has("ocop-card__contact--call") && !link.attrs.has("rel"));
  // "$&" and "{name}" in a product name stay text (no replacement patterns)
  const odd = blankContact();
  fillContact(odd, cardData({ url: "/x/", meta: { title: "A $& {name} B" } }));
  assert.equal(odd.attrs.get("aria-label"), "Liên hệ: A $& {name} B");
});

test("hostile call addresses are refused: only tel: with digits", () => {
  for (const call of ["javascript:alert(1)", "tel:", "tel:0905 123 456", "tel:+84905;x", "sms:+8490",
                      "TEL:+84905123456", " tel:+84905123456", "tel:+8490512345678901234"]) {
    const data = cardData({ url: "/x/", meta: { call, call_text: "Gọi" } });
    assert.deepEqual([data.call, data.callText], ["", ""], call);
  }
  assert.equal(cardData({ meta: { call: "tel:02353865000" } }).call, "tel:02353865000");
});
