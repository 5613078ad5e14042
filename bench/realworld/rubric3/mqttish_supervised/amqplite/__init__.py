from .connection import Connection

__all__ = ["Connection"]
