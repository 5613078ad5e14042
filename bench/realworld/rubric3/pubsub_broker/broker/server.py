import asyncio
import itertools

from .topics import TopicTable


class BrokerServer:
    def __init__(self) -> None:
        self._topics = TopicTable()
        self._conn_ids = itertools.count()
        self._conns: dict[int, asyncio.Task] = {}

    def accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn_id = next(self._conn_ids)
        self._conns[conn_id] = asyncio.create_task(self._serve(conn_id, reader, writer))

    async def _serve(self, conn_id: int, reader: asyncio.StreamReader,
                     writer: asyncio.StreamWriter) -> None:
        try:
            async for line in reader:
                verb, topic, *rest = line.decode().split(" ", 2)
                if verb == "SUB":
                    self._topics.subscribe(topic.strip(), writer)
                elif verb == "PUB":
                    self._topics.publish(topic, rest[0].encode() if rest else b"")
        finally:
            self._conns.pop(conn_id, None)
            writer.close()

    async def close(self) -> None:
        tasks = list(self._conns.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
