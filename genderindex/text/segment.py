"""Paragraph, sentence and syllable segmentation with offsets into the original text.

Handles what real Vietnamese news text throws at a splitter: abbreviations
(``TP.``, ``PGS.TS.``, ``Th.S``, ``Mr.``), anonymised initials (``chị H.``), closing
quotation marks after the full stop, glued sentences (``bếp.Lực``), blank lines and
headlines without a final full stop.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_LETTER = r"[^\W\d_]"

#: lower-cased words that take a full stop without ending a sentence
ABBREVIATIONS = frozenset(
    """
    tp tt q p ths th.s ts pgs gs bs bsck ks cn ths.bs pgs.ts gs.ts ts.bs ncs kts
    ông bà mr mrs ms dr prof st jr sr no nos vs etc inc ltd co corp gen sen rep gov lt col
    sgt capt cmdr adm maj mt ft jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k
    e.g i.e a.m p.m tr tp.hcm sens reps rev gens govs supt det insp sgts messrs mmes pres
    univ dept est approx fig
    """.split()
)

_PARA_RE = re.compile(r"[^\n]+")
# candidate sentence ends: terminal punctuation, then closing quotes/brackets, then space
# (a leading character class lets the regex engine skip fast; "..." is a run of [.!?…]+)
_END_RE = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+|$)")
# glued sentences: a lower-case word, a full stop, then a capitalised word ("bếp.Lực")
_GLUED_RE = re.compile(r"[.!?](?=[^\W\d_a-zđ][^\W\d_A-ZĐ])")
_WORD_BEFORE_RE = re.compile(rf"({_LETTER}[\w.]*)\.?$")
_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


@dataclass(slots=True, frozen=True)
class Segment:
    start: int
    end: int
    text: str
    paragraph: int = 0


def paragraphs(text: str) -> list[Segment]:
    """Non-blank lines of ``text``, stripped, with offsets."""
    out = []
    for i, m in enumerate(_PARA_RE.finditer(text)):
        s, e = m.span()
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if e - trail > s + lead:
            out.append(Segment(s + lead, e - trail, text[s + lead : e - trail], i))
    return out


_LOOKBACK = 40  # characters searched backwards for the word before a full stop
# up to the last character that is not a letter, digit, "_" or "." (greedy, one pass)
_LAST_NON_WORD_RE = re.compile(r".*[^\w.]", re.S)
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")


def _word_before(para: str, end: int) -> tuple[str, int] | None:
    """The word ending at ``para[end - 1]`` (dots inside allowed) and its start offset."""
    lo = max(0, end - _LOOKBACK)
    m = _LAST_NON_WORD_RE.match(para, lo, end)  # back over letters, digits, "_" and "."
    j = m.end() if m else lo
    while j < end and not para[j].isalpha():
        j += 1
    return (para[j:end], j) if j < end else None


def _is_abbreviation(para: str, dot: int) -> bool:
    """True when the full stop at ``para[dot]`` closes an abbreviation or initial."""
    if para[dot] != ".":
        return False
    found = _word_before(para, dot + 1)
    if not found:
        return False
    word, word_start = found
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS or low.split(".")[-1] in ABBREVIATIONS:
        return True
    # initials: "H.", "N.T.H.", "J."
    bare = word.rstrip(".")
    if _INITIALS_RE.fullmatch(bare) and bare[-1:].isupper():
        nxt = para[dot + 1 : dot + 80].lstrip()
        if not nxt[:1].isupper():
            return True
        # "John F. Kennedy", "N.T.H. Nguyễn Văn": the initial sits inside a name;
        # "chị H. Lực lượng...": a lower-case word before it, the sentence ends there
        before = para[max(0, word_start - _LOOKBACK) : word_start].rstrip().rsplit(None, 1)
        prev_cap = bool(before) and before[-1][:1].isupper()
        return prev_cap or _looks_like_name_start(nxt)
    return False


def _looks_like_name_start(s: str) -> bool:
    words = s.split(None, 2)
    return len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper()


def _sentence_ends(para: str) -> list[int]:
    ends = set()
    for m in _END_RE.finditer(para):
        punct_end = m.start() + len(m.group(0).rstrip("\"”’»)]"))
        if _is_abbreviation(para, punct_end - 1):
            continue
        rest = para[m.end() : m.end() + 8].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘«(-–—["):
            continue
        ends.add(m.end())
    for m in _GLUED_RE.finditer(para):
        if m.start() < 2 or not (para[m.start() - 1].isalpha() and para[m.start() - 2].isalpha()):
            continue
        found = _word_before(para, m.start())
        if found and found[0].islower() and found[0].lower() not in ABBREVIATIONS:
            ends.add(m.end())
    return sorted(ends)


def sentences(text: str, paras: list[Segment] | None = None) -> list[Segment]:
    """Sentences of ``text`` (each paragraph/line is split on its own), with offsets.
    ``paras``: ``paragraphs(text)`` when the caller already has it."""
    out: list[Segment] = []
    for para in paragraphs(text) if paras is None else paras:
        pos = 0
        ptext = para.text
        for end in _sentence_ends(ptext) + [len(ptext)]:
            chunk = ptext[pos:end]
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            s, e = para.start + pos + lead, para.start + end - trail
            if e > s:
                out.append(Segment(s, e, text[s:e], para.paragraph))
            pos = end
    return out


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Syllable/word and punctuation tokens as ``(start, end)`` offsets."""
    return [m.span() for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


# a dash first, then the "no non-space before" look-behind (fast scan); same matches as
# ``(?<!\S)[-–—]+(?!\S)``
_DASH_TOKEN_RE = re.compile(r"[-–—](?<!\S[-–—])[-–—]*(?!\S)")


def count_words(text: str) -> int:
    """Number of words (Vietnamese: syllables): whitespace-separated tokens that are not
    punctuation alone."""
    n = len(text.split())
    if " - " in text or " – " in text:
        n -= len(_DASH_TOKEN_RE.findall(text))
    return n


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
