"""A chat client library: the package re-exports its client (as discord.py does)."""

from .client import *  # noqa: F403
