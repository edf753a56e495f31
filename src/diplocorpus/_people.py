"""Stage 4, people: named people with their offices, as the text writes them.

Both orders are read: office first ("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn") and name first
("Ngô Đông Hải, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"), lists of them ("các đồng chí:
A, role; B, role"), an office shared by several names ("Phó Thủ tướng Trần Hồng Hà và Lê Minh
Khái"), and names after an honorific ("ông", "bà", "Đồng chí"). Offices come from the
``roles`` lexicon; a name is a run of capitalised syllables, and a Vietnamese family name
(``surnames``) says where it starts when a place or an organisation runs into it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

import attrs

from ._lexicon import Lexicon
from ._meta import split_credit
from ._models import Article, BlockKind, EntityKind, Person
from ._text import fold_key

__all__ = [
    "BareTitle",
    "Mention",
    "Mentions",
    "extract_people",
    "find_mentions",
    "phrase_at",
    "sentence_spans",
    "text_units",
]

_TOKEN = re.compile(r"\S+")
_OPENERS = "\"“‘'([«"
_CLOSERS = "\"”’')]».,;:!?…"
_STOPS = frozenset(",;:.!?…")
_MAX_ROLE_WORDS = 7  # longest office head in words
_MAX_GAP = 12  # words between an office's head and the name
_NAME_WORDS = (2, 5)
_AND = fold_key("và")
_JOINING = frozenset(map(fold_key, ("và", "cùng")))  # words that join two names


@attrs.frozen(slots=True)
class Token:
    """A word of a line: its core text without surrounding punctuation, and where it is."""

    text: str
    start: int
    end: int
    lead: str
    trail: str
    key: str
    # A name syllable: a capital, then lowercase letters ("Nguyễn", "Sơn").
    capitalised: bool = attrs.field(init=False)
    # Punctuation after the word ends a phrase (, ; : . ! ?).
    stops: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        core = self.text
        object.__setattr__(
            self,
            "capitalised",
            core[:1].isupper() and core.isalpha() and (core[1:].islower() or len(core) == 1),
        )
        object.__setattr__(self, "stops", any(c in _STOPS for c in self.trail))


@attrs.frozen(kw_only=True, slots=True)
class BareTitle:
    """An office written without a name ("Tổng Bí thư đề nghị"): it refers back."""

    role: str
    key: str
    first: int
    last: int


@attrs.frozen(slots=True)
class Mention:
    """A person named in a line: the name's token span and the whole mention's (with office)."""

    person: Person
    first: int
    last: int
    extent_first: int
    extent_last: int


@attrs.frozen(kw_only=True, slots=True)
class Mentions:
    """What one line says about people: named mentions and offices written alone."""

    tokens: tuple[Token, ...]
    people: tuple[Mention, ...]
    bare_titles: tuple[BareTitle, ...]


def tokenize(text: str) -> tuple[Token, ...]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        body = raw.lstrip(_OPENERS)
        core = body.rstrip(_CLOSERS)
        if not core:
            continue
        start = match.start() + len(raw) - len(body)
        tokens.append(
            Token(
                core,
                start,
                start + len(core),
                raw[: len(raw) - len(body)],
                body[len(core) :],
                fold_key(core),
            )
        )
    return tuple(tokens)


def sentence_spans(tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """Token spans of sentences; a full stop inside quotation marks does not end one."""
    first = 0
    depth = 0
    for k, token in enumerate(tokens):
        depth += token.lead.count("“") - token.trail.count("”")
        depth += token.lead.count('"') % 2 - token.trail.count('"') % 2
        if depth <= 0 and any(c in ".!?…" for c in token.trail.replace('"', "")):
            yield first, k
            first = k + 1
            depth = 0
    if first < len(tokens):
        yield first, len(tokens) - 1


def text_units(article: Article, lexicon: Lexicon) -> Iterator[tuple[int, str, BlockKind]]:
    """The lines where people are named: title, body and the text of captions."""
    for block in article.blocks:
        if block.kind in {BlockKind.TITLE, BlockKind.BODY}:
            yield block.line, block.text, block.kind
        elif block.kind is BlockKind.CAPTION:
            split = split_credit(block.text, lexicon, caption=True)
            text = split[0] if split is not None else block.text
            if text:
                yield block.line, text, block.kind


def extract_people(article: Article, *, lexicon: Lexicon | None = None) -> tuple[Person, ...]:
    """Every named person in the article's title, body and captions, in reading order.

    Each mention is a :class:`Person` with the name and the office as written (``None``
    when no office is given), a folded ``key`` for matching, and its line and span.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    found: list[Person] = []
    for line, text, _kind in text_units(article, lex):
        found.extend(mention.person for mention in find_mentions(text, line, lex).people)
    return tuple(found)


def find_mentions(text: str, line: int, lex: Lexicon) -> Mentions:
    """Find the people named in one line of text."""
    tokens = tokenize(text)
    claimed = [False] * len(tokens)
    people: list[Mention] = []
    bare: list[BareTitle] = []
    i = 0
    while i < len(tokens):
        size = _role_head(tokens, i, lex)
        if not size:
            i += 1
            continue
        name = _name_after(tokens, i + size, lex) or _listed_after_colon(tokens, i + size, lex)
        role_end = (name[0] if name else i + size) - 1
        role = _span_text(text, tokens, i, role_end).rstrip(":")
        if name is None:
            bare.append(BareTitle(role=role, key=fold_key(role), first=i, last=role_end))
            i += size
            continue
        for first, last in [name, *_shared(tokens, name[1] + 1, lex)]:
            person = _person(text, tokens, first, last, role=role, line=line)
            people.append(Mention(person, first, last, i if first == name[0] else first, last))
            claimed[first : last + 1] = [True] * (last - first + 1)
        claimed[i : name[0]] = [True] * (name[0] - i)
        i = people[-1].last + 1
    people.extend(_names_first(text, tokens, claimed, line, lex))
    people.sort(key=lambda m: m.first)
    # An office inside "Name, office" is that person's, not a title that refers back.
    bare = [b for b in bare if not any(claimed[b.first : b.last + 1])]
    return Mentions(tokens=tokens, people=tuple(people), bare_titles=tuple(bare))


def phrase_at(tokens: Sequence[Token], k: int, phrases: Collection[str], *, longest: int) -> int:
    """Words of the longest of ``phrases`` (folded) that starts at token ``k``, or 0.

    A phrase does not run over punctuation that ends a phrase ("Bí thư, Tỉnh ủy" is not
    "Bí thư Tỉnh ủy") nor into an opening quotation mark.
    """
    for size in range(min(longest, len(tokens) - k), 0, -1):
        words = tokens[k : k + size]
        if any(t.stops for t in words[:-1]) or any(t.lead for t in words[1:]):
            continue
        if " ".join(t.key for t in words) in phrases:
            return size
    return 0


def _role_head(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> int:
    """The number of words of the longest office head starting at token ``i`` (0: none)."""
    if tokens[i].key not in lex.first_words["roles"]:
        return 0
    return phrase_at(tokens, i, lex.roles, longest=_MAX_ROLE_WORDS)


def _name_after(tokens: tuple[Token, ...], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """Token span of the name that an office starting before ``j`` leads to, if any."""
    if j == 0 or tokens[j - 1].stops:
        return None
    k = j
    while k < len(tokens) and k < j + _MAX_GAP:
        token = tokens[k]
        if token.capitalised:
            run_end = _run_end(tokens, k)
            name = _name_in_run(tokens, k, run_end, lex)
            if name is not None:
                return name
            if tokens[run_end].stops:
                return None
            k = run_end + 1
            continue
        # The lowercase syllables of an organisation's name: "Ngoại giao", "Liên hợp quốc".
        follows_capital = (
            any(tokens[b].capitalised for b in range(max(j, k - 2), k)) and not tokens[k - 1].stops
        )
        acronym = len(token.text) >= 2 and token.text.isupper()  # UBND, HĐND, BCH
        if (follows_capital and token.text.isalpha()) or acronym or _role_word(tokens, k, lex):
            if token.stops:
                return None
            k += 1
            continue
        return None
    return None


def _listed_after_colon(tokens: tuple[Token, ...], j: int, lex: Lexicon) -> tuple[int, int] | None:
    """The first of the names an office lists after a colon: "Các Phó Thủ tướng: A, B"."""
    if j == 0 or j >= len(tokens) or not tokens[j - 1].trail.startswith(":"):
        return None
    if tokens[j].key not in lex.surnames:
        return None
    end = _run_end(tokens, j)
    if not _NAME_WORDS[0] <= end - j + 1 <= _NAME_WORDS[1] or _own_office(tokens, end, lex):
        return None
    return j, end


def _own_office(tokens: tuple[Token, ...], end: int, lex: Lexicon) -> bool:
    """True when the name ending at ``end`` is followed by ", <office>" of its own."""
    return (
        tokens[end].trail.startswith(",")
        and end + 1 < len(tokens)
        and bool(_role_head(tokens, end + 1, lex))
    )


def _role_word(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """True when word ``k`` is part of a ``role_words`` phrase ("thành phố", "nhân dân")."""
    for size in (1, 2, 3):
        for first in range(max(0, k - size + 1), k + 1):
            words = tokens[first : first + size]
            if len(words) == size and " ".join(t.key for t in words) in lex.role_words:
                return True
    return False


def _run_end(tokens: tuple[Token, ...], k: int) -> int:
    """Index of the last capitalised word of the run starting at ``k``."""
    end = k
    while (
        not tokens[end].stops
        and end + 1 < len(tokens)
        and tokens[end + 1].capitalised
        and not tokens[end + 1].lead  # an opening quote starts something else
    ):
        end += 1
    return end


def _name_in_run(
    tokens: tuple[Token, ...], first: int, last: int, lex: Lexicon
) -> tuple[int, int] | None:
    """Where the name is in a run of capitalised words, after any place that leads it."""
    start = first + _place_prefix(tokens, first, last, lex)
    low, high = _NAME_WORDS
    for k in range(start, last + 1):
        if tokens[k].key in lex.surnames and low <= last - k + 1 <= high:
            return k, last
    size = last - start + 1
    if 2 <= size <= 4 and _name_ends(tokens, last, lex) and not _is_place(tokens, start, last, lex):
        return start, last  # a name without a Vietnamese family name: "Kamikawa Yoko"
    return None


def _place_prefix(tokens: tuple[Token, ...], first: int, last: int, lex: Lexicon) -> int:
    for size in range(min(4, last - first), 0, -1):
        if _is_place(tokens, first, first + size - 1, lex):
            return size
    return 0


def _is_place(tokens: tuple[Token, ...], first: int, last: int, lex: Lexicon) -> bool:
    return " ".join(t.key for t in tokens[first : last + 1]) in lex.places


def _name_ends(tokens: tuple[Token, ...], last: int, lex: Lexicon) -> bool:
    if tokens[last].stops or last + 1 == len(tokens):
        return True
    nxt = tokens[last + 1].key
    pair = f"{nxt} {tokens[last + 2].key}" if last + 2 < len(tokens) else nxt
    followers = lex.name_followers | lex.cue_verbs | lex.speaker_adverbs
    return nxt in followers or pair in followers


def _shared(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> list[tuple[int, int]]:
    """More names that share the office: "Phó Thủ tướng Trần Hồng Hà và Lê Minh Khái"."""
    more: list[tuple[int, int]] = []
    while k < len(tokens):
        joined = tokens[k - 1].trail.startswith(",") or tokens[k].key == _AND
        start = k + 1 if tokens[k].key == _AND else k
        if not joined or start >= len(tokens) or tokens[start].key not in lex.surnames:
            break
        end = _run_end(tokens, start)
        size = end - start + 1
        if not 2 <= size <= _NAME_WORDS[1]:
            break
        if _own_office(tokens, end, lex):
            break  # "B, Phó Chủ tịch ...": B has an office of its own
        more.append((start, end))
        k = end + 1
    return more


def _names_first(
    text: str, tokens: tuple[Token, ...], claimed: list[bool], line: int, lex: Lexicon
) -> list[Mention]:
    """Names followed by their offices: "Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh"."""
    found: list[Mention] = []
    k = 0
    while k < len(tokens):
        if claimed[k] or not tokens[k].capitalised or _honorific_at(tokens, k, lex):
            k += 1
            continue
        end = _run_end(tokens, k)
        begins = k == 0 or tokens[k - 1].stops or tokens[k - 1].key in _JOINING
        honored = _after_honorific(tokens, k, lex)
        size = end - k + 1
        plausible = tokens[k].key in lex.surnames or honored
        if (
            (begins or honored)
            and plausible
            and 2 <= size <= _NAME_WORDS[1]
            and not any(claimed[k : end + 1])
        ):
            role_span = _role_after(tokens, end, claimed, lex)
            if role_span is not None or honored:
                role = _span_text(text, tokens, *role_span) if role_span else None
                last = role_span[1] if role_span else end
                found.append(
                    Mention(_person(text, tokens, k, end, role=role, line=line), k, end, k, last)
                )
                claimed[k : last + 1] = [True] * (last - k + 1)
        k = end + 1
    return found


def _honorific_at(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """True when word ``k`` is (part of) an honorific: "Ông", "Đồng chí"."""
    if tokens[k].key in lex.honorifics:
        return True
    return k + 1 < len(tokens) and f"{tokens[k].key} {tokens[k + 1].key}" in lex.honorifics


def _after_honorific(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    one = tokens[k - 1].key if k >= 1 else ""
    two = f"{tokens[k - 2].key} {one}" if k >= 2 else ""
    return (one in lex.honorifics and not tokens[k - 1].stops) or two in lex.honorifics


def _role_after(
    tokens: tuple[Token, ...], end: int, claimed: list[bool], lex: Lexicon
) -> tuple[int, int] | None:
    """The offices listed after a name and a comma, up to ';', '.', ':' or "và <word>"."""
    if not tokens[end].trail.startswith(",") or end + 1 >= len(tokens):
        return None
    first = end + 1
    last: int | None = None
    k = first
    while k < len(tokens) and not claimed[k] and _role_head(tokens, k, lex):
        segment_end = k
        while segment_end < len(tokens) - 1 and segment_end - k < _MAX_GAP:
            token = tokens[segment_end]
            nxt = tokens[segment_end + 1]
            if token.stops or claimed[segment_end + 1]:
                break
            if (
                nxt.key in _JOINING
                and segment_end + 2 < len(tokens)
                and not tokens[segment_end + 2].text[:1].isupper()
            ):
                break  # "..., Phó Chủ tịch UBND tỉnh và các đại biểu dự hội nghị"
            if not (
                nxt.text[:1].isupper()
                or _role_word(tokens, segment_end + 1, lex)
                or tokens[segment_end].capitalised
            ):
                break
            segment_end += 1
        last = segment_end
        if not tokens[segment_end].trail.startswith(","):
            break
        k = segment_end + 1
    if last is None:
        return None
    return first, last


def _span_text(text: str, tokens: tuple[Token, ...], first: int, last: int) -> str:
    return text[tokens[first].start : tokens[last].end]


def _person(
    text: str, tokens: tuple[Token, ...], first: int, last: int, *, role: str | None, line: int
) -> Person:
    name = _span_text(text, tokens, first, last)
    return Person(
        name=name,
        role=role,
        key=fold_key(name),
        line=line,
        start=tokens[first].start,
        end=tokens[last].end,
        kind=EntityKind.PERSON,
    )
