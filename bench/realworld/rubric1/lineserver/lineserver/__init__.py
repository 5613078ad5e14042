from .server import LineServer

__all__ = ["LineServer"]
