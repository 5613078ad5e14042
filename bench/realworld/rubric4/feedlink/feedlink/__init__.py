from .session import FeedSession

__all__ = ["FeedSession"]
