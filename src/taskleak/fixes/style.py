"""The project's line length, and generated lines wrapped to it the way ruff's formatter would.

The line length is the one ruff would use for the file: the nearest `.ruff.toml`, `ruff.toml` or
`pyproject.toml` with a `[tool.ruff]` table above it (`line-length`, else ruff's default 88); a
`pyproject.toml` with only `[tool.black]` gives black's (`line-length`, else 88). Without any, 88.

Only lines taskleak writes are wrapped, like ruff's formatter (and black) split a line: a `def`
at its parameters (with a magic trailing comma), an assignment whose value has no brackets to
split in parentheses, anything else at its last bracket pair with something inside, again on
the inner line while it is still too long.
"""

from __future__ import annotations

import io
import sys
import tokenize
from pathlib import Path
from typing import Any

DEFAULT_LINE_LENGTH = 88  # ruff's and black's default
OPEN, CLOSE = "([{", ")]}"
HEADERS = frozenset({"if", "elif", "while", "with"})


def _toml(path: Path) -> dict[str, Any] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return data


def _length(table: object) -> int:
    value = table.get("line-length") if isinstance(table, dict) else None
    return value if isinstance(value, int) and 0 < value < 1000 else DEFAULT_LINE_LENGTH


def _configured(folder: Path) -> int | None:
    """The line length a config file in `folder` sets, or None when none is there."""
    for name in (".ruff.toml", "ruff.toml"):
        if (folder / name).is_file():
            return _length(_toml(folder / name) or {})
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        tool = (_toml(pyproject) or {}).get("tool")
        if isinstance(tool, dict):
            for name in ("ruff", "black"):
                if name in tool:
                    return _length(tool[name])
    return None


def line_length_for(folder: Path) -> int:
    """The line length for files in `folder` (see the module docstring)."""
    for here in (folder, *folder.parents):
        found = _configured(here)
        if found is not None:
            return found
    return DEFAULT_LINE_LENGTH


# -- wrapping ------------------------------------------------------------------------------------
def _pairs(text: str) -> list[tuple[int, int, str]]:
    """Top-level bracket pairs of one line of code: (offset of the opening bracket, offset of
    the closing one, the opening character); [] when the line does not tokenize."""
    pairs: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return []
    for tok in tokens:
        if tok.type != tokenize.OP or tok.start[0] != 1:
            continue
        if tok.string in OPEN:
            stack.append((tok.start[1], tok.string))
        elif tok.string in CLOSE and stack:
            start, char = stack.pop()
            if not stack:
                pairs.append((start, tok.start[1], char))
    return pairs


def _top_level(text: str, wanted: str) -> int | None:
    """The offset of the first `wanted` character outside brackets (for `=`: not part of
    `==`, `<=` ...), or None."""
    depth = 0
    for i, char in enumerate(text):
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth -= 1
        elif char == wanted and depth == 0 and (wanted != "=" or (
                text[i - 1:i] not in ("=", "<", ">", "!", ":") and text[i + 1:i + 2] != "=")):
            return i
    return None


def split_once(text: str) -> tuple[str, str, str] | None:
    """(head ending with an opening bracket, the inner code, tail starting with the closing
    bracket), or None when the line cannot be split."""
    pairs = [(o, c, char) for o, c, char in _pairs(text) if text[o + 1:c].strip()]
    if text.startswith(("def ", "async def ")):
        first = next(((o, c) for o, c, char in pairs if char == "("), None)
        if first is None:
            return None
        inner = text[first[0] + 1:first[1]].strip()
        if _top_level(inner, ",") is None:
            inner += ","  # one parameter: ruff's magic trailing comma
        return text[:first[0] + 1], inner, text[first[1]:]
    if pairs:
        o, c, _ = pairs[-1]
        return text[:o + 1], text[o + 1:c].strip(), text[c:]
    equals = _top_level(text, "=")
    if equals is not None and text[equals + 1:].strip():
        return text[:equals + 1] + " (", text[equals + 1:].strip(), ")"
    keyword, _, rest = text.partition(" ")
    if keyword in HEADERS and text.endswith(":") and rest[:-1].strip():
        return f"{keyword} (", rest[:-1].strip(), "):"  # `if (\n    a is not None\n):`
    return None


def wrap(text: str, depth: int, *, indent: str, limit: int) -> list[str]:
    """`text` (one line of code without its indentation) as lines that fit in `limit` columns
    at `depth` indents, each with its indentation; unchanged when it fits or cannot be split."""
    unit = len(indent.expandtabs(4))
    if depth * unit + len(text) <= limit:
        return [indent * depth + text]
    parts = split_once(text)
    if parts is None:
        return [indent * depth + text]
    head, inner, tail = parts
    inside = (depth + 1) * unit
    if inside + len(inner) > limit and _top_level(inner, ",") is not None:
        body = [indent * (depth + 1) + item + "," for item in _items(inner)]  # one per line
    else:
        body = wrap(inner, depth + 1, indent=indent, limit=limit)
    return [indent * depth + head, *body, indent * depth + tail]


def _items(text: str) -> list[str]:
    """The comma-separated items of a bracket's inner code."""
    items = []
    while (comma := _top_level(text, ",")) is not None:
        items.append(text[:comma].strip())
        text = text[comma + 1:]
    return [*items, text.strip()] if text.strip() else items
