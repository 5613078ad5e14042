"""A run over many files: discovery -> cheap pass (cache, read, prefilter) -> per-file pipeline
(in a process pool when worth it) -> facts -> the project join (`runner.py`)."""
