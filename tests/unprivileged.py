"""Running taskleak's command line as a user who is not root, for the permission tests (issue 15):
root may read any folder and write any file, so those cases only show as another user.

Run as root, the command is prefixed with `setpriv` (or `runuser`) to become `nobody`; run as
another user, it runs as that user. Files for such a run go in a folder that user can reach
(`shared_folder`): pytest's own temporary folders are private to root.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

NOBODY = 65534
TIMEOUT = 120  # a bound against hanging, not a timing


def unprivileged() -> tuple[list[str], int] | str:
    """(command prefix, uid) to run a command as a user who is not root, or why there is
    none here (a reason to skip)."""
    if not hasattr(os, "geteuid"):
        return "no users and permissions here"
    if os.geteuid() != 0:
        return [], os.geteuid()
    if shutil.which("setpriv"):
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    elif shutil.which("runuser"):
        prefix = ["runuser", "-u", "nobody", "--"]
    else:
        return "running as root, and neither setpriv nor runuser is here to drop privileges"
    cannot = cannot_run(prefix)
    return cannot if cannot is not None else (prefix, NOBODY)


def cannot_run(prefix: Sequence[str]) -> str | None:
    """Why `prefix` cannot run this interpreter and import taskleak (a clone or a virtual
    environment under a folder only its owner may enter, as `mktemp -d` makes), or None."""
    try:
        proc = subprocess.run([*prefix, sys.executable, "-c", "import taskleak"], cwd="/",
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except OSError as e:
        proc_error = str(e)
    else:
        if proc.returncode == 0:
            return None
        proc_error = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
    return (f"the unprivileged user cannot run {sys.executable} with taskleak ({proc_error}): "
            "put the clone and its virtual environment where that user can read them "
            "(not under a 0700 folder), or run the suite as a user who is not root")


def taskleak_as(prefix: Sequence[str], args: Sequence[str], cwd: Path
                ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([*prefix, sys.executable, "-m", "taskleak", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A new folder anyone may enter (mode 0755), removed afterwards whatever modes were set
    inside it."""
    folder = Path(tempfile.mkdtemp(prefix="taskleak-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in folder.rglob("*"):
            if path.is_dir() and not path.is_symlink():
                path.chmod(stat.S_IRWXU)
        shutil.rmtree(folder, ignore_errors=True)
