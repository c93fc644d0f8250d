"""An account for every role, all with the password PASSWORD.

DEMO ONLY: the password is published in the source and printed by `kumppani demo`. Never load
demo data into a database that a public server uses.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from kumppani.core import audit
from kumppani.core.models import BodyKind, BodyRole, BodyRoleKind, PublicBody, User
from kumppani.organisations.models import Membership, MembershipRequest, MembershipRole, Organisation

PASSWORD = "kumppani-demo"  # noqa: S105 – the published demo password
DOMAIN = "demo.kumppani.fi"


@dataclass(frozen=True)
class Account:
    local: str  # the e-mail address before @DOMAIN
    name: str
    role: str  # as the table shows it
    try_: str
    body: str = ""  # municipality code, or "county:<code>" for the county of that municipality
    body_role: str = ""
    sector: str = ""
    organisation: str = ""  # slug: represents this NGO …
    membership_role: str = ""
    requests: str = ""  # slug: … or asks to represent it

    @property
    def email(self) -> str:
        return f"{self.local}@{DOMAIN}"


SALO = "734"
ACCOUNTS = [
    Account("admin", "Kaisa Järvinen", "Platform admin", "everything; the admin site at /fi/admin/"),
    Account(
        "koordinaattori.salo",
        "Päivi Salminen",
        "NGO coordinator, Salo",
        "verify a new NGO, approve Aino's request",
        SALO,
        BodyRoleKind.COORDINATOR,
    ),
    Account(
        "koordinaattori.tampere",
        "Jukka Heinonen",
        "NGO coordinator, Tampere",
        "Tampere's NGOs; nothing private of Salo's",
        "837",
        BodyRoleKind.COORDINATOR,
    ),
    Account(
        "koordinaattori.varha",
        "Satu Lehtonen",
        "NGO coordinator, Varsinais-Suomi",
        "every NGO in the county, Salo's too",
        f"county:{SALO}",
        BodyRoleKind.COORDINATOR,
    ),
    Account(
        "viranhaltija.salo",
        "Mikko Virtanen",
        "Sector official, Salo",
        "handles Salo's grant applications; sees contact persons",
        SALO,
        BodyRoleKind.OFFICIAL,
        "Sosiaali- ja terveyspalvelut",
    ),
    Account(
        "lautakunta.salo",
        "Riitta Mäkelä",
        "Board secretary, Salo",
        "the board's grant list of 17 March (§ 42), decision letters",
        SALO,
        BodyRoleKind.BOARD_SECRETARY,
        "Sosiaali- ja terveyslautakunta",
    ),
    Account(
        "arvioija.salo",
        "Sari Aaltonen",
        "Grant reviewer, Salo",
        "scores the grant applications assigned to her",
        SALO,
        BodyRoleKind.OFFICIAL,
        "Hyvinvoinnin edistäminen",
    ),
    Account(
        "tilat.salo",
        "Pekka Laaksonen",
        "Premises manager, Salo",
        "Salo's spaces and the bookings waiting for approval",
        SALO,
        BodyRoleKind.PREMISES_MANAGER,
        "Tilapalvelut",
    ),
    Account(
        "katselija.salo",
        "Hanna Koskinen",
        "Viewer, Salo",
        "read-only view of Salo",
        SALO,
        BodyRoleKind.VIEWER,
    ),
    Account(
        "mielenterveysseura",
        "Leena Nieminen",
        "NGO admin, Salon Mielenterveysseura",
        "edit the profile, invite a representative",
        organisation="salon-mielenterveysseura-ry",
        membership_role=MembershipRole.ADMIN,
    ),
    Account(
        "omaishoitajat",
        "Timo Hakala",
        "NGO rep., Salon Seudun Omaishoitajat",
        "a usage report due in ten days; no other NGO",
        organisation="salon-seudun-omaishoitajat-ry",
        membership_role=MembershipRole.REPRESENTATIVE,
    ),
    Account(
        "aino.rantanen",
        "Aino Rantanen",
        "Signed up, request pending",
        "waits to represent Salon Mielenterveysseura",
        requests="salon-mielenterveysseura-ry",
    ),
]
REQUEST_MESSAGE = (
    "Hei! Aloitin yhdistyksen vapaaehtoistoiminnan vastaavana, ja päivittäisin jatkossa "
    "yhdistyksen tietoja ja tapahtumia. Terveisin Aino"
)


def _body(key: str) -> PublicBody:
    code = key.removeprefix("county:")
    municipality = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code=code)
    return municipality.county if key.startswith("county:") else municipality


def create_users() -> dict[str, User]:
    """The demo users and their roles in public bodies; existing ones are left as they are."""
    password = make_password(PASSWORD)  # hashed once: the hasher is slow on purpose
    users = {}
    for account in ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            admin = account.local == "admin"
            user = User.objects.create(
                email=account.email, full_name=account.name, password=password, is_staff=admin, is_superuser=admin
            )
            audit.record(actor=None, obj=user, action="signed_up", message="demo data")
        if account.body:
            BodyRole.objects.get_or_create(
                user=user, body=_body(account.body), role=account.body_role, defaults={"sector": account.sector}
            )
        users[account.local] = user
    return users


def link(users: dict[str, User]) -> None:
    """Representatives of NGOs and the pending request (after the NGOs exist)."""
    for account in ACCOUNTS:
        user = users[account.local]
        if account.organisation:
            organisation = Organisation.objects.get(slug=account.organisation)
            _, created = Membership.objects.get_or_create(
                user=user, organisation=organisation, defaults={"role": account.membership_role}
            )
            if created:
                audit.record(
                    actor=None, obj=organisation, action="member_added", changes={"member": [None, user.email]}
                )
        if account.requests:
            organisation = Organisation.objects.get(slug=account.requests)
            if not MembershipRequest.objects.filter(user=user, organisation=organisation).exists():
                MembershipRequest.objects.create(user=user, organisation=organisation, message=REQUEST_MESSAGE)
                audit.record(actor=user, obj=organisation, action="membership_requested", message=user.email)


def verifiers(users: dict[str, User]) -> dict[str, User]:
    """Who is recorded as having verified the NGOs of each municipality (where a demo coordinator exists)."""
    return {"734": users["koordinaattori.salo"], "837": users["koordinaattori.tampere"]}


def table() -> str:
    rows = [(a.email, a.role, a.try_) for a in ACCOUNTS]
    widths = [max(len(row[i]) for row in [("E-mail", "Role", "Try"), *rows]) for i in range(3)]
    lines = [
        f"Demo accounts – password “{PASSWORD}” for all (DEMO ONLY: never on a public server).",
        f"Sign in at {settings.SITE_URL}{reverse('login')}",
        "",
    ]
    for row in [("E-mail", "Role", "Try"), tuple("-" * w for w in widths), *rows]:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
