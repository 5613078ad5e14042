"""Calls of a spawn helper method of the project on an instance (`obligations/helper_calls.py`):
which calls are candidates, with the call as written and the declared type of the local the
call is made through, for the project join to confirm; and that a helper method of another
module matches by what the receiver resolves to, never by a name that looks like its class."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.names.resolve import Sym, SymKind
from taskleak.analysis.obligations.helper_calls import matches_extra
from taskleak.analysis.obligations.spawners import Spawner

CODE = textwrap.dedent("""
    import asyncio

    class TaskManager:
        def create(self, coroutine):
            return asyncio.create_task(coroutine)

    class Client:
        def __init__(self, manager: TaskManager):
            self._tasks = manager

    class Connection:
        def __init__(self, client: Client):
            self._client: Client = client
            self._kept = None

        async def _run(self):
            pass

        async def connect(self, manager: TaskManager):
            self._kept = self._client._tasks.create(self._run())
            local = manager.create(self._run())
            self._client._tasks.create(self._run())
            await manager.create(self._run())
            await local
""")


def _calls(code: str) -> list[tuple[str, tuple[str, str]]]:
    """(the call, what it asks the join) of each spawn on an instance, in text order."""
    analysis = analyse_source(code)
    return [(cst.Module([]).code_for_node(sp.site.node), sp.method_call)
            for sp in sorted(analysis.spawns, key=lambda sp: sp.site.seq) if sp.method_call[0]]


def test_a_kept_or_awaited_call_on_an_instance_asks_the_join() -> None:
    assert _calls(CODE) == [
        # kept through `self`: its class types the chain
        ("self._client._tasks.create(self._run())", ("self._client._tasks.create", "")),
        # kept through a parameter: its declared type
        ("manager.create(self._run())", ("manager.create", "TaskManager")),
        # awaited where it is made (the helper returns its task: the await ends it)
        ("manager.create(self._run())", ("manager.create", "TaskManager")),
    ]


def test_a_call_that_drops_the_task_is_left_to_the_dropped_calls() -> None:
    """`self._client._tasks.create(...)` as a statement is the join's call-site row
    (`summaries/dropped_calls.py`), not a candidate: a candidate the join refuses would lose
    that row. So is the awaited call of a coroutine function whose await gives the task."""
    dropped = CODE.replace("    def create(self, coroutine):",
                           "    async def create(self, coroutine):")
    assert dropped != CODE
    assert [call for call, _ in _calls(CODE)].count("self._client._tasks.create(self._run())") == 1
    # (not awaited, its calls give a coroutine and no task; awaited, the statement drops it)
    assert _calls(dropped) == []
    kept = dropped.replace("local = manager.create(", "local = await manager.create(")
    assert _calls(kept) == [("manager.create(self._run())", ("manager.create", "TaskManager"))]


def test_a_method_of_another_module_matches_by_resolution_only() -> None:
    """A configured spawner's receiver may match by a name (`self._hass` for `hass`); a helper
    method of the project never does: `self._task_manager.create` is not taken for
    `pkg.tasks.TaskManager.create` by its name, only asked of the join."""
    helper = Spawner("pkg.tasks.TaskManager.create", project=True, on_instance=True)
    func = cst.parse_expression("self._TaskManager.create")
    assert isinstance(func, cst.Attribute)
    unknown = Sym(SymKind.UNKNOWN)
    assert matches_extra(func, unknown, unknown, (helper,)) is None
    configured = Spawner("pkg.tasks.TaskManager.create", project=False)
    assert matches_extra(func, unknown, unknown, (configured,)) is configured
