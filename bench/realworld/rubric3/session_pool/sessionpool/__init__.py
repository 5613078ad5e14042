from .pool import SessionPool

__all__ = ["SessionPool"]
