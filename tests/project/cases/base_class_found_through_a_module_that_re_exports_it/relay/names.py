"""Where the package's users import its bases from: it only re-exports them."""

from .base import Link, Quiet

__all__ = ["Link", "Quiet"]
