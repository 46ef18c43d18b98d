"""Build the corpus JSONL for the English gold set from the PolNeAR test split.

The gold file (``polnear-gold.jsonl``) holds annotations only, never article text. This
script reads the article texts from the shared data folder (``../shared/data`` by
default) and writes one record per gold id: ``id``, ``lang``, ``outlet``, ``date``,
``title`` and ``text`` (the article body without its first line, which repeats the title).

    python gold/en/make_corpus.py                       # writes /tmp/polnear-corpus.jsonl
    python gold/en/make_corpus.py --data ../shared/data --out corpus.jsonl
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "polnear-gold.jsonl"


def find_data(explicit: str | None) -> Path | None:
    """The shared data folder: --data, else ../shared/data beside the checkout or cwd."""
    cands = [Path(explicit)] if explicit else [
        HERE.parents[1] / ".." / "shared" / "data", Path.cwd() / ".." / "shared" / "data", Path.cwd() / "shared" / "data",
    ]
    for c in cands:
        if (c / "en-news" / "polnear" / "test" / "text").is_dir():
            return c.resolve()
    return None


def load_metadata(polnear: Path) -> dict[str, dict[str, str]]:
    meta: dict[str, dict[str, str]] = {}
    path = polnear / "metadata.tsv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = row
    return meta


def build(data: Path, gold: Path = GOLD) -> list[dict[str, str]]:
    """Corpus records for every id in the gold file (title split off the first line)."""
    polnear = data / "en-news" / "polnear"
    meta = load_metadata(polnear)
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gid = json.loads(line)["id"]
        raw = (polnear / "test" / "text" / f"{gid}.txt").read_text(encoding="utf-8")
        m = meta.get(gid, {})
        first, _, rest = raw.partition("\n")
        title = first.strip().rstrip(".")
        text = rest.lstrip("\n")
        out.append({"id": gid, "lang": "en", "outlet": m.get("publisher", ""), "date": m.get("publication_date", ""),
                    "title": title, "text": text})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="shared data folder (default: ../shared/data)")
    ap.add_argument("--out", default="/tmp/polnear-corpus.jsonl", help="output JSONL path")
    ap.add_argument("--gold", default=str(GOLD), help="gold JSONL whose ids to include")
    args = ap.parse_args(argv)
    data = find_data(args.data)
    if data is None:
        print("shared data not found (looked for en-news/polnear/test/text under ../shared/data); "
              "pass --data", file=sys.stderr)
        return 2
    recs = build(data, Path(args.gold))
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
