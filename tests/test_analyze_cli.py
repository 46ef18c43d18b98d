"""``genderindex analyze``: exit codes, output order, skipped records, --jobs, CSV/Parquet."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from genderindex.cli import app
from genderindex.cli import analyze as analyze_mod

TEXTS = [
    "Bà Trịnh Thị Thu, Hiệu trưởng, cho biết: “Năm nay trường có thêm hai phòng học.”",
    "Ông Lý Văn Hùng nói rằng đội bóng của xã đã tập luyện suốt mùa hè.",
    'Coach Emma Reed said: "The team played its best game of the year."',
]


def _write(path, records_or_lines) -> str:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records_or_lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _good(n: int = 9) -> list[dict]:
    return [{"id": f"g{i}", "title": f"Tin {i}", "text": TEXTS[i % 3] + f" Lần {i}."} for i in range(n)]


def _run(args):
    return CliRunner().invoke(app, args)


def test_all_good_exit_0_and_order(tmp_path):
    src = _write(tmp_path / "in.jsonl", _good())
    res = _run(["analyze", src, "--jobs", "1"])
    assert res.exit_code == 0, res.output
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines() if line.startswith("{")]
    assert ids == [f"g{i}" for i in range(9)]


def test_bad_records_exit_1_listed_and_skipped(tmp_path):
    recs = _good(3)
    src = _write(tmp_path / "in.jsonl", [recs[0], "{oops", {"id": "nt"}, {"id": "n", "text": []}, recs[1]])
    out, err = tmp_path / "out.jsonl", tmp_path / "err.jsonl"
    res = _run(["analyze", src, "-o", str(out), "--errors", str(err), "--jobs", "1"])
    assert res.exit_code == 1
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["g0", "g1"]
    errors = [json.loads(x) for x in err.read_text().splitlines()]
    assert [e["where"].rsplit(":", 1)[1] for e in errors] == ["2", "3", "4"]
    assert "2 article(s) analysed, 3 skipped" in res.stderr
    assert "in.jsonl:2" in res.stderr


def test_missing_file_and_bad_format_exit_2(tmp_path):
    assert _run(["analyze", str(tmp_path / "nope.jsonl")]).exit_code == 2
    src = _write(tmp_path / "in.jsonl", _good(1))
    assert _run(["analyze", src, "--output-format", "xml", "-o", str(tmp_path / "o")]).exit_code == 2
    assert _run(["analyze", src, "--output-format", "parquet"]).exit_code == 2


def test_jobs_two_identical_to_one(tmp_path, monkeypatch):
    monkeypatch.setattr(analyze_mod, "SMALL_INPUT_BYTES", 0)  # use the pool even for a small file
    src = _write(tmp_path / "in.jsonl", _good(50) + ["[1, 2]"] + _good(5))
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        res = _run(["analyze", src, "-o", str(out), "-j", jobs, "--chunk-size", "4"])
        assert res.exit_code == 1
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert len(outs[0].splitlines()) == 55


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_table_output_and_input(tmp_path, suffix):
    src = _write(tmp_path / "in.jsonl", _good(6))
    out = tmp_path / f"res{suffix}"
    res = _run(["analyze", src, "-o", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert df["id"].tolist() == [f"g{i}" for i in range(6)]
    assert {"people_female", "sources_male", "people", "findings"} <= set(df.columns)
    assert json.loads(df.loc[0, "people"]) == json.loads(df.loc[0, "people"])  # nested stored as JSON

    table = tmp_path / f"articles{suffix}"
    arts = pd.DataFrame(_good(4))
    arts.to_csv(table, index=False) if suffix == ".csv" else arts.to_parquet(table)
    out2 = tmp_path / "o2.jsonl"
    res = _run(["analyze", str(table), "-o", str(out2), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["id"] for x in out2.read_text().splitlines()] == ["g0", "g1", "g2", "g3"]


def test_ctrl_c_stops_workers_and_exits_130(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    if not hasattr(signal, "SIGINT") or os.name != "posix":
        pytest.skip("POSIX signals")
    src = _write(tmp_path / "big.jsonl", _good(30000))
    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "out.jsonl"
    p = subprocess.Popen([sys.executable, "-m", "genderindex", "analyze", src, "-j", "2", "-o", str(out)],
                         stderr=subprocess.PIPE, env=env)
    deadline = time.time() + 60
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    try:
        import psutil

        workers = psutil.Process(p.pid).children(recursive=True)
    except Exception:
        workers = []
    p.send_signal(signal.SIGINT)  # to the main process only: it must stop its workers
    rc = p.wait(timeout=30)
    err = p.stderr.read().decode()
    assert rc == 130, err
    assert "interrupted" in err
    time.sleep(0.5)
    assert not [w for w in workers if w.is_running() and w.status() != "zombie"]
