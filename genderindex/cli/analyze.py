"""``genderindex analyze``: JSONL articles in, one JSON result per article out."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from .app import app


@app.command()
def analyze(
    input: Path = typer.Argument(..., help="JSONL file (fields id, text, optional title, lang), or - for stdin."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output JSONL (default: stdout)."),
    lang: str = typer.Option("auto", "--lang", help="vi, en or auto (per record; a record's own 'lang' wins)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes (0 = all cores)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write skipped records (where, reason) here as JSONL."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
) -> None:
    """Analyse articles: people, gender, sources, quotes, findings, topic flags, score."""
    from ..batch import iter_analyze
    from ..io.jsonl import dump_line, read_jsonl
    from .common import console_err, progress_bar

    if str(input) != "-" and not input.is_file():
        console_err(f"error: {input}: no such file")
        raise typer.Exit(2)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    err_fh = open(errors, "w", encoding="utf-8") if errors else None
    n_ok = n_bad = 0
    try:
        with progress_bar(progress and output is not None, "analyzing") as advance:
            for item in iter_analyze(read_jsonl(input), lang=lang, jobs=jobs):
                if item.error is not None:
                    n_bad += 1
                    console_err(f"skipped {item.where}: {item.error}")
                    if err_fh:
                        err_fh.write(dump_line({"where": item.where, "id": item.id, "error": item.error}) + "\n")
                else:
                    n_ok += 1
                    out.write(dump_line(item.result) + "\n")
                advance()
    finally:
        if output:
            out.close()
        if err_fh:
            err_fh.close()
    console_err(f"{n_ok} article(s) analysed, {n_bad} skipped")
    if n_bad:
        raise typer.Exit(1)
