"""The documentation's examples are doctests (``--doctest-glob=*.md``). A page whose
examples need an optional extra says so in a comment, ``<!-- doctest needs: lxml -->``,
and its examples are skipped, with the reason, when that module is not installed."""

from __future__ import annotations

import importlib.util
import pathlib
import re

import pytest

DOCS = pathlib.Path(__file__).resolve().parent
_NEEDS = re.compile(r"<!--\s*doctest needs:\s*([\w.,\s]+?)\s*-->")


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
