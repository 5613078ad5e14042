from .session import ClientSession

__all__ = ["ClientSession"]
