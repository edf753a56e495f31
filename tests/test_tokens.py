"""Tokens: what the people, statements and events stages read a line as."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplocorpus import _tokens
from diplocorpus._text import fold_key
from diplocorpus._tokens import Tokens, _name_word, phrase_at, tokenize

Row = tuple[str, int, int, str, str, str, bool, bool]


def rows(tokens: Tokens) -> list[Row]:
    """The tokens word by word: text, start, end, lead, trail, key, capitalised, stops."""
    columns = (tokens.text, tokens.start, tokens.end, tokens.lead, tokens.trail, tokens.key)
    return list(zip(*columns, tokens.capitalised, tokens.stops, strict=True))


OPENERS = "\"“‘'([«"
CLOSERS = "\"”’')]».,;:!?…"

# A word as news text writes one: opening marks, a core that starts and ends with a letter
# (marks inside it stay: "a'b", "19/12"), closing marks.
WORDS = st.tuples(
    st.text(alphabet=OPENERS, max_size=2),
    st.from_regex(r"[a-zđốơ]([a-zđố0-9/'.-]{0,4}[a-zđố])?", fullmatch=True),
    st.text(alphabet=CLOSERS, max_size=2),
)


@given(st.lists(WORDS, min_size=1, max_size=12), st.sampled_from([" ", "  ", "\t", " \u00a0 "]))
def test_a_word_is_its_run_without_its_opening_and_closing_marks(
    words: list[tuple[str, str, str]], space: str
) -> None:
    text = space.join(lead + core + trail for lead, core, trail in words)
    tokens = tokenize(text)
    assert list(zip(tokens.lead, tokens.text, tokens.trail, strict=True)) == words
    assert all(text[s:e] == t for t, s, e, *_ in rows(tokens))


def test_punctuation_standing_alone_ends_the_word_before_it() -> None:
    tokens = tokenize("An , Giám")
    assert tokens.text == ("An", "Giám")
    assert (tokens.trail[0], tokens.stops[0]) == (",", True)


def test_an_initial_keeps_its_stop() -> None:
    assert tokenize("Antony J. Blinken").text == ("Antony", "J.", "Blinken")


# The definition, written the slow, plain way: a run of non-space characters is its opening
# marks, its core and its closing marks; a run of marks alone ends the word before it; "J."
# before a capitalised word keeps its stop. ``tokenize`` reads each distinct run once.
_RUN = re.compile(rf"(?<!\S)([{re.escape(OPENERS)}]*)(\S*?)([{re.escape(CLOSERS)}]*)(?!\S)")


def _reference(text: str) -> list[Row]:
    words: list[list[Any]] = []
    for match in _RUN.finditer(text):
        lead, core, trail = match.groups()
        if not core:
            if words and set(match.group()) & set(",;:.!?…"):
                words[-1][4] += match.group()
            continue
        words.append([core, match.start(2), match.end(2), lead, trail])
    for k, (core, _, _, _, trail) in enumerate(words[:-1]):
        after = words[k + 1]
        initial = len(core) == 1 and core.isupper() and trail == "."
        if initial and not after[3] and _name_word(after[0]):
            words[k][0:5] = [core + ".", words[k][1], words[k][2] + 1, words[k][3], ""]
    return [
        (
            core,
            start,
            end,
            lead,
            trail,
            fold_key(core),
            _name_word(core),
            bool(set(trail) & set(",;:.!?…")),
        )
        for core, start, end, lead, trail in words
    ]


@given(
    st.lists(
        st.one_of(
            WORDS.map("".join),
            st.text(alphabet=OPENERS + CLOSERS + "-–", min_size=1, max_size=3),
            st.sampled_from(["J.", "A.", "Nguyễn", "Blinken", "M.Servigon", "Sang-sik", "ĐÀ"]),
        ),
        max_size=15,
    ),
    st.lists(
        st.sampled_from([" ", "  ", "\n", "\u00a0", "\u2003", "\x1c"]), min_size=15, max_size=15
    ),
)
def test_tokens_are_what_the_plain_definition_gives(words: list[str], spaces: list[str]) -> None:
    text = "".join(space + word for space, word in zip(spaces, words, strict=False))
    assert rows(tokenize(text)) == _reference(text)


@given(
    st.lists(st.sampled_from(["bộ", "trưởng", "ngoại", "giao", "bộ,", "“bộ", "phó"]), max_size=8),
    st.sets(
        st.lists(
            st.sampled_from(["bộ", "trưởng", "ngoại", "giao", "phó"]), min_size=1, max_size=4
        ).map(" ".join),
        max_size=6,
    ),
    st.integers(min_value=1, max_value=5),
    st.data(),
)
def test_a_lookup_that_stops_where_no_phrase_goes_on_finds_the_same_phrase(
    words: list[str], phrases: set[str], longest: int, data: st.DataObject
) -> None:
    tokens = tokenize(" ".join(words))
    prefixes = {" ".join(p.split()[:n]) for p in phrases for n in range(1, len(p.split()))}
    last = data.draw(st.none() | st.integers(min_value=0, max_value=max(len(tokens) - 1, 0)))
    for k in range(len(tokens)):
        plain = phrase_at(tokens, k, phrases, longest=longest, last=last)
        assert phrase_at(tokens, k, phrases, longest=longest, last=last, prefixes=prefixes) == plain


def test_a_full_table_of_runs_starts_again_and_reads_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Ông Antony J. Blinken , Ngoại trưởng Hoa Kỳ, cho biết: “Chúng tôi ủng hộ”."
    before = tokenize(text)
    monkeypatch.setattr(_tokens, "_RUN_FACTS_MAX", 2)
    _tokens._RUN_FACTS.clear()
    assert tokenize(text) == before
    assert rows(before) == _reference(text)
    assert len(_tokens._RUN_FACTS) <= 2


def test_one_word_is_read_from_the_columns_not_by_index() -> None:
    tokens = tokenize("Ông Bùi Thanh Sơn cho biết")
    assert tokens[1:3].key == tokens.key[1:3]
    with pytest.raises(TypeError, match="takes a slice"):
        tokens[0]  # type: ignore[index]
