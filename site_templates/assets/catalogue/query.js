/* From the state to what Pagefind is asked, and the order results are shown in. Pure: no DOM.
 * - Tone marks: the query is folded (fold.js) before Pagefind sees it; on the first page of
 *   results, the ones containing the query exactly as typed come first (exactFirst).
 * - No words (filters or sort only): the search is for the word every product page carries
 *   (`everything`, data-all-token): Pagefind answers a search without words by fetching its
 *   whole word index (5 MB at 20,000 products); one word fetches one chunk.
 * - Facets: AND across groups, OR (`any`) within a group. */
import { fold } from "./fold.js";
import { SORTS } from "./url.js";

// Searching as one types waits while the word being typed has one letter: one letter is a
// prefix of a large part of the word index ("n" matches nearly every product, "nước m" fetches
// every chunk of words in m), all thrown away at the next keystroke; meanwhile the words before
// it are searched. Enter searches anything.
export const TYPE_MIN = 2;

/** What to search while `text` is being typed: `text` itself, or the words before its last one
 *  while that word has fewer than TYPE_MIN letters; null when there is nothing to search yet. */
export function typedQuery(text) {
  const words = fold(text);
  if (!words || words.split(" ").pop().length >= TYPE_MIN) return text;
  const before = text.replace(/\s*\S+\s*$/, "");
  return fold(before) ? before : null;
}

/** The term Pagefind searches for query `q`: its folded words, or `everything` without words. */
export function searchTerm(q, everything) {
  return fold(q) || everything;
}

/** Pagefind filters for `filters` (key → ticked values), leaving out group `without`. A group
 *  in `counted` without a tick gets `{none: []}`: no constraint, but Pagefind then fetches
 *  that filter's data and counts its values. */
export function pagefindFilters(filters, without = null, counted = []) {
  const out = {};
  for (const key of counted) out[key] = { none: [] };
  for (const [key, values] of Object.entries(filters)) {
    if (key !== without && values.length) out[key] = { any: values };
  }
  return out;
}

/** Whether results must be reordered for `sort`: with words they come by relevance; without,
 *  in page order, which is the default order (current recognitions first, each part by name).
 *  Any chosen sort, "ten" included, reorders. */
export function needsSort(sort) {
  return Boolean(sort);
}

/** `results` in the order of sort `key`: by `rank` (page number → rank, from
 *  pagefind/ocop-sort-<key>.json), equal ones in page order. `pageOf` maps a Pagefind result id
 *  to its page number, which is its place in the default order. */
export function sortResults(results, key, pageOf, rank) {
  const page = (result) => pageOf.get(result.id) ?? pageOf.size; // (never: every id is a page)
  const sign = SORTS[key] === "desc" ? -1 : 1;
  return [...results].sort((a, b) => (rank ? sign * (rank[page(a)] - rank[page(b)]) : 0)
    || page(a) - page(b));
}

// "5 sao", "5sao", "5*", "5 ★" (OCOP has 3, 4 and 5 stars), as a word of its own.
const STARS = /(^|\s)([345])\s*(?:sao|\*|★)(?=\s|$)/iu;

/** Filters a query names: its star level ("5 sao" → sao "5 sao") and a group it names exactly,
 *  marks or not ("do uong" → nhom "Đồ uống", one of `groups`). Returns `q`, the words left to
 *  search, and `applied`, [{ key, value }] in the order found. */
export function queryFilters(text, groups = []) {
  const applied = [];
  let q = text;
  const star = q.match(STARS);
  if (star) {
    applied.push({ key: "sao", value: `${star[2]} sao` });
    q = (q.slice(0, star.index) + star[1] + q.slice(star.index + star[0].length));
  }
  q = q.replace(/\s+/g, " ").trim();
  const group = fold(q) && groups.find((name) => fold(name) === fold(q));
  if (group) {
    applied.push({ key: "nhom", value: group });
    q = "";
  }
  return { q, applied };
}

/** The query as typed, for exact matching: NFC, lowercase, single spaces. */
export function exactKey(text) {
  return text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/** The exact key the first page of `state`'s results is ordered by: none under a chosen sort
 *  or without words. */
export function exactFor(state) {
  return !state.sort && fold(state.q) ? exactKey(state.q) : "";
}

/** Pages (Pagefind result data) whose title or text contains `key` first; order kept otherwise. */
export function exactFirst(pages, key) {
  const has = (page) => exactKey(`${page.meta?.title || ""} ${page.content || ""}`).includes(key);
  return [...pages.filter(has), ...pages.filter((page) => !has(page))];
}
