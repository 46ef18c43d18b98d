"""Gender of a person cluster from the strongest evidence.

Order of strength: honorific or gendered title (``bà``, ``ông``, ``Mrs``), explicit words
(``nữ ca sĩ``, ``cô gái tên``), a coreferent pronoun (``she``, ``bà ấy``), public-figure
knowledge, the middle name (Thị / Văn), given-name statistics. Job titles and topic are
never used. When the best cue is missing or conflicting the answer is ``unknown``.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..types import Evidence
from .cluster import Cluster
from .lexicon import people_lexicon
from .names import en_name_gender, vi_name_gender

@lru_cache(maxsize=1)
def _known_last() -> dict[str, str]:
    """Last word of a known public figure's name -> gender, when all agree."""
    out: dict[str, str | None] = {}
    for k, v in people_lexicon().known.items():
        w = k.split()[-1]
        out[w] = v if out.get(w, v) == v else None
    return {k: v for k, v in out.items() if v}


_RELIGIOUS = (
    "thiền sư", "sư ", "sư thầy", "đại đức", "thượng tọa", "thượng toạ", "hòa thượng", "hoà thượng",
    "ni sư", "ni cô", "sư cô", "linh mục", "mục sư", "giám mục", "hồng y", "giáo hoàng",
)

PRIORITY = ("honorific", "explicit", "pronoun", "knowledge", "middle_name", "given_name")


def name_cues(cl: Cluster) -> list[Evidence]:
    """Evidence from honorifics, explicit words, knowledge and the name itself."""
    lex = people_lexicon()
    ev: list[Evidence] = []
    hon = [c for c in cl.cands if c.hon_gender]
    if hon:
        votes = Counter(c.hon_gender for c in hon)
        g, n = votes.most_common(1)[0]
        if n > sum(votes.values()) - n:
            c = next(c for c in hon if c.hon_gender == g)
            ev.append(Evidence("honorific", c.honorific, c.hon_start, c.hon_start + len(c.honorific), g))
    for c in cl.cands:
        if c.explicit:
            g, t, s, e = c.explicit
            ev.append(Evidence("explicit", t, s, e, g))
            break
    low = [t.lower() for t in cl.tokens]
    key = " ".join(low)
    best = max(cl.cands, key=lambda c: len(c.tokens))
    g = lex.known.get(key)
    if g is None and len(low) == 1:
        # a one-word name ("Putin", "Merkel") of a well-known public figure
        g = lex.known_single.get(key)
        if g is None:
            g = _known_last().get(key)
    if g is None and best.foreign and len(low) >= 2:
        g = lex.known_first.get(low[0])
    if g:
        ev.append(Evidence("knowledge", best.tokens and " ".join(best.tokens), best.name_start, best.name_end, g))
    religious = any(t.lower().startswith(_RELIGIOUS) for c in cl.cands for t in c.titles)
    if religious:
        pass  # dharma / religious names do not follow lay naming statistics
    elif cl.chinese and not best.foreign:
        pass  # a Chinese name in Sino-Vietnamese reading: Vietnamese name statistics do not apply
    elif best.foreign:
        if len(low) >= 2:
            r = en_name_gender(cl.tokens[0])
            if r:
                ev.append(Evidence(r[1], cl.tokens[0], best.name_start, best.name_start + len(cl.tokens[0]), r[0] + ": " + r[2]))
    else:
        r = vi_name_gender(cl.tokens, best.has_family)
        if r:
            ev.append(Evidence(r[1], " ".join(cl.tokens), best.name_start, best.name_end, r[0] + ": " + r[2]))
    return ev


def decide(evidence: list[Evidence]) -> tuple[str, list[Evidence]]:
    """(gender, evidence sorted strongest first, contradicted cues dropped)."""
    if not evidence:
        return "unknown", [Evidence("none", detail="no gender cue in the text")]
    ranked = sorted(evidence, key=lambda e: PRIORITY.index(e.cue) if e.cue in PRIORITY else 99)
    top = ranked[0]
    g = _gender_of(top)
    if g is None:
        return "unknown", [Evidence("none", detail="no gender cue in the text")]
    # conflicting cues of the same strength: be honest
    same = [e for e in ranked if e.cue == top.cue and _gender_of(e) not in (None, g)]
    if same:
        return "unknown", [Evidence("none", detail=f"conflicting {top.cue} cues")] + ranked
    kept = [e for e in ranked if _gender_of(e) == g]
    return g, kept


def _gender_of(e: Evidence) -> str | None:
    d = e.detail.split(":", 1)[0].strip()
    return d if d in ("female", "male") else None
