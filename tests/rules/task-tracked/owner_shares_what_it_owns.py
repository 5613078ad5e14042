"""A voice pipeline's processors (nitpick-voice, dev75): the pipeline makes its source lane and
keeps it in `self._source`, but also puts it in the chain it builds (`chain = [self._source,
*lanes]`), and its stop() closes every lane of the chain. The end is reached through the chain,
which the analysis does not follow: an owner that shares what it owns makes no claim (low).
A transport that hands its lane out (`input()` returns it) and never starts it makes no claim
either: whoever starts the lane answers for its end. The getter alone would not spare it
(stop 114: a getter borrows, task-never-cleaned `owner_hands_out_what_it_keeps_through_a_getter.py`).

The near miss (task-never-cleaned `owner_closes_without_closing_what_it_owns.py`): an owner that
keeps the object only in its attribute and whose close never calls the end (medium)."""

import asyncio


class Lane:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None


class Pipeline:
    def __init__(self, lanes: list[Lane]) -> None:
        self._source = Lane()
        chain = [self._source, *lanes]
        self._chain = chain

    def start(self) -> None:
        for lane in self._chain:
            lane.start()

    async def stop(self) -> None:
        for lane in self._chain:
            await lane.close()


class Transport:
    def __init__(self) -> None:
        self._input = Lane()

    def input(self) -> Lane:
        return self._input

    async def disconnect(self) -> None:
        print("disconnected")
