import asyncio
from collections.abc import Iterable


def count(tasks: Iterable[asyncio.Task[None]]) -> int:
    for task in tasks:
        if task.done():
            print(task)
    return 0


def cancel_all(tasks: Iterable[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()


def watch(tasks: Iterable[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.add_done_callback(print)


def report(tasks) -> None:  # no annotation, no task read: not known to hold tasks
    print(len(tasks))


class Task:  # a job of this project: its name says nothing of asyncio's tasks
    name = ""


def summarize(tasks: list[Task]) -> None:
    print(len(tasks))
