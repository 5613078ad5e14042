"""taskleak: find, classify and fix fire-and-forget asyncio tasks."""

__version__ = "0.1.0"
