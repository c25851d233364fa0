"""The province's promotion priorities, one function per criterion (the seed directive of
Quảng Nam's Department of Industry and Trade, shared/seed/; rules stated in words.py).

Each function takes a :class:`Product` and the day, and returns a :class:`Reason` — the
criterion, its label and the fact it rests on, in Vietnamese and English — or None. They look
only at the product's recorded, sourced fields; :func:`generator.promotion.reasons` applies
them to products whose star is valid that day (a lapsed star is never promoted).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..model.product import Improvement, Product, Standard, Text
from ..rules import VALIDITY_MONTHS, add_months
from ..site.i18n import t as site_t
from .words import SAY


class Criterion(enum.StrEnum):
    """The criteria, in the seed's order; the value is the page's ``?tieu-chi=`` value."""

    NEW = "moi-cai-tien"
    STANDARD = "tieu-chuan-tien-tien"
    CRAFT = "lang-nghe"
    SUBJECT = "htx-doanh-nghiep"
    SPECIALTY = "dac-san"
    UPGRADE = "tiem-nang-nang-hang"


@dataclass(frozen=True)
class Reason:
    """Why a product is a promotion priority: one criterion and the fact it rests on."""

    criterion: Criterion
    label: Text
    fact: Text
    #: order within the criterion: 0 before 1 (a joint-stock company before other subjects)
    rank: int = 1


#: the seed's "tiêu chuẩn tiên tiến như Global GAP, Organic, GMP, HACCP, ISO"
ADVANCED_SCHEMES = ("globalgap", "organic-tcvn-11041", "organic-eu", "organic-usda",
                    "organic-jas", "gmp", "haccp", "iso-22000", "iso-9001", "fssc-22000")
#: improvements that make a product "new": technology, machines, packaging, labels
NEW_KINDS = ("technology", "equipment", "packaging", "label")
#: how recent an improvement must be to count as new: one star's validity
NEW_WITHIN_MONTHS = VALIDITY_MONTHS
#: cooperatives and enterprises (joint-stock first); not cooperative groups or households
SUBJECT_FORMS = ("joint-stock", "cooperative", "llc", "llc-single-member", "private-enterprise")
#: the score from which each star is given (Decision 1048/2019; OCOP.md §1 "Star thresholds")
STAR_THRESHOLDS = {4: 70.0, 5: 90.0}
#: "within 5 points of the next threshold"
UPGRADE_GAP = 5.0


def _both(key: str, **params: object) -> Text:
    return Text(SAY(key, "vi", **params), SAY(key, "en", **params))


def _reason(criterion: Criterion, fact: Text, rank: int = 1) -> Reason:
    return Reason(criterion, _both(f"label.{criterion}"), fact, rank)


def _improvement_fact(item: Improvement) -> Text:
    kind = _both(f"kind.{item.kind}")
    when = item.date.display()
    return Text(SAY("fact.improvement", "vi", kind=kind.vi, date=when, text=item.description.vi),
                SAY("fact.improvement", "en", kind=kind.en, date=when,
                    text=item.description.en or item.description.vi))


def _latest(items: list[Improvement]) -> Improvement | None:
    return max(items, key=lambda i: i.date.latest()) if items else None


def new_or_improved(product: Product, today: date) -> Reason | None:
    """A technology, equipment, packaging or label improvement surely dated within the last
    NEW_WITHIN_MONTHS months (a year-only "2023" may be older: it does not count); the latest
    is the fact."""
    since = add_months(today, -NEW_WITHIN_MONTHS)
    latest = _latest([i for i in product.improvements
                      if i.kind in NEW_KINDS and since <= i.date.earliest() <= today])
    return _reason(Criterion.NEW, _improvement_fact(latest)) if latest else None


def advanced_certificates(product: Product, today: date) -> tuple[Standard, ...]:
    """The product's advanced-standard certificates valid on ``today`` (Standard.valid_on)."""
    return tuple(s for s in product.standards
                 if s.scheme in ADVANCED_SCHEMES and s.valid_on(today))


def certificate_fact(item: Standard) -> Text:
    """"HACCP số HACCP-001, hiệu lực đến 30/06/2027" (its end date is known: valid_on)."""
    assert item.valid_until is not None
    until = item.valid_until.display()
    return Text(*(SAY("fact.certificate", lang, until=until,
                      scheme=site_t(f"standard.{item.scheme}", lang),
                      number=f" {'số' if lang == 'vi' else 'no.'} {item.certificate}"
                      if item.certificate else "") for lang in ("vi", "en")))


def advanced_standard(product: Product, today: date) -> Reason | None:
    """At least one GlobalGAP, organic, GMP, HACCP, ISO 22000/9001 or FSSC 22000 certificate
    valid today; every such certificate is in the fact."""
    facts = [certificate_fact(s) for s in advanced_certificates(product, today)]
    if not facts:
        return None
    return _reason(Criterion.STANDARD, Text("; ".join(f.vi for f in facts),
                                            "; ".join(f.en or f.vi for f in facts)))


def craft_village(product: Product, today: date) -> Reason | None:
    """The product's craft village is recorded (origin.craft_village)."""
    name = product.origin.craft_village
    return _reason(Criterion.CRAFT, _both("fact.craft_village", name=name)) if name else None


def subject_form(product: Product, today: date) -> Reason | None:
    """The subject is a cooperative or an enterprise; a joint-stock company ranks first."""
    subject = product.subject
    if subject is None or subject.legal_form not in SUBJECT_FORMS:
        return None
    fact = Text(*(SAY("fact.subject", lang, form=site_t(f"legal_form.{subject.legal_form}", lang))
                  for lang in ("vi", "en")))
    return _reason(Criterion.SUBJECT, fact, rank=0 if subject.legal_form == "joint-stock" else 1)


def local_specialty(product: Product, today: date) -> Reason | None:
    """A geographical indication that has not lapsed, else a declared, sourced specialty."""
    for item in product.standards:
        if item.scheme == "geographical-indication" and not item.expired(today):
            label = item.name or site_t("standard.geographical-indication")
            return _reason(Criterion.SPECIALTY, _both("fact.geographical_indication", name=label))
    if product.specialty is None:
        return None
    text = product.specialty.description
    return _reason(Criterion.SPECIALTY, Text(SAY("fact.specialty", "vi", text=text.vi),
                                             SAY("fact.specialty", "en", text=text.en or text.vi)))


def _score_fact(stars: int, score: float) -> Text | None:
    threshold = STAR_THRESHOLDS.get(stars + 1)
    if threshold is None or score < threshold - UPGRADE_GAP:
        return None
    shown = f"{score:g}"
    return Text(SAY("fact.score", "vi", stars=stars, score=shown.replace(".", ","),
                    next=stars + 1, threshold=f"{threshold:g}"),
                SAY("fact.score", "en", stars=stars, score=shown, next=stars + 1,
                    threshold=f"{threshold:g}"))


def upgrade_potential(product: Product, today: date) -> Reason | None:
    """A current 3★ or 4★ whose score is at most UPGRADE_GAP below the next threshold, or with
    an improvement declared after the current recognition was signed."""
    current = product.current_recognition(today)
    if current is None or current.stars >= 5:
        return None
    if current.score is not None and (fact := _score_fact(current.stars, current.score)):
        return _reason(Criterion.UPGRADE, fact)
    latest = _latest([i for i in product.improvements
                      if current.signed.latest() < i.date.earliest() <= today])
    if latest is None:
        return None
    what = _improvement_fact(latest)
    signed = current.signed.display()
    return _reason(Criterion.UPGRADE, Text(
        SAY("fact.improved_since", "vi", signed=signed, what=what.vi),
        SAY("fact.improved_since", "en", signed=signed, what=what.en or what.vi)))


#: every criterion and the function that decides it, in the seed's order
RULES: tuple[tuple[Criterion, Callable[[Product, date], Reason | None]], ...] = (
    (Criterion.NEW, new_or_improved), (Criterion.STANDARD, advanced_standard),
    (Criterion.CRAFT, craft_village), (Criterion.SUBJECT, subject_form),
    (Criterion.SPECIALTY, local_specialty), (Criterion.UPGRADE, upgrade_potential),
)
