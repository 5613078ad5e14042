from .server import TopicServer

__all__ = ["TopicServer"]
