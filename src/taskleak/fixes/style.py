"""Generated lines wrapped to the project's line length (`project_style`) the way ruff's
formatter would, their strings in the project's quotes (`requote`).

Only lines taskleak writes are wrapped, like ruff's formatter (and black) split a line: a `def`
at its parameters (with a magic trailing comma), an assignment whose value has no brackets to
split in parentheses, anything else at its last bracket pair with something inside, again on
the inner line while it is still too long.
"""

from __future__ import annotations

import io
import tokenize

OPEN, CLOSE = "([{", ")]}"
DOUBLE, SINGLE = '"', "'"
HEADERS = frozenset({"if", "elif", "while", "with"})


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


# -- quotes --------------------------------------------------------------------------------------
def requote(code: str, quote: str) -> str:
    """`code` with its plain one-line string literals in `quote`, as ruff's formatter writes
    them under `quote-style = "single"`: triple-quoted strings (docstrings), prefixed ones and
    those holding a quote or a backslash are left as they are (ruff keeps those too)."""
    if quote != SINGLE:
        return code
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return code
    lines = code.split("\n")
    for tok in reversed(tokens):
        text = tok.string
        if tok.type == tokenize.STRING and text.startswith(DOUBLE) \
                and not text.startswith(DOUBLE * 3) and tok.start[0] == tok.end[0] \
                and SINGLE not in text and "\\" not in text:
            row, (start, end) = tok.start[0] - 1, (tok.start[1], tok.end[1])
            line = lines[row]
            lines[row] = f"{line[:start]}{SINGLE}{text[1:-1]}{SINGLE}{line[end:]}"
    return "\n".join(lines)
