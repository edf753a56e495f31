"""The layering of the package, read from its source: each stage of the data flow imports
only the foundations and the stages before it.

Every module of ``src/diplocorpus`` is parsed with :mod:`ast`, and every import of a sibling
module is collected, wherever it stands (at the top, inside a function, under
``TYPE_CHECKING``): ``from ._x import y``, ``from . import _x``, ``from diplocorpus._x import
y``, ``import diplocorpus._x``.
"""

from __future__ import annotations

import ast
import functools
import pathlib

import pytest

import diplocorpus

PACKAGE = pathlib.Path(diplocorpus.__file__).resolve().parent

#: What any stage may import: records, errors, text keys, word lists, knobs, dates, JSON and
#: its schemas.
FOUNDATIONS = frozenset(
    {
        "_models",
        "_errors",
        "_text",
        "_lexicon",
        "_knobs",
        "_dates",
        "_convert",
        "_schema",
        "_version",
        "_deprecation",
    }
)

#: The stages in data-flow order (README's module list). A stage is its module and the
#: modules the README names as its parts; those may import each other. A stage may import
#: the foundations and the stages above it, never one below. Modules listed here that do not
#: exist (yet) are passed over.
STAGES: list[tuple[str, ...]] = [
    # Reading inputs (files, folders, JSON Lines, bytes to text): the page's first stage;
    # the HTML reader decodes with it, site learning streams its documents.
    ("_load",),
    # Read out of single lines (credits, names, counters): the classifier decides bylines
    # and captions with it, the article builder keeps what it reads (see its docstring).
    ("_meta",),
    # A site's template as the classifier applies it; learning one is _site's, later.
    ("_profile",),
    # Classify: the line rules over the lines of the page, then the page layout.
    ("_page", "_rules", "_structures", "_zone", "_headline", "_photos", "_layout", "_classify"),
    ("_article",),
    ("_html", "_htmlstructure", "_htmlmarkup"),
    ("_site",),
    ("_sitepass",),
    ("_tokens",),
    ("_people", "_individuals"),
    ("_statements",),
    ("_events",),
    ("_merge",),
    ("_dedup",),
    # A loaded document to its analysis (article, people, statements, events), for the
    # store, the corpus, the CLI and the Dask path alike.
    ("_pipeline",),
    ("_store",),
    ("_corpus",),
    # Records as data frames: the columns of each table, for pandas, polars and Parquet.
    ("_frames",),
    ("_export",),
    # The store as one HTML page for people to look at.
    ("_report",),
    ("_cli", "_rows"),
]

#: The package's facade and the ``python -m diplocorpus`` entry point are no stage.
ENTRY_POINTS = frozenset({"__init__", "__main__"})

#: What the store may not import: the analysis is the pipeline's, the store only stores.
EXTRACTION = frozenset(
    {
        "_people",
        "_statements",
        "_events",
        "_individuals",
        "_tokens",
        "_meta",
        "_classify",
        "_rules",
        "_page",
        "_structures",
        "_zone",
        "_headline",
        "_photos",
        "_layout",
    }
)

#: Known violations of the stage order, each a reason to fix the code or the order.
LATER_KNOWN: dict[str, str] = {}


def existing() -> list[str]:
    return sorted(p.stem for p in PACKAGE.glob("*.py"))


@functools.cache
def imports(module: str) -> frozenset[str]:
    """The sibling modules ``module`` imports anywhere in its source (``__init__`` for the
    package itself)."""
    source = (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
    return imports_in(source, module, frozenset(existing()))


def imports_in(source: str, module: str, siblings: frozenset[str]) -> frozenset[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level > 1:
                continue  # above the package: not a sibling
            base = node.module or ""
            if node.level == 0:
                if base != "diplocorpus" and not base.startswith("diplocorpus."):
                    continue
                base = base.removeprefix("diplocorpus").removeprefix(".")
            if base:
                found.add(base.split(".")[0])
            else:  # from . import x: a module, or a name of the package's facade
                found.update(a.name if a.name in siblings else "__init__" for a in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "diplocorpus":
                    found.add(parts[1] if len(parts) > 1 else "__init__")
    found.discard(module)
    return frozenset(found)


def rank(module: str) -> int:
    """The position of ``module``'s stage in the data flow."""
    for position, stage in enumerate(STAGES):
        if module in stage:
            return position
    raise KeyError(module)


STAGE_MODULES = [m for stage in STAGES for m in stage if m in existing()]


def later(module: str) -> set[str]:
    """The stages after ``module``'s that it imports."""
    return {
        m
        for m in imports(module)
        if m not in FOUNDATIONS and m not in ENTRY_POINTS and rank(m) > rank(module)
    }


def test_every_module_has_a_place() -> None:
    listed = [m for stage in STAGES for m in stage]
    assert len(listed) == len(set(listed)), "a module is in two stages"
    assert not FOUNDATIONS & set(listed), "a module is both a foundation and a stage"
    unplaced = set(existing()) - set(listed) - FOUNDATIONS - ENTRY_POINTS
    assert not unplaced, f"place these modules in STAGES or FOUNDATIONS: {sorted(unplaced)}"


def test_the_reader_sees_every_kind_of_import() -> None:
    source = """
from __future__ import annotations
import json
from typing import TYPE_CHECKING
from ._a import x
from ._b.inner import y
from . import _c, parse
import diplocorpus._d
from diplocorpus._e import z
from diplocorpus import _f
from .. import elsewhere
if TYPE_CHECKING:
    from ._g import T
def later() -> None:
    from ._h import w
    import diplocorpus
"""
    siblings = frozenset({"_a", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "_self"})
    found = imports_in(source, "_self", siblings)
    assert found == {"_a", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "__init__"}


@pytest.mark.parametrize(
    "module",
    [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=LATER_KNOWN[m]))
        if m in LATER_KNOWN
        else m
        for m in STAGE_MODULES
    ],
)
def test_no_stage_imports_a_later_stage(module: str) -> None:
    assert later(module) == set()


@pytest.mark.parametrize("module", sorted(FOUNDATIONS & set(existing())))
def test_foundations_import_only_foundations(module: str) -> None:
    assert imports(module) <= FOUNDATIONS


def test_models_import_nothing_of_the_package() -> None:
    assert imports("_models") == frozenset()


def test_the_store_imports_no_extraction_internals() -> None:
    assert imports("_store") & EXTRACTION == frozenset()


def test_nothing_imports_the_cli() -> None:
    users = {m for m in existing() if "_cli" in imports(m)}
    assert users <= {"__main__"}


def test_no_module_imports_the_package_facade() -> None:
    # The facade imports every stage: a module that imports it depends on all of them.
    assert {m for m in existing() if "__init__" in imports(m)} == set()
