"""People stage: person mentions, clustering into individuals, gender with evidence.

``find_people(doc)`` returns one :class:`~genderindex.types.Person` per individual named
in the article. Every mention (name with its honorific, and bare honorifics/pronouns
resolved to the person, ``kind`` "honorific"/"pronoun") carries offsets in ``doc.text``.
``resolve_reference(doc, people, offset)`` tells which person a mention, bare honorific
or pronoun at ``offset`` refers to.
"""
from __future__ import annotations

import bisect

from ..text.document import TextDoc
from ..types import Evidence, Mention, Person
from .candidate import Cand
from .cluster import cluster
from .gender import decide, name_cues
from .pronouns import GENDER_WINDOW, WINDOW, find_references

__all__ = ["find_people", "resolve_reference"]


def _candidates(doc: TextDoc) -> list[Cand]:
    if doc.lang == "en":
        from .mentions_en import find_candidates_en

        return find_candidates_en(doc)
    from .mentions_vi import find_candidates_vi

    return find_candidates_vi(doc)


def _field(doc: TextDoc, s: int) -> str:
    return "title" if doc.title_len and s < doc.title_len else "text"


def find_people(doc: TextDoc) -> list[Person]:
    """Named people in ``doc`` (one :class:`Person` per individual), offsets in ``doc.text``."""
    text = doc.text
    if not text.strip():
        return []
    clusters = cluster(_candidates(doc), doc.lower)
    people: list[Person] = []
    for cl in clusters:
        ev = name_cues(cl)
        p = Person(name=" ".join(cl.tokens))
        for c in cl.cands:
            kind = "initials" if c.initials else "name"
            p.mentions.append(
                Mention(c.start, c.end, text[c.start : c.end], kind, " ".join(c.tokens), c.honorific, _field(doc, c.start))
            )
            for t in c.titles:
                if t not in p.titles:
                    p.titles.append(t)
        p.gender, p.gender_evidence = decide(ev)
        people.append(p)
    _add_references(doc, people)
    for p in people:
        p.mentions.sort(key=lambda m: m.start)
    people.sort(key=lambda p: p.start)
    return people


def _index(people: list[Person]) -> tuple[list[int], list[Person]]:
    pairs = sorted((m.start, id(p), p) for p in people for m in p.mentions if m.kind in ("name", "initials"))
    return [s for s, _, _ in pairs], [p for _, _, p in pairs]


def _add_references(doc: TextDoc, people: list[Person]) -> None:
    if not people:
        return
    starts, owners = _index(people)
    covered = sorted((m.start, m.end) for p in people for m in p.mentions)
    cstarts = [s for s, _ in covered]
    for s, e, kind, g in find_references(doc):
        k = bisect.bisect_right(cstarts, s) - 1
        if k >= 0 and covered[k][0] <= s < covered[k][1]:
            continue  # part of a name mention ("bà" of "bà Hương")
        p = _antecedent(starts, owners, s, g)
        if p is None:
            continue
        p.mentions.append(Mention(s, e, doc.text[s:e], kind, "", doc.text[s:e] if kind == "honorific" else "", _field(doc, s)))
        if p.gender == "unknown" and g in ("female", "male"):
            i = bisect.bisect_left(starts, s) - 1
            if i >= 0 and owners[i] is p and s - starts[i] <= GENDER_WINDOW:
                p.gender = g
                p.gender_evidence = [Evidence("pronoun", doc.text[s:e], s, e, f"{g}: refers back to {p.name}")]


def _antecedent(starts: list[int], owners: list[Person], s: int, g: str | None) -> Person | None:
    i = bisect.bisect_left(starts, s) - 1
    while i >= 0 and s - starts[i] <= WINDOW:
        p = owners[i]
        if g is None or p.gender in ("unknown", g):
            return p
        i -= 1
    return None


def resolve_reference(doc: TextDoc, people: list[Person], offset: int) -> Person | None:
    """The person referred to at ``offset``: a mention covering it (name, bare honorific or
    pronoun found by :func:`find_people`), else the antecedent of a bare honorific or
    pronoun starting there, else ``None``."""
    for p in people:
        for m in p.mentions:
            if m.start <= offset < m.end:
                return p
    starts, owners = _index(people)
    for s, e, _kind, g in find_references(doc):
        if s <= offset < e:
            return _antecedent(starts, owners, s, g)
    return None
