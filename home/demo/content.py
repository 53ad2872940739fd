"""Demo content for the Party committee news site (pure data, no Django imports).

All people, figures and units are fictional. Text is NFC Unicode; dates are local time
"YYYY-MM-DD HH:MM". Run ``python3 home/demo/content.py`` to check referential integrity.
"""

# Body block helpers: each returns a (block_type, value) tuple.


def _p(*parts: str) -> tuple[str, str]:
    """A paragraph block; plain parts are wrapped in <p>, parts starting with "<" are kept."""
    return ("paragraph", "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in parts))


def _h(text: str) -> tuple[str, str]:
    return ("heading", text)


def _q(text: str, attribution: str) -> tuple[str, dict]:
    return ("quote", {"text": text, "attribution": attribution})


def _img(key: str, caption: str = "", credit: str = "") -> tuple[str, dict]:
    """An image block; caption and credit default to those of the image record."""
    image = IMAGE_BY_KEY[key]
    return (
        "image",
        {"image": key, "caption": caption or image["caption"], "credit": credit or image["credit"]},
    )


def _article(**fields) -> dict:
    """An article record; "featured" defaults to False and "source" to ""."""
    return {"featured": False, "source": "", **fields}


# Site-wide settings and home page

SITE_SETTINGS = {
    "organisation_name": "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
    "owning_body": "Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
    "person_responsible": "Đặng Văn Thành – Phó Bí thư Thường trực Đảng ủy Khối, "
    "Trưởng Ban Biên tập",
    "address": "Tầng 3, Trụ sở Khối các cơ quan tỉnh, số 18 đường Lê Lợi, phường Trung Tâm, "
    "tỉnh Lam Hà",
    "phone": "0226 3 856 218",
    "email": "vanphongdukhoi@lamha.gov.vn",
    "licence": "Giấy phép số 08/GP-TTĐT ngày 16/3/2026 của Sở Khoa học và Công nghệ tỉnh Lam Hà",
}
# The site's share image (a demo photo) and its logo, drawn like the demo photos.
SHARE_IMAGE = "soket-cover"
LOGO = {
    "title": "Biểu trưng Đảng ủy Khối",
    "alt_text": "Biểu trưng Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh",
    "label": "ĐUK",
    "color": "#a0150f",
}

HOME = {
    "title": "Trang chủ",
    "intro": "Trang thông tin điện tử Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh – kênh "
    "thông tin chính thức về công tác xây dựng Đảng, hoạt động của các tổ chức cơ sở đảng, "
    "phong trào thi đua yêu nước và gương người tốt, việc tốt trong Đảng bộ Khối.",
}

AUTHORS = [
    {
        "key": "nguyen-thi-thu-ha",
        "name": "Nguyễn Thị Thu Hà",
        "position": "Ủy viên Ban Thường vụ, Chánh Văn phòng Đảng ủy Khối",
        "unit": "Văn phòng Đảng ủy Khối",
    },
    {
        "key": "tran-minh-duc",
        "name": "Trần Minh Đức",
        "position": "Phó Trưởng Ban Tuyên giáo và Dân vận Đảng ủy Khối",
        "unit": "Ban Tuyên giáo và Dân vận Đảng ủy Khối",
    },
    {
        "key": "le-hoang-nam",
        "name": "Lê Hoàng Nam",
        "position": "Ủy viên Ủy ban Kiểm tra Đảng ủy Khối",
        "unit": "Ủy ban Kiểm tra Đảng ủy Khối",
    },
    {
        "key": "pham-thu-trang",
        "name": "Phạm Thu Trang",
        "position": "Chuyên viên Ban Tuyên giáo và Dân vận, cộng tác viên Trang thông tin điện tử",
        "unit": "Ban Tuyên giáo và Dân vận Đảng ủy Khối",
    },
    {
        "key": "vu-quoc-bao",
        "name": "Vũ Quốc Bảo",
        "position": "Phó Bí thư Đoàn Thanh niên Khối",
        "unit": "Đoàn Thanh niên Khối các cơ quan và doanh nghiệp tỉnh",
    },
]

# Images. One row per image, fields separated by " | ":
# key | title | alt_text | caption | credit | color | label

_IMAGE_FIELDS = ("key", "title", "alt_text", "caption", "credit", "color", "label")

_IMAGE_ROWS = """
cchc-cover | Phần mềm quản lý văn bản tại Văn phòng Đảng ủy Khối | Cán bộ ngồi trước màn hình máy tính, xử lý văn bản điện tử tại bàn làm việc | Cán bộ Văn phòng Đảng ủy Khối xử lý văn bản điện tử trên hệ thống quản lý văn bản và điều hành. | Ảnh: Minh Anh | #1f3a5f | Cải cách hành chính
cchc-man-hinh | Ảnh chụp màn hình phần mềm quản lý văn bản | Ảnh chụp màn hình phần mềm quản lý văn bản và điều hành, hiển thị danh sách văn bản đến chờ xử lý kèm hạn xử lý và người phụ trách | Ảnh chụp màn hình phần mềm quản lý văn bản và điều hành đang được sử dụng tại Văn phòng Đảng ủy Khối. | Ảnh chụp màn hình: Văn phòng Đảng ủy Khối | #2f4858 | Màn hình phần mềm QLVB
soket-cover | Hội nghị sơ kết 6 tháng đầu năm 2026 | Quang cảnh hội trường với đại biểu ngồi theo hàng, phía trên là phông nền đỏ in tên hội nghị | Quang cảnh Hội nghị sơ kết công tác 6 tháng đầu năm 2026 của Đảng ủy Khối. | Ảnh: Thanh Hương | #7a1f1f | Sơ kết 6 tháng
soket-phat-bieu | Đồng chí Bí thư Đảng ủy Khối phát biểu chỉ đạo | Người đàn ông mặc áo sơ mi trắng đứng phát biểu tại bục, phía sau là cờ Đảng và cờ Tổ quốc | Đồng chí Hoàng Văn Thịnh, Tỉnh ủy viên, Bí thư Đảng ủy Khối phát biểu chỉ đạo hội nghị. | Ảnh: Thanh Hương | #6b2737 | Phát biểu chỉ đạo
boiduong-cover | Lớp bồi dưỡng đảng viên mới năm 2026 | Học viên trẻ ngồi ghi chép trong lớp học, giảng viên đứng trên bục giảng | Học viên lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới năm 2026. | Ảnh: Hải Yến | #5a2d6e | Bồi dưỡng đảng viên mới
boiduong-thao-luan | Học viên thảo luận nhóm | Năm học viên ngồi quanh bàn, cùng xem và trao đổi tài liệu | Học viên thảo luận nhóm về trách nhiệm nêu gương của người đảng viên. | Ảnh: Hải Yến | #4b2c5e | Thảo luận nhóm
giamsat-cover | Đoàn giám sát làm việc tại tổ chức cơ sở đảng | Thành viên đoàn giám sát ngồi đối diện lãnh đạo đơn vị tại bàn họp, trên bàn có nhiều tập hồ sơ | Đoàn giám sát của Ủy ban Kiểm tra Đảng ủy Khối làm việc tại cơ sở. | Ảnh: Đức Long | #234e52 | Kiểm tra, giám sát
giamsat-ho-so | Kiểm tra sổ sách của chi bộ | Cận cảnh bàn tay lật sổ ghi biên bản sinh hoạt chi bộ, bên cạnh là tập hồ sơ | Thành viên đoàn giám sát kiểm tra sổ ghi biên bản sinh hoạt chi bộ. | Ảnh: Đức Long | #2f4858 | Hồ sơ chi bộ
capnuoc-cover | Nhà máy xử lý nước sạch | Công nhân mặc áo bảo hộ xanh kiểm tra hệ thống đường ống trong nhà máy xử lý nước | Công nhân Công ty Cổ phần Cấp thoát nước tỉnh kiểm tra hệ thống lọc tại nhà máy. | Ảnh: Quốc Bảo | #1d4e89 | Cấp nước sạch
capnuoc-dang-vien | Tổ đảng viên xung kích sửa chữa đường ống | Ba công nhân đứng dưới hố đào bên lề đường, thay đoạn ống nước bị vỡ | Tổ xung kích do đảng viên phụ trách khắc phục sự cố vỡ ống trong đêm. | Ảnh: Quốc Bảo | #145a32 | Tổ đảng viên xung kích
vanhoa-cover | Sinh hoạt chuyên đề về văn hóa công sở | Các đảng viên ngồi quanh bàn họp hình chữ U, một người đang đứng phát biểu | Đảng viên Chi bộ Văn phòng Ủy ban nhân dân tỉnh sinh hoạt chuyên đề về văn hóa công sở. | Ảnh: Minh Anh | #8a4b12 | Văn hóa công sở
vanhoa-mot-cua | Bộ phận tiếp nhận và trả kết quả | Nữ cán bộ mỉm cười hướng dẫn người dân điền tờ khai tại quầy tiếp nhận hồ sơ | Cán bộ hướng dẫn người dân tại bộ phận tiếp nhận và trả kết quả. | Ảnh: Minh Anh | #5c3d2e | Phục vụ người dân
sotay-cover | Sổ tay đảng viên điện tử | Bàn tay cầm điện thoại thông minh hiển thị giao diện ứng dụng Sổ tay đảng viên | Đảng viên tra cứu tài liệu sinh hoạt chi bộ trên ứng dụng Sổ tay đảng viên điện tử. | Ảnh: Hải Yến | #1f3a5f | Sổ tay đảng viên điện tử
sotay-khong-giay | Chi bộ họp không giấy | Phòng họp chi bộ, mỗi đảng viên có một máy tính bảng trên bàn thay cho tài liệu in | Một buổi sinh hoạt chi bộ “không giấy” tại Đảng bộ Sở Khoa học và Công nghệ. | Ảnh: Hải Yến | #3d3d6b | Họp không giấy
kynangso-cover | Tập huấn kỹ năng số cho cán bộ, đảng viên | Phòng máy tính với nhiều học viên đang thực hành, màn hình chiếu lớn phía trước | Cán bộ, đảng viên thực hành tại lớp tập huấn kỹ năng số. | Ảnh: Quốc Bảo | #234e52 | Tập huấn kỹ năng số
kynangso-ky-so | Thực hành ký số văn bản | Màn hình máy tính hiển thị hộp thoại ký số, thiết bị ký số cắm ở cổng USB | Thực hành ký số văn bản điện tử bằng thiết bị ký số chuyên dùng. | Ảnh: Quốc Bảo | #2f4858 | Chữ ký số
thidua-cover | Lễ phát động thi đua chào mừng 96 năm Ngày thành lập Đảng | Đại biểu đứng trên sân khấu, phía sau là phông chữ đỏ về đợt thi đua cao điểm | Lễ phát động đợt thi đua cao điểm chào mừng 96 năm Ngày thành lập Đảng. | Ảnh: Thanh Hương | #802020 | Phát động thi đua
thidua-giao-uoc | Ký giao ước thi đua | Người đại diện đơn vị ký vào bản giao ước thi đua đặt trên bàn phủ khăn đỏ | Đại diện các cụm thi đua ký giao ước thi đua năm 2026. | Ảnh: Thanh Hương | #7a1f1f | Giao ước thi đua
kysu-cover | Kỹ sư Đoàn Minh Khôi tại xưởng sản xuất | Chàng trai trẻ đội mũ bảo hộ trắng đứng cạnh dây chuyền máy, tay cầm máy tính bảng | Kỹ sư Đoàn Minh Khôi kiểm tra thông số dây chuyền sau cải tiến. | Ảnh: Đức Long | #4a5d23 | Sáng kiến kỹ sư trẻ
kysu-tu-dieu-khien | Tủ điều khiển do kỹ sư trẻ thiết kế | Tủ điện mở cửa với bảng mạch và dây dẫn được sắp xếp gọn gàng | Tủ điều khiển biến tần do anh Khôi cùng tổ kỹ thuật tự thiết kế, lắp đặt. | Ảnh: Đức Long | #145a32 | Tủ điều khiển cải tiến
hocbong-cover | Trao học bổng cho học sinh vùng khó | Người phụ nữ trung niên trao phong bì học bổng cho em học sinh mặc đồng phục | Đồng chí Hà Thị Lan trao học bổng cho học sinh có hoàn cảnh khó khăn. | Ảnh: Hải Yến | #6b2737 | Tiếp sức đến trường
hocbong-diem-truong | Điểm trường vùng khó | Phòng học đơn sơ, các em nhỏ ngồi học, cửa sổ nhìn ra đồi núi | Một điểm trường vùng khó mà chị Lan thường xuyên đến thăm, tặng quà. | Ảnh: Hải Yến | #5c3d2e | Điểm trường vùng khó
maiam-cover | Trao Mái ấm công đoàn | Đại diện Công đoàn Khối trao biển tượng trưng cho gia đình đoàn viên trước căn nhà mới | Đại diện Công đoàn Khối trao biển tượng trưng “Mái ấm công đoàn” cho đoàn viên. | Ảnh: Minh Anh | #8a4b12 | Mái ấm công đoàn
maiam-nha-moi | Căn nhà mới của đoàn viên | Căn nhà cấp bốn mới xây, tường sơn vàng, mái tôn đỏ, gia đình đứng trước cửa | Căn nhà mới của gia đình đoàn viên Lò Văn Sơn sau khi được hỗ trợ. | Ảnh: Minh Anh | #5c3d2e | Nhà mới
tinhnguyen-cover | Lễ ra quân Chiến dịch tình nguyện hè 2026 | Hàng trăm đoàn viên mặc áo xanh tình nguyện giơ cờ tại sân lễ ra quân | Đoàn viên thanh niên Khối tại lễ ra quân Chiến dịch tình nguyện hè 2026. | Ảnh: Quốc Bảo | #1d4e89 | Tình nguyện hè 2026
tinhnguyen-dich-vu-cong | Thanh niên hướng dẫn người dân dùng dịch vụ công | Đoàn viên áo xanh ngồi cạnh người cao tuổi, chỉ dẫn thao tác trên điện thoại | Đoàn viên hướng dẫn người dân nộp hồ sơ dịch vụ công trực tuyến. | Ảnh: Quốc Bảo | #234e52 | Hỗ trợ dịch vụ công
bacho-cover | Dâng hoa tưởng niệm Chủ tịch Hồ Chí Minh | Đoàn đại biểu đứng nghiêm trang trước tượng đài, phía trước là lẵng hoa đỏ | Đoàn đại biểu Đảng ủy Khối dâng hoa tưởng niệm Chủ tịch Hồ Chí Minh. | Ảnh: Thanh Hương | #7a1f1f | Kỷ niệm Ngày sinh Bác
bacho-trung-bay | Không gian trưng bày ảnh về Bác Hồ | Người xem đứng ngắm các tấm ảnh đen trắng treo trên tường phòng trưng bày | Cán bộ, đảng viên tham quan không gian trưng bày ảnh tư liệu về Chủ tịch Hồ Chí Minh. | Ảnh: Thanh Hương | #3d3d6b | Trưng bày ảnh tư liệu
video-soket | Video: Sơ kết 6 tháng đầu năm 2026 | Khung hình video: hội trường hội nghị, biểu tượng nút phát ở giữa | Video tóm tắt Hội nghị sơ kết 6 tháng đầu năm 2026. | Ảnh: Văn phòng Đảng ủy Khối | #6b2737 | Video: Sơ kết 6 tháng
video-tinhnguyen | Video: Tuổi trẻ chung tay chuyển đổi số | Khung hình video: đoàn viên áo xanh hướng dẫn người dân dùng điện thoại | Video về Chiến dịch tình nguyện hè 2026 của Đoàn Thanh niên Khối. | Ảnh: Đoàn Thanh niên Khối | #1d4e89 | Video: Tình nguyện hè
video-kysu | Video: Người đảng viên trẻ và những sáng kiến | Khung hình video: kỹ sư trẻ đội mũ bảo hộ đứng cạnh dây chuyền sản xuất | Video chân dung kỹ sư Đoàn Minh Khôi. | Ảnh: Đức Long | #4a5d23 | Video: Sáng kiến trẻ
hoithao-01 | Lễ khai mạc Hội thao | Các đoàn vận động viên xếp hàng trên sân vận động, cầm cờ đơn vị | Các đoàn vận động viên diễu hành tại lễ khai mạc Hội thao. | Ảnh: Quốc Bảo | #1d4e89 | Khai mạc Hội thao
hoithao-02 | Thi đấu bóng chuyền hơi | Hai đội bóng chuyền hơi nữ thi đấu, một vận động viên bật nhảy đập bóng | Trận chung kết bóng chuyền hơi nữ. | Ảnh: Quốc Bảo | #145a32 | Bóng chuyền hơi
hoithao-03 | Thi kéo co | Đội kéo co nam ngả người ra sau, dồn sức kéo sợi dây thừng | Phần thi kéo co sôi nổi giữa các đơn vị. | Ảnh: Quốc Bảo | #8a4b12 | Kéo co
hoithao-04 | Thi đấu cầu lông | Vận động viên nữ vung vợt đánh cầu trong nhà thi đấu | Nội dung cầu lông đôi nam nữ. | Ảnh: Quốc Bảo | #234e52 | Cầu lông
hoithao-05 | Cổ động viên trên khán đài | Khán đài đông người cầm băng rôn, cổ vũ nhiệt tình | Cổ động viên các đơn vị cổ vũ trên khán đài. | Ảnh: Quốc Bảo | #6b2737 | Cổ động viên
hoithao-06 | Trao giải Hội thao | Ba đội đứng trên bục trao giải, nhận cúp và cờ | Ban Tổ chức trao giải toàn đoàn cho các đơn vị xuất sắc. | Ảnh: Quốc Bảo | #7a1f1f | Trao giải
venguon-01 | Dâng hương tại nhà tưởng niệm | Đoàn đảng viên trẻ đứng thành hàng dâng hương trong nhà tưởng niệm | Đoàn đảng viên trẻ dâng hương tưởng niệm các anh hùng liệt sĩ. | Ảnh: Hải Yến | #5c3d2e | Dâng hương
venguon-02 | Nghe thuyết minh về di tích | Hướng dẫn viên đứng cạnh sa bàn, các đoàn viên đứng xung quanh lắng nghe | Nghe thuyết minh về lịch sử khu di tích. | Ảnh: Hải Yến | #3d3d6b | Nghe thuyết minh
venguon-03 | Trồng cây lưu niệm | Hai đảng viên trẻ cầm xẻng vun đất cho cây xanh mới trồng | Trồng cây lưu niệm trong khuôn viên khu di tích. | Ảnh: Hải Yến | #145a32 | Trồng cây lưu niệm
venguon-04 | Thăm gia đình chính sách | Các đoàn viên ngồi trò chuyện với cụ ông cựu chiến binh trong căn nhà | Thăm hỏi, tặng quà gia đình chính sách tại địa phương. | Ảnh: Hải Yến | #8a4b12 | Thăm gia đình chính sách
venguon-05 | Sinh hoạt chính trị dưới cờ | Đoàn viên ngồi trên bãi cỏ, phía trước là lá cờ đỏ sao vàng | Buổi sinh hoạt chính trị dưới cờ tại khu di tích. | Ảnh: Hải Yến | #802020 | Sinh hoạt dưới cờ
venguon-06 | Giao lưu văn nghệ | Nhóm đoàn viên hát trên sân khấu nhỏ ngoài trời | Giao lưu văn nghệ với thanh niên địa phương. | Ảnh: Hải Yến | #4b2c5e | Giao lưu văn nghệ
venguon-07 | Ảnh lưu niệm của đoàn | Toàn đoàn chụp ảnh tập thể trước cổng khu di tích | Đoàn cán bộ, đảng viên trẻ chụp ảnh lưu niệm. | Ảnh: Hải Yến | #1f3a5f | Ảnh lưu niệm
hienmau-01 | Đón tiếp người hiến máu | Tình nguyện viên áo xanh hướng dẫn người đến đăng ký tại bàn tiếp đón | Tình nguyện viên hướng dẫn cán bộ, đoàn viên đăng ký hiến máu. | Ảnh: Minh Anh | #802020 | Đăng ký hiến máu
hienmau-02 | Khám sàng lọc trước khi hiến máu | Bác sĩ đo huyết áp cho một nam thanh niên ngồi bên bàn khám | Nhân viên y tế khám sàng lọc cho người hiến máu. | Ảnh: Minh Anh | #234e52 | Khám sàng lọc
hienmau-03 | Nữ cán bộ hiến máu | Nữ cán bộ nằm trên ghế hiến máu, mỉm cười giơ tay tạo hình trái tim | Nữ cán bộ Sở Tài chính tham gia hiến máu lần đầu. | Ảnh: Minh Anh | #6b2737 | Giọt hồng
hienmau-04 | Đảng viên 15 lần hiến máu | Người đàn ông trung niên cầm giấy chứng nhận hiến máu, đứng trước phông ngày hội | Đồng chí Trịnh Văn Hậu với lần hiến máu thứ 15. | Ảnh: Minh Anh | #7a1f1f | 15 lần hiến máu
hienmau-05 | Chăm sóc sau hiến máu | Tình nguyện viên đưa hộp sữa và bánh cho người vừa hiến máu | Bồi dưỡng, chăm sóc người hiến máu sau khi hiến. | Ảnh: Minh Anh | #8a4b12 | Chăm sóc sau hiến máu
hienmau-06 | Kết quả ngày hội hiến máu | Bảng thông tin lớn ghi tổng số đơn vị máu tiếp nhận trong ngày | Ngày hội tiếp nhận 412 đơn vị máu. | Ảnh: Minh Anh | #1d4e89 | 412 đơn vị máu
"""  # noqa: E501

IMAGES = [
    dict(zip(_IMAGE_FIELDS, (cell.strip() for cell in line.split(" | ")), strict=True))
    for line in _IMAGE_ROWS.strip().splitlines()
]
IMAGE_BY_KEY = {image["key"]: image for image in IMAGES}

# Sections (menu order)

SECTIONS = [
    {
        "title": "Tin tức - Sự kiện",
        "intro": "Tin tức, sự kiện nổi bật của Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh.",
        "children": [
            {
                "title": "Xây dựng Đảng",
                "intro": "Xây dựng, chỉnh đốn Đảng về chính trị, tư tưởng, tổ chức và cán bộ.",
                "children": [],
            },
            {
                "title": "Hoạt động cơ sở",
                "intro": "Hoạt động của các đảng bộ, chi bộ cơ sở trong các cơ quan, doanh nghiệp.",
                "children": [],
            },
            {
                "title": "Kiểm tra - Giám sát",
                "intro": "Công tác kiểm tra, giám sát và thi hành kỷ luật đảng.",
                "children": [],
            },
        ],
    },
    {
        "title": "Chuyển đổi số",
        "intro": "Chuyển đổi số trong công tác đảng, cải cách hành chính và phục vụ người dân.",
        "children": [],
    },
    {
        "title": "Thi đua - Khen thưởng",
        "intro": "Phong trào thi đua yêu nước, công tác khen thưởng trong Đảng bộ Khối.",
        "children": [
            {
                "title": "Gương người tốt việc tốt",
                "intro": "Những tấm gương bình dị mà cao đẹp trong học tập và làm theo Bác.",
                "children": [],
            },
        ],
    },
    {
        "title": "Đoàn thể",
        "intro": "Hoạt động của Công đoàn, Đoàn Thanh niên và Hội Cựu chiến binh Khối.",
        "children": [],
    },
]

# Articles

CCHC_TITLE = "Cải cách hành chính trong Đảng ủy Khối: đẩy mạnh ứng dụng phần mềm quản lý văn bản"

ARTICLES = [
    _article(
        section="Xây dựng Đảng",
        title=CCHC_TITLE,
        lead="Sau hơn một năm triển khai, phần mềm quản lý văn bản và điều hành đã giúp Văn "
        "phòng Đảng ủy Khối rút ngắn thời gian luân chuyển văn bản từ hai, ba ngày xuống còn vài "
        "giờ, đồng thời tiết kiệm đáng kể chi phí in ấn, gửi nhận.",
        date="2026-03-18 09:15",
        authors=["pham-thu-trang"],
        featured=True,
        tags=["Cải cách hành chính", "Chuyển đổi số", "Xây dựng Đảng"],
        cover="cchc-cover",
        body=[
            _p(
                "Thực hiện chương trình cải cách hành chính trong Đảng giai đoạn 2025–2030, Ban "
                "Thường vụ Đảng ủy Khối chỉ đạo Văn phòng Đảng ủy Khối triển khai phần mềm quản "
                "lý văn bản và điều hành đến tất cả các ban tham mưu và 52 tổ chức cơ sở đảng "
                "trực thuộc.",
                "Đến nay, 100% văn bản đến được số hóa và chuyển xử lý trên môi trường mạng; hơn "
                "92% văn bản đi được ký số và phát hành điện tử. Văn bản mật vẫn được quản lý, "
                "luân chuyển theo đúng quy định về bảo vệ bí mật nhà nước.",
            ),
            _h("Văn bản “chạy” trên mạng, lãnh đạo theo dõi mọi lúc"),
            _p(
                "Văn thư quét văn bản đến, nhập số, ký hiệu, trích yếu rồi chuyển lãnh đạo Văn "
                "phòng phân công. Chuyên viên dự thảo phương án xử lý ngay trên hệ thống; mọi bước "
                "đều lưu thời gian và người thực hiện, thuận tiện cho việc tra cứu, đôn đốc."
            ),
            _img(
                "cchc-man-hinh",
                "Ảnh chụp màn hình phần mềm quản lý văn bản và điều hành đang được sử dụng tại "
                "Văn phòng Đảng ủy Khối: danh sách văn bản đến chờ xử lý, có hạn xử lý và người "
                "phụ trách.",
            ),
            _q(
                "Phần mềm không chỉ thay tờ giấy bằng tệp điện tử, mà buộc chúng tôi chuẩn hóa lại "
                "cả quy trình: ai xử lý, xử lý trong bao lâu, vướng ở khâu nào đều hiện rõ.",
                "Đồng chí Nguyễn Thị Thu Hà, Chánh Văn phòng Đảng ủy Khối",
            ),
            _h("Những việc cần làm tiếp"),
            _p(
                "Trong thời gian tới, Đảng ủy Khối tập trung:",
                "<ul><li>liên thông văn bản với Văn phòng Tỉnh ủy và các đảng ủy trực thuộc;</li>"
                "<li>cấp chứng thư số cho 100% cấp ủy viên cơ sở;</li>"
                "<li>bồi dưỡng kỹ năng khai thác phần mềm cho văn thư, chuyên viên mới.</li></ul>",
            ),
        ],
    ),
    _article(
        section="Xây dựng Đảng",
        title="Đảng ủy Khối sơ kết công tác 6 tháng đầu năm 2026, tập trung triển khai các "
        "nhiệm vụ trọng tâm về xây dựng Đảng và phát triển đảng viên trong doanh nghiệp",
        lead="Chiều 10/7, Đảng ủy Khối tổ chức hội nghị sơ kết công tác 6 tháng đầu năm và "
        "triển khai nhiệm vụ 6 tháng cuối năm 2026 với sự tham dự của hơn 150 đại biểu.",
        date="2026-07-10 16:45",
        authors=["tran-minh-duc", "pham-thu-trang"],
        featured=True,
        tags=["Xây dựng Đảng", "Hội nghị", "Đảng viên mới"],
        cover="soket-cover",
        body=[
            _p(
                "Sáu tháng đầu năm, Đảng ủy Khối kết nạp 148 đảng viên mới, đạt 57% chỉ tiêu năm; "
                "100% chi bộ duy trì sinh hoạt định kỳ, nhiều chi bộ đổi mới nội dung sinh hoạt "
                "chuyên đề gắn với nhiệm vụ chính trị của đơn vị."
            ),
            _h("Khắc phục tình trạng “trắng” đảng viên ở doanh nghiệp ngoài nhà nước"),
            _p(
                "Đảng ủy Khối đã thành lập mới 2 chi bộ tại doanh nghiệp ngoài nhà nước, nâng tổng "
                "số tổ chức cơ sở đảng lên 52. Tuy vậy, việc tạo nguồn phát triển đảng viên trong "
                "công nhân trực tiếp sản xuất còn khó khăn do biến động lao động lớn."
            ),
            _img("soket-phat-bieu"),
            _q(
                "Mỗi cấp ủy phải nhìn thẳng vào những chỉ tiêu còn chậm, chỉ rõ nguyên nhân, "
                "trách nhiệm và có giải pháp cụ thể ngay trong quý III.",
                "Đồng chí Hoàng Văn Thịnh, Tỉnh ủy viên, Bí thư Đảng ủy Khối",
            ),
            _p(
                "<p>Hội nghị thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm:</p>"
                "<ul><li>hoàn thành chỉ tiêu kết nạp đảng viên mới;</li>"
                "<li>nâng cao chất lượng sinh hoạt chi bộ;</li>"
                "<li>chuẩn bị tốt việc kiểm điểm, đánh giá, xếp loại cuối năm.</li></ul>"
            ),
        ],
    ),
    _article(
        section="Xây dựng Đảng",
        title="Bồi dưỡng lý luận chính trị cho 126 đảng viên mới: nâng cao bản lĩnh, giữ "
        "vững phẩm chất người đảng viên trong giai đoạn mới",
        lead="Trong 5 ngày, các học viên được nghiên cứu những nội dung cơ bản về Đảng Cộng sản "
        "Việt Nam, nhiệm vụ của người đảng viên và kỹ năng tham gia sinh hoạt chi bộ.",
        date="2026-04-22 10:00",
        authors=["pham-thu-trang"],
        tags=["Đảng viên mới", "Học tập lý luận", "Xây dựng Đảng"],
        cover="boiduong-cover",
        body=[
            _p(
                "Lớp bồi dưỡng do Ban Tổ chức Đảng ủy Khối phối hợp với Trung tâm Chính trị tổ "
                "chức. Học viên là đảng viên dự bị được kết nạp trong năm 2025 và quý I/2026, "
                "phần lớn là kỹ sư, viên chức trẻ dưới 35 tuổi."
            ),
            _h("Học đi đôi với hành"),
            _p(
                "Bên cạnh các chuyên đề lý luận, lớp học dành thời lượng cho thảo luận nhóm và "
                "tình huống thực tế: cách chuẩn bị ý kiến phát biểu trong sinh hoạt chi bộ, cách "
                "tự phê bình và phê bình, cách thực hiện nhiệm vụ được chi bộ phân công."
            ),
            _img("boiduong-thao-luan"),
            _q(
                "Tôi hiểu rằng đứng trong hàng ngũ của Đảng trước hết là làm tốt công việc chuyên "
                "môn hằng ngày và dám nhận những việc khó.",
                "Đảng viên Lý Thị Hồng Nhung, Chi bộ Trung tâm Kiểm soát bệnh tật tỉnh",
            ),
            _p(
                "Kết thúc khóa học, 100% học viên đạt yêu cầu, trong đó 41 học viên đạt loại giỏi. "
                "Ban Tổ chức đề nghị các chi bộ tiếp tục phân công đảng viên chính thức giúp đỡ "
                "đảng viên dự bị trong thời gian thử thách."
            ),
        ],
    ),
    _article(
        section="Kiểm tra - Giám sát",
        title="Ủy ban Kiểm tra Đảng ủy Khối giám sát chuyên đề việc thực hiện quy chế dân chủ "
        "ở cơ sở tại 8 tổ chức cơ sở đảng",
        lead="Qua giám sát, các tổ chức đảng cơ bản thực hiện nghiêm quy chế dân chủ; một số "
        "đơn vị còn chậm công khai tài chính và chưa tổ chức đối thoại định kỳ với người lao động.",
        date="2026-05-14 15:20",
        authors=["le-hoang-nam"],
        tags=["Kiểm tra, giám sát", "Quy chế dân chủ", "Xây dựng Đảng"],
        cover="giamsat-cover",
        body=[
            _p(
                "Thực hiện chương trình kiểm tra, giám sát năm 2026, từ ngày 4 đến 12/5, Ủy ban "
                "Kiểm tra Đảng ủy Khối giám sát chuyên đề tại 8 tổ chức cơ sở đảng, gồm 5 cơ quan "
                "hành chính và 3 doanh nghiệp nhà nước."
            ),
            _h("Nội dung giám sát"),
            _p(
                "<ul><li>Việc ban hành, thực hiện quy chế dân chủ trong hoạt động của cơ quan;</li>"
                "<li>Công khai tài chính, tuyển dụng, nâng lương, khen thưởng;</li>"
                "<li>Tổ chức hội nghị cán bộ, công chức, viên chức và đối thoại với người lao "
                "động.</li></ul>"
            ),
            _img("giamsat-ho-so"),
            _p(
                "Đoàn đánh giá cao các ủy ban kiểm tra đảng ủy cơ sở đã chủ động phát hiện sớm "
                "những vấn đề người lao động quan tâm. Tuy nhiên, 2 đơn vị còn chậm công khai "
                "quyết toán kinh phí, 1 doanh nghiệp chưa đối thoại định kỳ với người lao động."
            ),
            _q(
                "Giám sát không nhằm tìm lỗi, mà để giúp tổ chức đảng nhận diện sớm hạn chế, "
                "khắc phục kịp thời, không để vi phạm nhỏ tích tụ thành sai phạm lớn.",
                "Đồng chí Lương Thị Mai, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối",
            ),
        ],
    ),
    _article(
        section="Hoạt động cơ sở",
        title="Đảng bộ Công ty Cổ phần Cấp thoát nước tỉnh: gắn công tác xây dựng Đảng với "
        "nhiệm vụ sản xuất, bảo đảm nước sạch cho hơn 60 nghìn hộ dân",
        lead="Trong dịp Tết Nguyên đán Bính Ngọ 2026, các tổ đảng viên xung kích của công ty "
        "đã trực 24/24 giờ, xử lý hơn 40 sự cố, bảo đảm cấp nước liên tục cho người dân.",
        date="2026-02-26 08:00",
        authors=["pham-thu-trang"],
        tags=["Hoạt động cơ sở", "Doanh nghiệp", "Xây dựng Đảng"],
        cover="capnuoc-cover",
        body=[
            _p(
                "Đảng bộ Công ty hiện có 7 chi bộ trực thuộc với 118 đảng viên. Nghị quyết của "
                "Đảng ủy hằng năm đều xác định chỉ tiêu cụ thể về sản lượng nước, tỷ lệ thất thoát "
                "và thời gian khắc phục sự cố, giao từng chi bộ theo dõi."
            ),
            _h("Đảng viên đi trước ở những việc khó"),
            _p(
                "Mỗi chi bộ thành lập một tổ xung kích do đảng viên làm tổ trưởng. Khi xảy ra sự "
                "cố vỡ ống, tổ có mặt tại hiện trường trong vòng 30 phút; thông tin được cập nhật "
                "lên nhóm Zalo của khu dân cư để người dân chủ động trữ nước."
            ),
            _img("capnuoc-dang-vien"),
            _q(
                "Người dân không hỏi ai là đảng viên, họ chỉ thấy nước có hay không. Vì vậy, đảng "
                "viên phải là người đến sớm nhất và về muộn nhất.",
                "Đồng chí Phan Đức Trọng, Bí thư Đảng ủy, Tổng Giám đốc Công ty",
            ),
            _p(
                "Năm 2025, tỷ lệ thất thoát nước của công ty giảm từ 19% xuống 16,5%; Đảng bộ được "
                "Đảng ủy Khối đánh giá hoàn thành xuất sắc nhiệm vụ năm thứ ba liên tiếp."
            ),
        ],
    ),
    _article(
        section="Hoạt động cơ sở",
        title="Chi bộ Văn phòng Ủy ban nhân dân tỉnh sinh hoạt chuyên đề về xây dựng văn hóa "
        "công sở, giữ gìn đoàn kết, hòa thuận trong cơ quan",
        lead="Buổi sinh hoạt chuyên đề tập trung vào những biểu hiện cụ thể của văn hóa công "
        "sở: từ cách tiếp dân, trả lời điện thoại đến cách góp ý với đồng nghiệp.",
        date="2026-03-05 14:30",
        authors=["tran-minh-duc"],
        tags=["Hoạt động cơ sở", "Văn hóa công sở", "Cải cách hành chính"],
        cover="vanhoa-cover",
        body=[
            _p(
                "Chuyên đề do đồng chí Bí thư Chi bộ chuẩn bị, gửi trước cho đảng viên qua Sổ tay "
                "đảng viên điện tử để nghiên cứu. Tại buổi sinh hoạt, 14 ý kiến phát biểu thẳng "
                "thắn, nêu cả những việc làm tốt và những điểm còn chưa hài lòng."
            ),
            _h("Từ những việc nhỏ mỗi ngày"),
            _p(
                "Nhiều ý kiến cho rằng văn hóa công sở thể hiện trước hết ở thái độ với người dân "
                "và doanh nghiệp: đúng giờ, nói đủ nghe, hướng dẫn một lần là đủ, không để người "
                "dân phải đi lại nhiều lần."
            ),
            _img("vanhoa-mot-cua"),
            _q(
                "Đoàn kết không có nghĩa là né tránh va chạm. Góp ý thẳng thắn, đúng lúc, đúng chỗ "
                "mới giữ được không khí hòa thuận lâu dài.",
                "Đồng chí Đỗ Thị Kim Oanh, Bí thư Chi bộ Văn phòng Ủy ban nhân dân tỉnh",
            ),
            _p(
                "Chi bộ thống nhất đưa 5 tiêu chí văn hóa công sở vào đánh giá, xếp loại đảng viên "
                "cuối năm và giao công đoàn cơ sở theo dõi việc thực hiện."
            ),
        ],
    ),
    _article(
        section="Chuyển đổi số",
        title="Chuyển đổi số trong công tác đảng: 100% tổ chức cơ sở đảng trực thuộc sử dụng "
        "Sổ tay đảng viên điện tử, nhiều chi bộ tổ chức sinh hoạt “không giấy”",
        lead="Ứng dụng Sổ tay đảng viên điện tử giúp đảng viên tiếp cận tài liệu sinh hoạt, văn "
        "bản chỉ đạo nhanh chóng, đồng thời giảm đáng kể khối lượng tài liệu in.",
        date="2026-06-02 09:00",
        authors=["nguyen-thi-thu-ha", "pham-thu-trang"],
        featured=True,
        tags=["Chuyển đổi số", "Sinh hoạt chi bộ", "Xây dựng Đảng"],
        cover="sotay-cover",
        body=[
            _p(
                "Tính đến cuối tháng 5/2026, 6.412 trên tổng số 6.830 đảng viên trong Đảng bộ Khối "
                "đã kích hoạt tài khoản Sổ tay đảng viên điện tử, đạt 93,9%. Những đảng viên chưa "
                "kích hoạt chủ yếu đang công tác, học tập dài hạn ở nước ngoài."
            ),
            _h("Sinh hoạt chi bộ “không giấy”"),
            _p(
                "Tại Đảng bộ Sở Khoa học và Công nghệ, toàn bộ dự thảo nghị quyết, báo cáo được "
                "đưa lên ứng dụng trước ngày sinh hoạt ít nhất 2 ngày. Đảng viên đọc, ghi chú trên "
                "điện thoại hoặc máy tính bảng, chi bộ chỉ in một bản lưu hồ sơ."
            ),
            _img("sotay-khong-giay"),
            _q(
                "Thời gian sinh hoạt không còn dành nhiều cho việc đọc báo cáo, mà tập trung vào "
                "thảo luận những vấn đề chi bộ cần quyết.",
                "Đồng chí Ngô Thanh Tùng, Bí thư Đảng ủy Sở Khoa học và Công nghệ",
            ),
            _p(
                "Đảng ủy Khối sẽ tiếp tục hướng dẫn các chi bộ khai thác chức năng thông báo, thăm "
                "dò ý kiến và thống kê tham dự sinh hoạt trên ứng dụng."
            ),
        ],
    ),
    _article(
        section="Chuyển đổi số",
        title="Tập huấn kỹ năng số cho cán bộ, đảng viên: từ chữ ký số đến khai thác dữ liệu "
        "trên các hệ thống thông tin dùng chung",
        lead="Hơn 200 cán bộ, đảng viên trẻ được tập huấn về an toàn thông tin, ký số văn bản "
        "và khai thác các hệ thống thông tin dùng chung của tỉnh.",
        date="2026-08-19 10:30",
        authors=["vu-quoc-bao"],
        tags=["Chuyển đổi số", "Tập huấn", "Cải cách hành chính"],
        cover="kynangso-cover",
        body=[
            _p(
                "Lớp tập huấn do Đoàn Thanh niên Khối phối hợp với Sở Khoa học và Công nghệ tổ "
                "chức, chia thành 4 đợt để học viên có đủ thời gian thực hành trên máy."
            ),
            _h("Nhận diện lừa đảo trực tuyến"),
            _p(
                "Chuyên đề an toàn thông tin giới thiệu các thủ đoạn giả mạo cơ quan nhà nước qua "
                "tin nhắn, đường dẫn lạ và cách bảo vệ tài khoản công vụ bằng xác thực hai lớp."
            ),
            _img("kynangso-ky-so"),
            _p(
                "Ở phần thực hành, học viên ký số văn bản, tra cứu hồ sơ trên Cổng dịch vụ công và "
                "lập báo cáo thống kê từ hệ thống thông tin báo cáo của tỉnh."
            ),
            _q(
                "Chúng tôi muốn mỗi đoàn viên sau lớp học sẽ trở thành người hướng dẫn lại cho "
                "đồng nghiệp ở cơ quan mình.",
                "Đồng chí Vũ Quốc Bảo, Phó Bí thư Đoàn Thanh niên Khối",
            ),
        ],
    ),
    _article(
        section="Thi đua - Khen thưởng",
        title="Phát động đợt thi đua cao điểm chào mừng kỷ niệm 96 năm Ngày thành lập Đảng "
        "Cộng sản Việt Nam (3/2/1930 – 3/2/2026)",
        lead="Đợt thi đua kéo dài đến hết tháng 3/2026, hướng vào hoàn thành các chỉ tiêu quý I "
        "và đẩy mạnh cải cách hành chính tại các cơ quan, doanh nghiệp.",
        date="2026-01-20 09:30",
        authors=["tran-minh-duc"],
        tags=["Thi đua yêu nước", "Kỷ niệm", "Xây dựng Đảng"],
        cover="thidua-cover",
        body=[
            _p(
                "Tại lễ phát động, đại diện 6 cụm thi đua đã ký giao ước với những chỉ tiêu cụ "
                "thể: giải quyết đúng hạn 100% hồ sơ thủ tục hành chính, không để phát sinh đơn "
                "thư vượt cấp, mỗi chi bộ có ít nhất một công trình, phần việc chào mừng."
            ),
            _h("Thi đua bằng công việc cụ thể"),
            _img("thidua-giao-uoc"),
            _p(
                "<p>Các phần việc tiêu biểu được đăng ký:</p>"
                "<ul><li>số hóa hồ sơ lưu trữ của các chi bộ giai đoạn 2015–2025;</li>"
                "<li>trồng 2.000 cây xanh tại khu công nghiệp;</li>"
                "<li>tổ chức 30 buổi sinh hoạt chuyên đề về lịch sử Đảng bộ tỉnh.</li></ul>"
            ),
            _q(
                "Phong trào thi đua phải thiết thực, tránh hình thức; kết quả phải được đo bằng "
                "sản phẩm, bằng sự hài lòng của người dân và doanh nghiệp.",
                "Đồng chí Đặng Văn Thành, Phó Bí thư Thường trực Đảng ủy Khối",
            ),
        ],
    ),
    _article(
        section="Gương người tốt việc tốt",
        title="Kỹ sư trẻ Đoàn Minh Khôi và những sáng kiến giúp doanh nghiệp tiết kiệm hàng "
        "trăm triệu đồng mỗi năm",
        lead="Mới 29 tuổi, đảng viên Đoàn Minh Khôi đã có 6 sáng kiến được công nhận, trong đó "
        "bộ điều khiển biến tần tự thiết kế giúp giảm 18% điện năng tiêu thụ của dây chuyền.",
        date="2026-09-08 07:45",
        authors=["vu-quoc-bao"],
        featured=True,
        tags=["Gương người tốt việc tốt", "Thi đua yêu nước", "Đoàn thanh niên"],
        source="Theo Đảng bộ Công ty Cổ phần Bao bì Hưng Phát",
        cover="kysu-cover",
        body=[
            _p(
                "Tốt nghiệp ngành Kỹ thuật điều khiển và tự động hóa, Khôi về Công ty Cổ phần Bao "
                "bì Hưng Phát từ năm 2020. Anh được kết nạp Đảng năm 2023 và hiện là Phó Bí thư "
                "Chi đoàn công ty."
            ),
            _h("Bắt đầu từ những tiếng máy kêu bất thường"),
            _p(
                "Thấy động cơ dây chuyền cán màng luôn chạy hết công suất kể cả lúc tải nhẹ, Khôi "
                "đề xuất lắp biến tần và tự viết chương trình điều khiển theo tải. Sau ba tháng "
                "thử nghiệm, sáng kiến tiết kiệm khoảng 320 triệu đồng tiền điện mỗi năm."
            ),
            _img("kysu-tu-dieu-khien"),
            _q(
                "Sáng kiến không nhất thiết phải lớn. Chỉ cần bớt được một thao tác thừa cho "
                "công nhân đã là đáng làm.",
                "Kỹ sư Đoàn Minh Khôi",
            ),
            _p(
                "Năm 2026, anh Khôi được Đảng ủy Khối tặng Giấy khen đảng viên trẻ tiêu biểu và "
                "được đề nghị Ủy ban nhân dân tỉnh tặng Bằng khen."
            ),
        ],
    ),
    _article(
        section="Gương người tốt việc tốt",
        title="Nữ đảng viên hai mươi năm lặng lẽ tiếp sức học sinh vùng khó, vận động hơn 500 "
        "suất học bổng",
        lead="Từ những chuyến công tác về các xã vùng cao, chị Hà Thị Lan đã kết nối nhà hảo "
        "tâm, giúp hàng trăm học sinh nghèo tiếp tục đến trường.",
        date="2026-10-14 08:15",
        authors=["pham-thu-trang"],
        tags=["Gương người tốt việc tốt", "An sinh xã hội", "Học tập và làm theo Bác"],
        cover="hocbong-cover",
        body=[
            _p(
                "Chị Lan là chuyên viên Sở Giáo dục và Đào tạo, đảng viên Chi bộ Phòng Giáo dục "
                "phổ thông. Năm 2006, trong một chuyến kiểm tra, chị gặp một học sinh lớp 5 định "
                "nghỉ học để theo bố mẹ lên nương."
            ),
            _h("Từ một suất học bổng đầu tiên"),
            _p(
                "Suất học bổng đầu tiên chị trích từ lương của mình. Về sau, chị lập danh sách "
                "học sinh khó khăn, công khai từng khoản đóng góp, nhờ vậy được nhiều doanh nghiệp "
                "và cá nhân tin tưởng đồng hành."
            ),
            _img("hocbong-diem-truong"),
            _q(
                "Mỗi em học sinh được tiếp tục đến lớp là một gia đình có thêm hy vọng.",
                "Chị Hà Thị Lan",
            ),
            _p(
                "Đến nay, chị đã vận động được 537 suất học bổng, 1.200 bộ sách vở và 3 công trình "
                "nhà vệ sinh cho các điểm trường, trị giá hơn 1,6 tỷ đồng."
            ),
        ],
    ),
    _article(
        section="Đoàn thể",
        title="Công đoàn Khối trao 35 “Mái ấm công đoàn” cho đoàn viên có hoàn cảnh khó khăn "
        "về nhà ở",
        lead="Mỗi căn nhà được hỗ trợ từ 50 đến 80 triệu đồng từ nguồn quỹ xã hội của Công đoàn "
        "Khối và sự đóng góp của các công đoàn cơ sở.",
        date="2026-10-28 15:00",
        authors=["tran-minh-duc"],
        tags=["An sinh xã hội", "Công đoàn", "Đoàn thể"],
        cover="maiam-cover",
        body=[
            _p(
                "Năm 2026, Công đoàn Khối rà soát, lựa chọn 35 đoàn viên là công nhân, viên chức "
                "có thu nhập thấp, đang ở nhà tạm hoặc nhà xuống cấp nghiêm trọng để hỗ trợ xây "
                "mới, sửa chữa."
            ),
            _h("Ngôi nhà mới, niềm vui mới"),
            _img("maiam-nha-moi"),
            _p(
                "Gia đình anh Lò Văn Sơn, công nhân Công ty Lâm nghiệp, có con trai bị khuyết tật "
                "vận động. Căn nhà mới có lối đi riêng cho xe lăn và góc học tập, giúp cháu tự tin "
                "hoà nhập hơn với bạn bè."
            ),
            _q(
                "Có nhà vững chãi, vợ chồng tôi yên tâm đi làm, không còn lo mỗi mùa mưa bão.",
                "Anh Lò Văn Sơn, đoàn viên Công đoàn Công ty Lâm nghiệp",
            ),
            _p(
                "Từ năm 2021 đến nay, Công đoàn Khối đã hỗ trợ xây mới, sửa chữa 142 “Mái ấm công "
                "đoàn” với tổng kinh phí hơn 8,4 tỷ đồng."
            ),
        ],
    ),
    _article(
        section="Đoàn thể",
        title="Đoàn Thanh niên Khối ra quân Chiến dịch tình nguyện hè 2026 với chủ đề “Tuổi "
        "trẻ chung tay chuyển đổi số”",
        lead="Hơn 600 đoàn viên tham gia lễ ra quân; trong hai tháng hè, các đội hình sẽ hỗ trợ "
        "người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
        date="2026-06-20 07:30",
        authors=["vu-quoc-bao"],
        tags=["Đoàn thanh niên", "Chuyển đổi số", "Tình nguyện"],
        cover="tinhnguyen-cover",
        body=[
            _p(
                "Chiến dịch gồm 24 đội hình “Tổ công nghệ cộng đồng”, mỗi đội phụ trách một xã, "
                "phường. Đoàn viên được tập huấn trước về các thủ tục hành chính thường gặp."
            ),
            _h("Đến từng nhà, hướng dẫn từng thao tác"),
            _img("tinhnguyen-dich-vu-cong"),
            _p(
                "Tại phường Trung Tâm, chỉ trong buổi sáng đầu tiên, đội hình đã giúp 87 người "
                "cao tuổi cài đặt ứng dụng, nộp hồ sơ cấp đổi giấy phép lái xe và đăng ký tạm trú "
                "trực tuyến."
            ),
            _q(
                "Lúc đầu tôi sợ bấm nhầm, các cháu chỉ cho đến khi tôi tự làm được mới thôi.",
                "Bà Nguyễn Thị Sen, 72 tuổi, phường Trung Tâm",
            ),
            _p(
                "Kết thúc chiến dịch, Đoàn Thanh niên Khối sẽ tổng hợp những khó khăn người dân "
                "thường gặp để kiến nghị các cơ quan liên quan đơn giản hóa thủ tục."
            ),
        ],
    ),
    _article(
        section="Tin tức - Sự kiện",
        title="Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh: cán bộ, đảng viên Khối thi đua "
        "học tập và làm theo tư tưởng, đạo đức, phong cách của Bác",
        lead="Sáng 19/5, đoàn đại biểu Đảng ủy Khối dâng hoa tưởng niệm Chủ tịch Hồ Chí Minh và "
        "khai mạc không gian trưng bày ảnh tư liệu về Người.",
        date="2026-05-19 11:00",
        authors=["tran-minh-duc"],
        tags=["Học tập và làm theo Bác", "Kỷ niệm", "Thi đua yêu nước"],
        cover="bacho-cover",
        body=[
            _p(
                "Trong không khí trang nghiêm, đoàn đại biểu đã dâng hoa, bày tỏ lòng biết ơn vô "
                "hạn đối với Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2026) và nguyện tiếp tục "
                "học tập, làm theo tấm gương đạo đức của Người."
            ),
            _h("Không gian trưng bày ảnh tư liệu"),
            _img("bacho-trung-bay"),
            _p(
                "Không gian trưng bày gồm 120 bức ảnh về cuộc đời, sự nghiệp cách mạng của Chủ "
                "tịch Hồ Chí Minh và những lần Người về thăm, làm việc với các địa phương."
            ),
            _q(
                "Học Bác không phải ở những điều lớn lao, mà ở sự cần, kiệm, liêm, chính trong "
                "từng công việc hằng ngày.",
                "Đồng chí Hoàng Văn Thịnh, Bí thư Đảng ủy Khối",
            ),
            _p(
                "Dịp này, Đảng ủy Khối biểu dương 25 tập thể, 48 cá nhân tiêu biểu trong học tập "
                "và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025."
            ),
        ],
    ),
]

# Videos, galleries, linked websites

VIDEOS = [
    {
        "title": "Đảng ủy Khối sơ kết công tác 6 tháng đầu năm 2026",
        "lead": "Những kết quả nổi bật và nhiệm vụ trọng tâm 6 tháng cuối năm của Đảng bộ Khối.",
        "date": "2026-07-11 10:00",
        "cover": "video-soket",
        "embed_url": "https://www.youtube.com/watch?v=Hq7vK2xLm0A",
        "duration": "00:03:25",
    },
    {
        "title": "Tuổi trẻ Khối chung tay chuyển đổi số trong Chiến dịch tình nguyện hè 2026",
        "lead": "Đoàn viên đến từng khu dân cư hướng dẫn người dân dùng dịch vụ công trực tuyến.",
        "date": "2026-07-02 19:30",
        "cover": "video-tinhnguyen",
        "embed_url": "https://www.youtube.com/watch?v=Tn3pR8sWq5E",
        "duration": "00:04:12",
    },
    {
        "title": "Chân dung người đảng viên trẻ với những sáng kiến trong sản xuất",
        "lead": "Câu chuyện của kỹ sư Đoàn Minh Khôi, Công ty Cổ phần Bao bì Hưng Phát.",
        "date": "2026-09-10 20:00",
        "cover": "video-kysu",
        "embed_url": "https://www.youtube.com/watch?v=Zb6yF1cJd9U",
        "duration": "00:05:48",
    },
]


def _photos(prefix: str, count: int) -> list[tuple[str, str]]:
    keys = [f"{prefix}-{n:02d}" for n in range(1, count + 1)]
    return [(key, IMAGE_BY_KEY[key]["caption"]) for key in keys]


GALLERIES = [
    {
        "title": "Hội thao cán bộ, công nhân viên chức, lao động Khối các cơ quan và doanh "
        "nghiệp tỉnh năm 2026",
        "lead": "Hơn 900 vận động viên của 40 đơn vị tranh tài ở 6 môn thi đấu.",
        "date": "2026-04-12 18:00",
        "cover": "hoithao-01",
        "photos": _photos("hoithao", 6),
    },
    {
        "title": "Hành trình “Về nguồn” của cán bộ, đảng viên trẻ tại khu di tích lịch sử cách "
        "mạng của tỉnh",
        "lead": "Hoạt động chào mừng 81 năm Ngày Cách mạng tháng Tám thành công và Quốc khánh 2/9.",
        "date": "2026-08-24 17:30",
        "cover": "venguon-01",
        "photos": _photos("venguon", 7),
    },
    {
        "title": "Ngày hội hiến máu tình nguyện “Giọt hồng Khối cơ quan” năm 2026",
        "lead": "Ngày hội tiếp nhận 412 đơn vị máu từ cán bộ, đảng viên, đoàn viên trong Khối.",
        "date": "2026-10-05 16:00",
        "cover": "hienmau-01",
        "photos": _photos("hienmau", 6),
    },
]

LINKED_WEBSITES = [
    {"name": "Báo điện tử Đảng Cộng sản Việt Nam", "url": "https://dangcongsan.vn"},
    {"name": "Cổng thông tin điện tử Chính phủ", "url": "https://chinhphu.vn"},
    {"name": "Tạp chí Cộng sản", "url": "https://www.tapchicongsan.org.vn"},
    {"name": "Ban Tuyên giáo và Dân vận Trung ương", "url": "https://tuyengiao.vn"},
    {"name": "Cổng thông tin điện tử tỉnh Lam Hà", "url": "https://lamha.gov.vn"},
    {"name": "Đảng ủy các cơ quan Đảng tỉnh Lam Hà", "url": "https://dangbocqd.lamha.gov.vn"},
]

# Standard pages

STANDARD_PAGES = [
    {
        "title": "Giới thiệu",
        "lead": "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh là tổ chức đảng cấp trên trực tiếp "
        "cơ sở, trực thuộc Tỉnh ủy, lãnh đạo các tổ chức cơ sở đảng trong các cơ quan, đơn vị sự "
        "nghiệp và doanh nghiệp của tỉnh.",
        "body": [
            _h("Quá trình hình thành và phát triển"),
            _p(
                "Đảng ủy Khối được thành lập theo quyết định của Ban Thường vụ Tỉnh ủy trên cơ sở "
                "hợp nhất Đảng ủy Khối các cơ quan tỉnh và Đảng ủy Khối doanh nghiệp tỉnh. Hiện "
                "Đảng bộ Khối có 52 tổ chức cơ sở đảng trực thuộc với hơn 6.800 đảng viên."
            ),
            _h("Chức năng"),
            _p(
                "Đảng ủy Khối có chức năng lãnh đạo các tổ chức cơ sở đảng trực thuộc thực hiện "
                "nhiệm vụ chính trị, công tác xây dựng Đảng, xây dựng cơ quan, doanh nghiệp và "
                "các đoàn thể chính trị - xã hội vững mạnh."
            ),
            _h("Nhiệm vụ"),
            _p(
                "<ul><li>Lãnh đạo thực hiện nghị quyết, chỉ thị của Đảng và nhiệm vụ chính trị "
                "của các cơ quan, doanh nghiệp;</li>"
                "<li>Lãnh đạo công tác chính trị, tư tưởng, tổ chức, cán bộ và phát triển đảng "
                "viên;</li>"
                "<li>Thực hiện công tác kiểm tra, giám sát và thi hành kỷ luật đảng;</li>"
                "<li>Lãnh đạo Công đoàn, Đoàn Thanh niên và Hội Cựu chiến binh Khối.</li></ul>"
            ),
            _h("Lãnh đạo Đảng ủy Khối"),
            _p(
                "<ul><li><b>Đồng chí Hoàng Văn Thịnh</b> – Tỉnh ủy viên, Bí thư Đảng ủy Khối</li>"
                "<li><b>Đồng chí Đặng Văn Thành</b> – Phó Bí thư Thường trực Đảng ủy Khối</li>"
                "<li><b>Đồng chí Lương Thị Mai</b> – Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm "
                "tra Đảng ủy Khối</li>"
                "<li><b>Đồng chí Nguyễn Thị Thu Hà</b> – Ủy viên Ban Thường vụ, Chánh Văn phòng "
                "Đảng ủy Khối</li></ul>"
            ),
            _h("Cơ quan tham mưu, giúp việc"),
            _p(
                "Văn phòng Đảng ủy Khối; Ban Tổ chức; Ban Tuyên giáo và Dân vận; Ủy ban Kiểm tra "
                "Đảng ủy Khối. Các đoàn thể: Công đoàn Khối, Đoàn Thanh niên Khối, Hội Cựu chiến "
                "binh Khối."
            ),
        ],
    },
    {
        "title": "Liên hệ",
        "lead": "Bạn đọc, cộng tác viên có thể liên hệ Văn phòng Đảng ủy Khối hoặc gửi tin, bài, "
        "ảnh về hộp thư của Ban Biên tập.",
        "body": [
            _h("Văn phòng Đảng ủy Khối"),
            _p(
                "<p><b>Địa chỉ:</b> Tầng 3, Trụ sở Khối các cơ quan tỉnh, số 18 đường Lê Lợi, "
                "phường Trung Tâm, tỉnh Lam Hà</p>"
                "<p><b>Điện thoại:</b> 0226 3 856 218</p>"
                "<p><b>Thư điện tử:</b> vanphongdukhoi@lamha.gov.vn</p>"
            ),
            _h("Gửi tin, bài cộng tác"),
            _p(
                "Tin, bài gửi Ban Biên tập cần ghi rõ họ tên, đơn vị, số điện thoại của tác giả; "
                "ảnh cần có chú thích và tên người chụp. Tin, bài được đăng sẽ được trả nhuận bút "
                "theo quy định."
            ),
            _h("Thời gian làm việc"),
            _p(
                "Sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, từ Thứ Hai đến "
                "Thứ Sáu (trừ ngày nghỉ lễ, Tết)."
            ),
        ],
    },
]


# Self-check


def check() -> None:
    """Assert counts and referential integrity of the demo data."""
    import re
    import unicodedata

    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, (list, tuple, dict)):
            for item in value.values() if isinstance(value, dict) else value:
                yield from walk(item)

    data = (SITE_SETTINGS, HOME, AUTHORS, IMAGES, SECTIONS, ARTICLES, VIDEOS, GALLERIES)
    for text in walk((data, LINKED_WEBSITES, STANDARD_PAGES)):
        assert text == unicodedata.normalize("NFC", text) == text.strip(), text[:60]
    fields = "organisation_name owning_body person_responsible address phone email licence"
    assert set(SITE_SETTINGS) == set(fields.split()) and HOME["title"] == "Trang chủ"
    key_re = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    author_keys = {a["key"] for a in AUTHORS if key_re.match(a["key"]) and a["position"]}
    assert len(AUTHORS) == len(author_keys) == 5

    assert len(IMAGES) == len(IMAGE_BY_KEY) >= 30, "too few images or duplicate key"
    assert len({image["title"] for image in IMAGES}) == len(IMAGES), "duplicate image title"
    for image in IMAGES:
        assert key_re.match(image["key"]) and all(image.values()), image["key"]
        assert re.match(r"^#[0-9a-f]{6}$", image["color"]), image["color"]
        r, g, b = (int(image["color"][i : i + 2], 16) for i in (1, 3, 5))
        assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 110, f"too light: {image['key']}"

    section_titles: list[str] = []

    def collect(nodes):
        for node in nodes:
            assert set(node) == {"title", "intro", "children"} and node["intro"]
            section_titles.append(node["title"])
            collect(node["children"])

    collect(SECTIONS)
    assert len(section_titles) == len(set(section_titles)), "duplicate section title"
    date_re = re.compile(r"^2026-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d$")

    def check_date(date: str) -> None:
        assert date_re.match(date) and date < "2026-11-20", date

    def check_body(body, need_image: bool) -> None:
        kinds = [kind for kind, _ in body]
        assert 5 <= len(body) <= 10 and set(kinds) <= {"paragraph", "heading", "image", "quote"}
        assert "image" in kinds or not need_image
        for kind, value in body:
            if kind == "paragraph":
                assert set(re.findall(r"</?(\w+)", value)) <= {"p", "b", "i", "ul", "li"}, value
            elif kind == "image":
                assert value["image"] in IMAGE_BY_KEY and len(value["caption"]) <= 500
            elif kind == "quote":
                assert value["text"] and value["attribution"]

    article_keys = "section title lead date authors featured tags source cover body"
    assert len(ARTICLES) == len({a["title"] for a in ARTICLES}) >= 14
    for article in ARTICLES:
        assert set(article) == set(article_keys.split()), article["title"]
        assert article["section"] in section_titles, article["section"]
        assert 1 <= len(article["authors"]) <= 2 and set(article["authors"]) <= author_keys
        assert 2 <= len(article["tags"]) <= 4 and article["cover"] in IMAGE_BY_KEY
        assert isinstance(article["featured"], bool) and len(article["title"]) <= 255
        check_date(article["date"])
        check_body(article["body"], need_image=True)
    assert len({a["section"] for a in ARTICLES}) >= 4 and sum(a["featured"] for a in ARTICLES) >= 3
    cchc = next(a for a in ARTICLES if a["title"] == CCHC_TITLE)
    assert cchc["section"] == "Xây dựng Đảng"
    assert any("phần mềm quản lý văn bản" in v["caption"] for k, v in cchc["body"] if k == "image")
    texts = [" ".join(walk((a["title"], a["lead"], a["body"]))).lower() for a in ARTICLES]
    assert any(re.search(r"\b(hòa|hoà)\b", text) for text in texts)
    assert any("ủy ban" in text for text in texts)

    assert len(VIDEOS) == 3 and len(GALLERIES) == 3
    for video in VIDEOS:
        assert video["cover"] in IMAGE_BY_KEY and video["title"] and video["lead"]
        assert re.match(r"^https://www\.youtube\.com/watch\?v=[\w-]{11}$", video["embed_url"])
        assert re.match(r"^\d\d:[0-5]\d:[0-5]\d$", video["duration"])
        check_date(video["date"])
    for gallery in GALLERIES:
        assert gallery["cover"] in IMAGE_BY_KEY and 6 <= len(gallery["photos"]) <= 8
        assert all(key in IMAGE_BY_KEY and caption for key, caption in gallery["photos"])
        check_date(gallery["date"])
    assert len(LINKED_WEBSITES) == 6
    assert all(
        re.match(r"^https://[a-z0-9.-]+\.[a-z]{2,}(/.*)?$", w["url"]) for w in LINKED_WEBSITES
    )
    assert [p["title"] for p in STANDARD_PAGES] == ["Giới thiệu", "Liên hệ"]
    for page in STANDARD_PAGES:
        check_body(page["body"], need_image=False)

    # Every image is used somewhere (covers, bodies or galleries).
    used = {x["cover"] for x in (*ARTICLES, *VIDEOS, *GALLERIES)}
    used |= {key for g in GALLERIES for key, _ in g["photos"]}
    used |= {v["image"] for a in ARTICLES for kind, v in a["body"] if kind == "image"}
    assert used == set(IMAGE_BY_KEY), sorted(set(IMAGE_BY_KEY) - used)


if __name__ == "__main__":
    check()
    print(
        f"OK: {len(AUTHORS)} authors, {len(IMAGES)} images, {len(ARTICLES)} articles, "
        f"{len(VIDEOS)} videos, {len(GALLERIES)} galleries, {len(LINKED_WEBSITES)} websites"
    )
