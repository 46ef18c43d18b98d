#!/usr/bin/env python3
"""Accuracy benchmark of genderindex against the gold annotations.

Runs ``analyze`` over

* Vietnamese dev: ``../shared/data/vi-news/dev.jsonl`` scored with ``dev-gold.jsonl``;
* English: the PolNeAR articles of ``gold/en/polnear-gold.jsonl`` (corpus built from
  ``../shared/data/en-news/polnear`` by ``gold/en/make_corpus.py``),

prints the evaluation tables of ``genderindex evaluate`` for each set and a summary
against the targets of the people/sources work (issue 3). The news texts are not in the
repository: without ``../shared/data`` the benchmark says so and measures nothing.

    python bench/bench_accuracy.py                       # both sets
    python bench/bench_accuracy.py --set vi --json /tmp/acc.json --errors-dir /tmp/acc-errors
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (measure path, comparison, target) per language; paths index the evaluation dict
TARGETS = {
    "vi": [
        ("people.f1", ">=", 0.90),
        ("gender_accuracy.accuracy", ">=", 0.95),
        ("sources.f1", ">=", 0.85),
        ("sources_by_gender.female.f1", ">=", 0.85),
        ("sources_by_gender.male.f1", ">=", 0.85),
        ("women_share.sources.diff_pp", "abs<=", 2.0),
    ],
    "en": [
        ("people.f1", ">=", 0.85),
        ("sources_by_gender.female.f1", ">=", 0.80),
        ("sources_by_gender.male.f1", ">=", 0.80),
    ],
}


def find_data(explicit: str | None) -> Path | None:
    """The shared data folder (--data, else ../shared/data beside the checkout or cwd)."""
    if explicit:
        p = Path(explicit)
        return p.resolve() if p.is_dir() else None
    from genderindex.resources import shared_data_dir

    return shared_data_dir()


def _get(d: dict, path: str):
    for part in path.split("."):
        if not isinstance(d, dict) or part not in d:
            return None
        d = d[part]
    return d


def load_sets(data: Path, which: str) -> list[tuple[str, list[dict], list[dict]]]:
    """``[(lang, gold_records, corpus_records)]`` for the sets that exist."""
    sets = []
    if which in ("vi", "both"):
        vi = data / "vi-news"
        if (vi / "dev.jsonl").is_file() and (vi / "dev-gold.jsonl").is_file():
            gold = [json.loads(x) for x in (vi / "dev-gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            corpus = [json.loads(x) for x in (vi / "dev.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
            sets.append(("vi", gold, corpus))
        else:
            print(f"Vietnamese dev set not found under {vi}; skipped", file=sys.stderr)
    if which in ("en", "both"):
        gold_path = ROOT / "gold" / "en" / "polnear-gold.jsonl"
        if (data / "en-news" / "polnear" / "test" / "text").is_dir() and gold_path.is_file():
            sys.path.insert(0, str(ROOT / "gold" / "en"))
            import make_corpus  # gold/en/make_corpus.py

            gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
            sets.append(("en", gold, make_corpus.build(data, gold_path)))
        else:
            print("English PolNeAR texts or gold/en/polnear-gold.jsonl not found; skipped", file=sys.stderr)
    return sets


def run_set(lang: str, gold: list[dict], corpus: list[dict], jobs: int) -> tuple[dict, float]:
    """Analyse the gold articles of ``corpus`` and score them; returns (evaluation, seconds).
    The evaluation gets ``analysis_failures`` (articles the pipeline could not analyse)."""
    from genderindex.batch import iter_analyze
    from genderindex.evaluate import evaluate_outputs

    ids = {str(g["id"]) for g in gold}
    recs = [r for r in corpus if str(r.get("id")) in ids]
    t0 = time.perf_counter()
    system = []
    failures = 0
    for item in iter_analyze(((f"{lang}:{r['id']}", r) for r in recs), lang=lang, jobs=jobs):
        if item.error is not None:
            failures += 1
            print(f"analysis failed for {item.where}: {item.error}", file=sys.stderr)
        else:
            system.append(item.result)
    secs = time.perf_counter() - t0
    ev = evaluate_outputs(gold, system, recs)
    ev["analysis_failures"] = failures
    return ev, secs


def summary_rows(lang: str, ev: dict) -> list[tuple[str, str, str, str]]:
    rows = []
    for path, op, target in TARGETS[lang]:
        v = _get(ev, path)
        if v is None:
            rows.append((path, "—", f"{op} {target}", "n/a"))
            continue
        ok = abs(v) <= target if op == "abs<=" else v >= target
        shown = f"{v:+.1f} pp" if path.endswith("diff_pp") else f"{100 * v:.1f}"
        tgt = f"±{target:.0f} pp" if op == "abs<=" else f"≥ {100 * target:.0f}"
        rows.append((path, shown, tgt, "met" if ok else "not met"))
    return rows


def error_summary(articles: list[dict], top: int = 12) -> list[str]:
    """Most frequent error classes over the per-article error lists (for error analysis)."""
    from collections import Counter

    def strip(x: str) -> str:
        return x.rsplit(" (", 1)[0]

    spurious = Counter(strip(x) for a in articles for x in a.get("spurious_people", []))
    missed = Counter(strip(x) for a in articles for x in a.get("missed_people", []))
    src = Counter(x.rsplit(" (", 1)[-1].rstrip(")") for a in articles for x in a.get("missed_sources", []))
    spsrc = Counter(x.rsplit(" (", 1)[-1].rstrip(")") for a in articles for x in a.get("spurious_sources", []))
    gerr = Counter(f"{e['gold_gender']}->{e['system_gender']}" for a in articles for e in a.get("gender_errors", []))
    ferr = Counter(f"{e['gold_function']}->{e['system_function']}" for a in articles for e in a.get("function_errors", []))
    lines = [
        "spurious people (most frequent): " + ", ".join(f"{k} x{v}" for k, v in spurious.most_common(top)),
        "missed people (most frequent): " + ", ".join(f"{k} x{v}" for k, v in missed.most_common(top)),
        "missed sources: " + ", ".join(f"{k} {v}" for k, v in src.most_common()),
        "spurious sources: " + ", ".join(f"{k} {v}" for k, v in spsrc.most_common()),
        "gender errors (gold->system): " + ", ".join(f"{k} {v}" for k, v in gerr.most_common()),
        "function errors (gold->system): " + ", ".join(f"{k} {v}" for k, v in ferr.most_common(8)),
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="genderindex accuracy against gold annotations")
    ap.add_argument("--set", choices=("vi", "en", "both"), default="both")
    ap.add_argument("--data", help="shared data folder (default: ../shared/data)")
    ap.add_argument("--jobs", "-j", type=int, default=1, help="worker processes for analysis (0 = all cores)")
    ap.add_argument("--json", help="write {lang: evaluation} here")
    ap.add_argument("--errors-dir", help="write per-article error lists <dir>/<lang>-errors.jsonl")
    args = ap.parse_args(argv)

    data = find_data(args.data)
    if data is None:
        print("shared data (../shared/data) not found: the gold articles are not shipped with the "
              "package, so there is nothing to measure. Pass --data DIR.")
        return 0
    from rich.console import Console
    from rich.table import Table

    from genderindex.cli.evaluate import render_text

    sets = load_sets(data, args.set)
    if not sets:
        print("no gold set found; nothing measured")
        return 0
    con = Console(highlight=False)
    results = {}
    for lang, gold, corpus in sets:
        ev, secs = run_set(lang, gold, corpus, args.jobs)
        articles = ev.pop("articles", [])
        results[lang] = ev
        fails = f", {ev['analysis_failures']} FAILED to analyse" if ev["analysis_failures"] else ""
        con.rule(f"{lang}: {len(gold)} gold articles, analysed in {secs:.2f} s{fails}")
        render_text(ev, sys.stdout)
        t = Table(title=f"{lang}: targets", title_justify="left")
        for col in ("measure", "value", "target", "status"):
            t.add_column(col)
        for row in summary_rows(lang, ev):
            t.add_row(*row)
        con.print(t)
        for line in error_summary(articles):
            con.print(line, markup=False)
        if args.errors_dir:
            out = Path(args.errors_dir)
            out.mkdir(parents=True, exist_ok=True)
            with open(out / f"{lang}-errors.jsonl", "w", encoding="utf-8") as fh:
                for a in articles:
                    fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
