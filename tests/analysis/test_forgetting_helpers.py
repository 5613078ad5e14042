"""`only_prunes` reads `Effects.cleanup`'s words back: a guard that the two agree on what a
cleanup that only prunes looks like (a helper that also ends its tasks answers for them)."""

from __future__ import annotations

from taskleak.analysis.effects import Effects
from taskleak.analysis.fates import Fate, FateKind
from taskleak.analysis.forgetting_helpers import caller_decides, only_prunes


def _words(**ends: list[str]) -> str:
    eff = Effects()
    for name, places in ends.items():
        setattr(eff, name, places)
    assert eff.cleanup is not None
    return eff.cleanup


def test_a_cleanup_of_prunes_only_prunes() -> None:
    assert only_prunes(_words(prunes=["spawn()", "create()"]))


def test_a_cleanup_that_also_ends_the_task_does_not_only_prune() -> None:
    for ends in ({"cancels": ["stop()"]}, {"awaits": ["close()"]}, {"gathers": ["stop()"]},
                 {"results": ["done()"]}):
        assert not only_prunes(_words(prunes=["spawn()"], **ends)), ends


def test_a_known_helpers_note_is_no_prune() -> None:
    assert not only_prunes("Home Assistant keeps it in hass._tasks, waits for it")


def test_the_caller_decides_only_when_it_leaves_the_task_unended() -> None:
    pruned = _words(prunes=["spawn()"])
    kept = Fate(FateKind.NEVER_CLEANED, "work()", holder="self._task")
    dropped = Fate(FateKind.DISCARDED, "work()")
    assert caller_decides(pruned, [kept])
    assert not caller_decides(pruned, [dropped])
    assert not caller_decides(_words(prunes=["spawn()"], cancels=["stop()"]), [kept])
