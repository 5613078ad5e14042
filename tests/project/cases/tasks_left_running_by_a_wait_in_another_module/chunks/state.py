"""Chunks guilds in the background, waiting for each bucket with a timeout."""

import asyncio

from chunks import utils


async def chunk(guild):
    await asyncio.sleep(guild)


async def chunk_all(guilds):
    bucket = []
    for guild in guilds:
        bucket.append(asyncio.ensure_future(chunk(guild)))
    try:
        await utils.wait_all_for(bucket, timeout=60.0)
    except asyncio.TimeoutError:
        pass


async def chunk_all_cancelling(guilds):
    bucket = []
    for guild in guilds:
        bucket.append(asyncio.ensure_future(chunk(guild)))
    await utils.wait_or_cancel(bucket, timeout=60.0)


async def chunk_all_then_cancel(guilds):
    bucket = []
    for guild in guilds:
        bucket.append(asyncio.ensure_future(chunk(guild)))
    try:
        await utils.wait_all_for(bucket, timeout=60.0)
    finally:
        for task in bucket:
            task.cancel()
