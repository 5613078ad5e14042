from dataclasses import dataclass, field


@dataclass
class WorkerSpec:
    name: str
    queue: str
    concurrency: int = 1


@dataclass
class PoolConfig:
    workers: list[WorkerSpec] = field(default_factory=list)
