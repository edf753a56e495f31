"""Tokens: the words of a line with their spans, sentences, and the phrase lookup the
people, statement and event stages share.

A line's :class:`Tokens` hold, for each word, its text without the punctuation around it
(kept in ``lead`` and ``trail``) and its folded ``key``, column by column:
``tokens.key[k]`` is word ``k``'s key. Initials stay with the name they belong to ("Antony
J. Blinken": the "." after "J" ends nothing), and a full stop inside quotation marks does
not end a sentence. :func:`foreign` tells a word that cannot be a Vietnamese syllable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator

import attrs

from ._lexicon import Lexicon
from ._meta import split_credit
from ._models import Article, BlockKind
from ._text import fold_key, strip_diacritics

__all__ = [
    "Tokens",
    "foreign",
    "is_dash",
    "key_of",
    "phrase_at",
    "sentence_spans",
    "text_units",
    "tokenize",
    "word_at",
]

# A name written with initials: "J." in "Antony J. Blinken", "M.Servigon", "S.E".
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]*")
# A name word joined by hyphens: "Sang-sik", "Jean-Pierre".
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_DASHES = frozenset("-–—")
_OPENERS = "\"“‘'([«"
_CLOSERS = "\"”’')]».,;:!?…"
_STOPS = frozenset(",;:.!?…")
_ENDS = frozenset(".!?…")  # what ends a sentence


_SHOWN = 8  # words a repr shows


@attrs.frozen(slots=True, repr=False)
class Tokens:
    """The words of a line, a column for each of their facts: word ``k`` is ``text[k]``
    (its core, without the punctuation around it), from ``start[k]`` to ``end[k]`` of the
    line, and so on.

    Columns of plain values, not an object for each word: a line may have a hundred
    thousand words, and Python's garbage collector walks every object that can hold others
    each time it looks for cycles (a tuple of strings, numbers and booleans it stops
    walking).
    """

    text: tuple[str, ...] = ()
    start: tuple[int, ...] = ()
    end: tuple[int, ...] = ()
    lead: tuple[str, ...] = ()  # opening punctuation: "“", "("
    trail: tuple[str, ...] = ()  # closing punctuation: ",", "”."
    key: tuple[str, ...] = ()  # the text folded
    # A name syllable: a capital, then lowercase letters ("Nguyễn", "Sơn").
    capitalised: tuple[bool, ...] = ()
    # Punctuation after the word ends a phrase (, ; : . ! ?).
    stops: tuple[bool, ...] = ()

    def __len__(self) -> int:
        return len(self.key)

    def __repr__(self) -> str:
        shown = " ".join(self.text[:_SHOWN])
        more = " ..." if len(self) > _SHOWN else ""
        return f"<Tokens: {len(self)} words: {shown}{more}>"

    def __getitem__(self, words: slice) -> Tokens:
        """The words of ``words`` (a slice), as tokens of their own; one word is read from
        the columns (``key[k]``), so an index is a ``TypeError``."""
        if not isinstance(words, slice):
            raise TypeError(f"Tokens takes a slice, not {type(words).__name__}: read key[k]")
        return Tokens(
            self.text[words],
            self.start[words],
            self.end[words],
            self.lead[words],
            self.trail[words],
            self.key[words],
            self.capitalised[words],
            self.stops[words],
        )


def _stops(trail: str) -> bool:
    return bool(trail) and not _STOPS.isdisjoint(trail)


def _name_word(core: str) -> bool:
    """A capital, then lowercase letters ("Nguyễn"), initials ("J.", "M.Servigon") or
    hyphenated parts that are each so ("Sang-sik", "Jean-Pierre", "Timor-Leste")."""
    if not core[:1].isupper():
        return False
    if core.isalpha():
        return len(core) == 1 or core[1:].islower()
    if "." in core:
        return _DOTTED.fullmatch(core) is not None
    if "-" in core and _HYPHENATED.fullmatch(core) is not None:
        return all(part[1:].islower() for part in core.split("-"))
    return False


def tokenize(text: str) -> Tokens:
    """The words of ``text``: each run of non-space characters, its opening and closing
    punctuation set apart (``lead``, ``trail``); punctuation standing alone ends the word
    before it."""
    cores: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    leads: list[str] = []
    trails: list[str] = []
    keys: list[str] = []
    capitals: list[bool] = []
    stopping: list[bool] = []
    facts_of = _RUN_FACTS.get
    find = text.find
    initials: list[int] = []  # "J." in "Antony J. Blinken"
    at = 0
    for run in text.split():
        start = find(run, at)
        facts = facts_of(run) or _run_facts(run)
        offset, size, core, lead, trail, key, capitalised, stops, kind = facts
        at = start + size
        if kind:
            if kind == _PUNCTUATION:
                if cores and not _STOPS.isdisjoint(run):
                    # "An , Giám đốc": punctuation standing alone ends the word before it
                    trails[-1] += run
                    stopping[-1] = True
                    if _initial(cores[-1], trails[-1]):
                        initials.append(len(cores) - 1)
                continue
            initials.append(len(cores))
        start += offset
        cores.append(core)
        starts.append(start)
        ends.append(start + len(core))
        leads.append(lead)
        trails.append(trail)
        keys.append(key)
        capitals.append(capitalised)
        stopping.append(stops)
    for k in initials:
        # "J." before a capitalised word is an initial of a name: its stop ends nothing.
        after = k + 1
        if (
            after < len(cores)
            and capitals[after]
            and not leads[after]
            and _initial(cores[k], trails[k])
        ):
            cores[k] += "."
            ends[k] += 1
            trails[k] = ""
            keys[k] += "."
            capitals[k] = _name_word(cores[k])
            stopping[k] = False
    return Tokens(
        tuple(cores),
        tuple(starts),
        tuple(ends),
        tuple(leads),
        tuple(trails),
        tuple(keys),
        tuple(capitals),
        tuple(stopping),
    )


def _initial(core: str, trail: str) -> bool:
    return len(core) == 1 and core.isupper() and trail == "."


_PLAIN, _PUNCTUATION, _INITIAL = 0, 1, 2  # kinds of run
_RunFacts = tuple[int, int, str, str, str, str, bool, bool, int]
# What a run of non-space characters says, whatever line it is on: its opening punctuation,
# its core and its closing punctuation, the core's folded key and whether it is a name
# syllable. Words recur (a language has some thousands of syllables): each run is read once.
_RUN_FACTS: dict[str, _RunFacts] = {}
_RUN_FACTS_MAX = 1 << 16


def _run_facts(run: str) -> _RunFacts:
    rest = run.lstrip(_OPENERS)
    core = rest.rstrip(_CLOSERS)
    lead, trail = run[: len(run) - len(rest)], rest[len(core) :]
    stops = bool(trail) and not _STOPS.isdisjoint(trail)
    if not core:
        kind = _PUNCTUATION
    elif trail == "." and len(core) == 1 and core.isupper():
        kind = _INITIAL
    else:
        kind = _PLAIN
    facts = (len(lead), len(run), core, lead, trail, fold_key(core), _name_word(core), stops, kind)
    if len(_RUN_FACTS) >= _RUN_FACTS_MAX:
        _RUN_FACTS.clear()  # bounded: a corpus's vocabulary drifts, the table starts again
    _RUN_FACTS[run] = facts
    return facts


def is_dash(tokens: Tokens, k: int) -> bool:
    """True for a dash standing alone between words ("“...” - ông Sơn cho hay")."""
    return tokens.text[k] in _DASHES and not tokens.lead[k]


def sentence_spans(tokens: Tokens) -> Iterator[tuple[int, int]]:
    """Token spans of sentences; a full stop inside quotation marks does not end one."""
    first = 0
    depth = 0
    leads, trails = tokens.lead, tokens.trail
    # Only a word with marks around it opens or closes a quotation or ends a sentence.
    for k in [k for k, lead in enumerate(leads) if lead or trails[k]]:
        lead, trail = leads[k], trails[k]
        if lead:
            depth += lead.count("“") + lead.count('"') % 2
        if not trail:
            continue
        depth -= trail.count("”") + trail.count('"') % 2
        if depth <= 0 and not _ENDS.isdisjoint(trail):
            yield first, k
            first = k + 1
            depth = 0
    if first < len(tokens):
        yield first, len(tokens) - 1


def text_units(article: Article, lexicon: Lexicon) -> Iterator[tuple[int, str, BlockKind]]:
    """The lines where people are named: title, body and the text of captions (as the
    parser split it from the photo's credit)."""
    captions = {caption.line: caption.text for caption in article.captions}
    for block in article.blocks:
        if block.kind in {BlockKind.TITLE, BlockKind.BODY}:
            yield block.line, block.text, block.kind
        elif block.kind is BlockKind.CAPTION:
            if block.line in captions:
                yield block.line, captions[block.line], block.kind
                continue
            split = split_credit(block.text, lexicon, caption=True)
            text = split[0] if split is not None else block.text
            if text:
                yield block.line, text, block.kind


def word_at(tokens: Tokens, k: int) -> str:
    """The folded word at ``k`` (empty outside the tokens)."""
    return tokens.key[k] if 0 <= k < len(tokens) else ""


def key_of(keys: Iterable[str]) -> str:
    """Folded words (a slice of :attr:`Tokens.key`), joined by spaces: the form lexicon
    phrases take."""
    return " ".join(keys)


def phrase_at(
    tokens: Tokens,
    k: int,
    phrases: Collection[str],
    *,
    longest: int,
    last: int | None = None,
    prefixes: Collection[str] | None = None,
) -> int:
    """Words of the longest of ``phrases`` (folded) that starts at token ``k`` and ends by
    token ``last`` (the last token when None), or 0.

    A phrase does not run over punctuation that ends a phrase ("Bí thư, Tỉnh ủy" is not
    "Bí thư Tỉnh ủy") nor into an opening quotation mark. With ``prefixes``, the phrases'
    shorter word prefixes (:attr:`Lexicon.prefixes`), the lookup stops at the first word
    that no phrase goes on with.
    """
    end = min(len(tokens), k + longest, len(tokens) if last is None else last + 1)
    if end <= k:
        return 0
    keys, stops, leads = tokens.key, tokens.stops, tokens.lead
    if prefixes is not None:
        found = 0
        phrase = keys[k]
        size = 1
        while True:
            if phrase in phrases:
                found = size
            nxt = k + size
            if nxt >= end or stops[nxt - 1] or leads[nxt] or phrase not in prefixes:
                return found
            phrase = f"{phrase} {keys[nxt]}"
            size += 1
    # The words a phrase may span: up to a stop, or to a word an opening quote leads.
    limit = k + 1
    while limit < end and not stops[limit - 1] and not leads[limit]:
        limit += 1
    words = keys[k:limit]
    for size in range(limit - k, 0, -1):
        if " ".join(words[:size]) in phrases:
            return size
    return 0


# One Vietnamese syllable, its tone marks and vowel marks taken off: an onset, a vowel
# nucleus, a final consonant. A capitalised word that is not one is written in another
# language: "Widodo", "Price", "Blinken", "Vongphakdi" (not "Hun", "Sen").
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


@functools.lru_cache(maxsize=1 << 14)  # words recur: each is looked at once
def foreign(word: str) -> bool:
    """True when ``word`` cannot be a Vietnamese syllable (it has letters Vietnamese does not
    use, a cluster, a final consonant it does not have, or initials)."""
    if "." in word or "-" in word:
        return True
    bare = strip_diacritics(word.casefold())
    return bare.isalpha() and _SYLLABLE.fullmatch(bare) is None
