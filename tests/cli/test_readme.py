"""The README's example outputs are the commands' own: each `<!-- example: CMD -->` block is
what CMD prints on fixtures/voice_chat_server (outside a terminal, no cache).

After a change that moves them (a new message, a fix's count), regenerate the blocks with
`python tests/cli/test_readme.py --write` and read the diff before committing it."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from taskleak.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
VOICE = ROOT / "fixtures" / "voice_chat_server"
BLOCK = re.compile(r"(<!-- example: (?P<cmd>[^\n]*?) -->\n)(?P<body>.*?)(<!-- end example -->)",
                   re.DOTALL)


def output(command: str) -> str:
    """What `command` (starting `taskleak`) prints in the fixture."""
    args = shlex.split(command)
    assert args[0] == "taskleak", command
    env = {"COLUMNS": "80", "TTY_COMPATIBLE": "0", "FORCE_COLOR": None, "NO_COLOR": None}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(VOICE)
        result = CliRunner().invoke(main, [*args[1:], "--no-cache"], env=env)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def body(command: str) -> str:
    """The block as the README holds it: markdown as it is, anything else fenced."""
    text = output(command)
    return text if "--output-format markdown" in command else f"```\n{text}```\n"


def examples(text: str) -> list[tuple[str, str]]:
    return [(m["cmd"], m["body"]) for m in BLOCK.finditer(text)]


def test_the_readme_has_examples() -> None:
    assert [cmd for cmd, _ in examples(README.read_text(encoding="utf-8"))] == [
        "taskleak check", "taskleak check --output-format markdown"]


@pytest.mark.parametrize("command", [cmd for cmd, _ in examples(README.read_text("utf-8"))])
def test_an_example_is_what_its_command_prints(command: str) -> None:
    shown = dict(examples(README.read_text(encoding="utf-8")))[command]
    assert shown == body(command), "python tests/cli/test_readme.py --write regenerates it"


def write() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m[1] + body(m["cmd"]) + m[4], text), encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    write()
