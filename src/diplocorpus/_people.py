"""Stage 4, people: named people with their offices, as the text writes them.

Both orders are read: office first ("Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn") and name first
("Ngô Đông Hải, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"), lists of them ("các đồng chí:
A, role; B, role"), an office shared by several names ("Phó Thủ tướng Trần Hồng Hà và Lê Minh
Khái"), and names after an honorific ("ông", "bà", "Đồng chí"). Offices come from the
``roles`` lexicon; a name is a run of capitalised syllables, and a Vietnamese family name
(``surnames``) says where it starts when a place or an organisation runs into it. A name
in Latin script needs no family name: a word that cannot be a Vietnamese syllable
("Widodo", "Blinken") or initials ("Antony J. Blinken") show it. An office set off after a
title-first name is that person's ("Đại sứ A, Trưởng Phái đoàn ..."); a run that is only a
place ("Thái Lan") is nobody.

Besides the names, a line has references to people named elsewhere: an office alone, a
phrase that stands for one (``epithets``), one word of a name after an office or honorific
("ông Sơn", "Ngoại trưởng Blinken"); ``_individuals`` ties them to the people they name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import attrs

from ._lexicon import Lexicon
from ._models import Article, BlockKind, EntityKind, Person
from ._text import fold_key
from ._tokens import (
    Tokens,
    foreign,
    key_of,
    phrase_at,
    sentence_spans,
    text_units,
    tokenize,
    word_at,
)

__all__ = [
    "BareTitle",
    "Mention",
    "Mentions",
    "Unit",
    "abbreviation",
    "descriptor",
    "extract_people",
    "find_mentions",
    "people_of",
    "read_units",
    "role_word",
]

_MAX_ROLE_WORDS = 7  # longest office head in words
_MAX_GAP = 12  # words between an office's head and the name
_NAME_WORDS = (2, 5)
_FULL_NAME = 3  # words of a Vietnamese full name: family name, middle name, given name
_MAX_ASIDES = 3  # asides after a name: an age, a bracket, where they live
_HELD_WORDS = 2  # words of a place's or an institution's own name ("Trung Hòa", "Bạch Mai")
_MAX_LOOSE = 6  # lowercase syllables of an organisation's name ("khí tượng thủy văn quốc gia")
_MAX_DESCRIPTOR = 4  # lowercase words between an office and a name, or inside an organisation


@attrs.frozen(kw_only=True, slots=True)
class BareTitle:
    """Someone written without their full name, who is named elsewhere in the article.

    ``by`` says how: ``"office"`` for an office alone ("Tổng Bí thư đề nghị") or a phrase
    that stands for one ("Người đứng đầu Chính phủ", ``key`` then the office's), ``"name"``
    for one word of the name after an office or honorific ("ông Sơn", "Ngoại trưởng
    Blinken": ``key`` that word, ``role`` the office or ``None``).
    """

    role: str | None
    key: str
    first: int
    last: int
    by: Literal["office", "name"] = "office"
    written: str = ""
    place: str | None = None  # the folded place after an epithet ("... Chính phủ Việt Nam")


@attrs.frozen(slots=True)
class Mention:
    """A person named in a line: the name's token span and the whole mention's (with office)."""

    person: Person
    first: int
    last: int
    extent_first: int
    extent_last: int
    honorific: str | None = None  # the folded honorific written before the name, if any


@attrs.frozen(kw_only=True, slots=True)
class Mentions:
    """What one line says about people: named mentions and offices written alone, with the
    line's tokens and sentences (token spans), read once for every stage."""

    tokens: Tokens
    people: tuple[Mention, ...]
    bare_titles: tuple[BareTitle, ...]
    sentences: tuple[tuple[int, int], ...] = ()


@attrs.frozen(kw_only=True, slots=True)
class Unit:
    """A line where people are named (title, body, a caption's text without its credit),
    with its mentions: read once and handed to the statements and events stages."""

    line: int
    text: str
    kind: BlockKind
    mentions: Mentions


def read_units(article: Article, lex: Lexicon) -> tuple[Unit, ...]:
    """The article's lines where people are named, each with the people it names."""
    return tuple(
        Unit(line=line, text=text, kind=kind, mentions=find_mentions(text, line, lex))
        for line, text, kind in text_units(article, lex)
    )


def extract_people(article: Article, *, lexicon: Lexicon | None = None) -> tuple[Person, ...]:
    """Every named person in the article's title, body and captions, in reading order.

    Each mention is a :class:`Person` with the name and the office as written (``None``
    when no office is given), a folded ``key`` for matching, and its line and span.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    return people_of(read_units(article, lex))


def people_of(units: Sequence[Unit]) -> tuple[Person, ...]:
    """The people of lines already read (see :func:`read_units`)."""
    return tuple(mention.person for unit in units for mention in unit.mentions.people)


def find_mentions(text: str, line: int, lex: Lexicon) -> Mentions:
    """Find the people named in one line of text."""
    tokens = tokenize(text)
    claimed = [False] * len(tokens)
    people: list[Mention] = []
    bare: list[BareTitle] = []
    heads = lex.first_words
    # Only these words can start an office, an epithet or an honorific.
    starts = heads["roles"] | heads["role_prefixes"] | heads["epithets"] | heads["honorifics"]
    i = 0  # the next token to read: a person's words are not read again
    for start in [k for k, key in enumerate(tokens.key) if key in starts]:
        if start < i:
            continue
        i = start
        size = _role_head(tokens, i, lex)
        if not size:
            i = _epithet(text, tokens, i, bare, lex) or _short_after_honorific(
                text, tokens, i, bare, lex
            )
            continue
        name = _name_after(tokens, i + size, lex) or _listed_after_colon(tokens, i + size, lex)
        role_end = (name[0] if name else i + size) - 1
        role = _span_text(text, tokens, i, role_end).rstrip(":")
        if name is None:
            short = _short_name(tokens, i + size, lex)
            if short is not None:
                bare.append(_named_by(text, tokens, i, short, role=role))
                i = short + 1
                continue
            # "Chủ tịch UBND tỉnh nhấn mạnh": the office alone, with its organisation.
            role_end = _office_end(tokens, i + size - 1, lex)
            role = _span_text(text, tokens, i, role_end)
            bare.append(BareTitle(role=role, key=fold_key(role), first=i, last=role_end))
            i = role_end + 1
            continue
        names = [name, *_shared(tokens, name[1] + 1, lex)]
        # "Đại sứ A, Trưởng Phái đoàn ...": the office set off after the name describes it.
        after = _degrees_end(tokens, name[1], lex)
        apposition = _role_after(tokens, after, claimed, lex) if len(names) == 1 else None
        if apposition is not None and _names_own(tokens, apposition, lex):
            apposition = None  # "A, Chủ tịch nước B, ...": a list of people, each with an office
        if apposition is not None:
            role = _span_text(text, tokens, *apposition)
        for first, last in names:
            person = _person(text, tokens, first, last, role=role, line=line)
            if len(names) > 1:
                extent_last = _degrees_end(tokens, last, lex)
            else:
                extent_last = apposition[1] if apposition else _affiliation_end(tokens, after, lex)
                extent_last = _aside_end(tokens, extent_last, lex)
            people.append(
                Mention(person, first, last, i if first == name[0] else first, extent_last)
            )
            claimed[first : extent_last + 1] = [True] * (extent_last - first + 1)
        claimed[i : name[0]] = [True] * (name[0] - i)
        i = people[-1].extent_last + 1
    people.extend(_names_first(text, tokens, claimed, line, lex))
    people.sort(key=lambda m: m.first)
    # An office inside "Name, office" is that person's, not a title that refers back.
    bare = [b for b in bare if not any(claimed[b.first : b.last + 1])]
    return Mentions(
        tokens=tokens,
        people=tuple(people),
        bare_titles=tuple(bare),
        sentences=tuple(sentence_spans(tokens)),
    )


def _names_own(tokens: Tokens, span: tuple[int, int], lex: Lexicon) -> bool:
    """True when an office in the list at ``span`` leads to a name of its own inside it:
    "B, Ủy viên Quốc vụ, Bộ trưởng Ngoại giao Trung Quốc C" lists C's offices, not B's."""
    for k in range(span[0], span[1] + 1):
        head = _role_head(tokens, k, lex)
        if head and k + head <= span[1]:
            name = _name_after(tokens, k + head, lex)
            if name is not None and name[0] <= span[1]:
                return True
    return False


def _epithet(text: str, tokens: Tokens, i: int, bare: list[BareTitle], lex: Lexicon) -> int:
    """ "Người đứng đầu Chính phủ (Việt Nam)": a phrase that stands for an office. Returns
    the token after it, or 0 when there is none at ``i``."""
    if tokens.key[i] not in lex.first_words["epithets"]:
        return 0
    index = lex.epithet_index
    size = phrase_at(tokens, i, index.keys(), longest=_MAX_ROLE_WORDS)
    if not size:
        return 0
    last = i + size - 1
    place = 0 if tokens.stops[last] else _place_at(tokens, last + 1, lex)
    where = key_of(tokens.key[last + 1 : last + 1 + place]) if place else None
    last += place
    office = index[key_of(tokens.key[i : i + size])]
    written = _span_text(text, tokens, i, last)
    bare.append(
        BareTitle(role=written, key=office, first=i, last=last, written=written, place=where)
    )
    return last + 1


def _short_after_honorific(
    text: str, tokens: Tokens, i: int, bare: list[BareTitle], lex: Lexicon
) -> int:
    """ "ông Sơn cho biết": an honorific and one word of a name named elsewhere. Returns
    the next token to look at."""
    if tokens.key[i] not in lex.first_words["honorifics"]:
        return i + 1
    for size in (2, 1):
        words = tokens.key[i : i + size]
        if len(words) == size and key_of(words) in lex.honorifics:
            short = _short_name(tokens, i + size, lex, after_honorific=True)
            if short is not None:
                bare.append(_named_by(text, tokens, i, short, role=None))
                return short + 1
    return i + 1


def _named_by(text: str, tokens: Tokens, first: int, word: int, *, role: str | None) -> BareTitle:
    return BareTitle(
        role=role,
        key=tokens.key[word],
        first=first,
        last=word,
        by="name",
        written=_span_text(text, tokens, first, word),
    )


def _short_name(
    tokens: Tokens, j: int, lex: Lexicon, *, after_honorific: bool = False
) -> int | None:
    """Token index of a lone name word right after an office or honorific ("Ngoại trưởng
    Blinken nhấn mạnh", "tướng Hy nhớ lại"), when what follows shows the name ends there."""
    if j == 0 or j >= len(tokens) or tokens.stops[j - 1]:
        return None
    alone = tokens.stops[j] or j + 1 == len(tokens) or not tokens.capitalised[j + 1]
    if not tokens.capitalised[j] or tokens.lead[j] or not (alone or tokens.lead[j + 1]):
        return None
    if phrase_at(tokens, j, lex.org_heads, longest=lex.phrase_words["org_heads"]):
        return None  # "Bộ trưởng Bộ ...", but "ông Chính" is a man, not "chính phủ"
    if tokens.key[j] in lex.places and not after_honorific:
        return None  # "Thủ tướng Đức": a country; "ông Đức" is a man
    return j if _name_ends(tokens, j, lex) else None


def _place_at(tokens: Tokens, k: int, lex: Lexicon) -> int:
    """Words of the place (``places``) that starts at token ``k``, or 0."""
    if k >= len(tokens):
        return 0
    return phrase_at(tokens, k, lex.places, longest=4, prefixes=lex.prefixes["places"])


def _degrees_end(tokens: Tokens, last: int, lex: Lexicon) -> int:
    """The last token of the degrees written after a name ending at ``last`` ("S.E")."""
    while not tokens.stops[last] and last + 1 < len(tokens) and tokens.key[last + 1] in lex.degrees:
        last += 1
    return last


def _role_head(tokens: Tokens, i: int, lex: Lexicon) -> int:
    """The number of words of the longest office head starting at token ``i`` (0: none),
    with a prefix that belongs to it ("Quyền Bộ trưởng", "nguyên Thủ tướng")."""
    prefix = 0
    if tokens.key[i] in lex.first_words["role_prefixes"]:
        for size in (2, 1):
            words = tokens.key[i : i + size]
            if (
                len(words) == size
                and not tokens.stops[i + size - 1]
                and key_of(words) in lex.role_prefixes
            ):
                prefix = size
                break
    k = i + prefix
    if k >= len(tokens) or tokens.key[k] not in lex.first_words["roles"]:
        return 0
    size = phrase_at(tokens, k, lex.roles, longest=_MAX_ROLE_WORDS, prefixes=lex.prefixes["roles"])
    return size + prefix if size else 0


def _name_after(tokens: Tokens, j: int, lex: Lexicon) -> tuple[int, int] | None:
    """Token span of the name that an office starting before ``j`` leads to, if any."""
    if j == 0 or tokens.stops[j - 1]:
        return None
    k = j
    loose = 0  # lowercase words in a row that describe the office
    while k < len(tokens) and k < j + _MAX_GAP:
        if tokens.capitalised[k]:
            run_end = _run_end(tokens, k, lex)
            start = k + _held(tokens, k, run_end, lex)
            # After "tại" a place comes first: "Tổng lãnh sự quán Việt Nam tại Luông Pha Băng"
            placed = k > 0 and tokens.key[k - 1] in lex.grammar_words("affiliation")
            name = _name_in_run(tokens, start, run_end, lex, placed=placed)
            name = name if start <= run_end else None
            if name is not None:
                return name
            if tokens.stops[run_end]:
                return None
            k = run_end + 1
            loose = 0
            continue
        # The lowercase syllables of an organisation's name: "Ngoại giao", "Liên hợp quốc".
        follows_capital = (
            any(tokens.capitalised[b] for b in range(max(j, k - 2), k)) and not tokens.stops[k - 1]
        )
        acronym = abbreviation(tokens.text[k])  # UBND, HĐND, BCH
        if (follows_capital and tokens.text[k].isalpha()) or acronym or role_word(tokens, k, lex):
            if tokens.stops[k]:
                return None
            k += 1
            loose = 0
            continue
        if loose < _MAX_DESCRIPTOR and not tokens.stops[k] and descriptor(tokens, k, lex):
            k += 1  # "chuyên gia kinh tế Nguyễn Trí Hiếu", "Cục Quản lý chất lượng"
            loose += 1
            continue
        return None
    return None


def _held(tokens: Tokens, k: int, last: int, lex: Lexicon) -> int:
    """Words at the start of the run ``k``..``last`` that name the place or institution
    written just before it ("phường Trung Hòa", "Bệnh viện Bạch Mai", "Trường THCS Lê Quý
    Đôn"): they are not a person's name. A run with the shape of a full name is a name
    ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An": the province is left unsaid)."""
    b = k - 1
    while b >= 0 and abbreviation(tokens.text[b]) and tokens.key[b] not in lex.name_holders:
        b -= 1  # "Trường THCS": abbreviations between the word and the name ("TP" is one)
    if b < 0 or tokens.stops[b]:
        return 0
    words = tokens.key[max(0, b - 1) : b + 1]
    held = tokens.key[b] in lex.name_holders or key_of(words) in lex.name_holders
    if not held:
        return 0
    size = last - k + 1
    place = _place_prefix(tokens, k, last, lex)
    if place:
        return place  # "UBND TP Hồ Chí Minh": the city, though shaped like a name
    if b < k - 1:
        return min(size, _FULL_NAME)  # "Trường THCS Lê Quý Đôn": a school named after someone
    if tokens.key[k] in lex.surnames and _NAME_WORDS[0] <= size <= _FULL_NAME + 1:
        return 0
    return min(size, _HELD_WORDS)


def _office_end(tokens: Tokens, last: int, lex: Lexicon) -> int:
    """The last word of an office written without a name, from its head ending at ``last``
    over its organisation: "Chủ tịch UBND tỉnh", "Đại diện Sở Giao thông vận tải"."""
    end = k = last
    loose = 0
    while k + 1 < len(tokens) and not tokens.stops[k]:
        nxt = k + 1
        if tokens.lead[nxt]:
            break
        if tokens.capitalised[nxt] or abbreviation(tokens.text[nxt]) or role_word(tokens, nxt, lex):
            end, loose = k + 1, 0
        elif (
            loose < _MAX_LOOSE
            and (loose or tokens.capitalised[k])
            and descriptor(tokens, k + 1, lex)
        ):
            loose += 1
        else:
            break
        k += 1
    # Lowercase words after the last capital are the organisation's when the office ends
    # with them, at a stop or at the verb: "Đại diện Bộ Giao thông vận tải cho biết".
    if loose and (tokens.stops[k] or word_at(tokens, k + 1) in lex.first_words["cue_verbs"]):
        end = k
    return _aside_end(tokens, end, lex)  # "Đại diện Cục Cảnh sát giao thông (Bộ Công an)"


def descriptor(tokens: Tokens, k: int, lex: Lexicon) -> bool:
    """Word ``k`` is a lowercase word that can be part of an office's or an organisation's
    name ("phẫu thuật", "giao thông vận tải"): not a grammar word, and no speech verb
    starts there."""
    text, key = tokens.text[k], tokens.key[k]
    return (
        text.isalpha()
        and text.islower()
        and key not in lex.function_words
        and key not in lex.name_followers
        and not (
            key in lex.first_words["cue_verbs"]
            and phrase_at(tokens, k, lex.cue_verbs, longest=lex.phrase_words["cue_verbs"])
        )
        and not phrase_at(
            tokens, k, lex.organiser_verbs, longest=lex.phrase_words["organiser_verbs"]
        )
    )


def abbreviation(text: str) -> bool:
    """A name written as capitals: "UBND", "TTXVN", "AFP", "Vietnam+"."""
    letters = text.replace("+", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _aside_end(tokens: Tokens, last: int, lex: Lexicon) -> int:
    """The end of the asides right after a mention, which belong to it: an age (", 52
    tuổi,"), a bracket ("(35 tuổi, quận 3)", "(Đoàn Luật sư TP HCM)"), a place of work or
    home (", ở xã Hòa Phú,")."""
    k = last
    for _ in range(_MAX_ASIDES):
        nxt = k + 1
        if nxt >= len(tokens):
            break
        comma = tokens.trail[k].startswith(",")
        if tokens.lead[nxt].startswith("(") and not tokens.stops[k]:
            limit = min(len(tokens), nxt + _MAX_GAP)
            close = next((c for c in range(nxt, limit) if ")" in tokens.trail[c]), None)
            if close is None:
                break
            k = close
        elif comma and nxt + 1 < len(tokens) and tokens.text[nxt].isdigit():
            if tokens.key[nxt + 1] not in lex.grammar_words("age"):
                break
            k = nxt + 1
        elif comma and tokens.key[nxt] in lex.grammar_words("affiliation"):
            end = _affiliation_end(tokens, k, lex, after_comma=True)
            if end == k:
                break
            k = end
        else:
            break
    return k


def _affiliation_end(tokens: Tokens, last: int, lex: Lexicon, *, after_comma: bool = False) -> int:
    """The end of "ở <organisation>" after a name ("Lou Zhongquan ở Bệnh viện da liễu thành
    phố Triệu Khánh"): part of the mention, not of the name or the office."""
    k = last + 1
    if (tokens.stops[last] and not after_comma) or k + 1 >= len(tokens):
        return last
    named = tokens.capitalised[k + 1] or role_word(tokens, k + 1, lex)
    if tokens.key[k] not in lex.grammar_words("affiliation") or not named:
        return last
    end = last
    lower = 0
    k += 1
    while k < len(tokens):
        if tokens.capitalised[k] or abbreviation(tokens.text[k]):
            end, lower = k, 0
        elif role_word(tokens, k, lex) or (lower < _MAX_DESCRIPTOR and descriptor(tokens, k, lex)):
            lower += 1
        else:
            break
        if tokens.stops[k] or tokens.lead[k]:
            break
        k += 1
    return end


def _listed_after_colon(tokens: Tokens, j: int, lex: Lexicon) -> tuple[int, int] | None:
    """The first of the names an office lists after a colon: "Các Phó Thủ tướng: A, B"."""
    if j == 0 or j >= len(tokens) or not tokens.trail[j - 1].startswith(":"):
        return None
    if tokens.key[j] not in lex.surnames:
        return None
    end = _run_end(tokens, j, lex)
    if not _NAME_WORDS[0] <= end - j + 1 <= _NAME_WORDS[1] or _own_office(tokens, end, lex):
        return None
    return j, end


def _own_office(tokens: Tokens, end: int, lex: Lexicon) -> bool:
    """True when the name ending at ``end`` is followed by ", <office>" of its own."""
    return (
        tokens.trail[end].startswith(",")
        and end + 1 < len(tokens)
        and bool(_role_head(tokens, end + 1, lex))
    )


def role_word(tokens: Tokens, k: int, lex: Lexicon) -> bool:
    """True when word ``k`` is part of a ``role_words`` phrase ("thành phố", "nhân dân")."""
    for size in (1, 2, 3):
        for first in range(max(0, k - size + 1), k + 1):
            words = tokens.key[first : first + size]
            if len(words) == size and key_of(words) in lex.role_words:
                return True
    return False


def _run_end(tokens: Tokens, k: int, lex: Lexicon) -> int:
    """Index of the last capitalised word of the run starting at ``k``; a foreign name goes
    on over its lowercase particles ("Ahmad Zaki bin Yusof", "Ursula von der Leyen")."""
    end = k
    abroad = foreign(tokens.text[k])  # the run so far has a word in another language
    while not tokens.stops[end] and end + 1 < len(tokens):
        nxt = end + 1
        while (
            abroad
            and nxt + 1 < len(tokens)
            and tokens.key[nxt] in lex.name_particles
            and not tokens.stops[nxt]
        ):
            nxt += 1
        if not tokens.capitalised[nxt] or tokens.lead[nxt]:  # a quote starts something else
            break
        end = nxt
        abroad = abroad or foreign(tokens.text[end])
    return end


def _name_in_run(
    tokens: Tokens, first: int, last: int, lex: Lexicon, *, placed: bool = False
) -> tuple[int, int] | None:
    """Where the name is in a run of capitalised words, after any place that leads it
    ("Indonesia Joko Widodo"); a run that is only a place ("Thái Lan") names no one, unless
    it has the shape of a Vietnamese full name ("Chủ tịch Hồ Chí Minh")."""
    start = first + _place_prefix(tokens, first, last, lex)
    if start > last and last - first + 1 >= _FULL_NAME and tokens.key[first] in lex.surnames:
        start = first
    while last > start and tokens.key[last] in lex.degrees:
        last -= 1  # "Ibnu Hadi S.E": the degree is not the name
    if start > last:
        return None
    low, high = _NAME_WORDS
    for k in range(start, last + 1):
        if tokens.key[k] in lex.surnames and low <= last - k + 1 <= high:
            return k, last
    size = last - start + 1
    if _is_place(tokens, start, last, lex) or not low <= size <= high:
        return None
    if placed and start == first:
        return None  # a run after "tại" that no known place leads is the place itself
    if any(foreign(text) for text in tokens.text[start : last + 1]):
        return start, last  # a name in Latin script: "Joko Widodo", "Antony J. Blinken"
    if size <= 4 and _name_ends(tokens, last, lex):
        return start, last  # a name without a Vietnamese family name: "Kamikawa Yoko"
    return None


def _place_prefix(tokens: Tokens, first: int, last: int, lex: Lexicon) -> int:
    for size in range(min(4, last - first + 1), 0, -1):
        if _is_place(tokens, first, first + size - 1, lex):
            return size
    return 0


def _is_place(tokens: Tokens, first: int, last: int, lex: Lexicon) -> bool:
    return key_of(tokens.key[first : last + 1]) in lex.places


def _name_ends(tokens: Tokens, last: int, lex: Lexicon) -> bool:
    if tokens.stops[last] or last + 1 == len(tokens):
        return True
    nxt = tokens.key[last + 1]
    pair = f"{nxt} {tokens.key[last + 2]}" if last + 2 < len(tokens) else nxt
    followers = lex.name_followers | lex.cue_verbs | lex.speaker_adverbs
    return nxt in followers or pair in followers


def _shared(tokens: Tokens, k: int, lex: Lexicon) -> list[tuple[int, int]]:
    """More names that share the office: "Phó Thủ tướng Trần Hồng Hà và Lê Minh Khái"."""
    more: list[tuple[int, int]] = []
    while k < len(tokens):
        joins = tokens.key[k] in lex.grammar_words("names")
        joined = tokens.trail[k - 1].startswith(",") or joins
        start = k + 1 if joins else k
        if not joined or start >= len(tokens) or tokens.key[start] not in lex.surnames:
            break
        end = _run_end(tokens, start, lex)
        size = end - start + 1
        if not 2 <= size <= _NAME_WORDS[1]:
            break
        if _own_office(tokens, end, lex):
            break  # "B, Phó Chủ tịch ...": B has an office of its own
        more.append((start, end))
        k = end + 1
    return more


def _names_first(
    text: str, tokens: Tokens, claimed: list[bool], line: int, lex: Lexicon
) -> list[Mention]:
    """Names followed by their offices: "Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh"."""
    found: list[Mention] = []
    after = 0  # the token after the last run read
    for k in [k for k, capitalised in enumerate(tokens.capitalised) if capitalised]:
        if k < after or claimed[k] or _honorific_at(tokens, k, lex):
            continue
        end = _run_end(tokens, k, lex)
        begins = k == 0 or tokens.stops[k - 1] or tokens.key[k - 1] in lex.grammar_words("names")
        honored = _after_honorific(tokens, k, lex)
        size = end - k + 1
        plausible = tokens.key[k] in lex.surnames or honored
        if (
            (begins or honored)
            and plausible
            and 2 <= size <= _NAME_WORDS[1]
            and not any(claimed[k : end + 1])
        ):
            role_span = _role_after(tokens, end, claimed, lex)
            if role_span is not None or honored:
                role = _span_text(text, tokens, *role_span) if role_span else None
                last = _aside_end(tokens, role_span[1] if role_span else end, lex)
                person = _person(text, tokens, k, end, role=role, line=line)
                lead = _honorific_before(tokens, k, lex)
                found.append(Mention(person, k, end, k, last, lead))
                claimed[k : last + 1] = [True] * (last - k + 1)
        after = end + 1
    return found


def _honorific_at(tokens: Tokens, k: int, lex: Lexicon) -> bool:
    """True when word ``k`` is (part of) an honorific: "Ông", "Đồng chí"."""
    if tokens.key[k] in lex.honorifics:
        return True
    return k + 1 < len(tokens) and f"{tokens.key[k]} {tokens.key[k + 1]}" in lex.honorifics


def _honorific_before(tokens: Tokens, k: int, lex: Lexicon) -> str | None:
    """The folded honorific written just before token ``k`` ("bà"), if any."""
    for size in (2, 1):
        words = tokens.key[max(0, k - size) : k]
        if len(words) == size and not tokens.stops[k - 1] and key_of(words) in lex.honorifics:
            return key_of(words)
    return None


def _after_honorific(tokens: Tokens, k: int, lex: Lexicon) -> bool:
    one = tokens.key[k - 1] if k >= 1 else ""
    two = f"{tokens.key[k - 2]} {one}" if k >= 2 else ""
    return (one in lex.honorifics and not tokens.stops[k - 1]) or two in lex.honorifics


def _role_after(
    tokens: Tokens, end: int, claimed: list[bool], lex: Lexicon
) -> tuple[int, int] | None:
    """The offices listed after a name and a comma, up to ';', '.', ':' or "và <word>"."""
    if not tokens.trail[end].startswith(",") or end + 1 >= len(tokens):
        return None
    first = end + 1
    last: int | None = None
    k = first
    while k < len(tokens) and not claimed[k] and _role_head(tokens, k, lex):
        segment_end = k + _role_head(tokens, k, lex) - 1
        sure = segment_end  # the last word known to be the office's
        loose = 0
        named = True  # the last word is the head, or (part of) a capitalised name
        while segment_end < len(tokens) - 1 and segment_end - k < _MAX_GAP:
            if tokens.stops[segment_end] or claimed[segment_end + 1]:
                break
            if (
                tokens.key[segment_end + 1] in lex.grammar_words("names")
                and segment_end + 2 < len(tokens)
                and not tokens.text[segment_end + 2][:1].isupper()
            ):
                break  # "..., Phó Chủ tịch UBND tỉnh và các đại biểu dự hội nghị"
            office_word = role_word(tokens, segment_end + 1, lex)
            capital = tokens.text[segment_end + 1][:1].isupper() or tokens.capitalised[segment_end]
            if capital or office_word:
                # a capital, an office's word, or one syllable after a capital ("Ngoại giao")
                named = not office_word and capital
                segment_end += 1
                sure, loose = segment_end, 0
            elif (
                loose < _MAX_DESCRIPTOR
                and (loose or named)
                and descriptor(tokens, segment_end + 1, lex)
            ):
                segment_end += 1  # "Cục Quản lý chất lượng,": kept if the office ends here
                loose += 1
            else:
                break
        if not tokens.trail[segment_end].startswith((",", ";")) and segment_end > sure:
            segment_end = sure
        last = segment_end
        if not tokens.trail[segment_end].startswith(","):
            break
        k = segment_end + 1
    if last is None:
        return None
    return first, last


def _span_text(text: str, tokens: Tokens, first: int, last: int) -> str:
    return text[tokens.start[first] : tokens.end[last]]


def _person(
    text: str, tokens: Tokens, first: int, last: int, *, role: str | None, line: int
) -> Person:
    name = _span_text(text, tokens, first, last)
    return Person(
        name=name,
        role=role,
        key=fold_key(name),
        line=line,
        start=tokens.start[first],
        end=tokens.end[last],
        kind=EntityKind.PERSON,
    )
