"""The module-level sets the package's helpers keep their tasks in."""

import asyncio
from typing import Any

tracked: set[asyncio.Task[Any]] = set()
running: set[asyncio.Task[Any]] = set()
