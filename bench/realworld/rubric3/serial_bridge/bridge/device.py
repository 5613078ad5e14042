import asyncio


class Device:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def send_goodbye(self) -> None:
        if self.writer.is_closing():
            raise ConnectionError("device link already closed")
        self.writer.write(b"BYE\r\n")
        await self.writer.drain()

    async def set_baud(self, baud: int) -> None:
        self.writer.write(f"BAUD {baud}\r\n".encode())
        await self.writer.drain()
