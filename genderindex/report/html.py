"""One self-contained HTML file: inline CSS, charts as base64 PNG, no script, no CDN.
Every piece of text that comes from articles, outlets or the rubric is escaped."""
from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from . import display, rule_text, summary_lines
from .charts import sources_chart, trend_chart
from .i18n import UI
from .model import ReportModel, Table

CSS_FILE = Path(__file__).resolve().parent / "templates" / "report.css"
NUMERIC = {"int", "share", "rate", "score"}
#: articles listed in the HTML (every article is in the XLSX/CSV reports)
MAX_ARTICLE_ROWS = 2000


def e(v: object) -> str:
    """Escape for HTML text and attribute values."""
    return escape("" if v is None else str(v), quote=True)


def _table(t: Table, model: ReportModel, ui: UI, limit: int | None = None) -> str:
    head = "".join(f'<th scope="col">{e(ui.col(k))}</th>' for k, _ in t.columns)
    body = []
    rows = t.rows if limit is None else t.rows[:limit]
    for r in rows:
        cells = []
        for k, kind in t.columns:
            text = display(ui, model, kind, r.get(k))
            cls = ' class="num"' if kind in NUMERIC else f' class="st-{e(r.get(k))}"' if kind == "status" else ""
            cells.append(f"<td{cls}>{e(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        body.append(f'<tr><td colspan="{len(t.columns)}">{e(ui("no_data"))}</td></tr>')
    return f'<div class="tw"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _img(png: bytes | None, alt: str, ui: UI) -> str:
    if not png:
        return f'<p class="muted">{e(ui("chart_no_data"))}</p>'
    return f'<figure><img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" alt="{e(alt)}"><figcaption>{e(alt)}</figcaption></figure>'


def render_html(model: ReportModel) -> str:
    """The report as one HTML document (string)."""
    ui = UI(model.ui_lang)
    css = CSS_FILE.read_text(encoding="utf-8")
    t = model.tables
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(model.ui_lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
        f"<title>{e(ui('report_title'))} — {e(ui.period(model.period))}</title>",
        f"<style>{css}</style></head><body>",
        f"<header><h1>{e(ui('report_title'))}: {e(ui.period(model.period))}</h1>",
        f"<p class=\"sub\">{e(ui('subtitle'))}</p>",
        "<dl class=\"meta\">",
        f"<dt>{e(ui('period'))}</dt><dd>{e(ui.period(model.period))}</dd>",
        f"<dt>{e(ui('rubric'))}</dt><dd><strong>{e(model.rubric.version)}</strong> — {e(model.rubric.title_for(model.ui_lang))}</dd>",
        f"<dt>{e(ui('outlets_filter'))}</dt><dd>{e(', '.join(model.outlets) if model.outlets else ui('all_outlets'))}</dd>",
        f"<dt>{e(ui('generated'))}</dt><dd>{e(model.generated)}</dd>",
        "</dl>",
        f"<p class=\"disclaimer\">{e(ui('disclaimer'))}</p></header><main>",
        f"<section><h2>{e(ui('summary'))}</h2><ul>",
        *[f"<li>{e(line)}</li>" for line in summary_lines(model, ui)],
        f"</ul><p class=\"muted\">{e(ui('note_shares'))}</p></section>",
    ]
    chart1 = sources_chart([(ui.outlet(n), v) for n, v in model.chart_sources], ui("chart_sources"),
                           ui("chart_parity"))
    chart2 = trend_chart({ui.outlet(k): v for k, v in model.chart_trend.items()}, ui("chart_trend"),
                         area=model.chart_area, area_label=ui("area_label"))
    parts += [
        f"<section><h2>{e(ui('table_outlets'))}</h2>", _img(chart1, ui("chart_sources"), ui),
        _table(t["outlets"], model, ui), "</section>",
        f"<section><h2>{e(ui('table_area'))}</h2>", _table(t["area"], model, ui), "</section>",
        f"<section><h2>{e(ui('table_trend'))}</h2>", _img(chart2, ui("chart_trend"), ui),
        _table(t["trend"], model, ui), "</section>",
    ]
    if "units" in t:
        parts += [f"<section><h2>{e(ui('table_units'))}</h2>", _table(t["units"], model, ui), "</section>"]
    parts += [f"<section><h2>{e(ui('table_findings'))}</h2>", _table(t["findings"], model, ui), "</section>"]
    if "undated" in t:
        parts += [f"<section><h2>{e(ui('table_undated'))}</h2>", _table(t["undated"], model, ui), "</section>"]
    n_art = len(t["articles"].rows)
    parts += [
        f"<section><details><summary>{e(ui('table_articles'))} ({n_art})</summary>",
        _table(t["articles"], model, ui, limit=MAX_ARTICLE_ROWS),
        f"<p class=\"muted\">{e(ui('rows_truncated', n=MAX_ARTICLE_ROWS))}</p>" if n_art > MAX_ARTICLE_ROWS else "",
        "</details></section>",
        f"<section><h2>{e(ui('rule_heading'))}</h2><p>{e(rule_text(model, ui))}</p>",
        f"<details><summary>{e(ui('table_rubric'))}: {e(model.rubric.version)}</summary>",
        _table(t["rubric"], model, ui), "</details></section>",
    ]
    if model.errors:
        parts.append(f"<section><h2>{e(ui('errors_heading'))} ({len(model.errors)})</h2><ul class=\"errors\">")
        parts += [f"<li><code>{e(w)}</code> {e(i or '')}: {e(msg)}</li>" for w, i, msg in model.errors[:200]]
        parts.append("</ul></section>")
    parts.append(f"</main><footer>{e(ui('footer', version=model.version))} {e(ui('rubric'))}: "
                 f"{e(model.rubric.version)}.</footer></body></html>")
    return "\n".join(parts)
