from .mixins import HeartbeatMixin
from .transport import BaseTransport


class GatewayClient(HeartbeatMixin, BaseTransport):
    """Connected once at start-up; close() releases the socket."""

    async def connect(self) -> None:
        await self.open()
        self.start_heartbeat()

    async def send_heartbeat(self) -> None:
        if self.writer is not None and not self.writer.is_closing():
            self.writer.write(b"HB\n")
