"""Catalogue settings: one validated block (``extra.ocop`` in mkdocs.yml).

Another province adopts the tool by changing these settings and ``products/``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError


@dataclass(frozen=True)
class Office:
    """An OCOP office buyers can ask about a product that has no public contact of its own.

    ``areas`` are the names of the provinces, current communes or former districts it answers
    for, written as the administrative tables write them ("Huyện Tiên Phước"); an office with no
    ``areas`` is the default one."""

    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Licence:
    """The licence of the open data (``extra.ocop.licence``): an SPDX ``name``, a ``title`` and
    the licence text's URL (``path``). ``confirmed`` is false until the province has decided:
    the open-data page and datapackage.json then call it a proposal."""

    name: str = "CC-BY-4.0"
    title: str = "Creative Commons Attribution 4.0 International"
    path: str = "https://creativecommons.org/licenses/by/4.0/"
    confirmed: bool = False


#: Used when mkdocs.yml names no licence: an open licence that asks only for attribution,
#: proposed (``confirmed`` false), never presented as the province's choice.
PROPOSED_LICENCE = Licence()


#: the most products a booklet the site prints may hold (``extra.ocop.print.site_max_products``):
#: about 310 A4 pages, ≈ 80 s of one core and ≈ 0.5 GB for WeasyPrint (BENCHMARKS.md)
SITE_MAX_PRODUCTS = 300


@dataclass(frozen=True)
class SiteConfig:
    site_name: str
    site_url: str
    region: str
    publisher: str
    contact_email: str | None = None
    contact_phone: str | None = None
    list_expired: bool = True
    products_dir: str = "products"
    language: str = "vi"
    offices: tuple[Office, ...] = ()
    licence: Licence = PROPOSED_LICENCE
    #: a bigger booklet is not printed by the site build, only offered as an ``ocop print``
    #: command (event booklets are always printed)
    site_max_products: int = SITE_MAX_PRODUCTS

    def absolute(self, path: str) -> str:
        """Absolute URL of a site-relative path (canonical links, QR codes, sitemap)."""
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags for Markdown extensions: read them as text."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_Loader)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: không đọc được cấu hình / not a mapping")
    return data


def _need(block: Mapping[str, Any], key: str, where: str) -> str:
    value = block.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: thiếu `{key}` (chữ) / `{key}` is required (text)")
    return value


_OFFICE_KEYS = {"name", "phone", "email", "address", "areas"}


def _office(item: Any, where: str) -> Office:
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: mỗi văn phòng là một khối có `name` / each office is a "
                          "mapping with a `name`")
    unknown = sorted(set(item) - _OFFICE_KEYS)
    if unknown:
        raise ConfigError(f"{where}: khoá lạ / unknown keys: {', '.join(unknown)} "
                          f"(cho phép / allowed: {', '.join(sorted(_OFFICE_KEYS))})")
    name = _need(item, "name", where)
    texts = {}
    for key in ("phone", "email", "address"):
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{where}: `{key}` phải là chữ / `{key}` must be text")
        texts[key] = value
    if not (texts["phone"] or texts["email"]):
        raise ConfigError(f"{where}: văn phòng \"{name}\" cần `phone` hoặc `email` / the office "
                          "needs a `phone` or an `email`")
    if texts["email"] and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", texts["email"]):
        raise ConfigError(f"{where}: `email` không hợp lệ / not an email address: "
                          f"{texts['email']}")
    areas = item.get("areas", [])
    if not isinstance(areas, list) or not all(isinstance(a, str) and a.strip() for a in areas):
        raise ConfigError(f"{where}: `areas` là danh sách tên đơn vị hành chính / `areas` is a "
                          "list of unit names, e.g. [\"Huyện Tiên Phước\"]")
    return Office(name=name, areas=tuple(a.strip() for a in areas), **texts)


def _offices(block: Mapping[str, Any], where: str) -> tuple[Office, ...]:
    """``extra.ocop.offices``: a list of offices, at most one without ``areas`` (the default)."""
    items = block.get("offices", [])
    if not isinstance(items, list):
        raise ConfigError(f"{where} extra.ocop.offices: phải là danh sách / must be a list")
    offices = tuple(_office(item, f"{where} extra.ocop.offices[{i}]")
                    for i, item in enumerate(items))
    if sum(1 for o in offices if not o.areas) > 1:
        raise ConfigError(f"{where} extra.ocop.offices: chỉ một văn phòng mặc định (không có "
                          "`areas`) / only one default office (without `areas`)")
    return offices


_LICENCE_KEYS = {"name", "title", "path", "confirmed"}


def _licence(block: Mapping[str, Any], where: str) -> Licence:
    """``extra.ocop.licence``: ``name``, ``title``, ``path`` (text) and ``confirmed``
    (true/false); left out, the proposed licence."""
    item = block.get("licence")
    if item is None:
        return PROPOSED_LICENCE
    where = f"{where} extra.ocop.licence"
    if not isinstance(item, Mapping):
        raise ConfigError(f"{where}: là một khối có name, title, path, confirmed / a mapping "
                          "with name, title, path, confirmed")
    unknown = sorted(set(item) - _LICENCE_KEYS)
    if unknown:
        raise ConfigError(f"{where}: khoá lạ / unknown keys: {', '.join(unknown)} "
                          f"(cho phép / allowed: {', '.join(sorted(_LICENCE_KEYS))})")
    confirmed = item.get("confirmed", False)
    if not isinstance(confirmed, bool):
        raise ConfigError(f"{where}.confirmed phải là true/false / must be true or false")
    path = _need(item, "path", where)
    if not re.match(r"https?://[^\s]+$", path):
        raise ConfigError(f"{where}.path phải là địa chỉ https:// / must be an http(s) URL")
    return Licence(_need(item, "name", where), _need(item, "title", where), path, confirmed)


def _site_max_products(block: Mapping[str, Any], where: str) -> int:
    """``extra.ocop.print.site_max_products``: a whole number ≥ 0 (0: the site prints only the
    events' booklets, e.g. a national catalogue whose booklets ``ocop print`` makes apart);
    left out, SITE_MAX_PRODUCTS."""
    item = block.get("print")
    if item is None:
        return SITE_MAX_PRODUCTS
    where = f"{where} extra.ocop.print"
    if not isinstance(item, Mapping) or set(item) - {"site_max_products"}:
        raise ConfigError(f"{where}: là một khối chỉ có `site_max_products` / a mapping with only "
                          f"`site_max_products`, e.g. `print: {{site_max_products: {SITE_MAX_PRODUCTS}}}`")
    value = item.get("site_max_products", SITE_MAX_PRODUCTS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}.site_max_products phải là số nguyên từ 0 trở lên / must be a "
                          f"whole number of at least 0 (got {value!r}), e.g. {SITE_MAX_PRODUCTS}")
    return value


def from_mkdocs(data: Mapping[str, Any], where: str = "mkdocs.yml") -> SiteConfig:
    """Validate ``site_name``, ``site_url`` and the ``extra.ocop`` block of mkdocs.yml, as read
    by the engine (its parsed config) or by :func:`read_mkdocs_yml`."""
    block = (data.get("extra") or {}).get("ocop")
    if not isinstance(block, Mapping):
        raise ConfigError(f"{where}: thiếu khối `extra: ocop:` / the `extra.ocop` block is missing")
    known = {"region", "publisher", "contact", "list_expired", "products_dir", "offices",
             "licence", "checks_off", "print"}  # checks_off: generator/checks/settings.py
    unknown = sorted(set(block) - known)
    if unknown:
        raise ConfigError(f"{where}: extra.ocop có khoá lạ / unknown keys: {', '.join(unknown)} "
                          f"(cho phép / allowed: {', '.join(sorted(known))})")
    site_url = _need(data, "site_url", where)
    if not re.match(r"https?://[^\s]+$", site_url):
        raise ConfigError(f"{where}: site_url phải bắt đầu bằng https:// / must be an http(s) URL")
    contact = block.get("contact") or {}
    list_expired = block.get("list_expired", True)
    if not isinstance(list_expired, bool):
        raise ConfigError(f"{where}: extra.ocop.list_expired phải là true/false")
    return SiteConfig(
        site_name=_need(data, "site_name", where), site_url=site_url.rstrip("/") + "/",
        region=_need(block, "region", f"{where} extra.ocop"),
        publisher=_need(block, "publisher", f"{where} extra.ocop"),
        contact_email=contact.get("email"), contact_phone=contact.get("phone"),
        list_expired=list_expired, products_dir=block.get("products_dir", "products"),
        language=(data.get("theme") or {}).get("language", "vi"),
        offices=_offices(block, where), licence=_licence(block, where),
        site_max_products=_site_max_products(block, where))


def load(root: Path) -> SiteConfig:
    return from_mkdocs(read_mkdocs_yml(root / "mkdocs.yml"), "mkdocs.yml")
