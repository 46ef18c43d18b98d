"""Clustering of name mentions into individuals.

``Nguyễn Thị Hương`` … ``bà Hương`` … ``Hương`` become one person; ``Justin Trudeau`` …
``Trudeau`` too. A short form joins the most recent compatible person whose name ends
with it (or, for one-word forms, starts with it: ``ông Tập`` for ``Tập Cận Bình``).
Honorific gender keeps people apart: ``bà Minh`` never joins ``ông Minh``.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache

from .candidate import Cand
from .names import en_name_gender, is_en_first_name


@dataclass
class Cluster:
    tokens: list[str]
    cands: list[Cand] = field(default_factory=list)
    hint: str | None = None  # gender from honorifics / middle name, for compatibility
    last: int = 0
    low: list[str] = field(default_factory=list)
    prefix_ok: bool = False  # short forms may match the first word (family name / first name)
    chinese: bool = False  # a mention introduced the person as Chinese

    @property
    def key(self) -> str:
        return " ".join(self.tokens).lower()


_YI = str.maketrans("yỳýỷỹỵ", "iìíỉĩị")


def _low(tokens: list[str]) -> list[str]:
    """Comparison form: lower case, initials split ("K.V." -> "k." "v."), y/i spellings
    unified ("Sỹ" = "Sĩ")."""
    return list(_low_of(tuple(tokens)))


@lru_cache(maxsize=8192)
def _low_of(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for t in tokens:
        t = t.lower()
        if t.endswith(".") and len(t) > 2:
            out.extend(x + "." for x in t.split(".") if x)
        elif len(t) >= 2 and t[-1] in "yỳýỷỹỵ" and t[-2] not in "aăâeêoôơuưy":
            out.append(t[:-1] + t[-1].translate(_YI))
        else:
            out.append(t)
    return tuple(out)


def _hint(c: Cand) -> str | None:
    if not c.hint_done:
        c.hint = _hint_of(c)
        c.hint_done = True
    return c.hint


def _hint_of(c: Cand) -> str | None:
    if c.hon_gender:
        return c.hon_gender
    if c.explicit:
        return c.explicit[0]
    low = _low(c.tokens)
    if c.foreign and len(low) >= 2:
        r = en_name_gender(c.tokens[0])
        if r:
            return r[0]
    if not c.foreign and len(low) >= 3:
        inner = low[1:-1]
        if "thị" in inner:
            return "female"
        if "văn" in inner:
            return "male"
    return None


def _matches(short: list[str], full: list[str], prefix_ok: bool = True) -> bool:
    """True when ``short`` is a proper suffix of ``full`` (or a one-word prefix when
    ``prefix_ok``: a family name said first, "ông Tập", or a foreign first name)."""
    n = len(short)
    if n >= len(full):
        return False
    if full[-n:] == short:
        return True
    if (
        prefix_ok and n >= 2 and n == len(full) - 1 and full[:n] == short and is_en_first_name(short[0])
        and full[-1] not in ("jr", "jr.", "sr", "sr.")
    ):
        return True  # "Mary Jo" of "Mary Jo White": a double first name without the surname
    return prefix_ok and n == 1 and full[0] == short[0]


#: honorifics of a younger and of an older generation ("anh Tr." vs "ông Đinh Công Tr.")
_NO_VOWEL = re.compile(r"[^aăâeêioôơuưyAĂÂEÊIOÔƠUƯY]{1,3}$")
_YOUNG = frozenset("anh chị em cháu bé cậu".split())
_OLD = frozenset("ông bà cụ".split())


def _age(c: Cand) -> int:
    h = c.honorific.lower()
    return 1 if h in _YOUNG else 2 if h in _OLD else 0


def _age_clash(cl: "Cluster", c: Cand) -> bool:
    """True when an initial-only name ("Tr.") is said with honorifics of different
    generations (anh vs ông): two different people who share an initial."""
    a = _age(c)
    last = c.tokens[-1]
    if not a or not (c.initials or last.endswith(".") or _NO_VOWEL.match(last)):
        return False
    return any(_age(x) not in (0, a) for x in cl.cands)


def _distinct_first(a: str, b: str) -> bool:
    """True when two first names are both common names of their own ("Eric" and "Erica",
    "Daniel" and "Danielle"): relatives sharing a surname, not spelling variants."""
    return a != b and is_en_first_name(a, 500) and is_en_first_name(b, 500)


def _compatible(h1: str | None, h2: str | None) -> bool:
    return h1 is None or h2 is None or h1 == h2


#: a gendered pronoun or bare honorific later in the same sentence ("Sanders ... bà", "White ... she")
_CUE_AFTER = re.compile(
    r"[^.!?\n]{0,80}?(?<![^\W\d_])(bà|ông|cô ấy|anh ấy|she|he|her|his)(?![^\W\d_])(?!\s+[A-ZĐ])"
)
_CUE_GENDER = {"bà": "female", "cô ấy": "female", "she": "female", "her": "female",
               "ông": "male", "anh ấy": "male", "he": "male", "his": "male"}


def _cue_after(lower: str | None, c: Cand) -> str | None:
    """Gender of the first gendered pronoun after ``c`` in its sentence (a tie-break only)."""
    if lower is None:
        return None
    m = _CUE_AFTER.match(lower, c.end)
    return _CUE_GENDER.get(m.group(1)) if m else None


def cluster(cands: list[Cand], lower: str | None = None) -> list[Cluster]:
    """Group candidates into clusters; weak candidates only join existing clusters.
    ``lower`` (the document's lower-case text) lets a bare surname shared by a woman and
    a man follow a pronoun after it ("Sanders nói bà ...")."""
    clusters: list[Cluster] = []
    by_key: dict[str, list[Cluster]] = {}
    pending: list[Cand] = []

    owner: dict[int, Cluster] = {}

    def add(cl: Cluster, c: Cand) -> None:
        owner[id(c)] = cl
        cl.cands.append(c)
        if c.chinese:
            cl.chinese = True
        cl.last = max(cl.last, c.start)
        h = _hint(c)
        if cl.hint is None and h is not None:
            cl.hint = h

    def attach(c: Cand) -> bool:
        if c.low is None:
            c.low = _low(c.tokens)
            if c.foreign and len(c.low) >= 3:
                # "Donald J. Trump" = "Donald Trump": middle initials do not count
                c.low = [c.low[0]] + [w for w in c.low[1:-1] if not (len(w) == 2 and w.endswith("."))] + [c.low[-1]]
        low = c.low
        if len(low) == 1 and low[0] not in by_last and low[0] not in by_first and low[0] not in by_key:
            return False  # a lone word that repeats no known name
        c_len = len(low)
        h = _hint(c)
        aged = bool(c.honorific)  # only an honorific can clash (anh Tr. / ông ... Tr.)
        same = [cl for cl in by_key.get(" ".join(low), []) if _compatible(cl.hint, h) and not (aged and _age_clash(cl, c))]
        if not same and c.foreign and len(low) >= 2:
            # spelling variants of a foreign first name ("Vladmir Putin" = "Vladimir Putin")
            same = [
                cl
                for cl in clusters
                if len(cl.low) == c_len and cl.low[1:] == low[1:] and cl.low[0][:3] == low[0][:3]
                and not _distinct_first(cl.low[0], low[0])
            ]
        if same:
            add(max(same, key=lambda cl: cl.last), c)
            return True
        # short form of an earlier, longer name
        pool = by_last.get(low[-1], []) + by_first.get(low[0], []) if c_len == 1 else clusters
        longer = [
            cl for cl in pool if _compatible(cl.hint, h) and _matches(low, cl.low, cl.prefix_ok) and not (aged and _age_clash(cl, c))
        ]
        if len(longer) > 1 and c_len == 1 and h is None and len({cl.hint for cl in longer}) > 1:
            g = _cue_after(lower, c)
            if g:
                longer = [cl for cl in longer if cl.hint == g] or longer
        if longer:
            before = [cl for cl in longer if cl.last <= c.start]
            add(max(before or longer, key=lambda cl: cl.last), c)
            return True
        # longer form of an earlier short name ("Trump" ... "Donald Trump")
        if len(low) >= 2:
            shorter = [
                cl
                for cl in clusters
                if _compatible(cl.hint, h) and _matches(cl.low, low)
                and all(len(x.tokens) < len(low) for x in cl.cands) and not (aged and _age_clash(cl, c))
            ]
            if shorter:
                cl = max(shorter, key=lambda cl: cl.last)
                by_key[" ".join(cl.low)].remove(cl)
                cl.tokens = list(c.tokens)
                cl.low = low
                cl.prefix_ok = cl.prefix_ok or c.foreign or c.has_family
                index(cl)
                add(cl, c)
                return True
        return False

    by_last: dict[str, list[Cluster]] = {}
    by_first: dict[str, list[Cluster]] = {}

    def index(cl: Cluster) -> None:
        by_key.setdefault(" ".join(cl.low), []).append(cl)
        by_last.setdefault(cl.low[-1], []).append(cl)
        if cl.prefix_ok:
            by_first.setdefault(cl.low[0], []).append(cl)

    for c in sorted(cands, key=lambda c: c.start):
        if c.alias_of is not None and id(c.alias_of) in owner:
            cl = owner[id(c.alias_of)]
            add(cl, c)  # an alias in parentheses joins its person; later mentions of it too
            by_key.setdefault(" ".join(_low(c.tokens)), []).append(cl)
            continue
        if attach(c):
            continue
        if c.strong:
            cl = Cluster(tokens=list(c.tokens), low=list(c.low), prefix_ok=c.foreign or c.has_family)
            clusters.append(cl)
            index(cl)
            add(cl, c)
        else:
            pending.append(c)
    for c in pending:
        attach(c)
    return clusters
