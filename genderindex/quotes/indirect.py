"""Reporting verbs and source frames → attributions (direct when the content is a
quotation or a colon statement, indirect otherwise)."""
from __future__ import annotations

import re

from .attribute import _POSSESSOR_RE, Attribution, Context, has_words, n_words
from .speakers import Spot

_TRIM = " \t\n,.;:-–—"
# a sentence-final verb may be followed by a short tail ("với phóng viên", "to reporters")
_TAIL_MAX_WORDS = 7
# a sentence tail after a closing verb, not content ("với phóng viên", "in a statement")
_TAIL_START_RE = re.compile(
    r"^\s*(?:với|trong|tại|khi|hôm|sáng|chiều|tối|trưa|ngày|qua|trên|bên lề|to|in|at|on|during|"
    r"after|before|while|when|via|through|from|by|late|earlier|last|this|yesterday|today|on)(?!\w)",
    re.IGNORECASE,
)
_COORD_VP_RE = re.compile(
    r"(?<!\w)(?:and|but|và|nhưng|rồi)(?:\s+(?:also|then|later|has|had|have|would|will|cũng|còn|đã|sau đó))*\s+$"
)
_NOT_TITLE_GAP_RE = re.compile(
    r"(?:^|\s)(?:a|an|of|that|lists?|reports?|data|surveys?|polls?|documents?|emails?|records?|"
    r"danh sách|số liệu|thống kê|khảo sát|rằng)(?!\w)",
    re.IGNORECASE,
)
_TAIL_PUNCT_RE = re.compile(r"[,:“\"]")
# a verb followed only by its topic reports no content ("ông giải thích về tầm quan trọng của
# chúng", "she talked about her childhood"); "về việc" + clause gives the gist, it is content
_TOPIC_RE = re.compile(r"^\s*(?:về(?!\s+việc)|about|on the subject of)(?!\w)", re.IGNORECASE)
# a short tail, then a comma and a trailing clause ("phát biểu trước báo giới, nhắc đến ông Y")
_TAIL_THEN_CLAUSE_RE = re.compile(r"^[^,:;“”\"«»]{0,60},")
_INVERTED_RE = re.compile(r"[,”\"]\s*$")
_SEP_BEFORE_RE = re.compile(r"[,\-–—”\"»…!?']\s*$")
# coordinated speakers: "ông A và bà B cho biết" / "A and B said"
_COORD_RE = re.compile(r"^\s*(?:,|và|cùng|and|&)\s*$", re.IGNORECASE)
# ... also with the second person's title: "Lane and Deputy Treasurer Sara Yoon"
_COORD_TITLE_RE = re.compile(r"^\s*(?:và|and|&)\s+(?:[^\W\d][\w.'’-]*\s+){1,4}$", re.IGNORECASE)


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _content_after(ctx: Context, verb: str, after: int, se: int, strong: bool):
    """(start, end, type, quote) of the content after the verb, or None."""
    text = ctx.text
    lex = ctx.lex
    pos = after
    if lex.modifiers_re is not None:
        m = lex.modifiers_re.match(ctx.lower, pos)
        if m:
            pos = m.end()
    rest = text[pos:se]
    stripped = rest.lstrip()
    lead = pos + len(rest) - len(stripped)
    # quotation right after the verb (possibly after a colon, possibly on the next line)
    if stripped.startswith(":") or not stripped:
        colon = lead + 1 if stripped.startswith(":") else lead
        q = ctx.quote_starting_near(colon, 6)
        if q is not None:
            return q.inner_start, q.inner_end, "direct", q
        if stripped.startswith(":") and has_words(text[colon:se], 2):
            s, e = _strip_span(text, colon, se)
            return s, e, "direct", None
        if not stripped:
            return None
    q = ctx.quote_starting_near(pos, 3)
    if q is not None and q.inner_end - q.inner_start > 0:
        return q.inner_start, q.inner_end, "direct", q
    if lex.comp_re is not None:
        m = lex.comp_re.match(ctx.lower, pos)
        if m:
            q = ctx.quote_starting_near(m.end(), 4)
            if q is not None:
                return q.inner_start, q.inner_end, "direct", q
            if has_words(text[m.end() : se], 2):
                s, e = _strip_span(text, m.end(), se)
                return s, e, "indirect", None
    if stripped.startswith(",") and has_words(text[lead + 1 : se], 3 if strong else 4):
        s, e = _strip_span(text, lead + 1, se)
        return s, e, "indirect", None
    # "nói với phóng viên: ...", "told reporters that ..." (a short phrase, then the complement)
    head = text[pos : min(se, pos + 70)]
    for k, ch in enumerate(head):
        if ch == ",":
            # "said about Bush, “...”", "nói với phóng viên, “...”": a short phrase, a comma, a quotation
            q = ctx.quote_starting_near(pos + k + 1, 3)
            if q is not None and k > 0:
                return q.inner_start, q.inner_end, "direct", q
            break
        if ch in ".;!?":
            break
        if ch == ":" or (ch in "“«" and k > 0):
            q = ctx.quote_starting_near(pos + k + (1 if ch == ":" else 0), 4)
            if q is not None:
                return q.inner_start, q.inner_end, "direct", q
            if ch == ":" and has_words(text[pos + k : se], 2):
                s, e = _strip_span(text, pos + k + 1, se)
                return s, e, "direct", None
            break
    if lex.comp_re is not None:
        mm = _COMP_IN_HEAD_RE.search(head)
        if mm and "," not in head[: mm.start()]:
            s, e = _strip_span(text, pos + mm.end(), se)
            if has_words(text[s:e], 2):
                return s, e, "indirect", None
    # (a participle's infinitive is its content: "..., promising to plant trees")
    tail = _is_tail(rest) and _TAIL_START_RE.match(rest) and verb not in lex.participles
    if strong and has_words(rest, 3) and not tail and not _TOPIC_RE.match(rest):
        s, e = _strip_span(text, pos, se)
        return s, e, "indirect", None
    return None


def _tail_then_clause(rest: str) -> bool:
    """``rest`` is an adjunct tail (``in the clip``, ``trước báo giới``) or nothing, then a
    comma and a clause that is not a quotation."""
    head, after = rest.split(",", 1)
    if _QUOTE_OPEN_RE.match(after):
        return False
    return not head.strip() or (_is_tail(head) and bool(_TAIL_START_RE.match(head)))


_COORD_REST_RE = re.compile(r"^\s*(?:và|rồi|and|then)\s", re.IGNORECASE)
_PROGRESSIVE_RE = re.compile(r"(?<!\w)(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?$")
# what a subject's participle may follow without a comma
_SAYING_AFTER_RE = re.compile(
    r"(?<!\w)(?:statement|statements|tweet|tweets|email|emails|letter|post|message|video|release|"
    r"memo|op-ed|by)\s+$"
)
_COMP_IN_HEAD_RE = re.compile(r"\s(?:rằng|that)\s")
_GAP_HEAD_RE = re.compile(r"^[\s,.!?…]*(?:[-–—]\s*)?")
_CLAUSE_OPEN_RE = re.compile(r"[.:!?“\"”,\-–—(]\s*$")
_GAP_PUNCT_RE = re.compile(r"[,.;:!?“”\"]")
_QUOTE_OPEN_RE = re.compile(r"^\s*[“\"«]")


def _long_adjunct(rest: str) -> bool:
    """An adjunct of any length closing the sentence after the verb ('"...," X said during
    a council budget hearing later that month.', '"...", X nói với
    phóng viên tại văn phòng ... hôm 20/1.')."""
    return (
        bool(_TAIL_START_RE.match(rest))
        and not _TAIL_PUNCT_RE.search(rest)
        and not _THAT_RE.search(rest)
        and not has_words(rest, 21)
    )


_THAT_RE = re.compile(r"(?<!\w)(?:that|rằng)(?!\w)", re.IGNORECASE)
_COMPLEMENT_END_RE = re.compile(r"(?<!\w)(?:that|rằng|là)$", re.IGNORECASE)
_COMPLEMENT_START_RE = re.compile(r"\s*(?:that|rằng|là)(?!\w)", re.IGNORECASE)


def _quote_in_sentence(ctx: Context, ss: int, cs: int) -> bool:
    """A quotation closes inside the sentence before the verb ('"...", X nói với ...')."""
    q = ctx.quote_ending_before(cs, ss)
    return q is not None and q.end > ss


def _is_tail(rest: str) -> bool:
    """A short sentence tail after a closing verb ("với VnExpress.", "in a statement");
    never a complement clause ("rằng ...", "that ..."), which is the verb's own content."""
    return (
        not has_words(rest, _TAIL_MAX_WORDS + 1)
        and not _TAIL_PUNCT_RE.search(rest)
        and not _COMPLEMENT_START_RE.match(rest)
    )


def _content_before(ctx: Context, chunk_start: int, ss: int, rest: str, relaxed: bool = False, quote_only: bool = False):
    """(start, end, type, quote) of the content before a closing ``speaker + verb``
    (``quote_only``: only a quotation, not an unquoted clause)."""
    if not relaxed and not _is_tail(rest):
        return None
    text = ctx.text
    q = ctx.quote_ending_before(chunk_start, ss - 1200)
    if q is not None:
        gap = text[q.end : chunk_start]
        # (not across a paragraph break: a new paragraph's speaker tag is not the content's)
        if len(gap) <= 80 and "\n" not in gap and not any(c in gap for c in "“”\"«»"):
            head = _GAP_HEAD_RE.match(gap).group(0)
            tail = gap[len(head) :]
            # the chunk between the quote and the speaker may hold a title ("Chủ tịch xã, ")
            if len(tail) <= 60 and "." not in tail:
                return q.inner_start, q.inner_end, "direct", q
    if quote_only:
        return None
    before = text[ss:chunk_start]
    if _SEP_BEFORE_RE.search(before) and has_words(before, 3):
        s, e = _strip_span(text, ss, chunk_start)
        return s, e, "indirect", None
    return None


def cue_attributions(ctx: Context) -> list[Attribution]:
    """Attributions found from reporting verbs."""
    lex = ctx.lex
    lower = ctx.lower
    out: list[Attribution] = []
    for cs, ce, verb in ctx.cues:
        if ctx.in_quote(cs, ce):
            continue
        participle = verb in lex.participles
        progressive = participle and _PROGRESSIVE_RE.search(lower, max(0, cs - 12), cs)
        if not progressive and lex.blockers_re is not None and lex.blockers_re.search(lower, max(0, cs - 20), cs):
            continue
        # a capitalised cue inside a sentence is part of a name ("Trường Hy Vọng")
        if ctx.text[cs].isupper() and lex.lang == "vi" and not _clause_initial(ctx, cs):
            continue
        strong = verb in lex.strong
        if not strong and ctx._cue_between_any(ce + 1, ce + 3):
            # a weak verb serialised with another reporting verb ("lên tiếng phản đối ...",
            # "phát biểu nhấn mạnh ...") reports content like a strong one
            strong = True
        ss, se = ctx.sentence(cs)
        rule_subject = False
        if progressive:
            # "Hill is saying the fees ...", "Lee is urging voters to ...": a finite verb
            spot, chunk = ctx.speaker_before(progressive.start(), ss)
        elif participle:
            spot, chunk = ctx.clause_subject(cs, ss), cs
            rule_subject = True
            if spot is None:
                spot = _participle_subject(ctx, cs, ss)
            if spot is None and out and out[-1].cue_start is not None and out[-1].cue_start >= ss:
                # '"...," Garner wrote, adding, "..."': the speaker of the sentence's verb
                spot = out[-1].spot
        else:
            spot, chunk = ctx.speaker_before(cs, ss)
            if spot is None and _COORD_VP_RE.search(lower, max(ss, cs - 12), cs):
                # "X denounced the deal and said ...", "ông X đến thăm và cho biết ..."
                spot, chunk = ctx.clause_subject(cs, ss, need_comma=False), cs
                rule_subject = True
        inverted = False
        if (
            lex.lang == "en"
            and spot is not None
            and _INVERTED_RE.search(ctx.text, max(ss, cs - 3), cs)
            # not "Russ Bell, a neighbour of ..., said Mr. Weil was ...": an apposition
            # closed right before the verb keeps its head as the speaker
            and not (spot.kind == "name" and ctx.text[spot.end : spot.end + 1] == "," and spot.end < cs - 2)
        ):
            # '..., says Steve Schale, ...': the name right after the verb is the speaker
            after = ctx.speaker_after(ce, se)
            if after is not None and after.start - ce <= 2 and after.kind not in ("pronoun", "honorific"):
                spot, inverted = after, True
        if spot is None and lex.lang == "en":
            spot = ctx.speaker_after(ce, se)
            inverted = spot is not None
        if spot is None:
            # '"...", một nguồn tin thân cận cho hay' / '"...," a spokesman said': the
            # quotation has a speaker, just not a named one (no floating to a nearby person)
            rest = ctx.text[ce:se]
            if _is_tail(rest):
                content = _content_before(ctx, _chunk_start(ctx, cs, ss), ss, rest, quote_only=True)
                if content is not None:
                    s, e, typ, q = content
                    out.append(Attribution(s, e, typ, None, ctx.text[cs:ce], cs, ce, q, "cue-unnamed"))
            continue
        content = None
        if inverted:
            before = ctx.text[ss:cs]
            content = _content_before(ctx, cs, ss, ctx.text[spot.end : se])
            if content is None and has_words(before, 3) and _SEP_BEFORE_RE.search(before):
                s, e = _strip_span(ctx.text, ss, cs)
                content = (s, e, "indirect", None)
        else:
            rest = ctx.text[ce:se]
            content = None
            tailish = _is_tail(rest) or (_long_adjunct(rest) and (lex.lang == "en" or _quote_in_sentence(ctx, ss, cs)))
            if _COMPLEMENT_END_RE.search(verb):
                tailish = False  # "nói rằng ...", "said that ...": the content follows the verb
            if tailish and verb not in lex.participles:  # "..., saying it was wrong": content after
                content = _content_before(
                    ctx, _chunk_start(ctx, chunk, ss), ss, rest, relaxed=True, quote_only=bool(_TOPIC_RE.match(rest))
                )
            elif _TAIL_THEN_CLAUSE_RE.match(rest) and _tail_then_clause(rest):
                # '"...," she said in the clip, which was ...': the quotation is the content,
                # not the adjunct after the verb
                content = _content_before(ctx, _chunk_start(ctx, chunk, ss), ss, rest, relaxed=True, quote_only=True)
            if content is None and _COORD_REST_RE.match(rest) and ctx._cue_between_any(ce + 1, ce + 25):
                # '"...", ông Lợi nói và cho biết ...': the quotation is this verb's content,
                # the coordinated verb has its own
                content = _content_before(ctx, _chunk_start(ctx, chunk, ss), ss, rest, relaxed=True, quote_only=True)
            if content is None:
                content = _content_after(ctx, verb, ce, se, strong)
            if content is None and _TAIL_THEN_CLAUSE_RE.match(rest) and _is_tail(rest.split(",", 1)[0]):
                # '"...", Bộ trưởng X phát biểu trước báo giới, nhắc đến ông Y': a quotation
                # before the speaker, then a trailing clause
                content = _content_before(ctx, _chunk_start(ctx, chunk, ss), ss, rest, relaxed=True, quote_only=True)
        if content is None:
            continue
        s, e, typ, q = content
        if e <= s:
            continue
        if spot.kind in ("pronoun", "honorific") and ctx.lex.salience:
            spot = ctx.salient_for_pronoun(spot, ss, s, e)
        out.append(Attribution(s, e, typ, spot, ctx.text[cs:ce], cs, ce, q, "cue"))
        # coordinated subjects: "ông A và bà B cho biết"
        for other in _coordinated(ctx, spot, ss, cs if rule_subject else None):
            out.append(Attribution(s, e, typ, other, ctx.text[cs:ce], cs, ce, q, "cue-coord"))
    return out


def _participle_subject(ctx: Context, cs: int, ss: int) -> Spot | None:
    """A participle without a comma: right after its subject ("with spokesman Jo Li saying
    ...", "has Lee saying ..."), or after a communication noun or "by" ("issued a
    statement saying ...", "thanked the staff by saying ...": the clause subject)."""
    rows = [r for r in ctx.idx.before(max(ss, cs - 60), cs) if not ctx.in_quote(r[0], r[1])]
    if rows and not ctx.text[rows[-1][1] : cs].strip():
        r = rows[-1]
        m = _POSSESSOR_RE.search(ctx.text[max(ss, r[0] - 50) : r[0]])
        if m is None or m.group(0).split()[0].lower() in ("with", "với"):  # "with X saying": X speaks
            return ctx.spot_from_row(r)
        return None
    if _SAYING_AFTER_RE.search(ctx.lower, max(ss, cs - 40), cs):
        return ctx.clause_subject(cs, ss, need_comma=False)
    return None


def _clause_initial(ctx: Context, pos: int) -> bool:
    ss, _ = ctx.sentence(pos)
    return pos == ss or bool(_CLAUSE_OPEN_RE.search(ctx.text[max(ss, pos - 4) : pos]))


def _chunk_start(ctx: Context, chunk: int, ss: int) -> int:
    """Start of the speaker chunk: the mention start, extended left over a title that
    precedes it up to the last separator (``..., Giám đốc Sở Y Nguyễn Văn A cho biết``)."""
    text = ctx.text
    lo = max(ss, chunk - 80)
    for k in range(chunk - 1, lo - 1, -1):
        if text[k] in ",-–—”\"»:;(":
            if n_words(text[k + 1 : chunk]) <= 10:
                return k + 1
            break
    return chunk


def _coordinated(ctx: Context, spot: Spot, ss: int, cue_s: int | None = None) -> list[Spot]:
    """Other subjects joined to the speaker by a comma or "và/and" (both directions, the
    forward direction up to the verb: "A and B discouraged it, saying ...")."""
    rows = [r for r in ctx.idx.before(ss, spot.start) if r[2] != spot.pid]
    out = []
    cur = spot.start
    bare = spot.kind in ("pronoun", "honorific")
    for r in reversed(rows):
        joiner = ctx.text[r[1] : cur]
        if bare and "," in joiner:
            break  # "... admires Carl Jones, he said": a clause boundary, not "A, B said"
        if _COORD_RE.match(joiner):
            out.append(Spot(r[2], r[0], r[1], r[3]))
            cur = r[0]
        else:
            break
    if cue_s is not None:
        cur = spot.end
        for r in ctx.idx.starting_in(spot.end, cue_s):
            if r[2] == spot.pid or r[1] > cue_s:
                continue
            if _COORD_RE.match(ctx.text[cur : r[0]]) or _COORD_TITLE_RE.match(ctx.text[cur : r[0]]):
                out.append(Spot(r[2], r[0], r[1], r[3]))
                cur = r[1]
            else:
                break
    return out


def frame_attributions(ctx: Context) -> list[Attribution]:
    """``Theo ông X, ...`` / ``..., theo bà Minh.`` / ``according to Smith`` and
    ``... dẫn lời ông X ...`` (the latter anywhere in a clause)."""
    out: list[Attribution] = []
    lower = ctx.lower
    for matcher, initial in ((ctx.lex.frames, True), (ctx.lex.reported_by, False)):
        if matcher is None:
            continue
        for fs, fe, _ in matcher.finditer(lower):
            ws = fe
            while ws < len(lower) and lower[ws] in " \t":
                ws += 1
            if ws == fe:
                continue
            a = _frame(ctx, fs, fe, ws, clause_initial=initial)
            if a is not None:
                out.append(a)
    return out


def _frame(ctx: Context, fs: int, fe: int, pos: int, clause_initial: bool) -> Attribution | None:
    text = ctx.text
    if ctx.in_quote(fs, fe):
        return None
    ss, se = ctx.sentence(fs)
    prev = text[ss:fs].rstrip()
    # clause-initial frame only ("đi theo ông X" is not a frame)
    if clause_initial and prev and not re.search(
        r"(?:[,;:”\"»(\-–—]|\b(?:và|nhưng|còn|song|tuy nhiên|and|but))$", prev
    ):
        return None
    spot = None
    rows = [r for r in ctx.idx.starting_in(pos, min(se, pos + 60)) if not ctx.in_quote(r[0], r[1])]
    if rows:
        r = rows[0]
        gap = text[pos : r[0]]
        # the frame's own title words may sit in the gap ("theo chuyên gia tâm lý X"),
        # not a document ("according to a list of Romney fundraisers")
        if not _GAP_PUNCT_RE.search(gap) and n_words(gap) <= 8 and not _NOT_TITLE_GAP_RE.search(gap):
            spot = Spot(r[2], r[0], r[1], r[3])
    if spot is None:
        spot = ctx.bare_after(pos)
    if spot is None:
        return None
    after = text[spot.end : se]
    content = None
    # skip an apposition after the name up to the comma that opens the content
    for km in re.finditer(r",", after):
        tail = after[km.end() :]
        head = after[: km.start()]
        if head.strip() == "" and _role_apposition(ctx, tail):
            continue  # "Theo ông X, trưởng thôn, ...": skip the title
        if has_words(tail, 3) and (n_words(head) <= 12 or not head.strip()):
            s, e = _strip_span(text, spot.end + km.end(), se)
            content = (s, e, "indirect", None)
            q = ctx.quote_starting_near(spot.end + km.end(), 3)
            if q is not None:
                content = (q.inner_start, q.inner_end, "direct", q)
            break
    if content is None and (_is_tail(after) or (not clause_initial and _is_apposition(after))):
        content = _content_before(ctx, fs, ss, after, relaxed=not clause_initial)
    if content is None and not clause_initial:
        # "AFP dẫn lời ông X nói: ..." is handled by the verb; "dẫn lời ông X rằng ..."
        m = ctx.lex.comp_re.match(ctx.lower, spot.end) if ctx.lex.comp_re else None
        if m and has_words(text[m.end() : se], 2):
            s, e = _strip_span(text, m.end(), se)
            content = (s, e, "indirect", None)
    if content is None:
        return None
    s, e, typ, q = content
    if e <= s:
        return None
    if spot.kind in ("pronoun", "honorific") and ctx.lex.salience:
        spot = ctx.salient_for_pronoun(spot, ss, s, e)
    return Attribution(s, e, typ, spot, text[fs:fe], fs, fe, q, "frame")


def _role_apposition(ctx: Context, tail: str) -> bool:
    """The text after the name's comma is a title followed by another comma."""
    from ..roles import starts_with_role

    seg = tail.split(",", 1)
    return len(seg) == 2 and n_words(seg[0]) <= 8 and starts_with_role(ctx.lex.lang, seg[0])


def _is_apposition(after: str) -> bool:
    """``" - đại diện Mỹ tại LHQ."``: a title after the name, then the sentence ends."""
    return bool(_APPOSITION_RE.match(after))


# a title after the name, possibly with a time or place adjunct, then the sentence ends
# ("dẫn lời X, chánh án tỉnh Y, hôm nay.")
_APPOSITION_RE = re.compile(r"^\s*(?:,|[-–—])\s*[^,:“”\"]{0,100}(?:,[^,:“”\"]{0,30}){0,1}$")
