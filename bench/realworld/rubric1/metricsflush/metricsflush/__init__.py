from .app import MetricsApp

__all__ = ["MetricsApp"]
