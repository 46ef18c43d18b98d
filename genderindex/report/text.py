"""CSV (one file per table) and Markdown reports."""
from __future__ import annotations

import csv
from pathlib import Path

from . import display, rule_text, summary_lines
from .i18n import UI
from .model import ReportModel, Table

RAW = {"int", "share", "rate", "score"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(ui: UI, model: ReportModel, kind: str, v) -> object:
    if kind in RAW:
        if v is None or (isinstance(v, float) and v != v):
            return ""
        return round(v, 6) if isinstance(v, float) else v
    text = display(ui, model, kind, v)
    # a spreadsheet must not evaluate article text as a formula
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(model: ReportModel, output: Path) -> list[Path]:
    """``output`` names the outlets table; the others go beside it as ``<stem>.<table>.csv``
    (or, when ``output`` has no ``.csv`` suffix, into that folder as ``<table>.csv``)."""
    ui = UI(model.ui_lang)
    if output.suffix.lower() == ".csv":
        paths = {k: (output if k == "outlets" else output.with_name(f"{output.stem}.{k}.csv")) for k in model.tables}
    else:
        output.mkdir(parents=True, exist_ok=True)
        paths = {k: output / f"{k}.csv" for k in model.tables}
    for key, table in model.tables.items():
        with open(paths[key], "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([ui.col(c) for c, _ in table.columns])
            for row in table.rows:
                w.writerow([_csv_cell(ui, model, kind, row.get(c)) for c, kind in table.columns])
    return list(paths.values())


def _md_cell(text: str) -> str:
    text = " ".join(str(text).split())
    for ch in ("\\", "|", "<", ">", "*", "_", "`", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def _md_table(t: Table, model: ReportModel, ui: UI) -> list[str]:
    cols = t.columns
    out = ["| " + " | ".join(_md_cell(ui.col(c)) for c, _ in cols) + " |",
           "|" + "|".join("---:" if k in RAW else "---" for _, k in cols) + "|"]
    for r in t.rows:
        out.append("| " + " | ".join(_md_cell(display(ui, model, k, r.get(c))) for c, k in cols) + " |")
    if not t.rows:
        out.append(f"| {_md_cell(ui('no_data'))} |" + " |" * (len(cols) - 1))
    return out


def render_markdown(model: ReportModel) -> str:
    ui = UI(model.ui_lang)
    t = model.tables
    lines = [f"# {_md_cell(ui('report_title'))}: {_md_cell(ui.period(model.period))}", "",
             f"- {ui('rubric')}: **{_md_cell(model.rubric.version)}** — {_md_cell(model.rubric.title_for(model.ui_lang))}",
             f"- {ui('generated')}: {model.generated}", "", f"> {_md_cell(ui('disclaimer'))}", "",
             f"## {ui('summary')}", ""]
    lines += [f"- {_md_cell(x)}" for x in summary_lines(model, ui)]
    sections = [("outlets", "table_outlets"), ("area", "table_area"), ("trend", "table_trend"),
                ("units", "table_units"), ("findings", "table_findings"), ("undated", "table_undated")]
    for key, title in sections:
        if key in t:
            lines += ["", f"## {ui(title)}", "", *_md_table(t[key], model, ui)]
    lines += ["", f"## {ui('rule_heading')}", "", _md_cell(rule_text(model, ui)), "",
              f"_{_md_cell(ui('footer', version=model.version))}_", ""]
    return "\n".join(lines)
