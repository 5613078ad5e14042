"""The `# noqa` edit (`server/suppression.py`) and the hover over noqa codes (`server/hover.py`)."""

from __future__ import annotations

from taskleak.model import Finding, Risk
from taskleak.rules import rule_for
from taskleak.server.hover import noqa_hover
from taskleak.server.suppression import LineEdit, noqa_edit

DISCARDED = rule_for("task-discarded")
NEVER_CLEANED = rule_for("task-never-cleaned")
assert DISCARDED and NEVER_CLEANED
CODE = DISCARDED.code


def finding(line: int, statement_line: int = 0) -> Finding:
    return Finding(path="m.py", line=line, column=5, end_line=line, end_column=20, rule=CODE,
                   risk=Risk.HIGH, spawner="asyncio.create_task", coroutine="work()",
                   tracked="discarded", cleaned="none", message="m",
                   statement_line=statement_line or line)


def edited(lines: list[str], edit: LineEdit | None) -> list[str]:
    assert edit is not None
    out = list(lines)
    out[edit.line] = out[edit.line][:edit.start] + edit.text + out[edit.line][edit.end:]
    return out


def test_a_noqa_comment_ends_the_spawn_line() -> None:
    lines = ["async def f():", "    asyncio.create_task(work())   "]
    assert edited(lines, noqa_edit(finding(2), lines))[1] == \
        f"    asyncio.create_task(work())  # noqa: {CODE}"


def test_a_code_is_added_to_an_existing_directive_keeping_its_reason() -> None:
    lines = ["asyncio.create_task(work())  # noqa: E501 because"]
    assert edited(lines, noqa_edit(finding(1), lines)) == [
        f"asyncio.create_task(work())  # noqa: E501, {CODE} because"]


def test_a_line_already_suppressed_needs_no_edit() -> None:
    assert noqa_edit(finding(1), ["create_task(work())  # noqa"]) is None
    assert noqa_edit(finding(1), [f"create_task(work())  # NOQA:{CODE}"]) is None


def test_inside_a_string_the_statement_line_takes_the_directive() -> None:
    lines = ["x = f(a,", "      '''", "''', asyncio.create_task(work()), '''", "''')"]
    edit = noqa_edit(finding(3, statement_line=1), lines)
    assert edit is not None and edit.line == 0  # the spawn's line ends inside a string
    assert noqa_edit(finding(3, statement_line=2), lines) is None  # and so does this one


def test_hover_describes_the_code_under_the_cursor() -> None:
    line = f"x()  # noqa: {CODE}, {NEVER_CLEANED.code}, E501"
    hover = noqa_hover([line], 0, line.index(NEVER_CLEANED.code))
    assert hover is not None
    assert NEVER_CLEANED.summary in hover.markdown and DISCARDED.summary not in hover.markdown
    assert (hover.start, hover.end) == (line.index(NEVER_CLEANED.code),
                                        line.index(NEVER_CLEANED.code) + 5)


def test_hover_on_the_directive_lists_taskleak_codes_only() -> None:
    line = f"x()  # noqa: E501, {CODE}"
    hover = noqa_hover([line], 0, line.index("#"))
    assert hover is not None and DISCARDED.summary in hover.markdown and "E501" not in \
        hover.markdown
    assert noqa_hover([line], 0, 1) is None  # before the comment
    assert noqa_hover(["x()  # noqa: E501"], 0, 8) is None  # not ours


def test_hover_on_a_bare_noqa_and_an_unknown_code() -> None:
    bare = noqa_hover(["x()  # noqa"], 0, 7)
    assert bare is not None and "every finding" in bare.markdown
    unknown = noqa_hover(["x()  # noqa: TL999"], 0, 14)
    assert unknown is not None and "no taskleak rule" in unknown.markdown
    assert noqa_hover(["s = '# noqa: x1'"], 0, 8) is None  # in a string, not a comment
