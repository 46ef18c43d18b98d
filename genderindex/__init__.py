"""genderindex: audit news articles for gender sensitivity.

Public API::

    import genderindex as gi
    gi.analyze(text, lang="auto", title=None)   # -> ArticleAnalysis
    gi.check_text(text, lang="auto")            # -> list[Finding]
    gi.analyze_frame(df)                        # -> pandas DataFrame
"""
from __future__ import annotations

from .pipeline import analyze
from .types import ArticleAnalysis, Evidence, Finding, Mention, Person, Quote

__version__ = "0.1.0"

__all__ = [
    "analyze", "check_text", "analyze_frame", "ArticleAnalysis", "Evidence", "Finding",
    "Mention", "Person", "Quote", "__version__",
]


def check_text(text: str, lang: str | None = "auto", config=None) -> list[Finding]:
    """Lexicon findings (stereotyped, sexist, appearance-focused, victim-blaming wording)
    in ``text``, each with rule, category, severity, offsets, message and suggestions."""
    from .language import check_text as _check

    return _check(text, lang=lang, config=config)


def analyze_frame(df, text_col: str = "text", id_col: str = "id", title_col: str = "title", lang: str = "auto",
                  jobs: int = 1, **kwargs):
    """Analyse every row of a pandas DataFrame; returns one row per article (see
    :func:`genderindex.frame.analyze_frame` for the columns and further options)."""
    from .frame import analyze_frame as _af

    return _af(df, text_col=text_col, id_col=id_col, title_col=title_col, lang=lang, jobs=jobs, **kwargs)
