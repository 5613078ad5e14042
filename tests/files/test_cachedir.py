"""files/cachedir.py: the cache folder's layout, keys, writes and pruning, shared by the result
cache (run/cache.py) and the listing cache (files/listing_cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import taskleak
from taskleak import __version__
from taskleak.files import cachedir
from taskleak.files.atomic import TEMP_SUFFIX
from taskleak.files.cachedir import (
    CACHE_DIR_NAME,
    cache_file,
    cache_key,
    code_fingerprint,
    default_cache_dir,
    write_cache_file,
)

LONG_AGO = 400 * 86400


def _age(path: Path, seconds: float) -> None:
    st = path.stat()
    os.utime(path, (st.st_atime - seconds, st.st_mtime - seconds))


def test_code_fingerprint_covers_subpackages(tmp_path: Path) -> None:
    (tmp_path / "fixes").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "fixes" / "b.py").write_text("y = 1\n")
    before = code_fingerprint(tmp_path)
    assert code_fingerprint(tmp_path) == before
    (tmp_path / "fixes" / "b.py").write_text("y = 22\n")
    assert code_fingerprint(tmp_path) != before


def test_the_default_fingerprint_is_of_all_of_taskleak() -> None:
    # not of the folder cachedir.py sits in: an edit in analysis/ must give a fresh cache too
    package = Path(taskleak.__file__).resolve().parent
    assert code_fingerprint() == code_fingerprint(package)
    assert code_fingerprint() != code_fingerprint(package / "files")


def test_layout_and_keys(tmp_path: Path) -> None:
    key = cache_key("format=1;spawners=")
    assert len(key) == 16 and int(key, 16) >= 0
    assert cache_key("format=1;spawners=x") != key
    assert cache_file(tmp_path, key, "json") == tmp_path / __version__ / f"{key}.json"
    assert cache_file(tmp_path, key, "dirs").name == f"{key}.dirs"
    with pytest.raises(ValueError, match="unknown cache file kind"):
        cache_file(tmp_path, key, "txt")
    assert default_cache_dir(tmp_path) == tmp_path / CACHE_DIR_NAME


def test_write_cache_file_prepares_the_folder(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    file = cache_file(directory, cache_key("k"), "json")
    assert write_cache_file(directory, file, b"{}") is None
    assert file.read_bytes() == b"{}"
    assert (directory / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (directory / "CACHEDIR.TAG").read_bytes().startswith(
        b"Signature: 8a477f597d28d172789f06886806bc55")
    assert {p.name for p in directory.iterdir()} == {".gitignore", "CACHEDIR.TAG", __version__}


def test_a_cache_that_cannot_be_written_is_a_message(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    directory = blocker / "cache"
    error = write_cache_file(directory, cache_file(directory, cache_key("k"), "json"), b"{}")
    assert error is not None and error.startswith(f"cannot write the cache in {directory}: ")

    directory = tmp_path / "cache"
    file = cache_file(directory, cache_key("k"), "json")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert write_cache_file(directory, file, b"{}") == \
        f"cannot write the cache in {directory}: No space left on device"
    assert list((directory / __version__).iterdir()) == []  # no temporary file left


def test_pruning(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    here = directory / __version__
    here.mkdir(parents=True)
    key = cache_key("k")
    # a killed run's temporary files, of this taskleak and of the one before: removed when old
    stale_new = here / f".{key}.json.0a1b2c3d4e5f{TEMP_SUFFIX}"
    stale_old = here / f"{key}.dirs.x1y2.tmp"
    recent = here / f".{key}.dirs.ffffffffffff{TEMP_SUFFIX}"
    for path in (stale_new, stale_old, recent):
        path.write_bytes(b"half")
    _age(stale_new, 7200)
    _age(stale_old, 7200)
    unused = here / "fedcba9876543210.dirs"
    unused.write_bytes(b"")
    _age(unused, LONG_AGO)
    # another version's folder holding only cache files (temporary ones too): removed
    old_version = directory / "0.0.1"
    old_version.mkdir()
    (old_version / "0123456789abcdef.json").write_text("{}")
    (old_version / f".0123456789abcdef.json.0a1b2c3d4e5f{TEMP_SUFFIX}").write_text("{")
    # folders that hold something else, or are not named like a version: left alone
    foreign = directory / "0.0.2"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    other = directory / "backup"
    other.mkdir()
    (other / "0123456789abcdef.json").write_text("{}")

    written = cache_file(directory, key, "json")
    assert write_cache_file(directory, written, b"{}") is None
    assert sorted(p.name for p in here.iterdir()) == sorted([written.name, recent.name])
    assert not old_version.exists()
    assert (foreign / "notes.txt").exists() and (other / "0123456789abcdef.json").exists()


def test_the_file_just_written_is_never_pruned(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "cache"
    written = cache_file(directory, cache_key("k"), "dirs")
    monkeypatch.setattr(cachedir.time, "time", lambda: 10.0**10)  # "now" is centuries ahead
    assert write_cache_file(directory, written, b"x") is None
    assert written.read_bytes() == b"x"
