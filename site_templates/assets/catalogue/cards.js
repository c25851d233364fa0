/* Result cards, cloned from <template id="ocop-card-template"> (content/catalogue.html), which
 * the card macro of content/_macros.html renders with blank values: a card with a photo and,
 * for each group's "no photo yet" illustration (generator/site/groups.py), one without. A result therefore has the markup of the server's cards.
 * Product text is untrusted: cardData() checks what becomes a class or an address, and
 * cardFrom() puts text in with textContent and attributes with setAttribute, never as markup.
 * cardData() and excerptParts() are pure; cardFrom() works in the document of the template. */
import { el } from "./dom.js";
import { fold } from "./fold.js";

// A path inside the site: no scheme (javascript:), no host (//…), no query, no "..".
const IMAGE = /^[\w-][\w/.-]*$/;
// Tap-to-call, as generator/site/cardcontact.py writes it: tel:+84905123456.
const CALL = /^tel:\+?[0-9]{3,15}$/;

/** What a card shows of Pagefind result data `page` (url, meta, excerpt). `q` is the query:
 *  with one, the card shows the opening of the product's description (meta `summary`) when the
 *  name or that opening matches, else Pagefind's excerpt, which says why the product matched.
 *  Whole words matching the query are marked (markWords). `everything` (the word on every
 *  page, see query.js) is taken out of excerpts. */
export function cardData(page, { q = "", everything = "" } = {}) {
  const meta = page.meta || {};
  const title = String(meta.title || "");
  const image = String(meta.image || "");
  const [width, height] = String(meta.image_size || "").split("x").map(Number);
  const sized = Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0;
  const state = /^[a-z]+$/.test(meta.state || "") ? meta.state : "unknown";
  const group = /^[a-z]+$/.test(meta.group || "") ? meta.group : "other";
  const words = fold(q).split(" ").filter(Boolean);
  const summary = String(meta.summary || "");
  let excerpt = [];
  if (words.length && summary && (fold(title).includes(fold(q)) || matches(summary, words))) {
    excerpt = markWords([{ text: summary, mark: false }], words);
  } else if (words.length && page.excerpt && !fold(title).includes(fold(q))) {
    excerpt = markWords(excerptParts(page.excerpt, everything), words);
  }
  return {
    url: String(page.url || ""),
    title,
    image: IMAGE.test(image) && !image.includes("..") && !image.includes("//") ? image : "",
    width: sized ? width : 0,
    height: sized ? height : 0,
    state,
    group,
    stars: Math.max(0, Math.min(5, Math.trunc(Number(meta.stars)) || 0)),
    current: meta.current === "1",
    label: String(meta.label || ""),
    detail: String(meta.detail || ""),
    validUntil: /^\d{4}-\d{2}-\d{2}$/.test(meta.valid_until || "") ? meta.valid_until : "",
    place: String(meta.place || ""),
    // the producer's phone (meta call, call_text), else the card links to the page's contact block
    call: CALL.test(meta.call || "") ? meta.call : "",
    callText: CALL.test(meta.call || "") ? String(meta.call_text || "") : "",
    excerpt,
  };
}

/** Pagefind's excerpt is escaped text with <mark> around matches: its text as
 *  [{ text, mark }] parts, entities decoded, `everything` removed; none if nothing is left.
 *  The space between two marked words is a part of its own, and is kept. */
export function excerptParts(html, everything = "") {
  const parts = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === "<mark>" || part === "</mark>") { mark = part === "<mark>"; continue; }
    const text = unescapeHTML(part).replace(everything, "");
    if (text) parts.push({ text, mark });
  }
  return parts.some(({ text }) => text.trim()) ? parts : [];
}

// A word (letters, digits and their marks) or what lies between two words.
const TOKENS = /[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+/gu;

/** Whether folded word `query` names `token`: the same, or (from 2 letters) its beginning. */
function names(token, query) {
  const folded = fold(token);
  return folded === query || (query.length >= 2 && folded.startsWith(query));
}

function matches(text, words) {
  return [...text.matchAll(TOKENS)].some(([token]) => words.some((w) => names(token, w)));
}

/** `parts` ([{ text, mark }]) with every whole word marked that was marked in part (Pagefind
 *  marks what it matched: "Giang" of "Đông Giang" for "dong giang") or whose folded form is, or
 *  begins with, one of the folded query `words`. Neighbouring parts of one kind are joined. */
export function markWords(parts, words) {
  const text = parts.map((part) => part.text).join("");
  const marked = [];
  for (const part of parts) for (const _ of part.text) marked.push(part.mark);
  const out = [];
  let at = 0; // in code points, as `marked`
  for (const [token] of text.matchAll(TOKENS)) {
    const length = [...token].length;
    const word = /[\p{L}\p{N}]/u.test(token);
    const mark = word && (marked.slice(at, at + length).some(Boolean) || words.some((w) => names(token, w)));
    at += length;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += token; else out.push({ text: token, mark });
  }
  return out;
}

/** A card (an <li>) for `data` (cardData), cloned from `template`; image paths are relative to
 *  `rootURL`, the site root. */
export function cardFrom(template, data, rootURL) {
  const shapes = [...template.content.querySelectorAll(".ocop-card")];
  // Without a photo, the card whose illustration is the product's group (else "other").
  const nophoto = (group) => shapes.find((one) => one.querySelector(`.ocop-nophoto--${group}`));
  const shape = data.image ? shapes.find((one) => one.querySelector("img"))
    : nophoto(data.group || "other") || nophoto("other") || shapes.find((one) => !one.querySelector("img"));
  const card = template.ownerDocument.importNode(shape, true); // into the page's document
  card.querySelector("a").setAttribute("href", data.url);
  if (data.image) {
    // Pagefind knows one thumbnail (WebP), not the server's srcset: one plain <img src>.
    const img = card.querySelector("img");
    for (const source of card.querySelectorAll("source")) source.remove();
    img.removeAttribute("srcset");
    img.removeAttribute("sizes");
    img.setAttribute("src", new URL(data.image, rootURL).href);
    for (const side of ["width", "height"]) {
      if (data[side]) img.setAttribute(side, String(data[side])); else img.removeAttribute(side);
    }
  }
  card.querySelector(".ocop-card__name").textContent = data.title;
  const badge = card.querySelector(".ocop-badge");
  badge.setAttribute("class", `ocop-badge ocop-badge--${data.state}`);
  badge.setAttribute("data-state", data.state);
  if (data.validUntil) badge.setAttribute("data-valid-until", data.validUntil);
  else badge.removeAttribute("data-valid-until");
  const stars = badge.querySelector(".ocop-stars");
  stars.setAttribute("class", data.current ? "ocop-stars" : "ocop-stars ocop-stars--lapsed");
  stars.textContent = "★".repeat(data.stars);
  badge.querySelector(".ocop-badge__label").textContent = data.label;
  badge.querySelector(".ocop-badge__detail").textContent = data.detail;
  card.querySelector(".ocop-card__place").textContent = data.place;
  const contact = card.querySelector(".ocop-card__contact");
  fillContact(contact, data);
  if (data.excerpt.length) {
    const excerpt = el(card, "span", "ocop-card__excerpt");
    excerpt.append(...data.excerpt.map(({ text, mark }) => (mark ? el(card, "mark", "", text) : text)));
    contact.before(excerpt);
  }
  return card;
}

/** The card's contact action: call the producer (data.call), else the product page's contact
 *  block, whose fragment (#lien-he) the template's link carries. Its label is the template's
 *  pattern ("{action}: {name}") filled with the words shown and the product's name. */
export function fillContact(contact, data) {
  const pattern = contact.getAttribute("aria-label");
  const fragment = contact.getAttribute("href").replace(/^[^#]*/, "");
  if (data.call) {
    contact.setAttribute("href", data.call);
    contact.setAttribute("rel", "nofollow");
    contact.classList.add("ocop-card__contact--call");
    contact.textContent = data.callText;
  } else {
    contact.setAttribute("href", data.url + fragment);
  }
  const words = { action: contact.textContent, name: data.title };
  contact.setAttribute("aria-label", pattern.replace(/\{(action|name)\}/g, (_, slot) => words[slot]));
}

/** Text of an escaped HTML fragment (entities only; tags never reach here). */
export function unescapeHTML(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(named, name.toLowerCase()) ? named[name.toLowerCase()] : whole;
  });
}
