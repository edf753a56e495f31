"""The installed package's version, read from its metadata (never a literal in code)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplocorpus")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"
