"""Where the check cases are and how each one runs; their expectations' format is `expectations`.

Two shapes of case, one format of expectations (`tests/rules/README.md`):
- a module case, `NAME.py` with `NAME.expected.json` beside it, in a folder of `CASE_DIRS` (the
  rules' folders, the analysis' spawn forms and traps): checked alone, with no configuration
  (`--isolated`) and every rule selected, the opt-in ones too, but task-end-unknown (`--strict`)
  outside its own folder: it rewords task-tracked's "not followed" rows, which the other
  folders show as a default run does;
- a folder case, a folder with `expected.json`: the whole-project cases (`tests/project/cases/`)
  and the voice chat server fixture. `taskleak check .` runs in the folder with the folder's
  own configuration (a case may configure spawners).
The tests compare; only `tests/rules/update_cases.py` writes expectations.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from expectations import Row, difference, load_rows
from helpers import CASE_DIRS, EXPECTED_SUFFIX, FIXTURES, REPO, TESTS

from taskleak.api import CheckOptions, check
from taskleak.config import CliOverrides
from taskleak.model import Skipped
from taskleak.options import Outcome
from taskleak.rules.task_end_unknown import RULE as UNFOLLOWED
from taskleak.suppress.unanalysed import is_unanalysed

UPDATE = "python tests/rules/update_cases.py"
FOLDER_EXPECTED = "expected.json"
PROJECT_CASES = TESTS / "project" / "cases"
VOICE = FIXTURES / "voice_chat_server"


@dataclass(frozen=True)
class Case:
    name: str  # the pytest id
    root: Path  # where the check runs: the rows' paths are relative to it
    target: str  # what is checked, relative to root: the module's file name, or "."
    expected: Path

    @property
    def whole_folder(self) -> bool:
        return self.target == "."

    def sources(self) -> list[Path]:
        """The Python files the case consists of."""
        if self.whole_folder:
            return sorted(self.root.rglob("*.py"))
        return [self.root / self.target]

    def load(self) -> list[Row]:
        return load_rows(self.expected)

    def options(self, cache_dir: Path | None = None) -> CheckOptions:
        # a case is a program of its own: the repository around it is no part of it
        if self.whole_folder:
            return CheckOptions(paths=(Path("."),), cache=cache_dir is not None,
                                cache_dir=cache_dir, project_context=False)
        strict = self.root.name == UNFOLLOWED.name
        return CheckOptions(paths=(Path(self.target),), isolated=True, cache=False,
                            project_context=False, overrides=CliOverrides(select=("ALL",),
                                                   ignore=() if strict else (UNFOLLOWED.code,)))

    def run(self, cache_dir: Path | None = None) -> Outcome:
        """`taskleak check` on the case, as its tests run it."""
        with inside(self.root):
            return check(self.options(cache_dir))


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run in `folder` (reports name paths relative to the current directory)."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def silent_skips(outcome: Outcome) -> list[Skipped]:
    """The skipped files no row reports (file-not-analysed's rows report the others): a case
    must have none."""
    reported = {f.path for f in outcome.result.findings if is_unanalysed(f)}
    return [s for s in outcome.result.skipped if s.path not in reported]


def actual_rows(outcome: Outcome) -> list[Row]:
    return sorted(Row.of(f) for f in outcome.result.findings)


def shown(path: Path) -> str:
    """A path as a person types it in the checkout (absolute outside it)."""
    return str(path.relative_to(REPO)) if REPO in path.parents else str(path)


def mismatch(case: Case, expected: list[Row], actual: list[Row]) -> str:
    """Why a case failed, for a person: the diff of its concise lines, and the command that
    accepts the change if it is deliberate."""
    diff = difference(expected, actual, shown(case.expected))
    return (f"taskleak's findings differ from the case's expectations:\n{diff}\n"
            f"If the change is deliberate: `{UPDATE} {shown(case.root / case.target)}`, "
            "then read the diff")


def module_case(source: Path) -> Case:
    return Case(f"{source.parent.name}/{source.stem}", source.parent, source.name,
                source.with_name(source.stem + EXPECTED_SUFFIX))


def folder_case(folder: Path) -> Case:
    return Case(folder.name, folder, ".", folder / FOLDER_EXPECTED)


def module_cases() -> list[Case]:
    """Every module case: each program of a case folder, with its expectations or not yet."""
    return [module_case(p) for d in CASE_DIRS for p in sorted(d.glob("*.py"))]


def project_cases() -> list[Case]:
    return [folder_case(d) for d in sorted(PROJECT_CASES.iterdir()) if d.is_dir()]


def all_cases() -> list[Case]:
    return [*module_cases(), *project_cases(), folder_case(VOICE)]


def _enclosing_folder_case(path: Path) -> Path | None:
    for folder in path.parents:
        if (folder / FOLDER_EXPECTED).is_file():
            return folder
    return None


def cases_at(path: Path) -> list[Case]:
    """The cases a path names: a case's program or expectation file, a folder case, or a folder
    holding cases (every known case under it). `ValueError` if it names none."""
    path = path.resolve()
    if path.is_dir():
        if (path / FOLDER_EXPECTED).is_file():
            return [folder_case(path)]
        found = [c for c in all_cases() if c.root == path or path in c.root.parents]
        if not found:
            raise ValueError(f"{path}: no cases in this folder")
        return found
    if path.name == FOLDER_EXPECTED:
        return [folder_case(path.parent)]
    if path.name.endswith(EXPECTED_SUFFIX):
        return [module_case(path.with_name(path.name.removesuffix(EXPECTED_SUFFIX) + ".py"))]
    if path.suffix == ".py" and path.is_file():
        folder = _enclosing_folder_case(path)
        return [folder_case(folder)] if folder else [module_case(path)]
    raise ValueError(f"{path}: not a case (a NAME.py, its {EXPECTED_SUFFIX}, or a folder)")
