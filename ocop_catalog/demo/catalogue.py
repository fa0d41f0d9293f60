"""The demo catalogue of Chợ OCOP: producers, products and certificates as plain data.

Pure data, no Django imports. Commune codes are the 2025 codes (34 provinces, 3,321 communes) from
`vietnamadminunits`; the comment beside each producer names the commune and province, and the old
(pre-July-2025) unit where the place is better known by it.

Certificates follow the OCOP rules (Decision 148/QĐ-TTg): 3★/4★ recognised by the province, 5★ by the
Ministry of Agriculture and Environment, valid 36 months. Issuers are named as they were on the issue
date: certificates issued before 1 July 2025 name the pre-merger province (e.g. "UBND tỉnh Hà Giang"),
later ones the merged province. The set deliberately includes expired certificates (issued 2021–2022),
certificates expiring within a few months of 2026-11-29, and products not rated yet (certificate None).

Names of producers are invented; the products are typical of their places.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoCertificate:
    stars: int  # 3, 4 or 5, agrees with the score band
    score: int  # 0..100
    number: str  # free text, e.g. "123/QĐ-UBND"
    issuer: str  # "UBND tỉnh …" / "UBND thành phố …"; 5★: "Bộ Nông nghiệp và Môi trường"
    level: str  # "province" or "central" (5★ is always "central")
    issued_on: datetime.date


@dataclass(frozen=True)
class DemoProducer:
    code: str  # ascii slug, unique
    name: str  # Vietnamese
    commune_code: str  # 5-digit 2025 commune code


@dataclass(frozen=True)
class DemoProduct:
    producer_code: str
    sku: str  # unique per producer, ascii
    title: str
    description: str
    group_slug: str  # thuc-pham, do-uong, thao-duoc, thu-cong-my-nghe, sinh-vat-canh, dich-vu-du-lich
    price_vnd: int  # whole đồng
    stock: int  # 0..500
    certificate: DemoCertificate | None  # None = not rated yet
    image_hue: int  # 0..359
    made_by: str = ""  # the name of a DemoMember of the seller; empty: the seller makes it itself


@dataclass(frozen=True)
class DemoMember:
    """A producer (chủ thể OCOP) whose goods a demo seller lists: a member household or cooperative elsewhere."""

    seller_code: str
    name: str
    kind: str  # household / cooperative / enterprise
    commune_code: str
    story: str


_MINISTRY = "Bộ Nông nghiệp và Môi trường"


def _province(stars: int, score: int, number: str, issuer: str, issued_on: str) -> DemoCertificate:
    return DemoCertificate(
        stars=stars,
        score=score,
        number=number,
        issuer=issuer,
        level="province",
        issued_on=datetime.date.fromisoformat(issued_on),
    )


def _central(score: int, number: str, issued_on: str) -> DemoCertificate:
    return DemoCertificate(
        stars=5,
        score=score,
        number=number,
        issuer=_MINISTRY,
        level="central",
        issued_on=datetime.date.fromisoformat(issued_on),
    )


PRODUCERS: tuple[DemoProducer, ...] = (
    # Xã Tân Cương, Tỉnh Thái Nguyên
    DemoProducer("htx-che-tan-cuong", "Hợp tác xã Chè Tân Cương", "05503"),
    # Đặc khu Phú Quốc, Tỉnh An Giang (formerly Huyện Phú Quốc, Tỉnh Kiên Giang)
    DemoProducer("cs-nuoc-mam-ham-ninh", "Cơ sở Nước mắm Hàm Ninh Phú Quốc", "31078"),
    # Xã Quảng Phú, Tỉnh Đắk Lắk (formerly Huyện Cư M'gar)
    DemoProducer("htx-ca-phe-quang-phu", "Hợp tác xã Cà phê Quảng Phú", "24259"),
    # Xã Hòa Tú, Thành phố Cần Thơ (formerly Huyện Mỹ Xuyên, Tỉnh Sóc Trăng)
    DemoProducer("htx-lua-tom-hoa-tu", "Hợp tác xã Lúa tôm Hòa Tú", "31717"),
    # Xã Vĩnh Hải, Thành phố Cần Thơ (formerly Thị xã Vĩnh Châu, Tỉnh Sóc Trăng)
    DemoProducer("cs-hanh-tim-vinh-hai", "Cơ sở Hành tím Vĩnh Hải", "31795"),
    # Xã Mèo Vạc, Tỉnh Tuyên Quang (formerly Tỉnh Hà Giang)
    DemoProducer("htx-mat-ong-meo-vac", "Hợp tác xã Mật ong Bạc hà Mèo Vạc", "00769"),
    # Xã Lục Ngạn, Tỉnh Bắc Ninh (formerly Tỉnh Bắc Giang)
    DemoProducer("htx-vai-thieu-luc-ngan", "Hợp tác xã Vải thiều Lục Ngạn", "07582"),
    # Xã Bát Tràng, Thành phố Hà Nội
    DemoProducer("htx-gom-bat-trang", "Hợp tác xã Gốm sứ Bát Tràng", "00577"),
    # Phường Hà Đông, Thành phố Hà Nội (làng lụa Vạn Phúc, formerly Phường Vạn Phúc)
    DemoProducer("htx-lua-van-phuc", "Hợp tác xã Lụa Vạn Phúc", "09556"),
    # Xã Phú Hồ, Thành phố Huế (làng nón Tây Hồ, formerly Huyện Phú Vang, Tỉnh Thừa Thiên Huế)
    DemoProducer("htx-non-la-tay-ho", "Hợp tác xã Nón lá Tây Hồ", "19918"),
    # Xã Châu Quế, Tỉnh Lào Cai (formerly Huyện Văn Yên, Tỉnh Yên Bái)
    DemoProducer("htx-que-van-yen", "Hợp tác xã Quế Văn Yên", "04387"),
    # Xã Tả Van, Tỉnh Lào Cai (formerly Thị xã Sa Pa)
    DemoProducer("htx-tho-cam-ta-van", "Hợp tác xã Thổ cẩm và Du lịch Tả Van", "03037"),
    # Xã Trà Linh, Thành phố Đà Nẵng (formerly Huyện Nam Trà My, Tỉnh Quảng Nam)
    DemoProducer("htx-sam-tra-linh", "Hợp tác xã Sâm Ngọc Linh Trà Linh", "20950"),
    # Xã Ngọc Linh, Tỉnh Quảng Ngãi (formerly Huyện Đắk Glei, Tỉnh Kon Tum)
    DemoProducer("htx-duoc-lieu-ngoc-linh", "Hợp tác xã Dược liệu Ngọc Linh", "23365"),
    # Phường Sa Đéc, Tỉnh Đồng Tháp (làng hoa Sa Đéc)
    DemoProducer("htx-hoa-kieng-sa-dec", "Hợp tác xã Hoa kiểng Sa Đéc", "29905"),
    # Xã Vĩnh Thành, Tỉnh Vĩnh Long (vùng cây giống Cái Mơn, formerly Huyện Chợ Lách, Tỉnh Bến Tre)
    DemoProducer("htx-cay-kieng-cai-mon", "Hợp tác xã Cây kiểng Cái Mơn", "28894"),
    # Xã Mỏ Cày, Tỉnh Vĩnh Long (formerly Huyện Mỏ Cày Nam, Tỉnh Bến Tre)
    DemoProducer("cs-keo-dua-mo-cay", "Cơ sở Kẹo dừa Mỏ Cày", "28903"),
    # Phường Mộc Châu, Tỉnh Sơn La
    DemoProducer("htx-che-shan-moc-chau", "Hợp tác xã Chè Shan tuyết Mộc Châu", "03980"),
    # Xã Cao Phong, Tỉnh Phú Thọ (formerly Huyện Cao Phong, Tỉnh Hòa Bình)
    DemoProducer("htx-cam-cao-phong", "Hợp tác xã Cam Cao Phong", "05089"),
    # Xã Mai Châu, Tỉnh Phú Thọ (Bản Lác, formerly Huyện Mai Châu, Tỉnh Hòa Bình)
    DemoProducer("htx-du-lich-ban-lac", "Hợp tác xã Du lịch cộng đồng Bản Lác", "05200"),
    # Phường Nha Trang, Tỉnh Khánh Hòa
    DemoProducer("cty-yen-sao-nha-trang", "Công ty TNHH Yến sào Biển Nha Trang", "22366"),
    # Phường Hạ Long, Tỉnh Quảng Ninh
    DemoProducer("cs-cha-muc-ha-long", "Cơ sở Chả mực Hạ Long", "06688"),
    # Phường Lâm Viên - Đà Lạt, Tỉnh Lâm Đồng (làng hoa Thái Phiên, formerly Phường 12, Thành phố Đà Lạt)
    DemoProducer("htx-hoa-thai-phien", "Hợp tác xã Hoa Thái Phiên Đà Lạt", "24778"),
    # Xã U Minh, Tỉnh Cà Mau (rừng tràm U Minh Hạ)
    DemoProducer("htx-mat-ong-u-minh", "Hợp tác xã Mật ong rừng U Minh Hạ", "32047"),
    # Xã Tân Hưng, Tỉnh Hưng Yên (formerly Xã Hồng Nam, Thành phố Hưng Yên)
    DemoProducer("htx-nhan-long-hong-nam", "Hợp tác xã Nhãn lồng Hồng Nam", "11977"),
    # Phường Sa Pa, Tỉnh Lào Cai: a provincial OCOP sales point selling goods of producers from several communes
    DemoProducer("diem-ban-ocop-sa-pa", "Điểm giới thiệu và bán sản phẩm OCOP Sa Pa", "03006"),
)

# The producers the sales point sells for (issue 12.0): each product's place is its producer's commune.
MEMBERS: tuple[DemoMember, ...] = (
    DemoMember(
        "diem-ban-ocop-sa-pa", "Hộ kinh doanh Thào A Sử", "household", "02761",  # Xã Mường Khương
        "Gia đình người Nùng làm tương ớt theo cách của bà: ớt chỉ thiên phơi nắng, ủ với gạo nếp rang và muối trong chum sành.",
    ),
    DemoMember(
        "diem-ban-ocop-sa-pa", "Hợp tác xã Nông sản Bắc Hà", "cooperative", "02839",  # Xã Bắc Hà
        "Hai mươi hộ trồng mận tam hoa trên cao nguyên Bắc Hà góp vốn dựng xưởng sấy, để quả chín rộ không phải bán đổ bán tháo.",
    ),
    DemoMember(
        "diem-ban-ocop-sa-pa", "Hộ kinh doanh Lù Thị Mai", "household", "02683",  # Xã Bát Xát
        "Ruộng bậc thang trồng giống lúa Séng Cù một vụ, cấy bằng nước suối đầu nguồn, gặt tay và phơi trên giàn tre.",
    ),
)


# (commune_code, is_ecommerce_pilot, is_smart_rural_pilot) — Decision 924/QĐ-TTg pilots, demo flags only.
PILOT_COMMUNES: tuple[tuple[str, bool, bool], ...] = (
    ("05503", True, True),  # Xã Tân Cương, Thái Nguyên
    ("07582", True, True),  # Xã Lục Ngạn, Bắc Ninh
    ("00577", True, False),  # Xã Bát Tràng, Hà Nội
    ("24259", True, False),  # Xã Quảng Phú, Đắk Lắk
    ("28894", True, False),  # Xã Vĩnh Thành, Vĩnh Long
    ("00769", False, True),  # Xã Mèo Vạc, Tuyên Quang
    ("19918", False, True),  # Xã Phú Hồ, Huế
)


PRODUCTS: tuple[DemoProduct, ...] = (
    # --- Hợp tác xã Chè Tân Cương (Thái Nguyên) ---------------------------------------------
    DemoProduct(
        producer_code="htx-che-tan-cuong",
        sku="TC-CHE-DINH-100G",
        title="Chè đinh Tân Cương hộp 100g",
        description=(
            "Chè đinh được hái từ đỉnh búp non nhất của những nương chè trung du xã Tân Cương, chỉ lấy phần "
            "tôm nhỏ như chiếc đinh. Chè được sao thủ công trên chảo gang, cho nước xanh trong, hương cốm non "
            "và vị ngọt hậu sâu. Đóng hộp thiếc 100g có túi hút chân không bên trong, thích hợp làm quà biếu."
        ),
        group_slug="do-uong",
        price_vnd=650_000,
        stock=40,
        certificate=_central(92, "1856/QĐ-BNNMT", "2025-08-14"),
        image_hue=95,
    ),
    DemoProduct(
        producer_code="htx-che-tan-cuong",
        sku="TC-CHE-200G",
        title="Chè búp Tân Cương đặc biệt túi 200g",
        description=(
            "Chè búp một tôm hai lá được hái vào sáng sớm, làm héo nhẹ rồi sao săn trên chảo quay theo cách "
            "truyền thống của người Tân Cương. Cánh chè xoăn đều, màu xanh đen, pha ra nước vàng xanh, vị chát "
            "dịu và ngọt hậu. Túi 200g hút chân không, bảo quản nơi khô mát."
        ),
        group_slug="do-uong",
        price_vnd=180_000,
        stock=220,
        certificate=_province(4, 82, "2315/QĐ-UBND", "UBND tỉnh Thái Nguyên", "2024-10-22"),
        image_hue=105,
    ),
    DemoProduct(
        producer_code="htx-che-tan-cuong",
        sku="TC-TRA-TUI-LOC-25",
        title="Trà xanh Tân Cương túi lọc hộp 25 gói",
        description=(
            "Trà xanh nghiền từ chè búp Tân Cương, đóng thành túi lọc 2g tiện dùng ở văn phòng hay khi đi xa. "
            "Mỗi gói pha với nước khoảng 85°C trong ba phút cho chén trà thơm, vị dịu. Hộp giấy 25 gói, có tem "
            "truy xuất nguồn gốc."
        ),
        group_slug="do-uong",
        price_vnd=65_000,
        stock=150,
        certificate=None,
        image_hue=120,
    ),
    DemoProduct(
        producer_code="htx-che-tan-cuong",
        sku="TC-TOUR-HAI-CHE",
        title="Trải nghiệm hái và sao chè Tân Cương (1 người/buổi)",
        description=(
            "Khách cùng người làm chè đi hái búp trên đồi chè Tân Cương, sau đó tự tay vò và sao chè trên chảo "
            "gang. Buổi trải nghiệm kéo dài khoảng ba giờ, kết thúc bằng tiệc trà và mang về 100g chè do chính "
            "mình sao. Giá tính cho một người, đã gồm nón, giỏ hái và người hướng dẫn địa phương."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=250_000,
        stock=30,
        certificate=_province(3, 66, "3487/QĐ-UBND", "UBND tỉnh Thái Nguyên", "2025-11-05"),
        image_hue=135,
    ),
    # --- Cơ sở Nước mắm Hàm Ninh Phú Quốc (An Giang) ----------------------------------------
    DemoProduct(
        producer_code="cs-nuoc-mam-ham-ninh",
        sku="PQ-NM-40N-500",
        title="Nước mắm nhĩ Phú Quốc 40 độ đạm chai 500ml",
        description=(
            "Nước mắm được ủ từ cá cơm than đánh bắt ở vùng biển Phú Quốc và muối hạt theo tỷ lệ truyền thống, "
            "chượp trong thùng gỗ bời lời từ 12 đến 15 tháng. Mẻ nước mắm nhĩ rút đầu tiên đạt 40 độ đạm, màu "
            "cánh gián, thơm mùi cá và hậu ngọt. Chai thủy tinh 500ml, dùng chấm trực tiếp hoặc nêm món ăn."
        ),
        group_slug="thuc-pham",
        price_vnd=135_000,
        stock=300,
        certificate=_province(4, 85, "2764/QĐ-UBND", "UBND tỉnh Kiên Giang", "2024-03-12"),
        image_hue=30,
    ),
    DemoProduct(
        producer_code="cs-nuoc-mam-ham-ninh",
        sku="PQ-NM-60N-250",
        title="Nước mắm nhĩ cá cơm Phú Quốc 60 độ đạm chai 250ml",
        description=(
            "Dòng nước mắm nhĩ thượng hạng chỉ lấy phần nước cốt nhỏ giọt đầu tiên từ thùng chượp gỗ sau hơn "
            "18 tháng ủ. Độ đạm cao tự nhiên, không phụ gia, không chất bảo quản, vị đậm mà không gắt. Chai thủy "
            "tinh 250ml đặt trong hộp giấy kraft, phù hợp làm quà."
        ),
        group_slug="thuc-pham",
        price_vnd=230_000,
        stock=80,
        certificate=_central(91, "2011/QĐ-BNNMT", "2025-09-18"),
        image_hue=22,
    ),
    DemoProduct(
        producer_code="cs-nuoc-mam-ham-ninh",
        sku="PQ-TIEU-DEN-200",
        title="Tiêu đen Phú Quốc hũ 200g",
        description=(
            "Hạt tiêu được trồng trên đất đồi Phú Quốc, thu hái khi chùm chín đều rồi phơi nắng cho đến khi vỏ "
            "đen và nhăn. Tiêu hạt chắc, cay nồng, thơm lâu, dùng để ướp thịt, nêm canh hoặc xay chấm hải sản. "
            "Đóng hũ thủy tinh 200g nắp kín."
        ),
        group_slug="thuc-pham",
        price_vnd=95_000,
        stock=120,
        certificate=_province(3, 64, "1195/QĐ-UBND", "UBND tỉnh Kiên Giang", "2022-05-20"),
        image_hue=12,
    ),
    DemoProduct(
        producer_code="cs-nuoc-mam-ham-ninh",
        sku="PQ-RUOU-SIM-500",
        title="Rượu sim Phú Quốc chai 500ml",
        description=(
            "Rượu được ngâm từ trái sim rừng chín mọng thu hái trên đảo Phú Quốc cùng rượu gạo nấu thủ công. "
            "Sau hơn sáu tháng ủ, rượu có màu tím đỏ, vị ngọt nhẹ, chát dịu và hương trái cây đặc trưng. Chai "
            "thủy tinh 500ml, nồng độ 20% vol, chỉ bán cho người trên 18 tuổi."
        ),
        group_slug="do-uong",
        price_vnd=160_000,
        stock=0,
        certificate=_province(3, 68, "3102/QĐ-UBND", "UBND tỉnh An Giang", "2025-12-10"),
        image_hue=300,
    ),
    # --- Hợp tác xã Cà phê Quảng Phú (Đắk Lắk) ----------------------------------------------
    DemoProduct(
        producer_code="htx-ca-phe-quang-phu",
        sku="QP-CF-ROBUSTA-500",
        title="Cà phê Robusta rang xay nguyên chất gói 500g",
        description=(
            "Cà phê Robusta được hái chín đỏ trên các vườn ở xã Quảng Phú, phơi trên giàn cao rồi rang mộc ở "
            "nhiệt độ vừa. Bột cà phê có vị đắng đậm, hậu ngọt, hương sô-cô-la rang, rất hợp pha phin. Gói 500g "
            "có van một chiều giữ hương."
        ),
        group_slug="do-uong",
        price_vnd=145_000,
        stock=260,
        certificate=_province(4, 78, "1560/QĐ-UBND", "UBND tỉnh Đắk Lắk", "2024-07-09"),
        image_hue=24,
    ),
    DemoProduct(
        producer_code="htx-ca-phe-quang-phu",
        sku="QP-CF-HONEY-250",
        title="Cà phê hạt Robusta sơ chế mật ong gói 250g",
        description=(
            "Hạt cà phê Robusta chọn lọc được sơ chế theo phương pháp honey: bóc vỏ nhưng giữ lại lớp nhớt rồi "
            "phơi khô tự nhiên. Cách làm này cho vị chua trái cây nhẹ, ngọt dịu và ít đắng hơn cà phê truyền "
            "thống. Hạt rang vừa, đóng gói 250g để khách xay theo cách pha của mình."
        ),
        group_slug="do-uong",
        price_vnd=120_000,
        stock=140,
        certificate=_province(4, 86, "2981/QĐ-UBND", "UBND tỉnh Đắk Lắk", "2025-10-02"),
        image_hue=34,
    ),
    DemoProduct(
        producer_code="htx-ca-phe-quang-phu",
        sku="QP-CF-PHIN-GIAY-10",
        title="Cà phê phin giấy tiện lợi hộp 10 gói",
        description=(
            "Bột cà phê rang xay được chia sẵn 12g vào từng túi phin giấy có móc treo lên miệng cốc. Chỉ cần rót "
            "nước sôi từ từ là có ly cà phê phin đậm đà ở văn phòng hay khi đi du lịch. Hộp 10 gói, hạn dùng "
            "12 tháng."
        ),
        group_slug="do-uong",
        price_vnd=75_000,
        stock=90,
        certificate=None,
        image_hue=18,
    ),
    DemoProduct(
        producer_code="htx-ca-phe-quang-phu",
        sku="QP-MAT-ONG-CF-500",
        title="Mật ong hoa cà phê chai 500ml",
        description=(
            "Mật ong được thu từ những đàn ong nuôi giữa vườn cà phê Đắk Lắk vào mùa hoa nở tháng Giêng, tháng "
            "Hai. Mật có màu vàng hổ phách, vị ngọt thanh kèm chút đắng nhẹ và hương hoa cà phê dễ nhận ra. Chai "
            "500ml, mật có thể kết tinh khi trời lạnh."
        ),
        group_slug="thuc-pham",
        price_vnd=150_000,
        stock=70,
        certificate=_province(3, 63, "3318/QĐ-UBND", "UBND tỉnh Đắk Lắk", "2022-11-15"),
        image_hue=44,
    ),
    DemoProduct(
        producer_code="htx-ca-phe-quang-phu",
        sku="QP-TOUR-VUON-CF",
        title="Tour một ngày vườn cà phê và buôn làng Ê Đê (1 người)",
        description=(
            "Hành trình đưa khách thăm vườn cà phê đang vào mùa hái, tìm hiểu cách sơ chế và rang xay tại hợp "
            "tác xã. Buổi chiều, khách đến buôn làng Ê Đê gần đó nghe cồng chiêng và dùng bữa cơm truyền thống. "
            "Giá tính cho một người, gồm xe đưa đón trong khu vực và người hướng dẫn."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=690_000,
        stock=20,
        certificate=_province(3, 65, "987/QĐ-UBND", "UBND tỉnh Đắk Lắk", "2024-12-18"),
        image_hue=28,
    ),
    # --- Hợp tác xã Lúa tôm Hòa Tú (Cần Thơ) ------------------------------------------------
    DemoProduct(
        producer_code="htx-lua-tom-hoa-tu",
        sku="HT-ST25-5KG",
        title="Gạo ST25 lúa tôm túi 5kg",
        description=(
            "Gạo ST25 được trồng theo mô hình luân canh lúa – tôm trên ruộng nước lợ ở xã Hòa Tú, hầu như không "
            "dùng phân bón hóa học. Hạt gạo dài, trắng trong, cơm chín dẻo mềm, thơm mùi lá dứa và vẫn ngon khi "
            "để nguội. Túi 5kg hút chân không, có mã truy xuất đến từng ruộng."
        ),
        group_slug="thuc-pham",
        price_vnd=195_000,
        stock=400,
        certificate=_central(93, "1724/QĐ-BNNMT", "2025-06-20"),
        image_hue=48,
    ),
    DemoProduct(
        producer_code="htx-lua-tom-hoa-tu",
        sku="HT-ST25-LUT-2KG",
        title="Gạo lứt ST25 túi 2kg",
        description=(
            "Gạo lứt được xay từ lúa ST25 lúa tôm, chỉ bỏ lớp trấu và giữ nguyên lớp cám giàu chất xơ, vitamin "
            "nhóm B. Cơm gạo lứt ST25 mềm hơn gạo lứt thường, thơm nhẹ, hợp với người ăn kiêng. Nên ngâm gạo "
            "30 phút trước khi nấu; túi 2kg hút chân không."
        ),
        group_slug="thuc-pham",
        price_vnd=90_000,
        stock=180,
        certificate=_province(4, 80, "2450/QĐ-UBND", "UBND tỉnh Sóc Trăng", "2024-09-25"),
        image_hue=15,
    ),
    DemoProduct(
        producer_code="htx-lua-tom-hoa-tu",
        sku="HT-TOM-KHO-200",
        title="Tôm khô lúa tôm Hòa Tú túi 200g",
        description=(
            "Tôm sú nuôi trong ruộng lúa tôm vào mùa nước lợ được thu hoạch, luộc, phơi nắng rồi bóc vỏ thủ "
            "công. Tôm khô có màu đỏ cam tự nhiên, thịt chắc, ngọt, không phẩm màu. Dùng nấu canh, trộn gỏi hoặc "
            "ăn kèm củ kiệu ngày Tết; túi 200g hút chân không."
        ),
        group_slug="thuc-pham",
        price_vnd=320_000,
        stock=45,
        certificate=_province(3, 67, "1033/QĐ-UBND", "UBND tỉnh Sóc Trăng", "2021-08-30"),
        image_hue=8,
    ),
    # --- Cơ sở Hành tím Vĩnh Hải (Cần Thơ) --------------------------------------------------
    DemoProduct(
        producer_code="cs-hanh-tim-vinh-hai",
        sku="VH-HANH-TIM-1KG",
        title="Hành tím Vĩnh Châu túi lưới 1kg",
        description=(
            "Hành tím được trồng trên đất giồng cát ven biển Vĩnh Châu, tưới bằng nước ngầm ngọt và thu hoạch "
            "sau khoảng 60 ngày. Củ hành nhỏ, vỏ tím đỏ, thơm nồng và để được lâu. Túi lưới 1kg, bảo quản nơi "
            "thoáng mát, tránh ẩm."
        ),
        group_slug="thuc-pham",
        price_vnd=60_000,
        stock=350,
        certificate=_province(4, 75, "1897/QĐ-UBND", "UBND tỉnh Sóc Trăng", "2023-12-20"),
        image_hue=290,
    ),
    DemoProduct(
        producer_code="cs-hanh-tim-vinh-hai",
        sku="VH-HANH-PHI-200",
        title="Hành phi Vĩnh Châu hũ 200g",
        description=(
            "Hành tím Vĩnh Châu được bóc vỏ, thái lát mỏng đều rồi phi vàng trong dầu thực vật ở nhiệt độ vừa "
            "phải. Hành phi giòn, thơm, không bị đắng, dùng rắc lên cháo, phở, xôi hay bánh cuốn. Hũ nhựa 200g "
            "có nắp kín, dùng trong sáu tháng."
        ),
        group_slug="thuc-pham",
        price_vnd=55_000,
        stock=200,
        certificate=_province(3, 62, "3275/QĐ-UBND", "UBND thành phố Cần Thơ", "2025-11-20"),
        image_hue=36,
    ),
    # --- Hợp tác xã Mật ong Bạc hà Mèo Vạc (Tuyên Quang) ------------------------------------
    DemoProduct(
        producer_code="htx-mat-ong-meo-vac",
        sku="MV-MO-BACHA-500",
        title="Mật ong bạc hà Mèo Vạc chai 500ml",
        description=(
            "Mật ong được thu từ những đàn ong nội của đồng bào Mông nuôi trên cao nguyên đá, vào mùa hoa bạc "
            "hà dại nở trắng từ tháng Mười đến tháng Mười hai. Mật có màu vàng nhạt, vị ngọt thanh, thơm mùi bạc "
            "hà và hơi the nơi đầu lưỡi. Chai thủy tinh 500ml có tem chỉ dẫn địa lý."
        ),
        group_slug="thuc-pham",
        price_vnd=380_000,
        stock=90,
        certificate=_province(4, 84, "1215/QĐ-UBND", "UBND tỉnh Hà Giang", "2024-06-28"),
        image_hue=46,
    ),
    DemoProduct(
        producer_code="htx-mat-ong-meo-vac",
        sku="MV-MO-BACHA-250",
        title="Mật ong bạc hà Mèo Vạc chai 250ml",
        description=(
            "Phiên bản chai nhỏ 250ml của mật ong bạc hà Mèo Vạc, tiện dùng thử hoặc mang theo khi đi xa. Mật "
            "được lọc qua vải, không pha đường, không gia nhiệt nên giữ nguyên hương vị. Sản lượng mỗi năm có "
            "hạn, hàng về theo mùa hoa."
        ),
        group_slug="thuc-pham",
        price_vnd=200_000,
        stock=35,
        certificate=_province(4, 84, "1216/QĐ-UBND", "UBND tỉnh Hà Giang", "2024-06-28"),
        image_hue=52,
    ),
    DemoProduct(
        producer_code="htx-mat-ong-meo-vac",
        sku="MV-BO-KHO-250",
        title="Thịt bò khô gác bếp Mèo Vạc túi 250g",
        description=(
            "Thịt bò vàng nuôi thả trên cao nguyên đá được thái thớ dọc, ướp mắc khén, gừng, ớt rồi treo gác "
            "bếp củi nhiều ngày. Miếng bò khô săn chắc, thơm mùi khói và vị cay tê của mắc khén. Túi 250g hút "
            "chân không, có thể nướng lại hoặc hấp trước khi ăn."
        ),
        group_slug="thuc-pham",
        price_vnd=270_000,
        stock=50,
        certificate=_province(3, 60, "2780/QĐ-UBND", "UBND tỉnh Hà Giang", "2022-02-14"),
        image_hue=4,
    ),
    DemoProduct(
        producer_code="htx-mat-ong-meo-vac",
        sku="MV-RUOU-NGO-1L",
        title="Rượu ngô men lá Mèo Vạc can 1 lít",
        description=(
            "Rượu được người Mông nấu từ ngô hạt trồng trên nương đá, lên men bằng men lá rừng theo bí quyết "
            "gia truyền. Rượu trong, thơm mùi ngô, uống êm. Can nhựa thực phẩm 1 lít, nồng độ khoảng 40% vol, "
            "chỉ bán cho người trên 18 tuổi."
        ),
        group_slug="do-uong",
        price_vnd=120_000,
        stock=80,
        certificate=None,
        image_hue=56,
    ),
    DemoProduct(
        producer_code="htx-mat-ong-meo-vac",
        sku="MV-HOMESTAY-DEM",
        title="Homestay nhà trình tường Mèo Vạc (1 đêm/người, kèm bữa tối)",
        description=(
            "Khách nghỉ trong ngôi nhà trình tường mái ngói âm dương của một gia đình người Mông, được giữ nguyên "
            "kiến trúc truyền thống. Giá gồm một đêm nghỉ, bữa tối với thắng cố và rau cải mèo, bữa sáng mèn mén. "
            "Từ homestay có thể đi bộ ra chợ phiên Mèo Vạc hoặc thuê xe máy lên đèo Mã Pí Lèng."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=350_000,
        stock=24,
        certificate=_province(3, 69, "3520/QĐ-UBND", "UBND tỉnh Tuyên Quang", "2025-12-01"),
        image_hue=210,
    ),
    # --- Hợp tác xã Vải thiều Lục Ngạn (Bắc Ninh) -------------------------------------------
    DemoProduct(
        producer_code="htx-vai-thieu-luc-ngan",
        sku="LN-VAI-TUOI-2KG",
        title="Vải thiều Lục Ngạn tươi hộp 2kg",
        description=(
            "Vải thiều được hái vào sáng sớm tại các vườn trồng theo tiêu chuẩn VietGAP ở Lục Ngạn, chọn quả "
            "đều, vỏ đỏ hồng. Cùi vải dày, trắng trong, ngọt đậm và hạt nhỏ. Hộp carton 2kg, giao trong mùa vụ "
            "từ cuối tháng Năm đến tháng Bảy."
        ),
        group_slug="thuc-pham",
        price_vnd=110_000,
        stock=0,
        certificate=_province(4, 83, "864/QĐ-UBND", "UBND tỉnh Bắc Giang", "2024-05-30"),
        image_hue=354,
    ),
    DemoProduct(
        producer_code="htx-vai-thieu-luc-ngan",
        sku="LN-VAI-SAY-500",
        title="Vải thiều sấy khô Lục Ngạn túi 500g",
        description=(
            "Vải thiều chín được sấy nguyên quả bằng lò than hoa truyền thống trong nhiều ngày cho đến khi cùi "
            "khô dẻo, chuyển màu nâu. Vải sấy có vị ngọt đậm, thơm nhẹ mùi khói, dùng ăn trực tiếp hoặc nấu chè. "
            "Túi 500g, bảo quản nơi khô ráo."
        ),
        group_slug="thuc-pham",
        price_vnd=130_000,
        stock=110,
        certificate=_province(3, 66, "2105/QĐ-UBND", "UBND tỉnh Bắc Giang", "2022-09-06"),
        image_hue=16,
    ),
    DemoProduct(
        producer_code="htx-vai-thieu-luc-ngan",
        sku="LN-MO-HOA-VAI-500",
        title="Mật ong hoa vải Lục Ngạn chai 500ml",
        description=(
            "Mật ong được thu vào tháng Hai, tháng Ba khi hàng nghìn héc-ta vải thiều Lục Ngạn ra hoa. Mật có màu "
            "vàng sáng, vị ngọt dịu và thơm hương hoa vải. Chai thủy tinh 500ml, không pha trộn."
        ),
        group_slug="thuc-pham",
        price_vnd=140_000,
        stock=160,
        certificate=_province(3, 69, "3410/QĐ-UBND", "UBND tỉnh Bắc Ninh", "2025-12-08"),
        image_hue=40,
    ),
    # --- Hợp tác xã Gốm sứ Bát Tràng (Hà Nội) -----------------------------------------------
    DemoProduct(
        producer_code="htx-gom-bat-trang",
        sku="BT-BINH-MEN-LAM-30",
        title="Bình hoa men lam vẽ tay cao 30cm",
        description=(
            "Bình được chuốt trên bàn xoay từ đất sét trắng, vẽ tay họa tiết sen và chim bằng men lam rồi nung "
            "ở khoảng 1.250°C trong lò ga. Men bóng, nét vẽ mềm, mỗi chiếc có đôi chút khác biệt do làm thủ "
            "công. Cao khoảng 30cm, đóng hộp xốp chống sốc khi giao hàng."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=850_000,
        stock=25,
        certificate=_province(4, 88, "5527/QĐ-UBND", "UBND thành phố Hà Nội", "2024-11-19"),
        image_hue=215,
    ),
    DemoProduct(
        producer_code="htx-gom-bat-trang",
        sku="BT-AM-CHEN-MEN-RAN",
        title="Bộ ấm chén men rạn cổ 6 chén",
        description=(
            "Bộ ấm chén được phủ men rạn cổ, lớp men nứt thành những đường vân nhỏ rồi được rửa màu nâu để nổi "
            "vân. Gồm một ấm 350ml, sáu chén và một đĩa dằn, phù hợp pha trà mạn hoặc trà sen. Đóng hộp giấy "
            "cứng có lót xốp."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=620_000,
        stock=40,
        certificate=_province(4, 81, "4120/QĐ-UBND", "UBND thành phố Hà Nội", "2023-12-12"),
        image_hue=38,
    ),
    DemoProduct(
        producer_code="htx-gom-bat-trang",
        sku="BT-LO-HOA-BIEN",
        title="Lọ gốm men hỏa biến dáng tỏi",
        description=(
            "Lọ được tạo dáng tỏi cổ điển và tráng men hỏa biến; màu men biến đổi ngẫu nhiên trong lò nung nên "
            "không có hai chiếc giống nhau. Sản phẩm do nghệ nhân làng Bát Tràng thực hiện, có ký tên dưới đáy. "
            "Cao khoảng 35cm, kèm hộp gỗ."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=2_400_000,
        stock=8,
        certificate=_central(94, "1655/QĐ-BNNMT", "2025-07-25"),
        image_hue=195,
    ),
    DemoProduct(
        producer_code="htx-gom-bat-trang",
        sku="BT-TRAI-NGHIEM-GOM",
        title="Trải nghiệm nặn gốm tại làng Bát Tràng (1 người)",
        description=(
            "Khách được nghệ nhân hướng dẫn chuốt gốm trên bàn xoay, tự nặn và vẽ trang trí một sản phẩm nhỏ như "
            "cốc, bát hoặc lọ hoa. Sản phẩm được nung và gửi về nhà sau khoảng một tuần. Giá tính cho một người, "
            "thời lượng khoảng hai giờ, phù hợp cả trẻ em."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=150_000,
        stock=100,
        certificate=_province(3, 68, "6011/QĐ-UBND", "UBND thành phố Hà Nội", "2025-10-27"),
        image_hue=26,
    ),
    # --- Hợp tác xã Lụa Vạn Phúc (Hà Nội) ---------------------------------------------------
    DemoProduct(
        producer_code="htx-lua-van-phuc",
        sku="VP-KHAN-LUA-180",
        title="Khăn lụa tơ tằm Vạn Phúc 180×55cm",
        description=(
            "Khăn được dệt từ sợi tơ tằm trên khung dệt của làng lụa Vạn Phúc, mặt lụa mềm, mát và có độ bóng "
            "tự nhiên. Hoa văn chìm dệt trực tiếp trên mặt vải, màu nhuộm bền khi giặt tay. Kích thước 180×55cm, "
            "đóng hộp quà kèm hướng dẫn bảo quản."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=450_000,
        stock=75,
        certificate=_province(4, 80, "4532/QĐ-UBND", "UBND thành phố Hà Nội", "2024-08-16"),
        image_hue=330,
    ),
    DemoProduct(
        producer_code="htx-lua-van-phuc",
        sku="VP-LUA-VAN-HOA-1M",
        title="Lụa tơ tằm vân hoa Vạn Phúc (1 mét, khổ 90cm)",
        description=(
            "Lụa vân hoa là dòng lụa đặc trưng của Vạn Phúc, dệt hoa văn chìm chỉ hiện rõ khi nhìn nghiêng dưới "
            "ánh sáng. Vải mỏng nhẹ, thoáng mát, thích hợp may áo dài, khăn choàng hoặc váy. Bán theo mét, khổ "
            "90cm, cắt liền tấm theo số mét đặt mua."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=320_000,
        stock=200,
        certificate=_province(3, 69, "2987/QĐ-UBND", "UBND thành phố Hà Nội", "2021-10-05"),
        image_hue=344,
    ),
    DemoProduct(
        producer_code="htx-lua-van-phuc",
        sku="VP-CA-VAT-LUA",
        title="Cà vạt lụa tơ tằm Vạn Phúc hộp quà",
        description=(
            "Cà vạt được may thủ công từ lụa tơ tằm dệt tại làng Vạn Phúc, lót vải chéo giúp giữ dáng khi thắt. "
            "Mặt lụa có hoa văn trống đồng dệt chìm, màu xanh tím than dễ phối với áo sơ mi công sở. Đóng hộp "
            "giấy cứng, phù hợp làm quà tặng."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=280_000,
        stock=60,
        certificate=None,
        image_hue=228,
    ),
    # --- Hợp tác xã Nón lá Tây Hồ (Huế) -----------------------------------------------------
    DemoProduct(
        producer_code="htx-non-la-tay-ho",
        sku="TH-NON-BAI-THO",
        title="Nón bài thơ Huế",
        description=(
            "Nón được chằm từ lá nón non phơi sương, ủi phẳng và xếp hai lớp, kẹp giữa là hình cảnh Huế và câu "
            "thơ cắt giấy. Khi soi nón lên nắng sẽ thấy hiện hình chùa Thiên Mụ và cầu Trường Tiền. Vành nón 16 "
            "vòng tre chuốt đều, quai lụa màu tím Huế."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=180_000,
        stock=140,
        certificate=_province(4, 79, "1820/QĐ-UBND", "UBND tỉnh Thừa Thiên Huế", "2024-08-02"),
        image_hue=50,
    ),
    DemoProduct(
        producer_code="htx-non-la-tay-ho",
        sku="TH-NON-THEU-SEN",
        title="Nón lá thêu tay hoa sen",
        description=(
            "Nón lá làng Tây Hồ được thêu tay hình hoa sen bằng chỉ tơ trên mặt ngoài, mỗi chiếc mất khoảng hai "
            "ngày thêu. Lá nón được quét lớp dầu bóng mỏng giúp chống thấm, giữ màu lâu. Dùng làm quà lưu niệm "
            "hoặc phụ kiện chụp ảnh với áo dài."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=250_000,
        stock=30,
        certificate=_province(3, 65, "412/QĐ-UBND", "UBND thành phố Huế", "2025-03-18"),
        image_hue=340,
    ),
    DemoProduct(
        producer_code="htx-non-la-tay-ho",
        sku="TH-NON-MINI-5",
        title="Nón lá mini trang trí bộ 5 chiếc",
        description=(
            "Bộ năm chiếc nón lá thu nhỏ đường kính 12cm, chằm đủ các lớp lá và vành như nón thật. Thích hợp "
            "treo trang trí, gắn lên thiệp hoặc làm quà lưu niệm nhỏ gọn khi đến Huế. Đóng túi vải bố in tên làng "
            "nón Tây Hồ."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=90_000,
        stock=120,
        certificate=None,
        image_hue=58,
    ),
    # --- Hợp tác xã Quế Văn Yên (Lào Cai) ---------------------------------------------------
    DemoProduct(
        producer_code="htx-que-van-yen",
        sku="VY-TD-QUE-50ML",
        title="Tinh dầu quế Văn Yên chai 50ml",
        description=(
            "Tinh dầu được chưng cất hơi nước từ lá và cành quế non thu hái trên các đồi quế Văn Yên. Tinh dầu "
            "màu vàng nâu, mùi thơm ấm, dùng xông phòng, khử mùi hoặc pha loãng để xoa bóp. Chai thủy tinh màu hổ "
            "phách 50ml có nắp nhỏ giọt; không dùng trực tiếp lên da khi chưa pha loãng."
        ),
        group_slug="thao-duoc",
        price_vnd=160_000,
        stock=130,
        certificate=_province(4, 81, "1375/QĐ-UBND", "UBND tỉnh Yên Bái", "2024-07-22"),
        image_hue=20,
    ),
    DemoProduct(
        producer_code="htx-que-van-yen",
        sku="VY-QUE-THANH-500",
        title="Quế thanh cạo vỏ Văn Yên túi 500g",
        description=(
            "Vỏ quế được bóc từ những cây trên 15 năm tuổi, cạo sạch lớp vỏ ngoài rồi cắt thanh dài 30cm và "
            "phơi khô. Quế thanh dày, nhiều tinh dầu, vị cay ngọt, dùng nấu phở, kho thịt hoặc pha trà. Túi 500g, "
            "bảo quản kín để giữ mùi thơm."
        ),
        group_slug="thuc-pham",
        price_vnd=110_000,
        stock=90,
        certificate=_province(3, 67, "2230/QĐ-UBND", "UBND tỉnh Yên Bái", "2022-03-28"),
        image_hue=27,
    ),
    DemoProduct(
        producer_code="htx-que-van-yen",
        sku="VY-GOI-VO-QUE",
        title="Gối vỏ quế thảo mộc 40×60cm",
        description=(
            "Ruột gối được làm từ vỏ quế băm nhỏ, sấy khô và trộn với bông; vỏ gối bằng vải thô có thể tháo ra "
            "giặt. Mùi quế ấm nhẹ giúp thư giãn, dễ ngủ và xua côn trùng. Nên phơi nắng gối định kỳ để mùi quế "
            "lan tỏa."
        ),
        group_slug="thao-duoc",
        price_vnd=220_000,
        stock=45,
        certificate=None,
        image_hue=32,
    ),
    # --- Hợp tác xã Thổ cẩm và Du lịch Tả Van (Lào Cai) -------------------------------------
    DemoProduct(
        producer_code="htx-tho-cam-ta-van",
        sku="TV-TUI-THO-CAM",
        title="Túi đeo thổ cẩm Mông nhuộm chàm",
        description=(
            "Túi được may từ vải lanh do phụ nữ Mông ở Tả Van tự dệt, nhuộm chàm nhiều lần và vẽ sáp ong tạo hoa "
            "văn. Các mảng thêu tay viền quanh miệng túi, quai đeo chắc chắn, bên trong có lót vải. Kích thước "
            "khoảng 30×35cm; màu chàm có thể phai nhẹ ở lần giặt đầu."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=260_000,
        stock=55,
        certificate=_province(3, 64, "2864/QĐ-UBND", "UBND tỉnh Lào Cai", "2024-10-30"),
        image_hue=232,
    ),
    DemoProduct(
        producer_code="htx-tho-cam-ta-van",
        sku="TV-LA-TAM-DAO-DO",
        title="Lá tắm thuốc người Dao đỏ gói 10 lần dùng",
        description=(
            "Bài thuốc tắm gồm hơn 20 loại lá rừng do người Dao đỏ ở Sa Pa hái và phơi khô theo bài thuốc gia "
            "truyền. Lá được đun sôi lấy nước pha tắm, giúp giảm mỏi cơ và làm ấm cơ thể sau khi đi bộ đường dài. "
            "Túi 10 gói nhỏ, mỗi gói cho một lần tắm; không dùng cho phụ nữ có thai."
        ),
        group_slug="thao-duoc",
        price_vnd=150_000,
        stock=150,
        certificate=_province(4, 76, "3290/QĐ-UBND", "UBND tỉnh Lào Cai", "2025-11-14"),
        image_hue=88,
    ),
    DemoProduct(
        producer_code="htx-tho-cam-ta-van",
        sku="TV-HOMESTAY-DEM",
        title="Homestay bản Tả Van nhìn ruộng bậc thang (1 đêm/người)",
        description=(
            "Homestay nằm giữa bản Tả Van, nhìn thẳng ra thung lũng Mường Hoa và những thửa ruộng bậc thang. Giá "
            "một đêm cho một người gồm giường đệm, chăn ấm, bữa sáng và một lần tắm lá thuốc Dao đỏ. Chủ nhà có "
            "thể đưa khách đi bộ qua các bản Lao Chải, Giàng Tả Chải khi có yêu cầu."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=450_000,
        stock=16,
        certificate=_province(4, 72, "1198/QĐ-UBND", "UBND tỉnh Lào Cai", "2024-05-16"),
        image_hue=142,
    ),
    # --- Hợp tác xã Sâm Ngọc Linh Trà Linh (Đà Nẵng) ----------------------------------------
    DemoProduct(
        producer_code="htx-sam-tra-linh",
        sku="TL-SAM-TUOI-20G",
        title="Sâm Ngọc Linh tươi loại nhỏ gói 20g",
        description=(
            "Củ sâm Ngọc Linh tươi được trồng dưới tán rừng nguyên sinh ở độ cao trên 1.800m thuộc xã Trà Linh, "
            "tuổi từ 5 năm trở lên. Mỗi lô sâm có hồ sơ truy xuất nguồn gốc và kết quả kiểm định. Gói 20g "
            "(thường 2–3 củ), dùng ngâm mật ong, ngâm rượu hoặc thái lát ngậm."
        ),
        group_slug="thao-duoc",
        price_vnd=2_400_000,
        stock=12,
        certificate=_central(95, "1412/QĐ-BNNMT", "2025-05-29"),
        image_hue=10,
    ),
    DemoProduct(
        producer_code="htx-sam-tra-linh",
        sku="TL-RUOU-SAM-500",
        title="Rượu sâm Ngọc Linh bình 500ml",
        description=(
            "Bình rượu ngâm một củ sâm Ngọc Linh nguyên rễ trong rượu gạo men lá đã lọc tạp chất. Rượu có màu "
            "vàng nhạt, vị đắng nhẹ đặc trưng và hậu ngọt. Bình thủy tinh 500ml kèm hộp gỗ, chỉ bán cho người "
            "trên 18 tuổi."
        ),
        group_slug="do-uong",
        price_vnd=1_800_000,
        stock=15,
        certificate=_province(4, 85, "2675/QĐ-UBND", "UBND tỉnh Quảng Nam", "2024-12-20"),
        image_hue=350,
    ),
    DemoProduct(
        producer_code="htx-sam-tra-linh",
        sku="TL-TRA-LA-SAM-50",
        title="Trà lá sâm Ngọc Linh hộp 50g",
        description=(
            "Lá và hoa sâm Ngọc Linh thu hái khi tỉa vườn được sấy lạnh rồi đóng gói làm trà. Trà có vị đắng nhẹ, "
            "ngọt hậu; hãm với nước sôi khoảng năm phút và dùng được nhiều nước. Hộp 50g có túi nhôm bên trong."
        ),
        group_slug="thao-duoc",
        price_vnd=450_000,
        stock=35,
        certificate=_province(3, 63, "3385/QĐ-UBND", "UBND thành phố Đà Nẵng", "2025-12-15"),
        image_hue=92,
    ),
    # --- Hợp tác xã Dược liệu Ngọc Linh (Quảng Ngãi) ----------------------------------------
    DemoProduct(
        producer_code="htx-duoc-lieu-ngoc-linh",
        sku="NL-SAM-MAT-ONG-250",
        title="Sâm Ngọc Linh ngâm mật ong hũ 250ml",
        description=(
            "Sâm Ngọc Linh được thái lát mỏng và ngâm trong mật ong rừng nguyên chất ít nhất 30 ngày trước khi "
            "xuất bán. Mỗi hũ chứa khoảng 30g sâm tươi, dùng mỗi sáng một thìa mật kèm một lát sâm. Hũ thủy tinh "
            "250ml, có tem truy xuất vùng trồng."
        ),
        group_slug="thao-duoc",
        price_vnd=2_200_000,
        stock=20,
        certificate=_central(90, "2203/QĐ-BNNMT", "2025-10-21"),
        image_hue=40,
    ),
    DemoProduct(
        producer_code="htx-duoc-lieu-ngoc-linh",
        sku="NL-DANG-SAM-500",
        title="Đảng sâm Ngọc Linh sấy khô túi 500g",
        description=(
            "Đảng sâm được đồng bào Xơ Đăng trồng dưới tán rừng ở chân núi Ngọc Linh, thu hoạch sau hai năm. Rễ "
            "được rửa sạch, hấp rồi sấy khô, thân mềm, vị ngọt nhẹ. Dùng hầm gà, nấu canh hoặc sắc uống; túi 500g."
        ),
        group_slug="thao-duoc",
        price_vnd=350_000,
        stock=65,
        certificate=_province(3, 60, "1790/QĐ-UBND", "UBND tỉnh Kon Tum", "2022-07-12"),
        image_hue=30,
    ),
    # --- Hợp tác xã Hoa kiểng Sa Đéc (Đồng Tháp) --------------------------------------------
    DemoProduct(
        producer_code="htx-hoa-kieng-sa-dec",
        sku="SD-CUC-MAM-XOI-40",
        title="Cúc mâm xôi chậu đường kính 40cm",
        description=(
            "Cúc mâm xôi được trồng tại làng hoa Sa Đéc, tạo dáng tròn đều như mâm xôi với hàng trăm bông nhỏ màu "
            "vàng. Cây được bấm ngọn nhiều lần trong năm, sáu tháng để bông nở cùng lúc vào dịp Tết. Chậu đường "
            "kính 40cm, giao trong tỉnh và các tỉnh lân cận."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=250_000,
        stock=120,
        certificate=_province(4, 77, "1105/QĐ-UBND", "UBND tỉnh Đồng Tháp", "2024-09-10"),
        image_hue=50,
    ),
    DemoProduct(
        producer_code="htx-hoa-kieng-sa-dec",
        sku="SD-HONG-SA-DEC",
        title="Hồng Sa Đéc chậu gốm cao 60cm",
        description=(
            "Hồng Sa Đéc là giống hồng cổ của vùng, cánh dày, màu đỏ hồng và hương thơm đậm. Cây được ghép trên "
            "gốc hồng dại khỏe, ra hoa quanh năm nếu đủ nắng và được tỉa cành sau mỗi đợt hoa. Trồng trong chậu "
            "gốm cao khoảng 60cm, kèm hướng dẫn chăm sóc."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=320_000,
        stock=45,
        certificate=_province(3, 66, "2034/QĐ-UBND", "UBND tỉnh Đồng Tháp", "2025-10-16"),
        image_hue=346,
    ),
    DemoProduct(
        producer_code="htx-hoa-kieng-sa-dec",
        sku="SD-BONSAI-LINH-SAM",
        title="Bonsai mini linh sam để bàn",
        description=(
            "Cây linh sam được nghệ nhân làng hoa Sa Đéc uốn tạo dáng trực, trồng trong chậu men nhỏ, hợp đặt bàn "
            "làm việc. Cây ưa nắng nhẹ, tưới nước hai ngày một lần và có thể ra hoa tím li ti. Chiều cao khoảng "
            "25cm tính cả chậu."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=450_000,
        stock=20,
        certificate=_province(3, 61, "1102/QĐ-UBND", "UBND tỉnh Đồng Tháp", "2021-12-03"),
        image_hue=125,
    ),
    DemoProduct(
        producer_code="htx-hoa-kieng-sa-dec",
        sku="SD-TOUR-LANG-HOA",
        title="Tour làng hoa Sa Đéc bằng xuồng (1 người)",
        description=(
            "Khách đi xuồng dọc rạch Sa Đéc ngắm những vườn hoa trồng trên giàn cao, ghé vườn tìm hiểu cách trồng "
            "hoa và chụp ảnh. Tour kéo dài nửa ngày, có người địa phương thuyết minh và dùng thử hủ tiếu Sa Đéc. "
            "Giá tính cho một người; mùa đẹp nhất từ tháng Mười một đến Tết."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=180_000,
        stock=40,
        certificate=_province(4, 74, "2250/QĐ-UBND", "UBND tỉnh Đồng Tháp", "2025-11-25"),
        image_hue=325,
    ),
    # --- Hợp tác xã Cây kiểng Cái Mơn (Vĩnh Long) -------------------------------------------
    DemoProduct(
        producer_code="htx-cay-kieng-cai-mon",
        sku="CM-MAI-VANG-GHEP",
        title="Mai vàng ghép cao 1,2m",
        description=(
            "Cây mai vàng ghép giống mai cánh kép, trồng tại các vườn cây giống Cái Mơn nổi tiếng của miền Tây. "
            "Cây khoảng năm tuổi, thân mốc, tán đều và đã được lặt lá để nở đúng dịp Tết. Cao khoảng 1,2m, trồng "
            "trong chậu xi măng, giao bằng xe tải nhỏ."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=1_500_000,
        stock=25,
        certificate=_province(4, 72, "2601/QĐ-UBND", "UBND tỉnh Bến Tre", "2024-11-08"),
        image_hue=54,
    ),
    DemoProduct(
        producer_code="htx-cay-kieng-cai-mon",
        sku="CM-KIM-NGAN-BIM",
        title="Cây kim ngân thắt bím chậu sứ",
        description=(
            "Cây kim ngân ba thân được nhà vườn Cái Mơn thắt bím từ khi còn nhỏ, tán lá xanh bóng, dễ chăm trong "
            "nhà. Cây chịu bóng tốt, chỉ cần tưới một đến hai lần mỗi tuần. Trồng sẵn trong chậu sứ trắng, cao "
            "khoảng 70cm, thường được chọn làm quà khai trương."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=190_000,
        stock=60,
        certificate=_province(3, 62, "3388/QĐ-UBND", "UBND tỉnh Vĩnh Long", "2025-12-22"),
        image_hue=140,
    ),
    DemoProduct(
        producer_code="htx-cay-kieng-cai-mon",
        sku="CM-TOUR-MIET-VUON",
        title="Tour miệt vườn Cái Mơn một ngày (1 người)",
        description=(
            "Khách đi xuồng trên các kênh rạch Cái Mơn, ghé vườn cây giống và vườn trái cây đang mùa như chôm "
            "chôm, sầu riêng, măng cụt. Bữa trưa có cá tai tượng chiên xù, canh chua và trái cây hái tại vườn. Giá "
            "tính cho một người, gồm xuồng, bữa trưa và người hướng dẫn."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=420_000,
        stock=30,
        certificate=_province(3, 64, "1150/QĐ-UBND", "UBND tỉnh Bến Tre", "2024-04-19"),
        image_hue=100,
    ),
    # --- Cơ sở Kẹo dừa Mỏ Cày (Vĩnh Long) ---------------------------------------------------
    DemoProduct(
        producer_code="cs-keo-dua-mo-cay",
        sku="MC-KEO-DUA-SR-500",
        title="Kẹo dừa sầu riêng Mỏ Cày túi 500g",
        description=(
            "Kẹo được nấu từ nước cốt dừa tươi, mạch nha và đường, thêm cơm sầu riêng chín cho hương thơm béo. "
            "Kẹo dẻo mềm, ngọt vừa, được cắt và gói tay bằng bánh tráng mỏng rồi giấy sáp. Túi 500g khoảng 50 "
            "viên, dùng trong sáu tháng."
        ),
        group_slug="thuc-pham",
        price_vnd=65_000,
        stock=300,
        certificate=_province(4, 79, "2602/QĐ-UBND", "UBND tỉnh Bến Tre", "2024-11-08"),
        image_hue=45,
    ),
    DemoProduct(
        producer_code="cs-keo-dua-mo-cay",
        sku="MC-KEO-DUA-LA-DUA-250",
        title="Kẹo dừa lá dứa hộp 250g",
        description=(
            "Kẹo dừa truyền thống của xứ dừa Mỏ Cày, pha nước lá dứa tươi cho màu xanh tự nhiên và mùi thơm dịu. "
            "Không dùng phẩm màu, chất bảo quản. Hộp giấy 250g, thích hợp làm quà khi du lịch miền Tây."
        ),
        group_slug="thuc-pham",
        price_vnd=45_000,
        stock=0,
        certificate=_province(3, 58, "1877/QĐ-UBND", "UBND tỉnh Bến Tre", "2023-12-26"),
        image_hue=115,
    ),
    DemoProduct(
        producer_code="cs-keo-dua-mo-cay",
        sku="MC-DAU-DUA-250",
        title="Dầu dừa ép lạnh chai 250ml",
        description=(
            "Dầu dừa được ép lạnh từ cơm dừa chọn lọc, không qua nhiệt độ cao nên giữ được mùi dừa tự nhiên. Dầu "
            "trong, đông lại màu trắng khi trời lạnh, dùng dưỡng da, dưỡng tóc hoặc chế biến món ăn. Chai thủy "
            "tinh 250ml."
        ),
        group_slug="thao-duoc",
        price_vnd=90_000,
        stock=140,
        certificate=_province(3, 68, "3405/QĐ-UBND", "UBND tỉnh Vĩnh Long", "2026-03-10"),
        image_hue=185,
    ),
    # --- Hợp tác xã Chè Shan tuyết Mộc Châu (Sơn La) ----------------------------------------
    DemoProduct(
        producer_code="htx-che-shan-moc-chau",
        sku="MCH-CHE-SHAN-200",
        title="Chè Shan tuyết Mộc Châu túi 200g",
        description=(
            "Chè được hái từ những cây chè Shan tuyết cổ thụ trên núi cao Mộc Châu, búp to phủ lớp lông tơ trắng "
            "như tuyết. Chè sao thủ công cho nước vàng sánh, vị chát nhẹ, ngọt hậu và thơm mùi mật. Túi 200g hút "
            "chân không."
        ),
        group_slug="do-uong",
        price_vnd=210_000,
        stock=100,
        certificate=_province(4, 86, "1734/QĐ-UBND", "UBND tỉnh Sơn La", "2024-08-27"),
        image_hue=80,
    ),
    DemoProduct(
        producer_code="htx-che-shan-moc-chau",
        sku="MCH-MAN-HAU-SAY-300",
        title="Mận hậu sấy dẻo Mộc Châu túi 300g",
        description=(
            "Mận hậu Mộc Châu chín được rửa sạch, tách hạt và sấy dẻo ở nhiệt độ thấp, không thêm phẩm màu. Miếng "
            "mận có màu đỏ sẫm, vị chua ngọt hài hòa, dùng làm món ăn vặt hoặc pha trà. Túi zip 300g."
        ),
        group_slug="thuc-pham",
        price_vnd=85_000,
        stock=160,
        certificate=_province(3, 63, "2951/QĐ-UBND", "UBND tỉnh Sơn La", "2025-12-18"),
        image_hue=336,
    ),
    # --- Hợp tác xã Cam Cao Phong (Phú Thọ) -------------------------------------------------
    DemoProduct(
        producer_code="htx-cam-cao-phong",
        sku="CP-CAM-5KG",
        title="Cam Cao Phong thùng 5kg",
        description=(
            "Cam được trồng trên đồi đất đỏ Cao Phong theo quy trình VietGAP, thu hái khi quả chín vàng đều vào "
            "dịp cuối năm. Cam mọng nước, vị ngọt đậm xen chút chua nhẹ, vỏ mỏng dễ bóc. Thùng carton 5kg, giao "
            "từ tháng Mười một đến tháng Hai."
        ),
        group_slug="thuc-pham",
        price_vnd=175_000,
        stock=85,
        certificate=_province(4, 78, "2480/QĐ-UBND", "UBND tỉnh Hòa Bình", "2024-12-05"),
        image_hue=28,
    ),
    DemoProduct(
        producer_code="htx-cam-cao-phong",
        sku="CP-NUOC-CAM-500",
        title="Nước cam Cao Phong ép nguyên chất chai 500ml",
        description=(
            "Cam Cao Phong chín được ép lạnh, lọc bỏ hạt và thanh trùng nhanh để giữ vị tươi mà không cần chất "
            "bảo quản. Nước cam có màu vàng cam tự nhiên, ngọt thanh và giàu vitamin C. Chai 500ml, bảo quản lạnh "
            "và dùng trong 10 ngày."
        ),
        group_slug="do-uong",
        price_vnd=45_000,
        stock=30,
        certificate=_province(3, 59, "1640/QĐ-UBND", "UBND tỉnh Hòa Bình", "2022-10-24"),
        image_hue=33,
    ),
    # --- Hợp tác xã Du lịch cộng đồng Bản Lác (Phú Thọ) -------------------------------------
    DemoProduct(
        producer_code="htx-du-lich-ban-lac",
        sku="BL-NHA-SAN-DEM",
        title="Nghỉ nhà sàn Bản Lác Mai Châu (1 đêm/người)",
        description=(
            "Nhà sàn của người Thái trắng ở Bản Lác có sàn gỗ rộng, chăn đệm sạch, nhìn ra cánh đồng lúa thung "
            "lũng Mai Châu. Giá một đêm cho một người gồm bữa sáng; bữa tối với cơm lam, gà nướng và cá suối có "
            "thể đặt thêm. Buổi tối khách có thể xem múa xòe và uống rượu cần cùng đội văn nghệ bản."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=300_000,
        stock=40,
        certificate=_province(4, 80, "2481/QĐ-UBND", "UBND tỉnh Hòa Bình", "2024-12-05"),
        image_hue=96,
    ),
    DemoProduct(
        producer_code="htx-du-lich-ban-lac",
        sku="BL-TOUR-XE-DAP",
        title="Tour đạp xe quanh thung lũng Mai Châu (1 người)",
        description=(
            "Khách được cấp xe đạp và mũ bảo hiểm, đi theo người dẫn đường địa phương qua các bản Lác, Pom Coọng, "
            "Nà Phòn giữa đồng lúa. Hành trình khoảng 15km trên đường bằng, dừng lại xem dệt thổ cẩm và uống nước "
            "chè tại nhà dân. Giá cho một người, thời lượng khoảng nửa ngày."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=200_000,
        stock=50,
        certificate=None,
        image_hue=75,
    ),
    DemoProduct(
        producer_code="htx-du-lich-ban-lac",
        sku="BL-KHAN-THO-CAM",
        title="Khăn thổ cẩm Thái dệt tay",
        description=(
            "Khăn được phụ nữ Thái ở Bản Lác dệt trên khung cửi gỗ, dùng sợi bông nhuộm màu với hoa văn hình thoi "
            "và hoa sao tám cánh. Mặt vải dày dặn, hai đầu khăn có tua rua tết tay. Kích thước khoảng 170×30cm, "
            "giặt tay bằng nước lạnh."
        ),
        group_slug="thu-cong-my-nghe",
        price_vnd=150_000,
        stock=70,
        certificate=_province(3, 62, "1299/QĐ-UBND", "UBND tỉnh Hòa Bình", "2021-07-19"),
        image_hue=2,
    ),
    # --- Công ty TNHH Yến sào Biển Nha Trang (Khánh Hòa) ------------------------------------
    DemoProduct(
        producer_code="cty-yen-sao-nha-trang",
        sku="NT-YEN-TINH-50G",
        title="Tổ yến sào tinh chế hộp 50g",
        description=(
            "Tổ yến được khai thác từ các hang yến đảo ven biển Khánh Hòa, nhặt sạch lông bằng tay và định hình "
            "lại thành tổ nguyên vẹn. Sợi yến dày, trắng ngà, khi chưng nở đều và thơm mùi đặc trưng. Hộp 50g "
            "khoảng 6–7 tổ, kèm hướng dẫn chưng đường phèn."
        ),
        group_slug="thuc-pham",
        price_vnd=2_500_000,
        stock=30,
        certificate=_central(96, "1580/QĐ-BNNMT", "2025-07-10"),
        image_hue=42,
    ),
    DemoProduct(
        producer_code="cty-yen-sao-nha-trang",
        sku="NT-NUOC-YEN-6LO",
        title="Nước yến sào đường phèn hộp 6 lọ",
        description=(
            "Nước yến được chưng cách thủy từ tổ yến tinh chế với đường phèn và lá dứa, đóng lọ thủy tinh 70ml. "
            "Mỗi lọ có sợi yến mềm, vị ngọt thanh, uống lạnh ngon hơn. Hộp quà 6 lọ, bảo quản nơi khô mát và dùng "
            "trong 12 tháng."
        ),
        group_slug="do-uong",
        price_vnd=180_000,
        stock=250,
        certificate=_province(4, 82, "3127/QĐ-UBND", "UBND tỉnh Khánh Hòa", "2024-10-09"),
        image_hue=190,
    ),
    # --- Cơ sở Chả mực Hạ Long (Quảng Ninh) -------------------------------------------------
    DemoProduct(
        producer_code="cs-cha-muc-ha-long",
        sku="HL-CHA-MUC-500",
        title="Chả mực giã tay Hạ Long túi 500g",
        description=(
            "Chả được làm từ mực ống tươi đánh bắt trong vịnh Bắc Bộ, giã tay bằng cối đá cho đến khi thịt mực dẻo "
            "quánh rồi nặn thành từng miếng. Khi rán, chả vàng ươm, dai giòn sần sật và ngọt thịt mực. Túi 500g "
            "cấp đông, giao trong thùng đá giữ lạnh."
        ),
        group_slug="thuc-pham",
        price_vnd=420_000,
        stock=40,
        certificate=_province(4, 87, "4050/QĐ-UBND", "UBND tỉnh Quảng Ninh", "2025-01-15"),
        image_hue=36,
    ),
    DemoProduct(
        producer_code="cs-cha-muc-ha-long",
        sku="HL-MUC-KHO-500",
        title="Mực khô Hạ Long loại 1 túi 500g",
        description=(
            "Mực ống được câu đêm ngoài vịnh, làm sạch ngay trên thuyền và phơi nắng hai ngày cho khô đều. Mực khô "
            "dày thịt, thơm, nướng lên có vị ngọt đậm, hợp làm quà biển. Túi 500g khoảng 12–15 con."
        ),
        group_slug="thuc-pham",
        price_vnd=850_000,
        stock=25,
        certificate=_province(3, 69, "3990/QĐ-UBND", "UBND tỉnh Quảng Ninh", "2025-09-04"),
        image_hue=200,
    ),
    # --- Hợp tác xã Hoa Thái Phiên Đà Lạt (Lâm Đồng) ----------------------------------------
    DemoProduct(
        producer_code="htx-hoa-thai-phien",
        sku="DL-LAN-HO-DIEP-3C",
        title="Lan hồ điệp 3 cành chậu gốm",
        description=(
            "Lan hồ điệp được nhân giống và trồng trong nhà kính ở làng hoa Thái Phiên, mỗi chậu ghép ba cành đang "
            "nở, 8–10 bông mỗi cành. Hoa bền, có thể chưng từ bốn đến sáu tuần nếu đặt nơi thoáng, tránh nắng gắt. "
            "Trồng sẵn trong chậu gốm men kèm rêu."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=1_200_000,
        stock=18,
        certificate=_province(4, 76, "1890/QĐ-UBND", "UBND tỉnh Lâm Đồng", "2024-09-20"),
        image_hue=310,
    ),
    DemoProduct(
        producer_code="htx-hoa-thai-phien",
        sku="DL-CUC-CANH-20",
        title="Hoa cúc Đà Lạt bó 20 cành",
        description=(
            "Cúc cành được trồng trong nhà màng ở Thái Phiên, cắt lúc nụ vừa hé để hoa nở dần khi cắm. Bó 20 cành "
            "nhiều màu trắng, vàng, tím, cành dài khoảng 70cm. Hoa tươi 10–14 ngày nếu thay nước hằng ngày."
        ),
        group_slug="sinh-vat-canh",
        price_vnd=120_000,
        stock=150,
        certificate=_province(3, 60, "2566/QĐ-UBND", "UBND tỉnh Lâm Đồng", "2025-10-30"),
        image_hue=275,
    ),
    DemoProduct(
        producer_code="htx-hoa-thai-phien",
        sku="DL-TRA-ATISO-100",
        title="Trà atiso Đà Lạt túi lọc hộp 100 gói",
        description=(
            "Trà được làm từ bông, thân và rễ atiso trồng trên đất đỏ Đà Lạt, sấy khô và nghiền nhỏ đóng túi lọc. "
            "Nước trà màu nâu vàng, vị ngọt nhẹ, thường được dùng để thanh nhiệt và hỗ trợ tiêu hóa. Hộp 100 gói, "
            "mỗi gói 2g."
        ),
        group_slug="thao-duoc",
        price_vnd=95_000,
        stock=220,
        certificate=_province(4, 73, "1421/QĐ-UBND", "UBND tỉnh Lâm Đồng", "2024-06-15"),
        image_hue=100,
    ),
    # --- Hợp tác xã Mật ong rừng U Minh Hạ (Cà Mau) -----------------------------------------
    DemoProduct(
        producer_code="htx-mat-ong-u-minh",
        sku="UM-MO-RUNG-500",
        title="Mật ong rừng tràm U Minh Hạ chai 500ml",
        description=(
            "Mật được lấy từ ong khoái làm tổ trên kèo gác giữa rừng tràm U Minh Hạ, theo nghề gác kèo truyền thống "
            "của người dân địa phương. Mật có màu vàng sậm, vị ngọt đậm và thơm mùi hoa tràm, không qua cô đặc. "
            "Chai thủy tinh 500ml, có thể kết tinh nhẹ theo thời gian."
        ),
        group_slug="thuc-pham",
        price_vnd=280_000,
        stock=95,
        certificate=_province(4, 84, "1985/QĐ-UBND", "UBND tỉnh Cà Mau", "2024-10-14"),
        image_hue=38,
    ),
    DemoProduct(
        producer_code="htx-mat-ong-u-minh",
        sku="UM-KHO-CA-LOC-500",
        title="Khô cá lóc đồng U Minh túi 500g",
        description=(
            "Cá lóc đồng được làm sạch, xẻ bướm, ướp muối nhạt rồi phơi trên giàn tre hai đến ba nắng. Khô cá thịt "
            "dày, ngọt, ít mặn, chiên hoặc nướng ăn kèm cơm trắng và dưa leo. Túi 500g hút chân không, bảo quản "
            "ngăn mát."
        ),
        group_slug="thuc-pham",
        price_vnd=250_000,
        stock=40,
        certificate=_province(3, 65, "2460/QĐ-UBND", "UBND tỉnh Cà Mau", "2025-11-11"),
        image_hue=14,
    ),
    DemoProduct(
        producer_code="htx-mat-ong-u-minh",
        sku="UM-TOUR-RUNG-TRAM",
        title="Tour rừng tràm và gác kèo ong U Minh Hạ (1 người)",
        description=(
            "Khách đi xuồng máy vào rừng tràm U Minh Hạ, theo chân người gác kèo tìm hiểu cách dẫn dụ đàn ong làm "
            "tổ và thu mật. Trên đường có thể leo tháp quan sát rừng và câu cá đồng. Giá tính cho một người, gồm "
            "xuồng, áo phao, bữa trưa và nếm mật tại chỗ."
        ),
        group_slug="dich-vu-du-lich",
        price_vnd=380_000,
        stock=25,
        certificate=_province(3, 67, "2461/QĐ-UBND", "UBND tỉnh Cà Mau", "2025-11-11"),
        image_hue=110,
    ),
    # --- Hợp tác xã Nhãn lồng Hồng Nam (Hưng Yên) -------------------------------------------
    DemoProduct(
        producer_code="htx-nhan-long-hong-nam",
        sku="HN-NHAN-LONG-2KG",
        title="Nhãn lồng Hưng Yên hộp 2kg",
        description=(
            "Nhãn lồng được trồng ven sông Hồng ở vùng Hồng Nam, quả to, vỏ vàng sẫm. Cùi nhãn dày, giòn, ngọt sắc "
            "và thơm, hạt nhỏ. Hộp 2kg, giao trong mùa vụ tháng Bảy, tháng Tám."
        ),
        group_slug="thuc-pham",
        price_vnd=120_000,
        stock=0,
        certificate=_province(4, 75, "1552/QĐ-UBND", "UBND tỉnh Hưng Yên", "2024-07-31"),
        image_hue=43,
    ),
    DemoProduct(
        producer_code="htx-nhan-long-hong-nam",
        sku="HN-LONG-NHAN-500",
        title="Long nhãn sấy Hưng Yên túi 500g",
        description=(
            "Cùi nhãn lồng được tách hạt bằng tay rồi sấy than hoa đến khi khô dẻo, màu nâu cánh gián. Long nhãn "
            "ngọt đậm, thơm, dùng nấu chè, hầm gà hoặc hãm trà với táo đỏ. Túi 500g, bảo quản nơi khô mát."
        ),
        group_slug="thuc-pham",
        price_vnd=230_000,
        stock=110,
        certificate=_province(4, 71, "1553/QĐ-UBND", "UBND tỉnh Hưng Yên", "2024-07-31"),
        image_hue=24,
    ),
    # --- Điểm giới thiệu và bán sản phẩm OCOP Sa Pa (Lào Cai): its members' goods ----------------
    DemoProduct(
        producer_code="diem-ban-ocop-sa-pa",
        sku="SP-TUONG-OT-MK-250",
        title="Tương ớt Mường Khương lọ 250g",
        description=(
            "Ớt chỉ thiên của Mường Khương được phơi héo, giã cùng gạo nếp rang, tỏi và muối rồi ủ trong chum sành "
            "hơn một tháng. Tương sánh, màu đỏ gạch, cay thơm và hơi ngọt hậu, chấm thịt luộc, rau cải mèo hay nêm "
            "món xào. Lọ thủy tinh 250g, đậy kín để ngăn mát sau khi mở."
        ),
        group_slug="thuc-pham",
        price_vnd=55_000,
        stock=150,
        certificate=_province(3, 62, "2120/QĐ-UBND", "UBND tỉnh Lào Cai", "2024-11-05"),
        image_hue=8,
        made_by="Hộ kinh doanh Thào A Sử",
    ),
    DemoProduct(
        producer_code="diem-ban-ocop-sa-pa",
        sku="SP-MAN-SAY-BH-300",
        title="Mận tam hoa Bắc Hà sấy dẻo túi 300g",
        description=(
            "Mận tam hoa chín cây hái tháng Sáu trên cao nguyên Bắc Hà, bỏ hạt, ngâm đường phèn rồi sấy nhiệt thấp "
            "đến khi dẻo. Vị chua ngọt, giòn dai, không phẩm màu. Túi zip 300g, dùng trong ba tháng sau khi mở."
        ),
        group_slug="thuc-pham",
        price_vnd=85_000,
        stock=90,
        certificate=None,
        image_hue=330,
        made_by="Hợp tác xã Nông sản Bắc Hà",
    ),
    DemoProduct(
        producer_code="diem-ban-ocop-sa-pa",
        sku="SP-GAO-SENG-CU-5KG",
        title="Gạo Séng Cù Bát Xát túi 5kg",
        description=(
            "Gạo Séng Cù hạt dài, hơi đục, trồng một vụ trên ruộng bậc thang Bát Xát. Cơm dẻo, thơm, để nguội vẫn "
            "mềm. Túi 5kg hút chân không, gạo vụ mới xay trong tháng."
        ),
        group_slug="thuc-pham",
        price_vnd=160_000,
        stock=60,
        certificate=_province(3, 58, "2121/QĐ-UBND", "UBND tỉnh Lào Cai", "2024-11-05"),
        image_hue=48,
        made_by="Hộ kinh doanh Lù Thị Mai",
    ),
)
