"""Demo of "Giới thiệu": history and functions pages, the organisation chart page, and the
units and leaders of a Party committee of provincial agencies and enterprises, published in
Vietnamese and translated into English (Decree 42/2022: the organisation and officials'
contacts in English). Idempotent: what exists is left as it is."""

from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from home.demo.content import _h, _p
from home.demo.images import draw_picture
from home.models import HomePage, Leader, OrganisationPage, OrganisationUnit, StandardPage
from media_library.models import CustomImage

if TYPE_CHECKING:
    from home.demo.loader import DemoLoader

ABOUT_TITLE = "Giới thiệu"

HISTORY_PAGE = {
    "title": "Lịch sử hình thành và phát triển",
    "lead": "Từ hai Đảng bộ Khối hợp nhất, Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh đã "
    "trải qua nhiều nhiệm kỳ xây dựng và trưởng thành.",
    "body": [
        _h("Thành lập"),
        _p(
            "Ngày 15/6/2016, Ban Thường vụ Tỉnh ủy ban hành quyết định hợp nhất Đảng bộ Khối các "
            "cơ quan tỉnh và Đảng bộ Khối doanh nghiệp tỉnh thành Đảng bộ Khối các cơ quan và "
            "doanh nghiệp tỉnh, trực thuộc Tỉnh ủy."
        ),
        _h("Các kỳ đại hội"),
        _p(
            "<ul><li>Đại hội lần thứ I (nhiệm kỳ 2016–2020): 48 tổ chức cơ sở đảng, 5.900 đảng "
            "viên;</li><li>Đại hội lần thứ II (nhiệm kỳ 2020–2025): 51 tổ chức cơ sở đảng, "
            "6.500 đảng viên;</li><li>Đại hội lần thứ III (nhiệm kỳ 2025–2030): 52 tổ chức cơ "
            "sở đảng, hơn 6.800 đảng viên.</li></ul>"
        ),
        _h("Phần thưởng"),
        _p("Huân chương Lao động hạng Ba (2021); Cờ thi đua của Ban Chấp hành Đảng bộ tỉnh."),
    ],
}
FUNCTIONS_PAGE = {
    "title": "Chức năng, nhiệm vụ",
    "lead": "Đảng ủy Khối là cơ quan lãnh đạo của Đảng bộ Khối giữa hai kỳ đại hội, chịu sự "
    "lãnh đạo trực tiếp, thường xuyên của Tỉnh ủy.",
    "body": [
        _h("Chức năng"),
        _p(
            "Lãnh đạo các tổ chức cơ sở đảng trực thuộc thực hiện nhiệm vụ chính trị, công tác "
            "xây dựng Đảng, xây dựng cơ quan, doanh nghiệp và các đoàn thể chính trị - xã hội "
            "vững mạnh."
        ),
        _h("Nhiệm vụ"),
        _p(
            "<ol><li>Lãnh đạo quán triệt và thực hiện nghị quyết, chỉ thị của Đảng;</li>"
            "<li>Lãnh đạo công tác chính trị, tư tưởng, tổ chức, cán bộ và phát triển đảng "
            "viên;</li><li>Thực hiện công tác kiểm tra, giám sát và thi hành kỷ luật đảng;</li>"
            "<li>Lãnh đạo Công đoàn, Đoàn Thanh niên và Hội Cựu chiến binh Khối.</li></ol>"
        ),
    ],
}
ORGANISATION_PAGE = {
    "title": "Cơ cấu tổ chức",
    "slug": "co-cau-to-chuc",
    "lead": "Ban Thường vụ, các cơ quan tham mưu, giúp việc và các tổ chức cơ sở đảng trực "
    "thuộc Đảng ủy Khối, với thông tin liên hệ của lãnh đạo.",
    "body": [
        _p(
            "Đảng ủy Khối nhiệm kỳ 2025–2030 có 33 đồng chí, Ban Thường vụ có 9 đồng chí. Giúp "
            "việc Đảng ủy Khối có Văn phòng, Ban Tổ chức, Ban Tuyên giáo và Dân vận và Ủy ban "
            "Kiểm tra."
        )
    ],
}
ORGANISATION_PAGE_ENGLISH = {
    "Cơ cấu tổ chức": "Organisation",
    "co-cau-to-chuc": "organisation",
    ORGANISATION_PAGE["lead"]: "The Standing Board, the advisory departments and the member "
    "Party organisations of the Party Committee, with the leaders' contacts.",
    "Đảng ủy Khối nhiệm kỳ 2025–2030 có 33 đồng chí, Ban Thường vụ có 9 đồng chí. Giúp việc "
    "Đảng ủy Khối có Văn phòng, Ban Tổ chức, Ban Tuyên giáo và Dân vận và Ủy ban Kiểm tra.": (
        "The Party Committee for the 2025–2030 term has 33 members, its Standing Board 9. "
        "It is assisted by the Office, the Organisation Department, the Department of "
        "Propaganda, Education and Mass Mobilisation and the Inspection Commission."
    ),
}

# key, parent key, kind, Vietnamese name, English name, phone, e-mail
UNITS = [
    ("btv", None, "leadership", "Ban Thường vụ Đảng ủy Khối",
     "Standing Board of the Party Committee", "", ""),
    ("tham-muu", None, "department", "Các cơ quan tham mưu, giúp việc",
     "Advisory departments", "", ""),
    ("ubkt", "tham-muu", "department", "Ủy ban Kiểm tra Đảng ủy Khối",
     "Inspection Commission", "0226 3 856 225", "ubkt.duk@example.vn"),
    ("ban-to-chuc", "tham-muu", "department", "Ban Tổ chức Đảng ủy Khối",
     "Organisation Department", "0226 3 856 221", "bantochuc.duk@example.vn"),
    ("tuyen-giao", "tham-muu", "department", "Ban Tuyên giáo và Dân vận Đảng ủy Khối",
     "Department of Propaganda, Education and Mass Mobilisation", "0226 3 856 223",
     "tuyengiao.duk@example.vn"),
    ("van-phong", "tham-muu", "department", "Văn phòng Đảng ủy Khối",
     "Office of the Party Committee", "0226 3 856 218", "vanphong.duk@example.vn"),
    ("co-so", None, "party_organisation", "Các tổ chức cơ sở đảng trực thuộc",
     "Member Party organisations", "", ""),
    ("so-tai-chinh", "co-so", "party_organisation", "Đảng bộ Sở Tài chính",
     "Party Organisation of the Department of Finance", "0226 3 852 410", ""),
    ("dien-luc", "co-so", "party_organisation", "Đảng bộ Công ty Điện lực tỉnh",
     "Party Organisation of the Provincial Power Company", "0226 3 851 500", ""),
    ("so-tu-phap", "co-so", "party_organisation", "Chi bộ Sở Tư pháp",
     "Party Cell of the Department of Justice", "0226 3 853 120", ""),
]  # fmt: skip

TERM = ("Nhiệm kỳ 2025–2030", "2025–2030 term")
# name, unit key, Vietnamese position, English position, phone, e-mail, photo colour
LEADERS = [
    ("Hoàng Văn Thịnh", "btv", "Tỉnh ủy viên, Bí thư Đảng ủy Khối",
     "Member of the Provincial Party Committee, Secretary of the Party Committee",
     "0226 3 856 200", "hvthinh@example.vn", "#7a0f0b"),
    ("Đặng Văn Thành", "btv", "Phó Bí thư Thường trực Đảng ủy Khối",
     "Standing Deputy Secretary of the Party Committee",
     "0226 3 856 201", "dvthanh@example.vn", "#1f4e79"),
    ("Trịnh Thị Hồng Nhung", "btv", "Phó Bí thư Đảng ủy Khối",
     "Deputy Secretary of the Party Committee", "0226 3 856 202", "tthnhung@example.vn",
     "#3b5323"),
    ("Lương Thị Mai", "ubkt", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối",
     "Member of the Standing Board, Chairwoman of the Inspection Commission",
     "0226 3 856 225", "ltmai@example.vn", "#5b2c6f"),
    ("Lê Hoàng Nam", "ubkt", "Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối",
     "Deputy Chairman of the Inspection Commission", "0226 3 856 226", "lhnam@example.vn",
     "#4a4a4a"),
    ("Phan Quốc Khánh", "ban-to-chuc", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Đảng ủy Khối",
     "Member of the Standing Board, Head of the Organisation Department",
     "0226 3 856 221", "pqkhanh@example.vn", "#0b5345"),
    ("Vi Văn Sơn", "ban-to-chuc", "Phó Trưởng Ban Tổ chức Đảng ủy Khối",
     "Deputy Head of the Organisation Department", "0226 3 856 222", "vvson@example.vn",
     "#6e2c00"),
    ("Đỗ Minh Tuấn", "tuyen-giao",
     "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo và Dân vận Đảng ủy Khối",
     "Member of the Standing Board, Head of the Department of Propaganda, Education and Mass "
     "Mobilisation", "0226 3 856 223", "dmtuan@example.vn", "#1b2631"),
    ("Trần Minh Đức", "tuyen-giao", "Phó Trưởng Ban Tuyên giáo và Dân vận Đảng ủy Khối",
     "Deputy Head of the Department of Propaganda, Education and Mass Mobilisation",
     "0226 3 856 224", "tmduc@example.vn", "#512e5f"),
    ("Nguyễn Thị Thu Hà", "van-phong", "Ủy viên Ban Thường vụ, Chánh Văn phòng Đảng ủy Khối",
     "Member of the Standing Board, Chief of Office of the Party Committee",
     "0226 3 856 218", "ntthu.ha@example.vn", "#784212"),
]  # fmt: skip


def _english() -> Locale:
    return Locale.objects.get(language_code="en")


def _publish_english(instance, **texts) -> None:
    """The English copy "Dịch" makes, translated and published; kept if it exists."""
    if instance.get_translation_or_none(_english()) is not None:
        return
    copy = instance.copy_for_translation(_english())
    for name, value in texts.items():
        setattr(copy, name, value)
    copy.live = False
    copy.save()
    copy.save_revision().publish()


def _portrait(name: str, color: str) -> CustomImage:
    title = f"Chân dung đồng chí {name}"
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        initials = "".join(word[0] for word in name.split())
        image = CustomImage(
            title=title,
            alt_text=title,
            file=ContentFile(draw_picture(initials, color, (600, 800)), name="chan-dung.jpg"),
        )
        image._set_image_file_metadata()
        image.save()
    return image


def _translate_page(page: Page, texts: dict[str, str]) -> None:
    english = _english()
    if page.get_translation_or_none(english) is not None:
        return
    TranslationCreator(None, [english]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                defaults={"data": texts[segment.string.data]},
            )
    translation.save_target(publish=True)


def load_organisation(loader: "DemoLoader", home: HomePage) -> None:
    about = loader.child(home, StandardPage, ABOUT_TITLE)
    if about is None:
        return
    for spec in (HISTORY_PAGE, FUNCTIONS_PAGE):
        if not loader.child(about, StandardPage, spec["title"]):
            page = StandardPage(
                title=spec["title"], lead=spec["lead"], body=loader.body(spec["body"])
            )
            loader.publish_child(about, page)
    page = loader.child(about, OrganisationPage, ORGANISATION_PAGE["title"])
    if page is None:
        page = OrganisationPage(
            title=ORGANISATION_PAGE["title"],
            slug=ORGANISATION_PAGE["slug"],
            lead=ORGANISATION_PAGE["lead"],
            body=loader.body(ORGANISATION_PAGE["body"]),
        )
        loader.publish_child(about, page)

    vietnamese = Locale.get_default()
    units: dict[str, OrganisationUnit] = {}
    for order, (key, parent, kind, name, english, phone, email) in enumerate(UNITS):
        unit = OrganisationUnit.objects.filter(locale=vietnamese, name=name).first()
        if unit is None:
            unit = OrganisationUnit.objects.create(
                name=name,
                kind=kind,
                parent=units.get(parent),
                phone=phone,
                email=email,
                sort_order=order,
                locale=vietnamese,
            )
            unit.save_revision().publish()
            loader.created += 1
        _publish_english(unit, name=english)
        units[key] = unit
    for order, (name, unit_key, position, english, phone, email, color) in enumerate(LEADERS):
        leader = Leader.objects.filter(locale=vietnamese, name=name).first()
        if leader is None:
            leader = Leader.objects.create(
                name=name,
                position=position,
                unit=units[unit_key],
                term=TERM[0],
                phone=phone,
                email=email,
                photo=_portrait(name, color),
                sort_order=order,
                locale=vietnamese,
            )
            leader.save_revision().publish()
            loader.created += 1
        _publish_english(leader, position=english, term=TERM[1])
    _translate_page(page, ORGANISATION_PAGE_ENGLISH)
