"""Business rules of the cooperation record.

Every change goes through one of these functions: each checks its permission, validates before
writing, runs in one transaction, records the audit history and queues the e-mails. The pages and
the API call the same functions.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.cooperation.models import (
    Category,
    CooperationForm,
    CoordinatorContact,
    Kind,
    Outcome,
    Partner,
    Realisation,
    ReviewPeriod,
    Sector,
    Side,
    Status,
)
from kumppani.core import audit, versioning
from kumppani.core import mail as kumppani_mail
from kumppani.core.models import BodyRole, BodyRoleKind, PublicBody, User
from kumppani.core.slugs import unique_slug
from kumppani.organisations.models import Membership, Organisation
from kumppani.premises.models import Booking, BookingSeries, BookingStatus

FORM_FIELDS = [
    "category",
    "kind",
    "title_fi",
    "title_sv",
    "description_fi",
    "description_sv",
    "responsible",
    "ngo_contact",
    "starts_on",
    "ends_on",
    "frequency",
    "review_period",
    "status",
]
# How long after a period ends its realisation may wait before the responsible official is reminded.
REVIEW_GRACE_DAYS = 30


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: [ValidationError(message, code=code)]})


def _require(by: User | None, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def date_text(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _representative_emails(organisation_ids) -> list[str]:
    return sorted(
        set(Membership.objects.filter(organisation_id__in=list(organisation_ids)).values_list("user__email", flat=True))
    )


def _form_url(form: CooperationForm) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse("cooperation:form", args=[form.uuid])


def _mail(to, template: str, form: CooperationForm, **extra) -> None:
    to = [address for address in to if address]
    if to:
        kumppani_mail.send(
            to=to,
            template=f"cooperation/email/{template}",
            context={"form": form, "body": form.body, "url": _form_url(form), **extra},
        )


# Sectors and coordinators ------------------------------------------------------------------------


def sector_save(
    *, body: PublicBody, name_fi: str, name_sv: str = "", name_en: str = "", sector: Sector | None = None, by: User
) -> Sector:
    """Add a sector to the body or rename one."""
    _require(by, "cooperation.manage_sectors", body)
    name_fi = (name_fi or "").strip()
    if not name_fi:
        raise _error("name_fi", _("Give the sector a name in Finnish."), "required")
    if sector is not None and sector.body_id != body.pk:
        raise PermissionDenied
    clash = Sector.objects.filter(body=body, name_fi__iexact=name_fi)
    if sector is not None:
        clash = clash.exclude(pk=sector.pk)
    if clash.exists():
        raise _error("name_fi", _("The body already has a sector of this name."), "duplicate")
    with transaction.atomic():
        created = sector is None
        if created:
            sector = Sector(body=body)
            sector.slug = unique_slug(Sector.objects.filter(body=body), name_fi, fallback="toimiala", max_length=110)
        before = audit.snapshot(sector, ["name_fi", "name_sv", "name_en"]) if not created else {}
        sector.name_fi, sector.name_sv, sector.name_en = name_fi, name_sv.strip(), name_en.strip()
        sector.save()
        audit.record(
            actor=by,
            obj=sector,
            action="sector_saved",
            changes=audit.diff(before, audit.snapshot(sector, ["name_fi", "name_sv", "name_en"])),
        )
    return sector


def sector_officials_set(*, sector: Sector, officials: list[User], by: User) -> None:
    """Name the sector's officials: people who have a role in the body."""
    _require(by, "cooperation.manage_sectors", sector.body)
    in_body = set(BodyRole.objects.filter(body_id=sector.body_id).values_list("user_id", flat=True))
    outsiders = [user for user in officials if user.pk not in in_body]
    if outsiders:
        raise _error(
            "officials",
            _("Only people with a role in %(body)s can be the sector's officials: %(names)s.")
            % {"body": sector.body.name, "names": ", ".join(str(u) for u in outsiders)},
            "not_in_body",
        )
    with transaction.atomic():
        before = sorted(sector.officials.values_list("pk", flat=True))
        sector.officials.set(officials)
        after = sorted(user.pk for user in officials)
        audit.record(actor=by, obj=sector, action="sector_officials_set", changes={"officials": [before, after]})


def coordinator_contact_save(
    *, body: PublicBody, user: User, title_fi: str = "", title_sv: str = "", phone: str = "", email: str = "", by: User
) -> CoordinatorContact:
    """The public title, phone and e-mail of one of the body's NGO coordinators."""
    if by is None or not (by.pk == user.pk or by.has_perm("cooperation.manage_sectors", body)):
        raise PermissionDenied
    if not BodyRole.objects.filter(body=body, user=user, role=BodyRoleKind.COORDINATOR).exists():
        raise _error("user", _("This person is not an NGO coordinator of %(body)s.") % {"body": body.name}, "invalid")
    from kumppani.core.validators import validate_phone

    if phone:
        try:
            validate_phone(phone)
        except ValidationError as error:
            raise _error("phone", " ".join(error.messages), "invalid") from None
    with transaction.atomic():
        contact, _created = CoordinatorContact.objects.get_or_create(body=body, user=user)
        contact.title_fi, contact.title_sv = title_fi.strip(), title_sv.strip()
        contact.phone, contact.email = phone.strip(), email.strip()
        contact.save()
        audit.record(actor=by, obj=contact, action="coordinator_contact_saved")
    return contact


# Forms of cooperation -------------------------------------------------------------------------


def _check_form(form: CooperationForm, organisations) -> None:
    errors: dict[str, list[ValidationError]] = {}

    def add(field, message, code):
        errors.setdefault(field, []).append(ValidationError(message, code=code))

    if not (form.title_fi or "").strip():
        add("title_fi", _("Give the form of cooperation a title in Finnish."), "required")
    if form.category not in Category.values:
        add("category", _("Choose the category."), "invalid_choice")
    if form.kind not in Kind.values:
        add("kind", _("Choose the kind of cooperation."), "invalid_choice")
    if form.review_period not in ReviewPeriod.values:
        add("review_period", _("Choose how often the realisation is reviewed."), "invalid_choice")
    if not organisations:
        add("organisations", _("Choose at least one NGO."), "required")
    if form.starts_on is None:
        add("starts_on", _("Give the day the cooperation starts."), "required")
    elif form.ends_on is not None and form.ends_on < form.starts_on:
        add("ends_on", _("The cooperation cannot end before it starts."), "invalid")
    if (
        form.responsible_id is not None
        and not BodyRole.objects.filter(body_id=form.body_id, user_id=form.responsible_id).exists()
    ):
        add("responsible", _("The responsible official must have a role in the body."), "not_in_body")
    if form.sector.body_id != form.body_id:
        add("sector", _("The sector belongs to another body."), "invalid")
    if errors:
        raise ValidationError(errors)


def form_create(
    *,
    body: PublicBody,
    sector: Sector,
    organisations: list[Organisation],
    category: str,
    kind: str,
    title: str,
    description: str = "",
    responsible: User,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    frequency: str = "",
    ngo_contact: User | None = None,
    review_period: str = ReviewPeriod.YEAR,
    title_sv: str = "",
    description_sv: str = "",
    booking: Booking | None = None,
    booking_series: BookingSeries | None = None,
    by: User,
) -> CooperationForm:
    """Record an agreed form of cooperation between a sector and NGOs; their representatives are
    asked by e-mail to confirm it. `title` and `description` are the Finnish texts."""
    _require(by, "cooperation.add_form", sector)
    organisations = list(dict.fromkeys(organisations))
    form = CooperationForm(
        body=body,
        sector=sector,
        category=category,
        kind=kind,
        title_fi=(title or "").strip(),
        title_sv=(title_sv or "").strip(),
        description_fi=(description or "").strip(),
        description_sv=(description_sv or "").strip(),
        responsible=responsible,
        ngo_contact=ngo_contact,
        starts_on=starts_on,
        ends_on=ends_on,
        frequency=(frequency or "").strip(),
        review_period=review_period,
        status=Status.ACTIVE,
        booking=booking,
        booking_series=booking_series,
        created_by=by,
    )
    _check_form(form, organisations)
    if (
        ngo_contact is not None
        and not Membership.objects.filter(user=ngo_contact, organisation__in=organisations).exists()
    ):
        raise _error("ngo_contact", _("The NGO's contact person must represent one of the NGOs."), "invalid")
    with transaction.atomic():
        form.save()
        Partner.objects.bulk_create(Partner(form=form, organisation=org) for org in organisations)
        audit.record(actor=by, obj=form, action="form_created", changes={"title": [None, form.title_fi]})
    _mail(_representative_emails(o.pk for o in organisations), "form_to_confirm", form)
    return form


def form_update(
    *,
    form: CooperationForm,
    data: dict,
    organisations: list[Organisation] | None = None,
    version: int | None = None,
    by: User,
):
    """Change a form's details (FORM_FIELDS) or its NGOs. `version` is the one the person's page was
    made from: a change over a colleague's newer one is refused, naming what they changed."""
    _require(by, "cooperation.change_form", form)
    unknown = set(data) - set(FORM_FIELDS)
    if unknown:
        raise ValueError(f"Not editable fields: {sorted(unknown)}")
    with transaction.atomic():
        versioning.check(form, version)
        before = audit.snapshot(form, FORM_FIELDS)
        partners_before = sorted(form.partners.values_list("organisation__name", flat=True))
        for field, value in data.items():
            setattr(form, field, value.strip() if isinstance(value, str) else value)
        current = list(Organisation.objects.filter(cooperation_partnerships__form=form))
        _check_form(form, organisations if organisations is not None else current)
        if organisations is not None:
            wanted = {o.pk for o in organisations}
            form.partners.exclude(organisation_id__in=wanted).delete()
            have = set(form.partners.values_list("organisation_id", flat=True))
            Partner.objects.bulk_create(Partner(form=form, organisation_id=pk) for pk in wanted - have)
        changes = audit.diff(before, audit.snapshot(form, FORM_FIELDS))
        partners_after = sorted(form.partners.values_list("organisation__name", flat=True))
        if partners_after != partners_before:
            changes["organisations"] = [partners_before, partners_after]
        changes = versioning.claim(form, changes)
        form.save()
        audit.record(actor=by, obj=form, action="form_updated", changes=changes)
    return form


def form_confirm(*, form: CooperationForm, organisation: Organisation, by: User) -> Partner:
    """The NGO's representative confirms that the form is what was agreed."""
    if by is None or not by.has_perm("cooperation.propose_form", organisation):
        raise PermissionDenied
    partner = form.partners.filter(organisation=organisation).first()
    if partner is None:
        raise PermissionDenied
    if form.status != Status.ACTIVE:
        raise _error("status", _("Only an active form of cooperation can be confirmed."), "not_active")
    with transaction.atomic():
        partner.confirmed_at, partner.confirmed_by = timezone.now(), by
        partner.save(update_fields=["confirmed_at", "confirmed_by"])
        audit.record(actor=by, obj=form, action="form_confirmed", message=organisation.name)
    _mail([form.responsible.email], "form_confirmed", form, organisation=organisation)
    return partner


def form_propose(
    *,
    organisation: Organisation,
    sector: Sector,
    category: str,
    kind: str,
    title: str,
    description: str = "",
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    frequency: str = "",
    title_sv: str = "",
    description_sv: str = "",
    by: User,
) -> CooperationForm:
    """An NGO proposes a form of cooperation to a sector; its officials accept or decline it."""
    _require(by, "cooperation.propose_form", organisation)
    officials = list(sector.officials.order_by("pk"))
    responsible = officials[0] if officials else None
    if responsible is None:
        role = BodyRole.objects.filter(body_id=sector.body_id, role=BodyRoleKind.COORDINATOR).order_by("pk").first()
        responsible = role.user if role else None
    if responsible is None:
        raise _error("sector", _("Nobody in this sector can handle proposals yet."), "no_officials")
    form = CooperationForm(
        body=sector.body,
        sector=sector,
        category=category,
        kind=kind,
        title_fi=(title or "").strip(),
        title_sv=(title_sv or "").strip(),
        description_fi=(description or "").strip(),
        description_sv=(description_sv or "").strip(),
        responsible=responsible,
        ngo_contact=by,
        starts_on=starts_on,
        ends_on=ends_on,
        frequency=(frequency or "").strip(),
        status=Status.PROPOSED,
        proposed_by=organisation,
        created_by=by,
    )
    _check_form(form, [organisation])
    with transaction.atomic():
        form.save()
        Partner.objects.create(form=form, organisation=organisation, confirmed_at=timezone.now(), confirmed_by=by)
        audit.record(actor=by, obj=form, action="form_proposed", message=organisation.name)
    _mail([u.email for u in officials] or [responsible.email], "form_proposed", form, organisation=organisation)
    return form


def form_decide(*, form: CooperationForm, accept: bool, reason: str = "", by: User) -> CooperationForm:
    """The sector's official accepts an NGO's proposal (it becomes active) or declines it with a reason."""
    _require(by, "cooperation.change_form", form)
    if form.status != Status.PROPOSED:
        raise _error("status", _("This proposal has already been decided."), "already_decided")
    reason = (reason or "").strip()
    if not accept and not reason:
        raise _error("reason", _("Tell the NGO why the proposal is declined."), "required")
    with transaction.atomic():
        form.status = Status.ACTIVE if accept else Status.DECLINED
        form.decision_reason = reason
        if accept:
            form.responsible = (
                by if BodyRole.objects.filter(body_id=form.body_id, user=by).exists() else form.responsible
            )
        form.save(update_fields=["status", "decision_reason", "responsible", "updated_at"])
        audit.record(
            actor=by,
            obj=form,
            action="form_accepted" if accept else "form_declined",
            changes={"status": [Status.PROPOSED, form.status]},
            message=reason,
        )
    _mail(_representative_emails(form.partners.values_list("organisation_id", flat=True)), "form_decided", form)
    return form


def form_end(*, form: CooperationForm, ends_on: dt.date, by: User) -> CooperationForm:
    """End an active form of cooperation; its realisation history stays."""
    _require(by, "cooperation.change_form", form)
    if form.status != Status.ACTIVE:
        raise _error("status", _("Only an active form of cooperation can be ended."), "not_active")
    if ends_on < form.starts_on:
        raise _error("ends_on", _("The cooperation cannot end before it starts."), "invalid")
    with transaction.atomic():
        versioning.check(form, None)
        before = audit.snapshot(form, ["status", "ends_on"])
        form.status, form.ends_on = Status.ENDED, ends_on
        changes = versioning.claim(form, audit.diff(before, audit.snapshot(form, ["status", "ends_on"])))
        form.save(update_fields=["status", "ends_on", "updated_at"])
        audit.record(actor=by, obj=form, action="form_ended", changes=changes)
    return form


def form_from_booking(
    *, sector: Sector, booking: Booking | None = None, series: BookingSeries | None = None, by: User
) -> CooperationForm:
    """Record an approved premises booking or weekly booking as premises cooperation with its NGO."""
    if (booking is None) == (series is None):
        raise ValueError("Give a booking or a series")
    _require(by, "cooperation.add_form", sector)
    if series is not None:
        space, organisation = series.space, series.organisation
        confirmed = series.bookings.filter(status=BookingStatus.CONFIRMED).exists()
        starts_on, ends_on = series.first_date, series.last_date
        frequency = _("Weekly")
        title = f"{space.name_fi or space.name}: {organisation.name}"
        existing = CooperationForm.objects.filter(booking_series=series)
    else:
        space, organisation = booking.space, booking.organisation
        confirmed = booking.status == BookingStatus.CONFIRMED and organisation is not None
        day = timezone.localdate(booking.start)
        starts_on, ends_on = day, day
        frequency = _("Once")
        title = f"{space.name_fi or space.name}: {booking.purpose}"
        existing = CooperationForm.objects.filter(booking=booking)
    if not confirmed or organisation is None:
        raise _error(
            "booking", _("Only an approved booking of an NGO can be recorded as cooperation."), "not_confirmed"
        )
    if space.body_id != sector.body_id:
        raise _error("sector", _("The space belongs to another body."), "invalid")
    if existing.exists():
        raise _error("booking", _("This booking is already recorded as cooperation."), "duplicate")
    responsible = by if BodyRole.objects.filter(body_id=sector.body_id, user=by).exists() else None
    if responsible is None:
        raise PermissionDenied
    return form_create(
        body=sector.body,
        sector=sector,
        organisations=[organisation],
        category=Category.PRACTICAL,
        kind=Kind.PREMISES,
        title=title[:200],
        description=(booking.purpose if booking else ""),
        responsible=responsible,
        starts_on=starts_on,
        ends_on=ends_on,
        frequency=frequency,
        booking=booking,
        booking_series=series,
        by=by,
    )


# Realisation ---------------------------------------------------------------------------------


def periods(form: CooperationForm, until: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The review periods of a form from its start to the period containing `until`, oldest first."""
    result = []
    year = form.starts_on.year
    last = min(until, form.ends_on) if form.ends_on else until
    while dt.date(year, 1, 1) <= last:
        if form.review_period == ReviewPeriod.HALF_YEAR:
            spans = [(dt.date(year, 1, 1), dt.date(year, 6, 30)), (dt.date(year, 7, 1), dt.date(year, 12, 31))]
        else:
            spans = [(dt.date(year, 1, 1), dt.date(year, 12, 31))]
        for start, end in spans:
            if end >= form.starts_on and start <= last:
                result.append((start, end))
        year += 1
    return result


def realisation_mark(
    *,
    form: CooperationForm,
    period_start: dt.date,
    period_end: dt.date,
    outcome: str,
    note: str = "",
    side: str,
    by: User,
) -> Realisation:
    """Mark whether the form was realised in a period. The body's officials mark the body's side
    (the outcome that counts), the NGO's representatives the NGO's view and note."""
    if side == Side.BODY:
        _require(by, "cooperation.mark_body_side", form)
    elif side == Side.NGO:
        _require(by, "cooperation.mark_ngo_side", form)
    else:
        raise ValueError(f"Unknown side {side!r}")
    if form.status not in (Status.ACTIVE, Status.ENDED):
        raise _error("status", _("Realisation is marked only for agreed forms of cooperation."), "not_active")
    if outcome not in Outcome.values:
        raise _error("outcome", _("Choose whether the cooperation was realised."), "invalid_choice")
    if period_start is None or period_end is None or period_end < period_start:
        raise _error("period_end", _("The period must end after it starts."), "invalid")
    if period_end < form.starts_on or (form.ends_on and period_start > form.ends_on):
        raise _error("period_start", _("The cooperation was not agreed for this period."), "outside")
    if period_start > timezone.localdate():
        raise _error("period_start", _("A period can be marked once it has started."), "future")
    note = (note or "").strip()
    with transaction.atomic():
        realisation, _created = Realisation.objects.select_for_update().get_or_create(
            form=form, period_start=period_start, defaults={"period_end": period_end}
        )
        realisation.period_end = period_end
        now = timezone.now()
        if side == Side.BODY:
            before = [realisation.outcome, realisation.body_note]
            realisation.outcome, realisation.body_note = outcome, note
            realisation.body_marked_by, realisation.body_marked_at = by, now
            after = [outcome, note]
        else:
            before = [realisation.ngo_outcome, realisation.ngo_note]
            realisation.ngo_outcome, realisation.ngo_note = outcome, note
            realisation.ngo_marked_by, realisation.ngo_marked_at = by, now
            after = [outcome, note]
        realisation.save()
        audit.record(
            actor=by,
            obj=form,
            action=f"realisation_marked_{side}",
            changes={"realisation": [before, after]},
            message=f"{date_text(period_start)}–{date_text(period_end)}",
        )
    return realisation


def overdue_reviews(today: dt.date) -> list[tuple[CooperationForm, dt.date, dt.date]]:
    """(form, period start, period end) of active forms whose latest finished period (ended more than
    REVIEW_GRACE_DAYS ago) has no body-side marking and was not yet reminded of."""
    limit = today - dt.timedelta(days=REVIEW_GRACE_DAYS)
    forms = (
        CooperationForm.objects.filter(status=Status.ACTIVE, starts_on__lte=limit)
        .select_related("responsible", "body")
        .prefetch_related("realisations")
    )
    due = []
    for form in forms:
        finished = [span for span in periods(form, limit) if span[1] <= limit]
        if not finished:
            continue
        start, end = finished[-1]
        if form.reminded_for is not None and form.reminded_for >= end:
            continue
        if any(r.period_start == start and r.outcome for r in form.realisations.all()):
            continue
        due.append((form, start, end))
    return due


def send_review_reminders(today: dt.date) -> int:
    """E-mail each responsible official once per overdue period."""
    sent = 0
    for form, start, end in overdue_reviews(today):
        with transaction.atomic():
            updated = CooperationForm.objects.filter(pk=form.pk).exclude(reminded_for__gte=end).update(reminded_for=end)
        if updated:
            _mail(
                [form.responsible.email],
                "review_overdue",
                form,
                period=f"{date_text(start)}–{date_text(end)}",
            )
            sent += 1
    return sent
