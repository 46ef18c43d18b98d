"""``genderindex audit``: a corpus in, article results into the audit store, a report out."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import app

#: skipped records printed on stderr (all go to --errors)
MAX_SHOWN_ERRORS = 20


def _store_opt():
    return typer.Option(None, "--store", help="SQLite audit store (default: $GENDERINDEX_STORE or ./genderindex-audit.sqlite).")


@app.command()
def audit(
    inputs: List[Path] = typer.Argument(..., help="JSONL, CSV, Parquet files or folders of .txt/.md/.html/.docx."),
    period: Optional[str] = typer.Option(None, "--period", help="Period to report, e.g. 2026Q4 (default: the latest in the input)."),
    store: Optional[Path] = _store_opt(),
    report: Optional[Path] = typer.Option(None, "--report", help="Write a report here (.html, .xlsx, .csv, .md)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="Report format: html, xlsx, csv, md (default: from --report's suffix)."),
    field: List[str] = typer.Option([], "--field", help="Map a field: CANONICAL=COLUMN, e.g. outlet=source (repeatable)."),
    outlets: Optional[Path] = typer.Option(None, "--outlets", help="Outlet mapping (TOML): aliases -> canonical outlet and administrative unit."),
    rubric: Optional[Path] = typer.Option(None, "--rubric", help="Rubric TOML (default: the shipped gsim-b1-2026.1)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes (0 = all cores)."),
    lang: str = typer.Option("auto", "--lang", help="vi, en or auto (a record's own 'lang' wins)."),
    ui_lang: Optional[str] = typer.Option(None, "--ui-lang", help="Report language: vi or en (default: the corpus language)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write skipped records (where, id, reason) here as JSONL."),
    undated_period: Optional[str] = typer.Option(None, "--undated-period", help="Put articles without a usable date in this period (default: period 'unknown')."),
    batch_size: int = typer.Option(200, "--batch-size", help="Articles committed per transaction."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on a terminal."),
) -> None:
    """Audit outlets: analyse every article once into the store, then report per outlet and
    period (indicators, index score, meets-index status, program and coverage targets)."""
    import signal

    from ..audit import run_audit
    from ..io.corpus import OutletMap, parse_field_map, parse_period
    from ..io.jsonl import dump_line
    from ..rubric import RubricError, load_rubric
    from ..store import Store, StoreError
    from .common import console_err, progress_bar

    try:
        fmap = parse_field_map(field)
        omap = OutletMap.load(outlets)
        rub = load_rubric(rubric)
        if report is not None:
            from ..report import format_from_path

            report_fmt = format_from_path(report, fmt)
        if ui_lang not in (None, "vi", "en"):
            raise ValueError(f"--ui-lang must be vi or en, got {ui_lang!r}")
        if period is not None and period != "unknown" and parse_period(period) is None:
            raise ValueError(f"--period {period!r}: expected e.g. 2026Q4, 2026-11 or 2026")
        st = Store(store)
    except (ValueError, RubricError, StoreError) as exc:
        console_err(f"error: {exc}")
        raise typer.Exit(2)
    for p in inputs:
        if str(p) != "-" and not p.exists():
            console_err(f"error: {p}: no such file or folder")
            raise typer.Exit(2)

    def _term(signum, frame):  # kill -TERM behaves like Ctrl-C: commit what is done, then stop
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, _term)
    err_fh = open(errors, "w", encoding="utf-8") if errors else None

    shown_errors = [0]

    def on_error(where, rid, msg):
        shown_errors[0] += 1
        if shown_errors[0] <= MAX_SHOWN_ERRORS:
            console_err(f"skipped {where}: {msg}")
        elif shown_errors[0] == MAX_SHOWN_ERRORS + 1:
            console_err("... more skipped records" + (f" (all listed in {errors})" if errors else " (use --errors FILE to list all)"))
        if err_fh:
            err_fh.write(dump_line({"where": where, "id": rid, "error": msg}) + "\n")

    try:
        with progress_bar(progress, "auditing") as advance:
            res = run_audit(inputs, st, rubric=rub, outlet_map=omap, field_map=fmap, lang=lang, jobs=jobs,
                            batch_size=max(1, batch_size), undated_period=undated_period, on_item=advance,
                            on_error=on_error)
    except KeyboardInterrupt:
        console_err("interrupted: finished articles are saved; run the same command again to resume.")
        st.close()
        raise typer.Exit(130)
    finally:
        signal.signal(signal.SIGTERM, old)
        if err_fh:
            err_fh.close()

    console_err(
        f"run {res.run_id[:12]} ({res.rubric}): {res.n_read} record(s) read, {res.n_ok} audited "
        f"({res.n_new} new, {res.n_existing} already in the store, {res.n_duplicate} duplicate(s) in the input), "
        f"{res.n_skipped} skipped; store {st.path}"
    )
    if res.unknown_outlet:
        console_err(f"  {res.unknown_outlet} article(s) with unknown outlet, reported as '(unknown)'")
    if res.unknown_date:
        ex = ", ".join(f"{k!r}×{v}" for k, v in res.unparsed_dates.most_common(3))
        console_err(f"  {res.unknown_date} article(s) without a usable date, reported in period 'unknown'"
                    + (f" (unparsed: {ex})" if ex else ""))
    shown = ", ".join(f"{p}: {n}" for p, n in sorted(res.periods.items()))
    if shown:
        console_err(f"  articles per period: {shown}")
    _print_outlets(st, period or res.latest_period, rub, console_err)
    if report is not None:
        from ..report import build_model, write_report

        model = build_model(st, period or res.latest_period, rubric=rub, ui_lang=ui_lang, errors=res.errors)
        written = write_report(model, report_fmt, report)
        console_err(f"report ({report_fmt}, period {model.period}, rubric {rub.version}): "
                    + ", ".join(str(w) for w in written))
    st.close()
    if res.n_skipped:
        raise typer.Exit(1)


def _print_outlets(st, period, rub, say, limit: int = 30) -> None:
    """A compact outlet table of ``period`` on stderr (status of each outlet)."""
    if not period:
        return
    from ..audit import aggregate, area_summary

    rows = st.article_rows([period])
    outs = aggregate(rows, rub)
    if not outs:
        return
    say(f"period {period} (rubric {rub.version}):")
    pct = lambda v: "   —  " if v is None else f"{100 * v:5.1f}%"  # noqa: E731
    for r in outs[:limit]:
        idx = "  —  " if r["index_score"] is None else f"{r['index_score']:5.1f}"
        say(f"  {str(r['outlet'])[:40]:40} {r['n_articles']:5d} art.  women/sources {pct(r['women_share_sources'])}"
            f"  index {idx}  {r['status']}")
    if len(outs) > limit:
        say(f"  ... {len(outs) - limit} more outlet(s) in the report")
    area = next((a for a in area_summary(outs, rows, rub) if a["period"] == period), None)
    if area:
        share = "—" if area["share_meeting"] is None else f"{100 * area['share_meeting']:.1f}%"
        targets = ", ".join(f"{t.year}: {100 * t.share:.0f}%" for t in rub.program_targets)
        say(f"  outlets meeting the index: {area['n_meets']} of {area['n_meets'] + area['n_not_meeting']} assessed"
            f" ({share}; targets {targets}); GE items {area['ge_items']} / {rub.local_target}")
