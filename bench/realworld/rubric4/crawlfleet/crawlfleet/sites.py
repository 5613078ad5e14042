import json
from dataclasses import dataclass
from typing import Dict


@dataclass(frozen=True)
class Site:
    host: str
    start_path: str = "/"
    delay: float = 2.0


def read_sites(path: str) -> Dict[str, Site]:
    with open(path) as fh:
        data = json.load(fh)
    return {host: Site(host, **opts) for host, opts in data.get("sites", {}).items()}
