"""The exceptions diplocorpus raises: one base class, specific subclasses to catch."""

from __future__ import annotations

from typing import Any

__all__ = [
    "BinaryContentError",
    "DecodeError",
    "DiplocorpusError",
    "InputError",
    "InputNotFoundError",
    "InputPermissionError",
    "InputTooLargeError",
    "MarkupInputError",
    "MissingDependencyError",
    "NotTextError",
    "StoreError",
    "UnreadableInputError",
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


class InputTooLargeError(InputError):
    """The input is longer than one page can be (``MAX_INPUT_CHARS``, 20 million
    characters): refused before any work, rather than read for minutes. ``size`` is its
    length, ``limit`` the limit (characters, or bytes for bytes not yet decoded)."""

    def __init__(
        self, size: int, limit: int, *, unit: str = "characters", source: str | None = None
    ) -> None:
        super().__init__(
            f"too large to be one page: {size:,} {unit}, the limit is {limit:,}", source=source
        )
        self.size = size
        self.limit = limit
        self.unit = unit

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.size, self.limit), {"unit": self.unit, "source": self.source}

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        InputTooLargeError.__init__(self, self.size, self.limit, **(state or {}))


class UnreadableInputError(InputError, OSError):
    """A file or folder cannot be read: the operating system's error, with the path.

    Also an ``OSError`` (``errno`` and ``filename`` set as the operating system's), so code
    that catches ``OSError`` goes on working.
    """

    def __init__(self, reason: str, *, source: str | None = None, errno: int | None = None) -> None:
        super().__init__(reason, source=source)
        self.reason = reason
        self.errno = errno
        self.filename = source

    # The message, not OSError's "[Errno 2] None: 'path'".
    __str__ = BaseException.__str__

    # Pickled whole (a worker process's error reaches the parent), through the public
    # class alone: OSError's own reduction would call it with (errno, strerror, filename).
    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.reason,), {"source": self.source, "errno": self.errno}

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        UnreadableInputError.__init__(self, self.reason, **(state or {}))


class InputNotFoundError(UnreadableInputError, FileNotFoundError):
    """No file or folder at the path given (also a ``FileNotFoundError``)."""


class InputPermissionError(UnreadableInputError, PermissionError):
    """The file or folder may not be read (also a ``PermissionError``)."""


def unreadable(exc: OSError, source: str) -> UnreadableInputError:
    """The package's error for ``exc``, raised reading ``source``: what went wrong, in
    words, and where."""
    if isinstance(exc, FileNotFoundError):
        return InputNotFoundError("no such file or folder", source=source, errno=exc.errno)
    if isinstance(exc, PermissionError):
        return InputPermissionError(
            "permission denied (cannot be read)", source=source, errno=exc.errno
        )
    reason = exc.strerror or str(exc)
    return UnreadableInputError(f"cannot be read: {reason}", source=source, errno=exc.errno)


class MissingDependencyError(DiplocorpusError, ImportError):
    """A feature needs an optional extra that is not installed (the message names it)."""


class StoreError(DiplocorpusError):
    """The store file cannot be used: not a diplocorpus store, or of a newer schema."""
