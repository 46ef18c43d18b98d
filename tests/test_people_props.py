"""Property tests: offsets always slice the text; random input never crashes."""
from hypothesis import given, settings
from hypothesis import strategies as st

from genderindex.people import find_people
from genderindex.text.document import TextDoc

WORDS = st.sampled_from(
    "ông bà anh chị Nguyễn Thị Hương Văn Minh Hà Nội Tĩnh . , \n “ ” Mr. Mrs. Obama Barack "
    "PGS.TS H. N.T.H. cho biết said he she Ảnh: (Theo đường Trần Lê đồng chí Tổng thống Mỹ".split(" ")
)


def _check(doc):
    for p in find_people(doc):
        assert p.gender in ("female", "male", "unknown")
        for m in p.mentions:
            assert 0 <= m.start <= m.end <= len(doc.text)
            assert doc.text[m.start : m.end] == m.text
        for e in p.gender_evidence:
            if e.start is not None:
                assert doc.text[e.start : e.end] == e.text


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join), st.sampled_from(["vi", "en"]))
def test_offsets_slice_text_on_name_like_input(text, lang):
    _check(TextDoc(text, lang=lang))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["vi", "en"]))
def test_random_unicode_never_crashes(text, lang):
    _check(TextDoc(text, lang=lang))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80), st.text(max_size=200))
def test_with_title(title, text):
    _check(TextDoc(text, lang="vi", title=title or None))
