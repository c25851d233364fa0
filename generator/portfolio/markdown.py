"""The portfolio review as Markdown, for an issue or a meeting (``ocop report --format md``)."""

from __future__ import annotations

from collections.abc import Collection

from ..dates import day
from ..markdown import COMMENT_LIMIT, fit, md, md_code
from ..model.follow_up import FOLLOW_UP_MONTHS
from .compute import Portfolio
from .sheets import SECTION_INTROS, SECTIONS, Sheet, capped, same_type_sheets, sheets
from .texts import SAY, both


def _cell(sheet: Sheet, index: int, value: str, lang: str) -> str:
    column = sheet.columns[index]
    if column == SAY("c.file", lang):
        return md_code(value.rsplit("/", 1)[0] + "/") if value else ""
    if column == SAY("c.products", lang):
        return md(capped(value, lang), 2000)
    return md(value, 300)


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def table(sheet: Sheet, lang: str) -> list[str]:
    """A Markdown table of ``sheet`` (numbers right-aligned, the total in bold)."""
    align = ["---:" if i in sheet.numeric else "---" for i in range(len(sheet.columns))]
    lines = [_line([md(c) for c in sheet.columns]), "|" + "|".join(align) + "|"]
    lines += [_line([_cell(sheet, i, v, lang) for i, v in enumerate(row)]) for row in sheet.rows]
    if sheet.total is not None:
        lines.append(_line([f"**{md(v)}**" if v else "" for v in sheet.total]))
    return lines


def _sheet(sheet: Sheet, lang: str, depth: int = 3) -> list[str]:
    heading = "#" * depth
    lines = [] if sheet.title == SAY(sheet.section, lang) else [f"{heading} {md(sheet.title)}", ""]
    if sheet.intro:
        lines += [sheet.intro, ""]
    body = table(sheet, lang) if sheet.rows else [SAY("none", lang)]
    return [*lines, *body, ""]


def _head(portfolio: Portfolio, lang: str) -> list[str]:
    counted = SAY("counted", lang, n=portfolio.total)
    if portfolio.area:
        counted += f" ({SAY('area', lang, area=md(portfolio.area))})"
    title = both("title") if lang == "vi" else SAY("title", lang)
    lines = [f"# {title} — {day(portfolio.today)}", "", f"**{counted}.** "
             f"{SAY('intro', lang)}", ""]
    if portfolio.not_counted:
        files = ", ".join(md_code(f) for f in portfolio.not_counted)
        lines += [f"**{SAY('not_counted', lang, n=len(portfolio.not_counted))}:** {files}", ""]
    else:
        lines += [SAY("all_counted", lang), ""]
    return lines


def markdown_report(portfolio: Portfolio, lang: str = "vi") -> str:
    lines = _head(portfolio, lang)
    tables = sheets(portfolio, lang)
    for number, section in enumerate(SECTIONS, 1):
        lines += [f"## {number}. {SAY(section, lang)}", ""]
        if section in SECTION_INTROS:
            lines += [SAY(SECTION_INTROS[section], lang), ""]
        mine = [sheet for sheet in tables if sheet.section == section]
        if not mine:
            lines += [SAY("none", lang), ""]
        for sheet in mine:
            lines += _sheet(sheet, lang)
    return fit("\n".join(lines), COMMENT_LIMIT, lang).rstrip("\n") + "\n"


def _new_groups(portfolio: Portfolio, added: Collection[str], lang: str) -> list[Sheet]:
    """The duplicate-type groups that hold a product file added recently."""
    fresh = {g.products[0].id for g in portfolio.same_type
             if any(p.source_file in added for p in g.products)}
    return [s for s, g in zip(same_type_sheets(portfolio, lang), portfolio.same_type, strict=True)
            if g.products[0].id in fresh]


def weekly_markdown(portfolio: Portfolio, added: Collection[str], lang: str = "vi") -> str:
    """The part of the weekly issue after the expiry list: follow-up that is due, overdue or
    found a violation, and duplicate types that a product file added this week joined."""
    follow = portfolio.follow_up
    lines = [f"### {both('h.follow_up') if lang == 'vi' else SAY('h.follow_up', lang)}", "",
             SAY("weekly.follow_up", lang, due=len(follow.due), overdue=len(follow.overdue),
                 violations=len(follow.violations), months=FOLLOW_UP_MONTHS), ""]
    for sheet in sheets(portfolio, lang):
        if sheet.section == "h.follow_up" and sheet.rows:
            lines += _sheet(sheet, lang, 4)
    groups = _new_groups(portfolio, added, lang)
    lines += [f"### {both('h.new_same_type') if lang == 'vi' else SAY('h.new_same_type', lang)}",
              ""]
    lines += [line for sheet in groups for line in _sheet(sheet, lang, 4)] or [SAY("none", lang), ""]
    return fit("\n".join(lines), COMMENT_LIMIT // 2, lang).rstrip("\n") + "\n"
