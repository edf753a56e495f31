"""Tokens: what the people, statements and events stages read a line as."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplocorpus._tokens import tokenize

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
    assert [(t.lead, t.text, t.trail) for t in tokens] == words
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_punctuation_standing_alone_ends_the_word_before_it() -> None:
    (first, second) = tokenize("An , Giám")
    assert (first.text, first.trail, first.stops) == ("An", ",", True)
    assert second.text == "Giám"


def test_an_initial_keeps_its_stop() -> None:
    assert [t.text for t in tokenize("Antony J. Blinken")] == ["Antony", "J.", "Blinken"]
