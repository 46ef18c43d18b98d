"""Rebuild the shipped topic classifiers (same as ``genderindex train topic``).

    python training/train_topic.py --lang vi      # or en, or all
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from genderindex.topic.build import build_topic_models  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lang", default="all", choices=["vi", "en", "all"])
    ap.add_argument("--out", type=Path, default=ROOT / "models")
    ap.add_argument("--data", type=Path, default=ROOT / "training" / "topic")
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--no-shared", action="store_true")
    ap.add_argument("--date", default=None)
    ap.add_argument("--no-measure-dev", action="store_true")
    a = ap.parse_args()
    for lang in (["vi", "en"] if a.lang == "all" else [a.lang]):
        print(build_topic_models(lang, a.out, a.data, shared=a.shared, use_shared=not a.no_shared,
                                 trained=a.date, measure_dev=not a.no_measure_dev, log=print))


if __name__ == "__main__":
    main()
