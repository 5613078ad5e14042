import asyncio
from typing import Sequence

from .mirrors import Mirror, MirrorError


async def fetch_fastest(mirrors: Sequence[Mirror], path: str) -> bytes:
    """Return the body from whichever mirror answers first."""
    attempts = [asyncio.create_task(m.get(path)) for m in mirrors]
    done, _ = await asyncio.wait(attempts, return_when=asyncio.FIRST_COMPLETED)
    return done.pop().result()


async def fetch_index(mirrors: Sequence[Mirror]) -> bytes:
    """Fetch the package index from the first mirror that answers; stop the rest."""
    attempts = [asyncio.create_task(m.get("/simple/")) for m in mirrors]
    try:
        done, _ = await asyncio.wait(attempts, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()
    finally:
        for attempt in attempts:
            attempt.cancel()


async def fetch_checksum(mirrors: Sequence[Mirror], name: str) -> str:
    """First answer wins; the others are cancelled once it is in."""
    lookups = [asyncio.create_task(m.get(f"/sha256/{name}")) for m in mirrors]
    done, pending = await asyncio.wait(lookups, return_when=asyncio.FIRST_COMPLETED)
    for lookup in pending:
        lookup.cancel()
    try:
        return done.pop().result().decode().strip()
    except MirrorError:
        return ""
