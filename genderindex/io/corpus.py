"""Reading a corpus for an audit: JSONL, CSV, Parquet, or folders of .txt/.md/.html/.docx.

Every reader yields ``(where, record)`` pairs (``where`` = "file:line", "file:row N" or the
file path) or ``(where, RecordError)`` for a bad record, so a run can list and skip bad
records and go on. Records carry the canonical fields ``id, outlet, date, title, text, url``
(mappable with ``field_map``, e.g. ``{"outlet": "source"}``). Dates in Vietnamese and ISO
formats are parsed by :func:`parse_date`; outlet names are mapped to canonical outlets and
administrative units by an :class:`OutletMap` loaded from a TOML config (nothing about the
hierarchy is hard-coded).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .jsonl import RecordError, read_jsonl
from .tomlfile import read_toml

FIELDS = ("id", "outlet", "date", "title", "text", "url", "lang")
UNKNOWN_OUTLET = "(unknown)"
UNKNOWN_PERIOD = "unknown"
DOC_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet", ".pq")

# ----------------------------------------------------------------------------- dates

_MONTHS_EN = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_YMD_SLASH_RE = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
_VI_WORDS_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_EN_MDY_RE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_EN_DMY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MISSING = {"", "n/a", "na", "none", "null", "nan", "-", "không rõ", "unknown", "?"}


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date(value: Any) -> dt.date | None:
    """A date from what outlets print: "Thứ tư, 13/11/2019, 00:36 (GMT+7)", "13/11/2019",
    "13/11/2019 16:05", "ngày 13 tháng 11 năm 2019", ISO "2019-11-13[T...]",
    "Nov 13, 2019"; ``None`` for "N/A", empty or unparseable values (day first, as in Vietnam)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or value <= 0:  # NaN
            return None
        secs = value / 1000 if value > 1e11 else value  # epoch milliseconds or seconds
        try:
            return dt.datetime.fromtimestamp(secs, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    s = unicodedata.normalize("NFC", str(value)).strip()
    if s.lower() in _MISSING:
        return None
    m = _ISO_RE.match(s)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = _YMD_SLASH_RE.search(s)
    if m:
        return _mk(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY_RE.search(s)
    if m:
        return _mk(int(m[3]), int(m[2]), int(m[1]))
    m = _VI_WORDS_RE.search(s)
    if m:
        return _mk(int(m[3]), int(m[2]), int(m[1]))
    m = _EN_MDY_RE.search(s)
    if m and m[1][:3].lower() in _MONTHS_EN:
        return _mk(int(m[3]), _MONTHS_EN[m[1][:3].lower()], int(m[2]))
    m = _EN_DMY_RE.search(s)
    if m and m[2][:3].lower() in _MONTHS_EN:
        return _mk(int(m[3]), _MONTHS_EN[m[2][:3].lower()], int(m[1]))
    return None


def period_of(date: dt.date | None, kind: str = "quarter") -> str:
    """The period label of ``date``: "2026Q4" (quarter), "2026-11" (month), "2026" (year);
    ``"unknown"`` without a date."""
    if date is None:
        return UNKNOWN_PERIOD
    if kind == "month":
        return f"{date.year}-{date.month:02d}"
    if kind == "year":
        return str(date.year)
    return f"{date.year}Q{(date.month - 1) // 3 + 1}"


_PERIOD_RE = re.compile(r"^(\d{4})(?:\s*[Qq]([1-4])|-(\d{2}))?$")


def parse_period(label: str) -> tuple[int, int] | None:
    """``(year, sort_key)`` of a period label, None for "unknown" or a malformed label."""
    m = _PERIOD_RE.match(str(label).strip())
    if not m:
        return None
    year = int(m[1])
    sub = int(m[2]) * 3 if m[2] else (int(m[3]) if m[3] else 12)
    return year, year * 100 + sub


def period_year(label: str) -> int | None:
    p = parse_period(label)
    return p[0] if p else None


def period_sort_key(label: str) -> tuple[int, str]:
    """Sort key putting periods in time order and "unknown" last."""
    p = parse_period(label)
    return (p[1] if p else 10**9, str(label))


# ----------------------------------------------------------------------------- outlets


def _key(name: str) -> str:
    s = unicodedata.normalize("NFC", name).casefold().strip()
    s = re.sub(r"^https?://", "", s)
    s = re.sub(r"^www\.", "", s).rstrip("/")
    return " ".join(s.split())


def host_of(url: str) -> str:
    """The host of a URL without ``www.`` ("" when not a URL)."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


@dataclass
class OutletInfo:
    """A canonical outlet and the administrative unit it belongs to."""

    outlet: str
    unit: str = ""
    unit_name: str = ""
    unit_level: str = ""
    parent: str = ""
    kind: str = ""


@dataclass
class OutletMap:
    """Outlet names/aliases/domains -> canonical outlet and administrative unit.

    Config (TOML)::

        [units.tinh-an-phu]
        name = "Tỉnh An Phú"
        level = "province"
        [units.xa-binh-son]
        name = "Xã Bình Sơn"
        level = "commune"
        parent = "tinh-an-phu"

        [[outlets]]
        name = "Báo An Phú"
        aliases = ["baoanphu.example", "An Phú Online"]
        unit = "tinh-an-phu"

    Names without an entry are kept as given (trimmed); missing names become ``(unknown)``.
    """

    outlets: dict[str, OutletInfo] = field(default_factory=dict)
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def load(cls, path: str | Path | None) -> "OutletMap":
        """Load a mapping file (None -> an empty map)."""
        if path is None:
            return cls()
        data = read_toml(path, ValueError, "outlet mapping file")
        units: dict[str, dict[str, str]] = {}
        for uid, tab in (data.get("units") or {}).items():
            if not isinstance(tab, dict):
                raise ValueError(f"{path} [units.{uid}]: must be a table")
            units[str(uid)] = {k: str(v) for k, v in tab.items()}
        for uid, u in units.items():
            if u.get("parent") and u["parent"] not in units:
                raise ValueError(f"{path} [units.{uid}]: unknown parent {u['parent']!r}")
        omap = cls(units=units, source=str(path))
        for i, tab in enumerate(data.get("outlets") or [], 1):
            name = tab.get("name") if isinstance(tab, dict) else None
            if not isinstance(name, str) or not name.strip():
                raise ValueError(f"{path} [[outlets]] #{i}: 'name' is required")
            unit = str(tab.get("unit", ""))
            if unit and unit not in units:
                raise ValueError(f"{path} [[outlets]] #{i} ({name}): unknown unit {unit!r}")
            u = units.get(unit, {})
            info = OutletInfo(name.strip(), unit, u.get("name", unit), u.get("level", ""), u.get("parent", ""),
                              str(tab.get("type", "")))
            for alias in [name, *tab.get("aliases", []), *tab.get("domains", [])]:
                omap.outlets[_key(str(alias))] = info
        return omap

    def resolve(self, raw: Any, url: Any = None) -> OutletInfo:
        """The canonical outlet for a raw name (or, failing that, the URL's host)."""
        name = "" if raw is None or (isinstance(raw, float) and raw != raw) else str(raw).strip()
        if name:
            hit = self.outlets.get(_key(name)) or self.outlets.get(_key(host_of(name)) if "." in name else "")
            return hit or OutletInfo(unicodedata.normalize("NFC", name))
        if isinstance(url, str) and url.strip():
            hit = self.outlets.get(_key(host_of(url.strip())))
            if hit:
                return hit
        return OutletInfo(UNKNOWN_OUTLET)

    def unit_chain(self, unit: str) -> list[str]:
        """Names of ``unit`` and its parents, innermost first."""
        out, seen = [], set()
        while unit and unit in self.units and unit not in seen:
            seen.add(unit)
            out.append(self.units[unit].get("name", unit))
            unit = self.units[unit].get("parent", "")
        return out


# ----------------------------------------------------------------------------- readers


def parse_field_map(pairs: Iterable[str] | None) -> dict[str, str]:
    """``["outlet=source", "text=body"]`` -> ``{"outlet": "source", "text": "body"}``."""
    out: dict[str, str] = {}
    for p in pairs or ():
        if "=" not in p:
            raise ValueError(f"--field {p!r}: expected CANONICAL=COLUMN, e.g. outlet=source")
        k, v = (x.strip() for x in p.split("=", 1))
        if k not in FIELDS:
            raise ValueError(f"--field {p!r}: {k!r} is not one of {', '.join(FIELDS)}")
        if not v:
            raise ValueError(f"--field {p!r}: empty column name")
        out[k] = v
    return out


def apply_field_map(rec: dict[str, Any], field_map: dict[str, str]) -> dict[str, Any]:
    """A copy of ``rec`` whose canonical fields are read from the mapped columns."""
    if not field_map:
        return rec
    out = dict(rec)
    for canon, col in field_map.items():
        out[canon] = rec.get(col)
    return out


def _clean(v: Any) -> Any:
    if isinstance(v, float) and v != v:
        return None
    return v


def read_csv(path: Path) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """CSV/TSV rows as records; ``where`` is the line where the row starts."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delim)
        try:
            reader.fieldnames  # reads the header line
        except (csv.Error, UnicodeDecodeError) as exc:
            yield f"{path}:1", RecordError(f"{path}:1", f"bad CSV header ({exc})")
            return
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                yield f"{path}:{start}", RecordError(f"{path}:{start}", f"bad CSV row ({exc})")
                start = reader.line_num + 1
                continue
            where = f"{path}:{start}"
            start = reader.line_num + 1
            if None in row:
                yield where, RecordError(where, "more cells than header columns")
                continue
            yield where, {k: (v if v != "" else None) for k, v in row.items()}


def read_parquet(path: Path) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """Parquet rows as records (read in batches); ``where`` is "file:row N" (1-based)."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # a broken file is one bad "record"
        yield str(path), RecordError(str(path), f"cannot read Parquet ({exc})")
        return
    row = 0
    for batch in pf.iter_batches(batch_size=1000):
        for rec in batch.to_pylist():
            row += 1
            yield f"{path}:row {row}", {k: _clean(v) for k, v in rec.items()}


_FRONT_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` fences at the top of a .txt/.md file."""
    m = _FRONT_RE.match(text)
    if not m:
        return {}, text
    meta = {}
    for line in m[1].splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip().lower()] = v.strip().strip('"')
    return meta, text[m.end():]


def extract_html(html: str) -> dict[str, Any]:
    """Article text and metadata (title, date, url, outlet) of an HTML page, through
    trafilatura's boilerplate remover; a plain stdlib extractor when trafilatura cannot be
    imported (it needs the ``lxml_html_clean`` package with lxml >= 5.2)."""
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
        if doc is None:
            raise ValueError("no article text found in the HTML")
        get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        return {"text": get("text") or "", "title": get("title"), "date": get("date"), "url": get("url"),
                "outlet": get("sitename")}
    from .htmltext import simple_extract

    out = simple_extract(html)
    if not out.get("text"):
        raise ValueError("no article text found in the HTML")
    return out


def read_document(path: Path, root: Path | None = None) -> dict[str, Any]:
    """One .txt/.md/.html/.docx file as a record (raises ValueError when unreadable)."""
    suffix = path.suffix.lower()
    rel = path.relative_to(root) if root else Path(path.name)
    rec: dict[str, Any] = {"id": rel.with_suffix("").as_posix()}
    if suffix in (".txt", ".md"):
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
        meta, body = _front_matter(raw)
        rec.update({k: v for k, v in meta.items() if k in FIELDS})
        if suffix == ".md" and not rec.get("title"):
            m = re.match(r"\s*#\s+(.+)\n", body)
            if m:
                rec["title"], body = m[1].strip(), body[m.end():]
        rec["text"] = body.strip()
    elif suffix in (".html", ".htm"):
        rec.update(extract_html(path.read_bytes().decode("utf-8", errors="replace")))
    elif suffix == ".docx":
        import docx

        try:
            d = docx.Document(str(path))
        except Exception as exc:
            raise ValueError(f"cannot read .docx ({exc})") from None
        rec["text"] = "\n\n".join(p.text for p in d.paragraphs if p.text.strip())
        cp = d.core_properties
        if cp.title:
            rec["title"] = cp.title
        if cp.created:
            rec["date"] = cp.created.date().isoformat()
    else:
        raise ValueError(f"unsupported file type {suffix}")
    return {k: v for k, v in rec.items() if v is not None}


def read_folder(path: Path) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """Every .txt/.md/.html/.docx file under ``path`` (sorted), one record each.

    A folder's own tables (.jsonl/.csv/.parquet) are read too."""
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        suf = f.suffix.lower()
        if suf in TABLE_SUFFIXES:
            yield from read_corpus_file(f)
        elif suf in DOC_SUFFIXES:
            try:
                yield str(f), read_document(f, path)
            except Exception as exc:
                yield str(f), RecordError(str(f), str(exc))


def read_corpus_file(path: Path) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    suf = path.suffix.lower()
    if suf in (".jsonl", ".ndjson", ".json"):
        yield from read_jsonl(path)
    elif suf in (".csv", ".tsv"):
        yield from read_csv(path)
    elif suf in (".parquet", ".pq"):
        yield from read_parquet(path)
    elif suf in DOC_SUFFIXES:
        try:
            yield str(path), read_document(path)
        except Exception as exc:
            yield str(path), RecordError(str(path), str(exc))
    else:
        yield str(path), RecordError(str(path), f"unsupported input type {suf or '(none)'}")


def read_corpus(
    paths: Iterable[str | Path], field_map: dict[str, str] | None = None
) -> Iterator[tuple[str, dict[str, Any] | RecordError]]:
    """Records from files and folders, with ``field_map`` applied; bad ones as RecordError."""
    for p in paths:
        path = Path(p)
        if str(p) == "-":
            src = read_jsonl("-")
        elif path.is_dir():
            src = read_folder(path)
        elif path.is_file():
            src = read_corpus_file(path)
        else:
            yield str(p), RecordError(str(p), "no such file or folder")
            continue
        for where, rec in src:
            yield where, (apply_field_map(rec, field_map or {}) if isinstance(rec, dict) else rec)
