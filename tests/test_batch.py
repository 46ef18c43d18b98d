"""Batch analysis: input order, identical results with 1 and 2 processes, bad records
reported with where and skipped, a dying worker never stops the batch."""
from __future__ import annotations

import json
import os
import time

import pytest

from genderindex import batch
from genderindex.batch import iter_analyze, iter_analyze_lines, iter_lines, resolve_jobs
from genderindex.io.jsonl import read_jsonl

VI = [
    "Bà Nguyễn Thị Hoa, Chủ tịch UBND xã, cho biết: “Chúng tôi sẽ sửa con đường trước mùa mưa.”",
    "Ông Trần Văn Nam nói rằng giá lúa năm nay tăng mạnh nhờ thời tiết thuận lợi.",
    "Chị Lê Thu Hà, một giáo viên, kể lại buổi học đầu tiên ở điểm trường mới.",
]
EN = [
    'Mayor Jane Porter said: "The bridge will reopen next week."',
    "The committee met on Tuesday and approved the new budget for schools.",
]


def _records(n: int = 60) -> list[tuple[str, dict]]:
    out = []
    for i in range(n):
        text = (VI + EN)[i % 5] + f" Bản tin số {i}." * (1 + i % 3)
        out.append((f"mem:{i + 1}", {"id": f"r{i}", "title": f"Tin {i}", "text": text}))
    return out


def _write_jsonl(path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_resolve_jobs():
    assert resolve_jobs(1) == 1
    assert resolve_jobs(3) == 3
    assert resolve_jobs(0) == (os.cpu_count() or 1)
    assert resolve_jobs(None) == (os.cpu_count() or 1)
    assert resolve_jobs(-1000) == 1


def test_order_and_identical_results_one_vs_two_processes():
    recs = _records(60)
    one = list(iter_analyze(recs, jobs=1))
    two = list(iter_analyze(recs, jobs=2, chunk_size=7))
    assert [it.index for it in two] == list(range(60))
    assert [it.id for it in two] == [f"r{i}" for i in range(60)]
    assert [it.result for it in one] == [it.result for it in two]
    assert all(it.error is None for it in two)
    assert two[0].result["id"] == "r0"


def test_bad_records_reported_with_line_numbers_and_skipped(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", [
        json.dumps({"id": "ok1", "text": VI[0]}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "notext", "title": "x"}),
        "",
        json.dumps({"id": "num", "text": 42}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": EN[0]}),
    ])
    for jobs in (1, 2):
        items = list(iter_analyze(read_jsonl(path), jobs=jobs, chunk_size=2))
        assert [it.where.rsplit(":", 1)[1] for it in items] == ["1", "2", "3", "5", "6", "7"]
        ok = [it for it in items if it.error is None]
        assert [it.result["id"] for it in ok] == ["ok1", "ok2"]
        errors = {it.where.rsplit(":", 1)[1]: it.error for it in items if it.error}
        assert "invalid JSON" in errors["2"]
        assert "missing 'text'" in errors["3"]
        assert "not a string" in errors["5"]
        assert "not a JSON object" in errors["6"]
        assert items[2].id == "notext"


def test_line_mode_matches_record_mode(tmp_path):
    recs = _records(25)
    path = _write_jsonl(tmp_path / "b.jsonl", [json.dumps(r, ensure_ascii=False) for _, r in recs] + ["[1]"])
    by_record = [it.result for it in iter_analyze(read_jsonl(path), jobs=1)]
    for jobs in (1, 2):
        items = list(iter_analyze_lines(iter_lines(path), jobs=jobs, chunk_size=4))
        assert [json.loads(it.json) for it in items[:-1]] == by_record[:-1]
        assert items[-1].error == "not a JSON object" and items[-1].where.endswith(":26")


def test_empty_input():
    assert list(iter_analyze([], jobs=2)) == []


def test_closing_early_stops_the_pool_quickly():
    gen = iter_analyze(_records(400), jobs=2, chunk_size=4)
    first = next(gen)
    assert first.index == 0 and first.error is None
    t = time.perf_counter()
    gen.close()
    assert time.perf_counter() - t < 5


def _crash_on_marker(i, where, rec, lang):
    if rec.get("crash"):
        os._exit(3)  # simulates a segfault / out-of-memory kill in the worker
    return batch._work_record(i, where, rec, lang)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to share the test worker function")
def test_dying_worker_becomes_an_error_item(monkeypatch):
    monkeypatch.setitem(batch._WORKERS, "crashy", _crash_on_marker)
    entries = [(i, f"mem:{i + 1}", {"id": f"r{i}", "text": VI[i % 3], "crash": i == 5}, None) for i in range(12)]
    out = list(batch._ordered_map("crashy", entries, "vi", 2, 3, 2, "fork"))
    assert [t[0] for t in out] == list(range(12))
    errors = [t for t in out if t[3] is not None]
    assert [t[0] for t in errors] == [5]
    assert "worker process died" in errors[0][3]
    assert all(t[2]["id"] == f"r{t[0]}" for t in out if t[3] is None)
