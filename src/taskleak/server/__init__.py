"""`taskleak server`: the language server (LSP over stdio, on pygls), one module per job.

- `app.py`: the protocol handlers, and `serve()`;
- `state.py`: the server object: documents, settings, the analysis worker, publishing;
- `documents.py`: what is known of each open document (its checked version, findings, fixes);
- `schedule.py`: debounced checks, one worker thread for the analysis;
- `engine.py`: what runs on the worker (check a buffer, fix a buffer), off the event loop;
- `diagnostics.py`, `related.py`: findings as LSP diagnostics (severity, code, related places);
- `actions.py`, `suppression.py`, `edits.py`: quick fixes, `# noqa` actions, fix-all, text edits;
- `hover.py`: a rule's summary over a `# noqa` code;
- `editor_settings.py`: the editor's settings, on top of each file's configuration;
- `client.py`, `workspace.py`: what the client can do; documents split into lines as it does;
- `text.py`: lines and positions in the client's units.

A buffer is checked through `taskleak.api.check`, as `taskleak check - --stdin-filename FILE`
checks it, and fixed with `fixer.apply.fix_source`, as `taskleak fix -` fixes it; the rule
registry and the `# noqa` grammar do the rest. Nothing is read from disk that the editor holds
in a buffer, nothing is written. pygls is an optional dependency
(`pip install 'taskleak[server]'`): only `taskleak server` imports this package.
"""
