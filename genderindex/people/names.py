"""Name structure and name-based gender statistics.

* :func:`is_vi_syllable` tells a Vietnamese syllable ("Hương") from a foreign word
  ("Putin", "Kerry"), so that foreign names in Vietnamese text get the English first-name
  table and Vietnamese names the Vietnamese tables.
* :func:`name_gender` gives the gender suggested by a name with its cue
  (``middle_name`` or ``given_name``), or ``None`` when the statistics are not decisive.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import name_tables, people_lexicon

_V = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_VI_SYL = re.compile(
    rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_V}]{{1,3}}(?:ch|ng|nh|[cmnpt])?$"
)
_TONED = frozenset("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵăâêôơưđ")

#: thresholds: a name gives a gender only when p_female >= HI or <= LO with enough bearers
P_HIGH, P_LOW = 0.8, 0.2
MIN_VI, MIN_PAIR, MIN_EN = 8, 3, 100
EN_HIGH, EN_LOW = 0.95, 0.05
MIN_MIDDLE, MIDDLE_MARGIN = 50, 0.03
#: a very common US first name may decide with a lower margin
EN_HIGH_COMMON, EN_LOW_COMMON, MIN_EN_COMMON = 0.85, 0.15, 1000


@lru_cache(maxsize=8192)
def is_vi_syllable(token: str) -> bool:
    """True for a possible Vietnamese syllable (case-insensitive)."""
    return bool(_VI_SYL.match(token.lower()))


def has_vi_marks(token: str) -> bool:
    """True when the word carries Vietnamese tone or vowel marks."""
    return not _TONED.isdisjoint(token.lower())


def is_foreign(tokens: list[str]) -> bool:
    """True when a name is not a Vietnamese syllable sequence (e.g. "Barack Obama")."""
    return _is_foreign(tuple(tokens))


@lru_cache(maxsize=8192)
def _is_foreign(tokens: tuple[str, ...]) -> bool:
    real = [t for t in tokens if not t.endswith(".")]
    if not real or any(has_vi_marks(t) for t in real):
        return False
    return not all(is_vi_syllable(t) for t in real)


def _decide(p: float, n: int, min_n: int, hi: float = P_HIGH, lo: float = P_LOW) -> str | None:
    if n < min_n:
        return None
    if p >= hi:
        return "female"
    if p <= lo:
        return "male"
    return None


def vi_name_gender(tokens: list[str], has_family: bool) -> tuple[str, str, str] | None:
    """(gender, cue, detail) from a Vietnamese name's middle/given syllables, or None."""
    toks = [t.lower() for t in tokens if not t.endswith(".")]
    if not toks:
        # initials only ("Lê Thị H." keeps Thị); fall through with the raw tokens
        toks = [t.lower() for t in tokens]
    low = [t.lower() for t in tokens]
    start = 1 if has_family and len(low) >= 2 else 0
    inner = low[start:-1] if len(low) >= 2 else []
    if len(low) == 2 and (not has_family or low[0] in ("thị", "văn")):
        inner = low[:1]
    if "thị" in inner:
        return "female", "middle_name", "middle name Thị"
    if "văn" in inner:
        return "male", "middle_name", "middle name Văn"
    if tokens[-1].endswith("."):
        return None
    t = name_tables()
    given = low[-1]
    if len(low) >= 2 and ((len(low) - start) >= 2 or len(low) == 2):
        pair = " ".join(low[-2:])
        pv = t["vi_pair"].get(pair)
        if pv:
            # "Lê Minh" may be family + given: then the pair needs more support
            g = _decide(pv[0], pv[1], MIN_PAIR if (len(low) - start) >= 2 else 2 * MIN_PAIR + 2)
            if g:
                return g, "given_name", f"given names '{pair}': p(female)={pv[0]:.2f}, n={pv[1]}"
    gv = t["vi_given"].get(given)
    if gv:
        g = _decide(gv[0], gv[1], MIN_VI)
        if g:
            return g, "given_name", f"given name '{given}': p(female)={gv[0]:.2f}, n={gv[1]}"
    # given name first, family name last ("Kiên Trần"): the first syllable is the given name
    if len(low) == 2 and not has_family and low[1] in people_lexicon().family_names:
        fv = t["vi_given"].get(low[0])
        if fv and not (gv and gv[1] >= fv[1]):
            g = _decide(fv[0], fv[1], MIN_VI)
            if g:
                return g, "given_name", f"given name '{low[0]}' before family name '{low[1]}': p(female)={fv[0]:.2f}, n={fv[1]}"
    # a strongly gendered middle syllable (Quang, Đình, Tiến are almost only male)
    mids = low[1:-1] if len(low) >= 3 else low[:1] if len(low) == 2 else []
    for mid in mids:
        mv = t["vi_middle"].get(mid)
        if mv:
            g = _decide(mv[0], mv[1], MIN_MIDDLE, 1 - MIDDLE_MARGIN, MIDDLE_MARGIN)
            if g:
                return g, "given_name", f"middle name '{mid}': p(female)={mv[0]:.2f}, n={mv[1]}"
    return None


@lru_cache(maxsize=8192)
def en_name_gender(first: str) -> tuple[str, str, str] | None:
    """(gender, "given_name", detail) from the US first-name table (then a short list of
    common names of other naming traditions), or None."""
    f = first.lower().strip(".")
    v = name_tables()["en_first"].get(f)
    if not v or (v[1] < MIN_EN_COMMON and EN_LOW < v[0] < EN_HIGH):
        w = people_lexicon().world_first.get(f)
        if w:
            return w, "given_name", f"{w}: first name '{first}' (common-name list)"
    if not v:
        return None
    g = _decide(v[0], v[1], MIN_EN, EN_HIGH, EN_LOW) or _decide(
        v[0], v[1], MIN_EN_COMMON, EN_HIGH_COMMON, EN_LOW_COMMON
    )
    if g:
        return g, "given_name", f"first name '{first}': p(female)={v[0]:.2f}, n={v[1]} (SSA)"
    return None


def is_en_first_name(token: str, min_n: int = 200) -> bool:
    """True when ``token`` is a common US first name."""
    v = name_tables()["en_first"].get(token.lower())
    return bool(v and v[1] >= min_n)
