"""Each ping cycle starts a background task through the server that made the socket, and drops
it: `self.server` is typed by the one class that constructs sockets, giving its `self`."""

from . import base_socket


class Socket(base_socket.BaseSocket):
    def schedule_ping(self):
        self.server.start_background_task(self._send_ping)

    async def _send_ping(self):
        pass
