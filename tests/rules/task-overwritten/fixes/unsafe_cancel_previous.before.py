import asyncio

conversations: dict[str, asyncio.Task[None]] = {}


class Connection:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()


async def run_turn(uid: str) -> None:
    await asyncio.sleep(0)


async def handle_message(uid: str) -> None:
    conversations[uid] = asyncio.create_task(run_turn(uid))


async def disconnect(uid: str) -> None:
    task = conversations.pop(uid, None)
    if task is not None:
        task.cancel()


async def reconnect_forever(connection: Connection) -> None:
    while True:
        await connection.connect()


async def serve(messages: asyncio.Queue[str]) -> None:
    while True:  # per message: the same uid comes again
        uid = await messages.get()
        await handle_message(uid)
