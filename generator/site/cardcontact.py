"""The contact action of a product card: reach the producer from a list, without opening the page.

A card (home, listings, related products, catalogue and its search results) ends with one
small action: tap-to-call the producer's first public phone, or, when the producer published
none, a link to the contact block of the product page (``#lien-he``), which lists the e-mail
and website or, failing those, the OCOP office for the product's area (:mod:`.contact`).
The same words go to the search index (Pagefind meta ``call``/``call_text``), so the cards
assets/catalogue/cards.js makes from search results carry the same action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import Texts
from ..model.product import Product

#: id of the contact block's heading on a product page (content/product.html)
CONTACT_ANCHOR = "lien-he"

SAY = Texts("site.card_contact", {
    "call": ("Gọi {phone}", "Call {phone}"),
    "contact": ("Liên hệ", "Contact"),
    # the accessible name: the visible words first (WCAG 2.5.3), then whose contact it is
    "about": ("{action}: {name}", "{action}: {name}"),
})


def tel_href(phone: str) -> str:
    """``0905 123 456`` → ``tel:+84905123456``."""
    digits = re.sub(r"[^\d+]", "", phone)
    return "tel:" + ("+84" + digits[1:] if digits.startswith("0") else digits)


@dataclass(frozen=True)
class CardContact:
    """``href`` is a ``tel:`` address, or the fragment of the page's contact block."""

    text: str
    label: str
    href: str = "#" + CONTACT_ANCHOR

    @property
    def is_call(self) -> bool:
        return self.href.startswith("tel:")


def card_contact(product: Product, lang: str = "vi") -> CardContact:
    """Call the producer's first phone, else "Liên hệ" to the page's contact block."""
    phones = product.subject.phones if product.subject else ()
    if phones:
        text = SAY("call", lang, phone=phones[0])
        return CardContact(text, SAY("about", lang, action=text, name=product.name.vi),
                           tel_href(phones[0]))
    text = SAY("contact", lang)
    return CardContact(text, SAY("about", lang, action=text, name=product.name.vi))


def blank(lang: str = "vi") -> CardContact:
    """The action of the blank card that cards.js clones: its label is the pattern cards.js
    fills with the action's words and the product's name."""
    return CardContact(SAY("contact", lang), SAY("about", lang, action="{action}", name="{name}"))
