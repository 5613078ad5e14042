"""One lookup per connection, memoised: the task running it is kept in the entry."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass
class Entry:
    inflight: asyncio.Task[None] | None = None
