"""Lexicon files: loading, validation and pattern expansion.

A lexicon is a folder of YAML files (``lexicons/<lang>/*.yaml``). Files whose name starts
with ``_`` hold shared word lists (``lists:``) and protected phrases (``safe:``); every other
file holds ``entries:``. The format is documented in ``lexicons/README.md``.

Every problem found while loading raises :class:`LexiconError` naming the file and entry.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text.normalize import fold, match_key, normalize_text
from ..types import CATEGORIES, SEVERITY_RANK

SEVERITIES = tuple(SEVERITY_RANK)
ENTRY_KEYS = {"id", "category", "patterns", "severity", "message", "suggestions", "note", "source", "context", "language"}
FILE_KEYS = {"language", "category", "severity", "source", "entries", "lists", "safe", "name_prefixes", "description"}
CONTEXT_KEYS = {
    "unless_preceded_by", "unless_followed_by", "not_in_names", "only_outside_quotes",
    "requires_nearby", "unless_nearby", "sex_relevant_context", "max_gap", "requires_any", "unless_topic",
    "require_lowercase",
}
ANY_KEYS = {"preceded_by", "followed_by", "followed_by_name", "sentence_start"}
TOPIC_KEYS = {"words", "lists", "min"}
NEARBY_KEYS = {"words", "lists", "window"}
MAX_EXPANSIONS = 20000
GAP = " ... "
_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
_LIST_REF = re.compile(r"\{([a-z0-9_]+)\}")


class LexiconError(ValueError):
    """A malformed lexicon file or entry; the message names the file and the entry id."""

    def __init__(self, path: str | Path, message: str, entry: str | None = None):
        where = f"{path}" + (f": entry {entry!r}" if entry else "")
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.entry = entry


@dataclass(slots=True)
class Nearby:
    """Words (already normalised and folded) looked for within ``window`` tokens."""

    words: tuple[str, ...]
    window: int = 20


@dataclass(slots=True)
class AnyOf:
    """Fire only when at least one cue holds (used to single out an individual person:
    "một nữ kỹ sư", "nữ kỹ sư Nguyễn Thị A", "Nữ chuyên gia cho biết")."""

    preceded_by: tuple[str, ...] = ()
    followed_by: Nearby | None = None
    followed_by_name: bool = False
    sentence_start: bool = False


@dataclass(slots=True)
class Topic:
    """A document-level topic: at least ``min`` occurrences of the words in the whole text."""

    words: tuple[str, ...]
    min: int = 3


@dataclass(slots=True)
class Context:
    """Context conditions of an entry (see lexicons/README.md)."""

    unless_preceded_by: tuple[str, ...] = ()
    unless_followed_by: tuple[str, ...] = ()
    not_in_names: bool = False
    only_outside_quotes: bool = False
    requires_nearby: Nearby | None = None
    unless_nearby: tuple[Nearby, ...] = ()
    max_gap: int = 8
    requires_any: "AnyOf | None" = None
    unless_topic: "Topic | None" = None
    require_lowercase: tuple[str, ...] = ()

    @property
    def trivial(self) -> bool:
        return not (
            self.unless_preceded_by or self.unless_followed_by or self.not_in_names
            or self.only_outside_quotes or self.requires_nearby or self.unless_nearby
            or self.requires_any or self.unless_topic or self.require_lowercase
        )


@dataclass(slots=True)
class Entry:
    """One lexicon rule."""

    id: str
    language: str
    category: str
    severity: str
    message: str
    patterns: tuple[str, ...]
    suggestions: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
    context: Context = field(default_factory=Context)
    file: str = ""
    #: expanded match keys; a key with several parts is a gap pattern ("a ... b")
    keys: tuple[tuple[str, ...], ...] = ()


@dataclass(slots=True)
class Lexicon:
    """All entries of one language plus its shared lists, safe phrases and name prefixes."""

    language: str
    entries: list[Entry] = field(default_factory=list)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    safe: tuple[str, ...] = ()
    name_prefixes: tuple[str, ...] = ()
    files: tuple[str, ...] = ()

    def by_id(self, rule_id: str) -> Entry | None:
        for e in self.entries:
            if e.id == rule_id:
                return e
        return None


# ---------------------------------------------------------------- pattern expansion

def _split_top(s: str, sep: str) -> list[str]:
    out, depth, cur = [], 0, []
    for c in s:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        if c == sep and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out


def _expand_alt(s: str) -> list[str]:
    """Expand ``(a|b)`` groups; ``(a|b|)`` or ``(a|b)?`` make the group optional."""
    i = s.find("(")
    if i < 0:
        if ")" in s or "|" in s:
            raise ValueError(f"unbalanced '|' or ')' in pattern {s!r}")
        return [s]
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "(":
            depth += 1
        elif s[j] == ")":
            depth -= 1
            if depth == 0:
                break
    else:
        raise ValueError(f"unclosed '(' in pattern {s!r}")
    inner = s[i + 1 : j]
    alts: list[str] = []
    for alt in _split_top(inner, "|"):
        alts.extend(_expand_alt(alt))
    tail = s[j + 1 :]
    if tail.startswith("?"):
        alts.append("")
        tail = tail[1:]
    rest = _expand_alt(tail)
    out = [s[:i] + a + r for a in alts for r in rest]
    if len(out) > MAX_EXPANSIONS:
        raise ValueError(f"pattern {s!r} expands to more than {MAX_EXPANSIONS} forms")
    return out


def _norm(s: str) -> str:
    """Normalise a pattern template like the text (NFC, tone placement, lower case); the
    syntax characters ( | ) ? { } are not letters, so they do not disturb tone placement."""
    return fold(normalize_text(s))


def expand_pattern(pattern: str, lists: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """All match keys of ``pattern``: ``(a|b)`` alternation, ``(a)?`` optional, ``{list}``
    for a shared word list, ``" ... "`` for a gap of a few words. Keys are normalised,
    lower-cased and space-collapsed like the text they are matched against."""
    parts = pattern.split(GAP)
    expanded_parts: list[list[str]] = []
    for part in parts:
        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in lists:
                raise ValueError(f"unknown list {{{name}}} in pattern {pattern!r}")
            return "(" + "|".join(lists[name]) + ")"

        forms = _expand_alt(_norm(_LIST_REF.sub(sub, part)))
        keys = sorted({k for k in (" ".join(f.split()) for f in forms) if k})
        if not keys:
            raise ValueError(f"pattern {pattern!r} has an empty part")
        expanded_parts.append(keys)
    total = 1
    for p in expanded_parts:
        total *= len(p)
    if total > MAX_EXPANSIONS:
        raise ValueError(f"pattern {pattern!r} expands to more than {MAX_EXPANSIONS} forms")
    return [tuple(c) for c in itertools.product(*expanded_parts)]


# ---------------------------------------------------------------- validation

def _str_list(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{what} must be a list of non-empty strings")
    return tuple(value)


def _phrases(value: Any, what: str, lists: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Phrases of a context condition; ``{list}`` items pull in a shared list."""
    out: list[str] = []
    for v in _str_list(value, what):
        m = _LIST_REF.fullmatch(v.strip())
        if m:
            if m.group(1) not in lists:
                raise ValueError(f"{what}: unknown list {v!r}")
            out.extend(match_key(x) for x in lists[m.group(1)])
        elif v.strip() == "<NUM>":
            out.append("<NUM>")
        else:
            out.extend(match_key(x) for x in _expand_alt(v))
    return tuple(sorted(set(x for x in out if x), key=len, reverse=True))


def _nearby(value: Any, what: str, lists: dict[str, tuple[str, ...]]) -> Nearby:
    if isinstance(value, list):
        value = {"words": value}
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a mapping with words/lists/window")
    unknown = set(value) - NEARBY_KEYS
    if unknown:
        raise ValueError(f"{what}: unknown key(s) {sorted(unknown)}")
    words: list[str] = list(_phrases(value.get("words", []) or [], f"{what}.words", lists)) if value.get("words") else []
    for name in _str_list(value.get("lists", []) or [], f"{what}.lists") if value.get("lists") else ():
        if name not in lists:
            raise ValueError(f"{what}: unknown list {name!r}")
        words.extend(match_key(x) for x in lists[name])
    if not words:
        raise ValueError(f"{what} needs at least one word or list")
    window = value.get("window", 20)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 200:
        raise ValueError(f"{what}.window must be an integer between 1 and 200")
    return Nearby(tuple(sorted(set(words), key=len, reverse=True)), window)


def _context(raw: Any, lists: dict[str, tuple[str, ...]]) -> Context:
    if raw is None:
        return Context()
    if not isinstance(raw, dict):
        raise ValueError("context must be a mapping")
    unknown = set(raw) - CONTEXT_KEYS
    if unknown:
        raise ValueError(f"unknown context condition(s) {sorted(unknown)}; known: {sorted(CONTEXT_KEYS)}")
    ctx = Context()
    if "unless_preceded_by" in raw:
        ctx.unless_preceded_by = _phrases(raw["unless_preceded_by"], "unless_preceded_by", lists)
    if "unless_followed_by" in raw:
        ctx.unless_followed_by = _phrases(raw["unless_followed_by"], "unless_followed_by", lists)
    for key in ("not_in_names", "only_outside_quotes"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise ValueError(f"{key} must be true or false")
            setattr(ctx, key, raw[key])
    if "requires_nearby" in raw:
        ctx.requires_nearby = _nearby(raw["requires_nearby"], "requires_nearby", lists)
    un = []
    for key in ("unless_nearby", "sex_relevant_context"):
        if key in raw:
            un.append(_nearby(raw[key], key, lists))
    ctx.unless_nearby = tuple(un)
    if "requires_any" in raw:
        ra = raw["requires_any"]
        if not isinstance(ra, dict) or not ra or set(ra) - ANY_KEYS:
            raise ValueError(f"requires_any must be a mapping with some of {sorted(ANY_KEYS)}")
        any_ = AnyOf()
        if ra.get("preceded_by"):
            any_.preceded_by = _phrases(ra["preceded_by"], "requires_any.preceded_by", lists)
        if ra.get("followed_by"):
            any_.followed_by = _nearby(ra["followed_by"], "requires_any.followed_by", lists)
        for key in ("followed_by_name", "sentence_start"):
            if key in ra:
                if not isinstance(ra[key], bool):
                    raise ValueError(f"requires_any.{key} must be true or false")
                setattr(any_, key, ra[key])
        ctx.requires_any = any_
    if "unless_topic" in raw:
        t = raw["unless_topic"]
        if not isinstance(t, dict) or set(t) - TOPIC_KEYS:
            raise ValueError(f"unless_topic must be a mapping with some of {sorted(TOPIC_KEYS)}")
        nb = _nearby({k: v for k, v in t.items() if k != "min"}, "unless_topic", lists)
        m = t.get("min", 3)
        if not isinstance(m, int) or isinstance(m, bool) or m < 1:
            raise ValueError("unless_topic.min must be a positive integer")
        ctx.unless_topic = Topic(nb.words, m)
    if "require_lowercase" in raw:
        ctx.require_lowercase = tuple(match_key(w) for w in _str_list(raw["require_lowercase"], "require_lowercase"))
    if "max_gap" in raw:
        g = raw["max_gap"]
        if not isinstance(g, int) or isinstance(g, bool) or not 0 <= g <= 30:
            raise ValueError("max_gap must be an integer between 0 and 30")
        ctx.max_gap = g
    return ctx


def _entry(raw: Any, path: Path, defaults: dict[str, Any], lists: dict[str, tuple[str, ...]], index: int) -> Entry:
    label = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"#{index + 1}"
    try:
        if not isinstance(raw, dict):
            raise ValueError("entry must be a mapping")
        unknown = set(raw) - ENTRY_KEYS
        if unknown:
            raise ValueError(f"unknown key(s) {sorted(unknown)}")
        rid = raw.get("id")
        if not isinstance(rid, str) or not _ID_RE.match(rid):
            raise ValueError("missing or invalid 'id' (letters, digits, '.', '-', '_')")
        category = raw.get("category", defaults.get("category"))
        if category not in CATEGORIES:
            raise ValueError(f"category {category!r} is not one of {', '.join(CATEGORIES)}")
        severity = raw.get("severity", defaults.get("severity"))
        if severity not in SEVERITIES:
            raise ValueError(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}")
        message = raw.get("message")
        if not isinstance(message, str) or not message.strip():
            raise ValueError("missing 'message'")
        patterns = _str_list(raw.get("patterns"), "patterns") if raw.get("patterns") else ()
        if not patterns:
            raise ValueError("missing 'patterns' (a non-empty list)")
        suggestions = _str_list(raw["suggestions"], "suggestions") if raw.get("suggestions") else ()
        source = raw.get("source", defaults.get("source", ""))
        if not isinstance(source, str) or not source.strip():
            raise ValueError("missing 'source' (the reference or rationale)")
        note = raw.get("note", "") or ""
        if not isinstance(note, str):
            raise ValueError("'note' must be a string")
        language = raw.get("language", defaults.get("language", ""))
        ctx = _context(raw.get("context"), lists)
        keys: list[tuple[str, ...]] = []
        for p in patterns:
            keys.extend(expand_pattern(p, lists))
        return Entry(
            id=rid, language=language, category=category, severity=severity, message=message.strip(),
            patterns=patterns, suggestions=suggestions, note=note.strip(), source=source.strip(),
            context=ctx, file=str(path), keys=tuple(dict.fromkeys(keys)),
        )
    except ValueError as exc:
        raise LexiconError(path, str(exc), label) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=loader)
    except OSError as exc:
        raise LexiconError(path, f"cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise LexiconError(path, "not UTF-8") from None
    except yaml.YAMLError as exc:
        raise LexiconError(path, f"invalid YAML ({str(exc).splitlines()[0]})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(path, "top level must be a mapping with 'entries' (or 'lists'/'safe')")
    unknown = set(data) - FILE_KEYS
    if unknown:
        raise LexiconError(path, f"unknown top-level key(s) {sorted(unknown)}")
    return data


def _yaml_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml"))))
        elif p.is_file():
            out.append(p)
        else:
            raise LexiconError(p, "no such lexicon file or folder")
    return out


def load_lexicon(language: str, paths: list[str | Path] | tuple[str | Path, ...]) -> Lexicon:
    """Load and validate the YAML files/folders in ``paths`` for ``language``.

    Files that declare another ``language:`` are skipped (so a user file may hold entries
    for one language only). Raises :class:`LexiconError` on the first problem.
    """
    files = _yaml_files([Path(p) for p in paths])
    docs = [(f, _read_yaml(f)) for f in files]
    docs = [(f, d) for f, d in docs if d.get("language", language) == language]
    lex = Lexicon(language=language, files=tuple(str(f) for f, _ in docs))
    # pass 1: shared lists, safe phrases, name prefixes
    safe: list[str] = []
    prefixes: list[str] = []
    for f, d in docs:
        lists = d.get("lists") or {}
        if not isinstance(lists, dict):
            raise LexiconError(f, "'lists' must map list names to lists of phrases")
        for name, items in lists.items():
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
                raise LexiconError(f, f"invalid list name {name!r} (use a-z, 0-9, _)")
            if name in lex.lists:
                raise LexiconError(f, f"list {name!r} is defined twice")
            try:
                lex.lists[name] = _str_list(items, f"list {name!r}")
            except ValueError as exc:
                raise LexiconError(f, str(exc)) from None
        for key, acc in (("safe", safe), ("name_prefixes", prefixes)):
            if d.get(key):
                try:
                    acc.extend(match_key(x) for x in _str_list(d[key], key))
                except ValueError as exc:
                    raise LexiconError(f, str(exc)) from None
    lex.safe = tuple(dict.fromkeys(safe))
    lex.name_prefixes = tuple(sorted(set(prefixes), key=len, reverse=True))
    # pass 2: entries
    seen: dict[str, str] = {}
    for f, d in docs:
        entries = d.get("entries")
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise LexiconError(f, "'entries' must be a list")
        defaults = {k: d[k] for k in ("category", "severity", "source") if k in d}
        defaults["language"] = language
        for i, raw in enumerate(entries):
            entry = _entry(raw, f, defaults, lex.lists, i)
            if entry.id in seen:
                raise LexiconError(f, f"duplicate id (first defined in {seen[entry.id]})", entry.id)
            seen[entry.id] = str(f)
            lex.entries.append(entry)
    return lex


@lru_cache(maxsize=16)
def _cached(language: str, paths: tuple[str, ...], stamps: tuple[float, ...]) -> Lexicon:
    return load_lexicon(language, list(paths))


def builtin_paths(language: str) -> list[Path]:
    """The shipped lexicon folder of ``language``."""
    from ..resources import lexicon_dir

    d = lexicon_dir() / language
    return [d] if d.is_dir() else []


def get_lexicon(language: str, extra: tuple[str, ...] = (), builtin: bool = True) -> Lexicon:
    """Shipped lexicon of ``language`` plus ``extra`` files/folders, loaded once and cached
    (user files are reloaded when their modification time changes)."""
    paths = [str(p) for p in _builtin_paths_cached(language)] if builtin else []
    extra_paths = [str(Path(p).resolve()) for p in extra]
    stamps = []
    for p in extra_paths:
        try:
            q = Path(p)
            stamps.append(max([q.stat().st_mtime] + [f.stat().st_mtime for f in q.glob("*.y*ml")] if q.is_dir() else [q.stat().st_mtime]))
        except OSError:
            stamps.append(-1.0)
    return _cached(language, tuple(paths + extra_paths), tuple(stamps))


@lru_cache(maxsize=8)
def _builtin_paths_cached(language: str) -> tuple[Path, ...]:
    return tuple(builtin_paths(language))
