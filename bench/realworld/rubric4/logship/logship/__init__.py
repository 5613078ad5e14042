from .shipper import LogShipper

__all__ = ["LogShipper"]
