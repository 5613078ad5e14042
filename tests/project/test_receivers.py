"""Receivers typed by another module (`analysis/names/chains.py` asks, `project/receivers.py`
answers): each way a chain reaches a loop, and the ways it does not."""

from __future__ import annotations

import textwrap

from taskleak.analysis.facts.module import FileFacts
from taskleak.project.join import join
from taskleak.run.pipeline import analyse_file

CORE = textwrap.dedent("""
    import asyncio
    import contextvars
    from dataclasses import dataclass

    @dataclass
    class Context:
        loop: asyncio.AbstractEventLoop

    class State:
        def __init__(self, context: "Context") -> None:
            self.context: Context = context

    class Counter:
        loop: int = 0

    state = State(Context(asyncio.new_event_loop()))
    counter = Counter()
    current: contextvars.ContextVar[Context] = contextvars.ContextVar("current")
""")


def _lines(handler: str, modules: dict[str, str]) -> list[int]:
    """The lines of `app/handlers.py` the run reports, with `modules` beside it."""
    files: list[FileFacts] = [analyse_file(code.encode(), path, answers_only=True)
                              for path, code in modules.items()]
    files.append(analyse_file(textwrap.dedent(handler).encode(), "app/handlers.py"))
    return [f.line for f in join(files, len(files)).findings if f.path == "app/handlers.py"]


def test_a_relative_import_and_an_attribute_of_an_attribute() -> None:
    handler = """
        from . import core

        def go(work):
            core.state.context.loop.create_task(work())
    """
    assert _lines(handler, {"app/core.py": CORE}) == [5]


def test_a_class_re_exported_by_its_package() -> None:
    handler = """
        from app import Context

        def go(ctx: Context, work):
            ctx.loop.create_task(work())
            waiter = ctx.loop
            waiter.create_task(work())
    """
    package = "from app.core import Context\n"
    assert _lines(handler, {"app/core.py": CORE, "app/__init__.py": package}) == [5, 7]


def test_not_a_loop_outside_the_run_or_of_another_type() -> None:
    handler = """
        from app import core
        from elsewhere import engine

        def go(work):
            core.counter.loop.create_task(work())
            engine.loop.create_task(work())
    """
    assert _lines(handler, {"app/core.py": CORE}) == []
