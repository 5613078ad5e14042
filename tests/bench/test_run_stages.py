"""bench/run.py's one-process stage table runs against the analysis as it is: the script times
the analysis's parts by the names `taskleak.analysis.analyse` calls them by, so a renamed step
broke it at the end of a benchmark run (stop 66: `scan` became `walked`)."""

from __future__ import annotations

from helpers import FIXTURES, REPO, load_script

RUN = REPO / "bench" / "run.py"


def test_the_stage_table_times_every_part_on_a_real_program() -> None:
    got = load_script(RUN, "bench_run").stages(FIXTURES / "voice_chat_server")
    assert got["candidates"] >= 1 and got["parse"] > 0 and got["analysis"] > 0
    assert set(got["parts"]) == {"scan", "spawns", "positions", "exports", "classify",
                                 "fix advice"}
    assert all(seconds > 0 for seconds in got["parts"].values())
