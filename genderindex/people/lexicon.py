"""Loading of the people lexicons (lexicons/people/) and name tables (lexicons/names/).

Everything is read once per process (``functools.lru_cache``) and turned into sets,
dicts and precompiled regular expressions.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import lexicon_dir
from ..text.normalize import fold, normalize_text


def _people_dir() -> Path:
    return lexicon_dir() / "people"


def _lines(name: str) -> list[str]:
    out = []
    for line in (_people_dir() / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(normalize_text(line))
    return out


def _yaml(name: str) -> dict:
    import yaml  # PyYAML is a dependency; imported lazily

    return yaml.safe_load((_people_dir() / name).read_text(encoding="utf-8")) or {}


def _alternation(phrases) -> str:
    """Regex alternation of ``phrases`` (longest first), spaces matching any whitespace."""
    items = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)


_GENDER = {"female": "female", "male": "male"}


@dataclass(frozen=True)
class PeopleLexicon:
    honorifics: dict  # lower word(s) -> {"gender": ..., "pronoun": bool}
    vi_pronouns: dict  # lower phrase -> gender
    not_pronoun_next: frozenset
    vi_titles: frozenset
    gendered_prefix: dict  # lower phrase -> gender (explicit cue before a name/title)
    relational: dict  # kin nouns -> gender ("vợ", "con trai"), for appositives after a name
    family_names: frozenset  # lower
    places: frozenset  # lower, space-joined
    place_tuples: dict  # first lower token -> list of token tuples (longest first)
    organisations: frozenset  # lower
    not_people: frozenset  # lower: deities and groups even with an honorific ("ông Táo")
    vi_function: frozenset
    vi_org_heads: frozenset
    vi_context: frozenset  # lower phrases (1-3 words)
    en_honorifics: dict  # lower -> gender | None
    en_titles: frozenset
    en_non_names: frozenset
    en_org_words: frozenset
    en_street_surnames: frozenset  # "lane", "close": a place after a non-first-name word
    known: dict  # lower full name -> gender
    known_single: dict  # lower single token -> gender
    known_first: dict  # lower first name -> gender
    world_first: dict  # lower first name -> gender (non-US naming traditions)
    vi_title_re: re.Pattern
    en_title_re: re.Pattern
    vi_title_phrases: frozenset  # lower title phrases (Aho-Corasick keys)
    en_title_phrases: frozenset
    vi_modifiers: frozenset
    en_modifiers: frozenset
    cap_nouns: frozenset  # lower two/three-word nouns written with a capital ("chính phủ")
    stems: frozenset
    branches: frozenset


@lru_cache(maxsize=1)
def people_lexicon() -> PeopleLexicon:
    """The people lexicons, loaded once."""
    h = _yaml("vi_honorifics.yaml")
    honor = {fold(normalize_text(k)): v for k, v in (h.get("honorifics") or {}).items()}
    vi_pron = {fold(normalize_text(k)): v for k, v in (h.get("pronouns") or {}).items()}
    notnext = frozenset(fold(normalize_text(w)) for w in h.get("not_pronoun_next") or [])
    gwall = _yaml("vi_gendered_words.yaml")
    gw = gwall.get("title_prefix") or {}
    gendered = {fold(normalize_text(k)): v for k, v in gw.items() if v in _GENDER}
    vi_titles = frozenset(fold(t) for t in _lines("vi_titles.txt"))
    places = [fold(p) for p in _lines("places.txt")]
    tuples: dict[str, list[tuple[str, ...]]] = {}
    for p in places:
        toks = tuple(p.replace(" - ", " ").split())
        tuples.setdefault(toks[0], []).append(toks)
    for v in tuples.values():
        v.sort(key=len, reverse=True)
    en = _yaml("en_titles.yaml")
    en_hon = {fold(k): v for k, v in (en.get("honorifics") or {}).items()}
    en_titles = frozenset(fold(t) for t in en.get("titles") or [])
    kn = _yaml("known_people.yaml")
    cal = _yaml("vi_calendar.yaml")
    known, single, first = {}, {}, {}
    for g in ("female", "male"):
        for n in kn.get(g) or []:
            known[fold(normalize_text(n))] = g
        for n in kn.get(g + "_single") or []:
            single[fold(normalize_text(n))] = g
        for n in kn.get(g + "_first") or []:
            first[fold(normalize_text(n))] = g
    mod = r"(?:(?:cựu|nguyên|phó|tân|quyền|đương\s+kim|cố|thứ|phó\s+chủ|tổng|đồng)\s+)*"
    vi_title_re = re.compile(
        rf"(?<![^\W\d_])({mod}(?:{_alternation(vi_titles | (set(gendered) - {'nữ', 'nam'}))}))(?![^\W\d_])"
    )
    en_title_re = re.compile(
        rf"(?<![^\W\d_])((?:(?:former|then|acting|deputy|vice|ex-|assistant|senior|chief|top)\s+)*"
        rf"(?:{_alternation(en_titles | set(en_hon))}))(?![^\W\d_])"
    )
    return PeopleLexicon(
        honorifics=honor,
        vi_pronouns=vi_pron,
        not_pronoun_next=notnext,
        vi_titles=vi_titles,
        gendered_prefix=gendered,
        relational={fold(normalize_text(k)): v for k, v in (gwall.get("relational") or {}).items() if v in _GENDER},
        family_names=frozenset(fold(f) for f in _lines("vi_family_names.txt")),
        places=frozenset(places),
        place_tuples=tuples,
        organisations=frozenset(fold(o) for o in _lines("organisations.txt")),
        not_people=frozenset(fold(o) for o in _lines("vi_not_people.txt")),
        vi_function=frozenset(fold(w) for w in _lines("vi_function_words.txt")),
        vi_org_heads=frozenset(fold(w) for w in _lines("vi_org_heads.txt")),
        vi_context=frozenset(fold(w) for w in _lines("vi_context_nonperson.txt")),
        en_honorifics=en_hon,
        en_titles=en_titles,
        en_non_names=frozenset(fold(w) for w in _lines("en_non_names.txt")),
        en_org_words=frozenset(fold(w) for w in _lines("en_org_words.txt")),
        en_street_surnames=frozenset(fold(w) for w in _lines("en_street_surnames.txt")),
        known=known,
        known_single=single,
        known_first=first,
        world_first={
            w.lower(): g for g in ("female", "male") for w in (_yaml("world_first_names.yaml").get(g) or [])
        },
        vi_title_re=vi_title_re,
        en_title_re=en_title_re,
        vi_title_phrases=frozenset(vi_titles | (set(gendered) - {"nữ", "nam"})),
        en_title_phrases=frozenset(en_titles | set(en_hon)),
        vi_modifiers=frozenset("cựu nguyên phó tân quyền kim cố thứ đương".split()),
        en_modifiers=frozenset("former then acting deputy vice ex- assistant senior chief top late".split()),
        cap_nouns=frozenset(fold(w) for w in _lines("vi_capitalised_nouns.txt")),
        stems=frozenset(cal.get("stems") or []),
        branches=frozenset(cal.get("branches") or []),
    )


def _read_table(name: str, min_total: int = 1) -> dict[str, tuple[float, int]]:
    out: dict[str, tuple[float, int]] = {}
    path = lexicon_dir() / "names" / name
    with path.open(encoding="utf-8") as fh:
        rd = csv.reader(fh)
        next(rd, None)
        for row in rd:
            f, m = int(row[1]), int(row[2])
            if f + m >= min_total:
                out[row[0]] = (f / (f + m), f + m)
    return out


@lru_cache(maxsize=1)
def name_tables() -> dict[str, dict[str, tuple[float, int]]]:
    """Derived name-gender tables: key -> (p_female, count)."""
    return {
        "vi_given": _read_table("vi_given.csv"),
        "vi_pair": _read_table("vi_pair.csv"),
        "vi_middle": _read_table("vi_middle.csv"),
        "en_first": _read_table("en_first.csv"),
    }


@lru_cache(maxsize=1)
def name_syllables() -> frozenset:
    """Lower-case syllables seen in Vietnamese names (family, middle or given)."""
    t = name_tables()
    lex = people_lexicon()
    return frozenset(set(t["vi_given"]) | set(t["vi_middle"]) | set(lex.family_names))


@dataclass(frozen=True)
class WordIndex:
    """Sets derived from the people lexicon for quick rejection before phrase lookups."""

    single_orgs: frozenset  # one-word organisations
    cap_noun_first: frozenset  # first words of ``cap_nouns``
    vi_context_last: frozenset  # last words of ``vi_context``


@lru_cache(maxsize=1)
def word_index() -> WordIndex:
    """The :class:`WordIndex` of :func:`people_lexicon` (built once)."""
    lex = people_lexicon()
    return WordIndex(
        single_orgs=frozenset(o for o in lex.organisations if " " not in o),
        cap_noun_first=frozenset(p.split(" ")[0] for p in lex.cap_nouns),
        vi_context_last=frozenset(p.split(" ")[-1] for p in lex.vi_context),
    )
