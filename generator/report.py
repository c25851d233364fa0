"""Reporters: print findings as text for people, JSON for tools, or GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from .ciescape import annotation_data, annotation_property, json_text, visible
from .findings import Finding
from .validate import Result

_SEVERITY = {"vi": {"error": "lỗi", "warning": "cảnh báo"},
             "en": {"error": "error", "warning": "warning"}}


def _line(finding: Finding, lang: str) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}" if finding.line else finding.file
    field = f"{finding.path}: " if finding.path else ""
    severity = _SEVERITY[lang][finding.severity]
    return f"{where} {severity} {field}{finding.message(lang)} [{finding.code}]"


def summary(result: Result, lang: str = "vi") -> str:
    """One honest sentence: errors block, warnings advise, and both are counted."""
    files, events = len(result.files), len(result.event_files)
    found_errors = result.errors
    errors, warnings = len(found_errors), len(result.findings) - len(found_errors)
    bad_files = len({f.file for f in found_errors})
    if lang == "en":
        checked = " and ".join(x for x in (f"{files} product file(s)" if files or not events
                                            else "", f"{events} event file(s)" if events else "") if x)
        head = f"Checked {checked}: {errors} error(s), {warnings} warning(s)."
        if errors:
            return f"{head} {bad_files} file(s) have errors and cannot be published until fixed."
        if warnings:
            return f"{head} No errors; please review the warnings."
        return f"{head} No problems found."
    checked = " và ".join(x for x in (f"{files} tệp sản phẩm" if files or not events else "",
                                      f"{events} tệp sự kiện" if events else "") if x)
    head = f"Đã kiểm tra {checked}: {errors} lỗi, {warnings} cảnh báo."
    if errors:
        return f"{head} {bad_files} tệp có lỗi, chưa thể đăng cho đến khi sửa xong."
    if warnings:
        return f"{head} Không có lỗi; hãy xem lại các cảnh báo."
    return f"{head} Không phát hiện vấn đề nào."


_WARNINGS_LEFT_OUT = {
    "vi": "{n} cảnh báo không in ở đây (chúng không chặn việc đăng): xem bằng `ocop validate`.",
    "en": "{n} warning(s) not shown here (they do not block publishing): see `ocop validate`.",
}


def text_report(result: Result, lang: str = "vi", *, errors_only: bool = False) -> str:
    """Findings grouped by file, each line clickable as ``file:line:column``.

    ``errors_only`` (a build that stopped): only what blocks publishing, so the one error is
    not buried under a hundred warnings; the warnings are counted, not printed."""
    shown = result.errors if errors_only else result.findings
    blocks = []
    for file, items in groupby(shown, key=lambda f: f.file):
        lines = [f"  {visible(_line(f, lang))}" for f in items]
        blocks.append("\n".join([visible(file), *lines]))
    tail = [summary(result, lang)]
    if errors_only and result.warnings:
        tail.append(_WARNINGS_LEFT_OUT[lang].format(n=len(result.warnings)))
    return "\n\n".join([*blocks, "\n".join(tail)]) + "\n"


def json_report(result: Result, lang: str = "vi") -> str:
    items = [{"file": f.file, "line": f.line, "column": f.column, "path": f.path,
              "severity": str(f.severity), "code": f.code, "message": f.message(lang)}
             for f in result.findings]
    return json_text(items)


def github_report(result: Result, lang: str = "vi") -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on its line."""
    out = []
    for f in result.findings:
        props = [f"file={annotation_property(f.file)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={annotation_property(f'{f.code} {f.path}'.strip())}")
        out.append(f"::{f.severity} {','.join(props)}::{annotation_data(f.message(lang))}")
    out.append(summary(result, lang))
    return "\n".join(out) + "\n"


REPORTERS: dict[str, Callable[[Result, str], str]] = {
    "text": text_report, "json": json_report, "github": github_report,
}
