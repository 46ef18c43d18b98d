"""People stage: person mentions, clustering into individuals, gender with evidence."""
from __future__ import annotations

from ..text.document import TextDoc
from ..types import Person


def find_people(doc: TextDoc) -> list[Person]:
    """Named people in ``doc`` (one :class:`Person` per individual), offsets in ``doc.text``."""
    return []  # placeholder until the people stage lands
