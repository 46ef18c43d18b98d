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
   the one maximising the bootstrap-averaged F1 of the out-of-fold calibrated
   probabilities (after the gbv evidence and title rules for ``gbv_story``).
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .features import LexiconMatcher, NgramCounter, article_ngrams, prepare_text
from .model import FORMAT, FORMAT_VERSION, HEADS, TopicModel, payload_digest

MODEL_VERSION = "1.1.0"
DEFAULTS = {"k": 200, "min_df": 2, "folds": 5, "seed": 20261126, "C_grid": [1.0, 3.0, 10.0, 30.0, 100.0],
            "lex_scale_grid": [0.0, 0.03, 0.1, 0.3, 1.0], "min_real_pos": 15,
            "balance": "class", "max_df": 1.0,
            # ANNOTATION.md: GBV is a gender-equality topic; see model.apply_consistency
            "consistency": {"ge_from_gbv": True, "gbv_from_ge": True, "categories": ["sexual", "vaw"],
                            "where": ["title", "lead"]}}


# ----------------------------------------------------------------------------- data
def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_lexicons(data_dir: Path, lang: str) -> dict[str, list[str]]:
    """Lexicon categories of ``training/topic/lexicon_<lang>.json`` (keys starting ``_`` dropped)."""
    raw = json.loads((data_dir / f"lexicon_{lang}.json").read_text(encoding="utf-8"))
    return {k: list(v) for k, v in raw.items() if not k.startswith("_")}


def load_rules(data_dir: Path, lang: str) -> dict[str, Any]:
    """Training settings kept beside the lexicon in ``training/topic/lexicon_<lang>.json``:
    ``pairs`` (key ``_pairs``: category pairs whose co-occurrence in one sentence is a
    feature, e.g. ``["violence", "partner"]``), ``gbv_evidence`` (key ``_gbv_evidence``:
    what a ``gbv_story`` needs in the text, see :func:`genderindex.topic.model.gbv_evidence`)
    and ``stop`` (key ``_stop``: phrases that shadow the lexicon terms inside them)."""
    raw = json.loads((data_dir / f"lexicon_{lang}.json").read_text(encoding="utf-8"))
    return {"pairs": [list(p) for p in raw.get("_pairs", [])], "gbv_evidence": raw.get("_gbv_evidence") or {},
            "stop": list(raw.get("_stop", []))}


def load_training_records(lang: str, data_dir: Path, shared_dir: Path | None) -> tuple[list[dict], dict[str, int]]:
    """Labelled training articles for ``lang``: the written examples, plus the labelled real
    articles whose text is read from the shared data folder when it is available."""
    records: list[dict] = []
    counts: dict[str, int] = {}
    for written in sorted(data_dir.glob(f"{lang}_written*.jsonl")):
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
    """Prepared texts, candidate n-grams, lexicon features and labels of a list of articles."""

    texts: list[tuple[str, str]]
    ngrams: list[list[str]]
    lex: list[dict[str, float]]
    y: dict[str, list[int]] = field(default_factory=dict)
    src: list[str] = field(default_factory=list)


def prepare(records: Iterable[dict], matcher: LexiconMatcher) -> Prepared:
    tx, ng, lx, ys, src = [], [], [], {h: [] for h in HEADS}, []
    for r in records:
        src.append(r.get("source", "written"))
        title, full = prepare_text(r.get("title") or "", r.get("text") or "")
        tx.append((title, full))
        ng.append(article_ngrams(title, full))
        lx.append(matcher.features(title, full))
        for h in HEADS:
            ys[h].append(int(bool(r.get(h))))
    return Prepared(tx, ng, lx, ys, src)


def _identity(x):
    return x


def _count_matrix(prep: Prepared, counter: NgramCounter, vocab: list[str]):
    """Sparse in-vocabulary n-gram counts of every article, as the shipped model counts them."""
    from scipy.sparse import csr_matrix

    index = {f: j for j, f in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for i, (title, full) in enumerate(prep.texts):
        for f, c in counter.count(title, full).items():
            rows.append(i)
            cols.append(index[f])
            vals.append(c)
    return csr_matrix((vals, (rows, cols)), shape=(len(prep.texts), len(vocab)), dtype=float)


class _FoldFeatures:
    """Vocabulary and TF-IDF of every article for one training subset (shared by the grid)."""

    def __init__(self, prep: Prepared, idx, cfg: dict):
        from sklearn.feature_extraction.text import TfidfTransformer

        self.vocab = _select_vocab(prep, idx, cfg["k"], cfg["min_df"], cfg.get("max_df", 1.0))
        self.counter = NgramCounter(self.vocab)
        counts = _count_matrix(prep, self.counter, self.vocab)
        self.tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")
        self.tfidf.fit(counts[list(idx)])
        self.X = self.tfidf.transform(counts).toarray()


class _Fitted:
    """sklearn objects of one fitted model (kept for the round-trip check)."""

    def __init__(self, ff: _FoldFeatures, lex_names, lex_scale: dict[str, float]):
        self.ff = ff
        self.vocab = ff.vocab
        self.lex_names = lex_names
        self.lex_scale = lex_scale  # per head
        self.lrs: dict[str, Any] = {}
        self.platts: dict[str, Any] = {}

    def matrix(self, prep: Prepared, head: str, idx=None):
        """Feature matrix of ``head`` (TF-IDF recomputed from the texts + scaled lexicon features)."""
        import numpy as np

        idx = list(range(len(prep.texts))) if idx is None else list(idx)
        sub = Prepared([prep.texts[i] for i in idx], [], [prep.lex[i] for i in idx], {})
        X = self.ff.tfidf.transform(_count_matrix(sub, self.ff.counter, self.vocab)).toarray()
        return np.hstack([X, _lex_matrix(sub, range(len(idx)), self.lex_names, self.lex_scale[head])])

    def decision(self, head: str, X):
        return self.lrs[head].decision_function(X)

    def proba(self, head: str, X):
        d = self.decision(head, X)
        return self.platts[head].predict_proba(d.reshape(-1, 1))[:, 1] if self.platts.get(head) else None


def _lex_matrix(prep: Prepared, idx, lex_names, scale: float):
    import numpy as np

    idx = list(idx)
    L = np.array([[prep.lex[i].get(n, 0.0) * scale for n in lex_names] for i in idx], dtype=float)
    return L.reshape(len(idx), len(lex_names))


def _select_vocab(prep: Prepared, idx, k: int, min_df: int, max_df: float = 1.0) -> list[str]:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.feature_selection import chi2

    cv = CountVectorizer(analyzer=_identity, min_df=min_df, max_df=max_df, binary=True)
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


def _sample_weights(prep: Prepared, idx, y):
    """Weights that balance the classes within each data source (written / real news), so that
    the writing style of a source cannot stand in for the label."""
    import numpy as np

    src = np.array([prep.src[i] for i in idx])
    y = np.asarray(y)
    w = np.ones(len(idx))
    for s in set(src.tolist()):
        m = src == s
        for c in (0, 1):
            k = int((m & (y == c)).sum())
            if k:
                w[m & (y == c)] = m.sum() / (2.0 * k)
    return w * (len(idx) / w.sum())


def _fit_lr(ff: _FoldFeatures, prep: Prepared, idx, lex_names, scale: float, C: float, y, balance: str = "class"):
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    idx = list(idx)
    X = np.hstack([ff.X[idx], _lex_matrix(prep, idx, lex_names, scale)])
    if balance == "source":
        lr = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
        lr.fit(X, y, sample_weight=_sample_weights(prep, idx, y))
    else:
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")
        lr.fit(X, y)
    return lr


def _folds(prep: Prepared, cfg: dict):
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    n = len(prep.texts)
    strata = np.array([prep.y["ge_topic"][i] * 2 + prep.y["gbv_story"][i] for i in range(n)])
    for s in sorted(set(strata.tolist())):  # a stratum too small to split joins the one with the same gbv label
        if (strata == s).sum() < cfg["folds"]:
            strata[strata == s] = s ^ 2
    skf = StratifiedKFold(n_splits=cfg["folds"], shuffle=True, random_state=cfg["seed"])
    return [(list(tr), list(te)) for tr, te in skf.split(np.zeros(n), strata)]


def _oof(prep: Prepared, folds, fold_feats, lex_names, scale: float, C: float, balance: str = "class") -> dict[str, Any]:
    """Out-of-fold decision values of every head for one (scale, C)."""
    import numpy as np

    n = len(prep.texts)
    out = {h: np.zeros(n) for h in HEADS}
    for (tr, te), ff in zip(folds, fold_feats):
        X_te = np.hstack([ff.X[te], _lex_matrix(prep, te, lex_names, scale)])
        for h in HEADS:
            y = np.array([prep.y[h][i] for i in tr])
            out[h][te] = _fit_lr(ff, prep, tr, lex_names, scale, C, y, balance).decision_function(X_te)
    return out


def _platt(decisions, y):
    from sklearn.linear_model import LogisticRegression

    cal = LogisticRegression(C=1e4, max_iter=5000)
    cal.fit(decisions.reshape(-1, 1), y)
    return cal


def prf(c: dict[str, int]) -> dict[str, float]:
    """Precision, recall and F1 of confusion counts ``{"tp", "fp", "fn", ...}`` (0 when undefined)."""
    prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def _stats_at(prob, y, thr: float) -> dict[str, float]:
    import numpy as np

    y = np.asarray(y)
    pred = np.asarray(prob) >= thr
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    c = {"tp": tp, "fp": fp, "fn": fn, "tn": int(len(y) - tp - fp - fn)}
    return {**prf(c), **c}


def _best_threshold(prob, y, rounds: int = 200, seed: int = 0) -> tuple[float, dict[str, float]]:
    """The decision threshold with the best F1 averaged over ``rounds`` bootstrap resamples
    of ``(prob, y)``. With few positives the plain F1 maximum sits on one or two articles
    and lands anywhere on a wide plateau; the bootstrap average prefers the threshold that
    does well on most resamples. Candidates are midpoints between consecutive distinct
    scores; ties go to the lower threshold."""
    import numpy as np

    prob, y = np.asarray(prob, dtype=float), np.asarray(y)
    levels = np.unique(prob)[::-1]
    cands = [(levels[i] + (levels[i + 1] if i + 1 < len(levels) else 0.0)) / 2 for i in range(len(levels))]
    cands = np.array([c for c in cands if c > 0.0] or [0.5])
    rng = np.random.default_rng(seed)
    n = len(y)
    pred = prob[None, :] >= cands[:, None]  # candidate x article
    total = np.zeros(len(cands))
    for _ in range(rounds):
        w = np.bincount(rng.integers(0, n, n), minlength=n)
        tp = (pred * (w * (y == 1))).sum(axis=1)
        fp = (pred * (w * (y == 0))).sum(axis=1)
        pos = (w * (y == 1)).sum()
        denom = 2 * tp + fp + (pos - tp)
        total += np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    best = float(total.max())
    thr = float(min(c for c, t in zip(cands, total) if t >= best - 1e-9))
    return thr, _stats_at(prob, y, thr)


def _consistent_stats(prep: Prepared, sel, oof_flags, rule, evidence=None) -> dict[str, Any]:
    """Out-of-fold confusion counts of the flags after the evidence and consistency rules."""
    from .model import HeadScore, apply_consistency, apply_evidence

    idx = [i for i in range(len(prep.texts)) if sel[i]]
    counts = {h: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for h in HEADS}
    for i in idx:
        sc = {h: HeadScore(float(oof_flags[h][0][i]), bool(oof_flags[h][0][i] >= oof_flags[h][1]), 0.0, [])
              for h in HEADS}
        apply_evidence(sc, prep.lex[i], evidence or {})
        apply_consistency(sc, prep.lex[i], rule)
        for h in HEADS:
            t = prep.y[h][i] == 1
            counts[h][("tp" if t else "fp") if sc[h].flag else ("fn" if t else "tn")] += 1
    for h in HEADS:
        c = counts[h]
        c.update({k: round(v, 4) for k, v in prf(c).items()})
    return counts


def train_model(records: list[dict], lexicons: dict[str, list[str]], lang: str, cfg: dict | None = None,
                trained: str | None = None, metadata: dict | None = None) -> tuple[dict, _Fitted, Prepared, dict]:
    """Train both heads on ``records``; return ``(model_dict, fitted, prepared, report)``."""
    import numpy as np
    from sklearn.metrics import average_precision_score

    cfg = {**DEFAULTS, **(cfg or {})}
    pairs = [list(p) for p in cfg.get("pairs") or []]
    evidence = dict(cfg.get("gbv_evidence") or {})
    missing = [p for p in evidence.get("pairs", []) if list(p) not in pairs]
    if missing:
        raise ValueError(f"gbv_evidence pairs {missing} are not among the feature pairs")
    stop = list(cfg.get("stop") or [])
    matcher = LexiconMatcher(lexicons, pairs, stop)
    lex_names = matcher.feature_names()
    prep = prepare(records, matcher)
    n = len(records)
    report: dict[str, Any] = {"n": n, "positives": {h: int(sum(prep.y[h])) for h in HEADS}, "cv": {}}

    # Model selection, calibration and thresholds use the out-of-fold scores of the real
    # news articles when there are enough of them: the written examples are short and
    # clear-cut, so scores on them overstate accuracy on real news.
    real = np.array([r.get("source", "written") != "written" for r in records])
    enough = all(sum(prep.y[h][i] for i in range(n) if real[i]) >= cfg["min_real_pos"] for h in HEADS)
    sel = real if enough else np.ones(n, dtype=bool)
    report["selection_set"] = "real articles" if enough else "all training articles"
    # lexicon scale (shared) and C (per head) by out-of-fold average precision
    folds = _folds(prep, cfg)
    fold_feats = [_FoldFeatures(prep, tr, cfg) for tr, _ in folds]
    oof = {}
    aps = {}
    for sc in cfg["lex_scale_grid"]:
        for C in cfg["C_grid"]:
            oof[(sc, C)] = _oof(prep, folds, fold_feats, lex_names, sc, C, cfg["balance"])
            for h in HEADS:
                aps[(sc, C, h)] = average_precision_score(np.array(prep.y[h])[sel], oof[(sc, C)][h][sel])

    # per head: best (scale, C) by average precision; ties -> larger scale, smaller C
    scales: dict[str, float] = {}
    Cs: dict[str, float] = {}
    for h in HEADS:
        scales[h], Cs[h] = max(((sc, C) for sc in cfg["lex_scale_grid"] for C in cfg["C_grid"]),
                               key=lambda p: (round(aps[(p[0], p[1], h)], 6), p[0], -p[1]))
    report["lex_scale"] = scales
    for h in HEADS:
        report["cv"][h] = {"C": Cs[h], "lex_scale": scales[h],
                           "average_precision": {f"scale={sc},C={C}": round(aps[(sc, C, h)], 4)
                                                 for sc in cfg["lex_scale_grid"] for C in cfg["C_grid"]}}

    all_idx = list(range(n))
    ff = _FoldFeatures(prep, all_idx, cfg)
    fitted = _Fitted(ff, lex_names, scales)
    for h in HEADS:
        fitted.lrs[h] = _fit_lr(ff, prep, all_idx, lex_names, scales[h], Cs[h], np.array(prep.y[h]), cfg["balance"])
    heads_out = {}
    oof_flags: dict[str, Any] = {}
    for h in HEADS:
        y = np.array(prep.y[h])[sel]
        d = oof[(scales[h], Cs[h])][h][sel]
        cal = _platt(d, y)
        fitted.platts[h] = cal
        prob = cal.predict_proba(d.reshape(-1, 1))[:, 1]
        prob_all = cal.predict_proba(oof[(scales[h], Cs[h])][h].reshape(-1, 1))[:, 1]
        if h == "gbv_story" and evidence:  # the evidence rule decides some articles: choose the threshold after it
            from .model import evidence_decision, gbv_evidence

            forced = [evidence_decision(prep.lex[i], evidence, gbv_evidence(prep.lex[i], evidence))[0]
                      for i in range(n) if sel[i]]
            thr, stats = _best_threshold(np.array([p if f is None else float(f) for p, f in zip(prob, forced)]), y)
        else:
            thr, stats = _best_threshold(prob, y)
        oof_flags[h] = (prob_all, thr)
        report["cv"][h].update({"threshold": thr, "oof_at_threshold": {k: (round(v, 4) if isinstance(v, float) else v)
                                                                          for k, v in stats.items()}})
        lr = fitted.lrs[h]
        coef = [float(x) for x in lr.coef_[0]]
        nv = len(fitted.vocab)
        heads_out[h] = {
            "coef": coef[:nv],
            "lex_coef": {name: coef[nv + j] * scales[h] for j, name in enumerate(lex_names)},
            "intercept": float(lr.intercept_[0]),
            "platt": [float(cal.coef_[0][0]), float(cal.intercept_[0])],
            "threshold": thr,
            "C": Cs[h],
        }
    report["cv_with_consistency"] = _consistent_stats(prep, sel, oof_flags, cfg["consistency"], evidence)
    if real.any():
        report["cv_real"] = _consistent_stats(prep, real, oof_flags, cfg["consistency"], evidence)
    payload = {
        "features": {
            "normalise": "genderindex.text.normalize.normalize_text + fold",
            "ngrams": "word unigrams + within-clause bigrams of title+body; same for title with prefix 't:'",
            "tf": "sublinear (1 + ln count)", "idf": "smooth (ln((1+n)/(1+df)) + 1)", "norm": "l2 over vocabulary",
            "lexicon": "lex:<category> = ln(1 + whole-word matches); lex:<category>:title = 1 if in title",
            "pairs": "pair:<a>+<b> = ln(1 + sentences with matches of both); pair:<a>+<b>:title = 1 if in title",
            "k_per_flag": cfg["k"], "min_df": cfg["min_df"],
        },
        "vocab": list(fitted.vocab),
        "idf": [float(x) for x in ff.tfidf.idf_],
        "lexicons": {k: list(v) for k, v in sorted(lexicons.items())},
        "pairs": pairs,
        "gbv_evidence": evidence,
        "stop": stop,
        "heads": heads_out,
        "consistency": dict(cfg["consistency"]),
    }
    import sklearn

    model = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "lang": lang,
        "model_version": MODEL_VERSION,
        "trained": trained or _dt.date.today().isoformat(),
        "metadata": {**(metadata or {}), "sklearn": sklearn.__version__, "seed": cfg["seed"], "cv": report["cv"], "selection_set": report["selection_set"],
                     "cv_with_consistency": report["cv_with_consistency"],
                     "cv_real": report.get("cv_real"),
                     "n_train": n, "positives": report["positives"]},
        "payload": payload,
        "sha256": payload_digest(payload),
    }
    return model, fitted, prep, report


def roundtrip_max_diff(model: dict, fitted: _Fitted, prep: Prepared, records: list[dict]) -> float:
    """Largest |p_exported - p_sklearn| over ``records`` for both heads."""
    tm = TopicModel(json.loads(json.dumps(model)))
    worst = 0.0
    sk = {h: fitted.proba(h, fitted.matrix(prep, h)) for h in HEADS}
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
        c.update({k: round(v, 4) for k, v in prf(c).items()})
    res["errors"] = errors
    return res
