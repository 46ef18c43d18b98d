"""People stage, Vietnamese: mentions, exclusions, clustering, gender, titles."""
from genderindex.people import find_people, resolve_reference
from genderindex.text.document import TextDoc


def people(text, title=None):
    return find_people(TextDoc(text, lang="vi", title=title))


def by_name(ps):
    return {p.name: p for p in ps}


def test_full_name_honorific_and_bare_honorific_cluster():
    ps = people(
        "Bà Nguyễn Thị Hương, giám đốc công ty, cho biết doanh thu tăng. "
        "Theo bà Hương, năm tới sẽ khó hơn. Bà cho biết thêm công ty đang tuyển người."
    )
    assert [p.name for p in ps] == ["Nguyễn Thị Hương"]
    p = ps[0]
    assert p.gender == "female"
    assert p.gender_evidence[0].cue == "honorific"
    kinds = [m.kind for m in p.mentions]
    assert kinds.count("name") == 2 and "honorific" in kinds
    texts = [m.text for m in p.mentions]
    assert "Bà Nguyễn Thị Hương" in texts and "bà Hương" in texts


def test_same_given_name_woman_and_man_kept_apart():
    ps = people("Ông Minh là thợ điện. Bà Minh bán rau ở chợ. Ông Minh nói trời sắp mưa.")
    minh = [p for p in ps if p.name == "Minh"]
    assert sorted(p.gender for p in minh) == ["female", "male"]
    male = next(p for p in minh if p.gender == "male")
    assert len([m for m in male.mentions if m.kind == "name"]) == 2


def test_theo_ba_x_is_a_person():
    ps = people("Theo bà Trần Thị Lan, phó chủ tịch hội, số hội viên đã tăng gấp đôi.")
    assert [p.name for p in ps] == ["Trần Thị Lan"]
    assert ps[0].gender == "female"


def test_anonymised_initials_are_people():
    ps = people("Chị H. kể lại sự việc. Bà N.T.L. là hàng xóm. Cháu A. bị thương nhẹ. Anh T. đã bỏ trốn.")
    names = by_name(ps)
    assert {"H.", "N.T.L.", "A.", "T."} <= set(names)
    assert names["H."].gender == "female"
    assert names["T."].gender == "male"
    assert names["A."].gender == "unknown"  # "cháu" gives no gender
    assert names["N.T.L."].mentions[0].kind == "initials"


def test_short_initial_joins_full_initials():
    ps = people("Bà N.T.H. đã trình báo công an. Theo bà H., kẻ gian vào lúc nửa đêm.")
    assert [p.name for p in ps] == ["N.T.H."]


def test_places_that_look_like_names_are_not_people():
    ps = people(
        "Nông dân huyện Lục Ngạn thu hoạch vải sớm. Mưa lớn ở Hà Tĩnh và Quảng Bình. "
        "Lục Ngạn năm nay được mùa. Đoàn khách từ Hà Nội tới thăm."
    )
    assert ps == []


def test_street_school_and_hospital_named_after_people():
    ps = people(
        "Vụ cháy xảy ra trên đường Nguyễn Trãi. Học sinh trường THPT Lê Quý Đôn được sơ tán "
        "sang bệnh viện Bạch Mai."
    )
    assert ps == []


def test_titles_without_names_are_not_people():
    ps = people("Chủ tịch UBND xã cho biết sẽ hỗ trợ. Bộ trưởng Bộ Y tế đã chỉ đạo. Thủ tướng Chính phủ yêu cầu báo cáo.")
    assert ps == []


def test_title_with_org_and_place_then_name():
    ps = people("Chủ tịch UBND xã Tân Lập Nguyễn Văn Bình cho biết nước đã rút.")
    assert [p.name for p in ps] == ["Nguyễn Văn Bình"]
    assert ps[0].titles and ps[0].titles[0].startswith("Chủ tịch UBND xã")
    assert ps[0].gender == "male"


def test_foreign_name_after_title_and_country():
    ps = people("Tổng thống Mỹ Barack Obama đã gặp Ngoại trưởng John Kerry. Ông Obama nói cuộc gặp tốt đẹp.")
    names = by_name(ps)
    assert set(names) == {"Barack Obama", "John Kerry"}
    assert names["Barack Obama"].titles == ["Tổng thống Mỹ"]
    assert names["Barack Obama"].gender == "male"
    assert len([m for m in names["Barack Obama"].mentions if m.kind == "name"]) == 2


def test_kin_and_classifier_words():
    ps = people("Thằng Tài mới 10 tuổi. Bé Thùy học lớp hai. Em Tài nói em rất sợ.")
    names = by_name(ps)
    assert names["Tài"].gender == "male"
    assert len([m for m in names["Tài"].mentions if m.kind == "name"]) == 2
    assert "Thùy" in names


def test_pgs_ts_title_and_middle_name():
    ps = people("PGS.TS Trần Văn Hải, trưởng khoa, nhận định dịch sẽ giảm.")
    assert [p.name for p in ps] == ["Trần Văn Hải"]
    p = ps[0]
    assert p.titles == ["PGS.TS"]
    assert p.gender == "male" and p.gender_evidence[0].cue == "middle_name"


def test_ambiguous_given_name_is_unknown():
    ps = people("Lê Minh đã có mặt tại buổi họp.")
    assert [p.name for p in ps] == ["Lê Minh"]
    assert ps[0].gender == "unknown"
    assert ps[0].gender_evidence[0].cue == "none"


def test_given_name_statistics():
    ps = people("Phạm Ngọc Hương và Đỗ Quang Dũng cùng đạt giải.")
    names = by_name(ps)
    assert names["Phạm Ngọc Hương"].gender == "female"
    assert names["Đỗ Quang Dũng"].gender == "male"
    assert names["Đỗ Quang Dũng"].gender_evidence[0].cue == "given_name"


def test_explicit_gender_words():
    ps = people("Nữ ca sĩ Mai Thu biểu diễn cùng cô gái tên Ngân.")
    names = by_name(ps)
    assert names["Mai Thu"].gender == "female"
    assert names["Mai Thu"].gender_evidence[0].cue == "explicit"


def test_byline_photo_credit_and_source_line_excluded():
    ps = people(
        "Ông Lê Văn Nam cho biết mùa màng tốt. Ảnh: Trần Hùng.\n"
        "Người dân phấn khởi (Theo Phạm Thu Hà).\nNguyễn Quang Vinh"
    )
    assert [p.name for p in ps] == ["Lê Văn Nam"]


def test_title_field_mentions():
    ps = people("Ông Trần Văn Hùng nói về mùa lũ.", title="Ông Hùng và mùa lũ")
    assert len(ps) == 1
    assert ps[0].name == "Trần Văn Hùng"
    assert any(m.field == "title" for m in ps[0].mentions)


def test_resolve_reference_bare_honorific():
    text = "Bà Vũ Thị Mai là giáo viên. Bà cho biết học sinh rất chăm."
    doc = TextDoc(text, lang="vi")
    ps = find_people(doc)
    off = text.index("Bà cho")
    p = resolve_reference(doc, ps, off)
    assert p is not None and p.name == "Vũ Thị Mai"
    assert resolve_reference(doc, ps, text.index("giáo")) is None


def test_bare_honorific_not_in_kin_compounds():
    ps = people("Ông Phan Văn Tâm về quê. Bà con trong xóm đến chơi, anh em họ hàng cũng tới.")
    assert len(ps) == 1
    assert all(m.kind == "name" for m in ps[0].mentions)


def test_mention_offsets_slice_the_text():
    text = "Hôm qua, ông Nguyễn Văn An và chị Lê Thị Bình đã gặp Tổng thống Pháp Emmanuel Macron."
    doc = TextDoc(text, lang="vi")
    for p in find_people(doc):
        for m in p.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_list_of_streets_named_after_people():
    ps = people("Khu đất nằm ở ngã ba đường Lê Văn Lương và Trần Duy Hưng, gần chợ.")
    assert ps == []


def test_place_followed_by_name_after_title():
    ps = people("Thủ tướng Pakistan Nawaz Sharif và Chủ tịch Trung Quốc Tập Cận Bình hội đàm. Ông Tập nói.")
    names = by_name(ps)
    assert set(names) == {"Nawaz Sharif", "Tập Cận Bình"}
    assert len([m for m in names["Tập Cận Bình"].mentions if m.kind == "name"]) == 2


def test_appositive_relation_gives_gender():
    ps = people("Lê Thanh Tâm, chồng của nạn nhân, đã bị bắt.")
    assert ps[0].name == "Lê Thanh Tâm"
    assert ps[0].gender == "male" and ps[0].gender_evidence[0].cue == "explicit"


def test_gendered_title_after_name():
    ps = people("Theo truyền thuyết, Ngọc Hoa công chúa rất giỏi võ.")
    assert [p.name for p in ps] == ["Ngọc Hoa"]
    assert ps[0].gender == "female"


def test_title_case_heading_words_are_not_people():
    ps = people("Hội Nghị Cấp Cao Thường Niên Khai Mạc Tại Thủ Đô\n\nĐại biểu các nước đã tới dự.")
    assert ps == []


def test_two_mentions_glued_by_capitalised_honorific():
    ps = people("Ảnh minh họa Ông Trần Quốc Toản cho biết lúa đã chín.")
    assert [p.name for p in ps] == ["Trần Quốc Toản"]


def test_lunar_year_is_not_a_person():
    assert people("Tết Giáp Thìn năm nay đến sớm.") == []


def test_religious_names_get_no_name_statistics():
    ps = people("Thiền sư Minh Hạnh đã giảng pháp tại chùa.")
    assert ps[0].gender == "unknown"


def test_deities_and_groups_are_not_people():
    assert people("Người dân cúng ông Táo và dâng hương ở đền thờ hai Bà Trưng.") == []


def test_named_construction():
    ps = people("Một cô gái tên Ngân đã giúp đỡ cụ bà.")
    assert [p.name for p in ps] == ["Ngân"]
    assert ps[0].gender == "female"


def test_birth_order_nicknames_after_honorific():
    ps = people("Hai người đến chợ. Chị Hai cho biết giá cá tăng. Ba ngày sau, ông Sáu về quê.")
    assert sorted((p.name, p.gender) for p in ps) == [("Hai", "female"), ("Sáu", "male")]
