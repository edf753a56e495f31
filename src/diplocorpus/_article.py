"""Stage 3, the article: build an :class:`Article` from the classified lines."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Sequence

import attrs

from ._classify import Evidence, classify
from ._dates import (
    VIETNAM_TZ,
    date_order,
    declared_zone,
    in_zone,
    parse_dateline,
)
from ._lexicon import Lexicon
from ._load import DecodeErrors, read_document
from ._meta import (
    HeaderLine,
    counter_value,
    signature_names,
    starts_with_phrase,
    strip_end_mark,
)
from ._models import Article, Block, BlockKind, Caption, DateValue
from ._page import Line
from ._profile import SiteProfile
from ._text import fold_key, split_lines, surrogate_note

__all__ = ["build_article", "parse", "parse_file"]

_log = logging.getLogger("diplocorpus")
_DIGIT = re.compile(r"\d")


def parse(
    text: str,
    *,
    source: str | None = None,
    published: DateValue | None = None,
    default_tz: dt.tzinfo = VIETNAM_TZ,
    lexicon: Lexicon | None = None,
    site: SiteProfile | None = None,
) -> Article:
    """Turn the plain text of a news page into an :class:`Article`.

    ``text`` is the page as a browser's ``innerText`` gives it: one block a line. ``source``
    names it in the result and in errors. ``published`` is a date the caller already knows:
    it completes a dateline that lacks a year and stands in when the page has no dateline.
    Times without a zone are in ``default_tz`` (Vietnam time). ``lexicon`` replaces the
    shipped word lists (see :class:`Lexicon`). ``site`` is the page's site profile (see
    :func:`learn_site`): the lines its template knows are labelled as the site's furniture.

    Raises :class:`NotTextError` for non-``str`` input, :class:`BinaryContentError` for NUL
    bytes, :class:`MarkupInputError` for HTML and :class:`InputTooLargeError` for text longer
    than 20 million characters (``MAX_INPUT_CHARS``), before any work; empty text gives an
    empty Article. Lone
    surrogates (not characters) are replaced by U+FFFD, and the notes say where.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    lines = split_lines(text, source=source)
    note = surrogate_note(text)
    return build_article(
        lines,
        source=source,
        published=published,
        default_tz=default_tz,
        lexicon=lex,
        site=site,
        notes=[note] if note is not None else (),
    )


def build_article(
    lines: list[str],
    *,
    source: str | None,
    published: DateValue | None,
    default_tz: dt.tzinfo,
    lexicon: Lexicon,
    evidence: Sequence[Evidence | None] | None = None,
    origins: Sequence[str | None] | None = None,
    notes: Sequence[str] = (),
    site: SiteProfile | None = None,
    headlines: Sequence[str] = (),
) -> Article:
    """Classify normalised ``lines`` (blank ones as "") and build the Article.

    ``evidence`` (one per line) is what the page's markup says of each line, ``origins``
    where each line came from in the markup, ``headlines`` the headlines the markup gives
    (evidence for the title line), ``site`` the site's learned template.
    """
    classified = classify(lines, lexicon, evidence=evidence, site=site, headlines=headlines)
    blocks = list(classified.blocks)
    page = classified.lines
    if origins is not None:
        blocks = [attrs.evolve(b, origin=origins[b.line - 1]) for b in blocks]
    notes = list(notes)
    article = Article(
        source=source,
        title=_first_text(blocks, BlockKind.TITLE),
        published=_published(blocks, page, lexicon, published, default_tz, notes=notes),
        authors=_authors(blocks, page, lexicon),
        view_count=_view_count(blocks, page, lexicon),
        paragraphs=_paragraphs(blocks, page),
        captions=_captions(blocks, page, lexicon),
        blocks=blocks,
        notes=notes,
        is_article=classified.verdict.is_article,
        not_article_reason=classified.verdict.reason,
    )
    if _log.isEnabledFor(logging.DEBUG):
        _log.debug(
            "parsed %s: %d lines, %d paragraphs, %d noise, notes: %s",
            source or "<text>",
            len(blocks),
            len(article.paragraphs),
            len(article.noise),
            "; ".join(notes) or "none",
        )
    return article


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    published: DateValue | None = None,
    default_tz: dt.tzinfo = VIETNAM_TZ,
    lexicon: Lexicon | None = None,
    site: SiteProfile | None = None,
    decode_errors: DecodeErrors = "strict",
) -> Article:
    """Read the text file at ``path`` and :func:`parse` it, with ``source`` set to the path
    (``site``: the page's site profile, as for :func:`parse`).

    The bytes are decoded as the loaders decode them (:func:`iter_documents`): a byte-order
    mark decides, else UTF-8, else the encoding the bytes show; ``encoding`` forces one.
    Raises :class:`DecodeError` (naming the file, and the byte offset for a forced
    encoding) when the bytes do not decode, :class:`InputTooLargeError` for a file longer
    than one page can be (as :func:`parse`), and :class:`UnreadableInputError`
    (:class:`InputNotFoundError`, :class:`InputPermissionError`) when the file cannot be
    read. With ``decode_errors="replace"`` bytes that do not decode (a bad byte in an
    otherwise UTF-8 file) are replaced by U+FFFD, and the Article's first note gives their
    byte offsets; ``decode_errors`` other than ``"strict"`` or ``"replace"`` is a
    ``ValueError``.
    """
    document = read_document(path, encoding=encoding, decode_errors=decode_errors)
    article = parse(
        document.text,
        source=document.source,
        published=published,
        default_tz=default_tz,
        lexicon=lexicon,
        site=site,
    )
    return with_notes(article, document.notes)


def with_notes(article: Article, notes: tuple[str, ...]) -> Article:
    """The article with ``notes`` (what loading its page noted) before its own."""
    return attrs.evolve(article, notes=(*notes, *article.notes)) if notes else article


def _utc(zone: dt.tzinfo) -> str:
    """``UTC+08:00`` for a fixed zone."""
    offset = zone.utcoffset(None) or dt.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _first_text(blocks: list[Block], kind: BlockKind) -> str | None:
    return next((b.text for b in blocks if b.kind is kind), None)


def _published(
    blocks: list[Block],
    lines: Sequence[Line],
    lex: Lexicon,
    known: DateValue | None,
    default_tz: dt.tzinfo,
    *,
    notes: list[str],
) -> DateValue | None:
    known = in_zone(known, default_tz)
    year = known.year if isinstance(known, (dt.date, dt.datetime)) else None
    datelines = [
        (b, line) for b, line in zip(blocks, lines, strict=True) if b.kind is BlockKind.DATELINE
    ]
    if not datelines:
        return known
    # The page's other dates tell the order of day and month ("12-27-2012" can only be
    # month first); a footer may declare the zone of all its times ("Múi giờ GMT +8").
    # The zone is declared by a line of the page's furniture that opens with the declaration
    # ("Múi giờ GMT +8. Bây giờ là ...", "All times are GMT +7"), never by a sentence that
    # names a zone ("... lúc 23 giờ theo múi giờ GMT+9" tells the time of an event), in the
    # article or in another article's teaser.
    # (a numeric date has digits: the lines with none need no reading)
    month_first = date_order(b.text for b in blocks if _DIGIT.search(b.text)) is True
    declarations = (
        b.text
        for b in blocks
        if not b.kind.is_content
        and starts_with_phrase(fold_key(b.text[:80]), lex.zone_declarations)
    )
    zone = declared_zone(declarations, lexicon=lex)
    if zone is not None:
        notes.append(f"times without a zone read in the page's declared zone {_utc(zone)}")
    for block, line in datelines:
        parts = line.header(lex)
        found = parse_dateline(
            parts.date_text if parts is not None else block.text,
            lexicon=lex,
            default_tz=zone or default_tz,
            year=year,
            month_first=month_first,
        )
        if found is None:
            continue
        if found.value is None:
            notes.append(f"line {block.line}: {found.problem}")
            continue
        return found.value
    return known


def _authors(blocks: list[Block], lines: Sequence[Line], lex: Lexicon) -> tuple[str, ...]:
    """The names of every byline (the header's and the signature's), each name once; the
    names a dateline carries when there is no byline."""
    names: dict[str, str] = {}
    for block in blocks:
        if block.kind is BlockKind.BYLINE:
            for name in signature_names(block.text, lex) or ():
                names.setdefault(fold_key(name), name)
    if names:
        return tuple(names.values())
    for parts in _dateline_parts(blocks, lines, lex):
        if parts.names:
            return parts.names
    return ()


def _view_count(blocks: list[Block], lines: Sequence[Line], lex: Lexicon) -> int | None:
    for block in blocks:
        if block.kind is BlockKind.COUNTER:
            return counter_value(block.text, lex)
    for parts in _dateline_parts(blocks, lines, lex):
        if parts.views is not None:
            return parts.views
    return None


def _dateline_parts(blocks: list[Block], lines: Sequence[Line], lex: Lexicon) -> list[HeaderLine]:
    """What datelines carry besides the date ("Thu Hằng | 19/12/2023 | 1.234 lượt xem")."""
    found = (
        line.header(lex)
        for b, line in zip(blocks, lines, strict=True)
        if b.kind is BlockKind.DATELINE
    )
    return [parts for parts in found if parts is not None]


def _paragraphs(blocks: list[Block], lines: Sequence[Line]) -> tuple[str, ...]:
    """The body's text, without the press end mark and the story's source that a paragraph
    names at its end ("... tới./. (TTXVN)" -> "... tới.": the line's prose)."""
    body = [line.prose for b, line in zip(blocks, lines, strict=True) if b.kind is BlockKind.BODY]
    if body:
        body[-1] = strip_end_mark(body[-1])
    return tuple(strip_end_mark(p) if p.endswith("/.") else p for p in body)


def _captions(blocks: list[Block], lines: Sequence[Line], lex: Lexicon) -> tuple[Caption, ...]:
    captions: list[Caption] = []
    for block, line in zip(blocks, lines, strict=True):
        if block.kind is not BlockKind.CAPTION:
            continue
        split = line.credit(lex, caption=True)
        text, credit = split if split is not None else (block.text, None)
        if not text and captions and captions[-1].credit is None:
            # A credit on a line of its own belongs to the caption above it.
            last = captions.pop()
            captions.append(Caption(text=last.text, credit=credit, line=last.line))
        elif text:
            captions.append(Caption(text=text, credit=credit or None, line=block.line))
    return tuple(captions)
