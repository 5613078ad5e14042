"""Each ping cycle starts a background task through the server that made the socket, and drops
it; here two classes construct sockets (server.py and relay.py), so `self.server` is not typed."""

from . import base_socket


class Socket(base_socket.BaseSocket):
    def schedule_ping(self):
        self.server.start_background_task(self._send_ping)

    async def _send_ping(self):
        pass
