"""A chat client whose extensions live in `chat/ext/`, a folder without `__init__.py`."""
