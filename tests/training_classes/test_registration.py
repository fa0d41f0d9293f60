"""Registration: places, the waiting list, moving up on a cancellation, and what the registrant is told."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from training.classes import lifecycle
from training.classes.models import Registration
from training.classes.services import RegistrationRefused, registration_cancel, registration_create

from .conftest import make_class, next_phone, register

pytestmark = pytest.mark.django_db


def test_registrations_are_confirmed_while_places_remain_then_wait(places):
    c = make_class(commune=places["ba_dinh"], capacity=2)
    statuses = [register(c, commune=places["ba_dinh"]).status for _ in range(4)]
    assert statuses == [lifecycle.CONFIRMED, lifecycle.CONFIRMED, lifecycle.WAITING, lifecycle.WAITING]


def test_the_same_phone_cannot_register_twice_for_a_class(places):
    c = make_class(commune=places["ba_dinh"])
    register(c, commune=places["ba_dinh"], phone="0912345678")
    with pytest.raises(RegistrationRefused):
        register(c, commune=places["ba_dinh"], phone="0912345678")


def test_a_class_that_is_over_refuses_registrations(places):
    c = make_class(commune=places["ba_dinh"], days=-2)
    with pytest.raises(RegistrationRefused):
        register(c, commune=places["ba_dinh"])


def test_cancelling_a_confirmed_place_moves_the_first_waiting_up_and_tells_them(places, django_capture_on_commit_callbacks):
    c = make_class(commune=places["ba_dinh"], capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(c, commune=places["ba_dinh"], email="an@example.vn")
        second = register(c, commune=places["ba_dinh"], name="Trần Thị Bình", email="binh@example.vn")
        third = register(c, commune=places["ba_dinh"], name="Lê Văn Cường", email="cuong@example.vn")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = registration_cancel(registration_id=first.pk)
    assert promoted.pk == second.pk
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses == {first.pk: lifecycle.CANCELLED, second.pk: lifecycle.CONFIRMED, third.pk: lifecycle.WAITING}
    assert [m.to for m in mail.outbox] == [["binh@example.vn"]]
    assert "/tap-huan/lop/dang-ky/" in mail.outbox[0].body


def test_cancelling_a_waiting_registration_promotes_nobody(places):
    c = make_class(commune=places["ba_dinh"], capacity=1)
    register(c, commune=places["ba_dinh"])
    waiting = register(c, commune=places["ba_dinh"])
    assert registration_cancel(registration_id=waiting.pk) is None
    assert registration_cancel(registration_id=waiting.pk) is None  # twice: nothing more changes


def test_a_confirmation_is_emailed_when_an_address_is_given(places, django_capture_on_commit_callbacks):
    c = make_class(commune=places["ba_dinh"], capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(class_id=c.pk, name="An", phone=next_phone(), commune=places["ba_dinh"], role="official", email="an@example.vn")
        registration_create(class_id=c.pk, name="Bình", phone=next_phone(), commune=places["ba_dinh"], role="official")
    assert len(mail.outbox) == 1
    assert c.title in mail.outbox[0].subject


def test_the_public_form_registers_and_shows_the_confirmation_on_screen(client, places):
    c = make_class(commune=places["ba_dinh"], capacity=1)
    data = {"name": "Phạm Thị Dung", "phone": "+84 912.345.678", "commune": places["ba_dinh"].pk, "role": "resident"}
    response = client.post(reverse("training_classes:detail", kwargs={"pk": c.pk}), data, follow=True)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.phone == "0912345678" and registration.status == lifecycle.CONFIRMED
    page = response.content.decode()
    assert "Phạm Thị Dung" in page
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"] and response["X-Robots-Tag"].startswith("noindex")


@pytest.mark.parametrize("phone", ["0212345678", "091234567", "abc", "09123456789"])
def test_the_form_refuses_a_number_that_is_not_a_vietnamese_mobile(client, places, phone):
    c = make_class(commune=places["ba_dinh"])
    data = {"name": "An", "phone": phone, "commune": places["ba_dinh"].pk, "role": "resident"}
    response = client.post(reverse("training_classes:detail", kwargs={"pk": c.pk}), data)
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_form_refuses_a_commune_of_another_province(client, places):
    c = make_class(commune=places["ba_dinh"])
    data = {"name": "An", "phone": "0912345678", "commune": places["bac_ha"].pk, "role": "resident"}
    assert client.post(reverse("training_classes:detail", kwargs={"pk": c.pk}), data).status_code == 400


def test_the_public_form_is_rate_limited_per_client(client, places, settings):
    settings.TRAINING_REGISTRATIONS_PER_CLIENT = 3
    c = make_class(commune=places["ba_dinh"], capacity=50)
    url = reverse("training_classes:detail", kwargs={"pk": c.pk})
    codes = [
        client.post(url, {"name": "An", "phone": next_phone(), "commune": places["ba_dinh"].pk, "role": "resident"}).status_code for _ in range(4)
    ]
    assert codes == [302, 302, 302, 429]
    assert Registration.objects.count() == 3


def test_the_class_list_filters_by_province_and_hides_past_classes(client, places, django_assert_max_num_queries):
    for index in range(6):
        make_class(commune=places["ba_dinh"], title=f"Lớp Hà Nội {index}")
    make_class(commune=places["bac_ha"], title="Lớp Lào Cai")
    make_class(commune=places["bac_ha"], title="Lớp đã qua", days=-5)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("training_classes:list"), {"tinh": "15"}).content.decode()
    assert "Lớp Lào Cai" in page and "Lớp Hà Nội" not in page and "Lớp đã qua" not in page
    with django_assert_max_num_queries(12):
        page = client.get(reverse("training_classes:list")).content.decode()
    assert page.count("Lớp Hà Nội") == 6


def test_the_online_link_is_shown_only_to_a_confirmed_registrant(client, places):
    c = make_class(commune=places["ba_dinh"], capacity=1, online_link="https://meet.example.vn/lop-ocop")
    assert "meet.example.vn" not in client.get(reverse("training_classes:detail", kwargs={"pk": c.pk})).content.decode()
    from training.classes.tokens import registration_token

    confirmed = register(c, commune=places["ba_dinh"])
    waiting = register(c, commune=places["ba_dinh"])
    see = lambda r: client.get(reverse("training_classes:registration", kwargs={"token": registration_token(r)})).content.decode()  # noqa: E731
    assert "meet.example.vn/lop-ocop" in see(confirmed)
    assert "meet.example.vn" not in see(waiting)


def test_the_class_page_never_lists_who_registered(client, places):
    c = make_class(commune=places["ba_dinh"])
    register(c, commune=places["ba_dinh"], name="Hoàng Văn Em", phone="0987654321")
    page = client.get(reverse("training_classes:detail", kwargs={"pk": c.pk})).content.decode()
    assert "Hoàng Văn Em" not in page and "0987654321" not in page


def test_an_unpublished_class_is_not_found(client, places):
    c = make_class(commune=places["ba_dinh"], is_published=False)
    assert client.get(reverse("training_classes:detail", kwargs={"pk": c.pk})).status_code == 404
    assert client.get(reverse("training_classes:ics", kwargs={"pk": c.pk})).status_code == 404


def test_a_registration_after_the_first_session_started_cannot_be_cancelled(client, places):
    from training.classes.models import ClassSession
    from training.classes.tokens import registration_token

    c = make_class(commune=places["ba_dinh"])
    registration = register(c, commune=places["ba_dinh"])
    ClassSession.objects.filter(training_class=c).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    client.post(reverse("training_classes:cancel", kwargs={"token": registration_token(registration)}))
    registration.refresh_from_db()
    assert registration.status == lifecycle.CONFIRMED


def test_raising_the_capacity_moves_the_waiting_list_up_in_order(places, django_capture_on_commit_callbacks):
    from training.classes.services import waiting_list_fill

    c = make_class(commune=places["ba_dinh"], capacity=1)
    register(c, commune=places["ba_dinh"])
    second = register(c, commune=places["ba_dinh"], email="hai@example.vn")
    third = register(c, commune=places["ba_dinh"])
    mail.outbox.clear()
    c.capacity = 2
    c.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert waiting_list_fill(class_id=c.pk).pk == second.pk
    third.refresh_from_db()
    assert third.status == lifecycle.WAITING
    assert [m.to for m in mail.outbox] == [["hai@example.vn"]]
