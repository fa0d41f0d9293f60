"""Oscar's account views, hardened: logout by POST only, registration with the same answer for every address;
sellers land on their dashboard after signing in.

Oscar's class loader takes these in place of its own; its other account views are used unchanged.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic
from oscar.apps.customer import views as oscar_views
from oscar.core.loading import get_model

from marketplace.checkout.orders import guest_order_granted
from marketplace.users.services import user_register
from sellers.selectors import user_is_seller

from .forms import RegistrationForm

Order = get_model("order", "Order")

REGISTRATION_SENT = _(
    "Thank you. We have sent an e-mail to this address: follow its link to set your password. "
    "If no e-mail arrives within a few minutes, check the spam folder."
)


class NeutralRegistrationMixin:
    """Registration answers the same whether or not the address has an account; the mailbox decides.

    A new address gets a link to set its password; an existing account's owner gets a note that
    someone tried to register, with links to sign in or reset the password.
    """

    def register_user(self, form):
        user_register(email=form.cleaned_data["email"])

    def registration_sent(self):
        messages.info(self.request, REGISTRATION_SENT)
        return redirect(reverse("customer:login"))


class AccountRegistrationView(NeutralRegistrationMixin, oscar_views.AccountRegistrationView):
    form_class = RegistrationForm

    def form_valid(self, form):
        self.register_user(form)
        return self.registration_sent()


class AccountAuthView(NeutralRegistrationMixin, oscar_views.AccountAuthView):
    registration_form_class = RegistrationForm

    def get_login_success_url(self, form):
        # A seller signs in to work: to the seller dashboard, unless they were sent here from a page (`next`).
        if not form.cleaned_data["redirect_url"] and user_is_seller(user=self.request.user):
            return reverse("sellers:dashboard")
        return super().get_login_success_url(form)

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            self.register_user(form)
            return self.registration_sent()
        return self.render_to_response(self.get_context_data(registration_form=form))


class LogoutView(oscar_views.LogoutView):
    """Signs out on POST only: a link or image on another site (a GET) must not sign anyone out.

    A GET shows a page with the sign-out button, so old links still lead somewhere.
    """

    def get(self, request, *args, **kwargs):
        return render(request, "oscar/customer/logout_confirm.html")

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class GuestOrderMixin:
    """A guest order opens by its signed link (number + verification hash) in a browser session that has
    shown it knows the order: it placed it, or named its e-mail or mobile number at checkout:order-lookup.
    Oscar's own check wants the e-mail only, which an order placed with a mobile number lacks (issue 14.7)."""

    def get_object(self):
        order = Order.objects.filter(user=None, number=self.kwargs.get("order_number")).first()
        if order is None or not order.check_verification_hash(self.kwargs.get("hash", "")):
            return None
        return order if guest_order_granted(self.request, order.number) else None


class AnonymousOrderDetailView(GuestOrderMixin, oscar_views.AnonymousOrderDetailView):
    pass


class AnonymousOrderFormView(generic.View):
    """Where Oscar asks for the e-mail, our one look-up asks for the e-mail or the mobile number."""

    def dispatch(self, request, *args, **kwargs):
        number = kwargs.get("order_number", "")
        return redirect(f"{reverse('checkout:order-lookup')}?{urlencode({'number': number})}")
