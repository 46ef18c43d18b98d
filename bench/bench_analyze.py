#!/usr/bin/env python3
"""Throughput, memory and start-up benchmark of genderindex.

Measures the full ``analyze`` path (JSON line in → JSON result out, as the CLI does it):

* articles/s and KB/s on real Vietnamese news (``../shared/data/vi-news``, repeated to
  ``--n-vi`` articles) and English news (PolNeAR texts, repeated to ``--n-en``), on one
  process and on all cores (speed-up), each configuration in its own subprocess;
* time to first result (from process start and after imports);
* peak resident memory (whole process tree, sampled with psutil when installed, else
  ``ru_maxrss``) of ``genderindex analyze`` streaming a small and a 10× larger JSONL file;
* ``genderindex check`` wall time on a 1,000-word draft, interpreter start-up included;
* whether the Dask result (``distributed.LocalCluster``) equals the single-process one.

Prints a table and writes ``--json FILE``. ``--quick`` shrinks everything (~1 min).
Without ../shared/data it says so and uses generated text. Usage::

    python bench/bench_analyze.py                 # full run (several minutes)
    python bench/bench_analyze.py --quick --json /tmp/bench.json
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {
    "vi_1proc_articles_s": 400.0,
    "speedup": 1.7,
    "rss_ratio_max": 1.10,
    "rss_mb_max": 600.0,
    "check_s": 0.8,
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


DATA_DIR: str | None = None  # --data


def _shared_data() -> Path | None:
    for cand in (DATA_DIR, os.environ.get("GENDERINDEX_SHARED_DATA"), ROOT.parent / "shared" / "data",
                 Path.cwd().parent / "shared" / "data"):
        if cand and Path(cand).is_dir():
            return Path(cand)
    return None


# --- corpora -----------------------------------------------------------------------------

_GEN_VI = [
    "Bà {n} Thị {g}, Chủ tịch UBND xã, cho biết: “Xã sẽ hoàn thành con đường liên thôn trước mùa mưa.”",
    "Ông {n} Văn {g} nói rằng năng suất lúa vụ này tăng nhờ giống mới và thời tiết thuận lợi.",
    "Theo chị {n} Thu {g}, giáo viên trường tiểu học, học sinh đã quen với lớp học buổi chiều.",
    "Hội Liên hiệp Phụ nữ huyện tổ chức lớp tập huấn về phòng chống bạo lực gia đình cho các hộ dân.",
    "Sáng nay, đoàn công tác của tỉnh đã kiểm tra tiến độ xây dựng bệnh viện đa khoa.",
]
_GEN_EN = [
    'Mayor {g} {n} said: "The new bridge will open in the spring."',
    "{g} {n}, a nurse at the county hospital, said staff had worked double shifts all week.",
    "The council voted on Tuesday to expand the bus network to three more districts.",
    "According to Professor {g} {n}, the study followed two thousand families for ten years.",
]


def _generated(lang: str, k: int) -> dict:
    import random

    rnd = random.Random(k)
    names = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"] if lang == "vi" else ["Smith", "Garcia", "Brown", "Lee"]
    given = ["Lan", "Hùng", "Mai", "Minh", "Hoa"] if lang == "vi" else ["Anna", "James", "Maria", "John"]
    tpl = _GEN_VI if lang == "vi" else _GEN_EN
    sents = [rnd.choice(tpl).format(n=rnd.choice(names), g=rnd.choice(given)) for _ in range(28)]
    paras = [" ".join(sents[i:i + 4]) for i in range(0, len(sents), 4)]
    return {"id": f"gen-{lang}-{k}", "title": "Tin địa phương" if lang == "vi" else "Local news",
            "text": "\n\n".join(paras), "lang": lang}


def base_articles(lang: str, notes: list[str]) -> list[dict]:
    """The real articles to repeat (or generated ones when ../shared/data is missing)."""
    data = _shared_data()
    arts: list[dict] = []
    if data is not None and lang == "vi":
        for name in ("dev.jsonl", "unlabeled.jsonl"):
            p = data / "vi-news" / name
            if p.is_file():
                for line in p.open(encoding="utf-8"):
                    r = json.loads(line)
                    arts.append({"id": r["id"], "title": r.get("title"), "text": r["text"]})
    elif data is not None and lang == "en":
        folder = data / "en-news" / "polnear" / "test" / "text"
        for p in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            arts.append({"id": p.stem, "text": p.read_text(encoding="utf-8")})
    if not arts:
        notes.append(f"{lang}: ../shared/data not found, using generated text")
        arts = [_generated(lang, k) for k in range(200)]
    return arts


def write_corpus(path: Path, arts: list[dict], n: int) -> dict:
    """Write ``n`` articles (``arts`` repeated, ids made unique) to ``path``; return its stats."""
    text_bytes = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a = dict(arts[i % len(arts)])
            a["id"] = f"{a['id']}#{i // len(arts)}"
            text_bytes += len(a["text"].encode("utf-8")) + len((a.get("title") or "").encode("utf-8"))
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return {"path": str(path), "articles": n, "text_bytes": text_bytes, "file_bytes": path.stat().st_size}


# --- measuring a subprocess ----------------------------------------------------------------

class TreeRSS:
    """Peak memory of a process and its descendants, sampled with psutil when available:
    the sum of their PSS (proportional set size, so pages shared between the pool workers
    count once; RSS where PSS is unavailable) and the largest single-process RSS."""

    def __init__(self, pid: int, interval: float = 0.25):
        self.pss = sys.platform.startswith("linux")
        self.peak_total = 0
        self.peak_single = 0
        self.cpu: dict[int, float] = {}  # pid -> last seen user+system CPU seconds
        self.available = False
        try:
            import psutil

            self.proc = psutil.Process(pid)
            self.available = True
        except Exception:
            return
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._t.start()

    def _run(self, interval: float) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
                total, single = 0, 0
                for p in procs:
                    try:
                        ct = p.cpu_times()
                        self.cpu[p.pid] = ct.user + ct.system
                        if self.pss:  # proportional set size: shared pages counted once
                            mi = p.memory_full_info()
                            total += mi.pss
                            single = max(single, mi.rss)
                        else:
                            rss = p.memory_info().rss
                            total += rss
                            single = max(single, rss)
                    except psutil.AccessDenied:
                        self.pss = False
                    except psutil.Error:
                        pass
                self.peak_total = max(self.peak_total, total)
                self.peak_single = max(self.peak_single, single)
            except psutil.Error:
                pass
            self._stop.wait(interval)

    def stop(self) -> None:
        if self.available:
            self._stop.set()
            self._t.join()


def run_measured(cmd: list[str], stdout=subprocess.PIPE) -> dict:
    """Run ``cmd``; return wall time, exit code, stdout and peak RSS (tree and ru_maxrss)."""
    t0 = time.perf_counter()
    t0_abs = time.time()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=_env())
    tree = TreeRSS(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    tree.stop()
    maxrss_kb = 0
    try:
        import resource

        maxrss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    except Exception:
        pass
    return {
        "wall_s": wall, "start_abs": t0_abs, "rc": proc.returncode,
        "stdout": out.decode("utf-8", "replace") if isinstance(out, bytes) else "",
        "stderr": err.decode("utf-8", "replace")[-2000:],
        "tree_mb": tree.peak_total / 2**20 if tree.available else None,
        "rss_max_process_mb": tree.peak_single / 2**20 if tree.available else None,
        "ru_maxrss_children_mb": maxrss_kb / 1024,
        "cpu_tree_s": sum(tree.cpu.values()) if tree.available else None,
    }


RUNNER = r"""
import json, sys, time
t_start = time.time()
sys.argv = sys.argv[:1]
from genderindex.batch import iter_analyze_lines, iter_lines
t_import = time.time()
path, jobs, chunk = {path!r}, {jobs}, {chunk}
first = None
n = bad = out_chars = 0
for item in iter_analyze_lines(iter_lines(path), lang="auto", jobs=jobs, chunk_size=chunk):
    if first is None:
        first = time.time()
    if item.error is None:
        n += 1
        out_chars += len(item.json)
    else:
        bad += 1
t_end = time.time()
import resource
ru = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"t_start": t_start, "t_import": t_import, "t_first": first, "t_end": t_end,
                  "ok": n, "bad": bad, "out_chars": out_chars, "cpu_s": ru.ru_utime + ru.ru_stime}}))
"""


def bench_throughput(corpus: dict, jobs: int, chunk: int) -> dict:
    """One ``analyze`` run (JSON lines in, JSON out, results discarded) in a subprocess."""
    code = RUNNER.format(path=corpus["path"], jobs=jobs, chunk=chunk)
    r = run_measured([sys.executable, "-c", code])
    if r["rc"] != 0:
        raise RuntimeError(f"benchmark run failed:\n{r['stderr']}")
    m = json.loads(r["stdout"].strip().splitlines()[-1])
    secs = m["t_end"] - m["t_import"]
    return {
        "jobs": jobs,
        "articles": m["ok"], "skipped": m["bad"],
        "seconds": round(secs, 3),
        "articles_per_s": round(m["ok"] / secs, 1),
        "kb_per_s": round(corpus["text_bytes"] / 1024 / secs, 1),
        "mean_article_kb": round(corpus["text_bytes"] / 1024 / max(1, corpus["articles"]), 2),
        "first_result_s_after_import": round(m["t_first"] - m["t_import"], 3) if m["t_first"] else None,
        "first_result_s_from_start": round(m["t_first"] - r["start_abs"], 3) if m["t_first"] else None,
        "import_s": round(m["t_import"] - r["start_abs"], 3),
        # main-process CPU time: with jobs=1 this is the whole work, immune to other load
        "articles_per_cpu_s": round(m["ok"] / m["cpu_s"], 1) if jobs == 1 and m["cpu_s"] else None,
        "peak_tree_mb": _r(r["tree_mb"]),
        "peak_rss_max_process_mb": _r(r["rss_max_process_mb"]),
        # CPU seconds of all processes (sampled; includes imports and worker start-up)
        "cpu_tree_s": _r(r["cpu_tree_s"]),
    }


def bench_memory(corpus: dict, jobs: int, out_dir: Path) -> dict:
    """Peak RSS of ``genderindex analyze FILE -o OUT`` (streaming) over the process tree."""
    out = out_dir / (Path(corpus["path"]).stem + ".out.jsonl")
    cmd = [sys.executable, "-m", "genderindex", "analyze", corpus["path"], "-o", str(out), "--no-progress",
           "-j", str(jobs)]
    r = run_measured(cmd)
    try:
        out.unlink()
    except OSError:
        pass
    if r["rc"] not in (0, 1):
        raise RuntimeError(f"analyze failed ({r['rc']}):\n{r['stderr']}")
    return {"articles": corpus["articles"], "jobs": jobs, "wall_s": round(r["wall_s"], 2),
            "articles_per_s": round(corpus["articles"] / r["wall_s"], 1),
            "peak_tree_mb": _r(r["tree_mb"]), "peak_rss_max_process_mb": _r(r["rss_max_process_mb"])}


def bench_check(work: Path, repeats: int) -> dict:
    """Wall time of ``genderindex check`` on a 1,000-word draft, interpreter start-up included.
    Uses the draft and timing of ``bench/bench_check.py`` when it is there."""
    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]  # for the check subprocesses
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import bench_check as bc  # the checker's own benchmark

        text = bc.make_draft(1000)
    except Exception:
        bc = None
        text = "\n\n".join(" ".join(_generated("vi", k)["text"].split()[:100]) for k in range(10)) + "\n"
    draft = work / "draft-1000-words.txt"
    draft.write_text(text, encoding="utf-8")
    if bc is not None:
        r = bc.time_cli(draft, repeats)
        if r.get("exit_code") not in (0, 1):
            return {"available": False, "rc": r.get("exit_code")}
        return {"available": True, "words": len(text.split()), "runs": repeats, "median_s": round(r["median_s"], 3),
                "min_s": round(r["min_s"], 3), "command": r.get("command"), "via": "bench/bench_check.py"}
    cmd = [sys.executable, "-m", "genderindex", "check", str(draft)]
    times = []
    for _ in range(repeats):
        r = run_measured(cmd, stdout=subprocess.DEVNULL)
        times.append(r["wall_s"])
        if r["rc"] not in (0, 1):
            return {"available": False, "rc": r["rc"], "stderr": r["stderr"][-300:]}
    return {"available": True, "words": len(text.split()), "runs": repeats, "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3), "command": "python -m genderindex check DRAFT"}


def bench_dask(arts: list[dict], n: int) -> dict:
    """Analyse ``n`` articles with genderindex.dask on a LocalCluster and compare."""
    code = r"""
import json, sys, time
import pandas as pd
rows = [json.loads(l) for l in sys.stdin]
df = pd.DataFrame(rows)
from distributed import Client, LocalCluster
import dask.dataframe as dd
from genderindex.frame import analyze_frame
from genderindex.dask import analyze_dask
t = time.time(); exp = analyze_frame(df); t1 = time.time() - t
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c, Client(c):
    t = time.time(); got = analyze_dask(dd.from_pandas(df, npartitions=8)).compute(); t2 = time.time() - t
same = True
try:
    pd.testing.assert_frame_equal(got, exp)
except AssertionError:
    same = False
print(json.dumps({"identical": same, "articles": len(df), "single_s": round(t1, 2), "dask_s": round(t2, 2)}))
"""
    payload = "".join(json.dumps(arts[i % len(arts)] | {"id": f"d{i}"}, ensure_ascii=False) + "\n" for i in range(n))
    try:
        p = subprocess.run([sys.executable, "-c", code], input=payload.encode(), capture_output=True, env=_env(),
                           timeout=600)
    except subprocess.TimeoutExpired:
        return {"available": False, "error": "timeout"}
    if p.returncode != 0:
        return {"available": False, "error": p.stderr.decode()[-400:]}
    return {"available": True, **json.loads(p.stdout.decode().strip().splitlines()[-1])}


def profile(corpus: dict, top: int = 25) -> dict:
    """cProfile of the one-process analyze path over ``corpus``: time by source file and
    the functions with the most own time (profiler overhead inflates the totals)."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from genderindex.batch import iter_analyze_lines, iter_lines

    list(iter_analyze_lines(iter_lines(corpus["path"]), jobs=1, chunk_size=8))  # warm caches (first pass)
    prof = cProfile.Profile()
    prof.enable()
    for _ in iter_analyze_lines(iter_lines(corpus["path"]), jobs=1):
        pass
    prof.disable()
    st = pstats.Stats(prof)
    total = sum(v[2] for v in st.stats.values())
    by_file: dict[str, float] = {}
    funcs = []
    for (fname, line, func), (_cc, _nc, tt, ct, callers) in st.stats.items():
        short = _short(fname)
        if fname == "~" and callers:  # a builtin (regex search, str methods): charge its callers
            edge_total = sum(v[2] for v in callers.values()) or 1.0
            for (cfile, _l, _f), v in callers.items():
                cs = _short(cfile)
                by_file[cs] = by_file.get(cs, 0.0) + tt * v[2] / edge_total
        else:
            by_file[short] = by_file.get(short, 0.0) + tt
        funcs.append((tt, ct, f"{short}:{line}({func})"))
    funcs.sort(reverse=True)
    files = sorted(by_file.items(), key=lambda kv: -kv[1])[:top]
    return {"articles": corpus["articles"], "total_s": round(total, 3),
            "by_file": [{"file": f, "own_s": round(t, 3), "share": round(t / total, 3)} for f, t in files],
            "functions": [{"function": name, "own_s": round(tt, 3), "cum_s": round(ct, 3)} for tt, ct, name in funcs[:top]]}


def _short(fname: str) -> str:
    if str(ROOT) in fname:
        return os.path.relpath(fname, ROOT)
    if "site-packages" in fname or "lib/python" in fname:
        return "(stdlib/3rd party) " + Path(fname).name
    return fname


def _loadavg():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _r(x):
    return None if x is None else round(x, 1)


# --- main ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (about a minute)")
    ap.add_argument("--json", dest="json_out", help="write the results here as JSON")
    ap.add_argument("--n-vi", type=int, help="Vietnamese articles (default 20000; quick 3000)")
    ap.add_argument("--n-en", type=int, help="English articles (default 5000; quick 1000)")
    ap.add_argument("--mem-small", type=int, help="articles in the small memory run (default 20000; quick 2000)")
    ap.add_argument("--mem-factor", type=int, default=10, help="the large memory run is this many times larger")
    ap.add_argument("--jobs", type=int, default=0, help="processes for the all-cores runs (0 = all cores)")
    ap.add_argument("--chunk-size", type=int, default=128)
    ap.add_argument("--skip", action="append", default=[], choices=["en", "memory", "check", "dask"],
                    help="skip a part (repeatable)")
    ap.add_argument("--workdir", default=None, help="where corpora are written (default: a temp dir)")
    ap.add_argument("--data", default=None, help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="only profile the one-process path on N Vietnamese articles (cProfile) and print hot spots")
    args = ap.parse_args(argv)
    global DATA_DIR
    DATA_DIR = args.data

    ncores = args.jobs or os.cpu_count() or 1
    n_vi = args.n_vi or (3000 if args.quick else 20000)
    n_en = args.n_en or (1000 if args.quick else 5000)
    mem_small = args.mem_small or (2000 if args.quick else 20000)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="genderindex-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    notes: list[str] = []
    res: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                             "cpu_count": os.cpu_count(), "jobs_all": ncores,
                             "loadavg_start": _loadavg()},
                 "settings": {"n_vi": n_vi, "n_en": n_en, "mem_small": mem_small, "mem_factor": args.mem_factor,
                              "chunk_size": args.chunk_size, "quick": args.quick},
                 "notes": notes}
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731

    vi_arts = base_articles("vi", notes)
    if args.profile:
        prof = profile(write_corpus(work / f"vi-prof-{args.profile}.jsonl", vi_arts, args.profile))
        print_profile(prof)
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(prof, indent=2) + "\n", encoding="utf-8")
        return 0
    corpora = {"vi": write_corpus(work / f"vi-{n_vi}.jsonl", vi_arts, n_vi)}
    langs = ["vi"]
    if "en" not in args.skip:
        en_arts = base_articles("en", notes)
        corpora["en"] = write_corpus(work / f"en-{n_en}.jsonl", en_arts, n_en)
        langs.append("en")

    res["analyze"] = {}
    for lang in langs:
        runs = {}
        for jobs in sorted({1, ncores}):
            log(f"analyze {lang}: {corpora[lang]['articles']} articles, {jobs} process(es)…")
            runs[f"jobs{jobs}"] = bench_throughput(corpora[lang], jobs, args.chunk_size)
        one = runs["jobs1"]["articles_per_s"]
        allc = runs[f"jobs{ncores}"]["articles_per_s"]
        res["analyze"][lang] = {"runs": runs, "speedup": round(allc / one, 2) if one else None}
        c1, cn = runs["jobs1"]["cpu_tree_s"], runs[f"jobs{ncores}"]["cpu_tree_s"]
        # CPU spent with all cores / with one process: 1.0 = parallelism costs nothing extra
        res["analyze"][lang]["cpu_ratio"] = round(cn / c1, 3) if c1 and cn else None
        skipped = max(r["skipped"] for r in runs.values())
        if skipped:
            notes.append(f"{lang}: {skipped} of {corpora[lang]['articles']} records were skipped with an error "
                         "(their time counts, they do not count as articles)")

    if "memory" not in args.skip:
        small = corpora["vi"] if n_vi == mem_small else write_corpus(work / f"vi-{mem_small}.jsonl", vi_arts, mem_small)
        large_n = mem_small * args.mem_factor
        log(f"memory: analyze CLI streaming {mem_small} and {large_n} articles, {ncores} process(es)…")
        large = write_corpus(work / f"vi-{large_n}.jsonl", vi_arts, large_n)
        m_small = bench_memory(small, ncores, work)
        m_large = bench_memory(large, ncores, work)
        ratio = (m_large["peak_tree_mb"] / m_small["peak_tree_mb"]
                 if m_small["peak_tree_mb"] and m_large["peak_tree_mb"] else None)
        res["memory"] = {"small": m_small, "large": m_large, "ratio": round(ratio, 3) if ratio else None}
        for p in (large["path"],) + (() if small is corpora["vi"] else (small["path"],)):
            Path(p).unlink(missing_ok=True)

    if "check" not in args.skip:
        log("check: 1,000-word draft…")
        res["check"] = bench_check(work, 3 if args.quick else 7)

    if "dask" not in args.skip:
        log("dask: LocalCluster vs single process…")
        res["dask"] = bench_dask(vi_arts, 300 if args.quick else 1000)

    for c in corpora.values():
        Path(c["path"]).unlink(missing_ok=True)
    res["machine"]["loadavg_end"] = _loadavg()
    if (res["machine"]["loadavg_start"] or [0])[0] > 0.5:
        notes.append(f"the machine was busy when the benchmark started (load average "
                     f"{res['machine']['loadavg_start'][0]}): wall-clock rates and speed-up are lower bounds")
    res["targets"] = evaluate_targets(res)
    print_table(res)
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"wrote {args.json_out}")
    return 0


def evaluate_targets(res: dict) -> list[dict]:
    """The issue's targets with the measured values and pass/fail."""
    out = []

    def add(name, value, target, ok):
        out.append({"measure": name, "value": value, "target": target, "pass": ok})

    vi = res["analyze"]["vi"]
    v1 = vi["runs"]["jobs1"]["articles_per_s"]
    add("analyze vi, 1 process (articles/s)", v1, f">= {TARGETS['vi_1proc_articles_s']:.0f}",
        v1 >= TARGETS["vi_1proc_articles_s"])
    add(f"analyze vi, {res['machine']['jobs_all']} vs 1 process (speed-up)", vi["speedup"],
        f">= {TARGETS['speedup']}", (vi["speedup"] or 0) >= TARGETS["speedup"])
    if vi.get("cpu_ratio") is not None:
        add("  CPU seconds, all cores / one process (info)", vi["cpu_ratio"], "≈ 1", None)
    mem = res.get("memory")
    if mem and mem["ratio"] is not None:
        big = max(mem["small"]["peak_tree_mb"], mem["large"]["peak_tree_mb"])
        add(f"peak memory {mem['small']['articles']} vs {mem['large']['articles']} (ratio)", mem["ratio"],
            f"<= {TARGETS['rss_ratio_max']}", mem["ratio"] <= TARGETS["rss_ratio_max"])
        add("peak memory, process tree PSS (MB)", big, f"<= {TARGETS['rss_mb_max']:.0f}", big <= TARGETS["rss_mb_max"])
    chk = res.get("check")
    if chk:
        if chk.get("available"):
            add("check, 1,000 words incl. start-up (s)", chk["median_s"], f"<= {TARGETS['check_s']}",
                chk["median_s"] <= TARGETS["check_s"])
        else:
            add("check, 1,000 words incl. start-up (s)", "n/a", f"<= {TARGETS['check_s']}", None)
    dk = res.get("dask")
    if dk:
        add("Dask LocalCluster == single process", dk.get("identical") if dk.get("available") else "n/a",
            "identical", dk.get("identical") if dk.get("available") else None)
    return out


def print_profile(prof: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    t = Table(title=f"own time by file ({prof['articles']} articles, {prof['total_s']} s under cProfile)")
    for col in ("file", "own s", "share"):
        t.add_column(col)
    for r in prof["by_file"]:
        t.add_row(r["file"], f"{r['own_s']:.2f}", f"{r['share']:.0%}")
    con.print(t)
    t = Table(title="functions by own time")
    for col in ("function", "own s", "cumulative s"):
        t.add_column(col)
    for r in prof["functions"]:
        t.add_row(r["function"], f"{r['own_s']:.2f}", f"{r['cum_s']:.2f}")
    con.print(t)


def print_table(res: dict) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return
    con = Console(stderr=False)
    t = Table(title="genderindex analyze throughput")
    for col in ("lang", "processes", "articles", "articles/s", "KB/s", "articles/CPU-s", "CPU-s (all)",
                "first result (s)", "peak memory, tree PSS (MB)"):
        t.add_column(col, justify="right")
    for lang, a in res["analyze"].items():
        for run in a["runs"].values():
            t.add_row(lang, str(run["jobs"]), str(run["articles"]), f"{run['articles_per_s']:.0f}",
                      f"{run['kb_per_s']:.0f}", str(run["articles_per_cpu_s"] or ""), str(run["cpu_tree_s"]),
                      f"{run['first_result_s_from_start']}",
                      str(run["peak_tree_mb"]))
    con.print(t)
    t2 = Table(title="targets")
    for col in ("measure", "value", "target", "pass"):
        t2.add_column(col)
    for row in res["targets"]:
        ok = row["pass"]
        t2.add_row(row["measure"], str(row["value"]), row["target"],
                   "[green]yes[/]" if ok else ("[red]no[/]" if ok is False else ""))
    con.print(t2)
    for n in res["notes"]:
        con.print(f"note: {n}")


if __name__ == "__main__":
    sys.exit(main())
