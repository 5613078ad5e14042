"""The server runs background work for its sockets and hands each one back to the caller."""

import asyncio

from . import socket


class Server:
    def __init__(self):
        self.sockets = {}

    def start_background_task(self, target, *args):
        return asyncio.ensure_future(target(*args))

    def handle_connect(self, sid):
        self.sockets[sid] = socket.Socket(self, sid)
