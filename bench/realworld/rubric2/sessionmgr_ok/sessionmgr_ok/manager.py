from .session import Session


class SessionManager:
    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}

    def open(self, name: str) -> Session:
        existing = self._sessions.get(name)
        if existing is not None:
            return existing
        return self._start(name)

    def _start(self, name: str) -> Session:
        session = Session(name)
        session.start()
        self._sessions[name] = session
        return session

    async def reset(self, name: str) -> Session:
        """Called when the upstream reports the session as stale."""
        stale = self._sessions.pop(name, None)
        if stale is not None:
            await stale.close()
        return self._start(name)

    async def close(self) -> None:
        for session in self._sessions.values():
            await session.close()
        self._sessions.clear()
