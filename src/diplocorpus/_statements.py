"""Stage 5, statements: who said what, in the body of an article.

A statement is a speaker, a cue verb and what the speaker said:

- ``SPEAKER CUE: content``, ``SPEAKER CUE, content``, ``SPEAKER CUE content``;
- ``Theo SPEAKER, content``;
- a fronted clause before the speaker (``Phát biểu tại hội nghị, SPEAKER CUE ...``);
- the quotation first and the speaker after (``“...”, SPEAKER CUE.``, ``"..." - SPEAKER
  cho hay``, ``“...”, SPEAKER trả lời các phóng viên ...``);
- a further cue of the same speaker, after ``và``, a comma or a semicolon (``SPEAKER gửi lời
  chào ... và khẳng định ...``, ``...; khẳng định ...``), even when the paragraph before
  broke the sentence.

The speaker is a named person (``Đại sứ Indonesia Ibnu Hadi``, ``Ông A, Giám đốc Sở, ...``),
a reference to one named earlier in the article (an office alone, ``Tổng Bí thư đề nghị``; a
phrase that stands for an office, ``Người đứng đầu Chính phủ``; one word of the name,
``ông Sơn``, ``Ngoại trưởng Blinken``; a pronoun, ``Ông``), two people joined by ``và``
(one statement each), an organisation (the ``speakers`` lexicon, a news agency, an
abbreviation such as ``TTXVN``, or a name that starts with an ``org_heads`` word, ``Ban Đối
ngoại Trung ương``), or a group (``các đại biểu``; a quantifier before an office or a
``group_words`` noun, ``hai Thủ tướng``, ``các bên``). A reference that matches no one is kept
as written with ``resolved=False``, never guessed. Anything else before a cue verb ("Hội
nghị đã đánh giá", "được đánh giá là") is not a speaker. Captions and noise are never
searched.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

import attrs

from ._individuals import Registry
from ._lexicon import Lexicon
from ._models import Article, BlockKind, EntityKind, Person, Quote, Statement, StatementMode
from ._people import (
    BareTitle,
    Mention,
    Mentions,
    Unit,
    abbreviation,
    descriptor,
    read_units,
    role_word,
)
from ._text import fold_key
from ._tokens import Tokens, is_dash, key_of, phrase_at, word_at

__all__ = ["extract_statements", "statements_of"]

_MAX_NAME_WORDS = 5
_MAX_SPEAKER_WORDS = 40  # a speaker's phrase, office and asides included, is no longer
_SUBJECT_LEAD = 5  # words before a sentence's subject: an honorific, adverbs
_THEO_COMMAS = 3  # commas after "Theo" at which the speaker's phrase may end
_ATTRIBUTION_CHARS = 80  # how far before a quotation its author is looked for
_MAX_LOOSE = 6  # lowercase syllables in a row inside an organisation's name
_NAME_TAIL = 3  # words of a name written again without its first ones ("Tiến Linh")
_MAX_APPOSITION = 12  # words of a description between a speaker and the cue
_DATE = re.compile(r"\d{1,2}(?:[/-]\d{1,2}){0,2}")
_MAX_QUOTE_GAP = 2  # characters between a closing quotation mark and the speaker (", " "- ")
_SPEECH_WORDS = 6  # a quotation this long is speech; a shorter one names or labels something
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CLAUSE_STOPS = frozenset(",;:")

# A speaker, how a reference was resolved (None for a name as written), and whether it was.
Found = tuple[Person, str | None, bool]
Speaker = tuple[list[Found], int]  # the speakers of a cue, and where their phrase starts


def extract_statements(
    article: Article, *, lexicon: Lexicon | None = None
) -> tuple[Statement, ...]:
    """Every statement in the article's body paragraphs, in reading order."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    return statements_of(read_units(article, lex), lex)


def statements_of(units: Sequence[Unit], lex: Lexicon) -> tuple[Statement, ...]:
    """The statements of lines already read (see :func:`read_units`): body paragraphs are
    searched, the title and captions only name the people that references may point to."""
    known = Registry(lex)  # people named so far, for references that refer back
    found: list[Statement] = []
    previous: list[Statement] = []  # the statements of the body paragraph before
    for unit in units:
        mentions = unit.mentions
        if unit.kind is BlockKind.BODY:
            paragraph = _Paragraph(
                unit.text,
                line=unit.line,
                mentions=mentions,
                known=known,
                previous=previous,
                lex=lex,
            )
            here = paragraph.statements()
            found.extend(here)
            previous = here
            for statement in here:
                known.add(statement.speaker, known.honorific(statement.speaker))
        for mention in mentions.people:
            known.add(mention.person, mention.honorific)
    return tuple(found)


@attrs.frozen(slots=True)
class _Draft:
    """A statement found in a sentence, before its content is cut where the next begins."""

    found: Found
    cue: str
    content: tuple[int, int]
    start: int


class _Paragraph:
    """One body paragraph and what the statements stage knows of it: the mentions indexed by
    where they start and end, so that each cue costs the same however long the line is."""

    __slots__ = (
        "_by_first",
        "_by_last",
        "_named",
        "_next",
        "_order",
        "_starts",
        "_titles",
        "known",
        "lex",
        "line",
        "mentions",
        "previous",
        "text",
        "tokens",
    )

    def __init__(
        self,
        text: str,
        *,
        line: int,
        mentions: Mentions,
        known: Registry,
        previous: list[Statement],
        lex: Lexicon,
    ) -> None:
        self.text = text
        self.line = line
        self.mentions = mentions
        self.tokens = mentions.tokens
        self.known = known
        self.previous = previous
        self.lex = lex
        self._by_first: dict[int, list[Mention]] = {}
        self._by_last: dict[int, list[Mention]] = {}
        self._named = [False] * len(self.tokens)  # inside a person's name
        for mention in mentions.people:
            self._by_first.setdefault(mention.extent_first, []).append(mention)
            self._by_last.setdefault(mention.extent_last, []).append(mention)
            size = mention.last - mention.first + 1
            self._named[mention.first : mention.last + 1] = [True] * size
        self._titles = {(t.first, t.last): t for t in mentions.bare_titles}
        # The people of this line, noted in the registry as the reading reaches them.
        self._order = sorted(mentions.people, key=lambda m: m.last)
        self._next = 0
        by_start = sorted(mentions.people, key=lambda m: m.person.start)
        self._starts = ([m.person.start for m in by_start], [m.person for m in by_start])

    def _words(self, use: str) -> frozenset[str]:
        return self.lex.grammar_words(use)

    def _catch_up(self, at: int) -> None:
        """Note the people of this line named before token ``at``."""
        while self._next < len(self._order) and self._order[self._next].last < at:
            mention = self._order[self._next]
            self.known.add(mention.person, mention.honorific)
            self._next += 1

    def statements(self) -> list[Statement]:
        found: list[Statement] = []
        for first, last in self.mentions.sentences:
            drafts: list[_Draft] = []
            theo = self._theo(first, last)
            if theo is not None:
                drafts.append(theo)
            opening = self._opening_quote(first, last)
            after = first  # where the next cue may start
            for k in self._cue_starts(first, last):
                size = self._cue(k, first, last) if k >= after else 0
                if size:
                    cue = (k, k + size - 1)
                    drafts.extend(self._drafts_at((first, last), cue, drafts, found, opening))
                    after = k + size
            found.extend(self._trimmed(drafts))
        return found

    def _cue_starts(self, first: int, last: int) -> list[int]:
        """The tokens of the sentence where a cue verb may start (its first word)."""
        firsts = self.lex.first_words["cue_verbs"]
        tokens = self.tokens
        return [k for k in range(first, last + 1) if tokens.key[k] in firsts]

    def _cue(self, k: int, first: int, last: int) -> int:
        """Words of the cue verb at token ``k`` (a word a cue verb starts with: see
        :meth:`_cue_starts`), or 0. A capitalised word inside a sentence is part of a name
        ("Ban Chỉ đạo ..."), not the verb."""
        if k > first and self.tokens.text[k][:1].isupper() and not self.tokens.lead[k]:
            return 0
        longest = self.lex.phrase_words["cue_verbs"]
        prefixes = self.lex.prefixes["cue_verbs"]
        return phrase_at(
            self.tokens, k, self.lex.cue_verbs, longest=longest, last=last, prefixes=prefixes
        )

    def _drafts_at(
        self,
        sentence: tuple[int, int],
        cue: tuple[int, int],
        in_sentence: list[_Draft],
        earlier: list[Statement],
        opening: tuple[int, int] | None,
    ) -> list[_Draft]:
        tokens = self.tokens
        first, last = sentence
        cue_first, cue_last = cue
        if cue_first > 0 and tokens.key[cue_first - 1] in self._words("passive"):
            return []  # "được đánh giá là": nobody speaks
        cue_words = key_of(tokens.key[cue_first : cue_last + 1])
        speaker = self._speaker(first, cue_first)
        if speaker is None:
            if cue_words in self.lex.strict_cues:
                return []  # "... đối đầu và chỉ trích ...": a noun here, not a verb
            chained = self._chained(first, cue_first, in_sentence, earlier)
            if not chained:
                return []
            speaker = chained, tokens.start[cue_first]
        speakers, start = speaker
        cue_text = self.text[tokens.start[cue_first] : tokens.end[cue_last]]
        if opening is not None and _quote_gap(self.text, opening[1], start):
            # "“...”, bà A trả lời các phóng viên ...": the quotation is what was said.
            return [_Draft(found, cue_text, opening, opening[0]) for found in speakers]
        colon = tokens.trail[cue_last].startswith(":")
        leads_content = colon or (
            cue_last < last and tokens.key[cue_last + 1] in self._words("content")
        )
        if cue_words in self.lex.colon_cues and not leads_content:
            return []  # "phát biểu chỉ đạo tại hội nghị": a speech, no content given
        content_first = cue_last + 1
        if (
            content_first <= last
            and tokens.key[content_first] in self._words("content")
            and not colon
        ):
            content_first += 1
        if content_first > last:
            return []
        content = (_outer_start(tokens, content_first), _outer_end(tokens, last))
        return [_Draft(found, cue_text, content, start) for found in speakers]

    def _opening_quote(self, first: int, last: int) -> tuple[int, int] | None:
        """The quotation that opens the sentence, if any (looked for once a sentence)."""
        content_start = _outer_start(self.tokens, first)
        match = _QUOTE.match(self.text, content_start, _outer_end(self.tokens, last))
        return None if match is None else (content_start, match.end())

    def _make(self, found: Found, cue: str, content: tuple[int, int], start: int) -> Statement:
        speaker, resolution, resolved = found
        raw = self.text[content[0] : content[1]]
        body = raw.strip()
        offset = content[0] + len(raw) - len(raw.lstrip())
        quotes = tuple(
            Quote(
                text=m.group()[1:-1].strip(),
                start=offset + m.start(),
                end=offset + m.end(),
                attributed_to=self._attribution(offset, offset + m.start())
                or (speaker.name if _is_speech(m.group()) else None),
            )
            for m in _QUOTE.finditer(body)
        )
        return Statement(
            speaker=speaker,
            cue=cue,
            text=body,
            quotes=quotes,
            mode=_mode(body, quotes, speaker.name),
            line=self.line,
            start=min(start, content[0]),
            end=content[1],
            resolution=resolution,
            resolved=resolved,
        )

    def _attribution(self, content_start: int, quote_start: int) -> str | None:
        """Whose words a quotation is, when the text gives it to someone else:
        "như lời căn dặn của Bác Hồ “...”", "tư tưởng của Chủ tịch Hồ Chí Minh như “...”".
        """
        # The last person named before the quotation, if inside the content and near it.
        starts, people = self._starts
        index = bisect.bisect_left(starts, quote_start) - 1
        person = people[index] if index >= 0 else None
        if person is not None and person.start >= content_start and person.end <= quote_start:
            near = quote_start - person.end <= _ATTRIBUTION_CHARS
            between = self.text[person.end : quote_start]
            lead = self.text[max(content_start, person.start - _ATTRIBUTION_CHARS) : person.start]
            if near and not re.search(r"[.;]", between) and _ends_with_of(lead, self._words("of")):
                return person.name
        window = self.text[max(content_start, quote_start - _ATTRIBUTION_CHARS) : quote_start]
        return _named_before(window, self._words("of"))

    # -- who speaks ----------------------------------------------------------------------

    def _speaker(self, first: int, cue_first: int) -> Speaker | None:
        """Who says the cue at ``cue_first``: the phrase that ends the clause before it."""
        tokens = self.tokens
        end = cue_first - 1
        while end >= first and not tokens.stops[end] and (size := self._before_cue(end)):
            end -= size
        if end < first:
            return None
        # "Ông A, Giám đốc Sở, cho biết", "Đại sứ A, Trưởng Phái đoàn ... cho biết": a
        # mention with its office set off by commas, which opens its clause.
        opening = self._mention_ending(first, end)
        if opening is not None:
            mention, begin = opening
            return [(mention.person, None, True)], tokens.start[begin]
        if tokens.stops[end]:
            return self._behind_apposition(first, end)
        begin = end
        while begin > first and not self._boundary(begin - 1):
            begin -= 1
            if end - begin >= _MAX_SPEAKER_WORDS:
                return None  # a clause this long before the cue is no speaker's name
        while begin <= end and (size := self._adverb_from(begin, end)):
            begin += size
        if begin > end:
            return None
        found = self._phrase_speakers(begin, end)
        return None if not found else (found, tokens.start[begin])

    def _mention_ending(self, first: int, end: int) -> tuple[Mention, int] | None:
        """The mention that ends at token ``end`` and opens its clause, and where it starts."""
        for mention in self._by_last.get(end, ()):
            if mention.extent_first >= first:
                begin = self._phrase_start(first, mention.extent_first)
                if self._opens_clause(first, begin):
                    return mention, begin
        return None

    def _behind_apposition(self, first: int, end: int) -> Speaker | None:
        """ "bà A, người bán hàng ở ngã tư Sở, nói": a description set off by commas
        between a mention and the cue; it starts in lowercase (or with a number) and is
        short."""
        tokens = self.tokens
        b = end
        while b > first and not self._boundary(b - 1):
            b -= 1
            if end - b >= _MAX_APPOSITION:
                return None
        if b <= first or not tokens.trail[b - 1].startswith(",") or tokens.text[b][:1].isupper():
            return None
        opening = self._mention_ending(first, b - 1)
        if opening is None:
            return None
        mention, begin = opening
        return [(mention.person, None, True)], tokens.start[begin]

    def _before_cue(self, end: int) -> int:
        """Words ending at ``end`` that stand between a speaker and the cue: an adverb
        ("cũng") or a time ("hôm 5/9", "ngày 10/7", "hôm qua")."""
        size = self._adverb_before(end)
        if size or end < 1:
            return size
        tokens = self.tokens
        date, key = tokens.text[end], tokens.key[end]
        dated = _DATE.fullmatch(date) is not None or key in self._words("deixis")
        if dated and not tokens.stops[end - 1] and tokens.key[end - 1] in self._words("time"):
            return 2
        return 0

    def _boundary(self, k: int) -> bool:
        """True when token ``k`` ends a clause: , ; : after it, or it is a dash that does
        not join two names ("Việt Nam - Lào" is one name)."""
        tokens = self.tokens
        if any(c in _CLAUSE_STOPS for c in tokens.trail[k]):
            return True
        if not is_dash(tokens, k):
            return False
        joined = 0 < k < len(tokens) - 1 and tokens.capitalised[k - 1] and not tokens.trail[k - 1]
        return not (joined and tokens.capitalised[k + 1] and not self._honorific_at(k + 1))

    def _honorific_at(self, k: int) -> bool:
        return (
            self.tokens.key[k] in self.lex.honorifics
            or self.tokens.key[k] in (self.lex.first_words["honorifics"])
        )

    def _opens_clause(self, first: int, begin: int) -> bool:
        return begin == first or self._boundary(begin - 1)

    def _phrase_start(self, first: int, name_first: int) -> int:
        """Where "Ông A, office," starts: at its honorific when it has one."""
        tokens = self.tokens
        for size in (2, 1):
            lead = name_first - size
            if lead >= first and key_of(tokens.key[lead:name_first]) in self.lex.honorifics:
                return lead
        return name_first

    def _phrase_speakers(self, begin: int, end: int) -> list[Found]:
        """The speakers that tokens ``begin``..``end`` are, and nothing more: one, or two
        people joined by "và"."""
        one = self._phrase_speaker(begin, end)
        if one is not None:
            return [one]
        tokens = self.tokens
        joins = self._words("names")
        for join in range(begin + 1, end):
            if tokens.key[join] not in joins:
                continue
            for mention in self._by_last.get(join - 1, ()):
                if mention.extent_first >= begin:
                    left = self._phrase_speaker(begin, join - 1)
                    right = self._phrase_speaker(join + 1, end)
                    if left is not None and right is not None:
                        return [left, right]
        return []

    def _phrase_speaker(self, begin: int, end: int) -> Found | None:
        """The speaker that tokens ``begin``..``end`` are, and nothing more, if any: a
        person or a reference to one, else an organisation or group (a phrase that holds
        a person's name is not one)."""
        found = self._person_speaker(begin, end)
        if found is not None:
            return found
        if any(self._named[begin : end + 1]):
            return None
        by_grammar = self._organisation_or_group(begin, end)
        if by_grammar is None:
            return None
        name = self.text[self.tokens.start[begin] : self.tokens.end[end]]
        if by_grammar is EntityKind.GROUP and self.tokens.key[begin] in self._one():
            # "Một lãnh đạo xã cho biết": one person the article does not name
            unnamed = self._person(name, None, (begin, end), kind=EntityKind.PERSON)
            return unnamed, f"'{name}' is not named in the article: unresolved", False
        return self._person(name, None, (begin, end), kind=by_grammar), None, True

    def _one(self) -> frozenset[str]:
        return self.lex.group_index["one"]

    def _person_speaker(self, begin: int, end: int) -> Found | None:
        """The person, reference or listed speaker that tokens ``begin``..``end`` are."""
        tokens = self.tokens
        for mention in self._by_last.get(end, ()):
            lead = mention.extent_first - begin
            honorific = 0 < lead <= 2 and (
                key_of(tokens.key[begin : mention.extent_first]) in self.lex.honorifics
            )
            if lead == 0 or honorific:
                return mention.person, None, True
        title = self._titles.get((begin, end))
        if title is not None:
            return self._resolve(title)
        written = key_of(tokens.key[begin : end + 1])
        if begin == end and written in self.lex.pronoun_index:
            return self._pronoun(begin)
        if end - begin < _NAME_TAIL and all(tokens.capitalised[begin : end + 1]):
            named = self._by_name_tail(begin, end)
            if named is not None:
                return named
        entry = self.lex.speaker_index.get(written)
        if entry is None:
            return None
        kind = EntityKind.GROUP if entry.group else EntityKind.ORGANIZATION
        return self._person(entry.name, None, (begin, end), kind=kind), None, True

    def _organisation_or_group(self, begin: int, end: int) -> EntityKind | None:
        """What a phrase is by its grammar: a news agency or an abbreviation ("TTXVN"), an
        organisation's name ("Ban Đối ngoại Trung ương", "Nhà Trắng"), a quantified group
        ("hai Thủ tướng", "các bên"); None for anything else."""
        tokens = self.tokens
        size = end + 1 - begin
        written = key_of(tokens.key[begin : end + 1])
        if written in self.lex.agencies or (size == 1 and abbreviation(tokens.text[begin])):
            return EntityKind.ORGANIZATION
        head = phrase_at(tokens, begin, self.lex.org_heads, longest=3, last=end)
        if head and tokens.text[begin][:1].isupper():
            # "Nhà Trắng cho biết": the organisation's own name, every word a capital
            if head == size and all(tokens.capitalised[begin : end + 1]):
                return EntityKind.ORGANIZATION
            if head < size and self._named_tail(begin + head, end, first_named=True):
                return EntityKind.ORGANIZATION
        groups = self.lex.group_index
        quantifier = phrase_at(
            tokens, begin, groups["quantifier"] | groups["one"], longest=2, last=end
        )
        if quantifier and quantifier < size:
            nouns = groups["noun"] | self.lex.roles
            noun = phrase_at(tokens, begin + quantifier, nouns, longest=4, last=end)
            rest = begin + quantifier + noun
            # "hai Thủ tướng", "các bên", "Một lãnh đạo xã Hòa Phú", "Nhiều ngư dân"
            if noun and (rest > end or self._named_tail(rest, end, first_named=False)):
                return EntityKind.GROUP
        return None

    def _named_tail(self, first: int, last: int, *, first_named: bool) -> bool:
        """True when tokens ``first``..``last`` are an organisation's or a place's name:
        capitals and abbreviations, an office's words ("tỉnh", "thành phố"), and up to six
        lowercase syllables after a capital ("Trung tâm Dự báo khí tượng thủy văn quốc gia")."""
        tokens = self.tokens
        opens = (
            tokens.capitalised[first]
            or abbreviation(tokens.text[first])
            or role_word(tokens, first, self.lex)
        )
        if first_named and not opens:
            return False
        loose = _MAX_LOOSE
        events = self.lex.event_kind_index.keys()
        for k in range(first, last + 1):
            if tokens.key[k] in self.lex.first_words["event_kinds"] and phrase_at(
                tokens, k, events, longest=self.lex.phrase_words["cue_verbs"]
            ):
                return False  # "Ban Bí thư tổ chức Hội nghị ...": an event, so a clause
            if tokens.capitalised[k] or abbreviation(tokens.text[k]):
                loose = 0
            elif role_word(tokens, k, self.lex):
                loose = _MAX_LOOSE  # a lowercase office word is no capital to follow
            elif tokens.key[k] in self._words("affiliation") and k < last:
                loose = _MAX_LOOSE  # "Đại sứ quán Việt Nam tại Nhật Bản"
            elif loose < _MAX_LOOSE and descriptor(tokens, k, self.lex):
                loose += 1
            elif is_dash(tokens, k) and 0 < k < last:
                loose = _MAX_LOOSE  # "Hội Hữu nghị Việt Nam - Lào"
            else:
                return False
        return True

    def _by_name_tail(self, begin: int, end: int) -> Found | None:
        """ "“...”, Tiến Linh khẳng định": the last words of a name written in full before."""
        self._catch_up(begin)
        person = self.known.by_tail(self.tokens.key[begin : end + 1])
        if person is None:
            return None
        written = self.text[self.tokens.start[begin] : self.tokens.end[end]]
        speaker = self._person(person.name, person.role, (begin, end), kind=EntityKind.PERSON)
        why = f"'{written}' refers to {person.name} ({person.role}, line {person.line})"
        return speaker, why, True

    def _pronoun(self, at: int) -> Found | None:
        """ "Ông đánh giá cao ...": the person named last, unless the pronoun's gender rules
        them out ("bà" is not someone written "ông" before)."""
        self._catch_up(at)
        word = self.tokens.key[at]
        gender = self.lex.pronoun_index[word]
        written = self.tokens.text[at]
        person = self.known.pronoun(word, gender)
        if person is not None:
            speaker = self._person(person.name, person.role, (at, at), kind=EntityKind.PERSON)
            return speaker, f"'{written}' refers to {person.name} (line {person.line})", True
        if gender == "same":
            return None  # "Anh cho biết" with no "anh" before: also Britain, so no one
        unresolved = self._person(written, None, (at, at), kind=EntityKind.PERSON)
        return unresolved, f"'{written}' names no one earlier in the article: unresolved", False

    def _chained(
        self, first: int, cue_first: int, in_sentence: list[_Draft], earlier: list[Statement]
    ) -> list[Found]:
        """The speakers of a cue with no subject of its own, listed after another verb:
        "SPEAKER gửi lời chào ... và khẳng định", "...; khẳng định ...", a sentence that
        opens with "Đồng thời nhấn mạnh ...". They are those of the statement before in the
        sentence, else the person the sentence opens with, else, after a semicolon when the
        sentence opens with what someone said rather than with a narrator, those of the
        statement before (a sentence broken across two paragraphs)."""
        tokens = self.tokens
        joiners = self._words("joiner")
        if cue_first == first or cue_first - first <= 2:
            lead = key_of(tokens.key[first:cue_first])
            if cue_first == first or lead not in joiners:
                return []
            # "Đồng thời nhấn mạnh ...": the speaker of the statement just before
            return _last_speakers(earlier or self.previous)
        joiner = tokens.key[cue_first - 1]
        two = f"{tokens.key[cue_first - 2]} {joiner}"
        trail = tokens.trail[cue_first - 1]
        semicolon = ";" in trail
        joined = joiner in joiners or two in joiners or semicolon
        if not (joined or "," in trail):
            return []
        if in_sentence:
            # Inside what was said, a verb after a comma is part of it ("cho biết, các bên sẽ
            # trao đổi, đề xuất ...", "đánh giá cao ... trong kiến nghị, triển khai, đề xuất
            # ..."); "và" or a semicolon lists the speaker's next one.
            if not joined:
                return []
            return _last_of(in_sentence)
        subject = self._subject(first, cue_first)
        if subject is None:
            return []
        mention, reported = subject
        if reported and semicolon:
            # "A sẽ tiếp tục ...; khẳng định ...": A's clause is what was said, so the verb
            # after the semicolon is the last speaker's, in this paragraph or the one it
            # broke off from; with no speaker before, it is nobody's.
            return _last_speakers(earlier or self.previous)
        return [(mention.person, None, True)]

    def _subject(self, first: int, cue_first: int) -> tuple[Mention, bool] | None:
        """The person a sentence opens with, before ``cue_first``, and whether their clause
        is reported speech ("A sẽ tiếp tục ...") rather than something they do."""
        for at in range(first, min(first + _SUBJECT_LEAD + 1, cue_first)):
            for mention in self._by_first.get(at, ()):
                if mention.extent_last >= cue_first:
                    continue
                begin = self._phrase_start(first, mention.extent_first)
                while begin > first and (size := self._adverb_before(begin - 1)):
                    begin -= size
                if begin != first:
                    return None
                after = word_at(self.tokens, mention.extent_last + 1)
                if after in self._words("passive"):
                    return None  # "A được cho là ..., chỉ đạo ...": said of A, not by A
                return mention, after in self._words("reported")
        return None

    def _person(
        self, name: str, role: str | None, span: tuple[int, int], *, kind: EntityKind
    ) -> Person:
        return Person(
            name=name,
            role=role,
            key=fold_key(name),
            line=self.line,
            start=self.tokens.start[span[0]],
            end=self.tokens.end[span[1]],
            kind=kind,
        )

    def _adverb_before(self, end: int) -> int:
        """Words of the speaker adverb ending at token ``end`` ("cũng", "một lần nữa")."""
        for size in (3, 2, 1):
            if end - size + 1 >= 0 and key_of(self.tokens.key[end - size + 1 : end + 1]) in (
                self.lex.speaker_adverbs
            ):
                return size
        return 0

    def _adverb_from(self, begin: int, end: int) -> int:
        """Words of the adverb that opens the clause at ``begin`` ("Đặc biệt")."""
        for size in (3, 2, 1):
            if begin + size - 1 <= end and key_of(self.tokens.key[begin : begin + size]) in (
                self.lex.speaker_adverbs
            ):
                return size
        return 0

    def _resolve(self, title: BareTitle) -> Found:
        """Tie a reference to the person last named who fits it: by office ("Tổng Bí thư"
        to "Tổng Bí thư Nguyễn Phú Trọng") or by one word of the name ("ông Sơn")."""
        self._catch_up(title.first)
        span = (title.first, title.last)
        written = title.written or title.role or ""
        person = self.known.resolve(title)
        if person is not None:
            speaker = self._person(person.name, person.role, span, kind=EntityKind.PERSON)
            why = f"'{written}' refers to {person.name} ({person.role}, line {person.line})"
            return speaker, why, True
        name = written if title.by == "name" else title.role or written
        unresolved = self._person(name, title.role, span, kind=EntityKind.PERSON)
        return unresolved, f"'{written}' names no one earlier in the article: unresolved", False

    def _theo(self, first: int, last: int) -> _Draft | None:
        """Theo SPEAKER, content; the speaker may have an office set off by commas ("Theo
        ông A, chuyên gia kinh tế, ...")."""
        tokens = self.tokens
        if tokens.key[first] not in self._words("according") or tokens.stops[first]:
            return None
        commas = (k for k in range(first + 1, last) if tokens.trail[k].startswith(","))
        for comma in itertools.islice(commas, _THEO_COMMAS):
            found = self._phrase_speaker(first + 1, comma)
            if found is not None:
                content = (_outer_start(tokens, comma + 1), _outer_end(tokens, last))
                cue = self.text[tokens.start[first] : tokens.end[first]]
                return _Draft(found, cue, content, tokens.start[first])
        return None

    def _trimmed(self, drafts: list[_Draft]) -> list[Statement]:
        """The statements of one sentence, each one's content ending where the next
        statement after its content's start begins.

        A statement whose speaker opens the content ("A cho biết, B khẳng định: ...") is
        what A reported, so A's content holds it, but it ends where the statement after
        that begins: no content runs over a later statement, and the contents of a
        sentence add up to its length times the speakers of one cue, never to its length
        times its statements."""
        ordered = sorted(drafts, key=lambda d: d.start)
        starts = [d.start for d in ordered]
        out: list[Statement] = []
        for here in ordered:
            content = here.content
            index = bisect.bisect_right(starts, content[0])
            if index < len(starts) and starts[index] < content[1]:
                cut = starts[index]
                kept = _strip_joiner(self.text[content[0] : cut], self._words("joiner"))
                content = (content[0], content[0] + len(kept))
            out.append(self._make(here.found, here.cue, content, here.start))
        return out


def _last_of(drafts: Sequence[_Draft]) -> list[Found]:
    """The speakers of the last draft and of those with the same start (one subject, two
    people): read from the end, so that each cue costs the same however long the sentence."""
    found: list[Found] = []
    for draft in reversed(drafts):
        if draft.start != drafts[-1].start:
            break
        found.append(draft.found)
    return found[::-1]


def _last_speakers(statements: Sequence[Statement]) -> list[Found]:
    """The speakers of the last statement, and of those with the same subject (two people
    joined by "và" give one statement each)."""
    if not statements:
        return []
    last = statements[-1]
    found: list[Found] = []
    for statement in reversed(statements):
        if statement.start != last.start or statement.line != last.line:
            break
        found.insert(0, (statement.speaker, statement.resolution, statement.resolved))
    return found


def _quote_gap(text: str, quote_end: int, speaker_start: int) -> bool:
    """True when only ", " or " - " stands between a quotation and its speaker."""
    if quote_end > speaker_start:
        return False
    gap = text[quote_end:speaker_start]
    return len(gap.strip()) <= _MAX_QUOTE_GAP and gap.strip(" ,-–—") == ""


def _outer_start(tokens: Tokens, k: int) -> int:
    """Where word ``k`` starts, with its opening punctuation."""
    return tokens.start[k] - len(tokens.lead[k])


def _outer_end(tokens: Tokens, k: int) -> int:
    """Where word ``k`` ends, with its closing punctuation."""
    return tokens.end[k] + len(tokens.trail[k])


def _ends_with_of(lead: str, words: frozenset[str]) -> bool:
    """ "... lời căn dặn của <person>": the text before a name ends with a word that gives
    the quotation to that person, within 40 characters and no clause break."""
    tail = lead[-42:]
    for match in re.finditer(r"[^\W\d_]+", tail):
        if fold_key(match.group()) in words and not re.search(r"[,;.“”\"]", tail[match.end() :]):
            return True
    return False


def _named_before(window: str, words: frozenset[str]) -> str | None:
    """The capitalised name that ends ``window`` after one of ``words`` ("của Bác Hồ")."""
    tokens = list(re.finditer(r"\S+", window))
    for k in range(len(tokens) - 1, -1, -1):
        if fold_key(tokens[k].group()) in words:
            name = [t.group().strip(",:") for t in tokens[k + 1 :]]
            if 1 <= len(name) <= _MAX_NAME_WORDS and all(_name_word(w) for w in name):
                return " ".join(name)
            return None
    return None


def _name_word(word: str) -> bool:
    return word[:1].isupper() and not any(c in word for c in '"“”.;')


def _strip_joiner(text: str, joiners: frozenset[str]) -> str:
    """The content without the ", và" / "đồng thời" that led to the next statement."""
    kept = text.rstrip(" ,;")
    for size in (2, 1):
        words = kept.rsplit(None, size)
        if len(words) == size + 1 and fold_key(" ".join(words[1:])) in joiners:
            return words[0].rstrip(" ,;")
    return kept


def _is_speech(quoted: str) -> bool:
    """Words in quotation marks that someone said, not a name or slogan ("cây tre Việt Nam")."""
    return len(quoted.split()) >= _SPEECH_WORDS


def _mode(body: str, quotes: tuple[Quote, ...], speaker: str) -> StatementMode:
    """Direct when the content is the speaker's quoted words, mixed when it reports them
    around a quotation of theirs, indirect otherwise (terms and others' sayings included)."""
    if not any(q.attributed_to == speaker for q in quotes):
        return StatementMode.INDIRECT
    if not any(c.isalnum() for c in _QUOTE.sub("", body)):
        return StatementMode.DIRECT
    return StatementMode.MIXED
