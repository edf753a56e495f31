"""The HTML report (``write_report``, ``diplocorpus report``), read back as a browser's
parser reads it: what each section shows, its limits, and that no page text can become
markup, script or a request."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html.parser
import json
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import attrs
import pytest

import diplocorpus as dc
from diplocorpus._report import script_hash, site_name

from .conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))

HOSTILE_SOURCE = 'x/</script><script>alert(4)</script>"><img src=x onerror=alert(5)>.txt'


# -- a small DOM, from the standard library's HTML parser ------------------------------


@attrs.define(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = attrs.field(factory=list)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def all(self, tag: str, cls: str | None = None, **wanted: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]

    def one(self, tag: str, cls: str | None = None, **wanted: str) -> Node:
        found = self.all(tag, cls, **wanted)
        assert len(found) == 1, (tag, cls, wanted, len(found))
        return found[0]


_VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "source", "wbr", "col", "area"})


class _Builder(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def dom(path: Path) -> Node:
    builder = _Builder()
    builder.feed(path.read_text("utf-8"))
    builder.close()
    assert builder.stack == [builder.root], "an element is left open"
    return builder.root


# -- stores ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dc.Store]:
    path = tmp_path_factory.mktemp("seeds") / "seeds.sqlite"
    with dc.Store(path) as store:
        store.add(
            dc.Document(text=p.read_text("utf-8"), source=f"seeds/{p.name}") for p in SEED_FILES
        )
        yield store


@pytest.fixture(scope="module")
def seeds_report(seeds_store: dc.Store, tmp_path_factory: pytest.TempPathFactory) -> Node:
    path = dc.write_report(seeds_store, tmp_path_factory.mktemp("report") / "report.html")
    return dom(path)


_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
_GIVEN = ["Minh Anh", "Văn Bình", "Thị Cúc", "Quốc Dũng", "Hữu Đức", "Thanh Hà", "Ngọc Lan"]


def generated(count: int) -> list[dc.Document]:
    """Pages of 40 conferences (a page a week from 2020), each quoting one of 56 people."""
    pages = []
    for i in range(count):
        name = f"{_FAMILY[i % 8]} {_GIVEN[(i // 8) % 7]}"
        day = dt.date(2020, 1, 1) + dt.timedelta(days=7 * i)
        ordinal = i % 40 + 1
        text = (
            f"Hội nghị Ngoại giao lần thứ {ordinal} khai mạc tại Hà Nội\n\n"
            f"Ngày {day.day}/{day.month}/{day.year}, tại Hà Nội, Hội nghị Ngoại giao lần thứ "
            f"{ordinal} đã khai mạc với sự tham dự của nhiều đại biểu trong và ngoài nước.\n\n"
            f"Phát biểu tại hội nghị, Thứ trưởng Ngoại giao {name} nhấn mạnh: "
            f'"Ngành ngoại giao cần chủ động hơn nữa trong thời gian tới, lần {i}".\n'
        )
        pages.append(dc.Document(text=text, source=f"gen/{i:04d}.txt", published=day))
    return pages


# -- the seeds' report -------------------------------------------------------------------


def test_the_page_is_one_self_contained_file(seeds_report: Node) -> None:
    head = seeds_report.one("head")
    first = next(c for c in head.children if isinstance(c, Node))
    assert first.tag == "meta"
    assert first.attrs["http-equiv"] == "Content-Security-Policy"
    policy = first.attrs["content"]
    assert "default-src 'none'" in policy
    assert "img-src data:" in policy
    scripts = seeds_report.all("script")
    code = [s for s in scripts if "type" not in s.attrs]
    assert len(code) == 1, "one inline script, the report's own"
    digest = hashlib.sha256(code[0].text.encode("utf-8")).digest()
    assert f"script-src 'sha256-{base64.b64encode(digest).decode()}'" in policy
    assert [s.attrs.get("type") for s in scripts if s not in code] == ["application/json"]
    for node in seeds_report.iter():
        for name in ("src", "href", "action", "xlink:href", "srcset", "data"):
            assert name not in node.attrs or not node.attrs[name], (node.tag, name)
    assert seeds_report.one("h1").text == "diplocorpus report"


def test_the_summary_counts_the_store(seeds_report: Node, seeds_store: dc.Store) -> None:
    counts = seeds_store.counts()
    summary = seeds_report.one("p", id="summary").text
    assert f"{counts['documents']} pages" in summary
    assert f"{counts['statements']} statements" in summary
    assert f"{counts['people']} people mentions" in summary
    assert f"{len(seeds_store.events())} events" in summary


def test_events_are_in_date_order_partial_dates_as_written(seeds_report: Node) -> None:
    items = seeds_report.one("ol", id="events").all("li", "event")
    shown = [(i.one("span", "event-name").text, i.one("span", "event-date").text) for i in items]
    assert shown[:3] == [
        ("Hội nghị đối ngoại toàn quốc", "2021-12-14"),
        ("Hội nghị Ngoại giao 32", "2023-12-19"),
        # No page gives its year: never invented, listed after the dated ones.
        ("Hội nghị Ngoại vụ 21", "18/12, year unknown"),
    ]
    rest = shown[3:]
    assert all(date == "date unknown" for _, date in rest)
    assert [name for name, _ in rest] == sorted(name for name, _ in rest)
    ticks = seeds_report.one("svg", "timeline").all("g", "tick")
    assert [t.attrs["data-event"] for t in ticks] == ["0", "1"]  # the two dated ones
    xs = [float(t.one("line").attrs["x1"]) for t in ticks]
    assert xs == sorted(xs)
    assert xs[0] < xs[1]


def test_conference_32_shows_both_themes_with_their_sources(seeds_report: Node) -> None:
    conference = next(
        i
        for i in seeds_report.all("li", "event")
        if i.one("span", "event-name").text == "Hội nghị Ngoại giao 32"
    )
    assert conference.one("span", "event-pages").text == "4 pages"
    fields = {f.attrs["data-field"]: f for f in conference.all("tr", "field")}
    assert set(fields) == {"start", "end", "location", "mode", "themes"}
    themes = fields["themes"].all("li", "claim")
    claims = {(c.one("q", "value").text[:30], c.one("span", "source").text) for c in themes}
    assert claims == {
        ("Phát huy vai trò tiên phong, x", "seeds/002_24e14e7508fcd41e.txt:25"),
        ("Thực hiện thắng lợi đường lối ", "seeds/003_d2effcbf8356ef57.txt:4"),
    }
    assert all("conflict" in c.classes for c in themes)
    # The start: agreed (a date without its year is the same day), so no conflict.
    starts = fields["start"].all("li", "claim")
    assert len(starts) == 3
    assert not any("conflict" in c.classes for c in starts)
    assert "18/12" not in fields["start"].text
    assert "19/12, year unknown" in fields["start"].text  # seed 003's claim, as written


def test_speakers_one_row_a_person_with_offices(seeds_report: Node, seeds_store: dc.Store) -> None:
    rows = seeds_report.one("table", id="speaker-table").all("tr", "speaker")
    by_name = {r.one("td", "speaker-name").text: r for r in rows}
    trong = by_name["Nguyễn Phú Trọng"]
    assert "Tổng Bí thư" in trong.one("td", "speaker-offices").text.split("; ")
    said = [s for _, s in seeds_store.statements() if s.speaker.name == "Nguyễn Phú Trọng"]
    assert trong.one("td", "speaker-count").text == str(len(said))
    counts = [int(r.one("td", "speaker-count").text) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == seeds_store.counts()["statements"]  # every speaker listed
    assert len({r.attrs["data-speaker"] for r in rows}) == len(rows)
    # The month bars: Trọng speaks on pages of December 2021 and December 2023.
    assert len(trong.one("td", "speaker-spark").all("rect")) == 2
    options = seeds_report.one("select", id="speaker-filter").all("option")
    assert [o.attrs["value"] for o in options] == ["", *(r.attrs["data-speaker"] for r in rows)]


def test_statements_are_quoted_with_source_and_events(seeds_report: Node) -> None:
    items = seeds_report.one("ol", id="statements").all("li", "statement")
    assert len(items) == 17
    events = [e.one("span", "event-name").text for e in seeds_report.all("li", "event")]
    conference = str(events.index("Hội nghị Ngoại giao 32"))
    of_32 = [i for i in items if conference in i.attrs["data-events"].split()]
    assert of_32
    assert {i.one("span", "source").text.split(":")[0] for i in of_32} <= {
        "seeds/000_792b6e1b99918ddc.txt",
        "seeds/002_24e14e7508fcd41e.txt",
        "seeds/003_d2effcbf8356ef57.txt",
        "seeds/004_3f8f23d05b7f99f5.txt",
    }
    for item in items:
        assert re.fullmatch(r"seeds/\S+\.txt:\d+", item.one("span", "source").text)
        assert item.one("blockquote").text
        assert item.one("span", "cue").text
    options = seeds_report.one("select", id="event-filter").all("option")
    assert [o.attrs["value"] for o in options] == ["", *map(str, range(len(events)))]


def test_sites_and_their_dropped_lines(seeds_report: Node, seeds_store: dc.Store) -> None:
    rows = seeds_report.one("table", id="site-table").all("tr", "site")
    assert [r.one("td", "site-name").text for r in rows] == ["seeds"]  # no URLs: the folder
    assert rows[0].one("td", "site-pages").text == "5"
    bars = rows[0].all("rect", "bar")
    kinds = {b.attrs["data-kind"] for b in bars}
    assert "counter" in kinds
    assert not kinds & {"title", "dateline", "byline", "body", "caption"}
    width = sum(float(b.attrs["width"]) for b in bars)
    assert 0 < width < 200
    captions = sum(len(json.loads(r["article"])["captions"]) for r in seeds_store.rows("documents"))
    assert rows[0].one("td", "site-captions").text == str(captions)


def test_every_section_states_its_limits(seeds_report: Node) -> None:
    for section in ("timeline", "speakers", "sources"):
        limits = seeds_report.one("section", id=section).all("p", "limits")
        assert limits, section
    assert "showing all 7 events" in seeds_report.one("section", id="timeline").text


def test_the_seeds_report_is_written_in_well_under_a_second(
    seeds_store: dc.Store, tmp_path: Path
) -> None:
    dc.write_report(seeds_store, tmp_path / "warm.html")  # imports and templates loaded
    start = time.perf_counter()
    dc.write_report(seeds_store, tmp_path / "report.html")
    assert time.perf_counter() - start < 0.5


# -- limits and size -------------------------------------------------------------------


def test_limits_are_respected_and_said(tmp_path: Path) -> None:
    with dc.Store(tmp_path / "c.sqlite") as store:
        store.add(generated(200), learn_sites=False)
        path = dc.write_report(
            store, tmp_path / "r.html", events=10, speakers=5, statements=2, clusters=1
        )
        total_speakers = len({s.speaker.key for _, s in store.statements()})
    page = dom(path)
    events = page.all("li", "event")
    assert len(events) == 10
    assert all(e.one("span", "event-pages").text == "5 pages" for e in events)
    days = [e.one("span", "event-date").text for e in events]
    assert days == sorted(days)  # ISO days: text order is date order
    timeline = page.one("section", id="timeline").one("p", "limits").text
    assert "showing 10 of 40 events (those reported by the most pages)" in timeline
    assert "--events N" in timeline
    assert len(page.all("tr", "speaker")) == 5
    assert len(page.all("li", "statement")) == 10
    speakers = page.one("section", id="speakers").one("p", "limits").text
    assert f"of {total_speakers} speakers" in speakers
    assert "Up to 2 statements of each speaker are quoted (10 of 200 statements)" in speakers
    # The pages are copies of each other but for a few words: the largest cluster shown,
    # 20 of its members named.
    (cluster,) = page.all("li", "cluster")
    assert len(cluster.all("li", "member")) == 20
    more = re.fullmatch(r"and (\d+) more pages", cluster.one("li", "more").text)
    assert more is not None
    assert cluster.text.startswith(f"{20 + int(more[1])} pages, similarity at least")
    sources = page.one("section", id="sources").all("p", "limits")[-1].text
    assert re.match(r"showing 1 of \d+ clusters of near-duplicate pages \(the largest\)", sources)
    # A field's claims are cut: one of each value first, then the rest is counted.
    start = page.all("li", "event")[0].one("tr", "field", data_field="start")
    assert len(start.all("li", "claim")) == 5
    assert page.all("li", "more") or all(len(e.all("li", "claim")) <= 8 * 5 for e in events)


def test_a_big_store_keeps_the_report_small(tmp_path: Path) -> None:
    with dc.Store(tmp_path / "c.sqlite") as store:
        store.add(generated(600), learn_sites=False)
        small = dc.write_report(store, tmp_path / "small.html", events=5, speakers=5)
        full = dc.write_report(store, tmp_path / "full.html")
    assert small.stat().st_size < 120_000
    assert full.stat().st_size < 1_000_000
    page = dom(full)
    # 600 pages of 40 conferences: 15 pages each, at most 8 claims of a field shown.
    claims = page.all("li", "event")[0].one("tr", "field", data_field="location")
    assert len(claims.all("li", "claim")) == 8
    assert claims.one("li", "more").text == "and 7 more claims"
    # 11 years of pages: three months a bar, at most 60 bars a speaker.
    sparks = [r.one("td", "speaker-spark").all("rect") for r in page.all("tr", "speaker")]
    assert all(0 < len(bars) <= 60 for bars in sparks)
    assert " to " in sparks[0][0].one("title").text


def test_limits_are_whole_numbers(seeds_store: dc.Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="events must be a whole number"):
        dc.write_report(seeds_store, tmp_path / "r.html", events=-1)
    assert not (tmp_path / "r.html").exists()


# -- hostile page text -------------------------------------------------------------------


def hostile_pages() -> list[dc.Document]:
    """Two pages of conference 32 whose text holds markup (under five tags a page: more
    would make it an HTML page, whose tags the loader reads as markup), one with a source
    that is markup too."""
    first = (
        "Hội nghị Ngoại giao lần thứ 32 khai mạc tại Hà Nội\n\n"
        "Ngày 19/12/2023, tại Hà Nội, Hội nghị Ngoại giao lần thứ 32 đã khai mạc với sự tham "
        "dự của nhiều đại biểu <script>alert(1)</script> trong và ngoài nước.\n\n"
        "Phát biểu tại hội nghị, Bộ trưởng Ngoại giao Bùi Thanh Sơn nhấn mạnh: "
        '"Ngành ngoại giao cần chủ động hơn nữa </script><script>alert(2) trong thời gian '
        'tới".\n'
    )
    second = (
        "Hội nghị Ngoại giao lần thứ 32 bế mạc\n\n"
        "Ngày 19/12/2023, tại Hà Nội, Hội nghị Ngoại giao lần thứ 32 đã bế mạc sau ba ngày "
        'làm việc "><img src=x onerror=alert(3)> với nhiều kết quả.\n'
    )
    return [
        dc.Document(text=first, source=HOSTILE_SOURCE, published=dt.date(2023, 12, 19)),
        dc.Document(text=second, source="y/2.txt", published=dt.date(2023, 12, 19)),
    ]


def test_page_text_stays_text_everywhere(tmp_path: Path) -> None:
    with dc.Store(tmp_path / "c.sqlite") as store:
        store.add(hostile_pages())
        assert [s.text for _, s in store.statements()] == [
            '"Ngành ngoại giao cần chủ động hơn nữa </script><script>alert(2) trong thời gian tới".'
        ]
        path = dc.write_report(store, tmp_path / "r.html")
    written = path.read_text("utf-8")
    report = dom(path)
    # No markup came from the pages: two scripts (the data and the report's own), no image.
    assert len(report.all("script")) == 2
    assert report.all("img") == []
    assert not any("onerror" in n.attrs for n in report.iter())
    assert "<img" not in written
    assert "<script>alert" not in written
    assert written.count("</script>") == 2
    # ... and the text is there, as text: in the paragraphs, the statement, the sources
    # (of the claims, the statement, the data block).
    paragraphs = " ".join(p.text for p in report.all("li", "paragraph"))
    assert "đại biểu <script>alert(1)</script> trong" in paragraphs
    assert 'làm việc "><img src=x onerror=alert(3)> với' in paragraphs
    statement = report.one("li", "statement")
    assert "</script><script>alert(2)" in statement.one("blockquote").text
    assert statement.one("span", "source").text == f"{HOSTILE_SOURCE}:5"
    claims = report.one("tr", "field", data_field="location").all("span", "source")
    assert [c.text for c in claims] == [f"{HOSTILE_SOURCE}:1", "y/2.txt:3"]
    data = report.one("script", id="report-data")
    assert "<" not in data.text
    assert ">" not in data.text
    assert HOSTILE_SOURCE in json.loads(data.text)["events"][0]["sources"]
    # The one script is the report's own, whatever the pages hold.
    code = next(s for s in report.all("script") if "type" not in s.attrs)
    policy = report.one("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert script_hash(code.text) in policy


def test_the_script_cannot_end_its_own_element() -> None:
    script = resources.files("diplocorpus").joinpath("templates").joinpath("report.js")
    assert "</" not in script.read_text("utf-8")


def test_a_page_s_site_is_its_host_else_its_folder() -> None:
    assert site_name("https://www.baoquocte.vn/a-1.html", "shard.jsonl:3") == "baoquocte.vn"
    assert site_name(None, "https://dangcongsan.vn/x") == "dangcongsan.vn"
    assert site_name(None, "scraped/nhandan/1.txt") == "scraped/nhandan"
    assert site_name(None, "-") == "(no site)"


def test_the_templates_load_from_a_zipped_package(tmp_path: Path) -> None:
    # As from a wheel or a zip app: the templates are package data, read through
    # importlib.resources, never from a path next to the source.
    package = Path(dc.__file__).parent
    archive = tmp_path / "diplocorpus.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, Path("diplocorpus") / path.relative_to(package))
    code = (
        "import diplocorpus as dc; assert '.zip' in dc.__file__; "
        "print(dc.write_report(dc.Store(':memory:'), 'r.html').read_text('utf-8')[:15])"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(archive), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "<!DOCTYPE html>\n", "")
