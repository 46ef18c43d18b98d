"""Score analysis output against gold annotations (the format of ANNOTATION.md).

:func:`evaluate_outputs` compares, article by article, gold records with system records
(the ``analyze`` output) and returns one JSON-ready dict: precision/recall/F1 for people
and sources (overall and per gender), gender accuracy on matched people, women's share
of people and sources (gold vs system), function accuracy, findings, topic flags, counts
and per-article error lists. The matching rules are documented in ``docs/accuracy.md``
and in the docstrings below.

Pure Python (no pandas), so it runs anywhere the package does.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .text.normalize import fold, match_key, normalize

SCHEMA = "genderindex.evaluation/1"
GENDERS = ("female", "male")
ALL_GENDERS = ("female", "male", "unknown")

# --------------------------------------------------------------------------------------
# name keys
# --------------------------------------------------------------------------------------

#: honorifics, kin terms and courtesy titles removed from the front of a name (lower case)
HONORIFICS = frozenset(
    """
    ông bà anh chị em cô chú bác cháu bé thằng con cụ cậu dì mợ thím o nàng chàng lão gã ả
    thầy ngài đồng_chí nữ nam
    mr mrs ms miss mx dr prof sir dame lady lord madam mme mlle m herr frau
    """.replace("_", " ").split()
) | {"đồng chí"}

#: role / job titles that may stand before a name in a mention (lower case, may be multi-word)
TITLES = tuple(
    sorted(
        {
            # Vietnamese
            "tổng thống", "phó tổng thống", "thủ tướng", "phó thủ tướng", "chủ tịch", "phó chủ tịch",
            "bộ trưởng", "thứ trưởng", "ngoại trưởng", "tổng bí thư", "bí thư", "phó bí thư",
            "giám đốc", "phó giám đốc", "tổng giám đốc", "trưởng phòng", "phó trưởng phòng",
            "trưởng ban", "phó trưởng ban", "trưởng công an", "trưởng", "phó", "viện trưởng",
            "hiệu trưởng", "hiệu phó", "chánh án", "thẩm phán", "kiểm sát viên", "điều tra viên",
            "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "tướng", "đại tá",
            "thượng tá", "trung tá", "thiếu tá", "đại úy", "thượng úy", "trung úy", "thiếu úy",
            "tiến sĩ", "thạc sĩ", "bác sĩ", "dược sĩ", "kỹ sư", "luật sư", "nhà báo", "nhà văn",
            "nhà thơ", "ca sĩ", "nhạc sĩ", "diễn viên", "nghệ sĩ", "người mẫu", "hoa hậu", "á hậu",
            "cầu thủ", "danh thủ", "tiền đạo", "thủ môn", "hlv", "huấn luyện viên", "vận động viên",
            "vđv", "nghị sĩ", "thượng nghị sĩ", "hạ nghị sĩ", "đại sứ", "thống đốc", "thị trưởng",
            "người phát ngôn", "phát ngôn viên", "đại biểu", "đại biểu quốc hội", "chuyên gia",
            "giáo sư", "phó giáo sư", "giảng viên", "cô giáo", "thầy giáo", "giáo viên", "sinh viên",
            "học sinh", "bị cáo", "bị can", "nghi phạm", "đối tượng", "nạn nhân", "nữ sinh",
            "nam sinh", "ông bà", "vợ", "chồng", "mẹ", "bố", "cha", "con gái", "con trai",
            "pgs", "gs", "ts", "ths", "bs", "ls", "ks", "nsnd", "nsưt", "pgs.ts", "gs.ts", "ths.bs",
            "bs.ckii", "bs.cki", "tt", "tt.", "nxb",
            # English
            "president", "vice president", "senator", "sen.", "sen", "rep.", "rep", "gov.", "gov",
            "governor", "secretary", "secretary of state", "gen.", "gen", "general", "col.", "col",
            "capt.", "capt", "lt.", "lt", "sgt.", "sgt", "judge", "justice", "rev.", "rev", "father",
            "pope", "king", "queen", "prince", "princess", "mayor", "former", "candidate",
            "chairman", "chairwoman", "chair", "ceo", "speaker", "attorney general", "minister",
            "prime minister", "chancellor", "ambassador", "professor", "coach", "nominee",
            "democratic", "republican", "gop", "presidential", "rival", "mr.", "mrs.", "ms.", "dr.",
            "prof.", "u.s.", "us", "house", "first lady",
        },
        key=lambda t: -len(t),
    )
)

#: the commonest Vietnamese family names: a bare family name never matches a full name
VI_FAMILY_NAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương "
    "mai lương tạ đoàn trịnh lâm cao chu hà vương thái lưu kiều tô".split()
)

#: capitalised words that are not names (sentence-initial pronouns, kin terms, determiners)
NON_NAME_WORDS = frozenset(
    """
    he she him her his hers they them their it its i me my you your we us our this that these those
    who whom mine yours
    ông bà anh chị em cô chú bác cháu bé cụ họ nó hắn mình tôi chúng ta người
    state house senate congress president senator governor
    """.split()
)

_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TOKEN_SPLIT = re.compile(r"[\s\-–]+")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?\.?$")


def _tokens(key: str) -> list[str]:
    """Tokens of a match key; initials ``n.t.h.`` become ``n t h``; possessives dropped."""
    out: list[str] = []
    for tok in _TOKEN_SPLIT.split(key):
        if not tok:
            continue
        tok = tok.strip(",;:!?()[]{}\"“”‘'")
        if not tok:
            continue
        if _INITIALS.match(tok):
            out.extend(c for c in tok.split(".") if c)
            continue
        tok = _POSSESSIVE.sub("", tok).rstrip(".")
        if tok:
            out.append(tok)
    return out


def _strip_front(toks: list[str]) -> list[str]:
    """Remove leading honorifics and titles (repeatedly: ``Phó Chủ tịch UBND ông ...``)."""
    changed = True
    while changed and len(toks) > 1:
        changed = False
        low = " ".join(toks)
        for t in (*sorted(HONORIFICS, key=lambda h: -len(h)), *TITLES):
            if low == t:
                continue
            if low.startswith(t + " "):
                n = len(t.split())
                if len(toks) > n:
                    toks = toks[n:]
                    changed = True
                    break
    return toks


def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a person name for matching: NFC + tone placement, case-folded, honorifics
    and titles removed from the front, initials split into letters, possessives dropped."""
    return tuple(_strip_front(_tokens(match_key(name))))


def mention_name_tokens(mention: str) -> tuple[str, ...]:
    """Name part of a mention string (``Tổng thống Mỹ Barack Obama`` -> ``barack obama``
    is approximated as: strip honorifics/titles, then keep the trailing run of capitalised
    words of the original string)."""
    mention = _TRAILING_PAREN.sub("", mention)  # "Sen. Bernie Sanders (I-VT)"
    raw = [t for t in _TOKEN_SPLIT.split(" ".join(mention.split())) if t]
    # trailing run of words that start with an upper-case letter (or are initials)
    run: list[str] = []
    for t in reversed(raw):
        core = t.strip(",;:!?()[]{}\"“”‘'")
        if core[:1].isupper() or _INITIALS.match(core):
            run.append(t)
        else:
            break
    run.reverse()
    if not run:  # a lower-case-only mention ("bà", "he") carries no name
        return ()
    toks = name_tokens(" ".join(run))
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    if all(t in NON_NAME_WORDS or t in HONORIFICS or t in TITLES for t in toks):
        return ()  # "She", "Ông", "The President": a capitalised pronoun or title, not a name
    return toks


def mention_name_span(mention: str) -> tuple[int, int] | None:
    """Character span of the name part inside a mention string (``Chủ tịch UBND xã Nguyễn
    Văn An`` -> the span of ``Nguyễn Văn An``), or None when it has no name part."""
    key = mention_name_tokens(mention)
    if not key:
        return None
    mention = _TRAILING_PAREN.sub("", mention)  # a prefix of the original string
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", mention)]
    end = words[-1][1]
    # the shortest trailing run of words that still gives the same name key
    for i in range(len(words) - 1, -1, -1):
        if name_tokens(mention[words[i][0]:end]) == key or mention_name_tokens(mention[words[i][0]:end]) == key:
            return words[i][0], end
    return 0, end


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(long) and long[-len(short):] == short


def _is_prefix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return 0 < len(short) < len(long) and long[: len(short)] == short


def _initials_match(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """2 when one side is all initials matching the other's words one by one
    (``N.T.H.`` vs ``Nguyễn Thị Hương``), else 0."""
    for ini, full in ((a, b), (b, a)):
        if ini and all(len(t) == 1 for t in ini) and any(len(t) > 1 for t in full):
            if tuple(t[0] for t in full) == ini:
                return 2
    return 0


#: match strengths (higher wins in the one-to-one assignment)
EXACT, SUFFIX, PREFIX, MENTION = 4, 3, 2, 1
STRENGTH_NAMES = {EXACT: "exact", SUFFIX: "suffix", PREFIX: "prefix", MENTION: "mention"}


_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_strength(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How two name token tuples match: EXACT, SUFFIX (syllable/word suffix or initials),
    PREFIX (first word(s) of a foreign name, never a bare Vietnamese family name), or 0.
    A generational suffix (Jr., II) may be missing on one side: then at most PREFIX."""
    if not a or not b:
        return 0
    if (a[-1] in _GENERATIONAL) != (b[-1] in _GENERATIONAL):
        st = _name_strength(a, b)
        a2 = a[:-1] if a[-1] in _GENERATIONAL else a
        b2 = b[:-1] if b[-1] in _GENERATIONAL else b
        return max(st, min(PREFIX, _name_strength(a2, b2)))
    return _name_strength(a, b)


def _name_strength(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if not a or not b:
        return 0
    if a == b:
        return EXACT
    if _is_suffix(a, b) or _is_suffix(b, a):
        return SUFFIX
    ini = _initials_match(a, b)
    if ini == 2:
        return SUFFIX
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if _is_prefix(short, long) and not (len(short) == 1 and short[0] in VI_FAMILY_NAMES):
        return PREFIX
    return 0


# --------------------------------------------------------------------------------------
# locating strings in the article
# --------------------------------------------------------------------------------------


@dataclass
class _Article:
    """Normalised, folded fields of one corpus article for locating gold strings."""

    fields: dict[str, tuple[str, Any]] = field(default_factory=dict)  # field -> (folded text, Normalized)
    _cache: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)

    @classmethod
    def from_record(cls, rec: Mapping[str, Any]) -> "_Article":
        art = cls()
        for fname in ("title", "text"):
            val = rec.get(fname)
            if isinstance(val, str) and val:
                norm = normalize(val)
                art.fields[fname] = (fold(norm.text), norm)
        return art

    def find(self, s: str) -> list[tuple[str, int, int]]:
        """All ``(field, start, end)`` occurrences of ``s`` (original offsets), whole words
        preferred; case-insensitive after normalisation."""
        key = fold(" ".join(normalize(s).text.split()))
        if not key:
            return []
        if key in self._cache:
            return self._cache[key]
        hits: list[tuple[str, int, int]] = []
        loose: list[tuple[str, int, int]] = []
        for fname, (low, norm) in self.fields.items():
            i = low.find(key)
            while i >= 0:
                j = i + len(key)
                s0, e0 = norm.span(i, j)
                word = (i == 0 or not low[i - 1].isalnum()) and (j >= len(low) or not low[j].isalnum())
                (hits if word else loose).append((fname, s0, e0))
                i = low.find(key, i + 1)
        res = hits or loose
        self._cache[key] = res
        return res


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


# --------------------------------------------------------------------------------------
# people matching
# --------------------------------------------------------------------------------------


@dataclass
class _P:
    """A person (gold or system) prepared for matching."""

    index: int
    name: str
    key: tuple[str, ...]
    forms: set[tuple[str, ...]]
    gender: str
    quoted: bool
    quote_type: str | None
    function: str | None
    spans: list[tuple[str, int, int]]
    evidence: list[str] = field(default_factory=list)


def _gender(v: Any) -> str:
    v = (v or "unknown") if isinstance(v, str) else "unknown"
    v = v.lower()
    return v if v in ALL_GENDERS else "unknown"


def _gold_person(i: int, p: Mapping[str, Any], art: _Article | None) -> _P:
    name = str(p.get("name") or "")
    key = name_tokens(name)
    forms = {key} if key else set()
    mentions = [m for m in (p.get("mentions") or []) if isinstance(m, str)]
    for m in mentions:
        f = mention_name_tokens(m)
        if f:
            forms.add(f)
    spans: list[tuple[str, int, int]] = []
    if art is not None:
        for m in mentions + [name]:
            ns = mention_name_span(m)  # never locate a bare honorific or pronoun
            if ns is None:
                continue
            # keep only the name part of each occurrence (not the title before it)
            cut_end = len(m) - ns[1]
            spans.extend((f, max(st, en - cut_end - (ns[1] - ns[0])), en - cut_end) for f, st, en in art.find(m))
    return _P(i, name, key, forms, _gender(p.get("gender")), bool(p.get("quoted")),
              p.get("quote_type"), p.get("function"), spans)


def _system_person(i: int, p: Mapping[str, Any]) -> _P:
    name = str(p.get("name") or "")
    key = name_tokens(name)
    forms = {key} if key else set()
    spans: list[tuple[str, int, int]] = []
    for m in p.get("mentions") or []:
        if isinstance(m, str):
            text = m
        elif isinstance(m, Mapping):
            text = str(m.get("text") or "")
            if isinstance(m.get("start"), int) and isinstance(m.get("end"), int) and m.get("kind") != "pronoun":
                spans.append((str(m.get("field") or "text"), m["start"], m["end"]))
        else:
            continue
        f = mention_name_tokens(text)
        if f:
            forms.add(f)
    evidence = [f"{e.get('cue')}:{e.get('text')}" for e in (p.get("gender_evidence") or []) if isinstance(e, Mapping)]
    return _P(i, name, key, forms, _gender(p.get("gender")), bool(p.get("quoted")),
              p.get("quote_type"), p.get("function"), spans, evidence)


def _pair_score(g: _P, s: _P) -> tuple[int, int]:
    """(strength, support) of a gold/system pair; strength 0 = no match."""
    strength = name_strength(g.key, s.key)
    support = 0
    for fg in g.forms:
        for fs in s.forms:
            st = name_strength(fg, fs)
            if st >= SUFFIX:
                support += 1
                strength = max(strength, MENTION)
    if g.spans and s.spans:
        n = sum(1 for a in g.spans for b in s.spans if _overlap(a, b))
        if n:
            support += n
            strength = max(strength, MENTION)
    return strength, support


def match_people(gold: list[_P], system: list[_P], min_strength: int = MENTION) -> list[tuple[_P, _P, int]]:
    """One-to-one greedy assignment: pairs sorted by strength (exact > suffix > prefix >
    mention/span), then by support (shared mention forms + overlapping spans), then by order
    of appearance in the two lists."""
    cands = []
    for g in gold:
        for s in system:
            st, sup = _pair_score(g, s)
            if st >= min_strength:
                cands.append((-st, -sup, g.index, s.index, g, s, st))
    cands.sort(key=lambda c: c[:4])
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_, g, s, st in cands:
        if g.index in used_g or s.index in used_s:
            continue
        used_g.add(g.index)
        used_s.add(s.index)
        pairs.append((g, s, st))
    return pairs


# --------------------------------------------------------------------------------------
# findings matching
# --------------------------------------------------------------------------------------


def _finding_match(g: Mapping[str, Any], s: Mapping[str, Any], art: _Article | None) -> bool:
    """A system finding matches a gold finding when their spans overlap in the article
    (gold text located in the corpus article), else when one text contains the other."""
    if art is not None and isinstance(s.get("start"), int) and isinstance(s.get("end"), int):
        occ = art.find(str(g.get("text") or ""))
        if occ:
            sp = (str(s.get("field") or "text"), s["start"], s["end"])
            return any(_overlap(o, sp) for o in occ)
    gk, sk = match_key(str(g.get("text") or "")), match_key(str(s.get("text") or ""))
    return bool(gk and sk) and (gk in sk or sk in gk)


def match_findings(gold: list[Mapping[str, Any]], system: list[Mapping[str, Any]], art: _Article | None):
    """One-to-one: same-category pairs first, then any overlapping pair; in order."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if _finding_match(g, s, art):
                cands.append((0 if g.get("category") == s.get("category") else 1, gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    return pairs


# --------------------------------------------------------------------------------------
# metrics
# --------------------------------------------------------------------------------------


def prf(tp: int, n_sys: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall, F1 with their counts (0.0 when undefined)."""
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": n_sys - tp, "fn": n_gold - tp, "system": n_sys, "gold": n_gold,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _any_overlap(d: dict[str, int]) -> dict[str, Any]:
    """Findings P/R/F1 where every system finding overlapping a gold expression counts
    (not one-to-one): precision = system findings that overlap some gold finding / system
    findings; recall = gold findings overlapped by some system finding / gold findings."""
    p = d["sys_hit"] / d["sys"] if d["sys"] else 0.0
    r = d["gold_hit"] / d["gold"] if d["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "system": d["sys"],
            "gold": d["gold"], "system_matched": d["sys_hit"], "gold_matched": d["gold_hit"]}


def _share(f: int, m: int) -> float | None:
    return round(f / (f + m), 4) if f + m else None


def _binary(tp: int, fp: int, fn: int, tn: int) -> dict[str, Any]:
    d = prf(tp, tp + fp, tp + fn)
    d["tn"] = tn
    n = tp + fp + fn + tn
    d["accuracy"] = round((tp + tn) / n, 4) if n else 0.0
    return d


class GoldError(ValueError):
    """A gold record that does not follow ANNOTATION.md."""


def check_gold_record(rec: Any) -> list[str]:
    """Problems that make a gold record unusable (empty list = fine)."""
    if not isinstance(rec, Mapping):
        return ["not a JSON object"]
    probs = []
    if not isinstance(rec.get("id"), (str, int)) or rec.get("id") == "":
        probs.append("missing 'id'")
    people = rec.get("people", [])
    if not isinstance(people, list):
        probs.append("'people' is not a list")
    else:
        for i, p in enumerate(people):
            if not isinstance(p, Mapping) or not isinstance(p.get("name"), str) or not p.get("name").strip():
                probs.append(f"people[{i}] has no 'name'")
            elif p.get("gender") not in (None, *ALL_GENDERS):
                probs.append(f"people[{i}] gender {p.get('gender')!r} is not female/male/unknown")
    findings = rec.get("findings", [])
    if not isinstance(findings, list):
        probs.append("'findings' is not a list")
    else:
        for i, f in enumerate(findings):
            if not isinstance(f, Mapping) or not isinstance(f.get("text"), str) or not f.get("text"):
                probs.append(f"findings[{i}] has no 'text'")
    return probs


def _new_counts() -> dict[str, Any]:
    return {
        "people": {"tp": 0, "sys": 0, "gold": 0},
        "sources": {"tp": 0, "sys": 0, "gold": 0},
        "people_g": {g: {"tp": 0, "sys": 0, "gold": 0} for g in ALL_GENDERS},
        "sources_g": {g: {"tp": 0, "sys": 0, "gold": 0} for g in ALL_GENDERS},
        "gender_conf": {g: {h: 0 for h in ALL_GENDERS} for g in ALL_GENDERS},
        "func_conf": {},
        "qtype": {"correct": 0, "total": 0},
        "strengths": {n: 0 for n in STRENGTH_NAMES.values()},
        "find": {"tp": 0, "sys": 0, "gold": 0, "tp_strict": 0},
        "find_out": {"tp": 0, "sys": 0, "gold": 0},
        "find_any": {"sys_hit": 0, "gold_hit": 0, "sys": 0, "gold": 0},
        "find_cat": {},
        "inq": {"correct": 0, "total": 0},
        "topic": {k: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for k in ("ge_topic", "gbv_story")},
    }


def _bump(d: dict[str, int], key: str, n: int = 1) -> None:
    d[key] = d.get(key, 0) + n


def evaluate_outputs(
    gold_records: Iterable[Mapping[str, Any]],
    system_records: Iterable[Mapping[str, Any]],
    corpus: Mapping[str, Mapping[str, Any]] | Iterable[Mapping[str, Any]] | None = None,
    *,
    with_errors: bool = True,
    min_strength: int = MENTION,
) -> dict[str, Any]:
    """Compare system records (``analyze`` output) with gold records (ANNOTATION.md).

    ``min_strength`` = ``PREFIX`` (``--match names``) counts only pairs whose names match
    (exact, suffix, prefix), not pairs linked only through mentions or offsets.

    ``corpus`` (optional: id -> record with ``text``/``title``, or a list of records) lets
    the scorer locate gold mention and finding strings in the article and match them with
    system offsets. Gold records without a system record count as empty system output
    (listed in ``missing_system``). Raises :class:`GoldError` on an unusable gold record.
    Returns a JSON-ready dict with a ``schema`` field; ``articles`` holds the per-article
    error lists when ``with_errors`` is true.
    """
    sys_by_id: dict[str, Mapping[str, Any]] = {}
    for r in system_records:
        if isinstance(r, Mapping) and r.get("id") is not None:
            sys_by_id[str(r["id"])] = r
    corp: dict[str, Mapping[str, Any]] = {}
    if corpus is not None:
        if isinstance(corpus, Mapping):
            corp = {str(k): v for k, v in corpus.items()}
        else:
            corp = {str(r["id"]): r for r in corpus if isinstance(r, Mapping) and r.get("id") is not None}

    c = _new_counts()
    articles: list[dict[str, Any]] = []
    missing: list[str] = []
    seen: set[str] = set()
    n_articles = 0
    for grec in gold_records:
        probs = check_gold_record(grec)
        if probs:
            raise GoldError(f"gold record {grec.get('id') if isinstance(grec, Mapping) else '?'}: " + "; ".join(probs))
        gid = str(grec["id"])
        if gid in seen:
            raise GoldError(f"gold record {gid}: duplicate id")
        seen.add(gid)
        n_articles += 1
        srec = sys_by_id.get(gid)
        if srec is None:
            missing.append(gid)
            srec = {}
        art = _Article.from_record(corp[gid]) if gid in corp else None
        err = _score_article(grec, srec, art, c, min_strength)
        if with_errors:
            err["id"] = gid
            articles.append(err)
    out = _summarise(c, n_articles, missing, len(set(sys_by_id) - seen), articles if with_errors else None,
                     bool(corp))
    out["matching"] = "names" if min_strength >= PREFIX else "lenient"
    return out


def _score_article(grec: Mapping[str, Any], srec: Mapping[str, Any], art: _Article | None, c: dict,
                   min_strength: int = MENTION) -> dict:
    gold = [_gold_person(i, p, art) for i, p in enumerate(grec.get("people") or [])]
    system = [_system_person(i, p) for i, p in enumerate(srec.get("people") or []) if isinstance(p, Mapping)]
    pairs = match_people(gold, system, min_strength)
    err: dict[str, Any] = {}

    c["people"]["gold"] += len(gold)
    c["people"]["sys"] += len(system)
    c["people"]["tp"] += len(pairs)
    c["sources"]["gold"] += sum(p.quoted for p in gold)
    c["sources"]["sys"] += sum(p.quoted for p in system)
    for p in gold:
        c["people_g"][p.gender]["gold"] += 1
        if p.quoted:
            c["sources_g"][p.gender]["gold"] += 1
    for p in system:
        c["people_g"][p.gender]["sys"] += 1
        if p.quoted:
            c["sources_g"][p.gender]["sys"] += 1
    gender_err, func_err, qtype_err = [], [], []
    for g, s, st in pairs:
        c["strengths"][STRENGTH_NAMES[st]] += 1
        c["gender_conf"][g.gender][s.gender] += 1
        if g.gender == s.gender:
            c["people_g"][g.gender]["tp"] += 1
        elif g.gender in GENDERS:
            gender_err.append({"gold": g.name, "system": s.name, "gold_gender": g.gender, "system_gender": s.gender,
                               "system_evidence": s.evidence})
        if g.quoted and s.quoted:
            c["sources"]["tp"] += 1
            if g.gender == s.gender:
                c["sources_g"][g.gender]["tp"] += 1
            if g.quote_type in ("direct", "indirect"):
                c["qtype"]["total"] += 1
                if s.quote_type == g.quote_type:
                    c["qtype"]["correct"] += 1
                else:
                    qtype_err.append({"gold": g.name, "gold_type": g.quote_type, "system_type": s.quote_type})
        if g.function:
            row = c["func_conf"].setdefault(str(g.function), {})
            _bump(row, str(s.function))
            if s.function != g.function:
                func_err.append({"gold": g.name, "gold_function": g.function, "system_function": s.function})
    mg = {g.index for g, _, _ in pairs}
    ms = {s.index for _, s, _ in pairs}
    pair_by_g = {g.index: s for g, s, _ in pairs}
    pair_by_s = {s.index: g for g, s, _ in pairs}
    err["matched_people"] = [[g.name, s.name, STRENGTH_NAMES[st]] for g, s, st in pairs]
    err["missed_people"] = [f"{p.name} ({p.gender})" for p in gold if p.index not in mg]
    err["spurious_people"] = [f"{p.name} ({p.gender})" for p in system if p.index not in ms]
    err["missed_sources"] = [
        f"{p.name} ({'person found, not quoted' if p.index in pair_by_g else 'person missed'})"
        for p in gold if p.quoted and not (p.index in pair_by_g and pair_by_g[p.index].quoted)
    ]
    err["spurious_sources"] = [
        f"{p.name} ({'gold person not quoted' if p.index in pair_by_s else 'no gold person'})"
        for p in system if p.quoted and not (p.index in pair_by_s and pair_by_s[p.index].quoted)
    ]
    err["gender_errors"] = gender_err
    err["function_errors"] = func_err
    err["quote_type_errors"] = qtype_err

    # findings
    gf = [f for f in (grec.get("findings") or []) if isinstance(f, Mapping)]
    sf = [f for f in (srec.get("findings") or []) if isinstance(f, Mapping)]
    fpairs = match_findings(gf, sf, art)
    c["find"]["gold"] += len(gf)
    c["find"]["sys"] += len(sf)
    c["find"]["tp"] += len(fpairs)
    c["find"]["tp_strict"] += sum(1 for gi, si in fpairs if gf[gi].get("category") == sf[si].get("category"))
    # any-overlap reading: a system finding is right when it overlaps some gold finding
    # (every repeat of a gold expression counts), a gold finding is found when some system
    # finding overlaps it
    hits = [[_finding_match(g, f, art) for f in sf] for g in gf]
    c["find_any"]["sys"] += len(sf)
    c["find_any"]["gold"] += len(gf)
    c["find_any"]["sys_hit"] += sum(1 for j in range(len(sf)) if any(row[j] for row in hits))
    c["find_any"]["gold_hit"] += sum(1 for row in hits if any(row))
    c["find_out"]["gold"] += sum(1 for f in gf if not f.get("in_quote"))
    c["find_out"]["sys"] += sum(1 for f in sf if not f.get("in_quote"))
    c["find_out"]["tp"] += sum(1 for gi, si in fpairs if not gf[gi].get("in_quote") and not sf[si].get("in_quote"))
    for f in gf:
        _bump(c["find_cat"].setdefault(str(f.get("category")), {"tp": 0, "sys": 0, "gold": 0}), "gold")
    for f in sf:
        _bump(c["find_cat"].setdefault(str(f.get("category")), {"tp": 0, "sys": 0, "gold": 0}), "sys")
    for gi, si in fpairs:
        if gf[gi].get("category") == sf[si].get("category"):
            _bump(c["find_cat"][str(gf[gi].get("category"))], "tp")
        c["inq"]["total"] += 1
        c["inq"]["correct"] += bool(gf[gi].get("in_quote")) == bool(sf[si].get("in_quote"))
    fg = {gi for gi, _ in fpairs}
    fs = {si for _, si in fpairs}
    err["missed_findings"] = [f"{f.get('text')} [{f.get('category')}]" for i, f in enumerate(gf) if i not in fg]
    err["spurious_findings"] = [f"{f.get('text')} [{f.get('category')}]" for i, f in enumerate(sf) if i not in fs]
    err["finding_category_errors"] = [
        {"text": gf[gi].get("text"), "gold": gf[gi].get("category"), "system": sf[si].get("category")}
        for gi, si in fpairs if gf[gi].get("category") != sf[si].get("category")
    ]

    # topic flags
    topic_err = {}
    for k in ("ge_topic", "gbv_story"):
        gv, sv = bool(grec.get(k)), bool(srec.get(k))
        cell = "tp" if gv and sv else "fp" if sv else "fn" if gv else "tn"
        c["topic"][k][cell] += 1
        if gv != sv:
            topic_err[k] = {"gold": gv, "system": sv}
    err["topic_errors"] = topic_err
    return {k: v for k, v in err.items() if v or k in ("missed_people", "spurious_people")}


def _summarise(c: dict, n_articles: int, missing: list[str], extra: int, articles, with_corpus: bool) -> dict:
    def pg(d: dict) -> dict:
        return prf(d["tp"], d["sys"], d["gold"])

    gc = c["gender_conf"]
    g_total = sum(gc[g][h] for g in GENDERS for h in ALL_GENDERS)
    g_correct = sum(gc[g][g] for g in GENDERS)
    g_unknown = sum(gc[g]["unknown"] for g in GENDERS)
    f_total = sum(sum(r.values()) for r in c["func_conf"].values())
    f_correct = sum(r.get(g, 0) for g, r in c["func_conf"].items())
    pgc, sgc = c["people_g"], c["sources_g"]

    def share(d: dict, side: str) -> float | None:
        return _share(d["female"][side], d["male"][side])

    def diff(a, b):
        return None if a is None or b is None else round((b - a) * 100, 2)

    women = {}
    for name, d in (("people", pgc), ("sources", sgc)):
        gsh, ssh = share(d, "gold"), share(d, "sys")
        women[name] = {"gold": gsh, "system": ssh, "diff_pp": diff(gsh, ssh),
                       "gold_female": d["female"]["gold"], "gold_male": d["male"]["gold"],
                       "system_female": d["female"]["sys"], "system_male": d["male"]["sys"]}
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "articles_scored": n_articles,
        "corpus_used": with_corpus,
        "missing_system": missing,
        "system_records_not_in_gold": extra,
        "people": pg(c["people"]),
        "sources": pg(c["sources"]),
        "people_by_gender": {g: pg(pgc[g]) for g in ALL_GENDERS},
        "sources_by_gender": {g: pg(sgc[g]) for g in ALL_GENDERS},
        "gender_accuracy": {
            "accuracy": round(g_correct / g_total, 4) if g_total else 0.0,
            "correct": g_correct, "matched": g_total, "system_unknown": g_unknown,
            "accuracy_when_decided": round(g_correct / (g_total - g_unknown), 4) if g_total - g_unknown else 0.0,
            "confusion": gc,
        },
        "women_share": women,
        "function_accuracy": {
            "accuracy": round(f_correct / f_total, 4) if f_total else 0.0,
            "correct": f_correct, "matched": f_total, "confusion": c["func_conf"],
        },
        "quote_type_accuracy": {
            "accuracy": round(c["qtype"]["correct"] / c["qtype"]["total"], 4) if c["qtype"]["total"] else 0.0,
            **c["qtype"],
        },
        "match_strengths": c["strengths"],
        "findings": {
            **pg(c["find"]),
            "strict": prf(c["find"]["tp_strict"], c["find"]["sys"], c["find"]["gold"]),
            "any_overlap": _any_overlap(c["find_any"]),
            "outside_quotes": pg(c["find_out"]),
            "by_category": {k: pg(v) for k, v in sorted(c["find_cat"].items())},
            "in_quote_accuracy": round(c["inq"]["correct"] / c["inq"]["total"], 4) if c["inq"]["total"] else 0.0,
        },
        "topic": {k: _binary(**v) for k, v in c["topic"].items()},
    }
    if articles is not None:
        out["articles"] = articles
    return out
