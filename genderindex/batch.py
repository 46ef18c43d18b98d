"""Batch analysis of article records, in input order, with bad records reported and skipped.

A record is a dict with ``text`` and optional ``id``, ``title``, ``lang`` (other fields are
kept as metadata). :func:`iter_analyze` yields one :class:`BatchItem` per input record, in
input order, whatever the number of worker processes; :func:`iter_analyze_lines` does the
same for raw JSON lines and returns each result already serialised (the fast path of the
``analyze`` command: parsing and serialising happen in the workers, not in the reader).

Parallelism: ``jobs > 1`` runs a process pool (``forkserver`` on POSIX, ``spawn``
elsewhere; never ``fork``, which is unsafe with threads). Records travel in chunks of
``chunk_size``; at most ``jobs * inflight`` chunks are in flight, so memory stays flat
whatever the corpus size. A record that raises becomes an error item; a worker that dies
(segfault, out of memory) is replaced and its records retried one by one, so one bad
article never stops a batch. ``jobs == 1`` runs in the calling process, without a pool.
"""
from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

#: records per task sent to a worker process
DEFAULT_CHUNK_SIZE = 128
#: chunks in flight per worker (bounds memory; 2 keeps every worker busy)
DEFAULT_INFLIGHT = 2


@dataclass(slots=True)
class BatchItem:
    """The outcome for one input record: ``result`` (article output dict) or ``error``.

    In line mode (:func:`iter_analyze_lines`) ``json`` holds the serialised result and
    ``result`` is ``None``.
    """

    index: int
    id: str | None
    result: dict[str, Any] | None = None
    error: str | None = None
    where: str = ""  # e.g. "articles.jsonl:12"
    json: str | None = None


def resolve_jobs(jobs: int | None) -> int:
    """``0``/``None`` → all cores (at least 1); negative → all cores minus ``-jobs``."""
    n = os.cpu_count() or 1
    if not jobs:
        return n
    if jobs < 0:
        return max(1, n + jobs)
    return jobs


def analyze_record(record: dict[str, Any], lang: str | None = "auto") -> dict[str, Any]:
    """Analyse one record and return the article output dict (raises ``ValueError`` on a bad record)."""
    from .pipeline import analyze

    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("missing 'text'" if text is None else f"'text' is not a string ({type(text).__name__})")
    if not text.strip():
        raise ValueError("empty 'text'")
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        title = None if _is_missing(title) else str(title)
    rec_lang = record.get("lang")
    if not isinstance(rec_lang, str) or not rec_lang:
        rec_lang = lang
    rid = record.get("id")
    return analyze(text, lang=rec_lang, title=title or None, id=None if _is_missing(rid) else rid).to_dict()


def _is_missing(value: Any) -> bool:
    """None or a float NaN (pandas' missing value), without importing pandas."""
    return value is None or (isinstance(value, float) and value != value)


def _record_id(rec: Any) -> str | None:
    rid = rec.get("id") if isinstance(rec, dict) else None
    return None if _is_missing(rid) else str(rid)


# --- per-record work (runs in the workers) ---------------------------------------------

def _work_record(i: int, where: str, rec: Any, lang: str | None) -> tuple:
    try:
        return (i, _record_id(rec), analyze_record(rec, lang), None, where, None)
    except Exception as exc:  # one bad article never stops the batch
        return (i, _record_id(rec), None, f"{type(exc).__name__}: {exc}", where, None)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def parse_line(raw: bytes | str, where: str, first: bool = False) -> dict[str, Any]:
    """One JSON line → record dict; raises ``ValueError`` with the same wording as
    :func:`genderindex.io.jsonl.read_jsonl`."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        rec = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(rec, dict):
        raise ValueError("not a JSON object")
    return rec


def _work_line(i: int, where: str, raw: bytes, lang: str | None) -> tuple:
    try:
        rec = parse_line(raw, where, first=where.endswith(":1"))
    except ValueError as exc:
        return (i, None, None, str(exc), where, None)
    try:
        return (i, _record_id(rec), None, None, where, _dump(analyze_record(rec, lang)))
    except Exception as exc:
        return (i, _record_id(rec), None, f"{type(exc).__name__}: {exc}", where, None)


_WORKERS: dict[str, Callable[..., tuple]] = {"record": _work_record, "line": _work_line}


def _run_chunk(kind: str, chunk: list[tuple], lang: str | None) -> list[tuple]:
    """Run one chunk of ``(index, where, payload)`` in a worker; error entries pass through."""
    fn = _WORKERS[kind]
    out = []
    for i, where, payload, err in chunk:
        if err is not None:
            out.append((i, None, None, err, where, None))
        else:
            out.append(fn(i, where, payload, lang))
    return out


def warm_up() -> None:
    """Load every lexicon, name table and model once (called in each worker at start)."""
    from .pipeline import analyze

    for lang, text in (("vi", "Bà Nguyễn Thị Lan cho biết: “Chúng tôi sẽ làm ngay.”"),
                       ("en", 'Mayor Jane Smith said: "We will act now."')):
        try:
            analyze(text, lang=lang, title="Tin")
        except Exception:  # a broken stage shows up on real records, with its error
            pass


def _init_worker() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    warm_up()


# --- the ordered, bounded process-pool map -------------------------------------------------

def _chunks(entries: Iterable[tuple], size: int, first: int = 8) -> Iterator[list[tuple]]:
    """Chunks of ``size`` entries; the first ones smaller (8, 16, …) so results start early."""
    buf: list[tuple] = []
    cur = max(1, min(first, size))
    for e in entries:
        buf.append(e)
        if len(buf) >= cur:
            yield buf
            buf = []
            cur = min(size, cur * 2)
    if buf:
        yield buf


def _make_pool(jobs: int, start_method: str | None):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    if start_method is None:
        start_method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(["genderindex._preload"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker)


def _kill_pool(pool) -> None:
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.terminate()
        except Exception:
            pass


class _Task:
    """A chunk on its way through the pool: its future, how often a worker died under it,
    and (once known) its results."""

    __slots__ = ("chunk", "fut", "tries", "results")

    def __init__(self, chunk: list[tuple], tries: int = 0):
        self.chunk, self.fut, self.tries, self.results = chunk, None, tries, None

    @property
    def suspect(self) -> bool:  # a single record already present at two worker deaths
        return self.tries >= 2


def _ordered_map(kind: str, entries: Iterable[tuple], lang: str | None, jobs: int, chunk_size: int,
                 inflight: int, start_method: str | None) -> Iterator[tuple]:
    """Yield result tuples in input order; at most ``jobs * inflight`` chunks pending.

    When a worker dies, every unfinished chunk is retried in a new pool; a chunk under two
    deaths is split into single records, and a single record still under suspicion runs
    alone, so the record that kills workers is found and becomes an error item."""
    from concurrent.futures import wait
    from concurrent.futures.process import BrokenProcessPool

    if jobs <= 1:
        for chunk in _chunks(entries, chunk_size):
            yield from _run_chunk(kind, chunk, lang)
        return
    pool = _make_pool(jobs, start_method)
    pending: deque[_Task] = deque()
    source = _chunks(entries, chunk_size)
    limit = max(1, jobs * inflight)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append(_Task(chunk))
            if not pending:
                break
            head = pending[0]
            try:
                if head.results is None:
                    if head.suspect and head.fut is None:  # run it alone
                        wait([t.fut for t in pending if t.fut is not None])
                        for t in pending:
                            if t.fut is not None and t.fut.exception() is not None:
                                t.fut.result()  # raises BrokenProcessPool
                        head.fut = pool.submit(_run_chunk, kind, head.chunk, lang)
                    elif not head.suspect:
                        for t in pending:
                            if t.fut is None and t.results is None and not t.suspect:
                                t.fut = pool.submit(_run_chunk, kind, t.chunk, lang)
                    head.results = head.fut.result()
            except BrokenProcessPool:
                pool = _recover(pool, pending, blame_head=head.suspect and head.fut is not None,
                                jobs=jobs, start_method=start_method)
                continue
            pending.popleft()
            yield from head.results
    except BaseException:  # KeyboardInterrupt, GeneratorExit, ...: stop the workers now
        _kill_pool(pool)
        raise
    pool.shutdown(wait=True)


def _recover(pool, pending: deque, blame_head: bool, jobs: int, start_method: str | None):
    """A worker died: keep finished results, start a new pool, and mark the rest for retry
    (split into single records from the second death on)."""
    _kill_pool(pool)
    tasks = list(pending)
    pending.clear()
    for k, t in enumerate(tasks):
        fut, t.fut = t.fut, None
        if t.results is None and fut is not None and fut.done() and not fut.cancelled() \
                and fut.exception() is None:
            t.results = fut.result()
        if t.results is not None or (fut is None and k > 0):
            pending.append(t)
        elif k == 0 and blame_head:
            t.results = [(i, None, None, "worker process died while analysing this record", where, None)
                         for i, where, _payload, _err in t.chunk]
            pending.append(t)
        elif t.tries >= 1 and len(t.chunk) > 1:
            pending.extend(_Task([e], tries=2) for e in t.chunk)
        else:
            t.tries += 1
            pending.append(t)
    return _make_pool(jobs, start_method)


def _item(t: tuple) -> BatchItem:
    i, rid, result, err, where, js = t
    return BatchItem(i, rid, result=result, error=err, where=where, json=js)


def iter_analyze(
    records: Iterable[tuple[str, dict[str, Any] | Exception]],
    lang: str | None = "auto",
    jobs: int = 1,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    inflight: int = DEFAULT_INFLIGHT,
    start_method: str | None = None,
) -> Iterator[BatchItem]:
    """Analyse ``(where, record_or_error)`` pairs in input order; errors become items, never
    exceptions. ``jobs``: worker processes (1 = in this process, 0 = all cores)."""
    jobs = resolve_jobs(jobs)

    def entries():
        for i, (where, rec) in enumerate(records):
            if isinstance(rec, BaseException):
                yield (i, where, None, getattr(rec, "message", None) or str(rec))
            else:
                yield (i, where, rec, None)

    for t in _ordered_map("record", entries(), lang, jobs, chunk_size, inflight, start_method):
        yield _item(t)


def iter_lines(path: str) -> Iterator[tuple[str, bytes]]:
    """``(where, raw_line)`` for every non-blank line of a JSONL file (``-`` = stdin)."""
    name = "<stdin>" if str(path) == "-" else str(path)
    fh = sys.stdin.buffer if name == "<stdin>" else open(path, "rb")
    try:
        for lineno, raw in enumerate(fh, 1):
            if raw.strip():
                yield f"{name}:{lineno}", raw
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def iter_analyze_lines(
    lines: Iterable[tuple[str, bytes]],
    lang: str | None = "auto",
    jobs: int = 1,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    inflight: int = DEFAULT_INFLIGHT,
    start_method: str | None = None,
) -> Iterator[BatchItem]:
    """Like :func:`iter_analyze` for raw JSON lines (see :func:`iter_lines`): workers parse
    each line and return the result as one JSON string in ``item.json``."""
    jobs = resolve_jobs(jobs)
    entries = ((i, where, raw, None) for i, (where, raw) in enumerate(lines))
    for t in _ordered_map("line", entries, lang, jobs, chunk_size, inflight, start_method):
        yield _item(t)
