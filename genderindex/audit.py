"""The quarterly outlet audit: corpus in, article results into the store, outlet x period
indicators, index score, "meets index" status and program targets out.

* :func:`run_audit` reads a corpus, analyses every article not yet in the store (through
  :func:`genderindex.batch.iter_analyze`) and commits results in batches, so an interrupted
  run resumes where it stopped and re-running the same input adds nothing twice.
* :func:`aggregate` turns flat per-article rows (:meth:`Store.article_rows`) into outlet x
  period rows; :func:`area_summary` gives the share of outlets meeting the index against the
  program targets and coverage against the local target. Pure Python, no pandas.

The rule for "meets index" is the rubric's ``[meets_index]`` table (see docs/audit.md):
enough articles, an index score at or above the threshold, a floor on women's share of
sources, a ceiling on wording findings per 1,000 words and on GBV stories with GBV wording.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter, defaultdict
from functools import lru_cache
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .io.corpus import (
    UNKNOWN_OUTLET, UNKNOWN_PERIOD, OutletMap, parse_date, period_of, period_sort_key, period_year, read_corpus,
)
from .io.jsonl import RecordError
from .rubric import Rubric, index_components, load_rubric, program_target_for, score_article, weighted_score
from .store import Store, pack_result, sha256
from .text.normalize import normalize_text

GENDER_KEYS = ("people", "sources", "experts_officials")
SUM_KEYS = (
    "words", "words_outside_quotes", "words_in_quotes",
    *(f"{k}_{g}" for k in GENDER_KEYS for g in ("female", "male", "unknown")),
    "findings_outside_quotes", "findings_in_quotes", "gbv_wording_findings",
)
STATUS_MEETS = "meets"
STATUS_NOT = "not_meeting"
STATUS_INSUFFICIENT = "insufficient_data"
STATUS_UNKNOWN_OUTLET = "unknown_outlet"
SEVERITY_RANK = {"error": 2, "warning": 1, "info": 0}


# ============================================================================ running


@dataclass
class AuditResult:
    """What one audit run did."""

    run_id: str
    rubric: str
    status: str = "running"
    n_read: int = 0
    n_ok: int = 0
    n_new: int = 0
    n_existing: int = 0
    n_duplicate: int = 0
    n_skipped: int = 0
    errors: list[tuple[str, str | None, str]] = field(default_factory=list)
    periods: Counter = field(default_factory=Counter)
    outlets: Counter = field(default_factory=Counter)
    unknown_outlet: int = 0
    unknown_date: int = 0
    unparsed_dates: Counter = field(default_factory=Counter)

    @property
    def latest_period(self) -> str | None:
        known = [p for p in self.periods if p != UNKNOWN_PERIOD]
        return max(known, key=period_sort_key) if known else None


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def input_identity(paths: Iterable[str | Path]) -> list[list[str]]:
    """(path, content digest) of every input file (folders: every file inside)."""
    out = []
    for p in paths:
        path = Path(p)
        if path.is_file():
            out.append([str(path.resolve()), _file_digest(path)])
        elif path.is_dir():
            for f in sorted(x for x in path.rglob("*") if x.is_file()):
                out.append([str(f.resolve()), _file_digest(f)])
        else:
            out.append([str(p), "missing"])
    return out


#: parts of the package that do not change article results (excluded from the fingerprint)
_NOT_ANALYSIS = {"cli", "report", "audit.py", "store.py", "io", "rubrics", "__pycache__", "dask.py", "frame.py"}


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Digest of the code and data that produce an article result (analysis modules,
    lexicons, models), so results of different builds are never mixed up as one.
    ``$GENDERINDEX_PIPELINE_ID`` overrides it (to keep results across a code change)."""
    import os

    from .resources import lexicon_dir, models_dir

    if os.environ.get("GENDERINDEX_PIPELINE_ID"):
        return os.environ["GENDERINDEX_PIPELINE_ID"]

    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    bases = [pkg]
    for fn in (lexicon_dir, models_dir):
        try:
            bases.append(fn())
        except FileNotFoundError:
            pass
    for base in bases:
        for f in sorted(base.rglob("*")):
            rel = f.relative_to(base)
            if base == pkg and (rel.parts[0] in _NOT_ANALYSIS or rel.parts[0] in ("lexicons", "models", "examples")):
                continue
            if f.is_file() and "__pycache__" not in rel.parts and f.suffix not in (".pyc", ".md"):
                h.update(rel.as_posix().encode("utf-8") + b"\0")
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    """The finding in its sentence neighbourhood, whitespace collapsed, with ellipses."""
    if not text or start is None or end is None:
        return ""
    s, e = max(0, start - width), min(len(text), end + width)
    snippet = " ".join(text[s:e].split())
    return ("…" if s > 0 else "") + snippet + ("…" if e < len(text) else "")


def _text_key(value: Any) -> str:
    return " ".join(normalize_text(value).split()) if isinstance(value, str) else ("" if value is None else str(value))


def run_audit(
    inputs: Iterable[str | Path],
    store: Store,
    *,
    rubric: Rubric | str | Path | None = None,
    outlet_map: OutletMap | None = None,
    field_map: dict[str, str] | None = None,
    lang: str = "auto",
    jobs: int = 1,
    batch_size: int = 200,
    undated_period: str | None = None,
    on_item: Callable[[], None] | None = None,
    on_error: Callable[[str, str | None, str], None] | None = None,
) -> AuditResult:
    """Audit ``inputs`` into ``store``; returns counts and the bad records (where, id, error).

    Articles already in the store (same content hash) are not analysed again; results are
    committed every ``batch_size`` records inside a transaction. On Ctrl-C the finished
    results are committed, the run is marked "interrupted" and KeyboardInterrupt re-raised.
    """
    from . import __version__
    from .batch import iter_analyze

    inputs = [str(p) for p in inputs]
    rub = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    default_rubric = load_rubric()
    omap = outlet_map or OutletMap()
    fmap = dict(field_map or {})
    pipeline = f"genderindex {__version__}+{pipeline_fingerprint()}"
    omap_digest = _file_digest(Path(omap.source)) if omap.source else ""
    rubric_key = f"{rub.version}:{sha256(rub.to_dict() | {'path': ''})[:12]}"
    run_id = sha256("run", input_identity(inputs), sorted(fmap.items()), omap_digest, rubric_key, pipeline,
                    undated_period, lang)[:32]
    res = AuditResult(run_id=run_id, rubric=rub.version)
    store.start_run(run_id, inputs, {"field_map": fmap, "outlets": omap.source, "lang": lang,
                                     "undated_period": undated_period}, rub.version, rub.to_dict(), pipeline)
    store.put_units(omap.units)
    known = store.known_hashes()
    seen: set[str] = set()
    pending: dict[str, dict[str, Any]] = {}
    lock = threading.Lock()
    batch: list[dict[str, Any]] = []
    links: list[str] = []
    errs: list[tuple[str, str | None, str]] = []

    def flush() -> None:
        with lock:
            b, lk, er = batch[:], links[:], errs[:]
            batch.clear(), links.clear(), errs.clear()
        if b or lk or er:
            res.n_new += store.write_batch(run_id, b, lk, er)

    def note_error(where: str, rid: Any, msg: str) -> None:
        res.n_skipped += 1
        item = (where, None if rid is None else str(rid), msg)
        res.errors.append(item)
        with lock:
            errs.append(item)
        if on_error:
            on_error(*item)

    def count_meta(meta: dict[str, Any]) -> None:
        res.periods[meta["period"]] += 1
        res.outlets[meta["outlet"]] += 1
        if meta["outlet"] == UNKNOWN_OUTLET:
            res.unknown_outlet += 1
        if meta["date"] is None:
            res.unknown_date += 1
            raw = meta["date_raw"]
            if raw not in (None, ""):
                res.unparsed_dates[str(raw)[:40]] += 1

    def feed():
        for where, rec in read_corpus(inputs, fmap):
            res.n_read += 1
            if isinstance(rec, RecordError):
                yield where, rec
                continue
            info = omap.resolve(rec.get("outlet"), rec.get("url"))
            date = parse_date(rec.get("date"))
            period = period_of(date, rub.period)
            if date is None and undated_period:
                period = undated_period
            raw_outlet = rec.get("outlet")
            content_key = sha256(
                "article", _text_key(rec.get("id")), _text_key(raw_outlet), _text_key(rec.get("date")),
                _text_key(rec.get("title")), _text_key(rec.get("text")), _text_key(rec.get("url")),
                _text_key(rec.get("lang")),
            )
            h = sha256(content_key, info.outlet, info.unit, period, pipeline, rubric_key)
            rid = _text_key(rec.get("id"))
            identity = sha256("identity", _text_key(raw_outlet), rid) if rid else content_key
            meta = {
                "hash": h, "content_key": content_key, "identity": identity, "outlet": info.outlet,
                "outlet_raw": None if raw_outlet is None else str(raw_outlet), "unit": info.unit or None,
                "date": date.isoformat() if date else None,
                "date_raw": None if rec.get("date") is None else str(rec.get("date")),
                "period": period, "url": rec.get("url"), "source": where,
            }
            if h in known or h in seen:
                if h in seen:
                    res.n_duplicate += 1
                else:
                    res.n_existing += 1
                    count_meta(meta)
                res.n_ok += 1
                with lock:
                    links.append(h)
                if on_item:
                    on_item()
                continue
            seen.add(h)
            meta["title"] = rec.get("title") if isinstance(rec.get("title"), str) else None
            meta["text"] = rec.get("text") if isinstance(rec.get("text"), str) else ""
            pending[where] = meta
            yield where, rec

    status = "complete"
    try:
        for item in iter_analyze(feed(), lang=lang, jobs=jobs):
            if item.error is not None:
                pending.pop(item.where, None)
                note_error(item.where, item.id, item.error)
            else:
                meta = pending.pop(item.where)
                result = item.result
                if rub is not default_rubric or result.get("rubric") != rub.version:
                    result["score"] = score_article(result, rub)
                    result["rubric"] = rub.version
                text, title = meta.pop("text"), meta.get("title") or ""
                findings = []
                for f in result.get("findings") or []:
                    src = title if f.get("field") == "title" else text
                    findings.append({**f, "context": _context(src, f.get("start"), f.get("end"))})
                result["meta"] = {k: meta[k] for k in ("outlet", "outlet_raw", "unit", "date", "date_raw", "period",
                                                       "url", "source")}
                ind = result.get("indicators") or {}
                row = {
                    **meta, "article_id": result.get("id") or None, "lang": result.get("lang"),
                    "words": result.get("words"), "score": result.get("score"),
                    "ge_topic": int(bool(result.get("ge_topic"))), "gbv_story": int(bool(result.get("gbv_story"))),
                    "indicators": _json(ind), "rubric": rub.version, "pipeline": pipeline,
                    "result": pack_result(result), "findings": findings, "created_at": None,
                }
                count_meta(meta)
                res.n_ok += 1
                with lock:
                    batch.append(row)
                    links.append(meta["hash"])
            if on_item:
                on_item()
            if len(batch) + len(links) + len(errs) >= batch_size:
                flush()
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        flush()
        res.status = status
        summary = None
        if status == "complete":
            rows = store.article_rows(run_id=run_id)
            summary = {"outlet_periods": aggregate(rows, rub), "errors": len(res.errors)}
        store.finish_run(run_id, status, res.n_read, summary)
    return res


def _json(obj: Any) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# ============================================================================ aggregation


def share(female: float, male: float) -> float | None:
    """Women's share among people of known gender (None when nobody is known)."""
    return None if female + male == 0 else female / (female + male)


def group_counts(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Summed counts of a group of per-article rows (plus GBV and GE counts)."""
    c: dict[str, Any] = dict.fromkeys(SUM_KEYS, 0)
    c.update(n_articles=0, ge_items=0, gbv_stories=0, gbv_stories_with_findings=0, articles_with_findings=0)
    scores = []
    for r in rows:
        c["n_articles"] += 1
        for k in SUM_KEYS:
            v = r.get(k)
            if v is not None and v == v:
                c[k] += v
        if r.get("ge_topic"):
            c["ge_items"] += 1
        if r.get("gbv_story"):
            c["gbv_stories"] += 1
            if (r.get("gbv_wording_findings") or 0) > 0:
                c["gbv_stories_with_findings"] += 1
        if (r.get("findings_outside_quotes") or 0) > 0:
            c["articles_with_findings"] += 1
        if r.get("score") is not None and r.get("score") == r.get("score"):
            scores.append(r["score"])
    c["mean_article_score"] = round(sum(scores) / len(scores), 2) if scores else None
    return c


def measures(c: dict[str, Any], rubric: Rubric) -> dict[str, Any]:
    """Shares, rates, component scores and the index score of summed counts ``c``."""
    m = dict(c)
    m["women_share_people"] = share(c["people_female"], c["people_male"])
    m["women_share_sources"] = share(c["sources_female"], c["sources_male"])
    m["women_share_experts"] = share(c["experts_officials_female"], c["experts_officials_male"])
    wo = c["words_outside_quotes"]
    m["findings_per_1000"] = None if not wo else 1000.0 * c["findings_outside_quotes"] / wo
    m["gbv_findings_share"] = (c["gbv_stories_with_findings"] / c["gbv_stories"]) if c["gbv_stories"] else None
    m["ge_target"] = rubric.local_target
    m["coverage_met"] = c["ge_items"] >= rubric.local_target
    comps = index_components(c, rubric)
    for k, v in comps.items():
        m[f"component_{k}"] = v
    m["index_score"] = weighted_score(comps, rubric)
    return m


def meets_index(m: dict[str, Any], rubric: Rubric) -> tuple[str, list[str]]:
    """``(status, reasons)`` for one outlet x period under the rubric's ``[meets_index]`` rule."""
    rule = rubric.meets
    if m.get("outlet") == UNKNOWN_OUTLET:
        return STATUS_UNKNOWN_OUTLET, []
    if m["n_articles"] < rule.get("min_articles", 1):
        return STATUS_INSUFFICIENT, ["min_articles"]
    reasons = []
    if m["index_score"] is None or m["index_score"] < rule.get("min_index_score", 0):
        reasons.append("min_index_score")
    floor = rule.get("min_women_share_sources")
    if floor is not None and m["women_share_sources"] is not None and m["women_share_sources"] < floor:
        reasons.append("min_women_share_sources")
    ceil = rule.get("max_findings_per_1000")
    if ceil is not None and m["findings_per_1000"] is not None and m["findings_per_1000"] > ceil:
        reasons.append("max_findings_per_1000")
    gceil = rule.get("max_gbv_findings_share")
    if gceil is not None and m["gbv_findings_share"] is not None and m["gbv_findings_share"] > gceil:
        reasons.append("max_gbv_findings_share")
    return (STATUS_NOT if reasons else STATUS_MEETS), reasons


def aggregate(rows: Iterable[dict[str, Any]], rubric: Rubric, by: tuple[str, ...] = ("outlet", "period")
              ) -> list[dict[str, Any]]:
    """One row per group (default outlet x period) with counts, shares, rates, components,
    index score and meets-index status (sorted by period, then outlet; unknown outlet last)."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        groups[tuple(r.get(k) for k in by)].append(r)
    out = []
    for key, grp in groups.items():
        m = measures(group_counts(grp), rubric)
        m.update(dict(zip(by, key)))
        if "outlet" in by:
            m["unit"] = next((r.get("unit") for r in grp if r.get("unit")), None)
            m["status"], reasons = meets_index(m, rubric)
            m["reasons"] = ",".join(reasons)
        out.append({**dict(zip(by, key)), **m})

    def sort_key(m):
        return (period_sort_key(m.get("period", "")), m.get("outlet") == UNKNOWN_OUTLET, str(m.get("outlet", "")))

    return sorted(out, key=sort_key)


def area_summary(outlet_rows: list[dict[str, Any]], article_rows: list[dict[str, Any]], rubric: Rubric
                 ) -> list[dict[str, Any]]:
    """Per period: outlets assessed/meeting, share meeting vs each program target, and the
    whole area's pooled indicators and GE coverage vs the local target."""
    by_period: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in outlet_rows:
        by_period[r["period"]].append(r)
    arts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in article_rows:
        arts[a["period"]].append(a)
    out = []
    for period in sorted(set(by_period) | set(arts), key=period_sort_key):
        rows = by_period.get(period, [])
        st = Counter(r["status"] for r in rows)
        known = [r for r in rows if r["status"] != STATUS_UNKNOWN_OUTLET]
        denom = st[STATUS_MEETS] + st[STATUS_NOT]
        if rubric.meets.get("insufficient") == "not_meeting":
            denom += st[STATUS_INSUFFICIENT]
        m = measures(group_counts(arts.get(period, [])), rubric)
        row = {
            "period": period, "n_outlets": len(known), "n_meets": st[STATUS_MEETS], "n_not_meeting": st[STATUS_NOT],
            "n_insufficient": st[STATUS_INSUFFICIENT], "share_meeting": (st[STATUS_MEETS] / denom) if denom else None,
            "n_articles": m["n_articles"], "n_articles_unknown_outlet": sum(
                r["n_articles"] for r in rows if r["status"] == STATUS_UNKNOWN_OUTLET),
            "women_share_people": m["women_share_people"], "women_share_sources": m["women_share_sources"],
            "women_share_experts": m["women_share_experts"], "findings_per_1000": m["findings_per_1000"],
            "ge_items": m["ge_items"], "ge_target": rubric.local_target, "coverage_met": m["coverage_met"],
            "index_score": m["index_score"],
        }
        year = period_year(period)
        for t in rubric.program_targets:
            row[f"target_{t.year}"] = t.share
            row[f"meets_target_{t.year}"] = None if row["share_meeting"] is None else row["share_meeting"] >= t.share
        cur = program_target_for(year, rubric)
        row["current_target"] = cur.year if cur else None
        out.append(row)
    return out


def coverage_by_unit(article_rows: list[dict[str, Any]], units: dict[str, dict[str, str]], rubric: Rubric
                     ) -> list[dict[str, Any]]:
    """GE items per administrative unit and period (an item counts for its unit and every
    parent unit), against the local target. Articles of unmapped outlets are left out."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for a in article_rows:
        unit, seen = a.get("unit"), set()
        while unit and unit not in seen:
            seen.add(unit)
            c = counts[(unit, a["period"])]
            c[0] += 1
            c[1] += 1 if a.get("ge_topic") else 0
            unit = units.get(unit, {}).get("parent") or None
    out = []
    for (unit, period), (n, ge) in counts.items():
        u = units.get(unit, {})
        out.append({"unit": unit, "unit_name": u.get("name", unit), "level": u.get("level", ""),
                    "parent": u.get("parent", ""), "period": period, "n_articles": n, "ge_items": ge,
                    "ge_target": rubric.local_target, "coverage_met": ge >= rubric.local_target})
    return sorted(out, key=lambda r: (period_sort_key(r["period"]), r["level"], r["unit_name"]))


_GBV = re.compile(r"^gbv_")


def worst_findings(findings: list[dict[str, Any]], article_rows: list[dict[str, Any]], n: int = 20
                   ) -> list[dict[str, Any]]:
    """The ``n`` most serious findings outside quotes (severity, GBV wording first, then the
    lowest article score), each with its outlet, article, context and suggestions."""
    arts = {a["hash"]: a for a in article_rows}
    rows = []
    for f in findings:
        a = arts.get(f["hash"])
        if a is None or f.get("in_quote"):
            continue
        rows.append({**f, "outlet": a["outlet"], "period": a["period"], "article_id": a.get("article_id"),
                     "title": a.get("title"), "url": a.get("url"), "score": a.get("score")})
    rows.sort(key=lambda f: (-SEVERITY_RANK.get(f.get("severity") or "", 0), not _GBV.match(f.get("category") or ""),
                             f["score"] if f.get("score") is not None else 101, f.get("outlet") or "", f["idx"]))
    return rows[:n]
