#!/usr/bin/env python3
"""CPU time of the people stage (``genderindex.people.find_people``) per article.

Runs on the Vietnamese articles of ``../shared/data/vi-news`` (dev + unlabeled) and the
English PolNeAR test texts, with every :class:`~genderindex.text.document.TextDoc`
prepared beforehand (normalisation, lower case, paragraphs and quoted spans belong to the
text layer and are not counted). Reports the best of ``--repeat`` passes in CPU
milliseconds per article (``time.process_time``, so other load on the machine matters
little). ``--dump FILE`` writes every article's people as JSON lines, to check that a
speed change leaves the results identical (``diff`` two dumps). Usage::

    python bench/bench_people.py                    # vi and en, best of 5
    python bench/bench_people.py --lang vi --repeat 9
    python bench/bench_people.py --dump /tmp/people_after.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from genderindex.people import find_people  # noqa: E402
from genderindex.text.document import TextDoc  # noqa: E402


def load(data: Path, lang: str) -> list[tuple[str, str, str | None]]:
    """(id, text, title) of the benchmark articles of ``lang``."""
    out = []
    if lang == "vi":
        for name in ("dev.jsonl", "unlabeled.jsonl"):
            with (data / "vi-news" / name).open(encoding="utf-8") as fh:
                for line in fh:
                    r = json.loads(line)
                    out.append((r["id"], r.get("text") or "", r.get("title")))
    else:
        for p in sorted((data / "en-news" / "polnear" / "test" / "text").glob("*.txt")):
            out.append((p.name, p.read_text(encoding="utf-8"), None))
    return out


def cpu_ms_per_article(arts, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        docs = [TextDoc(text, title=title) for _, text, title in arts]
        for d in docs:  # text-layer work shared by all stages: not counted
            d.lower, d.paragraphs, d.quote_spans, d.quotes_index
        t0 = time.process_time()
        for d in docs:
            find_people(d)
        best = min(best, time.process_time() - t0)
    return 1000 * best / max(1, len(arts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--lang", choices=["vi", "en", "both"], default="both")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dump", type=Path, help="write each article's people (JSON lines)")
    args = ap.parse_args()
    if not (args.data / "vi-news").is_dir():
        sys.exit(f"no shared data at {args.data} (use --data)")
    langs = ["vi", "en"] if args.lang == "both" else [args.lang]
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for lang in langs:
        arts = load(args.data, lang)
        ms = cpu_ms_per_article(arts, args.repeat)
        print(f"people {lang}: {ms:.3f} ms CPU/article ({len(arts)} articles, best of {args.repeat})")
        if dump:
            for aid, text, title in arts:
                people = find_people(TextDoc(text, title=title))
                rec = {"id": aid, "people": [p.to_dict() for p in people]}
                dump.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
