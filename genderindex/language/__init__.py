"""Language stage: lexicon findings (stereotypes, sexist wording, GBV wording)."""
from __future__ import annotations

from typing import Any

from ..text.document import TextDoc
from ..types import Finding


def find_findings(doc: TextDoc, config: Any = None) -> list[Finding]:
    """Lexicon findings in ``doc``, offsets in ``doc.text``."""
    return []  # placeholder until the lexicon matcher lands
