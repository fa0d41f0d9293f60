"""Demo training classes: upcoming and past, in several provinces, with registrations, a waiting list and
attendance, run by a demo training-staff account. Made through the services, idempotent (keyed by title)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from ocop_catalog.models import Commune

from . import lifecycle
from .models import ClassSession, Registration, TrainingClass
from .services import attendance_mark, registration_cancel, registration_create

# The demo accounts' domain (sellers.demo.DEMO_EMAIL_DOMAIN): a production site refuses its sign-ins.
DEMO_STAFF_EMAIL = "tap-huan@demo.cho-ocop.vn"


@dataclass(frozen=True)
class DemoClass:
    title: str
    audience: str
    topic: str
    description: str
    province: str  # short name
    commune: str  # preferred commune short name; the province's first commune otherwise
    place: str
    days: int  # from today: negative for a class already held
    hour: int
    hours: int
    capacity: int
    registrants: int
    online_link: str = ""


CLASSES = [
    DemoClass(
        "Bán hàng trên sàn thương mại điện tử cho hợp tác xã", "cooperatives", "Thương mại điện tử",
        "Mở gian hàng trên Chợ OCOP, chụp ảnh sản phẩm bằng điện thoại, viết mô tả, nhận và xác nhận đơn, giao hàng "
        "thu tiền hộ (COD). Mang theo điện thoại thông minh và một sản phẩm OCOP của hợp tác xã.",
        "Lào Cai", "Bắc Hà", "Hội trường UBND xã", 6, 8, 4, 12, 15,
    ),
    DemoClass(
        "An toàn thông tin cho người dân nông thôn", "residents", "An toàn thông tin",
        "Nhận biết tin nhắn SMS và Zalo lừa đảo, không bao giờ đọc mã OTP cho người khác, đặt mật khẩu mạnh và bật "
        "xác thực hai bước cho tài khoản ngân hàng và mạng xã hội.",
        "Đồng Tháp", "Cao Lãnh", "Nhà văn hoá ấp", 9, 14, 2, 5, 8,
    ),
    DemoClass(
        "Chuyển đổi số trong xây dựng nông thôn mới cho cán bộ xã", "officials", "Chuyển đổi số",
        "Dịch vụ công trực tuyến, số hoá hồ sơ OCOP của xã, theo dõi chỉ tiêu xã thương mại điện tử trên bảng số liệu "
        "của chương trình. Lớp học trực tuyến: đường dẫn gửi cho người đã đăng ký.",
        "Hà Nội", "Ba Đình", "", 4, 9, 3, 30, 6, "https://meet.jit.si/cho-ocop-chuyen-doi-so-can-bo-xa",
    ),
    DemoClass(
        "Chụp ảnh và viết mô tả sản phẩm OCOP bằng điện thoại", "cooperatives", "Thương mại điện tử",
        "Buổi thực hành: ánh sáng, nền, góc chụp; mô tả đúng tiêu chuẩn, hạn dùng, số giấy chứng nhận OCOP.",
        "Sơn La", "Mộc Châu", "Trung tâm văn hoá xã", -20, 8, 4, 20, 14,
    ),
    DemoClass(
        "An toàn thông tin cho cán bộ xã", "officials", "An toàn thông tin",
        "Thư điện tử giả mạo cơ quan nhà nước, mã độc qua tệp đính kèm, quản lý mật khẩu và thiết bị công vụ.",
        "Đà Nẵng", "Hội An", "Hội trường UBND phường", -10, 8, 3, 25, 18,
    ),
]  # fmt: skip

NAMES = [
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Hoa", "Đặng Văn Hùng",
    "Bùi Thị Lan", "Đỗ Văn Minh", "Hồ Thị Ngọc", "Ngô Văn Phúc", "Dương Thị Quỳnh", "Lý Văn Sơn", "Mai Thị Thu",
    "Đinh Văn Tuấn", "Trịnh Thị Uyên", "Cao Văn Vinh", "Lò Thị Xuân",
]  # fmt: skip
ROLES = ["resident", "cooperative_member", "official", "producer"]


def _commune(spec: DemoClass) -> Commune | None:
    communes = Commune.objects.filter(province__short_name=spec.province).order_by("name")
    return communes.filter(short_name=spec.commune).first() or communes.first()


def _staff_user():
    User = get_user_model()
    user = User.objects.filter(email=DEMO_STAFF_EMAIL).first()
    if user is None:
        user = User.objects.create_user(email=DEMO_STAFF_EMAIL, password=settings.DEMO_PASSWORD, first_name="Cán bộ tập huấn")
    user.user_permissions.add(Permission.objects.get(codename="view_reach", content_type__app_label="training_classes"))
    return user


def demo_classes_load(stdout=None) -> str:
    """Loads the demo classes once; a second run finds them by title and changes nothing."""
    created = 0
    with transaction.atomic():
        staff = _staff_user()
        for index, spec in enumerate(CLASSES):
            commune = _commune(spec)
            if commune is None or TrainingClass.objects.filter(title=spec.title).exists():
                continue
            created += 1
            _load_class(spec, index=index, commune=commune, staff=staff)
            if stdout is not None:
                stdout.write(f"  class: {spec.title} ({commune})")
    return (
        f"Demo training classes: {TrainingClass.objects.filter(title__in=[c.title for c in CLASSES]).count()} ({created} new); "
        f"staff {DEMO_STAFF_EMAIL} with the demo password, at /tap-huan/lop/quan-ly/."
    )


def _load_class(spec: DemoClass, *, index: int, commune: Commune, staff) -> None:
    online = bool(spec.online_link)
    training_class = TrainingClass.objects.create(
        title=spec.title, audience=spec.audience, topic=spec.topic, description=spec.description,
        mode=TrainingClass.Mode.ONLINE if online else TrainingClass.Mode.IN_PERSON, province=commune.province,
        commune=None if online else commune, place=spec.place, online_link=spec.online_link, capacity=spec.capacity,
    )  # fmt: skip
    training_class.staff.add(staff)
    local_day = timezone.localdate() + datetime.timedelta(days=max(spec.days, 1))
    start = timezone.make_aware(datetime.datetime.combine(local_day, datetime.time(spec.hour)))
    session = ClassSession.objects.create(training_class=training_class, starts_at=start, ends_at=start + datetime.timedelta(hours=spec.hours))
    neighbours = list(Commune.objects.filter(province=commune.province).order_by("name")[:4]) or [commune]
    registrations = [
        registration_create(
            class_id=training_class.pk, name=NAMES[(number + index) % len(NAMES)], phone=f"09{index + 1:02d}{number:06d}",
            commune=neighbours[number % len(neighbours)], role=ROLES[number % len(ROLES)],
        ).registration
        for number in range(spec.registrants)
    ]  # fmt: skip
    if len(registrations) > spec.capacity:
        registration_cancel(registration_id=registrations[0].pk)  # someone freed a place; the first waiting moved up
    if spec.days < 0:
        # A class already held: registered while it was ahead, then the day came and staff marked who attended.
        held = timezone.make_aware(datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=spec.days), datetime.time(spec.hour)))
        ClassSession.objects.filter(pk=session.pk).update(starts_at=held, ends_at=held + datetime.timedelta(hours=spec.hours))
        confirmed = Registration.objects.filter(training_class=training_class, status=lifecycle.CONFIRMED).order_by("pk")
        attendance_mark(training_class=training_class, attended_ids={r.pk for i, r in enumerate(confirmed) if i % 5 != 4})
