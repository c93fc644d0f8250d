"""The register's part of the role cards on a person's own page (/oma/): each NGO they represent is a
role, a request to represent one is shown while it waits, and a coordinator's card counts the
requests and the NGOs waiting for verification."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kumppani.core.models import BodyRoleKind, PublicBody
from kumppani.core.pages import Role, Task, body_role_key, ngo_key, register_role_source, register_task_source
from kumppani.core.rules import coordinated_body_ids
from kumppani.organisations.models import (
    MembershipRequest,
    MembershipRole,
    Organisation,
    OrganisationStatus,
    RequestStatus,
)
from kumppani.organisations.queries import in_care_of

# An NGO whose information has not changed for this long is asked to check it.
CHECK_AFTER = dt.timedelta(days=365)


def ngo_roles(request) -> list[Role]:
    user = request.user
    if not user.is_authenticated:
        return []
    roles = []
    for membership in user.memberships.select_related("organisation").order_by("organisation__name"):
        admin = membership.role == MembershipRole.ADMIN
        roles.append(
            Role(
                key=ngo_key(membership.organisation_id),
                title=f"{membership.organisation.name} – {membership.get_role_display()}",
                help=_(
                    "You keep the NGO's information, activities and events up to date, apply for grants and "
                    "report their use."
                )
                + (" " + _("As its admin you also invite the NGO's other representatives.") if admin else ""),
                url=membership.organisation.get_absolute_url(),
                order=10,
            )
        )
    pending = (
        MembershipRequest.objects.filter(user=user, status=RequestStatus.PENDING)
        .select_related("organisation")
        .order_by("created_at")
    )
    for waiting in pending:
        roles.append(
            Role(
                key=f"request:{waiting.pk}",
                title=_("Waiting for approval: %(ngo)s") % {"ngo": waiting.organisation.name},
                help=_(
                    "You asked on %(date)s to represent this NGO. An NGO coordinator of its area decides, and "
                    "you get an e-mail when they have. Until then you can read everything public."
                )
                % {"date": date_format(timezone.localtime(waiting.created_at), "SHORT_DATE_FORMAT")},
                url=waiting.organisation.get_absolute_url(),
                order=15,
            )
        )
    return roles


def ngo_tasks(request) -> list[Task]:
    user = request.user
    if not user.is_authenticated:
        return []
    old = timezone.now() - CHECK_AFTER
    tasks = []
    for organisation in Organisation.objects.filter(memberships__user=user, updated_at__lt=old).only(
        "pk", "slug", "updated_at"
    ):
        since = date_format(timezone.localtime(organisation.updated_at), "SHORT_DATE_FORMAT")
        tasks.append(
            Task(
                ngo_key(organisation.pk),
                _("The NGO's information was last updated on %(date)s – please check it") % {"date": since},
                1,
                reverse("organisations:edit", args=[organisation.slug]),
                order=50,
            )
        )
    return tasks


def coordinator_tasks(request) -> list[Task]:
    """For each body the person coordinates: requests to represent an NGO and NGOs to verify."""
    ids = coordinated_body_ids(request.user)
    if not ids:
        return []
    dashboard = reverse("core:dashboard")
    tasks = []
    for body in PublicBody.objects.filter(pk__in=ids).order_by("name"):
        organisations = in_care_of([body])
        unverified = organisations.filter(verified_at__isnull=True).exclude(status=OrganisationStatus.DISSOLVED)
        requests = MembershipRequest.objects.filter(
            status=RequestStatus.PENDING, organisation__in=organisations
        ).count()
        to_verify = unverified.count()
        key = body_role_key(body.pk, BodyRoleKind.COORDINATOR)
        tasks += [
            Task(
                key,
                ngettext(
                    "%(count)s request to represent an NGO",
                    "%(count)s requests to represent an NGO",
                    requests,
                )
                % {"count": requests},
                requests,
                f"{dashboard}#requests-{body.pk}",
                order=10,
            ),
            Task(
                key,
                ngettext(
                    "%(count)s NGO waiting for verification",
                    "%(count)s NGOs waiting for verification",
                    to_verify,
                )
                % {"count": to_verify},
                to_verify,
                f"{dashboard}#verify-{body.pk}",
                order=20,
            ),
        ]
    return tasks


def register() -> None:
    register_role_source("organisations", ngo_roles)
    register_task_source("organisations", ngo_tasks)
    register_task_source("organisations_coordinator", coordinator_tasks)
