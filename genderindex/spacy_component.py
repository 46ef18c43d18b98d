"""spaCy pipeline component ``"genderindex"`` (registered by entry point, no import needed)::

    import spacy
    nlp = spacy.blank("en")                 # or genderindex.text.spacy_tokenizer.blank("vi")
    nlp.add_pipe("genderindex")
    doc = nlp("The chairman said ...")
    doc.spans["genderindex"]                # one Span per finding, label = category
    doc._.gi_findings                       # list of finding dicts (rule, severity, message, ...)
    doc.spans["genderindex"][0]._.gi_finding
    spacy.displacy.render(doc, style="span", options={"spans_key": "genderindex"})

The component runs the same lexicon matcher as ``genderindex check`` on ``doc.text``.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "genderindex"


def _register_extensions() -> None:
    if not Doc.has_extension("gi_findings"):
        Doc.set_extension("gi_findings", default=None)
    if not Span.has_extension("gi_finding"):
        Span.set_extension("gi_finding", default=None)


class GenderIndexComponent:
    """Adds genderindex lexicon findings to a Doc as spans with extension attributes."""

    def __init__(self, nlp: Language, name: str, lang: str | None, spans_key: str, min_severity: str, config_path: str | None):
        from .config import load_config

        _register_extensions()
        self.name = name
        self.spans_key = spans_key
        if lang in (None, "", "auto"):
            lang = nlp.lang if nlp.lang in ("vi", "en") else "auto"
        self.lang = lang
        self.config = load_config(config_path).merged(min_severity=min_severity) if config_path else None
        self.min_severity = min_severity

    def __call__(self, doc: Doc) -> Doc:
        from .config import Config
        from .language import check_text

        cfg = self.config or Config(min_severity=self.min_severity)
        findings = check_text(doc.text, lang=self.lang, config=cfg)
        spans = []
        dicts = []
        for f in findings:
            span = doc.char_span(f.start, f.end, label=f.category, alignment_mode="expand")
            if span is None:
                continue
            d = f.to_dict()
            span._.gi_finding = d
            spans.append(span)
            dicts.append(d)
        doc.spans[self.spans_key] = spans
        doc._.gi_findings = dicts
        return doc


@Language.factory(
    "genderindex",
    default_config={"lang": None, "spans_key": SPANS_KEY, "min_severity": "info", "config_path": None},
)
def make_genderindex(
    nlp: Language, name: str, lang: str | None, spans_key: str, min_severity: str, config_path: str | None
) -> GenderIndexComponent:
    """Factory of the ``genderindex`` component. ``lang``: vi, en or auto (default: the
    pipeline's language when it is vi/en, else auto). ``config_path``: a genderindex.toml."""
    return GenderIndexComponent(nlp, name, lang, spans_key, min_severity, config_path)


def as_dicts(doc: Doc) -> list[dict[str, Any]]:
    """The findings stored on ``doc`` (empty list when the component did not run)."""
    return list(doc._.gi_findings or []) if Doc.has_extension("gi_findings") else []
