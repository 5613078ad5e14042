from .client import RpcClient

__all__ = ["RpcClient"]
