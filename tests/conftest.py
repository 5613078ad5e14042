"""Test-wide setup: this folder is on `sys.path` (pytest's rootdir conftest), so every test,
in any subfolder, imports the shared helpers as `helpers`, `findings_factory`, `sarif_schema`."""
