"""Stage 1, normalise: check the input is page text and cut it into clean lines.

Text conventions (DESIGN.md): Unicode NFC, NBSP and every run of white space collapsed to
one space, ends stripped. Lines end where ``str.splitlines`` ends them, as the content hash
does (``Document.hash``): ``\\n``, ``\\r\\n`` and ``\\r`` alike, so that a file's line numbers
are the ones an editor shows, and the Unicode line and paragraph separators (U+2028, U+2029),
NEL (U+0085), form feed, vertical tab and U+001C to U+001E.
"""

from __future__ import annotations

import re
import unicodedata

from . import _knobs
from ._errors import BinaryContentError, InputTooLargeError, MarkupInputError, NotTextError

__all__ = [
    "check_size",
    "fold_key",
    "fold_word",
    "line_column",
    "normalize_text",
    "reject_nul",
    "replace_surrogates",
    "split_lines",
    "strip_diacritics",
    "surrogate_note",
]

# Characters with no visible width that scrapers leave in text: BOM / ZWNBSP, ZWSP, WJ.
_INVISIBLE_CHARS = "\ufeff\u200b\u2060\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
# Every line break str.splitlines() knows; all but \r\n and \r are rare enough that text
# without them pays only for a scan.
_NEWLINES = re.compile(r"\r\n?|[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_RARE_BREAKS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# A lone surrogate (a JSON escape "\ud800" gives one): a code point that is not a character
# and that UTF-8 cannot encode.
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# A tag of the HTML vocabulary: enough of them, or a document that opens with one, is markup.
_TAG = re.compile(
    r"</?(?:html|head|body|div|span|p|a|br|img|script|style|meta|link|ul|ol|li|table|tr|td"
    r"|th|h[1-6]|article|section|nav|header|footer|aside|figure|figcaption|iframe|form|input"
    r"|!doctype)(?=[\s/>])[^<>\n]{0,300}>",
    re.IGNORECASE,
)
_MARKUP_MIN_TAGS = 5
# Vietnamese tone marks as combining characters (NFD): grave, acute, tilde, hook, dot below.
# A tone mark and the rest of its syllable (letters, digits and the other combining marks):
# swapping the two puts the tone last, wherever the spelling placed it.
_TONE_THEN_REST = re.compile(
    r"([\u0300\u0301\u0303\u0309\u0323])((?:[^\W_]|[\u0302\u0306\u031b])*)"
)


def normalize_text(text: str) -> str:
    """Return ``text`` as NFC with white space collapsed to single spaces and ends stripped."""
    return " ".join(_visible(unicodedata.normalize("NFC", text)).split())


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (REPLACEMENT CHARACTER)."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(REPLACEMENT, text)


def surrogate_note(text: str) -> str | None:
    """The article's note when ``text`` holds lone surrogates (:func:`replace_surrogates`
    replaces them), or ``None``."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    line, column = line_column(text, found.start())
    count = len(_SURROGATE.findall(text))
    return (
        f"line {line}, column {column}: {count} lone surrogate(s) (not characters) "
        "replaced by U+FFFD"
    )


def _visible(text: str) -> str:
    # str.translate is slow on long text: only pay for it when there is something to drop.
    if any(ch in text for ch in _INVISIBLE_CHARS):
        return text.translate(_INVISIBLE)
    return text


def check_size(text: str | bytes, *, source: str | None = None) -> None:
    """Refuse an input longer than one page can be (:class:`InputTooLargeError`): more
    than ``MAX_INPUT_CHARS`` characters, or, bytes not yet decoded, more than four bytes
    for each of them (no encoding needs more). A length is all it looks at."""
    limit = _knobs.MAX_INPUT_CHARS
    if isinstance(text, bytes):
        if len(text) > 4 * limit:
            raise InputTooLargeError(len(text), 4 * limit, unit="bytes", source=source)
    elif len(text) > limit:
        raise InputTooLargeError(len(text), limit, source=source)


def split_lines(text: object, *, source: str | None = None) -> list[str]:
    """Check that ``text`` is page text and return its lines, each normalised.

    Blank lines stay (as ``""``) so that list index + 1 is the input line number.
    """
    if not isinstance(text, str):
        kind = type(text).__name__
        hint = (
            " (decode it first, or use diplocorpus.parse_file)"
            if isinstance(text, (bytes, bytearray, memoryview))
            else ""
        )
        raise NotTextError(f"expected str, got {kind}{hint}", source=source)
    check_size(text, source=source)
    reject_nul(text, source, "NUL byte in text: this is binary data, not a page's text")
    # Line breaks first: a tag does not reach across one, whichever it is.
    text = _lf(text)
    _reject_markup(text, source)
    text = replace_surrogates(text)
    text = _visible(unicodedata.normalize("NFC", text))
    return [" ".join(line.split()) for line in text.split("\n")]


def _lf(text: str) -> str:
    """``text`` with every line break ``\\n``."""
    if any(brk in text for brk in _RARE_BREAKS):
        return _NEWLINES.sub("\n", text)
    return text


def reject_nul(text: str, source: str | None, message: str) -> None:
    """A :class:`BinaryContentError` (``message``, where the first NUL is) if ``text`` holds
    one: a page's text, or its HTML, holds none."""
    nul = text.find("\x00")
    if nul >= 0:
        line, column = line_column(text, nul)
        raise BinaryContentError(message, source=source, line=line, column=column)


def line_column(text: str, index: int) -> tuple[int, int]:
    """The line and column (1-based) of ``text[index]``, every line break counted."""
    head = _lf(text[:index])
    return head.count("\n") + 1, len(head) - head.rfind("\n")


def _reject_markup(text: str, source: str | None) -> None:
    start = text.lstrip("\ufeff \t\r\n")
    opens_with_tag = start[:1] == "<" and _TAG.match(start) is not None
    tags = 0
    first = None
    for match in _TAG.finditer(text):
        first = first if first is not None else match.start()
        tags += 1
        if tags >= _MARKUP_MIN_TAGS or opens_with_tag:
            break
    if opens_with_tag or tags >= _MARKUP_MIN_TAGS:
        line, column = line_column(text, first or 0)
        raise MarkupInputError(
            "the text is HTML markup, not the page's visible text "
            "(extract the text first, e.g. with a browser's innerText)",
            source=source,
            line=line,
            column=column,
        )


def _swap(match: re.Match[str]) -> str:
    return match[2] + match[1]


def fold_key(text: str) -> str:
    """Return a key under which two spellings of the same Vietnamese words are equal.

    Case is folded and each syllable's tone mark is moved to the end of the syllable, so
    the old and new placements (``Thành uỷ`` / ``Thành ủy``, ``hoà`` / ``hòa``) meet.
    White space is collapsed. The key is for lookups and comparison, never for display.

    >>> fold_key("Thành uỷ") == fold_key("thành ủy")
    True
    >>> fold_key("Hội nghị  Ngoại giao") == fold_key("hội nghị ngoại giao")
    True
    """
    return _fold(text)


def fold_word(word: str) -> str:
    """``fold_key(word)`` for one word (no white space in it, not empty), without cutting
    it into words first."""
    return _WORD_KEYS.get(word) or _fold_new_word(word)


def _fold(text: str) -> str:
    # Folding works within a word (case, tone marks and normal forms never reach across
    # white space), so a text's key is its words' keys, and each word is folded once.
    known = _WORD_KEYS.get
    return " ".join([known(word) or _fold_new_word(word) for word in text.split()])


# The keys of the words folded so far: a vocabulary (at most _MAX_WORD_KEYS words of at
# most _MAX_WORD_CHARS characters), emptied when full.
_WORD_KEYS: dict[str, str] = {}
_MAX_WORD_KEYS = 1 << 16
_MAX_WORD_CHARS = 40


def _fold_new_word(word: str) -> str:
    key = _fold_word(word)
    if len(word) <= _MAX_WORD_CHARS:
        if len(_WORD_KEYS) >= _MAX_WORD_KEYS:
            _WORD_KEYS.clear()
        _WORD_KEYS[word] = key
    return key


def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    moved = _TONE_THEN_REST.sub(_swap, decomposed)
    return " ".join(unicodedata.normalize("NFC", moved).split())


def strip_diacritics(text: str) -> str:
    """``text`` without its diacritics: tone marks, breves, circumflexes, horns, and "đ" as
    "d" ("Cập nhật" -> "Cap nhat")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
