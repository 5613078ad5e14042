"""Stops one device's listener: which class's, is not for a linter to guess either way."""

from __future__ import annotations


def stop(device) -> None:
    device.listener.cancel()
