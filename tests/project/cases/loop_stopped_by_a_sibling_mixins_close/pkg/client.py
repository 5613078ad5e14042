from .ends import PingerEnds, ReaderEnds
from .spawns import PingerSpawns, ReaderSpawns


class Reader(ReaderEnds, ReaderSpawns):
    def __init__(self) -> None:
        self._running = False
        self._reader = None
        self._pinger = None


class Pinger(PingerEnds, PingerSpawns):
    def __init__(self) -> None:
        self._pinging = False
        self._pinger = None


class AbruptPinger(Pinger):
    async def close(self) -> None:
        print("closing without stopping the pinger")
