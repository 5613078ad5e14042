from .locks import LockManager

__all__ = ["LockManager"]
