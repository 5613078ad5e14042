"""Stops a speaker's listener: the annotation says whose."""

from __future__ import annotations

from players import Speaker


def stop(speaker: Speaker) -> None:
    speaker.listener.cancel()
