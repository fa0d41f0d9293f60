"""Demo news and training articles of Chợ OCOP: plain data, no Django imports.

Themes of the programme's communication work: selling OCOP products online, photographing products,
information security and scams, the e-commerce commune pilots (Decision 924/QĐ-TTg), OCOP certificates
and their renewal (Decision 148/QĐ-TTg). Cooperatives and people quoted are invented, like the demo
catalogue they come from; products are featured by their SKU in ocop_catalog/demo/catalogue.py.

A body is a tuple of parts:
  ("text", html)                               rich text (h2, h3, p, ul, ol, b, i)
  ("image", image_key, caption)                an image of IMAGES with its alt text and a caption
  ("quote", text, attribution)
  ("products", heading, (sku, ...))            a featured-products block
  ("document", document_key, link_text)        a link to a document of DOCUMENTS
  ("cta", title, text, button_label, target)   target: "news", "training" or an article slug
"""

from dataclasses import dataclass, field

TOPICS = (
    ("Bán hàng trực tuyến", "ban-hang-truc-tuyen"),
    ("Chụp ảnh sản phẩm", "chup-anh-san-pham"),
    ("An toàn thông tin", "an-toan-thong-tin"),
    ("Xã thương mại điện tử", "xa-thuong-mai-dien-tu"),
    ("Chứng nhận OCOP", "chung-nhan-ocop"),
    ("Chuyển đổi số nông thôn", "chuyen-doi-so-nong-thon"),
)


@dataclass(frozen=True)
class DemoImage:
    title: str
    alt: str  # the image's description: its alt text wherever it is shown
    motif: str  # cms.demo_media.MOTIFS
    hue: int


@dataclass(frozen=True)
class DemoDocument:
    title: str
    subtitle: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    date: str  # ISO date
    introduction: str
    topics: tuple[str, ...]  # topic names
    image: str  # key of IMAGES
    body: tuple
    level: str = "beginner"  # training only
    audience: str = "producers"  # training only
    documents: tuple[str, ...] = field(default=())  # training only: keys of DOCUMENTS


IMAGES = {
    "xa-tmdt": DemoImage(
        "Xã thương mại điện tử", "Hình minh họa bản đồ có ghim đánh dấu một xã thí điểm thương mại điện tử", "map", 150
    ),
    "lua-dao": DemoImage(
        "Cảnh giác lừa đảo trực tuyến", "Hình minh họa tấm khiên có ổ khóa, tượng trưng cho an toàn thông tin", "shield", 205
    ),
    "chung-nhan": DemoImage(
        "Gia hạn chứng nhận OCOP", "Hình minh họa giấy chứng nhận có con dấu và dải ruy băng", "certificate", 40
    ),
    "che-tan-cuong": DemoImage(
        "Chè Tân Cương bán trực tuyến", "Hình minh họa điện thoại hiển thị giỏ hàng của một gian hàng trực tuyến", "phone", 110
    ),
    "chup-anh-meo-vac": DemoImage(
        "Lớp chụp ảnh sản phẩm ở Mèo Vạc", "Hình minh họa chiếc máy ảnh dùng để chụp ảnh sản phẩm", "camera", 28
    ),
    "kenh-hien-dai": DemoImage(
        "Chủ thể OCOP bán hàng qua kênh hiện đại", "Biểu đồ cột tăng dần minh họa số chủ thể bán hàng trực tuyến", "chart", 165
    ),
    "mo-gian-hang": DemoImage(
        "Mở gian hàng OCOP đầu tiên", "Hình minh họa điện thoại với giỏ hàng trên màn hình", "phone", 135
    ),
    "chup-anh-dien-thoai": DemoImage(
        "Chụp ảnh sản phẩm bằng điện thoại", "Hình minh họa chiếc máy ảnh với ống kính lớn", "camera", 330
    ),
    "bo-cuc": DemoImage(
        "Bố cục ảnh sản phẩm", "Hình minh họa máy ảnh, nhắc quy tắc đặt sản phẩm lệch một phần ba khung hình", "camera", 190
    ),
    "otp": DemoImage(
        "An toàn thông tin cho hộ sản xuất", "Hình minh họa tấm khiên có ổ khóa bảo vệ tài khoản", "shield", 220
    ),
    "ho-so-danh-gia": DemoImage(
        "Hồ sơ đánh giá lại sản phẩm OCOP", "Hình minh họa giấy chứng nhận OCOP với con dấu", "certificate", 55
    ),
    "can-bo-xa": DemoImage(
        "Cán bộ xã hỗ trợ chủ thể lên sàn", "Hình minh họa bản đồ với ghim đánh dấu xã", "map", 95
    ),
    "mua-an-toan": DemoImage(
        "Mua sản phẩm OCOP trực tuyến an toàn", "Hình minh họa tấm khiên bảo vệ người mua hàng trực tuyến", "shield", 150
    ),
}

DOCUMENTS = {
    "slide-mo-gian-hang": DemoDocument(
        "Bài giảng: Mở gian hàng OCOP trực tuyến",
        "Tài liệu tập huấn cho chủ thể OCOP — trình độ cơ bản",
        (
            "Chuẩn bị: giấy chứng nhận OCOP còn hiệu lực, giấy đăng ký kinh doanh, tài khoản ngân hàng chính chủ.",
            "Đặt tên sản phẩm rõ ràng: tên, quy cách, nơi sản xuất (ví dụ: Chè búp Tân Cương túi 200g).",
            "Ảnh thật, đủ sáng, nền gọn; ảnh đầu tiên chụp toàn bộ sản phẩm và bao bì.",
            "Giá bán bằng đồng, ghi rõ phí vận chuyển; luôn có thanh toán khi nhận hàng.",
            "Trả lời khách trong ngày; xác nhận đơn sớm, đóng gói chắc chắn.",
        ),
    ),
    "phieu-anh": DemoDocument(
        "Phiếu tự kiểm tra ảnh sản phẩm",
        "Dùng trước khi đăng ảnh lên gian hàng",
        (
            "Ánh sáng: chụp gần cửa sổ, tránh nắng gắt và đèn vàng.",
            "Phông nền: một màu, sạch; không để đồ vật thừa trong khung hình.",
            "Nét: chạm vào sản phẩm trên màn hình để lấy nét, lau ống kính trước khi chụp.",
            "Đủ góc: mặt trước, mặt sau (nhãn, hạn dùng), chi tiết chất liệu, sản phẩm khi dùng.",
            "Trung thực: không chỉnh màu làm sai sản phẩm; ghi rõ kích thước, khối lượng.",
        ),
    ),
    "canh-bao-lua-dao": DemoDocument(
        "Tờ rơi: Năm dấu hiệu cuộc gọi, tin nhắn lừa đảo",
        "In và dán tại nhà văn hóa thôn, điểm bán hàng OCOP",
        (
            "Hối thúc: yêu cầu làm ngay kẻo bị khóa tài khoản, mất đơn hàng.",
            "Đòi mã OTP, mật khẩu hoặc ảnh căn cước: không ai được phép hỏi những thông tin này.",
            "Đường link lạ gửi qua tin nhắn, mạng xã hội, giả giao diện ngân hàng hoặc sàn.",
            "Yêu cầu chuyển tiền trước để nhận hàng, nhận quà hoặc nhận tiền hoàn.",
            "Khi nghi ngờ: dừng lại, gọi lại số tổng đài chính thức, báo cán bộ xã hoặc công an.",
        ),
    ),
    "ho-so-danh-gia-lai": DemoDocument(
        "Danh mục hồ sơ đánh giá lại sản phẩm OCOP (tham khảo)",
        "Theo Bộ tiêu chí OCOP ban hành kèm Quyết định 148/QĐ-TTg; hỏi UBND xã về mẫu biểu hiện hành",
        (
            "Phiếu đăng ký và bản sao giấy chứng nhận OCOP đang có.",
            "Kết quả kiểm nghiệm chất lượng còn hiệu lực, tiêu chuẩn công bố của sản phẩm.",
            "Hồ sơ về tổ chức sản xuất, liên kết vùng nguyên liệu, bảo vệ môi trường.",
            "Câu chuyện sản phẩm, nhãn hàng hóa, truy xuất nguồn gốc, kênh bán hàng đang dùng.",
            "Số liệu bán hàng, kể cả bán trực tuyến, trong thời gian chứng nhận.",
        ),
    ),
    "so-theo-doi": DemoDocument(
        "Mẫu sổ theo dõi chủ thể OCOP bán hàng trực tuyến",
        "Dành cho cán bộ xã thương mại điện tử — cập nhật hằng tháng",
        (
            "Tên chủ thể, sản phẩm OCOP, số sao và ngày hết hạn chứng nhận.",
            "Đã có gian hàng trực tuyến chưa, trên kênh nào, ngày bắt đầu bán.",
            "Số đơn hàng, doanh thu trong tháng; khó khăn cần hỗ trợ.",
            "Chứng nhận sắp hết hạn trong 6 tháng tới: nhắc chủ thể chuẩn bị hồ sơ.",
        ),
    ),
}

NEWS = (
    DemoArticle(
        slug="xa-thuong-mai-dien-tu-dua-san-pham-ocop-len-san",
        title="Xã thương mại điện tử: sản phẩm OCOP của Tân Cương, Lục Ngạn, Bát Tràng lên sàn",
        date="2026-11-20",
        introduction=(
            "Các xã thí điểm theo Quyết định 924/QĐ-TTg đang đưa sản phẩm OCOP lên kênh trực tuyến: hợp tác xã "
            "mở gian hàng, cán bộ xã hỗ trợ hồ sơ, người mua khắp cả nước đặt hàng và trả tiền khi nhận."
        ),
        topics=("Xã thương mại điện tử", "Bán hàng trực tuyến"),
        image="xa-tmdt",
        body=(
            ("text",
             "<p>Quyết định 924/QĐ-TTg ngày 2/8/2022 thí điểm mô hình <b>xã thương mại điện tử</b> và "
             "<b>xã nông thôn mới thông minh</b>. Ở những xã này, việc bán sản phẩm OCOP qua mạng không còn là "
             "chuyện riêng của từng hộ: chính quyền xã, hợp tác xã và người dân cùng làm.</p>"
             "<h2>Từ phiên chợ quê đến gian hàng trực tuyến</h2>"
             "<p>Ở xã Tân Cương (Thái Nguyên), hợp tác xã chè đã đưa chè đinh và chè búp lên Chợ OCOP, kèm ảnh "
             "thật và thông tin chứng nhận. Ở Lục Ngạn, vải thiều sấy khô và mật ong hoa vải được bán quanh năm "
             "chứ không chỉ trong mùa vải. Làng gốm Bát Tràng thì đưa cả buổi trải nghiệm nặn gốm lên mạng để "
             "khách đặt chỗ trước.</p>"),
            ("quote",
             "Trước đây mỗi mùa vải chúng tôi chỉ trông vào thương lái. Giờ khách ở Thành phố Hồ Chí Minh đặt "
             "vải sấy qua mạng, trả tiền khi nhận hàng, thấy ngon lại đặt tiếp.",
             "Chị Nguyễn Thị Hoa, thành viên hợp tác xã vải thiều Lục Ngạn"),
            ("text",
             "<h2>Những con số xã cần theo dõi</h2>"
             "<p>Một xã thương mại điện tử không chỉ đếm số gian hàng. Các con số đáng theo dõi hằng tháng gồm:</p>"
             "<ul><li>số chủ thể OCOP đang bán hàng trực tuyến trên tổng số chủ thể của xã;</li>"
             "<li>số sản phẩm OCOP được đăng bán, theo hạng sao;</li>"
             "<li>số đơn hàng và doanh thu;</li>"
             "<li>các chứng nhận OCOP sắp hết hạn, để nhắc chủ thể chuẩn bị đánh giá lại.</li></ul>"),
            ("products", "Sản phẩm từ các xã thí điểm",
             ("TC-CHE-DINH-100G", "LN-VAI-SAY-500", "BT-TRAI-NGHIEM-GOM", "QP-CF-ROBUSTA-500")),
            ("cta", "Muốn bắt đầu bán hàng trực tuyến?",
             "Các bài tập huấn ngắn hướng dẫn từng bước, từ chụp ảnh đến xác nhận đơn hàng.",
             "Xem các bài tập huấn", "training"),
        ),
    ),
    DemoArticle(
        slug="canh-giac-gia-danh-san-thuong-mai-dien-tu",
        title="Cảnh giác với chiêu giả danh sàn thương mại điện tử để chiếm đoạt tiền của hộ sản xuất",
        date="2026-11-12",
        introduction=(
            "Kẻ gian gọi điện, nhắn tin tự xưng nhân viên sàn, ngân hàng hay đơn vị vận chuyển, đề nghị "
            "“xác minh gian hàng” rồi dụ người bán đọc mã OTP. Chợ OCOP không bao giờ hỏi mã OTP hay mật khẩu."
        ),
        topics=("An toàn thông tin",),
        image="lua-dao",
        body=(
            ("text",
             "<p>Khi ngày càng nhiều hộ sản xuất ở nông thôn bán hàng qua mạng, kẻ lừa đảo cũng tìm đến họ. "
             "Chúng nhắm vào người mới bán, chưa quen quy trình, và thường ra tay vào lúc bận rộn như mùa thu "
             "hoạch hay cận Tết.</p>"
             "<h2>Những kịch bản thường gặp</h2>"
             "<ul><li><b>“Gian hàng của anh chị sắp bị khóa”</b>: gửi đường link giả để “xác minh”, thực chất "
             "là trang lấy mật khẩu.</li>"
             "<li><b>“Khách đã thanh toán, anh chị bấm nhận tiền”</b>: dẫn tới trang giả ngân hàng, yêu cầu nhập "
             "mã OTP.</li>"
             "<li><b>“Đơn hàng lớn, cần đặt cọc phí vận chuyển”</b>: người bán chuyển tiền trước rồi không bao "
             "giờ thấy đơn hàng.</li>"
             "<li><b>Giả cán bộ</b>: tự xưng cán bộ xã, cán bộ thuế, đòi nộp “phí chứng nhận OCOP” qua tài khoản "
             "cá nhân.</li></ul>"),
            ("quote",
             "Mã OTP giống như chìa khóa két. Ai hỏi chìa khóa thì người đó không phải người của ngân hàng.",
             "Cán bộ phụ trách chuyển đổi số một xã thí điểm"),
            ("text",
             "<h2>Làm gì khi nghi ngờ</h2>"
             "<ol><li>Dừng lại, không bấm đường link, không đọc mã cho ai.</li>"
             "<li>Tự gọi lại số tổng đài in trên thẻ ngân hàng hoặc trên trang chính thức của sàn.</li>"
             "<li>Báo ngay cho ngân hàng nếu đã lỡ cung cấp thông tin, để khóa tài khoản.</li>"
             "<li>Báo cán bộ xã hoặc công an xã để cảnh báo những hộ khác.</li></ol>"
             "<p>Trên Chợ OCOP, phí và tiền hàng chỉ được tính trong hệ thống; đơn hàng thật luôn hiện trong "
             "trang quản lý gian hàng của người bán.</p>"),
            ("cta", "Học cách bảo vệ tài khoản",
             "Bài tập huấn “An toàn thông tin cho hộ sản xuất” có tờ rơi in sẵn để dán ở nhà văn hóa thôn.",
             "Đọc bài tập huấn", "an-toan-thong-tin-cho-ho-san-xuat"),
        ),
    ),
    DemoArticle(
        slug="chung-nhan-ocop-sap-het-han",
        title="Chứng nhận OCOP sắp hết hạn: chủ thể nên chuẩn bị hồ sơ đánh giá lại từ sớm",
        date="2026-11-05",
        introduction=(
            "Giấy chứng nhận OCOP có giá trị 36 tháng. Nhiều sản phẩm được công nhận cuối năm 2023 sẽ hết hạn "
            "trong tháng 12/2026; khi đó trang sản phẩm không còn hiện số sao cho đến khi được công nhận lại."
        ),
        topics=("Chứng nhận OCOP",),
        image="chung-nhan",
        body=(
            ("text",
             "<p>Sản phẩm OCOP được đánh giá theo Bộ tiêu chí ban hành kèm <b>Quyết định 148/QĐ-TTg</b> "
             "(24/2/2023), thang điểm 100 chia làm ba phần: <b>A</b> — sản phẩm và sức mạnh cộng đồng "
             "(40 điểm), <b>B</b> — khả năng tiếp thị (25 điểm), <b>C</b> — chất lượng sản phẩm (35 điểm). "
             "Chứng nhận 3 sao, 4 sao do tỉnh công nhận; sản phẩm đạt từ 90 điểm được đề nghị trung ương "
             "công nhận 5 sao.</p>"
             "<h2>Vì sao phải chuẩn bị sớm?</h2>"
             "<p>Chứng nhận có giá trị 36 tháng. Hồ sơ đánh giá lại cần kết quả kiểm nghiệm còn hiệu lực, số "
             "liệu sản xuất và bán hàng, nhãn và câu chuyện sản phẩm cập nhật. Từ ngày 1/7/2025 không còn cấp "
             "huyện: hồ sơ nộp tại xã để kiểm tra, rồi chuyển lên tỉnh đánh giá.</p>"
             "<p>Trên Chợ OCOP, khi chứng nhận hết hạn, sản phẩm vẫn được bán nhưng <b>không còn hiện số "
             "sao</b>; trang sản phẩm ghi rõ chứng nhận đã hết hiệu lực. Người mua nhìn thấy điều đó, nên gia hạn "
             "đúng hạn cũng là giữ uy tín với khách.</p>"),
            ("products", "Một số sản phẩm có chứng nhận cần gia hạn",
             ("VH-HANH-TIM-1KG", "BT-AM-CHEN-MEN-RAN", "MC-KEO-DUA-LA-DUA-250", "PQ-TIEU-DEN-200")),
            ("cta", "Danh mục hồ sơ đánh giá lại",
             "Bài tập huấn liệt kê những giấy tờ nên chuẩn bị và có bản PDF để in.",
             "Xem bài tập huấn", "ho-so-danh-gia-lai-san-pham-ocop"),
        ),
    ),
    DemoArticle(
        slug="hop-tac-xa-che-tan-cuong-ban-hang-truc-tuyen",
        title="Hợp tác xã chè Tân Cương: khách quen mới đến từ gian hàng trực tuyến",
        date="2026-10-22",
        introduction=(
            "Sau một năm bán trên mạng, hợp tác xã chè ở xã Tân Cương có thêm khách ở nhiều tỉnh, bán được cả "
            "trà túi lọc chưa xếp hạng và tour hái chè cho khách du lịch."
        ),
        topics=("Bán hàng trực tuyến", "Xã thương mại điện tử"),
        image="che-tan-cuong",
        body=(
            ("text",
             "<p>Hợp tác xã có hơn hai mươi hộ thành viên. Lúc đầu, chỉ một người trẻ biết đăng sản phẩm lên "
             "mạng; nay mỗi tổ sản xuất đều có người chụp ảnh, trả lời khách và đóng gói.</p>"
             "<h2>Ba thay đổi nhỏ tạo khác biệt</h2>"
             "<ul><li><b>Ảnh thật</b>: chụp búp chè ngay trên đồi vào buổi sáng, thay cho ảnh tải trên mạng.</li>"
             "<li><b>Thông tin rõ ràng</b>: ghi số sao OCOP, nơi sản xuất, cách pha, hạn dùng.</li>"
             "<li><b>Trả tiền khi nhận</b>: người mua lần đầu yên tâm đặt hàng, sau đó chuyển khoản bằng mã "
             "VietQR cho những lần sau.</li></ul>"),
            ("quote",
             "Khách hỏi nhiều nhất là chè này pha nước bao nhiêu độ. Chúng tôi ghi luôn vào mô tả, và quay một "
             "đoạn video ngắn pha chè.",
             "Anh Trần Văn Minh, phụ trách bán hàng của hợp tác xã"),
            ("products", "Chè và trải nghiệm Tân Cương",
             ("TC-CHE-DINH-100G", "TC-CHE-200G", "TC-TRA-TUI-LOC-25", "TC-TOUR-HAI-CHE")),
        ),
    ),
    DemoArticle(
        slug="meo-vac-lop-chup-anh-san-pham",
        title="Mèo Vạc: lớp chụp ảnh sản phẩm bằng điện thoại cho hộ nuôi ong và làm homestay",
        date="2026-10-08",
        introduction=(
            "Ba mươi học viên người Mông, người Dao ở xã Mèo Vạc học cách tận dụng ánh sáng tự nhiên, chọn phông "
            "nền và chụp đủ góc để ảnh mật ong bạc hà, bò khô, homestay thật và hấp dẫn."
        ),
        topics=("Chụp ảnh sản phẩm", "Chuyển đổi số nông thôn"),
        image="chup-anh-meo-vac",
        body=(
            ("text",
             "<p>Lớp học diễn ra hai buổi tại nhà văn hóa xã. Không cần máy ảnh đắt tiền: mỗi học viên dùng chính "
             "chiếc điện thoại của mình, một tấm bìa trắng làm phông và ánh sáng từ cửa sổ.</p>"
             "<h2>Học bằng chính sản phẩm của mình</h2>"
             "<p>Học viên mang theo chai mật ong, túi bò khô, tấm thổ cẩm. Giảng viên chụp thử, rồi cả lớp so "
             "sánh: ảnh chụp dưới đèn vàng làm mật ong sẫm như nước đường, còn ảnh chụp cạnh cửa sổ cho thấy màu "
             "vàng trong tự nhiên. Với homestay, ảnh nên có cả bữa cơm, chỗ ngủ và lối đi, để khách biết trước "
             "mình sẽ ở đâu.</p>"),
            ("quote",
             "Trước tôi chụp chai mật ong trên bàn đầy đồ. Giờ tôi biết dọn gọn, xoay nhãn ra trước, chụp thêm "
             "một ảnh có tổ ong.",
             "Chị Giàng Thị Mai, hộ nuôi ong ở Mèo Vạc"),
            ("products", "Sản phẩm của học viên",
             ("MV-MO-BACHA-500", "MV-BO-KHO-250", "MV-HOMESTAY-DEM")),
            ("cta", "Tự học chụp ảnh sản phẩm",
             "Bài tập huấn có phiếu tự kiểm tra ảnh trước khi đăng.",
             "Xem bài tập huấn", "chup-anh-san-pham-bang-dien-thoai"),
        ),
    ),
    DemoArticle(
        slug="mot-nua-chu-the-ocop-ban-hang-kenh-hien-dai",
        title="Một nửa chủ thể OCOP bán hàng qua kênh hiện đại: chuyển đổi số nông thôn từ những việc nhỏ",
        date="2026-09-15",
        introduction=(
            "Mục tiêu đặt ra trong Quyết định 919/QĐ-TTg là ít nhất 50% chủ thể OCOP bán hàng qua kênh hiện "
            "đại, trong đó có thương mại điện tử. Con đường đến đó bắt đầu từ chiếc điện thoại của mỗi hộ."
        ),
        topics=("Chuyển đổi số nông thôn", "Bán hàng trực tuyến"),
        image="kenh-hien-dai",
        body=(
            ("text",
             "<p>Chương trình Mỗi xã một sản phẩm (OCOP) giúp hàng nghìn sản phẩm đặc sản được chuẩn hóa, có "
             "nhãn mác, có câu chuyện. Bước tiếp theo là đưa những sản phẩm ấy đến người mua ở xa, qua điểm bán "
             "hiện đại và các sàn thương mại điện tử.</p>"
             "<h2>Chuyển đổi số không bắt đầu bằng phần mềm</h2>"
             "<p>Với một hộ sản xuất, chuyển đổi số là những việc cụ thể: có tài khoản ngân hàng để nhận "
             "chuyển khoản, biết chụp một tấm ảnh rõ nét, biết viết vài dòng mô tả trung thực, biết nhận ra tin "
             "nhắn lừa đảo. Những bài tập huấn trên Chợ OCOP được viết ngắn để đọc trên điện thoại trong vài "
             "phút.</p>"
             "<h2>Sản phẩm 5 sao đi trước</h2>"
             "<p>Các sản phẩm được trung ương công nhận 5 sao như sâm Ngọc Linh, yến sào, gạo ST25 hay gốm men "
             "hỏa biến Bát Tràng đã có khách trên khắp cả nước. Kinh nghiệm của các chủ thể này — về đóng gói, "
             "vận chuyển, chăm sóc khách — là bài học cho những chủ thể 3 sao, 4 sao mới lên mạng.</p>"),
            ("products", "Sản phẩm OCOP 5 sao",
             ("TL-SAM-TUOI-20G", "NT-YEN-TINH-50G", "HT-ST25-5KG", "BT-LO-HOA-BIEN")),
            ("cta", "Bắt đầu từ bài học đầu tiên",
             "Năm bước mở gian hàng OCOP trực tuyến, có bài giảng PDF tải về.",
             "Đọc bài tập huấn", "ban-san-pham-ocop-truc-tuyen-nam-buoc"),
        ),
    ),
)

TRAINING = (
    DemoArticle(
        slug="ban-san-pham-ocop-truc-tuyen-nam-buoc",
        title="Bán sản phẩm OCOP trực tuyến: năm bước mở gian hàng đầu tiên",
        date="2026-11-18",
        introduction=(
            "Từ giấy tờ cần chuẩn bị đến đơn hàng đầu tiên: năm bước để một hợp tác xã hay hộ sản xuất có sản "
            "phẩm OCOP mở gian hàng trực tuyến và bán được hàng."
        ),
        topics=("Bán hàng trực tuyến",),
        image="mo-gian-hang",
        level="beginner",
        audience="producers",
        documents=("slide-mo-gian-hang",),
        body=(
            ("text",
             "<h2>Bước 1. Chuẩn bị giấy tờ</h2>"
             "<p>Giấy chứng nhận OCOP còn hiệu lực, giấy đăng ký kinh doanh hoặc hộ kinh doanh, mã số thuế và "
             "một tài khoản ngân hàng đứng tên chủ thể. Chụp rõ từng giấy tờ để tải lên khi đăng ký "
             "tại trang <a href=\"/shop/seller/apply/\">Bán hàng cùng Chợ OCOP</a>.</p>"
             "<h2>Bước 2. Đặt tên và viết mô tả</h2>"
             "<p>Tên sản phẩm gồm: loại sản phẩm, tên riêng, quy cách. Ví dụ: “Gạo ST25 lúa tôm túi 5kg”. Mô tả "
             "trả lời những câu khách hay hỏi: làm từ gì, ở đâu, dùng thế nào, bảo quản ra sao, hạn dùng bao "
             "lâu.</p>"
             "<h2>Bước 3. Chụp ảnh thật</h2>"
             "<p>Ảnh đầu tiên là toàn bộ sản phẩm với bao bì, trên nền gọn. Thêm ảnh nhãn, ảnh chi tiết và ảnh "
             "sản phẩm khi dùng.</p>"
             "<h2>Bước 4. Định giá và vận chuyển</h2>"
             "<p>Giá ghi bằng đồng, đã gồm thuế. Cho khách chọn <b>thanh toán khi nhận hàng</b> — cách phần lớn "
             "người mua Việt Nam chọn — và chuyển khoản bằng mã VietQR.</p>"
             "<h2>Bước 5. Xử lý đơn hàng</h2>"
             "<p>Khi có đơn, xác nhận sớm trong ngày; đơn không được xác nhận sẽ tự hủy sau một thời gian. Đóng "
             "gói chắc chắn, ghi số điện thoại người nhận, báo khách khi gửi hàng.</p>"),
            ("document", "slide-mo-gian-hang", "Tải bài giảng “Mở gian hàng OCOP trực tuyến” (PDF)"),
            ("products", "Ví dụ gian hàng làm tốt", ("HT-ST25-5KG", "QP-CF-HONEY-250")),
        ),
    ),
    DemoArticle(
        slug="chup-anh-san-pham-bang-dien-thoai",
        title="Chụp ảnh sản phẩm bằng điện thoại: ánh sáng, phông nền và bố cục",
        date="2026-11-02",
        introduction=(
            "Người mua trực tuyến không cầm được sản phẩm lên xem: tấm ảnh thay cho đôi tay. Ba nguyên tắc "
            "đơn giản giúp ảnh chụp bằng điện thoại trông chuyên nghiệp mà vẫn trung thực."
        ),
        topics=("Chụp ảnh sản phẩm", "Bán hàng trực tuyến"),
        image="chup-anh-dien-thoai",
        level="beginner",
        audience="producers",
        documents=("phieu-anh",),
        body=(
            ("text",
             "<h2>Ánh sáng: gần cửa sổ, tránh nắng gắt</h2>"
             "<p>Ánh sáng tự nhiên từ cửa sổ buổi sáng hoặc chiều muộn cho màu thật nhất. Tắt đèn vàng trong "
             "phòng, không bật đèn flash. Nếu một bên sản phẩm bị tối, đặt một tờ giấy trắng phía đối diện cửa sổ "
             "để hắt sáng.</p>"
             "<h2>Phông nền: một màu, sạch sẽ</h2>"
             "<p>Một tấm bìa trắng hoặc tấm vải trơn là đủ. Dọn hết đồ vật thừa khỏi khung hình. Sản phẩm thủ "
             "công như gốm, lụa, nón lá có thể chụp thêm trên nền gỗ, nền tre để gợi không khí làng nghề.</p>"),
            ("image", "bo-cuc",
             "Đặt sản phẩm lệch về một phần ba khung hình, để khoảng trống cho mắt người xem nghỉ."),
            ("text",
             "<h2>Bố cục: đủ góc, đúng tỉ lệ</h2>"
             "<ul><li>Ảnh chính: toàn bộ sản phẩm, chụp ngang tầm mắt.</li>"
             "<li>Ảnh nhãn: rõ tên, khối lượng, hạn dùng, số sao OCOP.</li>"
             "<li>Ảnh chi tiết: hoa văn men gốm, sợi tơ, búp chè.</li>"
             "<li>Ảnh khi dùng: chén chè đã pha, chiếc khăn khi quàng.</li></ul>"
             "<p>Chạm vào sản phẩm trên màn hình để lấy nét và lau ống kính trước khi chụp. Không dùng bộ lọc "
             "làm đổi màu sản phẩm: khách nhận hàng khác ảnh sẽ không quay lại.</p>"),
            ("document", "phieu-anh", "Tải phiếu tự kiểm tra ảnh sản phẩm (PDF)"),
            ("products", "Những sản phẩm có ảnh đẹp để tham khảo",
             ("BT-BINH-MEN-LAM-30", "VP-KHAN-LUA-180", "TH-NON-BAI-THO", "DL-LAN-HO-DIEP-3C")),
        ),
    ),
    DemoArticle(
        slug="an-toan-thong-tin-cho-ho-san-xuat",
        title="An toàn thông tin cho hộ sản xuất: bảo vệ tài khoản và mã OTP",
        date="2026-10-27",
        introduction=(
            "Mật khẩu mạnh, mã OTP không đưa cho ai, cẩn thận với đường link lạ: những thói quen giúp hộ sản "
            "xuất giữ an toàn tài khoản bán hàng và tài khoản ngân hàng."
        ),
        topics=("An toàn thông tin",),
        image="otp",
        level="beginner",
        audience="producers",
        documents=("canh-bao-lua-dao",),
        body=(
            ("text",
             "<h2>Năm thói quen cần có</h2>"
             "<ol><li><b>Mật khẩu riêng cho từng tài khoản</b>, dài ít nhất 12 ký tự; không dùng ngày sinh hay "
             "số điện thoại.</li>"
             "<li><b>Không bao giờ đọc mã OTP</b> cho người khác, kể cả người xưng là nhân viên ngân hàng, sàn "
             "thương mại điện tử hay cán bộ.</li>"
             "<li><b>Không bấm đường link lạ</b> trong tin nhắn; tự mở ứng dụng hoặc gõ địa chỉ trang chính "
             "thức.</li>"
             "<li><b>Cập nhật điện thoại</b> và chỉ cài ứng dụng từ kho ứng dụng chính thức.</li>"
             "<li><b>Bật thông báo biến động số dư</b> để phát hiện sớm giao dịch lạ.</li></ol>"),
            ("quote",
             "Ngân hàng, sàn thương mại điện tử và Chợ OCOP không bao giờ gọi điện xin mã OTP.",
             None),
            ("text",
             "<h2>Nếu lỡ bị lừa</h2>"
             "<p>Gọi ngay tổng đài ngân hàng để khóa tài khoản, đổi mật khẩu các tài khoản còn lại, báo công an "
             "xã kèm ảnh chụp tin nhắn, số điện thoại kẻ gian. Kể lại cho hàng xóm: mỗi người biết thêm một "
             "chiêu lừa là bớt một nạn nhân.</p>"),
            ("document", "canh-bao-lua-dao", "Tải tờ rơi “Năm dấu hiệu cuộc gọi, tin nhắn lừa đảo” (PDF)"),
            ("cta", "Tin cảnh báo mới nhất",
             "Mục Tin tức cập nhật các chiêu giả danh sàn thương mại điện tử đang nhắm vào người bán ở nông thôn.",
             "Đọc tin tức", "news"),
        ),
    ),
    DemoArticle(
        slug="ho-so-danh-gia-lai-san-pham-ocop",
        title="Hồ sơ đánh giá lại sản phẩm OCOP: chuẩn bị trước khi chứng nhận hết hạn",
        date="2026-10-15",
        introduction=(
            "Chứng nhận OCOP có giá trị 36 tháng. Bài này giúp chủ thể lập kế hoạch sáu tháng trước ngày hết "
            "hạn và biết hồ sơ đi qua những cấp nào sau khi bỏ cấp huyện."
        ),
        topics=("Chứng nhận OCOP",),
        image="ho-so-danh-gia",
        level="intermediate",
        audience="producers",
        documents=("ho-so-danh-gia-lai",),
        body=(
            ("text",
             "<h2>Sáu tháng trước ngày hết hạn</h2>"
             "<p>Xem lại giấy chứng nhận để biết ngày hết hạn. Kiểm tra kết quả kiểm nghiệm chất lượng còn hiệu "
             "lực không; nếu sắp hết, gửi mẫu kiểm nghiệm lại ngay vì việc này mất vài tuần.</p>"
             "<h2>Ba phần điểm theo Quyết định 148/QĐ-TTg</h2>"
             "<ul><li><b>Phần A — sản phẩm và sức mạnh cộng đồng (40 điểm)</b>: tổ chức sản xuất, phát triển "
             "sản phẩm, liên kết với người dân địa phương.</li>"
             "<li><b>Phần B — khả năng tiếp thị (25 điểm)</b>: kênh bán hàng, quảng bá, câu chuyện sản phẩm. "
             "Bán hàng trực tuyến và số liệu đơn hàng là bằng chứng tốt cho phần này.</li>"
             "<li><b>Phần C — chất lượng sản phẩm (35 điểm)</b>: cảm quan, dinh dưỡng, tiêu chuẩn, khả năng "
             "xuất khẩu.</li></ul>"
             "<h2>Hồ sơ đi đâu?</h2>"
             "<p>Từ ngày 1/7/2025, cấp huyện không còn: UBND xã tiếp nhận và kiểm tra hồ sơ, tỉnh đánh giá và "
             "công nhận sản phẩm 3 sao, 4 sao; sản phẩm đạt từ 90 điểm được gửi lên trung ương (Bộ Nông nghiệp và "
             "Môi trường) để công nhận 5 sao. Mẫu biểu cụ thể có thể khác nhau giữa các tỉnh: hỏi cán bộ xã "
             "phụ trách OCOP.</p>"),
            ("document", "ho-so-danh-gia-lai", "Tải danh mục hồ sơ đánh giá lại (PDF)"),
            ("products", "Sản phẩm có chứng nhận hết hạn trong tháng 12/2026",
             ("VH-HANH-TIM-1KG", "BT-AM-CHEN-MEN-RAN")),
        ),
    ),
    DemoArticle(
        slug="can-bo-xa-ho-tro-chu-the-len-san",
        title="Cán bộ xã hỗ trợ chủ thể OCOP lên sàn: việc cần làm ở xã thương mại điện tử",
        date="2026-09-30",
        introduction=(
            "Ở xã thí điểm thương mại điện tử, cán bộ xã là người nối chủ thể OCOP với kênh bán hàng trực "
            "tuyến: lập danh sách, tổ chức tập huấn, theo dõi số liệu và nhắc gia hạn chứng nhận."
        ),
        topics=("Xã thương mại điện tử", "Chuyển đổi số nông thôn"),
        image="can-bo-xa",
        level="intermediate",
        audience="commune_officials",
        documents=("so-theo-doi",),
        body=(
            ("text",
             "<h2>Lập danh sách chủ thể</h2>"
             "<p>Ghi mọi chủ thể OCOP trong xã: sản phẩm, số sao, ngày hết hạn chứng nhận, đã bán trực tuyến "
             "hay chưa. Danh sách này là điểm xuất phát để đo tiến độ so với mục tiêu ít nhất một nửa chủ thể bán "
             "hàng qua kênh hiện đại.</p>"
             "<h2>Tổ chức tập huấn theo nhóm nhỏ</h2>"
             "<p>Mỗi buổi năm đến mười hộ, học trên chính điện thoại và sản phẩm của họ. Ưu tiên ba bài: mở gian "
             "hàng, chụp ảnh sản phẩm, an toàn thông tin. Mời một hộ đã bán tốt chia sẻ kinh nghiệm.</p>"
             "<h2>Theo dõi hằng tháng</h2>"
             "<ul><li>Số chủ thể có gian hàng trực tuyến, số sản phẩm OCOP đăng bán theo hạng sao.</li>"
             "<li>Số đơn hàng, doanh thu, tài khoản còn hoạt động.</li>"
             "<li>Chứng nhận sắp hết hạn trong sáu tháng tới.</li></ul>"),
            ("quote",
             "Có sổ theo dõi, xã biết hộ nào cần giúp trước, thay vì chờ đến cuối năm mới tổng hợp.",
             "Cán bộ văn hóa – xã hội một xã thí điểm"),
            ("document", "so-theo-doi", "Tải mẫu sổ theo dõi chủ thể bán hàng trực tuyến (PDF)"),
            ("products", "Sản phẩm của các xã đang theo dõi",
             ("LN-VAI-TUOI-2KG", "LN-MO-HOA-VAI-500", "CP-CAM-5KG")),
        ),
    ),
    DemoArticle(
        slug="mua-san-pham-ocop-truc-tuyen-an-toan",
        title="Mua sản phẩm OCOP trực tuyến an toàn: kiểm tra sao, chứng nhận và cách thanh toán",
        date="2026-09-10",
        introduction=(
            "Người mua cũng cần biết cách kiểm tra: sản phẩm có đúng là OCOP không, chứng nhận còn hạn không, "
            "và chọn cách thanh toán nào cho yên tâm."
        ),
        topics=("An toàn thông tin", "Bán hàng trực tuyến"),
        image="mua-an-toan",
        level="beginner",
        audience="shoppers",
        body=(
            ("text",
             "<h2>Xem số sao và chứng nhận</h2>"
             "<p>Trên Chợ OCOP, số sao chỉ hiện khi chứng nhận còn hiệu lực. Trang sản phẩm ghi số giấy chứng "
             "nhận, cơ quan công nhận (tỉnh với 3 sao, 4 sao; Bộ Nông nghiệp và Môi trường với 5 sao) và thời hạn. "
             "Chứng nhận đã hết hạn được ghi rõ.</p>"
             "<h2>Biết nơi sản xuất</h2>"
             "<p>Mỗi sản phẩm ghi tên hợp tác xã hay hộ sản xuất và xã, tỉnh nơi làm ra. Sản phẩm của xã thí "
             "điểm thương mại điện tử có nhãn riêng.</p>"
             "<h2>Thanh toán</h2>"
             "<ul><li><b>Thanh toán khi nhận hàng</b>: kiểm tra hàng rồi mới trả tiền.</li>"
             "<li><b>Chuyển khoản bằng mã VietQR</b>: kiểm tra tên người nhận trước khi xác nhận.</li>"
             "<li>Không chuyển tiền theo tin nhắn, đường link ngoài trang.</li></ul>"),
            ("products", "Sản phẩm OCOP 5 sao còn hiệu lực", ("NT-YEN-TINH-50G", "NL-SAM-MAT-ONG-250")),
            ("cta", "Cảnh giác với lừa đảo",
             "Kẻ gian giả danh cả người bán lẫn sàn thương mại điện tử.",
             "Đọc tin cảnh báo", "canh-giac-gia-danh-san-thuong-mai-dien-tu"),
        ),
    ),
)
