from .scheduler import JobSpec, Scheduler
from .config import ConfigWatcher

__all__ = ["ConfigWatcher", "JobSpec", "Scheduler"]
