"""Which files a run looks at: `.py`/`.pyi` below the given paths, minus excludes and .gitignore.

The walk works on strings (no `Path` objects per file) and carries each folder's chain of
.gitignore files down to its subfolders, so a path is never re-split to find its parents; the
patterns themselves are matched in `ignore.py`.

With a `ListingCache` (see listing_cache.py) a folder whose stat, and whose deciding .gitignore
files' stats, are the ones recorded by an earlier run is not listed again: its recorded result
is used, no pattern is evaluated, and pathspec is imported only when some folder is listed.

Besides the files, a walk reports (in `Found`) the folders it could not list, with the reason
(the run shows them as skipped), and the temporary files a killed `taskleak fix` left (the run
removes the stale ones: files/temporary.py); a folder holding one is listed again on each run
until it is gone. A path given that is neither a folder nor a regular file (a FIFO, a device)
is an error (`SpecialPathError`): it is never opened.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.files import ignore
from taskleak.files.ignore import Chain, Ignores, Skip, Spec
from taskleak.files.listing_cache import UNTRUSTED, FolderEntry, StatKey
from taskleak.files.regular import kind_of
from taskleak.files.temporary import TEMP_SUFFIX, is_temporary
from taskleak.records import record
from taskleak.settings import Settings

if TYPE_CHECKING:
    from taskleak.files.listing_cache import ListingCache

SUFFIXES = (".py", ".pyi")


class SpecialPathError(ValueError):
    """A path given to check is neither a folder nor a regular file (a FIFO, a device ...)."""


@record
class Found:
    """What walks met besides the files to check."""

    unlisted: list[tuple[str, str]] = field(default_factory=list)  # (folder, why not listed)
    temporaries: list[str] = field(default_factory=list)  # a killed `fix`'s, as paths


def git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def listing_key(settings: Settings) -> str:
    """The settings that decide which files a walk keeps (part of the listing cache's key)."""
    root = str(settings.project_root or Path.cwd())
    return repr((root, settings.exclude, settings.extend_exclude, settings.respect_gitignore))


def is_excluded(path: Path, settings: Settings) -> bool:
    """Whether `--force-exclude` leaves `path` (a named file, or stdin's --stdin-filename) out."""
    return _Walker(settings, None, Found()).excluded(str(path.absolute()))


def discover(paths: Sequence[Path], settings: Settings) -> Iterator[Path]:
    """Yield files to check, each once, in a stable order. Paths must exist."""
    return (Path(f) for f in discover_names(paths, settings))


def discover_names(paths: Sequence[Path], settings: Settings,
                   listings: ListingCache | None = None, found: Found | None = None,
                   on_many: tuple[int, Callable[[], None]] | None = None) -> list[str]:
    """`discover`, as absolute path strings (what the runner works with). With `listings`,
    folders unchanged since an earlier run are not listed again (the caller saves it); into
    `found`, the folders that could not be listed and the temporary files met; `on_many`:
    (N, f), f called once as soon as a walk that lists folders has found N files.
    Raises SpecialPathError when a path is neither a folder nor a regular file."""
    walker = _Walker(settings, listings, found if found is not None else Found(), on_many)
    out: list[str] = []
    seen: set[str] = set()  # filled only when another path follows
    for i, given_path in enumerate(paths):
        is_file = _given_is_file(given_path)
        given_path = given_path.absolute()
        if settings.force_exclude and walker.excluded(str(given_path)):
            files = []  # --force-exclude: the excludes apply to named paths too
        elif is_file:
            files = [str(given_path)]  # a file named on the command line is always checked
        else:
            top = git_root(given_path) or given_path
            files = walker.walk(str(given_path), str(top))
        if seen:  # one walk never meets a file twice; an earlier path may have listed it
            files = [f for f in files if f not in seen]
        if i + 1 < len(paths):
            seen.update(files)
        out.extend(files)
    return out


def _given_is_file(path: Path) -> bool:
    """Whether a given path is a regular file (False: a folder, or nothing there: a walk finds
    nothing). Anything else is refused before it is opened: reading a FIFO waits for a writer,
    reading /dev/zero never ends."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return stat.S_ISREG(mode)
    raise SpecialPathError(f"{path}: not a file or folder to check ({kind_of(mode)})")


class _Walker:
    def __init__(self, settings: Settings, listings: ListingCache | None,
                 found: Found, on_many: tuple[int, Callable[[], None]] | None = None) -> None:
        self.settings = settings
        self.found = found
        self.on_many = on_many
        self.gitignore = settings.respect_gitignore
        self.root = str(settings.project_root or Path.cwd())
        self.listings = listings
        self.ignores = Ignores()
        self._excludes: Spec | None = None

    @property
    def excludes(self) -> Spec:
        if self._excludes is None:  # built when a folder is listed, not before
            self._excludes = ignore.compile_spec(
                [*self.settings.exclude, *self.settings.extend_exclude])
        return self._excludes

    def excluded(self, path: str) -> bool:
        """Whether the exclude patterns match `path` or a folder above it, relative to the
        project root (else the current folder): what `--force-exclude` asks of named paths."""
        rel = ignore.relative_below(path, self.root)
        if rel is None:
            return False
        parts = rel.split("/")
        for depth in range(1, len(parts) + 1):
            folder = depth < len(parts) or os.path.isdir(path)
            if self.excludes.check("/".join(parts[:depth]) + ("/" if folder else "")):
                return True
        return False

    def above(self, given: str, top: str) -> tuple[tuple[str, StatKey | None], ...]:
        """The folders above `given` up to `top` whose .gitignore applies to it, with the stat
        of their .gitignore (None: there is none), nearest first."""
        if not self.gitignore or given == top:
            return ()
        out: list[tuple[str, StatKey | None]] = []
        folder = given
        while True:
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
            out.append((folder, self.ignores.stat(folder)))
            if folder == top:
                break
        return tuple(out)

    def walk(self, given: str, top: str) -> list[str]:
        """The files kept below the folder `given`, depth first, a folder's files before its
        subfolders (as os.walk(topdown=True) goes)."""
        listings = self.listings
        racy_after = listings.racy_after_ns if listings is not None else 0
        old = listings.record(given) if listings is not None else None
        above = self.above(given, top)
        recorded_above = tuple((f, _trusted_or_none(s, racy_after)) for f, s in above)
        old_folders = old.folders if old is not None else {}
        bases = (self.root, given) if self.root != given else (self.root,)
        changed = old is None or old.above != recorded_above
        stats: dict[str, StatKey] = {}
        if listings is not None and not changed:
            replayed = self._replay(given, old_folders, stats)
            if replayed is not None:
                listings.put(given, recorded_above, old_folders, False)
                return replayed
        out, new_folders, changed = self._walk_folders(
            given, tuple(f for f, s in above if s is not None), changed, old_folders, bases,
            stats, racy_after)
        if listings is not None:
            changed = changed or new_folders.keys() != old_folders.keys()
            listings.put(given, recorded_above, new_folders, changed)
        return out

    def _walk_folders(self, given: str, chain_above: Chain, changed: bool,
                      old_folders: dict[str, FolderEntry], bases: tuple[str, ...],
                      stats: dict[str, StatKey], racy_after: int
                      ) -> tuple[list[str], dict[str, FolderEntry], bool]:
        """Walk the folders below `given`: (files kept, each folder's entry, whether any entry
        differs from the recorded ones)."""
        out: list[str] = []
        new_folders: dict[str, FolderEntry] = {}
        # Items: (folder, the chain of .gitignore folders above it, whether each of those is
        # the one the recorded entries were made with). Locals: this loop runs per folder.
        todo: list[tuple[str, Chain, bool]] = [(given, chain_above, not changed)]
        pop, push, extend, recorded = todo.pop, todo.extend, out.extend, old_folders.get
        sep, os_stat, gitignore_stat, stat_known = os.sep, os.stat, self.ignores.stat, stats.get
        while todo:
            dirpath, chain, chain_ok = pop()
            now = stat_known(dirpath)  # taken by _replay before it gave up
            if now is None:
                try:  # before the listing: a later edit changes it
                    st = os_stat(dirpath)
                    now = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino,
                           st.st_dev)  # as stat_key()
                except OSError:
                    now = None
            entry = recorded(dirpath)
            if entry is not None and chain_ok and entry[0] == now \
                    and (entry[1] is None or gitignore_stat(dirpath) == entry[1]):
                new = entry  # unchanged: no listing, no pattern
            else:
                made = self._list(dirpath, dirpath == given, chain, bases, now, racy_after)
                if made is None:  # cannot be listed (now): not recorded
                    changed = changed or entry is not None
                    continue
                new = made
                changed = changed or new != entry
                # the subfolders' entries were made under this folder's .gitignore: still it?
                chain_ok = chain_ok and entry is not None and entry[1] == new[1] \
                    and new[1] != UNTRUSTED
            new_folders[dirpath] = new
            _, gi, venv, keep, files = new
            if venv:
                continue
            prefix = dirpath if dirpath[-1:] == sep else dirpath + sep
            extend([prefix + name for name in files])
            on_many = self.on_many
            if on_many is not None and len(out) >= on_many[0]:
                self.on_many = None  # once
                on_many[1]()
            if keep:
                if gi is not None:
                    chain = (dirpath, *chain)
                push([(prefix + name, chain, chain_ok) for name in reversed(keep)])
        return out, new_folders, changed

    def _replay(self, given: str, folders: dict[str, FolderEntry],
                stats: dict[str, StatKey]) -> list[str] | None:
        """The files of a walk over a tree where nothing changed, straight from the record:
        its folders are in the order that walk visited them, the order any walk over the same
        entries visits them. None as soon as a folder or .gitignore is not as recorded, or a
        subfolder was not recorded (the walk decides then, with the `stats` taken here)."""
        if next(iter(folders), None) != given:
            return None
        out: list[str] = []
        extend, sep, os_stat, gitignore_stat = out.extend, os.sep, os.stat, self.ignores.stat
        reached = 1  # folders the entries lead to: `given` and each subfolder kept
        for dirpath, (key, gi, venv, keep, files) in folders.items():
            try:
                st = os_stat(dirpath)
            except OSError:
                return None
            now = stats[dirpath] = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino,
                                    st.st_dev)  # as stat_key()
            if key != now or (gi is not None and gitignore_stat(dirpath) != gi):
                return None
            if not venv:
                prefix = dirpath if dirpath[-1:] == sep else dirpath + sep
                extend([prefix + name for name in files])
                reached += len(keep)
        return out if reached == len(folders) else None

    def _list(self, dirpath: str, is_given: bool, chain: Chain, bases: tuple[str, ...],
              now: StatKey | None, racy_after: int) -> FolderEntry | None:
        """List a folder and decide which of its entries the walk keeps; None when it cannot
        be listed. `chain`: the .gitignore folders above it."""
        try:
            dirnames, filenames, markers, volatile, temporaries = _list_folder(dirpath)
        except OSError as exc:
            self.found.unlisted.append((dirpath, exc.strerror or str(exc)))
            return None
        if temporaries:  # listed again on each run until they are gone
            prefix = dirpath if dirpath.endswith(os.sep) else dirpath + os.sep
            self.found.temporaries.extend(prefix + name for name in temporaries)
        folder_key = UNTRUSTED if now is None or volatile else _trusted(now, racy_after)
        if is_given:  # the folder named on the command line: never a virtualenv
            present = self.gitignore and self.ignores.stat(dirpath) is not None
        elif "pyvenv.cfg" in markers:
            return (folder_key, None, True, (), ())  # a virtualenv: not the project's code
        else:
            present = self.gitignore and ".gitignore" in markers
        gi: StatKey | None = None
        if present:
            st = self.ignores.stat(dirpath)  # None: listed, yet no longer a file: untrusted
            gi = UNTRUSTED if st is None else _trusted(st, racy_after)
            chain = (dirpath, *chain)
        skip = Skip(dirpath, self.excludes, bases, self.ignores.specs(chain))
        keep = tuple(d for d in sorted(dirnames) if not skip(d + "/"))
        files = tuple(name for name in sorted(filenames) if not skip(name))
        return (folder_key, gi, False, keep, files)


def _trusted(key: StatKey, racy_after_ns: int) -> StatKey:
    """`key` as it may be recorded: UNTRUSTED when modified so recently that another change in
    the same clock tick would leave the stat as it is (git's racy-clean rule). An older mtime
    is enough: any change sets it to the present."""
    return UNTRUSTED if key[0] >= racy_after_ns else key


def _trusted_or_none(key: StatKey | None, racy_after_ns: int) -> StatKey | None:
    return None if key is None else _trusted(key, racy_after_ns)


_MARKERS = frozenset({"pyvenv.cfg", ".gitignore"})


def _list_folder(folder: str) -> tuple[list[str], list[str], set[str], bool, list[str]]:
    """(subfolders to walk into, .py/.pyi files, markers present, volatile, temporary files) of
    a folder; raises OSError when it cannot be listed. Like os.walk: symlinked folders are not
    walked into, an entry whose type cannot be read is a file, and a listing that fails halfway
    counts as no listing.

    Volatile: the result depends on more than the folder's own entries (a symlink named like a
    file or a marker: its target can change without the folder changing; an entry whose type
    could not be read), or the folder holds temporary files to remove, so the listing cache
    must not trust it.
    """
    with os.scandir(folder) as entries:
        listed = list(entries)
    dirnames: list[str] = []
    filenames: list[str] = []
    markers: set[str] = set()
    volatile = False
    temporaries: list[str] = []
    for entry in listed:
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
            volatile = True
        if is_dir:
            if not entry.is_symlink():
                dirnames.append(name)
            elif name.endswith(SUFFIXES):
                volatile = True  # a link to a folder now, maybe to a file later
        elif name.endswith(SUFFIXES):
            filenames.append(name)
            volatile = volatile or entry.is_symlink()
        elif name.endswith(TEMP_SUFFIX) and is_temporary(name):
            temporaries.append(name)
        if name in _MARKERS:
            volatile = volatile or entry.is_symlink()
            if _marker_present(entry):
                markers.add(name)
    return dirnames, filenames, markers, volatile or bool(temporaries), temporaries


def _marker_present(entry: os.DirEntry[str]) -> bool:
    """pyvenv.cfg counts when it exists at all (os.path.exists), .gitignore when it is a file."""
    try:
        if entry.name == ".gitignore":
            return entry.is_file()
        return not entry.is_symlink() or os.path.exists(entry.path)
    except OSError:
        return False
