"""Stage 5, statements: who said what, in the body of an article.

A statement is a speaker, a cue verb and what the speaker said:

- ``SPEAKER CUE: content``, ``SPEAKER CUE, content``, ``SPEAKER CUE content``;
- ``Theo SPEAKER, content``;
- a fronted clause before the speaker (``Phát biểu tại hội nghị, SPEAKER CUE ...``);
- the quotation first and the speaker after (``“...”, SPEAKER CUE.``);
- a second cue of the same speaker (``SPEAKER biểu dương ... và đề nghị ...``).

The speaker is a named person, an office written alone that refers back to the person last
named with it ("Tổng Bí thư đề nghị" after "Tổng Bí thư Nguyễn Phú Trọng"), or an
organisation or group of the ``speakers`` lexicon ("Đảng ta", "các đại biểu"). Anything else
before a cue verb ("Hội nghị đã đánh giá", "được đánh giá là") is not a speaker. Captions and
noise are never searched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._lexicon import Lexicon
from ._models import Article, BlockKind, EntityKind, Person, Quote, Statement, StatementMode
from ._people import BareTitle, Mentions, Token, find_mentions, phrase_at, sentence_spans
from ._text import fold_key

__all__ = ["extract_statements"]

_MAX_CUE_WORDS = 4
_SPEECH_WORDS = 6  # a quotation this long is speech; a shorter one names or labels something
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Words compared with folded keys are folded once here.
_CONTENT_LEADS = frozenset(map(fold_key, ("rằng", "là")))
_JOINERS = frozenset(map(fold_key, ("và", "đồng thời")))
_PASSIVE = frozenset(map(fold_key, ("được", "bị")))
_THAT = fold_key("rằng")
_THEO = fold_key("theo")
_CLAUSE_STOPS = frozenset(",;:")
_JOINER_TAIL = re.compile(r"[\s,;]*(?:\b(?:và|đồng thời)\s*)?$")
_OF_SOMEONE = re.compile(r"(?:của|theo)\s+((?:[A-ZĐÀ-Ỹ][^\s,.;:“”\"]*\s?){1,5})\s*[,:]?\s*$")
_OF_ROLE = re.compile(r"(?:của|theo|lời)\s[^,;.“”\"]{0,40}$")

Found = tuple[Person, str | None]  # the speaker, and how a bare title was resolved
Speaker = tuple[Person, str | None, int]  # ... and where the speaker's phrase starts


def extract_statements(
    article: Article, *, lexicon: Lexicon | None = None
) -> tuple[Statement, ...]:
    """Every statement in the article's body paragraphs, in reading order."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    known: list[Person] = []  # people named so far, for titles that refer back
    found: list[Statement] = []
    for block in article.blocks:
        if block.kind not in {BlockKind.TITLE, BlockKind.BODY, BlockKind.CAPTION}:
            continue
        mentions = find_mentions(block.text, block.line, lex)
        if block.kind is BlockKind.BODY:
            paragraph = _Paragraph(block.text, block.line, mentions, tuple(known), lex)
            found.extend(paragraph.statements())
        known.extend(mention.person for mention in mentions.people)
    return tuple(found)


@attrs.frozen(slots=True)
class _Paragraph:
    text: str
    line: int
    mentions: Mentions
    known: tuple[Person, ...]
    lex: Lexicon

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.mentions.tokens

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
                    statement = self._statement_at((first, last), (k, k + size - 1), in_sentence)
                    if statement is not None:
                        in_sentence.append(statement)
                k += size or 1
            found.extend(self._trimmed(in_sentence))
        return found

    def _cue(self, k: int, last: int) -> int:
        """Words of the cue verb at token ``k``, or 0."""
        if self.tokens[k].key not in self.lex.first_words["cue_verbs"]:
            return 0
        return phrase_at(self.tokens[: last + 1], k, self.lex.cue_verbs, longest=_MAX_CUE_WORDS)

    def _statement_at(
        self, sentence: tuple[int, int], cue: tuple[int, int], earlier: list[Statement]
    ) -> Statement | None:
        tokens = self.tokens
        first, last = sentence
        cue_first, cue_last = cue
        if cue_first > 0 and tokens[cue_first - 1].key in _PASSIVE:
            return None  # "được đánh giá là": nobody speaks
        colon = tokens[cue_last].trail.startswith(":")
        leads_content = colon or (cue_last < last and tokens[cue_last + 1].key == _THAT)
        if _key(tokens[cue_first : cue_last + 1]) in self.lex.colon_cues and not leads_content:
            return None  # "phát biểu chỉ đạo tại hội nghị": a speech, no content given
        speaker = self._speaker(first, cue_first)
        start = tokens[cue_first].start
        if speaker is None:
            same = _same_speaker(tokens, cue_first, earlier)
            if same is None:
                return None
            found: Found = (same, None)
        else:
            found, start = speaker[:2], speaker[2]
        content_first = cue_last + 1
        if content_first <= last and tokens[content_first].key in _CONTENT_LEADS and not colon:
            content_first += 1
        cue_text = self.text[tokens[cue_first].start : tokens[cue_last].end]
        if content_first > last:
            return self._quote_first(first, cue_text, found, start)
        content = (_outer_start(tokens[content_first]), _outer_end(tokens[last]))
        return self._make(found, cue_text, content, start)

    def _quote_first(self, first: int, cue: str, found: Found, start: int) -> Statement | None:
        """“...”, SPEAKER CUE.: the quotation that opens the sentence is the content."""
        content_start = _outer_start(self.tokens[first])
        match = _QUOTE.match(self.text, content_start)
        if match is None:
            return None
        return self._make(found, cue, (content_start, match.end()), min(start, content_start))

    def _make(self, found: Found, cue: str, content: tuple[int, int], start: int) -> Statement:
        speaker, resolution = found
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
            if not re.search(r"[.;]", between) and _OF_ROLE.search(lead):
                return person.name
        window = self.text[max(content_start, quote_start - 80) : quote_start]
        match = _OF_SOMEONE.search(window)
        return match.group(1).strip() if match else None

    def _speaker(self, first: int, cue_first: int) -> Speaker | None:
        """Who says the cue at ``cue_first``: the phrase that ends the clause before it."""
        tokens = self.tokens
        end = cue_first - 1
        while end >= first and not tokens[end].stops and (size := self._adverb_before(end)):
            end -= size
        if end < first:
            return None
        if tokens[end].stops:
            # "Ông A, Giám đốc Sở, cho biết": a name-first mention set off by commas.
            for mention in self.mentions.people:
                if mention.extent_last == end and mention.first >= first:
                    return mention.person, None, self._phrase_start(first, mention.first)
            return None
        begin = end
        while begin > first and not any(c in _CLAUSE_STOPS for c in tokens[begin - 1].trail):
            begin -= 1
        while begin <= end and (size := self._adverb_from(begin, end)):
            begin += size
        if begin > end:
            return None
        found = self._phrase_speaker(begin, end)
        return None if found is None else (*found, self.tokens[begin].start)

    def _phrase_start(self, first: int, name_first: int) -> int:
        """Where "Ông A, office," starts: at its honorific when it has one."""
        tokens = self.tokens
        for size in (2, 1):
            lead = name_first - size
            if lead >= first and _key(tokens[lead:name_first]) in self.lex.honorifics:
                return tokens[lead].start
        return tokens[name_first].start

    def _phrase_speaker(self, begin: int, end: int) -> Found | None:
        """The speaker that tokens ``begin``..``end`` are, and nothing more, if any."""
        tokens = self.tokens
        for mention in self.mentions.people:
            lead = _key(tokens[begin : mention.first])
            honorific = begin < mention.first and lead in self.lex.honorifics
            if mention.extent_last == end and (mention.extent_first == begin or honorific):
                return mention.person, None
        for title in self.mentions.bare_titles:
            if title.last == end and title.first == begin:
                return self._resolve(title)
        entry = self.lex.speaker_index.get(_key(tokens[begin : end + 1]))
        if entry is None:
            return None
        kind = EntityKind.GROUP if entry.group else EntityKind.ORGANIZATION
        return self._person(entry.name, None, (begin, end), kind=kind), None

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
        """Tie an office written alone to the person last named with it."""
        here = [m.person for m in self.mentions.people if m.last < title.first]
        span = (title.first, title.last)
        for person in reversed([*self.known, *here]):
            role = fold_key(person.role or "")
            if role == title.key or role.startswith(title.key + " "):
                speaker = self._person(person.name, person.role, span, kind=EntityKind.PERSON)
                why = f"'{title.role}' refers to {person.name} ({person.role}, line {person.line})"
                return speaker, why
        unresolved = self._person(title.role, title.role, span, kind=EntityKind.PERSON)
        return unresolved, f"'{title.role}' names no one earlier in the article: unresolved"

    def _theo(self, first: int, last: int) -> Statement | None:
        """Theo SPEAKER, content."""
        tokens = self.tokens
        if tokens[first].key != _THEO or tokens[first].stops:
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
            nxt = ordered[index + 1] if index + 1 < len(ordered) else None
            content_start = self.text.rfind(here.text, 0, here.end)
            if nxt is not None and content_start < nxt.start < here.end:
                kept = _JOINER_TAIL.sub("", self.text[content_start : nxt.start])
                found = (here.speaker, here.resolution)
                content = (content_start, content_start + len(kept))
                out.append(self._make(found, here.cue, content, here.start))
            else:
                out.append(here)
        return out


def _key(tokens: Sequence[Token]) -> str:
    return " ".join(t.key for t in tokens)


def _outer_start(token: Token) -> int:
    return token.start - len(token.lead)


def _outer_end(token: Token) -> int:
    return token.end + len(token.trail)


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


def _same_speaker(
    tokens: Sequence[Token], cue_first: int, earlier: list[Statement]
) -> Person | None:
    """ "SPEAKER biểu dương ... và đề nghị ...": the second cue has the first one's speaker."""
    if not earlier or cue_first == 0:
        return None
    joiner = tokens[cue_first - 1].key
    two = f"{tokens[cue_first - 2].key} {joiner}" if cue_first >= 2 else joiner
    if joiner in _JOINERS or two in _JOINERS:
        return earlier[-1].speaker
    return None
