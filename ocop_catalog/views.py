"""Public verification of OCOP certificates: a page per certificate, a look-up by number, a JSON API."""

from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from . import selectors
from .presenters import certificate_public_record, certificate_qr_svg

# A certificate number is free text per issuer, but never longer than the field holds.
NUMBER_MAX_LENGTH = 100


def _number_or_error(raw: str | None) -> tuple[str, str | None]:
    """The number asked for, or an error message when it is missing, too long or holds control characters."""
    number = (raw or "").strip()
    if not number:
        return "", _("Give a certificate number.")
    if len(number) > NUMBER_MAX_LENGTH or any(ord(char) < 32 or ord(char) == 127 for char in number):
        return "", _("This is not a certificate number.")
    return number, None


class CertificateVerifyView(TemplateView):
    """Anyone, signed in or not, checks one certificate (the page its QR code opens)."""

    template_name = "ocop_catalog/certificate_verify.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = selectors.certificate_public(pk=kwargs["pk"])
        if certificate is None:
            raise Http404
        context["record"] = certificate_public_record(certificate, day=timezone.localdate())
        context["qr_svg"] = certificate_qr_svg(certificate_id=certificate.pk)
        return context


class CertificateLookupView(TemplateView):
    """Look a certificate up by its number (?so=); several issuers may share a number: all are listed."""

    template_name = "ocop_catalog/certificate_lookup.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("so")
        context["number"] = (raw or "").strip()[:NUMBER_MAX_LENGTH]
        if raw is not None:
            number, error = _number_or_error(raw)
            context["error"] = error
            if error is None:
                today = timezone.localdate()
                context["records"] = [
                    certificate_public_record(certificate, day=today)
                    for certificate in selectors.certificates_by_number(number=number)
                ]
        return context


class CertificateApiView(View):
    """GET /api/ocop/certificates/?number=…: the certificates with that number as JSON (400 on a missing or
    bad number, 404 when there is none)."""

    def get(self, request):
        number, error = _number_or_error(request.GET.get("number"))
        if error is not None:
            return JsonResponse({"error": error}, status=400)
        certificates = selectors.certificates_by_number(number=number)
        if not certificates:
            return JsonResponse({"error": _("No certificate has this number."), "number": number}, status=404)
        today = timezone.localdate()
        return JsonResponse(
            {"number": number, "count": len(certificates),
             "results": [certificate_public_record(certificate, day=today) for certificate in certificates]},
            json_dumps_params={"ensure_ascii": False},
        )  # fmt: skip


class ProducerView(TemplateView):
    """A producer's public page (issue 14.6): its story, commune and province, its products on sale with their
    stars, and the certificates it holds (each linking to its verification)."""

    template_name = "ocop_catalog/producer.html"
    paginate_by = 24

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        producer = selectors.producer_public(slug=kwargs["slug"])
        if producer is None:
            raise Http404
        page = Paginator(selectors.producer_products(producer=producer), self.paginate_by).get_page(self.request.GET.get("page"))
        today = timezone.localdate()
        context.update(
            producer=producer,
            page_obj=page,
            products=page.object_list,
            certificates=[certificate_public_record(certificate, day=today) for certificate in selectors.producer_certificates(producer=producer)],
        )
        return context
