"""Topic stage: gender-equality (ge_topic) and gender-based-violence (gbv_story) flags.

A linear model per language over word n-grams and lexicon counts, trained with
scikit-learn (``genderindex train topic``) and shipped as plain JSON weights in
``models/topic_<lang>.json``; inference here is pure Python (no sklearn, no numpy).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text.document import TextDoc
from .model import TopicModel, TopicModelError, load_model

__all__ = ["TopicResult", "classify", "classify_text", "get_model", "model_path", "TopicModelError"]


@dataclass(slots=True)
class TopicResult:
    ge_topic: bool = False
    gbv_story: bool = False
    ge_score: float = 0.0
    gbv_score: float = 0.0
    explanation: dict[str, Any] = field(default_factory=dict)


def model_path(lang: str) -> Path:
    """Path of the shipped model for ``lang`` (``vi`` or ``en``; anything else uses ``en``)."""
    from ..resources import models_dir

    name = "vi" if lang == "vi" else "en"
    return models_dir() / f"topic_{name}.json"


@lru_cache(maxsize=8)
def get_model(lang: str) -> TopicModel:
    """The shipped model for ``lang``, loaded and verified once per process."""
    return load_model(model_path(lang))


def _result(model: TopicModel, title: str, full: str) -> TopicResult:
    scores = model.score(title, full)
    ge, gbv = scores["ge_topic"], scores["gbv_story"]
    expl: dict[str, Any] = {"model": f"topic_{model.lang} {model.version}"}
    for name, sc in (("ge_topic", ge), ("gbv_story", gbv)):
        expl[name] = {
            "probability": round(sc.probability, 4),
            "threshold": model.heads[name]["threshold"],
            "top_features": [{"feature": f, "contribution": w} for f, w in sc.top],
        }
        if sc.rule:
            expl[name]["rule"] = sc.rule
    if gbv.evidence or model.evidence_rule:
        expl["gbv_story"]["evidence"] = list(gbv.evidence)
    return TopicResult(ge.flag, gbv.flag, ge.probability, gbv.probability, expl)


def classify(doc: TextDoc) -> TopicResult:
    """Topic flags with calibrated probabilities and the features behind them."""
    from ..text.normalize import fold, normalize_text

    model = get_model(doc.lang)
    title = fold(normalize_text(doc.title)) if doc.title else ""
    return _result(model, title, doc.lower)


def classify_text(text: str, title: str | None = None, lang: str = "auto") -> TopicResult:
    """Convenience wrapper: classify a raw article string."""
    return classify(TextDoc(text, lang=lang, title=title))
