"""Discovery under hostile trees: special files given as paths are refused before they are
opened, folders that cannot be listed are reported (not silently left out), a killed `fix`'s
temporary files are found (never as sources), with and without the listing cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from taskleak.files import discovery
from taskleak.files.discovery import Found, SpecialPathError, discover_names, listing_key
from taskleak.files.listing_cache import ListingCache
from taskleak.settings import Settings

TEMP = ".a.py.0123456789ab.taskleak.tmp"


def _names(files: list[str], root: Path) -> list[str]:
    return [os.path.relpath(f, root) for f in files]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.usefixtures("no_hang")
def test_a_fifo_given_as_a_path_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.py")
    with pytest.raises(SpecialPathError, match=r"x\.py: not a file or folder to check "
                                               r"\(a FIFO or pipe\)"):
        discover_names([tmp_path / "x.py"], Settings())


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_given_as_a_path_is_refused() -> None:
    with pytest.raises(SpecialPathError, match=r"^/dev/zero: .*\(a character device\)$"):
        discover_names([Path("/dev/zero")], Settings())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_tree_is_listed_for_the_reader_to_refuse(tmp_path: Path) -> None:
    """The walk does not open files: the FIFO is a candidate, and reading it says what it is
    (files/source.py), so every report shows it as skipped."""
    (tmp_path / "a.py").write_text("x = 1\n")
    os.mkfifo(tmp_path / "x.py")
    assert _names(discover_names([tmp_path], Settings()), tmp_path) == ["a.py", "x.py"]


def _unlistable(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """`locked` cannot be listed, as a folder with mode 000 for a user other than root."""
    real = os.scandir

    def scandir(path: str) -> object:
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(discovery.os, "scandir", scandir)


@pytest.mark.parametrize("cached", [False, True])
def test_a_folder_that_cannot_be_listed_is_reported_on_every_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cached: bool) -> None:
    tree = tmp_path / "t"
    (tree / "locked").mkdir(parents=True)
    (tree / "a.py").write_text("x = 1\n")
    (tree / "locked" / "b.py").write_text("x = 1\n")
    _unlistable(monkeypatch, tree / "locked")
    listings = ListingCache(tmp_path / "cache", listing_key(Settings())) if cached else None
    for _ in range(2):  # the second run is a warm one when cached
        found = Found()
        files = discover_names([tree], Settings(), listings, found)
        assert _names(files, tree) == ["a.py"]
        assert found.unlisted == [(str(tree / "locked"), "Permission denied")]
        if listings is not None:
            assert listings.save() is None
            listings = ListingCache(tmp_path / "cache", listing_key(Settings()))


def test_a_given_folder_that_cannot_be_listed_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _unlistable(monkeypatch, tmp_path)
    found = Found()
    assert discover_names([tmp_path], Settings(), None, found) == []
    assert found.unlisted == [(str(tmp_path), "Permission denied")]


def test_temporary_files_are_found_and_never_checked(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / TEMP).write_text("x = 2\n")
    (tmp_path / "notes.taskleak.tmp").write_text("not ours: no dot, no random part\n")
    found = Found()
    files = discover_names([tmp_path], Settings(), None, found)
    assert _names(files, tmp_path) == ["a.py"]
    assert found.temporaries == [str(tmp_path / TEMP)]


def test_a_folder_holding_a_temporary_file_is_listed_again_until_it_is_gone(
        tmp_path: Path) -> None:
    tree = tmp_path / "t"
    tree.mkdir()
    (tree / "a.py").write_text("x = 1\n")
    (tree / TEMP).write_text("x = 2\n")
    old = os.stat(tree).st_mtime_ns - 10**10  # not racy: the cache would trust the folder
    os.utime(tree, ns=(old, old))
    for _ in range(2):
        listings = ListingCache(tmp_path / "cache", listing_key(Settings()))
        found = Found()
        discover_names([tree], Settings(), listings, found)
        assert listings.save() is None
        assert found.temporaries == [str(tree / TEMP)]  # the warm run still sees it
