from .client import StatsClient

__all__ = ["StatsClient"]
