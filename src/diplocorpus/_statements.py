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

import re
from collections.abc import Sequence

import attrs

from ._individuals import resolve
from ._lexicon import Lexicon
from ._models import Article, BlockKind, EntityKind, Person, Quote, Statement, StatementMode
from ._people import (
    BareTitle,
    Mention,
    Mentions,
    abbreviation,
    descriptor,
    find_mentions,
    role_word,
)
from ._text import fold_key
from ._tokens import Token, is_dash, phrase_at, sentence_spans

__all__ = ["extract_statements"]

_MAX_CUE_WORDS = 4
_MAX_NAME_WORDS = 5
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


@attrs.frozen(kw_only=True, slots=True)
class _Known:
    """A person named earlier in the article, for the references that follow."""

    person: Person
    honorific: str | None = None


def extract_statements(
    article: Article, *, lexicon: Lexicon | None = None
) -> tuple[Statement, ...]:
    """Every statement in the article's body paragraphs, in reading order."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    known: list[_Known] = []  # people named so far, for references that refer back
    found: list[Statement] = []
    previous: list[Statement] = []  # the statements of the body paragraph before
    for block in article.blocks:
        if block.kind not in {BlockKind.TITLE, BlockKind.BODY, BlockKind.CAPTION}:
            continue
        mentions = find_mentions(block.text, block.line, lex)
        if block.kind is BlockKind.BODY:
            paragraph = _Paragraph(block.text, block.line, mentions, tuple(known), previous, lex)
            here = paragraph.statements()
            found.extend(here)
            previous = here
            known.extend(
                _Known(person=s.speaker) for s in here if s.speaker.kind is EntityKind.PERSON
            )
        known.extend(_Known(person=m.person, honorific=m.honorific) for m in mentions.people)
    return tuple(found)


@attrs.frozen(slots=True)
class _Paragraph:
    text: str
    line: int
    mentions: Mentions
    known: tuple[_Known, ...]
    previous: list[Statement]
    lex: Lexicon

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.mentions.tokens

    def _words(self, use: str) -> frozenset[str]:
        return self.lex.grammar_words(use)

    def statements(self) -> list[Statement]:
        found: list[Statement] = []
        for first, last in sentence_spans(self.tokens):
            in_sentence: list[Statement] = []
            theo = self._theo(first, last)
            if theo is not None:
                in_sentence.append(theo)
            k = first
            while k <= last:
                size = self._cue(k, last)
                if size:
                    cue = (k, k + size - 1)
                    earlier = [*found, *in_sentence]
                    in_sentence.extend(self._statements_at((first, last), cue, earlier))
                k += size or 1
            found.extend(self._trimmed(in_sentence))
        return found

    def _cue(self, k: int, last: int) -> int:
        """Words of the cue verb at token ``k``, or 0."""
        if self.tokens[k].key not in self.lex.first_words["cue_verbs"]:
            return 0
        return phrase_at(self.tokens[: last + 1], k, self.lex.cue_verbs, longest=_MAX_CUE_WORDS)

    def _statements_at(
        self, sentence: tuple[int, int], cue: tuple[int, int], earlier: list[Statement]
    ) -> list[Statement]:
        tokens = self.tokens
        first, last = sentence
        cue_first, cue_last = cue
        if cue_first > 0 and tokens[cue_first - 1].key in self._words("passive"):
            return []  # "được đánh giá là": nobody speaks
        speaker = self._speaker(first, cue_first)
        if speaker is None:
            if _key(tokens[cue_first : cue_last + 1]) in self.lex.strict_cues:
                return []  # "... đối đầu và chỉ trích ...": a noun here, not a verb
            chained = self._chained(first, cue_first, earlier)
            if not chained:
                return []
            speaker = chained, tokens[cue_first].start
        speakers, start = speaker
        cue_text = self.text[tokens[cue_first].start : tokens[cue_last].end]
        quoted = self._quote_before(first, start)
        if quoted is not None:
            # "“...”, bà A trả lời các phóng viên ...": the quotation is what was said.
            return [self._make(found, cue_text, quoted, quoted[0]) for found in speakers]
        colon = tokens[cue_last].trail.startswith(":")
        leads_content = colon or (
            cue_last < last and tokens[cue_last + 1].key in self._words("content")
        )
        if _key(tokens[cue_first : cue_last + 1]) in self.lex.colon_cues and not leads_content:
            return []  # "phát biểu chỉ đạo tại hội nghị": a speech, no content given
        content_first = cue_last + 1
        if (
            content_first <= last
            and tokens[content_first].key in self._words("content")
            and not colon
        ):
            content_first += 1
        if content_first > last:
            return []
        content = (_outer_start(tokens[content_first]), _outer_end(tokens[last]))
        return [self._make(found, cue_text, content, start) for found in speakers]

    def _quote_before(self, first: int, speaker_start: int) -> tuple[int, int] | None:
        """The quotation that opens the sentence and ends just before the speaker, if any."""
        content_start = _outer_start(self.tokens[first])
        match = _QUOTE.match(self.text, content_start)
        if match is None or match.end() > speaker_start:
            return None
        gap = self.text[match.end() : speaker_start]
        if len(gap.strip()) > _MAX_QUOTE_GAP or gap.strip(" ,-–—") != "":
            return None
        return content_start, match.end()

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
        before = [
            m.person
            for m in self.mentions.people
            if content_start <= m.person.start and m.person.end <= quote_start
        ]
        if before:
            person = before[-1]
            between = self.text[person.end : quote_start]
            lead = self.text[content_start : person.start]
            if not re.search(r"[.;]", between) and _ends_with_of(lead, self._words("of")):
                return person.name
        window = self.text[max(content_start, quote_start - 80) : quote_start]
        return _named_before(window, self._words("of"))

    # -- who speaks ----------------------------------------------------------------------

    def _speaker(self, first: int, cue_first: int) -> Speaker | None:
        """Who says the cue at ``cue_first``: the phrase that ends the clause before it."""
        tokens = self.tokens
        end = cue_first - 1
        while end >= first and not tokens[end].stops and (size := self._before_cue(end)):
            end -= size
        if end < first:
            return None
        # "Ông A, Giám đốc Sở, cho biết", "Đại sứ A, Trưởng Phái đoàn ... cho biết": a
        # mention with its office set off by commas, which opens its clause.
        for mention in self.mentions.people:
            if mention.extent_last == end and mention.extent_first >= first:
                begin = self._phrase_start(first, mention.extent_first)
                if self._opens_clause(first, begin):
                    return [(mention.person, None, True)], tokens[begin].start
        if tokens[end].stops:
            return self._behind_apposition(first, end)
        begin = end
        while begin > first and not self._boundary(begin - 1):
            begin -= 1
        while begin <= end and (size := self._adverb_from(begin, end)):
            begin += size
        if begin > end:
            return None
        found = self._phrase_speakers(begin, end)
        return None if not found else (found, tokens[begin].start)

    def _behind_apposition(self, first: int, end: int) -> Speaker | None:
        """ "bà A, người bán hàng ở ngã tư Sở, nói": a description set off by commas
        between a mention and the cue; it starts in lowercase (or with a number) and is
        short."""
        tokens = self.tokens
        b = end
        while b > first and not self._boundary(b - 1):
            b -= 1
        if b <= first or not tokens[b - 1].trail.startswith(",") or end - b >= _MAX_APPOSITION:
            return None
        if tokens[b].text[:1].isupper():
            return None
        for mention in self.mentions.people:
            if mention.extent_last == b - 1 and mention.extent_first >= first:
                begin = self._phrase_start(first, mention.extent_first)
                if self._opens_clause(first, begin):
                    return [(mention.person, None, True)], tokens[begin].start
        return None

    def _before_cue(self, end: int) -> int:
        """Words ending at ``end`` that stand between a speaker and the cue: an adverb
        ("cũng") or a time ("hôm 5/9", "ngày 10/7", "hôm qua")."""
        size = self._adverb_before(end)
        if size or end < 1:
            return size
        token, before = self.tokens[end], self.tokens[end - 1]
        dated = _DATE.fullmatch(token.text) is not None or token.key in self._words("deixis")
        if dated and not before.stops and before.key in self._words("time"):
            return 2
        return 0

    def _boundary(self, k: int) -> bool:
        """True when token ``k`` ends a clause: , ; : after it, or it is a dash."""
        token = self.tokens[k]
        return any(c in _CLAUSE_STOPS for c in token.trail) or is_dash(token)

    def _opens_clause(self, first: int, begin: int) -> bool:
        return begin == first or self._boundary(begin - 1)

    def _phrase_start(self, first: int, name_first: int) -> int:
        """Where "Ông A, office," starts: at its honorific when it has one."""
        tokens = self.tokens
        for size in (2, 1):
            lead = name_first - size
            if lead >= first and _key(tokens[lead:name_first]) in self.lex.honorifics:
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
        for mention in self.mentions.people:
            join = mention.extent_last + 1
            if begin <= mention.extent_first and join < end and tokens[join].key in joins:
                left = self._phrase_speaker(begin, mention.extent_last)
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
        if any(begin <= m.first and m.last <= end for m in self.mentions.people):
            return None
        by_grammar = self._organisation_or_group(begin, end)
        if by_grammar is None:
            return None
        name = self.text[self.tokens[begin].start : self.tokens[end].end]
        if by_grammar is EntityKind.GROUP and self.tokens[begin].key in self._one():
            # "Một lãnh đạo xã cho biết": one person the article does not name
            unnamed = self._person(name, None, (begin, end), kind=EntityKind.PERSON)
            return unnamed, f"'{name}' is not named in the article: unresolved", False
        return self._person(name, None, (begin, end), kind=by_grammar), None, True

    def _one(self) -> frozenset[str]:
        return self.lex.group_index.get("one", frozenset())

    def _person_speaker(self, begin: int, end: int) -> Found | None:
        """The person, reference or listed speaker that tokens ``begin``..``end`` are."""
        tokens = self.tokens
        for mention in self.mentions.people:
            lead = _key(tokens[begin : mention.extent_first])
            honorific = begin < mention.extent_first and lead in self.lex.honorifics
            if mention.extent_last == end and (mention.extent_first == begin or honorific):
                return mention.person, None, True
        for title in self.mentions.bare_titles:
            if title.last == end and title.first == begin:
                return self._resolve(title)
        written = _key(tokens[begin : end + 1])
        if begin == end and written in self.lex.pronoun_index:
            return self._pronoun(begin)
        if end - begin < _NAME_TAIL and all(t.capitalised for t in tokens[begin : end + 1]):
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
        organisation's name ("Ban Đối ngoại Trung ương"), a quantified group ("hai Thủ
        tướng", "các bên"); None for anything else."""
        tokens = self.tokens
        words = tokens[begin : end + 1]
        written = _key(words)
        if written in self.lex.agencies or (len(words) == 1 and abbreviation(words[0])):
            return EntityKind.ORGANIZATION
        head = phrase_at(words, 0, self.lex.org_heads, longest=3)
        named = head and head < len(words) and words[0].text[:1].isupper()
        if named and self._named_tail(begin + head, end, first_named=True):
            return EntityKind.ORGANIZATION
        groups = self.lex.group_index
        quantifiers = groups.get("quantifier", frozenset()) | groups.get("one", frozenset())
        quantifier = phrase_at(words, 0, quantifiers, longest=2)
        if quantifier and quantifier < len(words):
            nouns = groups.get("noun", frozenset()) | self.lex.roles
            noun = phrase_at(words, quantifier, nouns, longest=4)
            rest = begin + quantifier + noun
            # "hai Thủ tướng", "các bên", "Một lãnh đạo xã Hòa Phú", "Nhiều ngư dân"
            if noun and (rest > end or self._named_tail(rest, end, first_named=False)):
                return EntityKind.GROUP
        return None

    def _named_tail(self, first: int, last: int, *, first_named: bool) -> bool:
        """True when tokens ``first``..``last`` are an organisation's or a place's name:
        capitals and abbreviations, an office's words ("tỉnh", "thành phố"), and up to three
        lowercase syllables after a capital ("Sở Giao thông vận tải")."""
        tokens = self.tokens
        lead = tokens[first]
        opens = lead.capitalised or abbreviation(lead) or role_word(tokens, first, self.lex)
        if first_named and not opens:
            return False
        loose = _MAX_LOOSE
        events = self.lex.event_kind_index.keys()
        for k in range(first, last + 1):
            token = tokens[k]
            if token.key in self.lex.first_words["event_kinds"] and phrase_at(
                tokens, k, events, longest=_MAX_CUE_WORDS
            ):
                return False  # "Ban Bí thư tổ chức Hội nghị ...": an event, so a clause
            if token.capitalised or abbreviation(token):
                loose = 0
            elif role_word(tokens, k, self.lex):
                loose = _MAX_LOOSE  # a lowercase office word is no capital to follow
            elif token.key in self._words("affiliation") and k < last:
                loose = _MAX_LOOSE  # "Đại sứ quán Việt Nam tại Nhật Bản"
            elif loose < _MAX_LOOSE and descriptor(tokens, k, self.lex):
                loose += 1
            else:
                return False
        return True

    def _by_name_tail(self, begin: int, end: int) -> Found | None:
        """ "“...”, Tiến Linh khẳng định": the last words of a name written in full before."""
        words = [t.key for t in self.tokens[begin : end + 1]]
        here = [m.person for m in self.mentions.people if m.last < begin]
        for person in reversed([*(k.person for k in self.known), *here]):
            keys = person.key.split()
            fits = len(keys) > len(words) and keys[-len(words) :] == words
            if person.kind is EntityKind.PERSON and fits:
                written = self.text[self.tokens[begin].start : self.tokens[end].end]
                speaker = self._person(
                    person.name, person.role, (begin, end), kind=EntityKind.PERSON
                )
                why = f"'{written}' refers to {person.name} ({person.role}, line {person.line})"
                return speaker, why, True
        return None

    def _pronoun(self, at: int) -> Found | None:
        """ "Ông đánh giá cao ...": the person named last, unless the pronoun's gender rules
        them out ("bà" is not someone written "ông" before)."""
        gender = self.lex.pronoun_index[self.tokens[at].key]
        here = [
            _Known(person=m.person, honorific=m.honorific)
            for m in self.mentions.people
            if m.last < at
        ]
        written = self.tokens[at].text
        pronoun = self.tokens[at].key
        for known in reversed([*self.known, *here]):
            fits = _fits(known.honorific, gender, self.lex) or (
                gender == "same" and known.honorific == pronoun
            )
            if known.person.kind is EntityKind.PERSON and fits:
                person = known.person
                speaker = self._person(person.name, person.role, (at, at), kind=EntityKind.PERSON)
                return speaker, f"'{written}' refers to {person.name} (line {person.line})", True
        if gender == "same":
            return None  # "Anh cho biết" with no "anh" before: also Britain, so no one
        unresolved = self._person(written, None, (at, at), kind=EntityKind.PERSON)
        return unresolved, f"'{written}' names no one earlier in the article: unresolved", False

    def _chained(self, first: int, cue_first: int, earlier: list[Statement]) -> list[Found]:
        """The speakers of a cue with no subject of its own, listed after another verb:
        "SPEAKER gửi lời chào ... và khẳng định", "...; khẳng định ...". They are those of
        the statement before in the sentence, else the person the sentence opens with,
        else, when the paragraph opens with no narrator of its own, those of the paragraph
        before (a sentence broken across two paragraphs)."""
        tokens = self.tokens
        if cue_first == first:
            return []
        joiner = tokens[cue_first - 1].key
        two = f"{tokens[cue_first - 2].key} {joiner}" if cue_first - 2 >= first else joiner
        joiners = self._words("joiner")
        trail = tokens[cue_first - 1].trail
        joined = joiner in joiners or two in joiners or ";" in trail
        if not (joined or "," in trail):
            return []
        start = tokens[first].start
        in_sentence = [s for s in earlier if s.start >= start]
        if in_sentence:
            # Inside what was said, a verb after a comma is part of it ("cho biết, các bên sẽ
            # trao đổi, đề xuất ...", "đánh giá cao ... trong kiến nghị, triển khai, đề xuất
            # ..."); "và" or a semicolon lists the speaker's next one.
            return _same_start(in_sentence) if joined else []
        subject = self._subject(first, cue_first)
        if subject is None:
            return []
        mention, reported = subject
        if not reported:
            return [(mention.person, None, True)]
        # "A sẽ tiếp tục ...; khẳng định ...": A's clause is what was said, so the verb is
        # the last speaker's, in this paragraph or the one before it broke off from.
        before = earlier or self.previous
        return _same_start(before) if before else []

    def _subject(self, first: int, cue_first: int) -> tuple[Mention, bool] | None:
        """The person a sentence opens with, before ``cue_first``, and whether their clause
        is reported speech ("A sẽ tiếp tục ...") rather than something they do."""
        for mention in self.mentions.people:
            if mention.extent_first < first or mention.extent_last >= cue_first:
                continue
            begin = self._phrase_start(first, mention.extent_first)
            while begin > first and (size := self._adverb_before(begin - 1)):
                begin -= size
            if begin != first:
                return None
            after = _word_at(self.tokens, mention.extent_last + 1)
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
            start=self.tokens[span[0]].start,
            end=self.tokens[span[1]].end,
            kind=kind,
        )

    def _adverb_before(self, end: int) -> int:
        """Words of the speaker adverb ending at token ``end`` ("cũng", "một lần nữa")."""
        for size in (3, 2, 1):
            if end - size + 1 >= 0 and _key(self.tokens[end - size + 1 : end + 1]) in (
                self.lex.speaker_adverbs
            ):
                return size
        return 0

    def _adverb_from(self, begin: int, end: int) -> int:
        """Words of the adverb that opens the clause at ``begin`` ("Đặc biệt")."""
        for size in (3, 2, 1):
            if begin + size - 1 <= end and _key(self.tokens[begin : begin + size]) in (
                self.lex.speaker_adverbs
            ):
                return size
        return 0

    def _resolve(self, title: BareTitle) -> Found:
        """Tie a reference to the person last named who fits it: by office ("Tổng Bí thư"
        to "Tổng Bí thư Nguyễn Phú Trọng") or by one word of the name ("ông Sơn")."""
        here = [m.person for m in self.mentions.people if m.last < title.first]
        span = (title.first, title.last)
        written = title.written or title.role or ""
        person = resolve(title, [*(k.person for k in self.known), *here])
        if person is not None:
            speaker = self._person(person.name, person.role, span, kind=EntityKind.PERSON)
            why = f"'{written}' refers to {person.name} ({person.role}, line {person.line})"
            return speaker, why, True
        name = written if title.by == "name" else title.role or written
        unresolved = self._person(name, title.role, span, kind=EntityKind.PERSON)
        return unresolved, f"'{written}' names no one earlier in the article: unresolved", False

    def _theo(self, first: int, last: int) -> Statement | None:
        """Theo SPEAKER, content."""
        tokens = self.tokens
        if tokens[first].key not in self._words("according") or tokens[first].stops:
            return None
        comma = next((k for k in range(first + 1, last) if tokens[k].trail.startswith(",")), None)
        if comma is None:
            return None
        found = self._phrase_speaker(first + 1, comma)
        if found is None:
            return None
        content = (_outer_start(tokens[comma + 1]), _outer_end(tokens[last]))
        cue = self.text[tokens[first].start : tokens[first].end]
        return self._make(found, cue, content, tokens[first].start)

    def _trimmed(self, statements: list[Statement]) -> list[Statement]:
        """In one sentence, each statement's content ends where the next statement begins."""
        ordered = sorted(statements, key=lambda s: s.start)
        out: list[Statement] = []
        for index, here in enumerate(ordered):
            nxt = next((s for s in ordered[index + 1 :] if s.start > here.start), None)
            content_start = self.text.rfind(here.text, 0, here.end)
            if nxt is not None and content_start < nxt.start < here.end:
                kept = _strip_joiner(self.text[content_start : nxt.start], self._words("joiner"))
                found = (here.speaker, here.resolution, here.resolved)
                content = (content_start, content_start + len(kept))
                out.append(self._make(found, here.cue, content, here.start))
            else:
                out.append(here)
        return out


def _word_at(tokens: Sequence[Token], k: int) -> str:
    """The folded word at ``k`` (empty past the end)."""
    return tokens[k].key if 0 <= k < len(tokens) else ""


def _key(tokens: Sequence[Token]) -> str:
    return " ".join(t.key for t in tokens)


def _outer_start(token: Token) -> int:
    return token.start - len(token.lead)


def _outer_end(token: Token) -> int:
    return token.end + len(token.trail)


def _fits(honorific: str | None, gender: str, lex: Lexicon) -> bool:
    """True unless the person was written with an honorific of the other gender."""
    if gender == "any":
        return True
    if gender == "same":
        return False  # decided by the honorific itself, in _pronoun
    if honorific is None:
        return True
    written = lex.pronoun_index.get(honorific, "any")
    return written in {gender, "any"}


def _same_start(statements: Sequence[Statement]) -> list[Found]:
    """The speakers of the last statement, and of those with the same subject (two people
    joined by "và" give one statement each)."""
    last = statements[-1]
    return [
        (s.speaker, s.resolution, s.resolved)
        for s in statements
        if s.start == last.start and s.line == last.line
    ]


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
            if 1 <= len(name) <= 5 and all(
                w[:1].isupper() and '"' not in w and "“" not in w and "”" not in w for w in name
            ):
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
