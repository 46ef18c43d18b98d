"""Topic model files: loading, checksum refusal, errors, and export round-trip vs scikit-learn."""
from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

import pytest

from genderindex.topic import get_model, model_path
from genderindex.topic.features import LexiconMatcher, article_ngrams, prepare_text, tokens
from genderindex.topic.model import TopicModelError, load_model, payload_digest

ROOT = Path(__file__).resolve().parent.parent


def _shipped(lang: str = "vi") -> dict:
    return json.loads(model_path(lang).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_shipped_models_load_and_verify(lang):
    t = time.perf_counter()
    m = load_model(model_path(lang))
    elapsed = time.perf_counter() - t
    assert m.lang == lang and m.version
    assert len(m.table) > 200  # a real vocabulary, not a stub
    assert elapsed < 0.5  # budget is < 50 ms on the reference machine (see bench/bench_topic.py)
    for h in ("ge_topic", "gbv_story"):
        assert 0.0 < m.heads[h]["threshold"] < 1.0


def test_missing_file_names_the_file(tmp_path):
    p = tmp_path / "nowhere" / "topic_vi.json"
    with pytest.raises(TopicModelError, match="not found.*topic_vi.json"):
        load_model(p)


def test_corrupt_json_names_the_file(tmp_path):
    p = tmp_path / "topic_vi.json"
    p.write_text('{"format": "genderindex-topic-model", "payload": {', encoding="utf-8")
    with pytest.raises(TopicModelError, match="topic_vi.json.*cannot read JSON"):
        load_model(p)


def test_wrong_format_refused(tmp_path):
    p = tmp_path / "m.json"
    p.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    with pytest.raises(TopicModelError, match="not a genderindex-topic-model"):
        load_model(p)


def test_tampered_weight_refused(tmp_path):
    data = _shipped("vi")
    data["payload"]["heads"]["gbv_story"]["coef"][0] += 1.0  # change one weight, keep old checksum
    p = tmp_path / "topic_vi.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TopicModelError, match="checksum mismatch"):
        load_model(p)


def test_tampered_threshold_and_lexicon_refused(tmp_path):
    for change in (
        lambda d: d["payload"]["heads"]["ge_topic"].__setitem__("threshold", 0.0),
        lambda d: d["payload"]["lexicons"]["women"].append("xe máy"),
    ):
        data = _shipped("vi")
        change(data)
        p = tmp_path / "t.json"
        p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(TopicModelError, match="checksum"):
            load_model(p)


def test_resigned_but_malformed_payload_refused(tmp_path):
    data = _shipped("vi")
    data["payload"]["idf"] = data["payload"]["idf"][:-1]
    data["sha256"] = payload_digest(data["payload"])
    p = tmp_path / "t.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TopicModelError, match="lengths differ"):
        load_model(p)


def test_metadata_edit_does_not_break_checksum(tmp_path):
    data = _shipped("en")
    data["metadata"]["note"] = "metadata is outside the checksummed payload"
    p = tmp_path / "t.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    assert load_model(p).lang == "en"


def test_features_use_normalised_text():
    # decomposed (NFD) input and the other tone placement give the same features
    import unicodedata

    a = prepare_text("Bạo lực", unicodedata.normalize("NFD", "Hoà giải và khoẻ mạnh"))
    b = prepare_text("bạo lực", "Hòa giải và khỏe mạnh")
    assert a == b
    assert tokens("một, hai") == ["một", "", "hai"]
    feats = article_ngrams("tiêu đề", "tiêu đề\n\nhai từ. ba")
    assert "hai từ" in feats and "từ ba" not in feats and "t:tiêu đề" in feats


def test_lexicon_matches_whole_words_only():
    m = LexiconMatcher({"x": ["hiếp", "rape"]})
    assert m.counts("vụ hiếp dâm") == {"x": 1}
    assert m.counts("grapes and drapes") == {}
    f = m.features("rape trial", "rape trial\n\nthe rape case")
    assert f["lex:x:title"] == 1.0 and f["lex:x:lead"] == 1.0 and f["lex:x"] > 1.0


def test_roundtrip_matches_sklearn(tmp_path):
    """Train a small model with scikit-learn, export it, reload the JSON and compare."""
    pytest.importorskip("sklearn")
    from genderindex.topic import train as T

    data = ROOT / "training" / "topic"
    recs, _ = T.load_training_records("vi", data, None)  # written examples only
    lex = T.load_lexicons(data, "vi")
    cfg = {"folds": 3, "C_grid": [3.0], "lex_scale_grid": [0.3], "k": 300}
    model, fitted, prep, _ = T.train_model(recs, lex, "vi", cfg, trained="2000-01-01")
    p = tmp_path / "topic_vi.json"
    p.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
    tm = load_model(p)
    for h in ("ge_topic", "gbv_story"):
        sk = fitted.proba(h, fitted.matrix(prep, h))
        for i, r in enumerate(recs):
            title, full = prepare_text(r["title"], r["text"])
            assert abs(tm.score(title, full)[h].probability - float(sk[i])) < 1e-6
    # same data, same seed: same weights (deterministic training)
    again, *_ = T.train_model(recs, lex, "vi", cfg, trained="2000-01-01")
    assert again["sha256"] == model["sha256"]


def test_classify_does_not_import_sklearn():
    code = (
        "import sys; from genderindex.pipeline import analyze; "
        "r = analyze('Người chồng đánh vợ nhập viện.', lang='vi'); "
        "print(any(m.split('.')[0] in ('sklearn', 'scipy') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_model_is_cached():
    assert get_model("vi") is get_model("vi")


def test_consistency_rule_sets_the_other_flag():
    from genderindex.topic.model import HeadScore, apply_consistency

    rule = {"ge_from_gbv": True, "gbv_from_ge": True, "categories": ["sexual", "vaw"], "where": ["title", "lead"]}

    def scores(ge, gbv):
        return {"ge_topic": HeadScore(0.7 if ge else 0.2, ge, 0.0, []),
                "gbv_story": HeadScore(0.7 if gbv else 0.2, gbv, 0.0, [])}

    s = scores(False, True)
    apply_consistency(s, {"lex:vaw:title": 1.0}, rule)
    assert s["ge_topic"].flag and "lex:vaw:title" in s["ge_topic"].rule
    assert s["ge_topic"].probability == 0.2  # probability untouched
    s = scores(True, False)
    apply_consistency(s, {"lex:sexual:lead": 1.0}, rule)
    assert s["gbv_story"].flag
    # violence terms only deep in the body, or only general-violence terms: no change
    for lex in ({"lex:vaw": 1.0}, {"lex:violence:title": 1.0}):
        s = scores(False, True)
        apply_consistency(s, lex, rule)
        assert not s["ge_topic"].flag and not s["ge_topic"].rule
    s = scores(False, True)
    apply_consistency(s, {"lex:vaw:title": 1.0}, {})
    assert not s["ge_topic"].flag


def _matcher(pairs=(), stop=()):
    from genderindex.topic.features import LexiconMatcher

    lex = {"vaw": ["bạo lực gia đình", "đánh vợ"], "violence": ["bạo lực", "đánh"],
           "family": ["gia đình", "con"], "partner": ["vợ", "chồng"], "carer": ["bảo mẫu"]}
    return LexiconMatcher(lex, pairs, stop)


def test_lexicon_matching_is_leftmost_longest():
    m = _matcher()
    text = "nạn bạo lực gia đình gia tăng"
    assert [(text[s:e], c) for s, e, c in m.matches(text)] == [("bạo lực gia đình", ("vaw",))]
    text = "chồng đánh vợ"
    assert [text[s:e] for s, e, _ in m.matches(text)] == ["chồng", "đánh vợ"]


def test_stop_phrases_shadow_terms_without_counting():
    m = _matcher(stop=["vợ chồng", "đánh giá"])
    text = "hai vợ chồng đánh giá cao con"
    assert [text[s:e] for s, e, _ in m.matches(text)] == ["con"]


def test_sentence_pairs_and_exclusion():
    m = _matcher(pairs=[["violence", "family", "carer"], ["violence", "partner"]])
    title = "bảo mẫu đánh con"
    body = "người đàn ông đánh con. hôm sau chồng đi làm. trời mưa và có người đánh."
    f = m.features(title, title + "\n\n" + body)
    # the title sentence holds a carer word: it does not count for violence+family-carer
    assert f["pair:violence+family-carer"] == pytest.approx(math.log1p(1))
    assert "pair:violence+family-carer:title" not in f
    assert f["pair:violence+family-carer:lead"] == 1.0
    # 'chồng' and the last 'đánh' are in different sentences
    assert "pair:violence+partner" not in f
    assert set(m.feature_names()) >= {"pair:violence+family-carer", "pair:violence+partner:title"}


def test_pairs_must_name_lexicon_categories():
    with pytest.raises(ValueError):
        _matcher(pairs=[["violence", "nosuch"]])


def test_gbv_evidence_rule_is_explained():
    from genderindex.topic.model import HeadScore, apply_evidence

    rule = {"categories": ["vaw"], "pairs": [["violence", "partner"]], "min_count": 2, "title_categories": ["vaw"]}
    on = {"ge_topic": HeadScore(0.1, False, 0.0, []), "gbv_story": HeadScore(0.9, True, 0.0, [])}
    apply_evidence(on, {"lex:violence": 2.0}, rule)
    assert not on["gbv_story"].flag and "evidence" in on["gbv_story"].rule
    kept = {"ge_topic": HeadScore(0.1, False, 0.0, []), "gbv_story": HeadScore(0.9, True, 0.0, [])}
    apply_evidence(kept, {"pair:violence+partner": math.log1p(2)}, rule)
    assert kept["gbv_story"].flag and kept["gbv_story"].evidence == ("pair:violence+partner",)
    once = {"ge_topic": HeadScore(0.1, False, 0.0, []), "gbv_story": HeadScore(0.9, True, 0.0, [])}
    apply_evidence(once, {"lex:vaw": math.log1p(1)}, rule)  # once, outside title and lead: not enough
    assert not once["gbv_story"].flag
    titled = {"ge_topic": HeadScore(0.1, False, 0.0, []), "gbv_story": HeadScore(0.2, False, 0.0, [])}
    apply_evidence(titled, {"lex:vaw": math.log1p(1), "lex:vaw:title": 1.0}, rule)
    assert titled["gbv_story"].flag and "title" in titled["gbv_story"].rule


def test_tampered_pairs_refused(tmp_path):
    data = json.loads(model_path("vi").read_text(encoding="utf-8"))
    data["payload"]["pairs"].append(["violence", "nosuch"])
    data["sha256"] = payload_digest(data["payload"])
    p = tmp_path / "m.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TopicModelError, match="pairs"):
        load_model(p)
