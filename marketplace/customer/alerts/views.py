"""Oscar's stock-alert views; creating one by e-mail is limited per client and per address."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.alerts import views as oscar_views

from .services import alert_confirmation_allowed

TOO_MANY = _("Too many stock alerts were asked for from here or for this e-mail address. Please try again later.")


class ProductAlertCreateView(oscar_views.ProductAlertCreateView):
    """An anonymous alert e-mails a confirmation (Oscar sends none while another waits to be confirmed);
    past the limits, nothing is saved or sent and the answer is 429."""

    def form_valid(self, form):
        if not self.request.user.is_authenticated and not alert_confirmation_allowed(
            self.request, email=form.cleaned_data["email"]
        ):
            form.add_error(None, TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
