"""Vietnamese/English language identification without a model download.

Vietnamese is written in Latin letters with many letters English never uses
(ă â đ ê ô ơ ư and the tone-marked vowels); English has frequent function words.
Both signals are counted over the first few thousand characters.
"""
from __future__ import annotations

import re

_VI_LETTERS = frozenset(
    "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
_EN_WORDS = frozenset(
    "the of and to in is that for it was on with as by he she at from his her they be this "
    "have has are said an which not but were would who their will".split()
)
_VI_WORDS = frozenset(
    "và của là có không được cho những người các một trong đã với này khi thì cũng "
    "ông bà anh chị để đến từ theo nhiều".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_VI_RE = re.compile("[" + "".join(sorted(_VI_LETTERS)) + "]")


def detect_language(text: str, sample: int = 2000) -> str:
    """Return ``"vi"`` or ``"en"`` (``"vi"`` for text with no letters at all)."""
    return detect_language_scores(text, sample)[0]


def detect_language_scores(text: str, sample: int = 2000) -> tuple[str, float]:
    """Language and a confidence in [0, 1]."""
    head = text[:600]
    if len(_VI_RE.findall(head.lower())) >= 20:  # plainly Vietnamese: no need to count words
        return "vi", 1.0
    chunk = text[:sample].lower()
    words = _WORD_RE.findall(chunk)
    if not words:
        return "vi", 0.0
    letters = sum(len(w) for w in words)
    vi_chars = len(_VI_RE.findall(chunk))
    vi_char_ratio = vi_chars / max(letters, 1)
    en_hits = sum(1 for w in words if w in _EN_WORDS)
    vi_hits = sum(1 for w in words if w in _VI_WORDS)
    vi_score = vi_char_ratio * 4 + vi_hits / len(words)
    en_score = en_hits / len(words)
    total = vi_score + en_score
    if total == 0:
        return "en", 0.0
    if vi_score >= en_score:
        return "vi", vi_score / total
    return "en", en_score / total


def resolve_language(text: str, lang: str | None) -> str:
    """``lang`` unless it is ``None``/``"auto"``, in which case detect it."""
    if lang in (None, "", "auto"):
        return detect_language(text)
    lang = lang.lower()
    if lang not in ("vi", "en"):
        raise ValueError(f"unsupported language {lang!r}: use 'vi', 'en' or 'auto'")
    return lang
