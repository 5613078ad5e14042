"""A connection pool that warms new connections in the background."""
import asyncio
import weakref


class Connection:
    async def ping(self) -> None:
        await asyncio.sleep(0)


class ConnectionPool:
    def __init__(self) -> None:
        self._idle: list[Connection] = []
        self._warming: weakref.WeakSet[asyncio.Task] = weakref.WeakSet()

    def release(self, conn: Connection) -> None:
        self._idle.append(conn)
        task = asyncio.create_task(self._warm(conn))
        self._warming.add(task)

    async def _warm(self, conn: Connection) -> None:
        await conn.ping()


class StrongConnectionPool:
    def __init__(self) -> None:
        self._idle: list[Connection] = []
        self._warming: set[asyncio.Task] = set()

    def release(self, conn: Connection) -> None:
        self._idle.append(conn)
        task = asyncio.create_task(self._warm(conn))
        self._warming.add(task)
        task.add_done_callback(self._warming.discard)

    async def _warm(self, conn: Connection) -> None:
        await conn.ping()
