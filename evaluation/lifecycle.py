"""The life of an OCOP dossier (hồ sơ), declared once: a dossier moves only along TRANSITIONS, each
naming the states it leaves, the state it reaches and the roles that may make it.

Pure data and pure functions: the services (evaluation.services) lock the dossier, check the move
here against the roles the acting user holds for that dossier (evaluation.selectors.dossier_roles),
change it, record it in the audit trail and schedule its e-mails after the commit.

    draft ─submit─▶ submitted ─accept─▶ commune_checked ─open_round─▶ council_scoring ─close_round─▶ scored
      ▲                │                                                                           │
      └── returned ◀─return (reason)                                                               │
          (the seller edits, then submit again)                                                    │
    scored ─certify (3★/4★)──▶ certified            (the province issues the certificate)
    scored ─send_to_central (≥ 90)──▶ sent_to_central ─recognise──▶ certified   (5★, central level)
                                                     └─return_four_star (reason)──▶ scored (4★ result)
    scored ─conclude (< 50)──▶ evaluated            (an evaluation result without a certificate)

Who certifies follows Decision 1489/QĐ-TTg (2025, district level removed): the commune checks the
dossier, the province's council scores it and the province certifies 3★/4★; the central council
recognises 5★ (DOMAIN.md). That the province council's chair acts for the issuing body, and that the
central level decides on the province's score rather than running its own scored round, is our model
(*unconfirmed*), kept in this table so it can change in one place.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

DRAFT = "draft"
SUBMITTED = "submitted"
RETURNED = "returned"
COMMUNE_CHECKED = "commune_checked"
COUNCIL_SCORING = "council_scoring"
SCORED = "scored"
SENT_TO_CENTRAL = "sent_to_central"
CERTIFIED = "certified"
EVALUATED = "evaluated"
STATUSES = {
    DRAFT: _("Draft"),
    SUBMITTED: _("Submitted to the commune"),
    RETURNED: _("Returned to the producer"),
    COMMUNE_CHECKED: _("Checked by the commune"),
    COUNCIL_SCORING: _("Council scoring"),
    SCORED: _("Scored"),
    SENT_TO_CENTRAL: _("Sent to the central level"),
    CERTIFIED: _("Certified"),
    EVALUATED: _("Evaluated, no certificate"),
}
# The seller may change its story, documents and self-assessment only here.
EDITABLE = frozenset({DRAFT, RETURNED})
# A product has at most one dossier that is not finished.
FINISHED = frozenset({CERTIFIED, EVALUATED})
OPEN = frozenset(STATUSES) - FINISHED

# Roles, held by a user for one dossier (evaluation.selectors.dossier_roles): a user of the seller
# that filed it; an officer of its commune; the chair of its province's council; the central chair.
SELLER = "seller"
COMMUNE = "commune"
PROVINCE_CHAIR = "province_chair"
CENTRAL_CHAIR = "central_chair"
ROLES = {
    SELLER: _("Seller"),
    COMMUNE: _("Commune officer"),
    PROVINCE_CHAIR: _("Chair of the province council"),
    CENTRAL_CHAIR: _("Chair of the central council"),
}


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    actors: frozenset[str]
    label: str
    needs_reason: bool = False
    # The result a move requires (evaluation.scoring.outcome), None when it needs none.
    outcome: str | None = None


def _t(name, sources, target, actors, label, **options) -> Transition:
    return Transition(name, frozenset(sources), target, frozenset(actors), label, **options)


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        _t("submit", {DRAFT, RETURNED}, SUBMITTED, {SELLER}, _("Submitted")),
        _t("accept", {SUBMITTED}, COMMUNE_CHECKED, {COMMUNE}, _("Accepted by the commune")),
        _t("return", {SUBMITTED}, RETURNED, {COMMUNE}, _("Returned to the producer"), needs_reason=True),
        _t("open_round", {COMMUNE_CHECKED}, COUNCIL_SCORING, {PROVINCE_CHAIR}, _("Council scoring opened")),
        _t("close_round", {COUNCIL_SCORING}, SCORED, {PROVINCE_CHAIR}, _("Council scoring closed")),
        _t("certify", {SCORED}, CERTIFIED, {PROVINCE_CHAIR}, _("Certificate issued"), outcome="province"),
        _t("send_to_central", {SCORED}, SENT_TO_CENTRAL, {PROVINCE_CHAIR}, _("Sent to the central level"),
           outcome="central"),
        _t("conclude", {SCORED}, EVALUATED, {PROVINCE_CHAIR}, _("Evaluated without a certificate"), outcome="none"),
        _t("recognise", {SENT_TO_CENTRAL}, CERTIFIED, {CENTRAL_CHAIR}, _("Recognised 5★ by the central level")),
        _t("return_four_star", {SENT_TO_CENTRAL}, SCORED, {CENTRAL_CHAIR}, _("Returned with a 4★ result"),
           needs_reason=True),
    )
}  # fmt: skip


class TransitionNotAllowed(Exception):
    def __init__(self, transition: Transition, status: str):
        super().__init__(f"{transition.name} from {status}")
        self.transition = transition
        self.status = status


def transition_check(name: str, *, status: str, roles) -> Transition:
    """The transition `name` if a user holding `roles` may make it from `status`; raises TransitionNotAllowed."""
    transition = TRANSITIONS[name]
    if status not in transition.sources or not transition.actors & set(roles):
        raise TransitionNotAllowed(transition, status)
    return transition


def transitions_from(status: str, *, roles) -> list[str]:
    """The moves a user holding `roles` may make on a dossier in `status` (what its page offers)."""
    return [t.name for t in TRANSITIONS.values() if status in t.sources and t.actors & set(roles)]
