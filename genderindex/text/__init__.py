"""Text layer: normalisation with offset maps, segmentation, quoted spans, language id."""
from .document import TextDoc
from .langid import detect_language, resolve_language
from .normalize import Normalized, fold, match_key, normalize, normalize_text, place_tones
from .quotemarks import QuoteIndex, QuoteSpan, quote_spans
from .segment import Segment, count_words, line_col, paragraphs, sentences, tokens

__all__ = [
    "TextDoc", "detect_language", "resolve_language", "Normalized", "fold", "match_key",
    "normalize", "normalize_text", "place_tones", "QuoteIndex", "QuoteSpan", "quote_spans",
    "Segment", "count_words", "line_col", "paragraphs", "sentences", "tokens",
]
