"""Hover over a `# noqa` comment: what each taskleak code it names is (the rule's summary and
page); over one code, that rule only. Codes of other tools are left to their own servers."""

from __future__ import annotations

import re

from taskleak.records import record
from taskleak.rules import CODE_PREFIX, rule_for
from taskleak.suppress.noqa import noqa_directives

_CODE = re.compile(r"[A-Za-z]+[0-9]+")


@record(frozen=True)
class NoqaHover:
    markdown: str
    line: int  # 0-based
    start: int  # character offsets of what the hover is about
    end: int


def noqa_hover(lines: list[str], line: int, character: int) -> NoqaHover | None:
    """The hover at a 0-based line and character, when it is on a `# noqa` directive."""
    number = line + 1
    directive = noqa_directives(lines, near={number}).get(number)
    if directive is None or character < directive.column - 1:
        return None
    text = lines[line]
    start = directive.column - 1
    if directive.codes is None:
        return NoqaHover("`# noqa` suppresses every finding on this line, taskleak's included.",
                         line, start, len(text))
    spans = [m for m in _CODE.finditer(text, start) if m.group().upper() in directive.codes]
    under = [m for m in spans if m.start() <= character <= m.end()]
    chosen = under or spans
    shown = [words for m in chosen if (words := _describe(m.group().upper()))]
    if not shown:
        return None
    end = chosen[-1].end() if chosen else len(text)
    begin = chosen[0].start() if under else start
    return NoqaHover("\n\n".join(shown), line, begin, end)


def _describe(code: str) -> str | None:
    if not code.startswith(CODE_PREFIX):
        return None
    rule = rule_for(code)
    if rule is None:
        return f"**{code}**: no taskleak rule has this code (see `taskleak rules`)."
    return (f"**{rule.code}** `{rule.name}` ({rule.risk.value} risk): {rule.summary}\n\n"
            f"[{rule.code} documentation]({rule.help_uri})")
