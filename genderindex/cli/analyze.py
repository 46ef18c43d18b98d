"""``genderindex analyze``: articles in (JSONL, CSV or Parquet), one result per article out.

Streaming: records are read, analysed (in ``--jobs`` worker processes) and written in
chunks, so memory does not grow with the corpus. Output order = input order.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .app import app

#: below this input size one process is faster than starting a pool
SMALL_INPUT_BYTES = 256 * 1024
#: result rows per Parquet row group / CSV write
WRITE_BATCH = 2048


def _format(path: Path | None, explicit: str | None) -> str:
    if explicit:
        return explicit.lower()
    suffix = path.suffix.lower() if path is not None else ""
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")


def _table_records(path: Path, fmt: str):
    """``(where, record)`` pairs from a CSV or Parquet file, streamed in batches."""
    if fmt == "csv":
        import csv

        csv.field_size_limit(1 << 30)
        with open(path, newline="", encoding="utf-8-sig") as fh:
            for lineno, row in enumerate(csv.DictReader(fh), 2):
                yield f"{path}:{lineno}", {k: v for k, v in row.items() if k is not None and v != ""}
    else:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        wanted = [c for c in ("id", "title", "text", "lang") if c in pf.schema_arrow.names]
        n = 0
        for batch in pf.iter_batches(batch_size=1024, columns=wanted):
            for row in batch.to_pylist():
                n += 1
                yield f"{path}:row {n}", {k: v for k, v in row.items() if v is not None}


class _TableWriter:
    """Flattened result rows (see :mod:`genderindex.frame`) written in batches to CSV or Parquet."""

    def __init__(self, path: Path, fmt: str):
        from ..frame import result_columns

        self.path, self.fmt = path, fmt
        self.columns = result_columns()
        self.rows: list[dict] = []
        self.writer = None
        self.started = False

    def add(self, result: dict) -> None:
        from ..frame import flatten_result

        self.rows.append(flatten_result(result, self.columns))
        if len(self.rows) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows and self.started:
            return
        from ..frame import build_frame, encode_nested

        df = encode_nested(build_frame(self.rows, columns=self.columns)).drop(columns=["error"])
        self.rows = []
        if self.fmt == "csv":
            df.to_csv(self.path, mode="a" if self.started else "w", header=not self.started, index=False)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(df, preserve_index=False)
            if self.writer is None:
                self.writer = pq.ParquetWriter(self.path, table.schema)
            self.writer.write_table(table.cast(self.writer.schema))
        self.started = True

    def close(self) -> None:
        self.flush()
        if self.writer is not None:
            self.writer.close()


@app.command()
def analyze(
    input: Path = typer.Argument(..., help="Articles: JSONL (fields id, text, optional title, lang), CSV or "
                                 "Parquet with those columns, or - for JSONL on stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: JSONL on stdout); "
                                          ".csv / .parquet write one flat row per article."),
    lang: str = typer.Option("auto", "--lang", help="vi, en or auto (per record; a record's own 'lang' wins)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0 = all cores, 1 = no pool)."),
    chunk_size: int = typer.Option(128, "--chunk-size", help="Records per task sent to a worker.", min=1),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="jsonl, csv or parquet (default: from the suffix)."),
    output_format: Optional[str] = typer.Option(None, "--output-format", help="jsonl, csv or parquet (default: from the suffix)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write skipped records (where, reason) here as JSONL."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
) -> None:
    """Analyse articles: people, gender, sources, quotes, findings, topic flags, score.

    Exit code 0 when every record was analysed, 1 when some were skipped (listed on stderr
    with file and line), 2 on a usage error, 130 when interrupted.
    """
    from ..batch import iter_analyze, iter_analyze_lines, iter_lines, resolve_jobs
    from ..io.jsonl import dump_line, read_jsonl
    from .common import console_err, progress_bar

    in_fmt = _format(input if str(input) != "-" else None, input_format)
    out_fmt = _format(output, output_format)
    for fmt in (in_fmt, out_fmt):
        if fmt not in ("jsonl", "csv", "parquet"):
            console_err(f"error: unknown format {fmt!r} (jsonl, csv or parquet)")
            raise typer.Exit(2)
    if str(input) != "-" and not input.is_file():
        console_err(f"error: {input}: no such file")
        raise typer.Exit(2)
    if out_fmt != "jsonl" and output is None:
        console_err(f"error: {out_fmt} output needs --output FILE")
        raise typer.Exit(2)
    if str(input) == "-" and in_fmt != "jsonl":
        console_err("error: standard input must be JSONL")
        raise typer.Exit(2)
    jobs = resolve_jobs(jobs)
    if jobs > 1 and str(input) != "-" and os.path.getsize(input) < SMALL_INPUT_BYTES:
        jobs = 1  # starting workers costs more than it saves on a small file

    if in_fmt == "jsonl" and out_fmt == "jsonl":  # fast path: workers parse and serialise
        items = iter_analyze_lines(iter_lines(str(input)), lang=lang, jobs=jobs, chunk_size=chunk_size)
    elif in_fmt == "jsonl":
        items = iter_analyze(read_jsonl(input), lang=lang, jobs=jobs, chunk_size=chunk_size)
    else:
        items = iter_analyze(_table_records(input, in_fmt), lang=lang, jobs=jobs, chunk_size=chunk_size)

    table = _TableWriter(output, out_fmt) if out_fmt != "jsonl" else None
    out = open(output, "w", encoding="utf-8") if output and table is None else sys.stdout
    err_fh = open(errors, "w", encoding="utf-8") if errors else None
    n_ok = n_bad = 0
    try:
        with progress_bar(progress and output is not None, "analyzing") as advance:
            for item in items:
                if item.error is not None:
                    n_bad += 1
                    console_err(f"skipped {item.where}: {item.error}")
                    if err_fh:
                        err_fh.write(dump_line({"where": item.where, "id": item.id, "error": item.error}) + "\n")
                elif table is not None:
                    n_ok += 1
                    table.add(item.result)
                else:
                    n_ok += 1
                    out.write((item.json if item.json is not None else dump_line(item.result)) + "\n")
                advance()
    except KeyboardInterrupt:
        console_err(f"interrupted after {n_ok + n_bad} record(s)")
        raise typer.Exit(130)
    finally:
        if table is not None:
            table.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
        if err_fh:
            err_fh.close()
    console_err(f"{n_ok} article(s) analysed, {n_bad} skipped")
    if n_bad:
        raise typer.Exit(1)
