"""Where the package finds its task group: asyncio's, or the backport before Python 3.11."""

import sys

if sys.version_info >= (3, 11):
    from asyncio import TaskGroup
else:  # pragma: no cover
    from taskgroup import TaskGroup

__all__ = ["TaskGroup"]
