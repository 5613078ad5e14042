import asyncio

from pkg.scope import Scope


async def work() -> None:
    await asyncio.sleep(1)


def attach(scope: Scope) -> None:
    scope.task_group.create_task(work())


async def main() -> None:
    tg = Scope.current().task_group
    task = tg.create_task(work())
    await asyncio.sleep(0)
    task.cancel()
