"""pandas integration: analyse a DataFrame of articles, one result row per article.

:func:`analyze_frame` returns a DataFrame with the same index as the input and

* scalar columns: ``id, lang, words, title, ge_topic, gbv_story, topic_score, gbv_score,
  score, rubric, n_people, n_quotes, n_findings``;
* every article indicator as its own column (``people_female``, ``sources_male``, …) and
  ``findings_<category>`` for each finding category;
* ``people``, ``quotes``, ``findings`` (lists of dicts, as in the JSON output) and
  ``topic_explanation`` (dict);
* ``error``: why a row could not be analysed (then the other columns are missing).

Column dtypes are fixed (nullable ``Int64``/``boolean``/``string``), so partitions of a
Dask DataFrame and chunks written to Parquet share one schema. :func:`people_table`,
:func:`quotes_table` and :func:`findings_table` explode the nested columns into long tables.
pandas is imported inside the functions, never at package import time.
"""
from __future__ import annotations

import json
from typing import Any

from .types import CATEGORIES

GENDERS = ("female", "male", "unknown")

#: scalar columns and their dtypes, in output order
BASE_COLUMNS: dict[str, str] = {
    "id": "string",
    "lang": "string",
    "words": "Int64",
    "title": "string",
    "ge_topic": "boolean",
    "gbv_story": "boolean",
    "topic_score": "float64",
    "gbv_score": "float64",
    "score": "float64",
    "rubric": "string",
    "n_people": "Int64",
    "n_quotes": "Int64",
    "n_findings": "Int64",
}
#: nested columns (lists of dicts / dict), kept as Python objects
NESTED_COLUMNS = ("people", "quotes", "findings", "topic_explanation")
#: dict-valued indicators expanded into one column per key of a fixed key list
EXPANDED_INDICATORS = {"findings_by_category": ("findings_", CATEGORIES)}


def _indicator_columns() -> dict[str, str]:
    """Indicator columns and dtypes, taken from the indicators of an empty article."""
    from .indicators import article_indicators
    from .types import ArticleAnalysis

    cols: dict[str, str] = {}
    for key, value in article_indicators(ArticleAnalysis(id="", lang="vi", words=0)).items():
        if key in EXPANDED_INDICATORS:
            prefix, keys = EXPANDED_INDICATORS[key]
            cols.update({f"{prefix}{k}": "Int64" for k in keys})
        elif isinstance(value, bool):
            cols[key] = "boolean"
        elif isinstance(value, int):
            cols[key] = "Int64"
        elif isinstance(value, float):
            cols[key] = "float64"
        elif isinstance(value, str):
            cols[key] = "string"
        else:
            cols[key] = "object"
    return cols


def result_columns() -> dict[str, str]:
    """All result columns in output order with their pandas dtypes."""
    cols = dict(BASE_COLUMNS)
    for key, dt in _indicator_columns().items():
        cols.setdefault(key, dt)
    cols.update({c: "object" for c in NESTED_COLUMNS})
    cols["error"] = "string"
    return cols


def flatten_result(result: dict[str, Any], columns: dict[str, str] | None = None) -> dict[str, Any]:
    """One article output dict → one flat row (dict) with the result columns."""
    columns = columns or result_columns()
    row: dict[str, Any] = {c: result.get(c) for c in BASE_COLUMNS}
    row["n_people"] = len(result.get("people") or ())
    row["n_quotes"] = len(result.get("quotes") or ())
    row["n_findings"] = len(result.get("findings") or ())
    ind = result.get("indicators") or {}
    for key, value in ind.items():
        if key in EXPANDED_INDICATORS:
            prefix, keys = EXPANDED_INDICATORS[key]
            for k in keys:
                row[f"{prefix}{k}"] = (value or {}).get(k, 0)
        elif key in columns and key not in row:
            row[key] = value
    for c in NESTED_COLUMNS:
        row[c] = result.get(c)
    row["error"] = None
    return row


def build_frame(rows: list[dict[str, Any]], index=None, columns: dict[str, str] | None = None):
    """Rows (from :func:`flatten_result`, or ``{"error": ...}``) → DataFrame with the fixed dtypes."""
    import pandas as pd

    columns = columns or result_columns()
    data = {c: [r.get(c) for r in rows] for c in columns}
    df = pd.DataFrame(data, index=index, columns=list(columns))
    for c, dt in columns.items():
        if dt == "object":
            df[c] = df[c].astype(object)
        else:
            df[c] = df[c].astype(dt)
    return df


def empty_frame(index=None):
    """The zero-row result frame (the ``meta`` of a Dask computation)."""
    import pandas as pd

    return build_frame([], index=index if index is not None else pd.RangeIndex(0))


def _records(df, text_col: str, id_col: str | None, title_col: str | None, lang_col: str | None):
    if text_col not in df.columns:
        raise KeyError(f"text column {text_col!r} not in the DataFrame (columns: {list(df.columns)})")
    n = len(df)
    texts = df[text_col].tolist()
    ids = df[id_col].tolist() if id_col and id_col in df.columns else [str(i) for i in df.index]
    titles = df[title_col].tolist() if title_col and title_col in df.columns else [None] * n
    langs = df[lang_col].tolist() if lang_col and lang_col in df.columns else [None] * n
    for pos, (index_label, text, rid, title, lang) in enumerate(zip(df.index, texts, ids, titles, langs)):
        rec: dict[str, Any] = {"id": rid, "text": None if _missing(text) else text}
        if not _missing(title):
            rec["title"] = title
        if isinstance(lang, str) and lang:
            rec["lang"] = lang
        yield f"row {index_label!r}", rec


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(v)) if not isinstance(v, (list, dict, tuple)) else False
    except (TypeError, ValueError):
        return False


def analyze_frame(
    df,
    text_col: str = "text",
    id_col: str = "id",
    title_col: str = "title",
    lang: str = "auto",
    jobs: int = 1,
    *,
    lang_col: str | None = None,
    chunk_size: int | None = None,
):
    """Analyse every row of ``df``; return one result row per article, same index as ``df``.

    ``id_col``/``title_col`` may be absent (the index gives the id). ``lang_col`` names a
    column whose value overrides ``lang`` per row. ``jobs``: worker processes (0 = all cores).
    A row that cannot be analysed has ``error`` set and the other columns missing.
    """
    from .batch import DEFAULT_CHUNK_SIZE, iter_analyze

    columns = result_columns()
    chunk_size = chunk_size or DEFAULT_CHUNK_SIZE
    if len(df) <= chunk_size:
        jobs = 1  # one chunk: starting worker processes would only cost time
    rows = []
    for item in iter_analyze(_records(df, text_col, id_col, title_col, lang_col), lang=lang, jobs=jobs,
                             chunk_size=chunk_size):
        if item.error is not None:
            rows.append({"id": item.id, "error": item.error})
        else:
            rows.append(flatten_result(item.result, columns))
    return build_frame(rows, index=df.index, columns=columns)


# --- long tables -------------------------------------------------------------------------

PERSON_FIELDS = ("name", "gender", "quoted", "quote_type", "function", "titles")
QUOTE_FIELDS = ("type", "speaker", "cue", "text", "start", "end")
FINDING_FIELDS = ("rule", "category", "severity", "text", "start", "end", "in_quote", "message", "suggestions")


def _explode(frame, col: str, fields: tuple[str, ...], extra=None):
    import pandas as pd

    rows = []
    ids = frame["id"].tolist() if "id" in frame.columns else [None] * len(frame)
    for idx, rid, items in zip(frame.index, ids, frame[col].tolist()):
        if not isinstance(items, list):
            continue
        for k, it in enumerate(items):
            row = {"article_index": idx, "id": rid, f"{col[:-1] if col != 'people' else 'person'}_no": k}
            row.update({f: it.get(f) for f in fields})
            if extra:
                row.update(extra(it))
            rows.append(row)
    key = f"{col[:-1] if col != 'people' else 'person'}_no"
    return pd.DataFrame(rows, columns=["article_index", "id", key, *fields,
                                       *(extra({}).keys() if extra else ())])


def people_table(frame):
    """One row per person: article index and id, name, gender, quoted, quote_type, function,
    titles, number of mentions and the gender cue(s)."""
    return _explode(frame, "people", PERSON_FIELDS, lambda p: {
        "n_mentions": len(p.get("mentions") or ()),
        "gender_cues": ",".join(e.get("cue", "") for e in p.get("gender_evidence") or ()),
    })


def quotes_table(frame):
    """One row per quote: article index and id, type, speaker, cue, text, offsets."""
    return _explode(frame, "quotes", QUOTE_FIELDS)


def findings_table(frame):
    """One row per language finding: article index and id, rule, category, severity, text,
    offsets, in_quote, message, suggestions."""
    return _explode(frame, "findings", FINDING_FIELDS)


# --- Parquet / CSV helpers ---------------------------------------------------------------

def encode_nested(frame):
    """Copy of ``frame`` with the nested columns as JSON strings (for Parquet/CSV files,
    whose schema must be the same in every chunk)."""
    import pandas as pd

    out = frame.copy()
    for c in NESTED_COLUMNS:
        if c in out.columns:
            vals = [None if v is None else json.dumps(v, ensure_ascii=False) for v in out[c].tolist()]
            out[c] = pd.Series(vals, index=out.index, dtype="string")
    return out


def decode_nested(frame):
    """Inverse of :func:`encode_nested` (nested JSON string columns back to lists/dicts)."""
    import pandas as pd

    out = frame.copy()
    for c in NESTED_COLUMNS:
        if c in out.columns:
            vals = [json.loads(v) if isinstance(v, str) else None for v in out[c].tolist()]
            out[c] = pd.Series(vals, index=out.index, dtype=object)
    return out
