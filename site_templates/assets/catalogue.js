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
 *   the word every product page carries, data-all-token).
 * - State lives in the address, readable and shareable:
 *     danh-muc/?q=nuoc+mam&sao=4+sao&sao=5+sao&huyen_cu=Huy%E1%BB%87n+%C4%90%C3%B4ng+Giang&sort=sao
 *   a change made with a tap adds a history entry (pushState), typing replaces it, and the
 *   back button restores the view (popstate).
 * - Product text is untrusted: results are cloned from the server's card markup (a <template>)
 *   and filled with textContent and setAttribute only.
 *
 * Modules (catalogue/, no bundler; catalogue.html preloads them):
 *   fold.js    text folding, as generator/textfold.py            pure
 *   url.js     the address ↔ the state { q, sort, filters }       pure
 *   query.js   state → Pagefind term and filters; result order    pure
 *   facets.js  facet values, counts and their drawing
 *   cards.js   result cards from the <template>
 *   engine.js  Pagefind and the sort ranks, loaded when needed
 *   dom.js     building elements, text as textContent
 *   app.js     the controller: page, events, state
 * The pure parts are tested by tests/js/*.test.mjs with Node's own runner (./dev test).
 */
import { start } from "./catalogue/app.js";

export { fold } from "./catalogue/fold.js";
export { exactFirst } from "./catalogue/query.js";

const root = document.getElementById("ocop-catalogue");
if (root) start(root);
