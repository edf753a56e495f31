"""Read metadata out of single lines: photo credits, author names, view counts.

Shared by the classifier (a line is a byline when names can be read from it) and by the
article builder (which keeps the names).
"""

from __future__ import annotations

import functools
import re

import attrs

from ._dates import may_be_dateline, parse_dateline
from ._knobs import BODY_WORDS
from ._lexicon import Lexicon, longest_first
from ._text import fold_key

__all__ = [
    "DOMAIN",
    "HeaderLine",
    "byline_names",
    "counter_value",
    "has_end_mark",
    "header_parts",
    "signature_names",
    "split_attribution",
    "split_credit",
    "starts_with_phrase",
    "strip_end_mark",
]

_MAX_META_CHARS = 600
_MAX_CREDIT_WORDS = 8
_CAPS_NAME_WORDS = 3
_SIGNATURE_WORDS = 4
_AFTER_NAME = re.compile(r"\s*\(|\s+[-–—]\s+(?=[^\W\d_])")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\s[-–—]\s)\s*")
_DIGIT = re.compile(r"\d")
_HANDLE = re.compile(r"[\w.\-]{3,32}")
_PARENS = re.compile(r"\([^()]{0,80}\)")
# Initials of a signature: capitals each followed by a dot ("H.V.", "T.Q.A", "N.Anh").
_INITIALS = re.compile(r"(?:^|\s)(?:[^\W\d_]\.){1,3}(?:[^\W\d_]+\.?)?$")
_BRACKETED_LABEL = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,30}?)\s*[)\]]\s*\.?\s*\|?$")
_OUTLETS = re.compile(r"\s*\([^()]{0,80}\)\s*\.?$")
# A web address names an outlet, not a person: "Vcamp.vn", "Dantri.com.vn".
DOMAIN = re.compile(r"\w\.(?:vn|com|net|org|info|gov|edu|tv|asia)\b", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[^\W\d_][^\W\d_]*(?:\.[^\W\d_]+)*\.?")
_END_MARK = re.compile(r"\s*\.?\s*/\s*\.\s*$")
# A bracket after a sentence's final stop (or the end mark, or a closing quotation mark) at
# the end of a line: "... tới. (TTXVN)", "... tới./. (Theo TTXVN)", "... tới.” (PV)".
_CLOSING_BRACKET = re.compile(r"[.!?…][\"”’»]?(\s*\(\s*([^()]{1,60}?)\s*\)\s*)$")
_PUNCT = ".:…!?,;"
_NUMBER = re.compile(r"(\d[\d.,]*)\s*([kK])?")
_SEGMENT_SEPARATOR = re.compile(r"\s+[•·–—-]\s+|\s*\|\s*")
_MAX_SEGMENTS = 6
_RUN = re.compile(r"\S+")
_MAX_HEADER_CHARS = 200
_COUNT_WORDS = 5  # words of a view count run on after a date
_MAX_HANDLE_WORDS = 3
_SECTION_WORDS = 5


def split_credit(text: str, lexicon: Lexicon, *, caption: bool = False) -> tuple[str, str] | None:
    """Split a caption from its photo credit: ``("... hội nghị.", "Thủy Nguyên")``.

    The credit is a label of ``credit_labels`` and a colon near the end of the line, as in
    ``... Ảnh: Thủy Nguyên``, ``... (Ảnh: Vũ Quang Minh) |`` or ``...tỉnh ta.Ảnh: L.Anh``;
    when the line is known to be a caption (``caption``: under a photo, or given by the
    markup), a source label after it names the credit too (``... tại cảng. Nguồn: Cảng Hạ
    Long``); after a paragraph it names where the paragraph's figures come from. A credit
    label alone in brackets at the end (``... một cửa. (Ảnh minh họa)``) marks a caption
    with no name: the credit is ``""``.
    """
    if len(text) > _MAX_META_CHARS:
        return None
    bracketed = _BRACKETED_LABEL.search(text) if _ends_bracketed(text) else None
    if bracketed and fold_key(bracketed[1]) in lexicon.credit_labels and " " in bracketed[1]:
        described = text[: bracketed.start()].strip()
        return (described, "") if described else None
    colon = text.rfind(":")
    if colon < 0:
        return None
    credit = _bare_credit(text[colon + 1 :])
    if not credit or len(credit.split()) > _MAX_CREDIT_WORDS or "(" in credit:
        return None
    head = text[:colon].rstrip()
    if fold_key(head) in lexicon.byline_prefixes - lexicon.credit_labels:
        return None  # "Bài và ảnh: Hoàng Anh" is a byline, not a caption
    # The label is the last one to four words before the colon, cut at a space, '(' or '.'.
    for size in (4, 3, 2, 1):
        match = _credit_label_pattern(size).search(head)
        if match is None:
            continue
        label = fold_key(match[1])
        text_before = head[: match.start()].rstrip(" (|[-–—").strip()
        if label in lexicon.credit_labels or (
            caption and label in lexicon.source_labels and _caption_sized(text_before)
        ):
            return text_before, credit
    return None


def _ends_bracketed(text: str) -> bool:
    """A quick test before the search for ``_BRACKETED_LABEL``: the text ends with a
    closing bracket, but for white space, stops and bars after it."""
    last = text[-1:]
    if last in {")", "]"}:
        return True
    if not (last in ".|" or last.isspace()):
        return False  # most lines end with a letter
    end = len(text)
    while end and (text[end - 1] in ".|" or text[end - 1].isspace()):
        end -= 1
    return text[end - 1 : end] in {")", "]"}


def split_attribution(text: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """Split a paragraph from the source it names in brackets at its end, after its final
    stop: ``("... tới.", "TTXVN")`` for ``... tới. (TTXVN)``; ``(Theo TTXVN)``, ``(PV)``,
    ``(Nguồn: VOV)`` and ``./. (TTXVN)`` too. The source is what a byline without a person
    names (an agency, an outlet, an abbreviation: see ``agencies``) or a source label and
    what follows it (``Nguồn: VOV``); a photo's credit (``(Ảnh: TTXVN)``) or a person's name
    in brackets is none. ``None`` when the line ends with no such source.
    """
    if not text.endswith(")"):
        return None
    match = _CLOSING_BRACKET.search(text[-80:])
    if match is None:
        return None
    source = match[2]
    folded = fold_key(source)
    label, colon, rest = folded.partition(":")
    if colon:
        named = label.strip() in lexicon.source_labels and rest.strip()
        if not named or len(rest.split()) > _MAX_CREDIT_WORDS:
            return None
    elif starts_with_phrase(folded, lexicon.credit_labels) or byline_names(source, lexicon) != ():
        return None
    return text[: len(text) - len(match[1])], source


def _caption_sized(text: str) -> bool:
    """A source label names a photo's credit after a caption: a description shorter than a
    paragraph, of one or two sentences. After a paragraph ("... đạt 21 tỷ USD. Nguồn:
    Tổng cục Hải quan") it names where the paragraph's figures come from."""
    if not text or len(text.split()) >= BODY_WORDS:
        return False
    return sum(text.count(mark) for mark in (". ", "? ", "! ")) <= 1


def _bare_credit(raw: str) -> str:
    """A credit without its brackets and its final stop ("Đoàn Bắc)." -> "Đoàn Bắc"), but
    with the dot of initials ("H.V.")."""
    credit = raw.strip(" |]")
    while credit[-1:] in {")", "]", "."}:
        if credit.endswith(".") and _INITIALS.search(credit):
            break
        credit = credit[:-1].rstrip(" |")
    return credit


@functools.lru_cache(maxsize=8)
def _credit_label_pattern(words: int) -> re.Pattern[str]:
    word = r"[^\s(.|\[]+"
    return re.compile(rf"(?:^|(?<=[\s(.|\[]))((?:{word}\s+){{{words - 1}}}{word})$")


def byline_names(text: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """The author names of a byline line, or ``None`` if the line is not a byline.

    Agency tags (``(TTXVN)``, ``/VOV``), a ``Theo``/``Bài và ảnh:`` lead and trailing page
    controls (``• Từ khóa``) are not names. A line naming only an agency (``Theo TTXVN``)
    or an outlet (``Theo Ngoisao``: one word after "Theo" is a source, not a person's
    name) is a byline with no author names; after "Theo", a person's outlets follow in
    brackets or after a slash (``Theo Sầm Hoa (Vietnamnet/Reuters)``,
    ``Theo Minh Nguyễn/Vcamp.vn``).
    """
    if len(text) > 160:
        return None
    body = _cut_tail(text, lexicon)
    body, lead = _cut_prefix(body, lexicon)
    by_source = fold_key(lead) in lexicon.source_leads
    if by_source:
        body = _OUTLETS.sub("", body)
    body = _PARENS.sub(lambda m: " " if _is_agency(m[0][1:-1], lexicon) else m[0], body)
    if "(" in body or ")" in body:
        return None
    names: list[str] = []
    body = body.strip(" ")
    if body.endswith(".") and not _INITIALS.search(body):
        body = body[:-1]
    joined = body.strip(" .") if not _INITIALS.search(body) else body
    for part in _split_names(joined, lexicon.grammar_words("authors")):
        for raw in part.split("/"):
            piece = raw.strip()
            if not piece or _is_agency(piece, lexicon) or DOMAIN.search(piece):
                continue
            if not _is_name(piece, lexicon) or fold_key(piece) in lexicon.places:
                return None
            names.append(piece)
    if len(names) > 6:
        return None
    if by_source and all(len(name.split()) == 1 for name in names):
        return ()  # "Theo Ngoisao": a source
    return tuple(names)


def signature_names(text: str, lexicon: Lexicon) -> tuple[str, ...] | None:
    """The names of a signature under an article: a byline's, or a name with what the
    writer adds after it ("HẢI THANH (thực hiện)", "Hoàng Yến (Văn phòng UBND tỉnh)",
    "Kim Ngân - Trung tâm VH-TT&TT huyện"). ``None`` when the line is no signature."""
    words = fold_key(text).split()
    if len(words) >= 3 and words[0] in lexicon.honorifics and words[1] in lexicon.surnames:
        return None  # "Cô Lê Ngọc Diệp - Trưởng phòng ...": someone the story quotes
    names = byline_names(text, lexicon)
    if names is not None:
        return names
    head = _AFTER_NAME.split(text, maxsplit=1)[0].strip()
    if head == text.strip() or len(head.split()) > _SIGNATURE_WORDS:
        return None
    return byline_names(head, lexicon) or None


def _cut_tail(text: str, lexicon: Lexicon) -> str:
    for sep in ("•", "·", "|"):
        head, found, tail = text.partition(sep)
        if found and starts_with_phrase(fold_key(tail), lexicon.byline_tails):
            return head.strip()
    return text


def _cut_prefix(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """The text without its byline lead ("Theo", "Bài và ảnh:"), and the lead."""
    words = text.split()
    for size in (3, 2, 1):
        lead = " ".join(words[:size])
        colon = lead.endswith(":")
        if fold_key(lead.rstrip(":")) in lexicon.byline_prefixes and (colon or size < len(words)):
            return " ".join(words[size:]).lstrip(": "), lead.rstrip(":")
    return text, ""


def starts_with_phrase(folded: str, phrases: frozenset[str]) -> bool:
    """True when the folded text starts with one of ``phrases`` (up to five words long)."""
    first = folded.split(maxsplit=1)  # the first word decides most lines
    if not first or first[0].rstrip(_PUNCT) not in _first_words(phrases):
        return False
    words = folded.split(maxsplit=5)
    return any(" ".join(words[:size]).rstrip(_PUNCT) in phrases for size in range(1, 6))


def phrase_words(folded: str, phrases: frozenset[str]) -> int:
    """How many words of the folded text the longest of ``phrases`` it starts with covers
    (0 when it starts with none)."""
    first = folded.split(maxsplit=1)  # the first word decides most lines
    if not first or first[0].rstrip(_PUNCT) not in _first_words(phrases):
        return 0
    words = folded.split(maxsplit=5)
    sizes = [n for n in range(1, 6) if " ".join(words[:n]).rstrip(_PUNCT) in phrases]
    return max(sizes, default=0)


@functools.lru_cache(maxsize=64)
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    # A frozenset keeps its hash once computed: this lookup costs nothing per line.
    return frozenset(p.split(" ", 1)[0].rstrip(_PUNCT) for p in phrases)


def _split_names(text: str, joiners: frozenset[str]) -> list[str]:
    """The names of a byline: split at commas, ";", "&", dashes and the ``authors`` words
    of the lexicon ("và")."""
    parts: list[str] = []
    for chunk in _NAME_SPLIT.split(text):
        words: list[str] = []
        for word in chunk.split(" "):
            if words and fold_key(word) in joiners:
                parts.append(" ".join(words))
                words = []
            else:
                words.append(word)
        parts.append(" ".join(words))
    return parts


def _is_agency(text: str, lexicon: Lexicon) -> bool:
    text = text.strip(" -–/")
    if _INITIALS.fullmatch(text):
        return False  # a person's initials: "H.V.", "N.A"
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(text.split()) == 1:
        return True  # an abbreviation: TTXVN, VOV, TTO
    return fold_key(text) in lexicon.agencies


def _is_name(text: str, lexicon: Lexicon) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 5:
        return False
    if not all(_NAME_TOKEN.fullmatch(t) and t[0].isupper() for t in tokens):
        return False  # "hội" is a common word, not part of a name
    if len(tokens) >= 2 and all(t.isupper() for t in tokens):
        # A name set in capitals: "NGỌC AN", "NGUYỄN THỊ THU HÀ". A longer run of capitals
        # without a surname first is a heading ("NỘI DUNG TRAO ĐỔI").
        return len(tokens) <= _CAPS_NAME_WORDS or fold_key(tokens[0]) in lexicon.surnames
    # "Hội" is a name syllable; "HĐND" or "TP.HCM" inside a phrase is not.
    return not any(c.isupper() for t in tokens for part in t.split(".") for c in part[1:])


def counter_value(text: str, lexicon: Lexicon) -> int | None:
    """The number of a view counter line (``1,234 lượt xem`` -> 1234), else ``None``."""
    if len(text) > 60 or _DIGIT.search(text) is None:
        return None
    folded = fold_key(text.strip("()[] "))
    units = lexicon.derived("counter_units", lambda lex: longest_first(lex.counter_units))
    if not (folded.endswith(units) or folded.startswith(units)):
        return None
    for unit in units:
        if folded.endswith(unit):
            rest = folded[: -len(unit)]
        elif folded.startswith(unit):
            rest = folded[len(unit) :]
        else:
            continue
        match = _NUMBER.fullmatch(rest.strip(" :"))
        if match:
            return _count(match[1], bool(match[2]))
    return None


def _count(digits: str, thousands: bool) -> int:
    if thousands:
        return round(float(digits.replace(",", ".")) * 1000)
    return int(digits.replace(",", "").replace(".", ""))


def strip_end_mark(text: str) -> str:
    """Drop the press end mark ``./.``: ``"... tiếp theo./."`` -> ``"... tiếp theo."``."""
    match = _END_MARK.search(text)
    if match is None:
        return text
    return text[: match.start()].rstrip() + "."


def has_end_mark(text: str) -> bool:
    """True when ``text`` ends with the press end mark ``./.``."""
    return _END_MARK.search(text[-12:]) is not None


@attrs.frozen(kw_only=True, slots=True)
class HeaderLine:
    """A dateline that carries more than the date: names, a view count, page controls, the
    section's name."""

    date_text: str
    place: str | None = None
    names: tuple[str, ...] = ()
    views: int | None = None
    section: str | None = None


def header_parts(text: str, lexicon: Lexicon) -> HeaderLine | None:
    """Read a line such as ``Thu Hằng | 19/12/2023 - 15:18 | 1.234 lượt xem``.

    The line is cut at ``|``, ``•`` and spaced dashes, before a view count at its end
    (``... 01:00 AM Số lần xem: 169``) and after a forum's "started by NAME," (``... bắt đầu
    bởi hoaianh, 03/05/24``); one run of pieces must be a dateline and every other piece
    names, a view count, a page control or, before the date, the section's name. Else
    ``None``.
    """
    if len(text) > _MAX_HEADER_CHARS or _DIGIT.search(text) is None:
        return None  # a dateline has digits
    spans = _segments(text, lexicon)
    if not 2 <= len(spans) <= _MAX_SEGMENTS:
        return None
    # A piece with a word no dateline has is in no run of pieces that is one.
    readable = [may_be_dateline(text[a:b], lexicon) for a, b in spans]
    for length in range(len(spans) - 1, 0, -1):
        for start in range(len(spans) - length + 1):
            if not all(readable[start : start + length]):
                continue
            date_text = text[spans[start][0] : spans[start + length - 1][1]]
            if _DIGIT.search(date_text) is None:
                continue  # a dateline has digits
            if parse_dateline(date_text, lexicon=lexicon) is None:
                continue
            before = [text[a:b] for a, b in spans[:start]]
            after = [text[a:b] for a, b in spans[start + length :]]
            parts = _other_parts(before, after, lexicon)
            if parts is not None:
                return attrs.evolve(parts, date_text=date_text)
    return None


def _segments(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for sep in _SEGMENT_SEPARATOR.finditer(text):
        if sep.start() > start:
            spans.append((start, sep.start()))
        start = sep.end()
    if start < len(text):
        spans.append((start, len(text)))
    if spans:
        spans[-1:] = _split_count(text, spans[-1], lexicon)
    if spans:
        spans[-1:] = _split_author(text, spans[-1], lexicon)
    return spans


def _split_count(text: str, span: tuple[int, int], lexicon: Lexicon) -> list[tuple[int, int]]:
    """A view count run on after the date ("... 01:00 AM Số lần xem: 169")."""
    a, b = span
    words = list(_RUN.finditer(text[a:b]))
    longest = min(_COUNT_WORDS, len(words) - 1)
    if longest < 2 or _DIGIT.search(text, a + words[-longest].start(), b) is None:
        return [span]  # a count has digits: none in the longest tail, none in the others
    for size in range(longest, 1, -1):
        cut = a + words[-size].start()
        if counter_value(text[cut:b], lexicon) is not None:
            return [(a, cut), (cut, b)]
    return [span]


def _split_author(text: str, span: tuple[int, int], lexicon: Lexicon) -> list[tuple[int, int]]:
    """ "... started by NAME, DATE": the author piece before the last comma."""
    a, b = span
    comma = text.rfind(", ", a, b)
    if comma < 0:
        return [span]
    head = text[a:comma]
    if _author_after_lead(head, lexicon) is None and _handle(head, lexicon) is None:
        return [span]
    return [(a, comma), (comma + 2, b)]


def _handle(piece: str, lexicon: Lexicon) -> str | None:
    """A forum user's handle signing a post ("minhduc_vf8, 02/05/2024"): one word with
    letters, written as the user chose (lower case, digits, underscores)."""
    piece = piece.strip()
    if " " in piece or not _HANDLE.fullmatch(piece) or not piece[:1].isalpha():
        return None
    if fold_key(piece) in lexicon.dateline_words:
        return None  # "Updated, 19/12/2023"
    return piece


def _author_after_lead(piece: str, lexicon: Lexicon) -> str | None:
    """The name after "bởi"/"by" ("Thảo luận trong 'X' bắt đầu bởi hoaianh" -> "hoaianh"):
    a forum's handle may be any one word."""
    words = piece.split()
    for i in range(len(words) - 1, 0, -1):
        if fold_key(words[i - 1]) in lexicon.author_leads:
            name = " ".join(words[i:]).strip(" ,.:")
            if (
                name
                and len(name.split()) <= _MAX_HANDLE_WORDS
                and not any(c.isdigit() for c in name[:1])
            ):
                return name
            return None
    return None


def _other_parts(before: list[str], after: list[str], lexicon: Lexicon) -> HeaderLine | None:
    place: str | None = None
    section: str | None = None
    names: list[str] = []
    views: int | None = None
    for position, piece in [*(("before", p) for p in before), *(("after", p) for p in after)]:
        count = counter_value(piece, lexicon)
        folded = fold_key(piece).strip(_PUNCT)
        if count is not None:
            views = count
        elif folded in lexicon.places:
            place = piece
        elif folded in lexicon.widgets:
            continue
        elif (handle := _author_after_lead(piece, lexicon)) is not None:
            names.append(handle)
        elif (found := byline_names(piece, lexicon)) is not None:
            names.extend(found)
        elif (handle := _handle(piece, lexicon)) is not None:
            names.append(handle)
        elif position == "before" and _section_name(piece) and section is None:
            section = piece.strip()
        else:
            return None
    return HeaderLine(date_text="", place=place, names=tuple(names), views=views, section=section)


def _section_name(piece: str) -> bool:
    """A site's section names before a date ("Đời sống Giáo dục | Cập nhật ..."): a few
    words, no digits, no sentence."""
    words = piece.split()
    return (
        0 < len(words) <= _SECTION_WORDS
        and not any(c.isdigit() for c in piece)
        and piece.rstrip()[-1:] not in {".", "!", "?", ":"}
        and words[0][:1].isupper()
    )
