"""Batch analysis of article records, in input order, with bad records reported and skipped.

A record is a dict with ``text`` and optional ``id``, ``title``, ``lang`` (other fields are
kept as metadata). :func:`iter_analyze` yields one :class:`BatchItem` per input record.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class BatchItem:
    """The outcome for one input record: ``result`` (article output dict) or ``error``."""

    index: int
    id: str | None
    result: dict[str, Any] | None = None
    error: str | None = None
    where: str = ""  # e.g. "articles.jsonl:12"


def analyze_record(record: dict[str, Any], lang: str | None = "auto") -> dict[str, Any]:
    """Analyse one record and return the article output dict (raises ``ValueError`` on a bad record)."""
    from .pipeline import analyze

    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing or empty 'text'")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        title = str(title)
    rec_lang = record.get("lang") or lang
    out = analyze(text, lang=rec_lang, title=title or None, id=record.get("id")).to_dict()
    return out


def iter_analyze(
    records: Iterable[tuple[str, dict[str, Any] | Exception]], lang: str | None = "auto", jobs: int = 1
) -> Iterator[BatchItem]:
    """Analyse ``(where, record_or_error)`` pairs in order; errors become items, never exceptions."""
    for i, (where, rec) in enumerate(records):
        rid = rec.get("id") if isinstance(rec, dict) else None
        if isinstance(rec, Exception):
            yield BatchItem(i, None, error=getattr(rec, "message", str(rec)), where=where)
            continue
        try:
            yield BatchItem(i, None if rid is None else str(rid), result=analyze_record(rec, lang), where=where)
        except Exception as exc:  # one bad article never stops the batch
            yield BatchItem(i, None if rid is None else str(rid), error=f"{type(exc).__name__}: {exc}", where=where)
