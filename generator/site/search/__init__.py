"""Search index: Pagefind over small pages made from the planner's records, in ``site/pagefind/``.

The page planner hands each product forward as a :class:`SearchRecord`
(:mod:`generator.site.search_records`): the words buyers search for (names, type, group,
producer, place, the description's opening), the đ-words folded (Pagefind strips tone marks
but keeps đ; see :func:`generator.textfold.d_words`), the facets, the card fields and the sort
keys, as the product page declares them. So the catalogue page (``assets/catalogue.js``) can
search, filter and sort without a server, and the index is made without reading the site back.

- :mod:`.build`: :func:`index_site`, the records in the default order;
- :mod:`.compact`: the small page Pagefind indexes for a record;
- :mod:`.service`: running Pagefind's binary (``--service``), fed in batches, and taking its files;
- :mod:`.stored`: finished bundles cached by a hash of everything that goes into them;
- :mod:`.index`: the bundle made deterministic and smaller (filters, fragments, word index,
  sort ranks); :mod:`.words`: word entries without the card fields' words;
- :mod:`.encoding`: Pagefind's data files (gzip + CBOR), read and written item by item.
"""

from . import stored
from .build import ALL_WORD, BUNDLE_DIR, SearchRecord, index_site

__all__ = ["ALL_WORD", "BUNDLE_DIR", "SearchRecord", "index_site", "stored"]
