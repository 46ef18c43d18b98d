"""spaCy: the entry-point component and the Vietnamese syllable tokenizer."""
import importlib.metadata

import pytest

spacy = pytest.importorskip("spacy")


def _installed() -> bool:
    return any(e.name == "genderindex" for e in importlib.metadata.entry_points(group="spacy_factories"))


needs_install = pytest.mark.skipif(not _installed(), reason="genderindex is not pip-installed (entry point missing)")


def test_tokenizer_keeps_syllables_and_splits_punctuation():
    from genderindex.text.spacy_tokenizer import blank

    nlp = blank("vi")
    text = "Chị nói: “phái yếu”, TP.HCM có Covid-19.\nHết  "
    doc = nlp(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert words == ["Chị", "nói", ":", "“", "phái", "yếu", "”", ",", "TP.HCM", "có", "Covid-19", ".", "Hết"]


@needs_install
def test_add_pipe_by_entry_point_in_english():
    nlp = spacy.blank("en")
    nlp.add_pipe("genderindex")
    doc = nlp("The chairman met a spokesman.")
    spans = doc.spans["genderindex"]
    assert [s.text for s in spans] == ["chairman", "spokesman"]
    assert {s.label_ for s in spans} == {"gendered_occupation"}
    assert spans[0]._.gi_finding["rule"] == "en.gendered_occupation.chairman"
    assert [f["text"] for f in doc._.gi_findings] == ["chairman", "spokesman"]


@needs_install
def test_vietnamese_pipeline_and_displacy():
    from spacy import displacy

    from genderindex.text.spacy_tokenizer import blank

    nlp = blank("vi")
    nlp.add_pipe("genderindex")
    doc = nlp("Bà nói: “đừng gọi phụ nữ là phái yếu”. Cô ấy là bóng hồng của đội.")
    spans = doc.spans["genderindex"]
    assert [(s.text, s.label_) for s in spans] == [("phái yếu", "stereotype_women"), ("bóng hồng", "appearance")]
    assert spans[0]._.gi_finding["in_quote"] is True
    html = displacy.render(doc, style="span", options={"spans_key": "genderindex"})
    assert "appearance" in html and "stereotype_women" in html


@needs_install
def test_component_config_min_severity():
    nlp = spacy.blank("en")
    nlp.add_pipe("genderindex", config={"min_severity": "error"})
    doc = nlp("The chairman met a spokesman.")
    assert len(doc.spans["genderindex"]) == 0
    assert doc._.gi_findings == []
