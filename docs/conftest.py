"""The pages' examples run as doctests (``--doctest-glob=*.md``). Two ways keep a page
that uses an optional library from failing where that library is not installed:

- a page whose examples all need an extra says so in a comment,
  ``<!-- doctest needs: lxml -->``, and is skipped, with the reason, without it;
- an example that imports an optional library is written as a reader writes it
  (``>>> import pandas as pd``). When the import fails because that library is missing,
  the page is reported skipped, naming the library and the line: doctest stops a page at
  its first failing example, so the examples after it do not run either. Such an example
  therefore opens the last section of its page that has examples (as "Statements to
  pandas" does in recipes.md). Any other failure, a missing module not listed here
  included, still fails.
"""

from __future__ import annotations

import doctest
import importlib.util
import pathlib
import re
from collections.abc import Generator

import pytest

DOCS = pathlib.Path(__file__).resolve().parent
_NEEDS = re.compile(r"<!--\s*doctest needs:\s*([\w.,\s]+?)\s*-->")

#: Libraries the pages may use that diplocorpus does not require: the extras' libraries.
OPTIONAL = frozenset({"pandas", "polars", "dask", "distributed", "pyarrow", "lxml"})


def needed(page: pathlib.Path) -> list[str]:
    """The modules a documentation page's examples need, as its comment names them."""
    found = _NEEDS.search(page.read_text("utf-8"))
    return [m.strip() for m in found.group(1).split(",")] if found else []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.parent != DOCS or item.path.suffix != ".md":
            continue
        missing = [m for m in needed(item.path) if importlib.util.find_spec(m) is None]
        if missing:
            reason = f"{item.path.name}'s examples need {', '.join(missing)} (not installed)"
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    try:
        return (yield)
    except doctest.UnexpectedException as failure:
        error = failure.exc_info[1]
        missing = getattr(error, "name", None) or ""
        if isinstance(error, ModuleNotFoundError) and missing.split(".")[0] in OPTIONAL:
            line = (failure.test.lineno or 0) + failure.example.lineno + 1
            pytest.skip(
                f"{item.name}: {missing} is not installed; "
                f"the examples from line {line} on were not run"
            )
        raise
