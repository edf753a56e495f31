"""Stage 6, events: what happened, when and where, in one article.

An event is named by a head word of the ``event_kinds`` lexicon ("Hội nghị", "Đại hội",
"Hội thảo", "chuyến thăm", "hội đàm", ...) and what follows it: capitalised words and
``event_qualifiers`` ("Hội nghị Ngoại giao", "Hội nghị đối ngoại toàn quốc"), an ordinal
("lần thứ 32", "32", "XIII") and a term ("khóa XIII"). A head alone ("Hội nghị đã ...") is the
event the article is about, referred to again.

Each sentence that reports an event gives claims: dates and ranges, "tại <place>", the
attendance mode, the theme in quotation marks after "chủ đề". A sentence about one event
gives specific claims; one about several ("A và B diễn ra từ ngày 18-23/12") joint claims,
used only where no specific claim exists. A mention in passing ("Nghị quyết Đại hội XIII")
is kept as a mention but gives no claims.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence

import attrs

from ._dates import DateSpan, DateValue, PartialDate, find_dates
from ._lexicon import Lexicon
from ._models import (
    Article,
    AttendanceMode,
    BlockKind,
    Event,
    EventClaim,
    EventKind,
    EventMention,
)
from ._people import find_mentions
from ._text import fold_key
from ._tokens import Token, phrase_at, sentence_spans, text_units

__all__ = ["extract_events"]

_MAX_HEAD_WORDS = 4
_MAX_NAME_WORDS = 10
_LOWER_AFTER_CAPITAL = 1  # "Ngoại giao", "Trung ương": a lowercase syllable of a name
_ACTIONS = frozenset({EventKind.VISIT, EventKind.TALKS, EventKind.RECEPTION})
_SCOPES = ("specific", "anaphoric", "joint")
# Words compared with folded keys are folded once here.
_LAN, _THU, _KHOA, _TAI, _BRIDGE, _YEARS, _ABOUT, _AND = map(
    fold_key, ("lần", "thứ", "khóa", "tại", "điểm cầu", "năm", "về", "và")
)
# Function words that never continue an event's name: "Hội nghị Ngoại giao tại Hà Nội".
_NAME_STOPS = frozenset(
    map(fold_key, ("tại", "của", "với", "và", "ở", "cho", "trong", "theo", "từ", "đến", "nhằm"))
)
_EDGE = "\"“”‘’'()[],.;:!?…"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@attrs.frozen(kw_only=True, slots=True)
class _Found:
    """An event named in a sentence."""

    kind: EventKind
    series: str | None
    ordinal: int | None
    term: int | None
    name: str
    bare: bool
    passing: bool
    first: int
    last: int
    mention: EventMention


@attrs.define(slots=True)
class _Draft:
    """An event being built from its mentions and claims."""

    found: list[_Found] = attrs.field(factory=list)
    claims: list[EventClaim] = attrs.field(factory=list)
    participants: dict[str, str] = attrs.field(factory=dict)
    organisers: dict[str, str] = attrs.field(factory=dict)
    in_title: bool = False


def extract_events(article: Article, *, lexicon: Lexicon | None = None) -> tuple[Event, ...]:
    """The events the article reports or mentions, the one it is about marked ``main``."""
    lex = lexicon if lexicon is not None else Lexicon.default()
    year = _year(article.published)
    drafts: dict[str, _Draft] = {}
    anaphoric: list[EventClaim] = []
    for line, text, kind in text_units(article, lex):
        mentions = find_mentions(text, line, lex)
        tokens = mentions.tokens
        for first, last in sentence_spans(tokens):
            found = _find_events(text, line, tokens[first : last + 1], first, lex)
            sentence = text[tokens[first].start : tokens[last].end + len(tokens[last].trail)]
            offset = tokens[first].start
            people = {
                m.person.key: m.person.name
                for m in mentions.people
                if first <= m.first and m.last <= last
            }
            targets = [f for f in found if not f.bare and not f.passing]
            bare = [f for f in found if f.bare and not f.passing]
            for item in found:
                draft = drafts.setdefault(_identity(item, people, lex), _Draft())
                draft.found.append(item)
                draft.in_title |= kind is BlockKind.TITLE
            if not targets and not bare:
                continue
            scope = "specific" if len(targets) == 1 else "joint" if targets else "anaphoric"
            claims = _claims(sentence, line, scope=scope, year=year, lex=lex)
            if kind is BlockKind.CAPTION:
                # A photo shows who attended where, not how the event was held.
                claims = [c for c in claims if c.field != "mode"]
            if not targets:
                anaphoric.extend(claims)
                continue
            for target in targets:
                draft = drafts[_identity(target, people, lex)]
                draft.claims.extend(c for c in claims if c.field != "theme")
                draft.participants.update(people)
                for organiser in _organisers(tokens, first, target.first, lex):
                    draft.organisers.setdefault(fold_key(organiser), organiser)
            for theme, target in _themes(sentence, offset, targets, lex):
                drafts[_identity(target, people, lex)].claims.append(
                    EventClaim(field="theme", value=theme, text=theme, line=line, scope=scope)
                )
    return _events(drafts, anaphoric, article, lex)


def _organisers(tokens: Sequence[Token], first: int, at: int, lex: Lexicon) -> list[str]:
    """Who organises the event named at token ``at``: the capitalised names, joined by
    commas or "và", just before "tổ chức" ("Bộ Chính trị, Ban Bí thư tổ chức Hội nghị")."""
    verb = next(
        (
            n
            for n in (4, 3, 2)
            if at - n >= first and _words(tokens[at - n : at]) in lex.organiser_verbs
        ),
        0,
    )
    chunks: list[list[Token]] = [[]]
    for k in range(at - verb - 1, first - 1, -1):
        token = tokens[k]
        if token.key == _AND:
            chunks.append([])
            continue
        if token.trail.startswith(",") and chunks[-1]:
            chunks.append([])
        elif token.stops:
            break
        chunks[-1].insert(0, token)
    names = []
    for chunk in chunks if verb else []:
        if not chunk or not chunk[0].text[:1].isupper() or len(chunk) > _MAX_NAME_WORDS:
            break
        names.append(" ".join(t.text for t in chunk))
    return names[::-1]


def _words(tokens: Sequence[Token]) -> str:
    return " ".join(t.key for t in tokens)


def _year(published: object) -> int | None:
    return published.year if isinstance(published, dt.date) else None


# -- finding events in a sentence ----------------------------------------------------------


def _find_events(
    text: str, line: int, tokens: Sequence[Token], offset: int, lex: Lexicon
) -> list[_Found]:
    found: list[_Found] = []
    quoted = _inside_quotes(tokens)
    k = 0
    while k < len(tokens):
        head = _head(tokens, k, lex) if not quoted[k] else 0
        if not head:
            k += 1
            continue
        item = _event_at(text, line, tokens, k, size=head, lex=lex)
        found.append(attrs.evolve(item, first=item.first + offset, last=item.last + offset))
        k = item.last + 1
    return found


def _inside_quotes(tokens: Sequence[Token]) -> list[bool]:
    """Which words stand inside quotation marks (a theme, a slogan: not events reported)."""
    inside = []
    depth = 0
    for token in tokens:
        depth += token.lead.count("“")
        inside.append(depth > 0)
        depth = max(0, depth - token.trail.count("”"))
    return inside


def _head(tokens: Sequence[Token], k: int, lex: Lexicon) -> int:
    if tokens[k].key not in lex.first_words["event_kinds"]:
        return 0
    return phrase_at(tokens, k, lex.event_kind_index.keys(), longest=_MAX_HEAD_WORDS)


def _event_at(
    text: str, line: int, tokens: Sequence[Token], k: int, *, size: int, lex: Lexicon
) -> _Found:
    kind = EventKind(lex.event_kind_index[" ".join(t.key for t in tokens[k : k + size])])
    end = k + size - 1
    end = _qualifiers(tokens, end, lex)
    qualified = end > k + size - 1
    ordinal, end_ord = _ordinal(tokens, end)
    term, end_term = _term(tokens, end_ord)
    last = end_term
    series_text = text[tokens[k].start : tokens[end].end]
    name = text[tokens[k].start : tokens[last].end]
    # A head alone refers back ("Hội nghị đã ..."), except an action: "hội đàm" is an event.
    bare = not qualified and ordinal is None and kind not in _ACTIONS
    passing = _passing(tokens, k, lex)
    mention = EventMention(
        line=line, start=tokens[k].start, end=tokens[last].end, text=name, passing=passing
    )
    numbered = qualified or ordinal is not None
    return _Found(
        kind=kind,
        series=series_text if numbered and (kind not in _ACTIONS or ordinal) else None,
        ordinal=ordinal,
        term=term,
        name=name,
        bare=bare,
        passing=passing,
        first=k,
        last=last,
        mention=mention,
    )


def _qualifiers(tokens: Sequence[Token], end: int, lex: Lexicon) -> int:
    """The last word of the event's name after its head (capitals and qualifier words)."""
    lower_run = _LOWER_AFTER_CAPITAL + 1
    k = end + 1
    while k < len(tokens) and k - end <= _MAX_NAME_WORDS and not tokens[k - 1].stops:
        token = tokens[k]
        if token.lead or _ordinal_follows(tokens, k):
            break  # a quote or bracket starts something else; "lần thứ 5" is the ordinal
        if token.key == _ABOUT and k + 1 < len(tokens) and tokens[k + 1].capitalised:
            k += 1  # "Hội thảo quốc tế về Biển Đông": the topic is part of the name
            continue
        phrase = _qualifier_phrase(tokens, k, lex)
        if phrase:
            end = k = k + phrase - 1
            lower_run = _LOWER_AFTER_CAPITAL + 1
        elif token.capitalised or (len(token.text) > 1 and token.text.isupper()):
            if _roman(token.text) is not None and k > end:
                break  # "Đại hội XIII": the ordinal
            end = k
            lower_run = 0
        elif (
            token.text.isalpha()
            and token.text.islower()
            and lower_run < _LOWER_AFTER_CAPITAL
            and token.key not in _NAME_STOPS
        ):
            end = k
            lower_run += 1
        else:
            break
        k += 1
    return end


def _ordinal_follows(tokens: Sequence[Token], k: int) -> bool:
    return tokens[k].key == _LAN and k + 1 < len(tokens) and tokens[k + 1].key == _THU


def _qualifier_phrase(tokens: Sequence[Token], k: int, lex: Lexicon) -> int:
    return phrase_at(tokens, k, lex.event_qualifiers, longest=3)


def _ordinal(tokens: Sequence[Token], end: int) -> tuple[int | None, int]:
    """The ordinal right after the name: "lần thứ 32", "lần thứ XIII", "32", "XIII"."""
    k = end + 1
    if k >= len(tokens) or tokens[end].stops:
        return None, end
    if tokens[k].key == _LAN and k + 2 < len(tokens) and tokens[k + 1].key == _THU:
        value = _number(tokens[k + 2].text)
        return (value, k + 2) if value is not None else (None, end)
    value = _number(tokens[k].text)
    followed = tokens[k + 1].key if k + 1 < len(tokens) else ""
    if value is not None and value < 1000 and followed != _YEARS:
        return value, k  # "Lễ kỷ niệm 135 năm": a count of years, not an ordinal
    return None, end


def _term(tokens: Sequence[Token], end: int) -> tuple[int | None, int]:
    """The Party term after an ordinal: "khóa XIII"."""
    k = end + 1
    if k + 1 < len(tokens) and not tokens[end].stops and tokens[k].key == _KHOA:
        value = _number(tokens[k + 1].text)
        if value is not None:
            return value, k + 1
    return None, end


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _roman(text)


def _roman(text: str) -> int | None:
    """The value of a Roman numeral written in capitals ("XIII" -> 13), else None."""
    if not text or any(c not in _ROMAN for c in text):
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


def _passing(tokens: Sequence[Token], k: int, lex: Lexicon) -> bool:
    if k > 0 and tokens[k - 1].text.isdigit():
        return True  # "45 chuyến thăm": a count, not one event
    for size in (3, 2, 1):
        if k - size >= 0:
            words = tokens[k - size : k]
            if (
                not any(t.stops for t in words)
                and " ".join(t.key for t in words) in lex.event_passing
            ):
                return True
    return False


def _identity(item: _Found, people: dict[str, str], lex: Lexicon) -> str:
    if item.kind in _ACTIONS and item.series is None:
        return f"{item.kind.value}:{'|'.join(sorted(people))}"
    if item.bare:
        return f"{item.kind.value}:*"
    return f"{_series_key(item.series or item.name, lex)}#{item.ordinal}#{item.term}"


def _series_key(series: str, lex: Lexicon) -> str:
    """The series folded, without the words that name no series in particular."""
    words = fold_key(series).split()
    kept: list[str] = []
    k = 0
    while k < len(words):
        size = next(
            (n for n in (3, 2, 1) if " ".join(words[k : k + n]) in lex.event_generic and k), 0
        )
        if size:
            k += size
            continue
        kept.append(words[k])
        k += 1
    return " ".join(kept)


# -- claims --------------------------------------------------------------------------------


def _claims(
    sentence: str, line: int, *, scope: str, year: int | None, lex: Lexicon
) -> list[EventClaim]:
    claims: list[EventClaim] = []
    for span in find_dates(sentence, year=year):
        claims.extend(_date_claims(span, line, scope))
    location = _location(sentence, lex)
    if location is not None:
        claims.append(
            EventClaim(field="location", value=location, text=location, line=line, scope=scope)
        )
    mode = _mode(sentence, lex)
    if mode is not None:
        claims.append(EventClaim(field="mode", value=mode[0], text=mode[1], line=line, scope=scope))
    return claims


def _date_claims(span: DateSpan, line: int, scope: str) -> list[EventClaim]:
    claims = []
    for field, value in (("start", span.start), ("end", span.end)):
        if value is not None:
            claims.append(
                EventClaim(
                    field=field, value=value.isoformat(), text=span.text, line=line, scope=scope
                )
            )
    return claims


def _location(sentence: str, lex: Lexicon) -> str | None:
    """The place after "tại": "tại Hà Nội", "tại Thủ đô Budapest (Hungary)"."""
    words = sentence.split()
    for i, word in enumerate(words[:-1]):
        if fold_key(word) != _TAI:
            continue
        k = i + 1
        for size in (2, 1):
            if fold_key(" ".join(words[k : k + size])) in lex.place_prefixes:
                k += size
                break
        place: list[str] = []
        for raw in words[k:]:
            core = raw.strip('(),.;:“”"')
            capital = bool(core) and (core[0].isupper() or raw.startswith("("))
            # "Phủ Chủ tịch": one lowercase syllable may follow a capitalised word
            follows = (
                bool(place)
                and core.isalpha()
                and place[-1][:1].isupper()
                and not place[-1].endswith((",", ".", ";", ":"))
                and fold_key(core) not in _NAME_STOPS
            )
            if not core or not (capital or follows):
                break
            place.append(raw)
            if raw.rstrip(")").endswith((",", ".", ";", ":")) or raw.endswith(")"):
                break
        if not place:
            continue
        text = " ".join(words[i + 1 : k] + place).rstrip(",.;:")
        if text.count("(") > text.count(")"):
            text = text.split("(")[0].strip()
        head = fold_key(" ".join(place[:2]).strip("(),.;:"))
        if head.split(" ")[0] in lex.first_words["event_kinds"] or head.startswith(_BRIDGE):
            continue  # "tại Hội nghị ...": an event, not a place
        return text
    return None


def _phrases(sentence: str, phrases: Collection[str]) -> list[tuple[int, str, str]]:
    """Where folded ``phrases`` stand in ``sentence``, word for word: ``(character offset,
    phrase, words as written)``, longest phrase first at each place, in reading order."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", sentence)]
    keys = [fold_key(w.strip(_EDGE)) for _, w in words]
    longest = sorted(phrases, key=lambda p: -len(p.split()))
    found = []
    for i in range(len(keys)):
        for phrase in longest:
            wanted = phrase.split()
            if keys[i : i + len(wanted)] == wanted:
                written = " ".join(w for _, w in words[i : i + len(wanted)]).strip(_EDGE)
                found.append((words[i][0], phrase, written))
                break
    return found


def _mode(sentence: str, lex: Lexicon) -> tuple[str, str] | None:
    """The attendance mode a sentence states (its longest phrase), and its words as written."""
    found = _phrases(sentence, lex.event_mode_index)
    if not found:
        return None
    _at, phrase, written = max(found, key=lambda f: len(f[1].split()))
    return lex.event_mode_index[phrase], written


def _themes(
    sentence: str, offset: int, targets: list[_Found], lex: Lexicon
) -> list[tuple[str, _Found]]:
    """Themes in quotation marks after "chủ đề", each with the event it belongs to: the one
    named before the label in the sentence, else the first one."""
    found = []
    for at, _phrase, written in _phrases(sentence, lex.theme_labels):
        start = at + len(written)
        quote = sentence.find("“", start, start + 12)
        close = sentence.find("”", quote + 1) if quote >= 0 else -1
        if quote < 0 or close < 0:
            continue
        before = [t for t in targets if t.mention.start < offset + at]
        found.append((sentence[quote + 1 : close].strip(), before[-1] if before else targets[0]))
    return found


# -- events --------------------------------------------------------------------------------


def _events(
    drafts: dict[str, _Draft], anaphoric: list[EventClaim], article: Article, lex: Lexicon
) -> tuple[Event, ...]:
    named = {key: d for key, d in drafts.items() if not key.endswith(":*")}
    _join_unnumbered(named)
    for key in [k for k, d in named.items() if d.found[0].kind in _ACTIONS]:
        if not named[key].participants:
            del named[key]  # "45 chuyến thăm": no one named, nothing to tell it apart
    bare = {key.split(":")[0]: len(d.found) for key, d in drafts.items() if key.endswith(":*")}
    main_key = max(named, key=lambda k: _salience(named[k], bare), default=None)
    events = []
    for key, draft in named.items():
        is_main = key == main_key
        claims = draft.claims + (anaphoric if is_main else [])
        events.append(_event(draft, claims, is_main, article, lex))
    return tuple(events)


def _join_unnumbered(named: dict[str, _Draft]) -> None:
    """ "Hội nghị Ngoại giao" without its ordinal is the article's "Hội nghị Ngoại giao 32",
    when the article numbers only one event of that series."""
    numbered: dict[str, list[str]] = {}
    series_keys = [key for key in named if key.count("#") == 2]
    for key in series_keys:
        series, ordinal, _term = key.rsplit("#", 2)
        if ordinal != "None":
            numbered.setdefault(series, []).append(key)
    for key in series_keys:
        series, ordinal, _term = key.rsplit("#", 2)
        if ordinal == "None" and len(numbered.get(series, [])) == 1:
            target = named[numbered[series][0]]
            extra = named.pop(key)
            target.found.extend(extra.found)
            target.claims.extend(extra.claims)
            target.participants.update(extra.participants)
            target.in_title |= extra.in_title


def _salience(draft: _Draft, bare: dict[str, int]) -> tuple[float, int]:
    reported = sum(1 for f in draft.found if not f.passing)
    specific = any(c.scope == "specific" for c in draft.claims)
    referred = bare.get(draft.found[0].kind.value, 0) / 2  # "Hội nghị đã ..." counts half
    score = reported + referred + (3 if draft.in_title else 0) + (2 if specific else 0)
    return score, -min(f.mention.line for f in draft.found)


def _event(
    draft: _Draft, claims: list[EventClaim], main: bool, article: Article, lex: Lexicon
) -> Event:
    first = next((f for f in draft.found if f.ordinal is not None), draft.found[0])
    start_claim = _best(claims, "start")
    start = _date(start_claim)
    # An end from a claim less specific than the start's would join two events' dates; a
    # sentence about "the conference" is as specific as one naming it.
    limit = max(_SCOPES.index(start_claim.scope), 1) if start_claim else len(_SCOPES)
    end_claims = [c for c in claims if c.field == "end" and _SCOPES.index(c.scope) <= limit]
    end = _date(_best(end_claims, "end"))
    location = _best(claims, "location")
    mode = _best(claims, "mode")
    if mode is None and main:
        mode = _article_mode(article, lex)
    themes = _themes_of(claims)
    series = _series(draft)
    return Event(
        name=first.name,
        series=series,
        ordinal=first.ordinal,
        term=first.term,
        kind=first.kind,
        key=_key(series, first, start, lex),
        start=start,
        end=end,
        location=location.value if location else None,
        mode=AttendanceMode(mode.value) if mode else None,
        themes=themes,
        participants=tuple(draft.participants.values()),
        organisers=tuple(draft.organisers.values()),
        main=main,
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
    value = claim.value
    if value.startswith("--") or len(value) == 7:
        return PartialDate.fromisoformat(value)
    return dt.date.fromisoformat(value)


def _themes_of(claims: Sequence[EventClaim]) -> tuple[str, ...]:
    for scope in _SCOPES:
        themes = [c.value for c in claims if c.field == "theme" and c.scope == scope]
        if themes:
            return tuple(dict.fromkeys(themes))
    return ()


def _series(draft: _Draft) -> str | None:
    """The series as the article writes it best: each word capitalised where any mention
    capitalises it ("hội nghị Ngoại giao" and "Hội nghị ngoại giao" give "Hội nghị Ngoại
    giao")."""
    written = [f.series for f in draft.found if f.series]
    if not written:
        return None
    words = written[0].split()
    for other in written[1:]:
        alt = other.split()
        if len(alt) == len(words) and fold_key(other) == fold_key(written[0]):
            words = [a if a[:1].isupper() else w for w, a in zip(words, alt, strict=True)]
    series = " ".join(words)
    return series[:1].upper() + series[1:]


def _key(series: str | None, first: _Found, start: DateValue | None, lex: Lexicon) -> str:
    name = _series_key(series or first.name, lex)
    if first.ordinal is not None:
        term = f" khóa {first.term}" if first.term is not None else ""
        return f"{name} #{first.ordinal}{term}"
    return f"{name} @{start.isoformat() if start is not None else '?'}"


def _article_mode(article: Article, lex: Lexicon) -> EventClaim | None:
    """Bridge points or online attendance named anywhere in the body: the main event's mode."""
    for block in article.blocks_of(BlockKind.BODY):
        mode = _mode(block.text, lex)
        if mode is not None and mode[0] != AttendanceMode.IN_PERSON.value:
            return EventClaim(
                field="mode", value=mode[0], text=mode[1], line=block.line, scope="joint"
            )
    return None
