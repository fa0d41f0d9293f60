"""E-mails of the OCOP evaluation, rendered from templates in Vietnamese: the seller hears of every
move of its dossier; the commune's officers of a submission; the council's members of a round opened;
the central council of a dossier sent up."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from . import lifecycle
from .models import CommuneOfficer, CouncilMember, Dossier


def _send(*, template: str, context: dict, to: list[str]) -> None:
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        # One line whatever the data: a line break in a subject is an error, not an e-mail.
        subject = " ".join(render_to_string(f"evaluation/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"evaluation/emails/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


def _emails(users) -> list[str]:
    return sorted({user.email for user in users if user.email})


def dossier_event(*, dossier_id: int, event: str) -> None:
    """Tell whoever must act next, and the seller, that the dossier moved (`event`: a transition name)."""
    dossier = Dossier.objects.select_related("product", "seller__partner", "commune__province").get(pk=dossier_id)
    transition = lifecycle.TRANSITIONS[event]
    context = {
        "dossier": dossier,
        "transition_label": transition.label,
        "status_label": dossier.get_status_display(),
        "site_url": settings.SITE_URL,
    }
    seller_emails = _emails(dossier.seller.partner.users.all()) or ([dossier.seller.email] if dossier.seller.email else [])
    _send(template="dossier_moved", context=context, to=seller_emails)
    if event == "submit":
        officers = CommuneOfficer.objects.filter(commune_id=dossier.commune_id).select_related("user")
        _send(template="dossier_to_act", context=context, to=_emails(officer.user for officer in officers))
    elif event == "open_round":
        members = CouncilMember.objects.filter(
            council__rounds__dossier=dossier, council__rounds__status="open"
        ).select_related("user")
        _send(template="dossier_to_act", context=context, to=_emails(member.user for member in members))
    elif event == "send_to_central":
        members = CouncilMember.objects.filter(council__province=None, council__is_active=True, is_chair=True)
        _send(template="dossier_to_act", context=context, to=_emails(member.user for member in members.select_related("user")))
