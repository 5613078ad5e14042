"""The cache: same results warm as cold, invalidated by content and settings, never by luck.

Also: a warm run over an unchanged tree does not import libcst (checked in a fresh interpreter),
the cache folder ignores itself in git, writes are atomic, concurrent runs agree, and stale
entries, versions and temporary files are pruned.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import FIXTURES, check_paths, spawners_of

from taskleak import __version__
from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.through import Through
from taskleak.cli import main
from taskleak.files import cachedir
from taskleak.files.cachedir import CACHE_DIR_NAME, blake2b, default_cache_dir
from taskleak.model import Skipped
from taskleak.report.json import render_json
from taskleak.run import cache as cache_module
from taskleak.run.base_sources import BaseSource
from taskleak.run.cache import Cache
from taskleak.run.runner import RunStats
from taskleak.settings import Settings

VOICE = FIXTURES / "voice_chat_server"

LEAKY = """\
import asyncio


async def work() -> None:
    await asyncio.sleep(1)


def start() -> None:
    asyncio.create_task(work())
"""
TRACKED = """\
import asyncio


async def work() -> None:
    await asyncio.sleep(1)


async def main() -> None:
    task = asyncio.create_task(work())
    await task
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the voice chat server, plus a file without spawns, old enough to stat-match."""
    root = tmp_path / "project"
    shutil.copytree(VOICE, root, ignore=shutil.ignore_patterns(".taskleak_cache"))
    (root / "plain.py").write_text("def f() -> int:\n    return 1\n", encoding="utf-8")
    _age(root)
    return root


def _age(root: Path, seconds: int = 60) -> None:
    """Move mtimes into the past: files written just now are not trusted by stat (racy)."""
    for path in root.rglob("*.py"):
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns - seconds * 10**9, st.st_mtime_ns - seconds * 10**9))


def _run(root: Path, cache_dir: Path, settings: Settings | None = None) -> tuple[str, RunStats]:
    stats = RunStats()
    result = check_paths([root], settings, cache_dir=cache_dir, stats=stats)
    assert stats.cache_error is None
    return render_json(result), stats


def _cache_doc(cache_dir: Path) -> dict[str, Any]:
    (file,) = (cache_dir / __version__).glob("*.json")
    doc: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return doc


def test_warm_run_reports_exactly_what_the_cold_run_did(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold, cold_stats = _run(project, cache_dir)
    warm, warm_stats = _run(project, cache_dir)
    uncached, _ = _run(project, tmp_path / "other")
    assert json.loads(cold)["findings"], "the fixture must have findings for this to mean much"
    assert warm == cold == uncached
    assert cold_stats.cached == 0 and cold_stats.analysed > 0
    assert (warm_stats.cached, warm_stats.analysed, warm_stats.ruled_out) == (
        warm_stats.files, 0, 0)


def test_an_edit_is_analysed_again(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    target = project / "leaky.py"
    target.write_text(LEAKY, encoding="utf-8")
    _age(project)
    first, _ = _run(project, cache_dir)
    assert any(f["path"].endswith("leaky.py") for f in json.loads(first)["findings"])
    target.write_text(TRACKED, encoding="utf-8")
    second, stats = _run(project, cache_dir)
    assert stats.analysed == 1
    rows = [f for f in json.loads(second)["findings"] if f["path"].endswith("leaky.py")]
    assert [r["rule"] for r in rows] == ["TL001"]
    assert second == _run(project, tmp_path / "fresh")[0]


def test_a_touched_file_is_hashed_not_parsed(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold, _ = _run(project, cache_dir)
    for path in project.rglob("*.py"):
        path.touch()  # new mtime, same bytes: like a branch switched back and forth
    warm, stats = _run(project, cache_dir)
    assert warm == cold
    assert stats.analysed == 0  # candidates: read, hashed, found; the rest: read, ruled out
    assert stats.cached > 0 and stats.cached + stats.ruled_out == stats.files


def test_a_recent_file_is_not_trusted_by_stat(tmp_path: Path) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "now.py").write_text(LEAKY, encoding="utf-8")  # modified within RACY_SECONDS
    cache_dir = tmp_path / "cache"
    _run(root, cache_dir)
    (entry,) = _cache_doc(cache_dir)["files"].values()
    assert entry[0] == -1  # never equal to a real mtime: the next run reads the file again
    _, stats = _run(root, cache_dir)
    assert stats.analysed == 0 and stats.cached == 1  # ... and finds its content cached


def test_settings_that_change_analysis_get_their_own_cache(tmp_path: Path) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "hass.py").write_text("def setup(hass, c):\n    hass.async_create_task(c)\n",
                                  encoding="utf-8")
    _age(root)
    cache_dir = tmp_path / "cache"
    plain, _ = _run(root, cache_dir)
    configured = replace(Settings(), spawners=spawners_of("hass.async_create_task"))
    with_spawner, stats = _run(root, cache_dir, configured)
    assert json.loads(plain)["findings"] == []
    assert len(json.loads(with_spawner)["findings"]) == 1 and stats.analysed == 1
    assert len(list((cache_dir / __version__).glob("*.json"))) == 2
    assert _run(root, cache_dir, configured)[1].analysed == 0


def test_deleted_files_are_pruned(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _run(project, cache_dir)
    before = _cache_doc(cache_dir)
    victim = next(p for p in sorted(project.rglob("*.py"))
                  if str(p) in before["files"] and before["files"][str(p)][2] is not None)
    victim.unlink()
    _run(project, cache_dir)
    after = _cache_doc(cache_dir)
    assert str(victim) not in after["files"]
    assert set(after["files"]) == set(before["files"]) - {str(victim)}
    assert before["files"][str(victim)][2] not in after["results"]


def test_entries_of_other_paths_survive_a_run_elsewhere(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "m.py").write_text(LEAKY, encoding="utf-8")
    _age(tmp_path)
    _run(tmp_path / "a", cache_dir)
    _run(tmp_path / "b", cache_dir)
    assert set(_cache_doc(cache_dir)["files"]) == {str(tmp_path / "a" / "m.py"),
                                                   str(tmp_path / "b" / "m.py")}
    assert _run(tmp_path / "a", cache_dir)[1].analysed == 0


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"format": 1, "files": 3}',
                                     b'{"format": 1, "key": "?", "files": {}, "results": {}}'])
def test_a_corrupt_cache_is_an_empty_cache(project: Path, tmp_path: Path,
                                           content: bytes) -> None:
    cache_dir = tmp_path / "cache"
    cold, _ = _run(project, cache_dir)
    (file,) = (cache_dir / __version__).glob("*.json")
    file.write_bytes(content)
    again, stats = _run(project, cache_dir)
    assert again == cold and stats.cached == 0
    assert _run(project, cache_dir)[1].analysed == 0  # rewritten whole


@pytest.mark.parametrize("entry", [[1, 2, None], "x", {"0": 1}, [1, 2, ["a", "list"], 3],
                                   [1.5, 2, None, 3], [1, 2, None, "today"]])
def test_a_file_entry_of_another_shape_makes_an_empty_cache(project: Path, tmp_path: Path,
                                                            entry: Any) -> None:
    cache_dir = tmp_path / "cache"
    cold, _ = _run(project, cache_dir)
    (file,) = (cache_dir / __version__).glob("*.json")
    doc = json.loads(file.read_text(encoding="utf-8"))
    doc["files"][sorted(doc["files"])[-1]] = entry
    file.write_text(json.dumps(doc), encoding="utf-8")
    again, stats = _run(project, cache_dir)
    assert again == cold and stats.cached == 0
    assert _run(project, cache_dir)[1].analysed == 0  # rewritten whole


def test_a_cached_result_of_another_shape_is_analysed_again(project: Path,
                                                           tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold, _ = _run(project, cache_dir)
    (file,) = (cache_dir / __version__).glob("*.json")
    doc = json.loads(file.read_text(encoding="utf-8"))
    spawns = [s for r in doc["results"].values() if r["module"] for s in r["module"]["spawns"]]
    assert spawns
    for spawn in spawns:
        spawn["fates"][0]["no_such_field"] = 1  # facts written by another taskleak
    file.write_text(json.dumps(doc), encoding="utf-8")
    again, stats = _run(project, cache_dir)
    assert again == cold and stats.analysed > 0


def test_a_cached_fate_of_an_unknown_kind_is_analysed_again(project: Path,
                                                          tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold, _ = _run(project, cache_dir)
    (file,) = (cache_dir / __version__).glob("*.json")
    doc = json.loads(file.read_text(encoding="utf-8"))
    for result in doc["results"].values():
        for spawn in (result["module"] or {}).get("spawns", []):
            spawn["fates"][0]["kind"] = "forgotten"
    file.write_text(json.dumps(doc), encoding="utf-8")
    again, stats = _run(project, cache_dir)
    assert again == cold and stats.analysed > 0


def test_internal_errors_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "m.py").write_text(LEAKY, encoding="utf-8")
    _age(root)
    cache_dir = tmp_path / "cache"

    def broken(data: bytes, display: str, spawners: tuple[Spawner, ...],
               answers_only: bool = False, extra: tuple[Spawner, ...] = (),
               bases: tuple[BaseSource, ...] = (), blocks: bool = False,
               through: Through = ()) -> FileFacts:
        return FileFacts(display, skipped=Skipped(display, "internal error: boom", internal=True))

    monkeypatch.setattr("taskleak.run.workers.analyze_job", broken)
    first, _ = _run(root, cache_dir)
    assert "internal error" in first
    monkeypatch.undo()
    second, stats = _run(root, cache_dir)
    assert stats.analysed == 1 and "internal error" not in second


def test_syntax_errors_are_cached(tmp_path: Path) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "bad.py").write_text("import asyncio\nasyncio.create_task(\n", encoding="utf-8")
    _age(root)
    cache_dir = tmp_path / "cache"
    first, _ = _run(root, cache_dir)
    second, stats = _run(root, cache_dir)
    assert json.loads(first)["skipped"] and second == first and stats.analysed == 0


def test_the_cache_folder_ignores_itself(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / CACHE_DIR_NAME
    _run(project, cache_dir)
    assert (cache_dir / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (cache_dir / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    git = shutil.which("git")
    if git is not None:
        subprocess.run([git, "init", "-q", str(tmp_path)], check=True)
        out = subprocess.run([git, "-C", str(tmp_path), "status", "--porcelain",
                              "--untracked-files=all"], capture_output=True, text=True,
                             check=True).stdout
        assert CACHE_DIR_NAME not in out


def test_other_versions_and_stale_temporary_files_are_pruned(project: Path,
                                                             tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    old = cache_dir / "0.0.1"
    old.mkdir(parents=True)
    (old / "0123456789abcdef.json").write_text("{}", encoding="utf-8")
    foreign = cache_dir / "2024"  # a folder of something else: left alone
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    (cache_dir / __version__).mkdir()
    for folder in (old, cache_dir / __version__):
        cachedir._mark(folder)  # made by taskleak: only those are pruned
    stale = cache_dir / __version__ / "0123456789abcdef.json.x1y2.tmp"
    stale.write_text("half", encoding="utf-8")
    unused = cache_dir / __version__ / "fedcba9876543210.json"
    unused.write_text("{}", encoding="utf-8")
    long_ago = 400 * 86400
    os.utime(stale, (1, 1))
    st = unused.stat()
    os.utime(unused, (st.st_atime - long_ago, st.st_mtime - long_ago))
    _run(project, cache_dir)
    assert not old.exists() and not stale.exists() and not unused.exists()
    assert (foreign / "notes.txt").exists()


def test_a_failed_write_keeps_the_old_cache(project: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    _run(project, cache_dir)
    (file,) = (cache_dir / __version__).glob("*.json")
    (listing,) = (cache_dir / __version__).glob("*.dirs")
    before, listing_before = file.read_bytes(), listing.read_bytes()
    (project / "new.py").write_text(LEAKY, encoding="utf-8")  # both files change

    def failing_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", failing_replace)  # type: ignore[attr-defined]
    stats = RunStats()
    check_paths([project], Settings(), jobs=1, cache_dir=cache_dir, stats=stats)
    assert stats.cache_error is not None and "No space left" in stats.cache_error
    assert file.read_bytes() == before and listing.read_bytes() == listing_before
    assert sorted(p.name for p in file.parent.iterdir()) == sorted(
        [file.name, listing.name, ".gitignore", "CACHEDIR.TAG"])


def test_an_unwritable_cache_warns_and_the_run_goes_on(tmp_path: Path) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "m.py").write_text(LEAKY, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--cache-dir",
                                       str(blocker / "cache"), str(root)])
    assert result.exit_code == 1, result.output  # the high finding, not a crash
    assert "warning: cannot write the cache" in result.stderr
    assert json.loads(result.stdout)["summary"]["high"] == 1


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "m.py").write_text(LEAKY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "src"])
    assert result.exit_code == 1
    assert not (tmp_path / CACHE_DIR_NAME).exists()
    result = CliRunner().invoke(main, ["check", "--format", "json", "src"])
    assert result.exit_code == 1
    assert (tmp_path / CACHE_DIR_NAME / ".gitignore").exists()  # the default place: here


def test_the_default_cache_lives_in_the_project_root(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.taskleak]\nselect = ['TL1']\n",
                                             encoding="utf-8")
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "m.py").write_text(LEAKY, encoding="utf-8")
    monkeypatch.chdir(pkg)
    result = CliRunner().invoke(main, ["check", "--format", "json", "."])
    assert result.exit_code == 1, result.output
    assert (tmp_path / CACHE_DIR_NAME).is_dir() and not (pkg / CACHE_DIR_NAME).exists()
    assert default_cache_dir(None) == pkg / CACHE_DIR_NAME


def test_cache_dir_from_the_environment(tmp_path: Path) -> None:
    root = tmp_path / "src"
    root.mkdir()
    (root / "m.py").write_text(LEAKY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(root)],
                                env={"TASKLEAK_CACHE_DIR": str(tmp_path / "envcache")})
    assert result.exit_code == 1
    assert (tmp_path / "envcache" / __version__).is_dir()


def test_concurrent_runs_agree_and_leave_a_valid_cache(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cmd = [sys.executable, "-m", "taskleak", "check", "--format", "json", "-j", "1",
           "--cache-dir", str(cache_dir), str(project)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 1 for p in procs), [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1
    assert all(b"warning" not in err for _, err in outputs)
    doc = _cache_doc(cache_dir)  # parses: no torn write
    assert doc["version"] == __version__
    names = sorted((p.name for p in (cache_dir / __version__).iterdir()
                    if p.name not in (".gitignore", "CACHEDIR.TAG")),  # its marks
                   key=lambda n: n.rsplit(".", 1)[1])
    assert [n.rsplit(".", 1)[1] for n in names] == ["dirs", "json", "run"]  # no temporary file
    listing = (cache_dir / __version__ / names[0]).read_bytes()  # the listing cache: whole too
    assert blake2b(listing[16:], digest_size=16).digest() == listing[:16]
    assert str(project) in marshal.loads(listing[16:])["records"]
    run = json.loads((cache_dir / __version__ / names[2]).read_bytes())  # the check's record
    assert run["findings"] and run["fingerprint"]


WARM_PROBE = textwrap.dedent("""
    import sys
    from taskleak.cli import main
    try:
        main(["check", "--format", "json", "--cache-dir", sys.argv[1], sys.argv[2]])
    except SystemExit:
        pass
    loaded = sorted(m for m in sys.modules if m == "libcst" or m.startswith("libcst."))
    sys.stderr.write("LIBCST=" + str(len(loaded)) + "\\n")
""")


def _libcst_modules_loaded(cache_dir: Path, root: Path) -> int:
    proc = subprocess.run([sys.executable, "-c", WARM_PROBE, str(cache_dir), str(root)],
                          capture_output=True, text=True, timeout=120, check=False)
    line = [x for x in proc.stderr.splitlines() if x.startswith("LIBCST=")]
    assert line, proc.stderr
    return int(line[-1].split("=")[1])


def test_a_warm_run_does_not_import_libcst(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    assert _libcst_modules_loaded(cache_dir, project) > 0  # cold: the parser is needed
    assert _libcst_modules_loaded(cache_dir, project) == 0  # warm: it is not


def test_cache_reads_only_its_own_key(tmp_path: Path) -> None:
    a = Cache(tmp_path, "spawners=")
    b = Cache(tmp_path, "spawners=x.y")
    assert a.file != b.file and a.file.parent == b.file.parent == tmp_path / __version__


def test_a_warm_run_does_not_search_unchanged_files_again(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer round's word search (run/complete.py) is remembered per file while its stat
    entry holds: a warm run reads none of the files it searched; an edited one is read again,
    and a question it can now answer is answered."""
    root = tmp_path / "app"
    root.mkdir()
    (root / "holder.py").write_text(textwrap.dedent("""\
        import asyncio

        class Holder:
            def start(self) -> None:
                self._reader = asyncio.create_task(self.read())

            async def read(self) -> None:
                await asyncio.sleep(1)
    """), encoding="utf-8")
    (root / "other.py").write_text("def f() -> int:\n    return 1\n", encoding="utf-8")
    _age(root)
    cache_dir = tmp_path / "cache"
    cold, _ = _run(root, cache_dir)
    assert json.loads(cold)["findings"][0]["risk"] == "medium"  # nothing ends _reader

    from taskleak.run import complete
    read: list[str] = []
    real = complete.read_source
    monkeypatch.setattr(complete, "read_source", lambda path: read.append(str(path)) or real(path))
    warm, _ = _run(root, cache_dir)
    assert warm == cold and read == []

    (root / "other.py").write_text(textwrap.dedent("""\
        def stop(holder) -> None:
            holder._reader.cancel()
    """), encoding="utf-8")
    _age(root)
    edited, _ = _run(root, cache_dir)
    assert read == [str(root / "other.py")]
    assert json.loads(edited)["findings"][0]["risk"] == "low"  # cancelled in stop()
