"""Quotation spans for attribution, tolerant of mixed marks (``"...”``, ``“..."``).

Straight ``"`` is read as opening or closing from its neighbours (space before and a
letter after opens; a letter or punctuation before and space/punctuation after closes),
so one stray mark does not invert every later quotation of the article.
A quotation left open runs to the end of its paragraph.
"""
from __future__ import annotations

from ..text.quotemarks import QuoteSpan

import re

# quotation marks and line breaks; "’" inside a word is an apostrophe ("Trump’s"), not a mark
# (one character class first, then the apostrophe test as a look-ahead: a faster scan;
# same matches as ``[“”«»„"‘\n]|’(?!\w)``)
_MARK_RE = re.compile(r"[“”«»„\"‘\n’](?!(?<=’)\w)")
_OPENERS = "“«„"
_CLOSERS = "”»"
_AFTER_CLOSE = " \t\n.,;:!?…)]}-–—"
_BEFORE_OPEN = " \t\n([{:-–—/"


def quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level and nested quoted spans, sorted by start (outer first)."""
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (kind, start) kind: "c" curly/guillemet, "s" straight, "a" single
    n = len(text)
    for mm in _MARK_RE.finditer(text):
        i = mm.start()
        c = text[i]
        if c == "\n":
            while stack:
                _, s = stack.pop()
                out.append(QuoteSpan(s, i, s + 1, i, False, len(stack)))
            continue
        if c in _OPENERS:
            stack.append(("c", i))
        elif c in _CLOSERS:
            if not stack:
                ps = text.rfind("\n", 0, i) + 1
                out.append(QuoteSpan(ps, i + 1, ps, i, False, 0))
            elif stack[-1][0] != "a":
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
            elif len(stack) > 1:
                stack.pop()
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
        elif c == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            # '" ,' / '" .' close even after a space (spaced quotes: '" Tôi đi . "')
            punct_after = nxt in ".,;:!?…)"
            opens = prev in _BEFORE_OPEN and nxt not in " \t\n" and not punct_after
            closes = (prev not in " \t\n" and (nxt in _AFTER_CLOSE or i + 1 == n)) or punct_after
            top = stack[-1][0] if stack else None
            if closes and not opens and top in ("c", "s"):
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
            elif opens and not closes:
                stack.append(("s", i))
            elif closes and not stack and not opens:
                # closes a quotation opened in an earlier paragraph: it covers this one
                ps = text.rfind("\n", 0, i) + 1
                out.append(QuoteSpan(ps, i + 1, ps, i, False, 0))
            elif top == "s":
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
            elif top == "c" and closes:
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
            else:
                stack.append(("s", i))
        elif c == "‘":
            prev = text[i - 1] if i else " "
            if not prev.isalnum():
                stack.append(("a", i))
        elif c == "’":
            nxt = text[i + 1] if i + 1 < n else " "
            if stack and stack[-1][0] == "a" and not nxt.isalnum():
                _, s = stack.pop()
                out.append(QuoteSpan(s, i + 1, s + 1, i, True, len(stack)))
    while stack:
        _, s = stack.pop()
        out.append(QuoteSpan(s, n, s + 1, n, False, len(stack)))
    out.sort(key=lambda q: (q.start, -q.end))
    return out
