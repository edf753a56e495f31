"""People as records: each person an article names, once, with every way it names them.

:func:`resolve` ties a reference (an office alone, a phrase that stands for one, one word of
a name) to the person last named who fits it; the statements stage uses it for speakers,
:func:`distinct_people` to gather one :class:`Individual` a person.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._lexicon import Lexicon
from ._models import Article, EntityKind, Individual, Person
from ._people import BareTitle, Mention, find_mentions
from ._text import fold_key
from ._tokens import text_units

__all__ = ["distinct_people", "refers_to", "resolve"]


def distinct_people(article: Article, *, lexicon: Lexicon | None = None) -> tuple[Individual, ...]:
    """The people the article names, one :class:`Individual` each, in order of first mention.

    Mentions with one folded name are one person; an office written alone, a phrase that
    stands for one, and one word of a name ("ông Sơn") join the person they refer back to
    (the last one named who fits). A reference that fits no one named before is left out:
    it names no one the article identifies.
    """
    lex = lexicon if lexicon is not None else Lexicon.default()
    groups: dict[str, list[Person]] = {}
    known: list[Person] = []
    for line, text, _kind in text_units(article, lex):
        found = find_mentions(text, line, lex)
        items: list[Mention | BareTitle] = [*found.people, *found.bare_titles]
        for item in sorted(items, key=lambda m: m.first):
            if isinstance(item, Mention):
                groups.setdefault(item.person.key, []).append(item.person)
                known.append(item.person)
                continue
            target = resolve(item, known)
            if target is not None:
                written = item.written or item.role or ""
                tokens = found.tokens
                groups[target.key].append(
                    attrs.evolve(
                        target,
                        name=written,
                        role=item.role,
                        line=line,
                        start=tokens[item.first].start,
                        end=tokens[item.last].end,
                    )
                )
    return tuple(_individual(mentions) for mentions in groups.values())


def _individual(mentions: list[Person]) -> Individual:
    full = [m for m in mentions if fold_key(m.name) == m.key]
    names = list(dict.fromkeys(m.name for m in full))
    name = max(names, key=lambda n: len(n.split()))
    roles = list(dict.fromkeys(m.role for m in full if m.role))
    return Individual(name=name, key=full[0].key, names=names, roles=roles, mentions=mentions)


def resolve(title: BareTitle, known: Sequence[Person]) -> Person | None:
    """The person last named in ``known`` that ``title`` refers to, if any."""
    for person in reversed(known):
        if person.kind is EntityKind.PERSON and refers_to(title, person):
            return person
    return None


def refers_to(title: BareTitle, person: Person) -> bool:
    """True when ``title`` can stand for ``person``: by office ("Tổng Bí thư" for a person
    written with that office or one that starts with it) or by a word of the name that
    Vietnamese short references use (the given name, or the family name of a Chinese or
    foreign name: "ông Sơn", "ông Vương", "Ngoại trưởng Blinken")."""
    if title.by == "name":
        words = person.key.split()
        return bool(words) and title.key in (words[-1], words[0])
    role = fold_key(person.role or "")
    return role == title.key or role.startswith(title.key + " ")
