"""A check with nothing changed replays the last check's result (run/replay.py), and only then:
an edit, a new file, other settings, a racy stat or a broken record make it check in full, and
what it reports is always what a check without the record reports."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import FIXTURES

from taskleak import __version__
from taskleak.cli import main
from taskleak.fixes.policy import FixPolicy
from taskleak.model import RunResult
from taskleak.report.json import render_json
from taskleak.run.replay import Replayed, RunRecord, Seen
from taskleak.run.runner import RunStats
from taskleak.session import Session, Source
from taskleak.settings import Settings

HEAD = "import asyncio\n\n\nasync def work():\n    pass\n\n\ndef start():\n"
LEAKY = HEAD + "    asyncio.create_task(work())\n"
NOQA = HEAD + "    asyncio.create_task(work())  # noqa:\n"  # a colon and no codes: a warning


def _age(root: Path, seconds: int = 60) -> None:
    """Files written just now are racy: their stat proves nothing to the next check (`root`:
    a file, or a folder's Python files)."""
    for path in root.rglob("*.py") if root.is_dir() else [root]:
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns - seconds * 10**9, st.st_mtime_ns - seconds * 10**9))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "voice_chat_server", root,
                    ignore=shutil.ignore_patterns(".taskleak_cache"))
    (root / "leaky.py").write_text(LEAKY, encoding="utf-8")
    _age(root)
    return root


def _check(root: Path, cache_dir: Path | None, settings: Settings | None = None,
           ) -> tuple[Session, str]:
    session = Session(Source((root,)), settings or Settings(), jobs=1, cache_dir=cache_dir,
                      stats=RunStats())
    result = session.analyse(replay=True)
    assert session.stats.cache_error is None
    return session, render_json(result)


def _replayed(session: Session) -> bool:
    return session.stats.files > 0 and session.stats.cached == session.stats.files \
        and session.stats.analysed == 0 and session._collected is not None \
        and session._collected.replayed is not None


def _record_files(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / __version__).glob("*.run"))


def test_an_unchanged_tree_replays_the_last_result(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold, first = _check(project, cache_dir)
    assert not _replayed(cold) and len(_record_files(cache_dir)) == 1
    warm, second = _check(project, cache_dir)
    assert _replayed(warm)
    assert second == first == _check(project, None)[1]
    assert any(f["path"].endswith("leaky.py") for f in json.loads(second)["findings"])


def test_an_edit_a_new_file_or_a_removed_one_checks_in_full(project: Path,
                                                            tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _check(project, cache_dir)
    (project / "leaky.py").write_text(LEAKY.replace("asyncio.create_task(work())",
                                                    "return asyncio.create_task(work())"),
                                      encoding="utf-8")
    _age(project / "leaky.py")  # an edit a minute old: not racy, only different
    edited, after_edit = _check(project, cache_dir)
    assert not _replayed(edited) and after_edit == _check(project, None)[1]
    # a miss still answers the unchanged files from the per-file cache: none is read again
    assert (edited.stats.ruled_out, edited.stats.analysed) == (0, 1), edited.stats
    assert not any(f["path"].endswith("leaky.py") and f["rule"] == "TL101"
                   for f in json.loads(after_edit)["findings"])
    (project / "more.py").write_text(LEAKY, encoding="utf-8")
    _age(project / "more.py")
    added, after_add = _check(project, cache_dir)
    assert not _replayed(added) and after_add == _check(project, None)[1]
    assert any(f["path"].endswith("more.py") for f in json.loads(after_add)["findings"])
    (project / "more.py").unlink()
    removed, after_remove = _check(project, cache_dir)
    assert not _replayed(removed) and after_remove == after_edit
    again, same = _check(project, cache_dir)
    assert _replayed(again) and same == after_edit


def test_other_settings_have_their_own_record(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _, everything = _check(project, cache_dir)
    narrow = Settings(ignore=("TL101",))
    session, ignored = _check(project, cache_dir, narrow)
    assert not _replayed(session)
    assert ignored != everything and ignored == _check(project, None, narrow)[1]
    assert len(_record_files(cache_dir)) == 2
    assert _replayed(_check(project, cache_dir)[0])
    assert _replayed(_check(project, cache_dir, narrow)[0])


def test_a_racy_file_is_never_recorded(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    (project / "leaky.py").write_text(LEAKY, encoding="utf-8")  # just now: racy
    _check(project, cache_dir)
    assert _record_files(cache_dir) == []
    assert not _replayed(_check(project, cache_dir)[0])
    assert Seen.take([str(project / "leaky.py")]).fingerprint is None
    assert Seen.take([str(project / "missing.py")]).fingerprint is None


@pytest.mark.parametrize("content", [b"", b"{not json", b"[]", b'{"key": 1}'])
def test_a_broken_record_is_a_miss(project: Path, tmp_path: Path, content: bytes) -> None:
    cache_dir = tmp_path / "cache"
    _, first = _check(project, cache_dir)
    (record,) = _record_files(cache_dir)
    record.write_bytes(content)
    session, second = _check(project, cache_dir)
    assert not _replayed(session) and second == first
    assert json.loads(record.read_bytes())["fingerprint"]  # written again, whole


def test_a_record_of_another_fingerprint_is_not_replayed(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _check(project, cache_dir)
    (path,) = _record_files(cache_dir)
    doc = json.loads(path.read_bytes())
    doc["fingerprint"], doc["findings"] = "0" * 32, []
    path.write_text(json.dumps(doc), encoding="utf-8")
    session, text = _check(project, cache_dir)
    assert not _replayed(session) and json.loads(text)["findings"]


def test_findings_and_noqa_warnings_come_back_whole(project: Path, tmp_path: Path) -> None:
    (project / "noqa.py").write_text(NOQA, encoding="utf-8")
    _age(project)
    cache_dir = tmp_path / "cache"
    cold, _ = _check(project, cache_dir)
    warm, _ = _check(project, cache_dir)
    assert _replayed(warm)
    assert warm.result == cold.result  # every field, the ones JSON does not show included
    assert any(f.fix is not None for f in warm.result.findings)
    assert warm.invalid_noqa == cold.invalid_noqa != []
    record = RunRecord(cache_dir, "a key of its own")
    print_ = Seen.take([str(project / "leaky.py")]).fingerprint
    assert record.save(print_, Replayed(cold.result, cold.invalid_noqa)) is None
    again = RunRecord(cache_dir, "a key of its own").replay(print_)
    assert again == Replayed(cold.result, cold.invalid_noqa)
    assert RunRecord(cache_dir, "a key of its own").replay("other") is None
    assert RunResult([], [], 0, 0) != cold.result


def test_a_fix_after_a_replayed_check_has_the_facts(project: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    _check(project, cache_dir)
    session, _ = _check(project, cache_dir)
    assert _replayed(session)
    fixes = session.fix(FixPolicy(session.settings), write=False, recheck=False)
    assert any(f.display.endswith("leaky.py") and f.diff for f in fixes.files)


def test_the_command_line_replays_and_fixes_in_full(project: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    runner = CliRunner()
    args = ["check", "--format", "json", "--cache-dir", cache, str(project)]
    first = runner.invoke(main, args)
    second = runner.invoke(main, args)
    assert first.exit_code == second.exit_code == 1
    assert first.output == second.output and len(_record_files(Path(cache))) == 1
    assert "leaky.py" in first.output
    fixed = runner.invoke(main, ["check", "--fix", "--format", "json", "--cache-dir", cache,
                                 str(project)])
    assert fixed.exit_code in (0, 1), fixed.output
    assert (project / "leaky.py").read_text(encoding="utf-8") != LEAKY  # the fix was written
    _age(project)
    after = runner.invoke(main, args)
    uncached = runner.invoke(main, ["check", "--format", "json", "--no-cache", str(project)])
    assert after.output == uncached.output != first.output
