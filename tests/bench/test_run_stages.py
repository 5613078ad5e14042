"""bench/run.py's one-process stage table runs against the analysis as it is: the script times
the analysis's parts by the names `taskleak.analysis.analyse` calls them by, so a renamed step
broke it at the end of a benchmark run (stop 66: `scan` became `walked`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
RUN = REPO / "bench" / "run.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_stage_table_times_every_part_on_a_real_program() -> None:
    got = _load().stages(REPO / "fixtures" / "voice_chat_server")
    assert got["candidates"] >= 1 and got["parse"] > 0 and got["analysis"] > 0
    assert set(got["parts"]) == {"scan", "spawns", "positions", "exports", "classify",
                                 "fix advice"}
    assert all(seconds > 0 for seconds in got["parts"].values())
