"""People stage, general rules: places and outlets glued to names, cue attachment,
name order (invented sentences)."""
from genderindex.people import find_people
from genderindex.text.document import TextDoc


def people(text, lang="vi"):
    return {p.name: p for p in find_people(TextDoc(text, lang=lang))}


def test_compass_place_before_name_is_not_part_of_it():
    ps = people("Thống đốc Bắc Dakota Mary Smith đến thăm. Smith là thống đốc thứ hai của Bắc Dakota.")
    assert set(ps) == {"Mary Smith"}
    assert ps["Mary Smith"].gender == "female"


def test_state_after_place_word_then_foreign_name():
    ps = people("Thống đốc bang Ohio Linda Brown phát biểu tại hội nghị. Brown cho biết sẽ tái tranh cử.")
    assert set(ps) == {"Linda Brown"}
    assert ps["Linda Brown"].gender == "female"


def test_outlet_with_country_word_is_not_a_person():
    assert people("Tờ báo Anh Evening Star đã đăng bài viết về vụ việc.") == {}
    assert people("Hôm qua, hãng Anh Blue River công bố kết quả kinh doanh.") == {}
    ps = people("Anh Hùng nói chuyện với anh Tuấn.")
    assert set(ps) == {"Hùng", "Tuấn"}


def test_social_platform_and_bank_are_not_people():
    assert "Blue Square" not in people("Ông Tâm viết trên mạng xã hội Blue Square hôm qua.")
    ps = people("Ông Tâm từng lãnh đạo NHTMCP Nam Hải và NHTMCP Tây Sơn.")
    assert set(ps) == {"Tâm"}


def test_kin_word_gives_gender_to_the_name_after_it_not_the_title():
    ps = people("Đệ nhất phu nhân Jane Doe và con trai Tommy đến dự lễ khai giảng.")
    assert ps["Jane Doe"].gender == "female"
    assert ps["Tommy"].gender == "male"
    assert ps["Tommy"].gender_evidence[0].text == "con trai"


def test_given_name_first_family_name_last():
    ps = people("Nhạc sĩ Kiên Trần vừa ra mắt bài hát mới.")
    assert ps["Kiên Trần"].gender == "male"
    assert "kiên" in ps["Kiên Trần"].gender_evidence[0].detail


def test_account_name_is_not_a_person():
    assert people("Hắn lập một tài khoản Facebook tên Trần Thu Hà rồi đăng tin sai sự thật.") == {}
    assert set(people("Một cô gái tên Hoa đã đến trình báo.")) == {"Hoa"}


def test_thai_and_indian_first_names_give_gender():
    ps = people("Thị trưởng Somchai Rattanakul và bộ trưởng Priya Sharma đã gặp nhau.")
    assert ps["Somchai Rattanakul"].gender == "male"
    assert ps["Priya Sharma"].gender == "female"


def test_same_initial_with_honorifics_of_different_generations_are_two_people():
    ps = people("Anh Kh. và chị M. bị thương nặng. Phóng viên đến nhà ông Trần Văn Kh. (70 tuổi). Anh Kh. làm thợ mộc.")
    assert "Trần Văn Kh" in ps or "Trần Văn Kh." in ps
    assert len([p for p in ps.values() if p.name.startswith(("Kh", "Trần"))]) == 2


def test_bare_foreign_name_with_age_or_human_verb_is_a_person():
    ps = people("Somsak Phanwong, 52 tuổi, bị bắt tại nhà riêng ở ngoại ô Bangkok.")
    assert "Somsak Phanwong" in ps
    assert "Kessler Moreau" in people("Hôm qua Kessler Moreau cho biết sẽ từ chức.")
    assert people("Hôm qua Bluefin Technologies cho biết sẽ mở nhà máy.") == {}
    assert people("Theo Reuters, Wall Street Journal cho biết giá dầu tăng.") == {}


def test_thing_named_with_ten_is_not_a_person():
    ps = people("Bà Lan đã xuất bản một cuốn sách về nghề nông có tên Green Valley năm 2015.")
    assert set(ps) == {"Lan"}
    assert set(people("Cuốn sách kể về một cô gái tên Hoa.")) == {"Hoa"}


def test_dan_ong_is_not_an_honorific():
    assert people("Một người đàn ông Nga bị bắt ở sân bay.") == {}


def test_two_common_first_names_with_one_surname_are_two_people():
    ps = people("Peter Walsh died in 2010. His daughter Petra Walsh said she wants answers.", lang="en")
    assert {"Peter Walsh", "Petra Walsh"} <= set(ps)
    ps = people("Eric Lowe spoke first. Later his daughter Erica Lowe spoke.", lang="en")
    assert ps["Erica Lowe"].gender == "female" and ps["Eric Lowe"].gender == "male"


def test_club_name_that_is_a_first_name_before_a_surname():
    ps = people("She wrote to her daughter Chelsea Morgan about the trip.", lang="en")
    assert ps["Chelsea Morgan"].gender == "female"
    assert people("Fans of Chelsea cheered when the team won the cup again.", lang="en") == {}


LONG_EN = " The meeting went on for hours and the committee heard many other witnesses that day."


def test_english_surname_that_is_a_common_word():
    ps = people("Later in the evening Ms. White agreed with the plan." + LONG_EN, lang="en")
    assert ps["White"].gender == "female"
    ps = people("The chairwoman, Mary Jo West, said she would stay. Later Mary Jo said no." + LONG_EN, lang="en")
    assert "Mary Jo West" in ps and "Mary Jo" not in ps
    assert len(ps["Mary Jo West"].mentions) >= 2
    assert people("On Monday the group met in the West Wing and talked." + LONG_EN, lang="en") == {}


def test_chinese_name_in_sino_vietnamese_reading_gets_no_vietnamese_statistics():
    ps = people("Tài tử Hồng Kông Lâm Chí Hoa vừa nhận giải thưởng.")
    assert ps["Lâm Chí Hoa"].gender == "unknown"
    ps = people("Nữ diễn viên Trung Quốc Lâm Tâm Như vừa nhận giải thưởng.")
    assert ps["Lâm Tâm Như"].gender == "female"  # an explicit word still counts
    ps = people("Ca sĩ Lâm Chí Hoa vừa nhận giải thưởng.")
    assert ps["Lâm Chí Hoa"].gender == "female"  # without the country, Vietnamese statistics apply


def test_foreign_name_after_an_office_ending_with_a_place_word():
    ps = people("Ông Lee nói về cựu Cố vấn An ninh Quốc gia Robert Miller trong cuộc họp.")
    assert ps["Robert Miller"].gender == "male"
    assert people("Họ đến thăm Trường Quốc tế Mary Queen ở thủ đô.") == {}


def test_more_gendered_words_before_a_name():
    assert people("Mỹ nhân Anna Lee xuất hiện tại sự kiện.")["Anna Lee"].gender == "female"
    assert people("Ông trùm Đỗ Anh bị bắt tại sân bay.")["Đỗ Anh"].gender == "male"
    assert people("Hot girl Thu Hằng vừa mở quán cà phê.")["Thu Hằng"].gender == "female"


def test_english_sign_offs_and_contributor_lines_are_not_people():
    text = (
        "Markets could rally if the vote is clear in Ohio. Tom Baxter Jr.\n\n"
        "Contributing: Ann Fowler.\n\nFollow Peter Kane on Twitter @pk.\n\n"
        "The vote was close. Then Hillary Clinton left the hall." + LONG_EN
    )
    assert set(people(text, lang="en")) == {"Hillary Clinton"}


def test_photo_credit_name_ending_in_an_honorific_word_and_two_name_byline():
    assert people("Đường vào chợ đông nghẹt. Ảnh: Thu Anh. Trời vừa tối, chợ đã kín người.") == {}
    assert people("Chợ phiên năm nay rất đông vui và nhộn nhịp. Xuân Thành - Thu Anh") == {}


def test_firm_named_after_a_role_is_not_a_person():
    ps = people("Luật sư Đỗ Văn Tâm, văn phòng luật sư Minh Pháp, cho biết vụ án sẽ được xét xử lại.")
    assert set(ps) == {"Đỗ Văn Tâm"}


def test_name_before_copyright_sign_is_a_byline():
    assert people("Cán bộ phải làm gương cho người dân. Minh Trang © BÁO ĐIỆN TỬ ABC") == {}


def test_bare_surname_shared_by_a_woman_and_a_man_follows_the_pronoun():
    ps = people(
        "Thống đốc Anna Lee Carter có mặt. Thượng nghị sĩ Tom Carter phát biểu. "
        "Carter, cựu thư ký báo chí, cho biết bà sẽ ủng hộ."
    )
    texts = [m.text for m in ps["Anna Lee Carter"].mentions]
    assert "Carter" in texts
    assert ps["Tom Carter"].gender == "male" and ps["Anna Lee Carter"].gender == "female"


def test_english_office_title_inside_a_run_and_possessive_before_a_day():
    ps = people("He criticized figures such as Federal Reserve Chair Janet Yellen." + LONG_EN, lang="en")
    assert ps["Janet Yellen"].gender == "female"
    ps = people("The campaign reeled after FBI Director James Comey's Friday letter." + LONG_EN, lang="en")
    assert "James Comey" in ps
    assert set(people("The bank Wells Fargo said it would pay." + LONG_EN, lang="en")) == set()


def test_generational_suffix_keeps_son_and_father_apart():
    ps = people("Robert Hale Jr. said he would run. His father Robert Hale agreed with him." + LONG_EN, lang="en")
    assert "Robert Hale Jr" in ps and "Robert Hale" in ps


def test_alias_in_parentheses_joins_its_person():
    ps = people("Đại tá Trần Văn Hòa (Tư Hòa, 70 tuổi) kể lại trận đánh. Đại tá Tư Hòa cho biết đơn vị mất nhiều người.")
    assert set(ps) == {"Trần Văn Hòa"}
    assert [m.text for m in ps["Trần Văn Hòa"].mentions if m.kind == "name"].count("Tư Hòa") == 2
    assert set(people("Bà Nguyễn Thị Lan (Hà Nội) cho biết giá rau tăng.")) == {"Nguyễn Thị Lan"}
