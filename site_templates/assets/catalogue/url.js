/* The view in the address, readable and shareable, and back:
 *     ?q=nuoc+mam&sao=4+sao&sao=5+sao&huyen_cu=Huy%E1%BB%87n+%C4%90%C3%B4ng+Giang&sort=sao
 *   ↔ { q: "nuoc mam", sort: "sao", filters: { sao: ["4 sao", "5 sao"], huyen_cu: [...] } }
 * `keys` are the facet keys of the page (data-filters), in the order they are written. Pure: it
 * takes and returns strings and never reads `location`.
 * `literal` (?nguyen_van=1, "verbatim"): the words are searched as words, even those that name
 * stars or a group ("5 sao"), because the buyer asked so ("Tìm như chữ thường"); without it the
 * page reads such words as filters (app.js), as the home page's search form expects. */

/** The address key of `literal`. */
export const LITERAL = "nguyen_van";

/** ?sort= values and their direction (see engine.js sortBy). */
export const SORTS = Object.freeze({ ten: "asc", sao: "desc", ngay: "desc" });

/** The state of `search` (location.search): unknown keys (?utm_source=…) are ignored, values
 *  trimmed, empty and repeated ones dropped, an unknown sort is no sort. */
export function parseState(search, keys) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of keys) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  const sort = params.get("sort") || "";
  const q = (params.get("q") || "").trim();
  const state = { q, sort: Object.hasOwn(SORTS, sort) ? sort : "", filters };
  return q && params.get(LITERAL) === "1" ? { ...state, literal: true } : state;
}

/** The address query of `state`: "" for the default view, else "?q=…&<key>=…&sort=…". */
export function formatSearch(state, keys) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const key of keys) for (const value of state.filters[key] || []) params.append(key, value);
  if (state.sort) params.set("sort", state.sort);
  if (state.q && state.literal) params.set(LITERAL, "1");
  const query = params.toString();
  return query ? "?" + query : "";
}

/** All products by name, nothing asked: the list the server rendered. */
export function isDefault(state) {
  return !state.q && !state.sort && !Object.keys(state.filters).length;
}

/** Whether `a` and `b` show the same view. */
export function sameState(a, b, keys) {
  const ticks = (s) => JSON.stringify(keys.map((k) => s.filters[k] || []));
  return a.q === b.q && a.sort === b.sort && ticks(a) === ticks(b)
    && Boolean(a.q && a.literal) === Boolean(b.q && b.literal);
}

/** `filters` with `value` of group `key` ticked (`on`) or not; a group left empty is removed. */
export function withValue(filters, key, value, on) {
  const values = new Set(filters[key] || []);
  if (on) values.add(value); else values.delete(value);
  const out = { ...filters, [key]: [...values] };
  if (!values.size) delete out[key];
  return out;
}

/** How many values are ticked, over all groups. */
export function activeCount(filters) {
  return Object.values(filters).reduce((n, values) => n + values.length, 0);
}
