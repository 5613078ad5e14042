"""Text that may hold a file name's undecodable bytes, made safe to show and to store.

A file name that is not valid UTF-8 reaches Python as a str with lone surrogates
(`os.fsdecode`: the byte 0xE9 becomes U+DCE9). Such a str cannot be encoded as UTF-8, so every
report and the baseline go through this module, the one place that decides how it is written:

- shown and stored as text (every human format, the strings of JSON, SARIF, GitLab and the
  baseline): each undecodable byte as `\\xNN`, what decoding the name's bytes with
  `backslashreplace` gives (`caf\\xe9.py`). The result is valid UTF-8, the same in every
  format, and the same on every run, so a baseline written with such a path matches it again.
  Any other surrogate (none comes from a POSIX file name) is `\\udNNN`.
- on a stream that cannot encode a character (`PYTHONIOENCODING=ascii`), the `ESCAPE` error
  handler writes it the same way: `\\xe9` for é, `\\u25cf` for ●, `\\xNN` for a raw byte.
- as a URI (SARIF `artifactLocation.uri`): the name's original bytes, percent-encoded
  (`caf%E9.py`), which is lossless and a valid URI.

A file literally named with a backslash and `xe9` is shown the same as the byte 0xE9: text
cannot tell them apart without escaping every backslash, which would change every Windows-like
name for the sake of a case no one meets.
"""

from __future__ import annotations

import codecs
import json
from urllib.parse import quote

ESCAPE = "taskleak-escape"  # a codec error handler, registered below


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(_escaped(c) for c in bad), error.end


codecs.register_error(ESCAPE, _escape)


def encoded(text: str) -> bytes:
    """`text` as UTF-8, undecodable bytes of file names escaped (`\\xe9`)."""
    return text.encode("utf-8", ESCAPE)


def printable(text: str) -> str:
    """`text` with nothing UTF-8 cannot encode: undecodable bytes of file names as `\\xe9`."""
    if text.isascii():
        return text
    return encoded(text).decode("utf-8")


def _printable_document(value: object) -> object:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(k)): _printable_document(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_printable_document(v) for v in value]
    return value


def json_text(document: object, *, indent: int | None = None) -> str:
    """`document` as JSON text that is valid UTF-8 whatever file names it holds (strings are
    `printable`); non-ASCII characters are kept as they are."""
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(_printable_document(document), indent=indent, ensure_ascii=False)
    return text


def uri_path(path: str) -> str:
    """A '/'-separated relative path as a URI reference: its bytes percent-encoded."""
    try:
        raw = path.encode("utf-8", "surrogateescape")  # the file name's original bytes
    except UnicodeEncodeError:  # a surrogate no file name decoding made
        raw = encoded(path)
    return quote(raw)
