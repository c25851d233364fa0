"""Officer-written text in Markdown that GitHub renders as text: no markup, links or mentions.

Shared by the reports posted as pull-request or issue comments (``ocop review``, ``ocop
expiry``), with :func:`fit` to keep such a comment under GitHub's size limit.
"""

from __future__ import annotations

import re

from .messages import Texts

#: GitHub refuses comments longer than 65,536 characters; keep a margin for the workflow.
COMMENT_LIMIT = 60_000

SAY = Texts("markdown", {
    "truncated": ("✂️ Báo cáo dài quá giới hạn bình luận của GitHub nên đã bỏ {n} dòng cuối. "
                  "Chạy `ocop review` hoặc `ocop validate` trên máy để xem đủ.",
                  "✂️ The review exceeds GitHub's comment limit, so its last {n} lines were "
                  "left out. Run `ocop review` or `ocop validate` locally to see everything."),
})

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&])")
_SAFE_URL = re.compile(r"https?://[^\s<>`\"'\\]+\Z")


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("@", "@\u200b")


def md(text: object, limit: int = 160) -> str:
    """Officer-written text as plain Markdown text: no markup, HTML, links or @mentions."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _escape(flat)


def md_code(text: str) -> str:
    """A file name or field path as inline code (escaped text when it holds a backtick)."""
    flat = " ".join(text.split())
    return f"`{flat}`" if flat and "`" not in flat else md(flat, 300)


def md_message(text: str) -> str:
    """A validator message on one line: its `code` spans stay code, the rest is escaped."""
    flat = " ".join(text.split())
    parts = flat.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: show them all as text
        return _escape(flat)
    return "".join(md_code(part) if i % 2 else _escape(part) for i, part in enumerate(parts))


def md_url(url: object) -> str:
    """A source link that stays clickable when it is a plain http(s) address."""
    text = str(url).strip()
    return f"<{text}>" if _SAFE_URL.match(text) else md(text)


def fit(text: str, limit: int, lang: str) -> str:
    """Cut a long report at a line so it fits one GitHub comment, closing open <details>."""
    if len(text) <= limit:
        return text
    lines = text.split("\n")
    budget = limit - len(SAY("truncated", lang, n=len(lines))) - 100
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > budget:
            break
        kept.append(line)
        size += len(line) + 1
    opened = sum(line.count("<details>") for line in kept) - sum(
        line.count("</details>") for line in kept)
    closing = ["", "</details>"] * max(opened, 0)
    note = SAY("truncated", lang, n=len(lines) - len(kept))
    return "\n".join([*kept, *closing, "", f"> {note}"]) + "\n"
