import asyncio

from pkg.widgets import Flash, Spinner, Ticker


class Agent:
    async def __aenter__(self) -> "Agent":
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def run(self, line: str) -> None:
        if not line:
            raise ValueError("nothing to run")


class Console:
    """Starts its spinner, runs the agent and stops the spinner after it: an error of the agent
    (or a cancellation at the `async with`) leaves `run()` before the stop, the spinner running."""

    def __init__(self, agent: Agent) -> None:
        self._agent = agent
        self._spinner = Spinner()
        self._flash = Flash()

    async def run(self, lines: list[str]) -> None:
        self._spinner.start()
        self._flash.start()
        async with self._agent:
            for line in lines:
                await self._agent.run(line)
        self._spinner.stop()
        self._flash.stop()


class SafeConsole:
    """Near miss: the stop in a `finally`, reached on every way out."""

    def __init__(self, agent: Agent) -> None:
        self._agent = agent
        self._ticker = Ticker()

    async def run(self, lines: list[str]) -> None:
        self._ticker.start()
        try:
            async with self._agent:
                for line in lines:
                    await self._agent.run(line)
        finally:
            self._ticker.stop()


class LateConsole:
    """Near miss: the stop in a `finally` whose `try` starts past a step (the warm-up may fail
    first); read as reviewers read it, as reached."""

    def __init__(self, agent: Agent) -> None:
        self._agent = agent
        self._ticker = Ticker()

    async def run(self, lines: list[str]) -> None:
        self._ticker.start()
        await self._agent.run("warm up")
        try:
            for line in lines:
                await self._agent.run(line)
        finally:
            self._ticker.stop()


async def main() -> None:
    await Console(Agent()).run(["hello"])
    await SafeConsole(Agent()).run(["hello"])
    await LateConsole(Agent()).run(["hello"])


if __name__ == "__main__":
    asyncio.run(main())
