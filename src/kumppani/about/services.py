"""Changing a body's privacy notice and receiving feedback: plain functions inside transactions."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kumppani.about.models import Feedback, PrivacyNotice
from kumppani.core import audit, mail, versioning
from kumppani.core.models import BodyRoleKind, PublicBody, User

NOTICE_FIELDS = (
    "controller",
    "contact_person",
    "data_protection_officer",
    *(
        f"{name}_{language}"
        for name in ("purposes", "data_categories", "sources", "recipients", "retention")
        for language in ("fi", "sv", "en")
    ),
)


def privacy_notice_save(*, body: PublicBody, values: dict, version: int, by) -> PrivacyNotice:
    """Create or change the body's notice. `version` is the one the person's form was made from (0 when
    there was no notice yet): a save over someone else's newer change is refused, naming what changed."""
    if not by.has_perm("about.change_privacy_notice", body):
        raise PermissionDenied
    with transaction.atomic():
        notice = PrivacyNotice.objects.filter(body=body).first()
        if notice is None:
            notice = PrivacyNotice(body=body)
        elif version == 0:
            # Someone wrote the first notice while this person was writing theirs.
            raise versioning.stale_error(notice, 1)
        else:
            versioning.check(notice, version)
        before = {name: getattr(notice, name) for name in NOTICE_FIELDS}
        for name in NOTICE_FIELDS:
            if name in values:
                setattr(notice, name, values[name])
        notice.full_clean(exclude=["body"])
        changes = {
            name: [before[name], getattr(notice, name)]
            for name in NOTICE_FIELDS
            if before[name] != getattr(notice, name)
        }
        notice.updated_by = by
        if notice.pk is None:
            notice.save()
            changes = {**changes, "version": [0, 1]}
        else:
            changes = versioning.claim(notice, changes)
            notice.save(update_fields=[*NOTICE_FIELDS, "updated_by", "updated_at"])
        audit.record(actor=by, obj=notice, action="privacy_notice_updated", changes=changes)
    return notice


def feedback_send(
    *, topic: str, body: PublicBody | None, message: str, name: str, email: str, page: str, language: str
) -> Feedback:
    """Keep the feedback and tell the platform's admins, and the body's coordinators when it is about a
    body. The sender gets no copy: an address typed into a public form is not verified."""
    feedback = Feedback(
        topic=topic, body=body, message=message, name=name, email=email, page=page[:500], language=language
    )
    feedback.full_clean()
    with transaction.atomic():
        feedback.save()
        audit.record(actor=None, obj=feedback, action="feedback_received")
        recipients = set(User.objects.filter(is_active=True, is_staff=True).values_list("email", flat=True))
        if body is not None:
            recipients |= set(
                User.objects.filter(
                    is_active=True, body_roles__body=body, body_roles__role=BodyRoleKind.COORDINATOR
                ).values_list("email", flat=True)
            )
        recipients.discard("")
        if recipients:
            transaction.on_commit(
                lambda: mail.send(
                    to=sorted(recipients), template="about/email/feedback", context={"feedback": feedback}
                )
            )
    return feedback
