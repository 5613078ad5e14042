"""Per-file results kept between runs, like ruff's cache.

Layout: `<cache dir>/<taskleak version>/<key>.json`, one file per analysis key (the settings that
change per-file results, plus a fingerprint of taskleak's own code so an edited checkout never
reuses stale results). Next to it, `<key>.dirs` files hold folder listings (listing_cache.py),
written and pruned the same way. The cache folder holds a `.gitignore` with `*` and a
`CACHEDIR.TAG`.

One cache file maps
- each checked file's absolute path to `[mtime_ns, size, digest, day]`: when a file's stat still
  matches, its content is known without reading it; `digest` is the blake2b of its bytes, or
  null when the prefilter ruled the file out;
- each digest to the facts of that content (`analysis.facts`: spawns, fates, fix advice,
  exports), so a touched-but-unchanged file, or a branch switched back, costs a read and a hash
  but no parse. Findings are not stored: the project join makes them from the facts each run.

Safety: results are keyed by content, never by path or time alone. A stat shortcut is not
recorded for a file modified within `RACY_SECONDS` of the run (its mtime may not change on the
next edit), mirroring git's racy-clean rule. Writes go to a temporary file then `os.replace`, so
a concurrent reader sees the old or the new cache, never half of one; two concurrent writers
lose one run's new entries, never correctness. A missing, unreadable or corrupt cache is an
empty cache. Pruning: entries of files that were not seen under the checked paths, or not seen
for `MAX_AGE_DAYS`, are dropped on save, as are results no file points to, cache files of other
keys unused for `MAX_AGE_DAYS` and folders of other taskleak versions.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from taskleak import __version__
from taskleak.analysis.facts import FileFacts, ModuleFacts
from taskleak.files.atomic import write_file
from taskleak.model import Skipped

try:  # hashlib's blake2b itself, without hashlib's import of OpenSSL (a few ms every run)
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as blake2b

CACHE_DIR_NAME = ".taskleak_cache"
FORMAT = 2  # 2: per-module facts (was: findings)
RACY_SECONDS = 2.0
MAX_AGE_DAYS = 30
_STALE_TMP_SECONDS = 3600
_NOT_STAT_TRUSTED = -1  # mtime_ns recorded for racy files: never matches a real stat
CLEAN = ""  # what `lookup` says of a file the prefilter ruled out


def default_cache_dir(project_root: Path | None) -> Path:
    """`.taskleak_cache` in the project root (the folder of the pyproject.toml used), else here."""
    return (project_root or Path.cwd()) / CACHE_DIR_NAME


def content_digest(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


_own_fingerprint: str | None = None


def code_fingerprint(package: Path | None = None) -> str:
    """Size and mtime of taskleak's own modules (subpackages too: the fix advice cached with each
    finding comes from `fixes/`): an edited checkout gets a fresh cache. taskleak's own is
    worked out once per process (both caches' keys use it)."""
    global _own_fingerprint
    if package is None:
        if _own_fingerprint is None:
            _own_fingerprint = code_fingerprint(Path(__file__).resolve().parent)
        return _own_fingerprint
    h = blake2b(digest_size=8)
    for folder, dirs, files in sorted(os.walk(package)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                with contextlib.suppress(OSError):
                    st = os.stat(os.path.join(folder, name))
                    rel = os.path.relpath(os.path.join(folder, name), package)
                    h.update(f"{rel}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def cache_key(analysis_key: str) -> str:
    text = f"format={FORMAT};code={code_fingerprint()};{analysis_key}"
    return blake2b(text.encode(), digest_size=8).hexdigest()


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


def _today() -> int:
    return int(time.time() // 86400)


class Cache:
    """One run's view of the cache file for its analysis key."""

    def __init__(self, directory: Path, analysis_key: str) -> None:
        self.directory = directory
        self.version_dir = directory / __version__
        self.key = cache_key(analysis_key)
        self.file = self.version_dir / f"{self.key}.json"
        self._files: dict[str, _Entry] = {}
        self._results: dict[str, dict[str, Any]] = {}
        self._seen: set[str] = set()
        self._dirty = False
        self._today = _today()
        self._racy_after_ns = time.time_ns() - int(RACY_SECONDS * 1e9)
        self._load()

    # -- reading ---------------------------------------------------------------------------
    def _load(self) -> None:
        try:
            doc = json.loads(self.file.read_bytes())
        except (OSError, ValueError):
            return
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("key") != self.key:
            return
        files, results = doc.get("files"), doc.get("results")
        if not isinstance(files, dict) or not isinstance(results, dict):
            return
        if not _valid_entries(files):
            return
        self._files = files
        self._results = results

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
                reason, line = doc["skipped"]
                skipped = Skipped(display, str(reason), line)
            return FileFacts(path=display,
                             module=ModuleFacts.from_json(module) if module else None,
                             skipped=skipped, parsed=bool(doc.get("parsed")))
        except (KeyError, TypeError, ValueError):
            return None  # an entry written by a different shape of facts: analyse again

    # -- recording -------------------------------------------------------------------------
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
        if self._files.get(path) != entry:
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
        if not self._dirty:
            return  # no entry changed: no result lost its last file
        used = {e[2] for e in self._files.values() if e[2] is not None}
        for digest in [d for d in self._results if d not in used]:
            del self._results[digest]
            self._dirty = True


def _result_doc(result: FileFacts) -> dict[str, Any]:
    skipped = None
    if result.skipped is not None:
        skipped = [result.skipped.reason, result.skipped.line]
    module = result.module.to_json() if result.module is not None else None
    return {"parsed": result.parsed, "module": module, "skipped": skipped}


def write_cache_file(directory: Path, file: Path, data: bytes) -> str | None:
    """Write one cache file of this version atomically, then prune the cache folder; returns an
    error message when it cannot be written."""
    try:
        _prepare_dir(directory)
        write_file(file, data)
    except OSError as exc:
        return f"cannot write the cache in {directory}: {exc.strerror or exc}"
    _prune_folder(directory, file.name)
    return None


def _prepare_dir(directory: Path) -> None:
    (directory / __version__).mkdir(parents=True, exist_ok=True)
    gitignore = directory / ".gitignore"
    if not gitignore.exists():
        write_file(gitignore, b"# Automatically created by taskleak.\n*\n")
    tag = directory / "CACHEDIR.TAG"
    if not tag.exists():
        write_file(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n"
                        b"# This file is a cache directory tag created by taskleak.\n")


def _prune_folder(directory: Path, written: str) -> None:
    """Other versions' folders, cache files (but `written`) unused for long, stale temporary
    files. A cache file in use is rewritten at least on each day it is used."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if entry.is_dir(follow_symlinks=False) and entry.name != __version__ \
                    and _looks_like_version_dir(Path(entry.path)):
                import shutil  # rarely needed: not imported by every run

                shutil.rmtree(entry.path, ignore_errors=True)
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory / __version__):
            age = now - entry.stat(follow_symlinks=False).st_mtime
            # ".tmp": write_file's temporary files, and those of taskleak before it
            if entry.name.endswith(".tmp") and age > _STALE_TMP_SECONDS:
                _unlink(entry.path)
            elif _CACHE_FILE_NAME.fullmatch(entry.name) and entry.name != written \
                    and age > MAX_AGE_DAYS * 86400:
                _unlink(entry.path)


def _dir_prefix(root: Path) -> str:
    text = str(root.absolute())
    return text if text.endswith(os.sep) else text + os.sep


_VERSION_NAME = re.compile(r"\d+(\.\d+)*[A-Za-z0-9.+-]*")
# results (.json) and folder listings (.dirs, listing_cache.py), and their temporary files:
# write_file's (`.<name>.<random>.taskleak.tmp`) and those of taskleak before it
_CACHE_FILE_NAME = re.compile(r"\.?[0-9a-f]{16}\.(json|dirs)(\..*\.tmp)?")


def _looks_like_version_dir(path: Path) -> bool:
    """Only folders taskleak made are removed: a version name holding only cache files."""
    if not _VERSION_NAME.fullmatch(path.name):
        return False
    try:
        return all(_CACHE_FILE_NAME.fullmatch(e.name) for e in os.scandir(path))
    except OSError:
        return False


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
