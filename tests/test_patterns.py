"""The package's regular expressions: a letter class means one case.

``[A-ZĐÀ-Ỹ]`` was meant as "a capital letter", but ``À-Ỹ`` (U+00C0 to U+1EF8) holds the
lowercase letters as well (``đ``, ``ô``, ``ủ``): a test of case is ``str.isupper`` on the
character, or a class that lists its letters.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import diplocorpus

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse  # type: ignore[attr-defined]
else:  # pragma: no cover - Python 3.10
    import sre_parse

SOURCES = sorted(Path(diplocorpus.__file__).parent.glob("*.py"))


def _ranges(node: Any) -> Iterator[tuple[int, int]]:
    """Every character range (``a-z``) in a parsed pattern, however deep."""
    if isinstance(node, sre_parse.SubPattern):
        node = node.data
    if isinstance(node, (list, tuple)):
        if len(node) == 2 and node[0] is sre_parse.RANGE:
            yield node[1]
            return
        for part in node:
            yield from _ranges(part)


def mixed_case_ranges(pattern: str) -> list[str]:
    """The ranges of ``pattern`` that hold both upper- and lowercase letters."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, OverflowError, RecursionError):
        return []  # a string that is no pattern
    found = []
    for low, high in _ranges(parsed):
        letters = [chr(c) for c in range(low, high + 1)]
        if any(c.isupper() for c in letters) and any(c.islower() for c in letters):
            found.append(f"{chr(low)}-{chr(high)}")
    return found


def _strings(path: Path) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_the_check_finds_the_class_that_matched_lowercase() -> None:
    assert mixed_case_ranges("[A-ZĐÀ-Ỹ][^\\s,]*") == ["À-Ỹ"]
    assert mixed_case_ranges("[A-Za-zĐđ]") == []
    assert mixed_case_ranges("[a-zàáạ][A-ZÀÁẠ]") == []
    assert re.fullmatch("[A-ZĐÀ-Ỹ]", "ô")  # the bug the check guards against
    assert not "ô".isupper()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_letter_class_mixes_upper_and_lower_case(path: Path) -> None:
    bad = [
        f"{path.name}:{line}: {found}"
        for line, text in _strings(path)
        for found in mixed_case_ranges(text)
    ]
    assert bad == []
