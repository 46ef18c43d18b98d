"""The shipped topic model: plain weights in JSON, verified by a SHA-256 checksum.

A model file (``models/topic_<lang>.json``) holds::

    {"format": "genderindex-topic-model", "format_version": 1, "lang": "vi",
     "model_version": "...", "trained": "YYYY-MM-DD", "metadata": {...},
     "payload": {"features": {...}, "vocab": [...], "idf": [...],
                 "lexicons": {category: [terms]}, "pairs": [[a, b], ...], "stop": [...],
                 "heads": {"ge_topic": {"coef": [...], "lex_coef": {...},
                                        "intercept": b, "platt": [a, c],
                                        "threshold": t}, "gbv_story": {...}}},
     "sha256": "<hex digest of the canonical JSON of payload>"}

Loading runs no code from the file (``json`` only). The score of a head is
``f = w·x + Σ lex_coef·lex + intercept`` with ``x`` the TF-IDF vector (sublinear tf,
l2-normalised over the vocabulary); the calibrated probability is
``1 / (1 + exp(-(a·f + c)))`` and the flag is ``probability >= threshold``.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .features import LexiconMatcher, NgramCounter, pair_name

#: sublinear term frequency ``1 + log(c)`` for small counts (the same floats, looked up)
_TF_N = 256
_TF = [0.0] + [1.0 + math.log(c) for c in range(1, _TF_N)]
def _BY_WEIGHT_THEN_NAME(x: tuple[str, float]) -> tuple[float, str]:
    return (-x[1], x[0])

FORMAT = "genderindex-topic-model"
FORMAT_VERSION = 1
HEADS = ("ge_topic", "gbv_story")


class TopicModelError(RuntimeError):
    """A topic model file is missing, unreadable, malformed or fails its checksum."""


def payload_digest(payload: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON form of ``payload``."""
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class HeadScore:
    """Score of one head (flag) for one article."""

    probability: float
    flag: bool
    decision: float
    top: list[tuple[str, float]]
    rule: str = ""  # set when a rule (consistency, evidence), not the threshold, decided the flag
    evidence: tuple[str, ...] = ()  # gbv_story: the gender-based-violence elements found


class TopicModel:
    """A loaded, verified topic model for one language."""

    def __init__(self, data: dict[str, Any], source: str = "<memory>"):
        self.source = source
        _check_structure(data, source)
        self.lang: str = data["lang"]
        self.version: str = str(data.get("model_version", ""))
        self.trained: str = str(data.get("trained", ""))
        self.metadata: dict[str, Any] = data.get("metadata", {})
        p = data["payload"]
        self.settings: dict[str, Any] = p["features"]
        vocab: list[str] = p["vocab"]
        idf: list[float] = p["idf"]
        heads = p["heads"]
        ge, gbv = heads["ge_topic"], heads["gbv_story"]
        # one lookup per n-gram: feature -> (idf, w_ge, w_gbv)
        self.table: dict[str, tuple[float, float, float]] = {
            f: (idf[i], ge["coef"][i], gbv["coef"][i]) for i, f in enumerate(vocab)
        }
        self.counter = NgramCounter(vocab)
        self.lexicon = LexiconMatcher(p["lexicons"], p.get("pairs") or (), p.get("stop") or ())
        self.heads = heads
        # consistency between the flags (see apply_consistency); absent in older files
        self.consistency: dict[str, Any] = p.get("consistency") or {}
        # what gbv_story needs in the text (see gbv_evidence); absent in older files
        self.evidence_rule: dict[str, Any] = p.get("gbv_evidence") or {}
        self.lex_coef = {h: heads[h]["lex_coef"] for h in HEADS}

    # ------------------------------------------------------------------ scoring
    def features(self, title: str, full: str) -> tuple[dict[str, float], dict[str, float]]:
        """``(tfidf, lexicon)`` feature values of a prepared article (see ``prepare_text``)."""
        counts = self.counter.count(title, full)
        table = self.table
        vals: dict[str, float] = {}
        ss = 0.0
        tf = _TF
        for f, c in counts.items():
            v = (tf[c] if 0 < c < _TF_N else 1.0 + math.log(c)) * table[f][0]
            vals[f] = v
            ss += v * v
        if ss > 0.0:
            inv = 1.0 / math.sqrt(ss)
            for f in vals:
                vals[f] *= inv
        return vals, self.lexicon.features(title, full)

    def score(self, title: str, full: str, top_k: int = 5) -> dict[str, HeadScore]:
        """Calibrated probability, flag and top contributing features for each head."""
        vals, lex = self.features(title, full)
        table = self.table
        out: dict[str, HeadScore] = {}
        for j, h in enumerate(HEADS, start=1):
            head = self.heads[h]
            contrib = [(f, v * table[f][j]) for f, v in vals.items()]
            lc = self.lex_coef[h]
            contrib += [(f, v * lc.get(f, 0.0)) for f, v in lex.items()]
            d = head["intercept"] + math.fsum([c for _, c in contrib])
            a, c0 = head["platt"]
            z = a * d + c0
            prob = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
            # ties broken by feature name, so the explanation never depends on hash order
            top = heapq.nsmallest(top_k, [x for x in contrib if x[1] > 0], key=_BY_WEIGHT_THEN_NAME)
            out[h] = HeadScore(prob, prob >= head["threshold"], d, [(f, round(w, 4)) for f, w in top])
        apply_evidence(out, lex, self.evidence_rule)
        apply_consistency(out, lex, self.consistency)
        return out


def focus_terms(lex: dict[str, float], categories: list[str], where: list[str]) -> list[str]:
    """Lexicon features ``lex:<c>:<w>`` present for the given categories and places."""
    return [f"lex:{c}:{w}" for c in categories for w in where if lex.get(f"lex:{c}:{w}")]


def gbv_evidence(lex: dict[str, float], rule: dict[str, Any]) -> list[str]:
    """The gender-based-violence elements of an article, from its lexicon features: a term
    of ``rule["categories"]`` (violence against women, sexual violence) or a sentence
    pairing ``rule["pairs"]`` (a violence word with a partner or family word), each counted
    when it is in the title or the lead, or occurs at least ``rule["min_count"]`` times."""
    need = math.log1p(rule.get("min_count", 2)) - 1e-9
    names = [f"lex:{c}" for c in rule.get("categories", [])]
    names += [pair_name(p) for p in rule.get("pairs", [])]
    found = []
    for n in names:
        for where in (":title", ":lead"):
            if lex.get(n + where):
                found.append(n + where)
                break
        else:
            if lex.get(n, 0.0) >= need:
                found.append(n)
    return found


def apply_evidence(scores: dict[str, HeadScore], lex: dict[str, float], rule: dict[str, Any]) -> None:
    """ANNOTATION.md: a GBV story reports or is about partner or family violence, sexual
    violence, harassment or trafficking. A ``gbv_story`` flag whose text holds none of
    these elements (see :func:`gbv_evidence`) is turned off; a title that names one
    (a term of ``rule["title_categories"]``: violence against women, sexual violence)
    turns it on. ``HeadScore.rule`` says which rule decided; the elements found are kept
    in ``HeadScore.evidence``. The probability stays the model's."""
    if not rule:
        return
    gbv = scores["gbv_story"]
    gbv.evidence = tuple(gbv_evidence(lex, rule))
    forced, why = evidence_decision(lex, rule, gbv.evidence)
    if forced is not None and forced != gbv.flag:
        gbv.flag, gbv.rule = forced, why


def evidence_decision(lex: dict[str, float], rule: dict[str, Any],
                      evidence: tuple[str, ...] | list[str]) -> tuple[bool | None, str]:
    """What the evidence rule decides for ``gbv_story`` whatever the probability: ``False``
    when the text holds no GBV element, ``True`` when the title names one, else ``None``
    (the threshold decides); with the reason."""
    if not evidence:
        return False, "no gender-based-violence element in the text (evidence rule)"
    named = focus_terms(lex, rule.get("title_categories", []), ["title"])
    if named:
        return True, "the title names gender-based violence: " + ", ".join(named)
    return None, ""


def apply_consistency(scores: dict[str, HeadScore], lex: dict[str, float], rule: dict[str, Any]) -> None:
    """The two flags are not independent (ANNOTATION.md: gender-based violence is a gender-
    equality topic). When one flag is on and the title or lead names violence against women
    or sexual violence (``rule["categories"]`` in ``rule["where"]``), the other flag is set
    too; ``HeadScore.rule`` says so. The probabilities are left as the model gave them."""
    if not rule:
        return
    cats, where = rule.get("categories", []), rule.get("where", [])
    ge, gbv = scores["ge_topic"], scores["gbv_story"]
    if ge.flag == gbv.flag:
        return
    hits = focus_terms(lex, cats, where)
    if not hits:
        return
    if gbv.flag and rule.get("ge_from_gbv"):
        ge.flag, ge.rule = True, "gbv_story with " + ", ".join(hits)
    elif ge.flag and rule.get("gbv_from_ge"):
        gbv.flag, gbv.rule = True, "ge_topic with " + ", ".join(hits)


def _check_structure(data: Any, source: str) -> None:
    def bad(why: str) -> TopicModelError:
        return TopicModelError(f"topic model {source}: {why}")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise bad(f"not a {FORMAT} file")
    if data.get("format_version") != FORMAT_VERSION:
        raise bad(f"unsupported format_version {data.get('format_version')!r} (expected {FORMAT_VERSION})")
    payload = data.get("payload")
    if not isinstance(payload, dict):
        raise bad("no payload")
    digest = data.get("sha256")
    if not isinstance(digest, str) or payload_digest(payload) != digest:
        raise bad("checksum mismatch: the weights were modified or the file is damaged; refusing to load")
    try:
        n = len(payload["vocab"])
        if len(payload["idf"]) != n:
            raise bad("idf and vocab lengths differ")
        for h in HEADS:
            head = payload["heads"][h]
            if len(head["coef"]) != n:
                raise bad(f"{h}: coef and vocab lengths differ")
            float(head["intercept"])
            float(head["threshold"])
            if len(head["platt"]) != 2:
                raise bad(f"{h}: platt must have two numbers")
            if not isinstance(head["lex_coef"], dict):
                raise bad(f"{h}: lex_coef must be an object")
        if not isinstance(payload["lexicons"], dict) or not isinstance(payload["features"], dict):
            raise bad("lexicons/features missing")
        ev = payload.get("gbv_evidence") or {}
        if not isinstance(ev, dict) or any(c not in payload["lexicons"] for c in ev.get("categories", [])):
            raise bad("gbv_evidence: categories must be lexicon categories")
        for pair in (payload.get("pairs") or []) + list(ev.get("pairs", [])):
            if (not isinstance(pair, list) or len(pair) not in (2, 3)
                    or any(c not in payload["lexicons"] for c in pair)):
                raise bad(f"pairs: {pair!r} is not two or three lexicon categories")
        if not isinstance(data.get("lang"), str):
            raise bad("lang missing")
    except (KeyError, TypeError, ValueError) as e:
        raise bad(f"malformed payload ({type(e).__name__}: {e})") from None


def load_model(path: str | Path) -> TopicModel:
    """Load and verify a topic model file; :class:`TopicModelError` names the file on failure."""
    path = Path(path)
    if not path.is_file():
        raise TopicModelError(f"topic model file not found: {path}")
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise TopicModelError(f"topic model {path}: cannot read JSON ({e})") from None
    return TopicModel(data, str(path))
