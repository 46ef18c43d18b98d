"""Roles stage: the GMMP-style function of each person (official, expert, ...).

Evidence, strongest first: the person's ``titles`` (from the people stage), the title
word(s) right before a mention (``luật sư X``, ``Bộ trưởng X``) and the apposition right
after it (``X, giám đốc Sở Y,``), matched against ``lexicons/roles/<lang>.yaml``; then
what the person does in the story (quoted or not, how often mentioned, in the headline).

Decision order: subject markers (suspect, victim, defendant, celebrity...) →
spokesperson → expert (when quoted) → official → eyewitness (quoted near
"chứng kiến"/"witnessed") → popular opinion / personal experience (quoted ordinary
people) → subject (the story is about them: in the headline or mentioned repeatedly)
→ other.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import lexicon_dir
from .text.document import TextDoc
from .types import Evidence, Person, Quote

_ORDER = ("subject", "spokesperson", "expert", "official", "eyewitness", "popular_opinion", "personal_experience")
# the apposition after a mention: ", giám đốc Sở Y," / " (luật sư)" / " - chuyên gia ..."
_APPOS_RE = re.compile(r"\s*(?:,|\(|[-–—]\s)\s*([^,;:.()“”\"]{1,80})")
# words right before a mention, back to the previous separator
_BEFORE_RE = re.compile(r"([^,;:.!?()“”\"\n]{0,60})$")
# the whole clause before a mention, parentheses included ("người phát ngôn của Tổ chức X (OPCW) Y")
_CLAUSE_BEFORE_RE = re.compile(r"([^,;:.!?“”\"\n]{0,120})$")
# the last separator of a window (greedy ``.*`` backtracks to it: one linear match
# instead of a ``$``-anchored search tried from every start position)
_LAST_SEP_RE = re.compile(r'.*[,;:.!?()“”"\n]', re.S)
_LAST_CLAUSE_SEP_RE = re.compile(r'.*[,;:.!?“”"\n]', re.S)
_ABBR_TITLE_RE = re.compile(r"(?<![\w.])([a-z]{2,6})\.\s*$")
_WITNESS_CTX = 160


@lru_cache(maxsize=None)
def _table(lang: str):
    """(term matcher, term → function) for ``lang``, loaded once."""
    import yaml

    from .quotes.lexicon import TermMatcher

    lang = lang if lang in ("vi", "en") else "en"
    path = lexicon_dir() / "roles" / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    term_func: dict[str, str] = {}
    for func in _ORDER:
        words = data.get(func) or []
        if not isinstance(words, list):
            raise ValueError(f"{path}: '{func}' must be a list")
        for w in words:
            term_func.setdefault(" ".join(str(w).lower().split()), func)
    return TermMatcher(term_func), term_func


@lru_cache(maxsize=None)
def _settings(lang: str) -> dict:
    """Scalar settings of the role table (``subject_min_mentions``)."""
    import yaml

    lang = lang if lang in ("vi", "en") else "en"
    data = yaml.safe_load((lexicon_dir() / "roles" / f"{lang}.yaml").read_text(encoding="utf-8")) or {}
    return {k: v for k, v in data.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def _tail(low: str, lo: int, hi: int, last_sep: re.Pattern) -> tuple[str, int]:
    """``(group(1), start(1))`` of ``_BEFORE_RE``/``_CLAUSE_BEFORE_RE`` searched in
    ``low[lo:hi]`` (window no longer than the pattern's limit): the text after the last
    separator, up to ``hi`` (or up to a newline just before ``hi``, as ``$`` allows)."""
    if hi <= lo:
        return "", hi if hi > 0 else 0
    end = hi - 1 if low[hi - 1] == "\n" else hi
    m = last_sep.match(low, lo, end)
    s = m.end() if m else lo
    return low[s:end], s


def _contexts(doc: TextDoc, person: Person, spans=()) -> list[tuple[str, str, int]]:
    """(kind, folded text, start offset) strings that can carry the person's role."""
    out: list[tuple[str, str, int]] = []
    for t in person.titles:
        out.append(("title", t.lower(), -1))
    low = doc.lower
    for m in person.mentions[:4]:
        if m.kind in ("pronoun",):
            continue
        if m.honorific:
            out.append(("title", m.honorific.lower(), m.start))
        if m.text and m.name and m.text != m.name and m.text.endswith(m.name):
            out.append(("title", low[m.start : m.end - len(m.name)], m.start))
        ab = _ABBR_TITLE_RE.search(low, max(0, m.start - 12), m.start)
        if ab:  # "Sen. Jane Smith", "Reps. A and B": the abbreviation stops the window below
            out.append(("title", ab.group(1), ab.start(1)))
        seg, s0 = _tail(low, max(0, m.start - 60), m.start, _LAST_SEP_RE)
        if seg.strip():
            out.append(("before", seg, s0))

        # "the suspect, Jane Smith, ...": a title in front of an apposed name
        if low[max(0, m.start - 2) : m.start] == ", " and low[m.end : m.end + 1] == ",":
            seg, s0 = _tail(low, max(0, m.start - 62), m.start - 2, _LAST_SEP_RE)
            if seg.strip():
                out.append(("before", seg, s0))
        a = _APPOS_RE.match(low, m.end)
        if a:
            out.append(("apposition", a.group(1), a.start(1)))
        # "Sens. A, B and C said": a title before the first name of a list covers them all
        head = _list_head(doc.text, spans, m)
        if head is not None:
            seg, s0 = _tail(low, max(0, head - 60), head, _LAST_SEP_RE)
            if seg.strip():
                out.append(("before", seg, s0))
    return out


def _list_head(text: str, spans, m) -> int | None:
    """Start of the first name of a comma/"and" list that the mention belongs to."""
    import bisect

    k = bisect.bisect_left(spans, (m.start, m.end))
    if k >= len(spans) or spans[k][0] != m.start:
        return None
    i = k
    while i > 0 and _LIST_SEP_RE.match(text[spans[i - 1][1] : spans[i][0]]):
        i -= 1
    return spans[i][0] if i != k else None


@lru_cache(maxsize=None)
def _term_re(lang: str, func: str) -> re.Pattern:
    """One function's terms as a regular expression (for wider, rarer searches)."""
    terms = [t for t, f in _table(lang)[1].items() if f == func] or ["(?!x)x"]
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?!\w)")


def _clause_hit(low: str, person: Person, pat: re.Pattern):
    """A term anywhere in the clause before one of the first mentions
    ("người phát ngôn của Tổ chức X (OPCW) Y")."""
    for m in person.mentions[:2]:
        if m.kind in ("pronoun", "honorific"):
            continue
        seg, s0 = _tail(low, max(0, m.start - 120), m.start, _LAST_CLAUSE_SEP_RE)
        h = pat.search(seg)
        if h:
            return "clause", h.group(1), s0
    return None


def starts_with_role(lang: str, segment: str) -> bool:
    """``segment`` opens with a title/occupation word (an apposition: "trưởng thôn", "a lawyer")."""
    seg = segment.strip().lower()
    for art in ("a ", "an ", "the "):
        if seg.startswith(art):
            seg = seg[len(art) :]
            break
    matcher, _ = _table(lang)
    for s0, _, _ in matcher.finditer(seg):
        return s0 == 0
    return False


def _locate(doc: TextDoc, h) -> tuple[int | None, int | None]:
    """Offsets of a role word found in a context string that starts at ``h[2]``."""
    kind, term, off = h
    if off is None or off < 0:
        return None, None
    k = doc.lower.find(term, off, off + 200)
    if k < 0:
        return None, None
    return k, k + len(term)


def _hits(table, ctxs) -> dict[str, list[tuple[str, str, int]]]:
    """function → [(context kind, term, offset)] over all context strings."""
    matcher, term_func = table
    out: dict[str, list[tuple[str, str, int]]] = {}
    for kind, s, off in ctxs:
        if kind == "before":
            # only the title words adjacent to the name: the last ten words
            s = " ".join(s.split()[-10:])
        for _, _, term in matcher.finditer(s):
            out.setdefault(term_func[term], []).append((kind, term, off))
    return out


_FORMER_RE = re.compile(r"(?<!\w)(?:cựu|nguyên|former|ex-)(?!\w)")
_PASSING_RE = re.compile(
    r"(?:của|theo|với|cùng|như|giống|tặng|of|with|like|by|to|for|than)\s+(?:\w+\s+){0,3}$"
)


def _passing(low: str, start: int) -> bool:
    """A single mention as possessor/companion/comparison ("tác phẩm của X")."""
    return bool(_PASSING_RE.search(low, max(0, start - 40), start))


_LIST_SEP_RE = re.compile(r"^\s*(?:,|;|và|and)\s*$")
#: names in a comma-separated run (a line-up, a roll of honour) from which a single mention is "other"
LIST_MIN = 5


def _in_long_list(text: str, spans: list[tuple[int, int]], m) -> bool:
    """The mention sits in a run of at least LIST_MIN names separated by commas."""
    import bisect

    k = bisect.bisect_left(spans, (m.start, m.end))
    if k >= len(spans) or spans[k][0] != m.start:
        return False
    n, i = 1, k
    while i > 0 and _LIST_SEP_RE.match(text[spans[i - 1][1] : spans[i][0]]):
        n, i = n + 1, i - 1
    i = k
    while i + 1 < len(spans) and _LIST_SEP_RE.match(text[spans[i][1] : spans[i + 1][0]]):
        n, i = n + 1, i + 1
    return n >= LIST_MIN


def assign_functions(doc: TextDoc, people: list[Person], quotes: list[Quote]) -> None:
    """Set ``person.function`` and ``person.function_evidence`` in place."""
    if not people:
        return
    table = _table(doc.lang)
    min_subject = _settings(doc.lang).get("subject_min_mentions", 1)
    witness = _term_re(doc.lang, "eyewitness")
    spokes = _term_re(doc.lang, "spokesperson")
    title_end = doc.title_len
    by_speaker: dict[str, list[Quote]] = {}
    for q in quotes:
        if q.speaker:
            by_speaker.setdefault(q.speaker, []).append(q)
    low = doc.lower
    spans = sorted((m.start, m.end) for q in people for m in q.mentions if m.kind not in ("pronoun", "honorific"))
    for p in people:
        ctxs = _contexts(doc, p, spans)
        quoted = p.quoted
        n_mentions = len(p.mentions)
        in_title = any(m.start < title_end for m in p.mentions) if title_end else False
        func, ev = None, None

        found = _hits(table, ctxs)

        def hit(f, kinds=("title", "before", "apposition")):
            for h in found.get(f, ()):
                if h[0] in kinds:
                    return h
            return None

        h = hit("subject", ("title", "before"))
        if h:
            func, ev = "subject", Evidence("role_word", h[1], *_locate(doc, h), detail=f"subject marker in {h[0]}")
        if func is None and (h := hit("spokesperson") or (quoted and _clause_hit(low, p, spokes))):
            func, ev = "spokesperson", Evidence("role_word", h[1], *_locate(doc, h), detail=f"spokesperson in {h[0]}")
        if func is None and quoted and (h := hit("expert")):
            func, ev = "expert", Evidence("role_word", h[1], *_locate(doc, h), detail=f"expert title in {h[0]}, quoted")
        if func is None and (h := hit("official")):
            if not quoted and any(_FORMER_RE.search(c[1]) for c in ctxs if c[0] in ("title", "before")):
                func, ev = "subject", Evidence("role_word", h[1], *_locate(doc, h), detail="former office-holder, not speaking")
            else:
                func, ev = "official", Evidence("role_word", h[1], *_locate(doc, h), detail=f"office in {h[0]}")
        if func is None and quoted:
            # eyewitness: a witnessing word near one of their quotes or mentions
            spots = [q.start for q in by_speaker.get(p.name, [])] + [m.start for m in p.mentions[:3]]
            for s in spots:
                w = witness.search(low, max(0, s - _WITNESS_CTX), s + _WITNESS_CTX)
                if w:
                    func, ev = "eyewitness", Evidence(
                        "context", w.group(1), w.start(1), w.end(1), detail="witnessing word near the quote"
                    )
                    break
        if func is None and quoted and (h := hit("popular_opinion", ("before", "apposition"))):
            func, ev = "popular_opinion", Evidence("role_word", h[1], *_locate(doc, h), detail=f"member of the public in {h[0]}")
        if func is None and quoted:
            if in_title or n_mentions >= 5:
                func, ev = "subject", Evidence("story", "", detail="quoted and central to the story")
            else:
                func, ev = "personal_experience", Evidence("story", "", detail="quoted without an office or expertise")
        if func is None:
            named = sum(1 for m in p.mentions if m.kind not in ("pronoun", "honorific"))
            if n_mentions == 1 and not in_title and _passing(low, p.mentions[0].start):
                func, ev = "other", Evidence("story", "", detail="mentioned in passing (possessor or companion)")
            elif n_mentions == 1 and not in_title and _in_long_list(doc.text, spans, p.mentions[0]):
                func, ev = "other", Evidence("story", "", detail="one name in a long list (line-up, roll)")
            elif in_title or named >= min_subject:
                func, ev = "subject", Evidence("story", "", detail="unquoted: the story is about them")
            else:
                func, ev = "other", Evidence("story", "", detail=f"unquoted, fewer than {min_subject} mentions")
        p.function = func
        if ev is not None:
            p.function_evidence = [ev]
