from .client import CacheClient

__all__ = ["CacheClient"]
