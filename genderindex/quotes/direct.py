"""Quotations that no reporting verb introduced: floating quotes that continue the
previous speaker (a quoted sentence or paragraph right after one attributed to X inherits
X, as in the Gender Gap Tracker), and unattributed quotations. Scare quotes / terms
(short, no verb: ``định kiến "phái yếu"``) are not quotes.
"""
from __future__ import annotations

import re

from .attribute import Attribution, Context, n_words

#: fewest words for a quotation that stands on its own (shorter ones are terms)
MIN_WORDS = 5
#: most characters between the previous attribution and a floating quote
MAX_GAP = 300
_END_PUNCT_RE = re.compile(r"[.!?…]")


def is_substantial(ctx: Context, q) -> bool:
    inner = ctx.text[q.inner_start : q.inner_end]
    return n_words(inner) >= MIN_WORDS


def _standalone(ctx: Context, q) -> bool:
    """The quotation opens its sentence (or paragraph)."""
    ss, _ = ctx.sentence(q.start)
    head = ctx.text[ss : q.start]
    return not head.strip(" -–—:\n")


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
        out.append(
            Attribution(q.inner_start, q.inner_end, "direct", spot, "", None, None, q,
                        "floating" if spot else "unattributed")
        )
    return out
