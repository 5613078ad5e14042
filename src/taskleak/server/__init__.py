"""`taskleak server`: the language server (LSP over stdio, on pygls), one module per job.

- `app.py`: the protocol handlers, and `serve()`;
- `state.py`: the server object: documents, settings, the analysis worker, publishing;
- `documents.py`: what is known of each open document (its checked version, findings, fixes);
- `schedule.py`: debounced checks, one worker thread for the analysis;
- `engine.py`: what runs on the worker (check a buffer, fix a buffer), off the event loop;
- `diagnostics.py`, `related.py`: findings as LSP diagnostics (severity, code, related places);
- `actions.py`, `suppression.py`, `edits.py`: quick fixes, `# noqa` actions, fix-all, text edits;
- `hover.py`: a rule's summary over a `# noqa` code;
- `folders.py`, `editor_settings.py`: the configuration of each file, and the editor's settings;
- `text.py`: lines and positions in the client's units.

Everything here calls the library through `taskleak.api` (`check_buffer`, `fix_buffer`,
`buffer_settings`), the rule registry and the `# noqa` grammar; nothing is read from disk that the
editor holds in a buffer. pygls is an optional dependency (`pip install 'taskleak[server]'`): only
`taskleak server` imports this package.
"""
