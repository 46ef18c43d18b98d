"""Topic flags (ge_topic, gbv_story) of the shipped models on hand-written articles."""
from __future__ import annotations

import pytest

from genderindex.pipeline import analyze
from genderindex.topic import TopicResult, classify_text

VI_DV = (
    "Công an xã đã tạm giữ một người đàn ông vì liên tục đánh đập vợ trong nhiều tháng. "
    "Người vợ bị gãy tay, phải nhập viện. Chị kể đã nhiều lần bị chồng đánh, chửi bới trước mặt con nhỏ "
    "nhưng không dám báo vì sợ bị trả thù. Hội Liên hiệp Phụ nữ huyện đã đưa chị đến nhà tạm lánh và "
    "đề nghị xử lý nghiêm hành vi bạo lực gia đình."
)
VI_TRAFFICKING = (
    "Lực lượng biên phòng vừa giải cứu hai thiếu nữ bị lừa bán qua biên giới. Một người phụ nữ cùng "
    "thôn rủ các em đi làm công nhân với mức lương cao, sau đó bán cho một đường dây mua bán người để ép "
    "lấy chồng xứ người. Hai đối tượng đã bị khởi tố về tội mua bán người."
)
VI_HARASSMENT = (
    "Nhiều nữ công nhân tại một nhà máy cho biết thường xuyên bị tổ trưởng quấy rối tình dục, trêu ghẹo "
    "khiếm nhã và đụng chạm cơ thể. Công đoàn đã tiếp nhận đơn và đề nghị công ty xử lý kỷ luật. Luật sư "
    "cho rằng doanh nghiệp phải có quy chế phòng, chống quấy rối tình dục tại nơi làm việc."
)
VI_SEX_RATIO = (
    "Tỷ số giới tính khi sinh ở nhiều tỉnh đồng bằng đang ở mức 115 bé trai trên 100 bé gái. "
    "Cán bộ dân số cho biết tư tưởng trọng nam khinh nữ và việc lựa chọn giới tính thai nhi là nguyên "
    "nhân chính khiến mất cân bằng giới tính khi sinh ngày càng nghiêm trọng."
)
VI_BUSINESS_ONE_MENTION = (
    "Công ty chứng khoán công bố doanh thu 9 tháng đạt 1.200 tỷ đồng, lợi nhuận sau thuế tăng 15% so với "
    "cùng kỳ nhờ mảng môi giới và cho vay ký quỹ. Công ty dự kiến phát hành thêm cổ phiếu để tăng vốn "
    "điều lệ, mở rộng hoạt động tại các tỉnh phía Bắc. Trong báo cáo thường niên, ban lãnh đạo cho biết "
    "doanh nghiệp tôn trọng bình đẳng giới trong tuyển dụng. Giá cổ phiếu của công ty tăng 3% trong phiên "
    "sáng nay, thanh khoản đạt hơn 2 triệu đơn vị."
)
VI_ROBBERY = (
    "Hai đối tượng đi xe máy đã chặn đường một người đàn ông đang đi làm về, dùng dao đe dọa rồi cướp "
    "ví tiền và điện thoại. Nạn nhân bị đánh vào đầu, phải khâu nhiều mũi. Công an quận đã bắt giữ cả hai "
    "nghi phạm sau ba ngày truy xét; các đối tượng khai cần tiền để trả nợ."
)
VI_WOMENS_DAY_SALE = (
    "Dịp 8/3 năm nay, các trung tâm thương mại đồng loạt giảm giá thời trang nữ, váy đầm, túi xách và mỹ "
    "phẩm tới 50%. Nhiều cửa hàng tặng hoa hồng cho khách nữ khi mua hóa đơn trên 500.000 đồng. Nhân viên "
    "bán hàng cho biết mẫu váy công sở và son môi bán chạy nhất."
)
VI_WEATHER = (
    "Không khí lạnh tăng cường khiến nhiệt độ ở vùng núi phía Bắc giảm xuống dưới 10 độ C. Cơ quan khí "
    "tượng khuyến cáo người dân giữ ấm, nông dân che chắn cho gia súc và cây trồng."
)

EN_DV = (
    "A man was arrested after his wife was found with serious injuries at their home. Police said she had "
    "suffered years of domestic abuse and had recently sought help from a women's refuge. He has been "
    "charged with assault and breaching a protection order."
)
EN_HARASSMENT = (
    "Several female employees accused a company director of sexual harassment, describing unwanted "
    "touching and lewd messages. The firm suspended him pending an inquiry, and campaigners said women "
    "who report harassment at work must be protected."
)
EN_ROBBERY = (
    "A man was robbed by two men outside a train station late on Friday. The attackers punched him and "
    "took his wallet and watch. Police are reviewing security footage and appealing for witnesses."
)
EN_SALE = (
    "Retailers are promoting International Women's Day with discounts on dresses, perfume and jewellery, "
    "and some cafes are giving free desserts to female customers."
)


def flags(text: str, title: str | None = None) -> TopicResult:
    return classify_text(text, title=title)


@pytest.mark.parametrize("text", [VI_DV, VI_TRAFFICKING, VI_HARASSMENT])
def test_vi_gbv_positives(text):
    r = flags(text)
    assert r.gbv_story, r.explanation
    assert r.ge_topic, r.explanation


def test_vi_sex_ratio_is_ge_not_gbv():
    r = flags(VI_SEX_RATIO, title="Mất cân bằng giới tính khi sinh đáng báo động")
    assert r.ge_topic
    assert not r.gbv_story


def test_vi_business_story_with_one_mention_is_not_ge():
    r = flags(VI_BUSINESS_ONE_MENTION, title="Công ty chứng khoán lãi lớn")
    assert not r.ge_topic
    assert not r.gbv_story


def test_vi_man_robbed_by_man_is_not_gbv():
    r = flags(VI_ROBBERY, title="Bắt hai đối tượng cướp tài sản")
    assert not r.gbv_story
    assert not r.ge_topic


def test_vi_womens_day_promotions_not_ge():
    r = flags(VI_WOMENS_DAY_SALE, title="Thời trang giảm giá mạnh dịp 8/3")
    assert not r.ge_topic
    assert not r.gbv_story


def test_vi_clear_negative():
    r = flags(VI_WEATHER, title="Miền Bắc rét đậm")
    assert not r.ge_topic and not r.gbv_story
    assert r.ge_score < 0.2 and r.gbv_score < 0.2


def test_en_positives_and_negatives():
    assert flags(EN_DV).gbv_story
    h = flags(EN_HARASSMENT)
    assert h.gbv_story and h.ge_topic
    assert not flags(EN_ROBBERY).gbv_story
    assert not flags(EN_SALE).ge_topic


def test_scores_are_probabilities_and_explained():
    r = flags(VI_DV, title="Chồng bạo hành vợ")
    assert 0.0 <= r.ge_score <= 1.0 and 0.0 <= r.gbv_score <= 1.0
    assert r.gbv_score > 0.8
    gbv = r.explanation["gbv_story"]
    assert gbv["top_features"], "a positive flag must come with the features behind it"
    feats = [f["feature"] for f in gbv["top_features"]]
    assert all(f["contribution"] > 0 for f in gbv["top_features"])
    assert any("bạo" in f or "lex:" in f or "đánh" in f for f in feats)
    assert "threshold" in gbv and "probability" in gbv


def test_analyze_carries_topic_fields():
    res = analyze(VI_DV, title="Chồng bạo hành vợ").to_dict()
    assert res["gbv_story"] is True and res["ge_topic"] is True
    assert res["topic_score"] > 0.5
    assert "gbv_story" in res["topic_explanation"]


def test_title_counts():
    with_title = flags(VI_WEATHER, title="Bạo lực gia đình: người vợ bị chồng đánh")
    without = flags(VI_WEATHER)
    assert with_title.gbv_score > without.gbv_score


@pytest.mark.parametrize("text", ["", "   ", "123 456 %", "a" * 5000])
def test_empty_or_meaningless_text_is_negative(text):
    r = flags(text)
    assert not r.ge_topic and not r.gbv_story
    assert 0.0 < r.ge_score < 0.5 and 0.0 < r.gbv_score < 0.5


def test_flag_consistency_is_explained():
    # a short headline-only item: violence against a wife in the title
    r = flags("", title="Chồng đánh vợ nhập viện")
    assert r.gbv_story
    ge = r.explanation["ge_topic"]
    assert r.ge_topic == (r.ge_score >= ge["threshold"] or "rule" in ge)


VI_NURSERY_ABUSE = (
    "Công an huyện đã khởi tố hai bảo mẫu của một nhóm trẻ tự phát vì dùng thước đánh vào tay, tát vào "
    "mặt nhiều cháu từ hai đến bốn tuổi khi các cháu không chịu ăn. Camera của phòng học ghi lại cảnh bảo "
    "mẫu đánh trẻ nhiều lần trong tuần. Phòng Giáo dục huyện cho biết nhóm trẻ chưa được cấp phép và đã "
    "đình chỉ hoạt động; các cháu được chuyển sang trường mầm non công lập gần đó."
)
VI_STEPFATHER = (
    "Một người đàn ông bị bắt vì nhiều lần dùng roi đánh đứa con riêng của vợ, khiến cháu bé chín tuổi bị "
    "bầm tím khắp người. Hàng xóm nghe tiếng khóc nên báo công an xã. Người cha dượng khai đánh con vì "
    "cháu ham chơi, không chịu học bài. Cơ quan chức năng đã đưa cháu về ở với bà ngoại."
)


def test_vi_abuse_by_nursery_staff_is_not_gbv():
    r = flags(VI_NURSERY_ABUSE, title="Khởi tố hai bảo mẫu đánh trẻ")
    assert not r.gbv_story, r.explanation
    assert not r.ge_topic


def test_vi_stepfather_beating_a_child_is_gbv():
    r = flags(VI_STEPFATHER, title="Cha dượng đánh con riêng của vợ")
    assert r.gbv_story, r.explanation
    assert r.explanation["gbv_story"]["evidence"], "a gbv_story names the GBV element it found"


def test_gbv_without_any_gbv_element_is_refused():
    # violence vocabulary with no partner, family, sexual or trafficking element
    text = ("Hai nhóm thanh niên hỗn chiến trước quán nhậu, nhiều người bị thương tích. Công an phường "
            "cho biết các đối tượng dùng gậy và dao để tấn công nhau sau khi va chạm giao thông.")
    r = flags(text, title="Hỗn chiến trước quán nhậu")
    assert not r.gbv_story
    assert r.explanation["gbv_story"]["evidence"] == []


def test_title_naming_gbv_sets_the_flag_and_says_so():
    r = flags("", title="Chồng đánh vợ nhập viện")
    gbv = r.explanation["gbv_story"]
    assert r.gbv_story
    assert r.gbv_score < gbv["threshold"] and "title" in gbv["rule"]
