"""Language stage: lexicon findings (stereotypes, sexist wording, GBV wording).

* :func:`find_findings` — for the pipeline: findings in a :class:`TextDoc`, offsets in ``doc.text``.
* :func:`check_text` — the public API: findings in a plain string, offsets in that string.

Lexicons live in ``lexicons/<lang>/*.yaml`` (format: ``lexicons/README.md``); they are
validated on first use and the Aho-Corasick automaton is built once and cached.
"""
from __future__ import annotations

from typing import Any

from ..config import Config, as_config
from ..text.document import TextDoc
from ..text.normalize import match_key
from ..types import Finding
from .lexicon import Entry, Lexicon, LexiconError, get_lexicon, load_lexicon
from .matcher import Matcher, get_matcher

__all__ = [
    "find_findings", "check_text", "get_lexicon", "load_lexicon", "get_matcher",
    "Entry", "Lexicon", "LexiconError", "Matcher",
]


def _matcher_for(lang: str, cfg: Config) -> Matcher:
    return get_matcher(lang, tuple(cfg.lexicons), cfg.builtin_lexicons, tuple(cfg.deny))


def _allow(cfg: Config) -> frozenset[str]:
    return frozenset(list(cfg.allow) + [match_key(a) for a in cfg.allow])


def find_findings(doc: TextDoc, config: Any = None) -> list[Finding]:
    """Lexicon findings in ``doc``, offsets in ``doc.text`` (``doc.text[f.start:f.end] == f.text``).

    ``config`` is a :class:`genderindex.config.Config`, a dict with the same keys as
    ``genderindex.toml``, or ``None`` (shipped lexicons only).
    """
    cfg = as_config(config)
    return _matcher_for(doc.lang, cfg).find(doc, cfg.min_severity, _allow(cfg))


def check_text(text: str, lang: str | None = "auto", config: Any = None) -> list[Finding]:
    """Stereotyped, sexist, appearance-focused, trivialising or victim-blaming wording in
    ``text``, each finding with rule id, category, severity, offsets into ``text``,
    ``in_quote``, message, suggestions and source.

    >>> [f.text for f in check_text("Cô ấy là một bóng hồng trong giới kỹ sư.", lang="vi")]
    ['bóng hồng']
    """
    doc = TextDoc(text, lang=lang)
    findings = find_findings(doc, config)
    for f in findings:
        s, e = doc.span(f.start, f.end)
        f.start, f.end, f.text = s, e, text[s:e]
    return findings
