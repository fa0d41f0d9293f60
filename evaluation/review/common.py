"""What both reviewers' areas share: who may enter, the dossier page's common parts, private documents,
and how a refused step is told without changing anything."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from sellers.validators import DOCUMENT_EXTENSIONS

from .. import presenters as dossier_presenters
from .. import selectors
from ..models import CommuneOfficer, CouncilMember
from . import presenters


def reviewer_roles(user) -> dict[str, bool]:
    """Which reviewers' areas the navigation offers `user`."""
    return {
        "is_commune_officer": CommuneOfficer.objects.filter(user=user).exists(),
        "is_council_member": CouncilMember.objects.filter(user=user, council__is_active=True).exists(),
    }


class ReviewerMixin(LoginRequiredMixin):
    """Signed-in users only (others go to the sign-in page); pages that name no dossier need the area's
    role (403 otherwise). `scope(user)` is the queryset a URL's dossier id is looked up in."""

    area_role = ""  # "is_commune_officer" or "is_council_member"

    def scope(self, user):  # pragma: no cover — each area sets its own
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.roles_nav = reviewer_roles(request.user)
        self.dossier = None
        if "pk" in kwargs:
            self.dossier = self.scope(request.user).filter(pk=kwargs["pk"]).first()
            if self.dossier is None:
                raise Http404
        elif not self.roles_nav[self.area_role]:
            raise PermissionDenied(_("This page is for commune officers and council members."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.roles_nav, dossier=self.dossier)
        return context


def dossier_context(*, dossier, user) -> dict:
    """What every reviewer reads on a dossier: product, producer, story, documents, the
    self-assessment with its part totals, the audit trail, and the steps `user` may take."""
    roles = selectors.dossier_roles(user=user, dossier=dossier)
    product = dossier.product
    return {
        "product": product,
        "producer": getattr(product, "ocop_producer", None),
        "documents": list(dossier.documents.all()),
        "self_score": dossier_presenters.dossier_self_assessment(dossier=dossier),
        "audit_rows": presenters.audit_rows(selectors.dossier_audit_trail(dossier=dossier)),
        "steps": presenters.dossier_steps(dossier=dossier, roles=roles),
        "result": presenters.result_of(mean=dossier.result_mean, score=dossier.result_score),
    }


class DocumentDownloadView(View):
    """A dossier's documents live in private storage: a reviewer fetches them through this view only,
    after the area's mixin has found the dossier in its scope."""

    def get(self, request, pk, document_pk):
        document = self.dossier.documents.filter(pk=document_pk).first()
        if document is None:
            raise Http404
        content_type = document.content_type if document.content_type in DOCUMENT_EXTENSIONS else "application/octet-stream"
        response = FileResponse(
            document.file.open("rb"), content_type=content_type, as_attachment=True,
            filename=f"ho-so-ocop-{self.dossier.pk}-{document.pk}.{DOCUMENT_EXTENSIONS.get(content_type, 'bin')}",
        )  # fmt: skip
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


def tell_refused(request, error: Exception) -> None:
    """A step the service refused (wrong role or state): say so; the service's transaction has rolled
    back, so nothing changed."""
    if isinstance(error, PermissionDenied):
        messages.error(request, _("You may not take this step on this dossier."))
        return
    for message in error.messages:
        messages.error(request, message)


def add_service_errors(form, error: ValidationError) -> bool:
    """Put a service's field errors on the form that posted them; True if all found a field."""
    if not hasattr(error, "error_dict") or not set(error.error_dict) <= set(form.fields):
        return False
    for name, errors in error.error_dict.items():
        for message in errors:
            form.add_error(name, message)
    return True


class ReviewHomeView(LoginRequiredMixin, TemplateView):
    """/ocop/tham-dinh/: straight to the one area the user works in, or a choice of both."""

    template_name = "evaluation/review/home.html"

    def get(self, request, *args, **kwargs):
        roles = reviewer_roles(request.user)
        if not any(roles.values()):
            raise PermissionDenied(_("This page is for commune officers and council members."))
        if not roles["is_council_member"]:
            return redirect("evaluation-review:commune-inbox")
        if not roles["is_commune_officer"]:
            return redirect("evaluation-review:council-inbox")
        return self.render_to_response(self.get_context_data(**roles))
