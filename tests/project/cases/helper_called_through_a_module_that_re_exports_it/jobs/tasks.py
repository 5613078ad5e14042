"""Where the package's users import the helper from: it only re-exports it."""

from .part import start

__all__ = ["start"]
