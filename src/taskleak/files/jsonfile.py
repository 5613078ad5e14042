"""Reading a JSON file a user points taskleak at (a baseline, a runtime report), with a clear
message naming the file when it is missing, unreadable, not UTF-8 or not JSON (with the line
and column of a JSON error). `read_versioned` also checks what every versioned document of
taskleak's holds: an object of the right kind, of a version this taskleak reads. The rest of
the document is the caller's to check.

Plain stdlib (the runtime pytest plugin uses it).
"""

from __future__ import annotations

import json
import os
from typing import Any

from taskleak.files.regular import read_regular_text
from taskleak.records import record

StrPath = str | os.PathLike[str]


class JSONFileError(Exception):
    """A JSON file that cannot be read or is not JSON; the message names the file."""


@record(frozen=True)
class Wording:
    """How a caller words each failure, as `str.format` templates. Fields: `{path}` and `{what}`
    in each; `{error}` (the OSError or UnicodeDecodeError) in `unreadable`; `{line}`,
    `{column}` and `{msg}` (json's reason) in `invalid`; `{version}` (what the file says, as
    `repr`) and `{versions}` (what this taskleak reads) in `unsupported`."""

    missing: str = "{path}: no such {what}"
    unreadable: str = "{path}: cannot read: {error}"
    invalid: str = "{path}: not valid JSON (line {line}, column {column}: {msg})"
    wrong_kind: str = "{path}: not a {what}"
    unsupported: str = "{path}: {what} version {version} is not supported (expected {versions})"


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


def read_versioned(path: StrPath, *, what: str, versions: tuple[int, ...],
                   kind: tuple[str, str] | None = None,
                   error: type[Exception] = JSONFileError,
                   wording: Wording = DEFAULT_WORDING) -> dict[str, Any]:
    """The JSON object in `path`, checked to be a `what`: `kind` is the key and value that name
    the kind of document (None: any object is), and its `"version"` is one of `versions`.
    Raises `error` as `read_json` does, and with `wording.wrong_kind` or `wording.unsupported`."""
    where = os.fspath(path)
    document = read_json(path, what=what, error=error, wording=wording)
    if not isinstance(document, dict) or (kind is not None and document.get(kind[0]) != kind[1]):
        raise error(wording.wrong_kind.format(path=where, what=what))
    version = document.get("version")
    if version not in versions:  # a tuple: `in` compares, an unhashable value is no error
        shown = ", ".join(map(str, sorted(versions)))
        raise error(wording.unsupported.format(path=where, what=what, version=repr(version),
                                               versions=shown))
    return document
