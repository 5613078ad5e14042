"""Folder listings kept between runs, like git's untracked cache: a warm run does not list a
folder, nor evaluate any exclude or .gitignore pattern, when nothing that decided it changed.

For each checked folder (a path given on the command line) a record maps every folder its walk
visited to `(stat, .gitignore stat, virtualenv, subfolders kept, files kept)`. discovery.py uses
an entry only when
- the folder's stat (mtime, ctime, size, inode, device) is the recorded one: adding, removing or
  renaming an entry changes the folder's mtime and ctime; a replaced folder, or a symlink given
  on the command line that now points elsewhere, has another inode;
- the stat of its own .gitignore, and of every .gitignore above it up to the git root, is the
  recorded one (editing a file does not change its folder's mtime: each .gitignore is stat'ed);
- it was recorded trusted: a folder or .gitignore modified within `RACY_SECONDS` (cachedir.py)
  of the run that listed it (a change in the same clock tick would not show), or a folder whose
  result depends on a symlink's target (`x.py` or `.gitignore` as a symlink: the target can
  change without the folder changing), is recorded UNTRUSTED, and listed again on every run.
Symlinked folders met during a walk are not walked into, so their mtime is never relied on.

The key holds the format, the Python version (marshal's), taskleak's code and the settings that
decide discovery (excludes, respect-gitignore, the project root); the checked folder keys its
record. The file is `<key>.dirs` in the cache folder (cachedir.py: its layout, atomic write and
pruning, shared with run/cache.py's results); records of checked folders unused for
`MAX_AGE_DAYS` are dropped. It is a blake2b digest then a marshal payload (loading it takes a
third of the time json needs): a file whose digest does not match (truncated, corrupt) is never
unmarshalled, and counts as empty, as does one that cannot be read or has another format or key.
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

from taskleak.files.cachedir import (
    MAX_AGE_DAYS,
    blake2b,
    cache_file,
    cache_key,
    racy_after_ns,
    today,
    write_cache_file,
)
from taskleak.files.regular import read_regular
from taskleak.records import record

FORMAT = 1
_DIGEST_SIZE = 16

StatKey = tuple[int, ...]  # ignore.stat_key: (mtime_ns, ctime_ns, size, inode, device)
UNTRUSTED: StatKey = ()  # recorded instead of a stat that must not be relied on: never matches
# (folder stat, its .gitignore's stat or None, is a virtualenv, subfolders kept, files kept)
FolderEntry = tuple[StatKey, "StatKey | None", bool, tuple[str, ...], tuple[str, ...]]
# the folders above a checked folder up to the git root, with their .gitignore's stat
Above = tuple[tuple[str, "StatKey | None"], ...]


@record
class Record:
    """What the walk from one checked folder found."""

    above: Above
    folders: dict[str, FolderEntry]


class ListingCache:
    """One run's view of the listing cache file for its discovery settings."""

    def __init__(self, directory: Path, discovery_key: str) -> None:
        self.directory = directory
        self.key = cache_key(f"format={FORMAT};marshal={marshal.version};"
                             f"python={sys.version_info[:2]};{discovery_key}")
        self.file = cache_file(directory, self.key, "dirs")
        # recorded stats at or after this are untrusted (see the module docstring)
        self.racy_after_ns = racy_after_ns()
        self._today = today()
        self._records: dict[str, Any] = {}  # checked folder -> (day, above, folders), as read
        self._walked: dict[str, Record] = {}
        self._dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = read_regular(self.file)
        except OSError:
            return
        digest, payload = data[:_DIGEST_SIZE], data[_DIGEST_SIZE:]
        if blake2b(payload, digest_size=_DIGEST_SIZE).digest() != digest:
            return
        try:
            doc = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return
        if isinstance(doc, dict) and doc.get("format") == FORMAT and doc.get("key") == self.key \
                and isinstance(doc.get("records"), dict):
            self._records = doc["records"]

    def record(self, given: str) -> Record | None:
        """What the last walk from `given` found, if it is still there and well-formed."""
        value = self._records.get(given)
        if not (isinstance(value, tuple) and len(value) == 3):
            return None
        day, above, folders = value
        if not (isinstance(day, int) and isinstance(above, tuple) and isinstance(folders, dict)
                and all(type(e) is tuple and len(e) == 5 for e in folders.values())):
            return None
        if day != self._today:
            self._dirty = True  # record that it is still used
        return Record(above, folders)

    def put(self, given: str, above: Above, folders: dict[str, FolderEntry],
            changed: bool) -> None:
        """Keep what a walk from `given` found (`changed`: it differs from what was read)."""
        self._walked[given] = Record(above, folders)
        self._dirty = self._dirty or changed

    def save(self) -> str | None:
        """Write the records (this run's walks, other folders' recent ones) when they changed;
        returns an error message when the file cannot be written."""
        oldest = self._today - MAX_AGE_DAYS
        records: dict[str, tuple[int, Above, dict[str, FolderEntry]]] = {}
        for given, value in self._records.items():
            if given in self._walked:
                continue
            if isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], int) \
                    and value[0] >= oldest:
                records[given] = value
            else:
                self._dirty = True  # long unused (or unreadable): dropped
        if not self._dirty:
            return None
        for given, walked in self._walked.items():
            records[given] = (self._today, walked.above, walked.folders)
        payload = marshal.dumps({"format": FORMAT, "key": self.key, "records": records})
        data = blake2b(payload, digest_size=_DIGEST_SIZE).digest() + payload
        error = write_cache_file(self.directory, self.file, data)
        if error is None:
            self._dirty = False
            self._records = dict(records)
            self._walked = {}
        return error
