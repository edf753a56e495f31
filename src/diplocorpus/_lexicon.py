"""The word lists the rules read, shipped as data files in ``diplocorpus/lexicons/``.

Each file holds one phrase a line (``#`` starts a comment). Phrases are compared under
:func:`fold_key`, so case and tone-mark placement do not matter. A :class:`Lexicon` is a
frozen value: add a site's own labels with :meth:`Lexicon.extended` and pass it to
:func:`diplocorpus.parse`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, TypeVar, cast

import attrs

from ._models import AttendanceMode, BlockKind, EventKind
from ._text import fold_key

__all__ = ["Lexicon", "SpeakerEntry"]

_T = TypeVar("_T")

# The parts of the day a ``day_periods`` word may name; ``_dates`` turns each into hours.
DAY_PARTS = frozenset({"am", "pm", "noon", "evening", "night"})
# The roles a ``date_words`` word may play in a written date (see the file's header).
DATE_ROLES = frozenset(
    {
        "day",
        "month",
        "year",
        "hour",
        "minute",
        "from",
        "until",
        "through",
        "and",
        "lunar",
        "ordinal",
    }
)
# The uses of the ``grammar`` words (see the file's header), the ``group_words`` and the
# genders of ``pronouns``.
GRAMMAR_USES = frozenset(
    {
        "content",
        "joiner",
        "passive",
        "according",
        "of",
        "names",
        "affiliation",
        "reported",
        "age",
        "time",
        "deixis",
        "authors",
        "page",
        "page_of",
    }
)
GROUP_USES = frozenset({"quantifier", "one", "noun"})
GENDERS = frozenset({"male", "female", "any", "same"})
# The roles an ``event_grammar`` word may play around an event's name (see the file's header).
EVENT_ROLES = frozenset(
    {
        "ordinal_lead",
        "ordinal",
        "term",
        "topic",
        "and",
        "joiner",
        "plural",
        "place_lead",
        "owner",
        "stop",
        "predicate",
    }
)
# How an ``event_bodies`` head takes its name: ``head`` takes lowercase words that describe
# the body before its proper name ("Ủy ban chỉ đạo ... Việt Nam - Trung Quốc"); ``name`` is a
# body's whole name ("Quốc hội"), which may only follow an event's ordinal.
BODY_FORMS = frozenset({"head", "name"})
# The kinds a ``dom_hints`` word may give a line, an ``event_kinds`` phrase an event and an
# ``event_modes`` phrase its attendance.
BLOCK_KINDS = frozenset(kind.value for kind in BlockKind)
EVENT_KINDS = frozenset(kind.value for kind in EventKind)
ATTENDANCE_MODES = frozenset(mode.value for mode in AttendanceMode)


@attrs.frozen(kw_only=True, slots=True)
class SpeakerEntry:
    """An organisation or group that speaks: its folded written form and the name it gets."""

    key: str
    name: str
    group: bool = False

    @classmethod
    def read(cls, line: str) -> SpeakerEntry:
        """Read ``"[group:] written = name"`` (``= name`` may be left out)."""
        group = line.lstrip().casefold().startswith("group:")
        body = line.split(":", 1)[1] if group else line
        written, _, name = body.partition("=")
        return cls(key=fold_key(written), name=(name or written).strip(), group=group)


def _speakers(values: Iterable[str | SpeakerEntry]) -> frozenset[SpeakerEntry]:
    if isinstance(values, str):
        raise TypeError("a lexicon entry is a collection of phrases, not one str")
    entries = (v if isinstance(v, SpeakerEntry) else SpeakerEntry.read(v) for v in values)
    return frozenset(e for e in entries if e.key)


def _phrases(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        raise TypeError("a lexicon entry is a collection of phrases, not one str")
    return frozenset(k for k in (fold_key(v) for v in values) if k)


def _is_days(value: str) -> bool:
    return value.lstrip("+-").isdigit()


def _is_month(value: str) -> bool:
    return value.isdigit() and 1 <= int(value) <= 12


def _keyed(
    values: Iterable[str],
    name: str,
    what: str,
    allowed: frozenset[str] | None = None,
    *,
    test: Callable[[str], bool] | None = None,
    explain: str = "",
    several: bool = False,
) -> frozenset[str]:
    """The folded entries of a list of ``words = value`` entries (``value`` named ``what``
    in messages), each checked when the Lexicon is made. A ``ValueError`` names the list and
    the entry as written: a missing value, a value outside ``allowed`` (or that fails
    ``test``), one key given two values unless ``several`` (a word of a ``word = role``
    list may play several roles)."""
    if isinstance(values, str):
        raise TypeError("a lexicon entry is a collection of phrases, not one str")
    phrases: set[str] = set()
    given: dict[str, tuple[str, str]] = {}  # key -> its value, and the entry giving it
    for written in values:
        entry = fold_key(written)
        if not entry:
            continue
        key, _, value = (part.strip() for part in entry.partition("="))
        if not key or not value:
            raise ValueError(f"{name}: {written!r} gives no {what}: an entry is 'words = {what}'")
        shown = written.partition("=")[2].strip()
        if allowed is not None and value not in allowed:
            raise ValueError(
                f"{name}: unknown {what} {shown!r} in {written!r} "
                f"(one of {', '.join(sorted(allowed))})"
            )
        if test is not None and not test(value):
            raise ValueError(f"{name}: {shown!r} in {written!r} is not {explain}")
        first, where = given.setdefault(key, (value, written))
        if first != value and not several:
            raise ValueError(
                f"{name}: {written.partition('=')[0].strip()} is given two values, "
                f"in {where!r} and {written!r}"
            )
        phrases.add(f"{key} = {value}")
    return frozenset(phrases)


# The converters of the ``words = value`` lists: what each list's values may be.
def _month_names(values: Iterable[str]) -> frozenset[str]:
    return _keyed(
        values, "month_names", "month", test=_is_month, explain="a month number from 1 to 12"
    )


def _day_periods(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "day_periods", "part of the day", DAY_PARTS)


def _event_kinds(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "event_kinds", "kind", EVENT_KINDS)


def _event_modes(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "event_modes", "mode", ATTENDANCE_MODES)


def _event_grammar(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "event_grammar", "role", EVENT_ROLES, several=True)


def _event_bodies(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "event_bodies", "form", BODY_FORMS)


def _date_words(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "date_words", "role", DATE_ROLES, several=True)


def _relative_days(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "relative_days", "days", test=_is_days, explain="a number of days")


def _dom_hints(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "dom_hints", "kind", BLOCK_KINDS)


def _epithets(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "epithets", "office")


def _pronouns(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "pronouns", "gender", GENDERS)


def _group_words(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "group_words", "use", GROUP_USES, several=True)


def _grammar(values: Iterable[str]) -> frozenset[str]:
    return _keyed(values, "grammar", "use", GRAMMAR_USES, several=True)


class _Derived(dict[str, Any]):
    """A lexicon's derived values: not pickled with it (a process pool sends the lexicon with
    every chunk of pages; the worker builds them again, once)."""

    def __reduce__(self) -> tuple[type[_Derived], tuple[()]]:
        return _Derived, ()


@attrs.frozen(kw_only=True, slots=True)
class Lexicon:
    """The phrase lists behind the noise filter, one frozen set of folded phrases each.

    The ``words = value`` lists are checked when the Lexicon is made (see :func:`_keyed`):
    an entry without its value or with a value its list does not know is a ``ValueError``
    naming the list and the entry.

    >>> lex = Lexicon.default()
    >>> "tin liên quan" in lex.section_labels
    True
    >>> mine = lex.extended(section_labels=["Tin cùng tác giả"])
    >>> fold_key("Tin cùng tác giả") in mine.section_labels
    True
    """

    section_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    inline_related_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    widgets: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    loaders: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    footers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    home_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    dateline_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    month_names: frozenset[str] = attrs.field(converter=_month_names, factory=frozenset)
    day_periods: frozenset[str] = attrs.field(converter=_day_periods, factory=frozenset)
    zone_declarations: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    counter_units: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    pagination_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    media_tags: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    credit_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    caption_cues: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    tense_markers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    byline_prefixes: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    byline_tails: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    agencies: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    source_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    tag_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    places: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    roles: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    role_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    surnames: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    honorifics: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    cue_verbs: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    colon_cues: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    strict_cues: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    speaker_adverbs: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    name_followers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_kinds: frozenset[str] = attrs.field(converter=_event_kinds, factory=frozenset)
    event_qualifiers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_passing: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_generic: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_modes: frozenset[str] = attrs.field(converter=_event_modes, factory=frozenset)
    event_grammar: frozenset[str] = attrs.field(converter=_event_grammar, factory=frozenset)
    event_bodies: frozenset[str] = attrs.field(converter=_event_bodies, factory=frozenset)
    event_actions: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_object_heads: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    date_words: frozenset[str] = attrs.field(converter=_date_words, factory=frozenset)
    relative_days: frozenset[str] = attrs.field(converter=_relative_days, factory=frozenset)
    dom_hints: frozenset[str] = attrs.field(converter=_dom_hints, factory=frozenset)
    organiser_verbs: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    theme_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    place_prefixes: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    widget_phrases: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    widget_verbs: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    widget_addresses: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    comment_markers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    comment_labels: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    time_units: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    time_ago: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    photo_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    function_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    source_leads: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    promo_phrases: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    author_leads: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    kickers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    narrative_openers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    role_prefixes: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    epithets: frozenset[str] = attrs.field(converter=_epithets, factory=frozenset)
    degrees: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    name_particles: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    name_holders: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    pronouns: frozenset[str] = attrs.field(converter=_pronouns, factory=frozenset)
    group_words: frozenset[str] = attrs.field(converter=_group_words, factory=frozenset)
    org_heads: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    grammar: frozenset[str] = attrs.field(converter=_grammar, factory=frozenset)
    speakers: frozenset[SpeakerEntry] = attrs.field(converter=_speakers, factory=frozenset)
    # What the stages build from the lists (their word sets and grammars), once a lexicon.
    _derived: dict[str, Any] = attrs.field(
        init=False, factory=_Derived, eq=False, hash=False, repr=False
    )

    def __repr__(self) -> str:
        # Short: the lists hold thousands of phrases (see them one by one as attributes).
        sizes = [len(getattr(self, f.name)) for f in attrs.fields(Lexicon) if f.init]
        return f"<Lexicon: {sum(sizes):,} phrases in {len(sizes)} lists>"

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with the package (read once, then shared)."""
        return _default()

    def extended(self, **additions: Iterable[str]) -> Lexicon:
        """Return a copy with ``additions`` (field name -> phrases) added to its lists."""
        unknown = set(additions) - set(_LISTS)
        if unknown:
            raise TypeError(f"Lexicon has no list named {', '.join(sorted(unknown))}")
        merged: Mapping[str, list[Any]] = {
            name: [*getattr(self, name), *_entries(values)] for name, values in additions.items()
        }
        return attrs.evolve(self, **merged)

    def derived(self, name: str, build: Callable[[Lexicon], _T]) -> _T:
        """``build(self)``, made the first time ``name`` is asked for and kept with this
        lexicon: the word sets and grammars a stage builds from the lists."""
        try:
            return cast("_T", self._derived[name])
        except KeyError:
            value = self._derived[name] = build(self)
            return value

    @functools.cached_property
    def first_words(self) -> Mapping[str, frozenset[str]]:
        """For each list, the first words of its phrases: a cheap test before a lookup."""
        return {
            f.name: frozenset(p.split(" ", 1)[0] for p in getattr(self, f.name))
            for f in _list_fields()
            if f.name != "speakers"
        } | {
            "event_kinds": frozenset(k.split(" ", 1)[0] for k in self.event_kind_index),
            "event_modes": frozenset(k.split(" ", 1)[0] for k in self.event_mode_index),
            "event_bodies": frozenset(k.split(" ", 1)[0] for k in self.event_body_index),
            "relative_days": frozenset(k.split(" ", 1)[0] for k in self.relative_day_index),
        }

    @functools.cached_property
    def prefixes(self) -> Mapping[str, frozenset[str]]:
        """For each list, the word prefixes of its phrases that are shorter than the phrase
        ("bộ trưởng" of "bộ trưởng ngoại giao"): a lookup stops where none goes on."""
        return {
            f.name: frozenset(_prefixes(getattr(self, f.name)))
            for f in _list_fields()
            if f.name != "speakers"
        } | {
            "event_kinds": frozenset(_prefixes(self.event_kind_index)),
            "event_modes": frozenset(_prefixes(self.event_mode_index)),
        }

    @functools.cached_property
    def phrase_words(self) -> Mapping[str, int]:
        """For each list, the number of words of its longest phrase (at least 1)."""
        return {
            f.name: max((p.count(" ") + 1 for p in getattr(self, f.name)), default=1)
            for f in _list_fields()
            if f.name != "speakers"
        } | {"event_kinds": max((k.count(" ") + 1 for k in self.event_kind_index), default=1)}

    @functools.cached_property
    def event_kind_index(self) -> Mapping[str, str]:
        """Event words and their kinds, from the ``phrase = kind`` lines of ``event_kinds``."""
        return _pairs(self.event_kinds)

    @functools.cached_property
    def dom_hint_index(self) -> Mapping[str, str]:
        """Class and id words of HTML elements and the kinds they mark, from ``dom_hints``."""
        return _pairs(self.dom_hints)

    @functools.cached_property
    def event_mode_index(self) -> Mapping[str, str]:
        """Attendance phrases and their modes, from ``event_modes``."""
        return _pairs(self.event_modes)

    @functools.cached_property
    def event_grammar_roles(self) -> Mapping[str, frozenset[str]]:
        """For each role of :data:`EVENT_ROLES`, the ``event_grammar`` words that play it."""
        return _roles(self.event_grammar, EVENT_ROLES)

    @functools.cached_property
    def event_body_index(self) -> Mapping[str, str]:
        """Heads of bodies in event names and how each takes its name (one of
        :data:`BODY_FORMS`), from the ``head = form`` lines of ``event_bodies``."""
        return _pairs(self.event_bodies)

    @functools.cached_property
    def date_word_roles(self) -> Mapping[str, frozenset[str]]:
        """For each role of :data:`DATE_ROLES`, the ``date_words`` that play it."""
        return _roles(self.date_words, DATE_ROLES)

    @functools.cached_property
    def relative_day_index(self) -> Mapping[str, int]:
        """Words that name a day by its distance in days from the day of publication, from
        the ``words = days`` lines of ``relative_days``."""
        return {words: int(days) for words, days in _pairs(self.relative_days).items()}

    @functools.cached_property
    def month_name_index(self) -> Mapping[str, int]:
        """Month names and their numbers, from the ``name = month`` lines of ``month_names``."""
        return {name: int(month) for name, month in _pairs(self.month_names).items()}

    @functools.cached_property
    def day_period_index(self) -> Mapping[str, str]:
        """Words for parts of the day and the part each names (one of :data:`DAY_PARTS`),
        from the ``word = part`` lines of ``day_periods``."""
        return _pairs(self.day_periods)

    @functools.cached_property
    def epithet_index(self) -> Mapping[str, str]:
        """Phrases that stand for an office, and the office, from ``epithets``."""
        return _pairs(self.epithets)

    @functools.cached_property
    def pronoun_index(self) -> Mapping[str, str]:
        """Pronouns that refer back to a person, and the gender each implies (one of
        :data:`GENDERS`)."""
        return _pairs(self.pronouns)

    @functools.cached_property
    def group_index(self) -> Mapping[str, frozenset[str]]:
        """The ``quantifier``, ``one`` and ``noun`` words of ``group_words``, by use."""
        return _roles(self.group_words, GROUP_USES)

    @functools.cached_property
    def grammar_index(self) -> Mapping[str, frozenset[str]]:
        """The grammar words of ``grammar`` by use (one of :data:`GRAMMAR_USES`); a word
        may have several uses."""
        return _roles(self.grammar, GRAMMAR_USES)

    def grammar_words(self, use: str) -> frozenset[str]:
        """The ``grammar`` words of one use."""
        return self.grammar_index[use]

    @functools.cached_property
    def speaker_index(self) -> Mapping[str, SpeakerEntry]:
        """The speakers by their folded written form."""
        return {entry.key: entry for entry in self.speakers}


def _roles(entries: Iterable[str], roles: frozenset[str]) -> dict[str, frozenset[str]]:
    """``word = role`` entries (checked by :func:`_keyed`) grouped by role; a word may
    play several roles."""
    grouped: dict[str, set[str]] = {role: set() for role in roles}
    for entry in entries:
        word, _, role = entry.partition(" = ")
        grouped[role].add(word)
    return {role: frozenset(words) for role, words in grouped.items()}


def _pairs(entries: Iterable[str]) -> dict[str, str]:
    """``key = value`` entries (checked by :func:`_keyed`: one value a key) as a mapping."""
    return dict(entry.partition(" = ")[::2] for entry in entries)


def _entries(values: Iterable[str]) -> list[str]:
    if isinstance(values, str):
        raise TypeError("a lexicon entry is a collection of phrases, not one str")
    return list(values)


def _read(name: str) -> list[str]:
    folder = resources.files("diplocorpus").joinpath("lexicons")
    text = folder.joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def longest_first(phrases: Iterable[str]) -> tuple[str, ...]:
    """``phrases``, the longest first, in an order that does not depend on the hash seed:
    for a rule that names the first one a line holds."""
    return tuple(sorted(phrases, key=lambda phrase: (-len(phrase), phrase)))


def _prefixes(phrases: Iterable[str]) -> Iterator[str]:
    for phrase in phrases:
        words = phrase.split(" ")
        for size in range(1, len(words)):
            yield " ".join(words[:size])


def _list_fields() -> tuple[attrs.Attribute[Any], ...]:
    """The fields of :class:`Lexicon` that are word lists (a file each), not its caches."""
    return tuple(f for f in attrs.fields(Lexicon) if f.init)


_LISTS = tuple(f.name for f in _list_fields())


@functools.lru_cache(maxsize=1)
def _default() -> Lexicon:
    lists: dict[str, Any] = {name: _read(name) for name in _LISTS}
    return Lexicon(**lists)
