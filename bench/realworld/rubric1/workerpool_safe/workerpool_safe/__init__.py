from .app import QueueApp
from .scheduler import Scheduler

__all__ = ["QueueApp", "Scheduler"]
