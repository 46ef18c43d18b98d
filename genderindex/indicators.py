"""Article-level indicators: counts by gender of people, sources, experts/officials,
and language findings inside/outside quotes."""
from __future__ import annotations

from collections import Counter
from typing import Any

from .types import ArticleAnalysis

GENDERS = ("female", "male", "unknown")


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
        1 for f in a.findings if f.category in ("gbv_trivialising", "gbv_victim_blaming") and not f.in_quote
    )
    return ind
