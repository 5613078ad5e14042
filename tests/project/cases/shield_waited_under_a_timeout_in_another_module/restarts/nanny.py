"""A shield's future handed to another module's function that waits for it under a timeout:
the timeout cancels the shield, and the work it protects goes on with nothing to end it. The
near miss: a function that awaits what it is given with no timeout."""
import asyncio

from restarts.utils import wait_all, wait_for


class Nanny:
    async def kill(self) -> None:
        await asyncio.sleep(1)

    async def restart(self, timeout: float) -> str:
        async def _() -> None:
            await self.kill()

        try:
            await wait_for(asyncio.shield(_()), timeout)
        except asyncio.TimeoutError:
            return "timed out"
        return "OK"

    async def restart_untimed(self) -> None:
        async def _() -> None:
            await self.kill()

        await wait_all(asyncio.shield(_()))
