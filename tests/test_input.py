"""Input handling: what counts as the same text, what is refused and how errors read."""

from __future__ import annotations

import unicodedata

import pytest

import diplocorpus as dc

from .conftest import SEEDS

SEED = (SEEDS / "002_24e14e7508fcd41e.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="cr"),
        pytest.param(lambda t: "\ufeff" + t, id="bom"),
        pytest.param(lambda t: unicodedata.normalize("NFD", t), id="nfd"),
        pytest.param(lambda t: t.replace(" ", "\xa0"), id="nbsp"),
        pytest.param(lambda t: t.replace(" ", "  \t"), id="space-runs"),
        pytest.param(lambda t: t.replace("\n", " \n "), id="padded-lines"),
    ],
)
def test_spelling_of_the_same_text_gives_the_same_article(variant) -> None:  # type: ignore[no-untyped-def]
    assert dc.parse(variant(SEED)) == dc.parse(SEED)


def test_text_fields_are_nfc_and_collapsed() -> None:
    article = dc.parse(unicodedata.normalize("NFD", SEED).replace(" ", "\xa0 "))
    for block in article.blocks:
        assert block.text == unicodedata.normalize("NFC", block.text)
        assert "  " not in block.text
        assert "\xa0" not in block.text
        assert block.text == block.text.strip()


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", "\ufeff", " \xa0 \t"])
def test_empty_text_gives_an_empty_article(text: str) -> None:
    article = dc.parse(text, source="empty.txt")
    assert article == dc.Article(
        source="empty.txt", is_article=False, not_article_reason="the page has no text"
    )


@pytest.mark.parametrize("value", [b"Tin t\xe1\xbb\xa9c", bytearray(b"abc"), None, 42, ["a"]])
def test_non_text_is_refused_with_a_typed_error(value: object) -> None:
    with pytest.raises(dc.NotTextError) as info:
        dc.parse(value, source="x.txt")  # type: ignore[arg-type]
    assert type(value).__name__ in str(info.value)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, dc.DiplocorpusError)


def test_bytes_error_says_to_decode() -> None:
    with pytest.raises(dc.NotTextError, match="decode"):
        dc.parse(b"abc")  # type: ignore[arg-type]


def test_nul_byte_is_refused_with_its_place() -> None:
    with pytest.raises(dc.BinaryContentError) as info:
        dc.parse("một dòng\r\nhai d\x00òng\n", source="bin.txt")
    error = info.value
    assert (error.source, error.line, error.column) == ("bin.txt", 2, 6)
    assert "bin.txt: line 2, column 6" in str(error)


@pytest.mark.parametrize(
    "markup",
    [
        "<!DOCTYPE html><html><body><p>Tin</p></body></html>",
        "  <html lang='vi'>\n<head><title>x</title></head>",
        "Tiêu đề\n<div class='a'>\n<p>một</p>\n<p>hai</p>\n<span>ba</span>\n</div>",
    ],
)
def test_html_is_refused(markup: str) -> None:
    with pytest.raises(dc.MarkupInputError) as info:
        dc.parse(markup, source="page.html")
    assert info.value.line is not None
    assert "HTML" in str(info.value)


def test_a_few_angle_brackets_in_text_are_not_markup() -> None:
    text = "Tỷ lệ a < b và c > d trong bảng <1> là đúng.\nMột câu khác nữa có dấu <br> thôi."
    assert dc.parse(text).blocks


def test_every_exception_shares_the_base_class() -> None:
    for error in (
        dc.InputError,
        dc.NotTextError,
        dc.BinaryContentError,
        dc.MarkupInputError,
        dc.DecodeError,
    ):
        assert issubclass(error, dc.DiplocorpusError)
        assert issubclass(error, ValueError)


def test_parse_file_reads_utf8_with_and_without_bom(tmp_path) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "a.txt"
    plain.write_text(SEED, encoding="utf-8")
    bom = tmp_path / "b.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + SEED.encode("utf-8"))
    first, second = dc.parse_file(str(plain)), dc.parse_file(bom)
    assert first.source == str(plain)
    assert first.paragraphs == second.paragraphs == dc.parse(SEED).paragraphs


def test_parse_file_names_the_file_and_offset_it_cannot_decode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Tin tức".encode() + b"\xff\xfe rest")
    with pytest.raises(dc.DecodeError) as info:
        dc.parse_file(str(bad), encoding="utf-8")
    assert str(bad) in str(info.value)
    assert "byte 9" in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_parse_file_detects_the_encoding_as_the_loaders_do(tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_bytes(SEED.encode(encoding))
    assert dc.parse_file(path).paragraphs == dc.parse(SEED).paragraphs
    assert dc.parse_file(path) == dc.parse(SEED, source=str(path))


def test_fold_key_meets_old_and_new_tone_placement_and_case() -> None:
    pairs = [
        ("Thành uỷ", "Thành ủy"),
        ("hoà bình", "hòa bình"),
        ("Hội nghị ngoại giao", "Hội nghị Ngoại giao"),
        ("thuý", "thúy"),
        ("KHOẺ", "khỏe"),
    ]
    for old, new in pairs:
        assert dc.fold_key(old) == dc.fold_key(new), (old, new)
    assert dc.fold_key("hòa") != dc.fold_key("hoa")
    assert dc.fold_key("ủy") != dc.fold_key("uy")
