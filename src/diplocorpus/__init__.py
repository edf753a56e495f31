"""diplocorpus: clean, typed records from scraped Vietnamese diplomacy news pages.

>>> import diplocorpus
>>> article = diplocorpus.parse(
...     "Hội nghị Ngoại giao lần thứ 32 khai mạc\\n19/12/2023\\n"
...     "Sáng 19/12, hội nghị khai mạc tại Hà Nội."
... )
>>> article.title, article.published
('Hội nghị Ngoại giao lần thứ 32 khai mạc', datetime.date(2023, 12, 19))
"""

from __future__ import annotations

import inspect as _inspect
import logging as _logging
from typing import TYPE_CHECKING as _TYPE_CHECKING

from ._article import parse, parse_file
from ._convert import JSONValue, from_dict, from_json, new_converter, to_dict, to_json
from ._corpus import Corpus, read_jsonl, write_jsonl
from ._dates import VIETNAM_TZ
from ._dedup import DuplicateCluster, find_duplicates
from ._deprecation import RENAMED as _RENAMED
from ._deprecation import warn_renamed as _warn_renamed
from ._errors import (
    BinaryContentError,
    DecodeError,
    DiplocorpusError,
    InputError,
    InputNotFoundError,
    InputPermissionError,
    InputTooLargeError,
    MarkupInputError,
    MissingDependencyError,
    NotTextError,
    StoreError,
    UnreadableInputError,
)
from ._events import extract_events
from ._export import dask_bag, export_parquet
from ._frames import to_dataframe
from ._html import html_to_text, parse_html
from ._individuals import distinct_people
from ._lexicon import Lexicon
from ._load import DEFAULT_GLOBS, Document, SkippedInput, iter_documents, read_document
from ._merge import MergedEvent, MergedField, SourcedValue, merge_events
from ._models import (
    Article,
    AttendanceMode,
    Block,
    BlockKind,
    Caption,
    EntityKind,
    Event,
    EventClaim,
    EventKind,
    EventMention,
    Individual,
    PartialDate,
    Person,
    Quote,
    Statement,
    StatementMode,
)
from ._people import extract_people
from ._pipeline import Analysis, analyse
from ._profile import SiteProfile, TemplateLine
from ._report import write_report
from ._schema import json_schema
from ._site import group_sites, learn_site
from ._statements import extract_statements
from ._store import IngestReport, SearchHit, Store
from ._text import fold_key, normalize_text
from ._version import __version__

__all__ = [
    "DEFAULT_GLOBS",
    "VIETNAM_TZ",
    "Analysis",
    "Article",
    "AttendanceMode",
    "BinaryContentError",
    "Block",
    "BlockKind",
    "Caption",
    "Corpus",
    "DecodeError",
    "DiplocorpusError",
    "Document",
    "DuplicateCluster",
    "EntityKind",
    "Event",
    "EventClaim",
    "EventKind",
    "EventMention",
    "Individual",
    "IngestReport",
    "InputError",
    "InputNotFoundError",
    "InputPermissionError",
    "InputTooLargeError",
    "JSONValue",
    "Lexicon",
    "MarkupInputError",
    "MergedEvent",
    "MergedField",
    "MissingDependencyError",
    "NotTextError",
    "PartialDate",
    "Person",
    "Quote",
    "SearchHit",
    "SiteProfile",
    "SkippedInput",
    "SourcedValue",
    "Statement",
    "StatementMode",
    "Store",
    "StoreError",
    "TemplateLine",
    "UnreadableInputError",
    "__version__",
    "analyse",
    "dask_bag",
    "distinct_people",
    "export_parquet",
    "extract_events",
    "extract_people",
    "extract_statements",
    "find_duplicates",
    "fold_key",
    "from_dict",
    "from_json",
    "group_sites",
    "html_to_text",
    "iter_documents",
    "json_schema",
    "learn_site",
    "merge_events",
    "new_converter",
    "normalize_text",
    "parse",
    "parse_file",
    "parse_html",
    "read_document",
    "read_jsonl",
    "to_dataframe",
    "to_dict",
    "to_json",
    "write_jsonl",
    "write_report",
]

# The library logs to the "diplocorpus" logger and never configures logging for the
# application: without a handler of the application's, nothing is printed.
_logging.getLogger("diplocorpus").addHandler(_logging.NullHandler())


def _publish() -> None:
    """Every public class and function names ``diplocorpus`` as its module, as httpx does:
    reprs, tracebacks and pickles show the public path, so code can move between private
    modules without breaking a user's pickles.

    A class's annotations are strings (``from __future__ import annotations``) that
    ``typing.get_type_hints``, and so attrs and cattrs, evaluate in the module that
    ``__module__`` names, where the private names they use are not: they are evaluated
    here first, in the module that wrote them.
    """
    for name in __all__:
        public = globals()[name]
        if isinstance(public, type):
            if any(isinstance(v, str) for v in _inspect.get_annotations(public).values()):
                public.__annotations__ = _inspect.get_annotations(public, eval_str=True)
            public.__module__ = __name__
        elif _inspect.isfunction(public):
            public.__module__ = __name__


_publish()


# Hidden from type checkers: with a module __getattr__ in sight, mypy would accept any name
# of the package (a typo included) as an object.
if not _TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """A retired name (see ``docs/stability.md``) still gives its replacement, with a
        ``DeprecationWarning`` that says what to use, until the release that removes it."""
        entry = _RENAMED.get(name)
        if entry is None:
            raise AttributeError(f"module 'diplocorpus' has no attribute {name!r}")
        _warn_renamed(entry)
        return globals()[entry.new]

    def __dir__() -> list[str]:
        return sorted(__all__)
