"""Small helpers the tests share: where the sample programs are, and findings of a source."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from taskleak.analysis.obligations.spawners import Spawner, parse_spawner
from taskleak.api import check_source
from taskleak.model import Finding, RunResult
from taskleak.rules import CODE_PREFIX
from taskleak.rules.file_not_analysed import RULE as NOT_ANALYSED
from taskleak.run.progress import NoProgress, Progress
from taskleak.run.runner import RunStats
from taskleak.session import Session, Source
from taskleak.settings import Settings

if TYPE_CHECKING:
    from taskleak.fixer.files import FixRun

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
FIXTURES = REPO / "fixtures"  # whole programs: the seeds' voice chat server, the runtime demo
RULE_CASES = TESTS / "rules"  # one folder per rule: detection cases, and fixes/ pairs
# Folders of small programs, each `NAME.py` with its `NAME.expected.json` beside it.
CASE_DIRS = sorted([*(d for d in RULE_CASES.iterdir() if d.is_dir() and d.name[0].isalpha()),
                    TESTS / "analysis" / "spawn_forms", TESTS / "analysis" / "traps"])
EXPECTED_SUFFIX = ".expected.json"


def load_script(path: Path, name: str) -> ModuleType:
    """A script of the repository (`bench/sweep.py` ...) imported as module `name`, registered
    in `sys.modules` (its dataclasses look their module up by name)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def case_files() -> list[Path]:
    """Every detection case program."""
    return sorted(p for d in CASE_DIRS for p in d.glob("*.py"))


def sample_files() -> list[Path]:
    """Every real-looking program the tests run taskleak on (cases and fixtures) that parses:
    not the file-not-analysed rule's cases, broken on purpose."""
    return sorted(p for p in [*case_files(), *FIXTURES.rglob("*.py")] if parses(p))


def parses(path: Path) -> bool:
    """Not one of the file-not-analysed rule's cases (programs that do not parse)."""
    return path.parent != RULE_CASES / NOT_ANALYSED.name


def spawners_of(*specs: str) -> tuple[Spawner, ...]:
    """Configured spawners as settings hold them, from their string forms."""
    return tuple(parse_spawner(spec) for spec in specs)


def specs(settings: Settings) -> tuple[str, ...]:
    """The settings' spawners in their short string forms (what --show-settings prints)."""
    return tuple(s.spec for s in settings.spawners)


def analyze_source(code: str, display: str = "<string>",
                   spawners: Sequence[str] = (), *, broken: bool = False) -> list[Finding]:
    """The findings `taskleak check` gives for one module's source (every rule, the opt-in
    ones too), its `# noqa` comments applied; `broken`: a source that may not be analysed (a
    finding of file-not-analysed then says so)."""
    result = check_source(code, display, spawners, Settings(select=(CODE_PREFIX,)))
    assert broken or not result.skipped, result.skipped
    return result.findings


# A module with every kind of statement and expression the walks must visit in text order.
SOURCE_OF_EVERY_KIND = '''
import asyncio as aio
from . import x as y

@decorate(first)
@other
class Service(Base, metaclass=Meta):
    attr: int = 1

    @staticmethod
    def f[T](a, /, b: "int" = 2, *args: int, c=lambda q: q, **kw) -> Ret[a]:
        try:
            task = aio.create_task(work(b), name=f"{b!r:>{width}}")
        except (Error, Other) as exc:
            raise Wrapped(exc) from exc
        else:
            pass
        finally:
            del task
        match command:
            case [first, *rest] if guard(first):
                return rest[1:limit:step]
            case {"k": value, **others}:
                pass
        data = {k: v for k, v in items if k} | {*elements}
        return (yield) if cond else [await z async for z in gen(a)]


async def main() -> None:
    async with aio.TaskGroup() as tg, lock:
        tg.create_task(main(), name="n")
    while (n := next(it)) and not done:
        x = yield from g()
    global counter
    counter += 1
    assert n, "message"
'''


def check_paths(paths: Sequence[Path], settings: Settings | None = None, *, jobs: int | None = 1,
                cache_dir: Path | None = None, progress: Progress | None = None,
                stats: RunStats | None = None, project_context: bool = False) -> RunResult:
    """The findings of `paths` as a check makes them: through the one door, a `Session`.
    By default `paths` are judged by themselves: a program among this repository's tests would
    otherwise take the whole repository (a thousand files, seconds a call) as its project;
    `project_context=True` for a test of the project's context."""
    session = Session(Source(tuple(paths)), settings or Settings(), jobs=jobs,
                      cache_dir=cache_dir, progress=progress or NoProgress(),
                      stats=stats if stats is not None else RunStats(),
                      project_context=project_context)
    return session.analyse()


def fix_paths(paths: Sequence[Path], settings: Settings) -> FixRun:
    """`taskleak fix` on `paths` with these settings (its session: check, then fix and write)."""
    from taskleak.fixes.policy import FixPolicy

    session = Session(Source(tuple(paths)), settings, jobs=1)
    session.analyse()
    return session.fix(FixPolicy(settings), write=True, recheck=False)
