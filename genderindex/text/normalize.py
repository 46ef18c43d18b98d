"""Unicode normalisation for matching, with offsets that map back to the original text.

Two steps, both needed before any lexicon or name matching in Vietnamese:

1. NFC composition (NFD input from macOS or some CMSs becomes composed characters).
2. Tone-mark placement: in the open syllables ``oa``, ``oe`` and ``uy`` the tone mark
   is written on the first vowel (``hòa``, ``khỏe``, ``thủy``), whichever style the
   input used (``hoà``, ``khoẻ``, ``thuỷ``). ``quý`` (``qu`` + ``y``) and closed syllables
   such as ``hoàng`` are left alone.

Step 2 never changes the length, so only step 1 can shift offsets; :class:`Normalized`
keeps the map from normalised to original offsets.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
_BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"

#: composed toned vowel -> (base vowel, combining tone mark)
_SPLIT: dict[str, tuple[str, str]] = {}
#: (base vowel, combining tone mark) -> composed toned vowel
_JOIN: dict[tuple[str, str], str] = {}
for _b in _BASES:
    for _t in _TONES:
        _c = unicodedata.normalize("NFC", _b + _t)
        _SPLIT[_c] = (_b, _t)
        _JOIN[(_b, _t)] = _c

_TONED_AE = "".join(c for c, (b, _) in _SPLIT.items() if b in "aAeE")
_TONED_Y = "".join(c for c, (b, _) in _SPLIT.items() if b in "yY")
_LETTER = r"[^\W\d_]"
# o + toned a/e, or u + toned y, at the end of a word (open syllable, tone on the last vowel)
# (one leading character class, so the regex engine skips fast to candidate positions;
# the pairs o + toned y and u + toned a/e also match and are left unchanged)
_TONE_RE = re.compile(rf"([oOuU])([{_TONED_AE}{_TONED_Y}])(?!{_LETTER})")


def _fix_tone(m: re.Match[str]) -> str:
    first, toned = m.group(1), m.group(2)
    base, tone = _SPLIT[toned]
    if first in "oO":
        if base not in "aAeE":
            return m.group(0)
    else:
        if base not in "yY":
            return m.group(0)
        start = m.start()
        if start and m.string[start - 1] in "qQ":  # quý: the u belongs to "qu"
            return m.group(0)
    moved = _JOIN.get((first, tone))
    if moved is None:
        return m.group(0)
    return moved + base


def place_tones(text: str) -> str:
    """Move tone marks in ``oa``/``oe``/``uy`` open syllables onto the first vowel."""
    return _TONE_RE.sub(_fix_tone, text)


@dataclass(slots=True)
class Normalized:
    """Normalised text plus the map back to the caller's original offsets.

    ``offsets`` is ``None`` when no character changed length (the usual case); otherwise
    ``offsets[i]`` is the original offset of normalised character ``i`` and has one extra
    item, ``len(original)``.
    """

    original: str
    text: str
    offsets: list[int] | None = None

    def to_original(self, i: int) -> int:
        """Original offset of normalised offset ``i`` (0 <= i <= len(text))."""
        if self.offsets is None:
            return i
        return self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end]


def _nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        out.append(cluster)
        offsets.extend([i] * len(cluster))
        i = j
    offsets.append(n)
    return "".join(out), offsets


def normalize(text: str) -> Normalized:
    """NFC + Vietnamese tone placement, keeping a map to the original offsets."""
    nfc, offsets = _nfc_with_offsets(text)
    return Normalized(text, place_tones(nfc), offsets)


def normalize_text(text: str) -> str:
    """Normalised string only (for lexicon patterns, names and lookups)."""
    return place_tones(unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """Lower-case without changing the length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join((c.lower()[:1] or c) for c in text)


def match_key(text: str) -> str:
    """Key for comparing names and phrases: normalised, lower-cased, spaces collapsed."""
    return " ".join(fold(normalize_text(text)).split())
