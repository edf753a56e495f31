"""Site profiles: what one site repeats on every page (its template), learned from many of
its pages and used when parsing the next ones.

A profile is a frozen, picklable value. :func:`learn_site` builds one from parsed pages;
``parse(text, site=profile)`` and ``parse_html(page, site=profile)`` use it.
"""

from __future__ import annotations

import attrs

from ._models import BlockKind

__all__ = ["SiteProfile"]


@attrs.frozen(kw_only=True, slots=True)
class SiteProfile:
    """The template of one site: the lines (and line shapes) most of its pages repeat."""

    site: str | None = None
    pages: int = 0

    def label(self, text: str) -> tuple[BlockKind, str] | None:
        """The kind and reason the template gives a normalised line, or ``None`` when the
        line is not part of the site's template."""
        return None
