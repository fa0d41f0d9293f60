"""The commune officer's pages: the inbox of its communes' dossiers, a dossier with its documents,
self-assessment and audit trail, and the check — accept, or return to the producer with a reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .. import selectors, services
from ..models import CommuneOfficer
from ..review_forms import ReasonForm
from .common import DocumentDownloadView, ReviewerMixin, add_service_errors, dossier_context, tell_refused


class CommuneMixin(ReviewerMixin):
    area_role = "is_commune_officer"

    def scope(self, user):
        return selectors.commune_review_dossiers(user=user)

    def back(self):
        return redirect("evaluation-review:commune-dossier", pk=self.dossier.pk)


class CommuneInboxView(CommuneMixin, TemplateView):
    template_name = "evaluation/review/commune_inbox.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        awaiting, handled = selectors.commune_inbox(user=self.request.user)
        communes = CommuneOfficer.objects.filter(user=self.request.user).select_related("commune__province")
        context.update(awaiting=awaiting, handled=handled, communes=[officer.commune for officer in communes])
        return context


class CommuneDossierView(CommuneMixin, TemplateView):
    template_name = "evaluation/review/commune_dossier.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(dossier_context(dossier=self.dossier, user=self.request.user))
        context["return_form"] = kwargs.get("return_form") or ReasonForm()
        return context


class CommuneDocumentView(CommuneMixin, DocumentDownloadView):
    pass


class CommuneAcceptView(CommuneMixin, View):
    def post(self, request, pk):
        try:
            services.dossier_accept(dossier=self.dossier, by=request.user)
        except (PermissionDenied, ValidationError) as error:
            tell_refused(request, error)
        else:
            messages.success(request, _("Accepted: the dossier goes to the province council."))
        return self.back()


class CommuneReturnView(CommuneDossierView):
    """Return to the producer: the reason is required; a form error re-renders the dossier page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        form = ReasonForm(request.POST)
        if form.is_valid():
            try:
                services.dossier_return(dossier=self.dossier, by=request.user, reason=form.cleaned_data["reason"])
            except (PermissionDenied, ValidationError) as error:
                if not (isinstance(error, ValidationError) and add_service_errors(form, error)):
                    tell_refused(request, error)
                    return self.back()
            else:
                messages.success(request, _("Returned to the producer with your reason."))
                return self.back()
        return self.render_to_response(self.get_context_data(return_form=form), status=400)
