from .server import BrokerServer

__all__ = ["BrokerServer"]
