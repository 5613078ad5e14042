from .client import HeartbeatClient, PingingClient

__all__ = ["HeartbeatClient", "PingingClient"]
