"""Training of the topic models with scikit-learn, and export to plain JSON weights.

Used by ``genderindex train topic`` and ``training/train_topic.py``. scikit-learn and
numpy are imported inside the functions: this module is never imported at analysis time.

Recipe (deterministic, fixed seed):

1. features: word 1-2-grams of title + body and of the title alone (``t:``), and
   lexicon counts (see :mod:`genderindex.topic.features`);
2. vocabulary: n-grams in at least ``min_df`` training articles, top ``k`` by chi² for
   each flag (union);
3. TF-IDF (sublinear tf, smooth idf, l2) + lexicon features -> LogisticRegression
   (L2, class_weight="balanced"), C per flag chosen by stratified 5-fold CV
   (average precision);
4. Platt calibration fitted on the out-of-fold decision values; decision threshold =
   the one maximising F1 on the out-of-fold calibrated probabilities.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .features import LexiconMatcher, article_ngrams, prepare_text
from .model import FORMAT, FORMAT_VERSION, HEADS, TopicModel, payload_digest

MODEL_VERSION = "1.0.0"
DEFAULTS = {"k": 1500, "min_df": 2, "folds": 5, "seed": 20261126, "C_grid": [0.3, 1.0, 3.0, 10.0, 30.0]}


# ----------------------------------------------------------------------------- data
def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_lexicons(data_dir: Path, lang: str) -> dict[str, list[str]]:
    """Lexicon categories of ``training/topic/lexicon_<lang>.json`` (keys starting ``_`` dropped)."""
    raw = json.loads((data_dir / f"lexicon_{lang}.json").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in raw.items() if not k.startswith("_")}


def load_training_records(lang: str, data_dir: Path, shared_dir: Path | None) -> tuple[list[dict], dict[str, int]]:
    """Labelled training articles for ``lang``: the written examples, plus the labelled real
    articles whose text is read from the shared data folder when it is available."""
    records: list[dict] = []
    counts: dict[str, int] = {}
    written = data_dir / f"{lang}_written.jsonl"
    for r in _read_jsonl(written):
        records.append({**r, "source": "written"})
    counts["written"] = len(records)
    if shared_dir is not None:
        if lang == "vi":
            labels = data_dir / "vi_unlabeled_labels.jsonl"
            corpus = Path(shared_dir) / "vi-news" / "unlabeled.jsonl"
            if labels.is_file() and corpus.is_file():
                texts = {r["id"]: r for r in _read_jsonl(corpus)}
                n = 0
                for lab in _read_jsonl(labels):
                    src = texts.get(lab["id"])
                    if src is None:
                        continue
                    records.append({"id": lab["id"], "title": src.get("title") or "", "text": src.get("text") or "",
                                    "ge_topic": lab["ge_topic"], "gbv_story": lab["gbv_story"], "source": "vi-unlabeled"})
                    n += 1
                counts["vi-unlabeled"] = n
        else:
            labels = data_dir / "en_polnear_labels.jsonl"
            folder = Path(shared_dir) / "en-news" / "polnear" / "test" / "text"
            if labels.is_file() and folder.is_dir():
                n = 0
                for lab in _read_jsonl(labels):
                    p = folder / f"{lab['id']}.txt"
                    if not p.is_file():
                        continue
                    raw = p.read_text(encoding="utf-8")
                    title, _, body = raw.partition("\n")
                    records.append({"id": lab["id"], "title": title.strip(), "text": body.strip(),
                                    "ge_topic": lab["ge_topic"], "gbv_story": lab["gbv_story"], "source": "polnear"})
                    n += 1
                counts["polnear"] = n
    return records, counts


# ----------------------------------------------------------------------------- model
@dataclass
class Prepared:
    """Features of a list of articles, computed once."""

    ngrams: list[list[str]]
    lex: list[dict[str, float]]
    y: dict[str, list[int]] = field(default_factory=dict)


def prepare(records: Iterable[dict], matcher: LexiconMatcher) -> Prepared:
    ng, lx, ys = [], [], {h: [] for h in HEADS}
    for r in records:
        title, full = prepare_text(r.get("title") or "", r.get("text") or "")
        ng.append(article_ngrams(title, full))
        lx.append(matcher.features(title, full))
        for h in HEADS:
            ys[h].append(int(bool(r.get(h))))
    return Prepared(ng, lx, ys)


def _identity(x):
    return x


class _Fitted:
    """sklearn objects of one fitted model (kept for the round-trip check)."""

    def __init__(self, vocab, vectorizer, lex_names, lrs, platts):
        self.vocab = vocab
        self.vectorizer = vectorizer
        self.lex_names = lex_names
        self.lrs = lrs
        self.platts = platts

    def matrix(self, prep: Prepared, idx=None):
        import numpy as np

        idx = range(len(prep.ngrams)) if idx is None else idx
        docs = [prep.ngrams[i] for i in idx]
        X = self.vectorizer.transform(docs).toarray()
        L = np.array([[prep.lex[i].get(n, 0.0) for n in self.lex_names] for i in idx], dtype=float)
        return np.hstack([X, L.reshape(len(docs), len(self.lex_names))])

    def decision(self, head: str, X):
        return self.lrs[head].decision_function(X)

    def proba(self, head: str, X):
        d = self.decision(head, X)
        return self.platts[head].predict_proba(d.reshape(-1, 1))[:, 1] if self.platts.get(head) else None


def _select_vocab(prep: Prepared, idx, k: int, min_df: int) -> list[str]:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.feature_selection import chi2

    cv = CountVectorizer(analyzer=_identity, min_df=min_df, binary=True)
    X = cv.fit_transform([prep.ngrams[i] for i in idx])
    names = cv.get_feature_names_out()
    chosen: set[str] = set()
    for h in HEADS:
        y = np.array([prep.y[h][i] for i in idx])
        if y.min() == y.max():
            continue
        scores, _ = chi2(X, y)
        scores = np.nan_to_num(scores)
        order = np.lexsort((names, -scores))  # score desc, name asc (deterministic ties)
        chosen.update(names[j] for j in order[:k] if scores[j] > 0)
    return sorted(chosen)


def _fit(prep: Prepared, idx, lex_names: list[str], Cs: dict[str, float], cfg: dict) -> _Fitted:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vocab = _select_vocab(prep, idx, cfg["k"], cfg["min_df"])
    vec = TfidfVectorizer(analyzer=_identity, vocabulary=vocab, sublinear_tf=True, smooth_idf=True, norm="l2")
    vec.fit([prep.ngrams[i] for i in idx])
    fitted = _Fitted(vocab, vec, lex_names, {}, {})
    X = fitted.matrix(prep, idx)
    for h in HEADS:
        y = np.array([prep.y[h][i] for i in idx])
        lr = LogisticRegression(C=Cs[h], class_weight="balanced", max_iter=5000, solver="lbfgs")
        lr.fit(X, y)
        fitted.lrs[h] = lr
    return fitted


def _oof(prep: Prepared, lex_names, Cs, cfg) -> dict[str, Any]:
    """Out-of-fold decision values for every head (stratified k-fold)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    n = len(prep.ngrams)
    strata = np.array([prep.y["ge_topic"][i] * 2 + prep.y["gbv_story"][i] for i in range(n)])
    for s in set(strata.tolist()):  # a stratum too small to split: fall back to the gbv label
        if (strata == s).sum() < cfg["folds"]:
            strata[strata == s] = s % 2
    skf = StratifiedKFold(n_splits=cfg["folds"], shuffle=True, random_state=cfg["seed"])
    out = {h: np.zeros(n) for h in HEADS}
    for tr, te in skf.split(np.zeros(n), strata):
        f = _fit(prep, list(tr), lex_names, Cs, cfg)
        X = f.matrix(prep, list(te))
        for h in HEADS:
            out[h][te] = f.decision(h, X)
    return out


def _platt(decisions, y):
    from sklearn.linear_model import LogisticRegression

    cal = LogisticRegression(C=1e4, max_iter=5000)
    cal.fit(decisions.reshape(-1, 1), y)
    return cal


def _best_threshold(prob, y) -> tuple[float, dict[str, float]]:
    import numpy as np

    order = np.argsort(-prob, kind="mergesort")
    p, t = prob[order], np.asarray(y)[order]
    best = (-1.0, 0.5, {})
    pos = t.sum()
    tp = fp = 0
    for i in range(len(p)):
        tp += t[i]
        fp += 1 - t[i]
        if i + 1 < len(p) and p[i + 1] == p[i]:
            continue
        prec = tp / (tp + fp)
        rec = tp / pos if pos else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[0] + 1e-12:
            nxt = p[i + 1] if i + 1 < len(p) else 0.0
            thr = float((p[i] + nxt) / 2)  # midway to the next lower score
            best = (f1, thr, {"precision": prec, "recall": rec, "f1": f1, "tp": int(tp), "fp": int(fp),
                              "fn": int(pos - tp), "tn": int(len(p) - pos - fp)})
    return best[1], best[2]


def train_model(records: list[dict], lexicons: dict[str, list[str]], lang: str, cfg: dict | None = None,
                trained: str | None = None, metadata: dict | None = None) -> tuple[dict, _Fitted, Prepared, dict]:
    """Train both heads on ``records``; return ``(model_dict, fitted, prepared, report)``."""
    import numpy as np
    from sklearn.metrics import average_precision_score

    cfg = {**DEFAULTS, **(cfg or {})}
    matcher = LexiconMatcher(lexicons)
    lex_names = matcher.feature_names()
    prep = prepare(records, matcher)
    n = len(records)
    report: dict[str, Any] = {"n": n, "positives": {h: int(sum(prep.y[h])) for h in HEADS}, "cv": {}}

    # C per head by out-of-fold average precision
    Cs: dict[str, float] = {}
    oof_by_C = {}
    for C in cfg["C_grid"]:
        oof_by_C[C] = _oof(prep, lex_names, {h: C for h in HEADS}, cfg)
    for h in HEADS:
        y = np.array(prep.y[h])
        aps = {C: average_precision_score(y, oof_by_C[C][h]) for C in cfg["C_grid"]}
        Cs[h] = max(cfg["C_grid"], key=lambda C: (round(aps[C], 6), -C))
        report["cv"][h] = {"C": Cs[h], "average_precision_by_C": {str(C): round(v, 4) for C, v in aps.items()}}

    fitted = _fit(prep, list(range(n)), lex_names, Cs, cfg)
    heads_out = {}
    for h in HEADS:
        y = np.array(prep.y[h])
        d = oof_by_C[Cs[h]][h]
        cal = _platt(d, y)
        fitted.platts[h] = cal
        prob = cal.predict_proba(d.reshape(-1, 1))[:, 1]
        thr, stats = _best_threshold(prob, y)
        report["cv"][h].update({"threshold": thr, "oof_at_threshold": {k: (round(v, 4) if isinstance(v, float) else v)
                                                                          for k, v in stats.items()}})
        lr = fitted.lrs[h]
        coef = [float(x) for x in lr.coef_[0]]
        nv = len(fitted.vocab)
        heads_out[h] = {
            "coef": coef[:nv],
            "lex_coef": {name: coef[nv + j] for j, name in enumerate(lex_names)},
            "intercept": float(lr.intercept_[0]),
            "platt": [float(cal.coef_[0][0]), float(cal.intercept_[0])],
            "threshold": thr,
            "C": Cs[h],
        }
    payload = {
        "features": {
            "normalise": "genderindex.text.normalize.normalize_text + fold",
            "ngrams": "word unigrams + within-clause bigrams of title+body; same for title with prefix 't:'",
            "tf": "sublinear (1 + ln count)", "idf": "smooth (ln((1+n)/(1+df)) + 1)", "norm": "l2 over vocabulary",
            "lexicon": "lex:<category> = ln(1 + whole-word matches); lex:<category>:title = 1 if in title",
            "k_per_flag": cfg["k"], "min_df": cfg["min_df"],
        },
        "vocab": list(fitted.vocab),
        "idf": [float(x) for x in fitted.vectorizer.idf_],
        "lexicons": {k: list(v) for k, v in sorted(lexicons.items())},
        "heads": heads_out,
    }
    import sklearn

    model = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "model_version": MODEL_VERSION,
        "trained": trained or _dt.date.today().isoformat(),
        "metadata": {**(metadata or {}), "sklearn": sklearn.__version__, "seed": cfg["seed"], "cv": report["cv"],
                     "n_train": n, "positives": report["positives"]},
        "payload": payload,
        "sha256": payload_digest(payload),
    }
    return model, fitted, prep, report


def roundtrip_max_diff(model: dict, fitted: _Fitted, prep: Prepared, records: list[dict]) -> float:
    """Largest |p_exported - p_sklearn| over ``records`` for both heads."""
    tm = TopicModel(json.loads(json.dumps(model)))
    X = fitted.matrix(prep)
    worst = 0.0
    sk = {h: fitted.proba(h, X) for h in HEADS}
    for i, r in enumerate(records):
        title, full = prepare_text(r.get("title") or "", r.get("text") or "")
        sc = tm.score(title, full)
        for h in HEADS:
            worst = max(worst, abs(sc[h].probability - float(sk[h][i])))
    return worst


# ----------------------------------------------------------------------------- dev measurement
def measure(model_path: Path, corpus: Path, gold: Path) -> dict[str, Any]:
    """Precision, recall, F1 and confusion counts of a saved model on a gold-annotated corpus
    (measurement only: nothing here feeds back into training)."""
    from .model import load_model

    tm = load_model(model_path)
    gold_by_id = {g["id"]: g for g in _read_jsonl(gold)}
    res: dict[str, Any] = {h: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for h in HEADS}
    errors = []
    for r in _read_jsonl(corpus):
        g = gold_by_id.get(r["id"])
        if g is None:
            continue
        title, full = prepare_text(r.get("title") or "", r.get("text") or "")
        sc = tm.score(title, full)
        for h in HEADS:
            p, t = sc[h].flag, bool(g.get(h))
            key = ("tp" if t else "fp") if p else ("fn" if t else "tn")
            res[h][key] += 1
            if key in ("fp", "fn"):
                errors.append({"id": r["id"], "flag": h, "error": key, "probability": round(sc[h].probability, 3)})
    for h in HEADS:
        c = res[h]
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        c.update({"precision": round(prec, 4), "recall": round(rec, 4),
                  "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0})
    res["errors"] = errors
    return res
