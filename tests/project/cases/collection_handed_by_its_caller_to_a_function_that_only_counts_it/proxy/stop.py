"""The near miss: the stop hook only counts the tasks of the list it is given; nothing ends them
(TL202 at the spawn)."""

from __future__ import annotations

import logging
from typing import Any


async def stop_all(running: list[Any]) -> None:
    logging.info("stopping with %d tasks", len(running))
