"""``genderindex report``: a report from the audit store for one period."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import app


@app.command()
def report(
    period: Optional[str] = typer.Option(None, "--period", help="Period, e.g. 2026Q4 (default: the latest in the store)."),
    outlet: List[str] = typer.Option([], "--outlet", help="Only these outlets (repeatable; canonical names)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="html, xlsx, csv or md (default: from --output's suffix)."),
    output: Path = typer.Option(..., "--output", "-o", help="Report file (csv: the outlets table; other tables beside it)."),
    store: Optional[Path] = typer.Option(None, "--store", help="SQLite audit store (default: $GENDERINDEX_STORE or ./genderindex-audit.sqlite)."),
    rubric: Optional[Path] = typer.Option(None, "--rubric", help="Rubric TOML (default: the shipped gsim-b1-2026.1)."),
    ui_lang: Optional[str] = typer.Option(None, "--ui-lang", help="vi or en (default: the corpus language)."),
    n_findings: int = typer.Option(25, "--findings", help="How many of the worst findings to list."),
) -> None:
    """Report per outlet and period: indicators, trend over earlier periods, outlets meeting
    the index vs the program targets, coverage vs the local target, worst findings, charts."""
    from ..io.corpus import parse_period
    from ..report import build_model, format_from_path, write_report
    from ..rubric import RubricError, load_rubric
    from ..store import Store, StoreError, default_store_path
    from .common import console_err

    try:
        report_fmt = format_from_path(output, fmt)
        rub = load_rubric(rubric)
        if ui_lang not in (None, "vi", "en"):
            raise ValueError(f"--ui-lang must be vi or en, got {ui_lang!r}")
        if period is not None and period != "unknown" and parse_period(period) is None:
            raise ValueError(f"--period {period!r}: expected e.g. 2026Q4, 2026-11 or 2026")
        path = store or default_store_path()
        if not Path(path).exists():
            raise ValueError(f"{path}: no audit store here (run `genderindex audit` first or pass --store)")
        st = Store(path)
    except (ValueError, RubricError, StoreError) as exc:
        console_err(f"error: {exc}")
        raise typer.Exit(2)
    with st:
        known = st.periods()
        if period is not None and period not in known:
            console_err(f"warning: no articles in period {period} (store has: {', '.join(known) or 'none'})")
        if outlet:
            present = {r[0] for r in st.conn.execute("SELECT DISTINCT outlet FROM articles")}
            for o in outlet:
                if o not in present:
                    console_err(f"warning: no articles from outlet {o!r} in the store")
        runs = st.runs()
        errors = [tuple(e) for e in st.run_errors(runs[-1]["run_id"])] if runs else []
        model = build_model(st, period, outlets=list(outlet) or None, rubric=rub, ui_lang=ui_lang,
                            n_findings=n_findings, errors=errors)
        written = write_report(model, report_fmt, output)
    console_err(f"report ({report_fmt}, period {model.period}, rubric {rub.version}, "
                f"{len(model.tables['outlets'].rows)} outlet(s)): " + ", ".join(str(w) for w in written))
