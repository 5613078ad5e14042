"""A job server whose connections live in a task group."""
import asyncio


class JobQueue:
    """An in-memory job list; create_task only records a job description."""

    def __init__(self) -> None:
        self.jobs: list[dict[str, str]] = []

    def create_task(self, spec: dict[str, str]) -> None:
        self.jobs.append(spec)


class JobServer:
    def __init__(self) -> None:
        self._queue = JobQueue()
        self._group: asyncio.TaskGroup | None = None

    async def serve(self, port: int) -> None:
        async with asyncio.TaskGroup() as group:
            self._group = group
            server = await asyncio.start_server(self._on_connect, port=port)
            group.create_task(self._housekeeping())
            async with server:
                await server.serve_forever()

    def _on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        assert self._group is not None
        self._group.create_task(self._handle(reader, writer))

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        line = await reader.readline()
        self._queue.create_task({"raw": line.decode()})
        writer.close()

    async def _housekeeping(self) -> None:
        await asyncio.sleep(60)
