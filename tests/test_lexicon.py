"""The lexicon: its ``key = value`` lists are checked when a Lexicon is made, not when a
page first needs them."""

from __future__ import annotations

import pytest

import diplocorpus as dc

# Every list whose entries are ``words = value``, and a value its entries may give.
KEYED = [
    ("event_kinds", "summit"),
    ("dom_hints", "related"),
    ("event_modes", "online"),
    ("event_bodies", "head"),
    ("relative_days", "-1"),
    ("month_names", "5"),
    ("day_periods", "pm"),
    ("epithets", "thủ tướng"),
    ("pronouns", "male"),
    ("event_grammar", "topic"),
    ("date_words", "day"),
    ("group_words", "noun"),
    ("grammar", "content"),
]
# A value no entry of the list may give.
UNKNOWN = {
    "event_kinds": "party",
    "dom_hints": "sidebar",
    "event_modes": "remote",
    "event_bodies": "institute",
    "relative_days": "hai",
    "month_names": "13",
    "day_periods": "afternoon",
    "pronouns": "nam",
    "event_grammar": "where",
    "date_words": "about",
    "group_words": "số lượng",
    "grammar": "nội dung",
}


@pytest.mark.parametrize(("name", "value"), KEYED)
def test_an_entry_without_its_value_is_refused_naming_the_list_and_the_entry(
    name: str, value: str
) -> None:
    lex = dc.Lexicon.default()
    assert lex.extended(**{name: [f"Cụm Từ Mới = {value}"]}) != lex
    for entry in ("Cụm Từ Mới", "Cụm Từ Mới =", "= " + value):
        with pytest.raises(ValueError, match=f"^{name}: '{entry}' ") as info:
            lex.extended(**{name: [entry]})
        assert "=" in str(info.value).split(": ", 2)[2]  # says how to write one


@pytest.mark.parametrize("name", sorted(UNKNOWN))
def test_an_unknown_value_fails_when_the_lexicon_is_made(name: str) -> None:
    entry = f"Cụm Từ Mới = {UNKNOWN[name]}"
    with pytest.raises(ValueError, match=f"^{name}: .*'{entry}'"):
        dc.Lexicon.default().extended(**{name: [entry]})
    with pytest.raises(ValueError, match=f"^{name}: .*'{entry}'"):
        dc.Lexicon(**{name: [entry]})  # type: ignore[arg-type]


def test_an_unknown_dom_hint_kind_fails_before_any_page() -> None:
    message = "dom_hints: unknown kind 'sidebar' in 'box-side = sidebar'"
    with pytest.raises(ValueError, match=message):
        dc.Lexicon.default().extended(dom_hints=["box-side = sidebar"])


@pytest.mark.parametrize("name", ["event_kinds", "dom_hints", "pronouns", "epithets"])
def test_one_key_with_two_values_fails_when_the_lexicon_is_made(name: str) -> None:
    values = {
        "event_kinds": ("summit", "forum"),
        "dom_hints": ("related", "footer"),
        "pronouns": ("male", "female"),
        "epithets": ("thủ tướng", "chủ tịch nước"),
    }[name]
    entries = [f"Cụm Từ Mới = {v}" for v in values]
    message = f"^{name}: Cụm Từ Mới is given two values, in '{entries[0]}' and '{entries[1]}'$"
    with pytest.raises(ValueError, match=message):
        dc.Lexicon.default().extended(**{name: entries})


def test_two_spellings_of_one_entry_are_one_entry() -> None:
    entries = ["Hội nghị hoà bình = conference", "hội nghị hòa bình = Conference"]
    lex = dc.Lexicon.default().extended(event_kinds=entries)
    assert lex.event_kind_index[dc.fold_key("Hội nghị hòa bình")] == "conference"


def test_the_default_lexicon_is_made_once() -> None:
    assert dc.Lexicon.default() is dc.Lexicon.default()
