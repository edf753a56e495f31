"""The public API is exactly what __all__ lists; lexicons can be extended."""

from __future__ import annotations

import importlib.metadata
import importlib.resources

import attrs
import pytest

import diplocorpus as dc

PUBLIC = {
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
    "IngestReport",
    "InputError",
    "InputNotFoundError",
    "InputPermissionError",
    "InputTooLargeError",
    "JSONValue",
    "UnreadableInputError",
    "DEFAULT_GLOBS",
    "Lexicon",
    "MarkupInputError",
    "MergedEvent",
    "MergedField",
    "MissingDependencyError",
    "NotTextError",
    "PartialDate",
    "Individual",
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
    "VIETNAM_TZ",
    "__version__",
    "analyse",
    "dask_bag",
    "export_parquet",
    "extract_events",
    "distinct_people",
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
}


def test_all_is_exactly_the_public_api() -> None:
    assert set(dc.__all__) == PUBLIC
    assert len(dc.__all__) == len(PUBLIC)  # no name listed twice
    for name in dc.__all__:
        assert hasattr(dc, name), name


def test_nothing_else_looks_public() -> None:
    visible = {n for n in vars(dc) if not n.startswith("_")}
    assert visible - set(dc.__all__) <= {"annotations"}  # the __future__ import


def test_version_comes_from_metadata() -> None:
    assert dc.__version__ == importlib.metadata.version("diplocorpus")


def test_block_kind_value_is_its_name() -> None:
    for kind in dc.BlockKind:
        assert kind.value == kind.name.lower()
    content = {k.value for k in dc.BlockKind if k.is_content}
    assert content == {"title", "dateline", "byline", "body", "caption"}


def test_records_are_frozen_and_keyword_only() -> None:
    block = dc.Block(line=1, kind=dc.BlockKind.BODY, text="x", reason="y")
    with pytest.raises(AttributeError):
        block.text = "z"  # type: ignore[misc]
    with pytest.raises(TypeError):
        dc.Block(1, dc.BlockKind.BODY, "x", "y")  # type: ignore[misc]


PAGE = (
    "Tiêu đề của một bài báo thử nghiệm\n"
    "Đoạn thân bài thứ nhất đủ dài để là một đoạn văn của bài báo này.\n"
    "Tin cùng tác giả\n"
    "Một bài khác của cùng tác giả về hợp tác quốc tế\n"
)


def test_a_users_own_section_label() -> None:
    plain = dc.parse(PAGE)
    assert plain.blocks[2].kind is not dc.BlockKind.SECTION_LABEL
    lexicon = dc.Lexicon.default().extended(section_labels=["Tin cùng tác giả"])
    article = dc.parse(PAGE, lexicon=lexicon)
    assert [b.kind.value for b in article.blocks] == ["title", "body", "section_label", "related"]
    assert dc.Lexicon.default() != lexicon  # the shipped lexicon is untouched


def test_extending_an_unknown_list_is_an_error() -> None:
    with pytest.raises(TypeError, match="no list named"):
        dc.Lexicon.default().extended(sektion=["x"])
    with pytest.raises(TypeError, match="not one str"):
        dc.Lexicon.default().extended(widgets="Chia sẻ")


def test_parse_logs_to_the_package_logger(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("DEBUG", logger="diplocorpus"):
        dc.parse(PAGE, source="page.txt")
    assert any(r.name == "diplocorpus" and "parsed page.txt" in r.message for r in caplog.records)


def test_every_lexicon_file_is_a_list_of_the_lexicon() -> None:
    folder = importlib.resources.files("diplocorpus").joinpath("lexicons")
    files = {p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt")}
    fields = {f.name for f in attrs.fields(dc.Lexicon) if f.init}  # not its caches
    assert files == fields
    lexicon = dc.Lexicon.default()
    for name in fields:
        assert getattr(lexicon, name), f"lexicons/{name}.txt is empty"


def test_what_a_stage_derives_from_a_lexicon_is_built_once_a_lexicon() -> None:
    built: list[int] = []

    def build(lex: dc.Lexicon) -> int:
        built.append(1)
        return len(lex.roles)

    lexicon = dc.Lexicon.default().extended(roles=["điều phối viên"])
    assert lexicon.derived("test", build) == lexicon.derived("test", build) == len(lexicon.roles)
    assert len(built) == 1
    assert lexicon.extended(roles=["trợ lý"]).derived("test", build) == len(lexicon.roles) + 1
    assert len(built) == 2


def test_a_pickled_lexicon_leaves_its_derived_values_behind() -> None:
    import pickle  # noqa: PLC0415

    lexicon = dc.Lexicon.default().extended(roles=["điều phối viên"])
    dc.parse("Tiêu đề bài báo thử nghiệm\nMột đoạn văn của bài báo.", lexicon=lexicon)
    assert lexicon.derived("test", lambda lex: 1) == 1
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy == lexicon
    assert copy.derived("test", lambda lex: 2) == 2  # built again, in the process that asks
