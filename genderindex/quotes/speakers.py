"""Finding the person behind a speaker position: mentions from the people stage, and a
fallback for bare honorifics / pronouns (``bà cho biết``, ``he said``) that the people
stage did not resolve: the most recent compatible person.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..types import Person

_MALE_HON = frozenset("ông anh chú cụ bác thầy mr he him his".split())
_FEMALE_HON = frozenset("bà chị cô cụ bà mrs ms miss madam she her".split())


@dataclass(slots=True, frozen=True)
class Spot:
    """A speaker position: person index and the mention span used."""

    pid: int
    start: int
    end: int
    kind: str = "name"


class MentionIndex:
    """All person mentions of an article, sorted, with fast lookups by offset."""

    def __init__(self, people: list[Person]):
        rows = []
        for pid, p in enumerate(people):
            for m in p.mentions:
                if getattr(m, "field", "text") not in ("text", "title"):
                    continue
                rows.append((m.start, m.end, pid, m.kind or "name", (m.honorific or "").lower()))
        rows.sort()
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.people = people

    def before(self, lo: int, hi: int) -> list[tuple]:
        """Mentions with ``lo <= start`` and ``end <= hi``, in text order."""
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        return [r for r in self.rows[i:j] if r[1] <= hi]

    def backwards(self, hi: int, lo: int = 0):
        """Mentions with ``lo <= start`` and ``end <= hi``, nearest first (a generator)."""
        j = bisect.bisect_left(self.starts, hi)
        rows = self.rows
        for k in range(j - 1, -1, -1):
            r = rows[k]
            if r[0] < lo:
                return
            if r[1] <= hi:
                yield r

    def starting_in(self, lo: int, hi: int) -> list[tuple]:
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        return self.rows[i:j]

    def at(self, start: int, end: int) -> tuple | None:
        """A mention overlapping ``[start, end)`` (the longest), if any."""
        i = bisect.bisect_left(self.starts, start - 60)
        best = None
        for r in self.rows[i:]:
            if r[0] >= end:
                break
            if r[1] > start and (best is None or r[1] - r[0] > best[1] - best[0]):
                best = r
        return best

    def resolve_bare(self, word: str, gender: str, pos: int, window: int = 2500) -> int | None:
        """The most recent person before ``pos`` compatible with a bare speaker ``word``.

        Same honorific first (``bà`` → a person mentioned as ``bà ...``), then same gender,
        then (for gender-neutral words) anyone; persons with a name only.
        """
        i = bisect.bisect_left(self.starts, pos)
        last_seen: dict[int, int] = {}
        hons: dict[int, set[str]] = {}
        for r in self.rows[:i]:
            if r[0] < pos - window or r[1] > pos:
                continue
            last_seen[r[2]] = r[0]
            if r[4]:
                hons.setdefault(r[2], set()).update(r[4].split())
        if not last_seen:
            return None
        order = sorted(last_seen, key=lambda pid: -last_seen[pid])
        head = word.split()[0]
        want = gender
        if want == "any" and head in _MALE_HON:
            want = "male"
        elif want == "any" and head in _FEMALE_HON:
            want = "female"

        if want == "any":
            # "em kể", "cháu nói": only someone already called that way
            for pid in order:
                if head in hons.get(pid, ()):
                    return pid
            return None

        def gender_ok(pid: int) -> bool:
            g = self.people[pid].gender
            return want == "any" or g == want

        for pid in order:
            if gender_ok(pid):
                return pid
        if want != "any":
            for pid in order[:2]:
                if self.people[pid].gender == "unknown":
                    return pid
        return None
