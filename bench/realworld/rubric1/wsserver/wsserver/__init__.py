from .server import PushServer

__all__ = ["PushServer"]
