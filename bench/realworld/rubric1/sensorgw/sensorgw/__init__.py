from .gateway import Gateway

__all__ = ["Gateway"]
