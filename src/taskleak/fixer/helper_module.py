"""Writing the package keep-helper module the fixes import (`fixes.package_helper`): once, as a
new file next to the package's `__init__.py`, never over a file that exists; with `--diff`, a
diff that creates it."""

from __future__ import annotations

import os
from pathlib import Path

from taskleak.files.atomic import create_file
from taskleak.fixer.apply import FileFix, SourceFix, unified_diff
from taskleak.fixes.package_helper import module_text
from taskleak.fixes.policy import FixStyle

NEW_FILE = "/dev/null"  # a diff's old side of a file it creates, as git and patch read it


def _display(path: Path) -> str:
    """The path as the run shows files: relative to the working folder when under it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def write_helper_module(path: Path, style: FixStyle, *, write: bool) -> FileFix:
    """Write (or, without `write`, show the diff of) the keep-helper module at `path`."""
    data = module_text(style.target if style.target_declared else None,
                       style.line_length, style.quote).encode()
    display = _display(path)
    out = FileFix(path, display, source=SourceFix(original=b"", fixed=data))
    if not write:
        diff = unified_diff(display, b"", data, "utf-8")
        out.diff = diff.replace(f"--- {display}\n", f"--- {NEW_FILE}\n", 1)
        return out
    try:
        create_file(path, data)
    except FileExistsError:
        out.error = "created by another process meanwhile; not overwritten"
    except OSError as exc:
        out.error = f"cannot write: {exc.strerror or exc}"
    else:
        out.written = True
    return out
