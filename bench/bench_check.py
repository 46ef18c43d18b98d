#!/usr/bin/env python3
"""Benchmark of the draft checker (``genderindex check`` / the lexicon matcher).

1. Wall time of ``genderindex check draft.txt`` on a 1,000-word Vietnamese draft, including
   interpreter start-up, run as a subprocess several times (median; target <= 0.8 s). The
   draft is generated from sentences written for this benchmark (not news text).
2. Matching throughput in KB/s (UTF-8) over the Vietnamese dev/unlabelled articles of
   ``../shared/data/vi-news`` when that folder exists: ``check_text`` end to end
   (normalisation + language id + matching) and the matcher alone on prepared documents.
3. When ``dev-gold.jsonl`` is there: precision and recall of the findings (a system finding
   matches a gold finding when their spans overlap in the same article; gold strings are
   located in the article by string search; one-to-one matching).

    python bench/bench_check.py [--runs 7] [--json bench_check.json]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: sentences written for the benchmark; some carry wording the checker flags
SENTENCES = [
    "Sáng nay, ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác năm và triển khai kế hoạch mới.",
    "Chị Lê Thị Hoa, cán bộ phụ trách văn hóa xã, cho biết năm nay có thêm ba nhà văn hóa thôn được xây mới.",
    "Nữ giám đốc Lê Thị Hoa cho biết hợp tác xã sẽ mở rộng vùng trồng rau an toàn.",
    "Nhiều hộ dân đã chuyển sang trồng cây ăn quả, thu nhập bình quân tăng khoảng mười phần trăm.",
    "Anh Nguyễn Văn Bình, trưởng thôn Đông, nói rằng đường liên thôn đã được bê tông hóa toàn bộ.",
    "Trong buổi lễ, các bóng hồng của đội văn nghệ biểu diễn nhiều tiết mục đặc sắc.",
    "Người dân phản ánh tình trạng ngập úng sau mỗi trận mưa lớn ở khu vực chợ trung tâm.",
    "Ông Trần Minh Đức, chủ tịch xã, nhấn mạnh việc bảo đảm an toàn giao thông dịp cuối năm.",
    "Chị em trong hội được khen là giỏi việc nước, đảm việc nhà.",
    "Trường tiểu học của xã đạt chuẩn quốc gia mức độ hai sau nhiều năm nỗ lực.",
    "Do mâu thuẫn tình cảm, một thanh niên đã dùng dao đâm chết bạn gái rồi bỏ trốn.",
    "Công an huyện đã bắt giữ nghi phạm và đang điều tra làm rõ vụ việc.",
    "Trạm y tế xã triển khai tiêm chủng mở rộng cho trẻ em dưới năm tuổi.",
    "Ai bảo phụ nữ là phái yếu, chị vẫn một mình điều hành cả xưởng may.",
    "Các đại biểu thống nhất thông qua nghị quyết về phát triển kinh tế xã hội.",
    "Thư viện xã mở cửa cả ngày thứ bảy để học sinh đến đọc sách.",
    "Tỷ lệ nữ đại biểu hội đồng nhân dân xã nhiệm kỳ này đạt ba mươi hai phần trăm.",
    "Hội Liên hiệp Phụ nữ xã phối hợp tổ chức lớp tập huấn phòng chống bạo lực gia đình.",
    "Giá lúa vụ mùa năm nay tăng nhẹ, bà con phấn khởi chuẩn bị cho vụ đông.",
    "Đội bóng đá thiếu niên của xã giành giải nhì tại giải đấu cấp huyện.",
]


def make_draft(words: int = 1000) -> str:
    """A Vietnamese draft of about ``words`` words (syllables) from :data:`SENTENCES`."""
    out, n, i = [], 0, 0
    while n < words:
        s = SENTENCES[i % len(SENTENCES)]
        out.append(s)
        n += len(s.split())
        i += 1
        if i % 5 == 0:
            out.append("\n\n")
    return " ".join(out).replace(" \n\n ", "\n\n").strip() + "\n"


def time_cli(draft: Path, runs: int) -> dict:
    exe = shutil.which("genderindex")
    cmd = [exe, "check", str(draft)] if exe else [sys.executable, "-m", "genderindex", "check", str(draft)]
    import resource

    times, cpu = [], []
    rc = None
    for _ in range(runs):
        u0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=draft.parent)
        times.append(time.perf_counter() - t0)
        u1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((u1.ru_utime - u0.ru_utime) + (u1.ru_stime - u0.ru_stime))
        rc = r.returncode
    return {
        "command": " ".join(["genderindex" if exe else "python -m genderindex", "check", draft.name]),
        "runs": runs, "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
        "median_cpu_s": statistics.median(cpu), "load_average": os.getloadavg()[0],
        "exit_code": rc, "findings": len(r.stdout.splitlines()),
    }


def _articles(data: Path) -> list[dict]:
    out = []
    for name in ("dev.jsonl", "unlabeled.jsonl"):
        p = data / "vi-news" / name
        if p.exists():
            out.extend(json.loads(line) for line in p.open(encoding="utf-8") if line.strip())
    return out


def throughput(arts: list[dict], repeat: int = 3) -> dict:
    from genderindex.language import check_text, find_findings
    from genderindex.text.document import TextDoc

    texts = [a["text"] for a in arts]
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    check_text(texts[0], lang="vi")  # load lexicon, build automaton
    best_e2e = best_match = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            check_text(t, lang="vi")
        best_e2e = min(best_e2e, time.perf_counter() - t0)
        docs = [TextDoc(t, lang="vi") for t in texts]
        t0 = time.perf_counter()
        for d in docs:
            find_findings(d)
        best_match = min(best_match, time.perf_counter() - t0)
    return {
        "articles": len(texts), "kb": round(kb, 1),
        "check_text_kb_s": round(kb / best_e2e, 1), "check_text_articles_s": round(len(texts) / best_e2e, 1),
        "matcher_kb_s": round(kb / best_match, 1), "matcher_articles_s": round(len(texts) / best_match, 1),
    }


def accuracy(data: Path) -> dict | None:
    """Findings precision/recall on vi-news dev (span overlap, same article, one-to-one)."""
    from genderindex.language import find_findings
    from genderindex.pipeline import prepare

    gold_p, dev_p = data / "vi-news" / "dev-gold.jsonl", data / "vi-news" / "dev.jsonl"
    if not gold_p.exists() or not dev_p.exists():
        return None
    arts = {a["id"]: a for a in (json.loads(x) for x in dev_p.open(encoding="utf-8") if x.strip())}
    gold = {g["id"]: g for g in (json.loads(x) for x in gold_p.open(encoding="utf-8") if x.strip())}
    n_sys = n_gold = tp_sys = tp_gold = 0
    by_rule_fp: dict[str, int] = {}
    missed = []
    for aid, a in arts.items():
        doc = prepare(a["text"], "vi", a.get("title"))
        sys_f = find_findings(doc)
        n_sys += len(sys_f)
        golds = (gold.get(aid) or {}).get("findings") or []
        n_gold += len(golds)
        used: set[int] = set()
        for g in golds:
            occ, i = [], doc.text.find(g["text"])
            while i >= 0:
                occ.append((i, i + len(g["text"])))
                i = doc.text.find(g["text"], i + 1)
            hit = [k for k, f in enumerate(sys_f) if any(f.start < e and s < f.end for s, e in occ)]
            free = [k for k in hit if k not in used]
            if free:
                used.add(free[0])
            if hit:
                tp_gold += 1
            else:
                missed.append(f"{g['text']} [{g['category']}]")
        for k, f in enumerate(sys_f):
            ok = any(
                any(f.start < e and s < f.end for s, e in _occ(doc.text, g["text"])) for g in golds
            )
            if ok:
                tp_sys += 1
            else:
                by_rule_fp[f.rule] = by_rule_fp.get(f.rule, 0) + 1
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {
        "system_findings": n_sys, "gold_findings": n_gold, "precision": round(p, 3), "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "false_positives_by_rule": dict(sorted(by_rule_fp.items(), key=lambda kv: -kv[1])),
        "missed": missed,
    }


def _occ(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    args = ap.parse_args()

    from genderindex.resources import shared_data_dir
    from genderindex.text.segment import count_words

    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft_1000w.txt"
        text = make_draft(args.words)
        draft.write_text(text, encoding="utf-8")
        results["cli"] = {"words": count_words(text), **time_cli(draft, args.runs)}
    data = shared_data_dir()
    if data and (data / "vi-news").exists():
        arts = _articles(data)
        results["throughput"] = throughput(arts)
        results["accuracy_vi_dev"] = accuracy(data)
    else:
        results["throughput"] = None
        results["accuracy_vi_dev"] = None

    c = results["cli"]
    rows = [
        ("check CLI, 1 draft", f"{c['words']} words", f"median {c['median_s']:.3f} s wall, {c['median_cpu_s']:.3f} s CPU (min {c['min_s']:.3f}, max {c['max_s']:.3f}, {c['runs']} runs, load {c['load_average']:.1f})", "<= 0.8 s"),
    ]
    t = results["throughput"]
    if t:
        rows.append(("check_text end to end", f"{t['articles']} articles, {t['kb']} KB", f"{t['check_text_kb_s']} KB/s ({t['check_text_articles_s']} articles/s)", ""))
        rows.append(("matcher on prepared docs", f"{t['articles']} articles", f"{t['matcher_kb_s']} KB/s ({t['matcher_articles_s']} articles/s)", ""))
    else:
        rows.append(("throughput", "-", "../shared/data/vi-news not found: not measured", ""))
    a = results["accuracy_vi_dev"]
    if a:
        rows.append(("findings P/R, vi dev", f"{a['system_findings']} system / {a['gold_findings']} gold", f"P {a['precision']:.3f}  R {a['recall']:.3f}  F1 {a['f1']:.3f}", "P >= 0.80, R >= 0.70"))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    print(f"{'measure':<{w[0]}}  {'input':<{w[1]}}  {'result':<{w[2]}}  target")
    for r in rows:
        print(f"{r[0]:<{w[0]}}  {r[1]:<{w[1]}}  {r[2]:<{w[2]}}  {r[3]}")
    if a:
        print("false positives by rule:", a["false_positives_by_rule"])
        print("missed gold findings:", a["missed"])
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
