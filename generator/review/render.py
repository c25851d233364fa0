"""The review as Markdown for one pull-request comment: an honest summary (errors block,
warnings advise), the products added, removed, moved and changed, the validator's findings
for the changed files, and the portfolio questions; cut to fit GitHub's comment limit."""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath
from urllib.parse import quote

from ..dates import day
from ..findings import Finding
from ..markdown import COMMENT_LIMIT, fit, md, md_code, md_message
from ..messages import Texts
from ..site.present import badge
from ..validate import Result
from .build import Review
from .diff import describe_change
from .events import SAY as EVENT_WORDS
from .events import render_events
from .questions import questions
from .snapshot import Snapshot

SAY = Texts("review.render", {
    "title": ("## Duyệt thay đổi danh mục OCOP / OCOP catalogue review",
              "## OCOP catalogue review"),
    "errors_warnings": ("{e} lỗi phải sửa trước khi hợp nhất; {w} cảnh báo nên xem lại",
                        "{e} error(s) must be fixed before merging; {w} warning(s) to review"),
    "errors_only": ("{e} lỗi phải sửa trước khi hợp nhất; không có cảnh báo",
                    "{e} error(s) must be fixed before merging; no warnings"),
    "warnings_only": ("Không có lỗi; {w} cảnh báo nên xem lại", "No errors; {w} warning(s) to review"),
    "clean": ("Không có lỗi, không có cảnh báo", "No errors, no warnings"),
    "compared": ("Thay đổi so với {base}: {counts}.", "Compared with {base}: {counts}."),
    "no_change": ("Không có thay đổi nào trong products/ so với {base}.",
                  "Nothing changed in products/ compared with {base}."),
    "rule": ("Lỗi phải sửa thì mới hợp nhất được; cảnh báo không chặn, người duyệt cân nhắc.",
             "Errors block merging; warnings do not — reviewers decide."),
    "n_questions": ("Có {n} câu hỏi về danh mục cho người duyệt (cuối báo cáo).",
                    "{n} portfolio question(s) for reviewers at the end."),
    "merge_base": ("điểm rẽ nhánh", "merge base"),
    "count.others": ("{n} tệp khác", "{n} other file(s)"),
    "count.added": ("thêm {n}", "added {n}"),
    "count.removed": ("bỏ {n}", "removed {n}"),
    "count.moved": ("chuyển thư mục {n}", "moved {n}"),
    "count.changed": ("sửa {n}", "changed {n}"),
    "products_word": (" sản phẩm", " product(s)"),
    "h.changes": ("### Sản phẩm thay đổi / Changed products", "### Changed products"),
    "h.added": ("**Thêm / Added**", "**Added**"),
    "h.removed": ("**Bỏ / Removed**", "**Removed**"),
    "h.moved": ("**Chuyển thư mục / Moved**", "**Moved**"),
    "h.changed": ("**Sửa / Changed**", "**Changed**"),
    "h.others": ("**Tệp khác trong products/ / Other files**", "**Other files in products/**"),
    "h.findings": ("### Kết quả kiểm tra các tệp thay đổi / Validator findings",
                   "### Validator findings for the changed files"),
    "h.questions": ("### Câu hỏi cho người duyệt / Questions for reviewers",
                    "### Questions for reviewers"),
    "questions_intro": (
        "Chỉ thị năm 2020 của tỉnh đề nghị rà soát sản phẩm trùng loại, sản phẩm thô/tươi sống "
        "và sản phẩm khai trùng; các câu hỏi này không chặn hợp nhất — người duyệt trả lời "
        "trong phần bình luận.",
        "The province's 2020 directive asks to review overlapping product types, raw/fresh "
        "products and duplicates; these questions do not block merging — answer them in the "
        "comments."),
    "no_files": ("Không có tệp sản phẩm nào cần kiểm tra.", "No product file to check."),
    "no_findings": ("Các tệp thay đổi không có lỗi, không có cảnh báo.",
                    "The changed files have no errors and no warnings."),
    "file_counts": ("{e} lỗi, {w} cảnh báo", "{e} error(s), {w} warning(s)"),
    "error": ("❌ lỗi", "❌ error"),
    "warning": ("⚠️ cảnh báo", "⚠️ warning"),
    "n_errors": ("{n} lỗi", "{n} error(s)"),
    "n_warnings": ("{n} cảnh báo", "{n} warning(s)"),
    "footer": ("Ngày tính hiệu lực: {today} · `ocop review`", "Validity as of {today} · `ocop review`"),
    "unreadable": ("chưa đọc được (có lỗi, xem phần kiểm tra)", "cannot be read (see the findings)"),
    "subject": ("chủ thể: {name}", "producer: {name}"),
    "not_current": ("{n} sao · {detail}", "{n} stars · {detail}"),
})

KINDS = ("added", "removed", "moved", "changed")


def verdict(result: Result, lang: str) -> str:
    """"2 lỗi phải sửa trước khi hợp nhất; 5 cảnh báo nên xem lại" and its siblings."""
    errors, warnings = len(result.errors), len(result.warnings)
    key = ("errors_warnings" if errors and warnings else "errors_only" if errors
           else "warnings_only" if warnings else "clean")
    return SAY(key, lang, e=errors, w=warnings)


def _base_label(review: Review, lang: str) -> str:
    short = md_code(review.base_commit[:7])
    if review.base_commit != review.ref_commit:
        return f"{md_code(review.base_ref)} ({SAY('merge_base', lang)} {short})"
    if review.base_commit.startswith(review.base_ref):
        return short
    return f"{md_code(review.base_ref)} ({short})"


def summary(review: Review, asked: int, lang: str) -> str:
    """The one honest paragraph at the top."""
    counts = [SAY(f"count.{k}", lang, n=n) for k in KINDS
              if (n := sum(c.kind == k for c in review.changes))]
    parts = [", ".join(counts) + SAY("products_word", lang)] if counts else []
    if review.others:
        parts.append(SAY("count.others", lang, n=len(review.others)))
    if review.events:
        parts.append(EVENT_WORDS("count", lang, n=len(review.events)))
    base = _base_label(review, lang)
    text = f"**{verdict(review.result, lang)}.** "
    text += SAY("compared", lang, base=base, counts="; ".join(parts)) if parts else SAY(
        "no_change", lang, base=base)
    if review.result.findings:
        text += " " + SAY("rule", lang)
    if asked:
        text += " " + SAY("n_questions", lang, n=asked)
    return text


def _overview(snapshot: Snapshot, today: date, lang: str) -> str:
    product = snapshot.product
    if product is None:
        return SAY("unreadable", lang)
    shown = badge(product, today, lang)
    stars = (f"{shown.label} · {shown.detail}" if shown.current
             else SAY("not_current", lang, n=shown.stars, detail=shown.detail))
    parts = [stars, f"{md(product.product_type)}, {md(product.area.name)}"]
    if product.subject is not None:
        parts.append(SAY("subject", lang, name=md(product.subject.name)))
    return " · ".join(parts)


def _heading(snapshot: Snapshot) -> str:
    return f"- **{md(snapshot.name)}** — {md_code(snapshot.folder + '/')}"


def _changed_heading(snapshot: Snapshot, today: date, lang: str) -> str:
    """The heading of a changed or moved product, with its stars when they are no longer (or
    not surely) in force: a fact about the product, not a change."""
    product = snapshot.product
    shown = badge(product, today, lang) if product is not None else None
    if shown is None or shown.current or not shown.stars:
        return _heading(snapshot)
    return f"{_heading(snapshot)} — {SAY('not_current', lang, n=shown.stars, detail=shown.detail)}"


def changes_section(review: Review, lang: str) -> list[str]:
    if not review.changes and not review.others:
        return []
    lines = [SAY("h.changes", lang)]
    for kind in KINDS:
        group = [c for c in review.changes if c.kind == kind]
        if group:
            lines += ["", SAY(f"h.{kind}", lang)]
        for change in group:
            if kind in ("added", "removed"):
                lines.append(f"{_heading(change.current)} — "
                             f"{_overview(change.current, review.today, lang)}")
            else:
                lines.append(_changed_heading(change.current, review.today, lang))
                lines += [f"  - {line}" for line in describe_change(change, review.today, lang)]
    if review.others:
        lines += ["", SAY("h.others", lang), *[f"- {md_code(p)}" for p in review.others]]
    return [*lines, ""]


def _location(finding: Finding, link_base: str | None) -> str:
    if not finding.line:
        return ""
    text = md(f"{PurePosixPath(finding.file).name}:{finding.line}:{finding.column}")
    return f"[{text}]({link_base or ''}{quote(finding.file)}#L{finding.line}) "


def finding_line(finding: Finding, link_base: str | None, lang: str) -> str:
    where = _location(finding, link_base)
    path = f"{md_code(finding.path)}: " if finding.path else ""
    return f"- {SAY(str(finding.severity), lang)} {where}{path}{md_message(finding.message(lang))}"


def _collapsible(items: list[Finding], threshold: int, key: str, link_base: str | None,
                 lang: str) -> list[str]:
    bullets = [finding_line(f, link_base, lang) for f in items]
    if len(items) <= threshold:
        return bullets
    return [f"<details><summary>{SAY(key, lang, n=len(items))}</summary>", "", *bullets, "",
            "</details>"]


def _file_findings(review: Review, file: str, lang: str) -> list[str]:
    items = [f for f in review.result.findings if f.file == file]
    errors = [f for f in items if f.is_error]
    warnings = [f for f in items if not f.is_error]
    counts = SAY("file_counts", lang, e=len(errors), w=len(warnings))
    first = _collapsible(errors, 10, "n_errors", review.link_base, lang)
    second = _collapsible(warnings, 3, "n_warnings", review.link_base, lang)
    return [f"**{md_code(file)}** — {counts}", "", *first, *([""] if first and second else []),
            *second, ""]


def findings_section(review: Review, lang: str) -> list[str]:
    result = review.result
    if not result.files and not result.findings:
        return [] if not review.changes else [SAY("h.findings", lang), "", SAY("no_files", lang), ""]
    lines = [SAY("h.findings", lang), ""]
    if not result.findings:
        return [*lines, SAY("no_findings", lang), ""]
    for file in sorted({f.file for f in result.findings}):
        lines += _file_findings(review, file, lang)
    return lines


def questions_section(review: Review, asked: dict[str, list[str]], lang: str) -> list[str]:
    if not any(asked.values()):
        return []
    lines = [SAY("h.questions", lang), "", SAY("questions_intro", lang), ""]
    for change in review.changes:
        items = asked.get(change.current.folder) or []
        if items:
            lines.append(_heading(change.current))
            lines += [f"  - {item}" for item in items]
    return [*lines, ""]


def render(review: Review, lang: str = "vi", limit: int = COMMENT_LIMIT) -> str:
    """The whole review as Markdown for one pull-request comment."""
    asked = {c.current.folder: questions(c, review.result, review.today, lang,
                                         review.portfolio_url) for c in review.changes}
    count = sum(len(items) for items in asked.values())
    lines = [SAY("title", lang), "", summary(review, count, lang), ""]
    lines += changes_section(review, lang)
    lines += render_events(review.events, lang)
    lines += findings_section(review, lang)
    lines += questions_section(review, asked, lang)
    lines.append(f"<sub>{SAY('footer', lang, today=day(review.today))}</sub>")
    return fit("\n".join(lines) + "\n", limit, lang)
