"""Dask integration: the same per-article function on every partition of a Dask DataFrame.

Install the optional extra first: ``pip install 'genderindex[dask]'``. Then::

    import dask.dataframe as dd
    from genderindex.dask import analyze_dask, analyze_parquet

    ddf = dd.read_parquet("articles/")            # columns id, title, text (+ anything)
    results = analyze_dask(ddf)                   # lazy; one result row per article
    results.compute()                             # or results.to_parquet(...)

    # Parquet in, Parquet out in one call (runs on the current Dask scheduler, e.g. a
    # distributed.Client connected to a cluster):
    analyze_parquet("articles/", "results/")

The result has the columns of :func:`genderindex.frame.analyze_frame` (same index as the
input) and is identical to a single-process run: each partition goes through
:func:`genderindex.frame.analyze_frame` with ``jobs=1``; Dask supplies the parallelism.
Dask is imported inside the functions, so ``import genderindex`` never needs it.
"""
from __future__ import annotations

from typing import Any

INSTALL_HINT = "genderindex.dask needs Dask: pip install 'genderindex[dask]'"


def _dd():
    """``dask.dataframe``, or an ImportError saying how to install it."""
    try:
        import dask.dataframe as dd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(f"{INSTALL_HINT} ({exc})") from exc
    return dd


def _partition(part, text_col: str, id_col: str, title_col: str, lang: str, lang_col: str | None,
               encode: bool):
    from .frame import analyze_frame, encode_nested

    out = analyze_frame(part, text_col=text_col, id_col=id_col, title_col=title_col, lang=lang, jobs=1,
                        lang_col=lang_col)
    return encode_nested(out) if encode else out


def result_meta(index=None, encode: bool = False):
    """The empty result frame Dask uses as ``meta`` (column names and dtypes)."""
    from .frame import empty_frame, encode_nested

    meta = empty_frame(index=index)
    return encode_nested(meta) if encode else meta


def analyze_dask(
    ddf,
    text_col: str = "text",
    id_col: str = "id",
    title_col: str = "title",
    lang: str = "auto",
    *,
    lang_col: str | None = None,
    encode_nested: bool = False,
):
    """Analyse a Dask DataFrame lazily with ``map_partitions``; one result row per article.

    ``encode_nested=True`` turns the nested columns (people, quotes, findings,
    topic_explanation) into JSON strings, which is what Parquet output needs.
    """
    _dd()
    import dask

    meta = result_meta(index=ddf._meta.index, encode=encode_nested)
    with dask.config.set({"dataframe.convert-string": False}):
        return ddf.map_partitions(
            _partition, text_col, id_col, title_col, lang, lang_col, encode_nested,
            meta=meta, enforce_metadata=False, align_dataframes=False,
        )


def analyze_parquet(
    input: Any,
    output: Any,
    text_col: str = "text",
    id_col: str = "id",
    title_col: str = "title",
    lang: str = "auto",
    *,
    lang_col: str | None = None,
    columns: list[str] | None = None,
    write_kwargs: dict[str, Any] | None = None,
    **read_kwargs: Any,
) -> None:
    """Read articles from Parquet, analyse every partition, write the results to Parquet.

    Nested columns are stored as JSON strings; read them back with
    ``genderindex.frame.decode_nested(pd.read_parquet(output))``. ``columns`` limits the
    input columns read (default: the text, id, title and lang columns that exist).
    """
    dd = _dd()
    import dask

    with dask.config.set({"dataframe.convert-string": False}):
        if columns is None:
            import pyarrow.parquet as pq

            names = _parquet_columns(pq, input)
            wanted = [c for c in (id_col, title_col, text_col, lang_col) if c]
            columns = [c for c in wanted if c in names] if names else None
        ddf = dd.read_parquet(input, columns=columns, **read_kwargs)
        res = analyze_dask(ddf, text_col=text_col, id_col=id_col, title_col=title_col, lang=lang,
                           lang_col=lang_col, encode_nested=True)
        res.to_parquet(output, write_index=False, **(write_kwargs or {}))


def _parquet_columns(pq, path) -> list[str] | None:
    try:
        return list(pq.ParquetDataset(path).schema.names)
    except Exception:
        return None
