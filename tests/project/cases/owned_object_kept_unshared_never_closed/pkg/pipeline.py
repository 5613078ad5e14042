from pkg.lane import Lane


class Pipeline:
    """Near miss: the source lane is kept only in `self._source`, and stop() closes the other
    lanes but never the source, so its loop runs on after the pipeline stops."""

    def __init__(self, lanes: list[Lane]) -> None:
        self._source = Lane()
        self._lanes = list(lanes)

    def start(self) -> None:
        self._source.start()
        for lane in self._lanes:
            lane.start()

    async def stop(self) -> None:
        for lane in self._lanes:
            await lane.close()
