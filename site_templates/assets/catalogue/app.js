/* The catalogue page's controller: reads the page (content/catalogue.html), keeps the view's
 * state, and wires the controls to url.js, query.js, facets.js, cards.js and engine.js.
 * Everything it changes lives in one object, `ctx.view`, passed to each function. */
import { pageWords, recheck } from "../validity.js";
import { cardData, cardFrom } from "./cards.js";
import { el } from "./dom.js";
import { Engine } from "./engine.js";
import { countSearches, facetView, mergeCounts, renderFacet } from "./facets.js";
import { fold } from "./fold.js";
import { exactFirst, exactFor, needsSort, pagefindFilters, queryFilters, typedQuery } from "./query.js";
import { activeCount, formatSearch, isDefault, parseState, sameState, withValue } from "./url.js";

const TYPE_DELAY = 250; // ms after the last keystroke before searching

/** Make the catalogue element `root` (#ocop-catalogue) searchable. */
export function start(root) {
  const ctx = readPage(root);
  ctx.view = {
    state: parseState(location.search, ctx.keys), // what is asked: { q, sort, filters }
    generation: 0,       // answers to searches that were overtaken are ignored
    current: null,       // { results, shown, urls, exact } of the list on screen
    typing: 0,           // timer of a typed query still waiting
    countsQueued: false, // a recount of the facets is on its way
    facets: { counts: {}, groups: [], expanded: new Set(), narrowing: {} }, // last shown, how
    applied: null,       // { text, applied: [{ key, value }] }: filters the typed query named
  };
  const { ui, view } = ctx;
  // Words naming stars or a group, sent from the home page's search form (?q=5+sao): filters;
  // not when the buyer asked for them to be searched as words (url.js `literal`).
  const named = view.state.literal ? {} : asked(ctx, view.state.q);
  if (view.applied) {
    view.state = { ...view.state, ...named };
    history.replaceState(null, "", location.pathname + formatSearch(view.state, ctx.keys) + location.hash);
  }
  ui.controls.hidden = false; // (already shown by catalogue.html's script, unless it was blocked)
  if (isDefault(view.state)) root.classList.remove("ocop-catalogue--pending"); // e.g. ?utm_source=…
  showControls(ctx);
  // The server list is the first page of the default view (current first, by name): keep it.
  ui.more.hidden = !(Number(root.dataset.total) > ui.list.children.length);
  listen(ctx);
  // Opened with a view in the address (a shared link, the home page's search form, back).
  // Only the index parts this view needs are fetched; the facet values wait for the panel.
  if (!isDefault(view.state)) search(ctx).catch((error) => failed(ctx, error));
}

/** The page's elements and settings, which do not change. */
function readPage(root) {
  const doc = root.ownerDocument;
  const $ = (id) => doc.getElementById(id);
  const ui = {
    controls: $("ocop-controls"), form: $("ocop-form"), input: $("ocop-search"),
    sort: $("ocop-sort"), filters: $("ocop-filters"), summary: $("ocop-filters-summary"),
    clear: $("ocop-clear"), chips: $("ocop-chips"), status: $("ocop-status"),
    list: $("ocop-results"), more: $("ocop-more"), template: $("ocop-card-template"),
    applied: $("ocop-applied"),
  };
  const data = root.dataset;
  const rootURL = new URL(data.root, location.href);
  return {
    root, ui, rootURL,
    keys: data.filters.split(",").filter(Boolean),
    groups: (data.groups || "").split("|").filter(Boolean), // the group names (query.js queryFilters)
    pageSize: Number(data.pageSize),
    everything: data.allToken || "",
    filtersLabel: ui.summary.textContent,
    // Texts come from data-msg-* attributes: the script holds no language.
    msg: (name, n) => (data["msg" + name[0].toUpperCase() + name.slice(1)] || "")
      .replace("{n}", n === undefined ? "" : n.toLocaleString("vi-VN")),
    collator: new Intl.Collator("vi", { numeric: true }),
    engine: new Engine({ bundleURL: new URL(data.bundle, location.href), rootURL,
                         everything: data.allToken || "" }),
  };
}

// --- events --------------------------------------------------------------------------------

function listen(ctx) {
  const { root, ui, view } = ctx;
  const fail = (error) => failed(ctx, error);
  ui.input.addEventListener("focus", () => ctx.engine.load().catch(() => {}), { once: true });
  ui.input.addEventListener("input", () => {
    stopTyping(view);
    const query = typedQuery(ui.input.value);
    if (query === null) return;
    view.typing = setTimeout(() => { view.typing = 0; change(ctx, asked(ctx, query), false); }, TYPE_DELAY);
  });
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    stopTyping(view);
    ui.input.blur(); // close the phone keyboard so the results show
    change(ctx, asked(ctx, ui.input.value), false);
  });
  ui.sort.addEventListener("change", () => change(ctx, { sort: ui.sort.value }, true));
  ui.filters.addEventListener("toggle", () => {
    if (!ui.filters.open) return;
    for (const group of root.querySelectorAll(".ocop-facet")) { // show what the address ticked
      if (view.state.filters[group.dataset.filter]) group.open = true;
    }
    requestCounts(ctx);
  });
  for (const group of root.querySelectorAll(".ocop-facet")) {
    group.addEventListener("toggle", () => { if (group.open) requestCounts(ctx); });
  }
  ui.clear.addEventListener("click", () => change(ctx, { filters: {} }, true));
  ui.more.addEventListener("click", () => showMore(ctx).catch(fail));
  window.addEventListener("popstate", () => {
    view.state = parseState(location.search, ctx.keys);
    showControls(ctx);
    search(ctx).catch(fail);
  });
}

function stopTyping(view) {
  clearTimeout(view.typing);
  view.typing = 0;
}

/** The state patch for the typed `text`: the stars or group it names become filters (and leave
 *  the words), in place of those an earlier text named. */
function asked(ctx, text) {
  const { view } = ctx;
  const found = queryFilters(text, ctx.groups);
  const applied = found.applied.filter(({ key }) => ctx.keys.includes(key));
  let filters = view.state.filters;
  for (const { key, value } of view.applied?.applied || []) filters = withValue(filters, key, value, false);
  for (const { key, value } of applied) filters = withValue(filters, key, value, true);
  view.applied = applied.length ? { text, applied } : null;
  return { q: found.q, filters, literal: false };
}

/** Apply `patch` to the state; `push`: a history entry (a tap) rather than a replacement (typing). */
function change(ctx, patch, push) {
  const { view } = ctx;
  if (view.typing) { // a tap while the typed query is still waiting: take the query along
    stopTyping(view);
    patch = { q: queryFilters(ctx.ui.input.value, ctx.groups).q, literal: false, ...patch };
  }
  const next = { ...view.state, ...patch };
  next.q = (next.q || "").trim();
  if (sameState(next, view.state, ctx.keys)) return;
  view.state = next;
  const url = location.pathname + formatSearch(next, ctx.keys) + location.hash;
  if (url !== location.pathname + location.search + location.hash) {
    history[push ? "pushState" : "replaceState"](null, "", url);
  }
  showControls(ctx);
  search(ctx).catch((error) => failed(ctx, error));
}

function setValue(ctx, key, value, on) {
  change(ctx, { filters: withValue(ctx.view.state.filters, key, value, on) }, true);
}

/** Put the state into the controls (after a load or the back button). */
function showControls(ctx) {
  const { root, ui, view: { state } } = ctx;
  if (root.ownerDocument.activeElement !== ui.input) ui.input.value = state.q;
  ui.sort.value = state.sort;
  const active = activeCount(state.filters);
  ui.summary.textContent = active ? ctx.msg("filters", active) : ctx.filtersLabel;
  ui.clear.hidden = active === 0;
  for (const box of root.querySelectorAll("input[data-key]")) {
    box.checked = (state.filters[box.dataset.key] || []).includes(box.value);
  }
  // Each ticked value as a button outside the (often closed) panel: one tap removes it.
  const chips = [];
  for (const key of ctx.keys) {
    for (const value of state.filters[key] || []) {
      const chip = el(root, "button", "ocop-chip", value + " ✕");
      chip.type = "button";
      chip.setAttribute("aria-label", ctx.msg("remove", value));
      chip.addEventListener("click", () => setValue(ctx, key, value, false));
      chips.push(chip);
    }
  }
  ui.chips.replaceChildren(...chips);
  ui.chips.hidden = chips.length === 0;
  // With words the first order is relevance; without, page order: current first.
  ui.sort.options[0].textContent = fold(state.q) ? ctx.msg("relevance") : ctx.msg("currentFirst");
  showApplied(ctx);
}

/** Say which filters the typed query named (still ticked), with a way to search it as words. */
function showApplied(ctx) {
  const { root, ui, view } = ctx;
  const applied = (view.applied?.applied || [])
    .filter(({ key, value }) => (view.state.filters[key] || []).includes(value));
  ui.applied.hidden = applied.length === 0;
  if (!applied.length) { ui.applied.replaceChildren(); return; }
  const undo = el(root, "button", "ocop-applied__undo", ctx.msg("undo"));
  undo.type = "button";
  undo.addEventListener("click", () => {
    const { text } = view.applied;
    let filters = view.state.filters;
    for (const { key, value } of applied) filters = withValue(filters, key, value, false);
    view.applied = null;
    ui.input.value = text;
    change(ctx, { q: text, filters, literal: true }, true); // kept so in the address (url.js)
  });
  ui.applied.replaceChildren(ctx.msg("applied", applied.map(({ value }) => value).join(", ")), " ", undo);
}

// --- searching -----------------------------------------------------------------------------

/** Facet groups whose values are wanted now: the open ones, while the panel is open. */
function openGroups(ctx) {
  if (!ctx.ui.filters.open) return [];
  return [...ctx.root.querySelectorAll(".ocop-facet")].filter((g) => g.open).map((g) => g.dataset.filter);
}

/** Recount the facets once, however many groups were just opened. */
function requestCounts(ctx) {
  if (ctx.view.countsQueued) return;
  ctx.view.countsQueued = true;
  setTimeout(() => {
    ctx.view.countsQueued = false;
    search(ctx, { countsOnly: true }).catch((error) => failed(ctx, error));
  }, 0);
}

/** Run the state's search; show its results (unless countsOnly) and the open groups' counts. */
async function search(ctx, { countsOnly = false } = {}) {
  const { view, engine } = ctx;
  const mine = countsOnly ? view.generation : ++view.generation; // counts never cancel a search
  if (!countsOnly) { // at once, even while Pagefind itself is still loading
    busy(ctx, true);
    status(ctx, ctx.msg("loading"));
  }
  await engine.load();
  if (mine !== view.generation) return;
  const { state } = view;
  const words = fold(state.q);
  const term = words || ctx.everything; // no words: filters and sort only
  const groups = openGroups(ctx);
  const found = await engine.search(term, pagefindFilters(state.filters, null, groups));
  if (mine !== view.generation) return;
  if (groups.length) {
    const own = await Promise.all(countSearches(state.filters, groups).map(
      async ({ key, filters }) => [key, (await engine.search(term, filters)).filters[key]]));
    if (mine !== view.generation) return;
    showFacets(ctx, mergeCounts(found.filters, own), groups);
  }
  if (countsOnly) return; // the results on screen already are this state's
  // Words: by relevance unless a sort is chosen. No words: already in the default order.
  let results = found.results;
  if (needsSort(state.sort, words)) results = await engine.sortBy(results, state.sort);
  if (mine !== view.generation) return;
  view.current = { results, shown: 0, urls: new Set(), exact: exactFor(state) };
  ctx.ui.list.replaceChildren();
  await showMore(ctx, mine);
}

/** Show the next page of the current results. */
async function showMore(ctx, mine = ctx.view.generation) {
  const { ui, view } = ctx;
  busy(ctx, true);
  if (!view.current) { // still the server list: the default view, fetch it to continue it
    await ctx.engine.load();
    const found = await ctx.engine.all(); // the default order
    if (mine !== view.generation) return;
    const urls = new Set([...ui.list.querySelectorAll("a")].map((a) => a.pathname));
    view.current = { results: found.results, shown: ui.list.children.length, urls, exact: "" };
  }
  const list = view.current;
  const batch = list.results.slice(list.shown, list.shown + ctx.pageSize);
  let pages = await Promise.all(batch.map((result) => result.data()));
  if (mine !== view.generation || list !== view.current) return;
  if (list.shown === 0 && list.exact) pages = exactFirst(pages, list.exact);
  const options = { q: view.state.q, everything: ctx.everything };
  for (const page of pages) {
    const path = new URL(page.url, location.href).pathname;
    if (list.urls.has(path)) continue;
    list.urls.add(path);
    const card = cardFrom(ui.template, cardData(page, options), ctx.rootURL);
    recheck(card, pageWords(document));
    ui.list.append(card);
  }
  list.shown += batch.length;
  ui.more.hidden = list.shown >= list.results.length;
  const total = list.results.length;
  status(ctx, total ? ctx.msg("count", total) : ctx.msg("none"));
  busy(ctx, false);
}

/** While results load, the list is marked busy (assistive tech and the tests wait on it). */
function busy(ctx, on) {
  ctx.ui.list.setAttribute("aria-busy", String(on));
  ctx.ui.more.disabled = on;
  if (!on) ctx.root.classList.remove("ocop-catalogue--pending"); // see catalogue.html
}

function status(ctx, text) {
  if (ctx.ui.status.textContent !== text) ctx.ui.status.textContent = text;
}

function failed(ctx, error) {
  console.error(error);
  busy(ctx, false);
  status(ctx, ctx.msg("error"));
}

// --- facets --------------------------------------------------------------------------------

/** Draw the `groups` (open) with `counts`; closed ones are not loaded or not current. */
function showFacets(ctx, counts, groups) {
  const { facets, state } = ctx.view;
  const redraw = () => showFacets(ctx, facets.counts, facets.groups);
  for (const group of ctx.root.querySelectorAll(".ocop-facet")) {
    const key = group.dataset.filter;
    if (!groups.includes(key)) continue;
    const narrow = facets.narrowing[key] || "";
    const shown = facetView(key, counts[key], state.filters[key],
                            { narrow, expanded: facets.expanded.has(key), collator: ctx.collator });
    renderFacet(group, shown, {
      msg: ctx.msg, narrow,
      onTick: (value, on) => setValue(ctx, key, value, on),
      onToggle: () => {
        if (facets.expanded.has(key)) facets.expanded.delete(key); else facets.expanded.add(key);
        redraw();
      },
      onNarrow: (text) => { facets.narrowing[key] = text; redraw(); },
    });
  }
  facets.counts = counts;
  facets.groups = groups;
}
