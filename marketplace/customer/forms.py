"""A registration form without the check that told visitors which addresses have accounts.

A new class rather than a fork of EmailUserCreationForm: Oscar's dashboard forms extend that one.
"""

from oscar.apps.customer.forms import EmailUserCreationForm as OscarEmailUserCreationForm
from oscar.apps.customer.utils import normalise_email


class RegistrationForm(OscarEmailUserCreationForm):
    """Asks for the e-mail address only: whoever reads that mailbox sets the password, through the
    link we send (so nobody can take an address they do not own, nor learn that it is taken)."""

    password1 = None
    password2 = None

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def validate_unique(self):
        # An existing address is answered like a new one; marketplace.users.services.user_register decides.
        pass
