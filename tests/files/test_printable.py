"""`files/printable`: the one way a file name that is not valid UTF-8 is shown, stored in JSON
and named as a URI."""

from __future__ import annotations

import json

from output_targets import SHOWN, URI, undecodable_name

from taskleak.files.printable import encoded, json_text, printable, uri_path


def test_printable_escapes_only_what_utf8_cannot_hold() -> None:
    name = undecodable_name()
    assert printable(name) == SHOWN
    assert printable(printable(name)) == SHOWN  # stable: a baseline matches on the next run
    assert printable("café ● ok.py") == "café ● ok.py"
    assert printable("\ud800") == "\\ud800"  # a surrogate no file name decoding made
    assert encoded(name) == SHOWN.encode("ascii")


def test_json_text_keeps_valid_text_and_escapes_undecodable_bytes() -> None:
    assert json_text({"p": "café"}) == '{"p": "café"}'
    assert json.loads(json_text({undecodable_name(): [undecodable_name()]})) == {
        SHOWN: [SHOWN]}


def test_uri_path_percent_encodes_the_original_bytes() -> None:
    assert uri_path(f"src/my app/{undecodable_name()}") == f"src/my%20app/{URI}"
    assert uri_path("src/café.py") == "src/caf%C3%A9.py"
