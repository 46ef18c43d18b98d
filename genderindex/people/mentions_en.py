"""English person-name mentions.

A candidate is a run of capitalised words (possessive ``'s`` removed) that, after
removing sentence-initial function words, honorifics (Mr, Mrs, Ms, Dr) and titles
(President, Sen., Gov., Secretary of State), is (a) preceded by an honorific or title,
(b) starts with a common first name (US Social Security table: ``Hillary Clinton``),
(c) a known public figure, or (d) a single surname that repeats an earlier full name
(``Trudeau``). Runs followed by an organisation/place word (``Clinton Foundation``,
``Trump Tower``), known places/organisations, days and months are not people, nor are
names in bylines and credits ("By Jane Doe", "Reporting by ...").
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice
from string import ascii_letters

from ..text.document import TextDoc
from .candidate import Cand, in_spans
from .lexicon import people_lexicon, word_index
from .names import is_en_first_name
from .scan import PARTICLES, RunTok, TitleIndex, Tok, automaton, find_runs, matches_at, tokenize

_CREDIT_EN = re.compile(
    r"\b(?:reporting|editing|writing|additional\s+reporting|compiled|photos?|photograph|video|"
    r"graphics?|contributed)\s+by\s+[^;)\n]*"
    r"|^\s*by\s+[^\n]{0,80}$"
    r"|\b(?:photo|photograph|credit|image|contributing)\s*:\s*[^\n]{0,80}"
    r"|\bfollow\s+[^\n]{0,60}?\s+on\s+(?:twitter|facebook|instagram)\b",
    re.IGNORECASE | re.MULTILINE,
)
# _CREDIT_EN can only start at a line start or at one of these words; letters that match
# them case-insensitively but lower-case differently send a text to the plain search
_CREDIT_KEYS = re.compile(
    r"reporting|editing|writing|additional|compiled|photo|video|graphic|contributed|contributing|credit|image|follow"
)
_CASE_ODD = ("ſ", "ı", "İ", "\u212a")  # long s, dotless i, dotted I, Kelvin sign
_BY = re.compile(r"by")


def _credit_spans(text: str, lower: str) -> list[tuple[int, int]]:
    """Spans of credit and byline phrases (``_CREDIT_EN`` matches)."""
    if any(c in text for c in _CASE_ODD):
        return [m.span() for m in _CREDIT_EN.finditer(text)]
    starts = {m.start() for m in _CREDIT_KEYS.finditer(lower)}
    for m in _BY.finditer(lower):
        # "^\s*by": the line starts inside the white space before "by"
        q = k = m.start()
        while k > 0 and text[k - 1].isspace():
            k -= 1
        starts.update(p for p in range(k, q + 1) if p == 0 or text[p - 1] == "\n")
    return [m.span() for m in matches_at(_CREDIT_EN, text, sorted(starts))]


_BAD_GAP = re.compile(r"[.!?;:\n]")
_GENERATION = frozenset(["jr", "sr"])
_SIGN_OFF_START = re.compile(r"[.!?][ \t]+$")
_SIGN_OFF_END = re.compile(r"(?:\s+[JS]r)?\.?[ \t]*(?:\n|$)")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_POSS = ("'s", "’s")
_QUOTES = "\"“”'‘’"


_WORD = re.compile(r"[^\W\d_]+")
#: the first letter of a word when it is not a-z
_NOT_AZ_START = re.compile(r"[^\W\d_a-z](?<![^\W\d_][\s\S])")


def _headline_name(toks: list[Tok], lex) -> list[Tok]:
    """In a Headline-Case line keep only first name [initial] surname from the run:
    "Struggling Donald Trump Claims" -> "Donald Trump"."""
    for k, t in enumerate(toks):
        if is_en_first_name(t.text) or t.text.lower() in lex.known_first:
            rest = toks[k:]
            if len(rest) >= 3 and rest[1].kind == "ini":
                return rest[:3]
            return rest[:2]
    return toks if len(toks) <= 2 else []


class _Ctx:
    def __init__(self, doc: TextDoc, lex):
        self.text = doc.text
        self.lower = doc.lower
        self.titles = TitleIndex(self.lower, automaton(lex.en_title_phrases), lex.en_modifiers)

    def prev_toks(self, pos: int) -> list[Tok]:
        lo = max(0, pos - 24)
        nl = self.text.rfind("\n", lo, pos)
        return tokenize(self.text, nl + 1 if nl >= 0 else lo, pos)


@lru_cache(maxsize=1)
def _ascii_honorifics() -> bool:
    """True when every English honorific is ASCII letters with an optional full stop."""
    return all(h.rstrip(".").isascii() and h.rstrip(".").isalpha() for h in people_lexicon().en_honorifics)


def _may_follow_honorific(ctx: _Ctx, pos: int, lex) -> bool:
    """Cheap test before tokenizing: False when the word ending right before ``pos``
    (spaces and one full stop aside) is no honorific."""
    if not _ascii_honorifics():
        return True
    lo = max(0, pos - 24)
    nl = ctx.text.rfind("\n", lo, pos)
    tail = ctx.text[nl + 1 if nl >= 0 else lo : pos].rstrip()
    if tail.endswith("."):
        tail = tail[:-1]
    w = tail[len(tail.rstrip(ascii_letters)) :].lower()
    return w in lex.en_honorifics or w + "." in lex.en_honorifics


def _honorific_before(ctx: _Ctx, pos: int, lex):
    if not _may_follow_honorific(ctx, pos, lex):
        return None
    toks = ctx.prev_toks(pos)
    if not toks:
        return None
    k = len(toks) - 1
    if ctx.text[toks[k].end : pos].strip():
        return None
    if toks[k].text == "." and k >= 1 and toks[k - 1].end == toks[k].start:
        w = toks[k - 1].text.lower()
        for key in (w + ".", w):
            if key in lex.en_honorifics:
                return ctx.text[toks[k - 1].start : toks[k].end], toks[k - 1].start, lex.en_honorifics[key]
        return None
    w = toks[k].text.lower()
    if toks[k].kind == "w" and w in lex.en_honorifics:
        return toks[k].text, toks[k].start, lex.en_honorifics[w]
    return None


def _title_before(ctx: _Ctx, pos: int, lo: int) -> tuple[int, int] | None:
    hit = ctx.titles.last_before(pos, max(lo, pos - 60))
    if hit is None:
        return None
    s, e, _ = hit
    gap = ctx.text[e:pos]
    if _BAD_GAP.search(gap.replace("Sen.", "").replace("Gov.", "").replace("Rep.", "")) and not gap.strip() == "":
        return None
    words = [t for t in tokenize(ctx.text, e, pos) if t.kind == "w"]
    if len(words) > 3 or any(not t.cap for t in words):
        return None
    return s, e


@lru_cache(maxsize=1)
def _surname_words() -> frozenset:
    """Non-name words that are also surnames ("White", "May"), see en_surname_words.txt."""
    from .lexicon import _lines

    return frozenset(w.lower() for w in _lines("en_surname_words.txt"))


def _surname_end(toks: list, hon) -> bool:
    """True when the last token is a surname-like word ending a name: after an
    honorific ("Ms. White") or after a first name ("Mary Jo White")."""
    if toks[-1].low not in _surname_words() or not toks[-1].text[:1].isupper():
        return False
    return hon is not None or (len(toks) >= 2 and is_en_first_name(toks[0].text))


def _place_word_end(toks, lex) -> bool:
    """True when a capitalised run ends with an organisation or place word ("Trump Tower",
    "Harbour Drive"), or with a street word that is also a surname after a word that is not
    a common first name ("Marsh Lane", but not "Diane Lane")."""
    last = toks[-1].low
    if last in lex.en_org_words:
        return True
    if len(toks) < 2 or last not in lex.en_street_surnames:
        return False
    first = toks[0].low
    if first in lex.en_honorifics or first in lex.en_titles:
        return False  # "Mrs Lane", "Judge Close"
    return not is_en_first_name(toks[0].text, 5000)


def find_candidates_en(doc: TextDoc) -> list[Cand]:
    """Person-name candidates in an English document (not yet clustered)."""
    lex = people_lexicon()
    ctx = _Ctx(doc, lex)
    text = ctx.text
    excl = _credit_spans(text, doc.lower)
    paras = doc.paragraphs
    pstarts = [p.start for p in paras]
    single_orgs = word_index().single_orgs
    out: list[Cand] = []
    head_cache: dict[int, bool] = {}

    def headline(pos: int) -> bool:
        k = bisect.bisect_right(pstarts, pos) - 1
        if k < 0:
            return False
        r = head_cache.get(k)
        if r is None:
            ptext = paras[k].text
            # capitalised words are at most the words not starting with a-z; with more
            # than 5/3 as many words, capitals are under 60%: stop counting
            most = len(_NOT_AZ_START.findall(ptext))
            limit = 5 * most // 3
            if len(list(islice(_WORD.finditer(ptext), limit + 1))) > limit:
                r = False
            else:
                words = _WORD.findall(ptext)
                caps = sum(1 for w in words if w[0].isupper())
                r = len(words) >= 3 and caps / len(words) > 0.6
            head_cache[k] = r
        return r

    for toks in find_runs(text):
        toks = list(toks)
        for k, t in enumerate(toks):
            if t.text.endswith(_POSS) and len(t.text) > 2:
                if k < len(toks) - 1 and not all(x.low in lex.en_non_names for x in toks[k + 1 :]):
                    # "CNN's Jake Tapper": the owner is an organisation, the name follows
                    toks = toks[k + 1 :]
                else:
                    # a possessive ends the name: "Hillary Clinton's campaign"
                    toks = toks[:k] + [RunTok(t.start, t.end - 2, t.text[:-2], t.kind, True, False)]
                break
        if headline(toks[0].start):
            name = _headline_name(toks, lex)
            if not name:
                # "Trump Warns Clinton Policy On Syria": each word may repeat a known name
                for t in toks:
                    w = t.low
                    if w not in lex.en_non_names and w not in lex.places and w not in single_orgs:
                        out.append(Cand(t.start, t.end, t.start, t.end, [t.text], foreign=True))
                continue
            toks = name
        key0 = " ".join([t.low for t in toks])
        if key0 in lex.places or key0 in lex.organisations or _place_word_end(toks, lex):
            continue
        hon = None
        titled = False
        # leading function words, honorifics and titles inside the run
        while toks:
            w = toks[0].low
            two = w + " " + toks[1].low if len(toks) >= 2 else ""
            if w in lex.en_honorifics and len(toks) >= 2:
                hon = (toks[0].text, toks[0].start, lex.en_honorifics[w])
            elif two in lex.en_titles and len(toks) >= 3:
                titled = True
                toks = toks[1:]
            elif w in lex.en_titles or w in lex.en_modifiers:
                titled = titled or w in lex.en_titles
            elif w in lex.en_non_names:
                if len(toks) == 1 and w in _surname_words() and _surname_end(toks, hon or _honorific_before(ctx, toks[0].start, lex)):
                    break  # "Ms. White"
            else:
                break
            toks = toks[1:]
        gen = None
        if len(toks) >= 3 and toks[-1].low in _GENERATION and is_en_first_name(toks[0].text):
            gen, toks = toks[-1], toks[:-1]  # "Donald Trump Jr.": the son, kept apart from the father
        if not titled and len(toks) >= 3:
            # "Federal Reserve Chair Janet Yellen": an office, its title word, then the name
            for k in range(len(toks) - 2, 0, -1):
                if toks[k].low in lex.en_titles and is_en_first_name(toks[k + 1].text):
                    toks = toks[k + 1 :]
                    titled = True
                    break
        for k in range(1, len(toks)):
            w = toks[k].low
            if w in lex.en_non_names and w not in PARTICLES and w not in lex.en_titles:
                if k == len(toks) - 1 and _surname_end(toks, hon):
                    break  # "Mary Jo White"
                toks = toks[:k]  # "Clinton Said Financial Reform": a headline, not a name
                break
        while toks and toks[-1].low in lex.en_non_names and not (
            toks[-1].low in _surname_words()
            and _surname_end(toks, hon or (_honorific_before(ctx, toks[0].start, lex) if len(toks) == 1 else None))
        ):
            toks = toks[:-1]
        if len(toks) >= 3 and not is_en_first_name(toks[0].text) and is_en_first_name(toks[1].text):
            toks = toks[1:]  # "Later Hillary Clinton"
        if not toks:
            continue
        if gen is not None and len(toks) >= 2:
            toks = toks + [gen]
        words = [t.text for t in toks]
        low = [t.low for t in toks]
        key = " ".join(low)
        if key in lex.places or key in lex.organisations:
            continue
        if any(w in single_orgs for w in low) and not (
            # "Chelsea Clinton": a club name that is also a common first name, then a surname
            len(low) >= 2 and low[0] in single_orgs and is_en_first_name(words[0], 20000)
            and not any(w in single_orgs for w in low[1:]) and not headline(toks[0].start)
        ):
            continue
        if _place_word_end(toks, lex):
            continue
        nxt = _NEXT_WORD.match(text, toks[-1].end, toks[-1].end + 20)
        if nxt and nxt.group(1) in lex.en_org_words:
            continue
        if in_spans(excl, toks[0].start, toks[-1].end):
            continue
        if hon is None:
            hon = _honorific_before(ctx, toks[0].start, lex)
        if hon is None and len(toks) >= 2 and _SIGN_OFF_END.match(text, toks[-1].end) and _SIGN_OFF_START.search(
            text, max(0, toks[0].start - 3), toks[0].start
        ):
            continue  # "... in Washington. Jane Doe.\n": the reporter's sign-off closing a paragraph
        pi = bisect.bisect_right(pstarts, toks[0].start) - 1
        lo = paras[pi].start if pi >= 0 else 0
        title = None
        if not titled:
            title = _title_before(ctx, hon[1] if hon else toks[0].start, lo)
        titled = titled or title is not None
        if (
            hon is None
            and len(low) <= 2
            and any(w in lex.places or w in lex.en_non_names for w in low)
            and not (
                len(low) == 2 and is_en_first_name(words[0]) and low[0] not in lex.places
                and (low[1] not in lex.en_non_names or _surname_end(toks, hon))
            )
        ):
            continue  # "Texas Rangers", "Monday Night"; but "Paris Hilton", "Jordan Peterson"
        n = len(toks)
        ns, ne = toks[0].start, toks[-1].end
        known = key in lex.known or (n == 1 and key in lex.known_single)
        strong = bool(
            hon
            or known
            or (titled and 2 <= n <= 4)
            or (titled and n == 1 and title is not None and title[1] == (hon[1] if hon else ns) - 1)
            or (n >= 2 and n <= 4 and (is_en_first_name(words[0]) or low[0] in lex.known_first))
        )
        if n > 4:
            continue
        titles = []
        if title is not None:
            t_txt = " ".join(text[title[0] : hon[1] if hon else ns].split()).strip(" ,;:")
            if t_txt:
                titles.append(t_txt)
        out.append(
            Cand(
                start=hon[1] if hon else ns,
                end=ne,
                name_start=ns,
                name_end=ne,
                tokens=words,
                honorific=hon[0] if hon else "",
                hon_start=hon[1] if hon else None,
                hon_gender=hon[2] if hon else None,
                titles=titles,
                foreign=True,
                strong=strong,
                initials=any(t.kind == "ini" for t in toks),
            )
        )
    return out
