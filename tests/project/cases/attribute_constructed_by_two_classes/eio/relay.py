"""The near miss: a second class also constructs sockets giving its `self`, so what
`self.server` holds is one of two classes, and the dropped call is not followed (no guess)."""

import asyncio

from . import socket


class Relay:
    def start_background_task(self, target, *args):
        return asyncio.create_task(target(*args))

    def adopt(self, sid):
        return socket.Socket(self, sid)
