"""The words by which the run's other files may read a big file's definitions (blocks.py).

Part of the block parse's speed trick (analysis/tree/blocks.py). The project join matches
another module's facts with a big file's by name: what an import names, an attribute's name
(an end of `._task` on any object), a callee's or a class's last name, a module-level name. So
among other files holding spawns, the big file keeps, besides its spawns' blocks, every block
naming a word another file of the run may read it by, linked as its own kept blocks are. Those
words are every word of the other file but the ones only a function body names as a plain name
(its locals, parameters and builtins, which no other module's facts can name): a body's
attributes, the names after `def`, `class`, `as`, its imports, `global` and `nonlocal`
statements, and the strings that read as names (`getattr(self, "_task")`) still count. A file
with a star import counts whole (any plain name may be another module's).

Conservative where the scan is unsure: an unclosed string counts the whole file, and a body ends
at the first line not indented deeper than its `def` (a string's line at column 0 ends it early,
counting more). Measured: bench/big_module.py in a package with two small spawning modules.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence

from taskleak.analysis.tree.blocks import STOP, Words, inside_lines, words
from taskleak.files.source import SourceError, read_source

_DEF = re.compile(rb"[ \t]*(?:async[ \t]+)?def\b")
_STAR = re.compile(rb"\bimport[ \t(]*\*")
# in a body: names a statement binds for others to read, and the statements that name them
_NAMED = re.compile(rb"\b(?:def|class|as)[ \t]+([A-Za-z_\x80-\xff][\w\x80-\xff]*)")
_STATEMENT = re.compile(rb"\b(?:import|global|nonlocal)\b")
# a string that reads as a (dotted) name: `getattr(self, "_task")`, `x: "pkg.Session"`
_NAME_STRING = re.compile(rb"""(['"])([A-Za-z_\x80-\xff][\w\x80-\xff.]*)\1""")


def read_words(data: bytes) -> Words:
    """The words by which this file may read another module's definitions: (words that link,
    stop words used only as names), as `blocks.words` gives a kept block's."""
    lines = data.splitlines(keepends=True)
    inside = inside_lines(data, lines) if _STAR.search(data) is None else None
    if inside is None:
        return words(data, STOP)
    body = _body_lines(lines, inside)
    outside = b"".join(line for n, line in enumerate(lines) if not body[n])
    linking, stopped = words(outside, STOP)
    inner = b"".join(line for n, line in enumerate(lines) if body[n])
    linking.update(w for dot, w in _WORD_AFTER_DOT.findall(inner) if dot)
    linking.update(_NAMED.findall(inner))
    for _, name in _NAME_STRING.findall(inner):
        linking.update(w for w in name.split(b".") if w)
    if _STATEMENT.search(inner) is None:
        return linking, stopped - linking
    kept: list[bytes] = []
    for n, line in enumerate(lines):
        if body[n] and _STATEMENT.search(line):  # with its lines in brackets or after a `\`
            kept.append(line)
            m = n + 1
            while m < len(lines) and inside[m]:
                kept.append(lines[m])
                m += 1
    more, more_stopped = words(b"".join(kept), STOP)
    linking |= more
    return linking, (stopped | more_stopped) - linking


_WORD_AFTER_DOT = re.compile(rb"(\.[ \t]*)([A-Za-z_\x80-\xff][\w\x80-\xff]*)")


def _body_lines(lines: list[bytes], inside: bytearray) -> bytearray:
    """1 for each line of a function: its header (`def` and the lines inside its brackets)
    and its body (the lines after, indented deeper than its `def`)."""
    body = bytearray(len(lines))
    depth = -1  # the indent of the `def` whose body this is, or -1
    for n, line in enumerate(lines):
        if inside[n]:
            body[n] = depth >= 0
            continue
        text = line.lstrip(b" \t")
        if not text.strip() or text.startswith(b"#"):
            body[n] = depth >= 0
            continue
        indent = len(line) - len(text)
        if depth >= 0 and indent > depth:
            body[n] = 1
            continue
        depth = -1
        if _DEF.match(line):
            depth = indent
            body[n] = 1
    return body


# The other files are read for their words only while they are at most this many times the big
# file's bytes: read at ~5.6 MB/s (mid's 11.3 MB: 2.0 s), against libcst's ~0.2 MB/s for the
# whole parse the block parse may save.
OTHERS_READ = 2


def others_fit(paths: Sequence[str], i: int, size: int) -> bool:
    """The run's files but `paths[i]` are at most `OTHERS_READ` times `size` bytes."""
    total = 0
    for n, path in enumerate(paths):
        if n != i:
            with contextlib.suppress(OSError):  # (skipped in the run: no facts)
                total += os.stat(path).st_size
            if total > OTHERS_READ * size:
                return False
    return True


def read_by(paths: Sequence[str], i: int, size: int) -> Words | None:
    """The words the run's files but `paths[i]` (of `size` bytes) may read its definitions by;
    None when they have grown past `OTHERS_READ` times its size since `others_fit`."""
    linking: set[bytes] = set()
    stopped: set[bytes] = set()
    total = 0
    for n, path in enumerate(paths):
        if n == i:
            continue
        try:
            data = read_source(path)
        except SourceError:
            continue  # skipped in the run: no facts
        total += len(data)
        if total > OTHERS_READ * size:
            return None
        more, names = read_words(data)
        linking |= more
        stopped |= names
    return linking, stopped - linking
