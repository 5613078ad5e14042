from .pool import NotifyPool

__all__ = ["NotifyPool"]
