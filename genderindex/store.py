"""The audit store: an embedded SQLite database of article results and audit runs.

Every article result is keyed by a content hash (normalised text and the fields that
matter, plus the pipeline and rubric versions), so re-running the same input adds nothing
twice; results are committed in batches inside transactions, so an interrupted run (Ctrl-C,
kill) loses at most the batch in flight and resumes where it stopped when run again.
The schema carries a version and a ``migrations`` table; :data:`MIGRATIONS` upgrades old
stores in place. Standard library only (pandas is imported lazily by :meth:`Store.frame`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 2
DEFAULT_STORE = "genderindex-audit.sqlite"
ENV_STORE = "GENDERINDEX_STORE"

#: (version, description, SQL) applied in order to bring a store up to SCHEMA_VERSION.
MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "articles, findings, runs, run_articles, run_errors", """
        CREATE TABLE IF NOT EXISTS articles (
            hash TEXT PRIMARY KEY,
            content_key TEXT NOT NULL,
            identity TEXT NOT NULL,
            article_id TEXT,
            outlet TEXT NOT NULL,
            outlet_raw TEXT,
            unit TEXT,
            date TEXT,
            date_raw TEXT,
            period TEXT NOT NULL,
            title TEXT,
            url TEXT,
            lang TEXT,
            words INTEGER,
            score REAL,
            ge_topic INTEGER,
            gbv_story INTEGER,
            indicators TEXT,
            rubric TEXT,
            pipeline TEXT,
            source TEXT,
            result BLOB,
            created_at TEXT
        );
        CREATE INDEX IF NOT EXISTS articles_period ON articles(period, outlet);
        CREATE INDEX IF NOT EXISTS articles_identity ON articles(identity);
        CREATE TABLE IF NOT EXISTS findings (
            hash TEXT NOT NULL,
            idx INTEGER NOT NULL,
            rule TEXT, category TEXT, severity TEXT, text TEXT, in_quote INTEGER,
            message TEXT, suggestions TEXT, context TEXT, field TEXT,
            PRIMARY KEY (hash, idx)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY,
            started_at TEXT, finished_at TEXT, status TEXT,
            inputs TEXT, params TEXT, rubric TEXT, rubric_json TEXT, pipeline TEXT,
            n_read INTEGER DEFAULT 0, n_ok INTEGER DEFAULT 0, n_new INTEGER DEFAULT 0,
            n_skipped INTEGER DEFAULT 0, summary TEXT
        );
        CREATE TABLE IF NOT EXISTS run_articles (
            run_id TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (run_id, hash)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS run_errors (
            run_id TEXT NOT NULL, location TEXT NOT NULL, article_id TEXT, error TEXT,
            PRIMARY KEY (run_id, location)
        ) WITHOUT ROWID;
    """),
    (2, "administrative units (id, name, level, parent) from the outlet mapping", """
        CREATE TABLE IF NOT EXISTS units (
            unit TEXT PRIMARY KEY, name TEXT, level TEXT, parent TEXT
        );
    """),
]

ARTICLE_COLUMNS = (
    "hash", "content_key", "identity", "article_id", "outlet", "outlet_raw", "unit", "date", "date_raw", "period",
    "title", "url", "lang", "words", "score", "ge_topic", "gbv_story", "indicators", "rubric", "pipeline",
    "source", "result", "created_at",
)


def default_store_path() -> Path:
    """``$GENDERINDEX_STORE`` or ``genderindex-audit.sqlite`` in the working directory."""
    return Path(os.environ.get(ENV_STORE) or DEFAULT_STORE)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def sha256(*parts: Any) -> str:
    """Hex digest of the JSON encoding of ``parts`` (stable, UTF-8)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class StoreError(RuntimeError):
    """A store that cannot be opened or is newer than this version of genderindex."""


class Store:
    """An open audit store. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_store_path()
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a genderindex store ({exc})") from None
        self.migrate()

    # ------------------------------------------------------------------ schema
    def schema_version(self) -> int:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def migrate(self) -> list[int]:
        """Apply the missing migrations (each in its own transaction); return those applied."""
        c = self.conn
        try:
            c.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            c.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a genderindex store ({exc})") from None
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {current} is newer than this genderindex ({SCHEMA_VERSION})")
        applied = []
        for version, desc, sql in MIGRATIONS:
            if version <= current:
                continue
            c.execute("BEGIN IMMEDIATE")
            try:
                for stmt in sql.split(";"):
                    if stmt.strip():
                        c.execute(stmt)
                c.execute("INSERT OR REPLACE INTO migrations VALUES (?,?,?)", (version, desc, _now()))
                c.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(version),))
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise
            applied.append(version)
        return applied

    def migrations(self) -> list[tuple[int, str, str]]:
        return self.conn.execute("SELECT version, description, applied_at FROM migrations ORDER BY version").fetchall()

    # ------------------------------------------------------------------ writing
    def known_hashes(self) -> set[str]:
        """Hashes of every stored article (for skipping work on resume)."""
        return {r[0] for r in self.conn.execute("SELECT hash FROM articles")}

    def start_run(self, run_id: str, inputs: Any, params: Any, rubric_version: str, rubric_json: Any,
                  pipeline: str) -> str:
        """Create the run (or mark an existing one as running again); return its status before."""
        row = self.conn.execute("SELECT status FROM runs WHERE run_id=?", (run_id,)).fetchone()
        with self.transaction():
            if row is None:
                self.conn.execute(
                    "INSERT INTO runs (run_id, started_at, status, inputs, params, rubric, rubric_json, pipeline)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (run_id, _now(), "running", json.dumps(inputs, ensure_ascii=False),
                     json.dumps(params, ensure_ascii=False), rubric_version,
                     json.dumps(rubric_json, ensure_ascii=False), pipeline),
                )
            else:
                self.conn.execute("UPDATE runs SET status='running' WHERE run_id=?", (run_id,))
        return "new" if row is None else row[0]

    def transaction(self):
        """``with store.transaction():`` — BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error)."""
        store = self

        class _Tx:
            def __enter__(self_inner):
                store.conn.execute("BEGIN IMMEDIATE")
                return store.conn

            def __exit__(self_inner, exc_type, exc, tb):
                store.conn.execute("ROLLBACK" if exc_type else "COMMIT")
                return False

        return _Tx()

    def write_batch(self, run_id: str, articles: list[dict[str, Any]], links: list[str],
                    errors: list[tuple[str, str | None, str]]) -> int:
        """Insert a batch of article rows (+ their findings), run links and errors in ONE
        transaction; return how many articles were new."""
        new = 0
        with self.transaction() as c:
            for a in articles:
                row = [a.get(k) for k in ARTICLE_COLUMNS]
                cur = c.execute(
                    f"INSERT OR IGNORE INTO articles ({','.join(ARTICLE_COLUMNS)}) VALUES ({','.join('?' * len(ARTICLE_COLUMNS))})",
                    row,
                )
                if cur.rowcount:
                    new += 1
                    c.executemany(
                        "INSERT OR IGNORE INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        [(a["hash"], i, f.get("rule"), f.get("category"), f.get("severity"), f.get("text"),
                          int(bool(f.get("in_quote"))), f.get("message"),
                          json.dumps(f.get("suggestions") or [], ensure_ascii=False), f.get("context"),
                          f.get("field", "text"))
                         for i, f in enumerate(a.get("findings") or [])],
                    )
            c.executemany("INSERT OR IGNORE INTO run_articles VALUES (?,?)", [(run_id, h) for h in links])
            c.executemany("INSERT OR REPLACE INTO run_errors VALUES (?,?,?,?)",
                          [(run_id, w, i, e) for w, i, e in errors])
            c.execute(
                "UPDATE runs SET n_ok=(SELECT COUNT(*) FROM run_articles WHERE run_id=?),"
                " n_skipped=(SELECT COUNT(*) FROM run_errors WHERE run_id=?), n_new=n_new+? WHERE run_id=?",
                (run_id, run_id, new, run_id),
            )
        return new

    def finish_run(self, run_id: str, status: str, n_read: int, summary: Any = None) -> None:
        with self.transaction() as c:
            c.execute("UPDATE runs SET status=?, finished_at=?, n_read=?, summary=? WHERE run_id=?",
                      (status, _now(), n_read, json.dumps(summary, ensure_ascii=False) if summary else None, run_id))

    def put_units(self, units: dict[str, dict[str, str]]) -> None:
        if not units:
            return
        with self.transaction() as c:
            c.executemany("INSERT OR REPLACE INTO units VALUES (?,?,?,?)",
                          [(u, d.get("name", u), d.get("level", ""), d.get("parent", "")) for u, d in units.items()])

    # ------------------------------------------------------------------ reading
    def units(self) -> dict[str, dict[str, str]]:
        return {u: {"name": n, "level": lv, "parent": p}
                for u, n, lv, p in self.conn.execute("SELECT unit, name, level, parent FROM units")}

    def runs(self) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT * FROM runs ORDER BY started_at")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur]

    def run_errors(self, run_id: str) -> list[tuple[str, str | None, str]]:
        return self.conn.execute(
            "SELECT location, article_id, error FROM run_errors WHERE run_id=?", (run_id,)).fetchall()

    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "findings", "runs", "run_articles", "run_errors", "units"):
            raise ValueError(table)
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def _current_rows(self, where: str = "", params: Iterable[Any] = ()) -> Iterator[sqlite3.Row]:
        """Article rows, one per article identity (outlet + id, or the content when there is no
        id): the latest stored version wins (a corrected text, a re-run under a new rubric)."""
        self.conn.row_factory = sqlite3.Row
        try:
            sql = ("SELECT a.* FROM articles a JOIN (SELECT identity, MAX(rowid) AS rid FROM articles"
                   " GROUP BY identity) last ON a.rowid = last.rid" + (f" WHERE {where}" if where else "")
                   + " ORDER BY a.rowid")
            yield from self.conn.execute(sql, tuple(params))
        finally:
            self.conn.row_factory = None

    def article_rows(self, periods: Iterable[str] | None = None, outlets: Iterable[str] | None = None,
                     run_id: str | None = None) -> list[dict[str, Any]]:
        """Flat per-article rows (meta, score, flags and every numeric indicator), the input of
        :mod:`genderindex.audit` aggregation; filtered by periods/outlets/run when given."""
        conds, params = [], []
        if periods is not None:
            periods = list(periods)
            conds.append(f"a.period IN ({','.join('?' * len(periods))})")
            params += periods
        if outlets is not None:
            outlets = list(outlets)
            conds.append(f"a.outlet IN ({','.join('?' * len(outlets))})")
            params += outlets
        if run_id is not None:
            conds.append("a.hash IN (SELECT hash FROM run_articles WHERE run_id=?)")
            params.append(run_id)
        out = []
        for r in self._current_rows(" AND ".join(conds), params):
            row = {k: r[k] for k in ("hash", "article_id", "outlet", "outlet_raw", "unit", "date", "date_raw",
                                      "period", "title", "url", "lang", "words", "score", "rubric", "source")}
            row["ge_topic"] = bool(r["ge_topic"])
            row["gbv_story"] = bool(r["gbv_story"])
            for k, v in json.loads(r["indicators"] or "{}").items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    row[k] = v
            row.setdefault("words_outside_quotes", row["words"] or 0)
            out.append(row)
        return out

    def periods(self) -> list[str]:
        from .io.corpus import period_sort_key

        return sorted({r[0] for r in self.conn.execute("SELECT DISTINCT period FROM articles")}, key=period_sort_key)

    def findings(self, hashes: Iterable[str]) -> list[dict[str, Any]]:
        """Stored findings (with context) of the given articles."""
        hashes = list(hashes)
        out: list[dict[str, Any]] = []
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            cur = self.conn.execute(
                "SELECT hash, idx, rule, category, severity, text, in_quote, message, suggestions, context, field"
                f" FROM findings WHERE hash IN ({','.join('?' * len(chunk))})", chunk)
            for h, idx, rule, cat, sev, text, inq, msg, sugg, ctx, fld in cur:
                out.append({"hash": h, "idx": idx, "rule": rule, "category": cat, "severity": sev, "text": text,
                            "in_quote": bool(inq), "message": msg, "suggestions": json.loads(sugg or "[]"),
                            "context": ctx, "field": fld})
        return out

    def result(self, hash_: str) -> dict[str, Any] | None:
        """The full article output dict stored for ``hash_``."""
        row = self.conn.execute("SELECT result FROM articles WHERE hash=?", (hash_,)).fetchone()
        return json.loads(zlib.decompress(row[0]).decode("utf-8")) if row and row[0] else None

    def results(self, periods: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every current article output dict (with ``meta``: outlet, period, date...)."""
        for row in self.article_rows(periods):
            res = self.result(row["hash"]) or {}
            res.setdefault("meta", {}).update({k: row[k] for k in ("outlet", "unit", "period", "date", "hash")})
            yield res

    def frame(self, periods: Iterable[str] | None = None):
        """The per-article rows as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.article_rows(periods))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def pack_result(result: dict[str, Any]) -> bytes:
    """Compressed JSON of an article output dict (as stored)."""
    return zlib.compress(json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
