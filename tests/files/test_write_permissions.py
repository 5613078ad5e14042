"""files/atomic.py's `replace_file` (what `taskleak fix` writes with) honours permissions: it
writes only what a rename can replace with owner, group, mode and links all kept, and refuses
the rest with a reason (issue 15: a read-only file was rewritten, a root-owned file became the
user's, hard links were split)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from taskleak.files.atomic import NotWritableError, replace_file, write_refusal

ME = 1000
OTHER = 2000


def _stat(*, uid: int = ME, nlink: int = 1, mode: int = 0o644) -> os.stat_result:
    # (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)
    return os.stat_result((stat.S_IFREG | mode, 1, 1, nlink, uid, ME, 10, 0, 0, 0))


def _refusal(*, euid: int | None = ME, file_writable: bool = True,
             folder_writable: bool = True, **info: int) -> str | None:
    return write_refusal(_stat(**info), euid=euid, file_writable=file_writable,
                         folder_writable=folder_writable)


def test_a_file_the_user_may_write_in_a_folder_they_may_write_is_replaced() -> None:
    assert _refusal() is None
    assert _refusal(euid=0, uid=OTHER) is None  # root gives the new file back to its owner
    assert _refusal(euid=None, uid=OTHER) is None  # a system without owners


def test_a_file_the_user_may_not_write_is_read_only() -> None:
    assert _refusal(file_writable=False) == "read-only"
    assert _refusal(file_writable=False, uid=OTHER) == "read-only (owned by another user)"
    assert _refusal(file_writable=False, folder_writable=False) == "read-only"


def test_a_hard_linked_file_is_never_split() -> None:
    reason = _refusal(nlink=2)
    assert reason is not None and reason.startswith("hard-linked (2 names): a rewrite would "
                                                    "split the links")
    assert _refusal(nlink=3, euid=0) is not None  # root too: the other names keep the old text


def test_another_users_file_is_not_given_to_this_user() -> None:
    assert _refusal(uid=OTHER) == "owned by another user: a rewrite would make it yours"


def test_a_file_in_a_folder_the_user_may_not_write() -> None:
    assert _refusal(folder_writable=False) == \
        "its folder is read-only: the file cannot be replaced"


def test_hard_links_are_refused_and_kept(tmp_path: Path) -> None:
    a = tmp_path / "a.py"
    a.write_bytes(b"old\n")
    (tmp_path / "elsewhere").mkdir()
    os.link(a, tmp_path / "elsewhere" / "same.py")
    with pytest.raises(NotWritableError) as info:
        replace_file(a, b"new\n", expected=b"old\n")
    assert info.value.reason.startswith("hard-linked (2 names)")
    same = tmp_path / "elsewhere" / "same.py"
    assert a.read_bytes() == same.read_bytes() == b"old\n"
    assert os.stat(a).st_ino == os.stat(same).st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py", "elsewhere"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root may make a file another user's")
@pytest.mark.parametrize("mode", [0o644, 0o600, 0o4755, 0o2755])
def test_root_keeps_the_owner_group_and_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "a.py"
    path.write_bytes(b"old\n")
    os.chown(path, 1234, 5678)
    path.chmod(mode)  # after the chown, which clears set-id bits
    replace_file(path, b"new\n", expected=b"old\n")
    info = os.stat(path)
    assert path.read_bytes() == b"new\n"
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, mode)


def test_a_group_that_cannot_be_given_is_refused(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's file whose group they are not in: the new file would get another group."""
    path = tmp_path / "a.py"
    path.write_bytes(b"old\n")
    real_stat = os.stat

    def other_group(p: object, *args: object, **kwargs: object) -> os.stat_result:
        st = real_stat(p, *args, **kwargs)  # type: ignore[arg-type]
        if os.fspath(p) == str(path):  # type: ignore[arg-type]
            fields = list(st)
            fields[5] = st.st_gid + 1
            return os.stat_result(fields)
        return st

    monkeypatch.setattr(os, "stat", other_group)
    monkeypatch.setattr(os, "fchown", lambda fd, uid, gid: (_ for _ in ()).throw(
        PermissionError(1, "Operation not permitted")))
    with pytest.raises(NotWritableError, match=r"its owner and group .* cannot be kept"):
        replace_file(path, b"new\n", expected=b"old\n")
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]  # no temporary file left
