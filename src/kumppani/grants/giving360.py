"""Decided grants as a 360Giving Data Standard 1.4.3 package (JSON).

Identifiers:
- A grant is `<prefix>-<application uuid>`. 360Giving grant identifiers begin with the
  publisher's registered prefix; set settings.GRANTS_360_PREFIX to the prefix 360Giving has
  issued to the publishing body or platform. "360G-kumppani" is a placeholder for testing.
- A recipient NGO is `FI-PRO-<business ID>` (org-id.guide's list of the Finnish Patent and
  Registration Office) where the NGO has a business ID, otherwise `<prefix>-org-<NGO uuid>`.
- A funding body is `<prefix>-body-<kind>-<Statistics Finland code>`: the register keeps no
  business IDs of municipalities and counties, and an identifier must never be guessed.

Only grants with money granted are published; the names of contact persons and other personal
data are never included.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core.models import PublicBody, Term
from kumppani.grants.models import Application, Instalment, InstalmentStatus
from kumppani.grants.queries.published import decided_grants

VERSION = "1.4"  # the package schema asks for major.minor
LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def prefix() -> str:
    return settings.GRANTS_360_PREFIX


def _number(amount: Decimal) -> int | float:
    """A JSON number: whole euros as integers, cents as a float with two decimals."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def body_identifier(body: PublicBody) -> str:
    return f"{prefix()}-body-{body.kind}-{body.code}"


def organisation_identifier(organisation) -> str:
    return organisation.org_identifier or f"{prefix()}-org-{organisation.uuid}"


def grants_queryset(*, body: PublicBody | None = None, year: int | None = None) -> QuerySet[Application]:
    grants = decided_grants()
    if body is not None:
        grants = grants.filter(programme__body=body)
    if year is not None:
        grants = grants.filter(programme__year=year)
    return (
        grants.select_related("organisation", "programme__body", "decision__meeting")
        .prefetch_related(
            Prefetch("themes", queryset=Term.objects.order_by("position")),
            Prefetch(
                "instalments",
                queryset=Instalment.objects.filter(status=InstalmentStatus.PAID),
                to_attr="paid_instalments",
            ),
        )
        .order_by("programme__body__name", "programme__year", "reference")
    )


def _location(body: PublicBody) -> dict:
    description = "Hyvinvointialueen koodi (Tilastokeskus)" if body.is_county else "Kuntanumero (Tilastokeskus)"
    return {
        "id": f"FI-{body.kind}-{body.code}",
        "name": body.name_fi or body.name,
        "countryCode": "FI",
        "geoCode": body.code,
        "description": description,
    }


def _theme(term: Term) -> dict:
    if term.yso_id:
        return {"vocabulary": "YSO", "code": term.yso_id, "title": term.name_fi or term.name, "url": term.yso_uri}
    return {"vocabulary": "Kumppani theme", "code": term.slug, "title": term.name_fi or term.name}


def grant(application: Application, site_url: str) -> dict:
    """One grant in the 360Giving shape."""
    programme, organisation = application.programme, application.organisation
    body, decision = programme.body, application.decision
    public_page = site_url + reverse("grants:public_decisions", kwargs={"slug": body.slug, "year": programme.year})
    recipient = {"id": organisation_identifier(organisation), "name": organisation.name_fi or organisation.name}
    if organisation.street_address:
        recipient["streetAddress"] = organisation.street_address
    if organisation.post_office:
        recipient["addressLocality"] = organisation.post_office
    if organisation.postal_code:
        recipient["postalCode"] = organisation.postal_code
    recipient["addressCountry"] = "FI"
    if organisation.website:
        recipient["url"] = organisation.website
    else:
        recipient["url"] = site_url + organisation.get_absolute_url()
    item = {
        "id": f"{prefix()}-{application.uuid}",
        "title": application.title[:140],
        "description": application.purpose or application.title,
        "currency": "EUR",
        "amountAwarded": _number(decision.amount),
        "awardDate": decision.meeting.date.isoformat(),
        "recipientOrganization": [recipient],
        "fundingOrganization": [
            {
                "id": body_identifier(body),
                "name": body.name_fi or body.name,
                "department": decision.meeting.board_name_fi or decision.meeting.board_name,
            }
        ],
        "grantProgramme": [
            {"code": f"{body.slug}-{programme.year}-{programme.slug}", "title": programme.name_fi or programme.name}
        ],
        "plannedDates": [{"startDate": f"{programme.year}-01-01", "endDate": f"{programme.year}-12-31"}],
        "beneficiaryLocation": [_location(body)],
        "locationScope": "GLS040" if body.is_county else "GLS050",
        "fromOpenCall": "Yes",
        "url": public_page,
        "dataSource": public_page,
        "dateModified": timezone.localtime(application.updated_at).isoformat(timespec="seconds"),
    }
    if application.amount_requested is not None:
        item["amountAppliedFor"] = _number(application.amount_requested)
    paid = sum((i.amount for i in application.paid_instalments), Decimal("0"))
    if paid:
        item["amountDisbursed"] = _number(paid)
    themes = list(application.themes.all())
    if themes:
        item["classifications"] = [_theme(term) for term in themes]
    return item


def package(
    grants: QuerySet[Application], *, title: str, identifier: str, download_url: str = "", site_url: str = ""
) -> dict:
    """The package: the grants with the publisher's metadata."""
    site_url = (site_url or settings.SITE_URL).rstrip("/")
    now = timezone.localtime().replace(microsecond=0)
    data = {
        "grants": [grant(application, site_url) for application in grants],
        "version": VERSION,
        "title": title,
        "identifier": identifier,
        "issued": now.date().isoformat(),
        "modified": now.isoformat(),
        "publisher": {"name": "Kumppani", "website": site_url + "/"},
        "license": LICENSE,
        "accessURL": site_url + "/",
    }
    if download_url:
        data["downloadURL"] = download_url
    return data


def body_year_package(body: PublicBody, year: int) -> dict:
    """The decided grants of one body and year, as the public download serves them."""
    path = reverse("grants:giving360", kwargs={"slug": body.slug, "year": year})
    return package(
        grants_queryset(body=body, year=year),
        title=f"{body.name_fi or body.name}: avustuspäätökset {year}",
        identifier=f"{prefix()}-{body.slug}-{year}",
        download_url=settings.SITE_URL + path,
    )


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def export(directory: Path, *, language: str = "fi") -> dict[str, int]:
    """`kumppani export 360giving DIR`: one package per funding body, `360giving-<body>.json`, with all
    its decided grants. Bodies without grants get no file (a package needs at least one grant)."""
    counts = {}
    with translation.override(language):
        bodies = PublicBody.objects.filter(pk__in=decided_grants().values("programme__body")).order_by("slug")
        for body in bodies:
            data = package(
                grants_queryset(body=body),
                title=f"{body.name_fi or body.name}: avustuspäätökset",
                identifier=f"{prefix()}-{body.slug}",
            )
            name = f"360giving-{body.slug}.json"
            partial = directory / f".{name}.tmp"
            partial.write_text(dumps(data), encoding="utf-8")
            partial.replace(directory / name)  # readers never see a half-written file
            counts[name] = len(data["grants"])
    return counts
