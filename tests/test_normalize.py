import unicodedata

import pytest

from genderindex.text.normalize import fold, match_key, normalize, normalize_text


@pytest.mark.parametrize(
    "old,new",
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoà Bình", "Hòa Bình"), ("toà án", "tòa án"),
     ("HOÀ", "HÒA"), ("thuý", "thúy"), ("oà", "òa")],
)
def test_tone_placement_moves_to_first_vowel(old, new):
    assert normalize_text(old) == new


@pytest.mark.parametrize("word", ["quý", "hoàng", "hòa", "khuya", "thuế", "Quỳnh", "tuyết"])
def test_tone_placement_leaves_other_syllables(word):
    assert normalize_text(word) == word


def test_nfd_input_maps_offsets_back():
    original = unicodedata.normalize("NFD", "bà Nguyễn Thị Hoà nói phái yếu")
    n = normalize(original)
    assert n.text == "bà Nguyễn Thị Hòa nói phái yếu"
    i = n.text.index("phái yếu")
    s, e = n.span(i, i + len("phái yếu"))
    assert unicodedata.normalize("NFC", original[s:e]) == "phái yếu"


def test_nfc_input_has_identity_offsets():
    n = normalize("Bà Hương nói")
    assert n.offsets is None and n.span(3, 8) == (3, 8)


def test_fold_keeps_length():
    s = "İstanbul ĐÀ NẴNG"
    assert len(fold(s)) == len(s)


def test_match_key_collapses_case_space_and_tones():
    assert match_key("  Nguyễn   Thị HOÀ ") == "nguyễn thị hòa"
