"""Audit reports: one model (:mod:`.model`), four renderers (HTML, XLSX, CSV, Markdown).

``write_report(model, fmt, output)`` writes one format; labels come from
``templates/ui_strings.toml`` (Vietnamese by default for Vietnamese corpora, English with
``ui_lang="en"``). Heavy libraries (matplotlib, openpyxl) are imported only by the
renderer that needs them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .i18n import UI
from .model import ReportModel, Table, build_model

FORMATS = ("html", "xlsx", "csv", "md")

__all__ = ["FORMATS", "ReportModel", "Table", "UI", "build_model", "write_report", "display", "summary_lines",
           "format_from_path"]


def format_from_path(path: str | Path, fmt: str | None = None) -> str:
    """The format named by ``fmt`` or by the output file's suffix (default html)."""
    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        return fmt
    suf = Path(path).suffix.lower().lstrip(".")
    return {"htm": "html", "markdown": "md"}.get(suf, suf if suf in FORMATS else "html")


def _threshold(key: str, v: Any, ui: UI) -> str:
    if key in ("min_women_share_sources", "max_gbv_findings_share") and isinstance(v, (int, float)):
        return ui.pct(v, 0)
    return ui.num(v, 0 if float(v).is_integer() else 1) if isinstance(v, (int, float)) else str(v)


def display(ui: UI, model: ReportModel, kind: str, v: Any) -> str:
    """Display text of one cell (translation, number format, reasons with thresholds)."""
    if kind == "reasons":
        if not v:
            return ""
        return "; ".join(ui(f"reason_{k}", v=_threshold(k, model.rubric.meets.get(k), ui)) for k in str(v).split(","))
    if kind == "context":
        return "" if v is None else str(v)
    return ui.fmt(kind, v)


def summary_lines(model: ReportModel, ui: UI) -> list[str]:
    """The summary paragraph of a report, one sentence per line."""
    s = model.summary
    lines = [ui("summary_line", n_articles=ui.num(s.get("n_articles", 0), 0), n_outlets=s.get("n_outlets", 0),
                n_meets=s.get("n_meets", 0), n_not=s.get("n_not_meeting", 0),
                n_insufficient=s.get("n_insufficient", 0))]
    lines.append(ui("share_meeting_line", share=ui.pct(s.get("share_meeting"))))
    if s.get("index_score") is not None:
        lines.append(ui("area_index_line", score=ui.num(s["index_score"], 1)))
    for t in model.rubric.program_targets:
        met = s.get(f"meets_target_{t.year}")
        verdict = ui("target_na") if met is None else ui("target_met") if met else ui("target_not_met")
        lines.append(ui("target_line", year=t.year, target=ui.pct(t.share, 0), verdict=verdict))
    lines.append(ui("coverage_line", ge_items=s.get("ge_items", 0), target=model.rubric.local_target,
                    verdict=ui("target_met") if s.get("coverage_met") else ui("target_not_met")))
    if s.get("n_articles_unknown_outlet"):
        lines.append(ui("unknown_line", n=s["n_articles_unknown_outlet"]))
    if model.n_undated:
        lines.append(ui("undated_line", n=model.n_undated))
    return lines


def rule_text(model: ReportModel, ui: UI) -> str:
    m = model.rubric.meets
    return ui("rule_text", **{k: _threshold(k, m.get(k, ""), ui) for k in (
        "min_articles", "min_index_score", "min_women_share_sources", "max_findings_per_1000",
        "max_gbv_findings_share")})


def write_report(model: ReportModel, fmt: str, output: str | Path) -> list[Path]:
    """Write ``model`` as ``fmt`` to ``output``; returns the files written."""
    output = Path(output)
    if output.parent and not output.parent.exists():
        output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        from .html import render_html

        output.write_text(render_html(model), encoding="utf-8")
        return [output]
    if fmt == "xlsx":
        from .xlsx import write_xlsx

        write_xlsx(model, output)
        return [output]
    if fmt == "csv":
        from .text import write_csv

        return write_csv(model, output)
    if fmt == "md":
        from .text import render_markdown

        output.write_text(render_markdown(model), encoding="utf-8")
        return [output]
    raise ValueError(f"unknown report format {fmt!r}")
