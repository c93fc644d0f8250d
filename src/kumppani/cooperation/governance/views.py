"""Pages of governance: a body's councils and working groups with who represents NGOs there, the
NGO networks, nomination requests from a body to a network, and the partnership table's meetings
with their action items. Who sits where and the meetings' agendas are public; the rest is for the
body's officials and the network's or the NGOs' own people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.cooperation.governance import agenda, pdf, queries, services
from kumppani.cooperation.governance.forms import (
    ActionItemForm,
    ExpertAnswerForm,
    ExpertFulfilForm,
    ExpertRequestForm,
    GroupForm,
    MeasureForm,
    MeetingForm,
    NegotiationForm,
    NegotiationOpenForm,
    NetworkForm,
    NetworkMembersForm,
    NominationForm,
    NominationRequestForm,
)
from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertRequest,
    ExpertRequestStatus,
    Meeting,
    Negotiation,
    NegotiationMeasure,
    NegotiationStatus,
    NgoNetwork,
    NominationRequest,
    NominationStatus,
    WorkingGroup,
)
from kumppani.core import confirm, versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody


def _body(request, slug: str, perm: str | None = None) -> PublicBody:
    body = get_object_or_404(PublicBody, slug=slug)
    if perm is not None and not request.user.has_perm(perm, body):
        raise PermissionDenied
    return body


def _object(request, queryset, perm: str, **lookup):
    obj = get_object_or_404(queryset, **lookup)
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied
    return obj


def _posted_version(request) -> int | None:
    """The version a button's page was made from (a hidden field), or None when it sent none."""
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return None
    return version if version >= 1 else None


def _save(request, form, save, success: str, redirect_to, obj=None):
    """Call a service with a valid form; show its errors beside the fields or go on. A save refused
    as stale (core.versioning) shows the form again with what the person typed and the current
    version, ready to save again after a look at what changed."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            if obj is not None and versioning.is_stale(error):
                versioning.keep_input(form, obj, form.cleaned_data["version"])
        else:
            messages.success(request, success)
            return redirect(redirect_to(obj))
    return None


# Councils and working groups ------------------------------------------------------------------


def groups(request, body):
    """A body's councils and working groups and who represents NGOs in them: public."""
    body = _body(request, body)
    return render(
        request,
        "cooperation/governance/groups.html",
        {
            "body": body,
            "groups": queries.body_groups(body),
            "can_manage": request.user.has_perm("cooperation.add_group", body),
        },
    )


def _group_edit(request, body, group):
    form = GroupForm(request.POST or None, instance=group)
    done = _save(
        request,
        form,
        lambda f: services.group_save(by=request.user, body=body, group=group, **f.domain_arguments()),
        _("Saved."),
        lambda obj: obj.get_absolute_url(),
        obj=group,
    )
    return done or render(
        request, "cooperation/governance/group_form.html", {"body": body, "group": group, "form": form}
    )


@login_required
def group_create(request, body):
    return _group_edit(request, _body(request, body, "cooperation.add_group"), None)


@login_required
def group_edit(request, pk):
    group = _object(request, WorkingGroup.objects.select_related("body"), "cooperation.change_group", pk=pk)
    return _group_edit(request, group.body, group)


def group_detail(request, pk):
    """A group's page: its current NGO representatives and deputies (public); for the body's
    coordinators also the nomination requests and a form to send one."""
    group = get_object_or_404(WorkingGroup.objects.select_related("body"), pk=pk)
    can_manage = request.user.has_perm("cooperation.change_group", group)
    context = {
        "group": group,
        "body": group.body,
        "seats": queries.current_seats().filter(group=group).order_by("term_start", "pk"),
        "can_manage": can_manage,
    }
    if can_manage:
        context["requests"] = group.nomination_requests.select_related("network")
    return render(request, "cooperation/governance/group_detail.html", context)


@login_required
def nomination_request_create(request, pk):
    group = _object(request, WorkingGroup.objects.select_related("body"), "cooperation.change_group", pk=pk)
    form = NominationRequestForm(request.POST or None, group=group)
    done = _save(
        request,
        form,
        lambda f: services.nomination_request_create(by=request.user, group=group, **f.cleaned_data),
        _("The nomination request has been sent to the network."),
        lambda obj: obj.get_absolute_url(),
    )
    return done or render(
        request,
        "cooperation/governance/nomination_request_form.html",
        {"group": group, "body": group.body, "form": form},
    )


def _nomination_request(request, pk, perm):
    return _object(
        request,
        NominationRequest.objects.select_related("group__body", "network__chair", "created_by"),
        perm,
        pk=pk,
    )


@login_required
def nomination_request(request, pk):
    """A request's page: the body's officials and the network's chair and coordinators."""
    nomination_request = _nomination_request(request, pk, "cooperation.view_nomination_request")
    user = request.user
    open_statuses = (NominationStatus.SENT, NominationStatus.NOMINATED)
    return render(
        request,
        "cooperation/governance/nomination_request.html",
        {
            "req": nomination_request,
            "group": nomination_request.group,
            "nominations": nomination_request.nominations.select_related("organisation", "deputy_organisation"),
            "can_nominate": nomination_request.status in open_statuses
            and user.has_perm("cooperation.nominate", nomination_request),
            "can_confirm": nomination_request.status == NominationStatus.NOMINATED
            and user.has_perm("cooperation.confirm_nominations", nomination_request),
            "can_cancel": nomination_request.status in open_statuses
            and user.has_perm("cooperation.confirm_nominations", nomination_request),
        },
    )


@login_required
def nominate(request, pk):
    """The network's chair names the representatives and deputies."""
    nomination_request = _nomination_request(request, pk, "cooperation.nominate")
    form = NominationForm(request.POST or None, request=nomination_request)
    done = _save(
        request,
        form,
        lambda f: services.nomination_submit(by=request.user, request=nomination_request, nominees=f.nominees()),
        _("Thank you! The nominations have been sent to the body for confirmation."),
        lambda _obj: nomination_request.get_absolute_url(),
    )
    return done or render(
        request,
        "cooperation/governance/nominate.html",
        {"req": nomination_request, "group": nomination_request.group, "form": form},
    )


@login_required
@require_POST
def nomination_confirm(request, pk):
    nomination_request = _nomination_request(request, pk, "cooperation.confirm_nominations")
    try:
        services.nomination_confirm(by=request.user, request=nomination_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(nomination_request.get_absolute_url())
    messages.success(request, _("Confirmed. The representatives now hold their seats."))
    return redirect(nomination_request.group.get_absolute_url())


@login_required
@require_POST
def nomination_cancel(request, pk):
    nomination_request = _nomination_request(request, pk, "cooperation.confirm_nominations")
    try:
        services.nomination_request_cancel(by=request.user, request=nomination_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The nomination request has been cancelled."))
    return redirect(nomination_request.get_absolute_url())


# Networks ------------------------------------------------------------------------------------


def networks(request):
    """Every NGO network: public."""
    return render(request, "cooperation/governance/networks.html", {"networks": queries.networks()})


def network_detail(request, slug):
    """A network's page: its chair, member NGOs and the seats they hold (public); for its chair and
    coordinators also the nomination requests waiting for them."""
    network = get_object_or_404(NgoNetwork.objects.select_related("area", "chair", "parent"), slug=slug)
    can_manage = request.user.has_perm("cooperation.change_network", network)
    context = {
        "network": network,
        "members": network.members.order_by("name"),
        "seats": queries.network_seats(network),
        "can_manage": can_manage,
    }
    if can_manage:
        context["requests"] = network.nomination_requests.select_related("group__body").exclude(
            status=NominationStatus.CANCELLED
        )
    return render(request, "cooperation/governance/network_detail.html", context)


def _network_edit(request, area, network):
    form = NetworkForm(request.POST or None, instance=network)
    done = _save(
        request,
        form,
        lambda f: services.network_save(by=request.user, area=area, network=network, **f.domain_arguments()),
        _("Saved."),
        lambda obj: obj.get_absolute_url(),
        obj=network,
    )
    return done or render(
        request, "cooperation/governance/network_form.html", {"area": area, "network": network, "form": form}
    )


@login_required
def network_create(request, body):
    return _network_edit(request, _body(request, body, "cooperation.add_network"), None)


@login_required
def network_edit(request, slug):
    network = _object(
        request, NgoNetwork.objects.select_related("area", "chair"), "cooperation.change_network", slug=slug
    )
    return _network_edit(request, network.area, network)


@login_required
def network_members(request, slug):
    network = _object(request, NgoNetwork.objects.select_related("area"), "cooperation.change_network", slug=slug)
    form = NetworkMembersForm(request.POST or None, network=network)
    # A save from an older page goes on to be refused with what changed; only a current one asks.
    current = request.method == "POST" and form.is_valid() and form.cleaned_data["version"] == network.version
    if current and not confirm.confirmed(request):
        kept = {organisation.pk for organisation in form.cleaned_data["members"]}
        removed = [organisation.name for organisation in network.members.all() if organisation.pk not in kept]
        if removed:
            # A removed NGO loses the network's pages and meetings, so removing asks first.
            return confirm.ask(
                request,
                title=_("Remove members"),
                question=_("Remove these NGOs from %(network)s?") % {"network": network.name},
                consequences=removed,
                confirm_label=_("Yes, remove them"),
                cancel_url=request.path,
            )
    done = _save(
        request,
        form,
        lambda f: services.network_members_set(
            by=request.user,
            network=network,
            organisations=list(f.cleaned_data["members"]),
            version=f.cleaned_data["version"],
        ),
        _("Saved."),
        lambda _obj: network.get_absolute_url(),
        obj=network,
    )
    return done or render(request, "cooperation/governance/network_members.html", {"network": network, "form": form})


# Meetings and action items -------------------------------------------------------------------


def meetings(request, body):
    """A body's partnership table and network meetings: public."""
    body = _body(request, body)
    return render(
        request,
        "cooperation/governance/meetings.html",
        {
            "body": body,
            "meetings": queries.body_meetings(body)[:100],
            "can_add": request.user.has_perm("cooperation.add_meeting", body),
        },
    )


def meeting_detail(request, pk):
    """A meeting's agenda and participants (public), its minutes once approved; the action items for
    the body's officials and the NGOs taking part."""
    meeting = get_object_or_404(Meeting.objects.select_related("body", "network"), pk=pk)
    return _meeting_page(request, meeting)


def _meeting_page(request, meeting, action_form=None):
    """The meeting's page; an action item sent with a mistake comes back bound, with its errors."""
    can_change = request.user.has_perm("cooperation.change_meeting", meeting)
    sees_internal = request.user.has_perm("cooperation.view_meeting_internal", meeting)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "officials": meeting.officials.order_by("full_name"),
        "organisations": meeting.organisations.order_by("name"),
        "can_change": can_change,
        "show_minutes": bool(meeting.minutes_approved_at) or can_change,
        "sees_internal": sees_internal,
    }
    if sees_internal:
        items = list(meeting.actions.select_related("owner_user", "owner_organisation"))
        for item in items:
            item.can_complete = item.done_at is None and request.user.has_perm("cooperation.complete_action", item)
        context["actions"] = items
    if can_change:
        context["action_form"] = ActionItemForm(meeting=meeting) if action_form is None else action_form
    return render(request, "cooperation/governance/meeting_detail.html", context)


def _meeting_edit(request, body, meeting):
    form = MeetingForm(request.POST or None, instance=meeting, body=body)
    done = _save(
        request,
        form,
        lambda f: services.meeting_save(by=request.user, body=body, meeting=meeting, **f.domain_arguments()),
        _("Saved."),
        lambda obj: obj.get_absolute_url(),
        obj=meeting,
    )
    return done or render(
        request, "cooperation/governance/meeting_form.html", {"body": body, "meeting": meeting, "form": form}
    )


@login_required
def meeting_create(request, body):
    return _meeting_edit(request, _body(request, body, "cooperation.add_meeting"), None)


@login_required
def meeting_edit(request, pk):
    meeting = _object(request, Meeting.objects.select_related("body"), "cooperation.change_meeting", pk=pk)
    return _meeting_edit(request, meeting.body, meeting)


@login_required
@require_POST
def meeting_approve(request, pk):
    meeting = _object(request, Meeting.objects.select_related("body"), "cooperation.change_meeting", pk=pk)
    try:
        services.meeting_minutes_approve(by=request.user, meeting=meeting, version=_posted_version(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes are approved and public."))
    return redirect(meeting.get_absolute_url())


@login_required
@require_POST
def action_add(request, pk):
    meeting = _object(request, Meeting.objects.select_related("body"), "cooperation.change_meeting", pk=pk)
    form = ActionItemForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return _meeting_page(request, meeting, form)
    try:
        services.action_item_add(by=request.user, meeting=meeting, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return _meeting_page(request, meeting, form)
    messages.success(request, _("The action item is added and its owners are told."))
    return redirect(meeting.get_absolute_url() + "#toimenpiteet")


@login_required
@require_POST
def action_done(request, pk):
    item = _object(request, ActionItem.objects.select_related("meeting__body"), "cooperation.complete_action", pk=pk)
    try:
        services.action_item_done(by=request.user, item=item, version=_posted_version(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Marked done. Thank you!"))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect(item.meeting.get_absolute_url())


# Expert requests -----------------------------------------------------------------------------


def expert_requests(request, body):
    """A body's requests for expert help: public, so any NGO of the area can find and answer them."""
    body = _body(request, body)
    return render(
        request,
        "cooperation/governance/expert_requests.html",
        {
            "body": body,
            "requests": queries.body_expert_requests(body)[:100],
            "can_add": request.user.has_perm("cooperation.add_expert_request", body),
        },
    )


@login_required
def expert_request_create(request, body):
    body = _body(request, body, "cooperation.add_expert_request")
    form = ExpertRequestForm(request.POST or None, body=body)
    done = _save(
        request,
        form,
        lambda f: services.expert_request_create(by=request.user, body=body, **f.cleaned_data),
        _("The request has been sent to the NGOs of the area."),
        lambda obj: obj.get_absolute_url(),
    )
    return done or render(request, "cooperation/governance/expert_request_form.html", {"body": body, "form": form})


def _expert_request(pk):
    return get_object_or_404(ExpertRequest.objects.select_related("body", "sector", "created_by"), pk=pk)


def expert_request(request, pk, answer_form=None, fulfil_form=None):
    """The request (public); the NGOs' answers in one place for the body's officials; an answer form
    for the representatives of NGOs."""
    expert = _expert_request(pk)
    user = request.user
    can_manage = user.has_perm("cooperation.manage_expert_request", expert)
    is_open = expert.status == ExpertRequestStatus.OPEN and expert.deadline >= timezone.localdate()
    context = {
        "expert": expert,
        "body": expert.body,
        "themes": expert.themes.order_by("name"),
        "can_manage": can_manage,
        "is_open": is_open,
    }
    if can_manage:
        context["answers"] = expert.answers.select_related("organisation", "answered_by")
        if expert.status != ExpertRequestStatus.FULFILLED:
            context["fulfil_form"] = fulfil_form or ExpertFulfilForm(request=expert)
    elif user.is_authenticated:
        context["answers"] = expert.answers.filter(organisation__memberships__user=user).select_related("organisation")
    if is_open and user.is_authenticated and user.memberships.exists():
        context["answer_form"] = answer_form or ExpertAnswerForm(user=user)
    return render(request, "cooperation/governance/expert_request.html", context)


@login_required
@require_POST
def expert_answer(request, pk):
    expert = _expert_request(pk)
    form = ExpertAnswerForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.expert_answer_submit(by=request.user, request=expert, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your answer has been sent to the official."))
            return redirect(expert.get_absolute_url())
    elif "organisation" in form.errors and request.POST.get("organisation"):
        raise PermissionDenied  # an NGO the person does not represent
    return expert_request(request, pk, answer_form=form)


@login_required
@require_POST
def expert_fulfil(request, pk):
    expert = _expert_request(pk)
    if not request.user.has_perm("cooperation.manage_expert_request", expert):
        raise PermissionDenied
    form = ExpertFulfilForm(request.POST, request=expert)
    if form.is_valid():
        try:
            services.expert_request_fulfil(
                by=request.user,
                request=expert,
                answers=list(form.cleaned_data["answers"]),
                note=form.cleaned_data["note"],
                version=_posted_version(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Recorded as realised cooperation with the NGOs that helped."))
            return redirect(expert.get_absolute_url())
    return expert_request(request, pk, fulfil_form=form)


@login_required
@require_POST
def expert_close(request, pk):
    expert = _expert_request(pk)
    if not request.user.has_perm("cooperation.manage_expert_request", expert):
        raise PermissionDenied
    try:
        services.expert_request_close(by=request.user, request=expert, version=_posted_version(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The request is closed."))
    return redirect(expert.get_absolute_url())


# Yearly negotiation --------------------------------------------------------------------------


def negotiations(request, body):
    """A body's yearly negotiations: the agreed ones for everyone, those being prepared for its officials."""
    return _negotiations_page(request, _body(request, body))


def _negotiations_page(request, body, open_form=None):
    """The list with the form to open a year; a year sent with a mistake comes back with its error."""
    officials = request.user.has_perm("cooperation.view_negotiation_agenda", body)
    can_open = request.user.has_perm("cooperation.manage_negotiation", body)
    if can_open and open_form is None:
        open_form = NegotiationOpenForm(initial={"year": timezone.localdate().year})
    return render(
        request,
        "cooperation/governance/negotiations.html",
        {
            "body": body,
            "negotiations": queries.body_negotiations(body, include_drafts=officials),
            "can_open": can_open,
            "open_form": open_form if can_open else None,
        },
    )


@login_required
@require_POST
def negotiation_open(request, body):
    body = _body(request, body, "cooperation.manage_negotiation")
    form = NegotiationOpenForm(request.POST)
    if not form.is_valid():
        return _negotiations_page(request, body, form)
    try:
        negotiation = services.negotiation_open(by=request.user, body=body, year=form.cleaned_data["year"])
    except ValidationError as error:
        add_service_errors(form, error)
        return _negotiations_page(request, body, form)
    messages.success(request, _("The negotiation is open, with last year's follow-up."))
    return redirect(negotiation.get_absolute_url())


def _negotiation(request, pk):
    """A negotiation the person may read: agreed ones are public, drafts for the officials and NGOs."""
    negotiation = get_object_or_404(Negotiation.objects.select_related("body", "previous"), pk=pk)
    if negotiation.status != NegotiationStatus.AGREED and not request.user.has_perm(
        "cooperation.view_negotiation_draft", negotiation
    ):
        if not request.user.is_authenticated:
            raise Http404
        raise PermissionDenied
    return negotiation


def negotiation_detail(request, pk):
    """Last year's follow-up, the agenda prepared from the data (for the body's officials), and the
    agreed goals and measures."""
    negotiation = _negotiation(request, pk)
    can_manage = request.user.has_perm("cooperation.manage_negotiation", negotiation)
    context = {
        "negotiation": negotiation,
        "body": negotiation.body,
        "can_manage": can_manage,
        **queries.negotiation_record(negotiation),
    }
    if request.user.has_perm("cooperation.view_negotiation_agenda", negotiation):
        context["agenda"] = agenda.agenda_tables(negotiation.body, negotiation.year - 1)
    return render(request, "cooperation/governance/negotiation.html", context)


@login_required
def negotiation_edit(request, pk):
    negotiation = _object(request, Negotiation.objects.select_related("body"), "cooperation.manage_negotiation", pk=pk)
    form = NegotiationForm(request.POST or None, instance=negotiation)
    done = _save(
        request,
        form,
        lambda f: services.negotiation_update(
            by=request.user,
            negotiation=negotiation,
            data={key: f.cleaned_data[key] for key in services.NEGOTIATION_FIELDS},
            organisations=list(f.cleaned_data["organisations"]),
            version=f.version(),
        ),
        _("Saved."),
        lambda _obj: negotiation.get_absolute_url(),
        obj=negotiation,
    )
    return done or render(
        request, "cooperation/governance/negotiation_form.html", {"negotiation": negotiation, "form": form}
    )


def _measure_edit(request, negotiation, measure):
    form = MeasureForm(request.POST or None, instance=measure, negotiation=negotiation)
    done = _save(
        request,
        form,
        lambda f: services.measure_save(
            by=request.user, negotiation=negotiation, measure=measure, **f.domain_arguments()
        ),
        _("Saved."),
        lambda _obj: negotiation.get_absolute_url() + "#toimenpiteet",
        obj=measure,
    )
    return done or render(
        request,
        "cooperation/governance/measure_form.html",
        {"negotiation": negotiation, "measure": measure, "form": form},
    )


@login_required
def measure_create(request, pk):
    negotiation = _object(request, Negotiation.objects.select_related("body"), "cooperation.manage_negotiation", pk=pk)
    return _measure_edit(request, negotiation, None)


@login_required
def measure_edit(request, pk):
    measure = get_object_or_404(NegotiationMeasure.objects.select_related("negotiation__body"), pk=pk)
    if not request.user.has_perm("cooperation.manage_negotiation", measure.negotiation):
        raise PermissionDenied
    return _measure_edit(request, measure.negotiation, measure)


@login_required
@require_POST
def negotiation_agree(request, pk):
    negotiation = _object(request, Negotiation.objects.select_related("body"), "cooperation.manage_negotiation", pk=pk)
    try:
        services.negotiation_agree(by=request.user, negotiation=negotiation, version=_posted_version(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Agreed. The record is fixed and the NGOs have been told."))
    return redirect(negotiation.get_absolute_url())


def negotiation_pdf(request, pk):
    negotiation = _negotiation(request, pk)
    response = HttpResponse(pdf.pdf(negotiation), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="vuosineuvottelu-{negotiation.body.slug}-{negotiation.year}.pdf"'
    )
    return response
