"""The versioned rubric: indicators, weights, thresholds, targets (placeholder)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .types import ArticleAnalysis


@dataclass
class Rubric:
    version: str = "gsim-b1-2026.1"


def load_rubric(path=None, config: Any = None) -> Rubric:
    return Rubric()


def score_article(a: ArticleAnalysis, rubric: Rubric) -> float | None:
    return None
