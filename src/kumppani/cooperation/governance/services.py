"""Business rules of governance: NGO networks, councils and working groups with their seats,
nominations, and the partnership table's meetings and action items.

Every change goes through one of these functions: each checks its permission, validates before it
writes, runs in one transaction, records the audit history and queues the e-mails. The pages and
the API call the same functions.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertAnswer,
    ExpertRequest,
    ExpertRequestStatus,
    MeasureStatus,
    Meeting,
    Negotiation,
    NegotiationMeasure,
    NegotiationStatus,
    NgoNetwork,
    Nomination,
    NominationRequest,
    NominationStatus,
    Seat,
    WorkingGroup,
)
from kumppani.core import audit, versioning
from kumppani.core import mail as kumppani_mail
from kumppani.core.models import BodyRoleKind, PublicBody, User
from kumppani.core.slugs import unique_slug
from kumppani.organisations.models import Organisation

LANGS = ("fi", "sv", "en")
NETWORK_FIELDS = [f"{field}_{lang}" for field in ("name", "description") for lang in LANGS]
GROUP_FIELDS = ["kind", "ngo_seats", "is_active", *NETWORK_FIELDS]
MEETING_FIELDS = ["kind", "title", "starts_at", "place", "agenda", "minutes", "network"]


def _require(by: User | None, perm: str, obj) -> None:
    if by is None or not by.has_perm(perm, obj):
        raise PermissionDenied


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: [ValidationError(message, code=code)]})


def _stored(obj, version: int | None):
    """Lock a versioned object's row and refuse a change made from another version (core.versioning);
    return the row as stored, for the history's "before" (a ModelForm may already have changed `obj`)."""
    versioning.check(obj, version)
    return type(obj)._base_manager.get(pk=obj.pk)


def _check_fields(data: dict, allowed: list[str]) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise ValueError(f"Not editable fields: {sorted(unknown)}")


def date_text(day: dt.date) -> str:
    """5.12.2026 in every language, as Kumppani writes dates."""
    return f"{day.day}.{day.month}.{day.year}"


def body_coordinators(body: PublicBody) -> list[User]:
    return list(User.objects.filter(body_roles__body=body, body_roles__role=BodyRoleKind.COORDINATOR, is_active=True))


def network_runners(network: NgoNetwork) -> list[User]:
    people = {network.chair_id: network.chair}
    people.update({person.pk: person for person in network.coordinators.all()})
    return [person for person in people.values() if person.is_active]


def _mail(people, template: str, context: dict) -> None:
    """One message per person, in the person's own language."""
    for person in people:
        if person.email:
            kumppani_mail.send(
                to=[person.email],
                template=f"cooperation/governance/email/{template}",
                context=context,
                language=person.language,
            )


# Networks ------------------------------------------------------------------------------------


def network_save(
    *,
    by: User,
    data: dict,
    chair: User,
    area: PublicBody | None = None,
    network: NgoNetwork | None = None,
    coordinators: list[User] | None = None,
    parent: NgoNetwork | None = None,
    version: int | None = None,
) -> NgoNetwork:
    """Set up a network of the NGOs of `area` (its coordinators do) or change one (its chair too).
    `version` is the one the person's page was made from: a change over a newer one is refused,
    naming what changed meanwhile (core.versioning)."""
    _check_fields(data, NETWORK_FIELDS)
    tracked = [*NETWORK_FIELDS, "coordinators"]
    if network is None:
        _require(by, "cooperation.add_network", area)
        network = NgoNetwork(area=area)
    else:
        _require(by, "cooperation.change_network", network)
    if parent is not None and parent.pk == network.pk:
        raise _field_error("parent", _("A network cannot be its own regional network."), "invalid")
    with transaction.atomic():
        created = network.pk is None
        before = {} if created else _network_snapshot(_stored(network, version), tracked)
        for field, value in data.items():
            setattr(network, field, value)
        if not (network.name_fi or "").strip():
            raise _field_error("name_fi", _("Give the network's name."), "required")
        network.chair = chair
        network.parent = parent
        if created:
            network.slug = unique_slug(NgoNetwork.objects.all(), network.name_fi, fallback="verkosto", max_length=110)
        network.save()
        if coordinators is not None:
            network.coordinators.set(coordinators)
        changes = audit.diff(before, _network_snapshot(network, tracked))
        if not created:
            changes = versioning.claim(network, changes)
        audit.record(actor=by, obj=network, action="network_created" if created else "network_updated", changes=changes)
    for person in (chair, by, *(coordinators or [])):
        person.__dict__.pop("_kumppani_networks", None)  # the networks they run, cached by the rules
    return network


def _network_snapshot(network: NgoNetwork, fields: list[str]) -> dict:
    """The network's details for the history, its chair and regional network by name."""
    values = audit.snapshot(network, fields)
    values["chair"] = str(network.chair) if network.chair_id else None
    values["parent"] = str(network.parent) if network.parent_id else None
    return values


def network_members_set(
    *, by: User, network: NgoNetwork, organisations: list[Organisation], version: int | None = None
) -> None:
    """The member NGOs of a network, kept by its chair and coordinators. A list made from an older
    version of the network is refused, naming what changed meanwhile."""
    _require(by, "cooperation.change_network", network)
    with transaction.atomic():
        versioning.check(network, version)
        before = sorted(network.members.values_list("name", flat=True))
        network.members.set(organisations)
        after = sorted(org.name for org in organisations)
        changes = versioning.claim(network, {"members": [before, after]} if before != after else {})
        audit.record(actor=by, obj=network, action="network_updated", changes=changes)


# Councils and working groups ------------------------------------------------------------------


def group_save(
    *,
    by: User,
    data: dict,
    body: PublicBody | None = None,
    group: WorkingGroup | None = None,
    version: int | None = None,
):
    """Add a council or working group of `body`, or change one: the body's coordinators do. A change
    made from an older version is refused, naming what changed meanwhile (core.versioning)."""
    _check_fields(data, GROUP_FIELDS)
    if group is None:
        _require(by, "cooperation.add_group", body)
        group = WorkingGroup(body=body)
    else:
        _require(by, "cooperation.change_group", group)
    with transaction.atomic():
        created = group.pk is None
        before = {} if created else audit.snapshot(_stored(group, version), GROUP_FIELDS)
        for field, value in data.items():
            setattr(group, field, value)
        if not (group.name_fi or "").strip():
            raise _field_error("name_fi", _("Give the group's name."), "required")
        group.save()
        changes = audit.diff(before, audit.snapshot(group, GROUP_FIELDS))
        if not created:
            changes = versioning.claim(group, changes)
        audit.record(actor=by, obj=group, action="group_created" if created else "group_updated", changes=changes)
    return group


def nomination_request_create(
    *,
    by: User,
    group: WorkingGroup,
    network: NgoNetwork,
    seats: int,
    deputies: bool,
    deadline: dt.date,
    term_start: dt.date,
    term_end: dt.date,
    message: str = "",
) -> NominationRequest:
    """Ask a network to nominate `seats` representatives (each with a deputy, if asked) to a group.
    The network's chair and coordinators get an e-mail."""
    _require(by, "cooperation.change_group", group)
    errors = {}
    if seats < 1:
        errors["seats"] = [ValidationError(_("Ask for at least one representative."), code="no_seats")]
    elif seats > group.ngo_seats:
        errors["seats"] = [
            ValidationError(
                _("The group has %(count)s seats for NGO representatives.") % {"count": group.ngo_seats},
                code="too_many_seats",
            )
        ]
    if deadline < timezone.localdate():
        errors["deadline"] = [ValidationError(_("The deadline has already passed."), code="past_deadline")]
    if term_end < term_start:
        errors["term_end"] = [ValidationError(_("The term must end after it starts."), code="term_order")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = NominationRequest.objects.create(
            group=group,
            network=network,
            seats=seats,
            deputies=deputies,
            deadline=deadline,
            term_start=term_start,
            term_end=term_end,
            message=message,
            created_by=by,
        )
        audit.record(actor=by, obj=request, action="nomination_requested", changes={"network": [None, network.name]})
        _mail(
            network_runners(network),
            "nomination_request",
            {"request": request, "group": group, "network": network, "deadline": date_text(deadline)},
        )
    return request


NOMINEE_KEYS = ("organisation", "name", "email", "deputy_organisation", "deputy_name", "deputy_email")


def nomination_submit(*, by: User, request: NominationRequest, nominees: list[dict]) -> list[Nomination]:
    """The network's chair names the representatives (people of its member NGOs) and their deputies.
    Nominating again replaces the earlier names until the body has confirmed them."""
    _require(by, "cooperation.nominate", request)
    if request.status not in (NominationStatus.SENT, NominationStatus.NOMINATED):
        raise ValidationError(_("These nominations have already been decided."), code="decided")
    member_ids = set(request.network.members.values_list("pk", flat=True))
    errors: dict[str, list] = {}
    nominees = [nominee for nominee in nominees if (nominee.get("name") or "").strip()]
    if not nominees:
        errors["nominees"] = [ValidationError(_("Name at least one representative."), code="no_nominees")]
    if len(nominees) > request.seats:
        errors["nominees"] = [
            ValidationError(
                _("The body asked for %(count)s representatives.") % {"count": request.seats}, code="too_many"
            )
        ]
    for index, nominee in enumerate(nominees, start=1):
        unknown = set(nominee) - set(NOMINEE_KEYS)
        if unknown:
            raise ValueError(f"Unknown nominee keys: {sorted(unknown)}")
        for key in ("organisation", "deputy_organisation"):
            org = nominee.get(key)
            if org is not None and org.pk not in member_ids:
                errors.setdefault(f"{key}_{index}", []).append(
                    ValidationError(
                        _("%(name)s is not a member of the network.") % {"name": org.name}, code="not_member"
                    )
                )
        if nominee.get("organisation") is None:
            errors.setdefault(f"organisation_{index}", []).append(
                ValidationError(_("Choose the representative's NGO."), code="required")
            )
        if request.deputies and not (nominee.get("deputy_name") or "").strip():
            errors.setdefault(f"deputy_name_{index}", []).append(
                ValidationError(_("Name a deputy for each representative."), code="deputy_required")
            )
        if (nominee.get("deputy_name") or "").strip() and nominee.get("deputy_organisation") is None:
            errors.setdefault(f"deputy_organisation_{index}", []).append(
                ValidationError(_("Choose the deputy's NGO."), code="required")
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = NominationRequest.objects.select_for_update().get(pk=request.pk)
        if request.status not in (NominationStatus.SENT, NominationStatus.NOMINATED):
            raise ValidationError(_("These nominations have already been decided."), code="decided")
        request.nominations.all().delete()
        created = Nomination.objects.bulk_create(
            Nomination(
                request=request,
                organisation=nominee["organisation"],
                name=nominee["name"].strip(),
                email=(nominee.get("email") or "").strip(),
                deputy_organisation=nominee.get("deputy_organisation"),
                deputy_name=(nominee.get("deputy_name") or "").strip(),
                deputy_email=(nominee.get("deputy_email") or "").strip(),
            )
            for nominee in nominees
        )
        request.status = NominationStatus.NOMINATED
        request.nominated_at = timezone.now()
        request.save(update_fields=["status", "nominated_at"])
        audit.record(
            actor=by,
            obj=request,
            action="nominated",
            changes={"nominees": [None, [f"{n.name} ({n.organisation.name})" for n in created]]},
        )
        people = {request.created_by_id: request.created_by}
        people.update({person.pk: person for person in body_coordinators(request.group.body)})
        _mail(people.values(), "nominated", {"request": request, "group": request.group, "nominations": created})
    return created


def nomination_confirm(*, by: User, request: NominationRequest) -> list[Seat]:
    """The body's coordinator confirms the nominees: each gets a seat in the group for the term.
    The network and the nominees are told."""
    _require(by, "cooperation.confirm_nominations", request)
    with transaction.atomic():
        request = NominationRequest.objects.select_for_update().select_related("group", "network").get(pk=request.pk)
        if request.status != NominationStatus.NOMINATED:
            raise ValidationError(_("There are no nominations waiting for confirmation."), code="not_nominated")
        nominations = list(request.nominations.select_related("organisation"))
        seats = Seat.objects.bulk_create(
            Seat(
                group=request.group,
                organisation=nomination.organisation,
                name=nomination.name,
                email=nomination.email,
                deputy_organisation=nomination.deputy_organisation,
                deputy_name=nomination.deputy_name,
                deputy_email=nomination.deputy_email,
                term_start=request.term_start,
                term_end=request.term_end,
                nomination=nomination,
            )
            for nomination in nominations
        )
        request.status = NominationStatus.CONFIRMED
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "decided_at"])
        audit.record(actor=by, obj=request, action="nominations_confirmed")
        # The group's seats changed: a page of the group made before this is out of date.
        group = request.group
        versioning.check(group, None)
        audit.record(
            actor=by,
            obj=group,
            action="group_updated",
            changes=versioning.claim(
                group, {"seats": [None, [f"{n.name} ({n.organisation.name})" for n in nominations]]}
            ),
        )
        context = {
            "request": request,
            "group": request.group,
            "nominations": nominations,
            "term_start": date_text(request.term_start),
            "term_end": date_text(request.term_end),
        }
        _mail(network_runners(request.network), "confirmed", context)
        for nomination in nominations:
            to = [address for address in (nomination.email, nomination.deputy_email) if address]
            if to:
                kumppani_mail.send(to=to, template="cooperation/governance/email/confirmed", context=context)
    return seats


def nomination_request_cancel(*, by: User, request: NominationRequest) -> None:
    """The body withdraws a request it no longer needs (before it confirmed the nominees)."""
    _require(by, "cooperation.confirm_nominations", request)
    with transaction.atomic():
        request = NominationRequest.objects.select_for_update().get(pk=request.pk)
        if request.status in (NominationStatus.CONFIRMED, NominationStatus.CANCELLED):
            raise ValidationError(_("These nominations have already been decided."), code="decided")
        request.status = NominationStatus.CANCELLED
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "decided_at"])
        audit.record(actor=by, obj=request, action="nomination_cancelled")


# Partnership table and network meetings ------------------------------------------------------


def meeting_save(
    *,
    by: User,
    data: dict,
    officials: list[User],
    organisations: list[Organisation],
    body: PublicBody | None = None,
    meeting: Meeting | None = None,
    version: int | None = None,
) -> Meeting:
    """Plan a meeting of `body` (its officials do) or change its agenda, participants or draft minutes.
    Approved minutes are not changed any more. A change made from an older version (a colleague
    saved the minutes meanwhile) is refused, naming what they changed (core.versioning)."""
    _check_fields(data, MEETING_FIELDS)
    tracked = [*MEETING_FIELDS, "officials", "organisations"]
    if meeting is None:
        _require(by, "cooperation.add_meeting", body)
        meeting = Meeting(body=body, created_by=by)
    else:
        _require(by, "cooperation.change_meeting", meeting)
    with transaction.atomic():
        created = meeting.pk is None
        before = {}
        if not created:
            stored = _stored(meeting, version)
            before = audit.snapshot(stored, tracked)
            if stored.minutes_approved_at and "minutes" in data and data["minutes"] != stored.minutes:
                raise _field_error("minutes", _("The minutes have been approved and are not changed."), "approved")
            meeting.minutes_approved_at = stored.minutes_approved_at
        for field, value in data.items():
            setattr(meeting, field, value)
        if not (meeting.title or "").strip():
            raise _field_error("title", _("Give the meeting a title."), "required")
        body_official_ids = set(User.objects.filter(body_roles__body_id=meeting.body_id).values_list("pk", flat=True))
        if any(person.pk not in body_official_ids for person in officials):
            raise _field_error("officials", _("Choose officials of the body."), "not_official")
        meeting.save()
        meeting.officials.set(officials)
        meeting.organisations.set(organisations)
        changes = audit.diff(before, audit.snapshot(meeting, tracked))
        if not created:
            changes = versioning.claim(meeting, changes)
        audit.record(
            actor=by,
            obj=meeting,
            action="table_meeting_created" if created else "table_meeting_updated",
            changes=changes,
        )
    return meeting


def meeting_minutes_approve(*, by: User, meeting: Meeting, version: int | None = None) -> None:
    """Approve the minutes: from now on everyone can read them. Approving from a page made before a
    colleague changed the minutes is refused, naming the change, so nobody approves unread minutes."""
    _require(by, "cooperation.change_meeting", meeting)
    with transaction.atomic():
        stored = _stored(meeting, version)
        if stored.minutes_approved_at:
            raise ValidationError(_("The minutes have already been approved."), code="approved")
        if not stored.minutes.strip():
            raise _field_error("minutes", _("Write the minutes before approving them."), "no_minutes")
        now = timezone.now()
        Meeting.objects.filter(pk=meeting.pk).update(minutes_approved_at=now)
        meeting.minutes_approved_at = now
        changes = versioning.claim(meeting, {"minutes_approved_at": [None, date_text(timezone.localdate(now))]})
        audit.record(actor=by, obj=meeting, action="minutes_approved", changes=changes)


def action_item_add(
    *,
    by: User,
    meeting: Meeting,
    title: str,
    due_on: dt.date,
    owner_user: User | None = None,
    owner_organisation: Organisation | None = None,
) -> ActionItem:
    """Record what the meeting agreed to do and who does it (an official of the body or an NGO
    taking part); the owners are told by e-mail and see it on their own page until it is done."""
    _require(by, "cooperation.change_meeting", meeting)
    errors = {}
    if not title.strip():
        errors["title"] = [ValidationError(_("Say what is to be done."), code="required")]
    if owner_user is None and owner_organisation is None:
        errors["owner_user"] = [ValidationError(_("Name an official or an NGO responsible."), code="no_owner")]
    if owner_user is not None and not owner_user.body_roles.filter(body_id=meeting.body_id).exists():
        errors["owner_user"] = [ValidationError(_("Choose an official of the body."), code="not_official")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = ActionItem.objects.create(
            meeting=meeting,
            title=title.strip(),
            due_on=due_on,
            owner_user=owner_user,
            owner_organisation=owner_organisation,
        )
        audit.record(actor=by, obj=item, action="action_added", changes={"title": [None, item.title]})
        people = [owner_user] if owner_user else []
        if owner_organisation is not None:
            people += list(User.objects.filter(memberships__organisation=owner_organisation, is_active=True))
        _mail(people, "action_item", {"item": item, "meeting": meeting, "due_on": date_text(due_on)})
    return item


def action_item_done(*, by: User, item: ActionItem, version: int | None = None) -> None:
    """The owner (or the body's coordinator) marks an action item done; it leaves the owners' pages.
    Marked done by someone else meanwhile: refused, saying who and when."""
    _require(by, "cooperation.complete_action", item)
    with transaction.atomic():
        stored = ActionItem.objects.select_for_update(of=("self",)).select_related("done_by").get(pk=item.pk)
        if stored.done_at is not None:
            raise ValidationError(
                _("%(name)s already marked this done on %(date)s.")
                % {"name": stored.done_by or "–", "date": date_text(timezone.localdate(stored.done_at))},
                code="done",
            )
        versioning.check(item, version)
        now = timezone.now()
        ActionItem.objects.filter(pk=item.pk).update(done_at=now, done_by=by)
        item.done_at, item.done_by = now, by
        changes = versioning.claim(item, {"done_at": [None, date_text(timezone.localdate(now))]})
        audit.record(actor=by, obj=item, action="action_done", changes=changes)


# Expert requests -----------------------------------------------------------------------------


def expert_request_create(
    *,
    by: User,
    body: PublicBody,
    sector,
    topic: str,
    needed: str,
    purpose: str,
    deadline: dt.date,
    themes=(),
) -> ExpertRequest:
    """An official asks the NGOs of the body's area for expert help. The NGOs whose themes match are
    told by e-mail (their representatives, or the NGO's own address when it has none)."""
    from kumppani.cooperation.governance import queries

    _require(by, "cooperation.add_expert_request", body)
    errors = {}
    if sector.body_id != body.pk:
        errors["sector"] = [ValidationError(_("Choose a sector of the body."), code="other_body")]
    elif not by.has_perm("cooperation.add_form", sector):
        # The help is recorded as the sector's cooperation, so the asker must work in the sector.
        errors["sector"] = [ValidationError(_("Choose a sector you work in."), code="not_your_sector")]
    if not topic.strip():
        errors["topic"] = [ValidationError(_("Give the topic."), code="required")]
    if not needed.strip():
        errors["needed"] = [ValidationError(_("Say what kind of help is needed."), code="required")]
    if deadline < timezone.localdate():
        errors["deadline"] = [ValidationError(_("The deadline has already passed."), code="past_deadline")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        request = ExpertRequest.objects.create(
            body=body,
            sector=sector,
            topic=topic.strip(),
            needed=needed.strip(),
            purpose=purpose,
            deadline=deadline,
            created_by=by,
        )
        request.themes.set(themes)
        organisations = list(queries.expert_matches(body, themes).only("pk", "email"))
        org_ids = [org.pk for org in organisations]
        people = list(User.objects.filter(memberships__organisation_id__in=org_ids, is_active=True).distinct())
        with_people = set(
            User.objects.filter(memberships__organisation_id__in=org_ids, is_active=True).values_list(
                "memberships__organisation_id", flat=True
            )
        )
        request.notified_count = len(organisations)
        request.save(update_fields=["notified_count"])
        audit.record(actor=by, obj=request, action="expert_requested", changes={"topic": [None, request.topic]})
        context = {"request": request, "deadline": date_text(deadline)}
        _mail(people, "expert_request", context)
        for org in organisations:
            if org.pk not in with_people and org.email:
                kumppani_mail.send(
                    to=[org.email], template="cooperation/governance/email/expert_request", context=context
                )
    return request


def expert_answer_submit(
    *, by: User, request: ExpertRequest, organisation: Organisation, text: str, contact_email: str = ""
) -> ExpertAnswer:
    """An NGO offers its expertise; answering again replaces its earlier answer. The official who
    asked is told."""
    _require(by, "cooperation.answer_expert_request", organisation)
    if request.status != ExpertRequestStatus.OPEN or request.deadline < timezone.localdate():
        raise ValidationError(_("This request no longer takes answers."), code="closed")
    if not text.strip():
        raise _field_error("text", _("Tell what your NGO can offer."), "required")
    with transaction.atomic():
        answer, created = ExpertAnswer.objects.update_or_create(
            request=request,
            organisation=organisation,
            defaults={"text": text.strip(), "contact_email": contact_email.strip(), "answered_by": by},
        )
        audit.record(actor=by, obj=request, action="expert_answered", changes={"answer": [None, organisation.name]})
        if created:
            _mail([request.created_by], "expert_answer", {"request": request, "organisation": organisation})
    return answer


def expert_request_close(*, by: User, request: ExpertRequest, version: int | None = None) -> None:
    """The official stops taking answers without recording cooperation."""
    _require(by, "cooperation.manage_expert_request", request)
    with transaction.atomic():
        stored = _stored(request, version)
        if stored.status != ExpertRequestStatus.OPEN:
            raise ValidationError(_("This request is no longer open."), code="not_open")
        ExpertRequest.objects.filter(pk=request.pk).update(status=ExpertRequestStatus.CLOSED)
        request.status = ExpertRequestStatus.CLOSED
        changes = versioning.claim(request, {"status": [stored.status, request.status]})
        audit.record(actor=by, obj=request, action="expert_request_closed", changes=changes)


def expert_request_fulfil(
    *, by: User, request: ExpertRequest, answers: list[ExpertAnswer], note: str = "", version: int | None = None
):
    """The official records that the chosen NGOs gave the help: a practical form of cooperation of
    the kind "expert help" with those NGOs, marked realised for the period from the request to today
    (through the cooperation record's own services, so it shows on the NGOs' records). The chosen
    NGOs are thanked by e-mail."""
    from kumppani.cooperation import services as record

    _require(by, "cooperation.manage_expert_request", request)
    if request.status == ExpertRequestStatus.FULFILLED:
        raise ValidationError(_("This request has already been recorded as fulfilled."), code="fulfilled")
    if not answers:
        raise _field_error("answers", _("Choose the NGOs that gave the help."), "no_answers")
    if any(answer.request_id != request.pk for answer in answers):
        raise _field_error("answers", _("Choose answers to this request."), "other_request")
    today = timezone.localdate()
    period_start = min(request.created_at.date(), today)
    with transaction.atomic():
        stored = _stored(request, version)
        if stored.status == ExpertRequestStatus.FULFILLED:
            raise ValidationError(_("This request has already been recorded as fulfilled."), code="fulfilled")
        form = record.form_create(
            body=request.body,
            sector=request.sector,
            organisations=[answer.organisation for answer in answers],
            category="practical",
            kind="expert_help",
            title=request.topic[:200],
            description=request.needed,
            responsible=request.created_by,
            starts_on=period_start,
            by=by,
        )
        record.realisation_mark(
            form=form,
            period_start=period_start,
            period_end=today,
            outcome="realised",
            note=note,
            side="body",
            by=by,
        )
        ExpertAnswer.objects.filter(pk__in=[answer.pk for answer in answers]).update(is_chosen=True)
        ExpertRequest.objects.filter(pk=request.pk).update(status=ExpertRequestStatus.FULFILLED, cooperation_form=form)
        request.status, request.cooperation_form = ExpertRequestStatus.FULFILLED, form
        changes = versioning.claim(
            request,
            {
                "status": [stored.status, request.status],
                "organisations": [None, [answer.organisation.name for answer in answers]],
            },
        )
        audit.record(actor=by, obj=request, action="expert_request_fulfilled", changes=changes)
        _mail([answer.answered_by for answer in answers], "expert_thanks", {"request": request})
    return form


# Yearly negotiation --------------------------------------------------------------------------

NEGOTIATION_FIELDS = ["held_on", "place", "summary"]
MEASURE_FIELDS = ["goal", "measure", "indicator", "monitoring_on", "status", "follow_up"]
# What can still change once the negotiation is agreed: how each measure is going.
FOLLOW_UP_FIELDS = ["status", "follow_up"]


def negotiation_open(*, by: User, body: PublicBody, year: int) -> Negotiation:
    """Open the yearly negotiation of `year`. It starts with last year's follow-up: every measure
    not done is carried over with its status, and last year's NGOs are invited again."""
    _require(by, "cooperation.manage_negotiation", body)
    if year < 2000 or year > 2100:
        raise _field_error("year", _("Give a year between 2000 and 2100."), "invalid_year")
    if Negotiation.objects.filter(body=body, year=year).exists():
        raise _field_error("year", _("This year's negotiation has already been opened."), "exists")
    previous = Negotiation.objects.filter(body=body, year=year - 1).first()
    with transaction.atomic():
        negotiation = Negotiation.objects.create(body=body, year=year, previous=previous, created_by=by)
        carried = 0
        if previous is not None:
            negotiation.organisations.set(previous.organisations.all())
            for old in previous.measures.exclude(status=MeasureStatus.DONE).prefetch_related(
                "sectors", "organisations"
            ):
                new = NegotiationMeasure.objects.create(
                    negotiation=negotiation,
                    goal=old.goal,
                    measure=old.measure,
                    indicator=old.indicator,
                    status=old.status,
                    follow_up=old.follow_up,
                    carried_from=old,
                )
                new.sectors.set(old.sectors.all())
                new.organisations.set(old.organisations.all())
                carried += 1
        audit.record(actor=by, obj=negotiation, action="negotiation_opened", changes={"carried_over": [None, carried]})
    return negotiation


def negotiation_update(
    *,
    by: User,
    negotiation: Negotiation,
    data: dict,
    organisations: list[Organisation],
    version: int | None = None,
) -> None:
    """The date, place, NGOs taking part and the summary of what was agreed, while it is prepared.
    A change made from an older version is refused, naming what changed meanwhile."""
    _check_fields(data, NEGOTIATION_FIELDS)
    _require(by, "cooperation.manage_negotiation", negotiation)
    tracked = [*NEGOTIATION_FIELDS, "organisations"]
    with transaction.atomic():
        stored = _stored(negotiation, version)
        if stored.status == NegotiationStatus.AGREED:
            raise ValidationError(_("The negotiation has been agreed and its record is fixed."), code="agreed")
        before = audit.snapshot(stored, tracked)
        for field, value in data.items():
            setattr(negotiation, field, value)
        negotiation.save()
        negotiation.organisations.set(organisations)
        changes = versioning.claim(negotiation, audit.diff(before, audit.snapshot(negotiation, tracked)))
        audit.record(actor=by, obj=negotiation, action="negotiation_updated", changes=changes)


def measure_save(
    *,
    by: User,
    data: dict,
    negotiation: Negotiation | None = None,
    measure: NegotiationMeasure | None = None,
    sectors=None,
    organisations=None,
    version: int | None = None,
) -> NegotiationMeasure:
    """Add or change an agreed goal and measure with its responsible sectors and NGOs, indicator and
    follow-up date. After the negotiation is agreed only its status and follow-up change. A change
    made from an older version of the measure is refused, naming what changed meanwhile."""
    _check_fields(data, MEASURE_FIELDS)
    negotiation = negotiation or measure.negotiation
    _require(by, "cooperation.manage_negotiation", negotiation)
    agreed = negotiation.status == NegotiationStatus.AGREED
    if measure is None and agreed:
        raise ValidationError(_("The negotiation has been agreed and its record is fixed."), code="agreed")
    if agreed and (set(data) - set(FOLLOW_UP_FIELDS) or sectors is not None or organisations is not None):
        changed = {key for key in set(data) - set(FOLLOW_UP_FIELDS) if getattr(measure, key) != data[key]}
        if changed:
            raise ValidationError(_("The negotiation has been agreed: only the follow-up can change."), code="agreed")
        data = {key: value for key, value in data.items() if key in FOLLOW_UP_FIELDS}
        sectors = organisations = None
    if measure is None:
        measure = NegotiationMeasure(negotiation=negotiation)
    tracked = [*MEASURE_FIELDS, "sectors", "organisations"]
    with transaction.atomic():
        created = measure.pk is None
        before = {} if created else audit.snapshot(_stored(measure, version), tracked)
        for field, value in data.items():
            setattr(measure, field, value)
        errors = {}
        if not (measure.goal or "").strip():
            errors["goal"] = [ValidationError(_("Give the goal."), code="required")]
        if not (measure.measure or "").strip():
            errors["measure"] = [ValidationError(_("Say what will be done."), code="required")]
        if sectors and any(sector.body_id != negotiation.body_id for sector in sectors):
            errors["sectors"] = [ValidationError(_("Choose sectors of the body."), code="other_body")]
        if errors:
            raise ValidationError(errors)
        measure.save()
        if sectors is not None:
            measure.sectors.set(sectors)
        if organisations is not None:
            measure.organisations.set(organisations)
        changes = audit.diff(before, audit.snapshot(measure, tracked))
        if not created:
            changes = versioning.claim(measure, changes)
            # The measure's own history is what a stale form of it reads.
            audit.record(actor=by, obj=measure, action="measure_updated", changes=changes)
        # On the negotiation's history without the measure's own version, which is not the negotiation's.
        audit.record(
            actor=by,
            obj=negotiation,
            action="measure_added" if created else "measure_updated",
            changes={key: value for key, value in changes.items() if key != "version"},
        )
    return measure


def negotiation_agree(*, by: User, negotiation: Negotiation, version: int | None = None) -> None:
    """Fix the agreed record: it needs the date and at least one measure. The NGOs taking part get the
    link to the record. Agreeing from a page made before a colleague's change is refused, naming it."""
    _require(by, "cooperation.manage_negotiation", negotiation)
    with transaction.atomic():
        stored = _stored(negotiation, version)
        if stored.status == NegotiationStatus.AGREED:
            raise ValidationError(_("The negotiation has already been agreed."), code="agreed")
        errors = {}
        if stored.held_on is None:
            errors["held_on"] = [ValidationError(_("Give the date of the negotiation."), code="required")]
        if not negotiation.measures.exists():
            errors["measures"] = [ValidationError(_("Record at least one agreed measure."), code="no_measures")]
        if errors:
            raise ValidationError(errors)
        now = timezone.now()
        Negotiation.objects.filter(pk=negotiation.pk).update(status=NegotiationStatus.AGREED, agreed_at=now)
        negotiation.status, negotiation.agreed_at = NegotiationStatus.AGREED, now
        changes = versioning.claim(negotiation, {"status": [stored.status, negotiation.status]})
        audit.record(actor=by, obj=negotiation, action="negotiation_agreed", changes=changes)
        people = User.objects.filter(
            memberships__organisation__in=negotiation.organisations.all(), is_active=True
        ).distinct()
        _mail(people, "negotiation_agreed", {"negotiation": negotiation})
