"""Stage 2, classify: give every non-blank line a kind and the reason for it.

Three passes, each over the whole page, each leaving alone the lines an earlier pass named:

1. line rules (``_rules``): what one line is by its own shape (a counter, a slug, a
   dateline, a caption with its credit, a menu on one line, ...); the site's template,
   when a profile is given, and the markup's evidence, for HTML input, come next;
2. structures (``_layout``): what a group of lines is (a menu, a run of headlines, a card,
   photos' alt texts, a comment thread);
3. the article (``_layout``): where its prose is, its headline, lead, captions, byline and
   signature; everything around it is the site's. A page with no article of its own (a
   front page, a list) gets a verdict that says so.

Every rule reads the page's shape or the lexicon's phrases, never one site's wording.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._layout import Verdict, mark_article, mark_structures
from ._lexicon import Lexicon
from ._models import Block
from ._page import Label, page_lines
from ._rules import line_label
from ._site import SiteProfile

__all__ = ["Classified", "Label", "classify"]


@attrs.frozen(kw_only=True, slots=True)
class Classified:
    """Every line's block, and whether the page is an article."""

    blocks: tuple[Block, ...]
    verdict: Verdict


def classify(
    lines: list[str],
    lexicon: Lexicon,
    *,
    hints: Sequence[Label | None] | None = None,
    site: SiteProfile | None = None,
    headline: str | None = None,
) -> Classified:
    """Label every non-blank entry of ``lines`` (line number = index + 1).

    ``hints`` (one per entry of ``lines``) is evidence from markup: a hinted kind stands for
    a line that no line rule names, before the passes over groups of lines run. ``site`` is
    the site's learned template: a line it knows is the site's furniture. ``headline`` is
    the headline the markup gives, evidence for choosing the title line.
    """
    page = page_lines(lines)
    labels: list[Label | None] = [
        line_label(line, lexicon)
        or (site.label(line.text) if site is not None else None)
        or (hints[line.number - 1] if hints else None)
        for line in page
    ]
    mark_structures(page, labels, lexicon)
    verdict = mark_article(page, labels, lexicon, headline=headline)
    blocks = tuple(
        Block(line=line.number, kind=label[0], text=line.text, reason=label[1])
        for line, label in zip(page, labels, strict=True)
        if label is not None
    )
    return Classified(blocks=blocks, verdict=verdict)
