"""The person-name candidate shared by the Vietnamese and English mention finders."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.document import TextDoc
from ..text.segment import Segment


@dataclass(slots=True)
class Cand:
    """One name mention found in the text, before clustering."""

    start: int  # mention span, honorific included
    end: int
    name_start: int
    name_end: int
    tokens: list[str]
    honorific: str = ""
    hon_start: int | None = None
    hon_gender: str | None = None
    titles: list[str] = field(default_factory=list)
    explicit: tuple[str, str, int, int] | None = None  # (gender, text, start, end)
    foreign: bool = False
    has_family: bool = False
    strong: bool = False  # enough evidence to create a person on its own
    initials: bool = False
    low: list[str] | None = None  # comparison form, filled by clustering
    hint: str | None = None
    hint_done: bool = False
    alias_of: "Cand | None" = None  # "Bùi Văn A (Út Lê, 74 tuổi)": another name of that person
    chinese: bool = False  # introduced as Chinese ("đạo diễn Trung Quốc X"): Sino-Vietnamese reading

    @property
    def key(self) -> str:
        return " ".join(self.tokens).lower()


# credit and source lines: "Ảnh: X", "(Theo X)", "Video: X - Y", "Tổng biên tập: X"
_CREDIT_WORDS = (
    "ảnh", "video", "clip", "đồ họa", "đồ hoạ", "nguồn", "photo", "photos", "credit", "tin, ảnh",
    "tin và ảnh", "bài và ảnh", "bài, ảnh", "bài ảnh", "thực hiện", "tổng biên tập",
    "phó tổng biên tập", "biên tập", "thiết kế", "kỹ thuật", "dựng", "quay", "ảnh minh họa",
    "ảnh minh hoạ",
)
_CREDIT_BEFORE_COLON = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(_CREDIT_WORDS, key=len, reverse=True)) + r")\s*$"
)
_PAREN_SOURCE = ("theo ", "nguồn", "ảnh")


_HONORIFIC_STOP = frozenset("ông bà anh chị cô em cháu bé cụ".split())
_BYLINE_OK = frozenset(
    "theo và - – / , . ( ) nhóm pv phóng viên ctv tổng hợp lược dịch dịch ghi thực hiện tin ảnh bài".split()
)


def excluded_spans(doc: TextDoc, toks_of) -> list[tuple[int, int]]:
    """Spans whose names are not people: photo/video credits, "(Theo X)" source lines,
    and byline paragraphs (a short paragraph made only of a name, at the start or end
    of the body)."""
    text = doc.text
    low = doc.lower
    spans = []
    k = low.find("(")
    while k >= 0:
        if low.startswith(_PAREN_SOURCE, k + 1) or low.startswith(_PAREN_SOURCE, k + 2):
            close = low.find(")", k, k + 120)
            if close > 0:
                spans.append((k, close + 1))
        k = low.find("(", k + 1)
    k = text.find(":")
    while k >= 0:
        m = _CREDIT_BEFORE_COLON.search(low, max(0, k - 24), k)
        k_next = text.find(":", k + 1)
        if m is None:
            k = k_next
            continue
        # "Ảnh: Minh Anh - Thu Hà. ..." : the capitalised names right after the colon
        colon = k + 1
        k = k_next
        end = colon
        ctoks = toks_of(colon, min(len(text), colon + 80))
        for i, t in enumerate(ctoks):
            if t.text.lower() in _HONORIFIC_STOP and end > colon and i + 1 < len(ctoks) and ctoks[i + 1].cap:
                break  # "Ảnh: Minh Toàn Bà Hương, 59 tuổi, ...": a new sentence starts (not "Ảnh: Hà Anh.")
            if t.cap or t.caps or t.text in ("-", "–", "/", "&", ",") or t.text.lower() == "và":
                end = t.end
            else:
                break
        spans.append((m.start(), end))
    paras = [p for p in doc.paragraphs if p.start >= doc.title_len]
    if not paras:
        return spans
    cand: list[Segment] = paras[:1] + paras[-3:]
    for p in cand:
        if len(p.text) > 120:
            continue
        toks = toks_of(p.start, p.end)
        words = [t for t in toks if t.kind in ("w", "ini")]
        if not words or len(words) > 8:
            continue
        low = [t for t in words if not (t.cap or t.caps) and t.text.lower() not in _BYLINE_OK]
        if len(low) > (1 if p is paras[0] else 0):
            continue
        if p.text.rstrip().endswith((".", "!", "?", ":", "”", '"')) and len(words) > 4:
            continue
        spans.append((p.start, p.end))
    return spans


def in_spans(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    for a, b in spans:
        if a <= s and e <= b:
            return True
    return False


_NEXT_NEAR_END = re.compile(
    r"\s*(?:$|/|[(\[]\s*(?:theo|ttxvn|tổng hợp|nguồn|ảnh|vov)|theo\s|để không bỏ lỡ|xem\s|nguồn|"
    r"ảnh\s*:|video\s*:)",
    re.IGNORECASE,
)
_NEXT_NEAR_END_CS = re.compile(r"\s*(?:[(\[]\s*[A-ZĐ]{2,}|[-–]\s*[A-ZĐ]|[A-ZĐ]{3,}(?![^\W\d_]))")
_NEXT_ANYWHERE = re.compile(r"\s*(?:©|/\s*[A-ZĐ]|[Đđ]ể không bỏ lỡ|\(\s*(?:TTXVN|theo|Theo)|[A-ZĐ]{3,}(?![^\W\d_]))")
_PAIR_BEFORE = re.compile(r"(?:^|[.!?…\"”)/]\s+|\n)(?:[A-ZĐ][^\W\d_]*\.?\s+){1,4}[-–]\s+$")
_SENT_END = re.compile(r"(?:^|[.!?…\"”)/])\s*$")


def looks_like_byline(text: str, s: int, e: int) -> bool:
    """A bare name at a sentence start, followed by the end of the text or by a source or
    credit ("/VOV", "(TTXVN)", "Theo AP", "Để không bỏ lỡ..."): the article's byline."""
    before = text[max(0, s - 4) : s]
    if before.endswith("(") and text[e : e + 1] == ")" and len(text) - e < 40:
        return True  # "(Anh Tuấn)" closing the article
    if not (s == 0 or "\n" in before or _SENT_END.search(before)):
        # "Xuân Tùng - Hà Anh" closing the article: the second of two names
        if not (before.endswith(("- ", "– ")) and _PAIR_BEFORE.search(text, max(0, s - 40), s)):
            return False
    rest = text[e : e + 80]
    if len(text) - e < 400 and (_NEXT_NEAR_END.match(rest) or _NEXT_NEAR_END_CS.match(rest)):
        return True
    return bool(_NEXT_ANYWHERE.match(rest))
