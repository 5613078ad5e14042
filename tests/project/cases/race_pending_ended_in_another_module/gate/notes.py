"""Reads a task's name, and ends nothing."""

import asyncio


def remember(task: asyncio.Task[object]) -> None:
    print("left", task.get_name())
