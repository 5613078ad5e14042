"""Where the package's users import its coroutines from: it only re-exports them (and names no
spawn, nor does `loops.py`: the spawn pass reads neither)."""

from .loops import once, watch

__all__ = ["once", "watch"]
