"""diplocorpus measured against the tools users would otherwise pick, side by side.

    pip install -e '.[bench]' && python benchmarks/compare.py

Tools: trafilatura, jusText (Vietnamese stoplist), goose3, readability-lxml, C4's line rule
(keep a line ending in terminal punctuation with at least 3 words), "keep every line", and
diplocorpus. Two sets:

- the five seeds as text: diplocorpus reads the text; the HTML tools get each line as a <p>;
  C4 and "every line" read the text;
- HTML pages: the five seeds rebuilt as a CMS would serve them and three pages in other CMS
  styles (tests/html); diplocorpus reads the HTML (parse_html), C4 and "every line" its text.

Body precision, recall and F1 are score.py's: a bag of word tokens (case folded) of the
extracted text against the gold body, summed over the documents. Speed is documents per
second over the same pages in one thread, and its ratio to diplocorpus.
"""

from __future__ import annotations

import collections
import html
import json
import pathlib
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable

import diplocorpus as dc

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.fixtures import cp1258, rebuild  # noqa: E402

SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "html"


def tokens(text: str) -> collections.Counter[str]:
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()
    return collections.Counter(re.findall(r"\w+", folded))


def prf(pairs: list[tuple[list[str], str]]) -> tuple[float, float, float]:
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
    import justext  # noqa: PLC0415

    stop = justext.get_stoplist("Vietnamese")
    return "\n".join(
        p.text for p in justext.justext(page.encode("utf-8"), stop) if not p.is_boilerplate
    )


def goose_tool(page: str) -> str:
    from goose3 import Goose  # noqa: PLC0415

    with Goose({"target_language": "vi", "use_meta_language": False}) as goose:
        return goose.extract(raw_html=page).cleaned_text or ""


def readability_tool(page: str) -> str:
    import lxml.html  # noqa: PLC0415
    from readability import Document  # noqa: PLC0415

    summary = Document(page).summary()
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def as_paragraphs(text: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def dataset() -> dict[str, list[tuple[str, list[str], str, str]]]:
    """name -> [(doc, gold body, text input, html input)]."""
    seeds = []
    rebuilt = []
    for path in sorted(SEEDS.glob("*.txt")):
        gold = json.loads((SEEDS / "gold" / f"{path.stem}.json").read_text("utf-8"))
        body = gold["article"]["body"]
        text = path.read_text("utf-8")
        seeds.append((path.stem, body, text, as_paragraphs(text)))
        page = rebuild(path.stem)
        rebuilt.append((path.stem, body, dc.html_to_text(page), page))
    golds = json.loads((PAGES / "gold.json").read_text("utf-8"))
    for name, body in golds.items():
        data = (PAGES / name).read_bytes()
        if name == "government.html":
            data = cp1258(data.decode("utf-8"))
        page = (
            data.decode("utf-8", errors="replace")
            if name != "government.html"
            else ((PAGES / name).read_text("utf-8").replace("windows-1258", "utf-8"))
        )
        rebuilt.append((name, body, dc.html_to_text(page), page))
    return {"seeds as text": seeds, "HTML pages": rebuilt}


def tools(kind: str) -> dict[str, Callable[[tuple[str, list[str], str, str]], str]]:
    diplo: Callable[[tuple[str, list[str], str, str]], str]
    if kind == "seeds as text":

        def diplo(d: tuple[str, list[str], str, str]) -> str:
            return dc.parse(d[2]).text
    else:

        def diplo(d: tuple[str, list[str], str, str]) -> str:
            return dc.parse_html(d[3]).text

    return {
        "diplocorpus": diplo,
        "keep every line": lambda d: d[2],
        "C4 line rule": lambda d: c4(d[2]),
        "trafilatura": lambda d: trafilatura_tool(d[3]),
        "jusText": lambda d: justext_tool(d[3]),
        "goose3": lambda d: goose_tool(d[3]),
        "readability-lxml": lambda d: readability_tool(d[3]),
    }


def speed(
    function: Callable[[tuple[str, list[str], str, str]], str],
    docs: list[tuple[str, list[str], str, str]],
    seconds: float = 2.0,
) -> float:
    for doc in docs:  # warm up: imports, caches
        function(doc)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            function(doc)
            count += 1
    return count / (time.perf_counter() - start)


def main() -> None:
    print(
        f"diplocorpus {dc.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, one thread"
    )
    for kind, docs in dataset().items():
        rows = []
        for name, function in tools(kind).items():
            pairs = [(d[1], function(d)) for d in docs]
            p, r, f = prf(pairs)
            rows.append((name, p, r, f, speed(function, docs)))
        base = rows[0][4]
        print(f"\n### {kind} ({len(docs)} documents)\n")
        print("| tool | body precision | body recall | body F1 | docs/s | speed vs diplocorpus |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, p, r, f, s in rows:
            print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {s:,.0f} | {s / base:.2f}x |")


if __name__ == "__main__":
    main()
