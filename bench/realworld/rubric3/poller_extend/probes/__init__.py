from .monitor import Monitor

__all__ = ["Monitor"]
