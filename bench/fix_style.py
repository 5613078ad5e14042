"""How a fix reads to the project's own tools (issue 70, item 4): the linters it configures, and
the oldest Python it declares. Used by `fix_suites.py` after each mode's fix; run alone, it
fixes the sdists of `fix_suites.LIBRARIES` as published (safe fixes, no suites) and checks them.

Everything is read from the sdist as published, never from a table written for the bench:

- linters: each tool the project configures or runs, found in its files: ruff (`[tool.ruff*]`
  of `pyproject.toml`, `ruff.toml`, `.ruff.toml`, or a ruff hook), ruff's formatter (a
  `ruff-format` hook, or ruff configured without black: black's style either way), black
  (`[tool.black]`, or black run by tox, a Makefile or a hook), isort (`[tool.isort]`,
  `[isort]`/`[tool:isort]` of `setup.cfg`/`tox.ini`, `.isort.cfg`, or run), flake8 (a
  `[flake8]` section of `.flake8`/`setup.cfg`/`tox.ini`, or run by tox, a Makefile or a hook,
  with the options that command passes). Each runs, with the project's configuration (from the
  project's folder), on the changed files of the untouched tree and of the fixed copy; a
  complaint is new when it sits on a line the fix added or changed and the untouched file has
  no complaint of that code on that text (a formatter's complaint: a hunk of its `--diff` that
  rewrites such a line). Tools come from one virtual environment (`WORK/tools`, newest
  releases); a plugin the project's flake8 expects and that is not installed is not run.
- the oldest Python: the lowest of the sdist's `PKG-INFO` (`Requires-Python`'s lower bound,
  the `Programming Language :: Python :: 3.X` classifiers). With a pyenv interpreter of that
  minor version (`~/.pyenv/versions/X.Y.*`), a virtual environment of it gets the sdist's
  dependencies (PKG-INFO's `Requires-Dist`, cached), then the package and every changed
  module are imported from the fixed copy, each in its own process (a module that fails
  untouched too is not counted); where the install fails or no interpreter exists,
  `vermin --eval-annotations --violations -t=X.Y-` on the changed files says it instead.

Usage: python bench/fix_style.py [--only NAMES] [--work DIR] [--taskleak PATH]
Prints a markdown table; the exit code is 0 unless the script itself fails: it measures.
"""

from __future__ import annotations

import configparser
import difflib
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

TOOLS = ("ruff", "black", "isort", "flake8", "vermin")
COMPLAINT = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?:\d+:)? (?P<code>[A-Z]+\d+) ")
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", re.MULTILINE)
RUNS = ("tox.ini", "Makefile", ".pre-commit-config.yaml", "prek.toml", "noxfile.py")


@dataclass
class StyleResult:
    """What the project's own tools say of one mode's fix."""

    linters: list[str] = field(default_factory=list)  # the tools run
    new_complaints: list[str] = field(default_factory=list)  # "path:line: tool CODE text"
    floor: str = ""  # the oldest Python the sdist declares, e.g. "3.7"
    python: str = ""  # the interpreter used ("3.7.16"), or "vermin"
    imports: str = ""  # "ok", or what failed


def _text(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


def _runs(tree: Path, tool: str) -> str | None:
    """The command line that runs TOOL in tox, a Makefile, nox or a hook, if one does (the
    longest such line: a command with its options rather than a `deps` entry)."""
    found = [line.strip() for name in RUNS for line in _text(tree / name).splitlines()
             if re.search(rf"(?<![\w/-]){re.escape(tool)}(?![\w-])", line)
             and "pip" not in line]
    return max(found, key=len) if found else None


def configured(tree: Path) -> dict[str, list[str]]:
    """tool -> its extra arguments, for each linter the sdist configures or runs."""
    pyproject = tomllib.loads(_text(tree / "pyproject.toml") or "")
    tool = pyproject.get("tool", {})
    ini = configparser.ConfigParser(interpolation=None)
    for name in (".flake8", "setup.cfg", "tox.ini", ".isort.cfg"):
        try:
            ini.read(tree / name, encoding="utf-8")
        except configparser.Error:
            pass
    found: dict[str, list[str]] = {}
    if "ruff" in tool or (tree / "ruff.toml").exists() or (tree / ".ruff.toml").exists() \
            or _runs(tree, "ruff-check") or _runs(tree, "ruff"):
        found["ruff"] = []
    black = "black" in tool or _runs(tree, "black") is not None
    if _runs(tree, "ruff-format") or ("ruff" in found and not black):
        found["ruff-format"] = []
    if black:
        found["black"] = []
    if "isort" in tool or ini.has_section("isort") or ini.has_section("tool:isort") \
            or _runs(tree, "isort"):
        found["isort"] = []
    command = _runs(tree, "flake8")
    if ini.has_section("flake8") or command:
        # the options the project's own command passes (python-engineio's --ignore in tox)
        found["flake8"] = re.findall(r"--(?:ignore|select|max-line-length)=\S+", command or "")
    return found


def _changed_lines(before: str, after: str) -> set[int]:
    """Line numbers (1-based) of AFTER that the fix added or changed."""
    lines: set[int] = set()
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines.update(range(j1 + 1, j2 + 1))
    return lines


def _linter(tool: str, args: list[str], tools: Path, tree: Path, files: list[str]) -> str:
    exe = str(tools / "bin" / ("ruff" if tool.startswith("ruff") else tool))
    cmd = {"ruff": [exe, "check", "--no-cache", "--no-fix", "--output-format=concise"],
           "ruff-format": [exe, "format", "--no-cache", "--diff"],
           "black": [exe, "--check", "--diff", "-q"],
           "isort": [exe, "--check-only", "--diff", "-q"],
           "flake8": [exe, *args]}[tool]
    run = subprocess.run([*cmd, *files], cwd=tree, capture_output=True, text=True,
                         errors="replace")
    return run.stdout + run.stderr


def _complaints(tool: str, output: str, path: str, text: str) -> list[tuple[int, str, str]]:
    """(line, code, the line's text) for each complaint about PATH."""
    lines = text.splitlines()
    found = []
    if tool in ("ruff", "flake8"):
        for match in map(COMPLAINT.match, output.splitlines()):
            if match and Path(match["path"]).as_posix().endswith(path):
                number = int(match["line"])
                code_line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
                found.append((number, f"{tool} {match['code']}", code_line))
        return found
    # a formatter: the lines of PATH its diff rewrites ("--- path" opens the file's part)
    part = re.search(rf"^--- (?:a/)?\S*{re.escape(path)}\b.*?(?=^--- |\Z)", output,
                     re.MULTILINE | re.DOTALL)
    for hunk in HUNK.finditer(part[0] if part else ""):
        body = part[0][hunk.end():].split("\n@@", 1)[0] if part else ""
        number = int(hunk[1])
        for line in body.splitlines()[1:]:
            if line.startswith("-"):
                found.append((number, f"{tool} reformats", line[1:].strip()))
            if not line.startswith("+"):
                number += 1
    return found


def new_complaints(untouched: Path, fixed: Path, changed: list[str], tools: Path,
                   linters: dict[str, list[str]]) -> list[str]:
    """The complaints of the project's linters on lines the fix added or changed, new ones:
    per file and code, as many as the fixed file has more than the untouched one (so a line
    the fix rewrote keeps the complaints it had: aiorun's unused local stays F841)."""
    new: list[str] = []
    existing = [p for p in changed if (untouched / p).exists()]
    for tool, args in linters.items():
        before_out = _linter(tool, args, tools, untouched, existing) if existing else ""
        after_out = _linter(tool, args, tools, fixed, changed)
        for path in changed:
            before, after = _text(untouched / path), _text(fixed / path)
            old = [code for _, code, _ in _complaints(tool, before_out, path, before)]
            touched = _changed_lines(before, after)
            now = _complaints(tool, after_out, path, after)
            for code in dict.fromkeys(code for _, code, _ in now):
                excess = sum(c == code for _, c, _ in now) - old.count(code)
                on_changed = [(n, t) for n, c, t in now if c == code and n in touched]
                new.extend(f"{path}:{n}: {code} {t}"[:160] for n, t in on_changed[:excess])
    return new


def declared_floor(tree: Path) -> tuple[int, int] | None:
    """The oldest Python the sdist's PKG-INFO declares: Requires-Python, the classifiers."""
    meta = _text(tree / "PKG-INFO")
    found = [(3, int(m)) for m in re.findall(
        r"^Classifier: Programming Language :: Python :: 3\.(\d+)\s*$", meta, re.MULTILINE)]
    requires = re.search(r"^Requires-Python:\s*(.+)$", meta, re.MULTILINE)
    if requires:
        bound = re.search(r"(?:>=|~=|==|>)\s*3\.(\d+)", requires[1])
        if bound:
            found.append((3, int(bound[1]) + (1 if re.search(r">\s*3", requires[1])
                                                and ">=" not in requires[1] else 0)))
    return min(found) if found else None


def _pyenv(floor: tuple[int, int]) -> Path | None:
    versions = sorted((Path.home() / ".pyenv" / "versions").glob(f"{floor[0]}.{floor[1]}.*"))
    python = versions[-1] / "bin" / "python" if versions else None
    return python if python and python.exists() else None


def _module_names(changed: list[str], root: str) -> list[str]:
    names = []
    for path in changed:
        rel = Path(path).relative_to(root) if root != "." else Path(path)
        if rel.suffix == ".py" and "test" not in rel.parts[-1]:
            parts = rel.with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _requirements(tree: Path) -> list[str]:
    """The sdist's own dependencies (PKG-INFO's Requires-Dist, no extras)."""
    return [m.strip() for m in re.findall(r"^Requires-Dist:\s*(.+)$", _text(tree / "PKG-INFO"),
                                          re.MULTILINE) if "extra ==" not in m]


def _imports(python: Path, tree: Path, root: str, names: list[str]) -> dict[str, str]:
    """name -> "" or the last line of the error, each imported in its own process from TREE."""
    failed: dict[str, str] = {}
    for name in names:
        code = (f"import importlib, sys\nimportlib.import_module({name!r})\n"
                f"assert sys.modules[{name!r}].__file__.startswith({str(tree.resolve())!r})\n")
        run = subprocess.run([str(python), "-c", code], cwd=tree,
                             env={"PYTHONPATH": str((tree / root).resolve()),
                                  "PYTHONDONTWRITEBYTECODE": "1"},
                             capture_output=True, text=True)
        failed[name] = "" if run.returncode == 0 else \
            (run.stderr.strip().splitlines() or ["?"])[-1][:160]
    return failed


def import_on_floor(untouched: Path, fixed: Path, root: str, module: str, changed: list[str],
                    work: Path, tools: Path, result: StyleResult) -> None:
    """Import the fixed package and its changed modules on the oldest declared Python (a
    module that does not import untouched either, textual's Windows driver on Linux, is not
    counted), in a virtual environment holding the sdist's dependencies."""
    floor = declared_floor(untouched)
    result.floor = f"{floor[0]}.{floor[1]}" if floor else "none declared"
    python = _pyenv(floor) if floor else None
    venv = work / f"py{result.floor}"
    if python is not None and not (venv / ".done").exists() \
            and not (venv / ".failed").exists():
        subprocess.run([str(python), "-m", "venv", "--clear", str(venv)], capture_output=True)
        needed = _requirements(untouched)
        install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                                  *needed], capture_output=True, text=True) if needed else None
        (venv / (".done" if install is None or install.returncode == 0 else ".failed")
         ).write_text(install.stdout[-2000:] + install.stderr[-2000:] if install else "")
    if python is not None and (venv / ".done").exists():
        result.python = python.parent.parent.name
        names = list(dict.fromkeys([module, *_module_names(changed, root)]))
        after = _imports(venv / "bin" / "python", fixed, root, names)
        broken = [name for name, error in after.items() if error]
        before = _imports(venv / "bin" / "python", untouched, root, broken) if broken else {}
        new = [f"{name}: {after[name]}" for name in broken if not before.get(name)]
        result.imports = "; ".join(new) if new else "ok" + (
            f" ({len(broken)} modules fail untouched too)" if broken else "")
        return
    result.python = "vermin"
    files = [str(fixed / p) for p in changed]
    target = f"-t={result.floor}-" if floor else "-t=3.0-"
    run = subprocess.run([str(tools / "bin" / "vermin"), "--no-tips", "--eval-annotations",
                          "--violations", target, *files], capture_output=True, text=True)
    result.imports = "ok (vermin)" if run.returncode == 0 else \
        " ".join(run.stdout.split())[-160:]


def check_fix(untouched: Path, fixed: Path, changed: list[str], root: str, module: str,
              work: Path, home: Path) -> StyleResult:
    """The project's linters and its oldest Python on one mode's fixed copy (the tools in
    WORK, the oldest Python's virtual environment in HOME)."""
    tools = ensure_tools(work)
    result = StyleResult()
    linters = configured(untouched)
    result.linters = list(linters)
    if changed:
        result.new_complaints = new_complaints(untouched, fixed, changed, tools, linters)
    import_on_floor(untouched, fixed, root, module, changed, home, tools, result)
    return result


def ensure_tools(work: Path) -> Path:
    """One virtual environment with the linters (newest releases) and vermin."""
    tools = work / "tools"
    if not (tools / ".done").exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(tools)], check=True)
        subprocess.run([str(tools / "bin" / "pip"), "install", "-q", *TOOLS], check=True)
        (tools / ".done").touch()
    return tools


def main() -> None:
    import argparse
    import shutil

    import fix_suites

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/work/fix-suites-work"))
    parser.add_argument("--taskleak", default=shutil.which("taskleak") or "taskleak")
    parser.add_argument("--only", help="comma-separated library names")
    args = parser.parse_args()
    print("| library | linters | new complaints on changed lines | oldest Python | imports |")
    print("|---|---|---|---|---|")
    for lib in fix_suites.LIBRARIES:
        if args.only and lib.name not in args.only.split(","):
            continue
        tree = fix_suites.extract(lib, args.work)
        copy = args.work / f"{lib.name}-{lib.version}" / "style"
        fix_suites.copy_tree(tree, copy)
        subprocess.run([args.taskleak, "fix", "--no-cache", "--exit-zero", lib.package],
                       cwd=copy, capture_output=True)
        changed = fix_suites.changed_files(tree, copy)
        m = check_fix(tree, copy, changed, lib.import_root, lib.module, args.work,
                      args.work / f"{lib.name}-{lib.version}")
        print(f"| {lib.name} {lib.version} | {', '.join(m.linters)} "
              f"| {len(m.new_complaints)}: {'; '.join(m.new_complaints)[:300]} "
              f"| {m.floor} ({m.python}) | {m.imports} |")


if __name__ == "__main__":
    main()
