"""Tokens, capitalised runs and title phrases: the raw material of name candidates.

Runs are found with one regular expression over the text (no full tokenisation), and
title phrases with one Aho-Corasick pass, so the cost per article stays small.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

_UPPER = "".join(
    re.escape(chr(c)) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha()
)
_UP = f"[{_UPPER}]"
_VOWELS = "AEIOUYĂÂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ"
#: lower-case particles inside foreign names ("Erik ten Hag", "Ursula von der Leyen")
PARTICLES = frozenset("van von der den de da di du dos das del della ten ter bin ibn al el le la".split())
_PART = "|".join(sorted(PARTICLES, key=len, reverse=True))
_INI = rf"(?:{_UP}\.){{1,4}}(?![^\W\d_])"
_CAPW = rf"(?:{_UP}[^\W\d_]*(?:['’\-][^\W\d_]+)+|{_UP}[^\W\d_]+|[{_VOWELS}](?![\w.]))"
_ITEM = rf"(?:{_INI}|{_CAPW})"
# The first item is written with its upper-case letter first and the "no letter, apostrophe
# or hyphen before" test as a look-behind after it: a pattern that starts with a character
# class lets the regex engine skip quickly to the next upper-case letter (3x faster than a
# leading look-behind). Same matches as ``(?<![^\W\d_])(?<!['’\-]){_ITEM}``.
_FIRST_ITEM = (
    rf"{_UP}(?<!(?:[^\W\d_]|['’\-])[\s\S])"
    rf"(?:\.(?:{_UP}\.){{0,3}}(?![^\W\d_])"  # initials
    rf"|[^\W\d_]*(?:['’\-][^\W\d_]+)+|[^\W\d_]+"  # capitalised words
    rf"|(?<=[{_VOWELS}])(?![\w.]))"  # a one-letter vowel word
)
_RUN_RE = re.compile(rf"{_FIRST_ITEM}(?:(?:[ \u00a0]|(?<=\.))(?:(?:{_PART}) )*{_ITEM})*")
#: a word starting with an upper-case letter (letter first, then the look-behind: see above)
CAP_WORD_RE = re.compile(rf"{_UP}(?<![^\W\d_][\s\S])")
_IN_RUN_RE = re.compile(rf"(?P<ini>{_INI})|(?P<w>[^\W\d_]+(?:['’\-][^\W\d_]+)*)")

# initials, words (with inner hyphens/apostrophes), numbers, punctuation
_TOKEN_RE = re.compile(
    rf"(?P<ini>{_INI})"
    r"|(?P<w>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<n>\d+)"
    r"|(?P<p>[^\w\s])"
)


class Tok:
    """A token with offsets; ``cap``: starts with an upper-case letter (not all-caps) or
    is initials; ``caps``: all-caps word of 2+ letters (acronym, shouting byline)."""

    __slots__ = ("start", "end", "text", "kind")

    def __init__(self, start: int, end: int, text: str, kind: str, cap: bool = False, caps: bool = False):
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind  # ini | w | n | p

    @property
    def cap(self) -> bool:
        return _classify(self.text, self.kind)[0]

    @property
    def caps(self) -> bool:
        return _classify(self.text, self.kind)[1]


class RunTok(Tok):
    """A token of a capitalised run (:func:`find_runs`) with its lower-case text ``low``,
    which the mention finders look up many times."""

    __slots__ = ("low",)

    def __init__(self, start: int, end: int, text: str, kind: str, cap: bool = False, caps: bool = False):
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.low = text.lower()


def _classify(t: str, kind: str) -> tuple[bool, bool]:
    if kind == "w":
        caps = len(t) >= 2 and t.isupper()
        return (t[0].isupper() and not caps and (len(t) >= 2 or t in _VOWELS)), caps
    if kind == "ini":
        return True, False
    return False, False


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets in ``text``."""
    out = []
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        out.append(Tok(s, e, text[s:e], m.lastgroup or "p"))
    return out


_LOWER = "".join(re.escape(chr(c)) for c in range(0x61, 0x1F00) if chr(c).islower() and chr(c).isalpha())
_GLUED_RE = re.compile(f"[{_LOWER}][{_UPPER}]")


def _glued_at(t: str) -> int:
    """Index of the first lower-to-upper change at or after position 3 ("NộiAn" -> 3)."""
    if t[1:].islower():
        return 0  # the usual case: no upper-case letter after the first
    m = _GLUED_RE.search(t, 2)
    return m.start() + 1 if m else 0


def _run_items(text: str, m: re.Match) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of the initials and words inside a run match."""
    w = m.group()
    parts = w.split(" ")
    if "" not in parts and "".join(parts).isalpha():
        # only letters and single spaces (the usual case): split at the spaces
        out = []
        s = m.start()
        for p in parts:
            out.append((s, s + len(p), p, "w"))
            s += len(p) + 1
        return out
    return [(t.start(), t.end(), t.group(), t.lastgroup or "w") for t in _IN_RUN_RE.finditer(text, m.start(), m.end())]


def find_runs(text: str, skip: frozenset = frozenset()) -> list[list[RunTok]]:
    """Maximal runs of capitalised words/initials separated by single spaces (all-caps
    words and glued words such as "NộiAn" split runs), as token lists. One-word runs whose
    lower-case form is in ``skip`` (sentence-initial function words) are left out."""
    res: list[list[RunTok]] = []
    for m in _RUN_RE.finditer(text):
        w = m.group()
        if " " not in w and "\u00a0" not in w and "." not in w:
            # the usual case: one capitalised word (nothing to trim)
            if w.lower() in skip:
                continue
            if not (len(w) >= 2 and w.isupper()):
                if w[1:].islower() or not _glued_at(w):
                    s, e = m.span()
                    res.append([RunTok(s, e, w, "w")])
                    continue
        out: list[list[RunTok]] = []
        cur: list[RunTok] = []
        trim = False  # a particle or a split-off word may start or end a run
        for s, e, w, kind in _run_items(text, m):
            if kind == "w":  # _classify(w, kind), inlined
                caps = len(w) >= 2 and w.isupper()
                cap = w[0].isupper() and not caps and (len(w) >= 2 or w in _VOWELS)
            else:
                cap, caps = kind == "ini", False
            if caps or (kind == "w" and not cap and w not in PARTICLES):
                if cur:
                    out.append(cur)
                cur = []
                continue
            k = 0 if not cap or w[1:].islower() else _glued_at(w)
            if k:
                trim = True
                cur.append(RunTok(s, s + k, w[:k], kind, True, False))
                out.append(cur)
                rest = w[k:]
                cur = [RunTok(s + k, e, rest, kind, len(rest) >= 2, False)] if len(rest) >= 2 else []
                continue
            trim = trim or not cap
            cur.append(RunTok(s, e, w, kind, cap, caps))
        if cur:
            out.append(cur)
        if not trim:
            res.extend(out)
            continue
        # particles only inside a run
        for r in out:
            while r and not r[-1].cap:
                r = r[:-1]
            while r and not r[0].cap:
                r = r[1:]
            if r:
                res.append(r)
    return res


class TitleIndex:
    """All title phrases of a text (one Aho-Corasick pass over the lower-cased text)."""

    def __init__(self, lower: str, automaton, modifiers: frozenset):
        ends: list[int] = []
        spans: list[tuple[int, int, str]] = []
        best_at_end: dict[int, tuple[int, str]] = {}
        self.max_end_at: dict[int, int] = {}
        n = len(lower)
        for e_incl, phrase in automaton.iter(lower):
            e = e_incl + 1
            s = e - len(phrase)
            if s > 0 and (lower[s - 1].isalpha()):
                continue
            if e < n and lower[e].isalpha():
                continue
            prev = best_at_end.get(e)
            if prev is None or s < prev[0]:
                best_at_end[e] = (s, phrase)
            if self.max_end_at.get(s, -1) < e:
                self.max_end_at[s] = e
        for e in sorted(best_at_end):
            s, phrase = best_at_end[e]
            # modifiers before the title: "cựu", "nguyên", "phó", "Former"
            while True:
                m_start = _modifier_before(lower, s, modifiers)
                if m_start is None:
                    break
                s = m_start
            ends.append(e)
            spans.append((s, e, phrase))
        self.ends = ends
        self.spans = spans
        self.end_set = frozenset(ends)

    def last_before(self, pos: int, lo: int) -> tuple[int, int, str] | None:
        """The title phrase ending last at or before ``pos`` and starting at or after ``lo``."""
        k = bisect.bisect_right(self.ends, pos) - 1
        while k >= 0:
            s, e, ph = self.spans[k]
            if s < lo:
                return None
            return s, e, ph
        return None


_PREV_WORD = re.compile(r"([^\W\d_]+-?)\s+$")


def _modifier_before(lower: str, s: int, modifiers: frozenset) -> int | None:
    """Start of the word ``_PREV_WORD`` finds in the 16 characters before ``s`` when it is
    one of ``modifiers``, else None. A plain word is checked without the regex."""
    window = lower[max(0, s - 16) : s]
    tail = window.rstrip()
    if len(tail) == len(window):
        return None  # no white space before s
    word = tail.rsplit(None, 1)[-1] if tail else ""
    if (word[:-1] if word.endswith("-") else word).isalpha():
        # letters (and a hyphen) after white space or the window start: the regex's word
        return s - (len(window) - len(tail)) - len(word) if word in modifiers else None
    mm = _PREV_WORD.search(lower, max(0, s - 16), s)
    return mm.start(1) if mm and mm.group(1) in modifiers else None


@lru_cache(maxsize=4)
def automaton(phrases: frozenset):
    """An Aho-Corasick automaton over ``phrases`` (lower case)."""
    import ahocorasick

    a = ahocorasick.Automaton()
    for p in phrases:
        a.add_word(p, p)
    a.make_automaton()
    return a



def matches_at(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern that can only match at some of the
    sorted ``starts`` (a cheap superset found beforehand, e.g. keyword positions), which
    avoids running a slow pattern at every position. The pattern must not match empty."""
    out = []
    end = 0
    for s in starts:
        if s >= end:
            m = pattern.match(text, s)
            if m:
                out.append(m)
                end = m.end()
    return out
