"""Stage 2, classify: give every non-blank line a kind and the reason for it.

Three passes, each over the whole page, each leaving alone the lines an earlier pass named:

1. line rules (``_rules``): what one line is by its own shape (a counter, a slug, a
   dateline, a caption with its credit, a menu on one line, ...); the site's template,
   when a profile is given, and the markup's evidence, for HTML input, come next;
2. structures (``_structures``): what a group of lines is (a menu, a run of headlines, a
   card, photos' alt texts, a comment thread);
3. the article (``_layout``, with ``_zone``, ``_headline`` and ``_photos``): where its prose
   is, its headline, lead, captions, byline and signature; everything around it is the
   site's. A page with no article of its own (a front page, a list) gets a verdict that
   says so.

Every rule reads the page's shape or the lexicon's phrases, never one site's wording.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import attrs

from ._layout import Verdict, mark_article
from ._lexicon import Lexicon
from ._models import Block, BlockKind
from ._page import Evidence, Label, Line, page_lines
from ._profile import SiteProfile
from ._rules import line_labels
from ._structures import mark_structures

__all__ = ["Classified", "Evidence", "Label", "classify"]

_log = logging.getLogger("diplocorpus")


@attrs.frozen(kw_only=True, slots=True)
class Classified:
    """Every line's block, and whether the page is an article. ``lines`` are the lines the
    blocks are of (one for each, in order), with what was read of them during the parse."""

    blocks: tuple[Block, ...]
    lines: tuple[Line, ...]
    verdict: Verdict


def classify(
    lines: list[str],
    lexicon: Lexicon,
    *,
    evidence: Sequence[Evidence | None] | None = None,
    site: SiteProfile | None = None,
    headlines: Sequence[str] = (),
) -> Classified:
    """Label every non-blank entry of ``lines`` (line number = index + 1).

    ``evidence`` (one per entry of ``lines``) is what the markup says of each line. The
    kind it gives stands for a line no line rule names, before the passes over groups of
    lines run, when the element's own meaning gives it (a ``<figcaption>``) or the line is
    outside the article's element (class and id words are weak evidence: inside the
    article they do not outvote the text). ``site`` is the site's learned template: a line
    it knows is the site's furniture. ``headlines`` are the headlines the markup gives,
    evidence for choosing the title line.
    """
    page = page_lines(lines, lexicon, evidence)
    labels: list[Label | None] = [
        label
        or (site.label(line.text) if site is not None else None)
        or _markup_label(line.evidence)
        for line, label in zip(page, line_labels(page, lexicon), strict=True)
    ]
    mark_structures(page, labels, lexicon)
    verdict = mark_article(page, labels, lexicon, headlines=headlines)
    blocks = tuple(
        Block(line=line.number, kind=label[0], text=line.text, reason=label[1])
        for line, label in zip(page, labels, strict=True)
        for label in (label or _undecided(line),)
    )
    return Classified(blocks=blocks, lines=tuple(page), verdict=verdict)


def _undecided(line: Line) -> Label:
    """Every pass leaves each line a label; should one not, the line is kept as text, and
    said so, rather than lost."""
    _log.warning("line %d: no rule decided its kind; kept as body text", line.number)
    return BlockKind.BODY, "no rule decided this line's kind: kept as text"


def _markup_label(evidence: Evidence | None) -> Label | None:
    if evidence is None or evidence.label is None:
        return None
    # Inside the article, class words may call a line a caption (it is kept, as a caption
    # rather than a paragraph) but may not make it noise.
    if evidence.strong or evidence.inside is not True or evidence.label[0] is BlockKind.CAPTION:
        return evidence.label
    return None
