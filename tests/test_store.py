"""The SQLite audit store: schema and migrations, idempotent runs, kill-and-resume."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from genderindex.audit import run_audit
from genderindex.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError

REPO = Path(__file__).resolve().parents[1]

SENTENCES = [
    "Bà Nguyễn Thị Lan, Chủ tịch UBND xã, cho biết: “Chúng tôi sẽ sửa con đường trước mùa mưa.”",
    "Ông Trần Văn Bình, kỹ sư thủy lợi, nói rằng trạm bơm mới chạy ổn định.",
    "Người dân trong thôn góp công, góp sức để làm đường bê tông.",
    "Theo chị Phạm Thị Hoa, giá rau năm nay cao hơn năm ngoái.",
]


def write_corpus(path: Path, n: int, paras: int = 3) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = "\n\n".join(SENTENCES[(i + k) % len(SENTENCES)] + f" Tin số {i}-{k}." for k in range(paras))
            rec = {"id": f"t{i}", "outlet": ["Báo A", "Báo B", None][i % 3],
                   "date": f"{1 + i % 28}/{1 + i % 12}/2026", "title": f"Tin {i}", "text": text}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def test_new_store_has_schema_version_and_migrations(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        assert st.schema_version() == SCHEMA_VERSION
        assert [m[0] for m in st.migrations()] == [v for v, _, _ in MIGRATIONS]
        assert st.count() == 0


def test_old_store_is_migrated_in_place(tmp_path):
    p = tmp_path / "old.sqlite"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    c.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
    c.executescript(MIGRATIONS[0][2])
    c.execute("INSERT INTO migrations VALUES (1, 'x', 'then')")
    c.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    c.commit()
    c.close()
    with Store(p) as st:
        assert st.schema_version() == SCHEMA_VERSION
        assert 2 in [m[0] for m in st.migrations()]
        assert st.units() == {}


def test_newer_store_is_refused(tmp_path):
    p = tmp_path / "new.sqlite"
    Store(p).close()
    c = sqlite3.connect(p)
    c.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="newer"):
        Store(p)


def test_not_a_store(tmp_path):
    p = tmp_path / "junk.sqlite"
    p.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(p)


def test_rerun_adds_nothing_twice(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 30)
    with Store(tmp_path / "s.sqlite") as st:
        r1 = run_audit([corpus], st, batch_size=7)
        assert (r1.n_ok, r1.n_new, r1.n_skipped, r1.status) == (30, 30, 0, "complete")
        n_findings = st.count("findings")
        r2 = run_audit([corpus], st)
        assert (r2.n_ok, r2.n_new, r2.n_existing) == (30, 0, 30)
        assert r2.run_id == r1.run_id
        assert st.count() == 30 and st.count("findings") == n_findings and st.count("runs") == 1
        assert st.count("run_articles") == 30
        # the same articles in another file: one more run, no more articles
        other = tmp_path / "copy.jsonl"
        other.write_bytes(corpus.read_bytes())
        r3 = run_audit([other], st)
        assert r3.n_new == 0 and st.count() == 30 and st.count("runs") == 2


def test_duplicates_inside_one_input_are_stored_once(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 5)
    twice = tmp_path / "twice.jsonl"
    twice.write_bytes(corpus.read_bytes() * 2)
    with Store(tmp_path / "s.sqlite") as st:
        r = run_audit([twice], st)
        assert r.n_new == 5 and r.n_duplicate == 5 and st.count() == 5


def test_changed_text_is_a_new_article(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 3)
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st)
        lines = corpus.read_text(encoding="utf-8").splitlines()
        rec = json.loads(lines[0])
        rec["text"] += " Cập nhật thêm."
        lines[0] = json.dumps(rec, ensure_ascii=False)
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        r = run_audit([corpus], st)
        assert r.n_new == 1 and st.count() == 4
        # the report sees the latest version of each article only once
        assert len(st.article_rows()) == 3


def test_stored_results_round_trip(tmp_path):
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 3)
    with Store(tmp_path / "s.sqlite") as st:
        run_audit([corpus], st)
        res = list(st.results())
        assert [r["id"] for r in res] == ["t0", "t1", "t2"]
        assert res[0]["meta"]["outlet"] == "Báo A" and res[2]["meta"]["outlet"] == "(unknown)"
        assert res[0]["rubric"] == "gsim-b1-2026.1"
        df = st.frame()
        assert list(df["article_id"]) == ["t0", "t1", "t2"]


def _audit_cmd(corpus: Path, store: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "genderindex", "audit", str(corpus), "--store", str(store), "--no-progress",
            "--batch-size", "20", *extra]


def _env():
    env = dict(os.environ)
    env["GENDERINDEX_PIPELINE_ID"] = "kill-test"  # the same pipeline key for both runs
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _count(store: Path) -> int:
    try:
        c = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=5)
        try:
            return c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0


def _start_and_stop_halfway(corpus: Path, store: Path, n: int, sig: int, preexec_fn=None) -> tuple[int, int]:
    proc = subprocess.Popen(_audit_cmd(corpus, store), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=preexec_fn)
    deadline = time.time() + 120
    seen = 0
    while time.time() < deadline and proc.poll() is None:
        seen = _count(store)
        if seen >= 60:
            break
        time.sleep(0.01)
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    return seen, proc.returncode


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_run_resumes_with_every_article_exactly_once(tmp_path, sig):
    n = 1500
    corpus = tmp_path / "big.jsonl"
    write_corpus(corpus, n, paras=6)
    store = tmp_path / "s.sqlite"
    seen, rc = _start_and_stop_halfway(corpus, store, n, sig)
    after_kill = _count(store)
    assert seen >= 60, "the audit never wrote a batch"
    assert after_kill < n, "the run finished before it could be stopped; make the corpus bigger"
    if sig == signal.SIGINT:
        assert rc == 130
    done = subprocess.run(_audit_cmd(corpus, store), env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Store(store) as st:
        ids = [r[0] for r in st.conn.execute("SELECT article_id FROM articles")]
        assert len(ids) == n and len(set(ids)) == n
        assert st.count("run_articles") == n
        runs = st.runs()
        assert len(runs) == 1 and runs[0]["status"] == "complete" and runs[0]["n_ok"] == n
    assert f"{n - after_kill} new" in done.stderr or after_kill == 0


def test_sigint_stops_an_audit_started_with_sigint_ignored(tmp_path):
    """A background job of a non-interactive shell inherits SIGINT ignored; the command
    still stops cleanly on SIGINT."""
    n = 1500
    corpus = tmp_path / "big.jsonl"
    write_corpus(corpus, n, paras=6)
    store = tmp_path / "s.sqlite"
    seen, rc = _start_and_stop_halfway(corpus, store, n, signal.SIGINT,
                                       preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert seen >= 60
    assert rc == 130 and _count(store) < n
