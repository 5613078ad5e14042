from .server import RelayServer

__all__ = ["RelayServer"]
