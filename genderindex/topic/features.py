"""Feature extraction for the topic classifier, shared by training and inference.

Plain Python only (regex + dicts + pyahocorasick), so that classification stays cheap.
Text is expected normalised (``normalize_text``) and folded (``fold``) already.

Features of one article:

* word n-grams (syllables for Vietnamese): unigrams ``w`` and bigrams ``"w1 w2"``
  inside a clause (no bigram across punctuation), over title + body;
* the same n-grams of the title alone, prefixed ``t:``;
* lexicon counts: for each lexicon category ``c``, ``lex:c`` = log(1 + matches in the
  article) and ``lex:c:title`` = 1 when the title has a match.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Iterator

# letters (any script, no digits/underscore) or a clause boundary
_TOKEN_RE = re.compile(r"[^\W\d_]+|[.!?;:,()\[\]\"“”«»…\n]")
_BOUNDARY = frozenset(".!?;:,()[]\"“”«»…\n")
TITLE_PREFIX = "t:"


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` with ``""`` marking clause boundaries."""
    return [("" if t in _BOUNDARY else t) for t in _TOKEN_RE.findall(text)]


def ngrams(toks: list[str], prefix: str = "") -> Iterator[str]:
    """Unigrams and within-clause bigrams of a token list (see :func:`tokens`)."""
    prev = ""
    for t in toks:
        if not t:
            prev = ""
            continue
        yield prefix + t
        if prev:
            yield prefix + prev + " " + t
        prev = t


def article_ngrams(title: str, full: str) -> list[str]:
    """All n-gram features of one article: ``full`` (title + body) and ``t:`` title ones."""
    out = list(ngrams(tokens(full)))
    if title:
        out.extend(ngrams(tokens(title), TITLE_PREFIX))
    return out


class LexiconMatcher:
    """Counts whole-word matches of lexicon terms, per category (Aho-Corasick)."""

    def __init__(self, lexicons: dict[str, list[str]]):
        import ahocorasick

        self.categories = sorted(lexicons)
        self._auto = ahocorasick.Automaton()
        bucket: dict[str, set[str]] = {}
        for cat in self.categories:
            for term in lexicons[cat]:
                key = " ".join(term.lower().split())
                if key:
                    bucket.setdefault(key, set()).add(cat)
        for key, cats in bucket.items():
            self._auto.add_word(key, (len(key), tuple(sorted(cats))))
        self._empty = not bucket
        if not self._empty:
            self._auto.make_automaton()

    def matches(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, categories)`` of each whole-word match in ``text``."""
        if self._empty:
            return
        n = len(text)
        for end_i, (length, cats) in self._auto.iter(text):
            s = end_i - length + 1
            e = end_i + 1
            if s > 0 and text[s - 1].isalnum():
                continue
            if e < n and text[e].isalnum():
                continue
            yield s, e, cats

    def counts(self, text: str) -> dict[str, int]:
        """Number of matches per category."""
        out: dict[str, int] = {}
        for _, _, cats in self.matches(text):
            for c in cats:
                out[c] = out.get(c, 0) + 1
        return out

    def features(self, title: str, full: str) -> dict[str, float]:
        """Lexicon features (``lex:c`` and ``lex:c:title``) of one article."""
        feats: dict[str, float] = {}
        for c, k in self.counts(full).items():
            feats["lex:" + c] = math.log1p(k)
        if title:
            for c in self.counts(title):
                feats["lex:" + c + ":title"] = 1.0
        return feats

    def feature_names(self) -> list[str]:
        """Every lexicon feature name, in a fixed order."""
        names = []
        for c in self.categories:
            names += ["lex:" + c, "lex:" + c + ":title"]
        return names


def prepare_text(title: str | None, body: str) -> tuple[str, str]:
    """``(title, full)`` normalised and folded, as the classifier sees an article."""
    from ..text.normalize import fold, normalize_text

    t = fold(normalize_text(title)) if title else ""
    b = fold(normalize_text(body))
    return t, (t + "\n\n" + b if t else b)


def iter_docs(records: Iterable[dict]) -> Iterator[tuple[str, str]]:
    """``prepare_text`` over records with ``title`` and ``text`` fields."""
    for r in records:
        yield prepare_text(r.get("title") or "", r.get("text") or "")
