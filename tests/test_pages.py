"""Made-up pages in the style of other Vietnamese news sites (see tests/pages/README.md)."""

from __future__ import annotations

import json
import pathlib

import pytest

import diplocorpus as dc

from .conftest import PAGES


def load_page(path: pathlib.Path) -> tuple[str, list[str]]:
    kinds: list[str] = []
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() == "|":
            lines.append("")
            continue
        kind, sep, text = raw.partition(" | ")
        assert sep, f"{path.name}: line without 'KIND | TEXT': {raw!r}"
        kinds.append(kind.strip())
        lines.append(text)
    return "\n".join(lines), kinds


PAGE_FILES = sorted(PAGES.glob("*.page"))


@pytest.mark.parametrize("path", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_page_line_kinds(path: pathlib.Path) -> None:
    text, kinds = load_page(path)
    article = dc.parse(text, source=path.name)
    got = [(b.line, b.kind.value) for b in article.blocks]
    lines = [i + 1 for i, line in enumerate(text.split("\n")) if line.strip()]
    assert got == list(zip(lines, kinds, strict=True))


@pytest.mark.parametrize("path", PAGE_FILES, ids=[p.stem for p in PAGE_FILES])
def test_page_metadata(path: pathlib.Path) -> None:
    text, _ = load_page(path)
    expect = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))
    article = dc.parse(text)
    assert article.title == expect["title"]
    assert (article.published.isoformat() if article.published else None) == expect["published"]
    assert list(article.authors) == expect["authors"]
    assert article.view_count == expect["view_count"]
    assert [[c.text, c.credit] for c in article.captions] == expect["captions"]
    assert len(article.paragraphs) == expect["paragraphs"]
    if "last_paragraph_ends" in expect:
        assert article.paragraphs[-1].endswith(expect["last_paragraph_ends"])
        assert "/." not in article.paragraphs[-1]


def test_there_are_pages_of_several_styles() -> None:
    assert len(PAGE_FILES) >= 4
