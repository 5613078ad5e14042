from .config import PoolConfig
from .pool import GuardedPool, WorkerPool


class ConfigReloader:
    """Applies every pushed configuration: each worker it names is (re)added."""

    def __init__(self, pool: WorkerPool, guarded: GuardedPool) -> None:
        self.pool = pool
        self.guarded = guarded

    def apply(self, cfg: PoolConfig) -> None:
        for spec in cfg.workers:
            self.pool.add_worker(spec)
            self.guarded.add_worker(spec)
