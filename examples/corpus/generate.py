"""Build the example corpus (articles.jsonl) from hand-written sentence templates.

Everything here is invented for genderindex: the outlets, the places (Tỉnh An Hòa, Xã Bình
Minh, Phường Tân Hòa), the people and every sentence. No news text is copied. The corpus
covers six fictional outlets over five quarters (2025Q4-2026Q4), mostly Vietnamese with
an English edition, with outlet profiles that differ on purpose (who is quoted, wording,
gender-equality coverage) so that an audit has something to show.

Run ``python examples/corpus/generate.py`` to rebuild; the output is deterministic.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "articles.jsonl"
QUARTERS = [(2025, 4), (2026, 1), (2026, 2), (2026, 3), (2026, 4)]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

WOMEN = [
    ("Nguyễn Thị Hồng Nhung", "Nhung"), ("Trần Thị Mai Anh", "Mai Anh"), ("Lê Thị Thu Hà", "Hà"),
    ("Phạm Thị Lan", "Lan"), ("Võ Thị Ngọc Hân", "Hân"), ("Đặng Thị Bích Thủy", "Thủy"),
    ("Bùi Thị Thanh Hương", "Hương"), ("Hoàng Thị Yến", "Yến"), ("Đỗ Thị Minh Trang", "Trang"),
    ("Ngô Thị Hạnh", "Hạnh"),
]
MEN = [
    ("Nguyễn Văn Bình", "Bình"), ("Trần Văn Dũng", "Dũng"), ("Lê Văn Hùng", "Hùng"),
    ("Phạm Văn Tuấn", "Tuấn"), ("Võ Văn Khánh", "Khánh"), ("Đặng Văn Long", "Long"),
    ("Bùi Văn Thắng", "Thắng"), ("Hoàng Văn Cường", "Cường"), ("Đỗ Văn Quang", "Quang"),
    ("Ngô Văn Sơn", "Sơn"),
]
EN_WOMEN = ["Linh Tran", "Sarah Nguyen", "Maria Pham", "Anna Le"]
EN_MEN = ["David Hoang", "Minh Vo", "Peter Dang", "James Bui"]

OFFICIAL_ROLES = ["Chủ tịch UBND xã Bình Minh", "Phó Chủ tịch UBND phường Tân Hòa", "Giám đốc Sở Nông nghiệp tỉnh An Hòa",
                  "Trưởng phòng Văn hóa - Xã hội xã Bình Minh", "Phó Giám đốc Sở Y tế tỉnh An Hòa"]
EXPERT_ROLES = ["bác sĩ Trung tâm Y tế An Hòa", "giảng viên Trường Cao đẳng An Hòa", "kỹ sư thủy lợi",
                "luật sư Đoàn Luật sư tỉnh An Hòa", "chuyên gia kinh tế"]
CITIZEN_ROLES = ["nông dân thôn Đông", "tiểu thương chợ Tân Hòa", "giáo viên Trường Tiểu học Bình Minh",
                 "chủ hợp tác xã rau sạch", "công nhân khu công nghiệp An Hòa"]

# outlet -> (spellings used in the data, date style, p(woman in a slot), p(stereotyped line), p(GE story),
#            p(GBV story), p(GBV story badly worded), articles per quarter)
OUTLETS = {
    "Báo An Hòa": (["Báo An Hòa", "Bao An Hoa", "baoanhoa.example"], "vnexpress", 0.45, 0.05, 0.20, 0.08, 0.0, 9),
    "Đài Phát thanh - Truyền hình An Hòa": (["Đài PT-TH An Hòa", "AHTV"], "dmy_time", 0.25, 0.15, 0.08, 0.08, 0.5, 8),
    "Tạp chí Văn hóa An Hòa": (["Tạp chí Văn hóa An Hòa"], "iso", 0.35, 0.45, 0.10, 0.05, 0.5, 6),
    "Đài Truyền thanh xã Bình Minh": (["Truyền thanh Bình Minh", "Đài Truyền thanh xã Bình Minh"], "dmy", 0.40, 0.05, 0.30, 0.0, 0.0, 5),
    "Bản tin phường Tân Hòa": (["Bản tin phường Tân Hòa"], "dmy", 0.30, 0.10, 0.15, 0.0, 0.0, 3),
    "An Hoa Daily": (["An Hoa Daily", "An Hòa Daily"], "en", 0.40, 0.20, 0.15, 0.05, 0.0, 5),
}


def fmt_date(d: dt.datetime, style: str) -> str:
    if style == "vnexpress":
        return f"{WEEKDAYS[d.weekday()]}, {d.day}/{d.month}/{d.year}, {d:%H:%M} (GMT+7)"
    if style == "dmy_time":
        return f"{d.day}/{d.month}/{d.year} {d:%H:%M}"
    if style == "iso":
        return d.date().isoformat()
    if style == "en":
        return f"{d:%b} {d.day}, {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


class People:
    def __init__(self, rng: random.Random, p_female: float):
        self.rng, self.p = rng, p_female
        self.used: set[str] = set()

    def pick(self, force: str | None = None) -> tuple[str, str, str]:
        """(full name, short name, honorific) of a person not yet used in this article."""
        female = force == "f" if force else self.rng.random() < self.p
        pool = WOMEN if female else MEN
        for _ in range(20):
            full, short = self.rng.choice(pool)
            if full not in self.used:
                break
        self.used.add(full)
        return full, short, ("bà" if female else "ông")


def quote_pair(rng, who, role, said_direct, said_indirect):
    full, short, hon = who
    cue = rng.choice(["cho biết", "nói", "chia sẻ", "khẳng định"])
    first = f"{hon.capitalize()} {full}, {role}, {cue}: “{said_direct}”"
    second = f"Theo {hon} {short}, {said_indirect}"
    return first, second


def story_agriculture(rng, people):
    off, farmer = people.pick(), people.pick()
    crop = rng.choice(["lúa", "ngô", "rau màu", "cà phê", "thanh long"])
    t = f"Nông dân Bình Minh thu hoạch {crop} đạt năng suất cao"
    a, b = quote_pair(rng, off, rng.choice(OFFICIAL_ROLES), f"Năm nay bà con áp dụng giống mới nên năng suất {crop} tăng rõ rệt.",
                      "xã sẽ tiếp tục hỗ trợ bà con về giống và kỹ thuật canh tác trong vụ tới.")
    c, _ = quote_pair(rng, farmer, rng.choice(CITIZEN_ROLES), "Gia đình tôi thu được nhiều hơn năm ngoái, giá bán cũng ổn định.", "")
    return t, [f"Vụ {crop} năm nay, các hợp tác xã trên địa bàn xã Bình Minh đã thu hoạch xong phần lớn diện tích.",
               a, b, c, "Nhiều hộ dân cho rằng việc liên kết tiêu thụ giúp họ yên tâm sản xuất lâu dài."]


def story_infrastructure(rng, people):
    off, exp = people.pick(), people.pick()
    thing = rng.choice(["cây cầu qua sông Lam Giang", "tuyến đường liên xã", "trạm bơm thủy lợi", "nhà văn hóa thôn"])
    t = f"Khởi công {thing} tại tỉnh An Hòa"
    a, b = quote_pair(rng, off, rng.choice(OFFICIAL_ROLES), f"Công trình {thing} sẽ giúp người dân đi lại thuận tiện hơn.",
                      "tiến độ thi công được giám sát chặt chẽ và công khai với người dân.")
    c, _ = quote_pair(rng, exp, rng.choice(EXPERT_ROLES), "Thiết kế đã tính đến mùa mưa lũ nên bảo đảm an toàn lâu dài.", "")
    return t, [f"Sáng nay, UBND tỉnh An Hòa tổ chức lễ khởi công {thing} với tổng vốn đầu tư hơn 40 tỷ đồng.",
               a, b, c, "Dự kiến công trình hoàn thành vào cuối năm sau."]


def story_health(rng, people):
    doc, cit = people.pick(), people.pick()
    t = rng.choice(["Tiêm chủng mở rộng cho trẻ em vùng sâu", "Khám sức khỏe miễn phí cho người cao tuổi",
                    "Phòng chống sốt xuất huyết mùa mưa"])
    a, b = quote_pair(rng, doc, rng.choice(EXPERT_ROLES[:1] + ["bác sĩ Bệnh viện Đa khoa An Hòa"]),
                      "Người dân nên đưa con đi tiêm đúng lịch và giữ vệ sinh nơi ở.",
                      "số ca bệnh trong tháng đã giảm so với cùng kỳ năm trước.")
    c, _ = quote_pair(rng, cit, rng.choice(CITIZEN_ROLES), "Được khám ngay tại trạm y tế xã, chúng tôi đỡ mất công đi xa.", "")
    return t, [f"Trung tâm Y tế tỉnh An Hòa vừa triển khai đợt hoạt động {t.lower()} tại nhiều xã, phường.", a, b, c]


def story_education(rng, people):
    off, teacher = people.pick(), people.pick()
    t = rng.choice(["Khai giảng năm học mới ở các trường vùng ven", "Trao học bổng cho học sinh vượt khó",
                    "Xây thêm phòng học cho trường tiểu học"])
    a, b = quote_pair(rng, off, rng.choice(OFFICIAL_ROLES), "Không để học sinh nào phải bỏ học vì hoàn cảnh khó khăn.",
                      "địa phương đã vận động thêm nguồn lực để sửa chữa phòng học xuống cấp.")
    c, _ = quote_pair(rng, teacher, "giáo viên Trường Tiểu học Bình Minh", "Các em rất háo hức, lớp học mới sáng sủa hơn nhiều.", "")
    return t, [f"Năm nay toàn tỉnh An Hòa có thêm hơn một nghìn học sinh đến trường.", a, b, c]


def story_ge(rng, people):
    lead, exp = people.pick("f"), people.pick()
    t = rng.choice(["Hưởng ứng Tháng hành động vì bình đẳng giới", "Tập huấn kỹ năng lãnh đạo cho cán bộ nữ",
                    "Giảm mất cân bằng giới tính khi sinh", "Phụ nữ khởi nghiệp ở nông thôn được hỗ trợ vốn"])
    a, b = quote_pair(rng, lead, "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh An Hòa",
                      "Bình đẳng giới không chỉ là việc của phụ nữ mà là trách nhiệm của cả cộng đồng.",
                      "tỷ lệ nữ tham gia cấp ủy ở cơ sở đã tăng nhưng vẫn chưa đạt mục tiêu đề ra.")
    c, _ = quote_pair(rng, exp, rng.choice(EXPERT_ROLES), "Chia sẻ việc nhà giữa vợ và chồng giúp phụ nữ có thời gian học tập và làm việc.", "")
    return t, ["Chương trình truyền thông về bình đẳng giới và phòng, chống bạo lực trên cơ sở giới được tổ chức tại nhiều thôn, tổ dân phố.",
               a, b, c, "Các đại biểu thống nhất đưa nội dung bình đẳng giới vào hương ước, quy ước của thôn."]


def story_gbv(rng, people, bad: bool):
    police = people.pick()
    t = "Khởi tố người chồng hành hung vợ gây thương tích" if not bad else "Ghen tuông mù quáng, chồng đánh vợ nhập viện"
    cause = ("Theo cơ quan điều tra, do mâu thuẫn tình cảm và vì ghen tuông, anh T. đã dùng gậy đánh vợ."
             if bad else "Cơ quan điều tra xác định anh T. đã dùng gậy đánh vợ là chị H., gây thương tích nặng.")
    a, _ = quote_pair(rng, police, "Trưởng Công an xã Bình Minh",
                      "Bạo lực gia đình là hành vi vi phạm pháp luật và sẽ bị xử lý nghiêm.", "")
    return t, ["Công an xã Bình Minh vừa chuyển hồ sơ vụ bạo lực gia đình xảy ra tại thôn Đông sang cơ quan điều tra.",
               cause, a, "Người dân có thể gọi đường dây nóng hỗ trợ nạn nhân bạo lực gia đình 24/7."]


STEREOTYPED_LINES = [
    "Dù là phái yếu nhưng các chị vẫn đảm đang việc nhà, giỏi việc nước.",
    "Nữ tài xế duy nhất của hợp tác xã vận tải được đồng nghiệp khen ngợi.",
    "Những bóng hồng của đội văn nghệ đã làm khán giả say mê.",
    "Là trụ cột gia đình, đàn ông trong thôn phải ra đồng từ sáng sớm.",
    "Cô giáo trẻ xinh đẹp được phụ huynh quý mến.",
]


def story_en(rng, people, kind):
    female = rng.random() < people.p
    name = rng.choice(EN_WOMEN if female else EN_MEN)
    hon = "Ms" if female else "Mr"
    other = rng.choice(EN_MEN if female else EN_WOMEN)
    if kind == "ge":
        t = "Province marks Action Month for gender equality"
        body = [f"Hundreds of residents joined events on gender equality and the prevention of gender-based violence in An Hoa province.",
                f"\u201cEquality at home and at work is everyone\u2019s business,\u201d said {name}, who chairs the provincial women\u2019s union.",
                f"{other}, a lecturer at An Hoa College, said more women were now running local cooperatives."]
    else:
        t = rng.choice(["New bridge to open before the rainy season", "Farm cooperatives report a strong harvest"])
        body = [f"Officials in An Hoa province said the project was on schedule.",
                f"\u201cWe expect traffic to move much faster,\u201d said {hon} {name}, a provincial official.",
                f"According to {other}, an engineer, the design accounts for seasonal floods."]
    return t, body


NEUTRAL = [
    "Theo kế hoạch, các đơn vị liên quan sẽ báo cáo kết quả thực hiện trước cuối quý.",
    "Thời tiết thuận lợi trong những tuần qua đã giúp công việc được triển khai đúng tiến độ.",
    "Nhiều hộ gia đình ở các thôn lân cận cũng đăng ký tham gia trong đợt tới.",
    "Kinh phí thực hiện được lấy từ ngân sách địa phương và nguồn xã hội hóa.",
    "Đoàn công tác của tỉnh đã đến kiểm tra thực tế và ghi nhận những kết quả bước đầu.",
    "Địa phương cũng lắng nghe ý kiến đóng góp của người dân qua các buổi họp thôn.",
]


def build(rng: random.Random):
    records = []
    n = 0
    for year, q in QUARTERS:
        for outlet, (spellings, style, p_f, p_st, p_ge, p_gbv, p_bad, per_q) in OUTLETS.items():
            count = per_q + rng.randint(-1, 1) if per_q > 3 else per_q
            if outlet == "Bản tin phường Tân Hòa" and year == 2025:
                count = 0  # the ward bulletin started in 2026
            for _ in range(count):
                n += 1
                people = People(rng, p_f)
                month = 3 * (q - 1) + rng.randint(1, 3)
                d = dt.datetime(year, month, rng.randint(1, 28), rng.randint(6, 21), rng.choice([0, 15, 30, 45]))
                r = rng.random()
                if outlet == "An Hoa Daily":
                    title, paras = story_en(rng, people, "ge" if r < p_ge else "other")
                    lang = "en"
                else:
                    lang = "vi"
                    if r < p_ge:
                        title, paras = story_ge(rng, people)
                    elif r < p_ge + p_gbv:
                        title, paras = story_gbv(rng, people, rng.random() < p_bad)
                    else:
                        title, paras = rng.choice([story_agriculture, story_infrastructure, story_health,
                                                   story_education])(rng, people)
                    for line in rng.sample(NEUTRAL, 2):
                        paras.insert(rng.randint(1, len(paras)), line)
                    if rng.random() < p_st:
                        paras.insert(rng.randint(1, len(paras)), rng.choice(STEREOTYPED_LINES))
                date = fmt_date(d, style)
                if rng.random() < 0.03:
                    date = "N/A"
                raw_outlet = rng.choice(spellings)
                records.append({
                    "id": f"ex-{n:04d}", "outlet": raw_outlet, "date": date, "title": title,
                    "text": "\n\n".join(p for p in paras if p), "lang": lang,
                    "url": f"https://example.invalid/{n:04d}",
                })
    # a few items forwarded without their outlet
    for k in range(4):
        n += 1
        people = People(rng, 0.5)
        title, paras = story_health(rng, people)
        records.append({"id": f"ex-{n:04d}", "outlet": None, "date": f"{10 + k}/11/2026", "title": title,
                        "text": "\n\n".join(paras), "lang": "vi", "url": None})
    return records


def main() -> None:
    rng = random.Random(2026)
    records = build(rng)
    with open(OUT, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles -> {OUT}")


if __name__ == "__main__":
    main()
