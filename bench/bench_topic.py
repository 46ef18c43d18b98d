"""Speed of the topic classifier (``genderindex.topic.classify``) against the rest of ``analyze``.

    python bench/bench_topic.py [--data ../shared/data] [--repeat 5] [--json out.json]

Measures, on the Vietnamese articles of ``vi-news`` (dev + unlabeled; generated text when the
shared data is absent) and the English PolNeAR texts:

* model load time (JSON parse + checksum + tables), cold, per language;
* classify time per article on a prepared ``TextDoc`` (``doc.lower`` already computed, as in the
  pipeline) and per 3 KB of text;
* full ``analyze`` time per article, and classify's share: classify / (analyze - classify).

Target (issue 4): classify adds at most 20 % to the rest of analyze (about 0.5 ms per 3 KB
article when analyze runs at 400 articles/s); model load < 50 ms.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _articles(data: Path | None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"vi": [], "en": []}
    if data is not None:
        for name in ("dev.jsonl", "unlabeled.jsonl"):
            p = data / "vi-news" / name
            if p.is_file():
                out["vi"] += [json.loads(line) for line in p.open(encoding="utf-8") if line.strip()]
        folder = data / "en-news" / "polnear" / "test" / "text"
        if folder.is_dir():
            for p in sorted(folder.glob("*.txt")):
                title, _, body = p.read_text(encoding="utf-8").partition("\n")
                out["en"].append({"id": p.stem, "title": title.strip(), "text": body.strip()})
    if not out["vi"]:
        para = ("Chiều nay, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm, bà Nguyễn Thị Lan "
                "cho biết kinh tế tăng trưởng 7%, thu ngân sách vượt kế hoạch. ") * 20
        out["vi"] = [{"id": f"g{i}", "title": "Hội nghị tổng kết", "text": para} for i in range(100)]
    if not out["en"]:
        para = ("The city council approved the budget on Tuesday, the mayor said, after a long debate "
                "about schools, roads and public safety. ") * 20
        out["en"] = [{"id": f"e{i}", "title": "Council approves budget", "text": para} for i in range(50)]
    return out


def _time_per_item(fn, items, repeat: int) -> float:
    """Median over ``repeat`` passes of the mean seconds per item."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for x in items:
            fn(x)
        runs.append((time.perf_counter() - t) / len(items))
    return statistics.median(runs)


def main() -> None:
    from genderindex.pipeline import analyze, prepare
    from genderindex.resources import shared_data_dir
    from genderindex.topic import classify, get_model, model_path
    from genderindex.topic.model import load_model

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", type=Path, default=None)
    a = ap.parse_args()
    data = a.data or shared_data_dir()
    arts = _articles(data)
    report: dict = {"data": str(data) if data else "generated", "python": sys.version.split()[0]}
    for lang, items in arts.items():
        loads = []
        for _ in range(5):
            t = time.perf_counter()
            load_model(model_path(lang))
            loads.append(time.perf_counter() - t)
        get_model(lang)  # warm the cache
        docs = [prepare(r["text"], lang, r.get("title")) for r in items]
        for d in docs:
            d.lower  # noqa: B018  (computed by earlier stages in the pipeline)
        chars = statistics.mean(len(d.text) for d in docs)
        t_cls = _time_per_item(classify, docs, a.repeat)
        t_an = _time_per_item(lambda r: analyze(r["text"], lang, r.get("title")), items, max(1, a.repeat // 2))
        rest = max(t_an - t_cls, 1e-9)
        report[lang] = {
            "articles": len(items),
            "mean_chars": round(chars),
            "model_load_ms_median": round(statistics.median(loads) * 1000, 2),
            "classify_ms_per_article": round(t_cls * 1000, 4),
            "classify_ms_per_3kb": round(t_cls * 1000 * 3000 / chars, 4),
            "analyze_ms_per_article": round(t_an * 1000, 4),
            "classify_share_of_rest": round(t_cls / rest, 4),
        }
        r = report[lang]
        print(f"[{lang}] {len(items)} articles, mean {r['mean_chars']} chars | model load {r['model_load_ms_median']} ms | "
              f"classify {r['classify_ms_per_article']:.3f} ms/article ({r['classify_ms_per_3kb']:.3f} ms per 3 KB) | "
              f"analyze {r['analyze_ms_per_article']:.3f} ms/article | classify adds "
              f"{100 * r['classify_share_of_rest']:.1f}% to the rest of analyze (target <= 20%)")
    if a.json:
        a.json.write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
