"""Tokens and capitalised runs: the raw material of person-name candidates."""
from __future__ import annotations

import re
from dataclasses import dataclass

# initials ("H.", "N.T.H.", "Đ.Q."), words (with inner hyphens/apostrophes), numbers, punctuation
_TOKEN_RE = re.compile(
    r"(?P<ini>(?:[A-ZĐ]\.){1,4})(?![^\W\d_])"
    r"|(?P<w>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<n>\d+)"
    r"|(?P<p>[^\w\s])"
)


_VOWELS = frozenset("AEIOUYĂÂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ")
#: lower-case particles inside foreign names ("Erik ten Hag", "Ursula von der Leyen")
PARTICLES = frozenset("van von der den de da di du dos das del della ten ter bin ibn al el le la".split())


def _glued_at(t: str) -> int:
    for k in range(3, len(t)):
        if t[k].isupper() and t[k - 1].islower():
            return k
    return 0


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    kind: str  # ini | w | n | p
    cap: bool  # starts with an upper-case letter (and is not all-caps), or initials
    caps: bool  # all-caps word of 2+ letters (acronym, shouting byline)


def tokenize(text: str) -> list[Tok]:
    """All tokens of ``text`` with offsets."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "p"
        t = m.group()
        if kind == "w":
            caps = len(t) >= 2 and t.isupper()
            cap = t[0].isupper() and not caps and (len(t) >= 2 or t in _VOWELS)
            k = _glued_at(t) if cap else 0
            if k:
                # glued words ("NộiAn", "VnExpress"): split at the lower-to-upper change
                s0 = m.start()
                out.append(Tok(s0, s0 + k, t[:k], kind, True, False))
                out.append(Tok(s0 + k, m.end(), t[k:], kind, t[k:][0].isupper() and len(t) - k >= 2, False))
                continue
        elif kind == "ini":
            caps, cap = False, True
        else:
            caps = cap = False
        out.append(Tok(m.start(), m.end(), t, kind, cap, caps))
    return out


def runs(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of maximal runs of capitalised words/initials separated by
    single spaces (a line break or punctuation ends a run)."""
    out = []
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].cap:
            i += 1
            continue
        j = i + 1
        while j < n:
            t = toks[j]
            if not t.cap:
                # "Erik ten Hag": a particle between two capitalised words
                if not (t.text in PARTICLES and j + 1 < n and toks[j + 1].cap and text[t.end : toks[j + 1].start] == " "):
                    break
            gap = text[toks[j - 1].end : t.start]
            if gap not in (" ", "\u00a0") and not (gap == "" and toks[j - 1].kind == "ini"):
                break
            j += 1
        while j - 1 > i and not toks[j - 1].cap:
            j -= 1
        out.append((i, j))
        i = j
    return out
