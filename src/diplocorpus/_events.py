"""Stage 6, events: what happened, when and where, in one article.

An event is named by a head word of the ``event_kinds`` lexicon ("Hội nghị", "Đại hội",
"Phiên họp", "chuyến thăm", "điện đàm", "họp báo", ...) and what follows it: capitalised words
and ``event_qualifiers`` ("Hội nghị Ngoại giao", "Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN"), the
name of a body (``event_bodies``: "Hội nghị Hội đồng điều phối ASEAN", with the lowercase words
that describe it), an ordinal or a list of them ("lần thứ 32", "XIII", "lần thứ 40, 41") that
the body's name may follow ("Phiên họp lần thứ 13 Ủy ban ..."), and a term ("khóa XIII"). A
long name glossed by its acronym is that acronym ("Hiệp hội các quốc gia Đông Nam Á (ASEAN)" is
"ASEAN"). A part of an event named before it is that event ("phiên họp Hội nghị X" is X).

Visits, talks, phone calls, receptions, courtesy calls, audiences, briefings and meetings
between people have no series: they are told apart by who takes part. A head alone ("Hội
nghị đã ...") refers back to the event whose name it begins, the one the article is about
first; when no event has such a name and the sentence dates it, it is an event of its own
("cuộc họp của các Bộ trưởng ngày 10/11").

What a sentence says (dates and ranges, "tại <place>", the attendance mode, the theme in
quotation marks after "chủ đề") belongs to the event it stands by: the nearest event named
before it, or, when it opens a clause ("Sáng 19/12, ..."), the next one. A claim about one
event is specific; one about several named together ("A và B diễn ra từ ngày 18-23/12")
joint, used only where no specific claim exists. A mention in passing ("Nghị quyết Đại hội
XIII", "được Đại hội XIII xác định") is kept, but the event is not one the article reports
(``Event.reported`` is False) and takes only what is written right after its name.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence

import attrs

from ._dates import DateSpan, find_dates
from ._lexicon import Lexicon
from ._models import (
    Article,
    AttendanceMode,
    BlockKind,
    DateValue,
    Event,
    EventClaim,
    EventKind,
    EventMention,
    read_iso_date,
)
from ._people import Mention, Unit, abbreviation, read_units
from ._text import fold_key
from ._tokens import Tokens, key_of, phrase_at

__all__ = ["events_of", "extract_events"]

# The knobs of the event grammar, in words (tokens) unless said otherwise.
_MAX_HEAD_WORDS = 4  # longest event word ("hội nghị cấp cao")
_MAX_NAME_WORDS = 10  # an event's name after its head
_MAX_BODY_WORDS = 8  # lowercase words that describe a body before its proper name
_LOWER_AFTER_CAPITAL = 1  # "Ngoại giao", "Trung ương": a lowercase syllable of a name
_LOWER_IN_PHRASE = 3  # "Tổng lãnh sự quán": lowercase syllables of an office a phrase names
_MAX_ORDINAL = 1000  # "APEC 2017": a year, not an ordinal
_MAX_PLACE_WORDS = 8  # a place after "tại", its country and brackets included
_MAX_BRACKET_WORDS = 6  # "(nước CHDCND Lào)"
_MAX_PHRASE_WORDS = 6  # longest attendance phrase
_ORGANISER_REACH = 40  # words before an event where its organisers are looked for
_THEME_QUOTE_REACH = 12  # characters between a theme label and its opening quotation mark
_MAX_THEME_CHARS = 400  # characters of a theme
_MAX_SAME_ORDINAL = 8  # series with one ordinal in one article that a short name may join

_ACTION_KINDS = frozenset(
    {
        EventKind.VISIT,
        EventKind.TALKS,
        EventKind.PHONE_CALL,
        EventKind.RECEPTION,
        EventKind.COURTESY_CALL,
        EventKind.AUDIENCE,
        EventKind.BRIEFING,
    }
)
_SCOPES = ("specific", "anaphoric", "joint")
_NOT_IN_NAMES = ("stop", "term", "ordinal_lead", "ordinal")  # event_grammar roles
_EDGE = "\"“”‘’'()[],.;:!?…"
_DASHES = frozenset({"-", "–"})
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_ROMAN_LETTERS = frozenset(_ROMAN)


@attrs.frozen(kw_only=True, slots=True)
class _Words:
    """The lexicon's words this stage reads, gathered once per call."""

    roles: Mapping[str, frozenset[str]]
    years: frozenset[str]  # "135 năm": a count of years after a number
    dated: frozenset[str]  # words of dates: never part of a place or a name
    leads: frozenset[str]  # words that may stand between a clause's start and its date
    passing_words: int  # words of the longest ``event_passing`` phrase
    passing_lasts: frozenset[str]  # the last words of the ``event_passing`` phrases
    # For the first word of each event word and attendance phrase, the words of the longest
    # one it begins (at most what is looked for: _MAX_HEAD_WORDS, _MAX_PHRASE_WORDS).
    kinds: Mapping[str, EventKind]  # the kind of each event word
    not_in_names: frozenset[str]  # the grammar words of the roles of _NOT_IN_NAMES
    # The first words of what a sentence is searched for: event words, attendance phrases,
    # theme labels, "tại".
    heads: frozenset[str]
    modes: frozenset[str]
    themes: frozenset[str]
    place_leads: frozenset[str]
    firsts: frozenset[str]  # the four above

    @classmethod
    def of(cls, lex: Lexicon) -> _Words:
        """The words of ``lex``, gathered once per lexicon."""
        return lex.derived("events", cls._gather)

    @classmethod
    def _gather(cls, lex: Lexicon) -> _Words:
        dates = lex.date_word_roles
        words = {
            w
            for role in ("day", "month", "year", "from", "until", "through")
            for phrase in dates[role]
            for w in phrase.split()
        }
        words.update(lex.day_period_index)
        words.update(w for phrase in lex.relative_day_index for w in phrase.split())
        firsts = lex.first_words
        heads, modes, themes = firsts["event_kinds"], firsts["event_modes"], firsts["theme_labels"]
        place_leads = lex.event_grammar_roles["place_lead"]
        return cls(
            roles=lex.event_grammar_roles,
            years=dates["year"],
            dated=frozenset(words),
            leads=frozenset(words - {w for p in dates["month"] | dates["year"] for w in p.split()}),
            passing_words=max((len(p.split()) for p in lex.event_passing), default=0),
            passing_lasts=frozenset(p.rsplit(" ", 1)[-1] for p in lex.event_passing),
            kinds={head: EventKind(kind) for head, kind in lex.event_kind_index.items()},
            not_in_names=frozenset().union(*(lex.event_grammar_roles[r] for r in _NOT_IN_NAMES)),
            heads=heads,
            modes=modes,
            themes=themes,
            place_leads=place_leads,
            firsts=heads | modes | themes | place_leads,
        )

    def has(self, role: str, key: str) -> bool:
        """The folded word ``key`` is one of the grammar words of ``role``."""
        return key in self.roles[role]

    def continues(self, tokens: Tokens, j: int) -> bool:
        """A lowercase word that may be part of a name ("giao" of "Ngoại giao"): not a
        grammar word ("tại", "đã", "khóa"), a date word ("ngày") or what the event does
        ("diễn ra")."""
        text, key = tokens.text[j], tokens.key[j]
        return (
            text.isalpha()
            and text.islower()
            and key not in self.not_in_names
            and key not in self.dated
            and not phrase_at(tokens, j, self.roles["predicate"], longest=3)
        )


@attrs.frozen(kw_only=True, slots=True)
class _Found:
    """An event named in a sentence (one ordinal of a list: one _Found each)."""

    kind: EventKind
    head: str  # the event word, folded: what a bare head is compared with
    action: bool  # told apart by who takes part, not by a series
    series: str | None
    ordinal: int | None
    term: int | None
    name: str
    phrase: str  # the name with what describes it ("cuộc họp báo của Bộ Ngoại giao")
    bare: bool
    passing: bool
    general: bool  # "các hội nghị", "45 chuyến thăm": no one event
    someone: bool  # a person or an office right after an action's words ("tiếp kiến Tổng thống")
    first: int  # tokens of the sentence
    last: int
    mention: EventMention

    @property
    def named(self) -> bool:
        return not self.bare


@attrs.frozen(slots=True)
class _Identity:
    """Who an event is: its series folded (without the words that name no series in
    particular), ordinal and term; without an ordinal, its series and start. Drafts are
    found by it; :meth:`key` writes it as :attr:`Event.key`, never to be read back."""

    series: str
    ordinal: int | None
    term: int | None
    start: DateValue | None = None  # only for an event without ordinal

    def key(self) -> str:
        if self.ordinal is not None:
            term = f" term {self.term}" if self.term is not None else ""
            return f"{self.series} #{self.ordinal}{term}"
        return f"{self.series} @{self.start.isoformat() if self.start is not None else '?'}"


@attrs.define(slots=True)
class _Draft:
    """An event being built from its mentions and claims."""

    found: list[_Found] = attrs.field(factory=list)
    claims: list[EventClaim] = attrs.field(factory=list)
    participants: dict[str, str] = attrs.field(factory=dict)
    organisers: dict[str, str] = attrs.field(factory=dict)
    in_title: bool = False
    referred: int = 0  # heads alone that refer to it

    def absorb(self, other: _Draft) -> None:
        self.found.extend(other.found)
        self.claims.extend(other.claims)
        self.participants.update(other.participants)
        for key, name in other.organisers.items():
            self.organisers.setdefault(key, name)
        self.in_title |= other.in_title
        self.referred += other.referred

    @property
    def first(self) -> _Found:
        return next((f for f in self.found if f.ordinal is not None), self.found[0])


@attrs.define(slots=True)
class _Book:
    """What the sentences of one article say, gathered before the events are built."""

    named: dict[_Identity, _Draft] = attrs.field(factory=dict)
    actions: list[_Draft] = attrs.field(factory=list)
    bare: dict[str, _Draft] = attrs.field(factory=dict)  # by head
    mode: EventClaim | None = None  # the first body sentence that says how people attend

    def draft(self, item: _Found, lex: Lexicon) -> _Draft | None:
        """The draft a mention goes to (a new one for each visit, talks, ... until they are
        joined); None for events in general ("các hội nghị", "45 chuyến thăm") and a head
        alone named in passing ("sau Hội nghị")."""
        if item.general or (item.passing and item.bare):
            return None
        if item.action:
            self.actions.append(_Draft())
            return self.actions[-1]
        if item.bare:
            return self.bare.setdefault(item.head, _Draft())
        return self.named.setdefault(_identity(item, lex), _Draft())


def extract_events(article: Article, *, lexicon: Lexicon | None = None) -> tuple[Event, ...]:
    """The events the article reports or mentions, the one it is about marked ``main``,
    those named only in passing marked ``reported=False``."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    return events_of(article, read_units(article, lex), lex)


def events_of(article: Article, units: Sequence[Unit], lex: Lexicon) -> tuple[Event, ...]:
    """The events of an article whose lines are already read (see :func:`read_units`)."""
    words = _Words.of(lex)
    year, today = _year(article.published), _today(article.published)
    book = _Book()
    for unit in units:
        line, text, kind, mentions = unit.line, unit.text, unit.kind, unit.mentions
        tokens = mentions.tokens
        people = sorted((m.first, m.last, m.person.key, m.person.name) for m in mentions.people)
        starts = [p[0] for p in people]
        marks = _marks(tokens, words.firsts)
        covered = [False] * len(tokens)
        person_at: set[int] = set()
        for m in mentions.people:
            for first, last in _offices(tokens, m):
                covered[first : last + 1] = [True] * (last - first + 1)
            person_at.update((m.extent_first, m.first))
        for first, last in mentions.sentences:
            marked = marks[bisect.bisect_left(marks, first) : bisect.bisect_right(marks, last)]
            if not marked:
                continue  # no event, attendance phrase, theme or place starts in it
            here = people[bisect.bisect_left(starts, first) : bisect.bisect_right(starts, last)]
            span = (
                tokens.start[first] - len(tokens.lead[first]),
                tokens.end[last] + len(tokens.trail[last]),
            )
            sentence = _Sentence(
                text=text,
                line=line,
                kind=kind,
                tokens=tokens[first : last + 1],
                offset=first,
                people={key: name for _f, end, key, name in here if end <= last},
                line_covered=covered,
                line_person_at=person_at,
                quotes=text.find("“", *span) >= 0,
                marks=[k - first for k in marked],
            )
            _read(sentence, book, lex, words, year=year, today=today)
    return _events(book, article, lex)


def _marks(tokens: Tokens, firsts: frozenset[str]) -> list[int]:
    """The words of a line where something this stage looks for may start: the first words
    of its phrases (``firsts``)."""
    return [k for k, key in enumerate(tokens.key) if key in firsts]


def _offices(tokens: Tokens, mention: Mention) -> list[tuple[int, int]]:
    """The token spans of a person's office: before the name ("Đại sứ Nhật Bản tại Việt
    Nam Ito Naoki"), or set off after it by a comma ("Ito Naoki, Đại sứ ... tại Việt Nam").
    What follows the name without a comma ("Ito Naoki tại Hà Nội") is the sentence's."""
    spans = (
        [(mention.extent_first, mention.first - 1)] if mention.extent_first < mention.first else []
    )
    if mention.extent_last > mention.last and tokens.trail[mention.last].startswith(","):
        spans.append((mention.last + 1, mention.extent_last))
    return spans


def _year(published: object) -> int | None:
    return published.year if isinstance(published, dt.date) else None


def _today(published: object) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else None


@attrs.define(kw_only=True, slots=True, eq=False)  # one per sentence: made cheaply
class _Sentence:
    """A sentence of a line: its tokens, and the people named in it."""

    text: str  # the whole line
    line: int
    kind: BlockKind
    tokens: Tokens
    offset: int  # index of its first token in the line
    people: Mapping[str, str]
    line_covered: Sequence[bool]  # tokens of the line inside a person's mention and office
    line_person_at: Collection[int]  # tokens of the line where a person's mention starts
    quotes: bool  # an opening quotation mark stands in the sentence's characters
    marks: Sequence[int]  # its tokens where something may start (see :func:`_marks`)

    def starting(self, firsts: Collection[str]) -> list[int]:
        """The tokens that are first words of ``firsts``' phrases (a part of ``_Words.firsts``),
        in order: the only places where one of the phrases may start."""
        return [k for k in self.marks if self.tokens.key[k] in firsts]

    def covered(self, k: int) -> bool:
        return self.line_covered[k + self.offset]

    def person_at(self, k: int) -> bool:
        return k + self.offset in self.line_person_at

    @property
    def start(self) -> int:
        return self.tokens.start[0]

    @property
    def end(self) -> int:
        return self.tokens.end[-1] + len(self.tokens.trail[-1])


# -- one sentence ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=True)
class _Claim:
    """What a sentence says, before it is given to an event: ``at`` is the token where the
    words that say it start ("tại", "Sáng" of "Sáng 19/12")."""

    field: str
    value: str
    text: str
    at: int
    ranged: bool = False  # a date of a range ("từ 5 đến 7/9")


def _read(
    sentence: _Sentence,
    book: _Book,
    lex: Lexicon,
    words: _Words,
    *,
    year: int | None,
    today: dt.date | None,
) -> None:
    found = _find_events(sentence, lex, words)
    first_mode = book.mode is None and sentence.kind is BlockKind.BODY
    modes = _modes(sentence, lex, words) if found or first_mode else []
    if first_mode:
        book.mode = next(
            (_event_claim(c, sentence, "joint") for c in modes if c.value != "in_person"), None
        )
    if not found:
        return
    drafts: dict[_Found, _Draft | None] = {}
    for item in found:
        draft = drafts[item] = book.draft(item, lex)
        if draft is None:
            continue
        draft.found.append(item)
        draft.in_title |= sentence.kind is BlockKind.TITLE
        if item.named and not item.passing:
            draft.participants.update(sentence.people)
            for organiser in _organisers(sentence.tokens, item.first, lex, words):
                draft.organisers.setdefault(fold_key(organiser), organiser)
    claims = [
        *_dates(sentence, words, year=year, today=today, lex=lex),
        *_places(sentence, lex, words),
        *_themes(sentence, lex, words),
    ]
    if sentence.kind is not BlockKind.CAPTION:
        claims.extend(modes[:1])  # a photo shows who attended where, not how it was held
    groups = _groups(found, sentence.tokens, words)
    attach = _Attach.of(groups, sentence.tokens)
    # A range is said of an event's days more surely than a day the sentence tells of
    # ("Ngày 4/9, Thủ tướng lên đường dự Hội nghị X, diễn ra từ ngày 5 đến 7/9"): the
    # sentence's ranges come first, the rest in reading order, and a field takes the first
    # claim of the best scope.
    for claim in [c for c in claims if c.ranged] + [c for c in claims if not c.ranged]:
        targets, scope = attach.targets(claim.at)
        for target in targets:
            draft = drafts[target]
            if draft is not None:
                draft.claims.append(_event_claim(claim, sentence, scope))


def _event_claim(claim: _Claim, sentence: _Sentence, scope: str) -> EventClaim:
    return EventClaim(
        field=claim.field, value=claim.value, text=claim.text, line=sentence.line, scope=scope
    )


def _organisers(tokens: Tokens, at: int, lex: Lexicon, words: _Words) -> list[str]:
    """Who organises the event named at token ``at``: the capitalised names, joined by
    commas or "và", just before "tổ chức" ("Bộ Chính trị, Ban Bí thư tổ chức Hội nghị"),
    not the date that opens the sentence ("Ngày 5/3, Bộ Ngoại giao tổ chức ...")."""
    verb = next(
        (
            n
            for n in (4, 3, 2)
            if at - n >= 0 and key_of(tokens.key[at - n : at]) in lex.organiser_verbs
        ),
        0,
    )
    if not verb:
        return []
    chunks: list[list[str]] = [[]]  # the words of each name, as written
    for k in range(at - verb - 1, max(-1, at - verb - 1 - _ORGANISER_REACH), -1):
        key, text = tokens.key[k], tokens.text[k]
        if key in lex.event_grammar_roles["and"]:
            chunks.append([])
            continue
        if tokens.trail[k].startswith(",") and chunks[-1]:
            chunks.append([])
        elif tokens.stops[k]:
            break
        if key in words.dated or any(c.isdigit() for c in text):
            break
        chunks[-1].insert(0, text)
    names = []
    for chunk in chunks:
        if not chunk or not chunk[0][:1].isupper() or len(chunk) > _MAX_NAME_WORDS:
            break
        names.append(" ".join(chunk))
    return names[::-1]


# -- finding events in a sentence ----------------------------------------------------------


def _find_events(sentence: _Sentence, lex: Lexicon, words: _Words) -> list[_Found]:
    tokens = sentence.tokens
    found: list[_Found] = []
    # Only a word that begins an event word may start an event: those are read, in order,
    # from ``k`` on (``k``: the first word not read yet).
    starts = sentence.starting(words.heads)
    if not starts:
        return found
    quoted = _inside_quotes(tokens[: starts[-1] + 1]) if sentence.quotes else None
    k = 0
    for at in starts:
        if at < k:
            continue
        k = at
        size = _head(tokens, k, lex) if quoted is None or not quoted[k] else 0
        if not size:
            continue
        after = k + size
        if (
            after < len(tokens)
            and not tokens.stops[after - 1]
            and tokens.capitalised[after]
            and _head(tokens, after, lex)
        ):
            k = after  # "phiên họp Hội nghị X": a part of X, named as X
            continue
        if key_of(tokens.key[k:after]) in lex.event_object_heads and not _person_follows(
            sentence, after, lex
        ):
            k = after  # "gặp khó khăn", "tiếp tục": no one met
            continue
        items = _event_at(sentence, k, size, lex, words)
        found.extend(items)
        k = items[0].last + 1
    return found


def _person_follows(sentence: _Sentence, k: int, lex: Lexicon) -> bool:
    """A person named, or an office, right at ``tokens[k]``: "gặp Thủ tướng Hun Sen",
    "gặp ông Hun Sen", "tiếp Tổng thống Pháp"."""
    tokens = sentence.tokens
    if k < len(tokens) and tokens.key[k] in lex.honorifics:
        k += 1
    if k >= len(tokens):
        return False
    office = tokens.key[k] in lex.first_words["roles"] and phrase_at(
        tokens, k, lex.roles, longest=_MAX_HEAD_WORDS, prefixes=lex.prefixes["roles"]
    )
    return sentence.person_at(k) or bool(office)


def _inside_quotes(tokens: Tokens) -> list[bool]:
    """Which words stand inside quotation marks (a theme, a slogan: not events reported)."""
    if not any("“" in lead for lead in tokens.lead):
        return [False] * len(tokens)
    inside = []
    depth = 0
    for lead, trail in zip(tokens.lead, tokens.trail, strict=True):
        if lead:
            depth += lead.count("“")
        inside.append(depth > 0)
        if trail and depth:
            depth = max(0, depth - trail.count("”"))
    return inside


def _head(tokens: Tokens, k: int, lex: Lexicon) -> int:
    """Words of the event word at ``tokens[k]`` (0: none)."""
    index, prefixes = lex.event_kind_index.keys(), lex.prefixes["event_kinds"]
    return phrase_at(tokens, k, index, longest=_MAX_HEAD_WORDS, prefixes=prefixes)


@attrs.frozen(slots=True)
class _Name:
    """The series part of an event's name: its last token, the last token read (a gloss in
    brackets after it), and the series as written."""

    end: int
    read: int
    series: str


def _event_at(sentence: _Sentence, k: int, size: int, lex: Lexicon, words: _Words) -> list[_Found]:
    text, tokens = sentence.text, sentence.tokens
    head = key_of(tokens.key[k : k + size])
    kind = words.kinds[head]
    action = kind in _ACTION_KINDS or head in lex.event_actions
    name = _name(text, tokens, k, size, body=None, lex=lex, words=words)
    qualified = name.end > k + size - 1
    series = name.series
    ordinals, last = _ordinals(tokens, name.read, words)
    if ordinals:
        body = _body_after(text, tokens, last, lex, words)
        if body is not None:
            series = f"{series} {body.series}"
            last = body.read
    term, last = _term(tokens, last if ordinals else name.read, words)
    written = text[tokens.start[k] : _end_char(tokens, last)]
    # "các hội nghị liên quan", "45 chuyến thăm": events in general or counted, not one
    general = (
        k > 0
        and not tokens.stops[k - 1]
        and (words.has("plural", tokens.key[k - 1]) or tokens.text[k - 1].isdigit())
    )
    bare = general or (not qualified and not ordinals and not action)
    passing = general or _passing(tokens, k, lex, words)
    start = tokens.start[k]
    mention = EventMention(
        line=sentence.line, start=start, end=_end_char(tokens, last), text=written, passing=passing
    )
    phrase_end = _phrase_end(tokens, k + size - 1, last, words, lex)
    found = _Found(
        kind=kind,
        head=head,
        action=action,
        series=series if (qualified or ordinals) and (not action or ordinals) else None,
        ordinal=ordinals[0] if ordinals else None,
        term=term,
        name=written,
        phrase=text[start : tokens.end[phrase_end]] if phrase_end > last else written,
        bare=bare,
        passing=passing,
        general=general,
        someone=action and _person_follows(sentence, k + size, lex),
        first=k,
        last=last,
        mention=mention,
    )
    return [found, *(attrs.evolve(found, ordinal=o) for o in ordinals[1:])]


def _end_char(tokens: Tokens, k: int) -> int:
    """Where word ``k`` ends, with the bracket that closes it ("(ACC)")."""
    closes = tokens.lead[k].endswith("(") and tokens.trail[k].startswith(")")
    return tokens.end[k] + 1 if closes else tokens.end[k]


def _name(
    text: str,
    tokens: Tokens,
    k: int,
    size: int,
    *,
    body: str | None,
    lex: Lexicon,
    words: _Words,
) -> _Name:
    """The series part of the name whose head (an event word, or with ``body`` a body's
    head) is ``tokens[k : k + size]``: qualifiers, capitalised words, a body's name with its
    descriptors, a pair joined by a dash ("Việt Nam - Trung Quốc"), a gloss in brackets."""
    end = k + size - 1
    body_at = k if body is not None else None
    gloss: int | None = None
    lower_run = _LOWER_AFTER_CAPITAL + 1
    qualifiers = lex.first_words["event_qualifiers"]
    j = end + 1 if body != "head" else _descriptors(tokens, end + 1, words)
    while j < len(tokens) and j - end <= _MAX_NAME_WORDS and not tokens.stops[j - 1]:
        if _ordinal_at(tokens, j, words) or gloss is not None:
            break  # "lần thứ 5" is the ordinal; after a gloss only the ordinal follows
        if tokens.key[j] in lex.photo_words:
            break  # "<title> - Ảnh 1": the photo's number, not the event's
        if tokens.lead[j]:
            if j == end + 1 and _bracketed_abbreviation(tokens, j):
                gloss = j
                j += 1
                continue
            break  # a quote or bracket starts something else
        if words.has("topic", tokens.key[j]) and j + 1 < len(tokens) and tokens.capitalised[j + 1]:
            j += 1  # "Hội thảo quốc tế về Biển Đông": the topic is part of the name
            continue
        if tokens.key[j] in qualifiers and (
            phrase := phrase_at(tokens, j, lex.event_qualifiers, longest=3)
        ):
            end = j = j + phrase - 1
            lower_run = _LOWER_AFTER_CAPITAL + 1
        elif tokens.capitalised[j] and (held := _body_head(tokens, j, lex)):
            body_at, end = j, j + held[0] - 1
            j = _descriptors(tokens, end + 1, words) if held[1] == "head" else end + 1
            lower_run = _LOWER_AFTER_CAPITAL + 1
            continue
        elif _proper_word(tokens, j):
            if _roman(tokens.text[j]) is not None and j > end:
                break  # "Đại hội XIII": the ordinal
            end = j
            # "Ngoại giao": a lowercase syllable may end a capitalised word, not an acronym
            lower_run = 0 if tokens.capitalised[j] else _LOWER_AFTER_CAPITAL + 1
        elif tokens.text[j] in _DASHES and _named_pair(tokens, j):
            pass  # "Việt Nam - Trung Quốc": the word after it continues the name
        elif lower_run < _LOWER_AFTER_CAPITAL and words.continues(tokens, j):
            end = j
            lower_run += 1
        else:
            break
        j += 1
    series = text[tokens.start[k] : tokens.end[end]]
    if (
        gloss is not None
        and body_at is not None
        and not any(abbreviation(text) for text in tokens.text[body_at : end + 1])
    ):
        # "Hiệp hội các quốc gia Đông Nam Á (ASEAN)": the body is the acronym readers know
        series = text[tokens.start[k] : tokens.start[body_at]] + tokens.text[gloss]
    return _Name(end=end, read=gloss if gloss is not None else end, series=series)


def _body_head(tokens: Tokens, j: int, lex: Lexicon) -> tuple[int, str] | None:
    """A body's head at ``tokens[j]`` ("Ủy ban", "Quốc hội"): its words and its form."""
    if tokens.key[j] not in lex.first_words["event_bodies"]:
        return None
    size = phrase_at(tokens, j, lex.event_body_index.keys(), longest=4)
    return (size, lex.event_body_index[key_of(tokens.key[j : j + size])]) if size else None


def _descriptors(tokens: Tokens, j: int, words: _Words) -> int:
    """Where the lowercase words that describe a body end, when its proper name or the
    event's ordinal follows them ("Ủy ban chỉ đạo hợp tác song phương Việt Nam ..."); ``j``
    when they do not (a verb, a date, a place follows: the words are not the body's)."""
    m = j
    while (
        m < len(tokens)
        and m - j < _MAX_BODY_WORDS
        and not tokens.lead[m]
        and words.continues(tokens, m)
        and not (m == j and words.has("topic", tokens.key[m]))  # "Ủy ban hỗn hợp về hợp tác ..."
    ):
        if tokens.stops[m]:
            return j
        m += 1
    if m == j or m >= len(tokens) or tokens.lead[m]:
        return j
    named = _proper_word(tokens, m) or _ordinal_at(tokens, m, words)
    return m if named else j


def _named_pair(tokens: Tokens, j: int) -> bool:
    """A dash between two capitalised words: "Việt Nam - Trung Quốc", "ASEAN - Nhật Bản"."""
    if j == 0 or j + 1 >= len(tokens) or tokens.trail[j] or tokens.lead[j + 1]:
        return False
    return _proper_word(tokens, j - 1) and _proper_word(tokens, j + 1)


def _proper_word(tokens: Tokens, k: int) -> bool:
    """Word ``k`` is a capitalised word or an abbreviation."""
    return tokens.capitalised[k] or abbreviation(tokens.text[k])


def _bracketed_abbreviation(tokens: Tokens, k: int) -> bool:
    """ "(ASEAN)", "(ACC)": an acronym alone in brackets, not a Roman numeral."""
    text = tokens.text[k]
    return (
        tokens.lead[k].endswith("(")
        and tokens.trail[k].startswith(")")
        and abbreviation(text)
        and text.isalpha()
        and _roman(text) is None
    )


def _ordinal_at(tokens: Tokens, k: int, words: _Words) -> bool:
    return _one_ordinal(tokens, k, words, bare=False) is not None


def _one_ordinal(
    tokens: Tokens, k: int, words: _Words, *, bare: bool = True
) -> tuple[int, int] | None:
    """An ordinal at ``tokens[k]`` and its last token: "lần thứ 32", "thứ 6" and, with
    ``bare``, "32", "XIII"."""
    at = k
    if k + 1 < len(tokens) and words.has("ordinal_lead", tokens.key[k]) and not tokens.stops[k]:
        at = k + 1
    if at + 1 < len(tokens) and words.has("ordinal", tokens.key[at]) and not tokens.stops[at]:
        value = _number(tokens.text[at + 1])
        return (value, at + 1) if value is not None else None
    if not bare or at != k or k >= len(tokens):
        return None
    value = _number(tokens.text[k])
    followed = tokens.key[k + 1] if k + 1 < len(tokens) else ""
    if value is not None and value < _MAX_ORDINAL and followed not in words.years:
        return value, k  # "Lễ kỷ niệm 135 năm": a count of years, not an ordinal
    return None


def _ordinals(tokens: Tokens, end: int, words: _Words) -> tuple[tuple[int, ...], int]:
    """The ordinals right after the name: one ("lần thứ 32", "32", "XIII") or a list of them
    ("lần thứ 40, 41", "lần thứ 40 và 41": one event each)."""
    if end + 1 >= len(tokens) or tokens.stops[end]:
        return (), end
    one = _one_ordinal(tokens, end + 1, words)
    if one is None:
        return (), end
    values, last = [one[0]], one[1]
    while last + 1 < len(tokens):
        if tokens.trail[last].startswith(","):
            at = last + 1
        elif not tokens.stops[last] and words.has("and", tokens.key[last + 1]):
            at = last + 2
        else:
            break
        one = _one_ordinal(tokens, at, words) if at < len(tokens) else None
        if one is None or not _ends_list(tokens, one[1], words):
            break
        values.append(one[0])
        last = one[1]
    return tuple(values), last


def _ends_list(tokens: Tokens, k: int, words: _Words) -> bool:
    """A listed ordinal is not a count: "lần thứ 40, 41 và ...", not "lần thứ 32 và 50 đại
    biểu"."""
    if tokens.stops[k] or k + 1 >= len(tokens):
        return True
    if phrase_at(tokens, k + 1, words.roles["predicate"], longest=3):
        return True
    return any(
        words.has(role, tokens.key[k + 1]) for role in ("stop", "joiner", "term", "place_lead")
    )


def _body_after(text: str, tokens: Tokens, last: int, lex: Lexicon, words: _Words) -> _Name | None:
    """The body whose event the ordinal numbers: "Phiên họp lần thứ 13 Ủy ban ...", "Kỳ họp
    thứ 6 Quốc hội"."""
    j = last + 1
    if j >= len(tokens) or tokens.stops[last] or not tokens.capitalised[j]:
        return None
    held = _body_head(tokens, j, lex)
    if held is None:
        return None
    return _name(text, tokens, j, held[0], body=held[1], lex=lex, words=words)


def _term(tokens: Tokens, end: int, words: _Words) -> tuple[int | None, int]:
    """The Party or assembly term after an ordinal: "khóa XIII"."""
    k = end + 1
    if k + 1 < len(tokens) and not tokens.stops[end] and words.has("term", tokens.key[k]):
        value = _number(tokens.text[k + 1])
        if value is not None:
            return value, k + 1
    return None, end


def _phrase_end(tokens: Tokens, head: int, last: int, words: _Words, lex: Lexicon) -> int:
    """The last word of what describes an event after its name: capitalised words ("tiếp Đại
    sứ Hàn Quốc Oh Young Ju"), and after "của" whose it is ("cuộc họp báo thường kỳ của Bộ
    Ngoại giao"); never a date, a place, a grammar word or another event."""
    end = k = last
    owned = False
    # the lowercase syllables the name already ends with after a capitalised one ("Tổng
    # lãnh"), the event word ``tokens[: head + 1]`` left out
    trailing = 0
    while (
        trailing < _LOWER_IN_PHRASE
        and last - trailing > head
        and tokens.text[last - trailing].islower()
    ):
        trailing += 1
    capital = last - trailing > head and _proper_word(tokens, last - trailing)
    lower_run = trailing if capital else _LOWER_IN_PHRASE
    while k + 1 < len(tokens) and k - last < _MAX_NAME_WORDS and not tokens.stops[k]:
        nxt = k + 1
        key = tokens.key[nxt]
        if tokens.lead[nxt] or tokens.text[nxt].isdigit() or _head(tokens, nxt, lex):
            break
        if words.has("owner", key):
            owned = True
        elif _proper_word(tokens, nxt):
            lower_run = 0
        elif owned and words.has("joiner", key):
            pass  # "của các Bộ trưởng"
        elif words.continues(tokens, nxt) and (owned or lower_run < _LOWER_IN_PHRASE):
            lower_run += 1
        else:
            break
        k = nxt
        if not words.has("owner", key) and not words.has("joiner", key):
            end = k
    return end


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _roman(text)


def _roman(text: str) -> int | None:
    """The value of a Roman numeral written in capitals ("XIII" -> 13), else None."""
    if not text or not _ROMAN_LETTERS.issuperset(text):
        return None
    total = 0
    for here, nxt in zip(text, [*text[1:], None], strict=True):
        value = _ROMAN[here]
        total += -value if nxt is not None and _ROMAN[nxt] > value else value
    return total if _to_roman(total) == text else None


def _to_roman(value: int) -> str:
    out = []
    for number, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _passing(tokens: Tokens, k: int, lex: Lexicon, words: _Words) -> bool:
    if k == 0 or tokens.key[k - 1] not in words.passing_lasts:
        return False  # no phrase ends right before the event
    for size in range(min(k, words.passing_words), 0, -1):
        before = k - size
        if not any(tokens.stops[before:k]) and key_of(tokens.key[before:k]) in lex.event_passing:
            return True
    return False


def _identity(item: _Found, lex: Lexicon) -> _Identity:
    """The identity a mention's draft is found by."""
    series = _series_key(item.series or item.name, lex)
    return _Identity(series, item.ordinal, item.term)


def _fold_series(series: str) -> str:
    return " ".join(w.strip(_EDGE) for w in fold_key(series).split() if w.strip(_EDGE))


def _series_key(series: str, lex: Lexicon) -> str:
    """The series folded, without the words that name no series in particular."""
    words = _fold_series(series).split()
    kept: list[str] = []
    generic, firsts = lex.event_generic, lex.first_words["event_generic"]
    k = 0
    while k < len(words):
        size = 0
        if k and words[k] in firsts:
            size = next((n for n in (3, 2, 1) if " ".join(words[k : k + n]) in generic), 0)
        if size:
            k += size
            continue
        kept.append(words[k])
        k += 1
    return " ".join(kept)


# -- what a sentence says, and which event it is said of -------------------------------------


def _dates(
    sentence: _Sentence, words: _Words, *, year: int | None, today: dt.date | None, lex: Lexicon
) -> list[_Claim]:
    claims: list[_Claim] = []
    tokens = sentence.tokens
    text = sentence.text[sentence.start : sentence.end]
    found = find_dates(
        text, year=year, today=today, lexicon=lex, words=tokens, offset=sentence.start
    )
    if not found:
        return claims
    starts = tokens.start
    for span in found:
        at = bisect.bisect_left(starts, sentence.start + span.first)
        at = min(at, len(starts) - 1)
        while at > 0 and sentence.tokens.key[at - 1] in words.leads:
            if sentence.tokens.stops[at - 1]:
                break
            at -= 1  # "Sáng 19/12", "từ ngày 4 đến 7/9": the words that lead the date
        claims.extend(_date_claims(span, at))
    return claims


def _date_claims(span: DateSpan, at: int) -> list[_Claim]:
    claims = []
    ranged = span.start is not None and span.end is not None
    for field, value in (("start", span.start), ("end", span.end)):
        if value is not None:
            iso = value.isoformat()
            claims.append(_Claim(field=field, value=iso, text=span.text, at=at, ranged=ranged))
    return claims


def _places(sentence: _Sentence, lex: Lexicon, words: _Words) -> list[_Claim]:
    claims = []
    tokens = sentence.tokens
    for j in sentence.starting(words.place_leads):
        if j == len(tokens) - 1 or tokens.stops[j] or sentence.covered(j):
            continue  # "Đại sứ Trung Quốc tại Việt Nam": the office's place, not an event's
        place = _place(sentence, j + 1, lex, words)
        if place is not None:
            claims.append(_Claim(field="location", value=place, text=place, at=j))
    return claims


def _place(sentence: _Sentence, k: int, lex: Lexicon, words: _Words) -> str | None:
    """The place that starts at ``tokens[k]``, as written: "Hà Nội", "thủ đô Jakarta của
    Indonesia", "Jakarta, Indonesia", "Thủ đô Budapest (Hungary)", "Phủ Chủ tịch"."""
    tokens = sentence.tokens
    prefix = phrase_at(
        tokens, k, lex.place_prefixes, longest=3, prefixes=lex.prefixes["place_prefixes"]
    )
    core = k + prefix
    if core >= len(tokens) or (prefix and tokens.stops[core - 1]):
        return None
    if _head(tokens, core, lex) or phrase_at(tokens, core, lex.event_mode_index.keys(), longest=3):
        return None  # "tại Hội nghị ...": an event; "tại điểm cầu": a bridge point
    end = _place_name(sentence, core, words, lex)
    if end is None:
        return None
    end = _bracket(tokens, end)
    nested = end + 1
    if not tokens.stops[end] and nested < len(tokens) and words.has("owner", tokens.key[nested]):
        nested += 1  # "thủ đô Jakarta của Indonesia"
    elif not tokens.trail[end].startswith(","):
        nested = -1
    if 0 < nested < len(tokens) and nested - k < _MAX_PLACE_WORDS:
        size = phrase_at(tokens, nested, lex.places, longest=4, prefixes=lex.prefixes["places"])
        inner = nested + size - 1
        if size and (inner + 1 >= len(tokens) or not tokens.capitalised[inner + 1]):
            end = _bracket(tokens, inner)  # "Jakarta, Indonesia"
    text = sentence.text[tokens.start[k] : tokens.end[end]]
    if text.count("(") > text.count(")"):
        text += ")"
    return text.strip(",.;: ")


def _place_name(sentence: _Sentence, k: int, words: _Words, lex: Lexicon) -> int | None:
    """The last word of the capitalised name at ``tokens[k]``; a lowercase syllable may
    follow a capitalised one ("Phủ Chủ tịch"), not a date word ("Phnom Penh ngày 10/11")."""
    tokens = sentence.tokens
    if tokens.lead[k] or not _proper_word(tokens, k):
        return None
    end = j = k
    while j + 1 < len(tokens) and j + 1 - k < _MAX_PLACE_WORDS and not tokens.stops[j]:
        nxt = j + 1
        if tokens.lead[nxt] or sentence.person_at(nxt) or _name_starts(tokens, k, nxt, lex):
            break  # a person named right after the place is not part of it
        if _proper_word(tokens, nxt):
            end = j = nxt
            continue
        if tokens.text[nxt] in _DASHES and _named_pair(tokens, nxt):
            j += 1
            continue
        follows = (
            tokens.capitalised[j]
            and j == end
            and words.continues(tokens, j + 1)
            and not _head(tokens, j + 1, lex)
        )
        if not follows:
            break
        end = j = j + 1
    return end


def _name_starts(tokens: Tokens, k: int, j: int, lex: Lexicon) -> bool:
    """A family name follows a whole place: "Việt Nam Hà Vĩ" is a place, then a person."""
    return tokens.key[j] in lex.surnames and key_of(tokens.key[k:j]) in lex.places


def _bracket(tokens: Tokens, end: int) -> int:
    """The last word of a bracket right after a place: "Budapest (Hungary)"."""
    j = end + 1
    if tokens.stops[end] or j >= len(tokens) or not tokens.lead[j].endswith("("):
        return end
    for k in range(j, min(len(tokens), j + _MAX_BRACKET_WORDS)):
        if ")" in tokens.trail[k]:
            return k
        if tokens.stops[k]:
            break
    return end


def _modes(sentence: _Sentence, lex: Lexicon, words: _Words) -> list[_Claim]:
    """The attendance phrase of the sentence, the longest one (the first of those): "trực
    tiếp kết hợp trực tuyến" over "trực tuyến"."""
    tokens = sentence.tokens
    best: _Claim | None = None
    best_size = 0
    for j in sentence.starting(words.modes):
        size = phrase_at(
            tokens,
            j,
            lex.event_mode_index.keys(),
            longest=_MAX_PHRASE_WORDS,
            prefixes=lex.prefixes["event_modes"],
        )
        if size > best_size:
            written = sentence.text[tokens.start[j] : tokens.end[j + size - 1]]
            value = lex.event_mode_index[key_of(tokens.key[j : j + size])]
            best, best_size = _Claim(field="mode", value=value, text=written, at=j), size
    return [best] if best is not None else []


def _themes(sentence: _Sentence, lex: Lexicon, words: _Words) -> list[_Claim]:
    """Themes in quotation marks after "chủ đề"."""
    claims = []
    tokens, text = sentence.tokens, sentence.text
    for j in sentence.starting(words.themes):
        size = phrase_at(tokens, j, lex.theme_labels, longest=3)
        if not size:
            continue
        after = tokens.end[j + size - 1]
        quote = text.find("“", after, min(sentence.end, after + _THEME_QUOTE_REACH))
        close = text.find("”", quote + 1, min(sentence.end, quote + _MAX_THEME_CHARS))
        if quote >= 0 and close >= 0:
            theme = text[quote + 1 : close].strip()
            claims.append(_Claim(field="theme", value=theme, text=theme, at=j))
    return claims


@attrs.frozen(slots=True)
class _Group:
    """Events named together ("A và các hội nghị liên quan"): tokens and members."""

    first: int
    last: int
    items: tuple[_Found, ...]

    @property
    def reported(self) -> tuple[_Found, ...]:
        return tuple(f for f in self.items if not f.passing)


def _groups(found: Sequence[_Found], tokens: Tokens, words: _Words) -> list[_Group]:
    groups: list[_Group] = []
    for item in found:
        if groups and _joined(groups[-1], item, tokens, words):
            last = groups[-1]
            groups[-1] = _Group(last.first, max(last.last, item.last), (*last.items, item))
        else:
            groups.append(_Group(item.first, item.last, (item,)))
    return groups


def _joined(group: _Group, item: _Found, tokens: Tokens, words: _Words) -> bool:
    if item.first <= group.last:
        return True  # one name, several ordinals
    trails = tokens.trail[group.last : item.first]
    if any(trail and not trail.startswith(",") for trail in trails):
        return False
    return all(words.has("joiner", key) for key in tokens.key[group.last + 1 : item.first])


@attrs.frozen(slots=True)
class _Attach:
    """Which event a claim is said of, from where its words start in the sentence.

    A claim goes to the nearest group of events named before it that the sentence reports
    (or to a group named in passing right before it: "trước thềm Hội nghị X tại Y"); a claim
    that opens a clause ("Sáng 19/12, ...", "tại Hà Nội, ...") goes to the next group instead,
    as does one with no event before it.
    """

    groups: Sequence[_Group]
    lasts: Sequence[int]
    reported_before: Sequence[int]  # index of the nearest reported group at or before each
    reported_after: Sequence[int]  # index of the nearest reported group at or after each
    tokens: Tokens

    @classmethod
    def of(cls, groups: Sequence[_Group], tokens: Tokens) -> _Attach:
        before, after = [], [-1] * len(groups)
        nearest = -1
        for i, group in enumerate(groups):
            nearest = i if group.reported else nearest
            before.append(nearest)
        nearest = -1
        for i in range(len(groups) - 1, -1, -1):
            nearest = i if groups[i].reported else nearest
            after[i] = nearest
        return cls(groups, [g.last for g in groups], before, after, tokens)

    def targets(self, at: int) -> tuple[Sequence[_Found], str]:
        """The events a claim whose words start at ``at`` is said of, and its scope."""
        i = bisect.bisect_left(self.lasts, at) - 1  # the last group that ends before ``at``
        opens = at == 0 or self.tokens.stops[at - 1]
        later = self.reported_after[i + 1] if i + 1 < len(self.groups) else -1
        if i >= 0 and not (opens and later >= 0 and self.groups[later].first > at):
            group = self.groups[i]
            if not group.reported and group.last + 1 == at:
                named = [f for f in group.items if f.named]
                if named:
                    return named, _scope(named)
            if self.reported_before[i] >= 0:
                chosen = self.groups[self.reported_before[i]].reported
                return chosen, _scope(chosen)
        if later >= 0 and self.groups[later].first > at:
            chosen = self.groups[later].reported
            return chosen, _scope(chosen)
        return (), ""


def _scope(targets: Sequence[_Found]) -> str:
    named = {(f.head, f.series, f.ordinal, f.first) for f in targets if f.named}
    if not named:
        return "anaphoric"
    return "specific" if len(named) == 1 else "joint"


# -- events --------------------------------------------------------------------------------


def _events(book: _Book, article: Article, lex: Lexicon) -> tuple[Event, ...]:
    named = book.named
    _join_short_names(named)
    _join_unnumbered(named)
    drafts = [*named.values(), *_join_actions(book.actions)]
    heads = {head: len(bare.found) for head, bare in book.bare.items()}
    for draft in drafts:
        draft.referred = sum(n for head, n in heads.items() if _begins(draft, head))
    main = max(drafts, key=_salience, default=None)
    for head, bare in book.bare.items():
        target = _referent(head, drafts, main)
        if target is not None:
            target.claims.extend(bare.claims)
        elif _dated(bare):
            drafts.append(bare)  # "cuộc họp ... ngày 10/11": no named event begins so
    events = []
    for draft in drafts:
        is_main = draft is main
        events.append(_event(draft, is_main, book.mode if is_main else None, lex))
    return tuple(events)


def _join_short_names(named: dict[_Identity, _Draft]) -> None:
    """A short name of an event the article numbers under a longer one is that event: the
    caption's "Hội nghị ASEAN lần thứ 42" is the text's "Hội nghị Cấp cao ASEAN lần thứ 42"
    (the short one's words all stand, in order, in the long one's)."""
    by_number: dict[tuple[int, int | None], list[_Identity]] = {}
    for key in named:
        if key.ordinal is not None:
            by_number.setdefault((key.ordinal, key.term), []).append(key)
    for keys in by_number.values():
        if not 1 < len(keys) <= _MAX_SAME_ORDINAL:
            continue
        for short in sorted(keys, key=lambda k: len(k.series.split())):
            longer = [
                k
                for k in keys
                if k in named
                and len(k.series.split()) > len(short.series.split())
                and _within(short.series.split(), k.series.split())
            ]
            if len(longer) == 1 and short in named:
                named[longer[0]].absorb(named.pop(short))


def _within(short: Sequence[str], long: Sequence[str]) -> bool:
    """``short``'s words stand in ``long`` in the same order, the first and last in place."""
    if not short or short[0] != long[0] or short[-1] != long[-1]:
        return False
    words = iter(long)
    return all(word in words for word in short)


def _join_unnumbered(named: dict[_Identity, _Draft]) -> None:
    """ "Hội nghị Ngoại giao" without its ordinal is the article's "Hội nghị Ngoại giao 32",
    when the article numbers only one event of that series."""
    numbered: dict[str, list[_Identity]] = {}
    for key in named:
        if key.ordinal is not None:
            numbered.setdefault(key.series, []).append(key)
    for key in [k for k in named if k.ordinal is None]:
        candidates = numbered.get(key.series, [])
        if len(candidates) == 1:
            named[candidates[0]].absorb(named.pop(key))


def _join_actions(actions: Iterable[_Draft]) -> list[_Draft]:
    """Visits, talks and their kin named several times: one event for the mentions of one
    kind that share someone who takes part; a mention without anyone ("Mục đích của chuyến
    thăm") is the first of its kind, or, dated by its sentence or followed by an office
    whose holder is not named, an event of its own ("Ngày 5/3, Bộ Ngoại giao tổ chức họp báo
    thường kỳ", "tiếp kiến Quốc vương")."""
    joined: list[_Draft] = []
    by_person: dict[tuple[EventKind, str], _Draft] = {}
    first_of_kind: dict[EventKind, _Draft] = {}
    alone = []
    for draft in actions:
        kind = draft.found[0].kind
        if not draft.participants:
            alone.append(draft)
            continue
        target = next(
            (by_person[(kind, p)] for p in draft.participants if (kind, p) in by_person), None
        )
        if target is None:
            joined.append(draft)
            target = draft
            first_of_kind.setdefault(kind, draft)
        else:
            target.absorb(draft)
        for person in draft.participants:
            by_person.setdefault((kind, person), target)
    for draft in alone:
        kind = draft.found[0].kind
        if kind not in first_of_kind and (_dated(draft) or draft.found[0].someone):
            joined.append(draft)
            first_of_kind[kind] = draft
    for draft in alone:
        target = first_of_kind.get(draft.found[0].kind)
        if target is not None and target is not draft:
            target.absorb(draft)
    return joined


def _dated(draft: _Draft) -> bool:
    return any(c.field in {"start", "end"} for c in draft.claims)


def _begins(draft: _Draft, head: str) -> bool:
    """The event's name begins with the event word ``head``: "Hội nghị" is "Hội nghị X"'s."""
    first = draft.first
    if first.action:
        return first.head == head
    name = _fold_series(first.series or first.name)
    return name == head or name.startswith(f"{head} ")


def _referent(head: str, drafts: Sequence[_Draft], main: _Draft | None) -> _Draft | None:
    """The event a head alone refers to: the main event when its name begins with it, else
    the most salient event whose name does."""
    if main is not None and _begins(main, head):
        return main
    candidates = [d for d in drafts if _begins(d, head)]
    return max(candidates, key=_salience) if candidates else None


def _salience(draft: _Draft) -> tuple[float, int]:
    reported = sum(1 for f in draft.found if not f.passing)
    specific = any(c.scope == "specific" for c in draft.claims)
    referred = draft.referred / 2  # "Hội nghị đã ..." counts half
    score = reported + referred + (3 if draft.in_title else 0) + (2 if specific else 0)
    return score, -min(f.mention.line for f in draft.found)


def _event(draft: _Draft, main: bool, article_mode: EventClaim | None, lex: Lexicon) -> Event:
    first = draft.first
    claims = draft.claims
    start_claim = _best(claims, "start")
    start = _date(start_claim)
    # An end from a claim less specific than the start's would join two events' dates; a
    # sentence about "the conference" is as specific as one naming it.
    limit = max(_SCOPES.index(start_claim.scope), 1) if start_claim else len(_SCOPES)
    end_claims = [c for c in claims if c.field == "end" and _SCOPES.index(c.scope) <= limit]
    end = _date(_best(end_claims, "end"))
    location = _best(claims, "location")
    mode = _best(claims, "mode") or article_mode
    series = _series(draft)
    unnamed = first.bare or first.action
    return Event(
        name=first.phrase if unnamed else first.name,
        series=series,
        ordinal=first.ordinal,
        term=first.term,
        kind=first.kind,
        key=_identity_of(series, first, start, lex).key(),
        start=start,
        end=end,
        location=location.value if location else None,
        mode=AttendanceMode(mode.value) if mode else None,
        themes=_themes_of(claims),
        participants=tuple(draft.participants.values()),
        organisers=tuple(draft.organisers.values()),
        main=main,
        reported=any(not f.passing for f in draft.found),
        mentions=[f.mention for f in draft.found],
        claims=claims,
    )


def _best(claims: Sequence[EventClaim], field: str) -> EventClaim | None:
    for scope in _SCOPES:
        for claim in claims:
            if claim.field == field and claim.scope == scope:
                return claim
    return None


def _date(claim: EventClaim | None) -> DateValue | None:
    if claim is None:
        return None
    return read_iso_date(claim.value)


def _themes_of(claims: Sequence[EventClaim]) -> tuple[str, ...]:
    for scope in _SCOPES:
        themes = [c.value for c in claims if c.field == "theme" and c.scope == scope]
        if themes:
            return tuple(dict.fromkeys(themes))
    return ()


def _series(draft: _Draft) -> str | None:
    """The series as the article writes it best: the longest form, each word capitalised
    where any mention of that form capitalises it ("hội nghị Ngoại giao" and "Hội nghị ngoại
    giao" give "Hội nghị Ngoại giao")."""
    written = [f.series for f in draft.found if f.series]
    if not written:
        return None
    longest = max(written, key=lambda s: len(s.split()))
    words = longest.split()
    for other in written:
        alt = other.split()
        if len(alt) == len(words) and fold_key(other) == fold_key(longest):
            words = [a if a[:1].isupper() else w for w, a in zip(words, alt, strict=True)]
    series = " ".join(words)
    return series[:1].upper() + series[1:]


def _identity_of(
    series: str | None, first: _Found, start: DateValue | None, lex: Lexicon
) -> _Identity:
    """The identity of an event built: its series as written best, its first mention's
    ordinal and term, and without an ordinal its start."""
    name = _series_key(series or first.name, lex)
    if first.ordinal is not None:
        return _Identity(name, first.ordinal, first.term)
    return _Identity(name, None, None, start)
