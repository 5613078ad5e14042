"""The project step: every module's facts joined into findings."""
