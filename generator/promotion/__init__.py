"""Which products the province prioritises for trade promotion, and why.

The rules officers audit are in :mod:`.criteria` (one function per criterion) and stated in
plain words in :mod:`.words`. :func:`reasons` applies them: only a product whose star is valid
on the day is a candidate — a lapsed or revoked star is never promoted. :func:`export_ready`
says whether a product may be shown as ready for export: a current star and at least one
advanced-standard certificate valid that day.
"""

from __future__ import annotations

from datetime import date

from ..model.product import Product, Standard
from .criteria import RULES, Criterion, Reason, advanced_certificates, certificate_fact

__all__ = ["Criterion", "Reason", "advanced_certificates", "certificate_fact", "export_ready",
           "priority_key", "reasons"]


def reasons(product: Product, today: date) -> tuple[Reason, ...]:
    """Every criterion ``product`` meets on ``today``, in the criteria's order; none at all
    when no recognition of it is valid that day."""
    if product.current_recognition(today) is None:
        return ()
    found = (rule(product, today) for _, rule in RULES)
    return tuple(reason for reason in found if reason is not None)


def export_ready(product: Product, today: date) -> tuple[Standard, ...]:
    """The certificates that make ``product`` export-ready on ``today`` (empty: it is not)."""
    if product.current_recognition(today) is None:
        return ()
    return advanced_certificates(product, today)


def priority_key(found: tuple[Reason, ...]) -> tuple[int, int]:
    """Order of the priority list (before the name): more criteria first, then a joint-stock
    company before other cooperatives and enterprises, then the rest."""
    subject = next((r.rank for r in found if r.criterion is Criterion.SUBJECT), 2)
    return (-len(found), subject)
