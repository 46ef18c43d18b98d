"""Tests of the gold scorer: name matching, per-gender metrics, findings, topic flags, CLI."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from genderindex.cli import app
from genderindex.evaluate import (
    EXACT, MENTION, PREFIX, SUFFIX, GoldError, evaluate_outputs, mention_name_tokens, name_strength, name_tokens,
)


def gp(name, gender="unknown", quoted=False, mentions=None, function="other", quote_type=None):
    return {"name": name, "mentions": mentions or [name], "gender": gender, "quoted": quoted,
            "quote_type": quote_type if quote_type or not quoted else "direct", "function": function}


def sp(name, gender="unknown", quoted=False, mentions=(), function="other", quote_type=None):
    return {"name": name, "gender": gender, "quoted": quoted, "quote_type": quote_type if quoted else None,
            "function": function, "mentions": [dict(m) for m in mentions]}


def grec(id_, people=(), findings=(), ge=False, gbv=False):
    return {"id": id_, "lang": "vi", "people": list(people), "findings": list(findings), "ge_topic": ge, "gbv_story": gbv}


def srec(id_, people=(), findings=(), ge=False, gbv=False):
    return {"id": id_, "people": list(people), "findings": list(findings), "ge_topic": ge, "gbv_story": gbv}


# ---- name keys and strengths ---------------------------------------------------------

@pytest.mark.parametrize("raw,key", [
    ("bà Nguyễn Thị Hương", ("nguyễn", "thị", "hương")),
    ("Ông Lê Văn Hùng", ("lê", "văn", "hùng")),
    ("Mr. Smith", ("smith",)),
    ("Dr Jane Goodall", ("jane", "goodall")),
    ("thằng Tí", ("tí",)),
    ("chị H.", ("h",)),
    ("bà N.T.H.", ("n", "t", "h")),
    ("Trump's", ("trump",)),
    ("Nguyễn Thị Thuỷ", ("nguyễn", "thị", "thủy")),  # tone placement
])
def test_name_tokens_strip_honorifics(raw, key):
    assert name_tokens(raw) == key


def test_mention_name_part_drops_titles_and_bare_honorifics():
    assert mention_name_tokens("Chủ tịch Tập") == ("tập",)
    assert mention_name_tokens("ông") == ()
    assert mention_name_tokens("President Donald Trump") == ("donald", "trump")
    # sentence-initial pronouns and bare honorifics are not names
    assert mention_name_tokens("She") == () and mention_name_tokens("Ông") == ()
    assert mention_name_tokens("The President") == ()


def test_capitalised_pronoun_mentions_do_not_link_two_people():
    gold = [grec("a", [gp("Lan", "female", mentions=["Lan", "She"])])]
    system = [srec("a", [sp("Mai", "female", mentions=[{"start": 0, "end": 3, "text": "She"}])])]
    assert evaluate_outputs(gold, system)["people"]["tp"] == 0


@pytest.mark.parametrize("a,b,strength", [
    ("Nguyễn Thị Hương", "bà Nguyễn Thị Hương", EXACT),
    ("Hương", "Nguyễn Thị Hương", SUFFIX),
    ("Thị Hương", "Nguyễn Thị Hương", SUFFIX),
    ("Trump", "Donald Trump", SUFFIX),
    ("N.T.H.", "Nguyễn Thị Hương", SUFFIX),
    ("Hillary", "Hillary Clinton", PREFIX),
    ("Nguyễn", "Nguyễn Thị Hương", 0),  # a bare family name is not a person match
    ("Hương", "Nguyễn Thị Hường", 0),
    ("Lan", "Lê Thị Mai", 0),
    ("Cleaver", "Emanuel Cleaver II", PREFIX),  # generational suffix missing: weaker match
    ("Trump Jr.", "Donald Trump Jr.", SUFFIX),
])
def test_name_strength(a, b, strength):
    assert name_strength(name_tokens(a), name_tokens(b)) == strength


# ---- people matching -----------------------------------------------------------------

def test_honorific_and_suffix_match_are_true_positives():
    gold = [grec("a", [gp("Nguyễn Thị Hương", "female", True), gp("Lê Văn Hùng", "male")])]
    system = [srec("a", [sp("bà Hương", "female", True), sp("Lê Văn Hùng", "male")])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] == 2 and r["people"]["f1"] == 1.0
    assert r["sources"]["tp"] == 1
    assert r["match_strengths"] == {"exact": 1, "suffix": 1, "prefix": 0, "mention": 0}


def test_one_to_one_assignment_prefers_exact_names():
    # two gold people share the given name Minh; the system finds both, one by full name
    gold = [grec("a", [gp("Trần Văn Minh", "male"), gp("Phạm Thị Minh", "female")])]
    system = [srec("a", [sp("Minh", "male"), sp("Phạm Thị Minh", "female")])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] == 2
    pairs = sorted(tuple(p[:2]) for p in r["articles"][0]["matched_people"])
    assert pairs == [("Phạm Thị Minh", "Phạm Thị Minh"), ("Trần Văn Minh", "Minh")]


def test_one_system_person_cannot_match_two_gold_people():
    gold = [grec("a", [gp("Trần Văn Minh", "male"), gp("Phạm Thị Minh", "female")])]
    system = [srec("a", [sp("Minh", "male")])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] == 1
    assert r["people"]["precision"] == 1.0 and r["people"]["recall"] == 0.5
    assert len(r["articles"][0]["missed_people"]) == 1


def test_father_and_son_are_matched_to_the_right_gold_person():
    gold = [grec("a", [gp("Donald Trump", "male"), gp("Donald Trump Jr.", "male")])]
    system = [srec("a", [sp("Trump Jr.", "male"), sp("Donald Trump", "male")])]
    r = evaluate_outputs(gold, system)
    assert sorted(tuple(p[:2]) for p in r["articles"][0]["matched_people"]) == [
        ("Donald Trump", "Donald Trump"), ("Donald Trump Jr.", "Trump Jr.")]


def test_missed_sources_say_whether_the_person_was_found():
    gold = [grec("a", [gp("Lan", "female", True), gp("Hùng", "male", True)])]
    system = [srec("a", [sp("Lan", "female", False), sp("Tuấn", "male", True)])]
    err = evaluate_outputs(gold, system)["articles"][0]
    assert "Lan (person found, not quoted)" in err["missed_sources"]
    assert "Hùng (person missed)" in err["missed_sources"]
    assert err["spurious_sources"] == ["Tuấn (no gold person)"]


def test_mention_forms_match_when_names_differ():
    # the system only saw "ông Hòa" for a gold person named by a different full form
    gold = [grec("a", [gp("Lê Quang Hòa", "male", mentions=["Bộ trưởng Lê Quang Hòa", "ông Hoà"])])]
    system = [srec("a", [sp("Quang Hoà Lê", "male", mentions=[{"start": 0, "end": 7, "text": "ông Hoà"}])])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] == 1 and r["match_strengths"]["mention"] == 1
    assert r["matching"] == "lenient"
    # --match names: only name matches count
    strict = evaluate_outputs(gold, system, min_strength=PREFIX)
    assert strict["people"]["tp"] == 0 and strict["matching"] == "names"


def test_span_overlap_matches_with_corpus():
    corpus = [{"id": "a", "text": "Hôm qua, Giám đốc Sở Y tế Nguyễn Văn Tâm nói với báo chí."}]
    text = corpus[0]["text"]
    s = text.index("Sở Y tế Nguyễn")
    gold = [grec("a", [gp("Nguyễn Văn Tâm", "male", True, mentions=["Nguyễn Văn Tâm"])])]
    # the system took "Sở Y tế Nguyễn Văn Tâm" as the name (a boundary error)
    system = [srec("a", [sp("Y tế Nguyễn Văn", "male", True,
                            mentions=[{"start": s, "end": s + 19, "text": text[s:s + 19]}])])]
    assert evaluate_outputs(gold, system)["people"]["tp"] == 0
    r = evaluate_outputs(gold, system, corpus)
    assert r["people"]["tp"] == 1 and r["match_strengths"]["mention"] == 1


def test_span_overlap_uses_the_name_part_of_gold_mentions_only():
    text = "Sáng nay, Phó Chủ tịch Quốc hội Nguyễn Thị Lan phát biểu tại hội nghị."
    corpus = [{"id": "a", "text": text}]
    gold = [grec("a", [gp("Nguyễn Thị Lan", "female", mentions=["Phó Chủ tịch Quốc hội Nguyễn Thị Lan"])])]
    s = text.index("Phó Chủ")
    title_only = srec("a", [sp("Phó Chủ", mentions=[{"start": s, "end": s + 7, "text": "Phó Chủ"}])])
    assert evaluate_outputs(gold, [title_only], corpus)["people"]["tp"] == 0
    s = text.index("Thị Lan")
    name_part = srec("a", [sp("Thị Lan Phát", mentions=[{"start": s, "end": s + 12, "text": text[s:s + 12]}])])
    assert evaluate_outputs(gold, [name_part], corpus)["people"]["tp"] == 1


def test_a_lone_initial_does_not_match_a_foreign_full_name():
    gold = [grec("a", [gp("Zaw Min Tun", "male")])]
    assert evaluate_outputs(gold, [srec("a", [sp("T")])])["people"]["tp"] == 0


# ---- per-gender metrics and shares ---------------------------------------------------

def test_per_gender_precision_recall_and_shares():
    gold = [grec("a", [
        gp("Lan", "female", True), gp("Mai", "female"), gp("Hùng", "male", True), gp("Dũng", "male", True),
    ])]
    system = [srec("a", [
        sp("Lan", "female", True),      # TP female, TP source female
        sp("Mai", "male"),              # matched, wrong gender
        sp("Hùng", "male", True),       # TP male
        sp("Tuấn", "male", True),       # spurious
    ])]
    r = evaluate_outputs(gold, system)
    fem, male = r["people_by_gender"]["female"], r["people_by_gender"]["male"]
    assert (fem["tp"], fem["system"], fem["gold"]) == (1, 1, 2)
    assert fem["precision"] == 1.0 and fem["recall"] == 0.5
    assert (male["tp"], male["system"], male["gold"]) == (1, 3, 2)
    assert r["gender_accuracy"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["gender_accuracy"]["confusion"]["female"]["male"] == 1
    sf = r["sources_by_gender"]["female"]
    assert (sf["tp"], sf["system"], sf["gold"]) == (1, 1, 1)
    assert r["women_share"]["people"]["gold"] == 0.5
    assert r["women_share"]["people"]["system"] == 0.25
    assert r["women_share"]["people"]["diff_pp"] == -25.0
    assert r["women_share"]["sources"]["gold"] == pytest.approx(1 / 3, abs=1e-4)


def test_unknown_gender_on_system_side_is_not_a_gender_hit():
    gold = [grec("a", [gp("Lan", "female")])]
    system = [srec("a", [sp("Lan", "unknown")])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] == 1
    assert r["people_by_gender"]["female"]["tp"] == 0
    assert r["gender_accuracy"]["system_unknown"] == 1
    assert r["gender_accuracy"]["accuracy"] == 0.0


def test_function_accuracy():
    gold = [grec("a", [gp("Lan", "female", function="expert"), gp("Hùng", "male", function="official")])]
    system = [srec("a", [sp("Lan", "female", function="expert"), sp("Hùng", "male", function="subject")])]
    r = evaluate_outputs(gold, system)
    assert r["function_accuracy"]["accuracy"] == 0.5
    assert r["function_accuracy"]["confusion"]["official"] == {"subject": 1}


# ---- findings --------------------------------------------------------------------------

def test_findings_match_by_text_containment_without_corpus():
    gold = [grec("a", findings=[{"text": "phái yếu", "category": "stereotype_women", "in_quote": False},
                                {"text": "bóng hồng", "category": "appearance", "in_quote": True}])]
    system = [srec("a", findings=[{"text": "Phái yếu", "category": "stereotype_women", "in_quote": False},
                                  {"text": "chân dài", "category": "appearance", "in_quote": False}])]
    r = evaluate_outputs(gold, system)
    f = r["findings"]
    assert (f["tp"], f["system"], f["gold"]) == (1, 2, 2)
    assert f["by_category"]["stereotype_women"]["f1"] == 1.0
    assert f["by_category"]["appearance"]["tp"] == 0
    assert f["outside_quotes"]["gold"] == 1 and f["outside_quotes"]["tp"] == 1


def test_findings_match_by_span_overlap_with_corpus():
    text = "Cô ấy không phải phái yếu. Nhiều người vẫn gọi phụ nữ là phái yếu."
    corpus = {"a": {"id": "a", "text": text}}
    second = text.rindex("phái yếu")
    gold = [grec("a", findings=[{"text": "phái yếu", "category": "stereotype_women", "in_quote": False}])]
    hit = {"text": "là phái yếu", "category": "stereotype_women", "in_quote": False,
           "start": second - 3, "end": second + 8}
    elsewhere = {"text": "người", "category": "stereotype_women", "in_quote": False, "start": 33, "end": 38}
    r = evaluate_outputs(gold, [srec("a", findings=[elsewhere, hit])], corpus)
    assert r["findings"]["tp"] == 1 and r["findings"]["system"] == 2


def test_category_mismatch_counts_in_overlap_but_not_strict():
    gold = [grec("a", findings=[{"text": "nữ tài xế", "category": "gendered_occupation", "in_quote": False}])]
    system = [srec("a", findings=[{"text": "nữ tài xế", "category": "appearance", "in_quote": False}])]
    r = evaluate_outputs(gold, system)
    assert r["findings"]["tp"] == 1 and r["findings"]["strict"]["tp"] == 0
    assert r["articles"][0]["finding_category_errors"][0]["gold"] == "gendered_occupation"


# ---- topic flags and bookkeeping -----------------------------------------------------

def test_topic_flags_confusion():
    gold = [grec("a", ge=True, gbv=True), grec("b", ge=True), grec("c"), grec("d")]
    system = [srec("a", ge=True), srec("b"), srec("c", ge=True), srec("d")]
    r = evaluate_outputs(gold, system)
    ge = r["topic"]["ge_topic"]
    assert (ge["tp"], ge["fp"], ge["fn"], ge["tn"]) == (1, 1, 1, 1)
    assert ge["precision"] == 0.5 and ge["accuracy"] == 0.5
    gbv = r["topic"]["gbv_story"]
    assert (gbv["tp"], gbv["fn"], gbv["tn"]) == (0, 1, 3)


def test_missing_system_record_scores_as_empty():
    gold = [grec("a", [gp("Lan", "female")]), grec("b", [gp("Hùng", "male")])]
    r = evaluate_outputs(gold, [srec("a", [sp("Lan", "female")]), srec("zzz")])
    assert r["missing_system"] == ["b"]
    assert r["system_records_not_in_gold"] == 1
    assert r["people"]["recall"] == 0.5


def test_bad_gold_record_raises():
    with pytest.raises(GoldError):
        evaluate_outputs([{"id": "a", "people": [{"gender": "female"}]}], [])


# ---- CLI -------------------------------------------------------------------------------

def _write(path, recs):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")


def test_cli_json_and_text(tmp_path):
    g, s = tmp_path / "gold.jsonl", tmp_path / "sys.jsonl"
    _write(g, [grec("a", [gp("Nguyễn Thị Hương", "female", True)], ge=True)])
    _write(s, [srec("a", [sp("Hương", "female", True)], ge=True)])
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(g), "--system", str(s), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["schema"].startswith("genderindex.evaluation/")
    assert data["people"]["f1"] == 1.0 and data["sources_by_gender"]["female"]["f1"] == 1.0
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(g), "--system", str(s)])
    assert res.exit_code == 0
    assert "people" in res.stdout and "Women's share" in res.stdout and "100.0" in res.stdout


def test_cli_reports_malformed_gold_line_with_line_number(tmp_path):
    g, s = tmp_path / "gold.jsonl", tmp_path / "sys.jsonl"
    g.write_text(json.dumps(grec("a", [gp("Lan", "female")])) + "\n{not json\n"
                 + json.dumps({"id": "c", "people": "x"}) + "\n", encoding="utf-8")
    _write(s, [srec("a", [sp("Lan", "female")])])
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(g), "--system", str(s), "--format", "json"])
    assert res.exit_code == 1
    assert "gold.jsonl:2" in res.stderr and "gold.jsonl:3" in res.stderr
    data = json.loads(res.stdout)
    assert data["articles_scored"] == 1 and data["people"]["f1"] == 1.0


def test_cli_errors_out_and_corpus_analysis(tmp_path, monkeypatch):
    import genderindex.batch as batch

    seen = {}

    def fake_iter_analyze(records, lang="auto", jobs=1, **kw):
        recs = list(records)
        seen["ids"] = [r["id"] for _, r in recs]
        seen["jobs"] = jobs
        for i, (where, r) in enumerate(recs):
            s = r["text"].index("Lê")
            person = sp("Lê Văn Hùng", "male", mentions=[{"start": s, "end": s + 11, "text": "Lê Văn Hùng"}])
            yield batch.BatchItem(i, r["id"], result=srec(r["id"], [person]), where=where)

    monkeypatch.setattr(batch, "iter_analyze", fake_iter_analyze)
    g, c, e = tmp_path / "gold.jsonl", tmp_path / "corpus.jsonl", tmp_path / "err.jsonl"
    out = tmp_path / "sys.jsonl"
    _write(g, [grec("a", [gp("Lê Văn Hùng", "male")])])
    _write(c, [{"id": "a", "text": "Ông Lê Văn Hùng đi chợ sáng nay."}, {"id": "other", "text": "Không ai."}])
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(g), "--corpus", str(c), "--format", "json",
                                   "--errors-out", str(e), "--jobs", "2", "--save-system", str(out)])
    assert res.exit_code == 0, res.output
    assert seen == {"ids": ["a"], "jobs": 2}  # only gold articles are analysed
    data = json.loads(res.stdout)
    assert data["articles_scored"] == 1 and data["people"]["f1"] == 1.0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "a"
    rows = [json.loads(x) for x in e.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a"]


def test_cli_needs_corpus_or_system(tmp_path):
    g = tmp_path / "gold.jsonl"
    _write(g, [grec("a")])
    res = CliRunner().invoke(app, ["evaluate", "--gold", str(g)])
    assert res.exit_code == 2


# ---- properties --------------------------------------------------------------------------

from hypothesis import given, settings
from hypothesis import strategies as st

_NAMES = ["Nguyễn Thị Hương", "Hương", "Lê Văn Minh", "Minh", "Trần Thị Minh", "Donald Trump", "Trump",
          "Hillary Clinton", "Clinton", "N.T.H.", "bà Lan", "Lan", "Mr. Smith", "Jane Smith"]
_person = st.builds(lambda n, g, q: (n, g, q), st.sampled_from(_NAMES), st.sampled_from(["female", "male", "unknown"]),
                    st.booleans())


@settings(max_examples=60, deadline=None)
@given(st.lists(_person, max_size=6), st.lists(_person, max_size=6))
def test_counts_are_consistent(gold_people, sys_people):
    gold = [grec("a", [gp(n, g, q) for n, g, q in gold_people])]
    system = [srec("a", [sp(n, g, q) for n, g, q in sys_people])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] <= min(len(gold_people), len(sys_people))
    assert r["sources"]["tp"] <= min(r["sources"]["gold"], r["sources"]["system"])
    for g in ("female", "male"):
        d = r["people_by_gender"][g]
        assert d["tp"] <= min(d["gold"], d["system"])
    assert sum(r["match_strengths"].values()) == r["people"]["tp"]


@settings(max_examples=40, deadline=None)
@given(st.lists(_person, max_size=6, unique_by=lambda p: p[0]))
def test_gold_scored_against_itself_is_perfect(people):
    gold = [grec("a", [gp(n, g, q) for n, g, q in people])]
    system = [srec("a", [sp(n, g, q) for n, g, q in people])]
    r = evaluate_outputs(gold, system)
    assert r["people"]["tp"] == len(people)
    assert r["sources"]["tp"] == sum(q for _, _, q in people)


def test_findings_any_overlap_counts_every_repeat_of_a_gold_expression():
    gold = [grec("a", findings=[{"text": "phái yếu", "category": "stereotype_women", "in_quote": False}])]
    system = [srec("a", findings=[
        {"text": "phái yếu", "category": "stereotype_women", "in_quote": False},
        {"text": "phái yếu", "category": "stereotype_women", "in_quote": False},
        {"text": "bóng hồng", "category": "appearance", "in_quote": False},
    ])]
    f = evaluate_outputs(gold, system)["findings"]
    assert f["tp"] == 1 and f["precision"] == pytest.approx(1 / 3, abs=1e-3)  # one-to-one
    a = f["any_overlap"]
    assert a["system_matched"] == 2 and a["gold_matched"] == 1
    assert a["precision"] == pytest.approx(2 / 3, abs=1e-3) and a["recall"] == 1.0
