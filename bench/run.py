"""taskleak against `ruff check --select RUF006` on real code: time, memory, findings.

    python bench/run.py [--corpus DIR] [--runs 5] [--write bench/RESULTS.md]

DIR holds the corpora made by `bench/get-corpus.sh DIR` (default: $TASKLEAK_CORPUS or
/work/corpus): DIR/homeassistant and DIR/mid. Per corpus, and in one run:

- wall time, median of N runs, interleaved (each round runs ruff cold, taskleak cold, ruff warm,
  taskleak warm, so load from other processes hits every column alike). Cold: the tool's cache
  folder is emptied first (so cold includes writing the cache); warm: the cache of the previous
  cold run, nothing changed. Both tools get their own cache folder under a temporary directory;
- peak memory of the whole process tree (taskleak's workers included), sampled from /proc in
  separate, untimed runs;
- files scanned / parsed and findings per risk, next to ruff's RUF006 count, and whether every
  RUF006 finding is also a taskleak high finding (the exceptions are listed with what taskleak
  said at that line);
- whether the warm taskleak run imported libcst (it should not);
- taskleak's bytecode is compiled first, as an installed copy has it;
- where a cold single-process run spends its time (`--stages`): discovery, read + prefilter,
  libcst import, parse, analysis.

Timings are never assertions: this prints a table; `--write` also saves it as Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPORA = ("homeassistant", "mid")
BIN = Path(sys.executable).parent


@dataclass
class Tool:
    name: str
    cache: Path

    def command(self, target: Path) -> list[str]:
        raise NotImplementedError

    def clear_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)


@dataclass
class Taskleak(Tool):
    jobs: int | None = None

    def command(self, target: Path) -> list[str]:
        cmd = [str(BIN / "taskleak"), "check", "--format", "json", "--cache-dir", str(self.cache)]
        if self.jobs is not None:
            cmd += ["--jobs", str(self.jobs)]
        return [*cmd, str(target)]


@dataclass
class Ruff(Tool):
    def command(self, target: Path) -> list[str]:
        return [str(BIN / "ruff"), "check", "--isolated", "--select", "RUF006",
                "--output-format", "json", "--cache-dir", str(self.cache), str(target)]


@dataclass
class Timings:
    samples: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, seconds: float) -> None:
        self.samples.setdefault(key, []).append(seconds)

    def median(self, key: str) -> float:
        return statistics.median(self.samples[key])


def timed(cmd: Sequence[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return elapsed, proc


# -- memory --------------------------------------------------------------------------------------
def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_tree_rss(cmd: Sequence[str], cwd: Path, interval: float = 0.02) -> tuple[float, float]:
    """(peak RSS of the process tree summed, peak RSS of its largest process), in MB."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_sum = peak_one = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_sum, peak_one
        while not done.is_set():
            tree = _children()
            pids, todo = [], [proc.pid]
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo.extend(tree.get(pid, []))
            sizes = [_rss_kib(p) for p in pids]
            peak_sum = max(peak_sum, sum(sizes))
            peak_one = max(peak_one, max(sizes, default=0))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    done.set()
    sampler.join()
    return peak_sum / 1024, peak_one / 1024


# -- findings ------------------------------------------------------------------------------------
def ruf006_not_high(ruff_out: bytes, taskleak_out: bytes, cwd: Path) -> tuple[int, list[str]]:
    """RUF006 diagnostics without a taskleak high finding on the same line."""
    diagnostics = [d for d in json.loads(ruff_out or b"[]") if d["code"] == "RUF006"]
    findings: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for f in json.loads(taskleak_out)["findings"]:
        path = str((cwd / f["path"]).resolve())
        findings.setdefault((path, f["line"]), []).append(f)
    exceptions = []
    for d in diagnostics:
        key = (str(Path(d["filename"]).resolve()), d["location"]["row"])
        here = findings.get(key, [])
        if not any(f["risk"] == "high" for f in here):
            said = "; ".join(f"{f['rule']} {f['risk']}: {f['message']}" for f in here)
            exceptions.append(f"{key[0]}:{key[1]} -> {said or 'no finding'}")
    return len(diagnostics), exceptions


def imports_libcst(cmd: Sequence[str], cwd: Path) -> bool:
    """Whether the command, run under `python -X importtime`, imports libcst."""
    python_cmd = [sys.executable, "-X", "importtime", "-m", "taskleak", *cmd[1:]]
    proc = subprocess.run(python_cmd, cwd=cwd, capture_output=True, check=False)
    return any(line.split("|")[-1].strip().startswith("libcst")
               for line in proc.stderr.decode().splitlines() if line.startswith("import time"))


# -- stages --------------------------------------------------------------------------------------
STAGES = r"""
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from taskleak.files.discovery import discover
from taskleak.run.prefilter import may_spawn
from taskleak.settings import Settings
from taskleak.files.source import read_source
t1 = time.perf_counter()
files = list(discover([Path(sys.argv[1])], Settings()))
t2 = time.perf_counter()
candidates = [(str(f), d) for f in files if may_spawn(d := read_source(f))]
t3 = time.perf_counter()
import libcst
import taskleak.analysis.analyse as analyse_module
from taskleak.analysis.tree.parse import gc_paused, parse_module
from taskleak.files.source import decode
from taskleak.advice.offers import advise_module
t4 = time.perf_counter()
parts = {}
def timed(part, fn):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[part] = parts.get(part, 0.0) + time.perf_counter() - start
    return wrapper
# the parts of the analysis (as a worker runs them: analyse, facts, fix advice), timed where
# taskleak.analysis.analyse calls them
for part, name in (("scan", "walked"), ("spawns", "find_spawns"), ("positions", "spawn_positions"),
                   ("exports", "exports")):
    setattr(analyse_module, name, timed(part, getattr(analyse_module, name)))
analyse_module.Classifier.fates = timed("classify", analyse_module.Classifier.fates)
advise = timed("fix advice", advise_module)
parse = analysis = 0.0
for name, data in candidates:  # as a worker does it: parse, analyse, drop the tree
    with gc_paused():
        start = time.perf_counter()
        try:
            module = parse_module(data)
        except Exception:
            continue
        parsed = time.perf_counter()
        analysis_of = analyse_module.analyse(module, (), decode(data)[0])
        advise(analysis_of, analysis_of.facts())
        parse += parsed - start
        analysis += time.perf_counter() - parsed
    del module
t5 = t4 + parse
t6 = t5 + analysis
print({"imports": t1 - t0, "discovery": t2 - t1, "read+prefilter": t3 - t2,
       "libcst import": t4 - t3, "parse": t5 - t4, "analysis": t6 - t5, "parts": parts,
       "files": len(files), "candidates": len(candidates),
       "candidate MB": sum(len(d) for _, d in candidates) / 1e6})
"""


def stages(target: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", STAGES, str(target)], capture_output=True,
                          check=True, text=True)
    result: dict[str, Any] = eval(proc.stdout)  # our own dict literal
    return result


# -- the run -------------------------------------------------------------------------------------
def bench_corpus(name: str, target: Path, runs: int, work: Path) -> dict[str, Any]:
    tl = Taskleak("taskleak", work / f"{name}-taskleak-cache")
    ruff = Ruff("ruff", work / f"{name}-ruff-cache")
    times = Timings()
    outputs: dict[str, bytes] = {}
    rounds = 0
    while rounds < runs:
        round_times: dict[str, float] = {}
        for tool, mode in ((ruff, "cold"), (tl, "cold"), (ruff, "warm"), (tl, "warm")):
            if mode == "cold":
                tool.clear_cache()
            seconds, proc = timed(tool.command(target), work)
            round_times[f"{tool.name} {mode}"] = seconds
            outputs[f"{tool.name} {mode}"] = proc.stdout
        # taskleak's cache key covers its own code: if someone edited taskleak during the
        # round, the warm run found no cache (and wrote a second file): measure the round again.
        if len(list(tl.cache.glob("*/*.json"))) != 1:
            print(f"{name}: taskleak changed during a round; measuring it again", file=sys.stderr)
            continue
        for key, seconds in round_times.items():
            times.add(key, seconds)
        rounds += 1
    if outputs["taskleak cold"] != outputs["taskleak warm"]:
        raise SystemExit(f"{name}: the warm taskleak report differs from the cold one")
    report = json.loads(outputs["taskleak cold"])
    ruf006, exceptions = ruf006_not_high(outputs["ruff cold"], outputs["taskleak cold"], work)
    tl.clear_cache()
    ruff.clear_cache()
    tl_mem = peak_tree_rss(tl.command(target), work)
    ruff_mem = peak_tree_rss(ruff.command(target), work)
    libcst_warm = imports_libcst(tl.command(target), work)
    return {
        "name": name,
        "runs": runs,
        "median": {k: times.median(k) for k in times.samples},
        "all": times.samples,
        "summary": report["summary"],
        "ruf006": ruf006,
        "exceptions": exceptions,
        "memory": {"taskleak": tl_mem, "ruff": ruff_mem},
        "libcst_warm": libcst_warm,
    }


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}x" if b > 0 else "-"


def render(results: list[dict[str, Any]], env: dict[str, str],
           stage_rows: dict[str, dict[str, Any]]) -> str:
    lines = [
        f"Measured {env['when']} on {env['machine']}; {env['python']}, {env['ruff']}, "
        f"taskleak {env['commit']}. Load average before/after: {env['load']}.",
        "",
        "| corpus | taskleak cold | ruff cold | ratio | taskleak warm | ruff warm | ratio "
        "| peak memory (taskleak / ruff) | files scanned / parsed "
        "| taskleak findings high / medium / low | RUF006 | RUF006 all high? |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        m, s = r["median"], r["summary"]
        tl_mem, ruff_mem = r["memory"]["taskleak"], r["memory"]["ruff"]
        covered = "yes" if not r["exceptions"] else f"no ({len(r['exceptions'])} exceptions)"
        lines.append(
            f"| {r['name']} | {m['taskleak cold']:.2f} s | {m['ruff cold']:.2f} s "
            f"| {_ratio(m['taskleak cold'], m['ruff cold'])} | {m['taskleak warm']:.3f} s "
            f"| {m['ruff warm']:.3f} s | {_ratio(m['taskleak warm'], m['ruff warm'])} "
            f"| {tl_mem[0]:.0f} MB / {ruff_mem[0]:.0f} MB "
            f"| {s['files_scanned']:,} / {s['files_parsed']} "
            f"| {s['high']} / {s['medium']} / {s['low']} | {r['ruf006']} | {covered} |"
        )
    runs = results[0]["runs"] if results else 0
    lines += [
        "",
        f"Medians of {runs} interleaved runs (wall time, `--format json`, default `--jobs`: all "
        "cores). Cold: the tool's cache folder emptied first (both tools then write a cache); "
        "warm: the previous run's cache, nothing changed. ruff: `ruff check --isolated --select "
        "RUF006`. Peak memory: the whole process tree (taskleak's workers included), summed.",
    ]
    for r in results:
        lines.append(f"Warm taskleak run on {r['name']} imported libcst: "
                     f"{'yes' if r['libcst_warm'] else 'no'}.")
        if r["exceptions"]:
            lines.append(f"RUF006 findings of {r['name']} that are not taskleak high findings:")
            lines += [f"- `{e}`" for e in r["exceptions"]]
    if stage_rows:
        lines += ["", "Where a cold run spends its time (one process, no cache; seconds):", "",
                  "| corpus | imports | discovery | read + prefilter | libcst import "
                  "| parse | analysis | candidates (MB) |",
                  "|---|---|---|---|---|---|---|---|"]
        for name, st in stage_rows.items():
            lines.append(
                f"| {name} | {st['imports']:.2f} | {st['discovery']:.2f} "
                f"| {st['read+prefilter']:.2f} | {st['libcst import']:.2f} | {st['parse']:.2f} "
                f"| {st['analysis']:.2f} | {st['candidates']:.0f} of {st['files']:,} "
                f"({st['candidate MB']:.2f} MB) |")
        names = ("scan", "spawns", "positions", "classify", "fix advice")
        lines += ["", "The analysis column, by part (seconds):", "",
                  "| corpus | " + " | ".join(names) + " | rest |",
                  "|---|" + "---|" * (len(names) + 1)]
        for name, st in stage_rows.items():
            parts = st["parts"]
            rest = st["analysis"] - sum(parts.get(n, 0.0) for n in names)
            lines.append(f"| {name} | " + " | ".join(f"{parts.get(n, 0.0):.2f}" for n in names)
                         + f" | {rest:.2f} |")
    return "\n".join(lines) + "\n"


def environment() -> dict[str, str]:
    ruff = subprocess.run([str(BIN / "ruff"), "--version"], capture_output=True, text=True,
                          check=False).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False, cwd=Path(__file__).parent).stdout.strip()
    return {
        "when": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}",
        "python": f"Python {platform.python_version()}",
        "ruff": ruff,
        "commit": commit or "?",
        "load": "",
    }


NOTES_MARKER = "<!-- notes: kept when the table above is rewritten -->"


def write_results(path: Path, table: str) -> None:
    """Replace the generated part of `path`, keep the hand-written notes below the marker."""
    notes = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARKER in old:
            notes = old[old.index(NOTES_MARKER):]
    path.write_text(f"{table}\n{notes or NOTES_MARKER + chr(10)}", encoding="utf-8")


def compile_taskleak() -> None:
    """Write taskleak's bytecode first, as `pip install` does. From an editable checkout, or
    with PYTHONDONTWRITEBYTECODE=1 (set on some machines), every measured run would otherwise
    compile taskleak's modules again: 12-15 ms a run, which an installed copy never pays."""
    import compileall

    import taskleak

    compileall.compile_dir(str(Path(taskleak.__file__).parent), quiet=1)


def accuracy(corpus: Path) -> str:
    """Recall, precision and exact risk on our labelled real-world set, as a Markdown table."""
    score = Path(__file__).resolve().parent / "realworld" / "score.py"
    proc = subprocess.run([sys.executable, str(score), "--json", "--corpus", str(corpus)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return f"Accuracy: score.py failed: {proc.stderr.strip()[-500:]}\n"
    doc = json.loads(proc.stdout)

    def row(name: str, m: dict[str, Any]) -> str:
        def pct(a: str, b: str) -> str:
            return f"{m[a]}/{m[b]} ({m[a] / m[b]:.0%})" if m[b] else "-"
        lab = m["labelled"]
        return (f"| {name} | {lab['high']}/{lab['medium']}/{lab['low']}/{lab['none']} "
                f"| {pct('recalled', 'positives')} "
                f"| {pct('true_positives', 'reported_positives')} "
                f"| {pct('exact', 'spawns')} | {pct('medium_exact', 'mediums')} |")

    lines = ["Accuracy on our labelled real-world set (`bench/realworld/`, labelled by reading "
             "the code before running taskleak; `python bench/realworld/score.py --details`):",
             "", "| library | labelled high/medium/low/none | recall (high+medium) "
             "| precision (high+medium) | exact risk | medium graded exactly |",
             "|---|---|---|---|---|---|"]
    lines += [row(name, m) for name, m in sorted(doc["libraries"].items())]
    lines.append(row("**pooled**", doc["pooled"]))
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("TASKLEAK_CORPUS", "/work/corpus")))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=CORPORA, action="append")
    parser.add_argument("--stages", action="store_true", help="Also time each stage.")
    parser.add_argument("--no-accuracy", action="store_true",
                        help="Skip the labelled real-world set (bench/realworld/score.py).")
    parser.add_argument("--write", type=Path, help="Save the Markdown table here.")
    args = parser.parse_args(argv)
    compile_taskleak()
    env = environment()
    load_before = os.getloadavg()
    results = []
    stage_rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="taskleak-bench-") as tmp:
        for name in args.only or CORPORA:
            target = args.corpus / name
            if not target.is_dir():
                raise SystemExit(f"{target} is missing: run bench/get-corpus.sh {args.corpus}")
            print(f"{name}: {args.runs} rounds ...", file=sys.stderr)
            results.append(bench_corpus(name, target, args.runs, Path(tmp)))
            if args.stages:
                stage_rows[name] = stages(target)
    load_after = os.getloadavg()
    env["load"] = (f"{load_before[0]:.2f} / {load_after[0]:.2f}")
    text = render(results, env, stage_rows)
    if not args.no_accuracy:
        text += "\n" + accuracy(args.corpus)
    print(text)
    print(json.dumps({r["name"]: r["all"] for r in results}, indent=None), file=sys.stderr)
    if args.write:
        write_results(args.write, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
