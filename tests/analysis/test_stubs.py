"""Methods that only declare an interface (`analysis/names/stubs.py`): read from their bodies and
decorators, never from the class's name."""

from __future__ import annotations

import textwrap

from taskleak.analysis.analyse import analyse_source


def stubs(code: str) -> dict[str, tuple[str, ...]]:
    classes = analyse_source(textwrap.dedent(code)).facts().exports.classes
    return {c.qualname: c.stubs for c in classes}


def test_declaring_bodies_and_abstract_methods_are_stubs() -> None:
    got = stubs("""
        import abc
        from abc import abstractmethod
        from typing import Protocol

        class Scheduler(Protocol):
            def create_task(self, *, target, name) -> None:
                \"\"\"Run target as a task.\"\"\"
            def cancel(self) -> None: ...
            def stop(self) -> None:
                pass
            def close(self) -> None:
                raise NotImplementedError
            def reset(self) -> None:
                raise NotImplementedError("subclasses reset")
            @abstractmethod
            def start(self) -> None:
                print("started")
            @abc.abstractmethod
            def join(self) -> None: ...

        class Looper(Scheduler):
            def create_task(self, *, target, name) -> None:
                self.tasks.add(target)
            def cancel(self) -> None:
                \"\"\"Cancel.\"\"\"
                self.tasks.clear()
            def stop(self) -> None:
                raise RuntimeError("stopped")
    """)
    assert got == {"Scheduler": ("create_task", "cancel", "stop", "close", "reset", "start",
                                 "join"),
                   "Looper": ()}
