"""The client list (ohjauslista). Anyone may collect and save one, no sign-in: a nurse or a social
worker at work. A saved list is read by its unguessable link only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kumppani.activities import queries
from kumppani.activities.client_lists import services as client_lists
from kumppani.activities.client_lists.forms import ClientListForm, CollectForm
from kumppani.activities.models import Activity, ClientList
from kumppani.core.forms import add_service_errors


def _back(request, form: CollectForm, activity_id: int | None = None):
    """Back to the page the button was on, at the same activity; only to this site."""
    target = form.data.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = reverse("activities:client_list_draft")
    if activity_id and "#" not in target:
        target += f"#activity-{activity_id}"
    return redirect(target)


@require_POST
def add(request):
    form = CollectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The activity was not found."))
        return _back(request, form)
    activity_id = form.cleaned_data["activity"]
    try:
        client_lists.collect(request.session, activity_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        count = len(client_lists.collected_ids(request.session))
        messages.success(request, _("Added to the client list (%(count)s).") % {"count": count})
    return _back(request, form, activity_id)


@require_POST
def remove(request):
    form = CollectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The activity was not found."))
        return _back(request, form)
    client_lists.discard(request.session, form.cleaned_data["activity"])
    messages.success(request, _("Removed from the client list."))
    return _back(request, form, form.cleaned_data["activity"])


@require_POST
def clear(request):
    client_lists.clear(request.session)
    messages.success(request, _("The client list is empty now."))
    return redirect("activities:client_list_draft")


def draft(request):
    """The list being collected: choose the client's language, a title and a note, then save it."""
    ids = client_lists.collected_ids(request.session)
    activities = queries.listing(queries.listed_activities(), ids)
    form = ClientListForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            client_list = client_lists.client_list_create(activity_ids=ids, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            client_lists.clear(request.session)
            messages.success(request, _("The list is saved. Give the client its link, or print it."))
            return redirect(client_list)
    return render(
        request,
        "activities/search/client_list_draft.html",
        {
            "form": form,
            "activities": activities,
            "collected_count": len(ids),
            "max_items": client_lists.MAX_ITEMS,
            "next_url": request.get_full_path(),
        },
    )


def shared(request, token):
    """A saved list, in the language chosen for the client whatever the address says, ready to print."""
    client_list = get_object_or_404(ClientList, token=token)
    ids = list(client_list.items.values_list("activity_id", flat=True))
    activities = queries.listing(Activity.objects.all(), ids)
    with translation.override(client_list.language):
        response = render(
            request,
            "activities/search/client_list.html",
            {
                "client_list": client_list,
                "activities": activities,
                "link": request.build_absolute_uri(client_list.get_absolute_url()),
                "today": timezone.localdate(),
            },
        )
        response["Content-Language"] = client_list.language
    response["X-Robots-Tag"] = "noindex"
    return response
