from .jobs import Maintenance, install_default_jobs
from .sched import Cron

__all__ = ["Cron", "Maintenance", "install_default_jobs"]
