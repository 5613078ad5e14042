from .server import TunnelServer

__all__ = ["TunnelServer"]
