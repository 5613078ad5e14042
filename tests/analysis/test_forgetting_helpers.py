"""`only_prunes` reads a helper's ends as facts (`Effects.ends`, exported as
`FunctionFacts.ends`), not the words of its cleanup: a helper that only forgets its task once it
is done leaves the caller's handling to decide; one that also ends its tasks answers for them."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.interface import End, FunctionFacts, Promise
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.forgetting_helpers import caller_decides, only_prunes
from taskleak.analysis.obligations.spawners import KNOWN, helper_spawner


def _effects(**ends: list[str]) -> Effects:
    eff = Effects()
    for name, places in ends.items():
        setattr(eff, name, places)
    return eff


def test_a_cleanup_of_prunes_only_prunes() -> None:
    eff = _effects(prunes=["spawn()", "create()"])
    assert eff.ends == {End.PRUNED}
    assert only_prunes(eff.ends) and eff.only_prunes


def test_a_cleanup_that_also_ends_the_task_does_not_only_prune() -> None:
    for ends in ({"cancels": ["stop()"]}, {"awaits": ["close()"]}, {"gathers": ["stop()"]},
                 {"results": ["done()"]}):
        eff = _effects(prunes=["spawn()"], **ends)
        assert not only_prunes(eff.ends) and not eff.only_prunes, ends


def test_the_words_do_not_decide() -> None:
    """Words that start like a prune's decide nothing: a reset by a done-callback is a prune as
    a fact, and the words of another end that mention pruning are not."""
    assert not only_prunes(frozenset())
    assert not only_prunes(frozenset({End.OTHER}))
    assert only_prunes(frozenset({End.PRUNED}))


def test_a_known_helpers_ends_are_no_prune() -> None:
    for spawner in KNOWN.values():
        assert spawner.ends and not only_prunes(spawner.ends), spawner.name


def test_a_helpers_ends_cross_modules_with_its_facts() -> None:
    """Exported, cached as JSON and read back, then made the spawner its callers see: the ends
    arrive as they left (older cache rows without them read as none)."""
    facts = FunctionFacts("spawn", ("coro",), Promise.KEEPS_AND_CLEANS, "pruned in spawn()",
                          ends=frozenset({End.PRUNED}))
    back = FunctionFacts.from_json(facts.to_json())
    assert back == facts
    assert helper_spawner(back, "util.spawn").ends == {End.PRUNED}
    assert FunctionFacts.from_json(facts.to_json()[:12]).ends == frozenset()


def test_a_fates_ends_cross_modules_with_it() -> None:
    fate = Fate(FateKind.HELPER_KEEPS, "work()", cleanup="pruned in spawn()",
                ends=frozenset({End.PRUNED, End.RESULT_READ}))
    assert Fate.from_json(fate.to_json()) == fate
    assert Fate.from_json(Fate(FateKind.DISCARDED, "work()").to_json()).ends == frozenset()


def test_the_caller_decides_when_it_holds_the_task() -> None:
    """A pruning helper's caller that holds the task answers for its end: kept unended, or
    ended on its close (the row is the call's, low); one that drops it leaves it to the helper,
    which keeps it until done; a helper that also ends what it keeps answers for every call."""
    pruned = _effects(prunes=["spawn()"]).ends
    kept = Fate(FateKind.NEVER_CLEANED, "work()", holder="self._task")
    ended = Fate(FateKind.KEPT_CLEANED, "work()", holder="self._task", cleanup="close()")
    dropped = Fate(FateKind.DISCARDED, "work()")
    assert caller_decides(pruned, [kept])
    assert caller_decides(pruned, [ended])
    assert not caller_decides(pruned, [dropped])
    assert not caller_decides(_effects(prunes=["spawn()"], cancels=["stop()"]).ends, [kept])
    assert not caller_decides(_effects(prunes=["spawn()"], cancels=["stop()"]).ends, [ended])
