/* ocop-catalogue: search, facets and sort on the catalogue page, over the Pagefind index
 * (site/pagefind/, written by generator/site/search.py). Loaded only by danh-muc/.
 *
 * - Without JavaScript the page is a plain list (first products by name + listing links).
 * - Nothing is downloaded until it is needed: Pagefind loads when the page opens with a query,
 *   filters or sort in its address, or when the visitor focuses the search box, opens the
 *   filters, changes the sort or asks for more. A facet group's values (~40 KB each at 20,000
 *   products) load when that group is opened.
 * - Tone marks: the query is folded like generator/textfold.py (đ → d, marks removed) before
 *   Pagefind sees it, and every product page carries a folded copy of its names, so
 *   "dong giang" and "đông giang" find the same products. On the first page of results, the
 *   ones containing the query exactly as typed come first.
 * - Facets: AND across groups, OR within a group; they work without a query (a search for
 *   the word every product page carries, see `everything` below).
 * - State lives in the address, readable and shareable:
 *     danh-muc/?q=nuoc+mam&sao=4+sao&sao=5+sao&huyen_cu=Huy%E1%BB%87n+%C4%90%C3%B4ng+Giang&sort=sao
 *   a change made with a tap adds a history entry (pushState), typing replaces it, and the
 *   back button restores the view (popstate).
 * - Product text is untrusted: results are built with DOM APIs and textContent only.
 */

const PAGE_DEFAULT = 24;
const FACET_LIMIT = 8;        // values shown per facet group before "show all"
const FACET_SEARCH_FROM = 20; // groups with more values get a box to narrow the list
const TYPE_DELAY = 250;       // ms after the last keystroke before searching
// Searching as one types waits while the word being typed has one letter: one letter is a
// prefix of a large part of the word index ("n" matches nearly every product, "nước m" fetches
// every chunk of words in m), all thrown away at the next keystroke; meanwhile the words before
// it are searched. Enter searches anything.
const TYPE_MIN = 2;
// ?sort= values and their direction. Pages are indexed in name order (search.py), so "ten" is
// page order; the others are ranks from pagefind/ocop-sort-<key>.json, fetched when chosen.
const SORTS = { ten: "asc", sao: "desc", ngay: "desc" };

const app = document.getElementById("ocop-catalogue");
if (app) start(app);

function start(app) {
  const $ = (id) => document.getElementById(id);
  const ui = {
    controls: $("ocop-controls"), form: $("ocop-form"), input: $("ocop-search"),
    sort: $("ocop-sort"), filters: $("ocop-filters"), summary: $("ocop-filters-summary"),
    clear: $("ocop-clear"), chips: $("ocop-chips"), status: $("ocop-status"),
    list: $("ocop-results"), more: $("ocop-more"),
  };
  const filtersLabel = ui.summary.textContent;
  const keys = app.dataset.filters.split(",").filter(Boolean);
  const pageSize = Number(app.dataset.pageSize) || PAGE_DEFAULT;
  const rootURL = new URL(app.dataset.root, location.href);
  const bundleURL = new URL(app.dataset.bundle, location.href);
  const msg = (name, n) => (app.dataset["msg" + name[0].toUpperCase() + name.slice(1)] || "")
    .replace("{n}", n === undefined ? "" : n.toLocaleString("vi-VN"));
  const collator = new Intl.Collator("vi", { numeric: true });
  // Every product page carries this word (product.html). Pagefind answers a search without
  // words by fetching its whole word index (5 MB at 20,000 products); a search for this word
  // fetches one chunk and still finds every product, so facets and sort stay light.
  const everything = app.dataset.allToken || "";

  let state = readURL();
  let pagefind = null;      // the Pagefind module, once loaded
  let loading = null;       // its loading promise
  let generation = 0;       // ignores answers to searches that were overtaken
  let current = null;       // { results, shown, urls } of the search on screen
  let typing = 0;
  let lastCounts = {};        // facet counts last shown
  let lastGroups = [];        // … and for which groups
  let countsQueued = false;
  let pageNumbers = null;     // promise: Pagefind result id → page number (= name order)
  const ranks = {};           // sort key → promise of its ranks, by page number
  const expanded = new Set(); // facet groups showing all their values
  const narrowing = {};       // facet group → text typed in its narrowing box

  ui.controls.hidden = false;
  if (isDefault(state)) app.classList.remove("ocop-catalogue--pending"); // e.g. ?utm_source=…
  showControls();
  // The server list is the first page of the default view (all products by name): keep it.
  ui.more.hidden = !(Number(app.dataset.total) > ui.list.children.length);

  // --- events ------------------------------------------------------------------------------
  ui.input.addEventListener("focus", () => ensurePagefind().catch(() => {}), { once: true });
  ui.input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = 0;
    let query = ui.input.value;
    if (fold(query) && fold(query).split(" ").pop().length < TYPE_MIN) {
      query = query.replace(/\s*\S+\s*$/, ""); // the words before it, if any
      if (!fold(query)) return;
    }
    typing = setTimeout(() => { typing = 0; change({ q: query }, false); }, TYPE_DELAY);
  });
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    typing = 0;
    ui.input.blur(); // close the phone keyboard so the results show
    change({ q: ui.input.value }, false);
  });
  ui.sort.addEventListener("change", () => change({ sort: ui.sort.value }, true));
  ui.filters.addEventListener("toggle", () => {
    if (!ui.filters.open) return;
    for (const group of app.querySelectorAll(".ocop-facet")) { // show what the address ticked
      if (state.filters[group.dataset.filter]) group.open = true;
    }
    requestCounts();
  });
  for (const group of app.querySelectorAll(".ocop-facet")) {
    group.addEventListener("toggle", () => { if (group.open) requestCounts(); });
  }
  ui.clear.addEventListener("click", () => change({ filters: {} }, true));
  ui.more.addEventListener("click", () => showMore().catch(failed));
  window.addEventListener("popstate", () => {
    state = readURL();
    showControls();
    search().catch(failed);
  });

  // Opened with a view in the address (a shared link, the home page's search form, back).
  // Only the index parts this view needs are fetched; the facet values wait for the panel.
  if (!isDefault(state)) search().catch(failed);

  // --- state and address -------------------------------------------------------------------
  function readURL() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const key of keys) {
      const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
      if (values.length) filters[key] = values;
    }
    const sort = params.get("sort") || "";
    return { q: (params.get("q") || "").trim(), sort: SORTS[sort] ? sort : "", filters };
  }

  function writeURL(push) {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    for (const key of keys) for (const value of state.filters[key] || []) params.append(key, value);
    if (state.sort) params.set("sort", state.sort);
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  function isDefault(s) {
    return !s.q && !s.sort && !Object.keys(s.filters).length;
  }

  function change(patch, push) {
    if (typing) { // a tap while the typed query is still waiting: take the query along
      clearTimeout(typing);
      typing = 0;
      patch = { q: ui.input.value, ...patch };
    }
    const next = { ...state, ...patch };
    next.q = (next.q || "").trim();
    if (next.q === state.q && next.sort === state.sort && same(next.filters, state.filters)) return;
    state = next;
    writeURL(push);
    showControls();
    search().catch(failed);
  }

  function same(a, b) {
    return JSON.stringify(keys.map((k) => a[k] || [])) === JSON.stringify(keys.map((k) => b[k] || []));
  }

  /** Put the state into the controls (after a load or the back button). */
  function showControls() {
    if (document.activeElement !== ui.input) ui.input.value = state.q;
    ui.sort.value = state.sort;
    const active = Object.values(state.filters).reduce((n, values) => n + values.length, 0);
    ui.summary.textContent = active ? msg("filters", active) : filtersLabel;
    ui.clear.hidden = active === 0;
    for (const box of app.querySelectorAll("input[data-key]")) {
      box.checked = (state.filters[box.dataset.key] || []).includes(box.value);
    }
    // Each ticked value as a button outside the (often closed) panel: one tap removes it.
    const chips = [];
    for (const key of keys) {
      for (const value of state.filters[key] || []) {
        const chip = el("button", "ocop-chip", value + " ✕");
        chip.type = "button";
        chip.setAttribute("aria-label", msg("remove", value));
        chip.addEventListener("click", () => setValue(key, value, false));
        chips.push(chip);
      }
    }
    ui.chips.replaceChildren(...chips);
    ui.chips.hidden = chips.length === 0;
  }

  function setValue(key, value, on) {
    const values = new Set(state.filters[key] || []);
    if (on) values.add(value); else values.delete(value);
    const filters = { ...state.filters, [key]: [...values] };
    if (!values.size) delete filters[key];
    change({ filters }, true);
  }

  // --- Pagefind ------------------------------------------------------------------------------
  function ensurePagefind() {
    loading = loading || (async () => {
      const module = await import(new URL("pagefind.js", bundleURL).href);
      // pageLength 0: no length normalisation, so every page scores the same for `everything`
      // and such searches list products in page order, which is name order.
      await module.options({ baseUrl: rootURL.pathname, excerptLength: 16,
                             ranking: { pageLength: 0 } });
      await module.init();
      pagefind = module;
    })();
    loading.catch(() => { loading = null; });
    return loading;
  }

  /** Facet groups whose values are wanted now: the open ones, while the panel is open. */
  function openGroups() {
    if (!ui.filters.open) return [];
    return [...app.querySelectorAll(".ocop-facet")].filter((g) => g.open).map((g) => g.dataset.filter);
  }

  /** Recount the facets once, however many groups were just opened. */
  function requestCounts() {
    if (countsQueued) return;
    countsQueued = true;
    setTimeout(() => {
      countsQueued = false;
      search({ countsOnly: true }).catch(failed);
    }, 0);
  }

  /** Pagefind filters for the state: AND across groups, OR (`any`) within one. A group in
   *  `counted` without a tick gets `{none: []}`: no constraint, but Pagefind then fetches that
   *  filter's data and counts its values. */
  function pagefindFilters(filters, without, counted = []) {
    const out = {};
    for (const key of counted) out[key] = { none: [] };
    for (const [key, values] of Object.entries(filters)) {
      if (key !== without && values.length) out[key] = { any: values };
    }
    return out;
  }

  /** Run the state's search; show its results (unless countsOnly) and, once loaded, facet counts. */
  async function search({ countsOnly = false } = {}) {
    const mine = countsOnly ? generation : ++generation; // counts never cancel a search
    if (!countsOnly) { // at once, even while Pagefind itself is still loading
      busy(true);
      status(msg("loading"));
    }
    await ensurePagefind();
    if (mine !== generation) return;
    const words = fold(state.q);
    const term = words || everything; // no words: filters and sort only
    const groups = openGroups();
    const found = await pagefind.search(term, { filters: pagefindFilters(state.filters, null, groups) });
    if (mine !== generation) return;
    if (groups.length) {
      // Within a group values are OR-ed, so a group's counts ignore its own ticks: "how many
      // products would this value add". One extra (fragment-free) search per ticked group.
      const counts = { ...found.filters };
      await Promise.all(groups.filter((key) => state.filters[key]).map(async (key) => {
        const others = await pagefind.search(term, {
          filters: pagefindFilters(state.filters, key, [key]) });
        counts[key] = others.filters[key] || {};
      }));
      if (mine !== generation) return;
      showFacets(counts, groups);
    }
    if (countsOnly) return; // the results on screen already are this state's
    // Words: by relevance unless a sort is chosen. No words: already in name order.
    let results = found.results;
    if (state.sort && (words || state.sort !== "ten")) results = await sortBy(results, state.sort);
    if (mine !== generation) return;
    current = { results, shown: 0, urls: new Set(),
                exact: !state.sort && words ? exactKey(state.q) : "" };
    ui.list.replaceChildren();
    await showMore(mine);
  }

  /** Results in the order of sort `key`; equal ones (and "ten") in name order. */
  async function sortBy(results, key) {
    pageNumbers = pageNumbers || pagefind.search(everything).then(
      (all) => new Map(all.results.map((result, number) => [result.id, number])),
      (error) => { pageNumbers = null; throw error; });
    if (key !== "ten") ranks[key] = ranks[key] || fetchRanks(key);
    const [pageOf, rank] = await Promise.all([pageNumbers, key === "ten" ? null : ranks[key]]);
    const page = (result) => pageOf.get(result.id) ?? pageOf.size; // (never: every id is a page)
    const sign = SORTS[key] === "desc" ? -1 : 1;
    return [...results].sort((a, b) => (rank ? sign * (rank[page(a)] - rank[page(b)]) : 0)
      || page(a) - page(b));
  }

  async function fetchRanks(key) {
    // revalidated each visit: it must match the index of the same build (ETag makes it cheap)
    const response = await fetch(new URL(`ocop-sort-${key}.json`, bundleURL), { cache: "no-cache" });
    if (!response.ok) { delete ranks[key]; throw new Error(`ocop-sort-${key}.json: ${response.status}`); }
    return response.json();
  }

  /** Show the next page of the current results. */
  async function showMore(mine = generation) {
    busy(true);
    if (!current) { // still the server list: the default view, fetch it to continue it
      await ensurePagefind();
      const found = await pagefind.search(everything); // name order
      if (mine !== generation) return;
      const urls = new Set([...ui.list.querySelectorAll("a")].map((a) => a.pathname));
      current = { results: found.results, shown: ui.list.children.length, urls, exact: "" };
    }
    const view = current;
    const batch = view.results.slice(view.shown, view.shown + pageSize);
    let pages = await Promise.all(batch.map((result) => result.data()));
    if (mine !== generation || view !== current) return;
    if (view.shown === 0 && view.exact) pages = exactFirst(pages, view.exact);
    for (const page of pages) {
      if (view.urls.has(new URL(page.url, location.href).pathname)) continue;
      view.urls.add(new URL(page.url, location.href).pathname);
      ui.list.append(card(page, Boolean(state.q)));
    }
    view.shown += batch.length;
    ui.more.hidden = view.shown >= view.results.length;
    const total = view.results.length;
    status(total ? msg("count", total) : msg("none"));
    busy(false);
  }

  /** While results load, the list is marked busy (assistive tech and the tests wait on it). */
  function busy(on) {
    ui.list.setAttribute("aria-busy", String(on));
    ui.more.disabled = on;
    if (!on) app.classList.remove("ocop-catalogue--pending"); // see catalogue.html
  }

  function status(text) {
    if (ui.status.textContent !== text) ui.status.textContent = text;
  }

  function failed(error) {
    console.error(error);
    busy(false);
    status(msg("error"));
  }

  // --- facets --------------------------------------------------------------------------------
  function showFacets(counts, groups) {
    for (const group of app.querySelectorAll(".ocop-facet")) {
      const key = group.dataset.filter;
      if (!groups.includes(key)) continue; // closed: its values are not loaded or not current
      const ticked = new Set(state.filters[key] || []);
      const values = Object.entries(counts[key] || {});
      for (const value of ticked) if (!(value in (counts[key] || {}))) values.push([value, 0]);
      const usable = values.filter(([value, n]) => n > 0 || ticked.has(value)).sort(order(key));
      const box = group.querySelector(".ocop-facet__options");
      const wanted = fold(narrowing[key] || "");
      const matching = wanted ? usable.filter(([value]) => fold(value).includes(wanted)) : usable;
      const limit = expanded.has(key) || wanted ? Infinity : FACET_LIMIT;
      const shown = matching.filter(([value], i) => i < limit || ticked.has(value));
      const items = [];
      if (usable.length >= FACET_SEARCH_FROM) items.push(narrowBox(key, group));
      for (const [value, n] of shown) items.push(option(key, value, n, ticked.has(value)));
      if (!usable.length) items.push(el("span", "ocop-muted", "—")); // none among these results
      if (matching.length > limit) {
        items.push(toggle(key, msg("all", matching.length)));
      } else if (expanded.has(key)) {
        items.push(toggle(key, msg("fewer")));
      }
      const focused = box.contains(document.activeElement) && document.activeElement.type === "search";
      box.replaceChildren(...items);
      if (focused) box.querySelector("input[type=search]").focus();
    }
    lastCounts = counts;
    lastGroups = groups;
  }

  function order(key) {
    // stars: 5 first; everything else in Vietnamese alphabetical order
    if (key === "sao") return ([a], [b]) => collator.compare(b, a);
    return ([a], [b]) => collator.compare(a, b);
  }

  function option(key, value, count, checked) {
    const label = el("label", "ocop-facet__option");
    const box = el("input");
    box.type = "checkbox";
    box.value = value;
    box.checked = checked;
    box.dataset.key = key;
    box.addEventListener("change", () => setValue(key, value, box.checked));
    label.append(box, el("span", "ocop-facet__value", value), el("span", "ocop-facet__count", String(count)));
    return label;
  }

  function toggle(key, text) {
    const button = el("button", "ocop-facet__toggle", text);
    button.type = "button";
    button.addEventListener("click", () => {
      if (expanded.has(key)) expanded.delete(key); else expanded.add(key);
      showFacets(lastCounts, lastGroups);
    });
    return button;
  }

  function narrowBox(key, group) {
    const input = el("input", "ocop-facet__narrow");
    input.type = "search";
    input.value = narrowing[key] || "";
    input.setAttribute("aria-label", group.querySelector("summary").textContent);
    input.placeholder = "…";
    input.addEventListener("input", () => {
      narrowing[key] = input.value;
      showFacets(lastCounts, lastGroups);
    });
    return input;
  }

  // --- results -------------------------------------------------------------------------------
  /** The `.ocop-card` markup of _macros.html, from a Pagefind result. */
  function card(page, withExcerpt) {
    const meta = page.meta || {};
    const title = meta.title || "";
    const item = el("li", "ocop-card");
    const link = el("a");
    link.href = page.url;
    const image = meta.image || "";
    if (/^[\w/.-]+$/.test(image) && !image.includes("..")) {
      const img = el("img", "ocop-card__img");
      img.src = new URL(image, rootURL).href;
      img.alt = title;
      img.loading = "lazy";
      img.decoding = "async";
      const [width, height] = (meta.image_size || "").split("x").map(Number);
      if (width && height) { img.width = width; img.height = height; }
      link.append(img);
    } else {
      const none = el("div", "ocop-nophoto ocop-card__img", msg("nophoto"));
      none.setAttribute("role", "img");
      none.setAttribute("aria-label", title);
      link.append(none);
    }
    link.append(el("span", "ocop-card__name", title));
    item.append(link, badge(meta), el("span", "ocop-card__place", meta.place || ""));
    // why it matched, when the name alone does not say so
    if (withExcerpt && page.excerpt && !fold(title).includes(fold(state.q))) {
      item.append(excerpt(page.excerpt));
    }
    return item;
  }

  function badge(meta) {
    const state = /^[a-z]+$/.test(meta.state || "") ? meta.state : "unknown";
    const stars = Math.max(0, Math.min(5, Number(meta.stars) || 0));
    const box = el("p", "ocop-badge ocop-badge--" + state);
    box.dataset.state = state;
    const mark = el("span", "ocop-stars" + (meta.current === "1" ? "" : " ocop-stars--lapsed"), "★".repeat(stars));
    mark.setAttribute("aria-hidden", "true");
    box.append(mark, " ", el("strong", "ocop-badge__label", meta.label || ""), " ",
               el("span", "ocop-badge__detail", meta.detail || ""));
    return box;
  }

  /** Pagefind's excerpt is escaped text with <mark> around matches: rebuild it as nodes. */
  function excerpt(html) {
    const box = el("span", "ocop-card__excerpt");
    let marked = false;
    for (const part of html.split(/(<\/?mark>)/)) {
      if (part === "<mark>" || part === "</mark>") { marked = part === "<mark>"; continue; }
      const text = unescapeHTML(part).replace(everything, "");
      if (!text.trim()) continue;
      box.append(marked ? el("mark", "", text) : text);
    }
    return box;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
}

/** Like generator/textfold.py fold(): lowercase, đ → d, no tone or vowel marks, single spaces. */
export function fold(text) {
  return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[\s'’‘`\-–—_.,;:/()]+/g, " ").trim();
}

/** The query as typed, for exact matching: NFC, lowercase, single spaces. */
function exactKey(text) {
  return text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
}

/** Results whose title or text contains the query exactly as typed first; order kept otherwise. */
export function exactFirst(pages, key) {
  const has = (page) => exactKey(`${page.meta?.title || ""} ${page.content || ""}`).includes(key);
  return [...pages.filter(has), ...pages.filter((page) => !has(page))];
}

/** Text of an escaped HTML fragment (entities only; tags never reach here). */
function unescapeHTML(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}
