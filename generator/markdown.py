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
#: what GitHub turns into a link by itself (its "extended autolinks"), up to a space or bracket
_BARE_URL = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>()\[\]«»“”\"]+", re.IGNORECASE)


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("@", "@\u200b")


def _code_span(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it holds (GitHub links nothing in
    a code span)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest or text.startswith(" ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _plain(text: str) -> str:
    """Escaped text in which a bare address (``https://…``, ``www.…``) is a code span, so that
    GitHub shows it as the officer wrote it instead of making it a link."""
    out, end = [], 0
    for match in _BARE_URL.finditer(text):
        url = match.group().rstrip(".,:;!?*_~'\"")  # GitHub leaves trailing punctuation out
        out += [_escape(text[end:match.start()]), _code_span(url)]
        end = match.start() + len(url)
    return "".join(out) + _escape(text[end:])


def md(text: object, limit: int = 160) -> str:
    """Officer-written text as plain Markdown text: no markup, HTML, links or @mentions."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _plain(flat)


def md_code(text: str) -> str:
    """A file name or field path as inline code (escaped text when it holds a backtick)."""
    flat = " ".join(text.split())
    return f"`{flat}`" if flat and "`" not in flat else md(flat, 300)


def md_message(text: str) -> str:
    """A validator message on one line: its `code` spans stay code, the rest is escaped."""
    flat = " ".join(text.split())
    parts = flat.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: show them all as text
        return _plain(flat)
    return "".join(md_code(part) if i % 2 else _plain(part) for i, part in enumerate(parts))


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
