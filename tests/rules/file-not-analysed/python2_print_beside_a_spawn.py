"""A module still in Python 2: Python's own message names the statement it stops at."""

import asyncio


def start(loop):
    print "starting"
    loop.create_task(serve())
