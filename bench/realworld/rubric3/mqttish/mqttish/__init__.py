from .client import BrokerClient

__all__ = ["BrokerClient"]
