"""analyze_frame: one row per article, same index, fixed columns and dtypes, error rows,
long tables for people/quotes/findings, JSON encoding of nested columns."""
from __future__ import annotations

import pandas as pd
import pytest

import genderindex as gi
from genderindex.frame import (
    NESTED_COLUMNS, analyze_frame, build_frame, decode_nested, empty_frame, encode_nested, findings_table,
    flatten_result, people_table, quotes_table, result_columns,
)
from genderindex.types import CATEGORIES

TEXTS = [
    "Bà Phạm Thị Mai, Giám đốc Sở Y tế, cho biết: “Bệnh viện sẽ thêm giường bệnh.”",
    "Anh Hoàng Văn Tú kể rằng anh đã sửa mái nhà cho hàng xóm sau cơn bão.",
    'Dr. Susan Miller said: "The vaccine trial is going well."',
    "Trường học mới ở thôn Đông sẽ mở cửa vào tháng chín.",
]


def _df():
    return pd.DataFrame(
        {"id": ["a", "b", "c", "d"], "title": ["Tin y tế", None, "Health", "Giáo dục"], "text": TEXTS},
        index=[10, 11, 12, 13],
    )


def test_shape_index_and_columns():
    df = _df()
    out = gi.analyze_frame(df)
    assert out.shape == (4, len(result_columns()))
    assert list(out.index) == [10, 11, 12, 13]
    assert out["id"].tolist() == ["a", "b", "c", "d"]
    for col in ("lang", "words", "ge_topic", "gbv_story", "topic_score", "score", "rubric", "n_people",
                "people_female", "sources_male", "findings_outside_quotes", *NESTED_COLUMNS, "error"):
        assert col in out.columns
    for cat in CATEGORIES:
        assert f"findings_{cat}" in out.columns
    assert out["lang"].tolist() == ["vi", "vi", "en", "vi"]
    assert out["error"].isna().all()
    assert all(isinstance(v, list) for v in out["people"])
    assert (out["n_people"] == out["people"].map(len)).all()
    assert out["words"].min() > 5
    assert out.dtypes.equals(empty_frame().dtypes)


def test_missing_text_row_gets_an_error_and_the_rest_is_analysed():
    df = _df()
    df.loc[11, "text"] = None
    df["text"] = df["text"].astype(object)
    df.loc[12, "text"] = 123
    out = gi.analyze_frame(df)
    assert "missing 'text'" in out.loc[11, "error"]
    assert "not a string" in out.loc[12, "error"]
    assert out.loc[11, "id"] == "b"
    assert pd.isna(out.loc[11, "words"])
    assert out.loc[[10, 13], "error"].isna().all()


def test_optional_columns_and_lang():
    df = pd.DataFrame({"body": TEXTS[:2]})
    out = gi.analyze_frame(df, text_col="body", lang="vi")
    assert out["id"].tolist() == ["0", "1"]
    assert out["title"].isna().all()
    with pytest.raises(KeyError):
        gi.analyze_frame(df)


def test_jobs_two_identical_to_one():
    df = pd.concat([_df()] * 8, ignore_index=True)
    one = gi.analyze_frame(df, jobs=1)
    two = analyze_frame(df, jobs=2, chunk_size=5)
    pd.testing.assert_frame_equal(one, two)


def _fake_result(rid: str) -> dict:
    return {
        "id": rid, "lang": "vi", "words": 40,
        "people": [
            {"name": "Phạm Thị Mai", "gender": "female", "quoted": True, "quote_type": "direct",
             "function": "official", "mentions": [{"start": 0, "end": 15, "text": "Bà Phạm Thị Mai"}],
             "gender_evidence": [{"cue": "honorific", "text": "Bà", "start": 0, "end": 2}], "titles": ["Giám đốc"]},
            {"name": "Tú", "gender": "male", "quoted": False, "quote_type": None, "function": "subject",
             "mentions": [], "gender_evidence": [], "titles": []},
        ],
        "quotes": [{"start": 30, "end": 60, "text": "Bệnh viện sẽ thêm giường", "type": "direct",
                    "speaker": "Phạm Thị Mai", "cue": "cho biết"}],
        "findings": [{"rule": "vi.x", "category": "appearance", "severity": "warning", "start": 1, "end": 4,
                      "text": "xinh", "in_quote": False, "message": "m", "suggestions": ["y"]}],
        "ge_topic": True, "gbv_story": False, "topic_score": 0.8, "gbv_score": 0.1,
        "topic_explanation": {"terms": ["bình đẳng"]},
        "indicators": {"people_female": 1, "people_male": 1, "findings_by_category": {"appearance": 1}},
        "score": 70.0, "rubric": "r1",
    }


def test_flatten_and_long_tables():
    frame = build_frame([flatten_result(_fake_result("x")), {"id": "y", "error": "ValueError: bad"},
                         flatten_result(_fake_result("z"))], index=[0, 1, 2])
    assert frame.loc[0, "findings_appearance"] == 1 and frame.loc[0, "findings_sexist_insult"] == 0
    assert frame.loc[0, "n_people"] == 2 and frame.loc[0, "people_female"] == 1
    people = people_table(frame)
    assert len(people) == 4
    assert people["id"].tolist() == ["x", "x", "z", "z"]
    assert people.loc[0, "gender_cues"] == "honorific" and people.loc[0, "n_mentions"] == 1
    assert people["person_no"].tolist() == [0, 1, 0, 1]
    findings = findings_table(frame)
    assert findings["category"].tolist() == ["appearance", "appearance"]
    assert findings["article_index"].tolist() == [0, 2]
    quotes = quotes_table(frame)
    assert quotes["speaker"].tolist() == ["Phạm Thị Mai"] * 2
    assert people_table(empty_frame()).empty


def test_encode_decode_nested_round_trip(tmp_path):
    frame = build_frame([flatten_result(_fake_result("x")), {"id": "y", "error": "bad"}])
    enc = encode_nested(frame)
    assert isinstance(enc.loc[0, "people"], str)
    enc.to_parquet(tmp_path / "r.parquet")
    back = decode_nested(pd.read_parquet(tmp_path / "r.parquet"))
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    assert back.loc[0, "people"][0]["name"] == "Phạm Thị Mai"
