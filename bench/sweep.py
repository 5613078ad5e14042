"""The hostile-input sweep (issue 15): hunt crashes, hangs, broken fixes, non-idempotent fixes,
lost comments and misplaced `# noqa` in taskleak, on generated programs and on bad inputs.

    python bench/sweep.py [--count 10000] [--seed 0] [--workers 2] [--out DIR]
    python bench/sweep.py --matrix [--quick] [--out DIR]

Nothing here is a test: the script reports what it finds and exits 1 when it found a defect
(0 when none, 2 when the sweep itself failed). `tests/test_sweep_smoke.py` runs a tiny sweep
when TASKLEAK_SLOW=1.

Generated programs (the default). `--count` programs, split between three generators by
`--mix` (default grammar=4,node=3,dense=3):

- `grammar`: hypothesmith `from_grammar()` programs, `node`: hypothesmith `from_node()`
  programs, each with a spawn and a `# noqa`-suppressed spawn appended (SPAWN_TAIL);
- `dense`: spawn-dense programs of our own (`dense_program`): spawns in every statement form
  (bound, discarded, walrus, lambda, comprehension, `if` header, one-line suite, multi-line
  call...) inside classes, loops, `try`, `with`, nested functions; comments everywhere, trailing
  comments and comment lines with mixed tab/space indentation, form feeds (alone, starting a
  line, inside a block's indentation), `\\x0b`, `\\x1c`-`\\x1e`, `\\x85`, U+2028/U+2029 in
  comments and strings, CRLF files, BOMs, tab-indented files, backslash-only lines, and now and
  then a deep expression (a 400-term sum, calls nested 150 deep inside a spawn, a 400-attribute
  chain). Each ends with a `# noqa`-suppressed spawn, after all that.

Programs are generated in `--workers` processes, in chunks of CHUNK from seeds derived from
`--seed`, so `(seed, generator, number)` names a program for good. Each program that
`compile()` accepts is put through, in-process and under a `--timeout` (SIGALRM; a program
that exceeds it is a hang):

1. check (the adapter's `check_source`): any exception but libcst's ParserSyntaxError is an
   *internal error on valid code* (the CLI reports it as "internal error", exits 2 and loses the
   file's findings); a ParserSyntaxError is counted apart (valid Python libcst refuses);
2. fix (`fix_source`, safe fixes; unsafe ones too on odd-numbered programs): an exception is a
   *crash* (the CLI prints a traceback and stops the run);
3. the fixed code must compile (else a *broken fix*);
4. fixing it again must change nothing (else a *non-idempotent fix*);
5. every comment token (tokenize) and every non-code line (blank, comment-only, form-feed,
   backslash-only lines) of the original must still be there (else *lost comments*);
6. a safe fix that check offered must have been applied: the finding is gone from a re-check
   of the fixed code (else *safe fix offered, not applied*);
7. `# noqa`, through the CLI: the chunk's programs are written to a temporary folder and run
   through `taskleak check --format json` and `taskleak fix` as subprocesses (one file at a
   time when a batch run fails). The suppressed spawn must be missing from the report, every
   other finding must be there as the API reported it, and `fix` must leave the `# noqa` line
   byte for byte (else a *noqa mismatch*).

A worker that dies (a segfault, a blown C stack) or outlives 3x the timeout is killed and
counted as a crash or a hang of the program it was on; the rest of its chunk goes on in a new
worker. Each failure's program is saved in `--out` (default: a new folder under /tmp) as
`<category>--<generator>-<number>.py`, exactly the bytes that failed, with `failures.tsv`
(file, category, detail) next to them; the summary table (per generator, and seconds taken)
is printed and saved as `summary.txt` and `summary.json`.

The bad-input matrix (`--matrix`; `--quick` leaves out the slow rows: SIGINT, killed fix).
Each row runs the `taskleak` CLI as a subprocess in a temporary folder, with a timeout, and
prints: case, what issue 15 expects, what happened, PASS/FAIL (SKIP, with the reason, when the
row cannot run here, e.g. the unprivileged rows when not root and not able to switch user).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import itertools
import json
import multiprocessing
import multiprocessing.connection
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import tokenize
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any


# -- the adapter: the only calls into taskleak's Python API ------------------------------------
class Skipped(Exception):
    """The CLI skips the file with a clear reason ("too deeply nested for the analysis", a
    syntax libcst refuses): not an internal error."""


def check_source(code: str) -> list[dict[str, Any]]:
    """The findings of one module's source, as `--format json` rows, through the same stages
    as the CLI's workers (`run.pipeline.analyse_file`). A file the CLI skips with a reason
    raises `Skipped`; one it reports as an internal error raises RuntimeError."""
    from taskleak.project.join import finding
    from taskleak.run.pipeline import analyse_file

    facts = analyse_file(code.encode("utf-8", "surrogateescape"), "<string>")
    if facts.skipped is not None:
        if facts.skipped.internal:
            raise RuntimeError(facts.skipped.reason)
        raise Skipped(facts.skipped.reason)
    assert facts.module is not None
    return [finding("<string>", spawn).to_json() for spawn in facts.module.spawns]


def fix_source(code: bytes, unsafe: bool) -> bytes | str:
    """The fixed module (bytes), or why it could not be fixed at all (str)."""
    from taskleak.fixer.apply import fix_source as fix

    result = fix(code, allow_unsafe=lambda rule: unsafe)
    return result.fixed if result.error is None else result.error


TASKLEAK = (sys.executable, "-m", "taskleak")  # the CLI, as a subprocess
# -----------------------------------------------------------------------------------------------

CHUNK = 50  # programs generated (and noqa-checked through the CLI) at a time
KINDS = ("grammar", "node", "dense")
NOQA_TARGET = "_noqa_target()"
SPAWN_TAIL = (
    "\nimport asyncio\nasync def _f():\n    asyncio.create_task(_g())\n"
    f"    asyncio.create_task({NOQA_TARGET})  # noqa\n"
)

# the summary's rows: category (a failure file's prefix) -> row
GROUPS: dict[str, str] = {
    "crash-fix": "crashes",
    "crash-refix": "crashes",
    "crash-worker": "crashes",
    "crash-cli": "crashes",
    "internal-error": "internal errors on valid code",
    "broken-fix": "broken fixes",
    "non-idempotent": "non-idempotent fixes",
    "lost-comment": "lost comments",
    "lost-line": "lost comments",
    "hang-check": "hangs",
    "hang-fix": "hangs",
    "hang-verify": "hangs",
    "hang-worker": "hangs",
    "hang-cli": "hangs",
    "noqa-reported": "noqa mismatches",
    "noqa-rewritten": "noqa mismatches",
    "noqa-other-findings": "noqa mismatches",
    "offered-not-applied": "safe fix offered, not applied",
}
DEFECT_ROWS = ("crashes", "internal errors on valid code", "broken fixes", "non-idempotent fixes",
               "lost comments", "hangs", "noqa mismatches", "safe fix offered, not applied")
INFO_ROWS = {
    "invalid": "not valid Python (not swept)",
    "unparsed": "valid, but libcst refuses it",
    "too-deep": "skipped: too deeply nested for the analysis",
    "fix-gave-up": "fix gave up (returned a reason)",
    "has-finding": "with a non-low finding",
    "fixed": "changed by fix",
    "noqa-checked": "noqa checked through the CLI",
}


# -- generated programs --------------------------------------------------------------------------
def _hypothesmith_chunk(kind: str, seed: int, size: int) -> list[str]:
    """`size` hypothesmith programs, the same ones for the same (kind, seed)."""
    import hypothesmith
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    strategy = hypothesmith.from_grammar() if kind == "grammar" else hypothesmith.from_node()
    out: list[str] = []
    attempt = 0
    while len(out) < size and attempt < 5:

        @hseed(seed * 7919 + attempt)
        @settings(max_examples=size - len(out), database=None, deadline=None,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(strategy)
        def collect(code: str) -> None:
            out.append(code)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            collect()
        attempt += 1
    return [code + SPAWN_TAIL for code in out[:size]]


_WEIRD = ("\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_IMPORTS = (
    ("import asyncio\n", "asyncio.create_task", "asyncio.ensure_future"),
    ("import asyncio as aio\n", "aio.create_task", "aio.ensure_future"),
    ("from asyncio import create_task, ensure_future\n", "create_task", "ensure_future"),
    ("import asyncio\nloop = asyncio.get_event_loop()\n", "loop.create_task",
     "asyncio.ensure_future"),
)
_NOQA_COMMENTS = ("# noqa", "# noqa: TL101", "# NOQA:TL101,TL102", "#noqa", "# noqa: TL101 why")

Line = tuple[int, str]  # (depth, text); depth -1: `text` is raw, written as it is


@dataclass
class _Where:
    """What the statements being generated may use."""

    module: bool = False
    is_async: bool = False
    method: bool = False
    function: bool = False


class _Dense:
    """One spawn-dense program (see the module docstring)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counter = itertools.count()
        _, self.spawn, self.future = rng.choice(_IMPORTS)
        self.import_line = next(i for i, s, _ in _IMPORTS if s == self.spawn)
        self.indent = rng.choice(("    ", "    ", "  ", "\t"))
        self.comment_rate = rng.choice((0.0, 0.1, 0.3, 0.6))
        self.weird_rate = rng.choice((0.0, 0.05, 0.2))
        self.ff_indent = rng.random() < 0.04  # a form feed in a block's indentation
        self.deep_call = rng.random() < 0.03

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def weird(self) -> str:
        return self.rng.choice(_WEIRD)

    def comment_text(self) -> str:
        n = next(self.counter)
        text = self.rng.choice((f"# c{n}", f"# note {n}: é ☃", "#", f"#: {n}", "# type: ignore"))
        if self.chance(self.weird_rate * 2):
            text += f" page{self.weird()}break"
        return text

    def comment_line(self, depth: int) -> Line:
        """A comment line, indented as it comes (comment lines' indentation does not count)."""
        lead = self.indent * depth if self.chance(0.5) else self.rng.choice(
            ("", "\t", " \t", "\t ", " ", "        ", "\t\t  "))
        return (-1, lead + self.comment_text())

    def call(self, future: bool = False) -> str:
        n = next(self.counter)
        spawner = self.future if future else self.spawn
        coro = self.rng.choice((f"work{n}()", f"self.go{n}()", "work(1, x=2)", "coro", "g()"))
        if self.deep_call:
            self.deep_call = False
            coro = "f(" * 150 + ")" * 150  # deep calls inside a spawn (once a program)
        return f"{spawner}({coro})"

    def spawn_expr(self) -> str:
        return self.call(future=self.chance(0.2))

    def statement(self, where: _Where) -> list[Line]:
        n = next(self.counter)
        s = self.spawn_expr()
        forms: list[list[Line]] = [
            [(0, s)],
            [(0, f"t{n} = {s}")],
            [(0, f"_ = {s}")],
            [(0, f"{s}.add_done_callback(print)")],
            [(0, f"(t{n} := {s})")],
            [(0, f"cb{n} = lambda: {s}")],
            [(0, f"[{s} for _ in range(3)]")],
            [(0, f"tasks{n} = {{{s} for _ in range(2)}}")],
            [(0, f"if (t{n} := {s}):"), (1, "pass")],
            [(0, f"while not (t{n} := {s}).done():"), (1, "break")],
            [(0, f"x{n} = [{s}, {self.spawn_expr()}]")],
            [(0, f"{s}; {self.spawn_expr()}")],
            [(0, f"{self.spawn}("), (1, "# the coroutine:"),
             (1, f"work{n}(),  # started here"), (0, ")")],
            [(0, f"if flag: {s}")],
            [(0, f"tasks{n} = []"), (0, f"tasks{n}.append({s})")],
            [(0, f"t{n} = {s} if cond else None")],
            [(0, f"print(f'{{{s}}}')")],
            [(0, f"d{n} = {{}}"), (0, f"d{n}['k'] = {s}")],
            [(0, f"job{n}: object = {s}")],
            [(0, f"s{n} = 'a{self.weird()}b'"), (0, s)],
            [(0, f"tâche{n} = {s}")],
        ]
        if where.method:
            forms += [[(0, f"self.t{n} = {s}")], [(0, f"self.tasks.add({s})")],
                      [(0, f"self.t = {s}")]]
        if where.function:
            forms += [[(0, f"return {s}")], [(0, f"global G{n}"), (0, f"G{n} = {s}")]]
        if where.is_async and not where.module:
            forms += [[(0, f"await {s}")], [(0, f"t{n} = {s}"), (0, f"await t{n}")]]
        return self.rng.choice(forms)

    def wrapper(self, where: _Where) -> tuple[str, _Where]:
        """A compound statement to put a statement in, and what the statement may use there."""
        options = ["if", "for", "while", "try", "with", "else", "def", "async def"]
        if where.is_async and not where.module:
            options += ["async with", "async for"]
        choice = self.rng.choice(options)
        if choice in ("def", "async def"):
            return choice, _Where(is_async=choice == "async def", method=where.method,
                                  function=True)
        return choice, where

    def wrap(self, choice: str, body: list[Line]) -> list[Line]:
        n = next(self.counter)
        inner = [(d + 1, t) if d >= 0 else (d, t) for d, t in body]
        heads = {"if": "if cond:", "for": "for _ in range(3):", "with": "with ctx:",
                 "async with": "async with lock:", "async for": "async for _ in agen():"}
        if choice in heads:
            return [(0, heads[choice]), *inner]
        if choice == "while":
            return [(0, "while True:"), *inner, (1, "break")]
        if choice == "try":
            tail = self.rng.choice(([(0, "except Exception:"), (1, "pass")],
                                    [(0, "finally:"), (1, "pass")]))
            return [(0, "try:"), *inner, *tail]
        if choice == "else":
            return [(0, "if cond:"), (1, "pass"), (0, "else:"), *inner]
        deco = [(0, "@decorator")] if self.chance(0.3) else []
        return [*deco, (0, f"{choice} inner{n}():"), *inner, (0, f"inner{n}")]

    def block(self, where: _Where, count: int) -> list[Line]:
        """`count` statements, each in up to 3 wrappers, with comments and blank lines."""
        out: list[Line] = []
        for _ in range(count):
            choices: list[str] = []
            inside = where
            for _ in range(self.rng.choice((0, 0, 1, 1, 2, 3))):
                choice, inside = self.wrapper(inside)
                choices.append(choice)
            body = self.statement(inside)
            for choice in reversed(choices):
                body = self.wrap(choice, body)
            out.extend(self.decorate(body))
        return out

    def decorate(self, body: list[Line]) -> list[Line]:
        """Comments before, between and after lines; trailing comments."""
        out: list[Line] = []
        for depth, text in body:
            if self.comment_rate and self.chance(self.comment_rate / 2):
                out.append(self.comment_line(max(depth, 0)))
            if depth >= 0 and self.comment_rate and self.chance(self.comment_rate / 2):
                sep = self.rng.choice(("  ", " ", "\t", " \t "))
                text = f"{text}{sep}{self.comment_text()}"
            out.append((depth, text))
        if self.chance(self.comment_rate / 3):
            out.append((-1, ""))
        return out

    def function(self, where: _Where) -> list[Line]:
        n = next(self.counter)
        head = "async def" if where.is_async else "def"
        lines: list[Line] = [(0, "@decorator")] if self.chance(0.2) else []
        lines.append((0, f"{head} main{n}(flag, cond):"))
        if self.chance(0.3):
            lines.append((1, '"""A docstring."""'))
        body = self.block(where, self.rng.randint(1, 5))
        lines += [(d + 1, t) if d >= 0 else (d, t) for d, t in body]
        return lines

    def klass(self) -> list[Line]:
        n = next(self.counter)
        lines: list[Line] = [(0, f"class C{n}:")]
        if self.chance(0.6):
            lines += [(1, "def __init__(self):"), (2, "self.tasks = set()"),
                      (2, "self.t = None")]
        for _ in range(self.rng.randint(1, 3)):
            m = next(self.counter)
            is_async = self.chance(0.8)
            head = "async def" if is_async else "def"
            lines.append((1, f"{head} run{m}(self, flag, cond):"))
            body = self.block(_Where(is_async=is_async, method=True, function=True),
                              self.rng.randint(1, 4))
            lines += [(d + 2, t) if d >= 0 else (d, t) for d, t in body]
        if self.chance(0.5):
            close = self.rng.choice(("close", "aclose", "stop", "shutdown"))
            lines += [(1, f"async def {close}(self):"), (2, "pass")]
        return lines

    def unit(self) -> list[Line]:
        kind = self.rng.choice(("module", "async", "sync", "class", "class"))
        if kind == "module":
            return self.block(_Where(module=True), self.rng.randint(1, 3))
        if kind == "class":
            return self.klass()
        return self.function(_Where(is_async=kind == "async", function=True))

    def program(self) -> str:
        rng = self.rng
        head: list[str] = []
        if self.chance(0.05):
            head.append("# -*- coding: utf-8 -*-")
        if self.chance(0.3):
            head.append('"""A generated module."""')
        if self.chance(0.3):
            head.append("from __future__ import annotations")
        head.append(self.import_line.rstrip("\n"))
        lines: list[Line] = [(-1, h) for h in "\n".join(head).split("\n")]
        if self.chance(0.02):
            lines.append((0, "total = " + " + ".join(["a"] * 400)))
        if self.chance(0.02):
            lines.append((0, "chain = a" + ".b" * 400))
        for _ in range(rng.randint(2, 8)):
            lines.append((-1, ""))
            if self.chance(self.weird_rate):
                lines.append((-1, "\x0c"))  # a page break between top-level units
            if self.chance(0.02):
                lines.append((-1, "\\"))  # a backslash-only line joins the next one
            unit = self.unit()
            if self.chance(self.weird_rate) and unit and unit[0][0] == 0:
                unit[0] = (-1, "\x0c" + unit[0][1])  # a form feed starting a line
            lines += unit
            if self.chance(0.15):
                # trailing comments with mixed indentation after a block (issue 15, #2)
                lines += [(-1, ""), (-1, "\t# keep me"), (-1, " # end")]
        lines += [(-1, ""), (0, "async def _noqa_holder():"),
                  (1, f"{self.spawn}({NOQA_TARGET})  {rng.choice(_NOQA_COMMENTS)}")]
        if self.chance(0.2):  # trailing comments with mixed indentation at the very end
            lines += [(-1, ""), (-1, "\t# keep me"), (-1, " # end")]
        text = "\n".join(self.render(d, t) for d, t in lines) + "\n"
        if self.chance(0.15):
            text = text.replace("\n", "\r\n")
        if self.chance(0.05):
            text = "\ufeff" + text
        return text

    def render(self, depth: int, text: str) -> str:
        if depth < 0:
            return text
        lead = self.indent * depth
        if depth > 0 and self.ff_indent and self.chance(0.3):
            lead = "\x0c" + lead
        return lead + text


def dense_program(rng: random.Random) -> str:
    return _Dense(rng).program()


def generate_chunk(kind: str, seed: int, chunk: int, size: int) -> list[str]:
    """Chunk `chunk` of a generator: the same programs for the same arguments."""
    chunk_seed = int.from_bytes(
        hashlib.sha256(f"{seed}:{kind}:{chunk}".encode()).digest()[:6], "big")
    if kind == "dense":
        rng = random.Random(chunk_seed)
        return [dense_program(rng) for _ in range(size)]
    return _hypothesmith_chunk(kind, chunk_seed, size)


# -- one program -----------------------------------------------------------------------------
class ProgramTimeout(BaseException):
    """The program's time is up (a BaseException: taskleak's `except Exception` must not eat
    it)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise ProgramTimeout


@dataclass
class Failure:
    category: str  # a key of GROUPS
    detail: str


@dataclass
class Outcome:
    """What sweeping one program found."""

    kind: str
    number: int
    digest: str = ""
    seconds: float = 0.0
    info: list[str] = field(default_factory=list)  # keys of INFO_ROWS
    failures: list[Failure] = field(default_factory=list)


def _compiles(data: bytes) -> str | None:
    """None when CPython compiles `data`, else why not."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(data, "<sweep>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def _where(exc: BaseException) -> str:
    """`Type: message (at file:line)`, the innermost taskleak frame (else libcst's)."""
    frames = traceback.extract_tb(exc.__traceback__)
    spot = ""
    for wanted in ("taskleak", "libcst"):
        ours = [f for f in frames if f"{os.sep}{wanted}{os.sep}" in f.filename]
        if ours:
            last = ours[-1]
            path = last.filename[last.filename.rindex(f"{os.sep}{wanted}{os.sep}") + 1:]
            spot = f" (at {path}:{last.lineno})"
            break
    message = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {message}{spot}"


_NOT_CODE = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
             tokenize.DEDENT, tokenize.ENDMARKER, tokenize.ENCODING}


def _layout(data: bytes) -> tuple[Counter[str], Counter[str]] | None:
    """(comment tokens, non-code lines) of a module, or None when tokenize fails on it.

    Lines are split at `\\n` as the tokenizer numbers them; a non-code line holds no token but
    comments and newlines (blank, comment-only, form-feed and backslash-only lines), compared
    without its line ending (and a comment-only line without its indentation).
    """
    comments: Counter[str] = Counter()
    code_lines: set[int] = set()
    try:
        for tok in tokenize.tokenize(io.BytesIO(data).readline):
            if tok.type == tokenize.COMMENT:
                comments[tok.string] += 1
            elif tok.type not in _NOT_CODE:
                code_lines.update(range(tok.start[0], tok.end[0] + 1))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return None
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # a comment-only line is compared without its indentation: a safe fix that wraps a call
    # spanning lines in a helper's parentheses moves the call's lines one indent right, its
    # comment lines with them, as black writes them (issue 56, point 4); the comment is there
    other = Counter(_unindented_comment(line.rstrip("\r"))
                    for number, line in enumerate(lines, start=1) if number not in code_lines)
    return comments, other


def _unindented_comment(line: str) -> str:
    """`line` without its spaces and tabs in front when a comment is all it holds."""
    bare = line.lstrip(" \t")
    return bare if bare.startswith("#") else line


def _noqa_line(data: bytes) -> list[bytes]:
    """The lines holding the suppressed spawn, split where Python splits lines."""
    return [line for line in re.split(rb"\r\n|\r|\n", data) if NOQA_TARGET.encode() in line]


def _open_findings(rows: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    return Counter((r["coroutine"], r["rule"]) for r in rows if r["risk"] != "low")


def sweep_program(kind: str, number: int, source: str, timeout: float,
                  noqa: list[tuple[Outcome, bytes, list[dict[str, Any]]]],
                  unsafe: bool | None = None) -> Outcome:
    """Put one program through steps 1-6 (see the module docstring); a program fit for the
    CLI's noqa check is added to `noqa`."""
    data = source.encode("utf-8")
    out = Outcome(kind, number, hashlib.sha1(data).hexdigest()[:12])
    if _compiles(data) is not None:
        out.info.append("invalid")
        return out
    if unsafe is None:
        unsafe = number % 2 == 1  # unsafe fixes too on odd-numbered programs
    step = "check"
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        try:
            rows = check_source(source)
        except ProgramTimeout:
            raise
        except Skipped as exc:
            out.info.append("too-deep" if "too deeply nested" in str(exc) else "unparsed")
            return out
        except Exception as exc:
            if type(exc).__name__ == "ParserSyntaxError":
                out.info.append("unparsed")
            else:
                out.failures.append(Failure("internal-error", _where(exc)))
            return out
        if _open_findings(rows):
            out.info.append("has-finding")
        step = "fix"
        try:
            fixed = fix_source(data, unsafe)
        except ProgramTimeout:
            raise
        except Exception as exc:
            out.failures.append(Failure("crash-fix", f"unsafe={unsafe}: {_where(exc)}"))
            return out
        if isinstance(fixed, str):
            out.info.append("fix-gave-up")
            offered = [r for r in rows if r["risk"] != "low" and r["fix"]
                       and r["fix"]["applicability"] == "safe"]
            if offered:
                out.failures.append(Failure("offered-not-applied", f"fix gave up: {fixed}"))
            return out
        step = "verify"
        if fixed != data:
            out.info.append("fixed")
            why = _compiles(fixed)
            if why is not None:
                out.failures.append(Failure("broken-fix", f"unsafe={unsafe}: {why}"))
            before, after = _layout(data), _layout(fixed)
            if before is not None and after is None:
                out.failures.append(Failure("lost-comment", "the fixed code does not tokenize"))
            elif before is not None and after is not None:
                lost = before[0] - after[0]
                if lost:
                    out.failures.append(Failure("lost-comment", f"lost {sorted(lost)!r}"[:300]))
                lost_lines = before[1] - after[1]
                if lost_lines and not lost:
                    out.failures.append(
                        Failure("lost-line", f"lost lines {sorted(lost_lines)!r}"[:300]))
            step = "fix"
            try:
                again = fix_source(fixed, unsafe)
            except ProgramTimeout:
                raise
            except Exception as exc:
                out.failures.append(Failure("crash-refix", f"unsafe={unsafe}: {_where(exc)}"))
                again = fixed
            if again != fixed:
                detail = again if isinstance(again, str) else "the second fix changed the code"
                out.failures.append(Failure("non-idempotent", f"unsafe={unsafe}: {detail}"))
        step = "verify"
        offered_rows = [r for r in rows if r["risk"] != "low" and r["fix"]
                        and r["fix"]["applicability"] == "safe"]
        if offered_rows:
            step = "check"
            try:
                left = _open_findings(check_source(fixed.decode("utf-8", "surrogateescape")))
            except ProgramTimeout:
                raise
            except Skipped:
                left = Counter()  # the fixed code is skipped with a reason, as the original may be
            except Exception as exc:
                out.failures.append(Failure("internal-error", f"on the fixed code: {_where(exc)}"))
                left = Counter()
            # matched by (coroutine, rule): more left than were offered no fix
            not_offered = _open_findings(rows) - _open_findings(offered_rows)
            still = Counter({k: n - not_offered[k] for k, n in left.items()
                             if k in _open_findings(offered_rows) and n > not_offered[k]})
            if still:
                out.failures.append(Failure(
                    "offered-not-applied", f"unsafe={unsafe}: still reported {sorted(still)}"))
        targets = [r for r in rows if r["coroutine"] == NOQA_TARGET and r["risk"] != "low"]
        if targets and not any(f.category.startswith("crash") for f in out.failures):
            out.info.append("noqa-checked")
            noqa.append((out, data, rows))
    except ProgramTimeout:
        out.failures.append(Failure(f"hang-{step}", f"over {timeout:g} s in {step}"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        out.seconds = time.perf_counter() - started
    return out


# -- the CLI as a subprocess -----------------------------------------------------------------
@dataclass
class CliRun:
    argv: list[str]
    code: int | None  # None: killed after the timeout
    out: bytes
    err: bytes
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.code is None

    @property
    def traceback(self) -> bool:
        return b"Traceback (most recent call last)" in self.err

    def last_error_line(self) -> str:
        lines = [ln for ln in self.err.decode("utf-8", "replace").splitlines() if ln.strip()]
        return lines[-1].strip()[:140] if lines else ""


def run_cli(args: Sequence[str | bytes], cwd: Path, timeout: float, *,
            env: dict[str, str] | None = None, stdin: int | None = subprocess.DEVNULL,
            stdout: int | None = subprocess.PIPE, user: Sequence[str] = (),
            start: Callable[[subprocess.Popen[bytes]], None] | None = None) -> CliRun:
    """Run `taskleak ARGS` in its own process group; after `timeout` the group is killed.

    `user` prefixes the command (to run it as another user); `start` is called with the
    process once it runs (to signal it).
    """
    argv: list[str | bytes] = [*user, *TASKLEAK, *args]
    began = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=stdin, stdout=stdout,
                            stderr=subprocess.PIPE, start_new_session=True)
    if start is not None:
        start(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
        code: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    shown = [a.decode("utf-8", "backslashreplace") if isinstance(a, bytes) else a for a in args]
    return CliRun(["taskleak", *shown], code, out or b"", err or b"",
                  time.perf_counter() - began)


# -- noqa through the CLI --------------------------------------------------------------------
NoqaItem = tuple[Outcome, bytes, list[dict[str, Any]]]


Rows = list[dict[str, Any]]


def _findings_by_file(run: CliRun) -> dict[str, Rows | str] | None:
    """File name -> its findings, or why the CLI skipped it; None when there is no JSON."""
    try:
        report = json.loads(run.out)
    except ValueError:
        return None
    out: dict[str, Rows | str] = {}
    for row in report.get("findings", []):
        rows = out.setdefault(Path(row["path"]).name, [])
        if isinstance(rows, list):
            rows.append(row)
    for skipped in report.get("skipped", []):
        out[Path(skipped["path"]).name] = str(skipped["reason"])
    return out


def _offered_left(before: Rows, after: Rows) -> Counter[tuple[str, str]]:
    """Findings a safe fix was offered for that are still there after fixing, matched by
    (coroutine, rule): more left than were offered no fix."""
    offered = _open_findings([r for r in before if r["fix"]
                              and r["fix"]["applicability"] == "safe"])
    not_offered = _open_findings(before) - offered
    return Counter({k: n - not_offered[k] for k, n in _open_findings(after).items()
                    if k in offered and n > not_offered[k]})


def _judge_cli(item: NoqaItem, cli_rows: Rows | str | None, fixed: bytes | None,
               rows_after: Rows | str | None) -> None:
    """Step 7: the CLI's report before fixing, the fixed file, the report after."""
    outcome, data, api_rows = item
    if isinstance(cli_rows, str):
        category = "internal-error" if cli_rows.startswith("internal error") else \
            "noqa-other-findings"
        outcome.failures.append(Failure(category, f"the CLI skipped it: {cli_rows}"[:300]))
    elif cli_rows is not None:
        if any(r["coroutine"] == NOQA_TARGET for r in cli_rows):
            outcome.failures.append(Failure("noqa-reported", "the suppressed spawn is reported"))
        want = Counter((r["line"], r["column"], r["rule"]) for r in api_rows
                       if r["coroutine"] != NOQA_TARGET)
        got = Counter((r["line"], r["column"], r["rule"]) for r in cli_rows
                      if r["coroutine"] != NOQA_TARGET)
        if want != got:
            outcome.failures.append(Failure(
                "noqa-other-findings",
                f"missing {sorted(want - got)}, extra {sorted(got - want)}"[:300]))
        if isinstance(rows_after, list):
            before = [r for r in cli_rows if r["coroutine"] != NOQA_TARGET]
            left = _offered_left(before, rows_after)
            if left:
                outcome.failures.append(Failure(
                    "offered-not-applied", f"CLI: still reported {sorted(left)}"[:300]))
    if fixed is not None and _noqa_line(fixed) != _noqa_line(data):
        outcome.failures.append(Failure(
            "noqa-rewritten", f"{_noqa_line(data)!r} -> {_noqa_line(fixed)!r}"[:300]))


def _cli_check(folder: Path, timeout: float) -> CliRun:
    return run_cli(["check", "--isolated", "--no-cache", "--format", "json", "--fail-on", "none",
                    "-j", "1", "."], folder, timeout)


def _cli_fix(folder: Path, timeout: float) -> CliRun:
    return run_cli(["fix", "--isolated", "--no-cache", "--fail-on", "none", "."], folder, timeout)


def noqa_through_cli(items: list[NoqaItem], timeout: float) -> None:
    """Step 7 for a chunk's programs: check, fix and check again over all of them at once,
    each file on its own when a batch run fails (a traceback, a hang, no JSON)."""
    if not items:
        return
    with tempfile.TemporaryDirectory(prefix="sweep-noqa-") as tmp:
        folder = Path(tmp)
        names = [f"p{item[0].number:06d}.py" for item in items]
        for name, item in zip(names, items, strict=True):
            (folder / name).write_bytes(item[1])
        check = _cli_check(folder, timeout * 4)
        by_file = None if check.timed_out or check.traceback else _findings_by_file(check)
        fix = _cli_fix(folder, timeout * 4)
        recheck = _cli_check(folder, timeout * 4)
        after = None if recheck.timed_out or recheck.traceback else _findings_by_file(recheck)
        batch_ok = not fix.timed_out and not fix.traceback
        for name, item in zip(names, items, strict=True):
            if by_file is not None and after is not None and batch_ok:
                _judge_cli(item, by_file.get(name, []), (folder / name).read_bytes(),
                           after.get(name, []))
                continue
            single = folder / f"one-{name[:-3]}"
            single.mkdir()
            (single / name).write_bytes(item[1])
            runs: list[Rows | str | None] = []
            fixed = None
            for step in ("check", "fix", "check"):
                one = _cli_fix(single, timeout) if step == "fix" else _cli_check(single, timeout)
                if one.timed_out or one.traceback:
                    category = "hang-cli" if one.timed_out else "crash-cli"
                    item[0].failures.append(Failure(category, f"{step}: {one.last_error_line()}"))
                    if step == "check":
                        runs.append(None)
                elif step == "fix":
                    fixed = (single / name).read_bytes()
                else:
                    runs.append((_findings_by_file(one) or {}).get(name, []))
            _judge_cli(item, runs[0], fixed, runs[1])


# -- workers and their supervisor ------------------------------------------------------------
Task = tuple[str, int, int, int]  # (generator, chunk, first position, end position)


def _worker(wid: int, conn: Any, seed: int, timeout: float, scratch: str) -> None:
    """Ask for a chunk, sweep it, report each program as it is done; until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor handles Ctrl-C
    signal.signal(signal.SIGALRM, _on_alarm)
    warnings.simplefilter("ignore")  # the programs' SyntaxWarnings, compiled by the fixer
    current = Path(scratch) / f"current-{wid}.py"
    while True:
        conn.send(("ready",))
        task: Task | None = conn.recv()
        if task is None:
            return
        kind, chunk, first, end = task
        sources = generate_chunk(kind, seed, chunk, CHUNK)
        noqa: list[NoqaItem] = []
        for pos in range(first, min(end, len(sources))):
            number = chunk * CHUNK + pos
            source = sources[pos]
            current.write_bytes(source.encode("utf-8"))
            conn.send(("begin", kind, number, pos))
            outcome = sweep_program(kind, number, source, timeout, noqa)
            conn.send(("outcome", outcome, source.encode("utf-8") if outcome.failures else b""))
        conn.send(("begin", kind, -1, end))  # the CLI part: bounded by its own timeouts
        before = {id(item[0]): len(item[0].failures) for item in noqa}
        noqa_through_cli(noqa, timeout)
        for outcome, data, _ in noqa:
            extra = outcome.failures[before[id(outcome)]:]
            if extra:
                conn.send(("extra", kind, outcome.number, extra, data))
        conn.send(("chunk-done",))


@dataclass
class _Slot:
    """A worker process as the supervisor sees it."""

    process: Any
    conn: Any
    task: Task | None = None
    kind: str = ""
    number: int = -1
    position: int = -1
    began: float = 0.0
    killed: bool = False


class Tally:
    """The sweep's counts, failure files and signatures."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.rows: Counter[tuple[str, str]] = Counter()  # (row, kind)
        self.digests: dict[str, set[str]] = {k: set() for k in KINDS}
        self.seconds: dict[str, float] = dict.fromkeys(KINDS, 0.0)
        self.signatures: dict[str, list[tuple[int, str]]] = {}  # signature -> (size, file)
        out.mkdir(parents=True, exist_ok=True)
        self.index = (out / "failures.tsv").open("w", encoding="utf-8")
        self.index.write("file\tcategory\tdetail\n")

    def outcome(self, outcome: Outcome, data: bytes) -> None:
        kind = outcome.kind
        self.rows["programs generated", kind] += 1
        if "invalid" not in outcome.info:
            self.rows["programs run", kind] += 1
            self.digests[kind].add(outcome.digest)
        for tag in outcome.info:
            self.rows[INFO_ROWS[tag], kind] += 1
        self.seconds[kind] += outcome.seconds
        self.failures(kind, outcome.number, outcome.failures, data)

    def failures(self, kind: str, number: int, failures: list[Failure], data: bytes) -> None:
        seen: set[str] = set()
        for failure in failures:
            row = GROUPS[failure.category]
            if row not in seen:  # a program counts once per row
                self.rows[row, kind] += 1
                seen.add(row)
            name = f"{failure.category}--{kind}-{number:06d}.py"
            (self.out / name).write_bytes(data)
            clean = failure.detail.replace("\t", " ").replace("\n", " ")
            self.index.write(f"{name}\t{failure.category}\t{clean}\n")
            self.signatures.setdefault(signature(failure), []).append((len(data), name))
        self.index.flush()

    def total(self, row: str) -> int:
        return sum(n for (r, _), n in self.rows.items() if r == row)

    def defects(self) -> int:
        return sum(self.total(row) for row in DEFECT_ROWS)

    def table(self, wall: float, kinds: Sequence[str]) -> str:
        head = ["", *kinds, "total"]
        body: list[list[str]] = []
        order = ["programs generated", "programs run", *DEFECT_ROWS, *INFO_ROWS.values()]
        for row in order:
            counts = [self.rows[row, k] for k in kinds]
            body.append([row, *map(str, counts), str(sum(counts))])
        distinct = [len(self.digests[k]) for k in kinds]
        body.append(["distinct programs run", *map(str, distinct), str(sum(distinct))])
        secs = [self.seconds[k] for k in kinds]
        body.append(["seconds in-process (summed)", *(f"{x:.0f}" for x in secs),
                     f"{sum(secs):.0f}"])
        widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]

        def line(cells: list[str]) -> str:
            return "| " + " | ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                                     for i, c in enumerate(cells)) + " |"

        rule = "|-" + "-|-".join("-" * w for w in widths) + "-|"
        text = [line(head), rule]
        for i, cells in enumerate(body):
            if i in (2, 2 + len(DEFECT_ROWS)):
                text.append(rule)
            text.append(line(cells))
        text.append(f"\n{self.total('programs run')} programs run in {wall:.0f} s wall time; "
                    f"{self.defects()} defects (programs x rows); failures in {self.out}")
        text.append("\nDistinct failures (signature: count, smallest example):")
        for sig, examples in sorted(self.signatures.items(),
                                    key=lambda kv: (GROUPS[kv[0].split(":")[0]], -len(kv[1]))):
            size, name = min(examples)
            text.append(f"  {len(examples):5d}  {sig}  [{name}, {size} bytes]")
        return "\n".join(text)

    def summary_json(self, wall: float, args: argparse.Namespace) -> dict[str, Any]:
        rows: dict[str, dict[str, int]] = {}
        for (row, kind), n in self.rows.items():
            rows.setdefault(row, {})[kind] = n
        return {"count": args.count, "seed": args.seed, "workers": args.workers,
                "timeout": args.timeout, "wall_seconds": round(wall, 1), "rows": rows,
                "defects": self.defects(),
                "signatures": {s: len(e) for s, e in self.signatures.items()}}


def signature(failure: Failure) -> str:
    """What a failure has in common with others of its kind (for the summary)."""
    detail = failure.detail.removeprefix("unsafe=True: ").removeprefix("unsafe=False: ")
    if failure.category in ("crash-fix", "crash-refix", "internal-error"):
        kind = detail.split(":", 1)[0]
        spot = detail[detail.rfind("(at "):] if detail.endswith(")") and "(at " in detail else ""
        prefix = "on the fixed code: " if detail.startswith("on the fixed code") else ""
        if prefix:
            kind = detail.removeprefix(prefix).split(":", 1)[0]
        if detail.startswith("the CLI skipped it"):
            return f"{failure.category}: CLI only: {detail[20:80]}"
        return f"{failure.category}: {prefix}{kind} {spot}".rstrip()
    if failure.category in ("broken-fix", "offered-not-applied", "crash-cli", "hang-cli"):
        return f"{failure.category}: {detail.split('[')[0].split('(')[0][:70]}".rstrip()
    return failure.category


def _plan(count: int, mix: dict[str, int]) -> list[Task]:
    total = sum(mix.values())
    sizes = {k: count * w // total for k, w in mix.items()}
    first = next(iter(mix))
    sizes[first] += count - sum(sizes.values())
    per_kind = {k: [(k, c, 0, min(CHUNK, n - c * CHUNK)) for c in range((n + CHUNK - 1) // CHUNK)]
                for k, n in sizes.items()}
    tasks: list[Task] = []
    for group in itertools.zip_longest(*per_kind.values()):  # interleaved: mixed progress
        tasks.extend(t for t in group if t is not None)
    return tasks


def run_programs(args: argparse.Namespace, out: Path) -> int:
    mix = {k: int(w) for k, _, w in (p.partition("=") for p in args.mix.split(",")) if int(w)}
    tasks = _plan(args.count, mix)
    tally = Tally(out)
    scratch = tempfile.mkdtemp(prefix="sweep-scratch-")
    ctx = multiprocessing.get_context("fork")
    slots: dict[int, _Slot] = {}
    wids = itertools.count()
    retried: Counter[Task] = Counter()
    deadline = args.timeout * 3 + 10
    started = time.perf_counter()
    last_progress = started
    total_programs = sum(t[3] - t[2] for t in tasks)
    done = 0

    def spawn() -> None:
        wid = next(wids)
        here, there = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(wid, there, args.seed, args.timeout, scratch),
                           daemon=True)
        proc.start()
        there.close()
        slots[wid] = _Slot(proc, here)

    def lost(wid: int, slot: _Slot) -> None:
        """A worker died or was killed: count its program, give the rest of its chunk on."""
        nonlocal done
        slot.process.join(5)
        if slot.task is not None:
            kind, chunk, first, end = slot.task
            if slot.number >= 0:
                code = slot.process.exitcode
                category = "hang-worker" if slot.killed else "crash-worker"
                detail = (f"killed after {deadline:g} s" if slot.killed
                          else f"worker died (exit code {code})")
                source = Path(scratch, f"current-{wid}.py")
                data = source.read_bytes() if source.exists() else b""
                tally.outcome(Outcome(kind, slot.number, hashlib.sha1(data).hexdigest()[:12],
                                      failures=[Failure(category, detail)]), data)
                done += 1
            resume = slot.position + 1 if slot.position >= 0 else first
            retried[slot.task] += 1
            if resume < end and retried[slot.task] <= 2:
                tasks.insert(0, (kind, chunk, resume, end))
            elif resume < end:
                print(f"sweep: giving up on {kind} chunk {chunk} from {resume}",
                      file=sys.stderr)
        del slots[wid]
        if tasks or any(s.task is not None for s in slots.values()):
            spawn()

    for _ in range(max(1, args.workers)):
        spawn()
    try:
        while slots:
            by_conn = {id(s.conn): (w, s) for w, s in slots.items()}
            for conn in multiprocessing.connection.wait([s.conn for s in slots.values()], 1.0):
                wid, slot = by_conn[id(conn)]
                try:
                    msg = slot.conn.recv()
                except (EOFError, OSError):
                    lost(wid, slot)
                    continue
                if msg[0] == "ready":
                    slot.task = tasks.pop(0) if tasks else None
                    slot.number = slot.position = -1
                    slot.conn.send(slot.task)
                    if slot.task is None:
                        slot.process.join(10)
                        del slots[wid]
                elif msg[0] == "begin":
                    _, slot.kind, slot.number, slot.position = msg
                    slot.began = time.perf_counter()
                elif msg[0] == "outcome":
                    tally.outcome(msg[1], msg[2])
                    done += 1
                    slot.number = -1
                elif msg[0] == "extra":
                    tally.failures(msg[1], msg[2], msg[3], msg[4])
                elif msg[0] == "chunk-done":
                    slot.task = None
            now = time.perf_counter()
            for slot in list(slots.values()):
                if slot.number >= 0 and not slot.killed and now - slot.began > deadline:
                    slot.killed = True
                    slot.process.kill()
            if now - last_progress > 60:
                last_progress = now
                print(f"[{now - started:6.0f} s] {done}/{total_programs} programs, "
                      f"{tally.defects()} defects", file=sys.stderr, flush=True)
    finally:
        for slot in slots.values():
            slot.process.kill()
        shutil.rmtree(scratch, ignore_errors=True)
        tally.index.close()
    wall = time.perf_counter() - started
    kinds = [k for k in KINDS if k in mix]
    table = tally.table(wall, kinds)
    header = (f"taskleak sweep: {args.count} programs, seed {args.seed}, {args.workers} workers, "
              f"timeout {args.timeout:g} s, mix {args.mix}\n")
    print(header + table)
    (out / "summary.txt").write_text(header + table + "\n", encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(tally.summary_json(wall, args), indent=2),
                                      encoding="utf-8")
    return 1 if tally.defects() else 0


# -- the bad-input matrix --------------------------------------------------------------------
SPAWN_FILE = b"import asyncio\n\nasync def main():\n    asyncio.create_task(work())\n"
NOBODY = 65534


@dataclass
class Row:
    case: str
    expected: str
    observed: str
    verdict: str  # PASS, FAIL or SKIP


class Skip(Exception):
    """This row cannot run here; the message says why."""


def _unprivileged() -> tuple[list[str], int]:
    """(command prefix running as an unprivileged user, that user's uid); Skip if there is
    none."""
    if os.geteuid() != 0:
        return [], os.geteuid()
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"], NOBODY
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"], NOBODY
    raise Skip("running as root, and neither setpriv nor runuser is here to drop privileges")


def _tree(root: Path, files: Mapping[Any, bytes]) -> Path:
    for name, data in files.items():
        path = os.path.join(os.fsencode(root), os.fsencode(name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    return root


def _json_ok(data: bytes) -> str | None:
    """None when `data` is valid UTF-8 JSON, else what is wrong."""
    try:
        json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return f"not UTF-8 ({exc.reason} at byte {exc.start})"
    except ValueError as exc:
        return f"not JSON ({str(exc)[:60]})" if data else "empty"
    return None


def _said(run: CliRun) -> str:
    """How a run ended, in a few words."""
    if run.timed_out:
        last = run.last_error_line()
        return f"hung: killed after {run.seconds:.0f} s" + (f" (stderr: {last})" if last else "")
    text = f"exit {run.code} in {run.seconds:.2f} s"
    if run.traceback:
        text += f", traceback: {run.last_error_line()}"
    elif run.err.strip():
        text += f", stderr: {run.last_error_line()}"
    return text


def _skipped(run: CliRun) -> dict[str, str]:
    try:
        report = json.loads(run.out)
    except ValueError:
        return {}
    return {str(s["path"]): f"{s['reason']} (line {s.get('line')})"
            for s in report.get("skipped", [])}


class Matrix:
    """The rows of the bad-input matrix; each method sets up a temporary folder and runs."""

    def __init__(self, timeout: float, quick: bool) -> None:
        self.timeout = timeout
        self.quick = quick
        self.rows: list[Row] = []

    def row(self, case: str, expected: str, observed: str, ok: bool) -> None:
        self.rows.append(Row(case, expected, observed, "PASS" if ok else "FAIL"))

    def run(self, only: Sequence[str] = ()) -> list[Row]:
        cases: list[tuple[str, Callable[[Path], None]]] = [
            ("fifo in the tree (check)", self.fifo_check),
            ("fifo in the tree (fix)", self.fifo_fix),
            ("x.py -> /dev/stdin, stdin a pipe", self.stdin_link),
            ("fifo as an argument", self.fifo_argument),
            ("/dev/zero as an argument", self.zero_argument),
            ("non-UTF-8 name: --format sarif", self.bad_name_sarif),
            ("non-UTF-8 name: --format sarif -o", self.bad_name_sarif_file),
            ("non-UTF-8 name: --write-baseline", self.bad_name_write_baseline),
            ("non-UTF-8 name: --baseline", self.bad_name_baseline),
            ("non-UTF-8 name: --format json -o", self.bad_name_json_file),
            ("non-UTF-8 name: JSON on stdout", self.bad_name_json_stdout),
            ("-o into a missing folder", self.missing_folder),
            ("stdout is /dev/full", self.stdout_full),
            ("-o /dev/full", self.output_full),
            ("PYTHONIOENCODING=ascii, text", self.ascii_text),
            ("PYTHONIOENCODING=ascii, markdown", self.ascii_markdown),
            ("read-only (0444) file, unprivileged fix", self.read_only),
            ("root's file in the user's folder, fix", self.foreign_file),
            ("hard-linked file under fix", self.hard_link),
            ("SIGINT exit code", self.sigint),
            ("--cache-dir holding 2024/ and 1.0/", self.cache_dir),
            ("fix killed (SIGKILL) mid-run", self.killed_fix),
            ("unreadable folder", self.unreadable_folder),
            ("`def f(:` line", self.def_line),
            ("too many indentation levels line", self.indent_line),
            ("backslash-only line: offered fix applied", self.backslash),
            ("SyntaxWarning printed by fix", self.syntax_warning),
            ("issue 15's internal errors on valid code", self.internal_errors),
            ("one file's crash stops fix", self.crash_stops_fix),
        ]
        slow = {"SIGINT exit code", "fix killed (SIGKILL) mid-run"}
        for case, method in cases:
            if only and not any(o.lower() in case.lower() for o in only):
                continue
            if self.quick and case in slow:
                self.rows.append(Row(case, "", "left out by --quick", "SKIP"))
                continue
            with tempfile.TemporaryDirectory(prefix="sweep-matrix-") as tmp:
                root = Path(tmp)
                os.chmod(root, 0o755)  # the unprivileged rows need to get in
                try:
                    method(root)
                except Skip as exc:
                    self.rows.append(Row(case, "", str(exc), "SKIP"))
                except Exception as exc:  # the row itself broke: say so, go on
                    self.rows.append(Row(case, "", f"the row failed: {_where(exc)}", "ERROR"))
                finally:
                    for path in root.rglob("*"):  # undo chmod 000 so the folder can go
                        with contextlib.suppress(OSError):
                            if path.is_dir() and not path.is_symlink():
                                os.chmod(path, 0o755)
        return self.rows

    # -- special files
    def fifo_check(self, root: Path) -> None:
        _tree(root, {"t/a.py": SPAWN_FILE})
        os.mkfifo(root / "t" / "x.py")
        run = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout)
        skipped = _skipped(run)
        self.row("fifo in the tree (check)",
                 "finishes (< 1 s); x.py skipped with a reason; a.py reported",
                 f"{_said(run)}; skipped: {skipped or 'none'}",
                 not run.timed_out and any(p.endswith("x.py") for p in skipped))

    def fifo_fix(self, root: Path) -> None:
        _tree(root, {"t/a.py": SPAWN_FILE})
        os.mkfifo(root / "t" / "x.py")
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout)
        fixed = (root / "t" / "a.py").read_bytes() != SPAWN_FILE
        self.row("fifo in the tree (fix)", "finishes; x.py skipped with a reason; a.py fixed",
                 f"{_said(run)}; a.py {'fixed' if fixed else 'not fixed'}",
                 not run.timed_out and fixed and b"x.py" in run.err + run.out)

    def stdin_link(self, root: Path) -> None:
        _tree(root, {"t/a.py": SPAWN_FILE})
        os.symlink("/dev/stdin", root / "t" / "x.py")
        read_end, write_end = os.pipe()
        try:
            run = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout,
                          stdin=read_end)
        finally:
            os.close(read_end)
            os.close(write_end)
        skipped = _skipped(run)
        self.row("x.py -> /dev/stdin, stdin a pipe",
                 "finishes; x.py skipped (not a regular file)",
                 f"{_said(run)}; skipped: {skipped or 'none'}",
                 not run.timed_out and any(p.endswith("x.py") for p in skipped))

    def _special_argument(self, case: str, root: Path, target: str) -> None:
        run = run_cli(["check", "--no-cache", target], root, self.timeout)
        said = run.out.decode("utf-8", "replace").strip().splitlines()
        self.row(case, "usage error: exit 2 with a message naming it",
                 f"{_said(run)}; stdout: {said[-1][:70] if said else ''}",
                 run.code == 2 and not run.traceback)

    def fifo_argument(self, root: Path) -> None:
        os.mkfifo(root / "x.py")
        self._special_argument("fifo as an argument", root, "x.py")

    def zero_argument(self, root: Path) -> None:
        self._special_argument("/dev/zero as an argument", root, "/dev/zero")

    # -- non-UTF-8 file names
    BAD = b"t/bad\xff\xfe.py"

    def _bad_tree(self, root: Path) -> None:
        _tree(root, {self.BAD: SPAWN_FILE, "t/good.py": SPAWN_FILE})

    def _bad_name(self, case: str, root: Path, args: list[str], output: str | None) -> None:
        self._bad_tree(root)
        run = run_cli(["check", "--no-cache", *args, "t"], root, self.timeout)
        data = run.out if output is None else (
            (root / output).read_bytes() if (root / output).exists() else b"")
        problem = _json_ok(data)
        where = "stdout" if output is None else output
        self.row(case, "exit 1 (findings), no traceback; valid UTF-8 JSON, the name escaped",
                 f"{_said(run)}; {where}: {problem or 'valid UTF-8 JSON'}"
                 + (f" ({len(data)} bytes)" if problem else ""),
                 run.code == 1 and not run.traceback and problem is None)

    def bad_name_sarif(self, root: Path) -> None:
        self._bad_name("non-UTF-8 name: --format sarif", root, ["--format", "sarif"], None)

    def bad_name_sarif_file(self, root: Path) -> None:
        self._bad_name("non-UTF-8 name: --format sarif -o", root,
                       ["--format", "sarif", "-o", "out.sarif"], "out.sarif")

    def bad_name_json_file(self, root: Path) -> None:
        self._bad_name("non-UTF-8 name: --format json -o", root,
                       ["--format", "json", "-o", "out.json"], "out.json")

    def bad_name_json_stdout(self, root: Path) -> None:
        self._bad_name("non-UTF-8 name: JSON on stdout", root, ["--format", "json"], None)

    def bad_name_write_baseline(self, root: Path) -> None:
        self._bad_tree(root)
        run = run_cli(["check", "--no-cache", "--format", "json", "--write-baseline", "bl.json",
                       "t"], root, self.timeout)
        data = (root / "bl.json").read_bytes() if (root / "bl.json").exists() else b""
        problem = _json_ok(data)
        self.row("non-UTF-8 name: --write-baseline",
                 "no traceback; the baseline is valid UTF-8 JSON holding both files",
                 f"{_said(run)}; bl.json: {problem or 'valid UTF-8 JSON'}",
                 run.code in (0, 1) and not run.traceback and problem is None)

    def bad_name_baseline(self, root: Path) -> None:
        _tree(root, {"t/good.py": SPAWN_FILE})
        made = run_cli(["check", "--no-cache", "--write-baseline", "bl.json", "t"], root,
                       self.timeout)
        if not (root / "bl.json").exists():
            raise Skip(f"could not write a baseline to start from: {_said(made)}")
        self._bad_tree(root)
        run = run_cli(["check", "--no-cache", "--format", "json", "--baseline", "bl.json", "t"],
                      root, self.timeout)
        problem = _json_ok(run.out)
        self.row("non-UTF-8 name: --baseline",
                 "exit 1 (the new file's finding), no traceback, valid UTF-8 JSON",
                 f"{_said(run)}; stdout: {problem or 'valid UTF-8 JSON'}",
                 run.code == 1 and not run.traceback and problem is None)

    # -- output failures
    def missing_folder(self, root: Path) -> None:
        _tree(root, {"t/a.py": SPAWN_FILE})
        run = run_cli(["check", "--no-cache", "--format", "json", "-o", "nowhere/out.json", "t"],
                      root, self.timeout)
        written = root / "nowhere" / "out.json"
        made = written.is_file() and written.stat().st_size > 0
        # ruff creates the folder; so does taskleak (CHANGELOG 0.2.0): either that, or a message
        self.row("-o into a missing folder",
                 "the folder created and the report written (as ruff does), or exit 2 with a "
                 "message; no traceback",
                 f"{_said(run)}; nowhere/out.json {'written' if made else 'not written'}",
                 not run.traceback and ((run.code == 1 and made) or run.code == 2))

    def stdout_full(self, root: Path) -> None:
        if not os.path.exists("/dev/full"):
            raise Skip("no /dev/full here")
        _tree(root, {"t/a.py": SPAWN_FILE})
        with open("/dev/full", "wb") as full:
            run = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout,
                          stdout=full.fileno())
        self.row("stdout is /dev/full", "exit 2 with a message, no traceback", _said(run),
                 run.code == 2 and not run.traceback)

    def output_full(self, root: Path) -> None:
        if not os.path.exists("/dev/full"):
            raise Skip("no /dev/full here")
        _tree(root, {"t/a.py": SPAWN_FILE})
        run = run_cli(["check", "--no-cache", "--format", "json", "-o", "/dev/full", "t"], root,
                      self.timeout)
        self.row("-o /dev/full", "exit 2 with a message, no traceback", _said(run),
                 run.code == 2 and not run.traceback)

    def _ascii(self, case: str, root: Path, fmt: str) -> None:
        _tree(root, {"t/a.py": SPAWN_FILE, "t/é.py": SPAWN_FILE})
        env = {**os.environ, "PYTHONIOENCODING": "ascii"}
        run = run_cli(["check", "--no-cache", "--format", fmt, "t"], root, self.timeout, env=env)
        self.row(case, "no traceback: exit 1 (findings), or 2 with a message", _said(run),
                 run.code in (1, 2) and not run.traceback)

    def ascii_text(self, root: Path) -> None:
        self._ascii("PYTHONIOENCODING=ascii, text", root, "text")

    def ascii_markdown(self, root: Path) -> None:
        self._ascii("PYTHONIOENCODING=ascii, markdown", root, "markdown")

    # -- permissions and links
    def read_only(self, root: Path) -> None:
        prefix, uid = _unprivileged()
        _tree(root, {"t/a.py": SPAWN_FILE})
        os.chown(root / "t", uid, uid)
        os.chown(root / "t" / "a.py", uid, uid)
        os.chmod(root / "t" / "a.py", 0o444)
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout, user=prefix)
        after = (root / "t" / "a.py").read_bytes()
        mode = stat.S_IMODE(os.stat(root / "t" / "a.py").st_mode)
        who = f"uid {uid}" + (" via " + prefix[0] if prefix else "")
        self.row("read-only (0444) file, unprivileged fix",
                 "not rewritten ('read-only: not fixed'), mode kept",
                 f"as {who}: {_said(run)}; a.py {'rewritten' if after != SPAWN_FILE else 'kept'}"
                 f", mode {mode:o}", after == SPAWN_FILE)

    def foreign_file(self, root: Path) -> None:
        if os.geteuid() != 0:
            raise Skip("needs root, to make a file the user does not own")
        prefix, uid = _unprivileged()
        _tree(root, {"t/a.py": SPAWN_FILE})
        os.chown(root / "t", uid, uid)  # the user's folder, root's file (0644)
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout, user=prefix)
        info = os.stat(root / "t" / "a.py")
        after = (root / "t" / "a.py").read_bytes()
        self.row("root's file in the user's folder, fix",
                 "not fixed (the user may not write it); still root's",
                 f"{_said(run)}; a.py {'replaced' if after != SPAWN_FILE else 'kept'}, "
                 f"owner uid {info.st_uid}", after == SPAWN_FILE and info.st_uid == 0)

    def hard_link(self, root: Path) -> None:
        _tree(root, {"t/a.py": SPAWN_FILE})
        (root / "elsewhere").mkdir()
        os.link(root / "t" / "a.py", root / "elsewhere" / "same.py")
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout)
        a, b = os.stat(root / "t" / "a.py"), os.stat(root / "elsewhere" / "same.py")
        fixed = (root / "t" / "a.py").read_bytes() != SPAWN_FILE
        together = a.st_ino == b.st_ino
        self.row("hard-linked file under fix",
                 "written in place (both names see the fix), or refused with a reason",
                 f"{_said(run)}; a.py {'fixed' if fixed else 'kept'}; link "
                 f"{'kept' if together else 'split'} (nlink {a.st_nlink})", together)

    # -- signals, cache, kills
    def sigint(self, root: Path) -> None:
        body = b"import asyncio\n\n" + b"".join(
            b"async def f%d():\n    asyncio.create_task(work())\n" % i for i in range(400))
        _tree(root, {f"t/m{i:03d}.py": body for i in range(120)})
        when = 1.5

        def interrupt(proc: subprocess.Popen[bytes]) -> None:
            time.sleep(when)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group

        run = run_cli(["check", "--no-cache", "--format", "json", "t"], root,
                      self.timeout + when, start=interrupt)
        if run.code is not None and run.code >= 0 and run.seconds < when:
            raise Skip(f"the run ended ({_said(run)}) before the signal")
        self.row("SIGINT exit code", "exit 130, no traceback", _said(run),
                 run.code == 130 and not run.traceback)

    def cache_dir(self, root: Path) -> None:
        # the user's folders: empty, holding their file, holding a file named like a cache's
        _tree(root, {"t/a.py": SPAWN_FILE, "mine/1.0/notes.txt": b"y",
                     "mine/2.0/0123456789abcdef.json": b"{}", "mine/readme.txt": b"z"})
        (root / "mine" / "2024").mkdir()
        folders = ("2024", "1.0", "2.0")
        run = run_cli(["check", "--cache-dir", "mine", "t"], root, self.timeout)
        run_cli(["check", "--cache-dir", "mine", "t"], root, self.timeout)  # warm, too
        gone = [d for d in folders if not (root / "mine" / d).is_dir()]
        self.row("--cache-dir holding 2024/ and 1.0/",
                 "the user's 2024/ (empty), 1.0/ (a notes file) and 2.0/ (a .json) kept",
                 f"{_said(run)}; deleted: {', '.join(gone) or 'none'}", not gone)

    def killed_fix(self, root: Path) -> None:
        """20 SIGKILLs: half at a random moment, half as soon as a temporary file shows."""
        body = b"import asyncio\n\n" + b"".join(
            b"async def f%d():\n    asyncio.create_task(work())\n" % i for i in range(3))
        files = {f"t/m{i:03d}.py": body for i in range(80)}
        _tree(root / "full", files)
        whole = run_cli(["fix", "--no-cache", "--isolated", "t"], root / "full",
                        self.timeout * 10)
        if whole.timed_out:
            raise Skip(f"a whole fix run did not finish: {_said(whole)}")
        fixed_body = (root / "full" / "t" / "m000.py").read_bytes()
        rng = random.Random(15)
        kills = half = 0
        leftovers: list[str] = []
        for attempt in range(20):
            work = root / f"k{attempt}"
            _tree(work, files)
            delay = rng.uniform(0.3, max(0.4, whole.seconds * 0.9))

            def kill(proc: subprocess.Popen[bytes], delay: float = delay,
                     watch: Path | None = work / "t" if attempt % 2 else None) -> None:
                end = time.monotonic() + (whole.seconds * 3 if watch else delay)
                while time.monotonic() < end and proc.poll() is None:
                    if watch is not None and any(
                            n.endswith(".taskleak.tmp") for n in os.listdir(watch)):
                        break
                    time.sleep(0.0002 if watch else 0.01)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)

            run = run_cli(["fix", "--no-cache", "--isolated", "t"], work, self.timeout * 10,
                          start=kill)
            if run.code is not None and run.code >= 0:
                continue  # finished before the kill
            kills += 1
            leftovers += [str(p.relative_to(root)) for p in work.rglob("*.taskleak.tmp")]
            half += sum(1 for p in (work / "t").glob("*.py")
                        if p.read_bytes() not in (body, fixed_body))
        after = "no later run needed"
        if leftovers:  # does a later, complete run clean them up?
            last = root / Path(leftovers[0]).parts[0]
            run_cli(["fix", "--no-cache", "--isolated", "t"], last, self.timeout * 10)
            after = f"after a complete run {len(list(last.rglob('*.taskleak.tmp')))} remain"
        runs = len({Path(p).parts[0] for p in leftovers})
        self.row("fix killed (SIGKILL) mid-run",
                 "no half-written file; no *.taskleak.tmp left (or cleaned by the next run)",
                 f"{kills} kills: {runs} left {len(leftovers)} .taskleak.tmp files "
                 f"(e.g. {leftovers[0] if leftovers else '-'}); {after}; "
                 f"{half} half-written .py", kills > 0 and half == 0
                 and (not leftovers or after.endswith(" 0 remain")))

    def unreadable_folder(self, root: Path) -> None:
        prefix, _ = _unprivileged()
        _tree(root, {"t/a.py": SPAWN_FILE, "t/locked/b.py": SPAWN_FILE})
        os.chmod(root / "t" / "locked", 0o000)
        run = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout,
                      user=prefix)
        skipped = _skipped(run)
        self.row("unreadable folder", "reported as skipped, with the reason",
                 f"{_said(run)}; skipped: {skipped or 'none (silently left out)'}",
                 any("locked" in p for p in skipped))

    # -- line numbers
    def _line(self, case: str, root: Path, source: bytes) -> None:
        try:
            compile(source, "x.py", "exec", dont_inherit=True)
            raise Skip("this Python compiles it")
        except SyntaxError as exc:
            want, why = exc.lineno, exc.msg
        _tree(root, {"t/x.py": source})
        run = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout)
        got = next((s for p, s in _skipped(run).items() if p.endswith("x.py")), "not skipped")
        self.row(case, f"skipped at line {want} (CPython: {why})", got,
                 got.endswith(f"(line {want})"))

    def def_line(self, root: Path) -> None:
        self._line("`def f(:` line", root,
                   b"import asyncio\ndef f(:\n    asyncio.create_task(work())\n")

    def indent_line(self, root: Path) -> None:
        deep = b"".join(b" " * i + b"if True:\n" for i in range(101))
        self._line("too many indentation levels line", root,
                   b"import asyncio\n" + deep + b" " * 101 + b"asyncio.create_task(work())\n")

    def backslash(self, root: Path) -> None:
        variants = {
            "first-line": b"\\\n" + SPAWN_FILE,
            "end": SPAWN_FILE + b"\\\n\n",
            "before-def": b"import asyncio\n\\\n\nasync def main():\n"
                          b"    asyncio.create_task(work())\n",
            "module": b"import asyncio\n\\\nasyncio.create_task(work())\n",
            "after-import": b"import asyncio\\\n\n\nasync def main():\n"
                            b"    asyncio.create_task(work())\n",
            "class": b"import asyncio\n\\\nclass C:\n    async def run(self):\n"
                     b"        asyncio.create_task(work())\n",
            "cookie": b"# coding: utf-8\n\\\nimport asyncio\nasyncio.create_task(work())\n",
        }
        _tree(root, {f"t/{name}.py": data for name, data in variants.items()})
        check = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout)
        try:
            rows = json.loads(check.out)["findings"]
        except (ValueError, KeyError):
            self.row("backslash-only line: offered fix applied", "", _said(check), False)
            return
        offered = {Path(r["path"]).stem for r in rows
                   if r["risk"] != "low" and r["fix"] and r["fix"]["applicability"] == "safe"}
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout)
        unapplied = sorted(n for n in offered
                           if (root / "t" / f"{n}.py").read_bytes() == variants[n])
        self.row("backslash-only line: offered fix applied",
                 "a safe fix check offers is applied by fix",
                 f"{_said(run)}; offered on {len(offered)} of {len(variants)} variants, not "
                 f"applied on: {', '.join(unapplied) or 'none'}", not unapplied)

    def syntax_warning(self, root: Path) -> None:
        _tree(root, {"t/a.py": b"import asyncio\n\nx = 1\nif x is 1:\n    pass\n\n"
                               b"async def main():\n    asyncio.create_task(work())\n"})
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout)
        count = run.err.count(b"SyntaxWarning")
        self.row("SyntaxWarning printed by fix", "the user's SyntaxWarning at most once",
                 f"{_said(run)}; printed {count} times", count <= 1)


    def internal_errors(self, root: Path) -> None:
        spawn = b"import asyncio\n\nasync def main():\n    asyncio.create_task(work())\n"
        inputs = {
            "form-feed-indent": b"if True:\n\x0c pass\n" + spawn,
            "not-in-dot9": b"x = 1 not in.9\n" + spawn,
            "deep-call-in-spawn": b"import asyncio\n\nasync def main():\n"
                                  b"    asyncio.create_task(" + b"f(" * 150 + b")" * 150
                                  + b")\n",
            "nul-after-8k": spawn + b"# " + b"x" * 8300 + b"\ns = '\x00'\n",
        }
        valid = sorted(n for n, d in inputs.items() if _compiles(d) is None)
        _tree(root, {f"t/{name}.py": data for name, data in inputs.items()})
        run = run_cli(["check", "--no-cache", "--format", "json", "t"], root, self.timeout)
        internal = sorted(Path(p).stem for p, why in _skipped(run).items()
                          if why.startswith("internal error"))
        self.row("issue 15's internal errors on valid code",
                 "each a finding or a clear skip, no 'internal error' (exit 2)",
                 f"{_said(run)}; internal errors on: {', '.join(internal) or 'none'} "
                 f"(CPython compiles: {', '.join(valid)})", not internal)

    def crash_stops_fix(self, root: Path) -> None:
        deep = b"import asyncio\nx = " + b" + ".join([b"a"] * 400) + b"\n\n" \
            b"async def main():\n    asyncio.create_task(work())\n"
        _tree(root, {"t/a_deep.py": deep, "t/b_plain.py": SPAWN_FILE})
        run = run_cli(["fix", "--no-cache", "t"], root, self.timeout)
        fixed = (root / "t" / "b_plain.py").read_bytes() != SPAWN_FILE
        self.row("one file's crash stops fix",
                 "no traceback; a_deep.py skipped with a reason, b_plain.py still fixed",
                 f"{_said(run)}; b_plain.py {'fixed' if fixed else 'left unfixed'}",
                 fixed and not run.traceback)


def print_matrix(rows: list[Row]) -> str:
    width = max(len(r.case) for r in rows)
    lines = []
    for r in rows:
        lines.append(f"{r.verdict:5} {r.case.ljust(width)}  observed: {r.observed}")
        if r.expected:
            lines.append(f"{'':5} {'':{width}}  expected: {r.expected}")
    counts = Counter(r.verdict for r in rows)
    lines.append(", ".join(f"{n} {v}" for v, n in sorted(counts.items())))
    return "\n".join(lines)


# -- shrinking a saved failure ------------------------------------------------------------
def failure_signatures(data: bytes, unsafe: bool, timeout: float, cli: bool) -> set[str]:
    """The signatures of what sweeping `data` finds (steps 1-6, and 7 when `cli`)."""
    noqa: list[NoqaItem] = []
    outcome = sweep_program("file", 0, data.decode("utf-8", "surrogateescape"), timeout, noqa,
                            unsafe=unsafe)
    if cli:
        noqa_through_cli(noqa, timeout)
    return {signature(f) for f in outcome.failures}


def shrink(path: Path, timeout: float) -> Path:
    """Delete lines of a saved failure (ddmin) while it still fails the same way; the result
    goes next to it as NAME.min.py. The failure's category is the file name's prefix, and
    unsafe fixes are on when the program's number is odd, as in the sweep."""
    signal.signal(signal.SIGALRM, _on_alarm)
    name = path.name
    category = name.split("--", 1)[0]
    digits = "".join(c for c in name.split("--", 1)[-1] if c.isdigit())
    unsafe = bool(digits) and int(digits) % 2 == 1
    cli = GROUPS.get(category) == "noqa mismatches" or category.endswith("-cli") or \
        category == "offered-not-applied"
    data = path.read_bytes()
    wanted = [s for s in failure_signatures(data, unsafe, timeout, cli)
              if s.split(":", 1)[0] == category]
    if not wanted:
        raise SystemExit(f"{path}: does not fail as {category} (any more)")
    target = wanted[0]

    def fails(lines: list[bytes]) -> bool:
        return target in failure_signatures(b"".join(lines), unsafe, timeout, cli)

    lines = data.splitlines(keepends=True)
    chunks = 2
    while len(lines) >= 2:
        size = -(-len(lines) // chunks)
        for start in range(0, len(lines), size):
            candidate = lines[:start] + lines[start + size:]
            if candidate and fails(candidate):
                lines = candidate
                chunks = max(chunks - 1, 2)
                break
        else:
            if chunks >= len(lines):
                break
            chunks = min(chunks * 2, len(lines))
    out = path.with_name(path.stem + ".min.py")
    out.write_bytes(b"".join(lines))
    print(f"{target}: {len(data)} -> {len(out.read_bytes())} bytes, {out}")
    return out


# -- main --------------------------------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000, help="programs to sweep")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="where failures are saved [a new /tmp folder]")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds per program (and per CLI run in the matrix: 10)")
    parser.add_argument("--mix", default="grammar=4,node=3,dense=3",
                        help="weights of the generators")
    parser.add_argument("--matrix", action="store_true",
                        help="run the bad-input matrix instead of the generated programs")
    parser.add_argument("--quick", action="store_true", help="matrix: leave out the slow rows")
    parser.add_argument("--case", action="append", default=[],
                        help="matrix: only the rows whose name holds this (repeatable)")
    parser.add_argument("--shrink", type=Path, nargs="+", metavar="FILE",
                        help="shrink saved failures (CATEGORY--...py) to NAME.min.py")
    args = parser.parse_args(argv)
    if args.shrink:
        for path in args.shrink:
            shrink(path, min(args.timeout, 10.0))
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="taskleak-sweep-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.matrix:
        timeout = args.timeout if "--timeout" in (argv or sys.argv) else 10.0
        started = time.perf_counter()
        rows = Matrix(timeout, args.quick).run(args.case)
        text = print_matrix(rows) + f"\n({time.perf_counter() - started:.0f} s)"
        print(text)
        (out / "matrix.txt").write_text(text + "\n", encoding="utf-8")
        return 1 if any(r.verdict in ("FAIL", "ERROR") for r in rows) else 0
    print(f"taskleak sweep: failures go to {out}", file=sys.stderr)
    return run_programs(args, out)


if __name__ == "__main__":
    sys.exit(main())
