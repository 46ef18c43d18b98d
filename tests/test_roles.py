"""Roles stage: GMMP function from titles, appositions and what the person does."""
from __future__ import annotations

import pytest

from genderindex.roles import assign_functions
from genderindex.quotes import find_quotes
from genderindex.text.document import TextDoc

from test_quotes import people_in


def roles(text, specs, lang="vi", titles=None, title=None):
    doc = TextDoc(text, lang=lang, title=title)
    people = people_in(doc, specs)
    for p in people:
        p.titles = list((titles or {}).get(p.name, []))
    quotes = find_quotes(doc, people)
    assign_functions(doc, people, quotes)
    return {p.name: p for p in people}


@pytest.mark.parametrize(
    "text,func",
    [
        ("Bộ trưởng Trần Văn Long cho biết ngân sách năm nay sẽ tăng.", "official"),
        ("Ông Trần Văn Long, Chủ tịch UBND xã Tân Lập, cho biết đường sẽ xong vào tháng sau.", "official"),
        ("Luật sư Trần Văn Long cho rằng bản án chưa thỏa đáng.", "expert"),
        ("PGS.TS Trần Văn Long nhận định lạm phát sẽ giảm.", "expert"),
        ("Ông Trần Văn Long, chuyên gia kinh tế, nhận định lạm phát sẽ giảm.", "expert"),
        ("Người phát ngôn Bộ Ngoại giao Trần Văn Long khẳng định lập trường của Việt Nam.", "spokesperson"),
        ("Nghi phạm Trần Văn Long bị bắt tại nhà riêng. Long khai đã trộm xe máy.", "subject"),
        ("Bị cáo Trần Văn Long khóc tại tòa.", "subject"),
        ("Anh Trần Văn Long, 40 tuổi, ở xã Tân Lập kể gia đình anh mất trắng vụ lúa.", "personal_experience"),
        ("Anh Trần Văn Long, người chứng kiến vụ tai nạn, cho biết chiếc xe chạy rất nhanh.", "eyewitness"),
    ],
)
def test_function_from_titles_and_context(text, func):
    p = roles(text, [("Trần Văn Long", "male", "Long")])["Trần Văn Long"]
    assert p.function == func, (text, p.function, p.function_evidence)
    assert p.function_evidence and p.function_evidence[0].detail


def test_title_list_from_people_stage_wins():
    p = roles(
        "Ông Trần Văn Long cho biết kế hoạch đã được duyệt.",
        [("Trần Văn Long", "male", "Ông Trần Văn Long")],
        titles={"Trần Văn Long": ["Giám đốc Sở Y tế"]},
    )["Trần Văn Long"]
    assert p.function == "official"


def test_unquoted_expert_is_not_expert():
    p = roles("Bác sĩ Trần Văn Long đã nghỉ hưu từ năm ngoái.", [("Trần Văn Long", "male")])["Trần Văn Long"]
    assert p.function != "expert"


def test_former_official_not_speaking_is_subject():
    p = roles(
        "Cựu bộ trưởng Trần Văn Long bị khởi tố. Ông Long đang bị tạm giam.",
        [("Trần Văn Long", "male", "Ông Long")],
    )["Trần Văn Long"]
    assert p.function == "subject"


def test_passing_mention_is_other():
    p = roles(
        "Dàn nhạc chơi một bản nhạc của Trần Văn Long trong đêm diễn.", [("Trần Văn Long", "male")]
    )["Trần Văn Long"]
    assert p.function == "other"


def test_unquoted_person_in_headline_is_subject():
    ps = roles(
        "Trần Văn Long giành huy chương vàng ở nội dung 100 m.",
        [("Trần Văn Long", "male")],
        title="Trần Văn Long vô địch",
    )
    assert ps["Trần Văn Long"].function == "subject"


@pytest.mark.parametrize(
    "text,func",
    [
        ("Senator Jane Smith said the bill would pass.", "official"),
        ("Jane Smith, an economist at the bank, said prices would fall.", "expert"),
        ("White House spokeswoman Jane Smith said the president was resting.", "spokesperson"),
        ("The suspect, Jane Smith, was arrested on Monday. Smith denied the charges in court.", "subject"),
    ],
)
def test_english_functions(text, func):
    p = roles(text, [("Jane Smith", "female", "Smith")], lang="en")["Jane Smith"]
    assert p.function == func, (text, p.function, p.function_evidence)


def test_single_name_in_a_line_up_is_other():
    ps = roles(
        "Đội hình xuất phát: Trần Văn An, Lê Văn Bình, Phạm Văn Cường, Ngô Văn Dũng, Đỗ Văn Em, Vũ Văn Phúc.",
        [(n, "male") for n in ["Trần Văn An", "Lê Văn Bình", "Phạm Văn Cường", "Ngô Văn Dũng", "Đỗ Văn Em", "Vũ Văn Phúc"]],
    )
    assert all(p.function == "other" for p in ps.values())


def test_title_before_a_list_covers_every_name():
    ps = roles(
        "Các bộ trưởng Trần Văn An, Lê Văn Bình và Phạm Thị Cúc cho biết ngân sách sẽ tăng.",
        [("Trần Văn An", "male"), ("Lê Văn Bình", "male"), ("Phạm Thị Cúc", "female")],
    )
    assert all(p.function == "official" for p in ps.values()), {n: p.function for n, p in ps.items()}


def test_role_evidence_points_at_the_title_in_the_text():
    doc = TextDoc("Ông Trần Văn Long, Giám đốc Sở Y tế, cho biết bệnh viện sẽ mở thêm khoa.", lang="vi")
    people = people_in(doc, [("Trần Văn Long", "male", "Ông Trần Văn Long")])
    assign_functions(doc, people, find_quotes(doc, people))
    ev = people[0].function_evidence[0]
    assert people[0].function == "official"
    assert doc.text[ev.start : ev.end].lower() == "giám đốc"


def test_abbreviated_english_title_before_the_name():
    p = roles("Sen. Jane Smith said the bill would pass next week.", [("Jane Smith", "female")], lang="en")["Jane Smith"]
    assert p.function == "official"
