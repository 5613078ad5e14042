"""Parsing an edited buffer again, one statement at a time (`analysis.tree.reparse`): every tree
it makes is libcst's parse of the same text, and the edits it cannot show safe parse whole."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import libcst as cst
import pytest

from taskleak.analysis.tree import reparse
from taskleak.analysis.tree.parse import parse_module, parse_source

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted([*(ROOT / "tests" / "rules").rglob("*.py"),
                  *(ROOT / "fixtures" / "voice_chat_server").rglob("*.py")])
PIECES = ["x", "1", " ", "    ", "\n", "#", "(", ")", ":", "'", '"""', "await y", "\n    ",
          "\n        z = 2", "\\\n", "pass", "def f():\n", "@d\n", "\t", "class C:\n    "]

SERVICE = '''import asyncio

LIMIT = 0


class Service:
    def __init__(self) -> None:
        self._count = 0

    async def spawn(self) -> None:
        asyncio.create_task(self.work())

    async def work(self) -> int:
        value = 7 * LIMIT
        await asyncio.sleep(0)
        return value


async def main() -> None:
    await Service().spawn()
'''


def _edited(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    kind = rng.random()
    if kind < 0.4:
        return text[:at] + rng.choice(PIECES) + text[at:]
    end = min(len(text), at + rng.randrange(1, 6))
    return text[:at] + (rng.choice(PIECES) if kind < 0.7 else "") + text[end:]


def _parsed(text: str) -> cst.Module | None:
    try:
        return parse_module(text)
    except (cst.ParserSyntaxError, RecursionError):
        return None


def _chain(path: Path, rng: random.Random, steps: int) -> Iterator[tuple[str, cst.Module | None,
                                                                         cst.Module | None]]:
    """Each edit of a chain: its text, the tree made from the last one, libcst's own parse."""
    text = path.read_text(encoding="utf-8")
    module = _parsed(text)
    if module is None:  # a case of a file that does not parse
        return
    last = reparse._Last(text, module)
    for _ in range(steps):
        new = _edited(last.text, rng)
        made = reparse.reparsed(last, new)
        whole = _parsed(new)
        yield new, made, whole
        if made is None and whole is not None:
            last = reparse._Last(new, whole)


SHARDS = 4


@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_tree_made_from_the_last_is_libcsts_parse_of_the_text(shard: int) -> None:
    rng = random.Random(67 + shard)
    made_count = 0
    for path in SAMPLES[shard::SHARDS]:
        for new, made, whole in _chain(path, rng, 6):
            if made is None:
                continue
            made_count += 1
            assert whole is not None, (path, new)  # a text libcst refuses is never made
            assert made.deep_equals(whole), (path, new)
            assert made.code == whole.code
    assert made_count > 50  # the chains reach the incremental path, not only the fallback


def _stand_ins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []

    def recording(data: bytes | str) -> cst.Module:
        parsed.append(data if isinstance(data, str) else data.decode())
        return parse_module(data)

    monkeypatch.setattr(reparse, "parse_module", recording)
    return parsed


@pytest.mark.parametrize(("old", "new", "stand_in"), [
    ("        value = 7 * LIMIT\n", "        value = 8 * LIMIT\n",
     "class _:\n    def _():\n        value = 8 * LIMIT\n        pass\n"),
    ("LIMIT = 0\n", "LIMIT = 10\n", "LIMIT = 10\npass\n"),
    ("        return value\n", "        return value + 1\n",
     "class _:\n    def _():\n        return value + 1\npass\n"),
])
def test_an_edit_in_a_statement_parses_that_statement_alone(
        monkeypatch: pytest.MonkeyPatch, old: str, new: str, stand_in: str) -> None:
    before = parse_module(SERVICE)
    last = reparse._Last(SERVICE, before)
    parsed = _stand_ins(monkeypatch)
    text = SERVICE.replace(old, new)
    made = reparse.reparsed(last, text)
    assert made is not None and made.deep_equals(parse_module(text))
    assert parsed == [stand_in]
    assert made.body[0] is before.body[0]  # an untouched statement is the old tree's own node
    assert last.text == text and last.module is made


def test_a_statement_that_cannot_stand_alone_is_parsed_with_the_block_around_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    last = reparse._Last(SERVICE, parse_module(SERVICE))
    parsed = _stand_ins(monkeypatch)
    # the new line is a second statement where one stood: its function is parsed again
    text = SERVICE.replace("        value = 7 * LIMIT\n", "        value = 7\n        more = 1\n")
    made = reparse.reparsed(last, text)
    assert made is not None and made.deep_equals(parse_module(text))
    assert len(parsed) == 2 and parsed[1].startswith("class _:\n    async def work")


def test_a_text_being_typed_tries_the_statement_and_its_block_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    last = reparse._Last(SERVICE, parse_module(SERVICE))
    parsed = _stand_ins(monkeypatch)
    text = SERVICE.replace("value = 7 * LIMIT", "value = 7 * (LIMIT")
    assert reparse.reparsed(last, text) is None  # then parsed whole, which says what is wrong
    assert len(parsed) == reparse.MOST_TRIES == 2
    assert not any(p.startswith("class Service") for p in parsed)


@pytest.mark.parametrize(("why", "old", "new"), [
    ("across two statements", "        self._count = 0\n\n    async def spawn",
     "        self._count = 1\n\n    async def spawns"),
    ("in the first two lines (an encoding declaration)", "import asyncio\n",
     "# coding: latin-1\nimport asyncio\n"),
    ("in the module's first indent", "    def __init__(self) -> None:\n        self._count = 0\n",
     "  def __init__(self) -> None:\n        self._count = 0\n"),
    ("a text without a final newline", "    await Service().spawn()\n",
     "    await Service().spawn()"),
    ("a text with \\r", "LIMIT = 0\n", "LIMIT = 0\r\n"),
    ("a syntax error", "LIMIT = 0\n", "LIMIT = (0\n"),
    ("a new line at the module's level before a statement", "\n\nclass Service:",
     "\n\nx = 1\nclass Service:"),
])
def test_an_edit_it_cannot_show_safe_is_left_to_a_whole_parse(why: str, old: str, new: str
                                                              ) -> None:
    last = reparse._Last(SERVICE, parse_module(SERVICE))
    text = SERVICE.replace(old, new, 1)
    assert text != SERVICE, why
    assert reparse.reparsed(last, text) is None, why


def test_a_text_libcst_does_not_give_back_is_never_edited_in_place() -> None:
    text = SERVICE.replace("\n\nclass Service:", "\n\n\\\nclass Service:")  # a lone backslash line
    module = parse_module(text)
    assert module.code != text  # libcst's round trip loses it
    last = reparse._Last(text, module)
    assert reparse.reparsed(last, text.replace("LIMIT = 0", "LIMIT = 1")) is None


def test_parse_is_parse_source_outside_and_inside_incremental() -> None:
    reparse.forget()
    texts = [SERVICE, SERVICE.replace("7 *", "8 *"), SERVICE.replace("7 *", "9 *"), "x = (\n",
             SERVICE]
    with reparse.incremental():
        for text in texts:
            data = text.encode()
            try:
                expected = parse_source(data)
            except Exception as exc:
                with pytest.raises(type(exc)):
                    reparse.parse(data)
                continue
            module, decoded = reparse.parse(data)
            assert decoded == expected[1] and module.deep_equals(expected[0])
    reparse.forget()
    module, _ = reparse.parse(SERVICE.encode())  # outside: a whole parse, nothing kept
    assert reparse._SLOT.kept == {}


def test_each_file_keeps_its_own_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    other = "import asyncio\n\n\nasync def main() -> None:\n    await asyncio.sleep(1)\n"
    reparse.forget()
    with reparse.incremental():
        reparse.parse(SERVICE.encode(), "a.py")
        reparse.parse(other.encode(), "b.py")  # another file checked between two edits
        parsed = _stand_ins(monkeypatch)
        text = SERVICE.replace("LIMIT = 0", "LIMIT = 2")
        module, _ = reparse.parse(text.encode(), "a.py")
        assert parsed == ["LIMIT = 2\npass\n"] and module.deep_equals(parse_module(text))
        for k in range(reparse.MOST_KEPT):
            reparse.parse(other.encode(), f"{k}.py")
        assert len(reparse._SLOT.kept) == reparse.MOST_KEPT and "a.py" not in reparse._SLOT.kept
    reparse.forget()
