"""Sign-in: Oscar's e-mail backend and Django's, refusing the demo accounts on a production site,
and the hooks django-axes calls to count failures per account and client address."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.shortcuts import render
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend

from sellers.demo import DEMO_EMAIL_DOMAIN


def user_is_demo(user) -> bool:
    """A demo seller account made by `load_demo_data` (its password is in the README)."""
    return (user.email or "").lower().endswith(f"@{DEMO_EMAIL_DOMAIN}")


class DemoAccountsRefusedMixin:
    """With settings.DEMO_ACCOUNTS_ENABLED off, demo accounts neither sign in nor keep a session."""

    def user_can_authenticate(self, user):
        if user_is_demo(user) and not settings.DEMO_ACCOUNTS_ENABLED:
            return False
        return super().user_can_authenticate(user)


class EmailBackend(DemoAccountsRefusedMixin, OscarEmailBackend):
    pass


class ModelBackend(DemoAccountsRefusedMixin, DjangoModelBackend):
    pass


def axes_username(request, credentials) -> str:
    """The account a sign-in is for: every form names the e-mail `username`; case does not matter."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username") or request.POST.get("login-username")
    return (username or "").strip().lower()


def axes_lockout_response(request, original_response=None, credentials=None):
    """The page every login form answers while an account is locked out from this address (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "users/lockout.html", {"minutes": minutes}, status=429)
