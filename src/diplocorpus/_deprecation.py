"""How a public name is retired: it keeps working for at least one minor release, with a
:class:`DeprecationWarning` that names its replacement and the release that removes it.

Two kinds of change are covered, the ones an API of records and functions goes through:

- a renamed or moved name of the package (``diplocorpus.old``): an entry in
  :data:`RENAMED`, served by the package's module ``__getattr__``, so ``import`` and
  attribute access both warn and give the new object;
- a renamed keyword argument: :func:`renamed_keyword` on the function, so a call with the
  old keyword warns and passes its value on under the new one.

The warning points at the caller's line (``stacklevel``), so ``python -W error`` and
pytest's ``-W error::DeprecationWarning`` show where the user's code needs changing. See
``docs/stability.md`` for the policy.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import attrs

__all__ = ["RENAMED", "Renamed", "renamed_keyword", "warn_renamed"]

P = ParamSpec("P")
R = TypeVar("R")


@attrs.frozen(kw_only=True, slots=True)
class Renamed:
    """A public name that has a new one: ``old`` still works until ``removed_in``."""

    old: str
    new: str
    since: str
    removed_in: str

    def message(self) -> str:
        return (
            f"diplocorpus.{self.old} is deprecated since {self.since} and will be removed "
            f"in {self.removed_in}; use diplocorpus.{self.new}"
        )


#: The package's retired names, old name to entry. Empty in this release: the names listed
#: in ``diplocorpus.__all__`` are all current.
RENAMED: dict[str, Renamed] = {}


def warn_renamed(entry: Renamed, stacklevel: int = 3) -> None:
    """Warn that ``entry.old`` is used (``stacklevel`` 3: the line that named it)."""
    warnings.warn(entry.message(), DeprecationWarning, stacklevel=stacklevel)


def renamed_keyword(
    old: str, new: str, *, since: str, removed_in: str
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Let a function take its keyword argument ``new`` under its former name ``old`` for
    a while, with a warning. Giving both is a :class:`TypeError`, as a repeated argument
    is in Python."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def call(*args: P.args, **kwargs: P.kwargs) -> R:
            if old in kwargs:
                if new in kwargs:
                    raise TypeError(
                        f"{function.__name__}() got both {old!r} (deprecated) and {new!r}"
                    )
                warnings.warn(
                    f"{function.__name__}({old}=...) is deprecated since {since} and will "
                    f"be removed in {removed_in}; use {new}=...",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return call

    return decorate
