"""Gitignore-style matching for discovery: the excludes, and the chain of .gitignore files above
each folder.

Speed: most paths match no exclude and no .gitignore pattern; `Spec` answers that with one
regular expression instead of pathspec's loop over its patterns (the slow path decides the
rest). pathspec is imported only when a pattern must be compiled (a warm walk served by the
folder-listing cache compiles none).
"""

from __future__ import annotations

import os
import re
import stat
from typing import TYPE_CHECKING

from taskleak.files.listing_cache import StatKey
from taskleak.files.regular import read_regular_text

if TYPE_CHECKING:
    import pathspec

# The folders whose .gitignore applies to a folder, deepest first (read when a pattern is needed)
Chain = tuple[str, ...]


class Spec:
    """A gitignore-style spec with a quick "no pattern matches" test.

    `_any` is the union of the patterns' own regular expressions (pathspec's, its named groups
    made plain): when it does not match, no pattern does, and pathspec would say "no decision".
    When it matches, pathspec decides (negations, directory priority). If the union cannot be
    built (bytes patterns, flags, a pathspec that changed its internals) every path takes the
    slow path.
    """

    def __init__(self, spec: pathspec.GitIgnoreSpec) -> None:
        self.spec = spec
        self._any = _union(spec)

    def check(self, rel: str) -> bool | None:
        """True: ignored, False: re-included by a `!` pattern, None: no pattern matches."""
        if self._any is not None and self._any.search(rel) is None:
            return None
        return self.spec.check_file(rel).include


def compile_spec(lines: list[str]) -> Spec:
    import pathspec  # here, not above: a walk served by the listing cache never needs it

    return Spec(pathspec.GitIgnoreSpec.from_lines(lines))


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _union(spec: pathspec.GitIgnoreSpec) -> re.Pattern[str] | None:
    parts: list[str] = []
    for pattern in spec.patterns:
        if getattr(pattern, "include", None) is None:
            continue  # a comment or a blank line
        regex = getattr(pattern, "regex", None)
        if not isinstance(regex, re.Pattern) or not isinstance(regex.pattern, str) \
                or regex.flags & ~re.UNICODE:
            return None
        parts.append(_NAMED_GROUP.sub("(?:", regex.pattern))
    if not parts:
        return re.compile(r"(?!)")  # matches nothing, like an empty spec
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts))
    except re.error:
        return None


class Ignores:
    """.gitignore files: each stat'ed at most once and read at most once per run."""

    def __init__(self) -> None:
        self._specs: dict[str, Spec | None] = {}
        self._stats: dict[str, StatKey | None] = {}

    def spec(self, folder: str) -> Spec | None:
        """`folder`'s .gitignore (the walk knows it is there); None when it cannot be read."""
        if folder not in self._specs:
            self.stat(folder)  # before the read: an edit after it changes what is recorded
            try:
                text = read_regular_text(os.path.join(folder, ".gitignore"), "replace")
                spec: Spec | None = compile_spec(text.splitlines())
            except OSError:
                spec = None
            self._specs[folder] = spec
        return self._specs[folder]

    def stat(self, folder: str) -> StatKey | None:
        """The stat of `folder`'s .gitignore, None when there is no such regular file."""
        if folder not in self._stats:
            try:
                st = os.stat(os.path.join(folder, ".gitignore"))
            except OSError:
                st = None
            self._stats[folder] = stat_key(st) if st is not None and stat.S_ISREG(st.st_mode) \
                else None
        return self._stats[folder]

    def specs(self, chain: Chain) -> list[tuple[str, Spec]]:
        return [(folder, spec) for folder in chain if (spec := self.spec(folder)) is not None]


def stat_key(st: os.stat_result) -> StatKey:
    """What must not change for a recorded listing or .gitignore to be trusted: a change of
    content or of the entries moves mtime and ctime (ctime cannot be set back), a replaced file
    or folder has another inode."""
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev)


class Skip:
    """Whether an entry of one folder is excluded or ignored by git, given its name ("/" after
    a folder's). Paths are matched relative to each exclude base (the project root, the checked
    folder) and to the folder of each .gitignore in the chain: the folder's part of those
    relative paths is worked out once here, not once per entry."""

    def __init__(self, folder: str, excludes: Spec, bases: tuple[str, ...],
                 chain: list[tuple[str, Spec]]) -> None:
        self.excludes = excludes
        self.exclude_prefixes = [p for b in bases if (p := prefix_in(folder, b)) is not None]
        # deepest .gitignore first: the nearest one that matches decides
        self.chain = [(p, spec) for base, spec in chain
                      if (p := prefix_in(folder, base)) is not None]

    def __call__(self, name: str) -> bool:
        for prefix in self.exclude_prefixes:
            if self.excludes.check(prefix + name):
                return True
        for prefix, spec in self.chain:
            include = spec.check(prefix + name)
            if include is not None:
                return include
        return False


def prefix_in(folder: str, base: str) -> str | None:
    """What goes before a name in `folder` to make it relative to `base` ('/'-separated, "" in
    `base` itself); None when `folder` is not in `base`."""
    if folder == base:
        return ""
    rel = relative_below(folder, base)
    return None if rel is None else rel + "/"


def relative_below(path: str, base: str) -> str | None:
    """`path` below `base`, '/'-separated (None when it is not below it)."""
    prefix = base if base.endswith(os.sep) else base + os.sep
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix):]
    return rel if os.sep == "/" else rel.replace(os.sep, "/")
