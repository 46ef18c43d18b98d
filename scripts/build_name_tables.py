"""Build the derived name-gender tables in lexicons/names/ from ../shared/data/names/.

Only aggregated counts are written (no individual's name record): for each Vietnamese
given name (last syllable), given pair (last two syllables), middle syllable, and for
each US first name (SSA), the number of female and male bearers and p_female.

Usage: python3 scripts/build_name_tables.py [--src ../shared/data/names] [--out lexicons/names]
"""
from __future__ import annotations

import argparse
import csv
import shutil
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _norm(s: str) -> str:
    import sys

    sys.path.insert(0, str(ROOT))
    from genderindex.text.normalize import normalize_text

    return normalize_text(unicodedata.normalize("NFC", s.strip()))


def _read_counts(path: Path) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with path.open(encoding="utf-8") as fh:
        rd = csv.reader(fh)
        next(rd)
        for row in rd:
            if len(row) < 3 or not row[0].strip():
                continue
            key = _norm(row[0]).lower()
            out[key][0] += int(row[1])
            out[key][1] += int(row[2])
    return out


def _write(path: Path, header: str, counts: dict[str, list[int]], min_total: int = 1) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow([header, "female", "male", "p_female"])
        for k in sorted(counts):
            f, m = counts[k]
            if f + m < min_total:
                continue
            w.writerow([k, f, m, f"{f / (f + m):.3f}"])
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=str(ROOT.parent / "shared" / "data" / "names"))
    ap.add_argument("--out", default=str(ROOT / "lexicons" / "names"))
    a = ap.parse_args()
    src, out = Path(a.src), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)

    given = _read_counts(src / "vi_given_name_counts.csv")
    pairs = _read_counts(src / "vi_given_pair_counts.csv")
    middle = _read_counts(src / "vi_middle_name_counts.csv")
    # the namedb lists (middle + given) add one weak vote per listed name
    for fname, col in (("vi_given_names_female.txt", 0), ("vi_given_names_male.txt", 1)):
        for line in (src / fname).read_text(encoding="utf-8").splitlines():
            parts = _norm(line).lower().split()
            if not parts:
                continue
            given[parts[-1]][col] += 1
            if len(parts) >= 2:
                pairs[" ".join(parts[-2:])][col] += 1
    print("vi_given", _write(out / "vi_given.csv", "given", given))
    print("vi_pair", _write(out / "vi_pair.csv", "pair", pairs))
    print("vi_middle", _write(out / "vi_middle.csv", "middle", middle))

    ssa: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with (src / "en_first_name_counts_ssa.csv").open(encoding="utf-8") as fh:
        rd = csv.reader(fh)
        next(rd)
        for name, f, m in rd:
            ssa[name.strip().lower()] = [int(f), int(m)]
    print("en_first", _write(out / "en_first.csv", "first_name", ssa, min_total=200))

    notice = [
        "Derived name-gender tables: attribution and licences",
        "",
        "vi_given.csv, vi_pair.csv, vi_middle.csv are aggregated counts built from:",
        "  - locle1011/Gender-Classification-Based-on-Vietnamese-Names (MIT licence, below)",
        "  - duyet/vietnamese-namedb (MIT licence, below)",
        "en_first.csv is aggregated from US Social Security Administration baby-name counts,",
        "births 1940-2020 (US government data, public domain).",
        "",
    ]
    for lic in ("LICENSE.locle1011", "LICENSE.vietnamese-namedb"):
        notice += ["=" * 70, lic, "=" * 70, (src / lic).read_text(encoding="utf-8"), ""]
    (out / "NOTICE").write_text("\n".join(notice), encoding="utf-8")


if __name__ == "__main__":
    main()
