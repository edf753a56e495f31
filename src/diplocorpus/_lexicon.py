"""The word lists the rules read, shipped as data files in ``diplocorpus/lexicons/``.

Each file holds one phrase a line (``#`` starts a comment). Phrases are compared under
:func:`fold_key`, so case and tone-mark placement do not matter. A :class:`Lexicon` is a
frozen value: add a site's own labels with :meth:`Lexicon.extended` and pass it to
:func:`diplocorpus.parse`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

from ._text import fold_key

__all__ = ["Lexicon", "SpeakerEntry"]

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


@attrs.frozen(kw_only=True, slots=True)
class Lexicon:
    """The phrase lists behind the noise filter, one frozen set of folded phrases each.

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
    month_names: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    day_periods: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
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
    event_kinds: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_qualifiers: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_passing: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_generic: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_modes: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_grammar: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_bodies: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_actions: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    event_object_heads: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    date_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    relative_days: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    dom_hints: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
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
    epithets: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    degrees: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    name_particles: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    name_holders: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    pronouns: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    group_words: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    org_heads: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    grammar: frozenset[str] = attrs.field(converter=_phrases, factory=frozenset)
    speakers: frozenset[SpeakerEntry] = attrs.field(converter=_speakers, factory=frozenset)

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with the package (read once, then shared)."""
        return _default()

    def extended(self, **additions: Iterable[str]) -> Lexicon:
        """Return a copy with ``additions`` (field name -> phrases) added to its lists."""
        unknown = set(additions) - set(attrs.fields_dict(Lexicon))
        if unknown:
            raise TypeError(f"Lexicon has no list named {', '.join(sorted(unknown))}")
        merged: Mapping[str, list[Any]] = {
            name: [*getattr(self, name), *_entries(values)] for name, values in additions.items()
        }
        return attrs.evolve(self, **merged)

    @functools.cached_property
    def first_words(self) -> Mapping[str, frozenset[str]]:
        """For each list, the first words of its phrases: a cheap test before a lookup."""
        return {
            f.name: frozenset(p.split(" ", 1)[0] for p in getattr(self, f.name))
            for f in attrs.fields(Lexicon)
            if f.name != "speakers"
        } | {
            "event_kinds": frozenset(k.split(" ", 1)[0] for k in self.event_kind_index),
            "event_modes": frozenset(k.split(" ", 1)[0] for k in self.event_mode_index),
            "event_bodies": frozenset(k.split(" ", 1)[0] for k in self.event_body_index),
            "relative_days": frozenset(k.split(" ", 1)[0] for k in self.relative_day_index),
        }

    @functools.cached_property
    def phrase_words(self) -> Mapping[str, int]:
        """For each list, the number of words of its longest phrase (at least 1)."""
        return {
            f.name: max((p.count(" ") + 1 for p in getattr(self, f.name)), default=1)
            for f in attrs.fields(Lexicon)
            if f.name != "speakers"
        } | {"event_kinds": max((k.count(" ") + 1 for k in self.event_kind_index), default=1)}

    @functools.cached_property
    def event_kind_index(self) -> Mapping[str, str]:
        """Event words and their kinds, from the ``phrase = kind`` lines of ``event_kinds``."""
        return _pairs(self.event_kinds, "event_kinds")

    @functools.cached_property
    def dom_hint_index(self) -> Mapping[str, str]:
        """Class and id words of HTML elements and the kinds they mark, from ``dom_hints``."""
        return _pairs(self.dom_hints, "dom_hints")

    @functools.cached_property
    def event_mode_index(self) -> Mapping[str, str]:
        """Attendance phrases and their modes, from ``event_modes``."""
        return _pairs(self.event_modes, "event_modes")

    @functools.cached_property
    def event_grammar_roles(self) -> Mapping[str, frozenset[str]]:
        """For each role of :data:`EVENT_ROLES`, the ``event_grammar`` words that play it."""
        return _roles(self.event_grammar, EVENT_ROLES, "event_grammar")

    @functools.cached_property
    def event_body_index(self) -> Mapping[str, str]:
        """Heads of bodies in event names and how each takes its name (one of
        :data:`BODY_FORMS`), from the ``head = form`` lines of ``event_bodies``."""
        index = _pairs(self.event_bodies, "event_bodies")
        _check_values("event_bodies", index, BODY_FORMS)
        return index

    @functools.cached_property
    def date_word_roles(self) -> Mapping[str, frozenset[str]]:
        """For each role of :data:`DATE_ROLES`, the ``date_words`` that play it."""
        return _roles(self.date_words, DATE_ROLES, "date_words")

    @functools.cached_property
    def relative_day_index(self) -> Mapping[str, int]:
        """Words that name a day by its distance in days from the day of publication, from
        the ``words = days`` lines of ``relative_days``."""
        index = {}
        for words, value in _pairs(self.relative_days, "relative_days").items():
            if not value.lstrip("+-").isdigit():
                raise ValueError(f"relative_days: {words} = {value} is not a number of days")
            index[words] = int(value)
        return index

    @functools.cached_property
    def month_name_index(self) -> Mapping[str, int]:
        """Month names and their numbers, from the ``name = month`` lines of ``month_names``."""
        return {
            name: _month_number(name, value)
            for name, value in _pairs(self.month_names, "month_names").items()
        }

    @functools.cached_property
    def day_period_index(self) -> Mapping[str, str]:
        """Words for parts of the day and the part each names (one of :data:`DAY_PARTS`),
        from the ``word = part`` lines of ``day_periods``."""
        index = _pairs(self.day_periods, "day_periods")
        _check_values("day_periods", index, DAY_PARTS, what="part of the day")
        return index

    @functools.cached_property
    def epithet_index(self) -> Mapping[str, str]:
        """Phrases that stand for an office, and the office, from ``epithets``."""
        return _pairs(self.epithets, "epithets")

    @functools.cached_property
    def pronoun_index(self) -> Mapping[str, str]:
        """Pronouns that refer back to a person, and the gender each implies (one of
        :data:`GENDERS`)."""
        index = _pairs(self.pronouns, "pronouns")
        unknown = sorted(
            f"{word} = {gender}" for word, gender in index.items() if gender not in GENDERS
        )
        if unknown:
            raise ValueError(f"pronouns: unknown gender in {', '.join(unknown)}")
        return index

    @functools.cached_property
    def group_index(self) -> Mapping[str, frozenset[str]]:
        """The ``quantifier``, ``one`` and ``noun`` words of ``group_words``, by use."""
        return _roles(self.group_words, GROUP_USES, "group_words")

    @functools.cached_property
    def grammar_index(self) -> Mapping[str, frozenset[str]]:
        """The grammar words of ``grammar`` by use (one of :data:`GRAMMAR_USES`); a word
        may have several uses."""
        return _roles(self.grammar, GRAMMAR_USES, "grammar")

    def grammar_words(self, use: str) -> frozenset[str]:
        """The ``grammar`` words of one use."""
        return self.grammar_index[use]

    @functools.cached_property
    def speaker_index(self) -> Mapping[str, SpeakerEntry]:
        """The speakers by their folded written form."""
        return {entry.key: entry for entry in self.speakers}


def _month_number(name: str, value: str) -> int:
    if not (value.isdigit() and 1 <= int(value) <= 12):
        raise ValueError(f"month_names: {name} = {value} is not a month number from 1 to 12")
    return int(value)


def _check_values(
    name: str, index: Mapping[str, str], allowed: frozenset[str], *, what: str = "value"
) -> None:
    unknown = sorted(f"{key} = {value}" for key, value in index.items() if value not in allowed)
    if unknown:
        raise ValueError(f"{name}: unknown {what} in {', '.join(unknown)}")


def _roles(entries: Iterable[str], allowed: frozenset[str], name: str) -> dict[str, frozenset[str]]:
    """``word = role`` lines grouped by role; a word may play several roles."""
    grouped: dict[str, set[str]] = {role: set() for role in allowed}
    for entry in entries:
        word, _, role = (part.strip() for part in entry.partition("="))
        if role not in allowed:
            raise ValueError(f"{name}: unknown role in {word} = {role}")
        grouped[role].add(word)
    return {role: frozenset(words) for role, words in grouped.items()}


def _pairs(entries: Iterable[str], name: str) -> dict[str, str]:
    """``key = value`` lines as a mapping; one key given two values is an error (a set of
    lines has no order that could say which one wins)."""
    index: dict[str, str] = {}
    for entry in sorted(entries):
        key, _, value = (part.strip() for part in entry.partition("="))
        if not value:
            continue
        if index.get(key, value) != value:
            raise ValueError(f"{name}: {key} is given two values, {index[key]} and {value}")
        index[key] = value
    return index


def _entries(values: Iterable[str]) -> list[str]:
    if isinstance(values, str):
        raise TypeError("a lexicon entry is a collection of phrases, not one str")
    return list(values)


def _read(name: str) -> list[str]:
    folder = resources.files("diplocorpus").joinpath("lexicons")
    text = folder.joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@functools.lru_cache(maxsize=1)
def _default() -> Lexicon:
    lists: dict[str, Any] = {f.name: _read(f.name) for f in attrs.fields(Lexicon)}
    return Lexicon(**lists)
