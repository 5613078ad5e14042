from .shard import Shard

__all__ = ["Shard"]
