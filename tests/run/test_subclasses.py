"""The classes derived from spawning classes (`run/subclasses.py`): the one class of another file
deriving from a class is found, several give none, and the speed trick (class statements found in
the bytes before `ast` reads a file) finds what `ast` would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from taskleak.analysis.facts.module import FileFacts
from taskleak.run.subclasses import (
    ModuleClasses,
    Resolve,
    _derived_from,
    derived_classes,
    read_classes,
)


def _files(tmp_path: Path, files: dict[str, str]) -> list[str]:
    out = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(str(path))
    return out


def _resolve(paths: list[str]) -> Resolve:
    def resolve(importer: str, target: str) -> tuple[int, str] | None:
        module, _, name = target.rpartition(".")
        for i, p in enumerate(paths):
            if p.endswith(module.replace(".", "/") + ".py"):
                return (i, name)
        return None
    return resolve


def _reader(paths: list[str]) -> Callable[[int], ModuleClasses | None]:
    return lambda j: read_classes(Path(paths[j]).read_bytes())


def test_the_one_derived_class_is_found_and_several_give_none(tmp_path: Path) -> None:
    paths = _files(tmp_path, {
        "pkg/base.py": "class Reader:\n    pass\n\nclass Pool:\n    pass\n",
        "pkg/main.py": "from pkg.base import Reader, Pool\n\nclass Mine(Reader):\n    pass\n\n"
                       "class One(Pool):\n    pass\n",
        "pkg/other.py": "from pkg.base import Pool\n\nclass Two(Pool):\n    pass\n",
    })
    results = [FileFacts(p) for p in paths]
    found = derived_classes(paths, results, None, {(0, "Reader"), (0, "Pool")},
                            _resolve(paths), _reader(paths))
    assert dict(found) == {(0, "Reader"): [(1, "Mine")]}


def test_a_class_of_the_same_name_elsewhere_is_not_derived(tmp_path: Path) -> None:
    paths = _files(tmp_path, {
        "pkg/base.py": "class Reader:\n    pass\n",
        "pkg/main.py": "from other.lib import Reader\n\nclass Mine(Reader):\n    pass\n",
    })
    results = [FileFacts(p) for p in paths]
    assert not derived_classes(paths, results, None, {(0, "Reader")},
                               _resolve(paths), _reader(paths))


def test_the_bytes_find_the_class_statements_ast_reads() -> None:
    text = (b"class First(Base, metaclass=Meta):\n    pass\n"
            b"def f():\n    class Inner(Base):\n        pass\n"
            b"class Second(\n    mixins.Mixin,\n    Base,\n):\n    pass\n"
            b"x = 'class Fake(Base)'\n")
    words = {"Base", "Mixin", "Meta"}
    found = sorted(_derived_from(text, words))
    read = read_classes(text)
    assert read is not None
    by_ast = sorted(w for bases in read.bases.values() for b in bases for w in words
                    if w in b.replace(".", " ").split())
    # top-level class statements only (a nested class is no module member to merge); the
    # bytes never miss a base `ast` reads, and may take a keyword's value for one (`Meta`):
    # they only say which file `ast` reads
    assert by_ast == ["Base", "Base", "Mixin"]
    assert found == ["Base", "Base", "Meta", "Mixin"]


def test_a_class_handed_alone_gives_the_members_the_whole_module_gives() -> None:
    import libcst as cst

    from taskleak.analysis.tree.inherit import InheritedFrom, merged
    base = (b"\xef\xbb\xbf\"\"\"A module.\"\"\"\nfrom __future__ import annotations\n\n"
            b"import asyncio\nX = 1\n\n\ndef helper() -> None:\n    pass\n\n\n"
            b"@decorated\nclass Base:\n"
            b"    limit = 3\n\n    async def _loop(self) -> None:\n        while self.go:\n"
            b"            await asyncio.sleep(X)\n\n\nclass Other:\n    pass\n")
    sub = cst.parse_module("from m import Base\n\nclass Sub(Base):\n    pass\n")
    read = read_classes(base)
    assert read is not None
    alone = read.sources.get("Base")
    assert alone is not None and b"helper" not in alone and b"Other" not in alone
    whole, _ = merged(sub, [InheritedFrom("Sub", cst.parse_module(base), "Base", True)])
    part, _ = merged(sub, [InheritedFrom("Sub", cst.parse_module(alone), "Base", True)])
    # the same members, and the same imports they need (blank lines aside)
    assert [line for line in whole.code.splitlines() if line.strip()] == \
        [line for line in part.code.splitlines() if line.strip()]
    assert read.sources.get("Missing") is None


def test_the_files_by_suffix_are_those_every_suffix_indexed_gives(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """The speed trick of `class_files.RunFiles`: paths shown as the tail under the current folder,
    and files found by a suffix filtered from those of the same name, are what `relative_path`
    of every path and an index of every suffix give."""
    from taskleak.files.paths import relative_path
    from taskleak.run.class_files import RunFiles

    monkeypatch.chdir(tmp_path)
    names = ["pkg/a/mod.py", "pkg/b/mod.py", "pkg/a/other.py", "mod.py", "lib/pkg/a/mod.py"]
    paths = [str(tmp_path / n) for n in names] + [str(tmp_path.parent / "outside" / "mod.py")]
    files = RunFiles(paths)
    assert files.display == [relative_path(p) for p in paths]
    every: dict[str, list[int]] = {}
    for i, shown in enumerate(files.display):
        parts = shown.split("/")
        for k in range(len(parts)):
            every.setdefault("/".join(parts[k:]), []).append(i)
    for suffix in [*every, "a/nothing.py", "b/mod.py", "pkg/a/mod.py"]:
        assert files.by_suffix(suffix) == every.get(suffix, []), suffix
