"""Property tests: any Unicode input is safe, and offsets always slice the original text."""
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genderindex import check_text

PHRASES = [
    "phái yếu", "bóng hồng", "Nữ giám đốc Lê Thị Hà cho biết", "“gái ế”", "mâu thuẫn tình cảm", "đâm chết",
    "chairman", "sex scandal", "hoà", "khoẻ", "Hội Nữ doanh nhân", " ", "\n", "  ", ".", "“", "”",
]

mixed = st.lists(
    st.one_of(st.sampled_from(PHRASES), st.text(max_size=12)), max_size=25
).map("".join)


def _check_offsets(text, lang):
    for f in check_text(text, lang=lang):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.severity in ("error", "warning", "info")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from(["auto", "vi", "en"]))
def test_random_unicode_never_crashes(text, lang):
    _check_offsets(text, lang)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed, st.sampled_from(["auto", "vi", "en"]), st.sampled_from(["NFC", "NFD"]))
def test_offsets_slice_original_text(text, lang, form):
    _check_offsets(unicodedata.normalize(form, text), lang)
