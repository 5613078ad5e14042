import json
from dataclasses import dataclass
from typing import Dict


@dataclass(frozen=True)
class WorkerSpec:
    name: str
    queue: str
    concurrency: int = 1
    poll_interval: float = 1.0


def load_config(path: str) -> Dict[str, WorkerSpec]:
    with open(path) as fh:
        raw = json.load(fh)
    return {item["name"]: WorkerSpec(**item) for item in raw["workers"]}
