"""Sweeps a fleet of hosts with a deadline for the whole sweep."""
from __future__ import annotations

import asyncio


async def check_host(host: str, port: int = 22) -> bool:
    try:
        _, writer = await asyncio.open_connection(host, port)
    except OSError:
        return False
    writer.close()
    return True


class HealthSweep:
    def __init__(self, hosts: list[str], deadline: float = 5.0) -> None:
        self.hosts = hosts
        self.deadline = deadline
        self.results: dict[str, bool] = {}

    async def sweep(self) -> dict[str, bool]:
        tasks = {asyncio.create_task(check_host(h)): h for h in self.hosts}
        done, pending = await asyncio.wait(tasks, timeout=self.deadline)
        for task in done:
            self.results[tasks[task]] = task.result()
        for task in pending:
            self.results[tasks[task]] = False
        return dict(self.results)

    async def sweep_strict(self) -> dict[str, bool]:
        tasks = {asyncio.create_task(check_host(h)): h for h in self.hosts}
        try:
            done, _ = await asyncio.wait(tasks, timeout=self.deadline)
            return {tasks[t]: t in done and t.result() for t in tasks}
        finally:
            for task in tasks:
                task.cancel()
