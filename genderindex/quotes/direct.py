"""Quotations that no reporting verb introduced: floating quotes that continue the
previous speaker (a quoted sentence or paragraph right after one attributed to X inherits
X, as in the Gender Gap Tracker), and unattributed quotations. Scare quotes / terms
(short, no verb: ``định kiến "phái yếu"``) are not quotes.
"""
from __future__ import annotations

import re

from .attribute import _POSSESSOR_RE, Attribution, Context, has_words, n_words

#: fewest words for a quotation that stands on its own (shorter ones are terms)
MIN_WORDS = 5
#: most characters between the previous attribution and a floating quote
MAX_GAP = 300


def is_substantial(ctx: Context, q) -> bool:
    inner = ctx.text[q.inner_start : q.inner_end]
    return has_words(inner, MIN_WORDS)


def _standalone(ctx: Context, q) -> bool:
    """The quotation opens its sentence (or paragraph)."""
    ss, _ = ctx.sentence(q.start)
    head = ctx.text[ss : q.start]
    return not head.strip(" -–—:\n")


_COLON_RE = re.compile(r":")
_NO_VERB_GAP_RE = re.compile(r"[,.;!?“”\"«»()]")


def colon_attributions(ctx: Context) -> list[Attribution]:
    """``Ông X: ...`` (interview answers, headlines ``Putin: ...``) and
    ``X tự hào: “...”`` (any short predicate, then a colon and a quotation)."""
    out: list[Attribution] = []
    text = ctx.text
    for m in _COLON_RE.finditer(text):
        c = m.start()
        if ctx.in_quote(c, c + 1):
            continue
        ss, se = ctx.sentence(c)
        rows = [r for r in ctx.idx.before(ss, c) if not ctx.in_quote(r[0], r[1])]
        if not rows:
            continue
        r = rows[-1]
        gap = text[r[1] : c]
        q = ctx.quote_starting_near(c + 1, 4)
        if not gap.strip():
            # the name opens the sentence (after an optional title): an interview answer
            if n_words(text[ss : r[0]]) > 6 or _NO_VERB_GAP_RE.search(text, ss, r[0]):
                continue
            if _POSSESSOR_RE.search(text[max(ss, r[0] - 50) : r[0]]):
                continue  # "Another achievement cited by X: ..."
            if q is not None:
                s, e = q.inner_start, q.inner_end
            else:
                s, e = c + 1, se
                while s < e and text[s] in " \t":
                    s += 1
                if not has_words(text[s:e], 3):
                    continue
            out.append(Attribution(s, e, "direct", _spot(r), ":", c, c + 1, q, "speaker-colon"))
        elif (
            q is not None
            and len(gap) <= 60
            and not _NO_VERB_GAP_RE.search(gap)
            and n_words(gap) <= 8
            and not ctx._cue_between_any(r[1], c)  # a reporting verb: the verb rules decide
            and not _POSSESSOR_RE.search(text[max(0, r[0] - 50) : r[0]])
        ):
            out.append(Attribution(q.inner_start, q.inner_end, "direct", _spot(r), ":", c, c + 1, q, "colon-quote"))
    return out


def _spot(r):
    from .speakers import Spot

    return Spot(r[2], r[0], r[1], r[3])


def _reach(a: Attribution) -> int:
    """Where an attribution ends in the text (content, cue or speaker, whichever is last)."""
    return max(a.end, a.cue_end or 0, a.spot.end if a.spot else 0)


def floating_attributions(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Quotations without a cue: inherit the previous speaker or stay unattributed."""
    used = {(a.quote.start, a.quote.end) for a in found if a.quote is not None}
    # content spans already covered (a quote inside an attributed colon statement)
    covered = sorted((a.start, a.end) for a in found)
    anchors = sorted((a for a in found if a.spot is not None), key=lambda a: max(a.end, a.cue_end))
    out: list[Attribution] = []
    for q in ctx.top:
        if (q.start, q.end) in used or not is_substantial(ctx, q):
            continue
        if any(s <= q.inner_start and q.inner_end <= e for s, e in covered):
            continue
        prev, prev_end = None, -1
        for a in anchors + [x for x in out if x.spot is not None]:
            end = _reach(a)
            if end <= q.start and end > prev_end:
                prev, prev_end = a, end
        spot = None
        if prev is not None and _standalone(ctx, q):
            end = prev_end
            gap_rows = ctx.idx.before(end, q.start)
            if q.start - end <= MAX_GAP and all(r[2] == prev.spot.pid for r in gap_rows):
                spot = prev.spot
        rule = "floating" if spot else "unattributed"
        if spot is None:
            spot = _next_tagged_quote(ctx, q, found)
            rule = "floating-back" if spot else rule
        out.append(Attribution(q.inner_start, q.inner_end, "direct", spot, "", None, None, q, rule))
    return out


def _next_tagged_quote(ctx: Context, q, found: list[Attribution]):
    """A quoted paragraph followed directly by another quotation whose speaker tag comes
    after it (``“Para one.” / “Para two”, chị Hương kể.``): one multi-paragraph quote."""
    for a in found:
        nq = a.quote
        if (
            nq is not None
            and a.spot is not None
            and nq.start >= q.end
            and not ctx.text[q.end : nq.start].strip()
            and nq.start - q.end <= 3
            and a.cue_start is not None
            and a.cue_start >= nq.end
        ):
            return a.spot
    return None
