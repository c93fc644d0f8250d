"""The cooperation record's pages: a body's cooperation, its sectors and coordinators, a form of
cooperation with its confirmation, decision and realisation, an NGO's record with a body, the
summaries and exports, and the national list of coordinators."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.cooperation import queries, services
from kumppani.cooperation.forms import (
    ContactForm,
    CooperationFormEditForm,
    CooperationFormForm,
    DecisionForm,
    EndForm,
    FromBookingForm,
    OfficialsForm,
    ProposalForm,
    RealisationForm,
    SectorForm,
)
from kumppani.cooperation.models import CooperationForm, Outcome, Sector, Side, Status
from kumppani.core import confirm, versioning
from kumppani.core.forms import add_service_errors
from kumppani.core.models import PublicBody
from kumppani.core.rules import body_roles
from kumppani.organisations.models import Organisation
from kumppani.organisations.rules import membership_roles, responsible_body_ids
from kumppani.premises.models import Booking, BookingSeries, BookingStatus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _body(slug: str) -> PublicBody:
    return get_object_or_404(PublicBody, slug=slug)


def _require(request, perm: str, obj) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _form(uuid) -> CooperationForm:
    return get_object_or_404(
        CooperationForm.objects.select_related("body", "sector", "responsible", "ngo_contact", "proposed_by"),
        uuid=uuid,
    )


def _addable_sectors(user, body: PublicBody):
    sectors = body.sectors.order_by("name")
    if user.has_perm("cooperation.manage_sectors", body):
        return sectors
    from kumppani.cooperation.rules import sector_ids

    return sectors.filter(pk__in=sector_ids(user))


def coordinators(request):
    """Public: every wellbeing services county with its NGO coordinators, and which have none."""
    counties = queries.coordinators_by_county()
    missing = [item.county for item in counties if not item.coordinators]
    return render(request, "cooperation/record/coordinators.html", {"counties": counties, "missing": missing})


def body(request, body):
    """A body's cooperation: its sectors, coordinators and forms; the officials' tasks."""
    body = _body(body)
    is_official = request.user.has_perm("cooperation.view_summary", body)
    context = {
        "body": body,
        "is_official": is_official,
        "can_manage": request.user.has_perm("cooperation.manage_sectors", body),
        "is_coordinator": "coordinator" in body_roles(request.user).get(body.pk, set()),
        "coordinators": queries.body_coordinators(body),
        "sectors": queries.body_sectors(body),
        "forms": list(queries.body_forms(body, request.user)[:300]),
        "year": timezone.localdate().year - 1,
    }
    if is_official:
        context["proposals"] = list(queries.waiting_proposals(request.user).filter(body=body)[:50])
        sectors = _addable_sectors(request.user, body)
        context["can_add"] = sectors.exists()
        context["bookings"] = _recordable_bookings(body) if context["can_add"] else []
        context["booking_form"] = FromBookingForm(sectors=sectors)
    return render(request, "cooperation/record/body.html", context)


def _recordable_bookings(body: PublicBody) -> list:
    """The body's approved NGO bookings of the last year not yet recorded as cooperation: weekly
    bookings once, single bookings on their own. Three queries."""
    since = timezone.now() - dt.timedelta(days=365)
    recorded = CooperationForm.objects.filter(body=body)
    taken = set(recorded.exclude(booking=None).values_list("booking_id", flat=True))
    taken_series = set(recorded.exclude(booking_series=None).values_list("booking_series_id", flat=True))
    bookings = (
        Booking.objects.filter(space__body=body, status=BookingStatus.CONFIRMED, is_block=False, start__gte=since)
        .exclude(organisation=None)
        .select_related("space", "organisation", "series")
        .order_by("-start")[:200]
    )
    rows, seen_series = [], set()
    for booking in bookings:
        if booking.series_id:
            if booking.series_id in taken_series or booking.series_id in seen_series:
                continue
            seen_series.add(booking.series_id)
        elif booking.pk in taken:
            continue
        rows.append(booking)
    return rows[:20]


@login_required
def sectors(request, body):
    """The coordinator's page: the body's sectors, adding one, and the coordinator's public details."""
    body = _body(body)
    _require(request, "cooperation.manage_sectors", body)
    form = SectorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sector = services.sector_save(body=body, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The sector “%(name)s” was added.") % {"name": sector.name})
            return redirect("cooperation:sector", body=body.slug, sector=sector.slug)
    return render(
        request,
        "cooperation/record/sectors.html",
        {"body": body, "sectors": queries.body_sectors(body), "form": form},
    )


@login_required
def sector(request, body, sector):
    body = _body(body)
    _require(request, "cooperation.manage_sectors", body)
    sector = get_object_or_404(Sector, body=body, slug=sector)
    name_form = SectorForm(
        request.POST if "rename" in request.POST else None,
        initial={"name_fi": sector.name_fi, "name_sv": sector.name_sv, "name_en": sector.name_en},
        prefix="name",
    )
    officials_form = OfficialsForm(
        request.POST if "officials-submit" in request.POST else None,
        body=body,
        initial={"officials": list(sector.officials.all())},
        prefix="officials",
    )
    if request.method == "POST":
        form = name_form if "rename" in request.POST else officials_form
        if form.is_valid():
            try:
                if form is name_form:
                    services.sector_save(body=body, sector=sector, by=request.user, **form.cleaned_data)
                else:
                    services.sector_officials_set(
                        sector=sector, officials=list(form.cleaned_data["officials"]), by=request.user
                    )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("cooperation:sector", body=body.slug, sector=sector.slug)
    return render(
        request,
        "cooperation/record/sector.html",
        {"body": body, "sector": sector, "name_form": name_form, "officials_form": officials_form},
    )


@login_required
def contact(request, body):
    """A coordinator's public title, phone and e-mail on the body's page and the national list."""
    body = _body(body)
    if "coordinator" not in body_roles(request.user).get(body.pk, set()):
        raise PermissionDenied
    existing = body.coordinator_contacts.filter(user=request.user).first()
    initial = (
        {"title_fi": existing.title_fi, "title_sv": existing.title_sv, "phone": existing.phone, "email": existing.email}
        if existing
        else {"email": request.user.email}
    )
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.coordinator_contact_save(body=body, user=request.user, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("cooperation:body", body=body.slug)
    return render(request, "cooperation/record/contact.html", {"body": body, "form": form})


@login_required
def form_create(request, body):
    body = _body(body)
    sectors = _addable_sectors(request.user, body)
    if not sectors.exists():
        raise PermissionDenied
    form = CooperationFormForm(
        request.POST or None,
        body=body,
        sectors=sectors,
        initial={"responsible": request.user.pk, "starts_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["organisations"] = list(data["organisations"])
        try:
            created = services.form_create(body=body, by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you! The form of cooperation was recorded and the NGO was asked to confirm it.")
            )
            return redirect("cooperation:form", uuid=created.uuid)
    return render(request, "cooperation/record/form_create.html", {"body": body, "form": form})


@login_required
def form_detail(request, uuid):
    form = _form(uuid)
    _require(request, "cooperation.view_form", form)
    return _detail_page(request, form)


def _detail_page(request, form, *, decision_form=None, marking=None):
    """The form's page; a decision or a marking sent with a mistake comes back bound, with its
    errors in the summary at the top and beside its fields."""
    partners = list(form.partners.select_related("organisation", "confirmed_by").order_by("organisation__name"))
    mine = set(membership_roles(request.user))
    to_confirm = [p for p in partners if p.organisation_id in mine and p.confirmed_at is None]
    today = timezone.localdate()
    periods = services.periods(form, today) if form.status in (Status.ACTIVE, Status.ENDED) else []
    can_body = request.user.has_perm("cooperation.mark_body_side", form)
    can_ngo = request.user.has_perm("cooperation.mark_ngo_side", form)
    if decision_form is None and form.status == Status.PROPOSED:
        decision_form = DecisionForm()
    body_form = ngo_form = None
    if periods:
        sent = marking.prefix if marking is not None else None
        body_form = marking if sent == Side.BODY else RealisationForm(periods=periods, prefix=Side.BODY)
        ngo_form = marking if sent == Side.NGO else RealisationForm(periods=periods, prefix=Side.NGO)
    context = {
        "form": form,
        "partners": partners,
        "to_confirm": to_confirm,
        "realisations": list(form.realisations.select_related("body_marked_by", "ngo_marked_by")),
        "can_change": request.user.has_perm("cooperation.change_form", form),
        "can_body": can_body and bool(periods),
        "can_ngo": can_ngo and bool(periods),
        "decision_form": decision_form,
        "body_form": body_form,
        "ngo_form": ngo_form,
    }
    return render(request, "cooperation/record/form_detail.html", context)


@login_required
@require_POST
def form_confirm(request, uuid):
    form = _form(uuid)
    organisation = get_object_or_404(Organisation, pk=request.POST.get("organisation") or 0)
    try:
        services.form_confirm(form=form, organisation=organisation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you! You confirmed the form of cooperation."))
    return redirect("cooperation:form", uuid=form.uuid)


@login_required
@require_POST
def form_decide(request, uuid):
    form = _form(uuid)
    _require(request, "cooperation.change_form", form)
    decision = DecisionForm(request.POST)
    if not decision.is_valid():
        return _detail_page(request, form, decision_form=decision)
    try:
        services.form_decide(form=form, by=request.user, **decision.cleaned_data)
    except ValidationError as error:
        add_service_errors(decision, error)
        return _detail_page(request, form, decision_form=decision)
    messages.success(request, _("The decision was saved and the NGO was told by e-mail."))
    return redirect("cooperation:form", uuid=form.uuid)


@login_required
def form_edit(request, uuid):
    """Change what was agreed; the history keeps the earlier version, and a colleague's newer save
    is never overwritten from an older page."""
    cooperation = _form(uuid)
    _require(request, "cooperation.change_form", cooperation)
    form = _edit_form(cooperation, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisations, version = list(data.pop("organisations")), data.pop("version")
        data["title_fi"], data["description_fi"] = data.pop("title"), data.pop("description")
        try:
            services.form_update(
                form=cooperation, data=data, organisations=organisations, version=version, by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
            if versioning.is_stale(error):
                versioning.keep_input(form, cooperation, version)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("cooperation:form", uuid=cooperation.uuid)
    return _edit_page(request, cooperation, form=form)


def _edit_form(cooperation, data=None) -> CooperationFormEditForm:
    initial = {
        "organisations": list(cooperation.partners.values_list("organisation_id", flat=True)),
        "category": cooperation.category,
        "kind": cooperation.kind,
        "title": cooperation.title_fi,
        "title_sv": cooperation.title_sv,
        "description": cooperation.description_fi,
        "description_sv": cooperation.description_sv,
        "responsible": cooperation.responsible_id,
        "starts_on": cooperation.starts_on,
        "ends_on": cooperation.ends_on,
        "frequency": cooperation.frequency,
        "review_period": cooperation.review_period,
        "version": cooperation.version,
    }
    return CooperationFormEditForm(data, body=cooperation.body, sectors=Sector.objects.none(), initial=initial)


def _edit_page(request, cooperation, *, form=None, end_form=None):
    """The page for changing or ending a form; the form sent with a mistake comes back bound."""
    return render(
        request,
        "cooperation/record/form_edit.html",
        {
            "cooperation": cooperation,
            "form": _edit_form(cooperation) if form is None else form,
            "end_form": EndForm(initial={"ends_on": timezone.localdate()}) if end_form is None else end_form,
        },
    )


@login_required
@require_POST
def form_end(request, uuid):
    cooperation = _form(uuid)
    _require(request, "cooperation.change_form", cooperation)
    end = EndForm(request.POST)
    if not end.is_valid():
        return _edit_page(request, cooperation, end_form=end)
    if cooperation.status == Status.ACTIVE and not confirm.confirmed(request):
        # The NGO and the public see it ended at once, so ending asks first.
        return confirm.ask(
            request,
            title=_("End the cooperation"),
            question=_("Mark %(form)s as ended on %(date)s?")
            % {"form": cooperation, "date": end.cleaned_data["ends_on"].strftime("%-d.%-m.%Y")},
            consequences=[
                _("It is shown as ended to the NGO and on the public pages."),
                _("Its realisation history stays."),
            ],
            confirm_label=_("Yes, mark it as ended"),
            cancel_url=reverse("cooperation:form_edit", args=[cooperation.uuid]),
        )
    try:
        services.form_end(form=cooperation, ends_on=end.cleaned_data["ends_on"], by=request.user)
    except ValidationError as error:
        add_service_errors(end, error)
        return _edit_page(request, cooperation, end_form=end)
    messages.success(request, _("The cooperation was marked as ended; its realisation history stays."))
    return redirect("cooperation:form", uuid=cooperation.uuid)


@login_required
@require_POST
def form_mark(request, uuid):
    form = _form(uuid)
    side = request.POST.get("side")
    if side not in Side.values:
        raise Http404
    _require(request, "cooperation.mark_body_side" if side == Side.BODY else "cooperation.mark_ngo_side", form)
    marking = RealisationForm(request.POST, periods=services.periods(form, timezone.localdate()), prefix=side)
    if not marking.is_valid():
        return _detail_page(request, form, marking=marking)
    start, end = marking.period_dates()
    if marking.cleaned_data["outcome"] == Outcome.NOT_REALISED and not confirm.confirmed(request):
        # "Not realised" goes into the body's figures and the other side sees it, so it asks first.
        return confirm.ask(
            request,
            title=_("Mark as not realised"),
            question=_("Mark %(form)s as not realised for %(start)s–%(end)s?")
            % {"form": form, "start": start.strftime("%-d.%-m.%Y"), "end": end.strftime("%-d.%-m.%Y")},
            consequences=[_("The other side sees your marking, and it counts in the body's figures.")],
            confirm_label=_("Yes, it was not realised"),
            cancel_url=reverse("cooperation:form", args=[form.uuid]),
        )
    try:
        services.realisation_mark(
            form=form,
            period_start=start,
            period_end=end,
            outcome=marking.cleaned_data["outcome"],
            note=marking.cleaned_data["note"],
            side=side,
            by=request.user,
        )
    except ValidationError as error:
        add_service_errors(marking, _period_errors(error))
        return _detail_page(request, form, marking=marking)
    messages.success(request, _("Thank you! The realisation was saved."))
    return redirect("cooperation:form", uuid=form.uuid)


def _period_errors(error: ValidationError) -> ValidationError:
    """The service names the period's start or end; the form has one field for the period."""
    if not hasattr(error, "error_dict"):
        return error
    fields = {}
    for field, errors in error.error_dict.items():
        fields.setdefault("period" if field in ("period_start", "period_end") else field, []).extend(errors)
    return ValidationError(fields)


@login_required
def from_booking(request, body, kind, pk):
    """Record an approved booking (kind "varaus") or weekly booking ("sarja") as premises cooperation.
    Opened from the booking's page (GET), it asks for the sector; the body's page posts directly."""
    body = _body(body)
    sectors = _addable_sectors(request.user, body)
    if not sectors.exists():
        raise PermissionDenied
    if kind == "sarja":
        target = {"series": get_object_or_404(BookingSeries.objects.select_related("space", "organisation"), pk=pk)}
    else:
        target = {"booking": get_object_or_404(Booking.objects.select_related("space", "organisation"), pk=pk)}
    item = target.get("series") or target["booking"]
    if item.space.body_id != body.pk:
        raise Http404
    if request.method != "POST":
        return _from_booking_page(request, body, item, target, FromBookingForm(sectors=sectors))
    chosen = FromBookingForm(request.POST, sectors=sectors)
    if not chosen.is_valid():
        return _from_booking_page(request, body, item, target, chosen)
    try:
        created = services.form_from_booking(sector=chosen.cleaned_data["sector"], by=request.user, **target)
    except ValidationError as error:
        add_service_errors(chosen, error)
        return _from_booking_page(request, body, item, target, chosen)
    messages.success(request, _("The booking is now recorded as premises cooperation."))
    return redirect("cooperation:form", uuid=created.uuid)


def _from_booking_page(request, body, item, target, form):
    """The booking's page with its sector choice; a choice sent with a mistake (also from the body's
    page) comes back here with the error."""
    return render(
        request,
        "cooperation/record/from_booking.html",
        {"body": body, "item": item, "series": "series" in target, "form": form},
    )


def ngo(request, organisation):
    """An NGO's cooperation with every body, and proposing a new form to a sector."""
    organisation = get_object_or_404(Organisation, slug=organisation)
    bodies = PublicBody.objects.filter(
        cooperation_forms__partners__organisation=organisation,
        cooperation_forms__status__in=queries.PUBLIC_STATUSES,
    ).distinct()
    can_propose = request.user.has_perm("cooperation.propose_form", organisation)
    areas = []
    if can_propose:
        areas = list(PublicBody.objects.filter(pk__in=responsible_body_ids(organisation)).order_by("name"))
    return render(
        request,
        "cooperation/record/ngo.html",
        {"organisation": organisation, "bodies": bodies.order_by("name"), "can_propose": can_propose, "areas": areas},
    )


@login_required
def propose(request, organisation, body):
    organisation = get_object_or_404(Organisation, slug=organisation)
    body = _body(body)
    _require(request, "cooperation.propose_form", organisation)
    form = ProposalForm(request.POST or None, sectors=body.sectors.order_by("name"))
    if request.method == "POST" and form.is_valid():
        try:
            created = services.form_propose(organisation=organisation, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you! The proposal was sent to the sector."))
            return redirect("cooperation:form", uuid=created.uuid)
    return render(
        request, "cooperation/record/propose.html", {"organisation": organisation, "body": body, "form": form}
    )


def record(request, body, organisation):
    """One NGO's cooperation record with one body."""
    body = _body(body)
    organisation = get_object_or_404(Organisation, slug=organisation)
    data = queries.ngo_record(organisation, body, request.user)
    return render(
        request, "cooperation/record/record.html", {"record": data, "body": body, "organisation": organisation}
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("vuosi") or timezone.localdate().year - 1)
    except ValueError:
        year = timezone.localdate().year - 1
    return min(max(year, 2000), 2100)


@login_required
def summary(request, body):
    body = _body(body)
    _require(request, "cooperation.view_summary", body)
    year = _year(request)
    summary = queries.realisation_summary(body, year)
    return render(
        request,
        "cooperation/record/summary.html",
        {
            "body": body,
            "year": year,
            "summary": summary,
            "groups": [
                (_("Sector"), summary.by_sector),
                (_("NGO"), summary.by_ngo),
                (_("Category"), summary.by_category),
            ],
        },
    )


@login_required
def summary_export(request, body, fmt):
    body = _body(body)
    _require(request, "cooperation.view_summary", body)
    year = _year(request)
    summary = queries.realisation_summary(body, year)
    name = f"yhteistyo-{body.slug}-{year}"
    if fmt == "csv":
        response = HttpResponse(queries.summary_csv(summary), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(queries.summary_xlsx(summary), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def export(request, body, fmt):
    body = _body(body)
    _require(request, "cooperation.view_summary", body)
    if fmt == "csv":
        response = HttpResponse(queries.record_csv(body), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(queries.record_xlsx(body), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="yhteistyokirjaus-{body.slug}.{fmt}"'
    return response
