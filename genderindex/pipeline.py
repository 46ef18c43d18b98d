"""The article pipeline: normalise → segment → people → quotes → roles → language → topic
→ indicators → score. One function per stage lives in its own module; this module only
wires them together and maps every offset back to the caller's strings.
"""
from __future__ import annotations

from typing import Any

from .text.document import TextDoc
from .types import ArticleAnalysis


def prepare(text: str, lang: str | None = "auto", title: str | None = None) -> TextDoc:
    """Normalise ``text`` (and ``title``) and detect the language."""
    return TextDoc(text, lang=lang, title=title)


def analyze(
    text: str,
    lang: str | None = "auto",
    title: str | None = None,
    id: str | None = None,
    *,
    config: Any = None,
) -> ArticleAnalysis:
    """Analyse one article: people and their gender, quotes and sources, language findings,
    gender-equality/GBV topic, indicators and the article score.

    Offsets in the result refer to ``text`` (mentions in the title carry ``field: "title"``
    and offsets into ``title``).
    """
    from . import indicators, rubric
    from .language import find_findings
    from .people import find_people
    from .quotes import find_quotes
    from .roles import assign_functions
    from .topic import classify

    doc = prepare(text, lang, title)
    people = find_people(doc)
    quotes = find_quotes(doc, people)
    assign_functions(doc, people, quotes)
    findings = find_findings(doc, config=config)
    topic = classify(doc)
    result = ArticleAnalysis(
        id=str(id) if id is not None else "",
        lang=doc.lang,
        words=doc.words,
        people=people,
        quotes=quotes,
        findings=findings,
        ge_topic=topic.ge_topic,
        gbv_story=topic.gbv_story,
        topic_score=topic.ge_score,
        gbv_score=topic.gbv_score,
        topic_explanation=topic.explanation,
        title=title,
    )
    _to_original(doc, result)
    result.indicators = indicators.article_indicators(result)
    rub = rubric.load_rubric(config=config)
    result.score = rubric.score_article(result, rub)
    result.rubric = rub.version
    return result


def _to_original(doc: TextDoc, result: ArticleAnalysis) -> None:
    """Rewrite every offset and text of ``result`` in the caller's coordinates."""
    src = {"title": doc.title or "", "text": doc.body}

    field_span = doc.field_span

    def fix(obj, attrs=("start", "end"), text_attr="text"):
        a0, a1 = attrs
        s, e = getattr(obj, a0), getattr(obj, a1)
        if s is None or e is None:
            return
        field, os_, oe = field_span(s, e)
        setattr(obj, a0, os_)
        setattr(obj, a1, oe)
        if text_attr:
            setattr(obj, text_attr, src[field][os_:oe])
        if field == "title" and hasattr(obj, "field"):
            obj.field = "title"

    for p in result.people:
        for m in p.mentions:
            fix(m)
        for ev in p.gender_evidence + p.function_evidence:
            fix(ev)
    for q in result.quotes:
        fix(q)
        fix(q, ("speaker_start", "speaker_end"), None)
        fix(q, ("cue_start", "cue_end"), None)
    for f in result.findings:
        fix(f)
