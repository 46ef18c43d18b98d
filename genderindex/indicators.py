"""Article-level indicators: counts by gender of people, sources, experts/officials,
and language findings inside/outside quotes."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .text.segment import count_words
from .types import ArticleAnalysis

GENDERS = ("female", "male", "unknown")
GBV_CATEGORIES = ("gbv_trivialising", "gbv_victim_blaming")


def article_indicators(a: ArticleAnalysis) -> dict[str, Any]:
    """Counts used by the rubric and the audit (see the design notes)."""
    ind: dict[str, Any] = {}
    people = Counter(p.gender for p in a.people)
    sources = Counter(p.gender for p in a.people if p.quoted)
    experts = Counter(p.gender for p in a.people if p.quoted and p.function in ("expert", "official"))
    for g in GENDERS:
        ind[f"people_{g}"] = people.get(g, 0)
        ind[f"sources_{g}"] = sources.get(g, 0)
        ind[f"experts_officials_{g}"] = experts.get(g, 0)
    ind["findings_outside_quotes"] = sum(1 for f in a.findings if not f.in_quote)
    ind["findings_in_quotes"] = sum(1 for f in a.findings if f.in_quote)
    ind["findings_by_category"] = dict(Counter(f.category for f in a.findings))
    ind["gbv_wording_findings"] = sum(
        1 for f in a.findings if f.category in GBV_CATEGORIES and not f.in_quote
    )
    in_quotes = words_in_direct_quotes(a.quotes)
    ind["words_in_quotes"] = min(in_quotes, a.words)
    ind["words_outside_quotes"] = max(0, a.words - in_quotes)
    return ind


def words_in_direct_quotes(quotes) -> int:
    """Words inside direct quotes (overlapping quote spans counted once, per field)."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for q in quotes:
        if q.type == "direct" and q.end > q.start:
            spans.setdefault(q.field, []).append((q.start, q.end, q.text))
    total = 0
    for items in spans.values():
        items.sort()
        last_end = -1
        for s, e, text in items:
            if s >= last_end:
                total += count_words(text)
            elif e > last_end:  # partial overlap: count the part after last_end
                total += count_words(text[last_end - s:])
            last_end = max(last_end, e)
    return total
