"""A fast regex tokenizer for spaCy that keeps Vietnamese syllables and splits punctuation.

``spacy.blank("vi")`` either needs pyvi (slow, and a word segmenter, not a syllable
tokenizer) or splits on whitespace only, gluing punctuation to words (``“phái``,
``yếu”,``). This tokenizer makes one token per syllable/word (``\\w+`` with inner
hyphens, apostrophes and dots: ``Covid-19``, ``don't``, ``TP.HCM``) and one per punctuation
mark, and keeps exact character offsets::

    from genderindex.text.spacy_tokenizer import blank
    nlp = blank("vi")
    [t.text for t in nlp("Chị nói: “phái yếu”.")]
    # ['Chị', 'nói', ':', '“', 'phái', 'yếu', '”', '.']

Also registered as ``@tokenizers = "genderindex.SyllableTokenizer.v1"`` for spaCy configs.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


class SyllableTokenizer:
    """Callable tokenizer: text -> Doc, one token per syllable/word or punctuation mark."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        n = len(text)
        pos = 0
        for m in TOKEN_RE.finditer(text):
            s, e = m.span()
            if s > pos:
                gap = text[pos:s]
                if words and gap == " ":
                    spaces[-1] = True
                else:
                    # keep other whitespace as its own token so offsets stay exact
                    if words and gap.startswith(" "):
                        spaces[-1] = True
                        gap = gap[1:]
                    if gap:
                        words.append(gap)
                        spaces.append(False)
            words.append(m.group())
            spaces.append(False)
            pos = e
        if pos < n:
            gap = text[pos:]
            if words and gap.startswith(" "):
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for t in texts:
            yield self(t)

    # serialisation: nothing to save (the rules are code)
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "SyllableTokenizer":
        return self

    def to_disk(self, path, **kwargs: Any) -> None:
        return None

    def from_disk(self, path, **kwargs: Any) -> "SyllableTokenizer":
        return self


@registry.tokenizers("genderindex.SyllableTokenizer.v1")
def create_syllable_tokenizer():
    """spaCy config hook: ``[nlp.tokenizer] @tokenizers = "genderindex.SyllableTokenizer.v1"``."""

    def make(nlp):
        return SyllableTokenizer(nlp.vocab)

    return make


def blank(lang: str = "vi"):
    """A blank spaCy pipeline for ``lang`` with the syllable tokenizer (no pyvi needed)."""
    import spacy

    cfg = {"nlp": {"tokenizer": {"@tokenizers": "genderindex.SyllableTokenizer.v1"}}}
    return spacy.blank(lang, config=cfg)
