"""The calendar file of a class is valid RFC 5545, read back by the icalendar package."""

import datetime
import re

import pytest
from django.urls import reverse

from training.classes.models import ClassSession

from .conftest import make_class

pytestmark = pytest.mark.django_db

icalendar = pytest.importorskip("icalendar")


def test_the_class_calendar_is_valid_icalendar_with_utc_times_and_escaped_text(client, places):
    title = "Chuyển đổi số trong xây dựng nông thôn mới, dành cho cán bộ xã; buổi học thực hành rất dài để phải gập dòng"
    c = make_class(commune=places["ba_dinh"], title=title)
    c.description = "Dòng một\nDòng hai, có dấu phẩy; và chấm phẩy \\ gạch chéo"
    c.save()
    first = c.sessions.get()
    day = datetime.timedelta(days=1)
    ClassSession.objects.create(training_class=c, starts_at=first.starts_at + day, ends_at=first.ends_at + day)

    response = client.get(reverse("training_classes:ics", kwargs={"pk": c.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    raw = response.content
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # every line ends CRLF, no bare LF
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded at 75 octets
    raw.decode("utf-8")  # folding never cut a character in two

    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    uids = {str(event["UID"]) for event in events}
    assert len(uids) == 2
    for event, session in zip(events, c.sessions.order_by("starts_at"), strict=True):
        assert event.decoded("DTSTART") == session.starts_at.replace(microsecond=0)
        assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
        assert "DTSTAMP" in event
    assert str(events[0]["SUMMARY"]).startswith(title)
    assert str(events[0]["DESCRIPTION"]).endswith("Dòng một\nDòng hai, có dấu phẩy; và chấm phẩy \\ gạch chéo")
    assert re.search(rb"DTSTART:\d{8}T\d{6}Z\r\n", raw)


def test_the_calendar_of_an_online_class_does_not_give_away_its_link(client, places):
    c = make_class(commune=places["ba_dinh"], online_link="https://meet.example.vn/bi-mat")
    assert b"bi-mat" not in client.get(reverse("training_classes:ics", kwargs={"pk": c.pk})).content
