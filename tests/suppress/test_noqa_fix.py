"""The unused-noqa rule's fix, in the shapes ruff's RUF100 fix gives (checked against ruff
0.17.6 with `ruff check --select F,E,RUF100 --diff`, its codes put in ours)."""

from __future__ import annotations

import pytest

from taskleak.suppress.noqa import UnusedNoqa, noqa_directives
from taskleak.suppress.noqa_fix import WHOLE, noqa_removal


def unused(line: str, codes: tuple[str, ...] = ("TL101",), unknown: tuple[str, ...] = ()
           ) -> UnusedNoqa:
    column = noqa_directives([line])[1].column  # as the check finds it
    return UnusedNoqa("m.py", 3, column, codes, unknown, text=line[column - 1:],
                      source_line=line)


@pytest.mark.parametrize(("line", "codes", "after"), [
    # none left: the directive goes, with the spaces before it and any reason after it
    ("x = 1  # noqa: TL101", ("TL101",), "x = 1"),
    ("x = 1  #noqa:TL101", ("TL101",), "x = 1"),
    ("x = 1\t# noqa: TL101", ("TL101",), "x = 1"),
    ("x = 1  # NOQA: TL101, TL102 both gone", ("TL101", "TL102"), "x = 1"),
    ("x = 1  # noqa: TL101 because # other", ("TL101",), "x = 1"),
    ("x = 1  # noqa", (), "x = 1"),
    ("x = 1  # noqa here", (), "x = 1"),
    # a comment before it or right after it stays
    ("x = 1  # foo # noqa: TL101", ("TL101",), "x = 1  # foo"),
    ("x = 1  # noqa: TL101 # trailing", ("TL101",), "x = 1  # trailing"),
    ("x = 1  #   noqa:   TL101   # x", ("TL101",), "x = 1  # x"),
    # some left: they stay, written as ruff writes them (a colon, codes joined by ", "), with
    # what followed the codes
    ("x = 1  # noqa: TL101, E501", ("TL101",), "x = 1  # noqa: E501"),
    ("x = 1  # noqa: E741, TL101 reason here", ("TL101",), "x = 1  # noqa: E741 reason here"),
    ("x = 1  # noqa:E741,TL101", ("TL101",), "x = 1  # noqa: E741"),
    ("x = 1  # noqa: E741 TL101  # other", ("TL101",), "x = 1  # noqa: E741  # other"),
    ("x = 1  # noqa: tl101, tl002", ("TL101",), "x = 1  # noqa: tl002"),
    # a line left empty is deleted
    ("    # noqa: TL102", ("TL102",), None),
])
def test_the_fix_takes_ruffs_shapes(line: str, codes: tuple[str, ...], after: str | None
                                    ) -> None:
    edit = noqa_removal(unused(line, codes))
    assert edit is not None
    assert (edit.line, edit.old, edit.new, edit.rule) == (3, line, after, "TL900")


def test_unknown_codes_go_too_and_the_description_says_what_goes() -> None:
    edit = noqa_removal(unused("x = 1  # noqa: TL109, TL101, E501", ("TL101",), ("TL109",)))
    assert edit is not None and edit.new == "x = 1  # noqa: E501"
    assert edit.description == "remove TL109, TL101 from the `noqa` directive"
    whole = noqa_removal(unused("x = 1  # noqa: TL109", (), ("TL109",)))
    assert whole is not None and whole.new == "x = 1" and whole.description == WHOLE


def test_no_fix_without_the_line() -> None:
    bare = UnusedNoqa("m.py", 3, 8, ("TL101",), text="# noqa: TL101")
    assert noqa_removal(bare) is None
