import asyncio

from .session import Session


class SessionPool:
    def __init__(self, host: str, port: int) -> None:
        self._host = host
        self._port = port
        self._sessions: list[Session] = []

    async def acquire(self) -> Session:
        reader, writer = await asyncio.open_connection(self._host, self._port)
        session = Session(reader, writer)
        session.start()
        self._sessions.append(session)
        return session

    def release(self, session: Session) -> None:
        self._sessions.remove(session)
        session.reader_task.cancel()
        session.keepalive_task.cancel()
        asyncio.create_task(session.close())

    async def close(self) -> None:
        for session in self._sessions:
            session.reader_task.cancel()
            await session.close()
        self._sessions.clear()
