"""Builds corpora/gold/docs.jsonl: hand-written, hand-annotated gold reports (dvnlp team, 2026, CC-BY-4.0)."""
import json
import sys
import unicodedata

E, C, D, P = "economy", "culture_society", "defense_security", "political_system"
NB = "\u00a0"   # non-breaking space
ETH = "\u00d0"  # U+00D0, a look-alike of Đ used by some web pages

DOCS = []


def doc(style, text, officials=(), documents=(), counts=(), breakdowns=(), models=(), checks=(), notes="", nfd=False):
    DOCS.append(dict(style=style, text=text, officials=list(officials), documents=list(documents), counts=list(counts),
                     breakdowns=list(breakdowns), models=list(models), checks=list(checks), notes=notes, nfd=nfd))


def O(name, *titles):
    return dict(name=name, titles=list(titles))


def B(total, **parts):
    m = dict(E=E, C=C, D=D, P=P)
    return dict(total=total, parts={m[k]: v for k, v in parts.items()})


# ---------------------------------------------------------------- conference_news
doc("conference_news",
    "Sáng 14/3/2024, Ban Dân vận Huyện ủy Chư Păh tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua “Dân vận "
    "khéo” giai đoạn 2014-2024. Dự hội nghị có đồng chí Rơ Mah Thuấn – Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND "
    "huyện; đồng chí Ksor Thu – UVBTV, Trưởng Ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ Việt Nam huyện cùng 120 đại "
    "biểu đại diện các cơ quan, đơn vị và 15 xã, thị trấn. Phát biểu chỉ đạo, đồng chí Rơ Mah Thuấn ghi nhận những kết "
    "quả mà hệ thống chính trị huyện đạt được. Dịp này, Ban Thường vụ Huyện ủy tặng Giấy khen cho 12 tập thể và 18 cá "
    "nhân có thành tích xuất sắc.",
    officials=[O("Rơ Mah Thuấn", "Phó Bí thư Thường trực Huyện ủy", "Chủ tịch Hội đồng nhân dân huyện"),
               O("Ksor Thu", "Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy",
                 "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện")],
    counts=[(120, None, "đại biểu"), (15, None, "xã"), (12, None, "tập thể"), (18, None, "cá nhân")],
    notes="'10 năm' and '2014-2024' are a period, not counts. UVBTV completed with the body of the next title (Huyện ủy). "
          "Second mention of Rơ Mah Thuấn adds no title. 12 tập thể / 18 cá nhân is a non-field split (no total stated).")

doc("conference_news",
    "Chiều 22/12/2023, Huyện ủy Ia Grai tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân "
    "năm 2023. Chủ trì hội nghị có ông Siu Hương (Bí thư Huyện ủy, Chủ tịch HĐND huyện) và ông Nguyễn Thanh Tùng (Phó "
    "Bí thư Huyện ủy, Chủ tịch UBND huyện). Tại hội nghị, 46 đại biểu là người có uy tín, già làng, nông dân tiêu biểu "
    "đã nêu 23 ý kiến, kiến nghị. Anh Rơ Châm Đức, nông dân làng Dơ Nâu, xã Ia Sao, đề nghị huyện hỗ trợ giống cà phê "
    "tái canh cho bà con. Trả lời các kiến nghị, ông Siu Hương yêu cầu các phòng, ban liên quan giải quyết dứt điểm "
    "trong quý I năm 2024.",
    officials=[O("Siu Hương", "Bí thư Huyện ủy", "Chủ tịch Hội đồng nhân dân huyện"),
               O("Nguyễn Thanh Tùng", "Phó Bí thư Huyện ủy", "Chủ tịch Ủy ban nhân dân huyện")],
    counts=[(46, None, "đại biểu"), (23, None, "ý kiến")],
    notes="Titles inside parentheses after the name. Anh Rơ Châm Đức is a farmer with no position: not an official. "
          "'quý I năm 2024' is a date.")

doc("conference_news",
    "Ngày 27/9/2022, tại thành phố Pleiku, Ban Thường vụ Tỉnh ủy Gia Lai tổ chức Hội nghị biểu dương điển hình “Dân vận "
    "khéo” lần thứ IV. Đồng chí Hồ Văn Thắng, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh "
    "dự và phát biểu chỉ đạo. Cùng dự có đồng chí Kpă Thuyên – Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh và đồng chí Nay "
    "H'Lan, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy. Hội nghị đã biểu dương 87 tập thể, 113 cá nhân điển hình "
    "trong 05 năm qua.",
    officials=[O("Hồ Văn Thắng", "Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"),
               O("Kpă Thuyên", "Tỉnh ủy viên", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
               O("Nay H'Lan", "Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy")],
    counts=[(87, None, "tập thể"), (113, None, "cá nhân")],
    notes="Three titles for one person; en dash and comma separators. 'lần thứ IV' is an ordinal and '05 năm qua' a "
          "period: neither is a count. Tập thể/cá nhân split, no field breakdown.")

doc("conference_news",
    "Ngày 15/8/2021, Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk Y Ngọc Niê đã làm việc với Ban Thường vụ Huyện ủy Buôn Đôn về "
    "công tác dân vận ở vùng đồng bào dân tộc thiểu số. Tiếp và làm việc với đoàn có Bí thư Huyện ủy Buôn Đôn Trần "
    "Quốc Thái và Phó Chủ tịch UBND huyện H'Xuân Mlô. Báo cáo với đoàn, bà H'Xuân Mlô cho biết toàn huyện hiện có 65 "
    "người có uy tín trong đồng bào dân tộc thiểu số; năm qua đã vận động 312 hộ tham gia chuyển đổi cây trồng. Đồng "
    "chí Y Ngọc Niê đề nghị huyện quan tâm phát huy vai trò của già làng, người có uy tín.",
    officials=[O("Y Ngọc Niê", "Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk"),
               O("Trần Quốc Thái", "Bí thư Huyện ủy Buôn Đôn"),
               O("H'Xuân Mlô", "Phó Chủ tịch Ủy ban nhân dân huyện")],
    counts=[(65, None, "người có uy tín"), (312, None, "hộ")],
    notes="All three titles come BEFORE the name with no separator (title + place + name). The name H'Xuân Mlô starts "
          "right after the word 'huyện'.")

doc("conference_news",
    "Ngày 09/6/2023, Đảng ủy xã Ia Băng (huyện Đak Đoa) tổ chức sơ kết 3 năm thực hiện Đề án “Nâng cao chất lượng công "
    "tác dân vận”. Dự có bà Nguyễn Thị Hoa – Phó Trưởng Ban Dân vận Huyện ủy; ông Đinh Văn Hyên – Bí thư Đảng ủy, Chủ "
    "tịch HĐND xã; ông Nguyễn Văn Lâm – Phó Bí thư Đảng ủy, Trưởng Ban Dân vận Đảng ủy xã kiêm Chủ tịch Ủy ban MTTQ Việt "
    "Nam xã. Qua 3 năm, xã đã vận động Nhân dân hiến 4.500 m2 đất, đóng góp 1.200 ngày công để làm 3,2 km đường giao "
    "thông nông thôn. Ông Đinh Văn Hyên cho biết, 12/12 làng đã xây dựng hương ước, quy ước phù hợp.",
    officials=[O("Nguyễn Thị Hoa", "Phó Trưởng Ban Dân vận Huyện ủy"),
               O("Đinh Văn Hyên", "Bí thư Đảng ủy xã", "Chủ tịch Hội đồng nhân dân xã"),
               O("Nguyễn Văn Lâm", "Phó Bí thư Đảng ủy xã", "Trưởng Ban Dân vận Đảng ủy xã",
                 "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã")],
    counts=[(4500, None, "m2 đất"), (1200, None, "ngày công"), (3.2, None, "km đường giao thông nông thôn"),
            (12, 12, "làng")],
    notes="'kiêm' joins a third title. 'Bí thư Đảng ủy, Chủ tịch HĐND xã': the level 'xã' is shared and completed. "
          "'3 năm' (twice) is a period. The Đề án has no symbol, so documents is empty.")

doc("conference_news",
    "Ngày 18/10/2022, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum phối hợp với Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết "
    "chương trình “Nâng bước em tới trường – Con nuôi đồn Biên phòng”. Đại tá Nguyễn Hữu Phước, Chính ủy Bộ đội Biên phòng "
    "tỉnh và đồng chí A Pớt, Phó Trưởng Ban Dân vận Tỉnh ủy đồng chủ trì. Sau 2 năm, các đồn Biên phòng đã nhận đỡ đầu 46 "
    "học sinh, hỗ trợ mỗi em 500.000 đồng mỗi tháng. Thượng tá Lê Văn Hải – Phó Chính ủy Bộ đội Biên phòng tỉnh cho biết "
    "sẽ tiếp tục mở rộng chương trình tới các xã biên giới của huyện Ngọc Hồi và Sa Thầy.",
    officials=[O("Nguyễn Hữu Phước", "Chính ủy Bộ đội Biên phòng tỉnh"),
               O("A Pớt", "Phó Trưởng Ban Dân vận Tỉnh ủy"),
               O("Lê Văn Hải", "Phó Chính ủy Bộ đội Biên phòng tỉnh")],
    counts=[(46, None, "học sinh"), (500000, None, "đồng")],
    notes="Military ranks (Đại tá, Thượng tá) are treated like honorifics: not part of the name, not a title. The quoted "
          "name is a programme (chương trình), not a model. Two-syllable name A Pớt. 'Sau 2 năm' is a period.")

doc("conference_news",
    "Ngày 20/11/2020, Ban Dân vận Tỉnh ủy Quảng Trị tổ chức Hội nghị gặp mặt người có uy tín trong đồng bào dân tộc thiểu "
    "số năm 2020. Tới dự có đồng chí Lê Quang Thịnh (Phó Bí thư Thường trực Tỉnh ủy), đồng chí Hồ Văn Điềm (Ủy viên Ban "
    "Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy) cùng 215 già làng, trưởng bản, người có uy tín của 2 huyện Hướng Hóa "
    "và Đakrông. Ông Điềm đánh giá, người có uy tín đã tham gia hòa giải thành 37 vụ việc mâu thuẫn, tranh chấp ở cơ sở. "
    "Già làng Hồ Văn Lìa ở bản Vầng, xã Hướng Lập phát biểu mong muốn được tập huấn thêm về pháp luật.",
    officials=[O("Lê Quang Thịnh", "Phó Bí thư Thường trực Tỉnh ủy"),
               O("Hồ Văn Điềm", "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy")],
    counts=[(215, None, "già làng"), (2, None, "huyện"), (37, None, "vụ việc")],
    notes="Back-reference 'Ông Điềm' (given name only) is the same official, not a new one. Già làng Hồ Văn Lìa is a "
          "village elder, not a position holder: not an official. Generic plural 'trưởng bản' without a name is not an "
          "official.")

doc("conference_news",
    "Sáng 05/01/2024, UBND thành phố Pleiku tổ chức tổng kết công tác dân vận chính quyền năm 2023. Dự hội nghị có ông "
    "Rơ Lan Tới - Phó Bí thư Thành ủy, Chủ tịch UBND thành phố; bà Phan Thị Thu Hà - Ủy viên Ban Thường vụ, Trưởng Ban "
    "Dân vận Thành ủy kiêm Chủ tịch Ủy ban MTTQ Việt Nam thành phố. Năm 2023, UBND thành phố đã tiếp 1.245 lượt công "
    "dân, tiếp nhận 386 đơn thư; đến nay đã giải quyết 372/386 đơn, đạt 96,37%. Ông Tới yêu cầu các phòng, ban tăng "
    "cường đối thoại, không để phát sinh điểm nóng, đồng thời nhân rộng mô hình “Cán bộ phường đi từng ngõ, gõ từng nhà” của phường Hội "
    "Thương.",
    officials=[O("Rơ Lan Tới", "Phó Bí thư Thành ủy", "Chủ tịch Ủy ban nhân dân thành phố"),
               O("Phan Thị Thu Hà", "Ủy viên Ban Thường vụ Thành ủy", "Trưởng Ban Dân vận Thành ủy",
                 "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố")],
    counts=[(1245, None, "lượt công dân"), (386, None, "đơn thư"), (372, 386, "đơn"), (96.37, None, "%")],
    models=[("Cán bộ phường đi từng ngõ, gõ từng nhà", P)],
    notes="Hyphen separators. 372/386 = 96.373%, stated 96,37%: consistent, no check. 'Ông Tới' is a back-reference.")

doc("conference_news",
    "Ngày 23/4/2019, tại Hà Nội, Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở Trung ương tổ chức hội nghị trực tuyến toàn "
    "quốc với 63 điểm cầu tỉnh, thành phố. Đồng chí Nguyễn Đức Thuận, Ủy viên Bộ Chính trị, Trưởng Ban Dân vận Trung "
    "ương, Trưởng Ban Chỉ đạo chủ trì hội nghị. Cùng chủ trì có các đồng chí: Hoàng Văn Quân, Phó Trưởng ban Dân vận "
    "Trung ương; Lò Thị Minh Hà, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam. Báo cáo tại hội nghị cho thấy đã có "
    "10.614/10.614 xã, phường, thị trấn thành lập Ban Thanh tra nhân dân, đạt 100%.",
    officials=[O("Nguyễn Đức Thuận", "Ủy viên Bộ Chính trị", "Trưởng Ban Dân vận Trung ương",
                 "Trưởng Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở Trung ương"),
               O("Hoàng Văn Quân", "Phó Trưởng ban Dân vận Trung ương"),
               O("Lò Thị Minh Hà", "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")],
    counts=[(63, None, "điểm cầu"), (10614, 10614, "xã"), (100, None, "%")],
    notes="'Trưởng Ban Chỉ đạo' is completed with the body named in the first sentence. 'các đồng chí:' introduces a list "
          "of names each followed by its title. Thousands separator inside an x/y ratio.")

doc("conference_news",
    "Ngày 12/5/2022, Khối dân vận huyện Mang Yang tổ chức ký kết chương trình phối hợp giai đoạn 2022-2025. Tham dự có bà "
    "Đinh Thị Thúy – Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy; ông Đinh Hmưn – Chủ tịch Hội Nông dân huyện; bà "
    "Hồ Thị Lệ – Chủ tịch Hội LHPN huyện; ông Nguyễn Văn Định – Chủ tịch Hội CCB huyện và anh Đinh Văn Blơ – Bí thư Huyện "
    "đoàn. Theo chương trình, mỗi tổ chức sẽ xây dựng ít nhất 02 mô hình “Dân vận khéo” mỗi năm.",
    officials=[O("Đinh Thị Thúy", "Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy"),
               O("Đinh Hmưn", "Chủ tịch Hội Nông dân huyện"),
               O("Hồ Thị Lệ", "Chủ tịch Hội Liên hiệp Phụ nữ huyện"),
               O("Nguyễn Văn Định", "Chủ tịch Hội Cựu chiến binh huyện"),
               O("Đinh Văn Blơ", "Bí thư Huyện đoàn")],
    counts=[(2, None, "mô hình")],
    notes="Mass-organisation abbreviations LHPN (Liên hiệp Phụ nữ) and CCB (Cựu chiến binh) spelled out. 'anh' used as an "
          "honorific for a position holder: still an official. '2022-2025' is a period. “Dân vận khéo” is the movement, "
          "not a model.")

doc("conference_news",
    "Ngày 26/7/2023, tại xã Ia Hiao (huyện Phú Thiện), UBND xã tổ chức Ngày hội “Dân vận khéo” năm 2023. Ông Ksor Y Phun, "
    "Phó Bí thư Đảng ủy, Chủ tịch UBND xã Ia Hiao cho biết, từ mô hình “Nuôi bò sinh sản luân chuyển” của Hội Phụ nữ xã, "
    "đã có 28 hộ thoát nghèo. Chị Nay H'Blim, hội viên phụ nữ ở buôn Ơi Đăt, là một trong những hộ đầu tiên được nhận bò. "
    "Dự ngày hội có ông Rơ Ô Khiêm, Phó Chủ tịch UBND huyện Phú Thiện, và hơn 500 người dân của 8 thôn, buôn.",
    officials=[O("Ksor Y Phun", "Phó Bí thư Đảng ủy xã Ia Hiao", "Chủ tịch Ủy ban nhân dân xã Ia Hiao"),
               O("Rơ Ô Khiêm", "Phó Chủ tịch Ủy ban nhân dân huyện Phú Thiện")],
    counts=[(28, None, "hộ"), (500, None, "người dân"), (8, None, "thôn")],
    models=[("Nuôi bò sinh sản luân chuyển", E)],
    notes="Chị Nay H'Blim is a member (hội viên), not a position holder. 'Phó Bí thư Đảng ủy' is completed with the "
          "shared 'xã Ia Hiao'. 'hơn 500' keeps value 500.")

doc("conference_news",
    "Ngày 30/3/2021, huyện Krông Pa tổ chức hội nghị triển khai công tác dân vận trong lực lượng vũ trang năm 2021. Dự "
    "hội nghị có ông Ksor Tin, Phó Chủ tịch Thường trực UBND huyện; Thượng tá Trần Ngọc Ánh, Trưởng Công an huyện; Trung "
    "tá Nguyễn Đình Hưng, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện. Năm 2020, lực lượng vũ trang huyện đã giúp dân 2.350 "
    "ngày công, tu sửa 15 căn nhà, nạo vét 6,5 km kênh mương nội đồng. Thượng tá Trần Ngọc Ánh đề nghị các xã tiếp tục "
    "phát huy vai trò của 62 tổ an ninh nhân dân.",
    officials=[O("Ksor Tin", "Phó Chủ tịch Thường trực Ủy ban nhân dân huyện"),
               O("Trần Ngọc Ánh", "Trưởng Công an huyện"),
               O("Nguyễn Đình Hưng", "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện")],
    counts=[(2350, None, "ngày công"), (15, None, "căn nhà"), (6.5, None, "km kênh mương"), (62, None, "tổ an ninh nhân dân")],
    notes="Ranks Thượng tá / Trung tá are not titles. 'ngày công' (labour days) is a counted unit, not a period.")

doc("conference_news",
    "Ngày 16/11/2022, Huyện ủy Lạc Dương tổ chức Hội nghị biểu dương “Dân vận khéo” giai đoạn 2017-2022. Đồng chí Đặng "
    "Trí Hùng, Bí thư Huyện ủy Lạc Dương và đồng chí Cil Poh – Phó Bí thư Thường trực Huyện ủy chủ trì. Trong giai đoạn, "
    "toàn huyện đã xây dựng 96 mô hình, điển hình “Dân vận khéo” (kinh tế 41, văn hóa - xã hội 27, quốc phòng - an ninh "
    "16, xây dựng hệ thống chính trị 12); nhiều mô hình như “Nhóm hộ trồng cà phê Arabica liên kết với doanh nghiệp”, "
    "“Buôn làng không có người sử dụng ma túy” đã được nhân rộng. Đồng chí Cil Poh nhấn mạnh, thời gian tới mỗi cơ quan, "
    "đơn vị phải có ít nhất 01 mô hình mới.",
    officials=[O("Đặng Trí Hùng", "Bí thư Huyện ủy Lạc Dương"),
               O("Cil Poh", "Phó Bí thư Thường trực Huyện ủy")],
    counts=[(96, None, "mô hình"), (41, None, None), (27, None, None), (16, None, None), (12, None, None),
            (1, None, "mô hình")],
    breakdowns=[B(96, E=41, C=27, D=16, P=12)],
    models=[("Nhóm hộ trồng cà phê Arabica liên kết với doanh nghiệp", E),
            ("Buôn làng không có người sử dụng ma túy", D)],
    notes="Parenthesised breakdown without nouns (units null); 41+27+16+12 = 96, consistent. Two models introduced by "
          "'như'. K'Ho name Cil Poh.")

doc("conference_news",
    "Chiều 10/10/2020, Thường trực Tỉnh ủy Kon Tum làm việc với Ban Dân vận Tỉnh ủy về kết quả thực hiện Nghị quyết Đại "
    "hội nhiệm kỳ 2015-2020. Tại buổi làm việc, bà Y Thị Hồng, Trưởng Ban Dân vận Tỉnh ủy, báo cáo: trong nhiệm kỳ, "
    "102/102 xã, phường, thị trấn đã xây dựng mô hình điểm về dân vận. Phó Bí thư Thường trực Tỉnh ủy đánh giá cao kết "
    "quả đạt được và đề nghị bà Hồng chú trọng công tác nắm tình hình Nhân dân ở các xã biên giới. Kết luận buổi làm "
    "việc, Bí thư Tỉnh ủy yêu cầu đến năm 2025 có ít nhất 30% thôn, làng đăng ký mô hình mới.",
    officials=[O("Y Thị Hồng", "Trưởng Ban Dân vận Tỉnh ủy")],
    counts=[(102, 102, "xã"), (30, None, "%")],
    notes="'Phó Bí thư Thường trực Tỉnh ủy' and 'Bí thư Tỉnh ủy' are mentioned WITHOUT a name: not officials (an official "
          "needs a name). 'bà Hồng' is a back-reference. Nghị quyết Đại hội has no symbol. 30% has no base: no check.")

doc("conference_news",
    "Ngày 08/12/2021, Trường Chính trị tỉnh Đắk Lắk phối hợp với Ban Dân vận Tỉnh ủy tổ chức hội thảo khoa học “Công tác "
    "dân vận trong tình hình mới”. TS. Nguyễn Thị Thu Hằng, Phó Hiệu trưởng Trường Chính trị tỉnh và đồng chí Y Kim Byă, "
    "Phó Trưởng Ban Dân vận Tỉnh ủy đồng chủ trì. Hội thảo nhận được 42 bài tham luận, trong đó có 9 tham luận được trình "
    "bày trực tiếp. ThS. Lê Văn Tú, giảng viên Khoa Xây dựng Đảng, cho rằng cần đổi mới phương thức vận động đồng bào "
    "theo đạo.",
    officials=[O("Nguyễn Thị Thu Hằng", "Phó Hiệu trưởng Trường Chính trị tỉnh"),
               O("Y Kim Byă", "Phó Trưởng Ban Dân vận Tỉnh ủy")],
    counts=[(42, None, "bài tham luận"), (9, None, "tham luận")],
    notes="Academic prefixes TS./ThS. are not part of the name. 'giảng viên' is an occupation, not a position: Lê Văn Tú "
          "is not an official. The quoted seminar title is not a model.")

doc("conference_news",
    "Ngày 02/9/2023, làng Kon Sơ Lăl, xã Hà Đông (huyện Đak Đoa) tổ chức lễ đón nhận danh hiệu làng văn hóa. Ông Đinh "
    "Kơch, Bí thư Chi bộ, Trưởng thôn Kon Sơ Lăl cho biết làng có 146 hộ với 702 khẩu, 100% là đồng bào Bahnar. Dự buổi "
    "lễ có bà Nguyễn Thị Thanh Loan, Phó Chủ tịch UBND huyện Đak Đoa. Bà Loan trao tặng làng 01 bộ chiêng và 20 suất quà "
    "cho hộ nghèo.",
    officials=[O("Đinh Kơch", "Bí thư Chi bộ thôn Kon Sơ Lăl", "Trưởng thôn Kon Sơ Lăl"),
               O("Nguyễn Thị Thanh Loan", "Phó Chủ tịch Ủy ban nhân dân huyện Đak Đoa")],
    counts=[(146, None, "hộ"), (702, None, "khẩu"), (100, None, "%"), (1, None, "bộ chiêng"), (20, None, "suất quà")],
    notes="Village-level positions (Bí thư Chi bộ, Trưởng thôn) are positions. The shared locative 'thôn Kon Sơ Lăl' "
          "completes 'Bí thư Chi bộ'. 100% without a base: no check.")

doc("conference_news",
    "Ngày 25/7/2019, Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh Hà Giang khóa XVI cho ý kiến vào dự thảo báo cáo "
    "chính trị. Phát biểu tại hội nghị, đồng chí Vàng Seo Lử – Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch "
    "Ủy ban MTTQ tỉnh đề nghị bổ sung đánh giá về vai trò của 1.892 người có uy tín. Đồng chí Giàng Thị Dung, Phó Chủ "
    "tịch HĐND tỉnh, đề nghị làm rõ kết quả vận động 650 hộ di dời khỏi vùng có nguy cơ sạt lở. Hội nghị thống nhất "
    "trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII.",
    officials=[O("Vàng Seo Lử", "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy",
                 "Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh"),
               O("Giàng Thị Dung", "Phó Chủ tịch Hội đồng nhân dân tỉnh")],
    counts=[(1892, None, "người có uy tín"), (650, None, "hộ")],
    notes="'lần thứ 15' (digits, ordinal), 'khóa XVI' and 'lần thứ XVII' are not counts. H'Mông names.")

doc("conference_news",
    "Tối 17/11/2022, khu dân cư tổ dân phố 5, phường Thống Nhất (thành phố Buôn Ma Thuột) tổ chức Ngày hội Đại đoàn kết "
    "toàn dân tộc. Ông Y Khoa Niê, Trưởng ban Công tác Mặt trận tổ dân phố 5, cho biết năm qua khu dân cư có 312/325 hộ "
    "đạt danh hiệu “Gia đình văn hóa”, đạt 96%. Dự ngày hội có bà H'Bi Knul, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đắk "
    "Lắk. Bà H'Bi Knul đã trao 30 suất quà, mỗi suất trị giá 500.000 đồng, cho các hộ khó khăn.",
    officials=[O("Y Khoa Niê", "Trưởng ban Công tác Mặt trận tổ dân phố 5"),
               O("H'Bi Knul", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk")],
    counts=[(312, 325, "hộ"), (96, None, "%"), (30, None, "suất quà"), (500000, None, "đồng")],
    notes="'tổ dân phố 5' is a name: 5 is not a count. 312/325 = 96.0%: consistent. “Gia đình văn hóa” is a title "
          "(danh hiệu), not a model.")

doc("conference_news",
    "Ngày 19/4/2024, tại huyện Tây Giang, Ban Dân vận Tỉnh ủy Quảng Nam phối hợp với Ban Dân tộc tỉnh tổ chức hội nghị "
    "bàn giải pháp giữ rừng gắn với sinh kế cho đồng bào Cơ Tu. Chủ trì hội nghị có ông Alăng Văn Ngân – Phó Trưởng Ban "
    "Dân vận Tỉnh ủy và ông Bríu Quân – Trưởng Ban Dân tộc tỉnh. Ông Ating Tia, Phó Bí thư Thường trực Huyện ủy Tây Giang "
    "cho biết, huyện đã giao khoán bảo vệ hơn 45.000 ha rừng cho 62 cộng đồng và nhóm hộ, mỗi năm người dân nhận khoảng "
    "11 tỷ đồng tiền dịch vụ môi trường rừng. Ông Bríu Quân đề nghị nhân rộng mô hình “Trồng ba kích dưới tán rừng”.",
    officials=[O("Alăng Văn Ngân", "Phó Trưởng Ban Dân vận Tỉnh ủy"),
               O("Bríu Quân", "Trưởng Ban Dân tộc tỉnh"),
               O("Ating Tia", "Phó Bí thư Thường trực Huyện ủy Tây Giang")],
    counts=[(45000, None, "ha rừng"), (62, None, "cộng đồng"), (11, None, "tỷ đồng")],
    models=[("Trồng ba kích dưới tán rừng", E)],
    notes="Cơ Tu names (Alăng, Bríu, Ating). Hedges 'hơn', 'khoảng' do not change the value.")

doc("conference_news",
    "Sáng 11/01/2023, Đảng ủy Khối các cơ quan tỉnh Gia Lai tổ chức hội nghị tổng kết công tác dân vận năm 2022. Đ/c Lê "
    "Thị Hải Yến – Phó Bí thư Thường trực Đảng ủy Khối chủ trì hội nghị; dự có đ/c Đinh Thị Phương Thảo, Phó Trưởng Ban "
    "Dân vận Tỉnh ủy. Năm 2022, 48/50 tổ chức cơ sở đảng trực thuộc đã xây dựng và thực hiện mô hình “Dân vận khéo”, đạt "
    "96%. Các tổ chức cơ sở đảng đăng ký 63 mô hình, chủ yếu ở lĩnh vực xây dựng hệ thống chính trị (41 mô hình) và văn "
    "hóa - xã hội (22 mô hình). Đ/c Hải Yến đề nghị các chi, đảng bộ cơ sở nhân rộng mô hình “Một cửa thân thiện, phục "
    "vụ Nhân dân hài lòng”, gắn công tác dân vận với cải cách hành chính.",
    officials=[O("Lê Thị Hải Yến", "Phó Bí thư Thường trực Đảng ủy Khối các cơ quan tỉnh"),
               O("Đinh Thị Phương Thảo", "Phó Trưởng Ban Dân vận Tỉnh ủy")],
    counts=[(48, 50, "tổ chức cơ sở đảng"), (96, None, "%"), (63, None, "mô hình"), (41, None, "mô hình"),
            (22, None, "mô hình")],
    breakdowns=[B(63, P=41, C=22)],
    models=[("Một cửa thân thiện, phục vụ Nhân dân hài lòng", P)],
    notes="Web shorthand honorific 'Đ/c' / 'đ/c'. 'Đảng ủy Khối' completed from the first sentence. 48/50 = 96%: "
          "consistent. Breakdown with parts in parentheses after the field name; two fields, 41+22 = 63.")

# ---------------------------------------------------------------- district_report
doc("district_report",
    "Năm 2023, Ban Dân vận Huyện ủy Đức Cơ đã tham mưu Ban Thường vụ Huyện ủy ban hành 05 văn bản lãnh đạo, chỉ đạo về "
    "công tác dân vận. Các cơ quan, đơn vị đã tổ chức 126 buổi tuyên truyền với 8.430 lượt người tham gia. Mặt trận và "
    "các đoàn thể vận động xây dựng 42 căn nhà “Đại đoàn kết” với tổng kinh phí hơn 2,1 tỷ đồng. Đến nay, 10/10 xã, thị "
    "trấn đã duy trì hoạt động của Tổ hòa giải ở cơ sở, đạt 100%.",
    counts=[(5, None, "văn bản"), (126, None, "buổi tuyên truyền"), (8430, None, "lượt người"), (42, None, "căn nhà"),
            (2.1, None, "tỷ đồng"), (10, 10, "xã"), (100, None, "%")],
    notes="Zero-padded '05'. Quoted “Đại đoàn kết” names a house type, not a model. 10/10 = 100%: consistent.")

doc("district_report",
    "Báo cáo của Ban Dân vận Thị ủy An Khê cho thấy, năm 2022 có 45/50 tổ chức cơ sở đảng xây dựng kế hoạch thực hiện "
    "Quy chế dân vận, đạt 95%. Thị ủy đã tổ chức 03 cuộc kiểm tra, giám sát tại 12 đơn vị. Các cấp hội vận động hội viên "
    "đóng góp 1.850 ngày công, hiến 3.600 m2 đất làm đường. Tỷ lệ hộ gia đình đạt danh hiệu văn hóa là 92,5%.",
    counts=[(45, 50, "tổ chức cơ sở đảng"), (95, None, "%"), (3, None, "cuộc kiểm tra"), (12, None, "đơn vị"),
            (1850, None, "ngày công"), (3600, None, "m2 đất"), (92.5, None, "%")],
    checks=["percent_mismatch"],
    notes="Seeded: 45/50 = 90% but stated 95% -> percent_mismatch. 92,5% has no x/y base: no check.")

doc("district_report",
    "Theo báo cáo sơ kết 6 tháng đầu năm 2021 của Ban Dân vận Huyện ủy Kbang, có 26/24 đơn vị đã đăng ký thi đua “Dân vận "
    "khéo”; 14/14 xã, thị trấn tổ chức đối thoại giữa Chủ tịch UBND xã với Nhân dân. Lực lượng vũ trang huyện giúp dân "
    "thu hoạch 35 ha lúa, sửa chữa 8 căn nhà cho hộ chính sách. Huyện đã giải quyết 58/61 đơn thư, đạt 95,08%.",
    counts=[(26, 24, "đơn vị"), (14, 14, "xã"), (35, None, "ha lúa"), (8, None, "căn nhà"), (58, 61, "đơn thư"),
            (95.08, None, "%")],
    checks=["ratio_exceeds_total"],
    notes="Seeded: 26/24 -> ratio_exceeds_total. 58/61 = 95.082%, stated 95,08%: consistent. '6 tháng đầu năm' is a "
          "period. 'Chủ tịch UBND xã' without a name is not an official.")

doc("district_report",
    "Giai đoạn 2016-2020, Ủy ban MTTQ Việt Nam huyện Ea H'leo đã vận động Quỹ “Vì người nghèo” được 4,68 tỷ đồng; hỗ trợ "
    "xây mới 156 căn nhà và sửa chữa 48 căn nhà cho hộ nghèo. Nhờ đó, tỷ lệ hộ nghèo toàn huyện giảm từ 18,2% xuống còn "
    "7,4%. Trên 1.500 hộ đồng bào dân tộc thiểu số được hướng dẫn chuyển đổi cây trồng, vật nuôi.",
    counts=[(4.68, None, "tỷ đồng"), (156, None, "căn nhà"), (48, None, "căn nhà"), (18.2, None, "%"), (7.4, None, "%"),
            (1500, None, "hộ")],
    notes="Two decimals in money. Fund name in quotes is not a model. 'Trên 1.500 hộ' keeps value 1500.")

doc("district_report",
    "Kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2020 tại huyện Mường Khương: 16/16 xã, thị trấn đã công khai dự toán "
    "ngân sách; 92/98 thôn, bản xây dựng và thực hiện hương ước, quy ước, đạt 93,88%; 79/98 thôn, bản có tổ hòa giải hoạt "
    "động hiệu quả, đạt 85,6%. Ban Giám sát đầu tư của cộng đồng đã giám sát 47 công trình, phát hiện và kiến nghị xử lý 3 "
    "trường hợp sai phạm.",
    counts=[(16, 16, "xã"), (92, 98, "thôn"), (93.88, None, "%"), (79, 98, "thôn"), (85.6, None, "%"),
            (47, None, "công trình"), (3, None, "trường hợp")],
    checks=["percent_mismatch"],
    notes="92/98 = 93.878%, stated 93,88%: consistent. Seeded: 79/98 = 80.6% but stated 85,6% -> percent_mismatch.")

doc("district_report",
    "Năm 2021, các cấp ủy, chính quyền tỉnh Kon Tum đã có 1.260 lượt cán bộ xuống cơ sở nắm tình hình Nhân dân. Toàn tỉnh "
    "có 412 mô hình “Dân vận khéo” được công nhận, trên các lĩnh vực như: phát triển kinh tế 176 mô hình, văn hóa - xã "
    "hội 118 mô hình, quốc phòng - an ninh 67 mô hình, xây dựng hệ thống chính trị 51 mô hình. Từ các mô hình, Nhân dân "
    "đã đóng góp hơn 2,8 tỷ đồng và 9.400 ngày công.",
    counts=[(1260, None, "lượt cán bộ"), (412, None, "mô hình"), (176, None, "mô hình"), (118, None, "mô hình"),
            (67, None, "mô hình"), (51, None, "mô hình"), (2.8, None, "tỷ đồng"), (9400, None, "ngày công")],
    breakdowns=[B(412, E=176, C=118, D=67, P=51)],
    notes="Parts introduced by 'như:'; 'phát triển kinh tế' maps to economy. 176+118+67+51 = 412: consistent.")

doc("district_report",
    "Báo cáo tổng kết năm 2022 của Ban Dân vận Huyện ủy Chư Sê nêu rõ: toàn huyện có 58 mô hình “Dân vận khéo” được đăng "
    "ký, gồm 21 mô hình kinh tế, 17 mô hình văn hóa - xã hội, 9 mô hình quốc phòng - an ninh và 8 mô hình xây dựng hệ "
    "thống chính trị. Các mô hình đã huy động 3.120 ngày công, hơn 860 triệu đồng. Có 13/15 xã, thị trấn đạt tiêu chí "
    "“xã dân vận khéo”, đạt 86,7%.",
    counts=[(58, None, "mô hình"), (21, None, "mô hình"), (17, None, "mô hình"), (9, None, "mô hình"), (8, None, "mô hình"),
            (3120, None, "ngày công"), (860, None, "triệu đồng"), (13, 15, "xã"), (86.7, None, "%")],
    breakdowns=[B(58, E=21, C=17, D=9, P=8)],
    checks=["sum_mismatch"],
    notes="Seeded: 21+17+9+8 = 55, not 58 -> sum_mismatch. 13/15 = 86.67%, stated 86,7%: consistent. Layout 'gồm N mô "
          "hình <field>' (noun before field).")

doc("district_report",
    "Năm 2019, UBND huyện Lục Ngạn tiếp nhận 24.562 hồ sơ thủ tục hành chính, đã giải quyết đúng hạn 24.318 hồ sơ, đạt "
    "99%. Bộ phận Một cửa của 30/30 xã, thị trấn đã được nâng cấp, trang bị máy tính kết nối mạng. Huyện tổ chức 29 cuộc "
    "đối thoại với 2.100 lượt người dân tham dự, tiếp nhận 214 ý kiến, kiến nghị.",
    counts=[(24562, None, "hồ sơ thủ tục hành chính"), (24318, None, "hồ sơ"), (99, None, "%"), (30, 30, "xã"),
            (29, None, "cuộc đối thoại"), (2100, None, "lượt người dân"), (214, None, "ý kiến")],
    notes="24318 of 24562 = 99.0% but not written as x/y, so the ratio is not annotated as value/of; consistent anyway.")

doc("district_report",
    "Đến cuối năm 2020, thành phố Kon Tum có 45/50 khu dân cư đạt chuẩn “Khu dân cư văn hóa”, đạt 90%; 100% cơ quan, đơn "
    "vị xây dựng quy chế dân chủ. Hội Liên hiệp Phụ nữ thành phố đã giúp 215 hội viên vay vốn với tổng dư nợ 6,4 tỷ đồng. "
    "Công an thành phố phối hợp xây dựng 37 tổ an ninh tự quản, lắp đặt 124 camera giám sát.",
    counts=[(45, 50, "khu dân cư"), (90, None, "%"), (100, None, "%"), (215, None, "hội viên"), (6.4, None, "tỷ đồng"),
            (37, None, "tổ an ninh tự quản"), (124, None, "camera giám sát")],
    notes="Look-alike: 45/50 = 90%, stated 90%: consistent, must NOT be flagged. 100% with no base.")

doc("district_report",
    "Sau 5 năm thực hiện Kết luận số 114-KL/TW của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước, "
    "chính quyền các cấp, huyện Mù Cang Chải đã có 14/14 xã, thị trấn tổ chức gặp mặt người có uy tín hằng năm. Toàn huyện "
    "vận động được 38/36 hộ di cư tự do trở về quê quán ổn định cuộc sống. Các đoàn thể giúp 2.840 hộ vay vốn ưu đãi với "
    "tổng số tiền khoảng 96 tỷ đồng; tỷ lệ hộ nghèo còn 38,6%.",
    documents=["114-KL/TW"],
    counts=[(14, 14, "xã"), (38, 36, "hộ"), (2840, None, "hộ"), (96, None, "tỷ đồng"), (38.6, None, "%")],
    checks=["ratio_exceeds_total"],
    notes="Seeded: 38/36 -> ratio_exceeds_total. 'Sau 5 năm' is a period.")

doc("district_report",
    "Năm 2018, Ban Dân vận Huyện ủy Chư Prông phối hợp vận động 21 chức sắc, chức việc tôn giáo ký cam kết không để kẻ xấu "
    "lợi dụng. Các xã đã vận động trên 1.500 hộ đồng bào theo đạo tham gia phong trào “Toàn dân đoàn kết xây dựng đời "
    "sống văn hóa”. Có 19/20 xã, thị trấn đạt tiêu chí không có “điểm nóng” về an ninh trật tự, đạt 95%.",
    counts=[(21, None, "chức sắc"), (1500, None, "hộ"), (19, 20, "xã"), (95, None, "%")],
    notes="Quoted campaign name and quoted “điểm nóng” are not models. 19/20 = 95%: consistent.")

doc("district_report",
    "Năm 2017, Huyện đoàn Đam Rông tổ chức 24 đợt ra quân tình nguyện với 3.250 lượt đoàn viên, thanh niên tham gia. Các "
    "cơ sở Đoàn đã sửa chữa 12 km đường liên thôn, trồng 4.000 cây xanh, tặng 180 suất quà cho học sinh nghèo trị giá 54 "
    "triệu đồng.",
    counts=[(24, None, "đợt"), (3250, None, "lượt đoàn viên"), (12, None, "km đường liên thôn"), (4000, None, "cây xanh"),
            (180, None, "suất quà"), (54, None, "triệu đồng")],
    notes="Short figures-only youth report; all numbers are counts except the year.")

doc("district_report",
    "Trong quý III/2022, Ban Dân vận các huyện, thị xã, thành phố của tỉnh Gia Lai đã tham mưu tổ chức 17 hội nghị đối "
    "thoại; 15/17 huyện, thị xã, thành phố tổ chức sơ kết Quy chế dân vận, đạt 100%. Toàn tỉnh tiếp nhận 1.046 đơn thư, đã "
    "giải quyết 987 đơn.",
    counts=[(17, None, "hội nghị đối thoại"), (15, 17, "huyện"), (100, None, "%"), (1046, None, "đơn thư"), (987, None, "đơn")],
    checks=["percent_mismatch"],
    notes="Seeded: 15/17 = 88.2% but stated 100% -> percent_mismatch. 'quý III/2022' is a date.")

doc("district_report",
    "Năm 2016, Đảng ủy xã Quảng Sơn (huyện Đắk Glong) lãnh đạo xây dựng 18 trong tổng số 20 chi bộ đạt “trong sạch, vững "
    "mạnh”; vận động 274 hộ ký cam kết không phá rừng, không di cư tự do. Hội Nông dân xã hướng dẫn 96 hộ trồng xen cây ăn "
    "quả trong vườn cà phê, thu nhập mỗi ha tăng bình quân 25 triệu đồng.",
    counts=[(18, 20, "chi bộ"), (274, None, "hộ"), (96, None, "hộ"), (25, None, "triệu đồng")],
    notes="'18 trong tổng số 20 chi bộ' is a ratio written in words: annotated as value 18, of 20 (like 18/20); 20 is "
          "not a separate count.")

doc("district_report",
    "Năm 2016, huyện Nam Đông (Thừa Thiên Huế) có 27 mô hình “Dân vận khéo” được công nhận, trong đó kinh tế 12 mô hình, "
    "văn hóa - xã hội 7 mô hình, quốc phòng - an ninh 5 mô hình, xây dựng hệ thống chính trị 3 mô hình. Có 10/11 xã, thị "
    "trấn đạt chuẩn về công tác dân vận, đạt 90,9%. Ông Hồ Văn Nhàn, Trưởng Ban Dân vận Huyện ủy, cho biết số hộ nghèo đã "
    "giảm 312 hộ so với năm 2015.",
    officials=[O("Hồ Văn Nhàn", "Trưởng Ban Dân vận Huyện ủy")],
    counts=[(27, None, "mô hình"), (12, None, "mô hình"), (7, None, "mô hình"), (5, None, "mô hình"), (3, None, "mô hình"),
            (10, 11, "xã"), (90.9, None, "%"), (312, None, "hộ")],
    breakdowns=[B(27, E=12, C=7, D=5, P=3)],
    notes="12+7+5+3 = 27: consistent. 10/11 = 90.91%, stated 90,9%: consistent.")

doc("district_report",
    "Báo cáo của Ban Dân vận Huyện ủy Con Cuông năm 2019 cho biết, toàn huyện có 31 mô hình “Dân vận khéo” tập trung vào "
    "các lĩnh vực như kinh tế (18 mô hình), văn hóa - xã hội (9 mô hình), quốc phòng - an ninh (4 mô hình). Các mô hình "
    "đã giúp 426 hộ đồng bào Thái, Đan Lai tăng thu nhập. Huyện đã tổ chức 13 hội nghị đối thoại tại 13/13 xã, thị trấn.",
    counts=[(31, None, "mô hình"), (18, None, "mô hình"), (9, None, "mô hình"), (4, None, "mô hình"), (426, None, "hộ"),
            (13, None, "hội nghị đối thoại"), (13, 13, "xã")],
    breakdowns=[B(31, E=18, C=9, D=4)],
    notes="Three fields only (no political_system part) and they add up: 18+9+4 = 31.")

doc("district_report",
    "Giai đoạn 2015-2020, huyện Tri Tôn xây dựng 112 mô hình “Dân vận khéo”, trong đó: kinh tế 48 mô hình, văn hóa - xã "
    "hội 30 mô hình, quốc phòng - an ninh 22 mô hình, xây dựng hệ thống chính trị 14 mô hình. Các mô hình thu hút 5.600 "
    "lượt hộ đồng bào Khmer tham gia, huy động trên 4,3 tỷ đồng.",
    counts=[(112, None, "mô hình"), (48, None, "mô hình"), (30, None, "mô hình"), (22, None, "mô hình"),
            (14, None, "mô hình"), (5600, None, "lượt hộ"), (4.3, None, "tỷ đồng")],
    breakdowns=[B(112, E=48, C=30, D=22, P=14)],
    checks=["sum_mismatch"],
    notes="Seeded: 48+30+22+14 = 114, not 112 -> sum_mismatch.")

# ---------------------------------------------------------------- state_decision
doc("state_decision",
    "Thực hiện Quyết định số 1562/QĐ-UBND ngày 05 tháng 8 năm 2021 của UBND tỉnh Lâm Đồng về ban hành Kế hoạch thực hiện "
    "Quy chế dân chủ ở cơ sở, UBND huyện Đam Rông ban hành Kế hoạch số 125/KH-UBND ngày 20/8/2021, giao 8/8 xã xây dựng kế "
    "hoạch cụ thể. Đồng thời, căn cứ Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong "
    "hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập, 100% cơ quan chuyên môn thuộc huyện đã sửa "
    "đổi quy chế làm việc.",
    documents=["1562/QĐ-UBND", "125/KH-UBND", "04/2015/NĐ-CP"],
    counts=[(8, 8, "xã"), (100, None, "%")],
    notes="Dates in words ('ngày 05 tháng 8 năm 2021') and numeric dates are not counts; nor are document numbers.")

doc("state_decision",
    "Ngày 12/3/2019, Sở Nội vụ tỉnh Gia Lai ban hành Công văn số 356/SNV-CCVC về việc rà soát, đánh giá việc thực hiện "
    "dân chủ trong hoạt động của cơ quan, đơn vị theo Nghị định số 04/2015/NĐ-CP. Theo đó, 42 cơ quan, đơn vị thuộc tỉnh "
    "báo cáo kết quả trước ngày 30/3/2019. Ông Nguyễn Văn Ân, Phó Giám đốc Sở Nội vụ, đề nghị Thủ trưởng các cơ quan, đơn "
    "vị chỉ đạo thực hiện nghiêm.",
    officials=[O("Nguyễn Văn Ân", "Phó Giám đốc Sở Nội vụ")],
    documents=["356/SNV-CCVC", "04/2015/NĐ-CP"],
    counts=[(42, None, "cơ quan")],
    notes="Agency-style symbol SNV-CCVC. 'Thủ trưởng các cơ quan' is generic, no name: not an official.")

doc("state_decision",
    "Thực hiện Quyết định số 400 - QĐ / TU ngày 28/12/2020 của Ban Thường vụ Tỉnh ủy Gia Lai về ban hành Quy chế công tác "
    "dân vận của hệ thống chính trị, Ban Thường vụ Huyện ủy Chư Pưh đã ban hành Quyết định số 215 - QĐ/HU ngày 15/01/2021 "
    "và Kế hoạch số 36-KH/HU ngày 20/01/2021 triển khai thực hiện. Đến nay, 27/27 tổ chức cơ sở đảng đã cụ thể hóa quy chế.",
    documents=["400-QĐ/TU", "215-QĐ/HU", "36-KH/HU"],
    counts=[(27, 27, "tổ chức cơ sở đảng")],
    notes="Spaced symbols '400 - QĐ / TU' and '215 - QĐ/HU' are canonicalised by removing spaces.")

doc("state_decision",
    "Ngày 16/11/2023, Ban Thường vụ Tỉnh ủy Đắk Nông ban hành Kế hoạch số 187-KH/TU thực hiện Quy định số 124-QĐi/TW ngày "
    "04/10/2023 của Ban Bí thư. Kế hoạch yêu cầu Ủy ban MTTQ Việt Nam tỉnh và 5 tổ chức chính trị - xã hội hướng dẫn Nhân "
    "dân tham gia giám sát người đứng đầu, cán bộ chủ chốt. Trước đó, Tỉnh ủy đã ban hành Chương trình hành động thực hiện "
    "Kết luận 57 của Bộ Chính trị.",
    documents=["187-KH/TU", "124-QĐi/TW"],
    counts=[(5, None, "tổ chức chính trị - xã hội")],
    notes="'QĐi' (Quy định) keeps its lowercase i. 'Kết luận 57' has no symbol: NOT a document and NOT a count.")

doc("state_decision",
    "UBND tỉnh Kon Tum vừa ban hành Quyết định số 789/Q" + ETH + "-UBND ngày 22/9/2022 phê duyệt danh sách 1.006 người có uy "
    "tín trong đồng bào dân tộc thiểu số trên địa bàn tỉnh giai đoạn 2022-2026. Theo quyết định, mỗi người có uy tín được "
    "hỗ trợ thông tin, thăm hỏi, tặng quà theo Quyết định số 12/2018/QĐ-TTg ngày 06/3/2018 của Thủ tướng Chính phủ. Kinh "
    "phí thực hiện năm 2022 là 1,35 tỷ đồng.",
    documents=["789/QĐ-UBND", "12/2018/QĐ-TTg"],
    counts=[(1006, None, "người có uy tín"), (1.35, None, "tỷ đồng")],
    notes="The first symbol is written with U+00D0 (Ð) instead of Đ: canonical form uses Đ. 'giai đoạn 2022-2026' is a "
          "period.")

doc("state_decision",
    "Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10 tháng 11 năm 2022 và Nghị định số 59/2023/NĐ-CP ngày 14 "
    "tháng 8 năm 2023 của Chính phủ, Chủ tịch UBND huyện Trà Ôn ký Quyết định số 2314/QĐ-UBND ngày 02 tháng 10 năm 2023 "
    "ban hành quy chế mẫu về tổ chức hội nghị ấp, khóm. Quy chế áp dụng cho 82 ấp, khóm trên địa bàn 14 xã, thị trấn.",
    documents=["10/2022/QH15", "59/2023/NĐ-CP", "2314/QĐ-UBND"],
    counts=[(82, None, "ấp"), (14, None, "xã")],
    notes="Law symbol 10/2022/QH15. 'Chủ tịch UBND huyện Trà Ôn' has no name: not an official.")

doc("state_decision",
    "Ngày 14/02/2020, Ban Dân vận Tỉnh ủy Hà Tĩnh ban hành Kế hoạch số 24-KH/BDVTU về tổ chức Hội nghị biểu dương điển "
    "hình “Dân vận khéo” lần thứ III, giai đoạn 2017-2020. Căn cứ Hướng dẫn số 27-HD/BDVTW của Ban Dân vận Trung ương, mỗi "
    "huyện, thị xã, thành phố lựa chọn không quá 03 tập thể và 05 cá nhân tiêu biểu. Bà Trần Thị Nhật Tân, Phó Trưởng Ban "
    "Dân vận Tỉnh ủy, được giao làm Trưởng Ban tổ chức hội nghị.",
    officials=[O("Trần Thị Nhật Tân", "Phó Trưởng Ban Dân vận Tỉnh ủy", "Trưởng Ban tổ chức hội nghị")],
    documents=["24-KH/BDVTU", "27-HD/BDVTW"],
    counts=[(3, None, "tập thể"), (5, None, "cá nhân")],
    notes="Issuer codes BDVTU / BDVTW. A second, ad hoc position ('Trưởng Ban tổ chức hội nghị') is a title too. "
          "Tập thể/cá nhân quota, not a field breakdown.")

doc("state_decision",
    "Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị ban hành Quy chế công tác dân vận của hệ thống chính "
    "trị, Ban Thường vụ Tỉnh ủy Lâm Đồng đã ban hành Quyết định số 1189-QĐ/TU; tổ chức quán triệt cho 3.215 cán bộ chủ "
    "chốt. Quyết định số 23-QĐ/TW thay thế Quyết định số 290-QĐ/TW ngày 25/02/2010.",
    documents=["23-QĐ/TW", "1189-QĐ/TU", "290-QĐ/TW"],
    counts=[(3215, None, "cán bộ chủ chốt")],
    notes="23-QĐ/TW is cited twice but listed once (distinct documents, order of first mention).")

doc("state_decision",
    "Ban Thường vụ Huyện ủy Kông Chro đã ban hành " + ETH + "ề án số 03-" + ETH + "A/HU ngày 12/4/2021 về nâng cao chất "
    "lượng công tác dân vận giai đoạn 2021-2025 và Chỉ thị số 05 - CT/HU về tăng cường công tác dân vận ở vùng đồng bào "
    "dân tộc thiểu số. Mục tiêu đến năm 2025, 100% thôn, làng có mô hình “Dân vận khéo”; tỷ lệ hộ nghèo giảm bình quân "
    "mỗi năm 4%.",
    documents=["03-ĐA/HU", "05-CT/HU"],
    counts=[(100, None, "%"), (4, None, "%")],
    notes="U+00D0 inside the symbol 03-ÐA/HU (and in 'Ðề án'); spaced '05 - CT/HU'.")

doc("state_decision",
    "Ngày 15/6/2020, Chủ tịch UBND tỉnh Trà Vinh Lê Văn Hậu ký ban hành Chỉ thị số 09/CT-UBND về tăng cường công tác dân "
    "vận chính quyền. Chỉ thị yêu cầu thủ trưởng 20 sở, ban, ngành và Chủ tịch UBND 9 huyện, thị xã, thành phố định kỳ "
    "đối thoại với Nhân dân ít nhất 01 lần mỗi năm. Trước đó, HĐND tỉnh đã thông qua Nghị quyết số 12/2020/NQ-HĐND về "
    "chính sách hỗ trợ người có uy tín trong đồng bào Khmer.",
    officials=[O("Lê Văn Hậu", "Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh")],
    documents=["09/CT-UBND", "12/2020/NQ-HĐND"],
    counts=[(20, None, "sở"), (9, None, "huyện"), (1, None, "lần")],
    notes="Title + place + name without separator. 'Chủ tịch UBND 9 huyện' is generic (no name) and contains a count.")

doc("state_decision",
    "Ngày 06/9/2023, Huyện ủy Bảo Lạc tổ chức hội nghị học tập, quán triệt Kết luận số 57-KL/TW của Bộ Chính trị và Chỉ thị "
    "số 23-CT/TW của Ban Bí thư cho 186 cán bộ chủ chốt. Đồng chí Nông Văn Thái, Phó Bí thư Thường trực Huyện ủy, chủ trì "
    "hội nghị. Sau hội nghị, 100% chi, đảng bộ cơ sở xây dựng chương trình hành động.",
    officials=[O("Nông Văn Thái", "Phó Bí thư Thường trực Huyện ủy")],
    documents=["57-KL/TW", "23-CT/TW"],
    counts=[(186, None, "cán bộ chủ chốt"), (100, None, "%")],
    notes="Here Kết luận 57 carries its symbol 57-KL/TW, so it IS a document (contrast with the bare 'Kết luận 57').")

# ---------------------------------------------------------------- noisy_web
doc("noisy_web",
    "TIN TỨC - SỰ KIỆN\n\nHội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023\n\nNgày 07/7/2023, Ban Dân vận Huyện ủy Ia "
    "Pa tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023. Đồng chí Kpă "
    "Đoan, UVBTV, Trưởng Ban Dân vận Huyện ủy chủ trì hội nghị.\n\nẢnh: Quang cảnh hội nghị\n\nTrong 6 tháng, khối dân "
    "vận huyện đã vận động Nhân dân hiến 5.200 m2 đất, đóng góp 1.480 ngày công làm đường giao thông; 09/09 xã duy trì hiệu "
    "quả mô hình “Tổ tự quản bảo vệ an ninh trật tự”.\n\nTin, ảnh: Kim Anh\n\nQuay lại",
    officials=[O("Kpă Đoan", "Ủy viên Ban Thường vụ Huyện ủy", "Trưởng Ban Dân vận Huyện ủy")],
    counts=[(5200, None, "m2 đất"), (1480, None, "ngày công"), (9, 9, "xã")],
    models=[("Tổ tự quản bảo vệ an ninh trật tự", D)],
    nfd=True,
    notes="NFD text. Boilerplate: heading, photo caption, byline 'Tin, ảnh: Kim Anh' (not an official), 'Quay lại'. "
          "'6 tháng' (several times) is a period. Zero-padded ratio 09/09.")

doc("noisy_web",
    "Trang chủ > Tin hoạt động\r\n" + ETH + "ẢNG BỘ XÃ IA DÊR SƠ KẾT NGHỊ QUYẾT CHUYÊN ĐỀ VỀ CÔNG TÁC DÂN VẬN\r\n\r\nNgày "
    "14/10/2022, " + ETH + "ảng uỷ xã Ia Dêr (huyện Ia Grai) tổ chức sơ kết 02 năm thực hiện Nghị quyết số 05-NQ/" + ETH
    + "U ngày 10/10/2020 của Ban Chấp hành " + ETH + "ảng bộ xã. Dự hội nghị có đồng chí Ksor Hồng – Phó Bí thư Thường "
    "trực Huyện uỷ.\r\nSau 02 năm, 11/11 chi bộ thôn, làng đã cụ thể hoá nghị quyết; vận động 96 hộ xoá nhà tạm, góp 340 "
    "triệu đồng xây dựng nông thôn mới.\r\n" + ETH + "ồng chí Ksor Hồng đề nghị " + ETH + "ảng uỷ xã tiếp tục phát huy vai "
    "trò của người có uy tín.\r\nCTV - BDVHU\r\nQuay lại",
    officials=[O("Ksor Hồng", "Phó Bí thư Thường trực Huyện ủy")],
    documents=["05-NQ/ĐU"],
    counts=[(11, 11, "chi bộ"), (96, None, "hộ"), (340, None, "triệu đồng")],
    notes="CRLF line ends, U+00D0 for Đ (also inside the symbol 05-NQ/ÐU), old tone style 'uỷ', 'hoá', 'xoá'. Titles in "
          "gold use the modern spelling. '02 năm' is a period. Byline 'CTV - BDVHU'.")

doc("noisy_web",
    "Ảnh: Đồng chí Nay H'Lan, Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy trao Giấy khen cho các tập thể\n\nChiều "
    "28/12/2021, Ban Dân vận Tỉnh ủy Gia Lai tổng kết công tác dân vận năm 2021." + NB + "Năm qua, toàn tỉnh có" + NB
    + " 2.345 mô hình “Dân vận khéo” được duy trì, trong đó" + NB + "có 318 mô hình mới. Ban Dân vận Tỉnh ủy khen thưởng "
    "14" + NB + "tập thể và 21" + NB + "cá nhân." + NB + "\n\nPV\n\nCác tin khác:\n- Hội nghị giao ban khối dân vận quý "
    "IV\n- Ra mắt mô hình “Dân vận khéo” tại xã Ia Ka",
    officials=[O("Nay H'Lan", "Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy")],
    counts=[(2345, None, "mô hình"), (318, None, "mô hình"), (14, None, "tập thể"), (21, None, "cá nhân")],
    notes="The only official appears in a photo caption (still annotated). Non-breaking spaces around numbers. 'Các tin "
          "khác' link list is boilerplate; “Dân vận khéo” there is the movement, not a model. 318 of 2345 is a subset, "
          "not a field breakdown.")

doc("noisy_web",
    "Giới thiệu | Tin tức | Văn bản chỉ đạo\r\nHUYỆN ỦY ĐAK PƠ TRIỂN KHAI QUY CHẾ DÂN VẬN\r\nCập nhật: 09/03/2021 08:15\r\n"
    "Sáng 08/3/2021, Ban Thường vụ Huyện ủy Đak Pơ tổ chức hội nghị triển khai Quyết định số 97 - Q" + ETH + "/HU về ban "
    "hành Quy chế công tác dân vận của hệ thống chính trị huyện. Ông Nguyễn Hữu Lộc, Bí thư Huyện ủy, phát biểu chỉ đạo. "
    "Hội nghị có 135 đại biểu là bí thư, phó bí thư các chi, đảng bộ cơ sở tham dự.\r\nLượt xem: 1.024\r\nQuay lại",
    officials=[O("Nguyễn Hữu Lộc", "Bí thư Huyện ủy")],
    documents=["97-QĐ/HU"],
    counts=[(135, None, "đại biểu")],
    nfd=True,
    notes="NFD + CRLF + U+00D0 in a spaced symbol '97 - QÐ/HU'. Boilerplate menu, timestamp and page-view counter "
          "('Lượt xem: 1.024' is NOT a count). Generic 'bí thư, phó bí thư' without names are not officials.")

doc("noisy_web",
    "Thứ năm, 21/11/2019 - 15:42\n\nLỄ RA MẮT MÔ HÌNH “DÂN VẬN KHÉO” Ở XÃ HOÀ PHÚ\n\nNgày 20/11/2019, UBND xã Hoà Phú "
    "(huyện Chư Păh) ra mắt mô hình “Camera an ninh – Vì cuộc sống bình yên”.Theo ông Trần" + NB + "Văn" + NB + "Toàn, "
    "Chủ tịch UBND xã, mô hình do Công an xã phối hợp với Đoàn thanh niên thực hiện, đã lắp đặt 16 camera tại các tuyến "
    "đường chính với kinh phí 96 triệu đồng do người dân đóng góp. Ông Toàn cho biết, mô hình góp phần giữ gìn an ninh "
    "trật tự, văn hoá nông thôn.\n\nTin, ảnh: Thuỷ Tiên\n\n« Trở về",
    officials=[O("Trần Văn Toàn", "Chủ tịch Ủy ban nhân dân xã")],
    counts=[(16, None, "camera"), (96, None, "triệu đồng")],
    models=[("Camera an ninh – Vì cuộc sống bình yên", D)],
    notes="Non-breaking spaces INSIDE the name; missing space after the full stop ('bình yên”.Theo'). Old tone style "
          "'Hoà', 'hoá', 'Thuỷ'. Byline not an official. Heading quotes “DÂN VẬN KHÉO” (movement, not a model).")

doc("noisy_web",
    "Hội Nông dân huyện Krông Búk: nhiều mô hình hay\n\n(Cập nhật lúc 10:22 ngày 16/05/2018)\n\nNăm 2017, Hội Nông dân "
    "huyện Krông Búk phối hợp xây dựng 12 mô hình “Dân vận khéo”, trong đó lĩnh vực kinh tế có 8 mô hình như “Tổ hợp tác "
    "trồng hồ tiêu theo hướng hữu cơ”, “Chi hội nông dân nuôi heo an toàn sinh học”; lĩnh vực văn hóa - xã hội có 4 mô "
    "hình. Ông Y Brơm Êban, Chủ tịch Hội Nông dân huyện cho biết, mỗi mô hình giúp hội viên tăng thu nhập bình quân "
    "18%.&nbsp;\n\nXem thêm: Hội Nông dân tỉnh sơ kết phong trào thi đua",
    officials=[O("Y Brơm Êban", "Chủ tịch Hội Nông dân huyện")],
    counts=[(12, None, "mô hình"), (8, None, "mô hình"), (4, None, "mô hình"), (18, None, "%")],
    breakdowns=[B(12, E=8, C=4)],
    models=[("Tổ hợp tác trồng hồ tiêu theo hướng hữu cơ", E), ("Chi hội nông dân nuôi heo an toàn sinh học", E)],
    nfd=True,
    notes="NFD; leftover HTML entity '&nbsp;' as literal text; 'Xem thêm' link. Two-field breakdown 8+4 = 12 with models "
          "nested inside the economy part.")

doc("noisy_web",
    "Chia sẻ  |  In bài viết\r\n\r\nCông tác dân vận chính quyền ở Bù Đăng\r\n\r\nNăm 2020, UBND huyện Bù Đăng chỉ đạo "
    "16/16 xã, thị trấn niêm yết công khai thủ tục hành chính; 17/16 xã, thị trấn tổ chức đối thoại với Nhân dân. Ông Lê "
    "Văn Ngọc, Phó Chủ tịch UBND huyện, cho biết tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%.\r\n\r\nTheo Báo Bình Phước\r\n"
    "\r\nTin cùng chuyên mục",
    officials=[O("Lê Văn Ngọc", "Phó Chủ tịch Ủy ban nhân dân huyện")],
    counts=[(16, 16, "xã"), (17, 16, "xã"), (98.7, None, "%")],
    checks=["ratio_exceeds_total"],
    notes="Seeded: 17/16 -> ratio_exceeds_total. 98,7% has its own base (hồ sơ), unrelated to the ratios: no "
          "percent check. Share/print boilerplate, source line.")

doc("noisy_web",
    ETH + "AK " + ETH + "OA: TỔNG KẾT PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO” NĂM 2020\n\nNgày 18/12/2020, Ban Dân vận Huyện ủy "
    + ETH + "ak " + ETH + "oa tổ chức tổng kết phong trào thi đua “Dân vận khéo” năm 2020. Toàn huyện có 31 mô hình được "
    "đăng ký, cụ thể: kinh tế 12 mô hình; văn hoá - xã hội 9 mô hình; quốc phòng - an ninh 5 mô hình; xây dựng hệ thống "
    "chính trị 6 mô hình. " + ETH + "ồng chí " + ETH + "inh Ơng, Trưởng Ban Dân vận Huyện ủy trao Giấy khen cho 6 tập "
    "thể, 8 cá nhân.\n\nẢnh: " + ETH + "ồng chí " + ETH + "inh Ơng trao Giấy khen\n\nCTV - BDVHU",
    officials=[O("Đinh Ơng", "Trưởng Ban Dân vận Huyện ủy")],
    counts=[(31, None, "mô hình"), (12, None, "mô hình"), (9, None, "mô hình"), (5, None, "mô hình"), (6, None, "mô hình"),
            (6, None, "tập thể"), (8, None, "cá nhân")],
    breakdowns=[B(31, E=12, C=9, D=5, P=6)],
    checks=["sum_mismatch"],
    nfd=True,
    notes="NFD + U+00D0 everywhere (also in the name: gold uses Đ). Seeded: 12+9+5+6 = 32, not 31 -> sum_mismatch. The "
          "official's name recurs in the photo caption.")

doc("noisy_web",
    "Thứ Sáu, 12/04/2024 | 09:05\r\nVăn Chấn: hiệu quả từ mô hình “Dân vận khéo”\r\nNăm 2023, huyện Văn Chấn có 28/31 xã, "
    "thị trấn đạt chuẩn “xã dân vận khéo”, đạt 95,3%." + NB + "Các cấp hội phụ nữ đã giúp đỡ 412 hội viên thoát nghèo; "
    "Hội Cựu chiến binh huyện duy trì 18 mô hình kinh tế có thu nhập mỗi năm trên 100 triệu đồng.\r\nBà Hà Thị Thuý, Phó "
    "Trưởng Ban Dân vận Huyện uỷ, cho biết sẽ tiếp tục nhân rộng các mô hình hiệu quả.\r\nThu Hà\r\n",
    officials=[O("Hà Thị Thuý", "Phó Trưởng Ban Dân vận Huyện ủy")],
    counts=[(28, 31, "xã"), (95.3, None, "%"), (412, None, "hội viên"), (18, None, "mô hình kinh tế"),
            (100, None, "triệu đồng")],
    checks=["percent_mismatch"],
    notes="Seeded: 28/31 = 90.3% but stated 95,3% -> percent_mismatch. Name kept as written ('Thuý', old tone style); the "
          "title is normalised ('Huyện uỷ' -> 'Huyện ủy'). '18 mô hình kinh tế' is a count, not a breakdown (no total).")

doc("noisy_web",
    "Quay lại\n\nNGƯỜI UY TÍN Ở LÀNG NGHÈ\n\nÔng Đinh Hloan (SN 1962), người có uy tín ở làng Nghè, xã Kon Thụp (huyện "
    "Mang Yang) đã vận động 23 hộ trong làng hiến đất mở đường. Ông Đinh Văn Tơ, Trưởng thôn Nghè cho biết, nhờ ông Hloan "
    "mà con đường dài 1,2 km đã hoàn thành trước 2 tháng. Anh Đinh Hrưng, một người dân trong làng, chia sẻ: “Giờ xe chở "
    "mì về tận rẫy”.\n\nCTV - BDVHU",
    officials=[O("Đinh Văn Tơ", "Trưởng thôn Nghè")],
    counts=[(23, None, "hộ"), (1.2, None, "km")],
    nfd=True,
    notes="Hard negatives: người có uy tín Đinh Hloan and villager Đinh Hrưng have no position. 'SN 1962' is a birth "
          "year and '2 tháng' a period. Quoted speech is not a model.")

doc("noisy_web",
    "Tin hoạt động\r\n(ảnh minh hoạ)\r\nNăm 2022, Thành uỷ Bảo Lộc chỉ đạo xây dựng 44 mô hình “Dân vận khéo”. Trong đó, "
    "lĩnh vực kinh tế 18 mô hình, văn hoá - xã hội 14 mô hình.\r\nLĩnh vực quốc phòng - an ninh có 7 mô hình, còn lại là "
    "lĩnh vực xây dựng hệ thống chính trị với 5 mô hình.\r\nTiêu biểu là mô hình “Vườn chè kiểu mẫu của hội viên nông dân” "
    "ở xã Lộc Châu.\r\nNguồn: Ban Dân vận Thành uỷ",
    counts=[(44, None, "mô hình"), (18, None, "mô hình"), (14, None, "mô hình"), (7, None, "mô hình"), (5, None, "mô hình")],
    breakdowns=[B(44, E=18, C=14, D=7, P=5)],
    models=[("Vườn chè kiểu mẫu của hội viên nông dân", E)],
    notes="Breakdown split over three sentences and a line break, last part introduced by 'còn lại là'; 18+14+7+5 = 44. "
          "CRLF, old tone style.")

# ---------------------------------------------------------------- model_list
doc("model_list",
    "Năm 2024, Đảng ủy xã Nghĩa Hưng (huyện Chư Păh) đăng ký 07 mô hình “Dân vận khéo”, gồm 02 mô hình thuộc lĩnh vực kinh "
    "tế, 03 mô hình thuộc lĩnh vực văn hóa - xã hội và 02 mô hình thuộc lĩnh vực quốc phòng - an ninh. Trong đó có các mô "
    "hình “Chăm sóc cà phê tái canh đúng kỹ thuật”, “Thư viện sách cho thiếu nhi thôn”, “Tổ tuần tra an ninh thôn 4”.",
    counts=[(7, None, "mô hình"), (2, None, "mô hình"), (3, None, "mô hình"), (2, None, "mô hình")],
    breakdowns=[B(7, E=2, C=3, D=2)],
    models=[("Chăm sóc cà phê tái canh đúng kỹ thuật", E), ("Thư viện sách cho thiếu nhi thôn", C),
            ("Tổ tuần tra an ninh thôn 4", D)],
    notes="'gồm 02 mô hình thuộc lĩnh vực …' layout; 2+3+2 = 7. '4' inside a model name is not a count.")

doc("model_list",
    "Một số mô hình tiêu biểu được biểu dương năm 2022: “Phụ nữ giúp nhau phát triển kinh tế” của Hội LHPN xã Ia Mơ Nông; "
    "“Tuyến đường hoa, cây xanh” của Đoàn Thanh niên xã Hòa Phú; “Dòng họ không có người vi phạm pháp luật” ở thôn Ia "
    "Kăm; “Chi bộ họp định kỳ có Nhân dân dự”.",
    models=[("Phụ nữ giúp nhau phát triển kinh tế", E), ("Tuyến đường hoa, cây xanh", C),
            ("Dòng họ không có người vi phạm pháp luật", D), ("Chi bộ họp định kỳ có Nhân dân dự", P)],
    notes="Bare list of quoted models, fields inferred from content; a comma inside a model name.")

doc("model_list",
    "Năm 2023, Ban Thường vụ Huyện ủy Tu Mơ Rông khen thưởng 25 điển hình “Dân vận khéo”, gồm 10 tập thể và 15 cá nhân. "
    "Phân theo lĩnh vực, có 11 điển hình thuộc lĩnh vực kinh tế, 8 điển hình văn hóa - xã hội, 4 điển hình quốc phòng - "
    "an ninh và 2 điển hình xây dựng hệ thống chính trị.",
    counts=[(25, None, "điển hình"), (10, None, "tập thể"), (15, None, "cá nhân"), (11, None, "điển hình"),
            (8, None, "điển hình"), (4, None, "điển hình"), (2, None, "điển hình")],
    breakdowns=[B(25, E=11, C=8, D=4, P=2)],
    notes="Tập thể/cá nhân split 10+15 = 25 (not a field breakdown, kept out of breakdowns). Field breakdown in the "
          "next sentence: 11+8+4+2 = 25. Unit 'điển hình' instead of 'mô hình'.")

doc("model_list",
    "Đến nay, huyện Ngọc Hồi có 53 mô hình “Dân vận khéo” đang duy trì hiệu quả, trong đó có 24 mô hình phát triển kinh tế "
    "và 11 mô hình bảo đảm quốc phòng - an ninh ở khu vực biên giới. Mô hình “Đồn Biên phòng kết nghĩa với thôn, làng” "
    "được nhân rộng ra 9 thôn.",
    counts=[(53, None, "mô hình"), (24, None, "mô hình"), (11, None, "mô hình"), (9, None, "thôn")],
    breakdowns=[B(53, E=24, D=11)],
    models=[("Đồn Biên phòng kết nghĩa với thôn, làng", D)],
    notes="Partial enumeration ('trong đó có', two fields) summing to LESS than the total (35 < 53): not a sum_mismatch.")

doc("model_list",
    "Năm 2021, Hội Cựu chiến binh tỉnh Quảng Ngãi có 34 mô hình “Dân vận khéo” được công nhận; trong đó, lĩnh vực kinh tế "
    "có 21 mô hình, lĩnh vực quốc phòng - an ninh có 17 mô hình. Tiêu biểu là mô hình “Cựu chiến binh giúp nhau làm kinh "
    "tế giỏi” ở huyện Ba Tơ.",
    counts=[(34, None, "mô hình"), (21, None, "mô hình"), (17, None, "mô hình")],
    breakdowns=[B(34, E=21, D=17)],
    models=[("Cựu chiến binh giúp nhau làm kinh tế giỏi", E)],
    checks=["sum_mismatch"],
    notes="Seeded: partial parts that EXCEED the total (21+17 = 38 > 34) -> sum_mismatch.")

doc("model_list",
    "Năm 2022, các chi, đảng bộ cơ sở thuộc Đảng bộ huyện Sa Thầy đăng ký 19 mô hình “Dân vận khéo”: lĩnh vực kinh tế - 08 "
    "mô hình; văn hóa - xã hội - 05 mô hình; quốc phòng - an ninh - 04 mô hình; xây dựng Đảng, xây dựng chính quyền - 02 mô "
    "hình. Trong đó có mô hình “Làng không có người sinh con thứ 3 trở lên” của xã Ya Xiêr.",
    counts=[(19, None, "mô hình"), (8, None, "mô hình"), (5, None, "mô hình"), (4, None, "mô hình"), (2, None, "mô hình")],
    breakdowns=[B(19, E=8, C=5, D=4, P=2)],
    models=[("Làng không có người sinh con thứ 3 trở lên", C)],
    notes="Dash layout where field names themselves contain hyphens ('văn hóa - xã hội - 05'). 'xây dựng Đảng, xây "
          "dựng chính quyền' is one part -> political_system. 8+5+4+2 = 19. 'thứ 3' inside a model name is not a count.")

doc("model_list",
    "Năm 2019, toàn tỉnh Lai Châu có 1.154 mô hình, điển hình “Dân vận khéo” (kinh tế: 512; văn hóa - xã hội: 287; quốc "
    "phòng - an ninh: 169; xây dựng hệ thống chính trị: 176). Có 106/106 xã, phường, thị trấn xây dựng được ít nhất 01 mô "
    "hình.",
    counts=[(1154, None, "mô hình"), (512, None, None), (287, None, None), (169, None, None), (176, None, None),
            (106, 106, "xã"), (1, None, "mô hình")],
    breakdowns=[B(1154, E=512, C=287, D=169, P=176)],
    checks=["sum_mismatch"],
    notes="Seeded: 512+287+169+176 = 1144, not 1154 -> sum_mismatch. 'field: N' layout in parentheses, units null.")

doc("model_list",
    "Trong giai đoạn 2018-2020, Công an huyện Tuy Đức xây dựng 14 mô hình “Dân vận khéo”, trong đó lĩnh vực an ninh trật "
    "tự 9 mô hình, lĩnh vực xây dựng chính quyền 3 mô hình, lĩnh vực văn hóa - xã hội 2 mô hình. Nổi bật là mô hình “Bon, "
    "buôn tự quản về an ninh trật tự” và “Công an xã đỡ đầu học sinh nghèo”.",
    counts=[(14, None, "mô hình"), (9, None, "mô hình"), (3, None, "mô hình"), (2, None, "mô hình")],
    breakdowns=[B(14, D=9, P=3, C=2)],
    models=[("Bon, buôn tự quản về an ninh trật tự", D), ("Công an xã đỡ đầu học sinh nghèo", C)],
    notes="Variant field labels: 'an ninh trật tự' -> defense_security, 'xây dựng chính quyền' -> political_system. "
          "9+3+2 = 14. A police-run model can still be culture_society by content.")

doc("model_list",
    "Năm 2020, Hội Liên hiệp Phụ nữ huyện Cư M'gar duy trì 23 mô hình. Các mô hình kinh tế chiếm 13 mô hình, như “Tổ phụ "
    "nữ tiết kiệm vay vốn xoay vòng”, “Nhóm phụ nữ trồng rau an toàn”. 10 mô hình còn lại thuộc lĩnh vực văn hóa - xã hội, "
    "như “Địa chỉ tin cậy ở cộng đồng”, “Mẹ đỡ đầu trẻ mồ côi”.",
    counts=[(23, None, "mô hình"), (13, None, "mô hình"), (10, None, "mô hình")],
    breakdowns=[B(23, E=13, C=10)],
    models=[("Tổ phụ nữ tiết kiệm vay vốn xoay vòng", E), ("Nhóm phụ nữ trồng rau an toàn", E),
            ("Địa chỉ tin cậy ở cộng đồng", C), ("Mẹ đỡ đầu trẻ mồ côi", C)],
    notes="Total in one sentence, parts in the next two ('còn lại'); a sentence begins with a numeral. 13+10 = 23.")

doc("model_list",
    "Năm 2023, huyện Tiểu Cần có 67 mô hình “Dân vận khéo” được công nhận, trong đó cấp huyện công nhận 22 mô hình, cấp xã "
    "công nhận 45 mô hình. Các mô hình tập trung ở đồng bào Khmer với 29 mô hình như “Sư sãi tham gia vận động xóa đói "
    "giảm nghèo”, “Chùa Khmer xanh - sạch - đẹp”.",
    counts=[(67, None, "mô hình"), (22, None, "mô hình"), (45, None, "mô hình"), (29, None, "mô hình")],
    models=[("Sư sãi tham gia vận động xóa đói giảm nghèo", E), ("Chùa Khmer xanh - sạch - đẹp", C)],
    notes="Look-alike: 67 = 22 + 45 is split by LEVEL (cấp huyện / cấp xã), not by field -> no breakdown record. 29 is a "
          "subset.")

doc("model_list",
    "Qua 10 năm (2009-2019) thực hiện phong trào thi đua “Dân vận khéo”, tỉnh Điện Biên có 2.860 mô hình, điển hình được "
    "các cấp công nhận. Trong đó, lĩnh vực phát triển kinh tế 1.206 mô hình; văn hóa - xã hội 785 mô hình; an ninh - quốc "
    "phòng 452 mô hình; xây dựng hệ thống chính trị 417 mô hình.",
    counts=[(2860, None, "mô hình"), (1206, None, "mô hình"), (785, None, "mô hình"), (452, None, "mô hình"),
            (417, None, "mô hình")],
    breakdowns=[B(2860, E=1206, C=785, D=452, P=417)],
    notes="'an ninh - quốc phòng' (reversed order) -> defense_security. 1206+785+452+417 = 2860. '10 năm (2009-2019)' "
          "is a period.")

doc("model_list",
    'Hưởng ứng phong trào "Dân vận khéo", xã Mường Phăng (huyện Điện Biên) triển khai các mô hình: "Bản không có ma túy", '
    '"Nuôi gà đen bản địa", "Chi bộ 4 tốt" và "Phụ nữ Thái giữ nghề dệt thổ cẩm". Khẩu hiệu "Dân biết, dân bàn, dân làm, '
    'dân kiểm tra" được treo ở 18 bản.',
    counts=[(18, None, "bản")],
    models=[("Bản không có ma túy", D), ("Nuôi gà đen bản địa", E), ("Chi bộ 4 tốt", P),
            ("Phụ nữ Thái giữ nghề dệt thổ cẩm", C)],
    notes="Straight ASCII quotes. The quoted slogan is not a model; '4' in 'Chi bộ 4 tốt' is not a count.")

doc("model_list",
    "Năm 2021, Ban Dân vận Huyện ủy Bắc Hà báo cáo: có 20/21 xã, thị trấn có mô hình “Dân vận khéo” cấp huyện, đạt 95,24%; "
    "toàn huyện có 94 mô hình, trong đó: kinh tế 39 mô hình; văn hóa - xã hội 26 mô hình; quốc phòng - an ninh 15 mô hình; "
    "xây dựng hệ thống chính trị 12 mô hình.",
    counts=[(20, 21, "xã"), (95.24, None, "%"), (94, None, "mô hình"), (39, None, "mô hình"), (26, None, "mô hình"),
            (15, None, "mô hình"), (12, None, "mô hình")],
    breakdowns=[B(94, E=39, C=26, D=15, P=12)],
    checks=["sum_mismatch"],
    notes="20/21 = 95.238%, stated 95,24%: consistent. Seeded: 39+26+15+12 = 92, not 94 -> sum_mismatch.")

doc("model_list",
    "Năm 2020, Thị ủy Kinh Môn tổng kết 15 mô hình “Dân vận khéo” tiêu biểu: xây dựng hệ thống chính trị 4 mô hình, kinh "
    "tế 5 mô hình, văn hóa - xã hội 4 mô hình và quốc phòng - an ninh 2 mô hình. Mô hình “Phường không rác thải nhựa” của "
    "phường An Lưu được Ban Dân vận Tỉnh ủy Hải Dương biểu dương.",
    counts=[(15, None, "mô hình"), (4, None, "mô hình"), (5, None, "mô hình"), (4, None, "mô hình"), (2, None, "mô hình")],
    breakdowns=[B(15, P=4, E=5, C=4, D=2)],
    models=[("Phường không rác thải nhựa", C)],
    notes="Fields in an unusual order (political_system first); two parts share the value 4. 4+5+4+2 = 15.")

doc("model_list",
    "Danh sách mô hình “Dân vận khéo” cấp tỉnh năm 2024 của huyện Hương Khê: lĩnh vực kinh tế có mô hình “Liên kết trồng "
    "bưởi Phúc Trạch theo chuỗi giá trị”; lĩnh vực văn hóa - xã hội có mô hình “Câu lạc bộ dân ca Ví, Giặm”; lĩnh vực quốc "
    "phòng - an ninh có mô hình “Camera giám sát an ninh thôn”; lĩnh vực xây dựng hệ thống chính trị có mô hình “Đối thoại "
    "định kỳ giữa Bí thư Đảng ủy xã với Nhân dân”.",
    models=[("Liên kết trồng bưởi Phúc Trạch theo chuỗi giá trị", E), ("Câu lạc bộ dân ca Ví, Giặm", C),
            ("Camera giám sát an ninh thôn", D), ("Đối thoại định kỳ giữa Bí thư Đảng ủy xã với Nhân dân", P)],
    notes="Each model preceded by its field label. 'Bí thư Đảng ủy xã' inside a model name is not an official.")

doc("model_list",
    "Giai đoạn 2016-2021, toàn tỉnh Sóc Trăng xây dựng 1.366 mô hình, điển hình “Dân vận khéo” (kinh tế: 486; văn hóa - "
    "xã hội: 405; quốc phòng - an ninh: 218; xây dựng hệ thống chính trị: 257). Trong đó, 312 mô hình được cấp tỉnh khen "
    "thưởng. Nhiều mô hình phát huy hiệu quả trong vùng đồng bào Khmer.",
    counts=[(1366, None, "mô hình"), (486, None, None), (405, None, None), (218, None, None), (257, None, None),
            (312, None, "mô hình")],
    breakdowns=[B(1366, E=486, C=405, D=218, P=257)],
    notes="486+405+218+257 = 1366: consistent. 312 is a subset by award, not a part of the field breakdown.")

doc("model_list",
    "Theo Ban Dân vận Tỉnh ủy Phú Yên, năm 2022 toàn tỉnh có 642 mô hình “Dân vận khéo”, trong đó kinh tế 251 mô hình, "
    "văn hóa - xã hội 187 mô hình, quốc phòng - an ninh 98 mô hình, xây dựng hệ thống chính trị 106 mô hình. Năm 2023, số "
    "mô hình tăng lên 701 mô hình: kinh tế 276, văn hóa - xã hội 205, quốc phòng - an ninh 104, xây dựng hệ thống chính "
    "trị 126.",
    counts=[(642, None, "mô hình"), (251, None, "mô hình"), (187, None, "mô hình"), (98, None, "mô hình"),
            (106, None, "mô hình"), (701, None, "mô hình"), (276, None, None), (205, None, None), (104, None, None),
            (126, None, None)],
    breakdowns=[B(642, E=251, C=187, D=98, P=106), B(701, E=276, C=205, D=104, P=126)],
    checks=["sum_mismatch"],
    notes="Two breakdowns for two years. 2022: 251+187+98+106 = 642 (consistent). Seeded 2023: 276+205+104+126 = 711, "
          "not 701 -> one sum_mismatch.")

doc("model_list",
    "Năm 2021, Ban Dân vận Huyện ủy Đăk Hà hướng dẫn các cơ quan, đơn vị đăng ký 16 mô hình “Dân vận khéo” trên các lĩnh "
    "vực kinh tế - 06 mô hình; văn hóa - xã hội 04 mô hình; quốc phòng – an ninh 03 mô hình và 03 mô hình thuộc lĩnh vực "
    "xây dựng Đảng. Đến cuối năm, 14/16 mô hình được đánh giá hoạt động hiệu quả, đạt 87,5%.",
    counts=[(16, None, "mô hình"), (6, None, "mô hình"), (4, None, "mô hình"), (3, None, "mô hình"), (3, None, "mô hình"),
            (14, 16, "mô hình"), (87.5, None, "%")],
    breakdowns=[B(16, E=6, C=4, D=3, P=3)],
    notes="Mixed layout inside one list: 'kinh tế - 06 mô hình', 'văn hóa - xã hội 04 mô hình', en dash in 'quốc phòng – "
          "an ninh', last part with the number before the field ('03 mô hình thuộc lĩnh vực xây dựng Đảng' -> "
          "political_system). 6+4+3+3 = 16. 14/16 = 87.5%: consistent.")

# ---------------------------------------------------------------- figures
doc("figures",
    "Kết quả thực hiện Quy chế dân chủ năm 2023 của huyện Hải Hậu: 33/35 xã, thị trấn tổ chức hội nghị nhân dân, đạt "
    "94,3%; 131/139 xóm, tổ dân phố xây dựng hương ước, đạt 94,2%; 100% cơ quan, đơn vị công khai tài chính.",
    counts=[(33, 35, "xã"), (94.3, None, "%"), (131, 139, "xóm"), (94.2, None, "%"), (100, None, "%")],
    notes="33/35 = 94.29% -> 94,3%; 131/139 = 94.24% -> 94,2%: both consistent after rounding.")

doc("figures",
    "Năm 2022, 36/40 chi bộ trực thuộc Đảng bộ xã Bình Minh (huyện Nam Trực) hoàn thành tốt nhiệm vụ dân vận, đạt 85%; "
    "12/12 chi hội nông dân có tổ hòa giải; 27/25 thôn, xóm tổ chức hội nghị lấy ý kiến Nhân dân.",
    counts=[(36, 40, "chi bộ"), (85, None, "%"), (12, 12, "chi hội"), (27, 25, "thôn")],
    checks=["percent_mismatch", "ratio_exceeds_total"],
    notes="Seeded: 36/40 = 90% but stated 85% -> percent_mismatch; 27/25 -> ratio_exceeds_total.")

doc("figures",
    "Kết quả giám sát của Ủy ban MTTQ Việt Nam thị trấn Phú Hòa năm 2021: 2/3 tổ dân phố đạt chuẩn văn minh đô thị, đạt "
    "66,7%; 5/6 công trình được giám sát đúng tiến độ, đạt 83,3%; 7/9 kiến nghị đã được giải quyết, đạt 77,78%; 100% hộ "
    "gia đình ký cam kết phòng, chống dịch.",
    counts=[(2, 3, "tổ dân phố"), (66.7, None, "%"), (5, 6, "công trình"), (83.3, None, "%"), (7, 9, "kiến nghị"),
            (77.78, None, "%"), (100, None, "%")],
    notes="Rounding look-alikes, all consistent: 2/3 = 66.67 -> 66,7; 5/6 = 83.33 -> 83,3; 7/9 = 77.78 -> 77,78.")

doc("figures",
    "Năm 2017, Ban Dân vận Huyện ủy Hướng Hóa kiểm tra việc thực hiện Quy chế dân vận tại 23 cơ quan, đơn vị: 19/23 đơn vị "
    "thực hiện tốt, đạt 86,9%; 17/18 cơ quan có cán bộ phụ trách công tác dân vận, đạt 94,4%; 4 đơn vị được đề nghị khắc "
    "phục hạn chế.",
    counts=[(23, None, "cơ quan"), (19, 23, "đơn vị"), (86.9, None, "%"), (17, 18, "cơ quan"), (94.4, None, "%"),
            (4, None, "đơn vị")],
    checks=["percent_mismatch"],
    notes="Seeded: 19/23 = 82.6% but stated 86,9% -> percent_mismatch. 17/18 = 94.44% -> 94,4%: consistent.")

doc("figures",
    "Năm 2024, xã Ea Tul (huyện Cư M'gar) có 15/16 buôn đạt danh hiệu buôn văn hóa; tỷ lệ hộ dùng nước hợp vệ sinh đạt "
    "96%; thu nhập bình quân đầu người đạt 48,5 triệu đồng.",
    counts=[(15, 16, "buôn"), (96, None, "%"), (48.5, None, "triệu đồng")],
    notes="Look-alike: 96% follows 15/16 (= 93.75%) but measures a different base (households with clean water): no "
          "percent_mismatch.")

doc("figures",
    "Nhờ làm tốt công tác dân vận, đến tháng 6/2024, toàn huyện Sìn Hồ có 1.870/2.134 hộ được sử dụng điện lưới quốc gia, "
    "đạt tỷ lệ 87,6%; 58/62 bản có nhà văn hóa, đạt 93,5%.",
    counts=[(1870, 2134, "hộ"), (87.6, None, "%"), (58, 62, "bản"), (93.5, None, "%")],
    notes="Thousands separators on both sides of the slash. 1870/2134 = 87.63% and 58/62 = 93.55% (written 93,5): both "
          "within tolerance.")

doc("figures",
    "Số liệu mô hình “Dân vận khéo” năm 2021 của huyện Krông Nô: tổng số 40 mô hình; kinh tế: 16; văn hóa - xã hội: 11; "
    "quốc phòng - an ninh: 8; xây dựng hệ thống chính trị: 5. Số hộ hưởng lợi: 1.236 hộ.",
    counts=[(40, None, "mô hình"), (16, None, None), (11, None, None), (8, None, None), (5, None, None),
            (1236, None, "hộ")],
    breakdowns=[B(40, E=16, C=11, D=8, P=5)],
    notes="Table-like 'label: value' layout. 16+11+8+5 = 40: consistent.")

doc("figures",
    "Năm 2015, huyện Phong Thổ có 30 mô hình “Dân vận khéo”: kinh tế 14, văn hóa - xã hội 9, quốc phòng - an ninh 6, xây "
    "dựng hệ thống chính trị 3; 18/18 xã, thị trấn đều có mô hình.",
    counts=[(30, None, "mô hình"), (14, None, None), (9, None, None), (6, None, None), (3, None, None), (18, 18, "xã")],
    breakdowns=[B(30, E=14, C=9, D=6, P=3)],
    checks=["sum_mismatch"],
    notes="Seeded: 14+9+6+3 = 32, not 30 -> sum_mismatch. Part values without nouns (units null).")


def records():
    out = []
    for i, d in enumerate(DOCS, 1):
        text = unicodedata.normalize("NFD", d["text"]) if d["nfd"] else d["text"]
        out.append(dict(
            id=f"G{i:03d}", text=text, officials=d["officials"], documents=d["documents"],
            counts=[dict(value=v, of=o, unit=u) for v, o, u in d["counts"]],
            breakdowns=d["breakdowns"], models=[dict(name=n, field=f) for n, f in d["models"]],
            checks=d["checks"], notes=d["notes"] + (" Text stored in NFD." if d["nfd"] and "NFD" not in d["notes"] else ""),
            style=d["style"]))
    return out


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "docs.jsonl"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(DOCS), "documents ->", path)
