from jobs.manager import Manager, Poller


class AmqpManager(Manager):
    async def cancel(self, job_id: str) -> None:
        await self._send(job_id)

    async def _send(self, job_id: str) -> None:
        print(job_id)


class AmqpPoller(Poller):
    async def close(self) -> None:
        await self._send("bye")

    async def _send(self, word: str) -> None:
        print(word)
