"""The README's example outputs are the commands' own: each `<!-- example: CMD -->` block is
what CMD prints on fixtures/voice_chat_server (outside a terminal, no cache).

After a change that moves them (a new message, a fix's count), regenerate the blocks with
`python tests/cli/test_readme.py --write` and read the diff before committing it."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
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


def test_the_readme_counts_no_tests() -> None:
    """A count of the suite's tests goes stale with the next test added: the README says how
    long the suite takes, not how many tests it holds."""
    assert not re.search(r"\d[\d,]* tests\b", README.read_text(encoding="utf-8"))


def test_the_readme_has_examples() -> None:
    assert [cmd for cmd, _ in examples(README.read_text(encoding="utf-8"))] == [
        "taskleak check", "taskleak check --output-format markdown"]


@pytest.mark.parametrize("command", [cmd for cmd, _ in examples(README.read_text("utf-8"))])
def test_an_example_is_what_its_command_prints(command: str) -> None:
    shown = dict(examples(README.read_text(encoding="utf-8")))[command]
    assert shown == body(command), "python tests/cli/test_readme.py --write regenerates it"


def test_what_the_readme_says_of_a_closed_pipe_is_what_a_shell_sees(tmp_path: Path) -> None:
    """`taskleak check | head` under `set -o pipefail`: the README's claim against a real
    shell pipeline (the exit code is the run's own, not 0)."""
    bash = shutil.which("bash")
    if bash is None or shutil.which("head") is None:
        pytest.skip("needs bash and head on PATH (any POSIX system has them)")
    text = " ".join(README.read_text(encoding="utf-8").split())
    claim = re.search(r"A reader that closes stdout early \(`\| head`\)[^.]*\.[^.]*\.", text)
    assert claim is not None, "the README says what a closed pipe does"
    assert "exit code stays the run's own" in claim[0] and "with 0" not in claim[0]
    (tmp_path / "leak.py").write_text("import asyncio\n\n\nasync def f():\n"
                                      "    asyncio.create_task(g())\n")
    taskleak = shlex.join([sys.executable, "-m", "taskleak", "check", "--no-cache"])
    proc = subprocess.run([bash, "-c", f"set -o pipefail; {taskleak} | head -1"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1  # the finding fails the pipeline, as the README says
    assert proc.stdout.startswith("leak.py:5:5: ") and proc.stderr == ""


def write() -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m[1] + body(m["cmd"]) + m[4], text), encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    write()
