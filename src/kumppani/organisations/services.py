"""Business rules of the NGO register. Every change happens here, inside a transaction, with
an audit entry and, where someone must know, an e-mail."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.core import audit, mail, search, versioning
from kumppani.core.models import BodyRole, BodyRoleKind, PublicBody, User
from kumppani.core.slugs import unique_slug
from kumppani.organisations.models import (
    ContactPerson,
    Invitation,
    InvitationKind,
    Membership,
    MembershipRequest,
    MembershipRole,
    Organisation,
    OrganisationStatus,
    RequestStatus,
)
from kumppani.organisations.validators import normalise_association_id, normalise_business_id

SEARCH_KIND = "organisation"
AUDITED_FIELDS = [
    "name_fi",
    "name_sv",
    "name_en",
    "short_description_fi",
    "short_description_sv",
    "short_description_en",
    "description_fi",
    "description_sv",
    "description_en",
    "business_id",
    "association_id",
    "founded_year",
    "member_count",
    "email",
    "phone",
    "website",
    "street_address",
    "postal_code",
    "post_office",
    "status",
    "themes",
    "target_groups",
    "languages",
    "areas",
]
_M2M = ("themes", "target_groups", "languages", "areas")
_EDITED_COLUMNS = [
    field.name
    for field in Organisation._meta.concrete_fields
    if field.name not in ("id", "uuid", "slug", "verified_at", "verified_by", "merged_into", "created_at", "version")
]


def search_texts(organisation: Organisation) -> list[str]:
    """What the directory search looks at: names and descriptions in every language, and the
    names of the NGO's themes and target groups."""
    texts = [
        getattr(organisation, f"{field}_{lang}") or ""
        for field in ("name", "short_description", "description")
        for lang in ("fi", "sv", "en")
    ]
    for term in [*organisation.themes.all(), *organisation.target_groups.all()]:
        texts.extend([term.name_fi or "", term.name_sv or "", term.name_en or ""])
    return texts


def search_documents():
    """Every NGO's search document, for rebuilding the index (core.search.rebuild)."""
    for organisation in Organisation.objects.prefetch_related("themes", "target_groups").iterator(chunk_size=500):
        yield organisation.pk, search_texts(organisation)


def reindex(organisation: Organisation) -> None:
    search.update_entry(SEARCH_KIND, organisation.pk, search_texts(organisation))


def _apply(organisation: Organisation, data: dict) -> None:
    for field, value in data.items():
        if field in _M2M:
            continue
        if field == "business_id":
            value = normalise_business_id(value)
        elif field == "association_id":
            value = normalise_association_id(value)
        setattr(organisation, field, value)


def _set_m2m(organisation: Organisation, data: dict) -> None:
    for field in _M2M:
        if field in data:
            getattr(organisation, field).set(data[field])


@transaction.atomic
def organisation_create(*, by: User | None, data: dict, verified: bool = False) -> Organisation:
    """Add an NGO to the register: a coordinator or a platform admin (organisations.add_organisation).
    Their new NGO may be verified at once.

    `by` None is the system itself, no person: the demo loader and test data, which the history
    records as added by no one."""
    if by is not None and not by.has_perm("organisations.add_organisation"):
        raise PermissionDenied
    return _create(by=by, data=data, verified=verified)


@transaction.atomic
def organisation_propose(*, by: User, data: dict) -> Organisation:
    """A person signing up adds the NGO they represent when it is not in the register yet. Anyone
    may: the NGO stays unverified, and the person only asks to represent it (membership_request_create),
    which a coordinator decides."""
    return _create(by=by, data=data, verified=False)


def _create(*, by: User | None, data: dict, verified: bool) -> Organisation:
    name = data.get("name_fi") or data.get("name") or ""
    organisation = Organisation(slug=unique_slug(Organisation.objects.all(), name, fallback="yhdistys"))
    _apply(organisation, data)
    organisation.full_clean(exclude=["slug", "logo"])
    if verified and by is not None:
        organisation.verified_at, organisation.verified_by = timezone.now(), by
    organisation.save()
    _set_m2m(organisation, data)
    audit.record(
        actor=by,
        obj=organisation,
        action="created",
        changes=audit.diff({}, audit.snapshot(organisation, AUDITED_FIELDS)),
    )
    reindex(organisation)
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, by: User, data: dict, logo=None, version: int | None = None
) -> Organisation:
    """Change an NGO's information. Checks the permission; records every changed value.

    `version` is the one the form or API client read: when someone else has saved since, nothing
    is saved and the error lists what they changed (core.versioning). None checks against the
    version `organisation` was read at, for a change of only the fields in `data`."""
    if not by.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied
    versioning.check(organisation, version)
    # From the stored row: a model form has already put its values into `organisation`.
    before = audit.snapshot(Organisation.objects.get(pk=organisation.pk), AUDITED_FIELDS)
    _apply(organisation, data)
    if logo is not None:
        organisation.logo = logo or ""
    organisation.full_clean(exclude=["logo"])
    organisation.updated_at = timezone.now()
    # Not the fields that other services keep (verification, merging): a save never undoes them.
    organisation.save(update_fields=_EDITED_COLUMNS)
    _set_m2m(organisation, data)
    changes = audit.diff(before, audit.snapshot(organisation, AUDITED_FIELDS))
    if changes or logo is not None:
        changes = versioning.claim(organisation, changes or {"logo": ["", str(organisation.logo)]})
        audit.record(actor=by, obj=organisation, action="updated", changes=changes)
    organisation._responsible_body_ids = None
    reindex(organisation)
    return organisation


@transaction.atomic
def contact_persons_replace(
    *, organisation: Organisation, by: User, persons: list[dict], version: int | None = None
) -> None:
    """Replace the NGO's named contact persons with `persons` (the form's rows, in order), when the
    NGO is still at `version` (see organisation_update)."""
    if not by.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied
    versioning.check(organisation, version)
    before = [f"{p.name} ({p.role})" for p in organisation.contact_persons.all()]
    organisation.contact_persons.all().delete()
    ContactPerson.objects.bulk_create([ContactPerson(organisation=organisation, **p) for p in persons])
    after = [f"{p['name']} ({p.get('role', '')})" for p in persons]
    if before != after:
        changes = versioning.claim(organisation, {"contact_persons": [before, after]})
        audit.record(actor=by, obj=organisation, action="contacts_changed", changes=changes)


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by: User) -> Organisation:
    """A coordinator confirms the NGO's information is correct."""
    if not by.has_perm("organisations.verify_organisation", organisation):
        raise PermissionDenied
    organisation.verified_at, organisation.verified_by = timezone.now(), by
    organisation.updated_at = organisation.verified_at
    organisation.save(update_fields=["verified_at", "verified_by", "updated_at"])
    audit.record(actor=by, obj=organisation, action="verified")
    return organisation


@transaction.atomic
def organisation_set_status(*, organisation: Organisation, by: User, status: str) -> Organisation:
    """Mark an NGO active, dormant or dissolved."""
    if not by.has_perm("organisations.verify_organisation", organisation):
        raise PermissionDenied
    if status not in OrganisationStatus.values:
        raise ValidationError(_("Unknown status."), code="unknown_status")
    old = organisation.status
    if old != status:
        versioning.check(organisation, None)
        organisation.status = status
        organisation.updated_at = timezone.now()
        organisation.save(update_fields=["status", "updated_at"])
        changes = versioning.claim(organisation, {"status": [old, status]})
        audit.record(actor=by, obj=organisation, action="status_changed", changes=changes)
    return organisation


@transaction.atomic
def organisation_merge(*, keep: Organisation, duplicate: Organisation, by: User) -> Organisation:
    """Merge a duplicate entry into `keep` without losing anything attached to either.

    Relations move to `keep`; empty fields of `keep` are filled from the duplicate; the
    duplicate stays as a record that points to `keep`, so old links still lead somewhere.
    """
    if keep.pk == duplicate.pk:
        raise ValidationError(_("An NGO cannot be merged into itself."), code="merge_into_itself")
    if duplicate.merged_into_id:
        raise ValidationError(_("This NGO has already been merged."), code="already_merged")
    for organisation in (keep, duplicate):
        if not by.has_perm("organisations.merge_organisation", organisation):
            raise PermissionDenied
    versioning.check(keep, None)
    before = audit.snapshot(keep, AUDITED_FIELDS)
    for field in AUDITED_FIELDS:
        if field in _M2M:
            getattr(keep, field).add(*getattr(duplicate, field).all())
        elif getattr(keep, field) in ("", None) and getattr(duplicate, field) not in ("", None):
            setattr(keep, field, getattr(duplicate, field))
    if not keep.logo and duplicate.logo:
        keep.logo = duplicate.logo
    duplicate.contact_persons.update(organisation=keep)
    for membership in duplicate.memberships.all():
        Membership.objects.get_or_create(
            user_id=membership.user_id, organisation=keep, defaults={"role": membership.role}
        )
    duplicate.memberships.all().delete()
    MembershipRequest.objects.filter(organisation=duplicate, status=RequestStatus.PENDING).exclude(
        user__in=MembershipRequest.objects.filter(organisation=keep, status=RequestStatus.PENDING).values("user")
    ).update(organisation=keep)
    keep.updated_at = timezone.now()
    keep.save()
    duplicate.merged_into = keep
    duplicate.status = OrganisationStatus.DISSOLVED
    duplicate.updated_at = timezone.now()
    duplicate.save(update_fields=["merged_into", "status", "updated_at"])
    audit.record(
        actor=by,
        obj=keep,
        action="merged",
        changes=versioning.claim(keep, audit.diff(before, audit.snapshot(keep, AUDITED_FIELDS))),
        message=f"{duplicate.name} (#{duplicate.pk})",
    )
    audit.record(actor=by, obj=duplicate, action="merged_into", message=f"{keep.name} (#{keep.pk})")
    search.delete_entry(SEARCH_KIND, duplicate.pk)
    reindex(keep)
    return keep


# Invitations ---------------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _invite(*, by: User, email: str, template: str, context: dict, language: str, **target) -> tuple[Invitation, str]:
    """Store an invitation (only a hash of its token) and e-mail the link. Returns it and the token."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.strip().lower(),
        token_hash=_hash(token),
        invited_by=by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        **target,
    )
    mail.send(
        to=[invitation.email],
        template=template,
        context={
            **context,
            "inviter": by.full_name,
            "link": settings.SITE_URL + reverse("organisations:accept_invitation", kwargs={"token": token}),
            "expires_at": invitation.expires_at,
        },
        language=language,
    )
    return invitation, token


@transaction.atomic
def invitation_create_for_organisation(
    *, organisation: Organisation, by: User, email: str, role: str = MembershipRole.REPRESENTATIVE, language: str = "fi"
) -> tuple[Invitation, str]:
    """Invite a person by e-mail to represent an NGO. Returns the invitation and the secret token."""
    if not by.has_perm("organisations.manage_members", organisation):
        raise PermissionDenied
    invitation, token = _invite(
        by=by,
        email=email,
        template="organisations/email/invitation",
        context={"organisation_name": organisation.name},
        language=language,
        kind=InvitationKind.ORGANISATION,
        organisation=organisation,
        membership_role=role,
    )
    audit.record(actor=by, obj=organisation, action="invited", message=invitation.email)
    return invitation, token


@transaction.atomic
def invitation_create_for_body(
    *, body: PublicBody, by: User, email: str, role: str, language: str = "fi"
) -> tuple[Invitation, str]:
    """Invite a person by e-mail to a role in a public body (coordinators and admins only)."""
    if not by.has_perm("core.coordinate_body", body):
        raise PermissionDenied
    if role not in BodyRoleKind.values:
        raise ValidationError(_("Unknown role."), code="unknown_role")
    invitation, token = _invite(
        by=by,
        email=email,
        template="organisations/email/body_invitation",
        context={"body_name": body.name, "role": BodyRoleKind(role).label},
        language=language,
        kind=InvitationKind.BODY,
        body=body,
        body_role=role,
    )
    audit.record(actor=by, obj=body, action="invited", message=f"{invitation.email}: {role}")
    return invitation, token


def invitation_find(token: str) -> Invitation | None:
    """The open invitation for a token, or None when it is unknown, used or expired."""
    invitation = Invitation.objects.select_related("organisation", "body").filter(token_hash=_hash(token)).first()
    return invitation if invitation and invitation.is_open else None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> None:
    """Give the signed-in (or just created) user what the invitation offers. Works once: the
    secret link is the permission."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has already been used or it has expired."), code="invitation_closed")
    if invitation.kind == InvitationKind.ORGANISATION:
        Membership.objects.get_or_create(
            user=user, organisation=invitation.organisation, defaults={"role": invitation.membership_role}
        )
        audit.record(
            actor=user, obj=invitation.organisation, action="member_added", changes={"member": [None, user.email]}
        )
    else:
        BodyRole.objects.get_or_create(user=user, body=invitation.body, role=invitation.body_role)
        audit.record(
            actor=user, obj=invitation.body, action="role_added", changes={invitation.body_role: [None, user.email]}
        )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])


@transaction.atomic
def user_create(*, email: str, full_name: str, password: str, language: str = "fi") -> User:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("An account with this e-mail address already exists. Sign in instead."), code="email_taken"
                )
            }
        )
    user = User.objects.create_user(email=email, password=password, full_name=full_name.strip(), language=language)
    audit.record(actor=user, obj=user, action="signed_up")
    return user


@transaction.atomic
def signup(
    *,
    email: str,
    full_name: str,
    password: str,
    language: str,
    organisation: Organisation | None,
    new_organisation: dict | None = None,
    message: str = "",
) -> User | None:
    """A person signs up and asks to represent an NGO (an existing one, or `new_organisation`
    {"name_fi", "areas"} proposed to the register). Returns the new account, or None when the
    address already has one.

    The sign-up page must not tell whether an address has an account, so the caller answers the
    same either way and both end in an e-mail to the address: a welcome to a new account, or to
    the owner of an existing one a note that someone tried to register with it, with links to
    sign in and to reset the password. Nothing is created for an existing address."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)  # the same work as a new account, so the answer takes as long
        mail.send(
            to=[existing.email],
            template="organisations/email/signup_existing",
            context={
                "login_link": settings.SITE_URL + reverse("login"),
                "reset_link": settings.SITE_URL + reverse("password_reset"),
            },
            language=existing.language or language,
        )
        audit.record(actor=None, obj=existing, action="signup_with_existing_address")
        return None
    user = user_create(email=email, full_name=full_name, password=password, language=language)
    if organisation is None:
        organisation = organisation_propose(by=user, data=new_organisation or {})
    membership_request_create(user=user, organisation=organisation, message=message)
    mail.send(
        to=[user.email],
        template="organisations/email/signup_welcome",
        context={"organisation_name": organisation.name, "login_link": settings.SITE_URL + reverse("login")},
        language=language,
    )
    return user


# Membership requests -------------------------------------------------------------------------


@transaction.atomic
def membership_request_create(*, user: User, organisation: Organisation, message: str = "") -> MembershipRequest:
    """A signed-in person asks to represent an NGO. The coordinators of its bodies are told."""
    if not user.is_authenticated:
        raise PermissionDenied
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError(_("You already represent this NGO."), code="already_member")
    if MembershipRequest.objects.filter(user=user, organisation=organisation, status=RequestStatus.PENDING).exists():
        raise ValidationError(_("Your request is already waiting for approval."), code="request_pending")
    request = MembershipRequest.objects.create(user=user, organisation=organisation, message=message)
    audit.record(actor=user, obj=organisation, action="membership_requested", message=user.email)
    from kumppani.organisations.rules import responsible_body_ids

    coordinators = User.objects.filter(
        body_roles__role=BodyRoleKind.COORDINATOR,
        body_roles__body_id__in=responsible_body_ids(organisation),
        is_active=True,
    ).distinct()
    for coordinator in coordinators:
        mail.send(
            to=[coordinator.email],
            template="organisations/email/membership_request",
            context={
                "organisation_name": organisation.name,
                "person": user.full_name,
                "message": message,
                "link": settings.SITE_URL + reverse("core:dashboard"),
            },
            language=coordinator.language,
        )
    return request


@transaction.atomic
def membership_request_decide(*, request: MembershipRequest, by: User, approve: bool) -> MembershipRequest:
    """A coordinator approves or declines a request; the person is told either way."""
    request = MembershipRequest.objects.select_for_update().select_related("organisation", "user").get(pk=request.pk)
    if not by.has_perm("organisations.verify_organisation", request.organisation):
        raise PermissionDenied
    if request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been decided."), code="already_decided")
    request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    request.decided_at, request.decided_by = timezone.now(), by
    request.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        Membership.objects.get_or_create(user=request.user, organisation=request.organisation)
    audit.record(
        actor=by,
        obj=request.organisation,
        action="membership_approved" if approve else "membership_declined",
        message=request.user.email,
    )
    mail.send(
        to=[request.user.email],
        template="organisations/email/membership_decided",
        context={
            "organisation_name": request.organisation.name,
            "approved": approve,
            "link": settings.SITE_URL + reverse("core:dashboard"),
        },
        language=request.user.language,
    )
    return request


@transaction.atomic
def membership_remove(*, membership: Membership, by: User) -> None:
    if not by.has_perm("organisations.manage_members", membership.organisation):
        raise PermissionDenied
    audit.record(
        actor=by,
        obj=membership.organisation,
        action="member_removed",
        changes={"member": [membership.user.email, None]},
    )
    membership.delete()
