"""The register's pages: the public directory and an NGO's page, editing, verifying and merging,
representatives and invitations, signing up, the import and the export. Thin: the rules are in
services.py and rules.py, the reads in queries.py."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.core import audit, pagecache, search, versioning
from kumppani.core import pages as core_pages
from kumppani.core import services as core_services
from kumppani.core.chips import active_filters as chips_for
from kumppani.core.forms import add_service_errors
from kumppani.core.models import BodyRole, Language, PublicBody, Term, Vocabulary
from kumppani.organisations import exports, imports, jsonld, queries, services
from kumppani.organisations.forms import (
    AccountForm,
    BodyInviteForm,
    ContactPersonFormSet,
    DirectoryFilterForm,
    ImportForm,
    InviteForm,
    MembershipRequestForm,
    MergeForm,
    OrganisationForm,
    SignupForm,
    StatusForm,
    body_options_html,
)
from kumppani.organisations.models import Invitation, Membership, MembershipRequest, Organisation

PAGE_SIZE = 20


def directory(request):
    """The public NGO directory. Residents' identical searches are answered from the cache."""
    return pagecache.cached_page(
        request, name="directory", version=queries.register_version, build=lambda **kw: _directory(request, **kw)
    )


def _directory(request, csrf_token=None):
    """The public NGO directory: search, filters with counts, sorting and pages.

    The filters and the counts are answered from the register's bit sets (queries.register_index),
    the search words by one full-text query; only the page itself is read from the database."""
    form = DirectoryFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    body = PublicBody.objects.get(slug=data["body"]) if data.get("body") else None
    query = data.get("q", "")
    sort = data.get("sort") or ("relevance" if query else "name")
    ranks = search.look_up(services.SEARCH_KIND, query, ranked=sort == "relevance")
    index = queries.register_index()
    matches = queries.directory_matches(
        index,
        include_dormant=bool(data.get("include_dormant")),
        body=body,
        themes=data.get("theme") or [],
        target_groups=data.get("target") or [],
        languages=data.get("language") or [],
        ranks=ranks,
    )
    total = matches.bit_count()
    name_field = queries.name_order(get_language())
    facets = queries.facet_counts_of(index, matches)
    if sort == "relevance" and query:
        found = queries.ranked(index, matches, ranks or {}, tiebreak=name_field)
    else:
        found = queries.ordered(index, matches, "-updated_at" if sort == "-updated" else name_field)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = search.in_order(
        queries.with_listing_lists(Organisation.objects.all(), languages=False), page.object_list
    )
    params = request.GET.copy()
    params.pop("page", None)
    themes = Term.objects.filter(vocabulary=Vocabulary.THEME)
    targets = Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "sort": sort,
        "querystring": params.urlencode(),
        "body_options": body_options_html(data.get("body", "")),
        "theme_facets": [(t, facets["themes"].get(t.pk, 0)) for t in themes],
        "target_facets": [(t, facets["target_groups"].get(t.pk, 0)) for t in targets],
        "language_facets": [(lang, facets["languages"].get(lang.pk, 0)) for lang in Language.objects.all()],
        "selected": {
            "theme": {t.slug for t in data.get("theme") or []},
            "target": {t.slug for t in data.get("target") or []},
            "language": {lang.code for lang in data.get("language") or []},
        },
    }
    nearby = _nearby(request, index, data, body, ranks) if not total else []
    context.update(_filters_and_alternatives(request, form, query, page.paginator.count, nearby))
    if csrf_token is not None:
        context["csrf_token"] = csrf_token  # a cached page's placeholder (core.pagecache)
    return render(request, "organisations/directory.html", context)


def _filters_and_alternatives(request, form, query: str, count: int, nearby: list | None = None) -> dict:
    """The active filters as chips and, when nothing was found, what to try instead: spellings like
    known words, the same words in the other directories (with how many each finds), the
    neighbouring area and removing each filter; the filters' own boxes are left out, empty."""
    chips = chips_for(form, request.GET)
    if count:
        return {"chips": chips, "show_filters": True}
    params = request.GET.copy()
    params.pop("page", None)
    suggestions = []
    for text in search.spelling_suggestions(query) if query else []:
        params["q"] = text
        suggestions.append((text, f"?{params.urlencode()}"))
    if query:
        elsewhere = core_pages.found_elsewhere(query, exclude="organisations")
    else:
        elsewhere = [(_("All activities"), reverse("activities:directory"))]
    return {
        "chips": chips,
        "suggestions": suggestions,
        "elsewhere": elsewhere,
        "nearby": nearby or [],
        "show_filters": False,
        "kept_filters": _kept_filters(request.GET),
    }


def _kept_filters(params) -> list[tuple[str, str]]:
    """The chosen filters outside the search bar, kept as hidden fields while their boxes are not shown."""
    return [
        (name, value)
        for name in params
        if name not in ("q", "body", "page", "sort")
        for value in params.getlist(name)
        if value
    ]


def _nearby(request, index, data: dict, body: PublicBody | None, ranks) -> list[tuple[str, str]]:
    """The same search in the body's wellbeing services county, when it finds something there."""
    county = body.county if body is not None and body.county_id else None
    if county is None:
        return []
    found = queries.directory_matches(
        index,
        include_dormant=bool(data.get("include_dormant")),
        body=county,
        themes=data.get("theme") or [],
        target_groups=data.get("target") or [],
        languages=data.get("language") or [],
        ranks=ranks,
    ).bit_count()
    if not found:
        return []
    params = request.GET.copy()
    params.pop("page", None)
    params["body"] = county.slug
    label = ngettext("%(count)s NGO in %(area)s", "%(count)s NGOs in %(area)s", found) % {
        "count": found,
        "area": county.name,
    }
    return [(label, f"?{params.urlencode()}")]


def _get_organisation(slug: str) -> Organisation:
    return get_object_or_404(queries.unmerged_organisations(), slug=slug)


def detail(request, slug):
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    if organisation.merged_into_id:
        return redirect(organisation.merged_into)
    organisation = queries.with_listing_relations(Organisation.objects.filter(pk=organisation.pk)).get()
    user = request.user
    can_view_private = user.has_perm("organisations.view_private_organisation", organisation)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "contact_persons": organisation.contact_persons.all() if can_view_private else None,
            "can_edit": user.has_perm("organisations.change_organisation", organisation),
            "can_verify": user.has_perm("organisations.verify_organisation", organisation),
            "can_manage_members": user.has_perm("organisations.manage_members", organisation),
            "can_view_history": user.has_perm("organisations.view_history", organisation),
            "is_member": user.is_authenticated
            and Membership.objects.filter(user=user, organisation=organisation).exists(),
            "jsonld": jsonld.organisation(request, organisation),
        },
    )


def _contact_initial(organisation):
    return [
        {"name": p.name, "role": p.role, "email": p.email, "phone": p.phone} for p in organisation.contact_persons.all()
    ]


# The parts of the NGO form, each a fieldset with its own save button; a save returns to the part the
# person was in (the hidden field return_to follows the focus when JavaScript runs; without it the
# part's own button tells).
EDIT_SECTIONS = ("name", "where", "contact", "registration", "people")


def _section_to_return_to(post) -> str | None:
    if post.get("close"):
        return None
    section = post.get("return_to") or post.get("save_section")
    return section if section in EDIT_SECTIONS else None


@login_required
def edit(request, slug):
    organisation = _get_organisation(slug)
    if not request.user.has_perm("organisations.change_organisation", organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    contacts = ContactPersonFormSet(request.POST or None, initial=_contact_initial(organisation), prefix="contacts")
    if request.method == "POST" and form.is_valid() and contacts.is_valid():
        persons = [
            {key: row[key] for key in ("name", "role", "email", "phone")}
            for row in contacts.cleaned_data
            if row and not row.get("DELETE") and row.get("name")
        ]
        logo = None
        if "logo" in form.changed_data:
            logo = form.cleaned_data["logo"] or False
        version = form.cleaned_data["version"]
        try:
            with transaction.atomic():
                services.organisation_update(
                    organisation=organisation, by=request.user, data=form.domain_data(), logo=logo, version=version
                )
                services.contact_persons_replace(organisation=organisation, by=request.user, persons=persons)
        except ValidationError as error:
            add_service_errors(form, error)
            if versioning.is_stale(error):
                versioning.keep_input(form, organisation, version)
        else:
            section = _section_to_return_to(request.POST)
            if section:
                url = reverse("organisations:edit", args=[organisation.slug])
                return redirect(f"{url}?{urlencode({'saved': section})}#section-{section}")
            messages.success(request, _("Thank you! The information has been saved."))
            return redirect(organisation)
    saved = request.GET.get("saved") if request.method == "GET" else None
    return render(
        request,
        "organisations/edit.html",
        {"form": form, "contacts": contacts, "organisation": organisation, "saved_section": saved},
    )


@login_required
def create(request):
    # Checked here too, so that a visitor without the right sees no form to fill in.
    if not request.user.has_perm("organisations.add_organisation"):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(by=request.user, data=form.domain_data(), verified=True)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The NGO has been added to the register."))
            return redirect(organisation)
    return render(request, "organisations/edit.html", {"form": form, "contacts": None, "organisation": None})


@login_required
@require_POST
def verify(request, slug):
    organisation = _get_organisation(slug)
    services.organisation_verify(organisation=organisation, by=request.user)
    messages.success(request, _("Marked as verified. Thank you!"))
    return redirect(request.POST.get("next") or organisation.get_absolute_url())


@login_required
@require_POST
def set_status(request, slug):
    organisation = _get_organisation(slug)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        services.organisation_set_status(organisation=organisation, by=request.user, status=form.cleaned_data["status"])
        messages.success(request, _("The status has been changed."))
    return redirect(organisation)


@login_required
def merge(request, slug):
    keep = _get_organisation(slug)
    if not request.user.has_perm("organisations.merge_organisation", keep):
        raise PermissionDenied
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not request.POST.get("confirmed"):
        duplicate = form.cleaned_data["duplicate"]
        return render(
            request,
            "confirm.html",
            {
                "title": _("Merge duplicate entries"),
                "question": _("Merge %(duplicate)s into %(keep)s?") % {"duplicate": duplicate.name, "keep": keep.name},
                "consequences": [
                    _("This cannot be undone."),
                    _("%(duplicate)s disappears from the register; its address leads to %(keep)s.")
                    % {"duplicate": duplicate.name, "keep": keep.name},
                    _("Its themes, areas, contact persons and representatives move to %(keep)s.") % {"keep": keep.name},
                ],
                "action": request.path,
                "fields": [("duplicate", duplicate.slug)],
                "confirm_label": _("Yes, merge them"),
                "cancel_url": reverse("organisations:merge", args=[keep.slug]),
            },
        )
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_merge(keep=keep, duplicate=form.cleaned_data["duplicate"], by=request.user)
        except ValidationError as error:
            add_service_errors(form, error, default_field="duplicate")
        except PermissionDenied:
            form.add_error("duplicate", _("You may not change the duplicate entry."))
        else:
            messages.success(request, _("The entries have been merged."))
            return redirect(keep)
    return render(request, "organisations/merge.html", {"form": form, "organisation": keep})


@login_required
def members(request, slug):
    organisation = _get_organisation(slug)
    if not request.user.has_perm("organisations.manage_members", organisation):
        raise PermissionDenied
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_create_for_organisation(
            organisation=organisation,
            by=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            language=get_language(),
        )
        messages.success(
            request, _("The invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("organisations:members", slug=slug)
    return render(
        request,
        "organisations/members.html",
        {"organisation": organisation, "members": queries.members_of(organisation), "form": form},
    )


@login_required
@require_POST
def remove_member(request, slug, pk):
    organisation = _get_organisation(slug)
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    if not request.user.has_perm("organisations.manage_members", organisation):
        raise PermissionDenied
    if not request.POST.get("confirmed"):
        name = membership.user.full_name
        return render(
            request,
            "confirm.html",
            {
                "title": _("Remove a representative"),
                "question": _("Remove %(name)s from the representatives of %(ngo)s?")
                % {"name": name, "ngo": organisation.name},
                "consequences": [
                    _("%(name)s can no longer update the NGO's information, activities or applications.")
                    % {"name": name},
                    _("To return, %(name)s needs a new invitation.") % {"name": name},
                ],
                "action": request.path,
                "fields": [],
                "confirm_label": _("Yes, remove"),
                "cancel_url": reverse("organisations:members", args=[organisation.slug]),
            },
        )
    services.membership_remove(membership=membership, by=request.user)
    messages.success(request, _("%(name)s no longer represents the NGO.") % {"name": membership.user.full_name})
    return redirect("organisations:members", slug=slug)


@login_required
def history(request, slug):
    organisation = _get_organisation(slug)
    if not request.user.has_perm("organisations.view_history", organisation):
        raise PermissionDenied
    page = Paginator(audit.history_for(organisation), 50).get_page(request.GET.get("page"))
    context = {"subject": organisation.name, "back_url": organisation.get_absolute_url(), "page": page}
    return render(request, "history.html", context)


def accept_invitation(request, token):
    invitation = services.invitation_find(token)
    if invitation is None:
        return render(request, "organisations/invitation_invalid.html", status=410)
    user = request.user if request.user.is_authenticated else None
    form = None if user else AccountForm(request.POST or None, initial={"email": invitation.email})
    if request.method == "POST":
        if user is None and form.is_valid():
            try:
                user = services.user_create(
                    email=form.cleaned_data["email"],
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password"],
                    language=get_language(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
                user = None
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if user is not None:
            services.invitation_accept(invitation=invitation, user=user)
            messages.success(request, _("Welcome! The invitation has been accepted."))
            if invitation.organisation_id:
                return redirect(invitation.organisation)
            return redirect("core:dashboard")
    return render(request, "organisations/accept_invitation.html", {"invitation": invitation, "form": form})


def signup(request):
    """A representative signs up and asks to represent an NGO; a coordinator approves."""
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.signup(
                email=data["email"],
                full_name=data["full_name"],
                password=data["password"],
                language=get_language(),
                organisation=data["organisation"],
                new_organisation={"name_fi": data["new_organisation_name"], "areas": [data["new_organisation_area"]]},
                message=data["message"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The same answer whether the address is new or already has an account (which must
            # not show here): both get an e-mail, and nobody is signed in by this page.
            messages.success(
                request,
                _(
                    "Thank you! We have sent a message to %(email)s. If your account is new, sign in with your "
                    "e-mail address and password; a coordinator will confirm your request soon."
                )
                % {"email": data["email"]},
            )
            return redirect("login")
    return render(request, "organisations/signup.html", {"form": form})


@login_required
def request_membership(request, slug):
    organisation = _get_organisation(slug)
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request_create(
                user=request.user, organisation=organisation, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the coordinator."))
            return redirect(organisation)
    return render(request, "organisations/request_membership.html", {"form": form, "organisation": organisation})


@login_required
@require_POST
def decide_request(request, pk):
    membership_request = get_object_or_404(MembershipRequest, pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        services.membership_request_decide(request=membership_request, by=request.user, approve=approve)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Approved.") if approve else _("Declined."))
    return redirect("core:dashboard")


@login_required
def body_people(request, slug):
    """A coordinator's view of who has which role in the body, with the body's history."""
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm("core.coordinate_body", body):
        raise PermissionDenied
    if request.method == "POST":
        role = get_object_or_404(BodyRole, pk=request.POST.get("role"), body=body)
        try:
            core_services.body_role_remove(role=role, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The role has been removed."))
        return redirect("organisations:body_people", slug=slug)
    roles = body.roles.select_related("user").order_by("role", "user__full_name")
    invitations = Invitation.objects.filter(body=body, accepted_at__isnull=True, expires_at__gt=timezone.now())
    history = Paginator(audit.history_for(body), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/body_people.html",
        {"body": body, "roles": roles, "invitations": invitations.order_by("-created_at"), "page": history},
    )


@login_required
def invite_to_body(request, slug):
    body = get_object_or_404(PublicBody, slug=slug)
    if not request.user.has_perm("core.coordinate_body", body):
        raise PermissionDenied
    form = BodyInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_create_for_body(
            body=body,
            by=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            language=get_language(),
        )
        messages.success(
            request, _("The invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect(body)
    return render(request, "organisations/invite_to_body.html", {"form": form, "body": body})


@login_required
def import_view(request):
    if not request.user.has_perm("organisations.import_organisations"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = imports.import_file(
            upload.read(), filename=upload.name, by=request.user, commit=form.cleaned_data["commit"]
        )
        if report.committed:
            messages.success(
                request,
                ngettext("%(count)s NGO was imported.", "%(count)s NGOs were imported.", report.created)
                % {"count": report.created},
            )
            return redirect("organisations:directory")
    return render(request, "organisations/import.html", {"form": form, "report": report, "columns": imports.COLUMNS})


def export(request, fmt):
    """The public register (what the directory shows) as CSV or XLSX, honouring the same filters."""
    organisations = queries.with_listing_relations(queries.public_organisations().order_by("sort_key_fi", "pk"))
    form = DirectoryFilterForm(request.GET or None)
    if form.is_valid() and form.cleaned_data.get("body"):
        organisations = queries.serving_body(organisations, PublicBody.objects.get(slug=form.cleaned_data["body"]))
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(organisations), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(organisations),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="kumppani-jarjestot.{fmt}"'
    return response
