"""Quotes stage: direct and indirect speech attributed to people (who is a source)."""
from __future__ import annotations

from ..text.document import TextDoc
from ..types import Person, Quote


def find_quotes(doc: TextDoc, people: list[Person]) -> list[Quote]:
    """Quotes in ``doc``; marks ``people[i].quoted``/``quote_type`` for attributed speakers."""
    return []  # placeholder until the quotes stage lands
