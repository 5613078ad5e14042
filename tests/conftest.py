"""Test-wide setup: this folder is on `sys.path` (pytest's rootdir conftest), so every test,
in any subfolder, imports the shared helpers as `helpers`, `findings_factory`, `sarif_schema`."""

import signal

# A run started in the background by a shell without job control (`cmd &`, `nohup`) ignores
# SIGINT, and a child inherits an ignored signal: the Ctrl-C tests (tests/cli/test_watch.py,
# test_interrupt.py) would send it to processes that cannot hear it. Python's own handler
# here makes the children start with the default disposition, as under a terminal.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
