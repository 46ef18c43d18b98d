"""Held-out check of the topic recipe on written articles it was not trained on.

    python training/holdout_written.py --lang vi [--holdout written_b written_c] [--errors]

Trains the model exactly as ``genderindex train topic`` does, but without the written files
named by ``--holdout`` (``training/topic/<lang>_<name>.jsonl``), and scores those files. They
were written by people who had not seen the dev articles, so they test whether the rules and
features carry over to text the recipe has not seen. Measurement only; nothing is saved.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from genderindex.resources import shared_data_dir  # noqa: E402
from genderindex.topic import train as T  # noqa: E402
from genderindex.topic.features import prepare_text  # noqa: E402
from genderindex.topic.model import TopicModel  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--data", type=Path, default=ROOT / "training" / "topic")
    ap.add_argument("--holdout", nargs="+", default=["written_b", "written_c"])
    ap.add_argument("--errors", action="store_true", help="list the misclassified held-out articles")
    a = ap.parse_args()
    held_files = [a.data / f"{a.lang}_{name}.jsonl" for name in a.holdout]
    held_files = [p for p in held_files if p.is_file()]
    if not held_files:
        sys.exit(f"no held-out files found for {a.lang}: {a.holdout}")
    held_ids = {json.loads(line)["id"] for p in held_files for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    records, _ = T.load_training_records(a.lang, a.data, shared_data_dir())
    held = [r for r in records if r["id"] in held_ids]
    train = [r for r in records if r["id"] not in held_ids]
    model, *_ = T.train_model(train, T.load_lexicons(a.data, a.lang), a.lang, T.load_rules(a.data, a.lang),
                              trained="held-out check")
    tm = TopicModel(json.loads(json.dumps(model)))
    print(f"[{a.lang}] trained on {len(train)} articles, scoring {len(held)} held-out written articles "
          f"({', '.join(p.name for p in held_files)})")
    errors = []
    for h in T.HEADS:
        c = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
        for r in held:
            title, full = prepare_text(r.get("title") or "", r.get("text") or "")
            sc = tm.score(title, full)[h]
            y = bool(r.get(h))
            key = ("tp" if y else "fp") if sc.flag else ("fn" if y else "tn")
            c[key] += 1
            if key in ("fp", "fn"):
                errors.append((h, key, round(sc.probability, 3), sc.rule, r["id"], r.get("title", "")))
        s = T.prf(c)
        print(f"{h}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  "
              f"TP {c['tp']} FP {c['fp']} FN {c['fn']} TN {c['tn']}")
    if a.errors:
        for e in errors:
            print("  ", *e)


if __name__ == "__main__":
    main()
