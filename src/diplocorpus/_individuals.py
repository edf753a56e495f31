"""People as records: each person an article names, once, with every way it names them.

:class:`Registry` ties a reference (an office alone, a phrase that stands for one, one word
of a name, a pronoun) to the person last named who fits it; the statements stage uses it for
speakers, :func:`distinct_people` to gather one :class:`Individual` a person.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._lexicon import Lexicon
from ._models import Article, EntityKind, Individual, Person
from ._people import BareTitle, Mention, Unit, read_units
from ._text import fold_key

__all__ = ["Registry", "distinct_people", "individuals_of"]

_NAME_TAIL = 3  # words of a name written again without its first ones ("Hoàng Đức")
_PLACE_LOOKBACK = 8  # holders of an office looked at for an epithet's place


def distinct_people(article: Article, *, lexicon: Lexicon | None = None) -> tuple[Individual, ...]:
    """The people the article names, one :class:`Individual` each, in order of first mention.

    Mentions with one folded name are one person; an office written alone, a phrase that
    stands for one, and one word of a name ("ông Sơn") join the person they refer back to
    (the last one named who fits). A reference that fits no one named before is left out:
    it names no one the article identifies. The mentions of a reference keep the words as
    written in ``name`` and take the person's ``key``.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    return individuals_of(read_units(article, lex), lex)


def individuals_of(units: Sequence[Unit], lex: Lexicon) -> tuple[Individual, ...]:
    """The people of lines already read (see :func:`read_units`), one record each."""
    groups: dict[str, list[Person]] = {}
    known = Registry(lex)
    for unit in units:
        found, line = unit.mentions, unit.line
        items: list[Mention | BareTitle] = [*found.people, *found.bare_titles]
        for item in sorted(items, key=lambda m: m.first):
            if isinstance(item, Mention):
                groups.setdefault(item.person.key, []).append(item.person)
                known.add(item.person, item.honorific)
                continue
            target = known.resolve(item)
            if target is not None:
                written = item.written or item.role or ""
                tokens = found.tokens
                groups[target.key].append(
                    attrs.evolve(
                        target,
                        name=written,
                        role=item.role,
                        line=line,
                        start=tokens.start[item.first],
                        end=tokens.end[item.last],
                    )
                )
    return tuple(_individual(mentions) for mentions in groups.values())


def _individual(mentions: list[Person]) -> Individual:
    full = [m for m in mentions if fold_key(m.name) == m.key]
    names = list(dict.fromkeys(m.name for m in full))
    name = max(names, key=lambda n: len(n.split()))
    roles = list(dict.fromkeys(m.role for m in full if m.role))
    return Individual(name=name, key=full[0].key, names=names, roles=roles, mentions=mentions)


class Registry:
    """The people named so far in an article, indexed for the references that follow, so
    that tying one costs the same however long the article is.

    A reference by office finds the last person whose office is that office or starts with
    it ("Tổng Bí thư" for "Tổng Bí thư Nguyễn Phú Trọng"); one by name the last person whose
    name ends or starts with the word ("ông Sơn", "ông Vương", "Ngoại trưởng Blinken"); one
    by the last words of a name the last person whose name ends with them ("Hoàng Đức"); a
    pronoun the last person of a gender that fits it.
    """

    __slots__ = ("_by_office", "_by_tail", "_by_word", "_honorific", "_last", "_lex")

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        self._by_office: dict[str, list[Person]] = {}
        self._by_word: dict[str, Person] = {}
        self._by_tail: dict[tuple[str, ...], Person] = {}
        self._honorific: dict[str, str] = {}
        self._last: dict[str, Person] = {}  # by gender written, and "" for anyone

    def add(self, person: Person, honorific: str | None = None) -> None:
        """Note ``person`` as named now (with the honorific written before the name)."""
        if person.kind is not EntityKind.PERSON:
            return
        if honorific is not None:
            self._honorific[person.key] = honorific
        honorific = self._honorific.get(person.key)
        words = person.key.split()
        role = fold_key(person.role or "").split()
        for size in range(1, len(role) + 1):
            self._by_office.setdefault(" ".join(role[:size]), []).append(person)
        if words:
            self._by_word[words[0]] = person
            self._by_word[words[-1]] = person
        for size in range(1, min(len(words) - 1, _NAME_TAIL) + 1):
            self._by_tail[tuple(words[-size:])] = person
        self._last[""] = person
        self._last[self._gender(honorific)] = person
        if honorific is not None:
            self._last[f"={honorific}"] = person

    def honorific(self, person: Person) -> str | None:
        """The honorific written before ``person``'s name when it was named, if any."""
        return self._honorific.get(person.key)

    def resolve(self, title: BareTitle) -> Person | None:
        """The person last named that ``title`` refers to, if any."""
        if title.by == "name":
            return self._by_word.get(title.key)
        found = self._by_office.get(title.key, [])
        if title.place is None:
            return found[-1] if found else None
        # "Người đứng đầu Chính phủ Việt Nam": one whose office names that place, or none.
        for person in reversed(found[-_PLACE_LOOKBACK:]):
            places = self._places(person.role or "")
            if title.place in places or not places:
                return person
        return None

    def by_tail(self, words: Sequence[str]) -> Person | None:
        """The person last named whose name ends with the folded ``words``, if any."""
        return self._by_tail.get(tuple(words))

    def pronoun(self, word: str, gender: str) -> Person | None:
        """The person a pronoun refers to: the last one named, not one written with an
        honorific of the other gender; for a "same" pronoun, the last one written with it."""
        if gender == "same":
            return self._last.get(f"={word}")
        if gender == "any":
            return self._last.get("")
        candidates = [self._last.get(gender), self._last.get("any")]
        latest = [p for p in candidates if p is not None]
        return max(latest, key=self._order) if latest else None

    def _order(self, person: Person) -> tuple[int, int]:
        return person.line, person.start

    def _gender(self, honorific: str | None) -> str:
        if honorific is None:
            return "any"
        return self._lex.pronoun_index.get(honorific, "any")

    def _places(self, role: str) -> set[str]:
        words = fold_key(role).split()
        return {
            " ".join(words[k : k + size])
            for k in range(len(words))
            for size in (1, 2, 3)
            if " ".join(words[k : k + size]) in self._lex.places
        }
