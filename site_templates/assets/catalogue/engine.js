/* The Pagefind index (site/pagefind/, written by generator/site/search.py): the Pagefind module,
 * the page order and the sort ranks, each loaded once, when first needed. No DOM. */
import { SORTS } from "./url.js";
import { sortResults } from "./query.js";

export class Engine {
  /** `bundleURL`: the pagefind/ folder; `rootURL`: the site root; `everything`: the word every
   *  product page carries (query.js). */
  constructor({ bundleURL, rootURL, everything }) {
    this.bundleURL = bundleURL;
    this.rootURL = rootURL;
    this.everything = everything;
    this.pagefind = null;    // the Pagefind module, once loaded
    this.loading = null;     // … its loading promise
    this.pageNumbers = null; // promise: Pagefind result id → page number (= default order)
    this.ranks = {};         // sort key → promise of its ranks, by page number
  }

  /** Load Pagefind (once; again after a failure). */
  load() {
    this.loading = this.loading || (async () => {
      const module = await import(new URL("pagefind.js", this.bundleURL).href);
      // pageLength 0: no length normalisation, so every page scores the same for `everything`
      // and such searches list products in page order: current first, each part by name.
      await module.options({ baseUrl: this.rootURL.pathname, excerptLength: 16,
                             ranking: { pageLength: 0 } });
      await module.init();
      this.pagefind = module;
    })();
    this.loading.catch(() => { this.loading = null; });
    return this.loading;
  }

  /** Search `term` with Pagefind `filters` (query.js pagefindFilters). Call after load(). */
  search(term, filters) {
    return this.pagefind.search(term, { filters });
  }

  /** Every product, in the default order (current first). Call after load(). */
  all() {
    return this.pagefind.search(this.everything);
  }

  /** `results` in the order of sort `key` (url.js SORTS); equal ones in page order. */
  async sortBy(results, key) {
    this.pageNumbers = this.pageNumbers || this.all().then(
      (all) => new Map(all.results.map((result, number) => [result.id, number])),
      (error) => { this.pageNumbers = null; throw error; });
    this.ranks[key] = this.ranks[key] || this.fetchRanks(key);
    const [pageOf, rank] = await Promise.all([this.pageNumbers, this.ranks[key]]);
    return sortResults(results, key, pageOf, rank);
  }

  async fetchRanks(key) {
    if (!Object.hasOwn(SORTS, key)) throw new Error(`unknown sort ${key}`);
    // revalidated each visit: it must match the index of the same build (ETag makes it cheap)
    const response = await fetch(new URL(`ocop-sort-${key}.json`, this.bundleURL), { cache: "no-cache" });
    if (!response.ok) {
      delete this.ranks[key];
      throw new Error(`ocop-sort-${key}.json: ${response.status}`);
    }
    return response.json();
  }
}
