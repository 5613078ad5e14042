"""Reading a JSON file a user points taskleak at (a baseline, a runtime report), with a clear
message naming the file when it is missing, unreadable, not UTF-8 or not JSON (with the line
and column of a JSON error). What the document must hold is the caller's to check.

Plain stdlib (the runtime pytest plugin uses it).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from taskleak.files.regular import read_regular_text

StrPath = str | os.PathLike[str]


class JSONFileError(Exception):
    """A JSON file that cannot be read or is not JSON; the message names the file."""


@dataclass(frozen=True)
class Wording:
    """How a caller words each failure, as `str.format` templates. Fields: `{path}` and `{what}`
    in each; `{error}` (the OSError or UnicodeDecodeError) in `unreadable`; `{line}`,
    `{column}` and `{msg}` (json's reason) in `invalid`."""

    missing: str = "{path}: no such {what}"
    unreadable: str = "{path}: cannot read: {error}"
    invalid: str = "{path}: not valid JSON (line {line}, column {column}: {msg})"


DEFAULT_WORDING = Wording()


def read_json(path: StrPath, *, what: str = "JSON file",
              error: type[Exception] = JSONFileError,
              wording: Wording = DEFAULT_WORDING) -> object:
    """The JSON document in `path` (UTF-8). Raises `error` with a message from `wording` when
    the file does not exist, cannot be read or decoded, or is not JSON."""
    where = os.fspath(path)
    try:
        text = read_regular_text(path)  # never a FIFO or a device: they would block
    except FileNotFoundError:
        raise error(wording.missing.format(path=where, what=what)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(wording.unreadable.format(path=where, what=what, error=exc)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(wording.invalid.format(path=where, what=what, line=exc.lineno,
                                           column=exc.colno, msg=exc.msg)) from None
