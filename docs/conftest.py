"""The pages' examples run as doctests (``--doctest-glob=*.md``); this makes a page whose
example imports an optional library that is not installed a skip, not a failure.

An example that imports pandas, say, is written as a reader writes it
(``>>> import pandas as pd``). When the import fails because that library is missing,
the page is reported skipped, naming the library and the line: doctest stops a page at
its first failing example, so the examples after it do not run either. Such an example
therefore opens the last section of its page that has examples (as "Statements to
pandas" does in recipes.md). Any other failure, a missing module not listed here
included, still fails.
"""

from __future__ import annotations

import doctest
from collections.abc import Generator

import pytest

#: Libraries the pages may use that diplocorpus does not require: the extras and pandas.
OPTIONAL = frozenset({"pandas", "dask", "distributed", "pyarrow", "lxml"})


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
