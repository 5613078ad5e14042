"""`[tool.taskleak]` discovery, validation errors, and command-line precedence."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO, specs

from taskleak.config import (
    CliOverrides,
    ConfigError,
    find_config,
    load_config,
    merge_overrides,
    resolve_settings,
)
from taskleak.settings import DEFAULT_EXCLUDES, Settings


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


FULL = """\
[project]
name = "demo"

[tool.taskleak]
select = ["TL1", "tl201"]
ignore = ["TL103"]
fail-on = "high"
exclude = ["generated"]
extend-exclude = ["legacy/*.py"]
respect-gitignore = false
spawners = ["hass.async_create_task", "self.spawn"]
baseline = "ci/.taskleak-baseline.json"
unsafe-fixes = ["TL101"]
"""


def test_every_key_is_read(tmp_path: Path) -> None:
    config = _write(tmp_path / "pyproject.toml", FULL)
    s = load_config(config)
    assert s.select == ("TL1", "TL201")
    assert s.ignore == ("TL103",)
    assert s.fail_on == "high"
    assert s.exclude == ("generated",)
    assert s.extend_exclude == ("legacy/*.py",)
    assert s.respect_gitignore is False
    assert specs(s) == ("hass.async_create_task", "self.spawn")
    assert s.baseline == (tmp_path / "ci" / ".taskleak-baseline.json").resolve()
    assert s.unsafe_fixes is False and s.unsafe_fix_rules == ("TL101",)
    assert s.project_root == tmp_path.resolve() and s.config_file == config
    assert s.rule_enabled("TL101") and not s.rule_enabled("TL103") and not s.rule_enabled("TL202")


def test_unsafe_fixes_accepts_a_bool(tmp_path: Path) -> None:
    config = _write(tmp_path / "pyproject.toml", "[tool.taskleak]\nunsafe-fixes = true\n")
    s = load_config(config)
    assert s.unsafe_fixes is True and s.unsafe_fix_rules == ()


def test_empty_table_gives_defaults_with_the_project_root(tmp_path: Path) -> None:
    s = load_config(_write(tmp_path / "pyproject.toml", "[tool.taskleak]\n"))
    assert s.exclude == DEFAULT_EXCLUDES and s.fail_on == "medium" and s.select == ()
    assert s.project_root == tmp_path.resolve()


# --- discovery ---------------------------------------------------------------------------


def test_walks_up_past_pyprojects_without_the_table(tmp_path: Path) -> None:
    root_config = _write(tmp_path / "pyproject.toml", "[tool.taskleak]\nfail-on = 'low'\n")
    _write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 99\n")
    source = _write(tmp_path / "pkg" / "src" / "app.py", "")
    assert find_config([source]) == root_config
    assert find_config([tmp_path / "pkg" / "src"]) == root_config


def test_nearest_table_wins(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.taskleak]\nfail-on = 'low'\n")
    inner = _write(tmp_path / "pkg" / "pyproject.toml", "[tool.taskleak]\nfail-on = 'high'\n")
    assert find_config([tmp_path / "pkg"]) == inner
    assert resolve_settings([tmp_path / "pkg"]).fail_on == "high"


def test_common_parent_of_several_paths(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "pyproject.toml", "[tool.taskleak]\n")  # only covers a/
    top = _write(tmp_path / "pyproject.toml", "[tool.taskleak]\n")
    a = _write(tmp_path / "a" / "x.py", "")
    b = _write(tmp_path / "b" / "y.py", "")
    assert find_config([a]) == tmp_path / "a" / "pyproject.toml"
    assert find_config([a, b]) == top


def test_no_config_anywhere_means_defaults(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    # tmp_path's own ancestors (/tmp, /) have no pyproject.toml with the table
    assert find_config([project]) is None
    assert resolve_settings([project]) == Settings()


def test_relative_paths_resolve_from_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _write(tmp_path / "pyproject.toml", "[tool.taskleak]\n")
    (tmp_path / "src").mkdir()
    monkeypatch.chdir(tmp_path / "src")
    assert find_config([Path(".")]) == config


def test_explicit_config_and_isolated(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.taskleak]\nfail-on = 'low'\n")
    other = _write(tmp_path / "ci" / "taskleak.toml", "fail-on = 'none'\n")  # top-level keys
    assert resolve_settings([tmp_path], config=other).fail_on == "none"
    assert resolve_settings([tmp_path], isolated=True) == Settings()
    with pytest.raises(ConfigError, match="--config and --isolated"):
        resolve_settings([tmp_path], config=other, isolated=True)


def test_explicit_pyproject_needs_the_table(tmp_path: Path) -> None:
    config = _write(tmp_path / "pyproject.toml", "[tool.black]\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.taskleak\] table"):
        load_config(config)


def test_explicit_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.toml: cannot read configuration: No such"):
        resolve_settings([tmp_path], config=tmp_path / "missing.toml")


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("selct = ['TL101']", r"unknown key 'selct' \(did you mean 'select'\?\)"),
        ("fail_on = 'high'", r"unknown key 'fail_on' \(did you mean 'fail-on'\?\)"),
        ("colour = true", r"unknown key 'colour' \(known keys: select, ignore, fail-on"),
        ("select = 'TL101'", r"'select' must be a list of strings \(got a string 'TL101'\)"),
        ("select = ['TL101', 3]", r"'select' must be a list of strings \(got a list\)"),
        ("select = ['TL999']", r"'select': unknown rule code 'TL999' \(known: TL001, TL101"),
        ("ignore = ['E501']", r"'ignore': unknown rule code 'E501'"),
        ("ignore = ['']", r"'ignore': unknown rule code ''"),
        ("fail-on = 'hi'", r"'fail-on' must be one of 'high', 'medium', 'low', 'none' "
                           r"\(got a string 'hi'\)"),
        ("fail-on = 2", r"'fail-on' must be one of .* \(got an integer 2\)"),
        ("respect-gitignore = 'yes'", r"'respect-gitignore' must be true or false"),
        ("exclude = 'build'", r"'exclude' must be a list of strings"),
        ("extend-exclude = [1]", r"'extend-exclude' must be a list of strings"),
        ("spawners = ['hass.async create']", r"'spawners': 'hass.async create' is not a dotted"),
        ("spawners = ['app.spawn:keeps']", r"'spawners': 'keeps' is not a promise \(one of "
                                           r"returns, keeps-and-cleans, keeps-never-ends, drops\)"),
        ("spawners = ['app.spawn:returns:x']", r"'spawners': the coroutine's position must"),
        ("spawners = [{ name = 'app.spawn', keeps = true }]", r"'spawners': a spawner table"),
        ("spawners = [3]", r"'spawners': each spawner is a string or a table"),
        ("spawners = 'app.spawn'", r"'spawners' must be a list"),
        ("baseline = 3", r"'baseline' must be a file path string \(got an integer 3\)"),
        ("unsafe-fixes = 'yes'", r"'unsafe-fixes' must be true, false or a list of rule codes"),
        ("unsafe-fixes = ['TL9']", r"'unsafe-fixes': unknown rule code 'TL9'"),
        ("unsafe-fixes = ['TL202']", r"'unsafe-fixes': TL202 has no unsafe fix to opt into"),
        ("extend-select = ['task-forgotten']", r"'extend-select': unknown rule code 'task-f"),
        ("per-file-ignores = ['tests/']", r"'per-file-ignores' must be a table"),
        ("per-file-ignores = {'tests/' = 'TL101'}",
         r"'per-file-ignores' 'tests/' must be a list of strings"),
        ("per-file-ignores = {'tests/' = ['TL5']}",
         r"'per-file-ignores' 'tests/': unknown rule code 'TL5'"),
        ("extend-per-file-ignores = {'a' = [1]}", r"'extend-per-file-ignores' 'a' must be a list"),
        ("force-exclude = 1", r"'force-exclude' must be true or false"),
        ("noqa-aliases = {'RUF006' = ['task-forgotten']}",
         r"'noqa-aliases' 'RUF006': unknown rule code 'task-forgotten'"),
        ("noqa-aliases = {'no code' = ['TL101']}", r"'noqa-aliases': 'no code' is not a noqa"),
        ("output-format = 'xml'", r"'output-format' must be one of 'full', 'concise'"),
    ],
)
def test_bad_values_name_the_file_and_the_key(tmp_path: Path, body: str, message: str) -> None:
    config = _write(tmp_path / "pyproject.toml", f"[tool.taskleak]\n{body}\n")
    with pytest.raises(ConfigError, match=message) as info:
        resolve_settings([tmp_path])
    assert str(info.value).startswith(f"{config}: [tool.taskleak] ")


def test_toml_syntax_error_names_the_file_and_position(tmp_path: Path) -> None:
    config = _write(tmp_path / "pyproject.toml", "[tool.taskleak]\nfail-on = high\n")
    with pytest.raises(ConfigError, match=r"TOML syntax error: .*line 2") as info:
        resolve_settings([tmp_path])
    assert str(info.value).startswith(f"{config}: ")


def test_tool_taskleak_must_be_a_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool]\ntaskleak = 1\n")
    with pytest.raises(ConfigError, match=r"'tool\.taskleak' must be a table"):
        find_config([tmp_path])


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.taskleak]\n# caf\xe9\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        find_config([tmp_path])


# --- command-line precedence ---------------------------------------------------------------


def _file_settings(tmp_path: Path) -> Settings:
    return load_config(_write(tmp_path / "pyproject.toml", FULL))


def test_no_overrides_keep_the_file(tmp_path: Path) -> None:
    s = _file_settings(tmp_path)
    assert merge_overrides(s, CliOverrides()) == s


def test_scalars_from_the_command_line_win(tmp_path: Path) -> None:
    cli = CliOverrides(fail_on="low", respect_gitignore=True, unsafe_fixes=True,
                       baseline=Path("other.json"), exclude=("vendor",))
    s = merge_overrides(_file_settings(tmp_path), cli)
    assert s.fail_on == "low" and s.respect_gitignore is True and s.unsafe_fixes is True
    assert s.baseline == Path("other.json") and s.exclude == ("vendor",)
    assert s.unsafe_fix_rules == ("TL101",)  # untouched by the command line


def test_select_on_the_command_line_replaces_the_file_selection(tmp_path: Path) -> None:
    s = merge_overrides(_file_settings(tmp_path), CliOverrides(select=("tl103",)))
    assert s.select == ("TL103",) and s.ignore == ()
    assert s.rule_enabled("TL103")  # the file ignored it; the command line asked for it


def test_select_on_the_command_line_drops_the_files_extend_select(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.taskleak]\nselect = ["TL101"]\nextend-select = ["TL900"]\n')
    base = load_config(tmp_path / "pyproject.toml")
    assert base.rule_enabled("TL900")
    s = merge_overrides(base, CliOverrides(select=("TL103",)))
    assert s.extend_select == () and not s.rule_enabled("TL900")  # ruff's layering
    both = merge_overrides(base, CliOverrides(select=("TL103",), extend_select=("TL101",)))
    assert both.extend_select == ("TL101",) and not both.rule_enabled("TL900")


def test_lists_that_extend(tmp_path: Path) -> None:
    cli = CliOverrides(ignore=("TL202",), extend_exclude=("tmp",), spawners=("bot.spawn",))
    s = merge_overrides(_file_settings(tmp_path), cli)
    assert s.ignore == ("TL103", "TL202")
    assert s.extend_exclude == ("legacy/*.py", "tmp")
    assert specs(s) == ("hass.async_create_task", "self.spawn", "bot.spawn")


@pytest.mark.parametrize(
    ("cli", "message"),
    [
        (CliOverrides(fail_on="severe"), r"--fail-on must be one of high, medium, low, none"),
        (CliOverrides(select=("XX1",)), r"--select: unknown rule code 'XX1'"),
        (CliOverrides(ignore=("TL5",)), r"--ignore: unknown rule code 'TL5'"),
        (CliOverrides(spawners=("a..b",)), r"--spawner: 'a..b' is not a dotted name"),
    ],
)
def test_bad_command_line_values(cli: CliOverrides, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        merge_overrides(Settings(), cli)


def test_resolve_applies_overrides_on_the_found_file(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", FULL)
    s = resolve_settings([tmp_path], overrides=CliOverrides(fail_on="none"))
    assert s.fail_on == "none" and specs(s) == ("hass.async_create_task", "self.spawn")


def test_the_documented_configuration_is_valid(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in docs.split("```toml\n")[1:]]
    full = next(b for b in blocks if "unsafe-fixes" in b)
    s = load_config(_write(tmp_path / "pyproject.toml", full))
    assert specs(s) == ("hass.async_create_task", "self.spawn")
    assert s.unsafe_fix_rules == ("TL101",)


def test_spawners_take_a_promise_as_a_suffix_or_in_a_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", """[tool.taskleak]
spawners = [
    "app.spawn:keeps-and-cleans",
    { name = "app.start", promise = "keeps-never-ends", coroutine = 1 },
    { name = "hass.async_create_task" },
]
""")
    settings = resolve_settings([tmp_path])
    assert specs(settings) == ("app.spawn:keeps-and-cleans", "app.start:keeps-never-ends:1",
                                 "hass.async_create_task")


def test_the_documented_spawner_promises_are_valid(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "ownership.md").read_text(encoding="utf-8")
    block = docs.split("```toml\n")[1].split("```", 1)[0]
    s = load_config(_write(tmp_path / "pyproject.toml", block))
    assert specs(s) == ("app.tasks.spawn", "app.tasks.spawn_logged:keeps-and-cleans",
                          "self.start_job:keeps-never-ends:1")


# --- ruff's keys and rule names ------------------------------------------------------------


def test_ruff_style_keys_are_read(tmp_path: Path) -> None:
    config = _write(tmp_path / "pyproject.toml", """\
[tool.taskleak]
select = ["task-discarded", "TL2"]
extend-select = ["unused-noqa"]
ignore = ["collection-never-pruned"]
force-exclude = true
output-format = "text"
unsafe-fixes = ["task-overwritten"]
noqa-aliases = { RUF006 = ["task-discarded"], b018 = [] }

[tool.taskleak.per-file-ignores]
"tests/" = ["task-discarded", "TL2"]

[tool.taskleak.extend-per-file-ignores]
"scripts/*.py" = ["ALL"]
""")
    s = load_config(config)
    assert s.select == ("TL101", "TL2") and s.extend_select == ("TL900",)
    assert s.ignore == ("TL202",) and s.unsafe_fix_rules == ("TL103",)
    assert s.force_exclude is True and s.output_format == "full"
    assert s.noqa_aliases == (("RUF006", ("TL101",)), ("B018", ()))
    assert s.per_file_ignores == (("tests/", ("TL101", "TL2")), ("scripts/*.py", ("TL",)))
    assert s.rule_enabled("TL900", by_default=False) and s.rule_enabled("TL201")
    assert not s.rule_enabled("TL202") and not s.rule_enabled("TL001")


def test_opt_in_rules_run_only_when_selected() -> None:
    assert not Settings().rule_enabled("TL900", by_default=False)
    assert Settings().rule_enabled("TL101")
    assert Settings(select=("TL",)).rule_enabled("TL900", by_default=False)
    assert Settings(extend_select=("TL900",)).rule_enabled("TL900", by_default=False)
    assert not Settings(extend_select=("TL900",), ignore=("TL9",)).rule_enabled(
        "TL900", by_default=False)  # ignore wins


def test_command_line_selection_by_name_and_all(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.taskleak]\nselect = ["TL1"]\n')
    s = resolve_settings([tmp_path], overrides=CliOverrides(
        extend_select=("task-never-cleaned",), force_exclude=True))
    assert s.select == ("TL1",) and s.extend_select == ("TL201",) and s.force_exclude
    every = resolve_settings([tmp_path], overrides=CliOverrides(select=("all",)))
    assert every.select == ("TL",) and every.rule_enabled("TL900", by_default=False)
