"""Matching: boundaries, normalisation, context conditions, quotes, overlaps, config."""
import unicodedata

import pytest

from genderindex import check_text
from genderindex.config import Config
from genderindex.language import find_findings
from genderindex.text.document import TextDoc


def rules(text, lang="vi", config=None):
    return [f.rule for f in check_text(text, lang=lang, config=config)]


def texts(text, lang="vi", config=None):
    return [f.text for f in check_text(text, lang=lang, config=config)]


def test_basic_finding_has_all_fields():
    text = "Trong buổi lễ có nhiều bóng hồng của ngành ngân hàng."
    (f,) = check_text(text, lang="vi")
    assert f.rule == "vi.appearance.bong-hong"
    assert f.category == "appearance" and f.severity in ("error", "warning", "info")
    assert text[f.start : f.end] == f.text == "bóng hồng"
    assert f.message and f.suggestions and f.source
    assert f.in_quote is False


@pytest.mark.parametrize(
    "text",
    [
        "Cô ấy không phải phái yếuu như họ nghĩ.",  # longer word
        "Từ điển ghi xphái yếu là sai chính tả.",  # letter before
        "Các đấu thủ phái yếuđuối",  # letter glued after
    ],
)
def test_phai_yeu_needs_word_boundaries(text):
    assert "vi.stereotype_women.phai-yeu" not in rules(text)


def test_boundaries_accept_punctuation_and_capitals():
    assert rules("PHÁI YẾU, theo cách gọi cũ.") == ["vi.stereotype_women.phai-yeu"]
    assert rules("(phái yếu)") == ["vi.stereotype_women.phai-yeu"]


def test_nfd_input_matches_and_offsets_refer_to_the_original():
    text = unicodedata.normalize("NFD", "Bà Hoà bị gọi là phái yếu trong bài viết.")
    (f,) = check_text(text, lang="vi")
    assert f.text == text[f.start : f.end]
    assert unicodedata.normalize("NFC", f.text) == "phái yếu"


def test_old_tone_placement_in_text_and_pattern():
    # "khoẻ" / "hoà" old style must not matter; the lexicon writes "hòa"
    assert rules("Chị ấy là một hot girl khoẻ mạnh.") == ["vi.appearance.hot-girl"]
    assert texts("Đám cưới của hai người: phi công trẻ lái máy bay bà già, dư luận xôn xao.")


def test_double_spaces_and_tabs_inside_a_phrase():
    text = "Họ gọi chị là  phái\tyếu suốt buổi."
    (f,) = check_text(text, lang="vi")
    assert f.text == "phái\tyếu" or f.text == text[f.start : f.end]
    assert text[f.start : f.end] == f.text


def test_in_quote_is_reported_not_dropped():
    text = "Bà nói: “Đừng gọi phụ nữ là phái yếu nữa”."
    (f,) = check_text(text, lang="vi")
    assert f.in_quote is True


def test_organisation_name_is_not_gendered_occupation():
    assert rules("Hội Nữ doanh nhân tỉnh vừa tổ chức hội thảo.") == []
    assert rules("Đại diện Câu lạc bộ Nữ giám đốc cho biết năm nay có nhiều hoạt động.") == []
    assert rules("Hội Liên hiệp Phụ nữ tỉnh phát động phong trào.") == []


def test_gendered_occupation_for_an_individual():
    assert rules("Nữ giám đốc Nguyễn Thị Lan cho biết công ty sẽ mở rộng.") == [
        "vi.gendered_occupation.nu-nghe-nghiep"
    ]
    assert rules("Công ty có một nữ tài xế rất cẩn thận.") == ["vi.gendered_occupation.nu-nghe-nghiep"]


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ nữ đại biểu Quốc hội khóa này đạt 30%.",  # statistics
        "Số nữ giám đốc doanh nghiệp tăng mạnh.",  # counts
        "Bà là nữ phi công đầu tiên của hãng.",  # a first: sex is the news
        "Đội tuyển nữ Việt Nam có nhiều nữ cầu thủ trẻ.",  # sport
        "Chính sách mới hỗ trợ nữ sĩ quan trong quân đội.",  # group, not a person
        "Cô là nữ hộ sinh ở trạm y tế xã.",  # job title
        "Các nữ sinh được nhận học bổng.",  # schoolgirls
    ],
)
def test_sex_relevant_contexts_are_not_flagged(text):
    assert "vi.gendered_occupation.nu-nghe-nghiep" not in rules(text)


def test_violence_context_is_required_for_motive_framing():
    neutral = "Hai người chia tay vì mâu thuẫn tình cảm nhưng vẫn là bạn."
    violent = "Do mâu thuẫn tình cảm, Hùng đã dùng dao đâm chết bạn gái."
    assert rules(neutral) == []
    assert "vi.gbv_victim_blaming.mau-thuan-tinh-cam" in rules(violent)
    assert rules("Anh ấy ghen tuông vô cớ khiến cuộc sống chung mệt mỏi.") == []
    assert "vi.gbv_victim_blaming.ghen-tuong" in rules("Vì ghen tuông, người chồng đã đánh vợ nhập viện.")


def test_ambiguous_words_do_not_count_as_violence():
    # "đánh giá" (evaluate), "bóng đá" (football) are not violence
    assert rules("Mâu thuẫn tình cảm được đánh giá là chủ đề chính của bộ phim về bóng đá.") == []


def test_gap_pattern_within_a_sentence():
    assert "vi.gbv_victim_blaming.nan-nhan-dang-trach" in rules("Theo ông, nạn nhân cũng có phần lỗi trong vụ việc.")
    assert "vi.gbv_victim_blaming.nan-nhan-dang-trach" not in rules(
        "Nạn nhân được đưa đi cấp cứu. Nhiều người cho rằng xử lý như vậy là có lỗi."
    )


def test_overlapping_matches_keep_the_longest():
    fs = check_text("Chuyện “phi công trẻ lái máy bay bà già” được bàn tán.", lang="vi")
    assert [f.text for f in fs] == ["phi công trẻ lái máy bay bà già"]


def test_not_every_women_word_is_flagged():
    text = "Bà Lan, vợ ông Hùng, là nữ giới duy nhất trong hội đồng. Phụ nữ chiếm 30% lao động nữ."
    assert rules(text) == []
    assert rules("His wife said she would run for the Senate.", lang="en") == []


def test_english_role_nouns():
    fs = check_text("The company chairman and a spokesman met the firemen.", lang="en")
    assert [f.rule for f in fs] == [
        "en.gendered_occupation.chairman", "en.gendered_occupation.spokesman", "en.gendered_occupation.fireman"
    ]
    assert "chair" in fs[0].suggestions


def test_english_violence_euphemism_needs_context():
    assert rules("It was a domestic dispute about money.", lang="en") == []
    assert rules("Police said the domestic dispute ended when he stabbed her.", lang="en") == [
        "en.gbv_trivialising.domestic-dispute"
    ]


def test_auto_language_detection():
    assert rules("The chairman said the board would meet on Monday and vote.", lang="auto") == [
        "en.gendered_occupation.chairman"
    ]
    assert rules("Cô ấy được gọi là bóng hồng của công ty và đã làm việc ở đây.", lang="auto") == [
        "vi.appearance.bong-hong"
    ]


def test_config_allow_deny_and_min_severity(tmp_path):
    text = "Chị là bóng hồng duy nhất và được gọi là cô nàng siêu nhân."
    assert rules(text, config=Config(allow=("vi.appearance.bong-hong",))) == []
    assert rules(text, config=Config(allow=("Bóng Hồng",))) == []
    deny = {"deny": ["cô nàng siêu nhân"], "deny_category": "stereotype_women"}
    got = check_text(text, lang="vi", config=deny)
    assert [f.rule for f in got] == ["vi.appearance.bong-hong", "user.deny.1"]
    assert got[1].category == "stereotype_women"
    assert rules(text, config={"min_severity": "error"}) == []


def test_find_findings_uses_doc_coordinates_with_title():
    doc = TextDoc("Nội dung có phái yếu.", lang="vi", title="Tiêu đề bóng hồng")
    fs = find_findings(doc)
    assert [doc.text[f.start : f.end] for f in fs] == [f.text for f in fs] == ["bóng hồng", "phái yếu"]


def test_analyze_reports_findings_in_caller_coordinates():
    import genderindex as gi

    title = "Bóng hồng của làng công nghệ"
    body = "Chị Hoà được gọi là phái yếu, nhưng chị điều hành cả công ty."
    res = gi.analyze(body, lang="vi", title=title)
    got = {(f.field, f.text) for f in res.findings}
    assert ("title", "Bóng hồng") in got and ("text", "phái yếu") in got
    for f in res.findings:
        src = title if f.field == "title" else body
        assert src[f.start : f.end] == f.text
