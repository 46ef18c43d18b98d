"""Reports: numbers equal a pandas recomputation from the per-article output; everything
from articles is escaped; Vietnamese and English labels; XLSX/CSV/Markdown output."""
from __future__ import annotations

import json
import re

import pytest

from genderindex.audit import run_audit
from genderindex.io.corpus import OutletMap
from genderindex.report import build_model, write_report
from genderindex.report.i18n import UI, all_strings
from genderindex.resources import examples_dir
from genderindex.rubric import load_rubric
from genderindex.store import Store

PERIOD = "2026Q4"


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    root = examples_dir() / "corpus"
    path = tmp_path_factory.mktemp("ex") / "audit.sqlite"
    with Store(path) as st:
        res = run_audit([root / "articles.jsonl", root / "documents"], st,
                        outlet_map=OutletMap.load(root / "outlets.toml"))
        assert res.n_skipped == 0
    return path


@pytest.fixture(scope="module")
def per_article(example_store):
    """The per-article output (as stored), flattened with pandas."""
    pd = pytest.importorskip("pandas")
    with Store(example_store) as st:
        results = list(st.results())
    df = pd.json_normalize(results)
    df.columns = [c.replace("indicators.", "").replace("meta.", "") for c in df.columns]
    return df


def recompute_outlets(df, rubric):
    """Outlet x period indicators recomputed with pandas from the article output."""
    sub = df[df["period"] == PERIOD].copy()
    sub["gbv_bad"] = sub["gbv_story"] & (sub["gbv_wording_findings"] > 0)
    g = sub.groupby("outlet")
    out = g.agg(n_articles=("id", "size"), pf=("people_female", "sum"), pm=("people_male", "sum"),
                sf=("sources_female", "sum"), sm=("sources_male", "sum"), ef=("experts_officials_female", "sum"),
                em=("experts_officials_male", "sum"), fo=("findings_outside_quotes", "sum"),
                wo=("words_outside_quotes", "sum"), ge_items=("ge_topic", "sum"), gbv=("gbv_story", "sum"),
                gbv_bad=("gbv_bad", "sum"), mean_score=("score", "mean"))
    share = lambda f, m: (f / (f + m)).where((f + m) > 0)  # noqa: E731
    out["women_share_people"] = share(out.pf, out.pm)
    out["women_share_sources"] = share(out.sf, out.sm)
    out["women_share_experts"] = share(out.ef, out.em)
    out["findings_per_1000"] = 1000 * out.fo / out.wo

    w = {i.name: i for i in rubric.indicators}
    t = rubric.parity_target

    def parity(s):
        return 1 - (s - t).abs() / t  # target 0.5: symmetric

    comps = pd_frame = None
    import pandas as pd

    pd_frame = pd.DataFrame({
        "women_people": parity(out.women_share_people), "women_sources": parity(out.women_share_sources),
        "women_experts": parity(out.women_share_experts),
        "language": (1 - out.findings_per_1000 / w["language"].zero_at).clip(lower=0),
        "gbv_reporting": (1 - out.gbv_bad / out.gbv).where(out.gbv > 0),
        "ge_coverage": (out.ge_items / rubric.local_target).clip(upper=1),
    })
    weights = pd.Series({k: w[k].weight for k in pd_frame.columns})
    num = (pd_frame * weights).sum(axis=1, skipna=True)
    den = pd_frame.notna().mul(weights).sum(axis=1)
    out["index_score"] = (100 * num / den).round(2)
    comps = pd_frame
    return out, comps


def test_example_numbers_equal_pandas_recomputation(example_store, per_article, tmp_path):
    pd = pytest.importorskip("pandas")
    rubric = load_rubric()
    expected, _ = recompute_outlets(per_article, rubric)
    with Store(example_store) as st:
        model = build_model(st, PERIOD, ui_lang="en")
        xlsx = tmp_path / "r.xlsx"
        write_report(model, "xlsx", xlsx)
        csv_main, *_ = write_report(model, "csv", tmp_path / "r.csv")
        html = write_report(build_model(st, PERIOD, ui_lang="en"), "html", tmp_path / "r.html")[0].read_text("utf-8")
    ui = UI("en")
    sheets = pd.read_excel(xlsx, sheet_name=None)
    got = sheets[ui("table_outlets")[:31]].set_index(ui.col("outlet"))
    got_csv = pd.read_csv(csv_main, encoding="utf-8-sig").set_index(ui.col("outlet"))
    assert len(expected) >= 6
    expected.index = [ui.outlet(o) for o in expected.index]
    assert sorted(got.index) == sorted(expected.index)
    for table in (got, got_csv):
        for outlet, e in expected.iterrows():
            r = table.loc[outlet]
            assert r[ui.col("n_articles")] == e.n_articles
            assert r[ui.col("people_female")] == e.pf and r[ui.col("sources_male")] == e.sm
            assert r[ui.col("ge_items")] == e.ge_items
            for key in ("women_share_people", "women_share_sources", "women_share_experts", "findings_per_1000"):
                if pd.isna(e[key]):
                    assert pd.isna(r[ui.col(key)]), (outlet, key)
                else:
                    assert r[ui.col(key)] == pytest.approx(e[key], abs=1e-6), (outlet, key)
            assert r[ui.col("index_score")] == pytest.approx(e.index_score, abs=0.01), outlet
            assert r[ui.col("mean_article_score")] == pytest.approx(e.mean_score, abs=0.01), outlet
            # the HTML shows the same share, formatted
            assert ui.fmt("share", None if pd.isna(e.women_share_sources) else e.women_share_sources) in html

    # area: share of outlets meeting the index, recomputed from the outlet statuses
    area = sheets[ui("table_area")[:31]].set_index(ui.col("period"))
    statuses = got[ui.col("status")]
    meets = (statuses == ui("status_meets")).sum()
    assessed = meets + (statuses == ui("status_not_meeting")).sum()
    row = area.loc[PERIOD]
    if assessed:
        assert row[ui.col("share_meeting")] == pytest.approx(meets / assessed)
    assert row[ui.col("n_articles")] == (per_article["period"] == PERIOD).sum()
    assert row[ui.col("ge_items")] == per_article.loc[per_article["period"] == PERIOD, "ge_topic"].sum()
    assert "gsim-b1-2026.1" in html


def test_trend_covers_earlier_periods(example_store):
    with Store(example_store) as st:
        model = build_model(st, PERIOD)
    periods = {r["period"] for r in model.tables["trend"].rows}
    assert {"2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"} <= periods
    assert [r["period"] for r in model.tables["area"].rows][-1] == PERIOD
    assert model.ui_lang == "vi"  # the example corpus is mostly Vietnamese
    assert "units" in model.tables and {r["unit_name"] for r in model.tables["units"].rows} >= {"Tỉnh An Hòa"}


def test_outlet_filter(example_store, tmp_path):
    with Store(example_store) as st:
        model = build_model(st, PERIOD, outlets=["Báo An Hòa"])
    assert [r["outlet"] for r in model.tables["outlets"].rows] == ["Báo An Hòa"]
    assert {r["outlet"] for r in model.tables["articles"].rows} == {"Báo An Hòa"}


def test_vietnamese_and_english_labels(example_store, tmp_path):
    with Store(example_store) as st:
        vi = write_report(build_model(st, PERIOD), "md", tmp_path / "vi.md")[0].read_text("utf-8")
        en = write_report(build_model(st, PERIOD, ui_lang="en"), "md", tmp_path / "en.md")[0].read_text("utf-8")
    assert "Chỉ số theo cơ quan báo chí" in vi and "Tỷ lệ nữ trong nguồn tin" in vi
    assert "Indicators by outlet" in en and "Women's share of sources" in en
    assert "(không rõ)" in vi and "(unknown)" in en  # items forwarded without their outlet
    assert "gsim-b1-2026.1" in vi and "gsim-b1-2026.1" in en


def test_every_ui_string_exists_in_both_languages():
    s = all_strings()
    assert set(s["vi"]) == set(s["en"])


EVIL_TITLE = "<script>alert('x')</script> Tin"
EVIL_TEXT = ("Đội văn nghệ có nhiều bóng hồng </td></tr></table><script>document.write(1)</script> "
             'đã làm khán giả say mê. Ghi chú: "><img src=x onerror=alert(1)>')


def test_html_escapes_everything_from_articles(tmp_path):
    corpus = tmp_path / "evil.jsonl"
    recs = [{"id": f'"><img src=x onerror=alert({i})>', "outlet": "<b onmouseover=alert(2)>Báo X</b>",
             "date": "13/11/2026", "title": EVIL_TITLE, "text": EVIL_TEXT} for i in range(6)]
    recs.append({"id": "d", "outlet": "=HYPERLINK(\"http://x\")", "date": "<script>1</script>", "text": EVIL_TEXT})
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st)
        model = build_model(st, PERIOD, errors=[("<script>x</script>:1", None, "<img src=y onerror=z>")])
        html = write_report(model, "html", tmp_path / "r.html")[0].read_text("utf-8")
        undated = build_model(st, "unknown")
        html2 = write_report(undated, "html", tmp_path / "r2.html")[0].read_text("utf-8")
        xlsx = write_report(model, "xlsx", tmp_path / "r.xlsx")[0]
        md = write_report(model, "md", tmp_path / "r.md")[0].read_text("utf-8")
        csv_files = write_report(model, "csv", tmp_path / "r.csv")
    for page in (html, html2):
        assert "<script" not in page.lower()
        assert "<img src=x" not in page and "<img src=y" not in page
        assert all(tag.startswith('<img src="data:image/png;base64,') for tag in re.findall(r"<img\b[^>]*>", page))
        assert "<b onmouseover" not in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(0)&gt;" in html  # the article id, shown as text
    assert "&lt;b onmouseover=alert(2)&gt;Báo X&lt;/b&gt;" in html  # shown as text
    assert re.search(r"&lt;script&gt;", html2)
    # no external resources: a self-contained page
    assert not re.search(r'<(link|script|iframe)\b', html)
    assert not re.search(r'src="(?!data:)', html)
    # the wording finding is listed with its context, escaped
    if model.tables["findings"].rows:
        assert "bóng hồng" in html and "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;" in html
    # XLSX: text that looks like a formula stays text
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    cells = [c for ws in wb.worksheets for r in ws.iter_rows() for c in r if isinstance(c.value, str)
             and c.value.startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)
    csv_text = "".join(p.read_text("utf-8-sig") for p in csv_files)
    assert "'=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text
    assert "<script" not in md.lower().replace("\\<script", "")


def test_report_cli_formats(example_store, tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1]) + os.pathsep + env.get("PYTHONPATH", "")
    for fmt, name in (("html", "r.html"), ("xlsx", "r.xlsx"), ("csv", "r.csv"), ("md", "r.md")):
        r = subprocess.run([sys.executable, "-m", "genderindex", "report", "--store", str(example_store), "--period",
                            PERIOD, "--format", fmt, "--output", str(tmp_path / name), "--ui-lang", "en"],
                           capture_output=True, text=True, env=env, timeout=120)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).stat().st_size > 0 and "gsim-b1-2026.1" in r.stderr
    assert (tmp_path / "r.area.csv").exists() and (tmp_path / "r.findings.csv").exists()
    assert "gsim-b1-2026.1" in (tmp_path / "r.rubric.csv").read_text("utf-8-sig")
    assert "gsim-b1-2026.1" in (tmp_path / "r.md").read_text("utf-8")
    r = subprocess.run([sys.executable, "-m", "genderindex", "report", "--store", str(tmp_path / "none.sqlite"),
                        "--output", str(tmp_path / "x.html")], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2 and "no audit store" in r.stderr


def test_html_has_charts(example_store, tmp_path):
    with Store(example_store) as st:
        html = write_report(build_model(st, PERIOD), "html", tmp_path / "r.html")[0].read_text("utf-8")
    assert html.count('src="data:image/png;base64,') == 2 or "Chưa đủ dữ liệu để vẽ biểu đồ." in html


def test_every_column_has_a_label():
    from genderindex.report import model as m

    ui = UI("vi")
    cols = [c for t in (m.OUTLET_COLUMNS, m.TREND_COLUMNS, m.UNIT_COLUMNS, m.FINDING_COLUMNS, m.UNDATED_COLUMNS,
                        m.ARTICLE_COLUMNS) for c, _ in t] + ["indicator", "label", "weight", "target_2030",
                                                              "meets_target_2025"]
    for c in cols:
        assert not ui.col(c).startswith("col_"), c
