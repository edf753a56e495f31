"""diplocorpus measured against the tools users would otherwise pick, side by side.

    pip install -e '.[bench]' && python benchmarks/compare.py
    python benchmarks/compare.py --sets dev-text dev-html --no-speed   # accuracy only
    python benchmarks/compare.py --seconds 5                           # longer speed runs

Tools: trafilatura, jusText (Vietnamese stoplist), goose3, readability-lxml, C4's line rule
(keep a line ending in terminal punctuation with at least 3 words), "keep every line", and
diplocorpus. Four sets (``--sets`` names them):

- ``seeds``: the five seeds as text; diplocorpus reads the text (parse); the HTML tools get
  each line as a <p>; C4 and "every line" read the text;
- ``html``: the five seeds rebuilt as a CMS would serve them and three pages in other CMS
  styles (tests/html); diplocorpus reads the HTML (parse_html), C4 and "every line" its text
  (html_to_text);
- ``dev-text``: the development set (``../shared/devset``, outside the repository) as text,
  the 30 ``raw/NAME.txt`` dumps; tools fed as for ``seeds``;
- ``dev-html``: the 15 development pages saved as HTML (``raw/NAME.html``); diplocorpus reads
  the bytes (parse_html), the HTML tools the page decoded as UTF-8, C4 and "every line" its
  html_to_text.

The dev set's front pages (``"is_article": false``) are kept: their gold body is empty, so
any text a tool extracts from them counts as false positives, as in score.py. For the two
dev sets a second table gives each page's body F1 per tool. When the dev set is absent, one
line says so and the other sets still run.

Body precision, recall and F1 are score.py's: a bag of word tokens (case folded) of the
extracted text against the gold body, summed over the documents. Speed is documents per
second over the same pages in one thread (``--seconds`` per tool, default 2, in three turns:
the tools take turns and each tool's best turn counts; ``--no-speed`` skips it), and its
ratio to diplocorpus. A tool that raises on a page counts as extracting
nothing from it; a note under the table names the tool, page and exception type.

Output is Markdown, for docs/benchmarks.md. No dev-set text is written anywhere.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import html
import json
import math
import pathlib
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence

import diplocorpus as dc
from diplocorpus._rules import forget_seen_lines

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.fixtures import rebuild  # noqa: E402

SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "html"
DEVSET = ROOT.parent / "shared" / "devset"


@dataclasses.dataclass(frozen=True)
class Doc:
    """One page of a set, with what each kind of tool reads of it."""

    name: str
    gold: tuple[str, ...]  # the gold body paragraphs
    text: str  # read by C4 and "keep every line"
    page: str  # read by the HTML tools
    source: str | bytes  # read by diplocorpus
    file: str | None = None  # the source diplocorpus is told (score.py's: the file name)
    site: str = ""
    front_page: bool = False


Tool = Callable[[Doc], str]


@dataclasses.dataclass(frozen=True)
class BenchSet:
    title: str
    docs: tuple[Doc, ...]
    diplocorpus: Tool
    per_page: bool = False


@dataclasses.dataclass
class Failures:
    """Exceptions raised by the tools, at most one entry per tool and page."""

    seen: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)

    def guard(self, tool: str, function: Tool) -> Tool:
        def run(doc: Doc) -> str:
            try:
                return function(doc)
            except Exception as exc:  # a failure is an empty output for this page, not a stop
                self.seen.setdefault((tool, doc.name), type(exc).__name__)
                return ""

        return run


def tokens(text: str) -> collections.Counter[str]:
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()
    return collections.Counter(re.findall(r"\w+", folded))


def prf(pairs: Sequence[tuple[Sequence[str], str]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for gold, predicted in pairs:
        g, p = tokens("\n".join(gold)), tokens(predicted)
        hit = sum((g & p).values())
        tp, fp, fn = tp + hit, fp + sum(p.values()) - hit, fn + sum(g.values()) - hit
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def c4(text: str) -> str:
    keep = [
        line
        for line in (" ".join(raw.split()) for raw in text.split("\n"))
        if len(line.split()) >= 3 and line.rstrip("\"'”’)").endswith((".", "!", "?", "…"))
    ]
    return "\n".join(keep)


def trafilatura_tool(page: str) -> str:
    import trafilatura  # noqa: PLC0415

    return trafilatura.extract(page, include_comments=False, include_tables=False) or ""


def justext_tool(page: str) -> str:
    import justext  # type: ignore[import-untyped]  # noqa: PLC0415

    stop = justext.get_stoplist("Vietnamese")
    return "\n".join(
        p.text for p in justext.justext(page.encode("utf-8"), stop) if not p.is_boilerplate
    )


def goose_tool(page: str) -> str:
    from goose3 import Goose  # type: ignore[import-untyped]  # noqa: PLC0415

    with Goose({"target_language": "vi", "use_meta_language": False}) as goose:
        return str(goose.extract(raw_html=page).cleaned_text or "")


def readability_tool(page: str) -> str:
    import lxml.html  # noqa: PLC0415
    from readability import Document  # type: ignore[import-untyped]  # noqa: PLC0415

    summary = str(Document(page).summary())
    return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""


def as_paragraphs(text: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


# diplocorpus remembers the lines its rules have read (a site's chrome repeats on its pages);
# the speed loops parse the same pages again and again, so each parse starts with the table
# emptied, as on pages none of whose lines was seen before: the other tools keep no such
# memory.


def parse_text(doc: Doc) -> str:
    forget_seen_lines()
    return dc.parse(str(doc.source), source=doc.file).text


def parse_page(doc: Doc) -> str:
    forget_seen_lines()
    return dc.parse_html(doc.source, source=doc.file).text


def seeds_set() -> BenchSet:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        gold = json.loads((SEEDS / "gold" / f"{path.stem}.json").read_text("utf-8"))
        text = path.read_text("utf-8")
        body = tuple(gold["article"]["body"])
        docs.append(Doc(path.stem, body, text, as_paragraphs(text), text, file=path.name))
    return BenchSet("seeds as text", tuple(docs), parse_text)


def html_set() -> BenchSet:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        gold = json.loads((SEEDS / "gold" / f"{path.stem}.json").read_text("utf-8"))
        page = rebuild(path.stem)
        docs.append(
            Doc(path.stem, tuple(gold["article"]["body"]), dc.html_to_text(page), page, page)
        )
    golds = json.loads((PAGES / "gold.json").read_text("utf-8"))
    for name, body in golds.items():
        # government.html declares windows-1258 but is stored as UTF-8: every tool reads it
        # as UTF-8 text.
        page = (PAGES / name).read_text("utf-8").replace("windows-1258", "utf-8")
        docs.append(Doc(name, tuple(body), dc.html_to_text(page), page, page, file=name))
    return BenchSet("HTML pages", tuple(docs), parse_page)


def dev_golds() -> list[tuple[str, dict[str, object]]] | str:
    """(name, key) of the dev set's pages, or why the dev set cannot be read."""
    if not DEVSET.is_dir():
        return f"{DEVSET} not found (the dev set lives outside the repository)"
    paths = sorted((DEVSET / "gold").glob("*.json"))
    if not paths:
        return f"no answer keys in {DEVSET / 'gold'}"
    return [(path.stem, json.loads(path.read_text("utf-8"))) for path in paths]


def dev_doc(
    path: pathlib.Path, key: dict[str, object], text: str, page: str, source: str | bytes
) -> Doc:
    article = key.get("article")
    body = article.get("body", []) if isinstance(article, dict) else []
    return Doc(
        path.stem,
        tuple(body),
        text,
        page,
        source,
        file=path.name,
        site=str(key.get("site", "")),
        front_page=key.get("is_article") is False,
    )


def dev_set(suffix: str) -> BenchSet | str:
    """The development pages saved as ``raw/NAME.<suffix>`` ("txt" or "html")."""
    golds = dev_golds()
    if isinstance(golds, str):
        return golds
    docs = []
    for name, key in golds:
        path = DEVSET / "raw" / f"{name}.{suffix}"
        if not path.exists():
            continue
        if suffix == "txt":
            text = path.read_text("utf-8")
            docs.append(dev_doc(path, key, text, as_paragraphs(text), text))
        else:
            data = path.read_bytes()
            page = data.decode("utf-8")  # all of them are UTF-8 (devset/README.md)
            docs.append(dev_doc(path, key, dc.html_to_text(page), page, data))
    if not docs:
        return f"no raw/NAME.{suffix} in {DEVSET}"
    if suffix == "txt":
        return BenchSet("dev set, text", tuple(docs), parse_text, per_page=True)
    return BenchSet("dev set, HTML", tuple(docs), parse_page, per_page=True)


SETS: dict[str, Callable[[], BenchSet | str]] = {
    "seeds": seeds_set,
    "html": html_set,
    "dev-text": lambda: dev_set("txt"),
    "dev-html": lambda: dev_set("html"),
}


def tools(bench: BenchSet) -> dict[str, Tool]:
    return {
        "diplocorpus": bench.diplocorpus,
        "keep every line": lambda d: d.text,
        "C4 line rule": lambda d: c4(d.text),
        "trafilatura": lambda d: trafilatura_tool(d.page),
        "jusText": lambda d: justext_tool(d.page),
        "goose3": lambda d: goose_tool(d.page),
        "readability-lxml": lambda d: readability_tool(d.page),
    }


TURNS = 3


def speed(function: Tool, docs: Sequence[Doc], seconds: float = 2.0) -> float:
    for doc in docs:  # warm up: imports, caches
        function(doc)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            function(doc)
            count += 1
    return count / (time.perf_counter() - start)


def run_set(bench: BenchSet, seconds: float | None) -> None:
    failures = Failures()
    outputs: dict[str, list[str]] = {}
    speeds: dict[str, float] = {}
    guarded = {name: failures.guard(name, raw) for name, raw in tools(bench).items()}
    for name, function in guarded.items():
        outputs[name] = [function(doc) for doc in bench.docs]
    if seconds is not None:
        # The tools take turns, TURNS times, each for its share of the seconds; the best turn
        # of each counts (a turn slowed by the machine's other work says nothing of the tool).
        for _ in range(TURNS):
            for name, function in guarded.items():
                rate = speed(function, bench.docs, seconds / TURNS)
                speeds[name] = max(speeds.get(name, 0.0), rate)

    unit = "pages" if bench.per_page else "documents"
    print(f"\n### {bench.title} ({len(bench.docs)} {unit})\n")
    if seconds is None:
        print("| tool | body precision | body recall | body F1 |")
        print("|---|---:|---:|---:|")
    else:
        print("| tool | body precision | body recall | body F1 | docs/s | speed vs diplocorpus |")
        print("|---|---:|---:|---:|---:|---:|")
    base = speeds.get("diplocorpus", 0.0)
    for name, texts in outputs.items():
        p, r, f = prf([(doc.gold, text) for doc, text in zip(bench.docs, texts, strict=True)])
        row = f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |"
        if seconds is not None:
            s = speeds[name]
            row += f" {s:,.0f} | {s / base:.2f}x |" if base else f" {s:,.0f} | - |"
        print(row)
    print_failures(failures)

    if bench.per_page:
        print_per_page(bench, outputs, failures)


def print_failures(failures: Failures) -> None:
    if not failures.seen:
        return
    print()
    for (tool, page), exc in sorted(failures.seen.items()):
        print(f"- {tool} raised {exc} on {page}: counted as an empty output for that page.")


def print_per_page(bench: BenchSet, outputs: dict[str, list[str]], failures: Failures) -> None:
    names = list(outputs)
    print(f"\n#### {bench.title}: body F1 per page\n")
    print("| page | site | gold words | " + " | ".join(names) + " |")
    print("|---|---|---:|" + "---:|" * len(names))
    for i, doc in enumerate(bench.docs):
        cells = []
        for name in names:
            _, _, f = prf([(doc.gold, outputs[name][i])])
            cell = f"{f:.3f}"
            if doc.front_page:
                cell += f" ({sum(tokens(outputs[name][i]).values()):,} w)"
            if (name, doc.name) in failures.seen:
                cell += " †"
            cells.append(cell)
        words = sum(tokens("\n".join(doc.gold)).values())
        page = f"{doc.name} (front page)" if doc.front_page else doc.name
        print(f"| {page} | {doc.site} | {words:,} | " + " | ".join(cells) + " |")
    print(
        "\nA front page has an empty gold body: its F1 is 1.000 when nothing is extracted, "
        "0.000 otherwise; (N w) is the number of words extracted from it, all false positives."
    )
    if failures.seen:
        print("† the tool raised on this page (see the note above).")


def positive(value: str) -> float:
    seconds = float(value)
    if not (seconds > 0 and math.isfinite(seconds)):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {value}")
    return seconds


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="diplocorpus against trafilatura, jusText, goose3, readability-lxml, C4's "
        "line rule and 'keep every line': body precision/recall/F1 and speed, as Markdown."
    )
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=list(SETS),
        default=list(SETS),
        metavar="NAME",
        help=f"the sets to run, among {', '.join(SETS)} (default: all)",
    )
    parser.add_argument(
        "--seconds",
        type=positive,
        default=2.0,
        metavar="S",
        help="seconds of speed measurement per tool and set (default: 2.0)",
    )
    parser.add_argument(
        "--no-speed", action="store_true", help="skip the speed measurement (accuracy only)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = arguments(argv)
    print(
        f"diplocorpus {dc.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, one thread"
    )
    skipped: set[str] = set()
    for key in (name for name in SETS if name in args.sets):
        bench = SETS[key]()
        if isinstance(bench, str):
            if bench not in skipped:  # one line for the dev set, not one per dev set
                print(f"\nDev set skipped: {bench}.")
                skipped.add(bench)
            continue
        run_set(bench, None if args.no_speed else args.seconds)


if __name__ == "__main__":
    main()
