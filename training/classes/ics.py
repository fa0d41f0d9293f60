"""An iCalendar file (RFC 5545) of a class: one VEVENT per session, times in UTC, text escaped, lines
folded at 75 octets and ended by CRLF."""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import TrainingClass


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """Splits a content line into lines of at most 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not parts else 74  # continuation lines start with one space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def class_calendar(training_class: TrainingClass, *, url: str, now: datetime.datetime | None = None) -> str:
    """The class as an .ics text. No registrant data, and no online link: that is for registrants only."""
    host = settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0] or "cho-ocop.vn"
    if training_class.is_online:
        location = str(training_class.Mode.ONLINE.label)
    else:
        location = ", ".join(part for part in (training_class.place, str(training_class.commune or "")) if part)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cho OCOP//Training classes//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    stamp = _utc(now or timezone.now())
    sessions = list(training_class.sessions.all())
    for index, session in enumerate(sessions, start=1):
        lines += [
            "BEGIN:VEVENT",
            f"UID:training-class-{training_class.pk}-session-{session.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(session.starts_at)}",
            f"DTEND:{_utc(session.ends_at)}",
            f"SUMMARY:{_escape(training_class.title)}" + (f" ({index})" if len(sessions) > 1 else ""),
            f"DESCRIPTION:{_escape(training_class.topic + (chr(10) + training_class.description if training_class.description else ''))}",
            f"LOCATION:{_escape(location)}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
