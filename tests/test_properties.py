"""Properties of parse on generated text: it never fails unexpectedly and loses nothing."""

from __future__ import annotations

import pickle
import random
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

import diplocorpus as dc

from .conftest import SEEDS

SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]

vietnamese = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậếềểễệốồổỗộớờởỡợúùủũụứừửữự")
        + list("0123456789.,:;!?\"“”()[]|/-–•…'\u00a0\t ")
    ),
    max_size=120,
)
lines_of_text = st.lists(
    st.one_of(vietnamese, st.sampled_from(SEED_LINES), st.just("")), max_size=40
)


def check_invariants(text: str, article: dc.Article) -> None:
    raw_lines = re.sub(r"\r\n?", "\n", text).split("\n")
    expected = [
        (number, dc.normalize_text(line))
        for number, line in enumerate(raw_lines, start=1)
        if dc.normalize_text(line)
    ]
    assert [(b.line, b.text) for b in article.blocks] == expected
    assert all(isinstance(b.kind, dc.BlockKind) and b.reason for b in article.blocks)
    body = article.blocks_of(dc.BlockKind.BODY)
    assert len(article.paragraphs) == len(body)
    for paragraph, block in zip(article.paragraphs, body, strict=True):
        assert paragraph == block.text or block.text.rstrip().endswith("/.")
    titles = article.blocks_of(dc.BlockKind.TITLE)
    assert len(titles) <= 1
    assert article.title == (titles[0].text if titles else None)
    caption_lines = {b.line for b in article.blocks_of(dc.BlockKind.CAPTION)}
    assert {c.line for c in article.captions} <= caption_lines
    for value in (article.title or "", *article.paragraphs, *article.authors):
        assert value == unicodedata.normalize("NFC", value)


@settings(max_examples=300)
@given(lines_of_text)
def test_parse_keeps_every_line_and_its_invariants(lines: list[str]) -> None:
    text = "\n".join(lines)
    article = dc.parse(text)
    check_invariants(text, article)
    assert dc.parse(text) == article  # a pure function of its input


@given(lines_of_text)
def test_newline_style_does_not_matter(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert dc.parse(text.replace("\n", "\r\n")) == dc.parse(text)


@given(st.text(max_size=300))
def test_arbitrary_text_gives_an_article_or_a_documented_error(text: str) -> None:
    try:
        article = dc.parse(text)
    except dc.BinaryContentError:
        assert "\x00" in text
    except dc.MarkupInputError:
        assert "<" in text
    else:
        assert isinstance(article, dc.Article)


@given(st.randoms(use_true_random=False))
def test_shuffled_seed_lines_parse(rng: random.Random) -> None:
    lines = rng.sample(SEED_LINES, k=min(60, len(SEED_LINES)))
    text = "\n".join(lines)
    check_invariants(text, dc.parse(text))


def test_articles_pickle() -> None:
    article = dc.parse((SEEDS / "000_792b6e1b99918ddc.txt").read_text(encoding="utf-8"))
    assert pickle.loads(pickle.dumps(article)) == article


def test_huge_single_line_is_body_text() -> None:
    sentence = "Hội nghị thảo luận các vấn đề hợp tác song phương và đa phương. "
    text = sentence * 20_000  # about 1.3 MB on one line
    article = dc.parse(text)
    assert [b.kind for b in article.blocks] == [dc.BlockKind.BODY]


PEOPLE_LINES = [
    "Tổng Bí thư Nguyễn Phú Trọng nhấn mạnh: “hợp tác là then chốt”.",
    "Theo Bộ trưởng, hai bên sẽ ký kết.",
    "Ông Trần Văn An, Giám đốc Sở, cho biết như vậy.",
    "“Chúng ta phải hành động ngay bây giờ”, Thủ tướng Phạm Minh Chính nói.",
    "Các đồng chí: Lê Văn Bình, Phó Bí thư; Hoàng Thị Cúc, Chủ tịch UBND tỉnh.",
]


@settings(max_examples=200)
@given(st.lists(st.one_of(vietnamese, st.sampled_from(SEED_LINES + PEOPLE_LINES)), max_size=30))
def test_people_and_statements_point_into_their_lines(lines: list[str]) -> None:
    article = dc.parse("\n".join(lines))
    texts = {b.line: b.text for b in article.blocks}
    for person in dc.extract_people(article):
        assert texts[person.line][person.start : person.end] == person.name
        assert person.key == dc.fold_key(person.name)
    for statement in dc.extract_statements(article):
        line = texts[statement.line]
        assert 0 <= statement.start <= statement.end <= len(line)
        assert statement.text in line
        assert statement.cue in line
        for quote in statement.quotes:
            assert quote.text in line[quote.start : quote.end]


EVENT_LINES = [
    "Hội nghị Ngoại giao lần thứ 32 diễn ra từ ngày 19-23/12/2023 tại Hà Nội.",
    "Với chủ đề “Hợp tác và phát triển”, Diễn đàn lần thứ 5 khai mạc sáng 7/4.",
    "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio.",
    "Hội nghị được tổ chức trực tuyến tới các điểm cầu.",
]


@settings(max_examples=200)
@given(st.lists(st.one_of(vietnamese, st.sampled_from(SEED_LINES + EVENT_LINES)), max_size=30))
def test_events_point_into_their_lines(lines: list[str]) -> None:
    article = dc.parse("\n".join(lines))
    texts = {b.line: b.text for b in article.blocks}
    found = dc.extract_events(article)
    assert sum(e.main for e in found) <= 1
    for event in found:
        for mention in event.mentions:
            assert mention.text in texts[mention.line]
        for claim in event.claims:
            assert claim.text in texts[claim.line]
    assert dc.merge_events({"a": found}) == dc.merge_events([("a", found)])
