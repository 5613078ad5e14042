import json
from dataclasses import dataclass
from typing import Optional


@dataclass
class Hello:
    client_id: str
    token: str


def parse_hello(raw: bytes) -> Optional[Hello]:
    try:
        msg = json.loads(raw)
        return Hello(msg["client_id"], msg["token"])
    except (ValueError, KeyError):
        return None


def encode(kind: str, **fields) -> bytes:
    return json.dumps({"kind": kind, **fields}).encode() + b"\n"
