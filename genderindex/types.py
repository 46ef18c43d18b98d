"""Result types shared by every stage.

All offsets (``start``, ``end``) are character offsets into the caller's original
string, so ``text[start:end] == span.text`` always holds.
Every result can be turned into plain JSON with ``to_dict()``; the field names follow
the article output contract in the project's design notes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Gender = Literal["female", "male", "unknown"]
Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

#: Finding categories (see ANNOTATION.md, "findings").
CATEGORIES = (
    "stereotype_women",
    "stereotype_men",
    "appearance",
    "family_framing",
    "marital_age",
    "gendered_occupation",
    "sexist_insult",
    "gbv_trivialising",
    "gbv_victim_blaming",
)

#: GMMP-style functions of a person in a story.
FUNCTIONS = (
    "official",
    "expert",
    "spokesperson",
    "personal_experience",
    "eyewitness",
    "popular_opinion",
    "subject",
    "other",
)


@dataclass(slots=True)
class Evidence:
    """Why a decision was taken: the cue type, the text that carries it and where."""

    cue: str
    text: str = ""
    start: int | None = None
    end: int | None = None
    detail: str = ""
    field: str = "text"

    def to_dict(self) -> dict[str, Any]:
        d = {"cue": self.cue, "text": self.text, "start": self.start, "end": self.end}
        if self.detail:
            d["detail"] = self.detail
        if self.field != "text":
            d["field"] = self.field
        return d


@dataclass(slots=True)
class Mention:
    """One surface mention of a person (with its honorific/title when present)."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | honorific | initials | pronoun | title
    name: str = ""  # the name part without honorific/title ("" for bare honorific/pronoun)
    honorific: str = ""  # honorific or title word(s) directly before the name
    field: str = "text"  # "title" when the mention is in the article title

    def to_dict(self) -> dict[str, Any]:
        d = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}
        if self.field != "text":
            d["field"] = self.field
        return d


@dataclass(slots=True)
class Person:
    """A person cluster: one individual per article, with all their mentions."""

    name: str
    mentions: list[Mention] = field(default_factory=list)
    gender: Gender = "unknown"
    gender_evidence: list[Evidence] = field(default_factory=list)
    quoted: bool = False
    quote_type: str | None = None  # direct | indirect | None
    function: str = "other"
    function_evidence: list[Evidence] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min((m.start for m in self.mentions), default=0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "gender": self.gender,
            "quoted": self.quoted,
            "quote_type": self.quote_type,
            "function": self.function,
            "mentions": [m.to_dict() for m in self.mentions],
            "gender_evidence": [e.to_dict() for e in self.gender_evidence],
            "function_evidence": [e.to_dict() for e in self.function_evidence],
            "titles": list(self.titles),
        }


@dataclass(slots=True)
class Quote:
    """Reported speech: direct (quotation marks / colon) or indirect (reporting verb)."""

    start: int
    end: int
    text: str
    type: str  # direct | indirect
    speaker: str | None = None  # the person's ``name``; None when not attributed
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str = ""  # reporting verb or frame
    cue_start: int | None = None
    cue_end: int | None = None
    field: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type,
            "speaker": self.speaker, "speaker_start": self.speaker_start, "speaker_end": self.speaker_end,
            "cue": self.cue, "cue_start": self.cue_start, "cue_end": self.cue_end, "field": self.field,
        }


@dataclass(slots=True)
class Finding:
    """A stereotyped, sexist or GBV-trivialising expression found by a lexicon rule."""

    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestions: list[str] = field(default_factory=list)
    source: str = ""
    in_quote: bool = False
    note: str = ""
    line: int = 0  # 1-based, filled by the check command
    col: int = 0  # 1-based
    field: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "in_quote": self.in_quote,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "source": self.source,
            "note": self.note,
            **({"field": self.field} if self.field != "text" else {}),
        }


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything genderindex says about one article."""

    id: str
    lang: str
    words: int
    people: list[Person] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    ge_topic: bool = False
    gbv_story: bool = False
    topic_score: float = 0.0
    gbv_score: float = 0.0
    topic_explanation: dict[str, Any] = field(default_factory=dict)
    indicators: dict[str, Any] = field(default_factory=dict)
    score: float | None = None
    rubric: str = ""
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "lang": self.lang,
            "words": self.words,
            "people": [p.to_dict() for p in self.people],
            "quotes": [q.to_dict() for q in self.quotes],
            "findings": [f.to_dict() for f in self.findings],
            "ge_topic": self.ge_topic,
            "gbv_story": self.gbv_story,
            "topic_score": round(self.topic_score, 4),
            "gbv_score": round(self.gbv_score, 4),
            "topic_explanation": self.topic_explanation,
            "indicators": self.indicators,
            "score": self.score,
            "rubric": self.rubric,
        }
        if self.meta:
            d["meta"] = self.meta
        return d
