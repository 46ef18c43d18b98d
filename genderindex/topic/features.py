"""Feature extraction for the topic classifier, shared by training and inference.

Plain Python only (regex + dicts + pyahocorasick), so that classification stays cheap.
Text is expected normalised (``normalize_text``) and folded (``fold``) already.

Features of one article:

* word n-grams (syllables for Vietnamese) of title + body: unigrams ``w`` (letter runs)
  and bigrams ``"w1 w2"`` (two words separated by exactly one space, so never across
  punctuation or a line break); the same n-grams of the title alone, prefixed ``t:``.
  :func:`ngrams` lists candidate n-grams for training; :class:`NgramCounter` counts the
  n-grams of a fixed vocabulary fast, and is what both training and inference use for
  the feature values;
* lexicon counts: for each lexicon category ``c``, ``lex:c`` = log(1 + matches in the
  article) and ``lex:c:title`` = 1 when the title has a match;
* category pairs in one sentence: ``pair:a+b`` = log(1 + sentences holding both), e.g.
  a violence word next to a partner word (``violence+partner``) versus next to a carer
  or school word (``violence+carer``) — what separates domestic violence from abuse in
  a nursery, which share most of their vocabulary.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from itertools import filterfalse
from typing import Iterable, Iterator

# letters (any script, no digits/underscore) or a clause boundary
_TOKEN_RE = re.compile(r"[^\W\d_]+|[.!?;:,()\[\]\"“”«»…\n]")
_BOUNDARY = frozenset(".!?;:,()[]\"“”«»…\n")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# a sentence ends at . ! ? or a line break (title and paragraphs are separate sentences)
_SENT_END_RE = re.compile(r"[.!?]+(?=\s|$)|\n")
TITLE_PREFIX = "t:"
#: characters of the body counted as the lead (for the ``lex:<c>:lead`` features)
LEAD_CHARS = 400


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


def _automaton(keys: Iterable[str]):
    import ahocorasick

    auto = ahocorasick.Automaton()
    n = 0
    for k in keys:
        auto.add_word(k, (len(k), k))
        n += 1
    if not n:
        return None
    auto.make_automaton()
    return auto


#: vocabulary → {token with non-letters → its in-vocabulary letter runs}, filled lazily
_SPLIT_CACHE: dict[frozenset, dict[str, tuple[str, ...]]] = {}


class NgramCounter:
    """Counts the n-grams of a fixed vocabulary in an article (title + body and ``t:`` title).

    Unigrams: whitespace tokens counted with ``collections.Counter``; a token with
    non-letters is split into its letter runs. Bigrams: Aho-Corasick matches of
    ``"w1 w2"`` with no letter right before or after.
    """

    def __init__(self, vocab: Iterable[str]):
        vocab = list(vocab)
        p = len(TITLE_PREFIX)
        plain = [f for f in vocab if not f.startswith(TITLE_PREFIX)]
        title = [f[p:] for f in vocab if f.startswith(TITLE_PREFIX)]
        self._uni = frozenset(f for f in plain if " " not in f)
        self._tuni = frozenset(f for f in title if " " not in f)
        self._bi = _automaton(f for f in plain if " " in f)
        self._tbi = _automaton(f for f in title if " " in f)

    @staticmethod
    def _count(text: str, uni: frozenset, auto, prefix: str, out: dict[str, int]) -> None:
        words = Counter(text.split())
        for w in uni.intersection(words):
            k = prefix + w if prefix else w
            out[k] = out.get(k, 0) + words[w]
        split = _SPLIT_CACHE.get(uni)
        if split is None:
            split = _SPLIT_CACHE.setdefault(uni, {})
        for w in filterfalse(str.isalpha, words):
            ts = split.get(w)
            if ts is None:
                ts = tuple(t for t in _LETTERS_RE.findall(w) if t in uni)
                if len(split) < 200_000:
                    split[w] = ts
            if ts:
                c = words[w]
                for t in ts:
                    k = prefix + t if prefix else t
                    out[k] = out.get(k, 0) + c
        if auto is None:
            return
        n = len(text)
        for end, (length, key) in auto.iter(text):
            s = end - length + 1
            if s > 0 and text[s - 1].isalpha():
                continue
            if end + 1 < n and text[end + 1].isalpha():
                continue
            k = prefix + key if prefix else key
            out[k] = out.get(k, 0) + 1

    def count(self, title: str, full: str) -> dict[str, int]:
        """In-vocabulary n-gram counts of a prepared article (see :func:`prepare_text`)."""
        out: dict[str, int] = {}
        self._count(full, self._uni, self._bi, "", out)
        if title:
            self._count(title, self._tuni, self._tbi, TITLE_PREFIX, out)
        return out


class LexiconMatcher:
    """Counts whole-word matches of lexicon terms, per category (Aho-Corasick)."""

    def __init__(self, lexicons: dict[str, list[str]], pairs: Iterable[Iterable[str]] = (),
                 stop: Iterable[str] = ()):
        import ahocorasick

        self.categories = sorted(lexicons)
        #: category pairs counted when both occur in one sentence (``pair:a+b`` features);
        #: an optional third category excludes the sentences that also hold it
        #: (``pair:a+b-c``: a violence word with a family word, but no carer word)
        self.pairs: list[tuple[str, str, str]] = []
        for pair in pairs:
            a, b, *rest = tuple(pair)
            c = rest[0] if rest else ""
            if len(rest) > 1 or any(x not in lexicons for x in (a, b, *rest)):
                raise ValueError(f"pair {pair!r}: expected two or three lexicon categories")
            self.pairs.append((a, b, c))
        self._auto = ahocorasick.Automaton()
        bucket: dict[str, set[str]] = {}
        for cat in self.categories:
            for term in lexicons[cat]:
                key = " ".join(term.lower().split())
                if key:
                    bucket.setdefault(key, set()).add(cat)
        for term in stop:  # phrases that only shadow shorter terms ("vợ chồng" = the couple)
            key = " ".join(term.lower().split())
            if key:
                bucket.setdefault(key, set())
        for key, cats in bucket.items():
            self._auto.add_word(key, (len(key), tuple(sorted(cats))))
        self._empty = not bucket
        if not self._empty:
            self._auto.make_automaton()

    def matches(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, categories)`` of the whole-word matches in ``text``, leftmost-longest:
        a term inside a longer match is not counted again (``bạo lực gia đình`` is one
        match, not also ``bạo lực`` and ``gia đình``), and stop phrases shadow the terms
        inside them without being matches themselves."""
        if self._empty:
            return
        n = len(text)
        found = []
        for end_i, (length, cats) in self._auto.iter(text):
            s = end_i - length + 1
            e = end_i + 1
            if s > 0 and text[s - 1].isalnum():
                continue
            if e < n and text[e].isalnum():
                continue
            found.append((s, -e, cats))
        found.sort()
        last = -1
        for s, neg_e, cats in found:
            if s < last:
                continue
            last = -neg_e
            if cats:
                yield s, last, cats

    def counts(self, text: str) -> dict[str, int]:
        """Number of matches per category."""
        out: dict[str, int] = {}
        for _, _, cats in self.matches(text):
            for c in cats:
                out[c] = out.get(c, 0) + 1
        return out

    def features(self, title: str, full: str) -> dict[str, float]:
        """Lexicon features of one article (``full`` = title + separator + body):
        ``lex:c`` = ln(1 + matches), ``lex:c:density`` = ln(1 + matches per 1,000
        characters), ``lex:c:title`` / ``lex:c:lead`` = 1 when a match is in the title /
        in the first ``LEAD_CHARS`` characters of the body; for each configured pair
        ``(a, b)``: ``pair:a+b`` = ln(1 + sentences holding both a match of ``a`` and one
        of ``b``; with a third category ``c``, only sentences without ``c`` count),
        ``pair:a+b:title`` = 1 when the title holds both and ``pair:a+b:lead`` = 1 when
        such a sentence has a match in the lead."""
        counts: dict[str, int] = {}
        flags: dict[str, float] = {}
        body_start = len(title) + 2 if title else 0
        lead_end = body_start + LEAD_CHARS
        pairs = self.pairs
        if pairs:
            ends = [m.end() for m in _SENT_END_RE.finditer(full)]
            per_sentence: dict[int, set[str]] = {}
            lead_sentences: set[int] = set()
        for s, _, cats in self.matches(full):
            where = ":title" if s < len(title) else (":lead" if body_start <= s < lead_end else "")
            for c in cats:
                counts[c] = counts.get(c, 0) + 1
                if where:
                    flags["lex:" + c + where] = 1.0
            if pairs:
                i = bisect_right(ends, s)
                per_sentence.setdefault(i, set()).update(cats)
                if where == ":lead":
                    lead_sentences.add(i)
        size = max(len(full), 300)
        feats: dict[str, float] = {}
        for c, k in counts.items():
            feats["lex:" + c] = math.log1p(k)
            feats["lex:" + c + ":density"] = math.log1p(1000.0 * k / size)
        feats.update(flags)
        if pairs:
            title_sentences = bisect_right(ends, len(title) - 1) if title else -1
            for a, b, c in pairs:
                hit = [i for i, cs in per_sentence.items() if a in cs and b in cs and c not in cs]
                if hit:
                    name = pair_name((a, b, c))
                    feats[name] = math.log1p(len(hit))
                    if min(hit) <= title_sentences:
                        feats[name + ":title"] = 1.0
                    if lead_sentences.intersection(hit):
                        feats[name + ":lead"] = 1.0
        return feats

    def feature_names(self) -> list[str]:
        """Every lexicon feature name, in a fixed order."""
        names = []
        for c in self.categories:
            names += ["lex:" + c + x for x in ("", ":density", ":title", ":lead")]
        for pair in self.pairs:
            names += [pair_name(pair) + x for x in ("", ":title", ":lead")]
        return names


def pair_name(pair: Iterable[str]) -> str:
    """Feature name of a category pair: ``pair:a+b``, or ``pair:a+b-c`` with an excluded category."""
    a, b, *rest = [x for x in pair if x]
    return "pair:" + a + "+" + b + ("-" + rest[0] if rest else "")


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
