from .link import Link

__all__ = ["Link"]
