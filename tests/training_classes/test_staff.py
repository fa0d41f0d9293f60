"""Staff running a class: attendance on a phone, CSV exports; phone numbers for them only; reach per area."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from training.classes import lifecycle
from training.classes.models import Registration
from training.classes.selectors import reach_by_area

from .conftest import make_class, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    User = get_user_model()
    return User.objects.create_user(email="canbo@example.vn", password="x")


@pytest.fixture
def other_staff(db):
    User = get_user_model()
    return User.objects.create_user(email="khac@example.vn", password="x")


def test_staff_mark_attendance_with_one_post_of_check_boxes(client, places, staff):
    c = make_class(commune=places["ba_dinh"], capacity=3, staff=[staff])
    people = [register(c, commune=places["ba_dinh"]) for _ in range(4)]  # 3 confirmed, 1 waiting
    other_class_registration = register(make_class(commune=places["ba_dinh"]), commune=places["ba_dinh"])
    client.force_login(staff)
    page = client.get(reverse("training_classes:staff-detail", kwargs={"pk": c.pk})).content.decode()
    assert page.count('type="checkbox"') == 3 and people[0].phone in page
    response = client.post(
        reverse("training_classes:staff-detail", kwargs={"pk": c.pk}),
        {"attended": [people[0].pk, people[2].pk, people[3].pk, other_class_registration.pk, "x"]},
    )
    assert response.status_code == 302
    attended = set(Registration.objects.filter(attended=True).values_list("pk", flat=True))
    assert attended == {people[0].pk, people[2].pk}  # the waiting one and another class's are ignored
    client.post(reverse("training_classes:staff-detail", kwargs={"pk": c.pk}), {"attended": [people[2].pk]})
    assert set(Registration.objects.filter(attended=True).values_list("pk", flat=True)) == {people[2].pk}


def test_the_csv_of_registrants_has_a_bom_and_vietnamese_headers(client, places, staff):
    c = make_class(commune=places["ba_dinh"], capacity=1, staff=[staff])
    register(c, commune=places["ba_dinh"], name="Nguyễn Thị Hoa", phone="0912000111")
    register(c, commune=places["ba_dinh"], name="=HYPERLINK(1)", phone="0912000222")
    client.force_login(staff)
    response = client.get(reverse("training_classes:staff-csv", kwargs={"pk": c.pk}))
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][:3] == ["STT", "Họ và tên", "Số điện thoại"]
    assert rows[1][1:3] == ["Nguyễn Thị Hoa", "0912000111"]
    assert rows[1][7] == "Đã xác nhận" or rows[1][7] == "Confirmed"
    assert rows[2][1] == "'=HYPERLINK(1)"  # never a formula in a spreadsheet


def test_another_staff_member_sees_nothing_of_a_class_they_do_not_run(client, places, staff, other_staff):
    c = make_class(commune=places["ba_dinh"], staff=[staff])
    registration = register(c, commune=places["ba_dinh"], phone="0988777666")
    client.force_login(other_staff)
    for name in ("staff-detail", "staff-csv"):
        response = client.get(reverse(f"training_classes:{name}", kwargs={"pk": c.pk}))
        assert response.status_code == 404
        assert b"0988777666" not in response.content
    assert client.post(reverse("training_classes:staff-detail", kwargs={"pk": c.pk}), {"attended": [registration.pk]}).status_code == 404
    registration.refresh_from_db()
    assert registration.attended is False
    assert c.title not in client.get(reverse("training_classes:staff-list")).content.decode()


def test_anonymous_visitors_are_sent_to_sign_in_for_staff_pages(client, places):
    c = make_class(commune=places["ba_dinh"])
    detail = reverse("training_classes:staff-detail", kwargs={"pk": c.pk})
    staff_urls = (reverse("training_classes:staff-list"), detail, reverse("training_classes:reach"))
    for url in staff_urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_reach_counts_people_trained_once_per_phone_per_commune_and_province(places, django_assert_max_num_queries):
    a = make_class(commune=places["ba_dinh"], capacity=10)
    b = make_class(commune=places["bac_ha"], capacity=10)
    for registration in [
        register(a, commune=places["ba_dinh"], phone="0911000001"),
        register(b, commune=places["ba_dinh"], phone="0911000001"),  # the same person, twice
        register(a, commune=places["ba_dinh"], phone="0911000002"),
        register(b, commune=places["bac_ha"], phone="0911000003"),
    ]:
        Registration.objects.filter(pk=registration.pk).update(attended=True)
    register(a, commune=places["ba_dinh"], phone="0911000004")  # did not attend
    with django_assert_max_num_queries(2):  # the attendances, and the course completions (training.selectors)
        rows = reach_by_area()
    assert [(r.province, r.commune, r.trained, r.attendances) for r in rows] == [
        ("Hà Nội", "Phường Ba Đình", 2, 3),
        ("Lào Cai", "Xã Bắc Hà", 1, 1),
    ]
    assert [(r.province_code, r.trained) for r in reach_by_area(by="province")] == [("01", 2), ("15", 1)]
    assert [r.commune for r in reach_by_area(province_code="15")] == ["Xã Bắc Hà"]


def test_the_reach_page_and_csv_are_for_holders_of_the_permission(client, places, staff):
    c = make_class(commune=places["ba_dinh"], staff=[staff])
    Registration.objects.filter(pk=register(c, commune=places["ba_dinh"]).pk).update(attended=True)
    client.force_login(staff)
    assert client.get(reverse("training_classes:reach")).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_reach", content_type__app_label="training_classes"))
    assert "Phường Ba Đình" in client.get(reverse("training_classes:reach")).content.decode()
    body = client.get(reverse("training_classes:reach-csv"), {"theo": "tinh"}).content.decode("utf-8")
    assert body.startswith("\ufeffMã tỉnh,")
    assert "01,Hà Nội,,,1,1,0" in body


def test_registration_status_is_declared_once(places):
    assert set(lifecycle.STATUSES) == {lifecycle.CONFIRMED, lifecycle.WAITING, lifecycle.CANCELLED}


def test_a_superuser_creates_classes_in_the_admin_where_no_registrant_is_listed(client, places):
    admin = get_user_model().objects.create_superuser(email="admin@example.vn", password="x")
    c = make_class(commune=places["ba_dinh"])
    register(c, commune=places["ba_dinh"], phone="0966555444")
    client.force_login(admin)
    assert client.get("/django-admin/training_classes/trainingclass/add/").status_code == 200
    page = client.get(f"/django-admin/training_classes/trainingclass/{c.pk}/change/")
    assert page.status_code == 200 and b"0966555444" not in page.content
    assert client.get("/django-admin/training_classes/registration/").status_code == 404


def test_the_staff_pages_read_many_registrants_in_a_fixed_number_of_queries(client, places, staff, django_assert_max_num_queries):
    # The layout of a signed-in page (session, basket, menus, permissions) takes about 14; ours are 3.
    c = make_class(commune=places["ba_dinh"], capacity=20, staff=[staff])
    for _ in range(30):
        register(c, commune=places["ba_dinh"])
    client.force_login(staff)
    for name in ("staff-detail", "staff-csv"):
        with django_assert_max_num_queries(20):
            assert client.get(reverse(f"training_classes:{name}", kwargs={"pk": c.pk})).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("training_classes:staff-list")).status_code == 200
