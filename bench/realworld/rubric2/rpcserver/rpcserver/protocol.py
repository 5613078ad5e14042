import json
from dataclasses import dataclass


@dataclass
class Request:
    id: int
    kind: str
    method: str

    @classmethod
    def parse(cls, line: bytes) -> "Request":
        data = json.loads(line)
        return cls(data["id"], data["kind"], data["method"])
