"""Test fixtures: the seed pages rebuilt as HTML, Windows-1258 as Vietnamese sites write it,
and made-up paragraphs for pages of any size."""

from __future__ import annotations

import html
import json
import pathlib
import unicodedata

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese sites write it: base letters precomposed, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + "".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


ARTICLE = {
    "title": "h1",
    "dateline": "div.date",
    "counter": "div.views",
    "body": "p",
    "byline": "div.author",
}


def rebuild(name: str) -> str:
    """The seed page ``name`` as HTML: its lines in elements a CMS would use."""
    lines = (SEEDS / f"{name}.txt").read_text("utf-8").split("\n")
    gold = json.loads((SEEDS / "gold" / f"{name}.json").read_text("utf-8"))
    kinds = {line: label.split(":")[-1] for line, label in gold["labels"]}
    parts = [
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">',
        "<title>Báo điện tử</title><script>var x = 1;</script></head><body>",
        '<div class="wrapper"><article class="detail">',
    ]
    closed = False
    for number, raw in enumerate(lines, start=1):
        kind = kinds.get(number)
        if kind is None:
            continue
        text = html.escape(raw.strip())
        if kind in ARTICLE:
            tag, _, cls = ARTICLE[kind].partition(".")
            attr = f' class="{cls}"' if cls else ""
            parts.append(f"<{tag}{attr}>{text}</{tag}>")
        elif kind == "caption":
            parts.append(
                f"<figure><img src='a.jpg' alt=''><figcaption>{text}</figcaption></figure>"
            )
        elif kind == "image_alt":
            parts.append(f'<div class="img-title">{text}</div>')
        elif not closed and kind in {"section_label", "footer", "slug", "media_list"}:
            parts.append('</article><div class="box">')
            closed = True
            parts.append(f"<div>{text}</div>")
        else:
            parts.append(f"<div>{text}</div>")
    parts.append("</div>" if closed else "</article>")
    parts.append("</div></body></html>")
    return "\n".join(parts)


_OPENINGS = ("Chiều 5/3, tại thủ đô Viên,", "Trong phiên làm việc thứ {i},", "Theo kế hoạch,")
_MIDDLES = (
    "đoàn đại biểu Quốc hội đã trao đổi với Ủy ban Đối ngoại về hợp tác lập pháp",
    "hai bên bàn việc mở thêm đường bay thẳng cho du học sinh và doanh nghiệp",
    "trưởng đoàn mời Chủ tịch Ủy ban sớm thăm lại Việt Nam vào dịp thuận tiện",
)
_ENDINGS = (
    "và kinh nghiệm giám sát ngân sách ở địa phương.",
    "trong khuôn khổ chương trình hợp tác giai đoạn {i}.",
    "nhằm đưa quan hệ hữu nghị đi vào chiều sâu, thực chất hơn.",
)


def made_up_paragraph(i: int) -> str:
    """A made-up paragraph of a report, different for every ``i``."""
    parts = (_OPENINGS[i % 3], _MIDDLES[i // 3 % 3], _ENDINGS[i // 9 % 3])
    return f"{' '.join(parts)} Mục {i} của biên bản.".format(i=i)
