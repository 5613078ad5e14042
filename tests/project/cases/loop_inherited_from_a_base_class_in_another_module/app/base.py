"""The bases of the classes in nodes.py, each holding a loop in an attribute it sets or declares:
an asyncio loop annotated, a tornado IOLoop made, one declared with traitlets' `Instance`."""

import asyncio

from tornado.ioloop import IOLoop
from traitlets import Instance
from traitlets.config import Application


class Node:
    def __init__(self) -> None:
        self.evloop: asyncio.AbstractEventLoop = asyncio.get_event_loop()
        self.io = IOLoop.current()


class ClusterApp(Application):
    loop = Instance(IOLoop)
