"""Quoted spans: “ ”, " ", « », ‘ ’ (and nested quotes), with offsets.

A quotation left open at the end of a paragraph runs to the end of that paragraph
(news style for quotes that continue over several paragraphs). ``‘ ’`` and ``'`` are
only quotation marks at word boundaries, never apostrophes (``don't``, ``Bộ's``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_PAIRS = {"“": "”", "«": "»", "‘": "’", "„": "“"}


@dataclass(slots=True, frozen=True)
class QuoteSpan:
    """A quoted stretch. ``start``/``end`` include the marks; ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    depth: int = 0


def _is_word(c: str) -> bool:
    return c.isalnum()


_MARKS_RE = re.compile("[\n\"“”«»‘’„']")


def quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted spans (outer and nested), sorted by start."""
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (expected closer, start)
    n = len(text)
    for m in _MARKS_RE.finditer(text):
        i = m.start()
        c = text[i]
        if c == "\n":
            # unclosed quotes end with the paragraph
            while stack:
                _, s = stack.pop()
                out.append(QuoteSpan(s, i, s + 1, i, False, len(stack)))
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if stack and c == stack[-1][0] and not (c == "’" and _is_word(nxt) and _is_word(prev)):
            _, s = stack.pop()
            out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
        elif c == '"':
            if stack and stack[-1][0] == '"':
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
            else:
                stack.append(('"', i))
        elif c in _PAIRS:
            if c == "‘" and _is_word(prev):
                continue
            stack.append((_PAIRS[c], i))
        elif c == "'" and not _is_word(prev) and _is_word(nxt):
            stack.append(("'", i))
        elif c == "'" and stack and stack[-1][0] == "'" and not _is_word(nxt):
            _, s = stack.pop()
            out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
    while stack:
        _, s = stack.pop()
        out.append(QuoteSpan(s, n, s + 1, n, False, len(stack)))
    out.sort(key=lambda q: (q.start, -q.end))
    return out


class QuoteIndex:
    """Answers "is offset i inside a quotation?" quickly for one text."""

    def __init__(self, spans: list[QuoteSpan]):
        merged: list[list[int]] = []
        for q in sorted(spans, key=lambda q: q.start):
            if merged and q.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.end)
            else:
                merged.append([q.start, q.end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]
        self.spans = spans

    def contains(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies inside a quoted span."""
        end = start + 1 if end is None else end
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._ends[k] >= end

    def covering(self, start: int, end: int) -> QuoteSpan | None:
        """The innermost quoted span that contains ``[start, end)``."""
        best = None
        for q in self.spans:
            if q.start > start:
                break
            if q.start <= start and end <= q.end and (best is None or q.start >= best.start):
                best = q
        return best
