"""Discovery: which files a run looks at (nested .gitignore chains, excludes, order, dedup).

`tests/test_cli.py` covers the everyday cases end to end; these pin the corners the string-based
walk must keep: a .gitignore chain carried from the git root into a checked subfolder, nested
negations, anchored patterns, excludes relative to the project root and to the checked path,
and the quick "no pattern matches" test agreeing with pathspec.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pathspec
import pytest

from taskleak.files.discovery import discover, discover_names
from taskleak.files.ignore import Spec
from taskleak.settings import Settings


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _found(paths: list[Path], settings: Settings | None = None) -> list[str]:
    return [os.path.relpath(p) for p in discover_names(paths, settings or Settings())]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_nested_gitignore_chain_negation_and_anchors(repo: Path) -> None:
    _tree(repo, {
        ".gitignore": "*.gen.py\ndata/\n",
        "a.py": "", "a.gen.py": "",
        "sub/.gitignore": "!keep.gen.py\n/top.py\n",
        "sub/keep.gen.py": "", "sub/drop.gen.py": "", "sub/top.py": "",
        "sub/deep/top.py": "", "sub/data/x.py": "", "other/data/y.py": "", "other/z.py": "",
    })
    assert _found([Path(".")]) == [
        "a.py", "other/z.py", "sub/keep.gen.py", "sub/deep/top.py"]
    # without .gitignore only the default excludes apply
    assert len(_found([Path(".")], Settings(respect_gitignore=False))) == 9


def test_checking_a_subfolder_applies_the_gitignore_files_above_it(repo: Path) -> None:
    _tree(repo, {".gitignore": "skip_*.py\n", "pkg/sub/skip_me.py": "", "pkg/sub/m.py": "",
                 "pkg/.gitignore": "!skip_kept.py\n", "pkg/sub/skip_kept.py": ""})
    assert _found([Path("pkg/sub")]) == ["pkg/sub/m.py", "pkg/sub/skip_kept.py"]


def test_gitignore_above_the_git_root_is_not_read(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, {".gitignore": "*.py\n", "proj/m.py": ""})
    (tmp_path / "proj" / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "proj")
    assert _found([Path(".")]) == ["m.py"]


def test_excludes_relative_to_project_root_and_to_the_checked_path(repo: Path) -> None:
    _tree(repo, {"src/gen/a.py": "", "src/b.py": "", "lib/gen/c.py": "", "venv2/d.py": "",
                 "venv2/pyvenv.cfg": "", "build/e.py": "", "src/build/f.py": ""})
    settings = Settings(extend_exclude=("/src/gen",), project_root=repo)
    assert _found([Path(".")], settings) == ["lib/gen/c.py", "src/b.py"]
    # checking `src` itself: "/gen" anchors at the checked path as well
    settings = Settings(extend_exclude=("/gen",), project_root=repo)
    assert _found([Path("src")], settings) == ["src/b.py"]


def test_order_is_stable_and_paths_are_listed_once(repo: Path) -> None:
    _tree(repo, {"b.py": "", "a.pyi": "", "z/y.py": "", "c/x.py": "", "c/readme.txt": ""})
    found = _found([Path("."), Path("c"), Path("c/x.py"), Path("b.py")])
    assert found == ["a.pyi", "b.py", "c/x.py", "z/y.py"]
    named = _found([Path("c/x.py"), Path(".")])  # a named file first keeps its place
    assert named == ["c/x.py", "a.pyi", "b.py", "z/y.py"]
    assert list(discover([Path(".")], Settings())) == [
        Path(p) for p in discover_names([Path(".")], Settings())]


def test_symlinked_folders_are_not_followed(repo: Path) -> None:
    _tree(repo, {"real/m.py": ""})
    (repo / "link").symlink_to(repo / "real", target_is_directory=True)
    assert _found([Path(".")]) == ["real/m.py"]


PATTERNS = ["*.gen.py", "!keep.gen.py", "/a/", "a/", "build", "!build", "deep/**/c.py",
            "src/*.pyi", "test_*", "!test_m.py", "/m.py", "**/gen/", "# comment", "",
            "x[ab].py", "we?rd.py", "\\!bang.py", "trail\\ ", "a/**/b"]
PATHS = ["m.py", "a/", "a/m.py", "x/a/", "build/", "build", "deep/c.py", "deep/q/r/c.py",
         "src/x.pyi", "src/y/x.pyi", "test_m.py", "test_n.py", "k/test_q.py", "gen/", "p/gen/",
         "keep.gen.py", "drop.gen.py", "xa.py", "xc.py", "weird.py", "!bang.py", "trail ",
         "a/b", "a/q/r/b", "plain/file.py"]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_quick_no_match_test_agrees_with_pathspec(size: int) -> None:
    for lines in itertools.islice(itertools.combinations(PATTERNS, size), 400):
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        fast = Spec(spec)
        for path in PATHS:
            assert fast.check(path) == spec.check_file(path).include, (lines, path)


def test_a_spec_whose_union_cannot_be_built_takes_the_slow_path() -> None:
    spec = pathspec.GitIgnoreSpec.from_lines(["*.py"])
    fast = Spec(spec)
    fast._any = None  # what `_union` returns for patterns it cannot combine
    assert fast.check("a.py") is True and fast.check("a.txt") is None
