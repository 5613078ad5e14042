"""The library's standard-library imports, picked in one place (the shape of a `compat.py`):
the other modules import asyncio's and weakref's names from here."""

import asyncio
import weakref
from weakref import WeakSet

__all__ = ["WeakSet", "asyncio", "weakref"]
