"""Quotes stage: direct/indirect speech and who is a source (hand-written sentences)."""
from __future__ import annotations

import re

import pytest

from genderindex.quotes import find_quotes
from genderindex.quotes.spans import quote_spans
from genderindex.text.document import TextDoc
from genderindex.types import Mention, Person

HON = {"ông", "bà", "anh", "chị", "cô", "chú", "cụ", "em", "cháu", "mr", "mrs", "ms"}


def people_in(doc: TextDoc, specs):
    """Persons with mentions located in ``doc.text``: specs = [(name, gender, forms...)]."""
    people, taken = [], []
    for name, gender, *forms in specs:
        ms = []
        for form in sorted(set(forms) | {name}, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", doc.text):
                s, e = m.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                first = form.split()[0].lower()
                ms.append(Mention(s, e, form, "name", name=name, honorific=first if first in HON else ""))
        people.append(Person(name=name, mentions=sorted(ms, key=lambda m: m.start), gender=gender))
    return people


def run(text, specs, lang="vi"):
    doc = TextDoc(text, lang=lang)
    people = people_in(doc, specs)
    quotes = find_quotes(doc, people)
    return {p.name: p for p in people}, quotes, doc


# -- direct quotes -----------------------------------------------------------------


def test_direct_quote_speaker_before_with_colon():
    ps, qs, doc = run(
        "Bà Nguyễn Thị Hương cho biết: “Chúng tôi sẽ mở thêm hai lớp học cho trẻ em vùng cao.”",
        [("Nguyễn Thị Hương", "female", "Bà Nguyễn Thị Hương")],
    )
    p = ps["Nguyễn Thị Hương"]
    assert p.quoted and p.quote_type == "direct"
    (q,) = [q for q in qs if q.speaker]
    assert q.type == "direct" and q.cue == "cho biết"
    assert q.text.startswith("Chúng tôi sẽ mở")
    assert doc.text[q.start : q.end] == q.text
    assert doc.text[q.speaker_start : q.speaker_end] == "Bà Nguyễn Thị Hương"


def test_direct_quote_speaker_after():
    ps, qs, _ = run(
        "Trời mưa suốt ba ngày. “Nước lên nhanh quá, nhà tôi phải kê đồ lên cao”, anh Lê Văn Tuấn nói.",
        [("Lê Văn Tuấn", "male", "anh Lê Văn Tuấn")],
    )
    assert ps["Lê Văn Tuấn"].quote_type == "direct"
    assert any(q.speaker == "Lê Văn Tuấn" and q.cue == "nói" for q in qs)


def test_direct_quote_dash_speaker_and_apposition():
    ps, _, _ = run(
        "“Đây là mùa vụ tốt nhất từ trước tới nay” - chị Trần Thị Mai, 40 tuổi, ở xã Tân Lập chia sẻ.",
        [("Trần Thị Mai", "female", "chị Trần Thị Mai")],
    )
    assert ps["Trần Thị Mai"].quoted and ps["Trần Thị Mai"].quote_type == "direct"


def test_bare_honorific_speaker_resolves_to_recent_person():
    ps, qs, _ = run(
        "Ông Phạm Văn Dũng là trưởng thôn. Bà Lý Thị Lan là giáo viên. "
        "“Năm nay trường có thêm ba phòng học mới”, bà nói.",
        [("Phạm Văn Dũng", "male", "Ông Phạm Văn Dũng"), ("Lý Thị Lan", "female", "Bà Lý Thị Lan")],
    )
    assert ps["Lý Thị Lan"].quoted
    assert not ps["Phạm Văn Dũng"].quoted
    q = [q for q in qs if q.speaker][0]
    assert q.speaker_start is not None and q.speaker_end - q.speaker_start == 2  # "bà"


def test_bare_honorific_picks_gender_compatible_person():
    ps, _, _ = run(
        "Ông Phạm Văn Dũng gặp bà Lý Thị Lan tại xã. Sau đó, ông cho biết thôn sẽ làm lại con đường trong năm nay.",
        [("Phạm Văn Dũng", "male", "Ông Phạm Văn Dũng"), ("Lý Thị Lan", "female", "bà Lý Thị Lan")],
    )
    assert ps["Phạm Văn Dũng"].quoted and not ps["Lý Thị Lan"].quoted


def test_floating_quote_over_paragraphs_inherits_speaker():
    text = (
        "“Chúng tôi đã chuẩn bị kỹ cho mùa lũ năm nay”, ông Hoàng Minh Đức nói.\n"
        "“Mỗi hộ dân đều có phương án di dời và lương thực dự phòng cho một tuần.”\n"
        "Trong khi đó, bà Vũ Thị Hoa lo lắng về đàn gia súc."
    )
    ps, qs, _ = run(text, [("Hoàng Minh Đức", "male", "ông Hoàng Minh Đức"), ("Vũ Thị Hoa", "female", "bà Vũ Thị Hoa")])
    floating = [q for q in qs if q.text.startswith("Mỗi hộ dân")]
    assert floating and floating[0].speaker == "Hoàng Minh Đức"
    assert not ps["Vũ Thị Hoa"].quoted


def test_quote_left_open_continues_next_paragraph():
    text = (
        "Bà Đỗ Thị Ngân kể: “Hôm đó trời tối rất nhanh, cả xóm không ai kịp về.\n"
        "Chúng tôi phải ngủ lại ở nhà văn hóa đến sáng hôm sau”, bà Ngân nói thêm."
    )
    ps, qs, _ = run(text, [("Đỗ Thị Ngân", "female", "Bà Đỗ Thị Ngân", "bà Ngân")])
    assert ps["Đỗ Thị Ngân"].quote_type == "direct"
    assert sum(1 for q in qs if q.speaker == "Đỗ Thị Ngân") >= 2


def test_scare_quotes_are_not_quotes():
    ps, qs, _ = run(
        "Bài viết phê phán định kiến \"phái yếu\" và cách gọi \"bóng hồng\" trên báo chí. Bà Lý Thị Lan có mặt.",
        [("Lý Thị Lan", "female", "Bà Lý Thị Lan")],
    )
    assert qs == []
    assert not ps["Lý Thị Lan"].quoted


def test_nested_quotes_attribute_outer_quote():
    text = "“Cô giáo dặn chúng tôi ‘đừng bao giờ bỏ học’ và tôi nhớ mãi câu ấy”, chị Ngô Thị Thu nói."
    ps, qs, _ = run(text, [("Ngô Thị Thu", "female", "chị Ngô Thị Thu")])
    assert ps["Ngô Thị Thu"].quote_type == "direct"
    q = [q for q in qs if q.speaker][0]
    assert "đừng bao giờ bỏ học" in q.text and q.text.startswith("Cô giáo")


def test_mixed_quote_marks_do_not_invert_the_article():
    text = (
        "Người dân nói \"nước sạch đã về tới bản rồi”. "
        "Ông Trần Văn Long cho biết, xã sẽ xây thêm bể chứa cho các hộ ở xa."
    )
    ps, _, _ = run(text, [("Trần Văn Long", "male", "Ông Trần Văn Long")])
    assert ps["Trần Văn Long"].quoted


def test_quote_spans_tolerate_spaced_marks():
    text = 'Anh ấy nói " Tôi sẽ về sớm . " rồi đi.'
    spans = quote_spans(text)
    assert len(spans) == 1 and text[spans[0].inner_start : spans[0].inner_end].strip() == "Tôi sẽ về sớm ."


# -- colon statements, interviews --------------------------------------------------


def test_colon_statement_without_quotes_is_direct():
    ps, qs, _ = run(
        "Ông Nguyễn Văn Dũng cho biết: các đơn vị sẽ hoàn thành việc sửa đường trước mùa mưa.",
        [("Nguyễn Văn Dũng", "male", "Ông Nguyễn Văn Dũng")],
    )
    assert ps["Nguyễn Văn Dũng"].quote_type == "direct"
    assert qs[0].text.startswith("các đơn vị")


def test_interview_answer_with_speaker_colon():
    ps, _, _ = run(
        "Phóng viên: Xin ông cho biết kế hoạch năm tới?\nÔng Bùi Quang Vinh: Chúng tôi sẽ tập trung vào giáo dục nghề.",
        [("Bùi Quang Vinh", "male", "Ông Bùi Quang Vinh")],
    )
    assert ps["Bùi Quang Vinh"].quote_type == "direct"


def test_any_predicate_then_colon_and_quote():
    ps, _, _ = run(
        "Anh Đinh Công Sơn tự hào: “Đội bóng của làng đã vào đến trận chung kết.”",
        [("Đinh Công Sơn", "male", "Anh Đinh Công Sơn")],
    )
    assert ps["Đinh Công Sơn"].quote_type == "direct"


# -- indirect speech -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Bà Lý Thị Lan khẳng định nhà trường sẽ không thu thêm khoản phí nào.",
        "Bà Lý Thị Lan nhấn mạnh rằng học sinh nghèo được miễn học phí.",
        "Bà Lý Thị Lan, Hiệu trưởng Trường Tiểu học Hòa Bình, cho biết năm nay trường có 500 học sinh.",
        "Bà Lý Thị Lan, hiệu trưởng nhà trường cho biết năm nay trường có 500 học sinh.",
        "Bà Lý Thị Lan cùng ngày cho hay trường sẽ mở thêm lớp.",
        "Năm nay trường có 500 học sinh, bà Lý Thị Lan cho biết.",
        "Theo bà Lý Thị Lan, năm nay trường có 500 học sinh.",
        "Năm nay trường có 500 học sinh, theo bà Lý Thị Lan.",
        "Theo lời kể của bà Lý Thị Lan, đêm đó trời mưa rất to.",
        "Báo Tuổi Trẻ dẫn lời bà Lý Thị Lan cho biết trường sẽ mở thêm lớp.",
    ],
)
def test_indirect_speech_makes_a_source(sentence):
    ps, qs, _ = run(sentence, [("Lý Thị Lan", "female", "Bà Lý Thị Lan", "bà Lý Thị Lan")])
    p = ps["Lý Thị Lan"]
    assert p.quoted, sentence
    assert p.quote_type == "indirect"
    assert qs and all(q.type == "indirect" for q in qs)


def test_theo_bare_honorific():
    ps, _, _ = run(
        "Bà Lý Thị Lan đã làm nghề dệt hơn 30 năm. Theo bà, nghề dệt cần được truyền cho lớp trẻ.",
        [("Lý Thị Lan", "female", "Bà Lý Thị Lan")],
    )
    assert ps["Lý Thị Lan"].quoted


@pytest.mark.parametrize(
    "sentence",
    [
        "Ông Trần Văn Long đã phát biểu khai mạc hội nghị.",
        "Bà Lý Thị Lan phát biểu tại hội nghị.",
        "Ông Trần Văn Long trả lời phỏng vấn báo chí.",
        "Ông Trần Văn Long không nói gì.",
        "Ông Trần Văn Long bị cáo buộc nhận hối lộ.",
        "Bà Lý Thị Lan được báo chí nhận xét là người chăm chỉ.",
        "Cảnh sát đi theo ông Trần Văn Long, rồi về đồn.",
        "Ông Trần Văn Long đến dự lễ khai mạc.",
        "Học sinh Trường Hy Vọng tặng hoa cho bà Lý Thị Lan.",
    ],
)
def test_speech_without_content_or_not_speech_is_not_a_source(sentence):
    ps, _, _ = run(sentence, [("Trần Văn Long", "male", "Ông Trần Văn Long"), ("Lý Thị Lan", "female", "Bà Lý Thị Lan", "bà Lý Thị Lan")])
    assert not any(p.quoted for p in ps.values()), sentence


def test_organisation_speaker_is_not_a_person():
    ps, qs, _ = run(
        "Ông Trần Văn Long bị bắt hôm qua. Bộ Công an cho biết vụ án đang được điều tra.",
        [("Trần Văn Long", "male", "Ông Trần Văn Long")],
    )
    assert not ps["Trần Văn Long"].quoted
    assert all(q.speaker is None for q in qs)


def test_new_subject_after_comma_is_not_an_apposition():
    ps, _, _ = run(
        "Sau khi bắt giữ Nguyễn Văn Hùng, công an cho biết nghi phạm đã khai nhận.",
        [("Nguyễn Văn Hùng", "male")],
    )
    assert not ps["Nguyễn Văn Hùng"].quoted


def test_spokesperson_of_a_person_is_not_that_person():
    ps, _, _ = run(
        "Người phát ngôn của ông Trần Văn Long nói ông sẽ không tham dự cuộc họp.",
        [("Trần Văn Long", "male", "ông Trần Văn Long")],
    )
    assert not ps["Trần Văn Long"].quoted


def test_coordinated_speakers_are_both_sources():
    ps, _, _ = run(
        "Ông Trần Văn Long và bà Lý Thị Lan cùng cho biết dự án sẽ xong trong tháng tới.",
        [("Trần Văn Long", "male", "Ông Trần Văn Long"), ("Lý Thị Lan", "female", "bà Lý Thị Lan")],
    )
    assert ps["Trần Văn Long"].quoted and ps["Lý Thị Lan"].quoted


def test_bare_title_speaker_uses_person_titles():
    doc = TextDoc("Thủ tướng Phạm Minh Chính thăm nhà máy. Thủ tướng nhấn mạnh doanh nghiệp cần đổi mới công nghệ.", lang="vi")
    people = people_in(doc, [("Phạm Minh Chính", "male")])
    people[0].titles = ["Thủ tướng"]
    find_quotes(doc, people)
    assert people[0].quoted


# -- English -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Smith said the council would vote next week.",
        "The council will vote next week, Jane Smith said.",
        "The council will vote next week, said Jane Smith, a member of the board.",
        '"We will vote next week," said Jane Smith.',
        "According to Jane Smith, the council will vote next week.",
        "Jane Smith told reporters that the council would vote next week.",
        "Jane Smith, the board chair, said on Monday that the council would vote.",
    ],
)
def test_english_reported_speech(sentence):
    ps, _, _ = run(sentence, [("Jane Smith", "female", "Jane Smith")], lang="en")
    assert ps["Jane Smith"].quoted, sentence


def test_english_pronoun_speaker():
    ps, _, _ = run(
        "Tom Baker met Ann Lee on Monday. \"The budget is too small,\" he said.",
        [("Tom Baker", "male"), ("Ann Lee", "female")],
        lang="en",
    )
    assert ps["Tom Baker"].quote_type == "direct" and not ps["Ann Lee"].quoted


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Smith was not told about the vote.",
        "The states voted for Jane Smith.",
        "Jane Smith spoke at the conference.",
    ],
)
def test_english_not_a_source(sentence):
    ps, _, _ = run(sentence, [("Jane Smith", "female", "Jane Smith")], lang="en")
    assert not ps["Jane Smith"].quoted, sentence


def test_offsets_slice_the_text():
    ps, qs, doc = run(
        "“Chúng tôi sẽ làm ngay”, ông Trần Văn Long nói. Theo bà Lý Thị Lan, kế hoạch đã được duyệt.",
        [("Trần Văn Long", "male", "ông Trần Văn Long"), ("Lý Thị Lan", "female", "bà Lý Thị Lan")],
    )
    assert len(qs) >= 2
    for q in qs:
        assert doc.text[q.start : q.end] == q.text
        if q.cue_start is not None:
            assert doc.text[q.cue_start : q.cue_end] == q.cue


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Smith criticised the plan on Monday, saying it would cost too much.",
        "Jane Smith rejected the offer and said the council would decide alone.",
        "Jane Smith, director of the city library, said the building would reopen.",
    ],
)
def test_english_participle_coordination_and_closed_apposition(sentence):
    ps, _, _ = run(sentence, [("Jane Smith", "female", "Jane Smith")], lang="en")
    assert ps["Jane Smith"].quoted, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Smith aides say the council will vote next week.",
        "After Tom Baker met the board, other members tweeted their support for the plan.",
        "Reports described the alleged ties of Tom Baker to the firm.",
    ],
)
def test_english_group_or_other_subject_is_not_the_person(sentence):
    ps, _, _ = run(sentence, [("Tom Baker", "male", "Tom Baker", "Smith")], lang="en")
    assert not ps["Tom Baker"].quoted, sentence


def test_quote_lexicons_are_valid_and_load():
    from genderindex.quotes.lexicon import load_lexicon

    for lang in ("vi", "en"):
        lex = load_lexicon(lang)
        assert lex.strong and lex.cues.size > 20
        assert all(isinstance(w, str) for w in lex.strong)


def test_pronoun_speaker_keeps_the_floor_of_the_previous_speaker():
    ps, qs, _ = run(
        'Tom Baker said: "Bill Jones has never paid the workers on time." "It is a disgrace," he said.',
        [("Tom Baker", "male", "Tom Baker"), ("Bill Jones", "male", "Bill Jones")],
        lang="en",
    )
    assert ps["Tom Baker"].quoted and not ps["Bill Jones"].quoted
    assert [q.speaker for q in qs if q.text.startswith("It is")] == ["Tom Baker"]


def test_newly_named_person_takes_the_floor():
    ps, _, _ = run(
        'Tom Baker said: "The workers were not paid." Later Bill Jones arrived. "I paid them all," he said.',
        [("Tom Baker", "male", "Tom Baker"), ("Bill Jones", "male", "Bill Jones")],
        lang="en",
    )
    assert ps["Bill Jones"].quoted


def test_open_apposition_with_a_spurious_name_inside_keeps_the_head_speaker():
    ps, _, _ = run(
        "PGS.TS Lê Thị Mai, Trưởng khoa Hóa, Trường Đại học Bách khoa cho biết nhóm đã tìm ra vật liệu mới.",
        [("Lê Thị Mai", "female", "PGS.TS Lê Thị Mai"), ("Trường Đại", "unknown", "Trường Đại")],
    )
    assert ps["Lê Thị Mai"].quoted and not ps["Trường Đại"].quoted


def test_serial_verbs_keep_their_subject():
    ps, _, _ = run(
        "Ông Trần Văn Long đã lên tiếng yêu cầu các đơn vị dừng thu phí.",
        [("Trần Văn Long", "male", "Ông Trần Văn Long")],
    )
    assert ps["Trần Văn Long"].quoted


def test_partial_quotation_in_indirect_content_is_direct():
    ps, qs, _ = run(
        'Bà Lý Thị Lan cho biết trường sẽ "không để học sinh nào phải bỏ học" trong năm nay.',
        [("Lý Thị Lan", "female", "Bà Lý Thị Lan")],
    )
    assert ps["Lý Thị Lan"].quote_type == "direct"


def test_short_term_in_quotes_keeps_indirect():
    ps, _, _ = run(
        'Bà Lý Thị Lan cho biết chương trình "Bếp ấm" sẽ mở rộng.',
        [("Lý Thị Lan", "female", "Bà Lý Thị Lan")],
    )
    assert ps["Lý Thị Lan"].quote_type == "indirect"


def test_place_or_time_adjunct_between_subject_and_verb():
    ps, _, _ = run(
        "Bộ trưởng Trần Văn Long tại hội nghị tổng kết ngành giáo dục diễn ra sáng nay ở Hà Nội nhấn mạnh "
        "chất lượng giáo viên là ưu tiên số một.",
        [("Trần Văn Long", "male", "Bộ trưởng Trần Văn Long")],
    )
    assert ps["Trần Văn Long"].quoted


def test_words_reported_as_a_speech_of_someone():
    ps, _, _ = run(
        "“Chúng tôi sẽ mở rộng chương trình ra cả nước.” Đó là lời phát biểu của bà Lý Thị Lan tại buổi họp báo.",
        [("Lý Thị Lan", "female", "bà Lý Thị Lan")],
    )
    assert ps["Lý Thị Lan"].quote_type == "direct"


@pytest.mark.parametrize(
    "sentence",
    [
        "Hội nghị bàn về các cáo buộc với ông Trần Văn Long, với cáo buộc nhận hối lộ.",
        "Các em đi thăm làng gốm Trần Văn Long… nhằm chia sẻ khó khăn với người dân.",
        "Siêu thị cho biết giá gạo sẽ tăng, ông Trần Văn Long đứng xem.",
        "Bà Lý Thị Lan, vợ của Bộ trưởng Trần Văn Long kêu gọi tại buổi lễ: “Hãy giúp đỡ trẻ em vùng cao.”",
    ],
)
def test_noun_uses_and_possessed_names_are_not_sources(sentence):
    ps, _, _ = run(sentence, [("Trần Văn Long", "male", "ông Trần Văn Long", "Bộ trưởng Trần Văn Long"), ("Lý Thị Lan", "female", "Bà Lý Thị Lan")])
    assert not ps["Trần Văn Long"].quoted, sentence


def test_coordinated_clause_subjects_with_participle():
    ps, _, _ = run(
        "Ann Lee and Tom Baker rejected the offer on Monday, saying the price was far too low.",
        [("Ann Lee", "female", "Ann Lee"), ("Tom Baker", "male", "Tom Baker")],
        lang="en",
    )
    assert ps["Ann Lee"].quoted and ps["Tom Baker"].quoted


def test_new_sentence_after_a_closed_quote_is_not_a_speaker_tag():
    ps, _, _ = run(
        '"We will win this race." After Tom Baker left the hall, other delegates tweeted their support.',
        [("Tom Baker", "male", "Tom Baker")],
        lang="en",
    )
    assert not ps["Tom Baker"].quoted


def test_according_to_a_document_is_not_the_person():
    ps, _, _ = run(
        "The firm raised more money, according to a list of Tom Baker donors published in May.",
        [("Tom Baker", "male", "Tom Baker")],
        lang="en",
    )
    assert not ps["Tom Baker"].quoted


def test_frame_content_skips_the_title_apposition():
    _, qs, _ = run(
        "Theo ông Lê Văn Tuấn, trưởng thôn, người dân rất phấn khởi với con đường mới.",
        [("Lê Văn Tuấn", "male", "ông Lê Văn Tuấn")],
    )
    assert qs[0].text.startswith("người dân")


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Smith, who worked for President George H.W. Bush and later ran a charity, said the plan was sound.",
        '"We were never told," Jane Smith wrote, adding, "and nobody apologised."',
        "Jane Smith in recent days has suggested the vote should be delayed.",
        "''Nobody expected this result,'' said Jane Smith, a banking analyst.",
    ],
)
def test_english_initials_participles_and_time_phrases(sentence):
    ps, _, _ = run(sentence, [("Jane Smith", "female", "Jane Smith"), ("George H.W. Bush", "male", "George H.W. Bush")], lang="en")
    assert ps["Jane Smith"].quoted, sentence
    assert not ps["George H.W. Bush"].quoted


def test_quote_and_role_tables_have_no_duplicate_keys():
    import yaml

    from genderindex.resources import lexicon_dir

    class Strict(yaml.SafeLoader):
        pass

    def no_dupes(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(keys)), f"duplicate keys in {node.start_mark}"
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_dupes)
    for sub in ("quotes", "roles"):
        for path in sorted((lexicon_dir() / sub).glob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


def test_ambiguous_pronoun_syllables_inside_words_are_not_speakers():
    doc = TextDoc("Bà Lý Thị Lan đi chợ. Với khách hàng, siêu thị cho biết giá gạo sẽ tăng.", lang="vi")
    people = people_in(doc, [("Lý Thị Lan", "female", "Bà Lý Thị Lan")])
    k = doc.text.index("thị cho")
    people[0].mentions.append(Mention(k, k + 3, "thị", "pronoun"))  # a people-stage slip
    find_quotes(doc, people)
    assert not people[0].quoted
