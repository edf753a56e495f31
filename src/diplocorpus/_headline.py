"""The article's opening: its headline, chosen among the headline-shaped lines above the
body by what confirms it (a dateline or byline beside it, the words it shares with the lead,
its copies on the page, the markup's headline), and the dateline, byline and lead under it."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from ._knobs import (
    BELOW_TEXT,
    BODY_WORDS,
    CAPITALS,
    COPY,
    DECK_WORDS,
    DISTANCE,
    IN_A_LIST,
    LEAD_WORDS,
    MAIN_HEADING,
    MARKUP_TITLE,
    NEAR_BYLINE,
    NEAR_DATELINE,
    OPENING_INSIDE,
    OPENING_LINES,
    SENTENCE_WORDS,
    SHARED_WORDS,
    SHORT_HEADLINE,
    TEASER_WORDS,
    TITLE_WORDS,
)
from ._lexicon import Lexicon
from ._meta import (
    byline_names,
    signature_names,
    starts_with_phrase,
)
from ._models import BlockKind
from ._page import (
    HEADLINE_COPY,
    Label,
    Line,
    Soft,
    Zone,
    content_words,
    dated,
    is_kind,
    menu_item,
    real_words,
    soft,
)
from ._text import fold_key

__all__ = [
    "byline_lead",
    "choose_title",
    "mark_opening",
    "mark_title_copies",
    "marked_by",
    "source_label",
]

K = BlockKind


def marked_by(line: Line, headlines: Sequence[str]) -> bool:
    return any(_names(fold_key(h), line.fold) for h in headlines if h.strip())


def _names(marked: str, fold: str) -> bool:
    """True when a headline of the markup names this line: the same words, or the line and
    then a separator ("<headline> - VnExpress", "<headline> | Section | Site")."""
    if not fold or len(fold.split()) < TITLE_WORDS - 2:
        return False
    return marked == fold or (
        marked.startswith(fold) and marked[len(fold) : len(fold) + 3].strip()[:1] in _TITLE_SEPS
    )


_TITLE_SEPS = frozenset("-–—|:·•,")


def _lead_words(page: Sequence[Line], labels: Sequence[Label | None], zone: Zone) -> set[str]:
    words: list[str] = []
    for line in page[zone.start : zone.end + 1]:
        if labels[line.index] is None and line.body_like:
            need = LEAD_WORDS - len(words)
            # (a text folds word by word: the fold of its first words is enough)
            first = line.fold or fold_key(" ".join(line.text.split(maxsplit=need)[:need]))
            words.extend(first.split()[:need])
            if len(words) >= LEAD_WORDS:
                break
    return content_words(" ".join(words))


def choose_title(
    page: Sequence[Line],
    labels: Sequence[Label | None],
    zone: Zone,
    lex: Lexicon,
    headlines: Sequence[str],
) -> Line | None:
    """The headline of the article's opening: the headline-shaped line above the body that
    the most evidence points at (its dateline and byline, the words it shares with the
    lead, its copies on the page, the markup's headline), if any is good enough."""
    folds: dict[str, list[int]] = {}
    free_heads: dict[str, list[int]] = {}  # the free headline-shaped lines of each fold
    subheads = [0]  # how many free headline-shaped lines are above each line
    for line in page:
        fold = line.fold
        if fold:
            folds.setdefault(fold, []).append(line.index)
        free_head = labels[line.index] is None and line.headline_like
        if free_head:
            free_heads.setdefault(fold, []).append(line.index)
        subheads.append(subheads[-1] + free_head)
    opening = _Opening(
        page=page,
        labels=labels,
        zone=zone,
        lex=lex,
        lead=_lead_words(page, labels, zone) - lex.function_words,
        marked=tuple(fold_key(h) for h in headlines if h.strip()),
        folds=folds,
        free_heads=free_heads,
        subheads=subheads,
        every_fold="".join(f"\n{line.fold}" for line in page),
    )
    candidates: list[tuple[float, int, Line]] = []
    seen: set[int] = set()
    inside = [
        line
        for line in page[zone.start : min(zone.end, zone.start + OPENING_INSIDE) + 1]
        if not line.body_like and dated(page, labels, line)
    ]
    for line in [*_opening_window(page, labels, zone.start), *inside]:
        # A headline printed again near the body (a sticky bar) stands for the first copy.
        for index in [line.index, *folds.get(line.fold, [])]:
            if index in seen or index > zone.start + OPENING_INSIDE:
                continue
            seen.add(index)
            candidate = page[index]
            if _title_shaped(candidate, labels[index]):
                candidates.append((opening.score(candidate), -index, candidate))
    if not candidates:
        return None
    score, _index, best = max(candidates, key=lambda c: (c[0], c[1]))
    return best if score >= 0 else None


@attrs.frozen(kw_only=True)
class _Opening:
    """What a headline candidate is weighed against."""

    page: Sequence[Line]
    labels: Sequence[Label | None]
    zone: Zone
    lex: Lexicon
    lead: set[str]
    marked: tuple[str, ...]
    folds: dict[str, list[int]]
    free_heads: dict[str, list[int]]
    subheads: list[int]
    every_fold: str  # every line's fold, each after a line break
    # What depends on a candidate's words alone, computed once for all its copies.
    by_fold: dict[str, _FoldScore] = attrs.field(factory=dict)
    # What depends on a line's text alone, read once for all the lines printing that text
    # (a headline printed again and again above the body): a byline's, too short a title.
    bylines: dict[str, bool] = attrs.field(factory=dict)
    shorts: dict[str, bool] = attrs.field(factory=dict)

    def score(self, line: Line) -> float:
        page, labels, zone, lex = self.page, self.labels, self.zone, self.lex
        fold = self._fold_score(line)
        score = fold.markup
        if line.evidence is not None and line.evidence.heading == 1:
            score += MAIN_HEADING
        if dated(page, labels, line):
            score += NEAR_DATELINE
        below = page[line.index + 1] if line.index + 1 < zone.start else None
        if below is not None and (self._byline(below) or byline_lead(page, below, lex)):
            score += NEAR_BYLINE
        score += fold.shared
        score += fold.copies
        if self._short(line):
            score -= SHORT_HEADLINE
        if _in_a_list(page, line):
            score -= IN_A_LIST
        if line.text.isupper():
            score -= CAPITALS
        # Free headline-shaped lines between it and the body would be its subheadings; free
        # prose above it means it is a subheading of that prose.
        low, high = line.index + 1, max(line.index + 1, zone.start)
        copies = self.free_heads.get(line.fold, [])
        copies_between = bisect.bisect_left(copies, high) - bisect.bisect_left(copies, low)
        score -= DISTANCE * (self.subheads[high] - self.subheads[low] - copies_between)
        above = page[max(0, line.index - OPENING_LINES) : line.index]
        if any(
            labels[o.index] is None
            and o.body_like
            and o.words >= TEASER_WORDS[0]
            and not (o.index > 0 and page[o.index - 1].fold == line.fold)
            for o in above
        ):
            # (the text under a copy of the headline is that photo's caption, not prose)
            score -= BELOW_TEXT
        return score

    def _byline(self, line: Line) -> bool:
        """True when the line is a byline (:func:`byline_names`); once for each text."""
        found = self.bylines.get(line.text)
        if found is None:
            found = self.bylines[line.text] = bool(byline_names(line.text, self.lex))
        return found

    def _short(self, line: Line) -> bool:
        """True when the line has too few words for a headline; once for each text."""
        found = self.shorts.get(line.text)
        if found is None:
            found = self.shorts[line.text] = real_words(line) < TITLE_WORDS
        return found

    def _fold_score(self, line: Line) -> _FoldScore:
        """What the candidate's words give its score; once for all the copies of a fold."""
        found = self.by_fold.get(line.fold)
        if found is not None:
            return found
        words = content_words(line.fold) - self.lex.function_words
        found = _FoldScore(
            markup=MARKUP_TITLE if any(_names(m, line.fold) for m in self.marked) else 0.0,
            shared=SHARED_WORDS * len(words & self.lead) / len(words) if words else 0.0,
            copies=COPY * min(self._copies(line), 2),
        )
        self.by_fold[line.fold] = found
        return found

    def _copies(self, line: Line) -> int:
        """Other lines that print the candidate again, alone or with more after it (an
        image's alt "<headline> 2", a breadcrumb's last item)."""
        copies = len(self.folds.get(line.fold, [])) - (1 if line.fold else 0)
        return copies + self.every_fold.count(f"\n{line.fold} ")


@attrs.frozen(kw_only=True)
class _FoldScore:
    """The part of a headline candidate's score its words give: the markup names them, the
    lead shares them, the page prints them again."""

    markup: float
    shared: float
    copies: float


def _opening_window(page: Sequence[Line], labels: Sequence[Label | None], start: int) -> list[Line]:
    """The lines above the body where the headline is looked for, nearest first."""
    return list(reversed(page[max(0, start - OPENING_LINES) : start]))


def _title_shaped(line: Line, label: Label | None) -> bool:
    if not line.headline_like or (line.body_like and line.words >= BODY_WORDS):
        return False
    if label is None:
        return True
    # Structures may have taken the headline for a link of a list; line rules may not.
    return soft(label) or label == HEADLINE_COPY


def _in_a_list(page: Sequence[Line], line: Line) -> bool:
    def listed(i: int) -> bool:
        return 0 <= i < len(page) and page[i].headline_like and not page[i].body_like

    above = line.glued_above and listed(line.index - 1)
    below = line.glued_below and listed(line.index + 1)
    return above and below


def mark_title_copies(page: list[Line], labels: list[Label | None], title: Line | None) -> None:
    if title is None:
        return
    for line in page:
        if line.index == title.index or not line.fold:
            continue
        label = labels[line.index]
        if line.fold == title.fold and (label is None or soft(label)):
            labels[line.index] = HEADLINE_COPY


def mark_opening(
    page: list[Line], labels: list[Label | None], start: int, zone: Zone, lex: Lexicon
) -> None:
    """Between the headline and the body: the dateline, the byline, the lead; a box of
    links set between the lead and the body stays the site's."""
    in_box = False
    known = _dateline_names(page[start + 1 : zone.start], labels, lex)
    for line in page[start + 1 : zone.start]:
        label = labels[line.index]
        if label is None and fold_key(line.text) in known:
            labels[line.index] = (K.BYLINE, "the author the dateline names")
            continue
        if label is not None and (label[0] is K.SECTION_LABEL or _in_box(label)):
            in_box = True
        if in_box:
            if label is None:
                labels[line.index] = (K.BODY, "text between a box of links and the body")
            continue
        if line.is_link and (byline_names(line.text, lex) or _after_byline_lead(page, line, lex)):
            labels[line.index] = (K.BYLINE, "author names under the headline (a link)")
            continue
        if label is not None and not (soft(label) and line.body_like):
            continue
        if line.body_like:
            labels[line.index] = (K.BODY, "the lead, under the headline")
        elif source_label(line, lex):
            labels[line.index] = (K.SOURCE_LABEL, "the story's source under the headline")
        elif byline_names(line.text, lex) or byline_lead(page, line, lex):
            labels[line.index] = (K.BYLINE, "author names under the headline")
        elif menu_item(line):
            labels[line.index] = (K.NAVIGATION, "short label in the article's header")
        elif line.words >= DECK_WORDS or (line.final == ":" and line.words >= SENTENCE_WORDS):
            labels[line.index] = (
                K.BODY,
                "text under the headline (a deck, or a sentence that leads in)",
            )
        else:
            labels[line.index] = (K.HEADER, "a label in the article's header, not a sentence")


def _dateline_names(
    lines: Sequence[Line], labels: Sequence[Label | None], lex: Lexicon
) -> frozenset[str]:
    """The names the datelines among ``lines`` give ("... bắt đầu bởi minhduc_vf8, ...")."""
    names: set[str] = set()
    for line in lines:
        if is_kind(labels[line.index], K.DATELINE):
            parts = line.header(lex)
            if parts is not None:
                names.update(fold_key(name) for name in parts.names)
    return frozenset(names)


def _after_byline_lead(page: Sequence[Line], line: Line, lex: Lexicon) -> bool:
    """True for the name under a byline's first word on a line of its own ("by" / "Admin"):
    a handle may be any word."""
    return line.index > 0 and page[line.index - 1].fold in lex.byline_prefixes and line.words <= 3


def _in_box(label: Label) -> bool:
    """True for the labels of a list of links (a box of related articles)."""
    return type(label) is Soft and label[0] is K.RELATED


def source_label(line: Line, lex: Lexicon) -> bool:
    """True for a byline's lead and no name after it ("Theo TTXVN", "Nguồn: VnExpress"):
    where the story comes from, not who wrote it (the same rule as after the body)."""
    names = signature_names(line.text, lex)
    return names is not None and not names and starts_with_phrase(line.fold, lex.byline_prefixes)


def byline_lead(page: Sequence[Line], line: Line, lex: Lexicon) -> bool:
    """A byline's first word on a line of its own ("by" above "Admin")."""
    if line.fold not in lex.byline_prefixes or line.index + 1 >= len(page):
        return False
    return bool(byline_names(page[line.index + 1].text, lex))
