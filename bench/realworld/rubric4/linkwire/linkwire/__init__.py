from .client import LinkClient

__all__ = ["LinkClient"]
