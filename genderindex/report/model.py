"""The report model: every table and number a report shows, computed once from the store.

Renderers (HTML, XLSX, CSV, Markdown) only format this model, so all formats show the
same numbers. Values stay raw (shares as fractions); :class:`~.i18n.UI` formats them.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..audit import (
    STATUS_INSUFFICIENT, STATUS_MEETS, STATUS_NOT, STATUS_UNKNOWN_OUTLET, aggregate, area_summary,
    coverage_by_unit, worst_findings,
)
from ..io.corpus import UNKNOWN_PERIOD, period_sort_key
from ..rubric import Rubric, load_rubric
from ..store import Store

OUTLET_COLUMNS = [
    ("outlet", "outlet"), ("unit", "text"), ("n_articles", "int"),
    ("people_female", "int"), ("people_male", "int"), ("people_unknown", "int"), ("women_share_people", "share"),
    ("sources_female", "int"), ("sources_male", "int"), ("women_share_sources", "share"),
    ("experts_officials_female", "int"), ("experts_officials_male", "int"), ("women_share_experts", "share"),
    ("findings_outside_quotes", "int"), ("findings_per_1000", "rate"), ("articles_with_findings", "int"),
    ("gbv_stories", "int"), ("gbv_stories_with_findings", "int"),
    ("ge_items", "int"), ("ge_target", "int"), ("coverage_met", "bool"),
    ("mean_article_score", "score"), ("index_score", "score"), ("status", "status"), ("reasons", "reasons"),
]
TREND_COLUMNS = [
    ("outlet", "outlet"), ("period", "period"), ("n_articles", "int"), ("women_share_people", "share"),
    ("women_share_sources", "share"), ("women_share_experts", "share"), ("findings_per_1000", "rate"),
    ("ge_items", "int"), ("index_score", "score"), ("status", "status"),
]
UNIT_COLUMNS = [("unit_name", "text"), ("level", "text"), ("n_articles", "int"), ("ge_items", "int"),
                ("ge_target", "int"), ("coverage_met", "bool")]
FINDING_COLUMNS = [
    ("severity", "severity"), ("category", "category"), ("text", "text"), ("context", "context"),
    ("suggestions", "list"), ("message", "text"), ("outlet", "outlet"), ("article_id", "text"), ("title", "text"),
    ("rule", "text"),
]
UNDATED_COLUMNS = [("outlet", "outlet"), ("n_articles", "int"), ("date_raw", "list"),
                   ("women_share_sources", "share"), ("findings_outside_quotes", "int"), ("ge_items", "int")]
ARTICLE_COLUMNS = [
    ("article_id", "text"), ("outlet", "outlet"), ("date", "text"), ("date_raw", "text"), ("title", "text"),
    ("words", "int"), ("people_female", "int"), ("people_male", "int"), ("sources_female", "int"),
    ("sources_male", "int"), ("experts_officials_female", "int"), ("experts_officials_male", "int"),
    ("findings_outside_quotes", "int"), ("ge_topic", "bool"), ("gbv_story", "bool"), ("score", "score"),
]


@dataclass
class Table:
    """One table of the report: ``columns`` = [(key, kind)], ``rows`` = dicts."""

    key: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]]


@dataclass
class ReportModel:
    """Everything a report shows (see :func:`build_model`)."""

    period: str
    periods: list[str]
    outlets: list[str] | None
    rubric: Rubric
    ui_lang: str
    generated: str
    store_path: str
    summary: dict[str, Any]
    tables: dict[str, Table] = field(default_factory=dict)
    chart_sources: list[tuple[str, float]] = field(default_factory=list)
    chart_trend: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    chart_area: list[tuple[str, float]] = field(default_factory=list)
    errors: list[tuple[str, str | None, str]] = field(default_factory=list)
    n_undated: int = 0
    version: str = ""


def guess_ui_lang(rows: list[dict[str, Any]]) -> str:
    """"vi" unless most articles are in another language (then "en")."""
    c = Counter(r.get("lang") for r in rows)
    return "vi" if not rows or c.get("vi", 0) >= len(rows) / 2 else "en"


def build_model(
    store: Store,
    period: str | None = None,
    outlets: list[str] | None = None,
    rubric: Rubric | str | None = None,
    ui_lang: str | None = None,
    n_findings: int = 25,
    errors: list[tuple[str, str | None, str]] | None = None,
) -> ReportModel:
    """Compute the report for ``period`` (default: the latest dated period in the store)."""
    from .. import __version__

    rub = rubric if isinstance(rubric, Rubric) else load_rubric(rubric)
    all_periods = store.periods()
    dated = [p for p in all_periods if p != UNKNOWN_PERIOD]
    if period is None:
        period = dated[-1] if dated else UNKNOWN_PERIOD
    upto = [p for p in dated if period_sort_key(p) <= period_sort_key(period)] if period != UNKNOWN_PERIOD else []
    if period not in upto:
        upto.append(period)
    rows_all = store.article_rows(upto)
    rows_p = [r for r in rows_all if r["period"] == period]
    sel = set(outlets) if outlets else None
    in_sel = (lambda r: r["outlet"] in sel) if sel else (lambda r: True)
    lang = ui_lang or guess_ui_lang(rows_p or rows_all)

    op_all = aggregate(rows_all, rub)
    op_p = [r for r in op_all if r["period"] == period and in_sel(r)]
    area = area_summary(op_all, rows_all, rub)
    area_p = next((a for a in area if a["period"] == period), None) or {
        "period": period, "n_outlets": 0, "n_meets": 0, "n_not_meeting": 0, "n_insufficient": 0,
        "share_meeting": None, "n_articles": 0, "n_articles_unknown_outlet": 0, "ge_items": 0,
        "ge_target": rub.local_target, "coverage_met": False}
    trend = [r for r in op_all if in_sel(r)]
    units = store.units()
    unit_rows = coverage_by_unit([r for r in rows_p if in_sel(r)], units, rub)
    for r in op_p:
        if r.get("unit"):
            r["unit"] = units.get(r["unit"], {}).get("name", r["unit"])
    sel_rows = [r for r in rows_p if in_sel(r)]
    worst = worst_findings(store.findings([r["hash"] for r in sel_rows]), sel_rows, n_findings)
    undated_rows = [r for r in store.article_rows([UNKNOWN_PERIOD]) if in_sel(r)] if period != UNKNOWN_PERIOD else []
    undated = aggregate(undated_rows, rub)
    for u in undated:
        u["date_raw"] = sorted({str(r["date_raw"]) for r in undated_rows
                                if r["outlet"] == u["outlet"] and r.get("date_raw")})[:5]

    area_cols = [("period", "period"), ("n_outlets", "int"), ("n_meets", "int"), ("n_not_meeting", "int"),
                 ("n_insufficient", "int"), ("share_meeting", "share")]
    for t in rub.program_targets:
        area_cols += [(f"target_{t.year}", "share"), (f"meets_target_{t.year}", "bool")]
    area_cols += [("n_articles", "int"), ("n_articles_unknown_outlet", "int"), ("women_share_people", "share"),
                  ("women_share_sources", "share"), ("women_share_experts", "share"), ("findings_per_1000", "rate"),
                  ("ge_items", "int"), ("ge_target", "int"), ("coverage_met", "bool"), ("index_score", "score")]

    tables = {
        "outlets": Table("outlets", OUTLET_COLUMNS, op_p),
        "area": Table("area", area_cols, [a for a in area if a["period"] in upto]),
        "trend": Table("trend", TREND_COLUMNS, trend),
    }
    if unit_rows:
        tables["units"] = Table("units", UNIT_COLUMNS, unit_rows)
    tables["findings"] = Table("findings", FINDING_COLUMNS, worst)
    if undated:
        tables["undated"] = Table("undated", UNDATED_COLUMNS, undated)
    tables["articles"] = Table("articles", ARTICLE_COLUMNS, sel_rows)
    tables["rubric"] = Table("rubric", [("indicator", "text"), ("label", "text"), ("weight", "text")],
                             [{"indicator": "version", "label": rub.disclaimer, "weight": rub.version},
                              {"indicator": "period", "label": "", "weight": rub.period}]
                             + [{"indicator": i.name, "label": i.label, "weight": i.weight} for i in rub.indicators]
                             + [{"indicator": f"meets_index.{k}", "label": "", "weight": v}
                                for k, v in rub.meets.items()]
                             + [{"indicator": "targets.local_ge_items_per_period", "label": "",
                                 "weight": rub.local_target}]
                             + [{"indicator": f"targets.program.{t.year}", "label": t.label, "weight": t.share}
                                for t in rub.program_targets])

    chart_sources = [(r["outlet"], r["women_share_sources"]) for r in op_p
                     if r["women_share_sources"] is not None]
    chart_trend: dict[str, list[tuple[str, float]]] = {}
    for r in trend:
        if r["period"] != UNKNOWN_PERIOD and r["index_score"] is not None:
            chart_trend.setdefault(r["outlet"], []).append((r["period"], r["index_score"]))
    chart_area = [(a["period"], a["index_score"]) for a in area
                  if a["period"] in upto and a["period"] != UNKNOWN_PERIOD and a["index_score"] is not None]
    summary = dict(area_p)
    summary["n_articles_selected"] = len(sel_rows)
    return ReportModel(
        period=period, periods=upto, outlets=sorted(sel) if sel else None, rubric=rub, ui_lang=lang,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), store_path=str(store.path),
        summary=summary, tables=tables, chart_sources=chart_sources, chart_trend=chart_trend, chart_area=chart_area,
        errors=list(errors or []), n_undated=len(undated_rows), version=__version__,
    )


def status_counts(model: ReportModel) -> dict[str, int]:
    c = Counter(r["status"] for r in model.tables["outlets"].rows)
    return {k: c.get(k, 0) for k in (STATUS_MEETS, STATUS_NOT, STATUS_INSUFFICIENT, STATUS_UNKNOWN_OUTLET)}
