"""Quotes stage: general attribution rules added from held-out error classes
(hand-written sentences; names are invented or public figures)."""
from __future__ import annotations

from test_quotes import run


def speakers(qs):
    return {q.speaker for q in qs if q.speaker}


# -- testimony verbs ---------------------------------------------------------------


def test_testimony_verbs_vi():
    ps, qs, _ = run(
        "Tại cơ quan điều tra, ông Trần Văn Hùng khai đã lấy trộm chiếc xe máy của hàng xóm. "
        "Bà Lê Thị Lan thuật lại rằng bà thấy một người bỏ chạy.",
        [("Trần Văn Hùng", "male", "ông Trần Văn Hùng"), ("Lê Thị Lan", "female", "Bà Lê Thị Lan")],
    )
    assert ps["Trần Văn Hùng"].quoted and ps["Lê Thị Lan"].quoted


def test_khai_compounds_are_not_testimony():
    ps, qs, _ = run(
        "Sáng nay, ông Phạm Văn Đức khai bút đầu xuân tại đền thờ, rồi dự lễ khai hội truyền thống của làng.",
        [("Phạm Văn Đức", "male", "ông Phạm Văn Đức")],
    )
    assert not ps["Phạm Văn Đức"].quoted


def test_testimony_verbs_en():
    ps, qs, _ = run(
        "Jane Roe recounted the night of the fire in detail. Later, John Doe testified that he had seen smoke.",
        [("Jane Roe", "female"), ("John Doe", "male")],
        lang="en",
    )
    assert ps["John Doe"].quoted
