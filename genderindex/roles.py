"""Roles stage: the GMMP-style function of each person (official, expert, ...)."""
from __future__ import annotations

from .text.document import TextDoc
from .types import Person, Quote


def assign_functions(doc: TextDoc, people: list[Person], quotes: list[Quote]) -> None:
    """Set ``person.function`` and ``person.function_evidence`` in place."""
    return None  # placeholder until the roles stage lands
