"""How fast `taskleak server` answers an edit, and whether its memory stays flat.

    python bench/server_latency.py                      # 300 edits, push, debounce 0
    python bench/server_latency.py --edits 1000 --mode pull

A 1,000-line module with a few spawns is opened in a temporary workspace; after `--warmup` edits
(imports, caches), each of `--edits` edits changes one number literal (an incremental
`didChange`) and the clock runs until the diagnostics of that version arrive: pushed
(`publishDiagnostics`, the server's debounce set to `--debounce` ms, 0 by default so the figure is
the server's own work) or pulled (`textDocument/diagnostic` right after the change). Edits are
sequential: each waits for its diagnostics. Also measured, `--actions` times each after an edit
and its diagnostics: the code actions on a diagnostic as a light bulb asks for them (automatic:
the fix is resolved when picked) and as the user does (invoked: every fix named exactly), then
the preferred fix picked from the latter (`codeAction/resolve` when the menu left its edit to be
made on pick, as it does for a client that resolves edits, like this one); the same
check in this process (`api.check` on the text as stdin), between the edits (what the server
adds is the difference); the server's CPU time per edit and per asked-for menu, less sensitive
than wall times to what else the machine runs; and the server's resident memory every `--every`
edits (Linux /proc).

Prints a Markdown table (paste it into bench/README.md). Timings are measured here, never
asserted in tests.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient

SPAWNS = 5


def module(lines: int = 1000, spawns: int = SPAWNS) -> str:
    """A class of small async methods; every 40th method spawns another one and drops it."""
    out = ["import asyncio", "", "LIMIT = 0", "", "", "class Service:",
           "    def __init__(self) -> None:", "        self._count = 0", ""]
    i = 0
    while len(out) < lines - 6:
        if i % 40 == 0 and i // 40 < spawns:
            out += [f"    async def spawn_{i}(self) -> None:",
                    f"        asyncio.create_task(self.work_{i}())", ""]
        out += [f"    async def work_{i}(self) -> int:", f"        value = {i} * LIMIT",
                "        await asyncio.sleep(0)", "        return value + len(str(value))", ""]
        i += 1
    return "\n".join(out) + "\n"


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("server-latency", "1")
        self.arrived: dict[int | None, float] = {}
        self.waiting: dict[int, asyncio.Future[float]] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            now = time.perf_counter()
            future = self.waiting.pop(params.version or 0, None)
            if future is not None and not future.done():
                future.set_result(now)

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            if params.type == types.MessageType.Error:
                print(params.message, file=sys.stderr)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def rss(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system) the process has used so far (Linux /proc): what the
    server's work costs, whatever else the machine runs (wall times are not)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_command() -> list[str]:
    beside = Path(sys.executable).with_name("taskleak")
    return [str(beside), "server"] if beside.is_file() else [sys.executable, "-m", "taskleak",
                                                              "server"]


async def start(root: Path, mode: str, debounce: int) -> Client:
    client = Client()
    command = server_command()
    await client.start_io(command[0], *command[1:])
    caps = types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
        diagnostic=types.DiagnosticClientCapabilities() if mode == "pull" else None,
        code_action=types.CodeActionClientCapabilities(
            resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]))))
    await client.initialize_async(types.InitializeParams(
        capabilities=caps, root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options={"settings": {"debounce": debounce}}))
    client.initialized(types.InitializedParams())
    return client


class Session:
    def __init__(self, client: Client, uri: str, mode: str) -> None:
        self.client, self.uri, self.mode = client, uri, mode
        self.version = 1
        self.value = "0"

    async def edit(self) -> tuple[float, list[types.Diagnostic] | None]:
        """One edit of the `LIMIT = ...` line; seconds until its diagnostics arrive."""
        self.version += 1
        new = str(self.version)
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if self.mode == "push":
            self.client.waiting[self.version] = future
        where = types.Range(start=types.Position(line=2, character=8),
                            end=types.Position(line=2, character=8 + len(self.value)))
        self.value = new
        began = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri,
                                                                version=self.version),
            content_changes=[types.TextDocumentContentChangePartial(range=where, text=new)]))
        if self.mode == "pull":
            report = await self.client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(
                    text_document=types.TextDocumentIdentifier(uri=self.uri)))
            items = list(getattr(report, "items", []))
            return time.perf_counter() - began, items
        return await asyncio.wait_for(future, 120) - began, None

    async def code_actions(self, diagnostic: types.Diagnostic,
                           trigger: types.CodeActionTriggerKind
                           ) -> tuple[float, list[types.CodeAction]]:
        began = time.perf_counter()
        found = await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri), range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic], trigger_kind=trigger)))
        return time.perf_counter() - began, [a for a in found or []
                                             if isinstance(a, types.CodeAction)]

    async def pick(self, actions: list[types.CodeAction]) -> float | None:
        """Seconds until the preferred action has its edit (None: the menu had it already)."""
        preferred = next((a for a in actions if a.is_preferred), None)
        if preferred is None or preferred.edit is not None:
            return None
        began = time.perf_counter()
        resolved = await self.client.code_action_resolve_async(preferred)
        if resolved.edit is None:
            raise RuntimeError(f"{preferred.title}: resolved without an edit")
        return time.perf_counter() - began


async def run(args: argparse.Namespace) -> dict[str, Any]:
    text = module()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "service.py"
        path.write_text(text, encoding="utf-8")
        client = await start(root, args.mode, args.debounce)
        uri = path.as_uri()
        session = Session(client, uri, args.mode)
        first: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        client.waiting[1] = first
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1,
                                                 text=text)))
        if args.mode == "push":
            await asyncio.wait_for(first, 120)
        for _ in range(args.warmup):
            await session.edit()
        pid = client._server.pid if client._server else 0
        memory = [(args.warmup, rss(pid))]
        latencies, direct = [], []
        cpu: dict[str, float | None] = {}
        began = cpu_seconds(pid)
        for n in range(1, args.edits + 1):
            latencies.append((await session.edit())[0])
            # the same check in this process, between two edits: both see the same load
            direct.append(in_process(text.replace("LIMIT = 0", f"LIMIT = {session.value}")))
            if n % args.every == 0 or n == args.edits:
                memory.append((args.warmup + n, rss(pid)))
        ended = cpu_seconds(pid)
        cpu["edits"] = ended - began if ended is not None and began is not None else None
        report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        diagnostic = next(iter(getattr(report, "items", [])))
        actions: dict[str, list[float]] = {"automatic": [], "invoked": [], "picked": []}
        menu_cpu: list[float] = []
        for _ in range(args.actions):
            for name, trigger in (("automatic", types.CodeActionTriggerKind.Automatic),
                                  ("invoked", types.CodeActionTriggerKind.Invoked)):
                await session.edit()
                before = cpu_seconds(pid)
                took, menu = await session.code_actions(diagnostic, trigger)
                after = cpu_seconds(pid)
                if name == "invoked" and before is not None and after is not None:
                    menu_cpu.append(after - before)
                actions[name].append(took)
                picked = await session.pick(menu) if name == "invoked" else None
                if picked is not None:
                    actions["picked"].append(picked)
        cpu["invoked"] = sum(menu_cpu) if menu_cpu else None
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return {"latencies": latencies, "actions": actions, "memory": memory, "direct": direct,
            "cpu": cpu}


def in_process(text: str) -> float:
    """Seconds the check of `text` takes here, without the server (what the server runs)."""
    from taskleak import api

    options = api.CheckOptions(stdin=text.encode(), stdin_filename=Path("service.py"),
                               cache=False, isolated=True)
    began = time.perf_counter()
    api.check(options)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--actions", type=int, default=20)
    parser.add_argument("--mode", choices=("push", "pull"), default="push")
    parser.add_argument("--debounce", type=int, default=0, help="the server's debounce, ms")
    parser.add_argument("--every", type=int, default=100, help="edits between RSS readings")
    args = parser.parse_args()
    found = asyncio.run(run(args))
    ms = [t * 1000 for t in found["latencies"]]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"{platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores, load average {load}; {args.mode}, debounce {args.debounce} ms")
    print("| measure | n | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    print(f"| didChange -> diagnostics ({args.mode}) | {len(ms)} | "
          f"{statistics.median(ms):.0f} | {percentile(ms, 0.95):.0f} |")
    for name, what in (("automatic", "light bulb (automatic: fixes resolved when picked)"),
                       ("invoked", "asked for (invoked: every fix named exactly)"),
                       ("picked", "the asked-for menu's preferred fix picked (resolve)")):
        times = [t * 1000 for t in found["actions"][name]]
        if times:
            print(f"| code actions on a diagnostic, {what} | {len(times)} | "
                  f"{statistics.median(times):.0f} | "
                  f"{percentile(times, 0.95):.0f} |")
    direct_ms = [t * 1000 for t in found["direct"]]
    print(f"| the check in process (no server), between the edits | {len(direct_ms)} | "
          f"{statistics.median(direct_ms):.0f} | {percentile(direct_ms, 0.95):.0f} |")
    spent = found["cpu"]
    if spent.get("edits") is not None:  # 10 ms ticks, summed over the edits: a mean
        print(f"\nserver CPU per edit (its check), mean: "
              f"{1000 * spent['edits'] / max(1, len(ms)):.0f} ms", end="")
        if spent.get("invoked") is not None:
            print(f"; per asked-for menu: "
                  f"{1000 * spent['invoked'] / max(1, len(found['actions']['invoked'])):.0f} ms",
                  end="")
        print()
    readings = [(n, m) for n, m in found["memory"] if m is not None]
    if readings:
        print("\nserver RSS (MiB) after N edits: "
              + ", ".join(f"{n}: {m:.1f}" for n, m in readings))


if __name__ == "__main__":
    main()
