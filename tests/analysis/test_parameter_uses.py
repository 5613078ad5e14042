"""What a function does with a task its parameter receives
(`analysis/summaries/parameter_uses.py`), and the questions a module asks when it hands a task
to another module's function (`analysis/summaries/foreign_handoffs.py`): read from the bodies,
never from the names."""

from __future__ import annotations

import textwrap

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.interface import ParamUse
from taskleak.analysis.facts.module import ModuleFacts, Question, QuestionKind


def facts(code: str) -> ModuleFacts:
    return analyse_source(textwrap.dedent(code)).facts()


def test_a_parameter_cancelled_awaited_or_only_called_back_is_exported() -> None:
    uses = facts("""
        import asyncio

        async def drain(log, task):
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

        def log_errors(task):
            task.add_done_callback(print)

        async def stop_all(*futures):
            for fut in futures:
                fut.cancel()

        class Pool:
            async def release(self, task):
                await task
    """).exports.param_uses
    assert set(uses) == {
        ParamUse("drain", 1, "task", False, "gathered in drain(), cancelled in drain()"),
        ParamUse("log_errors", 0, "task", False, ""),
        ParamUse("stop_all", 0, "futures", False, "cancelled in stop_all()", star=True),
        ParamUse("Pool.release", 1, "task", True, "awaited in release()"),
    }


def test_a_parameter_ensured_into_a_race_that_leaves_it_running_is_left_by_it() -> None:
    """`ensure_future(fut)` gives a task back as itself: what the race leaves running is the
    caller's task; a race whose losers are cancelled leaves nothing, and a parameter spawned
    anew (`create_task(coro)`) is no task of the caller's."""
    uses = facts("""
        import asyncio

        async def wait_all_for(futures, *, timeout):
            ensured = [asyncio.ensure_future(fut) for fut in futures]
            done, pending = await asyncio.wait(ensured, timeout=timeout)
            return done

        async def wait_first(*futs):
            ensured = [asyncio.ensure_future(f) for f in futs]
            await asyncio.wait(ensured, return_when=asyncio.FIRST_COMPLETED)

        async def wait_or_cancel(futures, timeout):
            ensured = [asyncio.ensure_future(fut) for fut in futures]
            done, pending = await asyncio.wait(ensured, timeout=timeout)
            for fut in pending:
                fut.cancel()

        async def race(coro, timeout):
            task = asyncio.create_task(coro)
            await asyncio.wait([task], timeout=timeout)
    """).exports.param_uses
    left = {u.function: (u.index, u.name, u.star, u.left_by, u.left) for u in uses if u.left_by}
    assert left == {
        "wait_all_for": (0, "futures", False, "asyncio.wait(timeout=...) in wait_all_for()",
                         "it returns at its timeout with them still running"),
        "wait_first": (0, "futs", True,
                       "asyncio.wait(return_when=FIRST_COMPLETED) in wait_first()",
                       "it returns as soon as the first one finishes, with any others still "
                       "running"),
    }
    data = next(u for u in uses if u.left_by).to_json()
    assert ParamUse.from_json(data) == next(u for u in uses if u.left_by)


def test_a_parameter_kept_handed_on_or_never_read_as_a_task_is_not() -> None:
    uses = facts("""
        import asyncio
        REGISTRY = []

        def keep(task):
            task.add_done_callback(print)
            REGISTRY.append(task)

        def hand_on(task):
            task.add_done_callback(print)
            other.watch(task)

        def cancel_named(cancel_me):  # a name is no evidence
            print(cancel_me)

        def iterate(items):
            for item in items:
                print(item)
    """).exports.param_uses
    assert uses == ()


def test_a_task_handed_to_an_imported_function_asks_what_it_does() -> None:
    module = facts("""
        import asyncio
        from pkg import aio
        from pkg.aio import log_errors

        class Session:
            async def start(self):
                self._t = asyncio.create_task(work())
                log_errors(self._t)

            async def close(self):
                await aio.cancel_and_wait(self._t)

        async def one():
            tasks = [asyncio.create_task(work())]
            await aio.cancel_and_wait(*tasks)
    """)
    first, second = module.spawns
    asked = [q for q in first.questions if q.kind is QuestionKind.HANDED_TO]
    assert asked == [Question(QuestionKind.HANDED_TO, "log_errors", "Session.start", 0),
                     Question(QuestionKind.HANDED_TO, "aio.cancel_and_wait", "Session.close", 0)]
    # if neither ends it: kept and never ended (the join decides which holds)
    assert [f.kind.value for f in first.otherwise] == ["never_cleaned"]
    assert [q for q in second.questions if q.kind is QuestionKind.HANDED_TO] == [
        Question(QuestionKind.HANDED_TO, "aio.cancel_and_wait", "one", 0, star=True)]


def test_a_keyword_hand_off_asks_by_its_keyword() -> None:
    module = facts("""
        import asyncio
        from pkg.aio import cancel_named

        async def one():
            task = asyncio.create_task(work())
            await cancel_named(None, reader=task)
    """)
    (spawn,) = module.spawns
    assert [q for q in spawn.questions if q.kind is QuestionKind.HANDED_TO] == [
        Question(QuestionKind.HANDED_TO, "cancel_named", "one", -1, keyword="reader")]
    uses = facts("""
        async def cancel_named(log, **tasks):
            for name, task in tasks.items():
                task.cancel()
    """).exports.param_uses
    assert uses == (ParamUse("cancel_named", -1, "tasks", False, "cancelled in cancel_named()",
                             star=True),)


def test_a_hand_off_that_cannot_be_asked_about_leaves_the_spawn_as_it_is() -> None:
    module = facts("""
        import asyncio
        import contextlib
        from pkg.aio import log_errors, cancel_and_wait

        class Session:
            async def start(self):
                self._a = asyncio.create_task(work())
                log_errors(*self.args, self._a)  # after a starred one: which parameter?
                self._b = asyncio.create_task(work())
                contextlib.closing(self._b)  # the standard library: not the project's
                self._c = asyncio.create_task(work())
                self.registry.add(self._c)  # an untyped object
                self._d = asyncio.create_task(work())
                log_errors(self._d)
                cancel_and_wait(**{"t": self._d})
    """)
    for spawn in module.spawns:
        assert not [q for q in spawn.questions if q.kind is QuestionKind.HANDED_TO], spawn.line
        assert spawn.otherwise == ()


def test_ending_nothing_where_the_only_other_end_is_a_replacement_cancel() -> None:
    """The fates for "the callee ends nothing" drop the hand-off from the local's effects; a
    `task.cancel()` of the task it replaces is then the only read that looks like an end, and
    it ends nothing: the local is dropped (this crashed the classifier once)."""
    module = facts("""
        import asyncio
        from pkg.tools import ActiveTool

        async def launch(context, streaming):
            task = context.running.get("x")
            if task:
                task.cancel()
            if streaming:
                task = asyncio.create_task(work())
                context.add(ActiveTool(task=task))
                response = {"status": "pending"}
            else:
                response = await work()
            return response
    """)
    (spawn,) = module.spawns
    assert [f.kind.value for f in spawn.fates] == ["local_handed"]
    assert [f.kind.value for f in spawn.otherwise] == ["local_only"]


def test_a_parameter_waited_under_a_timeout_is_cut_by_it() -> None:
    uses = {u.function: u for u in facts("""
        import asyncio
        import async_timeout

        async def under_a_timeout(fut, t):
            async with asyncio.timeout(t):
                return await fut

        async def by_wait_for(fut, t):
            return await asyncio.wait_for(fut, t)

        async def gathered_under_a_timeout(fut, t):
            async with async_timeout.timeout(t):
                await asyncio.gather(fut)

        async def no_timeout(fut):
            return await fut

        async def waited_by_a_race(fut, t):
            async with asyncio.timeout(t):
                await asyncio.wait([fut])  # `wait` cancels nothing it waits for
    """).exports.param_uses if u.index == 0}
    assert uses["under_a_timeout"].cut_by == "the timeout of asyncio.timeout()"
    assert uses["by_wait_for"].cut_by == "the timeout of asyncio.wait_for()"
    assert uses["gathered_under_a_timeout"].cut_by == "the timeout of async_timeout.timeout()"
    assert uses["no_timeout"].cut_by == ""
    assert uses["waited_by_a_race"].cut_by == ""


def test_a_parameter_use_keeps_its_timeout_through_json() -> None:
    cut = ParamUse("wait_for", 0, "fut", False, "awaited in wait_for()",
                   cut_by="the timeout of asyncio.timeout()")
    assert ParamUse.from_json(cut.to_json()) == cut
    left = ParamUse("wait_all", 0, "futs", False, "", left_by="asyncio.wait() in wait_all()",
                    left="it returns at its timeout")
    assert ParamUse.from_json(left.to_json()) == left
    plain = ParamUse("drain", 0, "task", False, "awaited in drain()")
    assert ParamUse.from_json(plain.to_json()) == plain
