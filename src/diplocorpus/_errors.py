"""The exceptions diplocorpus raises: one base class, specific subclasses to catch."""

from __future__ import annotations

__all__ = [
    "BinaryContentError",
    "DecodeError",
    "DiplocorpusError",
    "InputError",
    "MarkupInputError",
    "MissingDependencyError",
    "NotTextError",
    "StoreError",
]


class DiplocorpusError(Exception):
    """Base class of every exception diplocorpus raises on purpose."""


class InputError(DiplocorpusError, ValueError):
    """The input cannot be read as a page of text.

    ``source`` names the input (a path or the caller's ``source=``), ``line`` and
    ``column`` (1-based) say where the problem is when it has a place.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.source = source
        self.line = line
        self.column = column
        where = [p for p in (source, _place(line, column)) if p]
        super().__init__(f"{': '.join(where)}: {message}" if where else message)


def _place(line: int | None, column: int | None) -> str | None:
    if line is None:
        return None
    return f"line {line}" + (f", column {column}" if column is not None else "")


class NotTextError(InputError, TypeError):
    """``parse`` was given something that is not ``str`` (``bytes``, ``None``, ...)."""


class BinaryContentError(InputError):
    """The text holds NUL bytes: it is a binary file read as text, not a page."""


class MarkupInputError(InputError):
    """The text is HTML (or XML) markup, not the page's visible text."""


class DecodeError(InputError):
    """A file's bytes cannot be decoded with the encoding asked for."""


class MissingDependencyError(DiplocorpusError, ImportError):
    """A feature needs an optional extra that is not installed (the message names it)."""


class StoreError(DiplocorpusError):
    """The store file cannot be used: not a diplocorpus store, or of a newer schema."""
