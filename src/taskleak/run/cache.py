"""Per-file results kept between runs, like ruff's cache.

Layout: `<cache dir>/<taskleak version>/<key>.json`, one file per analysis key (the settings that
change per-file results; files/cachedir.py adds a fingerprint of taskleak's own code, writes the
file and prunes the folder, which the folder listings of files/listing_cache.py share).

One cache file maps
- each checked file's absolute path to `[mtime_ns, size, digest, day]`: when a file's stat still
  matches, its content is known without reading it; `digest` is the blake2b of its bytes, or
  null when the prefilter ruled the file out;
- each digest to the facts of that content (`analysis.facts`: spawns, fates, fix advice,
  exports), so a touched-but-unchanged file, or a branch switched back, costs a read and a hash
  but no parse. Findings are not stored: the project join makes them from the facts each run.

Safety: results are keyed by content, never by path or time alone. A stat shortcut is not
recorded for a file modified within `RACY_SECONDS` (cachedir.py) of the run (its mtime may not
change on the next edit), mirroring git's racy-clean rule. Writes are atomic, so a concurrent
reader sees the old or the new cache, never half of one; two concurrent writers lose one run's
new entries, never correctness. A missing, unreadable or corrupt cache is an empty cache.
Pruning: entries of files that were not seen under the checked paths, or not seen for
`MAX_AGE_DAYS`, are dropped on save, as are results no file points to (cachedir.py prunes other
keys' files and other versions' folders).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taskleak import __version__
from taskleak.analysis.facts.module import FileFacts, ModuleFacts
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
from taskleak.model import Skipped

# Raised whenever what a module's facts hold changes, so no older entry is read as new facts
# (103: a getter's `return self._x` lends the object; a mixin's return that lets go of an
# attribute it does not make is recorded); what each raise added is in this file's git history.
FORMAT = 103
_NOT_STAT_TRUSTED = -1  # mtime_ns recorded for racy files: never matches a real stat
CLEAN = ""  # what `lookup` says of a file the prefilter ruled out


def content_digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


# A file's entry, as stored: [mtime_ns, size, digest, day]; digest None: the prefilter ruled the
# file out; day: the last day (since the epoch) a run saw the file. Kept as the lists json reads
# (no object per file: a warm run looks up every file once).
_Entry = list[Any]


def _valid_entries(files: dict[str, Any]) -> bool:
    for entry in files.values():
        if type(entry) is not list or len(entry) != 4:
            return False
        mtime, size, digest, day = entry
        if type(mtime) is not int or type(size) is not int or type(day) is not int \
                or not (digest is None or type(digest) is str):
            return False
    return True


class Cache:
    """One run's view of the cache file for its analysis key."""

    def __init__(self, directory: Path, analysis_key: str) -> None:
        self.directory = directory
        self.key = cache_key(f"format={FORMAT};{analysis_key}")
        self.file = cache_file(directory, self.key, "json")
        self._files: dict[str, _Entry] = {}
        self._results: dict[str, dict[str, Any]] = {}
        # files the prefilter rules out, parsed to answer another module's question: their
        # content's digest (their facts are in `_results` like any other)
        self._answers: dict[str, str] = {}
        # files analysed again with the project's spawn helpers their calls name (the helper
        # round, helper_callers.py): the key of their facts in `_results`, "digest:helpers"
        self._helped: dict[str, str] = {}
        # words a file left out of the analysis was searched for and does not contain (the
        # answer round's search, complete.py), valid while its stat entry is
        self._absent: dict[str, list[str]] = {}
        self._seen: set[str] = set()
        self._dirty = False
        self._today = today()
        self._racy_after_ns = racy_after_ns()
        self._load()

    @property
    def empty(self) -> bool:
        """Nothing recorded yet (a first run, or a cache of another version or settings)."""
        return not self._files

    # -- reading ---------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            doc = json.loads(read_regular(self.file))
        except (OSError, ValueError):
            return
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("key") != self.key:
            return
        files, results, answers = doc.get("files"), doc.get("results"), doc.get("answers", {})
        absent, helped = doc.get("absent", {}), doc.get("helped", {})
        if not isinstance(files, dict) or not isinstance(results, dict) \
                or not isinstance(answers, dict) or not isinstance(absent, dict) \
                or not isinstance(helped, dict):
            return
        if not _valid_entries(files) or not all(type(v) is str for v in answers.values()) \
                or not all(type(v) is str for v in helped.values()):
            return
        self._files = files
        self._results = results
        self._answers = answers
        self._helped = helped
        self._absent = {path: words for path, words in absent.items()
                        if type(words) is list and all(type(w) is str for w in words)}

    def lookup(self, path: str, st: os.stat_result) -> str | None:
        """What the cache knows of a file whose stat is unchanged since it was recorded.

        Returns `CLEAN` (the prefilter ruled it out), the digest of its content when that
        content's result is cached (see `result`), or None (read the file).
        """
        entry = self._files.get(path)
        if entry is None or entry[0] != st.st_mtime_ns or entry[1] != st.st_size:
            return None
        digest: str | None = entry[2]
        if digest is not None and digest not in self._results:
            return None
        self._seen.add(path)
        if entry[3] != self._today:
            entry[3] = self._today
            self._dirty = True
        return CLEAN if digest is None else digest

    def lookup_content(self, path: str, st: os.stat_result, digest: str) -> bool:
        """Whether this content's result is cached (the file was read because its stat changed)."""
        if digest not in self._results:
            return False
        self.remember(path, st, digest)
        return True

    def result(self, digest: str, display: str) -> FileFacts | None:
        """The cached facts of a content, for the file shown as `display`."""
        doc = self._results.get(digest)
        if not isinstance(doc, dict):
            return None
        try:
            module = doc.get("module")
            skipped = None
            if doc.get("skipped") is not None:
                reason, line, *column = doc["skipped"]
                skipped = Skipped(display, str(reason), line,
                                  column=column[0] if column else None)
            return FileFacts(path=display,
                             module=ModuleFacts.from_json(module) if module else None,
                             skipped=skipped, parsed=bool(doc.get("parsed")),
                             answers_only=bool(doc.get("answers_only")),
                             mentions_noqa=doc.get("noqa") is not False,
                             helpers=tuple(str(h) for h in doc.get("helpers", ())))
        except (KeyError, TypeError, ValueError):
            return None  # an entry written by a different shape of facts: analyse again

    def answer(self, path: str, digest: str, display: str) -> FileFacts | None:
        """The cached facts of a file parsed to answer a question, when its content is the
        same (`digest`)."""
        return self.result(digest, display) if self._answers.get(path) == digest else None

    def helped(self, path: str, digest: str, helpers: str, display: str) -> FileFacts | None:
        """The cached facts of a file analysed with the spawn helpers keyed `helpers` (or its
        imports' bindings: `stdlib_through.through_key`), when its content is the same
        (`digest`)."""
        key = f"{digest}:{helpers}"
        return self.result(key, display) if self._helped.get(path) == key else None

    def absent(self, path: str) -> frozenset[str]:
        """The words known not to be in the file: searched for in its content, which its
        stat says is unchanged in this run (see `remember_absent`)."""
        return frozenset(self._absent.get(path, ())) if path in self._seen else frozenset()

    # -- recording -------------------------------------------------------------------------
    def remember_absent(self, path: str, words: set[str]) -> None:
        """Words a search found nowhere in the file, whose stat this run recorded or matched."""
        if path not in self._seen or not words:
            return
        known = set(self._absent.get(path, ()))
        if not words <= known:
            self._absent[path] = sorted(known | words)
            self._dirty = True

    def remember_answer(self, path: str, digest: str, result: FileFacts) -> None:
        """Record the facts of a file parsed to answer a question (its stat entry stays
        "ruled out": the spawn pass does not count it as analysed)."""
        if result.skipped is not None and result.skipped.internal:
            return
        self._results[digest] = _result_doc(result)
        if self._answers.get(path) != digest:
            self._answers[path] = digest
            self._dirty = True

    def remember_helped(self, path: str, digest: str, helpers: str, result: FileFacts) -> None:
        """Record the facts of a file analysed with the spawn helpers keyed `helpers`."""
        if result.skipped is not None and result.skipped.internal:
            return
        key = f"{digest}:{helpers}"
        self._results[key] = _result_doc(result)
        if self._helped.get(path) != key:
            self._helped[path] = key
            self._dirty = True

    def update(self, path: str, result: FileFacts) -> None:
        """Facts of a file recorded in this run, completed since (call positions)."""
        entry = self._files.get(path)
        digest = self._helped.get(path) or self._answers.get(path) \
            or (entry[2] if entry is not None else None)
        if digest is not None and digest in self._results:
            self._results[digest] = _result_doc(result)
            self._dirty = True

    def remember(self, path: str, st: os.stat_result, digest: str | None,
                 result: FileFacts | None = None) -> None:
        """Record a file's stat and content digest, and the facts of that content."""
        if result is not None:
            if result.skipped is not None and result.skipped.internal:
                return  # a bug of ours: analyse again next time
            self._results[digest or ""] = _result_doc(result)
        mtime = st.st_mtime_ns
        if mtime >= self._racy_after_ns:
            mtime = _NOT_STAT_TRUSTED
        entry = [mtime, st.st_size, digest, self._today]
        old = self._files.get(path)
        if old != entry:
            if old is None or old[:3] != entry[:3]:
                self._absent.pop(path, None)  # another content, maybe
            self._files[path] = entry
            self._dirty = True
        self._seen.add(path)

    # -- writing ---------------------------------------------------------------------------
    def save(self, roots: Sequence[Path]) -> str | None:
        """Prune and write the cache; returns an error message when it cannot be written."""
        self._prune(roots)
        if not self._dirty:
            return None
        doc = {
            "format": FORMAT,
            "version": __version__,
            "key": self.key,
            "files": dict(sorted(self._files.items())),
            "results": self._results,
            "answers": dict(sorted(self._answers.items())),
            "helped": dict(sorted(self._helped.items())),
            "absent": dict(sorted(self._absent.items())),
        }
        error = write_cache_file(self.directory, self.file,
                                 json.dumps(doc, separators=(",", ":")).encode())
        if error is None:
            self._dirty = False
        return error

    def _prune(self, roots: Sequence[Path]) -> None:
        prefixes = tuple(_dir_prefix(r) for r in roots)
        oldest = self._today - MAX_AGE_DAYS
        if len(self._seen) < len(self._files):  # else every entry was seen in this run
            for path in list(self._files):
                if path in self._seen:
                    continue
                under_roots = any(path == p.rstrip(os.sep) or path.startswith(p)
                                  for p in prefixes)
                if under_roots or self._files[path][3] < oldest:
                    del self._files[path]  # deleted, excluded now, or long unused
                    self._dirty = True
        for path in [p for p in self._answers if p not in self._files]:
            del self._answers[path]
            self._dirty = True
        for path in [p for p in self._helped if p not in self._files]:
            del self._helped[path]
            self._dirty = True
        for path in [p for p in self._absent if p not in self._files]:
            del self._absent[path]
            self._dirty = True
        if not self._dirty:
            return  # no entry changed: no result lost its last file
        used = {e[2] for e in self._files.values() if e[2] is not None}
        used.update(self._answers.values())
        used.update(self._helped.values())
        for digest in [d for d in self._results if d not in used]:
            del self._results[digest]
            self._dirty = True


def _result_doc(result: FileFacts) -> dict[str, Any]:
    skipped = None
    if result.skipped is not None:
        skipped = [result.skipped.reason, result.skipped.line, result.skipped.column]
    module = result.module.to_json() if result.module is not None else None
    doc = {"parsed": result.parsed, "module": module, "skipped": skipped,
           "answers_only": result.answers_only, "noqa": result.mentions_noqa}
    if result.helpers:
        doc["helpers"] = list(result.helpers)
    return doc


def _dir_prefix(root: Path) -> str:
    text = str(root.absolute())
    return text if text.endswith(os.sep) else text + os.sep
