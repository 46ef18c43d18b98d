"""Topic stage: gender-equality (ge_topic) and gender-based-violence (gbv_story) flags."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text.document import TextDoc


@dataclass(slots=True)
class TopicResult:
    ge_topic: bool = False
    gbv_story: bool = False
    ge_score: float = 0.0
    gbv_score: float = 0.0
    explanation: dict[str, Any] = field(default_factory=dict)


def classify(doc: TextDoc) -> TopicResult:
    """Topic flags with calibrated probabilities and the features behind them."""
    return TopicResult()  # placeholder until the trained classifier lands
