"""Applying to sell: open to every visitor."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from .. import services
from ..forms import SellerApplicationForm


class ApplyView(FormView):
    form_class = SellerApplicationForm
    template_name = "sellers/apply.html"

    def post(self, request, *args, **kwargs):
        if "choose_province" in request.POST:
            # No-JavaScript path: reload the form with the chosen province's communes, keeping what was typed.
            form = self.get_form()
            form.errors.clear()
            return self.render_to_response(self.get_context_data(form=form, province_chosen=True))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.application_submit(
                data=form.seller_data(),
                documents=form.cleaned_data["documents"],
                applicant=self.request.user if self.request.user.is_authenticated else None,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Thank you! We e-mailed you a confirmation."))
        return redirect("sellers:apply-done")


class ApplyDoneView(TemplateView):
    template_name = "sellers/apply_done.html"
