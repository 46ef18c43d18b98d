"""XLSX report (openpyxl): a summary sheet, then one sheet per table.

Numbers stay numbers (shares as fractions with a percent format), so the workbook can be
recomputed in Excel; text that looks like a formula is stored as text, never evaluated."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import display, rule_text, summary_lines
from .i18n import UI
from .model import ReportModel

_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
TRANSLATED = {"status", "reasons", "category", "severity", "outlet", "period", "list", "bool"}


def _sheet_name(title: str, used: set[str]) -> str:
    name = _BAD_SHEET.sub(" ", title)[:31].strip() or "Sheet"
    base, i = name, 2
    while name in used:
        name = f"{base[:28]}-{i}"
        i += 1
    used.add(name)
    return name


def _set(cell, value: Any) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.value = value
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value


def write_xlsx(model: ReportModel, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ui = UI(model.ui_lang)
    wb = Workbook()
    used: set[str] = set()
    ws = wb.active
    ws.title = _sheet_name(ui("summary"), used)
    lines = [ui("report_title"), f"{ui('period')}: {ui.period(model.period)}",
             f"{ui('rubric')}: {model.rubric.version} — {model.rubric.title_for(model.ui_lang)}", ui("disclaimer"),
             f"{ui('generated')}: {model.generated}", "", *summary_lines(model, ui), "", rule_text(model, ui)]
    for i, line in enumerate(lines, 1):
        _set(ws.cell(row=i, column=1), line)
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 120
    titles = {"outlets": "table_outlets", "area": "table_area", "trend": "table_trend", "units": "table_units",
              "findings": "table_findings", "undated": "table_undated", "articles": "table_articles",
              "rubric": "table_rubric"}
    for key, table in model.tables.items():
        ws = wb.create_sheet(_sheet_name(ui(titles.get(key, key)), used))
        for j, (col, _) in enumerate(table.columns, 1):
            c = ws.cell(row=1, column=j)
            _set(c, ui.col(col))
            c.font = Font(bold=True)
            c.alignment = Alignment(wrap_text=True, vertical="top")
        for i, row in enumerate(table.rows, 2):
            for j, (col, kind) in enumerate(table.columns, 1):
                v = row.get(col)
                c = ws.cell(row=i, column=j)
                if kind in TRANSLATED or kind in ("text", "context"):
                    _set(c, display(ui, model, kind, v) if v is not None or kind == "outlet" else None)
                elif isinstance(v, bool):
                    _set(c, int(v))
                else:
                    _set(c, v if not isinstance(v, float) or v == v else None)
                    if kind == "share" and v is not None:
                        c.number_format = "0.0%"
                    elif kind in ("rate", "score") and v is not None:
                        c.number_format = "0.00"
        ws.freeze_panes = "A2"
        for j, (col, kind) in enumerate(table.columns, 1):
            width = 48 if kind == "context" else 28 if kind in ("text", "outlet", "list", "reasons") else 14
            ws.column_dimensions[get_column_letter(j)].width = width
    wb.properties.title = f"{ui('report_title')} {model.period}"
    wb.properties.subject = model.rubric.version
    wb.save(path)
