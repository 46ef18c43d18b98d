"""Corpus input: formats, field mapping, Vietnamese dates, outlet mapping, bad records."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from genderindex.io.corpus import (
    UNKNOWN_OUTLET, OutletMap, parse_date, parse_field_map, parse_period, period_of, period_sort_key, read_corpus,
)
from genderindex.io.jsonl import RecordError


@pytest.mark.parametrize("raw, expected", [
    ("Thứ tư, 13/11/2019, 00:36 (GMT+7)", dt.date(2019, 11, 13)),
    ("Chủ nhật, 4/2/2024, 18:01 (GMT+7)", dt.date(2024, 2, 4)),
    ("13/11/2019", dt.date(2019, 11, 13)),
    ("1/11/2013 11:41", dt.date(2013, 11, 1)),
    ("13-11-2019", dt.date(2019, 11, 13)),
    ("2019-11-13", dt.date(2019, 11, 13)),
    ("2019-11-13T23:10:00+07:00", dt.date(2019, 11, 13)),
    ("ngày 5 tháng 3 năm 2024", dt.date(2024, 3, 5)),
    ("Nov 13, 2026", dt.date(2026, 11, 13)),
    ("13 November 2026", dt.date(2026, 11, 13)),
    (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
])
def test_dates_parse(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["N/A", "", None, "không rõ", "hôm qua", "31/02/2020", float("nan")])
def test_unusable_dates_are_none(raw):
    assert parse_date(raw) is None


def test_periods():
    d = dt.date(2026, 11, 13)
    assert period_of(d) == "2026Q4"
    assert period_of(d, "month") == "2026-11"
    assert period_of(d, "year") == "2026"
    assert period_of(None) == "unknown"
    assert parse_period("2026Q4")[0] == 2026 and parse_period("unknown") is None
    assert sorted(["unknown", "2026Q1", "2025Q4", "2026Q4"], key=period_sort_key) == ["2025Q4", "2026Q1", "2026Q4", "unknown"]


def test_field_map_renames_and_rejects_bad_pairs():
    assert parse_field_map(["outlet=source", "text = body"]) == {"outlet": "source", "text": "body"}
    with pytest.raises(ValueError, match="CANONICAL=COLUMN"):
        parse_field_map(["outlet"])
    with pytest.raises(ValueError, match="not one of"):
        parse_field_map(["author=byline"])


def test_jsonl_with_mapping_and_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": 1, "source": "Báo An Hòa", "body": "Một câu."}, ensure_ascii=False)
                 + "\n{oops\n\n[1,2]\n", encoding="utf-8")
    got = list(read_corpus([p], {"outlet": "source", "text": "body"}))
    assert got[0][0].endswith("a.jsonl:1") and got[0][1]["outlet"] == "Báo An Hòa" and got[0][1]["text"] == "Một câu."
    assert [w.rsplit(":", 1)[1] for w, r in got[1:]] == ["2", "4"]
    assert all(isinstance(r, RecordError) for _, r in got[1:])


def test_csv_rows_report_their_start_line(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,outlet,text\n1,X,"dòng một\ndòng hai"\n2,Y,ba\n3,Z,bốn,thừa\n', encoding="utf-8")
    got = list(read_corpus([p]))
    assert [w.rsplit(":", 1)[1] for w, _ in got] == ["2", "4", "5"]
    assert got[0][1]["text"] == "dòng một\ndòng hai"
    assert isinstance(got[2][1], RecordError) and "more cells" in got[2][1].message


def test_parquet_rows(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    p = tmp_path / "a.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "outlet": ["X", None], "text": ["Một.", "Hai."]}), p)
    got = list(read_corpus([p]))
    assert [w for w, _ in got] == [f"{p}:row 1", f"{p}:row 2"]
    assert got[1][1]["outlet"] is None and got[1][1]["text"] == "Hai."


def test_folder_of_documents(tmp_path):
    docx = pytest.importorskip("docx")
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("---\noutlet: Loa Bình Minh\ndate: 20/11/2026\n---\nNội dung bài.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("# Tiêu đề bài\n\nĐoạn một.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Tin A</title><meta property='og:site_name' content='Báo An Hòa'></head><body>"
        "<nav>Trang chủ | Liên hệ</nav><article><h1>Tin A</h1><p>Đoạn chính của bài báo.</p></article>"
        "<footer>Bản quyền</footer><script>alert(1)</script></body></html>", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("Đoạn trong tệp Word.")
    d.core_properties.title = "Bài Word"
    d.save(str(tmp_path / "d.docx"))
    (tmp_path / "e.txt").write_bytes(b"\xff\xfe bad")
    (tmp_path / "notes.toml").write_text("x = 1", encoding="utf-8")
    got = {w.rsplit("/", 1)[-1]: r for w, r in read_corpus([tmp_path])}
    assert set(got) == {"a.txt", "b.md", "c.html", "d.docx", "e.txt"}
    assert got["a.txt"]["outlet"] == "Loa Bình Minh" and got["a.txt"]["text"] == "Nội dung bài."
    assert got["b.md"]["title"] == "Tiêu đề bài" and got["b.md"]["id"] == "sub/b"
    assert "Đoạn chính" in got["c.html"]["text"]
    assert "Trang chủ" not in got["c.html"]["text"] and "alert" not in got["c.html"]["text"]
    assert got["d.docx"]["title"] == "Bài Word" and "tệp Word" in got["d.docx"]["text"]
    assert isinstance(got["e.txt"], RecordError)


def test_missing_input_is_a_bad_record(tmp_path):
    (w, r), = list(read_corpus([tmp_path / "nope.jsonl"]))
    assert isinstance(r, RecordError) and "no such file" in r.message


MAPPING = """
[units.tinh-a]
name = "Tỉnh A"
level = "province"
[units.xa-b]
name = "Xã B"
level = "commune"
parent = "tinh-a"

[[outlets]]
name = "Báo A"
aliases = ["Bao A", "A Online"]
domains = ["baoa.example"]
unit = "tinh-a"

[[outlets]]
name = "Loa xã B"
unit = "xa-b"
"""


def test_outlet_mapping(tmp_path):
    p = tmp_path / "outlets.toml"
    p.write_text(MAPPING, encoding="utf-8")
    m = OutletMap.load(p)
    for raw in ("Báo A", "bao a", "  A Online ", "www.baoa.example", "https://baoa.example/"):
        info = m.resolve(raw)
        assert (info.outlet, info.unit, info.unit_name) == ("Báo A", "tinh-a", "Tỉnh A"), raw
    assert m.resolve(None, "https://www.baoa.example/tin/1.html").outlet == "Báo A"
    assert m.resolve("Báo Khác").outlet == "Báo Khác" and m.resolve("Báo Khác").unit == ""
    assert m.resolve(None).outlet == UNKNOWN_OUTLET
    assert m.resolve("").outlet == UNKNOWN_OUTLET
    assert m.unit_chain("xa-b") == ["Xã B", "Tỉnh A"]


def test_outlet_mapping_errors_name_the_entry(tmp_path):
    p = tmp_path / "o.toml"
    p.write_text('[[outlets]]\nname = "X"\nunit = "nowhere"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown unit 'nowhere'"):
        OutletMap.load(p)
    p.write_text('[units.a]\nname="A"\nparent="b"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown parent"):
        OutletMap.load(p)


def test_example_mapping_and_corpus_load():
    from genderindex.resources import examples_dir

    root = examples_dir() / "corpus"
    m = OutletMap.load(root / "outlets.toml")
    assert m.resolve("AHTV").outlet == "Đài Phát thanh - Truyền hình An Hòa"
    assert m.resolve("Loa Bình Minh").unit_level == "commune"
    recs = [r for _, r in read_corpus([root / "articles.jsonl", root / "documents"])]
    assert len(recs) > 100 and not any(isinstance(r, RecordError) for r in recs)
    assert {r.get("lang") for r in recs} >= {"vi", "en"}


def test_parse_date_never_raises_and_round_trips():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=True), st.none()))
    def never_raises(v):
        d = parse_date(v)
        assert d is None or isinstance(d, dt.date)

    @settings(max_examples=200, deadline=None)
    @given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    def round_trip(d):
        for text in (f"{d.day}/{d.month}/{d.year}", d.isoformat(), f"Thứ hai, {d.day}/{d.month}/{d.year}, 08:00 (GMT+7)"):
            assert parse_date(text) == d
        p = period_of(d)
        assert parse_period(p)[0] == d.year

    never_raises()
    round_trip()
