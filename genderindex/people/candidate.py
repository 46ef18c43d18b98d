"""The person-name candidate shared by the Vietnamese and English mention finders."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.document import TextDoc
from ..text.segment import Segment


@dataclass(slots=True)
class Cand:
    """One name mention found in the text, before clustering."""

    start: int  # mention span, honorific included
    end: int
    name_start: int
    name_end: int
    tokens: list[str]
    honorific: str = ""
    hon_start: int | None = None
    hon_gender: str | None = None
    titles: list[str] = field(default_factory=list)
    explicit: tuple[str, str, int, int] | None = None  # (gender, text, start, end)
    foreign: bool = False
    has_family: bool = False
    strong: bool = False  # enough evidence to create a person on its own
    initials: bool = False

    @property
    def key(self) -> str:
        return " ".join(self.tokens).lower()


# credit and source lines: "Ảnh: X", "(Theo X)", "Video: X - Y", "Tổng biên tập: X"
_CREDIT_RE = re.compile(
    r"(?i)(?<![^\W\d_])(?:ảnh|video|clip|đồ\s+h[ọo]ạ?|nguồn|photo|photos|credit|"
    r"tin\s*,\s*ảnh|tin\s+và\s+ảnh|bài\s*(?:,|và)?\s*ảnh|thực\s+hiện|"
    r"(?:phó\s+)?tổng\s+biên\s+tập|biên\s+tập|thiết\s+kế|kỹ\s+thuật|dựng|quay)\s*:\s*[^\n.;)]*"
    r"|\(\s*(?:theo|nguồn|ảnh)\s[^)\n]*\)"
)
_BYLINE_OK = frozenset(
    "theo và - – / , . ( ) nhóm pv phóng viên ctv tổng hợp lược dịch dịch ghi thực hiện tin ảnh bài".split()
)


def excluded_spans(doc: TextDoc, toks_of) -> list[tuple[int, int]]:
    """Spans whose names are not people: photo/video credits, "(Theo X)" source lines,
    and byline paragraphs (a short paragraph made only of a name, at the start or end
    of the body)."""
    text = doc.text
    spans = [m.span() for m in _CREDIT_RE.finditer(text)]
    paras = [p for p in doc.paragraphs if p.start >= doc.title_len]
    if not paras:
        return spans
    cand: list[Segment] = paras[:1] + paras[-3:]
    for p in cand:
        toks = toks_of(p.start, p.end)
        words = [t for t in toks if t.kind in ("w", "ini")]
        if not words or len(words) > 8:
            continue
        low = [t for t in words if not (t.cap or t.caps) and t.text.lower() not in _BYLINE_OK]
        if len(low) > (1 if p is paras[0] else 0):
            continue
        if p.text.rstrip().endswith((".", "!", "?", ":", "”", '"')) and len(words) > 4:
            continue
        spans.append((p.start, p.end))
    return spans


def in_spans(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)
