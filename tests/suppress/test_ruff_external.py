"""Which ruff configuration governs a file, and whether it keeps taskleak's `# noqa` codes
(suppress/ruff_external.py): ruff's own discovery rules, on files written here. The real ruff
deleting and keeping the comments is tests/cli/test_ruff_noqa.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from taskleak.suppress.ruff_external import advice, ruff_config


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user configuration folder (ruff's `~/.config/ruff/`), so the machine's own
    never leaks in; tests that want one write there."""
    home = tmp_path / "xdg"
    home.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.chdir(tmp_path)
    return home / "ruff"


def module(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "m.py"
    path.write_text("x = 1\n")
    return path


def test_the_nearest_configuration_wins_in_ruffs_order(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff.lint]\nexternal = ["A"]\n')
    deep = module(tmp_path / "pkg" / "sub")
    assert ruff_config(deep) is not None
    assert ruff_config(deep).external == ("A",)  # type: ignore[union-attr]
    # a pyproject.toml without [tool.ruff] is passed over, as ruff does
    (tmp_path / "pkg" / "pyproject.toml").write_text('[project]\nname = "pkg"\n')
    assert ruff_config(deep).path == tmp_path / "pyproject.toml"  # type: ignore[union-attr]
    # in one folder: .ruff.toml, then ruff.toml, then pyproject.toml
    (tmp_path / "pkg" / "ruff.toml").write_text('[lint]\nexternal = ["B"]\n')
    assert ruff_config(deep).external == ("B",)  # type: ignore[union-attr]
    (tmp_path / "pkg" / ".ruff.toml").write_text('[lint]\nexternal = ["C"]\n')
    found = ruff_config(deep)
    assert found is not None and (found.path.name, found.external) == (".ruff.toml", ("C",))


def test_lint_external_then_top_level_then_the_extended_file(tmp_path: Path) -> None:
    file = module(tmp_path / "app")
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "ruff.toml").write_text('external = ["OLD"]\n[lint]\nexternal = ["V"]\n')
    (tmp_path / "base" / "top.toml").write_text('external = ["OLD"]\n')
    config = tmp_path / "app" / "ruff.toml"
    config.write_text('extend = "../base/ruff.toml"\nline-length = 100\n')
    assert ruff_config(file).external == ("V",)  # type: ignore[union-attr]
    config.write_text('extend = "../base/top.toml"\n')  # the deprecated top-level key
    assert ruff_config(file).external == ("OLD",)  # type: ignore[union-attr]
    config.write_text('extend = "../base/ruff.toml"\n[lint]\nexternal = []\n')
    assert ruff_config(file).external == ()  # type: ignore[union-attr]  # its own wins


def test_an_extend_cycle_or_a_missing_base_ends_the_chain(tmp_path: Path) -> None:
    file = module(tmp_path / "app")
    (tmp_path / "app" / "ruff.toml").write_text('extend = "../other.toml"\n')
    (tmp_path / "other.toml").write_text('extend = "app/ruff.toml"\n')
    assert ruff_config(file).external == ()  # type: ignore[union-attr]
    (tmp_path / "other.toml").unlink()
    assert ruff_config(file).external == ()  # type: ignore[union-attr]


def test_the_users_configuration_when_the_project_has_none(tmp_path: Path,
                                                           no_user_config: Path) -> None:
    file = module(tmp_path / "app")
    assert ruff_config(file) is None and advice([file], {"TL101"}) == []
    no_user_config.mkdir()
    (no_user_config / "ruff.toml").write_text('[lint]\nselect = ["RUF"]\n')
    assert ruff_config(file) is not None
    (tmp_path / "app" / "pyproject.toml").write_text('[tool.ruff]\nexternal = ["TL"]\n')
    assert ruff_config(file).external == ("TL",)  # type: ignore[union-attr]  # project's


def test_what_to_add_is_said_exactly(tmp_path: Path) -> None:
    file = module(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.ruff]\nline-length = 100\n')
    [warning] = advice([file], {"TL101", "TL201"})
    assert warning.splitlines() == [
        "warning: ruff deletes `# noqa: TL101, TL201` when its RUF100 or RUF102 rule is on "
        "(`ruff check --fix` removes codes it does not know); to keep taskleak's codes, add to "
        "pyproject.toml:", '    [tool.ruff.lint]', '    external = ["TL"]']
    pyproject.write_text('[tool.ruff.lint]\nselect = ["RUF"]\n')
    assert advice([file], {"TL101"})[0].splitlines()[1:] == ['    external = ["TL"]']
    assert "in pyproject.toml, add under [tool.ruff.lint]:" in advice([file], {"TL101"})[0]
    pyproject.write_text('[tool.ruff.lint]\nexternal = ["V", "TL2"]\n')  # TL2 covers TL201 only
    [warning] = advice([file], {"TL101", "TL201"})
    assert "`# noqa: TL101`" in warning
    assert warning.endswith('change `external` under [tool.ruff.lint] to:\n'
                            '    external = ["V", "TL2", "TL"]')
    pyproject.write_text('[tool.ruff.lint]\nexternal = ["TL"]\n')
    assert advice([file], {"TL101", "TL201"}) == []


def test_one_warning_per_configuration_and_a_bad_one_is_said(tmp_path: Path) -> None:
    (tmp_path / "ruff.toml").write_text('line-length = 90\n')
    files = [module(tmp_path / "a"), module(tmp_path / "b")]
    [warning] = advice(files, {"TL101"})
    assert "add to ruff.toml:\n    [lint]\n    external" in warning
    (tmp_path / "ruff.toml").write_text('line-length = \n')
    [broken] = advice(files, {"TL101"})
    assert broken.startswith("warning: cannot tell whether ruff keeps `# noqa: TL...`: ")
    assert "ruff.toml: TOML syntax error" in broken
