from .book import PriceBook

__all__ = ["PriceBook"]
