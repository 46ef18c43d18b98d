"""Measure the shipped Vietnamese topic model on ../shared/data/vi-news dev + dev-gold.

    python training/eval_topic.py [--model models/topic_vi.json] [--errors]

Measurement only: prints precision, recall, F1 and confusion counts per flag.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from genderindex.resources import shared_data_dir  # noqa: E402
from genderindex.topic.train import HEADS, measure  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "topic_vi.json")
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--errors", action="store_true", help="also list the ids of the errors")
    a = ap.parse_args()
    sh = a.shared or shared_data_dir()
    if sh is None:
        sys.exit("shared data folder not found (use --shared)")
    res = measure(a.model, sh / "vi-news" / "dev.jsonl", sh / "vi-news" / "dev-gold.jsonl")
    for h in HEADS:
        print(h, json.dumps(res[h]))
    if a.errors:
        for e in res["errors"]:
            print(json.dumps(e))


if __name__ == "__main__":
    main()
