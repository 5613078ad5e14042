"""`taskleak server` on the command line: listed, and loaded only when it is run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner
from conftest import LEAKY

from taskleak.cli import main

PROBE = textwrap.dedent("""
    import sys
    from taskleak.cli import main
    try:
        main(["check", "--format", "json", "--no-cache", sys.argv[1]])
    except SystemExit:
        pass
    loaded = sorted(m for m in sys.modules
                    if m.split(".")[0] in ("pygls", "lsprotocol", "cattrs")
                    or m.startswith("taskleak.server"))
    sys.stderr.write("LOADED=" + ",".join(loaded) + "\\n")
""")


def test_the_server_command_is_listed() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "server" in result.output
    help_text = CliRunner().invoke(main, ["server", "--help"]).output
    assert "language server" in help_text and "pip install pygls lsprotocol" in help_text


def test_check_never_loads_the_server_or_pygls(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(LEAKY, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True,
                          text=True, timeout=120, check=False)
    [line] = [x for x in proc.stderr.splitlines() if x.startswith("LOADED=")]
    assert line == "LOADED=", line


def test_the_server_says_how_to_install_it_when_pygls_is_missing() -> None:
    probe = ("import importlib.util;"
             "real = importlib.util.find_spec;"
             "importlib.util.find_spec = lambda n, *a: None if n == 'pygls' else real(n, *a);"
             "from taskleak.cli import main; main(['server'])")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 2
    assert proc.stderr == ("taskleak: error: the language server needs pygls and lsprotocol: "
                           "pip install pygls lsprotocol (from a clone of taskleak: "
                           "pip install '.[server]')\n")
