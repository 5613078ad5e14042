from .base import PubSub
from .sharded import ShardedPubSub

__all__ = ["PubSub", "ShardedPubSub"]
