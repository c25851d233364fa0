/* Facet groups: what each open group shows, from Pagefind's counts (pure: facetView,
 * countSearches, mergeCounts), and its options drawn into the group (renderFacet, given the
 * group element; it uses that element's document, never a global one).
 * Within a group values are OR-ed, so a group's counts ignore its own ticks: "how many products
 * would this value add". */
import { el } from "./dom.js";
import { fold } from "./fold.js";
import { pagefindFilters } from "./query.js";

export const FACET_LIMIT = 8;        // values shown per group before "show all"
export const FACET_SEARCH_FROM = 20; // groups with more values get a box to narrow the list

/** Order of a group's values: stars 5 first; everything else in Vietnamese alphabetical order. */
export function facetOrder(key, collator) {
  if (key === "sao") return ([a], [b]) => collator.compare(b, a);
  return ([a], [b]) => collator.compare(a, b);
}

/** The extra searches the counts of the open `groups` need: one per group with a tick, without
 *  that group's own ticks (and counting it). */
export function countSearches(filters, groups) {
  return groups.filter((key) => filters[key]?.length)
    .map((key) => ({ key, filters: pagefindFilters(filters, key, [key]) }));
}

/** Counts per group: those of the main search, with each group of `own` ([key, counts] from
 *  countSearches) replaced by its own. */
export function mergeCounts(found, own) {
  return { ...found, ...Object.fromEntries(own.map(([key, counts]) => [key, counts || {}])) };
}

/** What group `key` shows: `counts` (value → products), `ticked` values, the text typed in its
 *  narrowing box, whether it is expanded ("show all"). Values without products are left out
 *  unless ticked; ticked ones always show. */
export function facetView(key, counts = {}, ticked = [], { narrow = "", expanded = false, collator }) {
  const on = new Set(ticked);
  const values = Object.entries(counts || {});
  for (const value of on) if (!Object.hasOwn(counts || {}, value)) values.push([value, 0]);
  const usable = values.filter(([value, n]) => n > 0 || on.has(value)).sort(facetOrder(key, collator));
  const wanted = fold(narrow);
  const matching = wanted ? usable.filter(([value]) => fold(value).includes(wanted)) : usable;
  const limit = expanded || wanted ? Infinity : FACET_LIMIT;
  const shown = matching.filter(([value], i) => i < limit || on.has(value));
  let toggle = null; // the "show all (n)" / "fewer" button
  if (matching.length > limit) toggle = { expand: true, n: matching.length };
  else if (expanded) toggle = { expand: false };
  return {
    narrowBox: usable.length >= FACET_SEARCH_FROM,
    options: shown.map(([value, count]) => ({ value, count, checked: on.has(value) })),
    empty: !usable.length, // none among these results
    toggle,
  };
}

/** Draw `view` (facetView) into the `.ocop-facet` element `group`. `narrow` is the text of its
 *  narrowing box; onTick(value, on), onToggle() and onNarrow(text) answer the visitor. */
export function renderFacet(group, view, { msg, narrow = "", onTick, onToggle, onNarrow }) {
  const box = group.querySelector(".ocop-facet__options");
  const items = [];
  if (view.narrowBox) {
    const input = el(group, "input", "ocop-facet__narrow");
    input.type = "search";
    input.value = narrow;
    input.setAttribute("aria-label", group.querySelector("summary").textContent);
    input.placeholder = "…";
    input.addEventListener("input", () => onNarrow(input.value));
    items.push(input);
  }
  for (const { value, count, checked } of view.options) {
    const label = el(group, "label", "ocop-facet__option");
    const tick = el(group, "input");
    tick.type = "checkbox";
    tick.value = value;
    tick.checked = checked;
    tick.dataset.key = group.dataset.filter;
    tick.addEventListener("change", () => onTick(value, tick.checked));
    label.append(tick, el(group, "span", "ocop-facet__value", value),
                 el(group, "span", "ocop-facet__count", String(count)));
    items.push(label);
  }
  if (view.empty) items.push(el(group, "span", "ocop-muted", "—"));
  if (view.toggle) {
    const button = el(group, "button", "ocop-facet__toggle",
                      view.toggle.expand ? msg("all", view.toggle.n) : msg("fewer"));
    button.type = "button";
    button.addEventListener("click", onToggle);
    items.push(button);
  }
  const active = group.ownerDocument.activeElement;
  const typing = box.contains(active) && active.type === "search";
  box.replaceChildren(...items);
  if (typing) box.querySelector("input[type=search]").focus();
}
