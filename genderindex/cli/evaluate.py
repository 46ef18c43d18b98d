"""``genderindex evaluate``: score analysis output against gold annotations."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from .app import app


def _read_gold(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold records and the problems found (each message names file and line)."""
    from ..evaluate import check_gold_record
    from ..io.jsonl import read_jsonl

    recs: list[dict[str, Any]] = []
    problems: list[str] = []
    ids: set[str] = set()
    for where, rec in read_jsonl(path):
        if isinstance(rec, Exception):
            problems.append(str(rec))
            continue
        probs = check_gold_record(rec)
        if not probs and str(rec["id"]) in ids:
            probs = [f"duplicate id {rec['id']!r}"]
        if probs:
            problems.append(f"{where}: " + "; ".join(probs))
            continue
        ids.add(str(rec["id"]))
        recs.append(rec)
    return recs, problems


def _read_records(path: Path, label: str) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """``(where, record)`` pairs of a JSONL file and the unreadable lines (with line numbers)."""
    from ..io.jsonl import read_jsonl

    recs, problems = [], []
    for where, rec in read_jsonl(path):
        if isinstance(rec, Exception):
            problems.append(f"{label} {rec}")
        else:
            recs.append((where, rec))
    return recs, problems


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", "-g", help="Gold annotations JSONL (format of ANNOTATION.md)."),
    corpus: Optional[Path] = typer.Option(
        None, "--corpus", "-c", help="Articles JSONL (id, text, title): analysed first unless --system is given."
    ),
    system: Optional[Path] = typer.Option(None, "--system", "-s", help="Existing `genderindex analyze` output JSONL."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    lang: str = typer.Option("auto", "--lang", help="Language for analysis with --corpus: vi, en or auto."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for analysis with --corpus (0 = all cores)."),
    errors_out: Optional[Path] = typer.Option(
        None, "--errors-out", help="Write per-article error lists (missed/spurious people, sources, findings) as JSONL."
    ),
    save_system: Optional[Path] = typer.Option(
        None, "--save-system", help="With --corpus: also write the analysis output JSONL here."
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here (default: stdout)."),
    match: str = typer.Option(
        "lenient", "--match", help="lenient: names, mention forms and offsets; names: only exact/suffix/prefix name matches."
    ),
) -> None:
    """Score people, sources, gender, women's share, functions, findings and topic flags against gold.

    Exit code 0 on success, 1 when some input lines were unusable (they are reported with
    their line numbers and skipped), 2 on a usage error.
    """
    from ..evaluate import MENTION, PREFIX, evaluate_outputs
    from ..io.jsonl import dump_line
    from .common import console_err, progress_bar

    if fmt not in ("text", "json"):
        console_err("error: --format must be text or json")
        raise typer.Exit(2)
    if match not in ("lenient", "names"):
        console_err("error: --match must be lenient or names")
        raise typer.Exit(2)
    if corpus is None and system is None:
        console_err("error: give --corpus (articles to analyse) or --system (an analyze output file)")
        raise typer.Exit(2)
    for p in (gold, corpus, system):
        if p is not None and not p.is_file():
            console_err(f"error: {p}: no such file")
            raise typer.Exit(2)

    gold_recs, problems = _read_gold(gold)
    for msg in problems:
        console_err(f"skipped gold {msg}")
    gold_ids = {str(r["id"]) for r in gold_recs}

    corpus_pairs: list[tuple[str, dict[str, Any]]] = []
    if corpus is not None:
        corpus_pairs, cprobs = _read_records(corpus, "corpus")
        for msg in cprobs:
            console_err(f"skipped {msg}")
        problems += cprobs
        corpus_pairs = [(w, r) for w, r in corpus_pairs if str(r.get("id")) in gold_ids]
        missing = gold_ids - {str(r.get("id")) for _, r in corpus_pairs}
        if missing:
            console_err(f"warning: {len(missing)} gold id(s) not in the corpus, e.g. {sorted(missing)[0]}")

    if system is not None:
        sys_pairs, sprobs = _read_records(system, "system")
        sys_recs = [r for _, r in sys_pairs]
        for msg in sprobs:
            console_err(f"skipped {msg}")
        problems += sprobs
    else:
        from ..batch import iter_analyze

        sys_recs = []
        with progress_bar(True, "analyzing", total=len(corpus_pairs)) as advance:
            for item in iter_analyze(iter(corpus_pairs), lang=lang, jobs=jobs):
                if item.error is not None:
                    console_err(f"analysis failed for {item.where}: {item.error}")
                    problems.append(item.error)
                else:
                    sys_recs.append(item.result)
                advance()
        if save_system is not None:
            with open(save_system, "w", encoding="utf-8") as fh:
                for r in sys_recs:
                    fh.write(dump_line(r) + "\n")

    result = evaluate_outputs(gold_recs, sys_recs, [r for _, r in corpus_pairs] or None,
                              min_strength=PREFIX if match == "names" else MENTION)
    result["gold_file"] = str(gold)
    result["skipped_lines"] = problems
    articles = result.pop("articles", [])
    if errors_out is not None:
        with open(errors_out, "w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(dump_line(a) + "\n")

    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "json":
            import json

            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            render_text(result, out)
    finally:
        if output:
            out.close()
    if problems:
        raise typer.Exit(1)


def _pct(x: Any) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def render_text(result: dict[str, Any], out) -> None:
    """Readable tables of an evaluation result (rich, no colour when not a terminal)."""
    from rich.console import Console
    from rich.table import Table

    con = Console(file=out, width=110, highlight=False, soft_wrap=False)
    con.print(
        f"genderindex evaluation ({result['schema']}): {result['articles_scored']} article(s); "
        f"corpus {'used for offsets' if result['corpus_used'] else 'not used (text matching only)'}; "
        f"person matching {result.get('matching', 'lenient')}"
    )
    if result["missing_system"]:
        con.print(f"[bold]{len(result['missing_system'])} gold article(s) without system output[/bold] (scored as empty)")

    t = Table(title="People and sources (P/R/F1 in %)", title_justify="left")
    for col in ("measure", "gold", "system", "TP", "P", "R", "F1"):
        t.add_column(col, justify="left" if col == "measure" else "right")

    def row(label: str, d: dict) -> None:
        t.add_row(label, str(d["gold"]), str(d["system"]), str(d["tp"]),
                  _pct(d["precision"]), _pct(d["recall"]), _pct(d["f1"]))

    row("people", result["people"])
    for g in ("female", "male"):
        row(f"  people {g}", result["people_by_gender"][g])
    row("sources", result["sources"])
    for g in ("female", "male"):
        row(f"  sources {g}", result["sources_by_gender"][g])
    con.print(t)

    ga = result["gender_accuracy"]
    con.print(
        f"Gender accuracy on matched people with gold female/male: {_pct(ga['accuracy'])}% "
        f"({ga['correct']}/{ga['matched']}; system said unknown for {ga['system_unknown']}; "
        f"{_pct(ga['accuracy_when_decided'])}% when the system decided)"
    )
    fa, qa = result["function_accuracy"], result["quote_type_accuracy"]
    con.print(f"Function accuracy on matched people: {_pct(fa['accuracy'])}% ({fa['correct']}/{fa['matched']})")
    con.print(f"Quote type accuracy on matched sources: {_pct(qa['accuracy'])}% ({qa['correct']}/{qa['total']})")

    w = Table(title="Women's share, female / (female + male), in %", title_justify="left")
    for col in ("of", "gold", "system", "diff (pp)"):
        w.add_column(col, justify="left" if col == "of" else "right")
    for k, d in result["women_share"].items():
        w.add_row(k, f"{_pct(d['gold'])} ({d['gold_female']}/{d['gold_female'] + d['gold_male']})",
                  f"{_pct(d['system'])} ({d['system_female']}/{d['system_female'] + d['system_male']})",
                  "—" if d["diff_pp"] is None else f"{d['diff_pp']:+.1f}")
    con.print(w)

    f = result["findings"]
    ft = Table(title="Findings (P/R/F1 in %)", title_justify="left")
    for col in ("findings", "gold", "system", "TP", "P", "R", "F1"):
        ft.add_column(col, justify="left" if col == "findings" else "right")

    def frow(label: str, d: dict) -> None:
        ft.add_row(label, str(d["gold"]), str(d["system"]), str(d["tp"]),
                   _pct(d["precision"]), _pct(d["recall"]), _pct(d["f1"]))

    frow("all (span overlap)", f)
    frow("all, same category", f["strict"])
    a = f["any_overlap"]
    ft.add_row("all (any overlap, not one-to-one)", str(a["gold"]), str(a["system"]),
               f"{a['system_matched']}/{a['gold_matched']}", _pct(a["precision"]), _pct(a["recall"]), _pct(a["f1"]))
    frow("outside quotes", f["outside_quotes"])
    for cat, d in f["by_category"].items():
        frow(f"  {cat}", d)
    con.print(ft)

    tt = Table(title="Topic flags", title_justify="left")
    for col in ("flag", "TP", "FP", "FN", "TN", "P", "R", "F1", "acc"):
        tt.add_column(col, justify="left" if col == "flag" else "right")
    for k, d in result["topic"].items():
        tt.add_row(k, str(d["tp"]), str(d["fp"]), str(d["fn"]), str(d["tn"]),
                   _pct(d["precision"]), _pct(d["recall"]), _pct(d["f1"]), _pct(d["accuracy"]))
    con.print(tt)
    ms = result["match_strengths"]
    con.print("Person matches by rule: " + ", ".join(f"{k} {v}" for k, v in ms.items()))
