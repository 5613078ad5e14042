"""Write a generated module of many small functions and classes with one spawn (issue 71).

    python bench/big_module.py OUT.py [--lines 50000] [--spawn-at 0.5]

Every 12 lines: a function, a class with a method, a module-level constant; one `async def`
with an `asyncio.create_task` whose task is dropped (one TL101 row) sits at `--spawn-at` of the
file, calling a helper defined near its start. The 50,000-line module is ~0.7 MB (the issue's
711 KB); `--lines 360000` gives ~5 MiB.

Measured (cold, `--no-cache`, `/usr/bin/time -v`): see bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

_UNIT = '''\
def compute_{i}(value: int) -> int:
    total = value * {i} + 7
    return total // 3


class Record{i}:
    def area(self, width: int) -> int:
        return width * {i}


LIMIT_{i} = {i} * 2

'''

_SPAWN = '''\
async def handle_request(payload: bytes) -> None:
    asyncio.create_task(process_payload(payload))


'''

_HELPER = '''\
async def process_payload(payload: bytes) -> None:
    await asyncio.sleep(len(payload))


'''


def generate(lines: int, spawn_at: float = 0.5) -> str:
    units = max(lines // _UNIT.count("\n"), 2)
    parts = ['"""Generated: many small definitions, one spawn."""\n\nimport asyncio\n\n\n',
             _HELPER]
    for i in range(units):
        if i == int(units * spawn_at):
            parts.append(_SPAWN)
        parts.append(_UNIT.format(i=i))
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lines", type=int, default=50_000)
    parser.add_argument("--spawn-at", type=float, default=0.5)
    args = parser.parse_args()
    args.out.write_text(generate(args.lines, args.spawn_at))


if __name__ == "__main__":
    main()
