"""The demo courses' text, written for this project: three courses of three lessons, each with a quiz.

A question is (text, kind, [(answer, correct)], explanation); kind "single" or "multiple"."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoLesson:
    title: str
    slug: str
    summary: str
    minutes: int
    body: tuple[str, ...]  # rich-text paragraphs (HTML)
    quiz: tuple = ()
    handout: tuple = ()  # (title, subtitle, points) of a one-page PDF to download


@dataclass(frozen=True)
class DemoCourse:
    title: str
    slug: str
    audience: str
    level: str
    minutes: int
    intro: str
    lessons: tuple[DemoLesson, ...]
    quiz: tuple = field(default_factory=tuple)
    pass_mark: int = 80


ECOMMERCE = DemoCourse(
    title="Bán hàng trên sàn thương mại điện tử cho hợp tác xã",
    slug="ban-hang-tren-san-tmdt-cho-htx",
    audience="cooperatives",
    level="beginner",
    minutes=60,
    intro=(
        "<p>Khoá học cho hợp tác xã và chủ thể OCOP muốn bán sản phẩm qua mạng: chọn sàn, chuẩn bị giấy tờ, chụp ảnh "
        "và viết mô tả bằng điện thoại, định giá, nhận đơn, đóng gói và giao hàng thu tiền hộ.</p>"
        "<p>Học xong, hợp tác xã có thể tự mở và vận hành một gian hàng trên Chợ OCOP hoặc các sàn khác.</p>"
    ),
    lessons=(
        DemoLesson(
            title="Chọn sàn và mở gian hàng",
            slug="chon-san-va-mo-gian-hang",
            summary="Các kênh bán hàng trực tuyến, giấy tờ cần chuẩn bị và người phụ trách gian hàng.",
            minutes=15,
            body=(
                "<h2>Chọn kênh phù hợp</h2>"
                "<p>Không cần mở gian hàng ở mọi nơi. Hãy bắt đầu với <b>một hoặc hai kênh</b> mà hợp tác xã theo dõi được hằng ngày:</p>"
                "<ul><li><b>Sàn dành cho sản phẩm nông thôn, OCOP</b> (Chợ OCOP, postmart.vn của Bưu điện, voso.vn của Viettel): "
                "có cán bộ hỗ trợ đăng ký, người mua tìm đúng đặc sản địa phương.</li>"
                "<li><b>Sàn thương mại điện tử lớn</b> (Shopee, Lazada, TikTok Shop): nhiều người mua nhưng cạnh tranh giá gắt, "
                "phí sàn và quy định giao hàng chặt hơn.</li>"
                "<li><b>Trang mạng xã hội và Zalo của hợp tác xã</b>: giữ liên lạc với khách quen, đăng thông tin mùa vụ.</li></ul>",
                "<h2>Giấy tờ cần có trước khi đăng ký</h2>"
                "<ul><li>Giấy chứng nhận đăng ký hợp tác xã (hoặc hộ kinh doanh) và mã số thuế.</li>"
                "<li>Tài khoản ngân hàng <b>đứng tên hợp tác xã</b> để nhận tiền hàng.</li>"
                "<li>Giấy chứng nhận sản phẩm OCOP (nếu có) — ghi rõ số giấy và hạng sao, còn hạn 36 tháng kể từ ngày cấp.</li>"
                "<li>Hồ sơ an toàn thực phẩm và bản tự công bố sản phẩm với thực phẩm, đồ uống.</li></ul>"
                "<p>Chụp sẵn các giấy tờ này bằng điện thoại, rõ nét, đủ bốn góc, để tải lên khi đăng ký.</p>",
                "<h2>Ai trực gian hàng?</h2>"
                "<p>Giao cho <b>một người phụ trách</b> (thường là thành viên trẻ, quen dùng điện thoại) và một người dự phòng. "
                "Người phụ trách xem đơn ít nhất hai lần mỗi ngày: nhiều sàn tự huỷ đơn chưa xác nhận sau 24 giờ, và đơn bị huỷ "
                "làm giảm uy tín gian hàng.</p>",
            ),
            handout=(
                "Mở gian hàng: danh sách chuẩn bị",
                "Bán hàng trên sàn thương mại điện tử cho hợp tác xã",
                ["Giấy đăng ký HTX và mã số thuế", "Tài khoản ngân hàng đứng tên HTX", "Giấy chứng nhận OCOP còn hạn",
                 "Hồ sơ an toàn thực phẩm, tự công bố", "Người phụ trách và người dự phòng", "Xem đơn hai lần mỗi ngày"],
            ),
        ),
        DemoLesson(
            title="Chụp ảnh và viết mô tả sản phẩm bằng điện thoại",
            slug="chup-anh-va-viet-mo-ta",
            summary="Ảnh rõ, đủ góc và một bản mô tả đúng, đủ thông tin là thứ người mua nhìn đầu tiên.",
            minutes=20,
            body=(
                "<h2>Ảnh sản phẩm</h2>"
                "<ol><li>Chụp gần cửa sổ hoặc ngoài hiên lúc trời sáng, <b>không dùng đèn flash</b>.</li>"
                "<li>Dùng nền trơn: tấm bìa trắng, chiếu cói, mặt bàn gỗ — không để đồ lặt vặt phía sau.</li>"
                "<li>Chụp 4–6 ảnh: ảnh chính cả gói, mặt trước và mặt sau bao bì (thấy rõ nhãn, hạn dùng), ảnh cận sản phẩm "
                "bên trong, ảnh so kích thước (cầm trên tay), ảnh tem OCOP.</li>"
                "<li>Lau ống kính trước khi chụp; giữ máy ngang tầm sản phẩm; không chỉnh màu làm sản phẩm khác thật.</li></ol>",
                "<h2>Mô tả sản phẩm</h2>"
                "<p>Một bản mô tả tốt trả lời trước các câu người mua hay hỏi:</p>"
                "<ul><li>Tên sản phẩm, <b>khối lượng hoặc thể tích tịnh</b>, quy cách đóng gói.</li>"
                "<li>Thành phần, nơi sản xuất (xã, tỉnh), chủ thể sản xuất.</li>"
                "<li>Hạng sao OCOP và <b>số giấy chứng nhận</b>, để người mua tự kiểm tra.</li>"
                "<li>Hạn sử dụng, cách bảo quản, cách dùng.</li>"
                "<li>Câu chuyện sản phẩm trong vài câu: vùng nguyên liệu, cách làm truyền thống.</li></ul>",
                "<p><b>Không</b> viết những điều không chứng minh được như “chữa khỏi bệnh”, “tốt nhất Việt Nam”: quảng cáo thực "
                "phẩm có công dụng chữa bệnh là vi phạm quy định, sàn có thể gỡ sản phẩm và khách mất lòng tin.</p>",
            ),
            quiz=(
                ("Ảnh nào nên có trong bộ ảnh của một gói trà?", "multiple",
                 [("Mặt sau bao bì thấy rõ nhãn và hạn dùng", True), ("Ảnh cận lá trà bên trong", True),
                  ("Ảnh chụp bằng đèn flash trong phòng tối", False)],
                 "Người mua cần thấy nhãn, hạn dùng và sản phẩm thật bên trong; đèn flash làm loá và sai màu."),
            ),
        ),
        DemoLesson(
            title="Giá bán, đơn hàng và giao hàng thu tiền hộ",
            slug="gia-ban-don-hang-va-giao-hang",
            summary="Tính giá đủ chi phí, xác nhận đơn đúng hạn, đóng gói chắc chắn và đối soát tiền thu hộ.",
            minutes=25,
            body=(
                "<h2>Tính giá bán</h2>"
                "<p>Giá bán trên sàn phải bù đủ: giá vốn sản phẩm + bao bì, đóng gói + phí sàn (thường là một tỷ lệ trên giá bán) "
                "+ phần phí vận chuyển hợp tác xã chịu + lãi mong muốn. Ví dụ: gói miến giá vốn 35.000 ₫, đóng gói 5.000 ₫, "
                "phí sàn 8% → bán 60.000 ₫ thì sau phí sàn còn 55.200 ₫, lãi 15.200 ₫ mỗi gói.</p>",
                "<h2>Nhận và xác nhận đơn</h2>"
                "<ul><li>Xác nhận hoặc từ chối đơn <b>trong ngày</b>; hết hàng thì báo ngay, đừng để đơn treo.</li>"
                "<li>Gọi lại người mua khi địa chỉ chưa rõ (xã, phường theo đơn vị hành chính mới).</li>"
                "<li>Ghi sổ hoặc bảng tính mỗi đơn: ngày, người mua, sản phẩm, số tiền, mã vận đơn.</li></ul>",
                "<h2>Đóng gói và giao hàng</h2>"
                "<p>Bọc chống sốc cho chai lọ, túi chống ẩm cho hàng khô, ghi “Hàng dễ vỡ” khi cần. Phần lớn người mua ở nông thôn "
                "chọn <b>thanh toán khi nhận hàng (COD)</b>: đơn vị vận chuyển thu tiền hộ rồi chuyển lại cho hợp tác xã theo kỳ đối "
                "soát. Hằng tuần, đối chiếu danh sách đơn đã giao với số tiền nhận về tài khoản; đơn bị trả lại phải được kiểm và "
                "nhập lại kho. Với chuyển khoản, gửi mã VietQR của tài khoản hợp tác xã và chỉ giao khi tiền đã về.</p>",
            ),
        ),
    ),
    quiz=(
        ("Tài khoản nhận tiền hàng của gian hàng nên đứng tên ai?", "single",
         [("Hợp tác xã", True), ("Người phụ trách gian hàng", False), ("Người thân của giám đốc", False)],
         "Tiền hàng là doanh thu của hợp tác xã: tài khoản đứng tên hợp tác xã giúp minh bạch sổ sách và thuế."),
        ("Bản mô tả sản phẩm cần có những gì?", "multiple",
         [("Khối lượng tịnh và hạn sử dụng", True), ("Số giấy chứng nhận OCOP và hạng sao", True),
          ("Câu “chữa khỏi bệnh dạ dày”", False), ("Cách bảo quản", True)],
         "Thông tin đúng, kiểm tra được giúp người mua tin; công dụng chữa bệnh không được quảng cáo cho thực phẩm."),
        ("Một đơn hàng mới mà sản phẩm đã hết, nên làm gì?", "single",
         [("Để đó, khi nào có hàng thì giao", False), ("Báo người mua và từ chối đơn ngay trong ngày", True),
          ("Giao sản phẩm khác cùng giá", False)],
         "Đơn treo bị sàn tự huỷ và làm giảm uy tín; báo ngay giúp người mua mua nơi khác và vẫn giữ được khách."),
        ("Giá vốn 35.000 ₫, đóng gói 5.000 ₫, phí sàn 8% giá bán. Bán 60.000 ₫ thì lãi mỗi gói là bao nhiêu?", "single",
         [("20.000 ₫", False), ("15.200 ₫", True), ("25.000 ₫", False)],
         "60.000 ₫ − 8% (4.800 ₫) = 55.200 ₫; trừ 35.000 ₫ và 5.000 ₫ còn 15.200 ₫."),
    ),
)

SECURITY = DemoCourse(
    title="An toàn thông tin cho người dân nông thôn",
    slug="an-toan-thong-tin-cho-nguoi-dan",
    audience="residents",
    level="beginner",
    minutes=45,
    intro=(
        "<p>Kẻ gian lừa qua tin nhắn SMS, Zalo và điện thoại ngày càng tinh vi. Khoá học giúp bà con nhận ra tin nhắn lừa đảo, "
        "giữ kín mã OTP, đặt mật khẩu mạnh và bật xác thực hai bước — những việc làm được ngay trên điện thoại của mình.</p>"
    ),
    lessons=(
        DemoLesson(
            title="Nhận biết tin nhắn lừa đảo qua SMS và Zalo",
            slug="nhan-biet-tin-nhan-lua-dao",
            summary="Những kiểu lừa đảo hay gặp và cách kiểm tra trước khi bấm, trả lời hay chuyển tiền.",
            minutes=15,
            body=(
                "<h2>Những kiểu lừa hay gặp</h2>"
                "<ul><li><b>Tin nhắn giả ngân hàng</b>: “Tài khoản của quý khách bị khoá, bấm vào đường dẫn để xác minh”. Tin có thể "
                "hiện đúng tên ngân hàng vì kẻ gian dùng thiết bị phát sóng giả; đường dẫn dẫn tới trang giả để lấy mật khẩu.</li>"
                "<li><b>Người quen nhắn Zalo vay tiền gấp</b>: tài khoản Zalo của người quen đã bị chiếm; có khi kẻ gian gọi video vài "
                "giây, hình mờ, rồi báo “mạng yếu”.</li>"
                "<li><b>Giả cán bộ</b> công an, thuế, điện lực, bảo hiểm: doạ phạt, doạ cắt điện, yêu cầu cài ứng dụng hoặc chuyển tiền "
                "“để xác minh”.</li>"
                "<li><b>Trúng thưởng, việc nhẹ lương cao</b>: bắt nộp phí trước hoặc “làm nhiệm vụ” chuyển tiền nhận hoa hồng.</li></ul>",
                "<h2>Dấu hiệu nhận biết</h2>"
                "<ul><li>Thúc giục: “ngay trong hôm nay”, “nếu không sẽ bị khoá”.</li>"
                "<li>Đường dẫn lạ, sai chính tả tên ngân hàng, đuôi lạ (.xyz, .top, .cc).</li>"
                "<li>Đòi mã OTP, mật khẩu, ảnh căn cước hai mặt, hoặc cài ứng dụng từ đường dẫn.</li>"
                "<li>Đòi chuyển tiền vào tài khoản cá nhân không phải của người đang nói chuyện.</li></ul>",
                "<h2>Làm gì khi nghi ngờ</h2>"
                "<ol><li>Không bấm đường dẫn, không trả lời.</li>"
                "<li>Tự gọi tổng đài ngân hàng theo số in trên thẻ, hoặc gọi cho người thân bằng số điện thoại đã lưu từ trước.</li>"
                "<li>Báo tin nhắn rác tới đầu số 156 và cuộc gọi rác tới 5656, báo công an xã khi đã bị lừa.</li>"
                "<li>Kể lại cho người nhà, nhất là người cao tuổi: lừa đảo hay nhắm vào người ít dùng điện thoại.</li></ol>",
            ),
            handout=(
                "Dừng lại — Kiểm tra — Báo",
                "An toàn thông tin cho người dân nông thôn",
                ["Không bấm đường dẫn lạ", "Không đọc mã OTP cho ai", "Gọi lại bằng số đã biết",
                 "Tin nhắn rác: 156, cuộc gọi rác: 5656", "Bị lừa: báo ngay ngân hàng và công an xã"],
            ),
        ),
        DemoLesson(
            title="Mã OTP: không bao giờ đưa cho ai",
            slug="ma-otp-khong-dua-cho-ai",
            summary="Mã OTP là chữ ký của bạn cho một giao dịch: ai có mã là người đó chuyển được tiền của bạn.",
            minutes=15,
            body=(
                "<p><b>OTP</b> (mã dùng một lần) là dãy số ngân hàng hoặc ứng dụng gửi để xác nhận <b>chính bạn</b> đang làm một việc: "
                "chuyển tiền, đăng nhập trên máy mới, đổi mật khẩu. Ai có mã này trong vài phút là làm được việc đó thay bạn.</p>",
                "<h2>Những câu kẻ gian hay dùng</h2>"
                "<ul><li>“Em là nhân viên ngân hàng, chị đọc giúp em mã vừa gửi để hoàn tiền.”</li>"
                "<li>“Shipper đây, anh đọc mã để em xác nhận giao hàng.”</li>"
                "<li>“Con nhắn nhầm mã vào máy bác, bác gửi lại giúp con.”</li></ul>"
                "<p>Ngân hàng, bưu điện, công an <b>không bao giờ</b> hỏi mã OTP. Mọi người hỏi mã đều là kẻ gian.</p>",
                "<h2>Đọc kỹ tin nhắn OTP</h2>"
                "<p>Tin OTP thường ghi việc đang làm và số tiền, ví dụ “Ma OTP 482913 de chuyen 9.800.000 VND…”. Nếu bạn không tự "
                "làm giao dịch đó: không nhập mã ở đâu cả, gọi ngay tổng đài ngân hàng để khoá tài khoản.</p>"
                "<p>Đừng cài ứng dụng từ đường dẫn người lạ gửi (giả dịch vụ công, giả điện lực): ứng dụng giả có thể đọc trộm tin "
                "nhắn OTP. Chỉ cài từ CH Play hoặc App Store.</p>"
                "<h2>Lỡ đưa mã rồi thì sao?</h2>"
                "<ol><li>Gọi ngay tổng đài ngân hàng, yêu cầu khoá tài khoản và thẻ.</li><li>Đổi mật khẩu ứng dụng ngân hàng.</li>"
                "<li>Báo công an xã, mang theo điện thoại có tin nhắn, số tài khoản kẻ gian.</li></ol>",
            ),
            quiz=(
                ("Người gọi xưng là nhân viên ngân hàng, xin mã OTP “để hoàn tiền”. Bạn làm gì?", "single",
                 [("Đọc mã vì họ biết tên và số tài khoản của mình", False), ("Từ chối, cúp máy và gọi tổng đài in trên thẻ", True)],
                 "Ngân hàng không bao giờ hỏi OTP. Kẻ gian có thể biết tên, số tài khoản của bạn từ dữ liệu bị lộ."),
            ),
        ),
        DemoLesson(
            title="Mật khẩu mạnh và xác thực hai bước",
            slug="mat-khau-manh-va-xac-thuc-hai-buoc",
            summary="Một mật khẩu dài cho mỗi tài khoản, và một lớp bảo vệ thứ hai khi mật khẩu bị lộ.",
            minutes=15,
            body=(
                "<h2>Mật khẩu mạnh</h2>"
                "<ul><li><b>Dài ít nhất 12 ký tự</b>: dễ nhất là một câu bạn nhớ, ví dụ <i>VuonCamNhaToCo3Hang!</i></li>"
                "<li>Không dùng ngày sinh, số điện thoại, tên con, “123456”.</li>"
                "<li><b>Mỗi tài khoản một mật khẩu</b>: Zalo, Facebook, thư điện tử, ngân hàng khác nhau. Lộ một cái, các cái khác vẫn an toàn.</li>"
                "<li>Ghi vào sổ cất ở nhà hoặc dùng ứng dụng quản lý mật khẩu; không chụp ảnh để trong máy, không gửi qua tin nhắn.</li></ul>",
                "<h2>Xác thực hai bước</h2>"
                "<p>Bật xác thực hai bước (hai lớp) thì kẻ gian có mật khẩu vẫn chưa vào được: cần thêm mã gửi về điện thoại của bạn "
                "hoặc xác nhận trên máy của bạn. Vào phần <b>Cài đặt → Tài khoản và bảo mật</b> của Zalo, Facebook, Gmail, tìm mục "
                "“Xác thực hai yếu tố” hoặc “Xác thực 2 lớp” và làm theo hướng dẫn.</p>",
                "<h2>Giữ điện thoại an toàn</h2>"
                "<ul><li>Đặt khoá màn hình bằng mã số hoặc vân tay.</li><li>Cập nhật hệ điều hành và ứng dụng khi có bản mới.</li>"
                "<li>Không cho người lạ mượn máy “để gọi nhờ” rồi đi khuất.</li></ul>",
            ),
        ),
    ),
    quiz=(
        ("Dấu hiệu nào cho thấy một tin nhắn có thể là lừa đảo?", "multiple",
         [("Thúc giục làm ngay kẻo tài khoản bị khoá", True), ("Có đường dẫn lạ tới trang “xác minh”", True),
          ("Đòi mã OTP hoặc mật khẩu", True), ("Là tin báo lịch họp của thôn do trưởng thôn gửi như mọi tháng", False)],
         "Thúc giục, đường dẫn lạ và đòi mã là ba dấu hiệu điển hình; tin quen thuộc từ người bạn biết thì không."),
        ("Người quen nhắn Zalo vay gấp 5 triệu, gửi số tài khoản người khác. Việc đầu tiên nên làm?", "single",
         [("Chuyển ngay vì là người quen", False), ("Gọi điện thoại cho người đó bằng số đã lưu để hỏi lại", True),
          ("Nhắn lại trên Zalo hỏi có thật không", False)],
         "Tài khoản Zalo có thể đã bị chiếm, nên hỏi lại trên Zalo là hỏi kẻ gian; hãy gọi bằng số điện thoại đã biết."),
        ("Ai được phép biết mã OTP của bạn?", "single",
         [("Nhân viên ngân hàng", False), ("Công an xã", False), ("Không ai cả", True)],
         "OTP xác nhận chính bạn làm giao dịch; không cơ quan nào được hỏi mã này."),
        ("Mật khẩu nào mạnh nhất?", "single",
         [("12031985", False), ("matkhau", False), ("VuonCamNhaToCo3Hang!", True)],
         "Dài, có chữ hoa, chữ thường, số và ký hiệu, lại không đoán được từ thông tin cá nhân."),
        ("Xác thực hai bước giúp gì?", "single",
         [("Kẻ gian có mật khẩu vẫn cần thêm mã hoặc xác nhận trên máy của bạn", True), ("Không cần mật khẩu nữa", False),
          ("Điện thoại chạy nhanh hơn", False)],
         "Lớp thứ hai chặn kẻ gian khi mật khẩu bị lộ."),
    ),
)

OFFICIALS = DemoCourse(
    title="Chuyển đổi số trong xây dựng nông thôn mới cho cán bộ xã",
    slug="chuyen-doi-so-cho-can-bo-xa",
    audience="officials",
    level="intermediate",
    minutes=60,
    intro=(
        "<p>Khoá học cho cán bộ xã, phường phụ trách nông thôn mới, OCOP, văn hoá – xã hội và tổ công nghệ số cộng đồng: "
        "chuyển đổi số ở cấp xã làm gì, hướng dẫn người dân dùng dịch vụ công trực tuyến, giữ an toàn dữ liệu, "
        "đưa sản phẩm OCOP của xã lên sàn và theo dõi chỉ tiêu xã thương mại điện tử.</p>"
    ),
    lessons=(
        DemoLesson(
            title="Chuyển đổi số ở xã: làm gì, ai làm",
            slug="chuyen-doi-so-o-xa",
            summary="Ba trụ cột chính quyền số, kinh tế số, xã hội số và những việc cụ thể ở cấp xã.",
            minutes=20,
            body=(
                "<p>Chương trình Chuyển đổi số quốc gia (Quyết định 749/QĐ-TTg năm 2020) có ba trụ cột: <b>chính quyền số, kinh tế số, "
                "xã hội số</b>. Ở cấp xã, ba trụ cột thành những việc rất cụ thể:</p>"
                "<ul><li><b>Chính quyền số</b>: tiếp nhận và trả kết quả thủ tục trực tuyến, số hoá hồ sơ, điều hành bằng văn bản điện tử.</li>"
                "<li><b>Kinh tế số</b>: hợp tác xã, hộ sản xuất, chủ thể OCOP bán hàng trên sàn; "
                "thanh toán không dùng tiền mặt ở chợ, trường, trạm y tế.</li>"
                "<li><b>Xã hội số</b>: người dân có điện thoại thông minh, biết dùng dịch vụ công, biết tự bảo vệ trước lừa đảo.</li></ul>",
                "<h2>Ai làm</h2>"
                "<p><b>Tổ công nghệ số cộng đồng</b> ở thôn, bản (đoàn viên, công an viên, giáo viên, người có điện thoại thông minh) "
                "đến từng hộ hướng dẫn. Cán bộ xã lập danh sách hộ cần hỗ trợ, phân công tổ theo thôn, và theo dõi kết quả hằng tháng.</p>",
                "<h2>Xã thí điểm</h2>"
                "<p>Quyết định 924/QĐ-TTg (2022) thí điểm <b>xã thương mại điện tử</b> và <b>xã nông thôn mới thông minh</b>, mỗi tỉnh ít "
                "nhất một xã nông thôn mới thông minh. Xã được chọn thí điểm cần đặt chỉ tiêu rõ, đo được, và báo cáo định kỳ.</p>",
            ),
        ),
        DemoLesson(
            title="Dịch vụ công trực tuyến và bảo vệ dữ liệu cá nhân",
            slug="dich-vu-cong-va-du-lieu-ca-nhan",
            summary="Hướng dẫn người dân nộp hồ sơ trực tuyến và giữ an toàn dữ liệu người dân ở bộ phận một cửa.",
            minutes=20,
            body=(
                "<h2>Giúp người dân nộp hồ sơ trực tuyến</h2>"
                "<ol><li>Người dân kích hoạt tài khoản định danh điện tử <b>VNeID mức 2</b> (tại công an xã), dùng để đăng nhập Cổng "
                "Dịch vụ công quốc gia dichvucong.gov.vn.</li>"
                "<li>Tại bộ phận một cửa, đặt một máy tính hoặc máy tính bảng và một người hướng dẫn: làm cùng người dân lần đầu, lần sau "
                "họ tự làm ở nhà.</li>"
                "<li>Chọn trước vài thủ tục hay dùng (khai sinh, đăng ký thường trú, chứng thực) để in hướng dẫn từng bước dán ở bảng tin.</li>"
                "<li>Trả kết quả bản điện tử khi được; số hoá kết quả đã giải quyết để người dân không phải nộp lại giấy tờ.</li></ol>",
                "<h2>Bảo vệ dữ liệu cá nhân</h2>"
                "<p>Hồ sơ người dân chứa số định danh, địa chỉ, số điện thoại, có khi cả thông tin sức khoẻ. Theo quy định về bảo vệ dữ liệu "
                "cá nhân (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân):</p>"
                "<ul><li>Chỉ thu thập thông tin cần cho thủ tục; không chụp giữ căn cước của người dân khi không cần.</li>"
                "<li>Không gửi danh sách người dân qua nhóm Zalo công khai; dùng hệ thống của cơ quan, đặt mật khẩu tệp khi phải gửi.</li>"
                "<li>Máy tính một cửa có mật khẩu riêng từng người, khoá màn hình khi rời chỗ, không cắm USB lạ.</li></ul>",
                "<p>Cán bộ cũng là mục tiêu của thư điện tử giả mạo cơ quan cấp trên: kiểm tra địa chỉ người gửi, không mở tệp đính kèm lạ "
                "(.exe, .zip có mật khẩu), gọi điện xác minh khi văn bản đòi chuyển tiền hay cung cấp tài khoản.</p>",
            ),
            handout=(
                "Một cửa an toàn dữ liệu",
                "Chuyển đổi số trong xây dựng nông thôn mới",
                ["Chỉ thu thập thông tin cần thiết", "Không gửi danh sách qua nhóm Zalo công khai", "Mật khẩu riêng, khoá màn hình",
                 "Không cắm USB lạ", "Gọi xác minh văn bản đòi chuyển tiền"],
            ),
        ),
        DemoLesson(
            title="Đưa sản phẩm OCOP của xã lên sàn và theo dõi chỉ tiêu",
            slug="san-pham-ocop-len-san-va-chi-tieu",
            summary="Hỗ trợ chủ thể OCOP bán trực tuyến và đo kết quả bằng số liệu của chương trình.",
            minutes=20,
            body=(
                "<h2>Hỗ trợ chủ thể OCOP</h2>"
                "<p>Mục tiêu của chương trình (Quyết định 919/QĐ-TTg): <b>ít nhất 50% chủ thể OCOP bán hàng qua kênh hiện đại</b>, "
                "trong đó có thương mại điện tử. Cán bộ xã:</p>"
                "<ul><li>Lập danh sách chủ thể OCOP của xã, ghi ai đã có gian hàng trực tuyến, ai chưa và vì sao.</li>"
                "<li>Tổ chức buổi “cầm tay chỉ việc”: mở gian hàng, chụp ảnh, viết mô tả (khoá “Bán hàng trên sàn thương mại điện tử "
                "cho hợp tác xã”).</li>"
                "<li>Nhắc chủ thể gia hạn giấy chứng nhận OCOP trước khi hết hạn 36 tháng, để sản phẩm không bị gỡ khỏi danh mục OCOP.</li></ul>",
                "<h2>Theo dõi bằng số liệu</h2>"
                "<p>Trên bảng số liệu của chương trình, theo dõi hằng tháng cho xã: số chủ thể đang bán trực tuyến, số sản phẩm OCOP "
                "theo hạng sao, số đơn và doanh thu, giấy chứng nhận sắp hết hạn, số người đã tập huấn. Con số giúp biết thôn nào, "
                "hợp tác xã nào cần hỗ trợ tiếp, và là căn cứ báo cáo kết quả xã thí điểm.</p>",
                "<h2>Đơn vị hành chính mới</h2>"
                "<p>Từ ngày 1/7/2025 không còn cấp huyện; địa chỉ ghi theo <b>xã/phường, tỉnh/thành phố</b>. Nhắc chủ thể cập nhật địa chỉ "
                "trên gian hàng và trên bao bì khi in lại để đơn hàng giao đúng.</p>",
            ),
        ),
    ),
    quiz=(
        ("Ba trụ cột của chuyển đổi số là gì?", "single",
         [("Chính quyền số, kinh tế số, xã hội số", True), ("Máy tính, mạng, phần mềm", False), ("Tỉnh, xã, thôn", False)],
         "Quyết định 749/QĐ-TTg đặt ba trụ cột: chính quyền số, kinh tế số và xã hội số."),
        ("Việc nào giúp bảo vệ dữ liệu cá nhân của người dân ở bộ phận một cửa?", "multiple",
         [("Chỉ thu thập thông tin cần cho thủ tục", True), ("Gửi danh sách người dân vào nhóm Zalo của thôn cho tiện", False),
          ("Khoá màn hình khi rời chỗ", True), ("Mỗi cán bộ một mật khẩu riêng", True)],
         "Thu thập tối thiểu và kiểm soát ai truy cập là nguyên tắc của bảo vệ dữ liệu; nhóm Zalo công khai làm lộ dữ liệu."),
        ("Người dân đăng nhập Cổng Dịch vụ công quốc gia bằng gì?", "single",
         [("Tài khoản định danh điện tử VNeID mức 2", True), ("Số điện thoại của cán bộ xã", False), ("Tài khoản Facebook", False)],
         "Tài khoản VNeID mức 2 do công an kích hoạt dùng để đăng nhập dịch vụ công trực tuyến."),
        ("Mục tiêu về chủ thể OCOP bán qua kênh hiện đại (Quyết định 919/QĐ-TTg) là bao nhiêu?", "single",
         [("Ít nhất 50%", True), ("Ít nhất 10%", False), ("100% trong năm đầu", False)],
         "Ít nhất một nửa số chủ thể OCOP bán qua kênh hiện đại, trong đó có thương mại điện tử."),
        ("Giấy chứng nhận OCOP có hiệu lực bao lâu?", "single",
         [("12 tháng", False), ("36 tháng", True), ("Không thời hạn", False)],
         "Giấy chứng nhận có hiệu lực 36 tháng: nhắc chủ thể đánh giá lại trước khi hết hạn."),
    ),
)

COURSES = (ECOMMERCE, SECURITY, OFFICIALS)
