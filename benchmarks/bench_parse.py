"""Speed of diplocorpus.parse (documents/s and MB/s on the seeds and on large generated input),
and of extract_people, extract_statements and extract_events beside it.

    python benchmarks/bench_parse.py            # full run (about a minute)
    python benchmarks/bench_parse.py --quick    # fewer repeats, smaller sizes

Run time must grow linearly with input size: the "scaling" rows give the time per MB at
1x, 10x and 100x the same page, and at 1x, 10x and 100x pages made to find a path that is
not linear (a headline printed many times, a long media list, many signature-like lines,
many inline links, same-shaped cards, sibling or nested blocks in HTML, many statements on
one line or in many paragraphs, many cue clauses in one paragraph, a quotation never closed,
one long line, read by extract_people and extract_statements), and merge_events over many
dated events without an ordinal; the ratio of the last to the first should stay near 1
(issue 14: within 1.5). Scaling rows time the process's CPU, not the wall clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import platform
import statistics
import sys
import time
from collections.abc import Callable

import attrs

import diplocorpus as dc
from diplocorpus._rules import forget_seen_lines

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.fixtures import made_up_paragraph  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def best_of(
    repeats: int, func: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    times = []
    for _ in range(repeats):
        start = clock()
        func()
        times.append(clock() - start)
    return min(times)


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def cold(parse: Callable[[str], object]) -> Callable[[str], object]:
    """``parse`` as on a page none of whose lines was read before: the line rules' table of
    lines seen (a site's chrome repeats on its pages) is emptied first, so that a row that
    parses the same text again measures the rules, not the table."""

    def run(text: str) -> object:
        forget_seen_lines()
        return parse(text)

    return run


def row(label: str, mb: float, seconds: float, docs: int) -> None:
    """One line of the table: the input, its size, the time, documents and MB a second."""
    print(f"{label:<34}{mb:>9.3f}{seconds:>10.3f}{docs / seconds:>10.0f}{mb / seconds:>8.2f}")


def seed_lines() -> list[str]:
    return [line for p in SEEDS for line in p.read_text(encoding="utf-8").split("\n")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeats = 3 if args.quick else 5
    rounds = 20 if args.quick else 100

    print(
        f"diplocorpus {dc.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.processor() or 'cpu'}"
    )
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    size = sum(megabytes(t) for t in texts)

    docs = rounds * len(texts)
    print(f"{'input':<34}{'MB':>9}{'seconds':>10}{'docs/s':>10}{'MB/s':>8}")
    # Cold: every page as if none of its lines was read before. Warm: the same pages again,
    # as a site's pages share their chrome (an upper bound: here every line was seen).
    for label, parse in (("", cold(dc.parse)), (", lines seen before", dc.parse)):

        def seeds_once(parse: Callable[[str], object] = parse) -> None:
            for _ in range(rounds):
                for text in texts:
                    parse(text)

        row(f"seeds x {rounds}{label}", size * rounds, best_of(repeats, seeds_once), docs)

    articles = [dc.parse(text) for text in texts]
    extractors: tuple[tuple[str, Callable[[dc.Article], object]], ...] = (
        ("extract_people", dc.extract_people),
        ("extract_statements", dc.extract_statements),
        ("extract_events", dc.extract_events),
    )
    for name, extract in extractors:

        def run_extract(extract: Callable[[dc.Article], object] = extract) -> None:
            for _ in range(rounds):
                for article in articles:
                    extract(article)

        row(f"{name} on the seeds", size * rounds, best_of(repeats, run_extract), docs)

    lines = seed_lines()
    sentence = "Hội nghị thảo luận các vấn đề hợp tác song phương và đa phương. "
    one_line_mb = 2 if args.quick else 10
    big_line = sentence * int(one_line_mb * 1e6 / len(sentence.encode()))
    many = 20_000 if args.quick else 100_000
    many_lines = "\n".join(lines[i % len(lines)] for i in range(many))
    for label, text in (
        (f"one line of {one_line_mb} MB", big_line),
        (f"{many:,} lines of seed text", many_lines),
    ):
        seconds = best_of(1, lambda t=text: cold(dc.parse)(t))
        print(
            f"{label:<34}{megabytes(text):>9.3f}{seconds:>10.3f}{1 / seconds:>10.2f}"
            f"{megabytes(text) / seconds:>8.2f}"
        )

    page = "\n".join(lines[:300])
    scaling("one page", lambda factor: "\n".join([page] * factor), cold(dc.parse), repeats)
    # Pages made to find a path that is not linear: each repeats one shape many times.
    for label, make, parse in ADVERSARIAL:
        scaling(label, make, cold(parse), repeats)
    merge_scaling(repeats)
    duplicates_scaling(repeats)


def scaling(
    label: str, make: Callable[[int], str], parse: Callable[[str], object], repeats: int
) -> None:
    """Rows for ``make(factor)`` at 1x, 10x and 100x, and the ratio of time per MB at 100x to
    1x: near 1 when the path is linear, near 100 when it is quadratic.

    The time is the process's CPU time, best of ``repeats`` (of two at 100x): on a machine
    shared with other work, wall time counts the time the process waited for a core, and a
    single run at 100x moved the ratio by half from run to run."""
    per_mb = []
    for factor in (1, 10, 100):
        text = make(factor)
        seconds = best_of(
            repeats if factor < 100 else 2, lambda t=text: parse(t), clock=time.process_time
        )
        per_mb.append(seconds / megabytes(text))
        print(
            f"{'scaling ' + str(factor) + 'x ' + label:<34}{megabytes(text):>9.3f}"
            f"{seconds:>10.3f}{1 / seconds:>10.1f}{megabytes(text) / seconds:>8.2f}"
        )
    print(
        f"time per MB, 100x vs 1x ({label}): {per_mb[-1] / per_mb[0]:.2f} "
        f"(1.0 = linear; median per MB {statistics.median(per_mb):.3f} s)"
    )


def count_scaling(
    label: str, unit: str, run: Callable[[int], Callable[[], object]], repeats: int
) -> None:
    """Rows for ``run(count)`` at 40, 400 and 4,000 items (``run`` makes the items and
    returns the call to time), and the ratio of the time per item at 100x to 1x."""
    per_item = []
    for factor in (1, 10, 100):
        count = 40 * factor
        call = run(count)
        seconds = best_of(repeats if factor < 100 else 2, call, clock=time.process_time)
        per_item.append(seconds / count)
        row = f"scaling {factor}x {label}"
        print(f"{row:<34}{'':>9}{seconds:>10.3f}{count / seconds:>10.0f}{'':>8}")
    print(f"time per {unit}, 100x vs 1x ({label}): {per_item[-1] / per_item[0]:.2f} (1.0 = linear)")


def merge_scaling(repeats: int) -> None:
    """merge_events over 40, 400 and 4,000 pages each reporting a meeting of one series
    without an ordinal on its own day."""
    (base,) = dc.extract_events(
        dc.parse(f"{_HEADLINE}\n\nNgày 19/12/2023, Hội nghị Ngoại vụ lần thứ 32 khai mạc.")
    )

    def run(count: int) -> Callable[[], object]:
        days = [dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(count)]
        events = {
            f"s{i}": [attrs.evolve(base, ordinal=None, start=d, key=f"hội nghị @{d.isoformat()}")]
            for i, d in enumerate(days)
        }
        return lambda: dc.merge_events(events)

    count_scaling("merge, dated events", "event", run, repeats)


def duplicates_scaling(repeats: int) -> None:
    """find_duplicates over 40, 400 and 4,000 pages, all copies of one story (one row with
    the same body, one with a word of its own at the end of each)."""
    body = " ".join(_paragraph(i) for i in range(5))
    for label, tail in (("copies", ""), ("near-copies", " thêm {i}")):

        def run(count: int, tail: str = tail) -> Callable[[], object]:
            pages = [(f"s{i:05d}", body + tail.format(i=i)) for i in range(count)]
            return lambda: dc.find_duplicates(pages)

        count_scaling(f"duplicates, {label}", "page", run, repeats)


_HEADLINE = "Đoàn đại biểu Quốc hội làm việc với Ủy ban Đối ngoại nước bạn"
_paragraph = made_up_paragraph


def _body(count: int) -> str:
    return "\n\n".join(_paragraph(i) for i in range(count))


def _repeated_headline(factor: int) -> str:
    """The headline printed again and again above the body (alt texts, a sticky bar)."""
    return "\n\n".join([_HEADLINE] * (100 * factor)) + "\n\n" + _body(20)


def _media_run(factor: int) -> str:
    """A long list of tagged media items glued under the article."""
    items = "\n".join(f"[Video] Bản tin thời sự buổi tối số {i}" for i in range(100 * factor))
    return f"{_HEADLINE}\n05/03/2024 16:20\n\n{_body(5)}\n\n{items}"


def _signature_lines(factor: int) -> str:
    """Short lines shaped like a signature (a full name) between the paragraphs."""
    names = ("Đỗ Minh Khoa", "Lương Thu Trang", "Kiều Văn Phúc")
    parts = [f"{_HEADLINE}\n05/03/2024 16:20"]
    for i in range(50 * factor):
        parts += [names[i % 3], _paragraph(2 * i), _paragraph(2 * i + 1)]
    return "\n\n".join(parts)


def _inline_links(factor: int) -> str:
    """One paragraph of HTML made of many inline links (a tag cloud)."""
    links = " ".join(f'<a href="/tag/{i}">mục {i}</a>' for i in range(200 * factor))
    return f"<html><body><h1>{_HEADLINE}</h1><p>{links}</p>{_body(3)}</body></html>"


def _cards(factor: int) -> str:
    """A page of many same-shaped cards (a photo, a linked title, a lead) beside the article.
    Each card is named by letters, not a number: numbers past 1000 would read as years."""
    cards = "".join(
        f'<div class="card"><a href="/bai/{i}.html"><img src="/anh/{i}.jpg" alt="Ảnh {i}"></a>'
        f'<h3><a href="/bai/{i}.html">Tin {_letters(i)}: hợp tác song phương</a></h3>'
        f"<p>Tóm tắt bài {_letters(i)}, về quan hệ hai nước.</p></div>"
        for i in range(60 * factor)
    )
    body = "".join(f"<p>{_paragraph(i)}</p>" for i in range(5))
    return (
        f"<html><body><h1>{_HEADLINE}</h1><div class='detail'>{body}</div>"
        f"<div class='list'>{cards}</div></body></html>"
    )


def _letters(number: int) -> str:
    """``number`` written in letters a to z ("b", "ba", "bb"...)."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = "abcdefghijklmnopqrstuvwxyz"[digit] + word
        if not number:
            return word


# Statements in the forms news prose uses: an office-first speaker, a reference by office,
# a quotation first, a pronoun, a chained verb, an unresolved office. Each copy differs.
_SAID = (
    "Bộ trưởng Ngoại giao Lê Văn Tâm{n} tiếp Đại sứ Nhật Bản Ito Naoki tại trụ sở bộ.",
    "Bộ trưởng cho biết hai nước sẽ mở rộng hợp tác trong {n} lĩnh vực; ông Tâm{n} đề nghị"
    " Nhật Bản hỗ trợ đào tạo.",
    "“Chúng tôi sẵn sàng cho giai đoạn {n}”, Đại sứ Ito Naoki nói. Ông cũng khẳng định quan"
    " hệ tốt đẹp và nhấn mạnh vai trò của doanh nghiệp.",
)


def _statement_line(count: int) -> str:
    """One paragraph of many statements: every cue on a single line."""
    said = " ".join(line.format(n=i) for i in range(count) for line in _SAID)
    return f"{_HEADLINE}\n{_paragraph(0)}\n{said}\n"


def _statement_paragraphs(count: int) -> str:
    """Many paragraphs of statements, each referring back to people named before."""
    said = "\n".join(line.format(n=i) for i in range(count) for line in _SAID)
    return f"{_HEADLINE}\n{_paragraph(0)}\n{said}\n"


def _cue_clauses(factor: int) -> str:
    """One paragraph of many clauses each with its cue ("cho biết") and speaker."""
    clauses = " ".join(
        f"Ông Bùi Thanh Sơn cho biết hai nước hợp tác {i}." for i in range(40 * factor)
    )
    return f"{_HEADLINE}\n\n{clauses}"


def _reported_quotations(factor: int) -> str:
    """One sentence of many cue clauses, each reporting a quotation ("... và cho biết, ông
    nói: “...”"): every statement's content opens with the next statement."""
    clauses = "ông nói: “Hà Nội” và cho biết, " * (40 * factor)
    return f"{_HEADLINE}\n\nBộ trưởng Bùi Thanh Sơn cho biết, {clauses}hết."


def _unclosed_quote(factor: int) -> str:
    """A paragraph opening a quotation (“) that it never closes, over many cue clauses."""
    return f"{_HEADLINE}\n\n“" + "Ông Bùi Thanh Sơn nói rằng hai nước " * (60 * factor)


def _long_line(factor: int) -> str:
    """One paragraph of many sentences, no line break: a page whose text lost its breaks."""
    return "Hội nghị thảo luận các vấn đề hợp tác song phương và đa phương. " * (100 * factor)


def _nested_divs(factor: int) -> str:
    """Blocks nested ever deeper, each holding one paragraph."""
    depth = 20 * factor
    opened = "".join(f"<div><p>Đoạn văn số {i} về hợp tác.</p>" for i in range(depth))
    return f"<html><body><h1>{_HEADLINE}</h1>{opened}{'</div>' * depth}</body></html>"


def _sibling_divs(factor: int) -> str:
    """Many sibling blocks of HTML, each holding one paragraph."""
    divs = "".join(f"<div><p>Đoạn văn số {i} về hợp tác.</p></div>" for i in range(40 * factor))
    return f"<html><body><h1>{_HEADLINE}</h1><div>{divs}</div></body></html>"


def _analysed(text: str) -> object:
    article = dc.parse(text)
    return dc.extract_people(article), dc.extract_statements(article)


ADVERSARIAL: tuple[tuple[str, Callable[[int], str], Callable[[str], object]], ...] = (
    ("statements on one line", _statement_line, _analysed),
    ("statement paragraphs", _statement_paragraphs, _analysed),
    ("cue clauses in one paragraph", _cue_clauses, _analysed),
    ("reported quotations", _reported_quotations, _analysed),
    ("unclosed quotation", _unclosed_quote, _analysed),
    ("one long line", _long_line, _analysed),
    ("repeated headline", _repeated_headline, dc.parse),
    ("media list", _media_run, dc.parse),
    ("signature-like lines", _signature_lines, dc.parse),
    ("inline links (HTML)", _inline_links, dc.parse_html),
    ("many cards (HTML)", _cards, dc.parse_html),
    ("sibling divs (HTML)", _sibling_divs, dc.parse_html),
    ("nested divs (HTML)", _nested_divs, dc.parse_html),
)

if __name__ == "__main__":
    sys.exit(main())
