"""Build the corpus JSONL for the Vietnamese held-out gold set.

The gold file (``heldout-gold.jsonl``) holds annotations only, never article text. This
script reads the articles from ``vi-news/unlabeled.jsonl`` in the shared data folder
(``../shared/data`` by default) and writes one record per gold id, in gold order:
``id``, ``lang``, ``outlet``, ``date``, ``title``, ``url`` and ``text`` as stored there
(fields that are null in the source are left out).

    python gold/vi/make_corpus.py                      # writes /tmp/vi-heldout.jsonl
    python gold/vi/make_corpus.py --data ../shared/data --out corpus.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "heldout-gold.jsonl"
SOURCE = Path("vi-news") / "unlabeled.jsonl"
FIELDS = ("id", "lang", "outlet", "date", "title", "url", "text")


def find_data(explicit: str | None) -> Path | None:
    """The shared data folder: --data, else ../shared/data beside the checkout or cwd."""
    cands = [Path(explicit)] if explicit else [
        HERE.parents[1] / ".." / "shared" / "data", Path.cwd() / ".." / "shared" / "data", Path.cwd() / "shared" / "data",
    ]
    for c in cands:
        if (c / SOURCE).is_file():
            return c.resolve()
    return None


def gold_ids(gold: Path) -> list[str]:
    """The article ids of the gold file, in file order."""
    return [json.loads(line)["id"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(data: Path, gold: Path = GOLD) -> list[dict[str, str]]:
    """Corpus records for every id in the gold file (KeyError if one is missing from the source)."""
    wanted = gold_ids(gold)
    found: dict[str, dict] = {}
    want = set(wanted)
    with open(data / SOURCE, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("id") in want:
                found[rec["id"]] = rec
    missing = [i for i in wanted if i not in found]
    if missing:
        raise KeyError(f"ids not in {SOURCE}: {', '.join(missing)}")
    out = []
    for gid in wanted:
        rec = found[gid]
        row = {k: rec.get(k) for k in FIELDS if k != "lang"}
        row["lang"] = rec.get("lang") or "vi"
        out.append({k: row[k] for k in FIELDS if row.get(k) is not None})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: ../shared/data)")
    ap.add_argument("--out", default="/tmp/vi-heldout.jsonl", help="output JSONL path")
    ap.add_argument("--gold", default=str(GOLD), help="gold JSONL whose ids to include")
    args = ap.parse_args(argv)
    data = find_data(args.data)
    if data is None:
        print(f"shared data not found (looked for {SOURCE} under ../shared/data); pass --data", file=sys.stderr)
        return 2
    try:
        recs = build(data, Path(args.gold))
    except KeyError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
