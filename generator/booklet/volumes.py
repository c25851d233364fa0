"""A booklet too big for one file, split into volumes (``ocop print``; ``--volume-size``).

One WeasyPrint document holds every page in memory (about 1.6 MB a page: 1.6 GB for 1,000
products, BENCHMARKS.md) and renders on one core, so a national catalogue printed as one file
would need tens of gigabytes. Printed in volumes of at most ``size`` products, each volume is
its own booklet — a cover saying "Tập 2/4", its own contents, its pages — memory stays that of
one volume per worker and the volumes are rendered side by side on the machine's cores.

Volumes are as even as they can be (1,000 products at most 300 a volume: four of 250), keep the
booklet's order, and a section cut between two volumes is headed again, "(tiếp)".
"""

from __future__ import annotations

from dataclasses import replace

from ..messages import Texts
from .sets import Booklet, Entry, Section

SAY = Texts("booklet.volumes", {
    "title": ("{title} — Tập {n}/{count}", "{title} — Volume {n} of {count}"),
    "continued": ("{title} (tiếp)", "{title} (continued)"),
    "slug": ("tap-{n}", "volume-{n}"),
})


def volume_count(products: int, size: int) -> int:
    return max(1, -(-products // size))


def volumes(booklet: Booklet, size: int, lang: str = "vi") -> list[Booklet]:
    """``booklet`` itself when it has at most ``size`` products, else its volumes in order."""
    total = len(booklet.products)
    count = volume_count(total, size)
    if count == 1:
        return [booklet]
    even = -(-total // count)
    chunks = _chunks(booklet.sections, even, lang)
    return [replace(booklet, slug=f"{booklet.slug}-{SAY('slug', lang, n=n)}",
                    title=SAY("title", lang, title=booklet.title, n=n, count=len(chunks)),
                    sections=tuple(sections))
            for n, sections in enumerate(chunks, 1)]


def _chunks(sections: tuple[Section, ...], size: int, lang: str) -> list[list[Section]]:
    """The sections cut into runs of ``size`` entries (the last may be shorter)."""
    chunks: list[list[Section]] = [[]]
    room = size
    for section in sections:
        entries: tuple[Entry, ...] = section.entries
        title = section.title
        while entries:
            if room == 0:
                chunks.append([])
                room = size
            chunks[-1].append(Section(title, entries[:room], section.note))
            entries, room = entries[room:], room - len(entries[:room])
            title = SAY("continued", lang, title=section.title)
    return chunks
