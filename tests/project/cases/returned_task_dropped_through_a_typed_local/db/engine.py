"""Callers in another module, each through a local or a parameter. The type of the name says
which `release()` runs: a parameter's annotation (`Optional[...]` too) or the class the local
is built from. An untyped parameter, or a local a function returns (not a class: nothing says
what it gives), is not followed. (This module spawns a task of its own, so the first pass reads
it: a method helper's package is not searched for callers.)"""

import asyncio
from typing import Optional

from db.pool import Pool, make_pool


def close(pool: Pool, conn: object) -> None:
    pool.release(conn)


def close_optional(pool: Optional[Pool], conn: object) -> None:
    if pool is not None:
        pool.release(conn)


def close_built(conn: object) -> None:
    pool = Pool()
    pool.release(conn)


async def close_kept(pool: Pool, conn: object) -> None:
    await pool.release(conn)


def close_untyped(pool, conn: object) -> None:  # type: ignore[no-untyped-def]
    pool.release(conn)


def close_from_a_factory(conn: object) -> None:
    pool = make_pool()
    pool.release(conn)


async def ping() -> None:
    await asyncio.create_task(asyncio.sleep(0))
