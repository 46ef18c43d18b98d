"""The versioned rubric: loading, validation, and the article score."""
from __future__ import annotations

import pytest

from genderindex.rubric import (
    Rubric, RubricError, components, default_rubric_path, load_rubric, parity_score, parse_rubric,
    program_target_for, score_article, weighted_score,
)

MINIMAL = """
version = "test-1"
[indicators.women_sources]
weight = 1.0
kind = "parity"
[meets_index]
min_articles = 1
min_index_score = 50
"""


def article(**ind):
    base = {"people_female": 0, "people_male": 0, "sources_female": 0, "sources_male": 0,
            "experts_officials_female": 0, "experts_officials_male": 0, "findings_outside_quotes": 0,
            "gbv_wording_findings": 0}
    base.update(ind)
    words = base.pop("words", 500)
    base.setdefault("words_outside_quotes", words)
    gbv = base.pop("gbv_story", False)
    return {"id": "a", "words": words, "indicators": base, "gbv_story": gbv}


def test_shipped_rubric_loads_with_its_version():
    r = load_rubric()
    assert r.version == "gsim-b1-2026.1"
    assert default_rubric_path().name == "gsim-b1-2026.1.toml"
    assert r.period == "quarter"
    assert r.local_target == 4
    assert [(t.year, t.share) for t in r.program_targets] == [(2025, 0.7), (2030, 0.9)]
    names = {i.name for i in r.indicators}
    assert {"women_people", "women_sources", "women_experts", "language", "gbv_reporting", "ge_coverage"} <= names
    assert "not an official score" in r.disclaimer


def test_load_is_cached_and_accepts_config():
    assert load_rubric() is load_rubric()
    r = load_rubric()
    assert load_rubric(config={"rubric": r}) is r
    assert load_rubric(config={"rubric": str(default_rubric_path())}).version == r.version


def test_user_rubric_overrides(tmp_path):
    p = tmp_path / "mine.toml"
    p.write_text(MINIMAL, encoding="utf-8")
    r = load_rubric(p)
    assert r.version == "test-1"
    assert score_article(article(sources_female=1, sources_male=1), r) == 100.0
    assert score_article(article(sources_female=0, sources_male=2), r) == 0.0


@pytest.mark.parametrize("bad, words", [
    ('version = ""', "version"),
    ('version = "x"\nperiod = "week"\n[indicators.language]\nweight=1\nkind="rate"', "period"),
    ('version = "x"\n[indicators.language]\nweight=1\nkind="magic"', "kind"),
    ('version = "x"\n[indicators.women_cats]\nweight=1\nkind="parity"', "parity"),
    ('version = "x"\n[indicators.language]\nweight="heavy"\nkind="rate"', "weight"),
    ('version = "x"\n[indicators.language]\nweight=1\nkind="rate"\n[targets]\n[[targets.program]]\nyear=2030\nshare=90',
     "fraction"),
])
def test_invalid_rubrics_name_the_problem(tmp_path, bad, words):
    p = tmp_path / "bad.toml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(RubricError) as exc:
        load_rubric(p)
    assert "bad.toml" in str(exc.value) and words in str(exc.value)


def test_parity_score_is_one_at_parity_and_zero_at_the_extremes():
    assert parity_score(1, 1, 0.5) == 1.0
    assert parity_score(0, 3, 0.5) == 0.0
    assert parity_score(3, 0, 0.5) == 0.0
    assert parity_score(1, 3, 0.5) == pytest.approx(0.5)
    assert parity_score(3, 1, 0.5) == pytest.approx(0.5)


def test_article_score_combines_applicable_components_only():
    r = load_rubric()
    # nobody of known gender, no findings: only the language component applies -> 100
    assert score_article(article(), r) == 100.0
    # one woman and three men among people and sources, no findings
    a = article(people_female=1, people_male=3, sources_female=1, sources_male=3)
    w = {i.name: i.weight for i in r.indicators}
    expected = 100 * (w["women_people"] * 0.5 + w["women_sources"] * 0.5 + w["language"] * 1.0) / (
        w["women_people"] + w["women_sources"] + w["language"])
    assert score_article(a, r) == pytest.approx(round(expected, 2))


def test_language_rate_is_per_1000_words_outside_quotes():
    r = load_rubric()
    lang = r.indicator("language")
    c = components(article(findings_outside_quotes=1, words=1000, words_outside_quotes=500)["indicators"]
                   | {"words": 1000}, r)
    assert c["language"] == pytest.approx(max(0.0, 1 - 2.0 / lang.zero_at))
    c = components({"findings_outside_quotes": 1, "words_outside_quotes": 2000, "words": 2000}, r)
    assert c["language"] == pytest.approx(1 - 0.5 / lang.zero_at)


def test_gbv_component_applies_to_gbv_stories_only():
    r = load_rubric()
    assert components(article(gbv_wording_findings=1)["indicators"], r)["gbv_reporting"] is None
    a = article(gbv_wording_findings=1, gbv_story=True)
    from genderindex.rubric import article_counts

    assert components(article_counts(a), r)["gbv_reporting"] == pytest.approx(1 - 1 / r.indicator("gbv_reporting").zero_at)
    assert score_article(a, r) < score_article(article(gbv_story=True), r)


def test_no_words_no_score():
    assert score_article({"words": 0, "indicators": {}}, load_rubric()) is None
    assert weighted_score({}, load_rubric()) is None


def test_score_article_accepts_an_analysis_object():
    import genderindex as gi

    a = gi.analyze("Bà Nguyễn Thị Lan cho biết: “Chúng tôi sẽ làm ngay.”", lang="vi")
    assert a.rubric == "gsim-b1-2026.1"
    assert a.score == score_article(a, load_rubric())
    assert a.score == score_article(a.to_dict(), load_rubric())


def test_program_target_for_a_year():
    r = load_rubric()
    assert program_target_for(2024, r).year == 2025
    assert program_target_for(2026, r).year == 2030
    assert program_target_for(2040, r).year == 2030


def test_parse_rubric_from_dict():
    r = parse_rubric({"version": "d-1", "indicators": {"language": {"weight": 1, "kind": "rate", "zero_at": 4}}})
    assert isinstance(r, Rubric) and r.indicator("language").zero_at == 4
