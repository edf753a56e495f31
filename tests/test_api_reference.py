"""docs/api.md is what tools/make_api_docs.py makes of the docstrings: it cannot drift."""

from __future__ import annotations

import difflib
import pathlib
import re
import types
from typing import Any

import attrs
import pytest

import diplocorpus as dc
from tests.conftest import ROOT, load_script

COMMAND = "python tools/make_api_docs.py"


TOOL = load_script("tools/make_api_docs.py")


def test_the_api_page_matches_the_docstrings() -> None:
    expected = TOOL.api_reference()
    page = ROOT / "docs" / "api.md"
    current = page.read_text("utf-8") if page.exists() else ""
    if current != expected:
        diff = difflib.unified_diff(
            current.splitlines(), expected.splitlines(), "docs/api.md", "generated", lineterm=""
        )
        shown = "\n".join(list(diff)[:40])
        pytest.fail(
            "docs/api.md no longer matches the docstrings of diplocorpus.__all__ (a public "
            f"name or a docstring changed): run `{COMMAND}` and commit docs/api.md\n{shown}"
        )


def test_every_public_name_has_its_section_and_every_public_method_its_own() -> None:
    text = TOOL.api_reference()
    headings = set(re.findall(r"^#{3,4} `([^`]+)`$", text, re.MULTILINE))
    assert set(dc.__all__) <= headings
    # Methods and properties of the classes, not their fields.
    assert {"Store.add", "Store.search", "Article.text", "Lexicon.extended"} <= headings
    # A cached property of a slotted attrs class, which attrs takes out of the class.
    assert "Lexicon.first_words" in headings
    assert "property first_words: Mapping[str, frozenset[str]]" in text
    assert "Article.title" not in headings
    # Enumerations list their members, attrs classes their fields.
    assert "| `HYBRID` | `'hybrid'` |" in text
    assert "| `not_article_reason` | `str \\| None` | `None` |" in text


def test_the_page_is_the_same_whatever_the_run() -> None:
    assert TOOL.api_reference() == TOOL.api_reference()
    assert not re.search(r"0x[0-9a-f]{6,}", TOOL.api_reference())


def _sample_module() -> types.ModuleType:
    sentinel = object()

    def lookup(key: str, default: object = sentinel, *, limit: int = 3) -> str:
        """Find ``key``; see :func:`lookup` and :func:`_private`.

        >>> 1 + 1
        2
        """
        return key

    @attrs.frozen(kw_only=True)
    class Box:
        """A box."""

        items: tuple[int, ...] = attrs.field(factory=tuple)
        label: Any = attrs.field(factory=object)

        @property
        def size(self) -> int:
            """How many."""
            return len(self.items)

    module = types.ModuleType("sample")
    module.__all__ = ["JSON", "Box", "LIMIT", "lookup"]  # type: ignore[attr-defined]
    module.JSON = dict[str, Any] | list[Any] | str | None  # type: ignore[attr-defined]
    module.Box = Box  # type: ignore[attr-defined]
    module.LIMIT = 3  # type: ignore[attr-defined]
    module.lookup = lookup  # type: ignore[attr-defined]
    return module


def test_defaults_without_a_stable_repr_are_elided_and_references_linked() -> None:
    text = TOOL.api_reference(_sample_module())
    assert "lookup(key: str, default: object = ..., *, limit: int = 3) -> str" in text
    assert "Find ``key``; see [`lookup`](#lookup) and `_private`." in text
    assert "| `items` | `tuple[int, ...]` | `()` |" in text
    assert "| `label` | `Any` | computed |" in text
    assert "LIMIT: int = 3" in text
    assert "JSON = dict[str, Any] | list[Any] | str | None" in text
    assert "- Type aliases: [`JSON`](#json)" in text
    assert ">>> 1 + 1\n2" in text
    assert " at 0x" not in text


def test_the_command_writes_the_page_and_check_says_when_it_is_stale(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "api.md"
    page.write_text("old\n", "utf-8")
    assert TOOL.main(["--check", "--output", str(page)]) == 1
    assert COMMAND in capsys.readouterr().err
    assert TOOL.main(["--output", str(page)]) == 0
    assert page.read_text("utf-8") == TOOL.api_reference()
    assert TOOL.main(["--check", "--output", str(page)]) == 0
