"""Comment edits (an unused `# noqa`'s fix) applied to source bytes: only the edited lines
change, in the file's own encoding and line breaks; a line that changed since the check, or an
edit that would touch code, is refused with the reason; deleted lines are mapped both ways."""

from __future__ import annotations

from taskleak.fixes.comments import CHANGED, CommentEdit, apply_comment_edits
from taskleak.model import FixKind


def edit(line: int, old: str, new: str | None) -> CommentEdit:
    return CommentEdit(line, 1, "TL900", old, new, FixKind.REMOVE_NOQA, "remove it")


def test_only_the_edited_line_changes_and_keeps_its_break() -> None:
    data = b"a = 1\r\nb = 2  # noqa: TL101\r\nc = 3\n"
    done = apply_comment_edits(data, [edit(2, "b = 2  # noqa: TL101", "b = 2")])
    assert done.data == b"a = 1\r\nb = 2\r\nc = 3\n"
    assert [e.line for e in done.done] == [2] and done.refused == []


def test_a_bom_and_a_declared_encoding_are_kept() -> None:
    bom = b"\xef\xbb\xbfx = 'caf\xc3\xa9'  # noqa: TL101\n"
    done = apply_comment_edits(bom, [edit(1, "x = 'café'  # noqa: TL101", "x = 'café'")])
    assert done.data == b"\xef\xbb\xbfx = 'caf\xc3\xa9'\n"
    latin = b"# -*- coding: latin-1 -*-\nx = 'caf\xe9'  # noqa: TL101, E501\n"
    done = apply_comment_edits(latin, [edit(2, "x = 'café'  # noqa: TL101, E501",
                                            "x = 'café'  # noqa: E501")])
    assert done.data == b"# -*- coding: latin-1 -*-\nx = 'caf\xe9'  # noqa: E501\n"


def test_a_deleted_line_goes_with_its_break_and_lines_are_mapped() -> None:
    data = b"if x:\n    # noqa: TL102\n    y = 1\n    # noqa: TL101\n    z = 2\n"
    done = apply_comment_edits(data, [edit(2, "    # noqa: TL102", None),
                                      edit(4, "    # noqa: TL101", None)])
    assert done.data == b"if x:\n    y = 1\n    z = 2\n"
    assert done.deleted == [2, 4]
    assert [done.new_line(n) for n in (1, 3, 5)] == [1, 2, 3]
    assert [done.old_line(n) for n in (1, 2, 3)] == [1, 3, 5]


def test_a_line_that_changed_since_the_check_is_left() -> None:
    data = b"a = 1  # noqa: TL101\n"
    done = apply_comment_edits(data, [edit(1, "a = 2  # noqa: TL101", "a = 2")])
    assert done.data == data
    assert [(e.line, why) for e, why in done.refused] == [(1, CHANGED)]
    beyond = apply_comment_edits(data, [edit(3, "", None)])
    assert [why for _, why in beyond.refused] == [CHANGED]


def test_an_edit_that_would_change_code_is_refused() -> None:
    """A `#` inside a string is no comment: cutting there changes the module's tree."""
    data = b"s = '''\nx  # noqa: TL101\n'''\n"
    done = apply_comment_edits(data, [edit(2, "x  # noqa: TL101", "x")])
    assert done.data == data and done.done == []
    assert [why for _, why in done.refused] == [
        "the edit would change the code, not only a comment"]


def test_a_module_that_does_not_parse_is_left() -> None:
    data = b"def f(:\n    pass  # noqa: TL101\n"
    done = apply_comment_edits(data, [edit(2, "    pass  # noqa: TL101", "    pass")])
    assert done.data == data
    assert [why for _, why in done.refused] == ["it does not parse with this Python"]


def test_one_edit_per_line() -> None:
    data = b"a = 1  # noqa: TL101\n"
    first, second = edit(1, "a = 1  # noqa: TL101", "a = 1"), edit(1, "a = 1  # noqa: TL101",
                                                                      None)
    done = apply_comment_edits(data, [first, second])
    assert done.data == b"a = 1\n"
    assert done.done == [first]
    assert [why for _, why in done.refused] == ["another fix changes this line"]
