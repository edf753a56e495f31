"""Every path is linear in its input: the work a page costs grows as the page does.

Work is counted, not timed: the Python calls a parse makes and the lines of Python it runs
(a profile hook and a trace hook count them), so that the tests say the same on any
machine. A path that walks the page again for each of its lines makes four times the page
cost sixteen times the work; a linear one, four.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import diplocorpus as dc
from diplocorpus import _headline
from diplocorpus._lexicon import Lexicon
from diplocorpus._people import find_mentions
from diplocorpus._rules import forget_seen_lines
from tests.fixtures import made_up_paragraph

# Four times the input may cost at most this many times the work (linear: 4; the fixed
# cost of a parse keeps it lower; a path that is quadratic makes it near 16).
_GROWTH = 5.0

_paragraph = made_up_paragraph


_PARAGRAPHS = [_paragraph(i) for i in range(3)]


def _work(func: Callable[[], Any]) -> int:
    """The steps ``func`` takes: the Python and C functions it calls and the lines of Python
    it runs (a loop inside one call counts once a turn), with every cache already warm but
    the table of lines the rules have read."""
    func()
    count = 0

    def trace(frame: Any, event: str, _arg: object) -> Any:
        nonlocal count
        count += 1
        return trace

    def hook(_frame: object, _event: str, _arg: object) -> None:
        nonlocal count
        count += 1

    forget_seen_lines()  # the line rules read every line again, as on a page never seen before
    sys.setprofile(hook)
    sys.settrace(trace)
    try:
        func()
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


def _growth(make: Callable[[int], str], n: int, parse: Callable[[str], Any] = dc.parse) -> float:
    small, large = make(n), make(4 * n)
    return _work(lambda: parse(large)) / _work(lambda: parse(small))


def _media_list(n: int) -> str:
    items = "\n".join(f"[Clip] Bản tin thời sự buổi tối số {i} ngày hôm qua" for i in range(n))
    return "Đoàn Quốc hội làm việc tại Áo\n\n" + "\n\n".join(_PARAGRAPHS) + "\n\n" + items


def _repeated_headline(n: int) -> str:
    headline = "Đoàn Quốc hội làm việc với Ủy ban Đối ngoại nước chủ nhà"
    return "\n\n".join([headline] * n + _PARAGRAPHS)


def _signature_lines(n: int) -> str:
    names = ["Đỗ Minh Khoa", "Lương Thu Trang", "Kiều Văn Phúc"]
    lines = ["Đoàn Quốc hội làm việc tại Áo", "05/03/2024 16:20", ""]
    for i in range(n):
        lines += [names[i % 3], "", _paragraph(2 * i), "", _paragraph(2 * i + 1), ""]
    return "\n".join(lines)


def _inline_links(n: int) -> str:
    links = " ".join(f'<a href="/tag/{i}">mục {i}</a>' for i in range(n))
    return f"<html><body><p>{links}</p></body></html>"


def _cue_clauses(n: int) -> str:
    clauses = " ".join(f"Ông Bùi Thanh Sơn cho biết hai nước hợp tác {i}." for i in range(n))
    return "Đoàn Quốc hội làm việc tại Áo\n\n" + clauses


def _unclosed_quote(n: int) -> str:
    return "Đoàn Quốc hội làm việc tại Áo\n\n“" + "Ông Bùi Thanh Sơn nói rằng hai nước " * n


def _quoted_cue_clauses(n: int) -> str:
    # One sentence: each clause reports the next speaker's quotation, so every statement's
    # content opens with another statement (the fuzz run's slowest input was this shape).
    clauses = "ông nói: “Hà Nội” và cho biết, " * n
    return "Đoàn Quốc hội làm việc tại Áo\n\nBộ trưởng Bùi Thanh Sơn cho biết, " + clauses + "hết."


def _statements(text: str) -> Any:
    return dc.extract_statements(dc.parse(text))


def test_a_paragraph_of_many_cue_clauses_is_one_pass() -> None:
    # Issue 14 measured 4,000 clauses (204 KB) at 25 s: each clause costs the same.
    assert len(_statements(_cue_clauses(30))) == 30
    assert _growth(_cue_clauses, 150, _statements) < _GROWTH


def test_one_sentence_of_many_reported_quotations_is_one_pass() -> None:
    # Issue 14: 800 such clauses took 9.3 s, every content running to the sentence's end.
    statements = _statements(_quoted_cue_clauses(30))
    assert len(statements) == 61
    assert sum(len(s.text) for s in statements) < len(_quoted_cue_clauses(30))
    assert _growth(_quoted_cue_clauses, 500, _statements) < _GROWTH


def test_a_quotation_never_closed_is_one_pass() -> None:
    # Issue 14: 1 MB after an unclosed “ did not finish in 175 s.
    assert len(_statements(_unclosed_quote(30))) == 1
    assert _growth(_unclosed_quote, 300, _statements) < _GROWTH


def test_a_long_media_list_is_one_pass() -> None:
    article = dc.parse(_media_list(30))
    assert sum(b.kind.value == "media_list" for b in article.blocks) == 30
    assert _growth(_media_list, 150) < _GROWTH


def test_a_headline_printed_many_times_is_weighed_once_per_text() -> None:
    article = dc.parse(_repeated_headline(40))
    assert article.title == "Đoàn Quốc hội làm việc với Ủy ban Đối ngoại nước chủ nhà"
    assert _growth(_repeated_headline, 150) < _GROWTH


def test_the_copies_of_a_headline_are_read_as_a_byline_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Linear before too, but each copy read the line under it as a byline again: more than
    # half the parse of the benchmark's page printing its headline 10,000 times.
    read: list[str] = []
    byline_names = _headline.byline_names

    def counted(text: str, lexicon: dc.Lexicon) -> tuple[str, ...] | None:
        read.append(text)
        return byline_names(text, lexicon)

    monkeypatch.setattr(_headline, "byline_names", counted)
    article = dc.parse(_repeated_headline(200))
    assert article.title == "Đoàn Quốc hội làm việc với Ủy ban Đối ngoại nước chủ nhà"
    assert len(read) == len(set(read)) < 5


def test_many_name_lines_in_the_body_are_one_pass() -> None:
    article = dc.parse(_signature_lines(30))
    assert len(article.paragraphs) >= 59
    assert _growth(_signature_lines, 300) < _GROWTH


def test_html_with_many_inline_links_reads_each_piece_once() -> None:
    pytest.importorskip("lxml")
    from diplocorpus import _html  # noqa: PLC0415 - needs the optional lxml

    reads = 0

    class Parts(list[str]):
        """The walker's pieces of the current line, counting how often they are read."""

        def __iter__(self) -> Any:
            nonlocal reads
            reads += len(self)
            return super().__iter__()

    class Walker(_html._Walker):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.parts = Parts()

        def _end_line(self) -> None:
            super()._end_line()
            self.parts = Parts()

    tree = _html._tree(_inline_links(2000), None)
    Walker(None, None).lines(tree)
    assert reads <= 3 * 4000  # each link's text and the space after it, read a few times


def _sibling_divs(n: int) -> str:
    return (
        "<div>"
        + "".join(f"<div><p>Đoạn văn số {i} về hợp tác.</p></div>" for i in range(n))
        + "</div>"
    )


def _nested_divs(n: int) -> str:
    paragraphs = (f"<div><p>Đoạn văn số {i} về hợp tác song phương.</p>" for i in range(n))
    return "".join(paragraphs) + "</div>" * n


def test_html_with_many_sibling_or_nested_blocks_is_one_pass() -> None:
    # Issue 14 measured 4,000 sibling divs (146 KB) at about 60 s. Nesting stops at 240
    # deep: libxml2 reads no deeper than 255.
    pytest.importorskip("lxml")
    assert len(dc.parse_html(_sibling_divs(300)).paragraphs) == 300
    assert len(dc.parse_html(_nested_divs(240)).paragraphs) == 240
    assert _growth(_sibling_divs, 300, dc.parse_html) < _GROWTH
    assert _growth(_nested_divs, 60, dc.parse_html) < _GROWTH


def _cards(n: int) -> str:
    cards = "".join(
        f'<div class="card"><a href="/bai/{i}"><img alt="Ảnh {i}"></a>'
        f'<h3><a href="/bai/{i}">Tin số {i}</a></h3><p>Tóm tắt bài số {i}.</p></div>'
        for i in range(n)
    )
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return (
        f"<html><body><div class='detail'>{body}</div><div class='list'>{cards}</div></body></html>"
    )


def test_html_with_many_same_shaped_cards_reads_the_page_in_one_pass() -> None:
    pytest.importorskip("lxml")
    from diplocorpus import _html  # noqa: PLC0415 - needs the optional lxml

    lex = dc.Lexicon.default()

    def read(page: str) -> Any:
        tree = _html._tree(page, None)
        found = _html.structure(tree, _html.read_markup(tree))
        assert len(found.cards) >= 150
        return _html._Walker(lex, found).lines(tree)

    assert _growth(_cards, 150, read) < _GROWTH


def test_a_long_line_s_words_are_a_few_objects_the_collector_walks() -> None:
    """Each full collection of Python's garbage collector walks every object it tracks (any
    that can hold others, but a tuple of strings, numbers and booleans once it has seen
    one): a line read as one such object per word made a long line's parse grow faster than
    the line. Its words, sentences and mentions, as the later stages keep them, are a few."""
    line = "Hội nghị thảo luận các vấn đề hợp tác song phương và đa phương. " * 2_000
    lex = Lexicon.default()
    find_mentions(line, 0, lex)  # the caches of words filled
    gc.collect()
    before = len(gc.get_objects())
    mentions = find_mentions(line, 0, lex)
    gc.collect()
    tracked = len(gc.get_objects()) - before
    assert len(mentions.tokens) == 28_000
    assert len(mentions.sentences) == 2_000
    assert tracked <= 10  # one per word (28,000) before the words were columns


def test_a_search_past_its_size_limit_is_refused_at_once() -> None:
    # FTS5's work grows with the square of a query's words (20,000 words took 57 s): a
    # query past 64 words or 1,000 characters is an InputError naming the limit.
    with dc.Store(":memory:") as store:
        store.add([dc.Document(text="\n\n".join(_PARAGRAPHS), source="a")])
        assert store.search(" ".join(["hợp tác"] * 32))  # 64 words: searched
        with pytest.raises(dc.InputError, match="at most 64 words, not 65"):
            store.search(" ".join(["hợp"] * 65))
        with pytest.raises(dc.InputError, match="at most 64 words, not 66"):
            store.search('"' + " ".join(["hợp tác"] * 33) + '"')
        with pytest.raises(dc.InputError, match="at most 1,000 characters, not 1,001"):
            store.search("a" * 1001)


def _dated_events(n: int) -> dict[str, list[dc.Event]]:
    """``n`` pages each reporting one meeting of a series without an ordinal, each on its
    own day (a day past the others: none joins another's group)."""
    (base,) = dc.extract_events(
        dc.parse("Hội nghị khai mạc\n\nNgày 19/12/2023, Hội nghị Ngoại vụ lần thứ 32 khai mạc.")
    )
    days = [dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(n)]
    return {
        f"s{i}": [attrs.evolve(base, ordinal=None, start=day, key=f"hội nghị @{day.isoformat()}")]
        for i, day in enumerate(days)
    }


def test_many_dated_events_without_an_ordinal_merge_in_one_pass() -> None:
    # Each tried against every group of its series before: 4,000 took 14 s.
    small, large = _dated_events(150), _dated_events(600)
    assert len(dc.merge_events(large)) == 600
    growth = _work(lambda: dc.merge_events(large)) / _work(lambda: dc.merge_events(small))
    assert growth < _GROWTH


def _copies(n: int, *, own_word: bool = False) -> list[tuple[str, str]]:
    body = " ".join(_PARAGRAPHS)
    return [(f"site{i:05d}/tin.txt", body + (f" số {i}" if own_word else "")) for i in range(n)]


@pytest.mark.parametrize("own_word", [False, True], ids=["copies", "near-copies"])
def test_many_copies_of_one_story_are_compared_once_a_cluster(own_word: bool) -> None:
    # Each page's query listed every copy before it: 4,000 copies took 5.8 s, 1,000 0.46 s.
    (cluster,) = dc.find_duplicates(_copies(50, own_word=own_word))
    assert len(cluster.members) == 50
    small, large = _copies(200, own_word=own_word), _copies(800, own_word=own_word)
    growth = _work(lambda: dc.find_duplicates(large)) / _work(lambda: dc.find_duplicates(small))
    assert growth < _GROWTH
