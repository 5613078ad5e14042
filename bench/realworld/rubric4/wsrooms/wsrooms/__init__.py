from .server import RoomServer

__all__ = ["RoomServer"]
