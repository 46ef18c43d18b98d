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


# -- speech by a person's family, company or representative -------------------------


def test_family_or_company_speech_is_not_the_persons():
    ps, qs, _ = run(
        "Gia đình chị Nguyễn Thị Lan cho rằng chị bị ép buộc. "
        "Chiều qua, công ty quản lý của nữ diễn viên 32 tuổi Trần Thị Mai khẳng định, cô sẽ nghỉ ngơi một thời gian.",
        [("Nguyễn Thị Lan", "female", "chị Nguyễn Thị Lan"), ("Trần Thị Mai", "female")],
    )
    assert not ps["Nguyễn Thị Lan"].quoted
    assert not ps["Trần Thị Mai"].quoted


def test_kin_word_after_comma_keeps_the_head_speaker():
    ps, qs, _ = run(
        "Bà Lê Thị Hoa, mẹ của anh Nguyễn Văn Tú, cho biết con trai bà đã về nhà an toàn.",
        [("Lê Thị Hoa", "female", "Bà Lê Thị Hoa"), ("Nguyễn Văn Tú", "male", "anh Nguyễn Văn Tú")],
    )
    assert ps["Lê Thị Hoa"].quoted and not ps["Nguyễn Văn Tú"].quoted


# -- topic-only verbs ------------------------------------------------------------------


def test_verb_with_only_a_topic_is_not_a_quote():
    ps, qs, _ = run(
        "Ông Lê Văn Sáu đến thăm trường. Ngoài ra, ông Lê Văn Sáu còn giải thích về vai trò của thư viện.",
        [("Lê Văn Sáu", "male", "ông Lê Văn Sáu")],
    )
    assert not ps["Lê Văn Sáu"].quoted


def test_ve_viec_gives_the_gist_and_is_reported_speech():
    ps, qs, _ = run(
        "Bà Phan Thị Yến đã nói về việc học sinh cần đội mũ bảo hiểm khi đi xe đạp.",
        [("Phan Thị Yến", "female", "Bà Phan Thị Yến")],
    )
    assert ps["Phan Thị Yến"].quoted


def test_quotation_then_speaker_about_a_topic_is_direct():
    ps, qs, _ = run(
        "“Chúng tôi sẽ xây xong cây cầu trước mùa mưa năm sau”, ông Đỗ Văn Bình nói về dự án.",
        [("Đỗ Văn Bình", "male", "ông Đỗ Văn Bình")],
    )
    assert ps["Đỗ Văn Bình"].quote_type == "direct"


# -- a trailing clause after the speaker -------------------------------------------------


def test_quote_then_titled_speaker_then_trailing_clause():
    ps, qs, _ = run(
        "“Cây cầu sẽ được sửa xong trước Tết”, Bộ trưởng Giao thông Lê Văn Long "
        "phát biểu trước các phóng viên hôm nay, nhắc đến cựu giám đốc Trần Văn Khải.",
        [("Lê Văn Long", "male"), ("Trần Văn Khải", "male")],
    )
    assert ps["Lê Văn Long"].quoted and ps["Lê Văn Long"].quote_type == "direct"
    assert not ps["Trần Văn Khải"].quoted


# -- "Org dẫn lời X" after a quotation --------------------------------------------------


def test_quote_then_agency_quoting_a_titled_person():
    ps, qs, _ = run(
        "“Nghi phạm đã ra đầu thú sau hai ngày lẩn trốn”, hãng tin AP dẫn lời Maria Lopez, "
        "cảnh sát trưởng thành phố, hôm nay.",
        [("Maria Lopez", "female")],
    )
    assert ps["Maria Lopez"].quote_type == "direct"
    (q,) = [q for q in qs if q.speaker]
    assert q.text.startswith("Nghi phạm đã ra đầu thú")


# -- unnamed speakers -------------------------------------------------------------------


def test_quote_from_unnamed_source_does_not_float_to_previous_speaker():
    ps, qs, _ = run(
        "Ông Nguyễn Văn Hải cho biết: “Chúng tôi đã nộp đủ hồ sơ cho cơ quan chức năng.” "
        "“Vụ việc này còn nhiều uẩn khúc cần được làm rõ”, một nguồn tin thân cận cho hay.",
        [("Nguyễn Văn Hải", "male", "Ông Nguyễn Văn Hải")],
    )
    (q,) = [q for q in qs if q.text.startswith("Vụ việc này")]
    assert q.speaker is None and q.cue == "cho hay"


def test_quote_from_unnamed_spokesman_en():
    ps, qs, _ = run(
        'Mary Stone said: "We filed every form on time." "The case raises many questions," a spokesman said.',
        [("Mary Stone", "female")],
        lang="en",
    )
    (q,) = [q for q in qs if q.text.startswith("The case")]
    assert q.speaker is None


def test_chao_hoi_is_a_greeting_not_a_question():
    ps, qs, _ = run(
        "“Hôm nay chợ đông lắm.” Sáng nào anh Đỗ Văn Tài cũng chào hỏi các bác bán rau.",
        [("Đỗ Văn Tài", "male", "anh Đỗ Văn Tài")],
    )
    assert not ps["Đỗ Văn Tài"].quoted


# -- pronoun speakers ---------------------------------------------------------------


def en_people_with_pronouns(doc, specs, pronouns):
    """People as in ``run`` plus pronoun mentions resolved (as a recency resolver would) to
    the given person: pronouns = [(occurrence text, index of occurrence, name)]."""
    import re as _re

    from test_quotes import people_in
    from genderindex.types import Mention

    people = people_in(doc, specs)
    by = {p.name: p for p in people}
    for form, k, name in pronouns:
        m = list(_re.finditer(r"(?<!\w)" + form + r"(?!\w)", doc.text))[k]
        by[name].mentions.append(Mention(m.start(), m.end(), form, "pronoun", name=name))
        by[name].mentions.sort(key=lambda x: x.start)
    return people


def test_pronoun_speaker_prefers_subject_of_its_sentence():
    from genderindex.quotes import find_quotes
    from genderindex.text.document import TextDoc

    text = 'When Tom Baker was asked whether he trusts Carl Jones, he said, "Ask me about the budget instead."'
    doc = TextDoc(text, lang="en")
    people = en_people_with_pronouns(doc, [("Tom Baker", "male"), ("Carl Jones", "male")], [("he", 1, "Carl Jones")])
    find_quotes(doc, people)
    by = {p.name: p for p in people}
    assert by["Tom Baker"].quoted and not by["Carl Jones"].quoted


def test_pronoun_speaker_is_not_a_name_inside_the_content():
    ps, qs, _ = run(
        "Analysts compared the two bids, and Ted Rowe spoke at length. "
        "Paul Grant was the best mayor the town ever had, he said.",
        [("Ted Rowe", "male"), ("Paul Grant", "male")],
        lang="en",
    )
    assert ps["Ted Rowe"].quoted and not ps["Paul Grant"].quoted


def test_quote_before_speaker_then_adjunct_and_relative_clause():
    ps, qs, _ = run(
        '"Our orchard had its best harvest in ten years," Ann Lee said in the video, which was filmed by her nephew.',
        [("Ann Lee", "female")],
        lang="en",
    )
    (q,) = [q for q in qs if q.speaker]
    assert q.type == "direct" and q.text.startswith("Our orchard had")


def test_hashtag_is_not_an_inverted_speaker_and_no_quote_across_paragraphs():
    ps, qs, _ = run(
        'The crowd booed Ann Lee. Kate Moss said: "The bridge will reopen before the school year starts."\n\n'
        "Other reporters tweeted #Lee to cheer her up.",
        [("Kate Moss", "female"), ("Ann Lee", "female", "Lee")],
        lang="en",
    )
    assert ps["Kate Moss"].quoted and not ps["Ann Lee"].quoted


# -- English subject-verb gaps and coordinated verbs ---------------------------------


def test_en_month_and_ly_adverb_between_subject_and_verb():
    ps, qs, _ = run(
        "Tom Hill in June sharply criticized the stadium plan as a waste of public money.",
        [("Tom Hill", "male")],
        lang="en",
    )
    assert ps["Tom Hill"].quoted


def test_en_possessor_with_ly_noun_is_not_the_speaker():
    ps, qs, _ = run("Tom Hill's family said the boy had come home safely.", [("Tom Hill", "male")], lang="en")
    assert not ps["Tom Hill"].quoted


def test_en_coordinated_verb_with_auxiliary():
    ps, qs, _ = run(
        "Jane Roe has called for new taxes and has said that the richest can pay more.",
        [("Jane Roe", "female")],
        lang="en",
    )
    assert ps["Jane Roe"].quoted


def test_en_name_suffix_and_party_parenthetical_before_verb():
    ps, qs, _ = run(
        '"The pier needs repairs before the storm season," Rep. John Carver II (D-Mo.) said during a hearing.',
        [("John Carver", "male")],
        lang="en",
    )
    assert ps["John Carver"].quote_type == "direct"


def test_en_coordinated_subjects_with_title_and_participle_content_after():
    ps, qs, _ = run(
        "Aides said that Treasurer Mary Lane and Deputy Treasurer Sara Yoon opposed the bond sale, "
        "saying it would cost the county too much.",
        [("Mary Lane", "female"), ("Sara Yoon", "female")],
        lang="en",
    )
    assert ps["Mary Lane"].quoted and ps["Sara Yoon"].quoted
    assert {q.text for q in qs if q.speaker} == {"it would cost the county too much"}


def test_vi_coordinated_subjects_with_honorific():
    ps, qs, _ = run(
        "Ông Nguyễn Văn An và bà Trần Thị Bích cho biết, hai gia đình đã thống nhất cách bồi thường.",
        [("Nguyễn Văn An", "male", "Ông Nguyễn Văn An"), ("Trần Thị Bích", "female", "bà Trần Thị Bích")],
    )
    assert ps["Nguyễn Văn An"].quoted and ps["Trần Thị Bích"].quoted


def test_pronoun_speaker_falls_back_to_previous_sentence_subject():
    from genderindex.quotes import find_quotes
    from genderindex.text.document import TextDoc

    text = (
        "Retired Gen. Tom Baker became agitated after questions about Carl Jones. "
        '"How many times do I have to answer that?" he asked.'
    )
    doc = TextDoc(text, lang="en")
    people = en_people_with_pronouns(doc, [("Tom Baker", "male"), ("Carl Jones", "male")], [("he", 0, "Carl Jones")])
    find_quotes(doc, people)
    by = {p.name: p for p in people}
    assert by["Tom Baker"].quoted and not by["Carl Jones"].quoted


def test_citing_reports_that_name_is_not_a_source():
    ps, qs, _ = run(
        "The anchor pressed the adviser, citing reports that former campaign manager Paul Mann had been investigated.",
        [("Paul Mann", "male")],
        lang="en",
    )
    assert not ps["Paul Mann"].quoted


def test_participle_subject_after_fronted_adverbial_and_infinitive_content():
    from genderindex.quotes import find_quotes
    from genderindex.text.document import TextDoc

    text = (
        'At a fair in Ohio on Sunday that was billed as a "harvest party" for his farm, Bob Marsh '
        "thanked his neighbours, promising to plant more apple trees."
    )
    doc = TextDoc(text, lang="en")
    people = en_people_with_pronouns(doc, [("Bob Marsh", "male")], [("his", 0, "Bob Marsh")])
    qs = find_quotes(doc, people)
    assert people[0].quoted
    assert [q.text for q in qs if q.speaker] == ["to plant more apple trees"]


def test_pronoun_after_multi_sentence_quote_refers_to_subject_before_the_quote():
    from genderindex.quotes import find_quotes
    from genderindex.text.document import TextDoc

    text = (
        "He thanked referees Kim Ross and Dan Cole for their patience. "
        '"The final minutes were chaotic. Still, we kept our shape," he said in an interview.'
    )
    doc = TextDoc(text, lang="en")
    people = en_people_with_pronouns(
        doc, [("Ken Stone", "male"), ("Kim Ross", "female"), ("Dan Cole", "male")], [("He", 0, "Ken Stone"), ("he", 0, "Dan Cole")]
    )
    find_quotes(doc, people)
    by = {p.name: p for p in people}
    assert by["Ken Stone"].quoted and not by["Dan Cole"].quoted


def test_en_relative_clause_after_dash_reports_the_head():
    ps, qs, _ = run(
        "Mr. Paul Vance - who denied any fault when he left the club - sold his boat a week later.",
        [("Paul Vance", "male", "Mr. Paul Vance")],
        lang="en",
    )
    assert ps["Paul Vance"].quoted


def test_en_continuity_not_broken_by_a_person_named_as_object():
    from genderindex.quotes import find_quotes
    from genderindex.text.document import TextDoc

    text = (
        'Rita Dove reviewed the bakery in a clip where she said, "The rye bread is worth the queue." '
        "The critic thanked head baker Mia Park for the tour. "
        '"Nobody else in town bakes with spelt," she said in the clip.'
    )
    doc = TextDoc(text, lang="en")
    people = en_people_with_pronouns(
        doc, [("Rita Dove", "female"), ("Mia Park", "female")], [("she", 0, "Rita Dove"), ("she", 1, "Mia Park")]
    )
    find_quotes(doc, people)
    by = {p.name: p for p in people}
    assert by["Rita Dove"].quoted and not by["Mia Park"].quoted


def test_en_long_adjunct_after_closing_verb_keeps_the_quotation():
    ps, qs, _ = run(
        '"The ferry schedule must change," Rep. John Carver said during a county transport committee meeting the following week.',
        [("John Carver", "male")],
        lang="en",
    )
    (q,) = [q for q in qs if q.speaker]
    assert q.type == "direct" and q.text.startswith("The ferry schedule")


def test_subordinate_clause_subject_is_not_the_coordinated_speaker():
    ps, qs, _ = run(
        "Người quản lý của ông Trần Văn Dũng nói chưa rõ lịch diễn sau khi ông Dũng nhập viện và yêu cầu "
        "khán giả thông cảm.",
        [("Trần Văn Dũng", "male", "ông Trần Văn Dũng", "ông Dũng")],
    )
    assert not ps["Trần Văn Dũng"].quoted


def test_vi_bare_honorific_refers_to_previous_sentence_subject_not_object():
    ps, qs, _ = run(
        "Tối nay, ca sĩ Lê Hữu Phước sẽ hát ba ca khúc của nhạc sĩ Trần Tiến. "
        "Theo anh, khán giả miền Tây rất thích những bài hát về sông nước.",
        [("Lê Hữu Phước", "male", "nghệ sĩ Lê Hữu Phước"), ("Trần Tiến", "male", "nhạc sĩ Trần Tiến")],
    )
    assert ps["Lê Hữu Phước"].quoted and not ps["Trần Tiến"].quoted


def test_vi_bare_honorific_after_quote_skips_a_sentence_without_people():
    ps, qs, _ = run(
        "Kỹ sư Đỗ Minh Tâm, trưởng nhóm thiết kế của công ty, mong ông Lý Văn Phú sớm ký "
        "hợp đồng. Trong khi đó, trời vẫn mưa suốt cả tuần. "
        "“Chúng tôi cần thêm hai tháng để làm xong phần móng”, ông nói.",
        [("Đỗ Minh Tâm", "male", "Chuyên gia Đỗ Minh Tâm"), ("Lý Văn Phú", "male", "ông Lý Văn Phú")],
    )
    assert ps["Đỗ Minh Tâm"].quoted and not ps["Lý Văn Phú"].quoted


def test_quote_then_speaker_verb_and_second_reporting_verb():
    ps, qs, _ = run(
        "“Mùa này cá về nhiều nên bà con đi lưới cả đêm”, ông Lê Văn Lợi nói và cho biết "
        "sắp tới hợp tác xã sẽ mua thêm một kho lạnh.",
        [("Lê Văn Lợi", "male", "ông Lê Văn Lợi")],
    )
    q = [q for q in qs if q.cue == "nói"][0]
    assert q.type == "direct" and q.text.startswith("Mùa này cá")
    assert ps["Lê Văn Lợi"].quote_type == "direct"


def test_multi_paragraph_quote_with_tag_in_last_paragraph():
    ps, qs, _ = run(
        "Chiều qua, chị Nguyễn Thị Hà đi chợ huyện.\n"
        "“Tôi mua được hai bao giống lúa mới và một ít phân bón.\n"
        "“Năm nay chắc cả xóm sẽ được mùa”, chị Hà kể lại.",
        [("Nguyễn Thị Hà", "female", "chị Nguyễn Thị Hà", "chị Hà")],
    )
    first = [q for q in qs if q.text.startswith("Tôi mua được")]
    assert first and first[0].speaker == "Nguyễn Thị Hà"


def test_vi_long_adjunct_after_closing_verb_keeps_the_quotation():
    ps, qs, _ = run(
        "“Thư viện mới sẽ mở cửa cả ngày chủ nhật”, bà Lê Thị Vân nói với phóng viên "
        "tại phòng đọc của trường tiểu học ở quận Ba hôm 20/1.",
        [("Lê Thị Vân", "female", "bà Lê Thị Vân")],
    )
    (q,) = [q for q in qs if q.speaker]
    assert q.type == "direct" and q.text.startswith("Thư viện mới")


def test_vi_content_opening_with_time_adjunct_is_still_content():
    ps, qs, _ = run(
        "Ông Phan Văn Tú cho biết trong năm nay xã sẽ xây thêm ba phòng học mới cho học sinh.",
        [("Phan Văn Tú", "male", "Ông Phan Văn Tú")],
    )
    (q,) = [q for q in qs if q.speaker]
    assert q.text.startswith("trong năm nay")


def test_quote_asked_by_unnamed_judge_is_not_the_defendants():
    ps, qs, _ = run(
        "Bị cáo Nguyễn Văn Khoa đứng trước vành móng ngựa. “Bị cáo có thấy ăn năn về việc làm của mình không?”, chủ tọa hỏi.",
        [("Nguyễn Văn Khoa", "male", "Bị cáo Nguyễn Văn Khoa")],
    )
    assert not ps["Nguyễn Văn Khoa"].quoted
    (q,) = [q for q in qs if q.text.startswith("Bị cáo có")]
    assert q.speaker is None


def test_weak_verb_serialised_with_reporting_verb_and_titled_subject_after_comma():
    ps, qs, _ = run(
        "Trong buổi họp với Chủ tịch Lê Văn Thành và Giám đốc Phạm Quốc Huy, Hiệu trưởng Trần Minh Đạt "
        "lên tiếng phản đối việc xây bãi đỗ xe trong sân trường.",
        [("Lê Văn Thành", "male"), ("Phạm Quốc Huy", "male"), ("Trần Minh Đạt", "male")],
    )
    assert ps["Trần Minh Đạt"].quoted
    assert not ps["Phạm Quốc Huy"].quoted and not ps["Lê Văn Thành"].quoted


def test_stated_expectation_is_reported_speech_but_not_the_noun():
    ps, qs, _ = run(
        "Chuyên gia Vũ Hoàng Nam kỳ vọng ngân hàng trung ương sẽ giữ nguyên lãi suất. "
        "Bà Lê Thu Trang đặt nhiều kỳ vọng vào đội tuyển.",
        [("Vũ Hoàng Nam", "male", "Chuyên gia Vũ Hoàng Nam"), ("Lê Thu Trang", "female", "Bà Lê Thu Trang")],
    )
    assert ps["Vũ Hoàng Nam"].quoted and not ps["Lê Thu Trang"].quoted


# -- English participles without a comma ------------------------------------------------


def test_en_progressive_reporting_verb():
    ps, qs, _ = run(
        "Donald Trump is saying the new parking fees are hurting small shops.",
        [("Donald Trump", "male")],
        lang="en",
    )
    assert ps["Donald Trump"].quoted


def test_en_participle_after_subject_or_statement_noun():
    ps, qs, _ = run(
        "The club gave no details, with spokesman Glen Hart saying the coach was resting. "
        "Later, Mary Cole issued a statement saying she would back the new rail plan.",
        [("Glen Hart", "male"), ("Mary Cole", "female")],
        lang="en",
    )
    assert ps["Glen Hart"].quoted and ps["Mary Cole"].quoted


def test_en_possessor_before_participle_is_not_the_speaker():
    ps, qs, _ = run(
        "The report cited a letter from the lawyer of Tom Reed saying the deal was void.",
        [("Tom Reed", "male")],
        lang="en",
    )
    assert not ps["Tom Reed"].quoted


def test_en_object_of_main_clause_is_not_the_participle_subject():
    ps, qs, _ = run(
        "Two local farmers asked Mrs. Ann Holt to fix the canal, warning that the crops would fail.",
        [("Ann Holt", "female", "Mrs. Ann Holt")],
        lang="en",
    )
    assert not ps["Ann Holt"].quoted


def test_en_possessor_is_not_the_subject():
    ps, qs, _ = run(
        "Mr. Tom Weil's bakery was busy, but acknowledged that flour prices had doubled.",
        [("Tom Weil", "male", "Mr. Tom Weil")],
        lang="en",
    )
    assert not ps["Tom Weil"].quoted


def test_en_apposition_head_keeps_speaker_before_said():
    ps, qs, _ = run(
        "Russ Bell, a neighbour of the school, said Mr. Tom Weil was planting the wrong trees.",
        [("Russ Bell", "male"), ("Tom Weil", "male", "Mr. Tom Weil")],
        lang="en",
    )
    assert ps["Russ Bell"].quoted and not ps["Tom Weil"].quoted


def test_en_states_and_charged_are_not_speech_here():
    ps, qs, _ = run(
        "Tom Weil sells more pears than Ann Holt in states with cold winters. Tom Weil charged into the river on Monday.",
        [("Tom Weil", "male"), ("Ann Holt", "female")],
        lang="en",
    )
    assert not ps["Ann Holt"].quoted and not ps["Tom Weil"].quoted


def test_en_title_with_of_is_not_a_possessor():
    ps, qs, _ = run(
        "Secretary of State Jo Kerr said the talks would resume next week. "
        "The daughter of Tim Roe said the family was relieved.",
        [("Jo Kerr", "female"), ("Tim Roe", "male")],
        lang="en",
    )
    assert ps["Jo Kerr"].quoted and not ps["Tim Roe"].quoted


def test_en_home_state_after_name_before_apposition():
    ps, qs, _ = run(
        "Rep. Adam Shaw of Oregon, the senior member of the fishing caucus, urged the harbour board to dredge the bay.",
        [("Adam Shaw", "male")],
        lang="en",
    )
    assert ps["Adam Shaw"].quoted


def test_topic_phrase_then_comma_then_quotation_is_direct():
    ps, qs, _ = run(
        "In the newsletter, Jon Pratt said about the orchard, “We planted forty new trees this spring.”",
        [("Jon Pratt", "male")],
        lang="en",
    )
    (q,) = [q for q in qs if q.speaker]
    assert q.type == "direct" and q.text.startswith("We planted")


def test_company_name_inside_title_does_not_take_the_speaker():
    ps, qs, _ = run(
        "Ông Nguyễn Quang Thuận, Tổng Giám đốc Công ty Minh Hà cho rằng, giá gạo sẽ còn tăng trong quý tới.",
        [("Nguyễn Quang Thuận", "male", "Ông Nguyễn Quang Thuận"), ("Minh Hà", "female")],
    )
    assert ps["Nguyễn Quang Thuận"].quoted and not ps["Minh Hà"].quoted


def test_en_saying_goodbye_is_not_a_quote():
    ps, qs, _ = run(
        "Mary Smith is saying goodbye to her colleagues this week. Tom Hill said farewell to the team on Friday.",
        [("Mary Smith", "female"), ("Tom Hill", "male")],
        lang="en",
    )
    assert not ps["Mary Smith"].quoted and not ps["Tom Hill"].quoted


def test_complement_clause_after_verb_is_its_content_not_the_previous_quote():
    import genderindex as gi

    a = gi.analyze(
        "Bà Lê Thị Mai, Chủ tịch xã, cho biết: “Chúng tôi sẽ hỗ trợ.” "
        "Ông Phạm Văn Nam nói rằng kế hoạch cần thêm thời gian."
    )
    by_speaker = {(q.speaker, q.type) for q in a.quotes}
    assert ("Lê Thị Mai", "direct") in by_speaker
    assert ("Phạm Văn Nam", "indirect") in by_speaker
    assert ("Phạm Văn Nam", "direct") not in by_speaker
