"""Vietnamese person-name mentions.

A candidate is a run of capitalised syllables (or initials) that, after removing
sentence-initial function words, a leading honorific and leading place names, is
(a) preceded by an honorific or kin word (``bà Hương``, ``thằng Tài``, ``chị H.``),
(b) preceded by a title (``Bộ trưởng Thương mại Mỹ Wilbur Ross``, ``PGS.TS Nguyễn Văn A``),
(c) a family-name-first Vietnamese name (``Nguyễn Thị Hương``),
(d) a foreign name starting with a known first name (``Barack Obama``),
(e) a Vietnamese given-name pair (``Minh Phương``) or a known public figure.
Runs after a place/street/school/organisation word (``đường Nguyễn Trãi``,
``huyện Lục Ngạn``) and names inside credits and bylines are not people.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice

from ..text.document import TextDoc
from ..text.normalize import fold
from .candidate import Cand, excluded_spans, in_spans, looks_like_byline
from .lexicon import name_syllables, name_tables, people_lexicon, word_index
from .names import is_en_first_name, is_foreign, is_vi_syllable
from .scan import CAP_WORD_RE, PARTICLES, RunTok, TitleIndex, Tok, automaton, find_runs, tokenize

_BAD_GAP = re.compile(r"[.!?;:\n]|\s[-–]\s")
_NAM_NU = re.compile(r"(?<![^\W\d_])(nữ|nam)\s+$")
MAX_TITLE_GAP = 8
#: lower-case words that cannot sit between a title and the name it introduces
_GAP_DENY = frozenset(
    """của nói với cho biết tuyên bố là đã sẽ đang được bị tại ở trong khi thì mà này đó đến
    về từ ra vào có không rằng như muốn đi tìm gặp thuộc làm việc cùng sau trước gửi yêu cầu
    lên xuống mới các những một hai ba khởi tố bắt giữ xét xử thăm tiếp trao tặng cử bổ nhiệm chúc mừng ký
    kết lớn nhất nhì
    người dân tộc thiểu số ông bà anh chị""".split()
)
_QUOTES = "\"“”'‘’"


class _Ctx:
    """Per-document helpers: lower-case text, title index, tokens near an offset."""

    def __init__(self, doc: TextDoc, title_phrases, modifiers):
        self.doc = doc
        self.text = doc.text
        self.lower = doc.lower
        self.titles = TitleIndex(self.lower, automaton(title_phrases), modifiers)
        self._prev: dict[int, list[Tok]] = {}
        self.nonperson: dict[int, bool] = {}  # _context_nonperson results by offset

    def toks_between(self, s: int, e: int) -> list[Tok]:
        return tokenize(self.text, s, e)

    def prev_toks(self, pos: int) -> list[Tok]:
        """Tokens in the 28 characters before ``pos`` on the same line."""
        r = self._prev.get(pos)
        if r is None:
            lo = max(0, pos - 28)
            nl = self.text.rfind("\n", lo, pos)
            r = tokenize(self.text, nl + 1 if nl >= 0 else lo, pos)
            self._prev[pos] = r
        return r

    def prev_word(self, pos: int) -> str:
        """Lower-case text of the last token before ``pos`` ("" when there is none)."""
        prev = self.prev_toks(pos)
        return prev[-1].text.lower() if prev else ""

    def may_end_with(self, pos: int, words: frozenset, maxlen: int, skip: str = "") -> bool:
        """Cheap test before tokenizing: False when the last token before ``pos`` (after
        spaces and ``skip`` characters) cannot be one of ``words`` (lower case, at most
        ``maxlen`` long). Tokens hold no whitespace or "_", so that token ends the last
        whitespace-free chunk of the same window as :meth:`prev_toks`."""
        lo = max(0, pos - 28)
        nl = self.text.rfind("\n", lo, pos)
        tail = self.text[nl + 1 if nl >= 0 else lo : pos].rstrip()
        while tail and (tail[-1] == "_" or tail[-1] in skip):
            tail = tail[:-1].rstrip()
        chunk = tail.rsplit(None, 1)[-1] if tail else ""
        if chunk.isalpha():
            return chunk.lower() in words  # the usual case: the chunk is the token
        n = len(chunk)
        return any(chunk[i:].lower() in words for i in range(max(0, n - maxlen), n))

    def prev_words(self, pos: int, n: int) -> list[Tok]:
        """Up to ``n`` word tokens directly before ``pos`` (stops at punctuation)."""
        out: list[Tok] = []
        for t in reversed(self.prev_toks(pos)):
            if t.kind not in ("w", "ini") or len(out) >= n:
                break
            out.append(t)
        out.reverse()
        return out


def _honorific_before(ctx: _Ctx, pos: int, lex) -> tuple[str, int, str | None] | None:
    """An honorific word (or two) directly before ``pos``: (text, start, gender)."""
    ends = _honorific_ends()
    if not ctx.may_end_with(pos, ends, ends.maxlen, _QUOTES):
        return None
    toks = ctx.prev_toks(pos)
    k = len(toks) - 1
    # allow quotation marks between: '"quý bà" Yumiko', '“tướng” Phúc'
    while k >= 0 and toks[k].kind == "p" and toks[k].text in _QUOTES:
        k -= 1
    if k < 0:
        return None
    end_tok = toks[k]
    if ctx.text[end_tok.end : pos].strip(" \u00a0" + _QUOTES):
        return None
    # "Mr. Đàm": honorific + full stop
    if end_tok.text == "." and k >= 1:
        prev = toks[k - 1]
        key = prev.text.lower() + "."
        if key in lex.honorifics and prev.end == end_tok.start:
            return ctx.text[prev.start : end_tok.end], prev.start, lex.honorifics[key]["gender"]
        return None
    if end_tok.kind != "w":
        return None
    w1 = end_tok.text.lower()
    if k >= 1 and toks[k - 1].kind == "w" and ctx.text[toks[k - 1].end : end_tok.start] == " ":
        w2 = toks[k - 1].text.lower() + " " + w1
        if w2 in lex.honorifics:
            return ctx.text[toks[k - 1].start : end_tok.end], toks[k - 1].start, lex.honorifics[w2]["gender"]
    if w1 in lex.honorifics:
        if w1 in ("ông", "bà") and k >= 1 and toks[k - 1].text.lower() == "đàn":
            return None  # "người đàn ông Nga": a man from Russia, not "ông Nga"
        return end_tok.text, end_tok.start, lex.honorifics[w1]["gender"]
    return None


class _Ends(frozenset):
    """Lower-case words with the length of the longest (for :meth:`_Ctx.may_end_with`)."""

    maxlen: int = 0


def _ends(words) -> _Ends:
    out = _Ends(words)
    out.maxlen = max(map(len, out), default=0)
    return out


@lru_cache(maxsize=1)
def _honorific_ends() -> _Ends:
    """Honorifics and the last words of two-word honorifics."""
    hon = people_lexicon().honorifics
    return _ends(set(hon) | {h.split(" ")[-1] for h in hon})


@lru_cache(maxsize=1)
def _context_ends() -> _Ends:
    """Last words of place/organisation context phrases and institution modifiers."""
    return _ends(word_index().vi_context_last | _INSTITUTION_MODS)


def _number_before(ctx: _Ctx, pos: int) -> bool:
    """A number of up to 3 digits and one space right before ``pos``."""
    if pos < 2 or ctx.text[pos - 1] != " " or not ctx.text[pos - 2].isnumeric():
        return False  # cheap test first
    prev = ctx.prev_toks(pos)
    return bool(prev) and prev[-1].kind == "n" and len(prev[-1].text) <= 3 and ctx.text[prev[-1].end : pos] == " "


def _title_before(ctx: _Ctx, pos: int, para_start: int, lex):
    """The last title phrase before ``pos`` in the same clause: (start, end, explicit, phrase)."""
    hit = ctx.titles.last_before(pos, max(para_start, pos - 160))
    if hit is None:
        return None
    s, e, phrase = hit
    gap = ctx.text[e:pos]
    if _BAD_GAP.search(gap) or gap.count(",") > 1:
        return None
    if gap.strip():
        gap_words = gap.split()
        if len(gap_words) > MAX_TITLE_GAP:
            return None
        if any(w.lower() in _GAP_DENY and w.islower() for w in gap_words):
            return None
    explicit = None
    if phrase in lex.gendered_prefix:
        explicit = (lex.gendered_prefix[phrase], ctx.text[e - len(phrase) : e], e - len(phrase), e)
    else:
        mm = _NAM_NU.search(ctx.lower, max(para_start, s - 6), s)
        if mm:
            g = "female" if mm.group(1) == "nữ" else "male"
            explicit = (g, ctx.text[mm.start(1) : mm.end(1)], mm.start(1), mm.end(1))
    if explicit and gap.strip() and _gap_has_name(ctx.text, e, pos, lex):
        explicit = None  # "phu nhân X và con trai Y": the title's sex word belongs to X, not Y
    return s, e, explicit, phrase


def _strip_places(tokens: list[RunTok], lex, need_family: bool) -> int:
    """Number of leading tokens that form place names (greedy, longest first)."""
    i = 0
    n = len(tokens)
    while i < n:
        first = tokens[i].low
        best = 0
        for tup in lex.place_tuples.get(first, ()):
            L = len(tup)
            if i + L <= n and tuple([t.low for t in tokens[i : i + L]]) == tup:
                best = L
                break
        if not best and first in _COMPASS and i + 1 < n and tokens[i + 1].kind == "w" and not is_vi_syllable(tokens[i + 1].low):
            best = 2  # "Nam Dakota", "Bắc Carolina": a compass word + a foreign place
        if not best or i + best >= n or (not need_family and n - i - best < 1):
            break
        rest = tokens[i + best]
        if need_family and rest.low not in lex.family_names:
            break
        i += best
    return i


#: places whose people's names are written in Sino-Vietnamese readings ("Từ Khắc")
_CHINA = frozenset(["trung quốc", "hồng kông", "hong kong", "đài loan", "ma cao", "macau", "hoa lục", "đại lục"])
#: Vietnamese compass words that open foreign place names ("Nam Dakota", "Bắc Carolina")
_COMPASS = frozenset("nam bắc đông tây".split())


def compass_place(low: list[str]) -> bool:
    """True for a compass word + foreign words ("nam dakota"): a place, never a name."""
    return len(low) >= 2 and low[0] in _COMPASS and not is_vi_syllable(low[1])


def _titled_foreign_name(ctx: _Ctx, toks: list[RunTok], lex) -> bool:
    """True for a foreign name with a first name right after a capitalised context word
    that ends an office's name ("Cố vấn An ninh Quốc gia Michael Flynn"), after a title."""
    if len(toks) < 2 or not _first_name(toks[0].low, lex) or not is_foreign([t.text for t in toks]):
        return False
    prev = ctx.prev_words(toks[0].start, 2)
    if not prev or not any(t.cap for t in prev):
        return False
    return ctx.titles.last_before(toks[0].start, max(0, toks[0].start - 60)) is not None


def _context_nonperson(ctx: _Ctx, pos: int, lex) -> bool:
    """True after a place/street/school/organisation word ("đường", "huyện", "trường THPT").
    A lower-case word that ends a capitalised institution name ("Quốc phòng", "nhà báo"
    as a title) does not count."""
    r = ctx.nonperson.get(pos)
    if r is None:
        r = ctx.nonperson[pos] = _context_nonperson_at(ctx, pos, lex)
    return r


def _context_nonperson_at(ctx: _Ctx, pos: int, lex) -> bool:
    ends = _context_ends()
    if not ctx.may_end_with(pos, ends, ends.maxlen):
        return False  # the same test as below on the last word, without tokenizing
    prev = ctx.prev_words(pos, 4)
    if not prev:
        return False
    words = [t.text.lower() for t in prev]
    pt = ctx.prev_toks(pos)
    if len(pt) >= 2 and pt[-1].text == "." and pt[-2].kind == "w" and pt[-2].text.lower() + "." in lex.vi_context:
        return True  # "TP. Hồ Chí Minh", "P. Bình Khánh"
    if words[-1] not in word_index().vi_context_last and words[-1] not in _INSTITUTION_MODS:
        return False  # no context phrase or institution modifier ends here
    for k in (3, 2, 1):
        if len(words) >= k and " ".join(words[-k:]) in lex.vi_context:
            if len(words) > k and words[-k - 1] + " " + words[-k] in _NOT_CONTEXT:
                return False  # "yêu cầu X" is not "cầu X" (a bridge)
            first = prev[-k]
            if prev[-1].end in ctx.titles.end_set:
                return False  # "nhà báo": a title, not a newspaper
            if len(prev) > k and prev[-k - 1].cap and not first.cap and prev[-k - 1].text.lower() not in lex.vi_context:
                return False  # "Bộ trưởng Quốc phòng X" (but "Tờ báo X": both are context words)
            return True
    # "trường THPT tư thục X", "phố cổ X": an institution head with a few modifiers
    for k in range(1, len(words)):
        if words[-k - 1] in _INSTITUTION_HEADS and all(w in _INSTITUTION_MODS for w in words[-k:]):
            return True
    return False


#: common compounds whose second word is also a place/institution word
_NOT_CONTEXT = frozenset(
    ["yêu cầu", "nhu cầu", "toàn cầu", "kêu cầu", "mong cầu", "thời trang", "văn bản", "cơ bản",
     "phiên bản", "xuất bản", "tư bản", "văn phòng", "phòng khám", "đồng đội", "quân đội", "ban ngành",
     "tên tuổi", "quê hương", "tàu thuyền", "thông báo", "cảnh báo", "dự báo", "tố cáo", "khu vực"]
)
_INSTITUTION_HEADS = frozenset("trường thpt thcs đường phố viện chùa đền lăng cầu".split())
_INSTITUTION_MODS = frozenset(
    "tư thục chuyên dân lập quốc tế đa khoa công nhi trung ương tỉnh huyện quận thành phố cổ mới cũ "
    "tiểu học cơ sở phổ thông năng khiếu".split()
)


def _pair_plausible(tokens: list[str]) -> bool:
    t = name_tables()
    low = [x.lower() for x in tokens]
    if not all(is_vi_syllable(x) for x in low):
        return False
    if len(low) >= 2 and t["vi_pair"].get(" ".join(low[-2:]), (0, 0))[1] >= 2:
        return True
    g = t["vi_given"].get(low[-1], (0, 0))[1]
    m = t["vi_middle"].get(low[-2], (0, 0))[1] if len(low) >= 2 else 0
    return (g >= 5 and m >= 5) or (g >= 1 and m >= 100)


def _title_continues(ctx: _Ctx, tok: RunTok, lex) -> bool:
    """True when ``tok`` starts a capitalised title or institution noun ("Thủ tướng",
    "Chính phủ", "Quốc hội") that goes on with lower-case words after it."""
    if ctx.titles.max_end_at.get(tok.start, 0) > tok.end:
        return True
    if tok.low in lex.vi_modifiers and ctx.titles.max_end_at.get(tok.end + 1, 0) > tok.end:
        return True  # "Phó" + "Chánh thanh tra"
    w = tok.low
    if w not in word_index().cap_noun_first:
        return False
    nxt = ctx.lower[tok.end : tok.end + 24].split()
    for k in (1, 2):
        if len(nxt) >= k and " ".join([w] + nxt[:k]) in lex.cap_nouns:
            return True
    return False


@lru_cache(maxsize=1)
def _hon_tail_re() -> re.Pattern:
    """An honorific or title word right before an offset (searched with ``endpos``)."""
    words = set(people_lexicon().honorifics) | {"vua", "tướng", "thầy", "cô", "đồng chí", "tên", "tên là"}
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alt})[\s\"“”'‘’.]*$")


@lru_cache(maxsize=1)
def _skip_words() -> frozenset:
    """Capitalised sentence-initial words that never start a name (not family names)."""
    lex = people_lexicon()
    return frozenset(w for w in lex.vi_function if w not in lex.family_names and w not in _NICKNAMES)


def _first_name(w: str, lex) -> bool:
    return is_en_first_name(w) or w in lex.known_first or w in lex.world_first


def _namey(toks: list[RunTok], low: list[str], syl: frozenset) -> bool:
    """Initials and Vietnamese syllables ending with a name syllable (or Thị/Văn inside)."""
    return all(t.kind == "ini" or is_vi_syllable(w) for w, t in zip(low, toks)) and (
        low[-1] in syl or toks[-1].kind == "ini" or "thị" in low[1:] or "văn" in low[1:]
    )


def _is_year_name(low: list[str], lex) -> bool:
    return len(low) == 2 and low[0] in lex.stems and low[1] in lex.branches


_LOWER_NEXT = re.compile(r" [a-zà-ỹđ]")
_WORD_RE = re.compile(r"[^\W\d_]+")
# a family-name-first name inside a title's gap belongs to someone else
_OTHER_NAME = re.compile(
    r"(?<![^\W\d_])(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đào|Đoàn|Đinh|Lâm|Mai|"
    r"Trịnh|Trương|Cao|Lương|Tạ|Chu|Lưu|Tô|Phùng|Vương) [A-ZĐ]"
)
#: birth-order nicknames used as names after an honorific ("ông Tư", "chị Hai", "bà Sáu")
_NICKNAMES = frozenset("hai ba tư bốn năm sáu bảy tám chín mười út".split())
_NAMED = re.compile(r"(?<![^\W\d_])tên(?:\s+là)?\s+$")
_ACCOUNT = re.compile(
    r"(?<![^\W\d_])(?:tài khoản|fanpage|trang cá nhân|kênh|nhóm|cuốn sách|quyển sách|tác phẩm|bộ phim|ca khúc|"
    r"bài hát|album|ứng dụng|dự án|chiến dịch|chương trình|công ty|thương hiệu|nhãn hiệu|sản phẩm)"
    r"(?: (?!cô\b|bé\b|người\b|ông\b|bà\b|anh\b|chị\b|con\b|cậu\b)[^\s.,;:!?]+){0,10} (?:có )?tên(?: là| gọi)?\s+$"
)
# after a bare foreign name: an age apposition or a verb of speech or of what people do
_HUMAN_AFTER = re.compile(
    r"(?:\s*,\s*\d{1,3}\s+tuổi|\s*\(\d{1,3}\s+tuổi|\s+(?:cho biết|cho hay|nói|nói rằng|khẳng định|chia sẻ|tiết lộ|"
    r"bày tỏ|thừa nhận|kể|kể lại|phát biểu|bình luận|bị bắt|bị bắt giữ|bị kết án|bị truy nã|qua đời|sinh năm|"
    r"tuyên bố|nhấn mạnh|trả lời|viết|cho rằng)(?![^\W\d_]))"
)
_ORG_BEFORE_TITLE = (" văn phòng ", "\nvăn phòng ", " công ty ", "\ncông ty ", " hãng ", " phòng khám ", " đoàn ")
_CAP_PAIR = re.compile(r"(?<![^\W\d_])([A-ZĐ][^\W\d_]+) ([A-ZĐ][^\W\d_]+)")


def _gap_has_name(text: str, s: int, e: int, lex) -> bool:
    """True when the words between a title and a name hold another person's name
    ("thẩm phán Scott McAfee chủ trì ... X"): the title is not this person's."""
    if e - s < 4:
        return False
    if _OTHER_NAME.search(text, s, e):
        return True
    pairs = name_tables()["vi_pair"]
    for m in _CAP_PAIR.finditer(text, s, e):
        a, b = m.group(1).lower(), m.group(2).lower()
        if f"{a} {b}" in lex.places:
            continue
        if is_en_first_name(a) or pairs.get(f"{a} {b}", (0, 0))[1] >= 3:
            return True
    return False


_CAP_HONORIFICS = frozenset(["Ông", "Bà", "Chị", "Cụ"])
_PAREN = re.compile(r" ?\(([^()\n]{2,30})\)")
_PERSONAL = frozenset("ông bà anh chị cô em bé cháu chú cụ thằng con".split())


def find_candidates_vi(doc: TextDoc) -> list[Cand]:
    """Person-name candidates in a Vietnamese document (not yet clustered)."""
    lex = people_lexicon()
    syl = name_syllables()
    ctx = _Ctx(doc, lex.vi_title_phrases, lex.vi_modifiers)
    excl = excluded_spans(doc, ctx.toks_between)
    paras = doc.paragraphs
    pstarts = [p.start for p in paras]
    out: list[Cand] = []
    place_marked: set[str] = set()
    all_runs = find_runs(ctx.text, _skip_words())
    long_keys = {
        " ".join([t.low for t in r[-2:]]) for r in all_runs if len(r) >= 3 and r[-2].text not in _CAP_HONORIFICS
    }
    last_place_end = -10
    last_place_named = False  # the last place looked like a person's name (a street "Lê Lợi")
    single_orgs = word_index().single_orgs
    cap_first = word_index().cap_noun_first
    hon_tail = _hon_tail_re()
    tc_cache: dict[int, bool] = {}

    def title_case(pos: int) -> bool:
        """True inside a Title-Case line (most words capitalised): a heading or caption."""
        k = bisect.bisect_right(pstarts, pos) - 1
        if k < 0:
            return False
        r = tc_cache.get(k)
        if r is None:
            ptext = paras[k].text
            caps = len(CAP_WORD_RE.findall(ptext))
            # words are counted only up to 5/3 * caps: beyond, capitals are under 60%
            limit = 5 * caps // 3
            nw = len(list(islice(_WORD_RE.finditer(ptext), limit + 1)))
            r = nw <= limit and nw >= 4 and caps / nw > 0.6
            tc_cache[k] = r
        return r

    for toks in all_runs:
        if len(toks) == 1:
            t0 = toks[0]
            w0 = t0.low
            if w0 in lex.vi_function and w0 not in lex.family_names:
                if not (w0 in _NICKNAMES and hon_tail.search(ctx.lower, max(0, t0.start - 16), t0.start)):
                    continue  # a capitalised sentence-initial word ("Theo"), not "ông Tư"
            if (
                t0.kind == "w"
                and not hon_tail.search(ctx.lower, max(0, t0.start - 16), t0.start)
                and w0 not in lex.known_single
                and is_vi_syllable(w0)
            ):
                # fast path: a lone Vietnamese word without honorific can only repeat a
                # name already found ("Hương" after "Nguyễn Thị Hương")
                if w0 in lex.places or w0 in lex.organisations or w0 in lex.vi_org_heads:
                    last_place_end = t0.end
                    continue
                if _title_continues(ctx, t0, lex) or in_spans(excl, t0.start, t0.end):
                    continue
                out.append(Cand(t0.start, t0.end, t0.start, t0.end, [t0.text]))
                continue
            if (
                t0.kind == "w"
                and w0 not in lex.known_single
                and not hon_tail.search(ctx.lower, max(0, t0.start - 16), t0.start)
                and ctx.titles.last_before(t0.start, max(0, t0.start - 100)) is None
            ):
                # a lone foreign word with no honorific or title before it: at most a
                # repeated surname ("Obama" after "Barack Obama")
                if w0 in lex.places or w0 in lex.organisations or w0 in lex.en_non_names:
                    last_place_end = t0.end
                    continue
                if in_spans(excl, t0.start, t0.end):
                    continue
                out.append(Cand(t0.start, t0.end, t0.start, t0.end, [t0.text], foreign=True))
                continue
        elif toks[0].low not in lex.honorifics:
            # a known place or organisation ("Hà Nội", "Liên Hợp Quốc") needs no more work
            j0 = " ".join([t.low for t in toks])
            if ((j0 in lex.places or j0 in lex.organisations) and j0 not in lex.known) or (
                len(toks) == 2 and toks[0].low in _COMPASS and compass_place(j0.split(" "))
            ):
                last_place_end = toks[-1].end
                continue
        p0 = toks[0].start  # ctx.prev_word(p0): the word before the run, looked up when needed
        # list of places: "các phường Hồng Hà, Hồng Hải", "Châu Đốc, An Phú và Tân Châu"
        sep = ctx.text[last_place_end : toks[0].start].strip()
        if sep in (",", "và", "hoặc", "-", "–", "(", ")", "),"):
            low0 = [t.low for t in toks]
            personish = (
                (low0[0] in lex.family_names and len(low0) >= 3)
                or " ".join(low0) in lex.known
                or is_foreign([t.text for t in toks])
            )
            # "đường Võ Văn Kiệt và Võ Thị Sáu": a list of streets named after people
            street_list = last_place_named and sep in (",", "và", "-", "–") and low0[0] in lex.family_names
            if (not personish or street_list) and ctx.prev_word(p0) not in _PERSONAL:
                place_marked.add(" ".join([t.low for t in toks]))
                last_place_end = toks[-1].end
                continue
        if _number_before(ctx, toks[0].start):
            continue  # an address: "số 10 Phạm Văn Bạch"
        if _context_nonperson(ctx, toks[0].start, lex) and not _titled_foreign_name(ctx, toks, lex):
            low0 = [t.low for t in toks]
            k = next(
                (k for k in range(1, len(low0) - 1) if low0[k] in lex.family_names and 2 <= len(low0) - k <= 4),
                0,
            ) if low0[0] not in lex.family_names else 0
            if not k and len(low0) >= 3:
                # "bang Arkansas Sarah Huckabee Sanders": a place, then a foreign name
                kp = _strip_places(toks, lex, need_family=False)
                if kp and _first_name(low0[kp], lex) and len(low0) - kp >= 2:
                    k = kp
            place_marked.add(" ".join(low0[:k] if k else low0))
            last_place_end = toks[k - 1].end if k else toks[-1].end
            last_place_named = not k and low0[0] in lex.family_names and len(low0) >= 2
            if not k:
                continue
            toks = toks[k:]  # "xã Tân Lập Nguyễn Văn Bình": a place, then a name
        joined0 = " ".join([t.low for t in toks])
        if (joined0 in lex.places or joined0 in lex.organisations) and joined0 not in lex.known:
            if ctx.prev_word(p0) not in _PERSONAL:
                last_place_end = toks[-1].end
                continue
        # sentence-initial function words ("Theo", "Khi", "Tại") and verbs ("Rời")
        while toks and (
            (toks[0].low in lex.vi_function and toks[0].low not in lex.family_names)
        ):
            if toks[0].low in _NICKNAMES and hon_tail.search(ctx.lower, max(0, toks[0].start - 16), toks[0].start):
                break
            toks = toks[1:]
        while toks and toks[-1].low in lex.vi_function and (
            toks[-1].low not in syl or (len(toks) >= 3 and _LOWER_NEXT.match(ctx.text, toks[-1].end))
        ):
            toks = toks[:-1]  # "Hồng Nhung Từ trái qua"
        for k in range(1, len(toks) - 1):
            w = toks[k].low
            if w in lex.vi_function and w not in syl:
                toks = toks[:k]  # "David Beckham Với Nhật Hào": two names glued by a caption
                break
        if not toks:
            continue
        if in_spans(excl, toks[0].start, toks[-1].end):
            continue
        while toks and _title_continues(ctx, toks[-1], lex):
            toks = toks[:-1]
        if toks and toks[0].low in cap_first and len(toks) >= 2:
            # "Trường Quốc tế X": a capitalised common noun that runs over lower-case words
            nx = ctx.lower[toks[0].start : toks[0].start + 40].split()
            for kk in (3, 2):
                ph = " ".join(nx[:kk])
                if len(nx) >= kk and ph in lex.cap_nouns and ctx.lower.startswith(ph, toks[0].start):
                    toks = [t for t in toks if t.start >= toks[0].start + len(ph)]
                    break
        # a Title-Case title inside the run: "Phó Thủ Tướng Nguyễn Xuân Phúc"
        while len(toks) >= 2:
            te = ctx.titles.max_end_at.get(toks[0].start, 0)
            if te < toks[0].end and toks[0].low in lex.vi_modifiers:
                te = ctx.titles.max_end_at.get(toks[1].start, 0)
            if te <= toks[0].end - 1 or te >= toks[-1].end:
                break
            toks = [t for t in toks if t.start >= te]
        # an honorific inside a run glues two mentions: "Vũ Lê Ông Nguyễn Hồng Hải"
        for k in range(1, len(toks) - 1):
            if toks[k].text in _CAP_HONORIFICS:
                toks = toks[k:]
                break
        if not toks:
            continue
        pi = bisect.bisect_right(pstarts, toks[0].start) - 1
        para_start = paras[pi].start if pi >= 0 else 0
        joined = " ".join([t.low for t in toks])
        if toks[-1].kind == "ini" and len(toks) >= 2 and joined[:-1] in lex.places:
            continue  # "Đông Nam Á." at a sentence end
        if len(toks) >= 3 and " ".join([t.low for t in toks[1:]]) in lex.places and toks[0].low not in lex.honorifics:
            continue  # "Đoàn Việt Nam", "Ga Nội Bài": a group or place of a country/city
        if len(toks) == 2 and toks[0].low in lex.honorifics and looks_like_byline(ctx.text, toks[0].start, toks[-1].end):
            continue  # "Anh Duy" closing the article
        if joined in lex.places and joined in lex.known and ctx.prev_word(p0) not in _PERSONAL and not ctx.titles.end_set.intersection(
            (toks[0].start - 1, toks[0].start)
        ):
            continue  # "Hồ Chí Minh" the city
        if (joined in lex.places or joined in lex.organisations) and joined not in lex.known:
            # "Bà Rịa", "Hà Nội": a place, unless an honorific names a person ("cô Nga")
            hon = _honorific_before(ctx, toks[0].start, lex)
            if not (hon and len(toks) == 1 and hon[0].lower() in _PERSONAL):
                continue
        hon = None
        # honorific inside the run: "Ông Nguyễn Văn A" at sentence start
        if len(toks) >= 2:
            two = toks[0].low + " " + toks[1].low
            h1 = toks[0].low
            if len(toks) >= 3 and two in lex.honorifics:
                hon = (ctx.text[toks[0].start : toks[1].end], toks[0].start, lex.honorifics[two]["gender"])
                toks = toks[2:]
            elif h1 in lex.honorifics and not (len(toks) == 2 and joined in long_keys):
                hon = (toks[0].text, toks[0].start, lex.honorifics[h1]["gender"])
                toks = toks[1:]
        if hon is None:
            hon = _honorific_before(ctx, toks[0].start, lex)
        if hon is not None and hon[0].lower() == "anh" and _context_nonperson(ctx, hon[1], lex):
            continue  # "báo Anh Daily Mail", "hãng Anh X": Anh is England after an outlet/company word
        if hon is None and _context_nonperson(ctx, toks[0].start, lex) and not _titled_foreign_name(ctx, toks, lex):
            place_marked.add(" ".join([t.low for t in toks]))
            last_place_end = toks[-1].end
            continue
        pos = hon[1] if hon else toks[0].start
        title = _title_before(ctx, pos, para_start, lex)
        if title is not None and hon is None and ctx.lower.endswith(_ORG_BEFORE_TITLE, 0, title[0]):
            continue  # "văn phòng luật sư X", "công ty luật sư X": a firm named after a role
        # "Kỳ Sơn (Nghệ An)": a place followed by its province
        if hon is None and title is None and not (toks[0].low in lex.family_names and len(toks) >= 3):
            par = _PAREN.match(ctx.text, toks[-1].end)
            pair_n = name_tables()["vi_pair"].get(" ".join([t.low for t in toks[-2:]]), (0, 0))[1]
            if par and fold(" ".join(par.group(1).split())) in lex.places and pair_n < 2:
                place_marked.add(" ".join([t.low for t in toks]))
                last_place_end = par.end()
                continue
        if toks[0].low in lex.vi_org_heads and hon is None:
            continue
        # leading place names after a title: "Tổng thống Mỹ Barack Obama"
        k = _strip_places(toks, lex, need_family=False) if title is not None or len(toks) >= 3 else 0
        chinese = False
        if k:
            chinese = " ".join([t.low for t in toks[:k]]) in _CHINA
            toks = toks[k:]
        elif title is not None and pos - title[1] > 5:
            chinese = ctx.lower[title[1] : pos].strip() in _CHINA
        words = [t.text for t in toks]
        low = [t.low for t in toks]
        foreign = is_foreign(words)
        if foreign and title is not None and len(toks) >= 3 and not _first_name(low[0], lex):
            # "Fed Jerome Powell", "Hezbollah Hassan Nasrallah": an organisation before the name
            for kk in range(1, len(toks) - 1):
                if _first_name(low[kk], lex):
                    toks, words, low = toks[kk:], words[kk:], low[kk:]
                    break
        # title + org/place words + family-name-first name: split at the family name
        if title and not foreign and len(low) >= 3 and low[0] not in lex.family_names:
            for kk in range(1, len(low) - 1):
                if low[kk] in lex.family_names and 2 <= len(low) - kk <= 4:
                    toks, words, low = toks[kk:], words[kk:], low[kk:]
                    break
        # a sentence-initial word that is no name syllable ("Rời Mỹ Lan")
        if hon is None and not foreign and len(low) >= 2 and low[0] not in syl and toks[0].kind == "w":
            pt = ctx.prev_toks(toks[0].start)
            if not pt or pt[-1].kind == "p":
                toks, words, low = toks[1:], words[1:], low[1:]
        if not toks or _is_year_name(low, lex):
            continue
        if " ".join(low) in lex.not_people:
            continue
        if hon is None and ctx.lower.find("tên", max(0, toks[0].start - 12), toks[0].start) >= 0 and _ACCOUNT.search(
            ctx.lower, max(0, toks[0].start - 90), toks[0].start
        ):
            continue  # "một tài khoản Facebook tên X", "cuốn sách có tên X": a thing's name, not a person
        has_family = (not foreign) and low[0] in lex.family_names
        initials = any(t.kind == "ini" for t in toks)
        if all(t.kind == "ini" for t in toks) and hon is None and not has_family:
            continue
        key = " ".join(low)
        known = key in lex.known or (foreign and low[-1] in lex.known_single) or key in lex.known_single
        n = len(toks)
        if n > 6:
            continue
        strong = False
        if hon is not None:
            strong = True
        elif n <= 3 and not foreign and _NAMED.search(ctx.lower, max(0, toks[0].start - 12), toks[0].start):
            strong = True  # "một cô gái tên Hương", "cháu bé có tên là Minh"
        elif known:
            strong = True
        elif has_family and 2 <= n <= 5 and (_namey(toks, low, syl) or title is not None):
            strong = True
        elif title is not None and not foreign and 2 <= n <= 3 and all(is_vi_syllable(w) for w in low):
            strong = True
        elif foreign and n >= 2 and (
            is_en_first_name(words[0]) or low[0] in lex.known_first or low[0] in lex.world_first or title is not None
        ):
            strong = not any((w in lex.en_non_names and w not in PARTICLES) or w in lex.places for w in low)
        elif foreign and 2 <= n <= 4 and _HUMAN_AFTER.match(ctx.lower, toks[-1].end) and not any(
            w in lex.en_non_names or w in lex.places or w in lex.organisations or w in single_orgs for w in low
        ) and low[-1] not in lex.en_org_words:
            strong = True  # "Somsak Phanwong, 61 tuổi, bị bắt": a foreign name doing what people do
        elif (
            title is not None
            and foreign
            and n == 1
            and low[0] not in lex.en_non_names
        ):
            strong = True
        elif not foreign and 2 <= n <= 3 and _namey(toks, low, syl) and _pair_plausible(words):
            strong = True
        if not strong and n > 1 and not foreign and not has_family:
            continue
        if strong and hon is None and not known and title_case(toks[0].start) and not (has_family and n >= 3):
            continue  # "Cấp Cao", "Phó Ban" in a Title-Case heading
        if foreign and (any(w in single_orgs for w in low) or low[-1] in lex.en_org_words):
            continue
        if hon is None and title is None and not known and looks_like_byline(ctx.text, toks[0].start, toks[-1].end):
            continue
        ns, ne = toks[0].start, toks[-1].end
        s = hon[1] if hon else ns
        titles = []
        explicit = None
        if title is not None:
            ts, te, explicit, phrase = title
            ttxt = " ".join(ctx.text[ts : (hon[1] if hon else ns)].split()).strip(" ,(")
            if ttxt and phrase in lex.vi_titles and not _gap_has_name(ctx.text, te, hon[1] if hon else ns, lex):
                titles.append(ttxt)
        c = Cand(
            start=s,
            end=ne,
            name_start=ns,
            name_end=ne,
            tokens=words,
            honorific=hon[0] if hon else "",
            hon_start=hon[1] if hon else None,
            hon_gender=hon[2] if hon else None,
            titles=titles,
            explicit=explicit,
            foreign=foreign,
            has_family=has_family,
            strong=strong,
            initials=initials,
            chinese=chinese,
        )
        if strong:
            _explicit_after(ctx, c, lex)
        if ctx.text[s - 1 : s] == "(" and out and hon is None and out[-1].strong and ctx.text[out[-1].end : s] in (" (", "(") and ctx.text[ne : ne + 1] in (",", ")"):
            c.alias_of = out[-1]  # "Bùi Văn A (Út Lê, 74 tuổi)": a second name of the same person
        out.append(c)
    if place_marked:
        out = [c for c in out if c.honorific or " ".join([t.lower() for t in c.tokens]) not in place_marked]
    return out


# "Phạm Văn A, chồng chị B", "Lê Thị C (vợ anh D)", "X là con gái của": the appositive
# describes the named person
_APPOSITIVE = re.compile(
    r"\s*(?:,|\(|là)\s*(?!\S+\s+là\b)((?:người\s+)?(?:vợ|chồng|mẹ|bố|cha|con\s+gái|con\s+trai|em\s+gái|em\s+trai|"
    r"chị\s+gái|anh\s+trai|cô\s+gái|chàng\s+trai|đàn\s+ông|phụ\s+nữ|cụ\s+ông|cụ\s+bà|bà\s+mẹ|ông\s+bố))"
    r"(?![^\W\d_])"
)
# "chồng - diễn viên X", "vợ là bà X": a relation noun introducing the named person
_REL_BEFORE = re.compile(
    r"(?<![^\W\d_])((?:người\s+)?(?:vợ|chồng|con\s+gái|con\s+trai|em\s+gái|em\s+trai|chị\s+gái|anh\s+trai|"
    r"mẹ|bố|cha))\s*[-–:]\s*$"
)
# "X - một trong số ít nhà sản xuất nữ": a lower-case "nữ" closing the appositive
_APPOS_NU = re.compile(r"\s*[-–,]\s*(?:[a-zà-ỹđ]+\s+){1,7}?(?<!phụ )(nữ)(?![^\W\d_])")
# "Ngọc Kinh công chúa", "Ức Trai tiên sinh": a gendered title after the name
_POST_TITLE = re.compile(r" (công chúa|hoàng hậu|hoàng tử|phu nhân|tiên sinh|thái tử)(?![^\W\d_])")
# "X và con trai Y", ", con gái Z": a kin word in a list introduces the name right after it
_KIN_COORD = re.compile(
    r"(?:[,;(]|(?<![^\W\d_])(?:và|cùng|với))\s+(?:cậu\s+|cô\s+)?(con\s+trai|con\s+gái|em\s+trai|em\s+gái|anh\s+trai|chị\s+gái)\s+$"
)
_TEN_BEFORE = re.compile(r"(?<![^\W\d_])(cô gái|chàng trai|cậu bé|bé gái|bé trai|thiếu nữ|người phụ nữ|người đàn ông|cụ ông|cụ bà|ông cụ|bà cụ)\s+(?:có\s+)?tên(?:\s+là)?\s+$")


def _explicit_after(ctx: _Ctx, c: Cand, lex) -> None:
    """Explicit sex words around the name: "cô gái tên Hương", "chồng - diễn viên X",
    "X công chúa", "X, chồng của ...", "X - một nhà sản xuất nữ", "Tài (nam, 20 tuổi)".
    Cheap character tests run first so that the regular expressions seldom run."""
    low = ctx.lower
    before = low[max(0, c.start - 40) : c.start]
    if not c.honorific and before.endswith((" trai ", " gái ")):
        mk = _KIN_COORD.search(before)
        if mk:
            g = "male" if mk.group(1).endswith("trai") else "female"
            s = max(0, c.start - 40) + mk.start(1)
            c.explicit = (g, ctx.text[s : s + len(mk.group(1))], s, s + len(mk.group(1)))
            return
    if c.explicit:
        return
    if "tên" in before:
        m = _TEN_BEFORE.search(before)
        if m:
            g = lex.gendered_prefix.get(" ".join(m.group(1).split()))
            if g:
                s = max(0, c.start - 40) + m.start(1)
                c.explicit = (g, ctx.text[s : s + len(m.group(1))], s, s + len(m.group(1)))
                return
    hit = ctx.titles.last_before(c.start, max(0, c.start - 40))
    lo = min(c.start, hit[0]) if hit else c.start
    tail = low[max(0, lo - 4) : lo]
    if "-" in tail or "–" in tail or ":" in tail:
        mb = _REL_BEFORE.search(low, max(0, lo - 30), lo)
        if mb:
            w = " ".join(mb.group(1).split())
            g = lex.relational.get(w) or lex.gendered_prefix.get(w)
            if g in ("female", "male"):
                c.explicit = (g, ctx.text[mb.start(1) : mb.end(1)], mb.start(1), mb.end(1))
                return
    after = low[c.end : c.end + 40]
    first = after.lstrip()[:1]
    if after[:1] == " " and first in "chpt":
        mt = _POST_TITLE.match(after)
        if mt and mt.group(1) in lex.gendered_prefix:
            s = c.end + mt.start(1)
            c.explicit = (lex.gendered_prefix[mt.group(1)], ctx.text[s : c.end + mt.end(1)], s, c.end + mt.end(1))
            return
    if first in ",(l":
        ma = _APPOSITIVE.match(after)
        if ma:
            w = " ".join(ma.group(1).split())
            g = lex.gendered_prefix.get(w) or lex.relational.get(w)
            if g in ("female", "male"):
                s = c.end + ma.start(1)
                c.explicit = (g, ctx.text[s : c.end + ma.end(1)], s, c.end + ma.end(1))
                return
    if first in ",-–" and "nữ" in low[c.end : c.end + 80]:
        mf = _APPOS_NU.match(ctx.text, c.end, min(len(ctx.text), c.end + 80))
        if mf:
            c.explicit = ("female", mf.group(1), mf.start(1), mf.end(1))
            return
    if first in "(,":
        mm = _NAM_NU_PAREN.match(after)
        if mm:
            g = "female" if mm.group(1) == "nữ" else "male"
            s = c.end + mm.start(1)
            c.explicit = (g, ctx.text[s : s + len(mm.group(1))], s, s + len(mm.group(1)))


_NAM_NU_PAREN = re.compile(r"\s*[(,]\s*(nữ|nam)\s*[,)]")
