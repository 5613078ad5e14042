"""A file's rows do not depend on which files were named (issue 56, point 10): the project (the
configuration's folder, else the repository, else the folder above the outermost package)
gives the context, the named files give the report, as mypy and pyright do.

The program, a project case: a task kept in an attribute in `daapd/coordinator.py`, ended in
`daapd/__init__.py`. Judged alone, the coordinator's task is never ended (TL201, medium: a
pre-commit hook naming only that staged file fails the commit); with its project, it is
tracked (TL001), as `taskleak check .` says.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.api import CheckOptions, check
from taskleak.cli import main

# the program: tests/project/cases/attribute_ended_in_another_module (a homeassistant
# integration's websocket task, ended on unload in another module)
CASE = Path(__file__).parents[1] / "project" / "cases" / "attribute_ended_in_another_module"

# elsewhere in the project: a leak and a file that does not parse, never in a named report
ELSEWHERE_LEAK = "import asyncio\n\n\nasync def go():\n    asyncio.create_task(go())\n"
BROKEN = "import asyncio\n\ndef f(:\n    asyncio.create_task(f())\n"

NAMED = "daapd/coordinator.py"


def taskleak(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _program(root: Path) -> Path:
    shutil.copytree(CASE / "daapd", root / "daapd")
    return _write(root, {"tools/leak.py": ELSEWHERE_LEAK, "tools/broken.py": BROKEN})


def rows(*args: str) -> tuple[int, list[tuple[str, int, str, str]]]:
    result = taskleak("check", "--output-format", "json", "--no-cache", *args)
    doc = json.loads(result.stdout)
    found = [(f["path"], f["line"], f["rule"], f["risk"]) for f in doc["findings"]]
    return result.exit_code, found + [(s["path"], 0, "skipped", "") for s in doc["skipped"]]


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = _program(tmp_path / "repo")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    return root


TRACKED = (NAMED, 15, "TL001", "low")


def test_a_file_named_alone_gets_its_rows_of_the_whole_run(repository: Path) -> None:
    code, whole = rows(".")
    assert TRACKED in whole
    named_code, alone = rows(NAMED)
    assert alone == [r for r in whole if r[0] == NAMED] == [TRACKED]
    assert named_code == 0  # the hook passes, as CI's whole run does for this file
    assert code == 1  # the whole run has the leak and the broken file elsewhere


def test_only_the_named_files_are_reported_and_counted(repository: Path) -> None:
    result = taskleak("check", "--no-cache", "--output-format", "table", NAMED)
    assert result.exit_code == 0, result.output
    assert "tools/" not in result.output
    assert "Scanned 1 file, parsed 1, skipped 0." in result.output
    whole = taskleak("check", "--no-cache", "--output-format", "table", ".")
    assert "Scanned 4 files, parsed 2, skipped 1." in whole.output


def test_from_a_subfolder_the_repository_still_gives_the_context(repository: Path,
                                                                 monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    monkeypatch.chdir(repository / "daapd")
    code, alone = rows("coordinator.py")
    assert (code, alone) == (0, [("coordinator.py", 15, "TL001", "low")])


def test_no_project_context_judges_the_named_files_by_themselves(repository: Path) -> None:
    code, alone = rows("--no-project-context", NAMED)
    assert (code, alone) == (1, [(NAMED, 15, "TL201", "medium")])


def test_the_configuration_folder_is_the_project(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A configuration below the repository root: its folder is the project, not the root."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    service = _program(repo / "service")
    (service / "pyproject.toml").write_text("[tool.taskleak]\n", encoding="utf-8")
    monkeypatch.chdir(service)
    out = check(CheckOptions(paths=(Path(NAMED),), cache=False))
    assert out.stats.context == service.resolve()
    assert [(f.path, f.line, f.rule) for f in out.result.findings] == [(NAMED, 15, "TL001")]


def test_an_unpacked_package_is_its_own_project(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An unpacked wheel (no repository, no configuration): the folder holding the package."""
    monkeypatch.chdir(_program(tmp_path / "wheel"))
    assert rows(NAMED) == (0, [TRACKED])
    monkeypatch.chdir(tmp_path / "wheel" / "daapd")
    assert rows("coordinator.py") == (0, [("coordinator.py", 15, "TL001", "low")])


def test_a_loose_script_is_judged_by_itself(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No repository, configuration or package: the folder around a script (`/tmp`, a home
    folder) is no project, and is not read."""
    _write(tmp_path, {"script.py": ELSEWHERE_LEAK, "other/broken.py": BROKEN})
    monkeypatch.chdir(tmp_path)
    out = check(CheckOptions(paths=(Path("script.py"),), cache=False))
    assert out.stats.files == 1 and out.stats.context is None
    assert [f.path for f in out.result.findings] == ["script.py"]


def test_a_warm_cache_keeps_a_named_run_from_parsing_the_project(repository: Path,
                                                                  tmp_path: Path) -> None:
    """The first run reads the project; after it, naming a file parses only what changed."""
    cache = tmp_path / "cache"
    options = CheckOptions(paths=(Path("."),), cache_dir=cache)
    assert check(options).stats.analysed > 1
    edited = (repository / NAMED).read_text(encoding="utf-8") + "\n# edited\n"
    (repository / NAMED).write_text(edited, encoding="utf-8")
    named = check(CheckOptions(paths=(Path(NAMED),), cache_dir=cache))
    assert named.stats.context == repository
    assert (named.stats.files, named.stats.reported, named.stats.analysed) == (4, 1, 1)
    assert [(f.path, f.rule) for f in named.result.findings] == [(NAMED, "TL001")]


def test_verbose_names_one_root_and_says_what_else_was_read(repository: Path) -> None:
    """Run from the repository's top: one folder, called the project root once."""
    result = taskleak("check", "--no-cache", "-v", NAMED)
    lines = [line for line in result.stderr.splitlines() if str(repository) in line]
    assert lines == [f"taskleak: config: none (defaults); project root: {repository} (the "
                     "current folder: no configuration; per-file-ignores, the baseline and "
                     "report paths are relative to it)"]
    assert ("taskleak: 1 named file read with the 3 other files of the project root, as a "
            "whole run would read them") in result.stderr


def test_verbose_says_why_a_folder_above_the_root_was_read(
        repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a subfolder: the root is the current folder, the files read are the
    repository's, and the line says why that folder."""
    monkeypatch.chdir(repository / "daapd")
    result = taskleak("check", "--no-cache", "-v", "coordinator.py")
    assert f"project root: {repository / 'daapd'} (the current folder" in result.stderr
    assert (f"taskleak: 1 named file read with the 3 other files of {repository} (the "
            "repository's top folder, which holds .git), as a whole run would read them"
            ) in result.stderr


def test_a_named_folder_reports_its_files_only(repository: Path) -> None:
    code, found = rows("daapd")
    assert (code, found) == (0, [TRACKED])


def test_the_cache_is_the_projects_wherever_a_run_starts(repository: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """One cache per project: a run from a subfolder (an editor, a hook in a monorepo) finds
    the one the whole run left, not a cache of its own."""
    monkeypatch.chdir(repository / "daapd")
    assert taskleak("check", "coordinator.py").exit_code == 0
    assert (repository / ".taskleak_cache").is_dir()
    assert not (repository / "daapd" / ".taskleak_cache").exists()
    again = check(CheckOptions(paths=(Path("coordinator.py"),)))
    assert (again.stats.files, again.stats.analysed) == (4, 0)  # warm: nothing parsed
