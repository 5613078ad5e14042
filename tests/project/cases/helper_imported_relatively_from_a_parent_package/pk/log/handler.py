"""Calls of the runner's helper from a sub-package, through a relative import two levels up
(`from .._run import spawn`): each call is judged by what this caller does with the task. The
helper that keeps its task makes its calls no rows."""

from .._run import keep, spawn


class Handler:
    def emit(self, record) -> None:
        t = spawn(self.render(record))
        t.add_done_callback(print)

    async def drain(self, record) -> None:
        t = spawn(self.render(record))
        await t

    def emit_kept(self, record) -> None:
        keep(self.render(record))

    async def render(self, record) -> None:
        print(record)
