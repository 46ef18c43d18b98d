"""Cue-driven attribution: a reporting verb or frame + a speaker + reported content.

Patterns (Vietnamese and English share the logic, the lexicon differs):

- speaker before the verb, content after: ``Bà Hương cho biết: “...”``,
  ``Ông Dũng cho biết, các đơn vị sẽ ...``, ``Smith said that ...``;
- content before, speaker + verb closing the sentence: ``“...”, ông nói.``,
  ``“...” - anh Tuấn chia sẻ``, ``..., bà Lan, 40 tuổi, kể.``, ``"...," said Smith.``;
- source frames: ``Theo ông X, ...``, ``..., theo bà Minh.``, ``according to Smith``;
- bare honorific or pronoun speakers (``bà cho biết``, ``he said``) resolved by the people
  stage's mentions, else to the most recent compatible person.

Speech without reported content (``ông X đã phát biểu khai mạc``) is not a quote.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..text.quotemarks import QuoteIndex, QuoteSpan
from ..text.segment import ABBREVIATIONS
from .lexicon import QuoteLexicon
from .spans import quote_spans
from .speakers import MentionIndex, Spot

_WORD_RE = re.compile(r"\w+")
# gap between a speaker mention and its verb that is an apposition
# ("Bà X, Giám đốc Sở Y, cho biết", "Ông X (45 tuổi) kể", "anh X - tài xế - nói")
_APPOS_START_RE = re.compile(r"^\s*(?:,|\(|[-–—]\s)")
_CLAUSE_PUNCT_RE = re.compile(r"[,;:()\[\]“”\"«»]")
# things that end the search for a speaker mention going left
_STOP_RE = re.compile(r"[.!?;]\s|…")
_WORD_END_RE = re.compile(r"([\w.]+)\.$")


class _HardStop:
    """Sentence-internal stops that end a subject search ("x. Y", ";", "…"), except the
    full stop of an initial or abbreviation ("George H.W. Bush", "Sen. Lee", "TP. HCM")."""

    @staticmethod
    def search(gap: str) -> bool:
        if "(" in gap:  # "(D-Mo.)", "(TP. HCM)": a short parenthetical does not end anything
            gap = _SHORT_PAREN_RE.sub("()", gap)
        for m in _STOP_RE.finditer(gap):
            if gap[m.start()] != ".":
                return True
            w = _WORD_END_RE.search(gap, 0, m.start() + 1)
            if w is None:
                return True
            word = w.group(1)
            last = word.split(".")[-1] if not word.endswith(".") else word.rstrip(".").split(".")[-1]
            if len(last) == 1 and last.isupper():
                continue
            if last.lower() in ABBREVIATIONS or word.lower().rstrip(".") in ABBREVIATIONS:
                continue
            return True
        return False


_SHORT_PAREN_RE = re.compile(r"\([^()\n]{1,30}\)")
_HARD_STOP_RE = _HardStop()
# a generational suffix the name mention may have left out ("John Carver II (D-Mo.) said")
# (and a home state or district: "Rep. Adam Shaw of Oregon, the senior member, urged")
_NAME_SUFFIX_RE = re.compile(r"^\s(?:Jr\.?|Sr\.?|II|III|IV|of(?:\s+[A-Z][\w.]*){1,3})(?=[\s,(])")
# preceding words that make a mention a possessor or companion, not the subject
# (kin, family, company, representative: "gia đình chị Lan cho rằng", "công ty quản lý của
# nữ diễn viên 26 tuổi Mai khẳng định" – the speaker is not the named person; English "of"
# only after a lowercase noun: "the daughter of X", not "Secretary of State X")
_POSSESSOR_RE = re.compile(
    r"(?:^|\s)(?:của|vợ|chồng|con|bố|mẹ|cha|anh trai|em trai|chị gái|em gái|với|cùng|"
    r"(?i:gia đình|người thân|người nhà|họ hàng|bạn gái|bạn trai|người yêu|công ty)|"
    r"cho|thay mặt|[a-z][\w'’-]*\s+of|with|for|to|wife|husband|son|daughter|by)\s+"
    r"(?:(?:cựu|nguyên|former|[A-ZĐÀ-Ỹ][\w.]*|[a-zđ][\w]*|\d+)\s+){0,5}$",
)
# a speaker tag right after a quotation: '”, anh X' / '” - chị Y' / ',” said' / '!” ông Z'
# (not a new sentence after a closed quotation: '... thing.” After Trump ...')
_AFTER_QUOTE_RE = re.compile(
    r"(?:[,!?…\-–—][”\"»][ \t]*|[”\"»][ \t]*(?:,|[-–—])[ \t]*)(?:[^\s,.;:!?“”\"]+[ \t]+){0,6}$"
)
# words that open a new (non-person) subject after a comma, not an apposition
_NEW_SUBJECT_RE = re.compile(
    r"(?:công an|cơ quan|lực lượng|chính quyền|cảnh sát|nhà chức trách|giới chức|bộ|sở|ubnd|"
    r"tòa|viện|bệnh viện|gia đình|người dân|nhiều người|báo|hãng|truyền thông|phía|họ|"
    r"police|officials|authorities|the police|reports|media|he|she|they|it|we|i)(?!\w)",
    re.IGNORECASE,
)
# passive between the person and the verb: "X được các tạp chí nhận xét", "X bị cáo buộc"
_PASSIVE_GAP_RE = re.compile(
    r"\s*(?:(?:đã|cũng|từng|vẫn|lại|has|had|have)\s+)*(?:được|bị(?! cáo)|was|were|been|is being)(?!\w)"
)
# the words right before a verb, after the last separator (a bare-title subject)
_TITLE_CHUNK_RE = re.compile(r"(?:^|[,;:.!?”\"»(\-–—]\s*)([^\s,;:.!?”\"»(\-–—][^,;:.!?”\"»(\-–—]*?)\s*$")
# what an apposition after a name opens with (not a new clause)
_APPOS_OPEN_RE = re.compile(
    r"(?:,|\()\s*(?:(?:a|an|the|who|whose|one|his|her|its|their|former|then|now|also|"
    r"người|một|vợ|chồng|con|giám đốc|chủ tịch|trưởng|phó|chuyên gia|đại diện|cựu|nguyên)(?!\w)|[0-9]|[A-ZĐ])",
)
# what may follow a bare source of a frame: the end of the frame ("theo bà, ..." / "theo ông.")
_FRAME_END_RE = re.compile(r"\s*(?:[,.;:)]|$)")
# a prepositional adjunct between subject and verb (Vietnamese)
_PP_GAP_RE = re.compile(
    r"\s+(?:(?:cũng|đã|vừa|mới|sau đó|hôm nay|hôm qua|cùng ngày|chiều|sáng|tối|trưa)\s+)*"
    r"(?:trong|tại|ở|khi|sau khi|trước|bên lề|trên|qua|trả lời|trao đổi với|nói với|chia sẻ với|phát biểu tại)\s"
)
# a mention glued to the previous character is part of a hashtag, handle or word (#ImWithLee)
_GLUED_RE = re.compile(r"[\w#@]")
_EN_ADVERB_RE = re.compile(
    r"^(?:(?!(?:family|rally|assembly|ally|supply|reply|italy|emily|holly|sally|kelly|billy|molly|bully|"
    r"monopoly|anomaly|butterfly|belly|jelly|lily|nelly|dolly|early)$)\w{3,}ly|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,4})$"
)
# what may precede a sentence-initial subject: capitalised title words ("Retired Lt. Gen.")
_SUBJECT_PREFIX_RE = re.compile(r"^\s*(?:(?:[A-Z][\w.'’-]*|the|a|an|former)\s+){0,5}$")
# a sentence opening with an adverbial phrase (its subject follows after a comma)
_FRONTED_RE = re.compile(
    r"^\s*(?:at|in|on|during|after|before|when|while|as|since|despite|earlier|later|last|this|"
    r"speaking|addressing|khi|tại|trong|sau|trước|hôm|sáng|chiều|tối|ngày)(?!\w)",
    re.IGNORECASE,
)
# possessive and object pronouns are never the subject of a clause ("for his campaign, X ...")
_NON_SUBJECT_PRONOUNS = frozenset({"his", "her", "him", "their", "them", "its", "hers", "theirs"})
_COORD_IN_GAP_RE = re.compile(r"\s(?:và|rồi|nhưng|and|but)\s")
_SUBORDINATOR_BEFORE_RE = re.compile(r"(?:^|\s)(?:khi|sau khi|trước khi|vì|nếu|when|after|before|because|if|while|since)\s+$")
# a name preceded by a capitalised title right after a comma (", Hiệu trưởng trường Y X")
_IN_PHRASE_RE = re.compile(r"(?:^|\s)(?:và|với|cùng|gặp|and|with|of|to)\s")
_TITLED_NAME_RE = re.compile(r",\s+[A-ZĐÀ-Ỹ][^,;:.!?“”\"()]{0,40}$")
_CLAUSE_BOUNDARY_RE = re.compile(r",|(?<!\w)(?:that|when|after|as|while|because|since|if|but|and)(?!\w)")
_POSSESSIVE_RE = re.compile(r"['’]s?(?!\w)")
_AMBIGUOUS_PRONOUNS = frozenset({"y", "thị"})
_QUOTE_CHAR_RE = re.compile(r"[“”\"«»]")


@dataclass(slots=True)
class Attribution:
    """One reported-speech decision before it becomes a :class:`~genderindex.types.Quote`."""

    start: int
    end: int
    type: str  # direct | indirect
    spot: Spot | None
    cue: str
    cue_start: int
    cue_end: int
    quote: QuoteSpan | None = None
    rule: str = ""


def has_words(text: str, k: int) -> bool:
    """``text`` holds at least ``k`` words (stops counting early)."""
    if k <= 0:
        return True
    for i, _ in enumerate(_WORD_RE.finditer(text), 1):
        if i >= k:
            return True
    return False


def n_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


class Context:
    """Everything the attribution rules need about one article."""

    def __init__(self, doc, people, lex: QuoteLexicon):
        self.doc = doc
        self.text: str = doc.text
        self.lower: str = doc.lower
        self.lex = lex
        self.idx = MentionIndex(people)
        self._drop_ambiguous_pronouns()
        self.people = people
        sents = doc.sentences
        self.sent_starts = [s.start for s in sents]
        self.sent_ends = [s.end for s in sents]
        # reliable quoted spans: closed ones, and unclosed ones of paragraph size
        spans = [q for q in quote_spans(self.text) if q.closed or q.end - q.start <= 800]
        self.spans = spans
        self.top = [q for q in spans if q.depth == 0]
        self.top_starts = [q.start for q in self.top]
        self.top_ends = sorted((q.end, k) for k, q in enumerate(self.top))
        self.qindex = QuoteIndex(spans)
        self.en_adverbs = lex.adverbs if lex.lang == "en" else None
        # person titles, normalised once ("bộ trưởng bộ y tế"), and every title word
        self.person_titles = {
            pid: [" ".join(t.lower().split()) for t in p.titles] for pid, p in enumerate(people) if p.titles
        }
        self.title_words = {w for ts in self.person_titles.values() for t in ts for w in t.split()}
        cues = [c for c in lex.cues.finditer(self.lower) if self._cue_ok(c)] if lex.cues is not None else []
        self.cues = cues
        self.cue_starts = [c[0] for c in cues]
        self.cue_ends = [c[1] for c in cues]

    def _drop_ambiguous_pronouns(self) -> None:
        """Syllables that are pronouns only at a clause start ("y" in "y tế", "thị" in
        "siêu thị"): a pronoun mention of them inside a phrase is not a speaker."""
        keep = []
        for r in self.idx.rows:
            if r[3] == "pronoun" and self.lower[r[0] : r[1]] in _AMBIGUOUS_PRONOUNS:
                prev = self.text[max(0, r[0] - 3) : r[0]]
                if r[0] > 0 and not re.search(r"(?:^|[.,;:!?“”\"()\-–—\n])\s*$", prev):
                    continue
            keep.append(r)
        if len(keep) != len(self.idx.rows):
            self.idx.rows = keep
            self.idx.starts = [r[0] for r in keep]

    def _cue_ok(self, c) -> bool:
        """The verb is not a noun or another word here (``bài phát biểu``, ``kể cả``)."""
        cs, ce, verb = c
        nb = self.lex.not_before.get(verb)
        if nb is not None and nb.search(self.lower, max(0, cs - 30), cs):
            return False
        na = self.lex.not_after.get(verb)
        return na is None or not na.match(self.lower, ce)

    # -- geometry -------------------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        if k < 0:
            return 0, len(self.text)
        return self.sent_starts[k], self.sent_ends[k]

    def in_quote(self, s: int, e: int) -> bool:
        return self.qindex.contains(s, e)

    def quote_starting_near(self, pos: int, limit: int = 4) -> QuoteSpan | None:
        """A top-level quote opening within ``limit`` chars of ``pos`` (whitespace between)."""
        k = bisect.bisect_left(self.top_starts, pos)
        if k < len(self.top):
            q = self.top[k]
            if q.start - pos <= limit and not self.text[pos : q.start].strip(" \n\t:"):
                return q
        return None

    def quote_ending_before(self, pos: int, lo: int) -> QuoteSpan | None:
        """The last top-level quote ending in ``[lo, pos]``."""
        k = bisect.bisect_right(self.top_ends, (pos, 1 << 30)) - 1
        if k >= 0:
            end, qi = self.top_ends[k]
            if end >= lo:
                return self.top[qi]
        return None

    # -- speakers -------------------------------------------------------------------
    def spot_from_row(self, r) -> Spot:
        return Spot(r[2], r[0], r[1], r[3])

    def bare_before(self, pos: int, lo: int) -> Spot | None:
        """A bare honorific/pronoun ending right before ``pos`` (``bà [cũng] cho biết``)."""
        if self.lex.bare_before_re is None:
            return None
        s0 = max(lo, pos - 40)
        m = self.lex.bare_before_re.search(self.lower, s0, pos)
        if not m:
            return None
        ws, we = m.start(1), m.end(1)
        return self._bare_spot(ws, we, m.group(1))

    def bare_after(self, pos: int) -> Spot | None:
        """``theo bà, ...``: a bare honorific/pronoun that is the whole source of a frame."""
        if self.lex.bare_after_re is None:
            return None
        m = self.lex.bare_after_re.match(self.lower, pos)
        if not m or not _FRAME_END_RE.match(self.text, m.end()):
            return None
        return self._bare_spot(m.start(1), m.end(1), m.group(1))

    def _bare_spot(self, ws: int, we: int, word: str) -> Spot | None:
        row = self.idx.at(ws, we)
        if row is not None:
            return self.spot_from_row(row)
        # a capitalised word in mid-sentence is a name ("tiếng Anh"), not a bare honorific
        if self.text[ws].isupper():
            prev = self.text[max(0, ws - 3) : ws]
            ss, _ = self.sentence(ws)
            if ws != ss and not re.search(r"[.:!?“\"\-–—(]\s*$", prev) and self.lex.lang == "vi":
                return None
        # followed by a capitalised word: a name the people stage did not keep
        nxt = self.text[we : we + 2]
        if len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper() and self.lex.lang == "vi":
            return None
        word = " ".join(word.split())
        pid = self.idx.resolve_bare(word, self.lex.bare_gender.get(word, "any"), ws)
        if pid is None:
            return None
        return Spot(pid, ws, we, "pronoun" if self.lex.lang == "en" else "honorific")

    def salient_for_pronoun(self, spot: Spot, ss: int, c_s: int, c_e: int) -> Spot:
        """Re-resolve a gendered pronoun speaker by salience rather than recency: the
        first compatible person of the pronoun's own sentence (the subject of
        ``When Baker was asked whether he trusts Jones, he said``). Names inside
        quotation marks or inside the reported content ``[c_s, c_e)`` are never the
        speaker (``Grant was the best mayor the town ever had, he said``): then the most recent
        compatible person outside them."""
        word = " ".join(self.lower[spot.start : spot.end].split())
        want = self.lex.bare_gender.get(word)
        if want not in ("male", "female"):
            return spot

        def ok(r) -> bool:
            return (
                r[0] != spot.start
                and not (c_s <= r[0] < c_e)
                and not self.in_quote(r[0], r[1])
                and self.people[r[2]].gender == want
                and not _POSSESSOR_RE.search(self.text[max(0, r[0] - 50) : r[0]])
            )

        for r in self.idx.before(ss, spot.start):
            if ok(r):
                return Spot(r[2], spot.start, spot.end, spot.kind)
        # else the subject of the previous sentence when it opens that sentence
        # ("Retired Gen. Tom Baker grew tired of questions about Carl Jones. "...?" he asked")
        # (the sentence before the reported content when the content comes first; sentences
        # naming nobody are skipped, at most two)
        first = min(ss, self.sentence(c_s)[0]) if c_s < ss else ss
        k = bisect.bisect_right(self.sent_starts, first - 1) - 1
        for k in range(k, max(-1, k - 3), -1):
            ps, pe = self.sent_starts[k], min(self.sent_ends[k], first)
            if ps >= first:
                continue
            rows = [r for r in self.idx.before(ps, pe) if not self.in_quote(r[0], r[1])]
            if not rows:
                continue
            if self.subject_position(ps, rows[0][0]) and ok(rows[0]):
                return Spot(rows[0][2], spot.start, spot.end, spot.kind)
            break
        # no usable antecedent nearby: at least never a name inside the content or a quotation
        lo = max(0, spot.start - 2500)
        last = next((r for r in self.idx.backwards(spot.start, lo) if r[2] == spot.pid and r[0] != spot.start), None)
        if last is not None and ((c_s <= last[0] < c_e) or self.in_quote(last[0], last[1])):
            for r in self.idx.backwards(spot.start, lo):
                if ok(r):
                    return Spot(r[2], spot.start, spot.end, spot.kind)
        return spot

    def subject_position(self, ss: int, start: int) -> bool:
        """The mention at ``start`` opens its sentence ``ss``: only title words before it
        (``Retired Lt. Gen.``), in Vietnamese also after a fronted adverbial and a comma
        (``Lần này, nghệ sĩ X``)."""
        prefix = self.text[ss:start]
        if _SUBJECT_PREFIX_RE.match(prefix):
            return True
        if self.lex.lang != "vi":
            return False
        from ..roles import starts_with_role

        head = prefix.rsplit(",", 1)[-1] if n_words(prefix.rsplit(",", 1)[0]) <= 8 else prefix
        return not head.strip() or (n_words(head) <= 6 and "," not in head and starts_with_role("vi", head))

    def speaker_before(self, cue_s: int, lo: int) -> tuple[Spot | None, int]:
        """Speaker mention ending before ``cue_s`` (subject of the verb) and the start of
        the speaker chunk; ``(None, cue_s)`` when there is none."""
        rows = [r for r in self.idx.before(lo, cue_s) if not self.in_quote(r[0], r[1])]
        bare = self.bare_before(cue_s, lo)
        if rows and bare is not None and bare.start >= rows[-1][1]:
            # prefer the bare speaker when it sits between the mention and the verb
            return bare, bare.start
        for k in range(len(rows) - 1, max(-1, len(rows) - 5), -1):
            r = rows[k]
            gap = self.text[r[1] : cue_s]
            if _POSSESSIVE_RE.match(gap):
                continue  # "Mr. Lee's bakery ..., neighbours said": a possessor is no subject
            if gap[:1] == " " and self.lex.lang == "en":
                gap = _NAME_SUFFIX_RE.sub("", gap, count=1)
            if self._cue_between(r[1], cue_s):
                break
            if _PASSIVE_GAP_RE.match(self.lower, r[1], cue_s):
                return None, cue_s
            if _COORD_IN_GAP_RE.search(gap) and _SUBORDINATOR_BEFORE_RE.search(self.lower, max(lo, r[0] - 12), r[0]):
                # "... sau khi ông nhập viện và yêu cầu ...": the subordinate clause's subject
                # is not the subject of the main clause's coordinated verb
                continue
            named = r[3] not in ("pronoun", "honorific")
            if self._valid_gap(gap, named=named, en=self.en_adverbs) or (named and self._after_quote(r[0], gap)):
                # "bà X, vợ ông Y, cho biết": skip possessors back to the head mention
                while k > 0:
                    before = self.text[max(0, rows[k][0] - 50) : rows[k][0]]
                    if not _POSSESSOR_RE.search(before):
                        break
                    prev = rows[k - 1]
                    if not self._valid_gap(self.text[prev[1] : cue_s], long=True):
                        break
                    k -= 1
                k = self._apposition_head(rows, k, cue_s)
                r = rows[k]
                # "phát ngôn viên của X nói", "vợ ông X cho biết": the speaker is unnamed
                if _POSSESSOR_RE.search(self.text[max(lo, r[0] - 50) : r[0]]):
                    return None, cue_s
                return self.spot_from_row(r), r[0]
            if _HARD_STOP_RE.search(gap):
                break
        if bare is not None:
            return bare, bare.start
        titled = self.title_before(cue_s, lo)
        if titled is not None:
            return titled, titled.start
        return None, cue_s

    def clause_subject(self, cue_s: int, lo: int, need_comma: bool = True) -> Spot | None:
        """``Smith criticised the plan, saying ...`` / ``Smith denounced it and said ...``:
        the verb reports the speech of the main clause's subject (the sentence's first person)."""
        if need_comma and not self.text[:cue_s].rstrip().endswith(","):
            return None
        rows = [
            r
            for r in self.idx.before(lo, cue_s)
            if not self.in_quote(r[0], r[1])
            and self.lower[r[0] : r[1]] not in _NON_SUBJECT_PRONOUNS
            and not _POSSESSIVE_RE.match(self.text, r[1])
        ]
        if not rows:
            return None
        r = rows[0]
        head = self.text[lo : r[0]]
        if _POSSESSOR_RE.search(self.text[max(lo, r[0] - 50) : r[0]]):
            return None
        # the subject opens the sentence (after an optional adverbial phrase and title), or
        # follows a long fronted adverbial ("At a rally in X, where ..., Smith attacked ...")
        if len(head) > 60 or _QUOTE_CHAR_RE.search(head):
            if not (_FRONTED_RE.match(head) and head.rstrip().endswith(",") and len(head) <= 250):
                return None
        if self.lex.lang == "en" and not self._en_subject_head(head):
            return None  # "Two farmers asked Mrs. Holt to ..., warning": an object
        return self.spot_from_row(r)

    def _en_subject_head(self, head: str) -> bool:
        """What precedes an English clause subject: nothing or title words (``Campaign
        manager``), after a fronted adverbial's comma or a complementiser (``Aides said
        that Treasurer``)."""
        h = _CLAUSE_BOUNDARY_RE.split(head)[-1]
        if _SUBJECT_PREFIX_RE.match(h):
            return True
        from ..roles import starts_with_role

        return n_words(h) <= 5 and starts_with_role("en", h)

    def _apposition_head(self, rows, k: int, cue_s: int) -> int:
        """``Bill Hyers, a strategist who managed Mayor Bill de Blasio's campaign, said``:
        a mention inside an apposition yields to the head mention the apposition follows."""
        closed = self.text[:cue_s].rstrip().endswith((",", ")"))
        if not closed and self.lex.lang == "en":  # English closes its appositions
            return k
        # "... với A và Giám đốc B, Hiệu trưởng C lên tiếng": a titled name right before the
        # verb is the subject when the earlier name is inside a phrase (after "và", "với"),
        # not when it opens the sentence ("Ông A, Tổng Giám đốc Công ty B cho rằng")
        titled_k = (
            not closed
            and rows[k][3] not in ("pronoun", "honorific")
            and _TITLED_NAME_RE.search(self.text, max(0, rows[k][0] - 40), rows[k][0])
        )
        for j in range(k):
            if not closed and rows[j][3] in ("pronoun", "honorific"):
                continue
            e = rows[j][1]
            if self.text[e : e + 2] not in (", ", " ("):
                continue
            gap = self.text[e:cue_s]
            if len(gap) > 220 or _HARD_STOP_RE.search(gap) or any(c in gap for c in "“”\"«»"):
                continue
            if not _APPOS_OPEN_RE.match(gap):
                continue
            if _POSSESSOR_RE.search(self.text[max(0, rows[j][0] - 50) : rows[j][0]]):
                continue
            if titled_k and _IN_PHRASE_RE.search(self.text, max(self.sentence(rows[j][0])[0], rows[j][0] - 40), rows[j][0]):
                continue
            return j
        return k

    def title_before(self, pos: int, lo: int) -> Spot | None:
        """A bare title as subject (``Chủ tịch nước nêu rõ``, ``vị bộ trưởng cho biết``):
        the most recent person carrying that title."""
        if not self.title_words:
            return None
        left = self.text[max(lo, pos - 60) : pos]
        m = _TITLE_CHUNK_RE.search(left)
        if not m:
            return None
        words = m.group(1).lower().split()
        while words and words[0] in self.lex.title_dets:
            words = words[1:]
        while words and words[-1] in self.lex.title_dets:
            words = words[:-1]
        if not words or len(words) > 6 or not words[0][:1].isalpha() or words[0] not in self.title_words:
            return None
        chunk = " ".join(words)
        pids = {
            pid
            for pid, titles in self.person_titles.items()
            if any(t == chunk or t.startswith(chunk + " ") or t.endswith(" " + chunk) for t in titles)
        }
        if not pids:
            return None
        s0 = max(lo, pos - 60) + m.start(1)
        best, best_pos = None, -1
        for r in self.idx.before(max(0, pos - 3000), s0):
            if r[2] in pids and r[0] > best_pos:
                best, best_pos = r, r[0]
        if best is None:
            return None
        return Spot(best[2], s0, s0 + len(m.group(1)), "title")

    def _cue_between_any(self, s: int, e: int) -> bool:
        """Some reporting verb lies in ``[s, e)``."""
        k = bisect.bisect_left(self.cue_starts, s)
        return k < len(self.cue_starts) and self.cue_starts[k] < e

    def _cue_between(self, s: int, e: int) -> bool:
        """``X, cho biết thêm ... xác nhận``: what follows the mention's comma is another
        reporting verb (a new clause, not an apposition)."""
        k = bisect.bisect_right(self.cue_starts, s)
        if not (k < len(self.cue_starts) and self.cue_ends[k] < e):
            return False
        lead = self.text[s : self.cue_starts[k]]
        return "," in lead and not lead.strip(" ,-–—(")

    def _after_quote(self, mstart: int, gap: str) -> bool:
        """``“...”, anh X, quê Đồng Tháp, nói``: a speaker chunk right after a quotation
        may carry any apposition before its verb."""
        if len(gap) > 150 or _HARD_STOP_RE.search(gap) or any(c in gap for c in "“”\"«»"):
            return False
        return bool(_AFTER_QUOTE_RE.search(self.text, max(0, mstart - 60), mstart))

    @staticmethod
    def _valid_gap(gap: str, long: bool = False, named: bool = True, en: frozenset | None = None) -> bool:
        """Whether ``gap`` (between a mention and its verb) keeps them subject and verb."""
        if len(gap) <= 1:
            return True
        if _HARD_STOP_RE.search(gap) or _QUOTE_CHAR_RE.search(gap):
            return False
        if len(gap) <= 40 and not _CLAUSE_PUNCT_RE.search(gap):
            # English keeps subject and verb together: only adverbs/auxiliaries between
            # (any -ly adverb, a month: "Hill in June sharply criticized")
            # ("Mr. X - who denied any fault": a dash before the relative pronoun)
            return en is None or all(w in en or _EN_ADVERB_RE.match(w) or w in "-–—" for w in gap.lower().split())
        if en is None and len(gap) <= 110 and _PP_GAP_RE.match(gap) and not _CLAUSE_PUNCT_RE.search(gap):
            # "Bộ trưởng X tại hội nghị sáng nay cho biết": a place/time adjunct between
            return True
        if not named:  # appositions follow names, not "ông"/"he"
            return False
        closed = gap.rstrip().endswith((",", ")"))
        if en is not None and not closed and not _APPOS_OPEN_RE.match(gap.lstrip(" ") if gap.startswith(" (") else gap):
            return False
        if len(gap) <= 180 and _APPOS_START_RE.match(gap):
            inner = gap.strip()
            if inner.endswith((",", ")", "-", "–", "—")) or long:
                return True
            # ", Giám đốc Sở Y cho biết" / ", 32 tuổi, ở Hà Nội kể"
            body = inner.lstrip(",(-–— ")
            if body[:1].isupper() or body[:1].isdigit() or "tuổi" in body:
                return True
            # ", điều phối viên của ILO cho biết" (not ", công an cho biết": a new subject)
            if len(gap) <= 120 and not _NEW_SUBJECT_RE.match(body):
                return True
        return False

    def speaker_after(self, pos: int, hi: int) -> Spot | None:
        """Speaker right after an inverted verb (``said Smith``, ``said the mayor, Jo Li``)."""
        rows = [
            r
            for r in self.idx.starting_in(pos, min(hi, pos + 60))
            if not self.in_quote(r[0], r[1]) and not (r[0] > 0 and _GLUED_RE.match(self.text, r[0] - 1))
        ]
        if rows:
            r = rows[0]
            gap = self.text[pos : r[0]]
            if len(gap.strip()) == 0 or (not _CLAUSE_PUNCT_RE.search(gap.rstrip(", ")) and n_words(gap) <= 5):
                return self.spot_from_row(r)
        m = self.lex.bare_after_re.match(self.lower, pos + 1) if self.lex.bare_after_re else None
        if m and self.text[pos : pos + 1] == " ":
            return self._bare_spot(m.start(1), m.end(1), m.group(1))
        return None
