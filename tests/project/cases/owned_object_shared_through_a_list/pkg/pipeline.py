from pkg.lane import Lane


class Pipeline:
    """Keeps its source lane in `self._source` and, with the others, in `self._chain`: its
    stop() closes every lane of the chain, the source among them."""

    def __init__(self, lanes: list[Lane]) -> None:
        self._source = Lane()
        chain = [self._source, *lanes]
        self._chain = chain

    def start(self) -> None:
        for lane in self._chain:
            lane.start()

    async def stop(self) -> None:
        for lane in self._chain:
            await lane.close()
