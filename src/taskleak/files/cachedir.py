"""The cache folder both caches share: its layout, its writes and its pruning.

Layout: `<cache dir>/<taskleak version>/<key>.<kind>`, where `<key>` is 16 hex digits naming the
settings a file was made under, plus a fingerprint of taskleak's own code (`code_fingerprint`)
so an edited checkout never reuses stale entries, and `<kind>` is `json` (per-file results,
run/cache.py), `dirs` (folder listings, listing_cache.py) or `run` (the last check's result,
run/replay.py). The cache folder is
`.taskleak_cache` in the project root unless the user names another one (`--cache-dir`), which
may be a folder of theirs that already holds other things.

What taskleak made is marked, and only that is ever removed: each version folder taskleak
creates gets a `CACHEDIR.TAG` of taskleak's (and a `.gitignore` with `*`), and the cache folder
gets them too when taskleak creates it (or finds it empty, or already marked). A folder of the
user's is never marked: not the cache folder they named, nor one in it named like a version.

Writes are atomic (files/atomic.py): a concurrent reader sees the old or the new file, never
half of one. Pruning, after each write, in marked version folders only: the folders of other
taskleak versions (their cache files, temporary files and marks, then the folder if that
emptied it), cache files unused for `MAX_AGE_DAYS` (a file in use is rewritten at least on each
day it is used), a killed run's temporary files of cache files older than an hour.

Shared rules: a stat modified within `RACY_SECONDS` of a run is not trusted by the next one (its
mtime may not change on the next edit: git's racy-clean rule); days are counted since the epoch.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from taskleak import __version__
from taskleak.files.atomic import write_file
from taskleak.files.regular import read_regular

try:  # hashlib's blake2b itself, without hashlib's import of OpenSSL (a few ms every run)
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as blake2b

CACHE_DIR_NAME = ".taskleak_cache"
RACY_SECONDS = 2.0
MAX_AGE_DAYS = 30
# per-file results (run/cache.py), folder listings (listing_cache.py), a check's result (replay.py)
KINDS = ("json", "dirs", "run")
_STALE_TMP_SECONDS = 3600
_PACKAGE = Path(__file__).resolve().parent.parent  # taskleak itself, subpackages and all


def default_cache_dir(project_root: Path | None) -> Path:
    """`.taskleak_cache` in the project root (the folder of the pyproject.toml used), else here."""
    return (project_root or Path.cwd()) / CACHE_DIR_NAME


def cache_key(key_text: str) -> str:
    """The 16 hex digits naming a cache file made under the settings `key_text` describes (it
    must name everything that changes the file's content, its format included) by this code."""
    text = f"code={code_fingerprint()};{key_text}"
    return blake2b(text.encode(), digest_size=8).hexdigest()


def cache_file(directory: Path, key: str, kind: str) -> Path:
    """This taskleak version's cache file of a key and kind (one of `KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown cache file kind {kind!r}")
    return directory / __version__ / f"{key}.{kind}"


_own_fingerprint: str | None = None


def code_fingerprint(package: Path | None = None) -> str:
    """Size and mtime of a package's modules, subpackages included (default: taskleak's own, so
    an edited checkout gets a fresh cache; worked out once per process, both caches' keys use
    it)."""
    global _own_fingerprint
    if package is None:
        if _own_fingerprint is None:
            _own_fingerprint = code_fingerprint(_PACKAGE)
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


def today() -> int:
    """Days since the epoch: when a cache entry was last used."""
    return int(time.time() // 86400)


def racy_after_ns() -> int:
    """Stats modified at or after this time (ns) must not be trusted by a later run."""
    return time.time_ns() - int(RACY_SECONDS * 1e9)


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


_TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
        b"# This file is a cache directory tag created by taskleak.\n")
_GITIGNORE = b"# Automatically created by taskleak.\n*\n"
_MARKS = {"CACHEDIR.TAG": _TAG, ".gitignore": _GITIGNORE}


def _prepare_dir(directory: Path) -> None:
    """Make the cache folder and this version's folder, marking those taskleak makes (and the
    cache folder when it is empty or marked already): see the module docstring."""
    try:
        directory.mkdir(parents=True)
        ours = True
    except FileExistsError:
        ours = _is_ours(directory) or not any(os.scandir(directory))
    here = directory / __version__
    try:
        here.mkdir()
        _mark(here)
    except FileExistsError:
        pass  # marked by whoever made it, if taskleak did
    if ours:
        _mark(directory)


def _mark(folder: Path) -> None:
    for name, data in _MARKS.items():
        if not (folder / name).exists():
            write_file(folder / name, data)


def _is_ours(folder: Path | str) -> bool:
    """Whether taskleak made this folder: it holds taskleak's own CACHEDIR.TAG."""
    try:
        return read_regular(os.path.join(folder, "CACHEDIR.TAG")) == _TAG
    except OSError:
        return False


def _prune_folder(directory: Path, written: str) -> None:
    """Other versions' folders, cache files (but `written`) unused for long, stale temporary
    files: in folders taskleak made only. A cache file in use is rewritten at least on each
    day it is used."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if entry.is_dir(follow_symlinks=False) and entry.name != __version__ \
                    and _VERSION_NAME.fullmatch(entry.name) and _is_ours(entry.path):
                _remove_version_dir(entry.path)
    here = directory / __version__
    if not _is_ours(here):
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(here):
            if not _CACHE_FILE_NAME.fullmatch(entry.name) or entry.name == written:
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age > (_STALE_TMP_SECONDS if entry.name.endswith(".tmp") else
                      MAX_AGE_DAYS * 86400):
                _unlink(entry.path)


def _remove_version_dir(path: str) -> None:
    """What taskleak put in another version's folder (cache files, their temporary files, its
    marks: the tag last), then the folder if nothing else is left in it."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(path):
            if _CACHE_FILE_NAME.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                _unlink(entry.path)
        gitignore = os.path.join(path, ".gitignore")
        with contextlib.suppress(OSError):
            if read_regular(gitignore) == _GITIGNORE:
                _unlink(gitignore)
        _unlink(os.path.join(path, "CACHEDIR.TAG"))
        os.rmdir(path)  # fails, and keeps the folder, when anything else is in it


_VERSION_NAME = re.compile(r"\d+(\.\d+)*[A-Za-z0-9.+-]*")
# cache files and their temporary files: write_file's (`.<name>.<random>.taskleak.tmp`) and
# those of taskleak before it (`<name>.<random>.tmp`)
_CACHE_FILE_NAME = re.compile(r"\.?[0-9a-f]{16}\.(" + "|".join(KINDS) + r")(\..*\.tmp)?")


def _unlink(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
