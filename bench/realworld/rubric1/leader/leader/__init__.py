from .node import ClusterNode

__all__ = ["ClusterNode"]
