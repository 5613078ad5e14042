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
    for folder in (directory, directory / __version__):  # both made here: both marked
        assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
        assert (folder / "CACHEDIR.TAG").read_bytes().startswith(
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
    cachedir._mark(directory)
    cachedir._mark(here)
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
    # another version's folder taskleak made, holding its cache files (temporary ones too):
    # removed
    old_version = directory / "0.0.1"
    old_version.mkdir()
    cachedir._mark(old_version)
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
    assert sorted(p.name for p in here.iterdir()) == sorted(
        [written.name, recent.name, ".gitignore", "CACHEDIR.TAG"])
    assert not old_version.exists()
    assert (foreign / "notes.txt").exists() and (other / "0123456789abcdef.json").exists()


def test_the_file_just_written_is_never_pruned(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "cache"
    written = cache_file(directory, cache_key("k"), "dirs")
    monkeypatch.setattr(cachedir.time, "time", lambda: 10.0**10)  # "now" is centuries ahead
    assert write_cache_file(directory, written, b"x") is None
    assert written.read_bytes() == b"x"


def _user_folder(root: Path) -> dict[str, bytes]:
    """A folder of the user's, named as --cache-dir: folders named like versions (empty, with
    their notes, with a file named like a cache file), their own files."""
    files = {"1.0/notes.txt": b"mine", "2.0/0123456789abcdef.json": b"{}",
             "readme.txt": b"z", "0.0.1/0123456789abcdef.dirs": b"x"}
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
        os.utime(root / name, (1, 1))  # old enough for any pruning
    (root / "2024").mkdir()
    return files


def test_a_users_folder_named_as_the_cache_keeps_everything_of_theirs(tmp_path: Path) -> None:
    """Before: its `2024/` and `2.0/` (named like versions, holding nothing else than what
    looks like a cache file) were deleted."""
    mine = tmp_path / "mine"
    mine.mkdir()
    files = _user_folder(mine)
    for kind in ("json", "dirs", "json"):
        written = cache_file(mine, cache_key("k"), kind)
        assert write_cache_file(mine, written, b"{}") is None
    for name, data in files.items():
        assert (mine / name).read_bytes() == data, name
    assert (mine / "2024").is_dir()
    assert not (mine / ".gitignore").exists()  # their files are not hidden from git
    assert not (mine / "CACHEDIR.TAG").exists()
    here = mine / __version__  # taskleak's own folder in it: marked, so git skips it
    assert (here / ".gitignore").exists() and (here / "CACHEDIR.TAG").exists()


def test_a_folder_named_like_this_version_that_taskleak_did_not_make_is_never_pruned(
        tmp_path: Path) -> None:
    here = tmp_path / "cache" / __version__
    here.mkdir(parents=True)
    theirs = here / "fedcba9876543210.json"
    theirs.write_bytes(b"{}")
    os.utime(theirs, (1, 1))
    assert write_cache_file(tmp_path / "cache", cache_file(tmp_path / "cache", cache_key("k"),
                                                           "json"), b"{}") is None
    assert theirs.exists() and not (here / "CACHEDIR.TAG").exists()


def test_an_old_version_folder_of_taskleaks_keeps_what_the_user_put_in_it(
        tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    old = directory / "0.0.1"
    old.mkdir(parents=True)
    cachedir._mark(old)
    (old / "0123456789abcdef.json").write_text("{}")
    (old / "notes.txt").write_text("mine")
    assert write_cache_file(directory, cache_file(directory, cache_key("k"), "json"),
                            b"{}") is None
    assert sorted(p.name for p in old.iterdir()) == ["notes.txt"]  # cache file and marks gone
