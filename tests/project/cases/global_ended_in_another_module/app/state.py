"""The application's background work, kept in module-level collections other modules use."""

import asyncio

background: set[asyncio.Task[None]] = set()
replies: dict[str, asyncio.Task[None]] = {}
metrics: set[asyncio.Task[None]] = set()
