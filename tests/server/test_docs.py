"""docs/editors.md: every editor runs the command the tests run, with settings the server takes;
the settings table lists exactly the settings there are."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LEAKY
from lsp_client import diagnostics_for, open_document, running, server_command

from taskleak.server.editor_settings import _KEYS, parse_settings, settings_in

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DOC = Path(__file__).resolve().parents[2] / "docs" / "editors.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def section(title: str) -> list[tuple[str, str]]:
    """The (language, code) blocks under the `## title` heading."""
    body = TEXT.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]
    return BLOCK.findall(body)


def test_the_tests_run_the_command_the_docs_give() -> None:
    command = server_command()  # the console script beside this Python, as pip installs it
    assert [Path(command[0]).name, *command[1:]] == ["taskleak", "server"]
    assert "taskleak server                    # what every editor below runs" in TEXT


def test_neovim_runs_taskleak_server() -> None:
    for _, code in section("Neovim (nvim-lspconfig)"):
        assert "cmd = { 'taskleak', 'server' }" in code


def test_helix_runs_taskleak_server_with_known_settings() -> None:
    [code] = [code for language, code in section("Helix") if language == "toml"]
    config = tomllib.loads(code)["language-server"]["taskleak"]
    assert (config["command"], config["args"]) == ("taskleak", ["server"])
    parsed = parse_settings(settings_in(config["config"]))
    assert not parsed.problems and parsed.settings.fail_on == "medium"


def test_emacs_runs_taskleak_server() -> None:
    blocks = section("Emacs (eglot)")
    assert '("taskleak" "server"' in blocks[0][1]


def vscode_settings() -> dict[str, object]:
    [(_, code)] = section("VS Code (a generic LSP client)")
    settings = json.loads(code)
    assert isinstance(settings, dict)
    return settings


def test_vscode_runs_taskleak_server() -> None:
    settings = vscode_settings()
    assert settings["glspc.server.command"] == "taskleak"
    assert settings["glspc.server.commandArguments"] == ["server"]


def test_the_settings_table_lists_every_setting() -> None:
    table = TEXT.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert documented == list(_KEYS)


def test_the_example_settings_are_taken_without_a_problem() -> None:
    [example] = [code for language, code in section("Settings") if language == "json"]
    assert not parse_settings(settings_in(json.loads(example))).problems


@pytest.mark.asyncio
async def test_the_vscode_initialization_options_work_end_to_end(workspace: Path) -> None:
    options = vscode_settings()["glspc.server.initializationOptions"]
    async with running(workspace, init_options=options) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py", LEAKY)
        assert await diagnostics_for(client, uri, 1)
        assert client.messages == []  # no setting was refused


NVIM_PROBE = """\
lua vim.wait(100000, function() return #vim.diagnostic.get(0) > 0 end, 100)
lua for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write(string.format("%d:%d %s\\n", \
d.lnum + 1, d.col + 1, d.code or "")) end
qa!
"""


def _neovim(folder: Path, probe: str) -> subprocess.CompletedProcess[str]:
    """A headless neovim set up as the docs say, on LEAKY in `leak.py`, running `probe`."""
    [code] = [code for _, code in section("Neovim (nvim-lspconfig)")
              if "vim.lsp.start_client" in code]
    (folder / "init.lua").write_text(code)
    (folder / "pyproject.toml").write_text("")
    (folder / "leak.py").write_text(LEAKY)
    (folder / "probe.vim").write_text(probe)
    bin_dir = str(Path(server_command()[0]).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
           "XDG_STATE_HOME": str(folder / "state")}  # no swap file of another run
    return subprocess.run(["nvim", "--headless", "-n", "-u", "init.lua", "leak.py", "-S",
                           "probe.vim"], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=150, check=False)


@pytest.mark.skipif(shutil.which("nvim") is None, reason="no nvim on PATH (apt-get install neovim)")
def test_the_start_client_setup_works_in_a_real_neovim(tmp_path: Path) -> None:
    proc = _neovim(tmp_path, NVIM_PROBE)
    assert "TL101" in proc.stdout, (proc.stdout, proc.stderr)


NVIM_EDIT_PROBE = """\
lua vim.wait(100000, function() return #vim.diagnostic.get(0) > 0 end, 100)
lua vim.api.nvim_buf_set_text(0, 8, 4, 8, 4, {"task = "})
lua vim.api.nvim_buf_set_lines(0, 9, 9, false, {"    await task"})
lua vim.wait(100000, function() local ds = vim.diagnostic.get(0); \
return #ds > 0 and ds[1].code ~= "TL101" end, 100)
lua for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write(string.format("%d:%d %s\\n", \
d.lnum + 1, d.col + 1, d.code or "")) end
qa!
"""


@pytest.mark.skipif(shutil.which("nvim") is None, reason="no nvim on PATH (apt-get install neovim)")
def test_edits_in_a_real_neovim_give_the_diagnostics_of_the_edited_text(tmp_path: Path) -> None:
    """Neovim sends each edit as an incremental change; the server parses only the edited
    statement (`analysis/tree/reparse.py`): its diagnostics are the check of the new text."""
    edited = LEAKY.replace("    asyncio.create_task(work())",
                           "    task = asyncio.create_task(work())\n    await task")
    (tmp_path / "edited.py").write_text(edited)
    proc = _neovim(tmp_path, NVIM_EDIT_PROBE)
    shown = set(re.findall(r"^(\d+):(\d+) (TL\d+)$", proc.stdout, re.M))
    checked = subprocess.run([sys.executable, "-m", "taskleak", "check", "--exit-zero",
                              "--no-cache", "--output-format", "json", "edited.py"],
                             cwd=tmp_path, capture_output=True, text=True, check=True)
    expected = {(str(f["line"]), str(f["column"]), f["rule"])
                for f in json.loads(checked.stdout)["findings"]}
    assert expected and shown == expected, (proc.stdout, proc.stderr)
