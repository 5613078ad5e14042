"""The folder-listing cache: a warm walk lists no folder and evaluates no pattern when nothing
changed, and finds exactly what an uncached walk finds whatever changed in between.

Each invalidation case is a small test; a random-tree test compares the cached walk (cold, warm,
after random changes) with an independent reference walk (os.walk + pathspec, path by path).
Trees are aged (mtimes moved into the past) where a test expects entries to be trusted: entries
modified within RACY_SECONDS of a run are recorded untrusted, which one test checks.
"""

from __future__ import annotations

import marshal
import os
import random
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pathspec
import pytest
from click.testing import CliRunner

from taskleak import __version__
from taskleak.cli import main
from taskleak.files import cachedir, discovery, ignore
from taskleak.files.cachedir import MAX_AGE_DAYS, blake2b
from taskleak.files.discovery import discover_names, listing_key
from taskleak.files.listing_cache import UNTRUSTED, FolderEntry, ListingCache
from taskleak.settings import Settings


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _age(root: Path, seconds: int = 60) -> None:
    """Move every mtime under `root` (itself too) into the past, as for a tree checked out a
    while ago; symlinks are left alone."""
    past = time.time_ns() - seconds * 10**9
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.utime(path, ns=(past, past))
    os.utime(root, ns=(past, past))


class Walks:
    """Discovery through a listing cache, counting folder listings and compiled specs."""

    def __init__(self, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.cache_dir = cache_dir
        self.listed = 0
        self.compiled = 0
        real_list, real_compile = discovery._list_folder, ignore.compile_spec

        def counting_list(folder: str) -> object:
            self.listed += 1
            return real_list(folder)

        def counting_compile(lines: list[str]) -> object:
            self.compiled += 1
            return real_compile(lines)

        monkeypatch.setattr(discovery, "_list_folder", counting_list)
        monkeypatch.setattr(ignore, "compile_spec", counting_compile)

    def cached(self, paths: list[Path], settings: Settings | None = None) -> list[str]:
        settings = settings or Settings()
        self.listed = self.compiled = 0
        listings = ListingCache(self.cache_dir, listing_key(settings))
        found = discover_names(paths, settings, listings)
        assert listings.save() is None
        return found

    def check(self, paths: list[Path], settings: Settings | None = None) -> list[str]:
        """The cached walk, asserted equal to an uncached one."""
        found = self.cached(paths, settings)
        listed, compiled = self.listed, self.compiled
        assert found == discover_names(paths, settings or Settings())
        self.listed, self.compiled = listed, compiled
        return found

    def record(self, given: Path, settings: Settings | None = None) -> dict[str, FolderEntry]:
        listings = ListingCache(self.cache_dir, listing_key(settings or Settings()))
        record = listings.record(str(given))
        assert record is not None
        return dict(record.folders)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def walks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Walks:
    return Walks(tmp_path / "cache", monkeypatch)


def _rel(found: list[str], root: Path) -> list[str]:
    return [os.path.relpath(f, root) for f in found]


BASIC = {"a.py": "", "b.txt": "", "pkg/m.py": "", "pkg/sub/n.py": "", "pkg/sub/deep/o.pyi": "",
         "build/x.py": "", "other/p.py": "", ".gitignore": "*.gen.py\n"}


def test_a_warm_walk_lists_nothing_and_compiles_no_pattern(repo: Path, walks: Walks) -> None:
    _tree(repo, BASIC)
    _age(repo)
    cold = walks.check([repo])
    assert walks.listed > 0 and walks.compiled > 0
    warm = walks.check([repo])
    assert warm == cold and (walks.listed, walks.compiled) == (0, 0)
    assert _rel(warm, repo) == ["a.py", "other/p.py", "pkg/m.py", "pkg/sub/n.py",
                                "pkg/sub/deep/o.pyi"]


@pytest.mark.parametrize("change", [
    "add file", "remove file", "rename file", "add folder", "remove folder", "rename folder",
    "file becomes folder", "add virtualenv"])
def test_entries_added_removed_or_renamed_are_seen(repo: Path, walks: Walks,
                                                   change: str) -> None:
    _tree(repo, BASIC)
    _age(repo)
    before = walks.check([repo])
    sub = repo / "pkg" / "sub"
    if change == "add file":
        (sub / "new.py").write_text("", encoding="utf-8")
    elif change == "remove file":
        (sub / "n.py").unlink()
    elif change == "rename file":
        (sub / "n.py").rename(sub / "renamed.py")
    elif change == "add folder":
        _tree(sub, {"fresh/q.py": ""})
    elif change == "remove folder":
        shutil.rmtree(sub / "deep")
    elif change == "rename folder":
        (sub / "deep").rename(sub / "moved")
    elif change == "file becomes folder":
        (sub / "n.py").unlink()
        _tree(sub, {"n.py/inner.py": ""})
    elif change == "add virtualenv":
        (sub / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    after = walks.check([repo])  # equal to the uncached walk: asserted in check()
    assert after != before
    assert 0 < walks.listed < 5  # the changed folder (and what is new below it), not the tree


def test_an_edited_gitignore_is_seen_though_its_folder_did_not_change(repo: Path,
                                                                      walks: Walks) -> None:
    _tree(repo, BASIC)
    _age(repo)
    walks.check([repo])
    folder_stat = os.stat(repo)
    (repo / ".gitignore").write_text("pkg/sub/\n", encoding="utf-8")  # an edit in place
    assert os.stat(repo).st_mtime_ns == folder_stat.st_mtime_ns
    assert _rel(walks.check([repo]), repo) == ["a.py", "other/p.py", "pkg/m.py"]


def test_an_edit_that_keeps_size_and_mtime_is_seen_by_ctime(repo: Path, walks: Walks) -> None:
    _tree(repo, {**BASIC, ".gitignore": "a.py\n"})
    _age(repo)
    gitignore = repo / ".gitignore"
    st = gitignore.stat()
    assert "a.py" not in _rel(walks.check([repo]), repo)
    gitignore.write_text("b.py\n", encoding="utf-8")  # same size
    os.utime(gitignore, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime put back, as some tools do
    assert "a.py" in _rel(walks.check([repo]), repo)


def test_a_parent_gitignore_change_reaches_deep_unchanged_folders(repo: Path,
                                                                  walks: Walks) -> None:
    _tree(repo, {**BASIC, "pkg/.gitignore": "!keep.gen.py\n", "pkg/sub/deep/keep.gen.py": "",
                 "pkg/sub/deep/drop.gen.py": ""})
    _age(repo)
    found = _rel(walks.check([repo]), repo)
    assert "pkg/sub/deep/keep.gen.py" in found and "pkg/sub/deep/drop.gen.py" not in found
    (repo / "pkg" / ".gitignore").unlink()  # removed: pkg changes, deep does not
    found = _rel(walks.check([repo]), repo)
    assert "pkg/sub/deep/keep.gen.py" not in found
    assert walks.listed == 3  # pkg, sub and deep: their chain changed
    (repo / ".gitignore").write_text("*.pyi\n", encoding="utf-8")  # edited: no folder changes
    found = _rel(walks.check([repo]), repo)
    assert "pkg/sub/deep/drop.gen.py" in found and "pkg/sub/deep/o.pyi" not in found


@pytest.mark.parametrize("where", ["the checked folder", "a subfolder", "above the checked folder"])
def test_an_added_gitignore_is_seen(repo: Path, walks: Walks, where: str) -> None:
    _tree(repo, BASIC)
    (repo / ".gitignore").unlink()
    _age(repo)
    given = repo / "pkg"
    assert "pkg/sub/n.py" in _rel(walks.check([given]), repo)
    target = {"the checked folder": given, "a subfolder": given / "sub",
              "above the checked folder": repo}[where]
    (target / ".gitignore").write_text("n.py\n", encoding="utf-8")
    assert "pkg/sub/n.py" not in _rel(walks.check([given]), repo)


def test_a_new_git_root_changes_which_gitignore_files_apply(repo: Path, walks: Walks) -> None:
    _tree(repo, {**BASIC, ".gitignore": "n.py\n"})
    _age(repo)
    given = repo / "pkg"
    assert "pkg/sub/n.py" not in _rel(walks.check([given]), repo)
    (given / ".git").mkdir()  # pkg is a repository of its own now: the top .gitignore is out
    assert "pkg/sub/n.py" in _rel(walks.check([given]), repo)


def test_settings_and_paths_are_part_of_the_key(repo: Path, walks: Walks) -> None:
    _tree(repo, {**BASIC, "src/gen/g.py": "", "src/s.py": "", "x.gen.py": ""})
    _age(repo)
    plain = Settings(project_root=repo)
    excluding = Settings(project_root=repo, extend_exclude=("/src/gen",))
    no_gitignore = Settings(project_root=repo, respect_gitignore=False)
    elsewhere = Settings(project_root=repo / "src", extend_exclude=("/gen",))
    results = {}
    for settings in (plain, excluding, no_gitignore, elsewhere, plain):
        results[repr(settings)] = walks.check([repo], settings)
    assert len({tuple(r) for r in results.values()}) == 3  # `elsewhere` drops src/gen too
    for settings in (plain, excluding, no_gitignore, elsewhere):
        walks.check([repo], settings)
        assert walks.listed == 0  # each kept its own cache file
    assert len(list((walks.cache_dir / __version__).glob("*.dirs"))) == 4
    for paths in ([repo / "pkg"], [repo, repo / "pkg"], [repo / "pkg", repo], [repo / "a.py"]):
        walks.check(paths, plain)  # each checked folder has its own record
        walks.check(paths, plain)
        assert walks.listed == 0


def test_a_symlink_given_on_the_command_line_that_points_elsewhere(tmp_path: Path,
                                                                   walks: Walks) -> None:
    for name, extra in (("one", "only_one.py"), ("two", "only_two.py")):
        _tree(tmp_path / name, {**BASIC, f"pkg/{extra}": ""})
    _age(tmp_path / "one")
    _age(tmp_path / "two")
    for a, b in zip(sorted((tmp_path / "one").rglob("*")), sorted((tmp_path / "two").rglob("*")),
                    strict=True):  # the same mtimes, as `cp -a` leaves them
        st = a.stat()
        os.utime(b, ns=(st.st_atime_ns, st.st_mtime_ns))
    st = (tmp_path / "one").stat()
    os.utime(tmp_path / "two", ns=(st.st_atime_ns, st.st_mtime_ns))
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "one", target_is_directory=True)
    assert "pkg/only_one.py" in _rel(walks.check([link]), link)
    link.unlink()
    link.symlink_to(tmp_path / "two", target_is_directory=True)
    found = _rel(walks.check([link]), link)
    assert "pkg/only_two.py" in found and "pkg/only_one.py" not in found


def test_symlinks_whose_target_decides_are_never_trusted(tmp_path: Path, repo: Path,
                                                         walks: Walks) -> None:
    _tree(repo, BASIC)
    target = tmp_path / "elsewhere" / "target"
    _tree(tmp_path / "elsewhere", {"target": "", "ignore": "*.pyi\n"})
    (repo / "pkg" / "sub" / "x.py").symlink_to(target)
    (repo / "pkg" / "sub" / "deep" / ".gitignore").symlink_to(tmp_path / "elsewhere" / "ignore")
    (repo / "pkg" / "linked").symlink_to(repo / "other", target_is_directory=True)
    _age(repo)
    found = _rel(walks.check([repo]), repo)
    assert "pkg/sub/x.py" in found and "pkg/sub/deep/o.pyi" not in found
    assert "pkg/linked/p.py" not in found  # symlinked folders are not walked into
    record = walks.record(repo)
    assert record[str(repo / "pkg" / "sub")][0] == UNTRUSTED
    assert record[str(repo / "pkg")][0] != UNTRUSTED  # a symlinked folder decides nothing
    target.unlink()
    target.mkdir()  # x.py is now a link to a folder: not a file, not walked into
    (tmp_path / "elsewhere" / "ignore").write_text("nothing\n", encoding="utf-8")
    found = _rel(walks.check([repo]), repo)
    assert "pkg/sub/x.py" not in found and "pkg/sub/deep/o.pyi" in found


def test_recently_modified_folders_and_gitignores_are_not_trusted(repo: Path,
                                                                  walks: Walks) -> None:
    _tree(repo, BASIC)  # written just now: within RACY_SECONDS
    walks.check([repo])
    record = walks.record(repo)
    assert all(entry[0] == UNTRUSTED for entry in record.values())
    assert record[str(repo)][1] == UNTRUSTED  # the .gitignore's stat as well
    walks.check([repo])
    assert walks.listed == len(record)  # listed again, every one
    _age(repo)
    walks.check([repo])
    walks.check([repo])
    assert walks.listed == 0


def test_a_folder_that_cannot_be_listed_is_tried_again(repo: Path, walks: Walks,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(repo, BASIC)
    _age(repo)
    real_scandir = os.scandir
    blocked = str(repo / "pkg" / "sub")

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if path == blocked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    with monkeypatch.context() as patched:
        patched.setattr(os, "scandir", scandir)
        assert "pkg/sub/n.py" not in _rel(walks.cached([repo]), repo)
    assert "pkg/sub/n.py" in _rel(walks.check([repo]), repo)


def _listing_file(cache_dir: Path) -> Path:
    (file,) = (cache_dir / __version__).glob("*.dirs")
    return file


def _rewrite(file: Path, change: Any) -> None:
    """Rewrite a listing cache file's document (`change`: a new one, or a function of the old
    one) with a valid digest."""
    doc = marshal.loads(file.read_bytes()[16:])
    doc = change(doc) if callable(change) else change
    payload = marshal.dumps(doc)
    file.write_bytes(blake2b(payload, digest_size=16).digest() + payload)


def _ghost(doc: dict[str, Any]) -> dict[str, Any]:
    """A record that claims a file that is not there (stats left as recorded: trusted)."""
    for record in doc["records"].values():
        for folder, entry in record[2].items():
            record[2][folder] = (*entry[:4], (*entry[4], "ghost.py"))
    return doc


CORRUPT: dict[str, Any] = {
    "empty": b"",
    "garbage": b"\x00\x01 not a cache",
    "truncated": None,  # the real file, cut in half
    "digest mismatch": None,  # the real file, one payload byte changed
    "not marshal": "digest ok, payload not marshal",
    "a list": [],
    "another format": {"format": 99, "records": {}},
    "records not a dict": "records",
    "a record of another shape": "record",
    "an entry of another shape": "entry",
}


@pytest.mark.parametrize("case", sorted(CORRUPT))
def test_a_corrupt_listing_cache_is_an_empty_one(repo: Path, walks: Walks, case: str) -> None:
    _tree(repo, BASIC)
    _age(repo)
    expected = walks.check([repo])
    file = _listing_file(walks.cache_dir)
    data = file.read_bytes()
    if case == "truncated":
        file.write_bytes(data[:len(data) // 2])
    elif case == "digest mismatch":
        file.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    elif case == "not marshal":
        payload = b"\xff\xfe\xfd"
        file.write_bytes(blake2b(payload, digest_size=16).digest() + payload)
    elif case in ("records not a dict", "a record of another shape", "an entry of another shape"):
        def damage(doc: dict[str, Any]) -> dict[str, Any]:
            records = doc["records"]
            if case == "records not a dict":
                doc["records"] = [1, 2]
            elif case == "a record of another shape":
                records[str(repo)] = ("x",)
            else:
                day, above, folders = records[str(repo)]
                records[str(repo)] = (day, above, {k: v[:3] for k, v in folders.items()})
            return doc
        _rewrite(file, damage)
    else:
        value = CORRUPT[case]
        if isinstance(value, bytes):
            file.write_bytes(value)
        else:
            _rewrite(file, value)
    assert walks.check([repo]) == expected
    assert walks.listed > 0  # nothing trusted from it ...
    walks.check([repo])
    assert walks.listed == 0  # ... and it was written anew


def test_an_unreadable_listing_cache_is_an_empty_one(repo: Path, walks: Walks) -> None:
    _tree(repo, BASIC)
    _age(repo)
    expected = walks.check([repo])
    file = _listing_file(walks.cache_dir)
    file.unlink()
    file.mkdir()  # cannot be read, nor replaced
    listings = ListingCache(walks.cache_dir, listing_key(Settings()))
    assert discover_names([repo], Settings(), listings) == expected
    error = listings.save()
    assert error is not None and "cannot write the cache" in error


def test_a_valid_record_is_really_used(repo: Path, walks: Walks) -> None:
    """The counter-test of the corrupt cases: a well-formed record is trusted as it stands."""
    _tree(repo, BASIC)
    _age(repo)
    walks.check([repo])
    _rewrite(_listing_file(walks.cache_dir), _ghost)
    assert "ghost.py" in _rel(walks.cached([repo]), repo)


def test_no_cache_neither_reads_nor_writes_the_listing_cache(repo: Path, tmp_path: Path) -> None:
    _tree(repo, {"m.py": "import asyncio\nasyncio.create_task(f())\n", "pkg/n.py": ""})
    _age(repo)
    cache_dir = tmp_path / "cli-cache"
    args = ["check", "--format", "json", "--cache-dir", str(cache_dir), str(repo)]
    assert CliRunner().invoke(main, args).exit_code == 1
    file = _listing_file(cache_dir)
    _rewrite(file, _ghost)
    poisoned = file.read_bytes()
    with_cache = CliRunner().invoke(main, args)
    assert "ghost.py" in with_cache.stdout  # read: the ghost cannot be opened, and says so
    assert file.read_bytes() == poisoned
    without = CliRunner().invoke(main, [*args[:1], "--no-cache", *args[1:]])
    assert without.exit_code == 1 and "ghost.py" not in without.stdout
    assert file.read_bytes() == poisoned  # not written either


def test_records_of_folders_unchecked_for_long_are_dropped(repo: Path, walks: Walks) -> None:
    _tree(repo, BASIC)
    _age(repo)
    walks.check([repo / "pkg"])
    walks.check([repo / "other"])
    file = _listing_file(walks.cache_dir)

    def backdate(doc: dict[str, Any]) -> dict[str, Any]:
        records = doc["records"]
        day, above, folders = records[str(repo / "other")]
        records[str(repo / "other")] = (day - MAX_AGE_DAYS - 1, above, folders)
        return doc

    _rewrite(file, backdate)
    walks.check([repo / "pkg"])
    records = marshal.loads(file.read_bytes()[16:])["records"]
    assert set(records) == {str(repo / "pkg")}


def test_old_listing_files_are_pruned_with_the_cache_folder(repo: Path, tmp_path: Path) -> None:
    _tree(repo, BASIC)
    cache_dir = tmp_path / "cache"
    old_version = cache_dir / "0.0.1"
    old_version.mkdir(parents=True)
    (old_version / "0123456789abcdef.dirs").write_bytes(b"x")
    (cache_dir / __version__).mkdir()
    for folder in (cache_dir, old_version, cache_dir / __version__):
        cachedir._mark(folder)  # made by taskleak: only those are pruned
    unused = cache_dir / __version__ / "fedcba9876543210.dirs"
    unused.write_bytes(b"x")
    os.utime(unused, (1, 1))
    listings = ListingCache(cache_dir, listing_key(Settings()))
    discover_names([repo], Settings(), listings)
    assert listings.save() is None
    assert not old_version.exists() and not unused.exists()
    assert listings.file.exists()


WARM_PROBE = textwrap.dedent("""
    import sys
    from taskleak.cli import main
    try:
        main(["check", "--format", "json", "--cache-dir", sys.argv[1], sys.argv[2]])
    except SystemExit:
        pass
    lazy = ("pathspec", "libcst", "rich", "hashlib", "_hashlib", "tempfile", "shutil",
            "difflib", "tomllib")
    loaded = sorted({m.split(".")[0] for m in sys.modules} & set(lazy))
    sys.stderr.write("LOADED=" + ",".join(loaded) + "\\n")
""")


def _loaded_in_fresh_interpreter(cache_dir: Path, root: Path) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", WARM_PROBE, str(cache_dir), str(root)],
                          capture_output=True, text=True, timeout=120, check=False)
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED=")]
    assert line, proc.stderr
    return {m for m in line[-1].split("=")[1].split(",") if m}


def test_a_warm_run_imports_none_of_what_only_changes_need(repo: Path, tmp_path: Path) -> None:
    _tree(repo, {**BASIC, "m.py": "import asyncio\nasyncio.create_task(f())\n"})
    _age(repo)
    cache_dir = tmp_path / "probe-cache"
    cold = _loaded_in_fresh_interpreter(cache_dir, repo)
    assert {"pathspec", "libcst", "tempfile"} <= cold  # the cold run needs them
    assert _loaded_in_fresh_interpreter(cache_dir, repo) == set()


# -- random trees against a reference walk ---------------------------------------------------

def _reference(paths: list[Path], settings: Settings) -> list[str]:
    """Discovery as the first, plain implementation did it: os.walk, and pathspec asked about
    every path against each exclude base and each .gitignore from the git root down."""
    excludes = pathspec.GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude])
    specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def spec(folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in specs:
            gi = folder / ".gitignore"
            specs[folder] = pathspec.GitIgnoreSpec.from_lines(
                gi.read_text(encoding="utf-8", errors="replace").splitlines()) \
                if gi.is_file() else None
        return specs[folder]

    def ignored(path: Path, is_dir: bool, top: Path) -> bool:
        folder = path.parent
        while True:
            s = spec(folder)
            if s is not None:
                rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
                include = s.check_file(rel).include
                if include is not None:
                    return bool(include)
            if folder == top or folder.parent == folder:
                return False
            folder = folder.parent

    def excluded(path: Path, is_dir: bool, root: Path, given: Path) -> bool:
        for base in (root, given):
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            if excludes.match_file(rel + ("/" if is_dir else "")):
                return True
        return False

    out: list[str] = []
    for given in paths:
        given = given.absolute()
        if given.is_file():
            if str(given) not in out:
                out.append(str(given))
            continue
        root = settings.project_root or Path.cwd()
        top = discovery.git_root(given) or given
        for dirpath, dirnames, filenames in os.walk(given):
            folder = Path(dirpath)
            keep = []
            for d in sorted(dirnames):
                sub = folder / d
                if excluded(sub, True, root, given) or (sub / "pyvenv.cfg").exists():
                    continue
                if settings.respect_gitignore and ignored(sub, True, top):
                    continue
                keep.append(d)
            dirnames[:] = keep
            for name in sorted(filenames):
                f = folder / name
                if not name.endswith((".py", ".pyi")) or str(f) in out \
                        or excluded(f, False, root, given) \
                        or (settings.respect_gitignore and ignored(f, False, top)):
                    continue
                out.append(str(f))
    return out


FOLDERS = ["a", "src", "gen", "build", "deep", "pkg.py", "test_x", "keep"]
FILES = ["m.py", "test_m.py", "keep.gen.py", "drop.gen.py", "x.pyi", "xa.py", "c.py",
         "notes.txt", "weird.py"]
PATTERNS = ["*.gen.py", "!keep.gen.py", "/a/", "a/", "build", "!build", "deep/**/c.py",
            "src/*.pyi", "test_*", "!test_m.py", "/m.py", "**/gen/", "# comment", "",
            "x[ab].py", "we?rd.py", "keep/", "!keep/"]


def _random_tree(rng: random.Random, root: Path, outside: Path, depth: int = 0) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name in rng.sample(FILES, rng.randint(0, 4)):
        (root / name).write_text("", encoding="utf-8")
    if rng.random() < 0.35:
        _write_gitignore(rng, root)
    if depth and rng.random() < 0.08:
        (root / "pyvenv.cfg").write_text("", encoding="utf-8")
    if rng.random() < 0.15:
        _random_link(rng, root, outside)
    if depth < 3:
        for name in rng.sample(FOLDERS, rng.randint(0, 3 - depth)):
            _random_tree(rng, root / name, outside, depth + 1)


def _write_gitignore(rng: random.Random, folder: Path) -> None:
    lines = rng.sample(PATTERNS, rng.randint(1, 4))
    (folder / ".gitignore").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _random_link(rng: random.Random, folder: Path, outside: Path) -> None:
    """A symlink named like a source file, to a file or a folder outside the tree."""
    name = rng.choice(["link.py", "linked", "other.pyi"])
    target = outside / f"t{rng.randrange(10**9)}"
    if rng.random() < 0.5:
        target.mkdir(parents=True)
        (target / "inside.py").write_text("", encoding="utf-8")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("", encoding="utf-8")
    if not (folder / name).exists() and not (folder / name).is_symlink():
        (folder / name).symlink_to(target)


def _mutate(rng: random.Random, root: Path, outside: Path) -> str:
    """One random change anywhere in the tree (the checked paths stay); says what it did."""
    folders = sorted(p for p in [root, *root.rglob("*")]
                     if p.is_dir() and not p.is_symlink() and ".git" not in p.parts)
    folder = rng.choice(folders)
    kind = rng.choice(["add file", "remove file", "add folder", "remove folder", "gitignore",
                       "remove gitignore", "venv", "retarget link", "git root"])
    files = sorted(p for p in folder.iterdir()
                   if p.is_file() and not p.is_symlink() and p != root / "src" / "m.py")
    subfolders = [p for p in folders if p.parent == folder and p != root / "src"]
    links = sorted(p for p in folder.iterdir() if p.is_symlink())
    if kind == "add file":
        (folder / rng.choice(FILES)).write_text("", encoding="utf-8")
    elif kind == "remove file" and files:
        rng.choice(files).unlink()
    elif kind == "add folder":
        _random_tree(rng, folder / rng.choice(FOLDERS), outside, depth=2)
    elif kind == "remove folder" and subfolders:
        shutil.rmtree(rng.choice(subfolders))
    elif kind == "gitignore":
        _write_gitignore(rng, folder)
    elif kind == "remove gitignore" and (folder / ".gitignore").is_file():
        (folder / ".gitignore").unlink()
    elif kind == "venv" and folder != root:
        (folder / "pyvenv.cfg").write_text("", encoding="utf-8")
    elif kind == "retarget link" and links:
        target = links[0].resolve()
        if target.is_dir():
            shutil.rmtree(target)
            target.write_text("", encoding="utf-8")
        elif target.exists():
            target.unlink()
            target.mkdir()
    elif kind == "git root" and folder != root:
        (folder / ".git").mkdir(exist_ok=True)
    return f"{kind} in {folder.relative_to(root)}"


@pytest.mark.parametrize("seed", range(40))
def test_random_trees_cached_and_uncached_walks_agree(tmp_path: Path, seed: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    _random_tree(rng, repo, outside)
    _tree(repo, {"src/m.py": "", "src/gen/g.py": ""})
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo)
    settings = rng.choice([Settings(), Settings(project_root=repo, extend_exclude=("/src/gen",)),
                           Settings(respect_gitignore=False)])
    given = rng.choice([[repo], [repo / "src"], [repo / "src", repo],
                        [repo, repo / "src" / "m.py"]])
    walks = Walks(tmp_path / "cache", monkeypatch)
    _age(repo)
    expected = _reference(given, settings)
    assert discover_names(given, settings) == expected  # the walk itself, against the reference
    assert walks.cached(given, settings) == expected  # cold, recording
    assert walks.cached(given, settings) == expected  # warm, from the records
    assert walks.listed == _untrusted(walks, given, settings)
    assert walks.compiled == 0 or walks.listed > 0
    for round_ in range(3):
        done = [_mutate(rng, repo, outside) for _ in range(rng.randint(1, 3))]
        expected = _reference(given, settings)
        assert walks.cached(given, settings) == expected, (round_, done)
        assert walks.cached(given, settings) == expected, (round_, done)  # from what it recorded
    _age(repo)
    walks.cached(given, settings)
    assert walks.cached(given, settings) == expected
    assert walks.listed == _untrusted(walks, given, settings)


def _untrusted(walks: Walks, given: list[Path], settings: Settings) -> int:
    """The folders whose result depends on a symlink's target: listed on every walk."""
    count = 0
    for path in given:
        if path.is_dir():
            for folder, entry in walks.record(path, settings).items():
                if entry[0] == UNTRUSTED:
                    assert any(p.is_symlink() and p.name.endswith((".py", ".pyi", ".gitignore"))
                               for p in Path(folder).iterdir()), folder
                    count += 1
    return count
