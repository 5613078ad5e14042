from .client import FeedClient

__all__ = ["FeedClient"]
