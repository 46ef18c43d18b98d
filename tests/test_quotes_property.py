"""Property tests: the quotes and roles stages never crash and every span slices the text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from genderindex.quotes import find_quotes
from genderindex.quotes.spans import quote_spans
from genderindex.roles import assign_functions
from genderindex.text.document import TextDoc
from genderindex.types import FUNCTIONS, Mention, Person

PIECES = [
    "Bà Lan", "ông Hùng", "bà", "ông", "anh", "chị", " cho biết", " nói", ": ", ", ", ". ", "\n",
    "“", "”", '"', "‘", "’", "«", "»", " theo ", "Theo ", " rằng ", " kể", " phát biểu", " said",
    " according to ", "he", "she", " Smith", " Jane", " là", "Chúng tôi sẽ làm", " tại hội nghị",
    " - ", "(", ")", "x", " ", "Bộ Công an", "’s", " saying", " and said",
]


@st.composite
def articles(draw):
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=0, max_size=60))
    return "".join(parts)


def _people(doc: TextDoc) -> list[Person]:
    out = []
    for name, form, gender in (("Lan", "Bà Lan", "female"), ("Hùng", "ông Hùng", "male"), ("Jane Smith", "Jane Smith", "female")):
        ms = []
        start = 0
        while True:
            k = doc.text.find(form, start)
            if k < 0:
                break
            ms.append(Mention(k, k + len(form), form, "name", name=name, honorific=form.split()[0].lower()))
            start = k + len(form)
        out.append(Person(name=name, mentions=ms, gender=gender))
    return out


@settings(max_examples=300, deadline=None)
@given(articles(), st.sampled_from(["vi", "en"]))
def test_quotes_and_roles_never_crash_and_slice_the_text(text, lang):
    doc = TextDoc(text, lang=lang)
    people = _people(doc)
    quotes = find_quotes(doc, people)
    assign_functions(doc, people, quotes)
    names = {p.name for p in people}
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text
        assert q.type in ("direct", "indirect")
        assert q.speaker is None or q.speaker in names
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(doc.text)
        if q.cue_start is not None:
            assert doc.text[q.cue_start : q.cue_end] == q.cue
    for p in people:
        assert p.function in FUNCTIONS
        assert p.quoted == (p.quote_type is not None)
        assert p.quoted == any(q.speaker == p.name for q in quotes)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”\"‘’«»\n.,")), max_size=80))
def test_quote_spans_are_well_formed(text):
    for q in quote_spans(text):
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
