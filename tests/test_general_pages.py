"""Made-up whole pages in the styles of many Vietnamese sites (tests/pages_general).

They were written to test whether the rules generalise beyond the pages they were tuned on:
headline placements, long and joined menus, tickers, inline boxes, lists and tables in the
body, signature forms, comment threads and forums, photo stories, front pages and lists,
short articles with big related lists, excerpts without a headline. Each line of a page is
``KIND | TEXT`` (the key); the metadata is in ``NAME.expect.json``. A line must be content
(title, dateline, byline, body, caption) or noise as its key says, a content line of the
kind its key gives, and the metadata must match. The pages the library still gets wrong
are strict xfails, each with what it gets wrong: the list of known limits, which fails
loudly when one is fixed.
"""

from __future__ import annotations

import json
import pathlib

import pytest

import diplocorpus as dc

from .test_pages import load_page

PAGES = pathlib.Path(__file__).resolve().parent / "pages_general"
CONTENT = {"title", "dateline", "byline", "body", "caption"}

KNOWN_LIMITS = {
    "c02_wordpress_blog": "an ingredients list without markers is taken for a run of headlines",
    "h12_question_bullets": "key points set as short lines under the headline look like links",
    "f04_front_lead_story": "a front page whose lead card has two paragraphs reads as an article",
    "h13_kicker_series": "the 'next part' line after the body is not kept as body",
    "h16_combo_mostread_byline_top": (
        "a byline two lines above the headline is missed; 'Hiệp hội kiến nghị' holds the "
        "caption cue 'hội kiến' across two words"
    ),
    "p03_photo_story": "a photo story's last caption, followed by prose, is read as body",
    "p06_bare_captions": "captions with no photo, credit or cue between paragraphs are body",
}


def _pages() -> list[pytest.param]:
    params = []
    for path in sorted(PAGES.glob("*.page")):
        marks = []
        if path.stem in KNOWN_LIMITS:
            marks.append(pytest.mark.xfail(reason=KNOWN_LIMITS[path.stem], strict=True))
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize("path", _pages())
def test_page(path: pathlib.Path) -> None:
    text, kinds = load_page(path)
    expect = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))
    article = dc.parse(text, source=path.name)
    numbers = [i + 1 for i, line in enumerate(text.split("\n")) if line.strip()]
    got = {b.line: b for b in article.blocks}
    wrong = [
        (number, kind, got[number].kind.value, got[number].reason)
        for number, kind in zip(numbers, kinds, strict=True)
        if (kind in CONTENT) != got[number].kind.is_content
        or (kind in CONTENT and not _same_content(kind, got[number].kind.value))
    ]
    assert not wrong, wrong
    published = article.published.isoformat() if article.published else None
    assert (article.title, published, list(article.authors)) == (
        expect["title"],
        expect["published"],
        expect["authors"],
    )
    assert sorted([c.text, c.credit] for c in article.captions) == sorted(expect["captions"])
    assert article.is_article is expect.get("is_article", True), article.not_article_reason


def _same_content(key: str, got: str) -> bool:
    """A content line has the key's kind; a signature with its date ("hoa_le, 02/05/2024")
    may be read as a byline or as a dateline with the author's name."""
    return key == got or {key, got} == {"byline", "dateline"}


def test_there_are_many_pages_of_many_kinds() -> None:
    stems = [p.stem for p in PAGES.glob("*.page")]
    assert len(stems) >= 60
    assert len({stem[0] for stem in stems}) >= 8  # headline, menus, body, end, comments, ...
