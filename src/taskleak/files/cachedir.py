"""The cache folder both caches share: its layout, its writes and its pruning.

Layout: `<cache dir>/<taskleak version>/<key>.<kind>`, where `<key>` is 16 hex digits naming the
settings a file was made under, plus a fingerprint of taskleak's own code (`code_fingerprint`)
so an edited checkout never reuses stale entries, and `<kind>` is `json` (per-file results,
run/cache.py) or `dirs` (folder listings, listing_cache.py). The cache folder holds a
`.gitignore` with `*` and a `CACHEDIR.TAG`; it is `.taskleak_cache` in the project root unless
the user names another one.

Writes are atomic (files/atomic.py): a concurrent reader sees the old or the new file, never
half of one. Pruning, after each write: folders of other taskleak versions (only those holding
nothing but cache files), cache files unused for `MAX_AGE_DAYS` (a file in use is rewritten at
least on each day it is used), temporary files older than an hour (a killed run's).

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

try:  # hashlib's blake2b itself, without hashlib's import of OpenSSL (a few ms every run)
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as blake2b

CACHE_DIR_NAME = ".taskleak_cache"
RACY_SECONDS = 2.0
MAX_AGE_DAYS = 30
KINDS = ("json", "dirs")  # per-file results (run/cache.py), folder listings (listing_cache.py)
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


_VERSION_NAME = re.compile(r"\d+(\.\d+)*[A-Za-z0-9.+-]*")
# cache files and their temporary files: write_file's (`.<name>.<random>.taskleak.tmp`) and
# those of taskleak before it (`<name>.<random>.tmp`)
_CACHE_FILE_NAME = re.compile(r"\.?[0-9a-f]{16}\.(" + "|".join(KINDS) + r")(\..*\.tmp)?")


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
