"""Lexicon matching: one Aho-Corasick automaton per lexicon set, word boundaries that
work for Vietnamese letters, then context filters and overlap resolution.

The text is matched in its normalised, lower-cased form (``doc.lower``) with runs of
spaces/tabs collapsed, so NFD input, old tone placement, capitals and double spaces do
not matter; a match never crosses a line break.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from ..text.normalize import match_key
from ..types import SEVERITY_RANK, Finding
from .lexicon import AnyOf, Entry, Lexicon, Nearby, Topic

if TYPE_CHECKING:
    from ..text.document import TextDoc

SAFE = -1
_TOKEN = re.compile(r"\w+")
_NUM_BEFORE = re.compile(r"(?:\d[\d.,]*\s*%?|%)$")
#: characters after which a capital letter starts a sentence rather than a name
_SENT_START = set(".!?:;\"“”'‘’«»()[]-–—…\n")


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    entry: int  # index into Matcher.entries, or SAFE


# tabs, CR, NBSP...: one char each, so lengths stay. The same set as ``[^\S\n ]`` written
# out as a positive class (all white space is below U+3001), which the regex engine scans faster
_OTHER_SPACE = re.compile(
    "[" + "".join(re.escape(c) for c in map(chr, range(0x3001)) if c.isspace() and c not in "\n ") + "]"
)
_MULTI_SPACE = re.compile(r"  +")
_SENT_BREAK = re.compile(r"\n|[.!?;…]+(?=[\s\"”’»)\]]|$)")
_WORD_BEFORE = re.compile(r"(\w+)$")


class _Keyed:
    """The match string of one document and the map back to ``doc.text`` offsets."""

    __slots__ = ("key", "_map", "topics")

    def __init__(self, lower: str):
        key = _OTHER_SPACE.sub(" ", lower) if _OTHER_SPACE.search(lower) else lower
        self._map: list[int] | None = None
        if "  " in key:
            parts: list[str] = []
            mp: list[int] = []
            pos = 0
            for m in _MULTI_SPACE.finditer(key):
                s, e = m.span()
                parts.append(key[pos : s + 1])
                mp.extend(range(pos, s + 1))
                pos = e
            parts.append(key[pos:])
            mp.extend(range(pos, len(key) + 1))
            key = "".join(parts)
            self._map = mp
        self.key = key
        self.topics: dict[int, bool] = {}

    def to_doc(self, i: int) -> int:
        return i if self._map is None else self._map[i]

    def words_before(self, pos: int, n: int) -> int:
        """Start of the ``n``-th word before ``pos`` (0 when there are fewer)."""
        if n <= 0:
            return pos
        span = n * 12 + 16
        while True:
            lo = max(0, pos - span)
            starts = [m.start() for m in _TOKEN.finditer(self.key, lo, pos)]
            if len(starts) > n or lo == 0:
                return starts[-n] if len(starts) >= n else (starts[0] if starts else pos)
            span *= 2

    def words_after(self, pos: int, n: int) -> list[tuple[int, int]]:
        """The next ``n`` words from ``pos`` as (start, end)."""
        if n <= 0:
            return []
        span = n * 12 + 16
        while True:
            hi = min(len(self.key), pos + span)
            words = [m.span() for m in _TOKEN.finditer(self.key, pos, hi)]
            if len(words) > n or hi == len(self.key):
                return words[:n]
            span *= 2

    def sentence_end(self, doc: "TextDoc", i: int) -> int:
        """End (key offset) of the sentence that contains key offset ``i``: a line break or
        sentence punctuation, not the full stop of an initial or abbreviation (``chị H.``, ``TP.``)."""
        from ..text.segment import ABBREVIATIONS

        key = self.key
        for m in _SENT_BREAK.finditer(key, i):
            if m.group() == "\n":
                return m.start()
            if m.group()[0] == ".":
                w = _WORD_BEFORE.search(key, max(0, m.start() - 12), m.start())
                if w and (len(w.group(1)) == 1 or w.group(1) in ABBREVIATIONS):
                    continue
            return m.end()
        return len(key)


def _is_word(c: str) -> bool:
    return c.isalnum()


class Matcher:
    """Finds lexicon entries in a :class:`~genderindex.text.document.TextDoc`."""

    def __init__(self, lexicon: Lexicon, extra: tuple[Entry, ...] = ()):
        self.lexicon = lexicon
        self.entries: list[Entry] = list(lexicon.entries) + list(extra)
        auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for idx, e in enumerate(self.entries):
            for key in e.keys:
                table.setdefault(key[0], []).append((idx, key[1:]))
        for phrase in lexicon.safe:
            table.setdefault(phrase, []).append((SAFE, ()))
        for k, v in table.items():
            auto.add_word(k, (len(k), tuple(v)))
        self._empty = not table
        if not self._empty:
            auto.make_automaton()
        self._auto = auto
        self._near_re: dict[int, re.Pattern[str]] = {}
        inst = [match_key(x) for x in lexicon.lists.get("institution", ())] + list(lexicon.name_prefixes)
        self._inst_re = (
            re.compile(r"(?:" + "|".join(re.escape(p) for p in sorted(set(inst), key=len, reverse=True)) + r")(?!\w)")
            if inst else None
        )
        self._prefix_re = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in lexicon.name_prefixes) + r")(?!\w)")
            if lexicon.name_prefixes else None
        )

    # ------------------------------------------------------------------ matching
    def find(self, doc: "TextDoc", min_severity: str = "info", allow: frozenset[str] = frozenset()) -> list[Finding]:
        """Findings in ``doc`` (offsets in ``doc.text``)."""
        if self._empty or not doc.text:
            return []
        kd = _Keyed(doc.lower)
        key = kd.key
        n = len(key)
        hits: list[_Hit] = []
        safe: list[tuple[int, int]] = []
        min_rank = SEVERITY_RANK.get(min_severity, 0)
        for end_idx, (length, items) in self._auto.iter(key):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and _is_word(key[start - 1]):
                continue
            if end < n and _is_word(key[end]):
                continue
            for idx, rest in items:
                if idx == SAFE:
                    safe.append((start, end))
                    continue
                entry = self.entries[idx]
                if SEVERITY_RANK[entry.severity] < min_rank:
                    continue
                e2 = self._gap_end(doc, kd, end, rest, entry.context.max_gap) if rest else end
                if e2 is None:
                    continue
                if not entry.context.trivial and not self._context_ok(doc, kd, start, e2, entry):
                    continue
                hits.append(_Hit(start, e2, idx))
        if not hits:
            return []
        if safe:
            hits = [h for h in hits if not any(s <= h.start and h.end <= e for s, e in safe)]
        hits = self._resolve(hits)
        out: list[Finding] = []
        for h in hits:
            entry = self.entries[h.entry]
            s, e = kd.to_doc(h.start), kd.to_doc(h.end)
            text = doc.text[s:e]
            if allow and (entry.id in allow or match_key(text) in allow):
                continue
            out.append(
                Finding(
                    rule=entry.id, category=entry.category, severity=entry.severity,  # type: ignore[arg-type]
                    start=s, end=e, text=text, message=entry.message,
                    suggestions=list(entry.suggestions), source=entry.source,
                    in_quote=doc.in_quote(s, e), note=entry.note,
                )
            )
        return out

    def _resolve(self, hits: list[_Hit]) -> list[_Hit]:
        """Keep the longest (then most severe, then first-listed) of overlapping hits."""
        hits.sort(key=lambda h: (-(h.end - h.start), -SEVERITY_RANK[self.entries[h.entry].severity], h.entry, h.start))
        kept: list[_Hit] = []
        starts: list[int] = []
        for h in hits:
            k = bisect.bisect_left(starts, h.start)
            if k > 0 and kept[k - 1].end > h.start:
                continue
            if k < len(kept) and kept[k].start < h.end:
                continue
            kept.insert(k, h)
            starts.insert(k, h.start)
        return kept

    def _gap_end(self, doc: "TextDoc", kd: _Keyed, end: int, rest: tuple[str, ...], max_gap: int) -> int | None:
        """End of a gap pattern ``a ... b ... c`` whose first part ends at ``end``
        (each part within ``max_gap`` words of the previous one, in the same sentence)."""
        key = kd.key
        if key.find(rest[0], end) < 0:
            return None  # the usual case: the next part occurs nowhere after (no bounds needed)
        limit = kd.sentence_end(doc, max(end - 1, 0))
        pos = end
        for part in rest:
            found = None
            for ts, _ in kd.words_after(pos, max_gap + 1):
                if ts >= limit:
                    break
                if key.startswith(part, ts):
                    pe = ts + len(part)
                    if pe >= len(key) or not _is_word(key[pe]):
                        found = pe
                        break
            if found is None:
                return None
            pos = found
        return pos

    # ------------------------------------------------------------------ context
    def _context_ok(self, doc: "TextDoc", kd: _Keyed, start: int, end: int, entry: Entry) -> bool:
        ctx = entry.context
        key = kd.key
        if ctx.only_outside_quotes and doc.in_quote(kd.to_doc(start), kd.to_doc(end)):
            return False
        if ctx.unless_preceded_by:
            line_start = key.rfind("\n", 0, start) + 1
            before = key[max(line_start, start - 80) : start].rstrip()
            for p in ctx.unless_preceded_by:
                if p == "<NUM>":
                    if _NUM_BEFORE.search(before):
                        return False
                elif before.endswith(p) and (len(before) == len(p) or not _is_word(before[-len(p) - 1])):
                    return False
        if ctx.unless_followed_by:
            after = key[end : end + 80].lstrip(" ")
            for p in ctx.unless_followed_by:
                if after.startswith(p) and (len(after) == len(p) or not _is_word(after[len(p)])):
                    return False
        if ctx.not_in_names and self._in_name(doc, kd, start):
            return False
        if ctx.requires_nearby is not None and not self._nearby(kd, start, end, ctx.requires_nearby):
            return False
        for nb in ctx.unless_nearby:
            if self._nearby(kd, start, end, nb):
                return False
        if ctx.require_lowercase:
            ds, de = kd.to_doc(start), kd.to_doc(end)
            for m in _TOKEN.finditer(doc.text, ds, de):
                if m.group().lower() in ctx.require_lowercase and not m.group().islower():
                    return False
        if ctx.requires_any is not None and not self._any(doc, kd, start, end, ctx.requires_any):
            return False
        if ctx.unless_topic is not None and self._topic(kd, ctx.unless_topic):
            return False
        return True

    def _sentence_initial(self, doc: "TextDoc", kd: _Keyed, start: int) -> bool:
        text = doc.text
        j = kd.to_doc(start) - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j < 0 or text[j] in _SENT_START

    def _any(self, doc: "TextDoc", kd: _Keyed, start: int, end: int, cond: AnyOf) -> bool:
        key = kd.key
        if cond.sentence_start and self._sentence_initial(doc, kd, start):
            return True
        if cond.preceded_by:
            line_start = key.rfind("\n", 0, start) + 1
            before = key[max(line_start, start - 80) : start].rstrip()
            for p in cond.preceded_by:
                if before.endswith(p) and (len(before) == len(p) or not _is_word(before[-len(p) - 1])):
                    return True
        if cond.followed_by_name:
            j = kd.to_doc(end)
            text = doc.text
            while j < len(text) and text[j] in " \t":
                j += 1
            if j > kd.to_doc(end) and j < len(text) and text[j].isupper():
                # a capitalised word that starts an institution ("Quốc hội", "Sở Y tế") is no name
                if self._inst_re is None or not self._inst_re.match(doc.lower, j):
                    return True
        if cond.followed_by is not None:
            words = kd.words_after(end, cond.followed_by.window)
            hi = words[-1][1] if words else end
            hi = min(hi, kd.sentence_end(doc, max(end - 1, 0)))
            if hi > end and self._nearby_re(cond.followed_by).search(key, end, hi):
                return True
        return False

    def _topic(self, kd: _Keyed, topic: Topic) -> bool:
        """True when the whole document mentions the topic words at least ``topic.min`` times."""
        got = kd.topics.get(id(topic))
        if got is None:
            rx = self._nearby_re(topic)
            n = 0
            for _ in rx.finditer(kd.key):
                n += 1
                if n >= topic.min:
                    break
            got = kd.topics[id(topic)] = n >= topic.min
        return got

    def _nearby_re(self, nb: "Nearby | Topic") -> re.Pattern[str]:
        r = self._near_re.get(id(nb))
        if r is None:
            r = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in nb.words) + r")(?!\w)")
            self._near_re[id(nb)] = r
        return r

    def _nearby(self, kd: _Keyed, start: int, end: int, nb: Nearby) -> bool:
        """True when one of ``nb.words`` occurs within ``nb.window`` tokens of the match,
        outside the match itself."""
        key = kd.key
        lo = kd.words_before(start, nb.window)
        words = kd.words_after(end, nb.window)
        hi = words[-1][1] if words else end
        rx = self._nearby_re(nb)
        for m in rx.finditer(key, lo, hi):
            if m.end() <= start or m.start() >= end:
                return True
        return False

    def _in_name(self, doc: "TextDoc", kd: _Keyed, start: int) -> bool:
        """Is the match at ``start`` part of a proper name (organisation, award, title)?"""
        text = doc.text
        ds = kd.to_doc(start)
        if text[ds : ds + 1].isupper() and not self._sentence_initial(doc, kd, start):
            return True  # Title-case mid-sentence: "Giải thưởng Nữ doanh nhân", "Hội Phụ nữ"
        if self._prefix_re is None:
            return False
        # a capitalised organisation word within 4 words before, no punctuation between
        key = kd.key
        lo = kd.words_before(start, 4)
        window = key[lo:start]
        last = None
        for m in self._prefix_re.finditer(window):
            last = m
        if last is None:
            return False
        between = window[last.end() :]
        if any(c in ",.;:!?()\"“”\n" for c in between):
            return False
        if not text[kd.to_doc(lo + last.start())].isupper():
            return False
        # "Hội Nữ doanh nhân", "Câu lạc bộ Nữ giám đốc", "hội nữ doanh nhân": the name runs on
        # from the organisation word; "Công ty có một nữ tài xế" is a sentence, not a name
        if not between.strip():
            return True
        first = kd.to_doc(lo + last.end() + (len(between) - len(between.lstrip())))
        return text[first : first + 1].isupper()


@lru_cache(maxsize=32)
def _matcher(language: str, extra_paths: tuple[str, ...], builtin: bool, deny: tuple, stamp: int) -> Matcher:
    from .lexicon import get_lexicon

    lex = get_lexicon(language, extra_paths, builtin=builtin)
    return Matcher(lex, tuple(_deny_entries(deny, language)))


def _deny_entries(deny: tuple, language: str) -> list[Entry]:
    from .lexicon import Context

    out = []
    for i, d in enumerate(deny):
        k = match_key(d.phrase)
        if not k:
            continue
        out.append(
            Entry(
                id=f"user.deny.{i + 1}", language=language, category=d.category, severity=d.severity,
                message=d.message, patterns=(d.phrase,), suggestions=tuple(d.suggestions),
                source="user configuration (deny)", context=Context(), keys=((k,),),
            )
        )
    return out


def get_matcher(language: str, extra_paths: tuple[str, ...] = (), builtin: bool = True, deny: tuple = ()) -> Matcher:
    """The cached matcher for ``language`` (+ extra lexicon paths and deny phrases)."""
    from .lexicon import get_lexicon

    lex = get_lexicon(language, extra_paths, builtin=builtin)
    return _matcher(language, extra_paths, builtin, deny, id(lex))
