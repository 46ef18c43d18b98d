from genderindex.text.langid import detect_language
from genderindex.text.quotemarks import QuoteIndex, quote_spans


def test_curly_straight_and_guillemets():
    t = 'Ông nói “xin chào” và "tạm biệt" rồi «đi».'
    inner = [t[q.inner_start:q.inner_end] for q in quote_spans(t)]
    assert inner == ["xin chào", "tạm biệt", "đi"]


def test_nested_and_apostrophes():
    t = "She said “I told him ‘no’ twice” and didn't go."
    spans = quote_spans(t)
    assert [t[q.inner_start:q.inner_end] for q in spans] == ["I told him ‘no’ twice", "no"]
    idx = QuoteIndex(spans)
    assert idx.contains(t.index("told")) and not idx.contains(t.index("didn"))


def test_unclosed_quote_runs_to_paragraph_end():
    t = "“Đoạn một chưa đóng\n“Đoạn hai” xong."
    spans = quote_spans(t)
    assert t[spans[0].inner_start:spans[0].inner_end] == "Đoạn một chưa đóng"
    assert not spans[0].closed


def test_language_detection():
    assert detect_language("Bà Nguyễn Thị Hương cho biết chương trình sẽ được mở rộng.") == "vi"
    assert detect_language("The minister said that the programme would be extended.") == "en"
