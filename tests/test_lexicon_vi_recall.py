"""Vietnamese lexicon recall: contextual framings of violence, consent and romance
framings of child sexual abuse, looks of women in crime reports, gender norms — each
with a look-alike sentence that must stay silent. All sentences are written for the tests."""
import pytest

from genderindex.language import check_text


def _rules(text):
    return {f.rule for f in check_text(text, lang="vi")}


def _texts(text):
    return [f.text for f in check_text(text, lang="vi")]


ABUSE = " Công an đã khởi tố bị can về tội giao cấu với người từ đủ 13 tuổi đến dưới 16 tuổi."


@pytest.mark.parametrize(
    "text,rule",
    [
        ("Qua mạng xã hội, hai người quen rồi nảy sinh tình cảm yêu đương." + ABUSE,
         "vi.gbv_trivialising.yeu-duong-voi-tre"),
        ("Bị can khai hai bên quan hệ tình dục tự nguyện." + ABUSE, "vi.gbv_victim_blaming.tu-nguyen-voi-tre"),
        ("Bị can khai các lần gặp nhau đều do em H. tự nguyện." + ABUSE,
         "vi.gbv_victim_blaming.dong-y-trong-tin-xam-hai"),
        ("Gã thanh niên bị bắt vì quan hệ tình dục với nữ sinh lớp 8.", "vi.gbv_trivialising.quan-he-voi-hoc-sinh"),
        ("Ông ta có cử chỉ âu yếm rồi sờ vào vùng nhạy cảm của cháu bé. Ông bị khởi tố về tội dâm ô với người dưới 16 tuổi.",
         "vi.gbv_trivialising.nhay-cam"),
        ("Hắn dọa tung clip nóng của bạn gái cũ lên mạng để tống tiền.", "vi.gbv_trivialising.clip-nhay-cam"),
        ("Hàng xóm nghe tiếng kêu cứu nhưng coi chuyện chồng đánh vợ là chuyện nội bộ.",
         "vi.gbv_trivialising.chuyen-noi-bo"),
        ("Tại cơ quan công an, người chồng khai chỉ lỡ tay đẩy vợ ngã khiến chị tử vong.", "vi.gbv_trivialising.lo-tay"),
        ("Gã biến thái đã dâm ô nhiều bé gái trong khu trọ.", "vi.gbv_trivialising.ke-bien-thai"),
        ("Do bị bạn gái đòi chia tay, gã thanh niên dùng dao đâm chị tử vong.",
         "vi.gbv_victim_blaming.chia-tay-la-nguyen-nhan"),
        ("Do vợ không cho tiền uống rượu, người chồng đánh đập vợ nhiều lần.", "vi.gbv_victim_blaming.nan-nhan-co-loi"),
        ("Người chồng nổi máu ghen rồi cầm dao đâm vợ.", "vi.gbv_victim_blaming.ghen-tuong"),
        ("Nghi vợ có tình cảm với người khác, anh ta đánh đập vợ dã man.", "vi.gbv_victim_blaming.nghi-ngoai-tinh"),
        ("Do nhẹ dạ cả tin, nhiều cô gái đã bị lừa bán sang Trung Quốc.", "vi.gbv_victim_blaming.nhe-da-ca-tin"),
        ("Nạn nhân 19 tuổi, có gương mặt khả ái, bị sát hại trong phòng trọ.",
         "vi.appearance.ngoai-hinh-trong-tin-toi-pham"),
        ("Bạn gái xinh đẹp của tiền đạo xuất hiện trên khán đài.", "vi.appearance.nu-sinh-xinh-dep"),
        ("Ông chủ công ty bị bắt khi đang cặp kè chân dài ở khách sạn.", "vi.appearance.chan-dai"),
        ("Nữ ca sĩ khoe nhan sắc rạng rỡ ở tuổi 50.", "vi.appearance.nhan-sac-vong-dang"),
        ("Nữ hot tiktoker bị bắt vì quảng cáo sai sự thật.", "vi.appearance.hot-tiktoker"),
        ("Giá rau tăng mạnh khiến các bà nội trợ lo lắng.", "vi.stereotype_women.ba-noi-tro"),
        ("Là phụ nữ thì phải biết giữ gìn hạnh phúc gia đình.", "vi.stereotype_women.la-phu-nu-thi-phai"),
        ("Anh luôn nghĩ mình là trụ cột của gia đình.", "vi.stereotype_men.tru-cot-gia-dinh"),
        ("Đã là đàn ông thì không được yếu đuối.", "vi.stereotype_men.la-dan-ong-thi-phai"),
        ("Ái nữ nhà tỷ phú vừa tổ chức đám cưới.", "vi.family_framing.ai-nu"),
        ("Anh ta thường dẫn gái lạ về nhà.", "vi.sexist_insult.gai-nhan"),
        ("Cặp đũa lệch khiến dân mạng bàn tán.", "vi.marital_age.dua-lech"),
        ("Do mâu thuẫn gia đình, người chồng nhiều lần đánh đập vợ.", "vi.gbv_victim_blaming.mau-thuan-gia-dinh"),
        ("Do mâu thuẫn từ trước, người chồng đánh đập vợ phải nhập viện.", "vi.gbv_victim_blaming.do-mau-thuan"),
        ("Vợ cằn nhằn chuyện tiền bạc, người chồng cầm dao rượt đuổi.", "vi.gbv_victim_blaming.vo-can-nhan"),
        ("Thấy cháu bé ở nhà một mình, gã hàng xóm nảy sinh ý đồ đồi bại rồi dâm ô cháu.", "vi.gbv_trivialising.duc-vong"),
        ("Nhà trường gọi vụ thầy giáo dâm ô học sinh là sự việc đáng tiếc.", "vi.gbv_trivialising.su-viec-dang-tiec"),
        ("Do chị H. không cho tiền, bị cáo dùng gậy đánh đập chị.", "vi.gbv_victim_blaming.nan-nhan-co-loi"),
        ("Nghi chị T. có quan hệ bất chính, N. cầm dao đâm chị tử vong.", "vi.gbv_victim_blaming.nghi-ngoai-tinh"),
        ("Nhan sắc của nữ diễn viên gây chú ý tại buổi họp báo phim mới.", "vi.appearance.nhan-sac"),
        ("Chị cho rằng thiên tính nữ giúp mình làm tốt công việc.", "vi.stereotype_women.thien-tinh-nu"),
    ],
)
def test_new_framings_are_found(text, rule):
    assert rule in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        # romance and consent words without any sign of child sexual abuse
        "Hai diễn viên nảy sinh tình cảm sau bộ phim và yêu nhau từ năm 2019.",
        "Học sinh lớp 9 đều tự nguyện tham gia dọn vệ sinh trường.",
        "Người dân hiến đất làm đường trên cơ sở tự nguyện.",
        # "tự nguyện" in an abuse report that is about compensation or the opposite of consent
        "Gia đình bị cáo đã tự nguyện bồi thường cho bị hại." + ABUSE,
        "Bị hại khẳng định không tự nguyện đi theo bị can." + ABUSE,
        # "nạn nhân không có lỗi" is the opposite of victim blaming
        "“Nạn nhân không có lỗi gì”, bà nói.",
        # ordinary senses
        "Công ty xử lý nội bộ vụ việc nhân viên đi muộn.",
        "Cầu thủ chân ngắn phải chạy nhiều bước hơn người chân dài.",
        "Thành phố xinh đẹp này đón hàng triệu du khách mỗi năm.",
        "Người đàn ông phải nhập viện cấp cứu sau tai nạn.",
        "Hòa bình và an ninh là hai trụ cột quan trọng của Liên hợp quốc.",
        "Chị là trụ cột nuôi hai con nhỏ.",
        "Con gái Việt lấy chồng Hàn Quốc ngày càng nhiều.",
        "Cha mẹ nên dạy trẻ nhận biết vùng nhạy cảm để phòng tránh xâm hại tình dục.",
        "Nhiều người cả tin nên bị lừa đảo chiếm đoạt tiền qua mạng.",
        "Nhiều khán giả ghen tị với cuộc sống của cặp đôi.",
        "Anh ta lỡ tay làm rơi chiếc điện thoại.",
        "Hai công ty có mâu thuẫn từ lâu về hợp đồng.",
        # description for identification, a woman leaving a violent husband, sport, family warmth
        "Công an tìm nhân thân người phụ nữ tử vong, có đặc điểm: da trắng, cao khoảng 1m55, dáng người mảnh mai.",
        "Sau nhiều năm bị chồng đánh đập, người vợ quyết định ly hôn.",
        "Anh là trụ cột của hàng thủ đội tuyển.",
        "Bà ôm hôn cháu nội khi con trai đi làm về.",
        "Vì là phụ nữ nên chị từng bị từ chối thăng chức.",
        "Chị Lan, một bà nội trợ ở Hà Nội, cho biết giá thịt đã tăng.",
        "Hai người xảy ra va chạm giao thông, một người tử vong tại chỗ.",
        "Vụ tai nạn là sự việc đáng tiếc, một nạn nhân tử vong.",
        "Cuộc thi nhan sắc năm nay có 40 thí sinh vào chung kết.",
        # family feud between relatives, not partner violence
        "Do mâu thuẫn gia đình về tranh chấp đất đai, người em dùng dao chém anh trai trọng thương.",
    ],
)
def test_look_alikes_stay_silent(text):
    assert check_text(text, lang="vi") == []


def test_spans_are_short():
    text = "Sau đó, hai người nảy sinh tình cảm yêu đương." + ABUSE
    assert "nảy sinh tình cảm yêu đương" in _texts(text)
