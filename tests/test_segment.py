from genderindex.text.segment import count_words, line_col, sentences


def texts(t):
    return [s.text for s in sentences(t)]


def test_abbreviations_do_not_split():
    assert texts("PGS.TS. Nguyễn Văn An cho biết. Ông ở TP. Hồ Chí Minh.") == [
        "PGS.TS. Nguyễn Văn An cho biết.", "Ông ở TP. Hồ Chí Minh."]


def test_glued_sentences_split():
    assert texts("Chị vào bếp.Lực lượng cứu hộ đến.") == ["Chị vào bếp.", "Lực lượng cứu hộ đến."]


def test_closing_quote_stays_with_sentence():
    assert texts('Bà nói: "Tôi ổn." Sau đó bà về.') == ['Bà nói: "Tôi ổn."', "Sau đó bà về."]


def test_initials_inside_names_and_at_sentence_end():
    assert texts("John F. Kennedy spoke. Gặp anh T. Sau đó về. Chị H. cho biết.") == [
        "John F. Kennedy spoke.", "Gặp anh T.", "Sau đó về.", "Chị H. cho biết."]


def test_headline_and_blank_lines():
    assert texts("Tiêu đề không dấu chấm\n\nCâu một. Câu hai.") == ["Tiêu đề không dấu chấm", "Câu một.", "Câu hai."]


def test_offsets_slice_original():
    t = "  Một.  Hai!\n\n Ba?"
    for s in sentences(t):
        assert t[s.start:s.end] == s.text


def test_words_and_line_col():
    assert count_words("Bà Hương, 45 tuổi.") == 4
    assert line_col("ab\ncd", 4) == (2, 2)


def test_english_plural_titles_do_not_split():
    assert texts("Sens. John McCain and Rev. Al Sharpton spoke. Then they left.") == [
        "Sens. John McCain and Rev. Al Sharpton spoke.", "Then they left."]
