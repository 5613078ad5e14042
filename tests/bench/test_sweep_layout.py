"""bench/sweep.py's lost-line check: a comment-only line a safe fix moves one indent right (a
call spanning lines wrapped in a helper's parentheses, as black writes it) is not lost; a
comment, a blank line or a form-feed line the fixed code lacks still is."""

from __future__ import annotations

from pathlib import Path

from helpers import load_script

SWEEP = Path(__file__).resolve().parents[2] / "bench" / "sweep.py"
BEFORE = b"async def f():\n\tasyncio.create_task(\n\t\t# the coroutine:\n\t\twork(),\n\t)\n"
WRAPPED = (b"async def f():\n\t_keep_task(\n\t\tasyncio.create_task(\n\t\t\t# the coroutine:\n"
           b"\t\t\twork(),\n\t\t)\n\t)\n")


sweep = load_script(SWEEP, "sweep")


def _lost(before: bytes, after: bytes) -> tuple[set[str], set[str]]:
    (comments, lines), (comments_after, lines_after) = (sweep._layout(before),
                                                        sweep._layout(after))
    return set(comments - comments_after), set(lines - lines_after)


def test_a_comment_line_moved_right_by_a_wrap_is_not_lost() -> None:
    assert _lost(BEFORE, WRAPPED) == (set(), set())


def test_what_a_fix_drops_is_still_lost() -> None:
    no_comment = WRAPPED.replace(b"\t\t\t# the coroutine:\n", b"")
    assert _lost(BEFORE, no_comment) == ({"# the coroutine:"}, {"# the coroutine:"})
    blank = b"x = 1\n\n\x0c\ny = 2\n"
    assert _lost(blank, b"x = 1\ny = 2\n") == (set(), {"", "\x0c"})
