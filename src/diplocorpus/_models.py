"""The records diplocorpus returns: frozen, slotted, keyword-only attrs classes."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Generic, overload

import attrs
from dateutil import parser as du_parser
from typing_extensions import TypeVar

__all__ = [
    "CONTENT_KINDS",
    "Article",
    "AttendanceMode",
    "Block",
    "BlockKind",
    "Caption",
    "DateValue",
    "EntityKind",
    "Event",
    "EventClaim",
    "EventKind",
    "EventMention",
    "PartialDate",
    "Person",
    "Quote",
    "Statement",
    "StatementMode",
    "read_iso_date",
    "write_iso_date",
]


#: Whether a :class:`PartialDate`'s day is known, for type checkers: ``int`` or ``None``.
DayT_co = TypeVar("DayT_co", bound=int | None, default=int | None, covariant=True)


@attrs.frozen(kw_only=True, slots=True)
class PartialDate(Generic[DayT_co]):
    """A date that lacks a part: the year (``19/12`` on a page with none) or the day
    (``tháng 12/2011``). Its ISO 8601 form is the truncated one.

    For type checkers, ``PartialDate[int]`` is one whose day is known, ``PartialDate[None]``
    one without, and a plain ``PartialDate`` either: :meth:`with_year` gives the first a
    ``datetime.date``, the second a ``PartialDate[None]``, without an ``isinstance``.

    >>> PartialDate(month=12, day=19).isoformat()
    '--12-19'
    >>> PartialDate(month=12, day=19).with_year(2023)
    datetime.date(2023, 12, 19)
    >>> PartialDate(year=2011, month=12).isoformat()
    '2011-12'
    """

    year: int | None = None
    month: int = attrs.field(
        validator=attrs.validators.and_(attrs.validators.ge(1), attrs.validators.le(12))
    )
    day: DayT_co = attrs.field(default=None)

    @day.validator
    def _check_day(self, _attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is None:
            return
        if self.year is not None:
            raise ValueError("a date with year, month and day is a datetime.date")
        if not 1 <= value <= calendar.monthrange(2024, self.month)[1]:  # 2024: a leap year
            raise ValueError(f"day {value} is out of range for month {self.month}")

    def isoformat(self) -> str:
        """The ISO 8601 truncated form: ``--MM-DD``, ``YYYY-MM`` or ``--MM``."""
        if self.year is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.day is None:
            return f"--{self.month:02d}"
        return f"--{self.month:02d}-{self.day:02d}"

    @overload
    def with_year(self: PartialDate[int], year: int) -> dt.date: ...
    @overload
    def with_year(self: PartialDate[None], year: int) -> PartialDate[None]: ...
    @overload
    def with_year(self, year: int) -> dt.date | PartialDate[None]: ...
    def with_year(self, year: int) -> dt.date | PartialDate[None]:
        """Complete the year: a ``date`` when the day is known, else the month of ``year``.

        Raises ``ValueError`` for 29 February of a common year.
        """
        if self.day is None:
            return PartialDate(year=year, month=self.month)
        return dt.date(year, self.month, self.day)

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read the ``--MM-DD``, ``YYYY-MM`` or ``--MM`` form back."""
        if match := re.fullmatch(r"--(\d{2})-(\d{2})", text):
            return PartialDate(month=int(match[1]), day=int(match[2]))
        if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
            return PartialDate(year=int(match[1]), month=int(match[2]))
        if match := re.fullmatch(r"--(\d{2})", text):
            return PartialDate(month=int(match[1]))
        raise ValueError(f"not an ISO 8601 partial date (--MM-DD, YYYY-MM, --MM): {text!r}")

    def __str__(self) -> str:
        return self.isoformat()


DateValue = dt.datetime | dt.date | PartialDate


def read_iso_date(text: str) -> DateValue:
    """A date value from its ISO 8601 form, the one reader of the package: ``--MM-DD``,
    ``--MM`` and ``YYYY-MM`` are a :class:`PartialDate`, ``YYYY-MM-DD`` a date, a form with a
    time (``T`` or a space) a datetime, with its offset when it gives one (the callers decide
    what a time without one means). Raises ``ValueError`` on anything else."""
    if text.startswith("--") or len(text) == _YEAR_MONTH:
        return PartialDate.fromisoformat(text)
    if "T" in text or " " in text:
        return du_parser.isoparse(text)
    return dt.date.fromisoformat(text)


def write_iso_date(value: object) -> str | None:
    """The ISO 8601 form of a date value (``None`` for ``None``, and for anything that is not
    a date): the one writer of the package."""
    if isinstance(value, dt.date | PartialDate):
        return value.isoformat()
    return None


_YEAR_MONTH = len("YYYY-MM")


class _ValueEnum(enum.Enum):
    """An enum that prints as its value."""

    def __str__(self) -> str:
        return str(self.value)


class BlockKind(_ValueEnum):
    """What a line of the page is. The value of each member is its name.

    ``title``, ``dateline``, ``byline``, ``body`` and ``caption`` are the article; every other
    kind is noise and says what the noise is.
    """

    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    RELATED = "related"
    PAGINATION = "pagination"
    COUNTER = "counter"
    BREADCRUMB = "breadcrumb"
    NAVIGATION = "navigation"
    SECTION_LABEL = "section_label"
    IMAGE_ALT = "image_alt"
    MEDIA_LIST = "media_list"
    SLUG = "slug"
    WIDGET = "widget"
    SOURCE_LABEL = "source_label"
    TAGS = "tags"
    FOOTER = "footer"
    COMMENT = "comment"
    PHOTO_CREDIT = "photo_credit"
    DUPLICATE = "duplicate"
    HEADER = "header"

    @property
    def is_content(self) -> bool:
        """True for the kinds that are part of the article, False for noise."""
        return self in CONTENT_KINDS


CONTENT_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.DATELINE, BlockKind.BYLINE, BlockKind.BODY, BlockKind.CAPTION}
)


@attrs.frozen(kw_only=True, slots=True)
class Block:
    """One non-blank line of the input: where it was, what it is, and why.

    ``text`` is the line as written, normalised (NFC, white space collapsed); ``reason``
    says in a few words which rule decided ``kind``. ``origin`` is where the line came from
    in an HTML page (``body > article.detail > p``), ``None`` for text input.
    """

    line: int
    kind: BlockKind
    text: str
    reason: str
    origin: str | None = None


@attrs.frozen(kw_only=True, slots=True)
class Caption:
    """A photo caption: what it says, and whom the photo is credited to (``None``: no credit)."""

    text: str
    credit: str | None = None
    line: int


# Typed converters: sequences given as lists are stored as tuples, so records stay immutable.
def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """attrs converter: strings given as any iterable are kept as a tuple; one string is
    a ``TypeError`` (it would be kept as its characters)."""
    if isinstance(values, str):
        raise TypeError(f"give a list or tuple of strings, not one string: {values!r}")
    return tuple(values)


def _captions(values: Iterable[Caption]) -> tuple[Caption, ...]:
    return tuple(values)


def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(values)


def _quotes(values: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, slots=True)
class Article:
    """A news page made clean: its metadata, body paragraphs, captions, and every line's fate.

    ``published`` is a tz-aware ``datetime`` when the page gives a time, a ``date`` when it
    gives only a date, a :class:`PartialDate` when it gives no year and the caller gave none,
    else ``None``. ``notes`` says what the parser saw but could not use (an impossible date,
    say). ``blocks`` has one :class:`Block` for every non-blank input line, in input order.
    ``is_article`` is False for a page that is not an article (a front page, a list of
    other articles, a page with no text): it then has no title, body or captions, and
    ``not_article_reason`` says what was seen.
    """

    source: str | None = None
    title: str | None = None
    published: DateValue | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    view_count: int | None = None
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    captions: tuple[Caption, ...] = attrs.field(default=(), converter=_captions)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    is_article: bool = True
    not_article_reason: str | None = None

    def blocks_of(self, *kinds: BlockKind) -> tuple[Block, ...]:
        """The blocks of the given kinds, in input order."""
        wanted = frozenset(kinds)
        return tuple(b for b in self.blocks if b.kind in wanted)

    @property
    def noise(self) -> tuple[Block, ...]:
        """The blocks the filter dropped, each with the reason it was dropped."""
        return tuple(b for b in self.blocks if not b.kind.is_content)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)


class EntityKind(_ValueEnum):
    """Who a :class:`Person` record stands for: a person, an organisation or a group."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


@attrs.frozen(kw_only=True, slots=True)
class Person:
    """A mention of someone in an article: the name and office as written, and where.

    ``key`` folds case and tone-mark placement, so two spellings of one name meet.
    ``line`` is the input line, ``start``/``end`` the character span of the name in that
    line's text (the block text). Organisations and groups that speak ("Đảng", "các đại
    biểu") are mentions too, with ``kind`` saying so and no role.
    """

    name: str
    role: str | None = None
    key: str
    line: int
    start: int
    end: int
    kind: EntityKind = EntityKind.PERSON


def _people_tuple(values: Iterable[Person]) -> tuple[Person, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, slots=True)
class Individual:
    """One person an article names, with every way it names them.

    ``name`` is the fullest spelling, ``key`` its folded form; ``names`` every spelling of
    the full name, ``roles`` every office, both as written and in reading order. ``mentions``
    are the :class:`Person` mentions of the full name and the references that were tied to
    it ("ông Sơn", "Ngoại trưởng Blinken", "Người đứng đầu Chính phủ"), each with its line
    and span and the words as written.
    """

    name: str
    key: str
    names: tuple[str, ...] = attrs.field(converter=str_tuple)
    roles: tuple[str, ...] = attrs.field(converter=str_tuple)
    mentions: tuple[Person, ...] = attrs.field(converter=_people_tuple)


@attrs.frozen(kw_only=True, slots=True)
class Quote:
    """Words in quotation marks inside a statement, and whom the text says they are from.

    ``attributed_to`` is the statement's speaker, or the person the text gives the words to
    ("lời căn dặn của Bác Hồ “...”"); ``None`` for a short quoted term or slogan that is
    nobody's speech ("cây tre Việt Nam").
    """

    text: str
    start: int
    end: int
    attributed_to: str | None = None


class StatementMode(_ValueEnum):
    """Whether a statement quotes its speaker word for word, reports them, or both."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@attrs.frozen(kw_only=True, slots=True)
class Statement:
    """Who said what: the speaker, the cue verb as written, the content and its quotations.

    ``line``/``start``/``end`` place the whole statement (speaker to end of content) in its
    line's text. ``resolution`` says how a reference ("Tổng Bí thư đề nghị", "ông Sơn",
    "Ông") was tied to the person named earlier; ``resolved`` is False when it matched no
    one, and the speaker is then the reference as written.
    """

    speaker: Person
    cue: str
    text: str
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    mode: StatementMode
    line: int
    start: int
    end: int
    resolution: str | None = None
    resolved: bool = True

    @property
    def direct(self) -> bool:
        """True when the statement quotes its speaker's own words (mode direct or mixed)."""
        return self.mode is not StatementMode.INDIRECT


class EventKind(_ValueEnum):
    """What kind of event: the value is its name.

    Visits, talks, phone calls, receptions, courtesy calls, audiences and briefings (and
    meetings between people) have no series: they are told apart by who takes part.
    """

    CONFERENCE = "conference"
    SUMMIT = "summit"
    CONGRESS = "congress"
    SESSION = "session"
    MEETING = "meeting"
    WORKSHOP = "workshop"
    FORUM = "forum"
    VISIT = "visit"
    TALKS = "talks"
    PHONE_CALL = "phone_call"
    RECEPTION = "reception"
    COURTESY_CALL = "courtesy_call"
    AUDIENCE = "audience"
    BRIEFING = "briefing"
    CEREMONY = "ceremony"
    ANNIVERSARY = "anniversary"
    DIALOGUE = "dialogue"


class AttendanceMode(_ValueEnum):
    """How people attend an event."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


@attrs.frozen(kw_only=True, slots=True)
class EventMention:
    """Where an article names an event; ``passing`` when it only refers to it in passing
    ("Nghị quyết Đại hội XIII")."""

    line: int
    start: int
    end: int
    text: str
    passing: bool = False


@attrs.frozen(kw_only=True, slots=True)
class EventClaim:
    """What one sentence says about an event, and the words it came from.

    ``field`` is ``start``, ``end``, ``location``, ``mode`` or ``theme``; ``value`` is the
    ISO 8601 form of a date, else the text. ``scope`` is ``specific`` (the sentence reports
    this event alone), ``anaphoric`` (it says "the conference") or ``joint`` (it reports
    several events at once); a field takes the most specific claim.
    """

    field: str
    value: str
    text: str
    line: int
    scope: str


def _mentions(values: Iterable[EventMention]) -> tuple[EventMention, ...]:
    return tuple(values)


def _claims(values: Iterable[EventClaim]) -> tuple[EventClaim, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True, slots=True)
class Event:
    """An event an article reports or mentions.

    Identity is ``series`` and ``ordinal`` (and ``term``, the Party term "khóa XIII") when
    the event has an ordinal ("Hội nghị Ngoại giao lần thứ 32"), else its name and date.
    ``key`` is that identity folded for matching across articles. ``main`` marks the event
    the article is about. ``reported`` is False for an event the article names only in
    passing ("Nghị quyết Đại hội XIII", "được Đại hội XIII xác định"): it is kept with its
    mentions, but the article does not report it. Dates take the year from the article when
    the text lacks it, else stay partial. ``claims`` keeps every sentence's evidence,
    ``mentions`` every place the article names the event.
    """

    name: str
    series: str | None = None
    ordinal: int | None = None
    term: int | None = None
    kind: EventKind
    key: str
    start: DateValue | None = None
    end: DateValue | None = None
    location: str | None = None
    mode: AttendanceMode | None = None
    themes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    participants: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    organisers: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    main: bool = False
    reported: bool = True
    mentions: tuple[EventMention, ...] = attrs.field(default=(), converter=_mentions)
    claims: tuple[EventClaim, ...] = attrs.field(default=(), converter=_claims)
