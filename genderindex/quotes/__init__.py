"""Quotes stage: direct and indirect speech attributed to people (who is a source).

``find_quotes(doc, people)`` runs three rule families over the article
(:mod:`.indirect` reporting verbs and ``theo``/``according to`` frames, then
:mod:`.direct` floating and unattributed quotations) and marks every attributed speaker
``quoted`` with ``quote_type`` "direct" when any of their quotes is direct.
"""
from __future__ import annotations

from ..text.document import TextDoc
from ..types import Person, Quote
from .attribute import _SUBJECT_PREFIX_RE, Attribution, Context, has_words
from .speakers import Spot
from .direct import colon_attributions, floating_attributions
from .indirect import cue_attributions, frame_attributions
from .lexicon import load_lexicon

__all__ = ["find_quotes"]


def find_quotes(doc: TextDoc, people: list[Person]) -> list[Quote]:
    """Quotes in ``doc``; marks ``people[i].quoted``/``quote_type`` for attributed speakers."""
    ctx = Context(doc, people, load_lexicon(doc.lang))
    found = cue_attributions(ctx) + frame_attributions(ctx)
    found += colon_attributions(ctx)
    _partial_quotes(ctx, found)
    _speaker_continuity(found, people, ctx if doc.lang == "en" else None)
    found += floating_attributions(ctx, found)
    found = _dedupe(found)
    quotes: list[Quote] = []
    for a in found:
        person = people[a.spot.pid] if a.spot is not None else None
        quotes.append(
            Quote(
                start=a.start,
                end=a.end,
                text=doc.text[a.start : a.end],
                type=a.type,
                speaker=person.name if person is not None else None,
                speaker_start=a.spot.start if a.spot is not None else None,
                speaker_end=a.spot.end if a.spot is not None else None,
                cue=a.cue,
                cue_start=a.cue_start,
                cue_end=a.cue_end,
            )
        )
        if person is not None:
            person.quoted = True
            if a.type == "direct" or person.quote_type is None:
                person.quote_type = "direct" if a.type == "direct" or person.quote_type == "direct" else "indirect"
    return quotes


#: fewest words of a quotation inside reported content that make the report direct
PARTIAL_MIN_WORDS = 3


def _partial_quotes(ctx: Context, found: list[Attribution]) -> None:
    """Indirect content that carries the speaker's own words in quotation marks
    (``ông X cho biết dự án "sẽ xong trong năm nay"``) is a direct quote."""
    for a in found:
        if a.type != "indirect":
            continue
        for q in ctx.top:
            if q.start >= a.end:
                break
            if q.start >= a.start and q.end <= a.end + 1 and has_words(ctx.text[q.inner_start : q.inner_end], PARTIAL_MIN_WORDS):
                a.type = "direct"
                break


#: how far back (characters) the previous speaker still holds the floor
CONTINUITY = 600


def _speaker_continuity(found: list[Attribution], people: list[Person], ctx: Context | None = None) -> None:
    """A pronoun or bare-honorific speaker (``he said``, ``bà nói``) right after another
    speaker's quote of the same gender refers to that speaker (they hold the floor), not
    to a person the quote merely mentioned."""
    order = sorted((a for a in found if a.spot is not None), key=lambda a: a.spot.start)
    prev = None
    for a in order:
        if (
            prev is not None
            and a.spot.kind in ("pronoun", "honorific")
            and a.spot.pid != prev.spot.pid
            and 0 <= a.spot.start - max(prev.end, prev.spot.end) <= CONTINUITY
            and people[prev.spot.pid].gender == people[a.spot.pid].gender != "unknown"
            and not _named_between(people[a.spot.pid], max(prev.end, prev.spot.end), a.spot.start, ctx)
        ):
            a.spot = Spot(prev.spot.pid, a.spot.start, a.spot.end, a.spot.kind)
            a.rule += "+continuity"
        prev = a


def _named_between(person: Person, start: int, end: int, ctx: Context | None = None) -> bool:
    """The person is named (not just a pronoun) between ``start`` and ``end``: newly
    introduced. With ``ctx`` (English) only a name opening its sentence counts: a person
    named as an object (``X thanked head baker Y``) does not take the floor."""
    for m in person.mentions:
        if start <= m.start < end and m.kind not in ("pronoun", "honorific"):
            if ctx is None:
                return True
            ss, _ = ctx.sentence(m.start)
            if _SUBJECT_PREFIX_RE.match(ctx.text[ss : m.start]):
                return True
    return False


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per (content span, speaker); attributed ones win over unattributed."""
    seen: dict[tuple, Attribution] = {}
    for a in found:
        key = (a.start, a.end, a.spot.pid if a.spot else None)
        if key not in seen:
            seen[key] = a
    attributed = {(a.start, a.end) for a in seen.values() if a.spot is not None}
    out = [a for a in seen.values() if a.spot is not None or (a.start, a.end) not in attributed]
    out.sort(key=lambda a: (a.start, a.end))
    return out
