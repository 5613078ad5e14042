"""taskleak: find, classify and fix fire-and-forget asyncio tasks."""

# The one place the version is written: pyproject.toml reads it from here (setuptools' `attr:`),
# and CHANGELOG.md names it.
__version__ = "0.2.0"
