from .pager import PagerService

__all__ = ["PagerService"]
