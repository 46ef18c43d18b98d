"""Reporting cues per language, loaded once from ``lexicons/quotes/<lang>.yaml``.

Keys: ``strong`` / ``weak`` reporting verbs (weak ones need an explicit complement),
``participles`` (English ``saying``...), ``not_before`` / ``not_after`` exclusions per verb,
``blockers`` (negation/passive right before any verb), after-verb ``modifiers``,
``complementizers``, ``source_frames`` (clause-initial ``theo`` / ``according to``),
``reported_by`` (``dẫn lời`` anywhere), ``bare_speakers`` by gender, ``adverbs`` allowed
between a subject and its verb, ``title_determiners`` (``vị bộ trưởng``). Verbs and frames
are matched with Aho-Corasick (:class:`TermMatcher`), the rest with regular expressions
over ``doc.lower``. A malformed file raises :class:`LexiconError` naming file and key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import lexicon_dir

_B = r"(?<![\w])"  # left word boundary (works for Vietnamese letters)
_E = r"(?![\w])"


def _alt(words) -> str:
    """Longest-first alternation of ``words``; spaces match any whitespace run."""
    ws = sorted({w.strip().lower() for w in words if w and w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ws)


@dataclass(slots=True)
class QuoteLexicon:
    lang: str
    strong: frozenset[str]
    weak: frozenset[str]
    cues: TermMatcher | None = None
    frames: TermMatcher | None = None
    reported_by: TermMatcher | None = None
    not_before: dict[str, re.Pattern] = field(default_factory=dict)
    not_after: dict[str, re.Pattern] = field(default_factory=dict)
    modifiers_re: re.Pattern | None = None
    comp_re: re.Pattern | None = None
    bare_before_re: re.Pattern | None = None  # bare speaker right before a cue (anchored at end)
    bare_after_re: re.Pattern | None = None  # bare speaker right after a frame (anchored at start)
    bare_gender: dict[str, str] = field(default_factory=dict)
    blockers_re: re.Pattern | None = None  # negation/passive right before any cue
    title_dets: frozenset[str] = frozenset()
    participles: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    salience: bool = False  # re-resolve pronoun speakers by salience (subject first)

    def is_strong(self, cue: str) -> bool:
        return " ".join(cue.split()) in self.strong


class TermMatcher:
    """Whole-word, longest-first occurrences of fixed terms (Aho-Corasick, C speed)."""

    def __init__(self, terms):
        import ahocorasick

        self._auto = ahocorasick.Automaton()
        self.size = 0
        for t in {" ".join(str(t).lower().split()) for t in terms if str(t).strip()}:
            self._auto.add_word(t, t)
            self.size += 1
        if self.size:
            self._auto.make_automaton()

    def finditer(self, lower: str):
        """``(start, end, term)`` for each whole-word match, left to right, non-overlapping."""
        if not self.size:
            return
        n = len(lower)
        last_end = -1
        for end_idx, term in self._auto.iter_long(lower):
            end = end_idx + 1
            start = end - len(term)
            if start < last_end:
                continue
            if start > 0 and (lower[start - 1].isalnum() or lower[start - 1] == "_"):
                continue
            if end < n and (lower[end].isalnum() or lower[end] == "_"):
                continue
            last_end = end
            yield start, end, term


class LexiconError(ValueError):
    """A quotes lexicon file is malformed (the message names file and key)."""


def _check_list(data: dict, key: str, path) -> list[str]:
    val = data.get(key, [])
    if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
        raise LexiconError(f"{path}: '{key}' must be a list of strings")
    return val


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> QuoteLexicon:
    """The compiled quote lexicon for ``lang`` ("vi" or "en"; anything else uses "en")."""
    import yaml  # lazy: only on first use

    lang = lang if lang in ("vi", "en") else "en"
    path = lexicon_dir() / "quotes" / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    strong = _check_list(data, "strong", path)
    weak = _check_list(data, "weak", path)
    if not strong:
        raise LexiconError(f"{path}: 'strong' is empty")
    participles = _check_list(data, "participles", path)
    frames = _check_list(data, "source_frames", path)

    def ctx(key: str, before: bool) -> dict[str, re.Pattern]:
        out = {}
        for verb, words in (data.get(key) or {}).items():
            if not isinstance(words, list):
                raise LexiconError(f"{path}: '{key}.{verb}' must be a list")
            alt = _alt(str(w) for w in words)
            if before:
                out[" ".join(verb.lower().split())] = re.compile(r"(?:^|[^\w])(?:" + alt + r")\s*$")
            else:
                out[" ".join(verb.lower().split())] = re.compile(r"\s*(?:" + alt + ")" + _E)
        return out

    mods = _check_list(data, "modifiers", path)
    comps = _check_list(data, "complementizers", path)
    bare = data.get("bare_speakers") or {}
    bare_gender: dict[str, str] = {}
    for g in ("male", "female", "any"):
        for w in bare.get(g, []) or []:
            bare_gender[" ".join(str(w).lower().split())] = g
    blockers = _check_list(data, "blockers", path)
    adverbs = _check_list(data, "adverbs", path)
    adv = r"(?:\s+(?:" + _alt(adverbs) + "))*" if adverbs else ""
    bare_alt = _alt(bare_gender)
    return QuoteLexicon(
        lang=lang,
        strong=frozenset(" ".join(w.lower().split()) for w in strong + participles),
        weak=frozenset(" ".join(w.lower().split()) for w in weak),
        not_before=ctx("not_before", True),
        not_after=ctx("not_after", False),
        modifiers_re=re.compile(r"(?:\s+(?:" + _alt(mods) + ")" + _E + ")+") if mods else None,
        comp_re=re.compile(r"\s*(?:" + _alt(comps) + ")" + _E) if comps else None,
        bare_before_re=re.compile(r"(?:^|(?<=[\s,.:;“\"(\-–—]))(" + bare_alt + ")" + adv + r"\s+$"),
        bare_after_re=re.compile(r"(" + bare_alt + ")" + _E),
        bare_gender=bare_gender,
        cues=TermMatcher(strong + weak + participles),
        adverbs=frozenset(w for a in adverbs for w in str(a).lower().split()),
        participles=frozenset(" ".join(w.lower().split()) for w in participles),
        frames=TermMatcher(frames),
        reported_by=TermMatcher(_check_list(data, "reported_by", path)),
        title_dets=frozenset(w.lower() for w in _check_list(data, "title_determiners", path)),
        salience=bool(data.get("pronoun_salience", False)),
        blockers_re=re.compile(r"(?:^|[^\w])(?:" + _alt(blockers) + r")\s+$") if blockers else None,
    )
