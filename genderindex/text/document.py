"""The prepared text every stage works on.

:class:`TextDoc` holds the caller's original string, its normalised form (same offsets
in the usual case; otherwise mapped back by :meth:`TextDoc.span`), the language and
lazily computed sentences, paragraphs and quoted spans.

Stages (people, quotes, language, topic) read ``doc.text`` / ``doc.lower`` and return
offsets in ``doc.text`` coordinates; :mod:`genderindex.pipeline` maps them back to the
caller's strings before anything leaves the library.
"""
from __future__ import annotations

from functools import cached_property

from .langid import resolve_language
from .normalize import Normalized, fold, normalize
from .quotemarks import QuoteIndex, QuoteSpan, quote_spans
from .segment import Segment, count_words, paragraphs, sentences

TITLE_SEPARATOR = "\n\n"


class TextDoc:
    """A normalised article (optionally with its title in front) ready for the stages."""

    def __init__(self, text: str, lang: str | None = "auto", title: str | None = None):
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, not {type(text).__name__}")
        self.body = text
        self.title = title or None
        #: length of the title prefix (title + separator) in ``original``; 0 when no title
        self.title_len = len(title) + len(TITLE_SEPARATOR) if title else 0
        self.original = (title + TITLE_SEPARATOR + text) if title else text
        self._norm: Normalized = normalize(self.original)
        self.text: str = self._norm.text
        self.lang: str = resolve_language(self.text, lang)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``original`` for the normalised span ``[start, end)``."""
        return self._norm.span(start, end)

    def field_span(self, start: int, end: int) -> tuple[str, int, int]:
        """``("title"|"text", start, end)`` relative to the caller's title or body string."""
        s, e = self._norm.span(start, end)
        if self.title_len and s < self.title_len:
            return "title", s, min(e, len(self.title or ""))
        return "text", s - self.title_len, e - self.title_len

    def original_text(self, start: int, end: int) -> str:
        s, e = self._norm.span(start, end)
        return self.original[s:e]

    @cached_property
    def lower(self) -> str:
        """``text`` lower-cased, same length."""
        return fold(self.text)

    @cached_property
    def sentences(self) -> list[Segment]:
        return sentences(self.text, self.paragraphs)

    @cached_property
    def paragraphs(self) -> list[Segment]:
        return paragraphs(self.text)

    @cached_property
    def quote_spans(self) -> list[QuoteSpan]:
        return quote_spans(self.text)

    @cached_property
    def quotes_index(self) -> QuoteIndex:
        return QuoteIndex(self.quote_spans)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` lies inside quotation marks."""
        return self.quotes_index.contains(start, end)

    @cached_property
    def words(self) -> int:
        """Word (syllable) count of the body, without the title."""
        return count_words(self.text[self.title_len :])
