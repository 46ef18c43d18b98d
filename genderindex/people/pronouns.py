"""Bare honorifics and pronouns that refer back to a named person.

Vietnamese: ``bà cho biết``, ``ông nói``, ``anh ấy``, ``cô ta``, ``hắn``; English: ``he``,
``she``, ``him``, ``her``, ``his``. Each resolves to the most recent person mentioned
before it (within a few sentences) whose gender is compatible. Words inside quotation
marks (often addressing someone) and kin compounds (``bà con``, ``anh em``, ``ông bà``)
are skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.document import TextDoc
from .lexicon import people_lexicon
from .scan import automaton, matches_at

WINDOW = 600  # characters to look back for the antecedent
GENDER_WINDOW = 250  # a pronoun gives a gender only to a person mentioned this close

_EN_RE = re.compile(r"(?<![\w'’])(he|him|his|himself|she|her|hers|herself)(?![\w'’])", re.IGNORECASE)
# where _EN_RE can start: a word starting with h/s followed by e/i/h, every letter that
# matches case-insensitively included (long s, dotless i, dotted I)
_EN_START = re.compile(r"[hHsSſ](?<![\w'’][\s\S])[eEiIıİhH]")


def _en_matches(text: str) -> list[re.Match]:
    """``list(_EN_RE.finditer(text))``, trying the pattern only where it can start."""
    return matches_at(_EN_RE, text, [m.start() for m in _EN_START.finditer(text)])


_EN_G = {"he": "male", "him": "male", "his": "male", "himself": "male"}
_PREV_BLOCK = frozenset(
    "các những hai ba mấy vài nhiều mọi quý cụ ông bà anh chị em cô chú bác con cháu thưa kính gửi lão "
    "vợ chồng cha mẹ bố ngoài cùng với".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def _vi_phrases() -> list[str]:
    lex = people_lexicon()
    bare = [h for h, v in lex.honorifics.items() if v.get("pronoun") and " " not in h]
    return sorted(set(lex.vi_pronouns) | set(bare), key=len, reverse=True)


@lru_cache(maxsize=1)
def _vi_re() -> re.Pattern:
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _vi_phrases())
    return re.compile(rf"(?<![^\W\d_])({alt})(?![^\W\d_])")


@lru_cache(maxsize=1)
def _vi_first_words():
    """Aho-Corasick automaton of the first words of the phrases of :func:`_vi_re`."""
    return automaton(frozenset(p.split()[0] for p in _vi_phrases()))


def _vi_starts(low: str) -> list[int]:
    """Offsets where ``_vi_re`` may match: a first word of its phrases standing as a word
    (one Aho-Corasick pass instead of trying the pattern at every position)."""
    n = len(low)
    starts = set()
    for e, w in _vi_first_words().iter(low):
        s = e + 1 - len(w)
        if (s == 0 or not low[s - 1].isalpha()) and (e + 1 == n or not low[e + 1].isalpha()):
            starts.add(s)
    return sorted(starts)


def find_references(doc: TextDoc) -> list[tuple[int, int, str, str | None]]:
    """(start, end, kind, gender) of bare honorifics/pronouns that may refer to a person."""
    out = []
    text, low = doc.text, doc.lower
    if doc.lang == "en":
        for m in _en_matches(text):
            w = m.group(1).lower()
            if doc.in_quote(m.start(), m.end()):
                continue
            out.append((m.start(), m.end(), "pronoun", _EN_G.get(w, "female")))
        return out
    lex = people_lexicon()
    for m in matches_at(_vi_re(), low, _vi_starts(low)):
        w = " ".join(m.group(1).split())
        s, e = m.span()
        # next word: a capitalised name or a kin/common-noun compound ends it
        nxt = _WORD.search(text, e, min(len(text), e + 30))
        if nxt is not None and text[e : nxt.start()].strip() == "":
            if nxt.group()[0].isupper():
                continue
            if nxt.group().lower() in lex.not_pronoun_next:
                continue
        prv = low[max(0, s - 12) : s].split()
        if prv and prv[-1] in _PREV_BLOCK:
            continue
        if doc.in_quote(s, e):
            continue
        if w in lex.vi_pronouns:
            out.append((s, e, "pronoun", lex.vi_pronouns[w]))
        else:
            out.append((s, e, "honorific", lex.honorifics[w]["gender"]))
    return out
