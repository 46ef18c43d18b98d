"""Outlet x period aggregation, the meets-index rule, program targets, and the audit command."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from genderindex.audit import (
    STATUS_INSUFFICIENT, STATUS_MEETS, STATUS_NOT, STATUS_UNKNOWN_OUTLET, aggregate, area_summary, coverage_by_unit,
    meets_index, run_audit, worst_findings,
)
from genderindex.io.corpus import OutletMap
from genderindex.rubric import load_rubric
from genderindex.store import Store

REPO = Path(__file__).resolve().parents[1]


def row(outlet="A", period="2026Q4", **kw):
    r = {"hash": kw.pop("hash", f"{outlet}-{period}-{id(kw)}"), "outlet": outlet, "period": period,
         "words": 1000, "words_outside_quotes": 900, "people_female": 0, "people_male": 0, "sources_female": 0,
         "sources_male": 0, "experts_officials_female": 0, "experts_officials_male": 0,
         "findings_outside_quotes": 0, "gbv_wording_findings": 0, "ge_topic": False, "gbv_story": False,
         "score": 80.0, "unit": None}
    r.update(kw)
    return r


def test_pooled_shares_and_rates():
    rows = [row(people_female=1, people_male=3, sources_female=1, sources_male=1, findings_outside_quotes=1),
            row(people_female=2, people_male=0, sources_female=0, sources_male=2, ge_topic=True, score=60.0),
            row(outlet="B", people_male=1)]
    out = {(r["outlet"], r["period"]): r for r in aggregate(rows, load_rubric())}
    a = out[("A", "2026Q4")]
    assert a["n_articles"] == 2
    assert a["women_share_people"] == pytest.approx(3 / 6)
    assert a["women_share_sources"] == pytest.approx(1 / 4)
    assert a["women_share_experts"] is None
    assert a["findings_per_1000"] == pytest.approx(1000 * 1 / 1800)
    assert a["ge_items"] == 1 and a["articles_with_findings"] == 1
    assert a["mean_article_score"] == 70.0
    assert out[("B", "2026Q4")]["women_share_people"] == 0.0


def test_index_score_is_the_weighted_mean_of_outlet_components():
    r = load_rubric()
    rows = [row(people_female=1, people_male=1, sources_female=1, sources_male=1, ge_topic=True) for _ in range(4)]
    a, = aggregate(rows, r)
    w = {i.name: i.weight for i in r.indicators}
    # parity on people and sources (1.0), no findings (1.0), 4 GE items = target (1.0); no experts, no GBV
    assert a["component_women_people"] == a["component_women_sources"] == a["component_language"] == 1.0
    assert a["component_ge_coverage"] == 1.0
    assert a["component_women_experts"] is None and a["component_gbv_reporting"] is None
    assert a["index_score"] == 100.0
    rows2 = [row(sources_male=2) for _ in range(4)]
    b, = aggregate(rows2, r)
    exp = 100 * (w["women_sources"] * 0 + w["language"] * 1 + w["ge_coverage"] * 0) / (
        w["women_sources"] + w["language"] + w["ge_coverage"])
    assert b["index_score"] == pytest.approx(round(exp, 2))


def test_meets_index_rule_and_reasons():
    r = load_rubric()
    good = [row(sources_female=1, sources_male=1, people_female=1, people_male=1, ge_topic=True) for _ in range(5)]
    assert aggregate(good, r)[0]["status"] == STATUS_MEETS
    few = good[:4]
    st = aggregate(few, r)[0]
    assert st["status"] == STATUS_INSUFFICIENT and st["reasons"] == "min_articles"
    male_sources = [row(sources_male=3, people_female=1, people_male=1, ge_topic=True) for _ in range(5)]
    st = aggregate(male_sources, r)[0]
    assert st["status"] == STATUS_NOT and "min_women_share_sources" in st["reasons"]
    wordy = [row(sources_female=1, sources_male=1, findings_outside_quotes=3, ge_topic=True) for _ in range(5)]
    assert "max_findings_per_1000" in aggregate(wordy, r)[0]["reasons"]
    gbv = good[:4] + [row(sources_female=1, sources_male=1, gbv_story=True, gbv_wording_findings=1, ge_topic=True)]
    assert "max_gbv_findings_share" in aggregate(gbv, r)[0]["reasons"]
    unknown = [row(outlet="(unknown)") for _ in range(6)]
    assert aggregate(unknown, r)[0]["status"] == STATUS_UNKNOWN_OUTLET


def test_area_summary_share_of_outlets_vs_program_targets():
    r = load_rubric()
    ok = dict(sources_female=1, sources_male=1, people_female=1, people_male=1, ge_topic=True)
    rows = ([row("A", **ok) for _ in range(5)] + [row("B", **ok) for _ in range(5)]
            + [row("C", sources_male=4) for _ in range(5)] + [row("D", **ok)] + [row("(unknown)") for _ in range(3)])
    outlets = aggregate(rows, r)
    area, = area_summary(outlets, rows, r)
    assert (area["n_outlets"], area["n_meets"], area["n_not_meeting"], area["n_insufficient"]) == (4, 2, 1, 1)
    assert area["share_meeting"] == pytest.approx(2 / 3)  # insufficient data excluded by default
    assert area["meets_target_2025"] is False and area["meets_target_2030"] is False
    assert area["n_articles"] == 19 and area["n_articles_unknown_outlet"] == 3
    assert area["ge_items"] == 11 and area["coverage_met"] is True


def test_coverage_rolls_up_to_parent_units():
    r = load_rubric()
    units = {"p": {"name": "Tỉnh", "level": "province", "parent": ""},
             "c": {"name": "Xã", "level": "commune", "parent": "p"}}
    rows = [row(unit="c", ge_topic=True) for _ in range(3)] + [row(unit="p", ge_topic=True)] + [row(unit=None)]
    cov = {c["unit"]: c for c in coverage_by_unit(rows, units, r)}
    assert cov["c"]["ge_items"] == 3 and not cov["c"]["coverage_met"]
    assert cov["p"]["ge_items"] == 4 and cov["p"]["coverage_met"]


def test_worst_findings_order():
    rows = [row(hash="h1", score=90.0), row(hash="h2", score=40.0)]
    f = [{"hash": "h1", "idx": 0, "severity": "warning", "category": "appearance", "in_quote": False},
         {"hash": "h2", "idx": 0, "severity": "warning", "category": "gbv_victim_blaming", "in_quote": False},
         {"hash": "h2", "idx": 1, "severity": "error", "category": "sexist_insult", "in_quote": False},
         {"hash": "h1", "idx": 1, "severity": "error", "category": "sexist_insult", "in_quote": True}]
    got = worst_findings(f, rows, 10)
    assert [(x["hash"], x["idx"]) for x in got] == [("h2", 1), ("h2", 0), ("h1", 0)]


def write(path: Path, recs: list) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in recs),
                    encoding="utf-8")


def test_unknown_outlet_and_date_are_kept_and_visible(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "outlet": None, "date": "N/A", "text": "Ông Trần Văn Bình nói xã sẽ làm đường."},
                   {"id": "2", "outlet": "Báo A", "date": "hôm qua", "text": "Bà Lê Thị Hoa cho biết chợ đã mở."},
                   {"id": "3", "outlet": "Báo A", "date": "13/11/2026", "text": "Người dân góp công làm đường."}])
    with Store(tmp_path / "s.sqlite") as st:
        res = run_audit([corpus], st)
        assert res.n_ok == 3 and res.unknown_outlet == 1 and res.unknown_date == 2
        assert res.unparsed_dates == {"N/A": 1, "hôm qua": 1}
        rows = {r["article_id"]: r for r in st.article_rows()}
        assert rows["1"]["outlet"] == "(unknown)" and rows["1"]["period"] == "unknown"
        assert rows["2"]["date_raw"] == "hôm qua" and rows["3"]["period"] == "2026Q4"


def test_undated_period_option(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "outlet": "X", "text": "Một câu về con đường mới."}])
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st, undated_period="2026Q4")
        assert st.periods() == ["2026Q4"]


def test_outlet_mapping_applies_in_the_audit(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "outlet": "Bao A", "date": "1/10/2026", "text": "Một câu."},
                   {"id": "2", "outlet": "baoa.example", "date": "2/10/2026", "text": "Hai câu."}])
    m = tmp_path / "o.toml"
    m.write_text('[units.t]\nname="Tỉnh T"\nlevel="province"\n[[outlets]]\nname="Báo A"\naliases=["Bao A"]\n'
                 'domains=["baoa.example"]\nunit="t"\n', encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st, outlet_map=OutletMap.load(m))
        assert {(r["outlet"], r["unit"]) for r in st.article_rows()} == {("Báo A", "t")}
        assert st.units()["t"]["name"] == "Tỉnh T"


def test_custom_rubric_rescores_and_is_recorded(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "outlet": "X", "date": "1/10/2026", "text": "Ông Trần Văn Bình cho biết: “Tốt.”"}])
    rp = tmp_path / "r.toml"
    rp.write_text('version = "local-9"\n[indicators.language]\nweight = 1\nkind = "rate"\n', encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st, rubric=load_rubric(rp))
        (res,) = list(st.results())
        assert res["rubric"] == "local-9" and st.runs()[0]["rubric"] == "local-9"


def _run(args, cwd):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "genderindex", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_audit_cli_lists_bad_records_and_exits_1(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "source": "Báo A", "date": "1/10/2026", "text": "Bà Lê Thị Hoa cho biết chợ đã mở."},
                   "{not json", {"id": "3", "source": "Báo A", "text": ""},
                   {"id": "4", "source": "Báo B", "date": "2/10/2026", "text": "Ông Trần Văn Bình nói đường tốt."}])
    r = _run(["audit", str(corpus), "--store", "s.sqlite", "--field", "outlet=source", "--errors", "err.jsonl",
              "--report", "r.html", "--no-progress"], tmp_path)
    assert r.returncode == 1, r.stderr
    errs = [json.loads(x) for x in (tmp_path / "err.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [e["where"] for e in errs] == [f"{corpus}:2", f"{corpus}:3"]
    assert "2 skipped" in r.stderr and f"{corpus}:2" in r.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Báo A" in html and "Báo B" in html and "gsim-b1-2026.1" in html
    assert f"c.jsonl:2" in html  # skipped records are listed in the report too
    ok = _run(["audit", str(tmp_path / "c.jsonl"), "--store", "s.sqlite", "--field", "outlet=source", "--no-progress",
               "--field", "bogus"], tmp_path)
    assert ok.returncode == 2 and "CANONICAL=COLUMN" in ok.stderr


def test_audit_cli_clean_input_exits_0(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "outlet": "Báo A", "date": "1/10/2026", "text": "Bà Lê Thị Hoa cho biết chợ đã mở."}])
    r = _run(["audit", str(corpus), "--store", "s.sqlite", "--period", "2026Q4", "--report", "r.xlsx",
              "--no-progress"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "r.xlsx").stat().st_size > 0
    assert "1 new" in r.stderr


def test_parallel_audit_equals_serial(tmp_path):
    corpus = tmp_path / "c.jsonl"
    texts = ["Bà Lê Thị Hoa, Chủ tịch UBND xã, cho biết: “Chợ đã mở lại.”",
             "Ông Trần Văn Bình nói đường liên xã sẽ xong trước Tết.",
             "Những bóng hồng của đội văn nghệ đã làm khán giả say mê."]
    write(corpus, [{"id": str(i), "outlet": f"Báo {i % 3}", "date": f"{1 + i % 28}/10/2026",
                    "text": texts[i % 3] + f" Tin {i}."} for i in range(40)])
    rows = []
    for jobs in (1, 2):
        with Store(tmp_path / f"s{jobs}.sqlite") as st:
            res = run_audit([corpus], st, jobs=jobs, batch_size=7)
            assert res.n_new == 40
            rows.append(sorted((r["article_id"], r["outlet"], r["score"], r["people_female"],
                                r["findings_outside_quotes"]) for r in st.article_rows()))
    assert rows[0] == rows[1]


def test_monthly_rubric_periods(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write(corpus, [{"id": "1", "outlet": "X", "date": "13/11/2026", "text": "Một câu."}])
    rp = tmp_path / "m.toml"
    rp.write_text('version = "monthly-1"\nperiod = "month"\n[indicators.language]\nweight = 1\nkind = "rate"\n',
                  encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st, rubric=load_rubric(rp))
        assert st.periods() == ["2026-11"]
