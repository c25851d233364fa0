"""Which advisory checks a province has turned off: ``extra.ocop.checks_off`` in mkdocs.yml.

Only codes declared :func:`switchable` by their check may be listed (a province whose rules
differ, say on how often recognised products are checked); errors can never be turned off.
A repository without mkdocs.yml (a test's temporary catalogue) runs every check.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError

_SWITCHABLE: set[str] = set()

SETTING = "extra.ocop.checks_off"


def switchable(code: str) -> str:
    """Declare that a province may turn off the (warning) finding ``code``."""
    _SWITCHABLE.add(code)
    return code


def checks_off(block: object, where: str = "mkdocs.yml") -> frozenset[str]:
    """The validated ``checks_off`` value of an ``extra.ocop`` block (absent: nothing off)."""
    value = block.get("checks_off", []) if isinstance(block, dict) else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {SETTING} là danh sách mã kiểm tra / is a list of finding "
                          f"codes, e.g. [follow_up.due]")
    unknown = sorted(set(value) - _SWITCHABLE)
    if unknown:
        raise ConfigError(f"{where}: {SETTING}: không tắt được / cannot be turned off: "
                          f"{', '.join(unknown)} (tắt được / allowed: "
                          f"{', '.join(sorted(_SWITCHABLE))})")
    return frozenset(value)


def read_checks_off(root: Path) -> frozenset[str]:
    """``checks_off`` of ``root/mkdocs.yml``, or nothing when the file is absent."""
    from ..site.config import read_mkdocs_yml  # the one reader of mkdocs.yml (no MkDocs import)

    path = root / "mkdocs.yml"
    if not path.is_file():
        return frozenset()
    extra = read_mkdocs_yml(path).get("extra") or {}
    return checks_off(extra.get("ocop") if isinstance(extra, dict) else None)
