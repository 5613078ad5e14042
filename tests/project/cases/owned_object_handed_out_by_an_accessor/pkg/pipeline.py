from pkg.lane import Lane


class Transport:
    """Makes its input lane and hands it out (`input()`): the pipeline it is put in closes
    it, so the transport's own close need not."""

    def __init__(self) -> None:
        self._input = Lane()

    def input(self) -> Lane:
        return self._input

    async def close(self) -> None:
        print("transport closed")


class Pipeline:
    def __init__(self, transport: Transport) -> None:
        self._lanes = [transport.input()]

    def start(self) -> None:
        for lane in self._lanes:
            lane.start()

    async def stop(self) -> None:
        for lane in self._lanes:
            await lane.close()
