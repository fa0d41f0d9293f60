"""Thin views: parse, call a service or a selector, render. Registrant data is read only through
selectors.class_for_staff (the staff running the class) or a registrant's own signed link."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import lifecycle, selectors, services
from .forms import RegistrationForm
from .ics import class_calendar
from .limits import registration_allowed
from .models import Registration, TrainingClass
from .tokens import LinkRefused, registration_id_from_token, registration_token


def _private(response):
    """Pages of one person's data: never cached by a proxy, never indexed, the token never sent to another site as a
    referrer ("same-origin", not "no-referrer": with that the browser posts Origin: null and the CSRF check refuses)."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


@require_GET
def class_list(request):
    province = request.GET.get("tinh", "")[:2]
    classes = selectors.classes_upcoming(province_code=province)
    return render(
        request, "training_classes/class_list.html",
        {"classes": classes, "provinces": selectors.provinces_with_classes(), "province": province},
    )  # fmt: skip


def _public_class(pk: int) -> TrainingClass:
    try:
        return selectors.class_public(pk=pk)
    except TrainingClass.DoesNotExist as error:
        raise Http404(_("No such class.")) from error


@require_http_methods(["GET", "POST"])
def class_detail(request, pk: int):
    training_class = _public_class(pk)
    is_open = training_class.last_end is not None and training_class.last_end > timezone.now()
    form = RegistrationForm(request.POST or None, training_class=training_class)
    status = 200
    if request.method == "POST" and is_open:
        if not registration_allowed(request):
            form.add_error(None, _("Too many registrations from this connection. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            try:
                result = services.registration_create(class_id=training_class.pk, **form.cleaned_data)
            except services.RegistrationRefused as refused:
                form.add_error(None, refused.message)
                status = 409
            else:
                if result.waiting_position is None:
                    messages.success(request, _("You are registered. Keep this page's address: it lets you see or cancel your registration."))
                else:
                    messages.info(
                        request,
                        _("The class is full: you are on the waiting list. Keep this page's address: it lets you see or cancel your registration."),
                    )
                # With its own fragment, the form's #dang-ky is not carried over to the registration's address.
                url = reverse("training_classes:registration", kwargs={"token": registration_token(result.registration)})
                return redirect(f"{url}#ket-qua")
        else:
            status = 400
    sessions = list(training_class.sessions.all())
    return render(
        request, "training_classes/class_detail.html",
        {"training_class": training_class, "sessions": sessions, "form": form, "is_open": is_open,
         "places_left": max(training_class.capacity - training_class.confirmed_count, 0)},
        status=status,
    )  # fmt: skip


@require_GET
def class_ics(request, pk: int):
    training_class = _public_class(pk)
    url = request.build_absolute_uri(reverse("training_classes:detail", kwargs={"pk": pk}))
    response = HttpResponse(class_calendar(training_class, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="lop-tap-huan-{pk}.ics"'
    return response


def _own_registration(request, token: str) -> Registration:
    try:
        registration_id, class_id = registration_id_from_token(token)
    except LinkRefused as refused:
        message = (
            _("This link has expired. Ask the staff running the class to help you.")
            if refused.reason == "expired"
            else _("This link is not valid: it may have been changed or cut short. Open the whole link from your confirmation.")
        )
        raise _Refused(message, status=410 if refused.reason == "expired" else 404) from refused
    try:
        return Registration.objects.select_related("training_class__province", "training_class__commune", "commune__province").get(
            pk=registration_id, training_class_id=class_id
        )
    except Registration.DoesNotExist as error:
        raise _Refused(_("This registration does not exist."), status=404) from error


class _Refused(Exception):
    def __init__(self, message, *, status):
        super().__init__(message)
        self.message, self.status = message, status


def _refused(request, refused: _Refused):
    return _private(render(request, "training_classes/link_refused.html", {"message": refused.message}, status=refused.status))


@never_cache
@require_GET
def registration_detail(request, token: str):
    try:
        registration = _own_registration(request, token)
    except _Refused as refused:
        return _refused(request, refused)
    training_class = registration.training_class
    sessions = list(training_class.sessions.all())
    started = bool(sessions) and sessions[0].starts_at <= timezone.now()
    return _private(
        render(
            request, "training_classes/registration_detail.html",
            {"registration": registration, "training_class": training_class, "sessions": sessions, "token": token,
             "waiting_position": services.waiting_position(registration), "can_cancel": registration.status != lifecycle.CANCELLED and not started,
             "show_link": registration.status == lifecycle.CONFIRMED and training_class.is_online and training_class.online_link},
        )  # fmt: skip
    )


@require_POST
def registration_cancel(request, token: str):
    try:
        registration = _own_registration(request, token)
    except _Refused as refused:
        return _refused(request, refused)
    first_start = registration.training_class.sessions.order_by("starts_at").values_list("starts_at", flat=True).first()
    if first_start and first_start <= timezone.now():
        messages.error(request, _("The class has started: a registration can no longer be cancelled."))
    elif registration.status == lifecycle.CANCELLED:
        messages.info(request, _("This registration was already cancelled."))
    else:
        services.registration_cancel(registration_id=registration.pk)
        messages.success(request, _("Your registration is cancelled. Thank you for freeing the place."))
    return redirect("training_classes:registration", token=token)


# --- Staff running the class ----------------------------------------------------------------


def _staff_class(request, pk: int) -> TrainingClass:
    try:
        return selectors.class_for_staff(user=request.user, pk=pk)
    except TrainingClass.DoesNotExist as error:
        raise Http404(_("No such class among those you run.")) from error


@login_required
@require_GET
def staff_class_list(request):
    classes = selectors.classes_run_by(user=request.user)
    can_see_reach = request.user.has_perm("training_classes.view_reach")
    return _private(render(request, "training_classes/staff_class_list.html", {"classes": classes, "can_see_reach": can_see_reach}))


@login_required
@require_http_methods(["GET", "POST"])
def staff_class_detail(request, pk: int):
    training_class = _staff_class(request, pk)
    if request.method == "POST":
        attended = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        count = services.attendance_mark(training_class=training_class, attended_ids=attended)
        messages.success(request, _("Attendance saved: %(count)d present.") % {"count": count})
        return redirect("training_classes:staff-detail", pk=pk)
    registrations = list(selectors.registrations_of(training_class=training_class))
    return _private(
        render(
            request, "training_classes/staff_class_detail.html",
            {"training_class": training_class, "sessions": list(training_class.sessions.all()),
             "confirmed": [r for r in registrations if r.status == lifecycle.CONFIRMED],
             "waiting": [r for r in registrations if r.status == lifecycle.WAITING],
             "cancelled": [r for r in registrations if r.status == lifecycle.CANCELLED]},
        )  # fmt: skip
    )


def _csv_response(filename: str) -> tuple[HttpResponse, csv.writer]:
    response = _private(HttpResponse(content_type="text/csv; charset=utf-8"))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM in Vietnamese
    return response, csv.writer(response)


@login_required
@require_GET
def staff_class_csv(request, pk: int):
    training_class = _staff_class(request, pk)
    response, writer = _csv_response(f"lop-tap-huan-{pk}-dang-ky.csv")
    writer.writerow(
        ["STT", "Họ và tên", "Số điện thoại", "Thư điện tử", "Xã/phường", "Tỉnh/thành phố", "Vai trò", "Trạng thái", "Có mặt", "Ngày đăng ký"]
    )
    for number, registration in enumerate(selectors.registrations_of(training_class=training_class), start=1):
        writer.writerow([
            number, _csv_safe(registration.name), registration.phone, _csv_safe(registration.email), registration.commune.name,
            registration.commune.province.short_name, registration.get_role_display(), registration.get_status_display(),
            "Có" if registration.attended else "Không", timezone.localtime(registration.created_at).strftime("%d/%m/%Y %H:%M"),
        ])  # fmt: skip
    return response


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula starts with a quote instead."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _reach_allowed(request) -> None:
    if not request.user.has_perm("training_classes.view_reach"):
        raise PermissionDenied


@login_required
@require_GET
def reach(request):
    _reach_allowed(request)
    by = "province" if request.GET.get("theo") == "tinh" else "commune"
    province = request.GET.get("tinh", "")[:2]
    rows = selectors.reach_by_area(by=by, province_code=province)
    totals = {key: sum(getattr(row, key) for row in rows) for key in ("trained", "attendances", "completions")}
    return _private(
        render(
            request, "training_classes/reach.html",
            {"rows": rows, "by": by, "province": province, "totals": totals, "query": request.GET.urlencode()},
        )  # fmt: skip
    )


@login_required
@require_GET
def reach_csv(request):
    _reach_allowed(request)
    by = "province" if request.GET.get("theo") == "tinh" else "commune"
    rows = selectors.reach_by_area(by=by, province_code=request.GET.get("tinh", "")[:2])
    response, writer = _csv_response("pham-vi-tap-huan.csv")
    writer.writerow(["Mã tỉnh", "Tỉnh/thành phố", "Mã xã", "Xã/phường", "Số người đã tập huấn", "Lượt tham dự", "Số hoàn thành khoá học"])
    for row in rows:
        writer.writerow([row.province_code, row.province, row.commune_code, row.commune, row.trained, row.attendances, row.completions])
    return response
