"""Guard of the speed trick in `taskleak.cli.run`: the objects the imports made are frozen out
of the garbage collector's scans before the command runs (and collection stays on)."""

from __future__ import annotations

import gc
import subprocess
import sys


def test_the_command_runs_with_the_imports_frozen_and_collection_on() -> None:
    code = (
        "import gc, sys\n"
        "import taskleak.cli as cli\n"
        "seen = []\n"
        "cli.main.main = lambda **kw: seen.append((gc.get_freeze_count(), gc.isenabled())) or 0\n"
        "try:\n"
        "    cli.run()\n"
        "except SystemExit:\n"
        "    pass\n"
        "frozen, enabled = seen[0]\n"
        "print(frozen > 1000, enabled)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["True", "True"]
    assert gc.isenabled()  # nothing leaks into this process
