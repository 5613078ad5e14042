from .lifecycle import on_shutdown, on_startup
from .shipper import ship

__all__ = ["on_shutdown", "on_startup", "ship"]
