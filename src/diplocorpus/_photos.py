"""The article's photos: the caption under each photo (in a photo story, under every one),
short lines that describe a photo, and the photos at the edges of the article."""

from __future__ import annotations

from collections.abc import Sequence

from ._knobs import (
    CAPTION_WORDS,
    CUE_CAPTION_COMMAS,
    CUE_CAPTION_WORDS,
    MENU_WORDS,
    PHOTO_CAPTION_SENTENCES,
    PHOTO_CAPTION_WORDS,
    PHOTO_GAP,
    SHORT_SHARE,
    STORY_PHOTOS,
    STORY_SHARE,
)
from ._lexicon import Lexicon
from ._meta import (
    byline_names,
    starts_with_phrase,
)
from ._models import BlockKind
from ._page import (
    CLOSERS,
    Label,
    Line,
    Repeated,
    Zone,
    describes,
    is_kind,
    is_photo,
    soft,
)
from ._rules import SEE_ALSO

__all__ = [
    "mark_cue_captions",
    "mark_photo_captions",
    "photo_run",
]

K = BlockKind


def mark_photo_captions(
    page: list[Line], labels: list[Label | None], zone: Zone, lex: Lexicon
) -> None:
    """The text right under a photo is its caption, when the texts under the page's photos
    are no longer than its other paragraphs (a photo story, not prose with pictures
    between). A caption printed again under another photo is that photo's alt text."""
    first_copy: dict[str, int] = {}
    for line in page:
        if not is_kind(labels[line.index], K.IMAGE_ALT):
            first_copy.setdefault(line.fold, line.index)
    under: list[Line] = []
    low, high = _photo_span(page, labels, zone)
    for line in page[low : high + 1]:
        if line.evidence is not None and line.evidence.inside is False:
            continue  # the photos of the site's boxes
        if line.evidence is not None and line.evidence.photo:
            j = line.index  # the markup shows the photo right above this line
        elif is_kind(labels[line.index], K.IMAGE_ALT):
            j = line.index + 1
        else:
            continue
        if j >= len(page) or not describes(page[j]) or (under and under[-1].index == j):
            continue
        below = labels[j]
        if below is None or (soft(below) and not isinstance(below, Repeated)):
            under.append(page[j])
    if not under:
        return
    photos = {line.index for line in under}
    others = [
        ln.words
        for ln in page[zone.start : zone.end + 1]
        if labels[ln.index] is None and ln.body_like and ln.index not in photos
    ]
    typical = sorted(others)[len(others) // 2] if others else PHOTO_CAPTION_WORDS
    middle = sorted(ln.words for ln in under)[len(under) // 2]
    story = (
        len(under) >= STORY_PHOTOS and len(under) >= len(others) and middle <= STORY_SHARE * typical
    )
    seen: set[str] = set()
    for line in under:
        if not _caption_shaped(line, lex):
            continue
        if line.fold in seen:
            labels[line.index] = (K.IMAGE_ALT, "a caption printed again: a photo's alt text")
            continue
        if first_copy[line.fold] != line.index:
            continue  # a copy of a line above that is not a caption (the lead printed again)
        # In a photo story every text under a photo is its caption. Elsewhere prose goes on
        # after a paragraph under a photo, while after a caption comes the next photo, a
        # subheading or the end; and a text a third as long as the page's paragraphs is a
        # caption anyway.
        short = line.words * SHORT_SHARE <= typical
        alone = line.words <= CAPTION_WORDS and not _prose_follows(page, labels, line)
        if line.evidence is not None:
            # The markup shows a caption as one: in italics, as most sites set them.
            alone = short = line.evidence.italic
        if not (story or short or alone):
            continue
        seen.add(line.fold)
        labels[line.index] = (K.CAPTION, "the text right under a photo")


def _photo_span(
    page: Sequence[Line], labels: Sequence[Label | None], zone: Zone
) -> tuple[int, int]:
    """The zone widened over the photos that follow on from it: photos a few lines apart
    from the zone, or from each other, are the article's (a photo story runs past the
    prose); photos further away are the site's."""
    photos = [
        line.index
        for line in page
        if is_kind(labels[line.index], K.IMAGE_ALT)
        or (line.evidence is not None and line.evidence.photo)
    ]
    low, high = zone.start, zone.end
    for index in photos:
        if high < index <= high + PHOTO_GAP:
            high = index + 1
    for index in reversed(photos):
        if low - PHOTO_GAP <= index < low:
            low = index
    return max(0, low), min(len(page) - 1, high)


def _prose_follows(page: Sequence[Line], labels: Sequence[Label | None], line: Line) -> bool:
    """True when a paragraph comes right after the line (not a photo, not its caption)."""
    following = page[line.index + 1] if line.index + 1 < len(page) else None
    if following is None or labels[following.index] is not None or not following.body_like:
        return False
    return following.evidence is None or not following.evidence.photo


def _caption_shaped(line: Line, lex: Lexicon) -> bool:
    if line.words > PHOTO_CAPTION_WORDS or line.final in {":", ";"} or line.has_url:
        return False
    if byline_names(line.text, lex) is not None:
        return False  # a signature under the last photo
    sentences = sum(line.text.count(mark) for mark in (". ", "? ", "! ")) + 1
    return sentences <= PHOTO_CAPTION_SENTENCES


def mark_cue_captions(
    page: list[Line], labels: list[Label | None], lex: Lexicon, *, after: int
) -> None:
    for line in page[after + 1 :]:
        if labels[line.index] is None and _describes_photo(line, lex):
            labels[line.index] = (K.CAPTION, "short line describing a photo")


def _describes_photo(line: Line, lex: Lexicon) -> bool:
    """A caption no photo, credit or markup shows: a short description of one scene (no
    list of clauses) that says what a photo shows (a cue: "phát biểu tại", "Quang cảnh")."""
    if line.words > CUE_CAPTION_WORDS or line.final in {":", ";", ","}:
        return False
    if line.text.count(",") > CUE_CAPTION_COMMAS:
        return False
    inner = line.text.rstrip(CLOSERS + ".")
    if any(inner.count(mark) for mark in (". ", "? ", "! ", ": ")):
        return False  # more than one sentence, or a quotation: a paragraph
    words = [w.strip(_WORD_PUNCT) for w in line.fold.split()]
    if any(_is_day_month(w) for w in words[:5]):
        return False  # opens with a time ("Chiều 19/12, ..."): a news sentence
    if starts_with_phrase(line.fold, lex.narrative_openers):
        return False  # "Sau hội đàm, ...": the story goes on
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3, 4) for i in range(len(words))}
    return bool(grams & lex.caption_cues) and not grams & lex.tense_markers


def _is_day_month(word: str) -> bool:
    parts = word.replace("-", "/").split("/")
    return 2 <= len(parts) <= 3 and all(p.isdigit() and len(p) <= 4 for p in parts)


def photo_run(
    page: Sequence[Line], labels: Sequence[Label | None], edge: int, step: int
) -> set[int]:
    run: set[int] = set()
    i = edge + step
    while 0 <= i < len(page):
        label = labels[i]
        if not is_photo(label) and _between_photos(page[i], label):
            # a toolbar's text or a "see also" link between two photos
            beyond = i + step
            if 0 <= beyond < len(page) and is_photo(labels[beyond]):
                i = beyond
                continue
        if not is_photo(label):
            break
        run.add(i)
        i += step
    return run


def _between_photos(line: Line, label: Label | None) -> bool:
    if label is None:
        return line.words <= MENU_WORDS and not line.body_like and ":" not in line.text
    return label[0] is K.WIDGET or (label[0] is K.RELATED and label[1] == SEE_ALSO)


_WORD_PUNCT = ".,:;!?\"'“”‘’()[]"
