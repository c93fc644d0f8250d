"""Changing and ending a form of cooperation through its page: the history keeps what was agreed
before, a colleague's newer change is never overwritten from an older page, and only the body's
officials may do it."""

import datetime as dt

import pytest
from django.urls import reverse

from kumppani.cooperation.models import CooperationForm, Status
from kumppani.core.models import AuditEntry
from tests.cooperation.record_world import LAST_YEAR, make_form

pytestmark = pytest.mark.django_db


def _edit_data(form: CooperationForm, **changes) -> dict:
    data = {
        "organisations": [str(p.organisation_id) for p in form.partners.all()],
        "category": form.category,
        "kind": form.kind,
        "title": form.title_fi,
        "title_sv": form.title_sv,
        "description": form.description_fi,
        "description_sv": form.description_sv,
        "responsible": str(form.responsible_id),
        "starts_on": form.starts_on.isoformat(),
        "ends_on": "",
        "frequency": form.frequency,
        "review_period": form.review_period,
        "version": str(form.version),
    }
    data.update(changes)
    return data


def test_an_official_changes_a_form_and_it_shows_in_its_history(client, world):
    form = make_form(world)
    client.force_login(world["official"])
    page = client.get(reverse("cooperation:form", args=[form.uuid])).content.decode()
    assert reverse("cooperation:form_edit", args=[form.uuid]) in page
    response = client.post(
        reverse("cooperation:form_edit", args=[form.uuid]), _edit_data(form, frequency="Kahdesti vuodessa")
    )
    assert response.status_code == 302
    form.refresh_from_db()
    assert form.frequency == "Kahdesti vuodessa" and form.version == 2
    entry = AuditEntry.objects.filter(action="form_updated").latest("pk")
    assert entry.changes["frequency"][1] == "Kahdesti vuodessa"


def test_a_save_from_an_older_page_is_refused_and_names_the_colleagues_change(client, world):
    form = make_form(world)
    old = _edit_data(form)
    client.force_login(world["coordinator"])
    client.post(reverse("cooperation:form_edit", args=[form.uuid]), {**old, "frequency": "Kuukausittain"})
    client.force_login(world["official"])
    response = client.post(reverse("cooperation:form_edit", args=[form.uuid]), {**old, "title": "Uusi otsikko"})
    assert response.status_code == 200
    assert "Kuukausittain" in response.content.decode()
    form.refresh_from_db()
    assert form.frequency == "Kuukausittain" and form.title_fi != "Uusi otsikko"
    # The form came back with the colleague's change and the current version: saving again keeps both.
    again = client.post(reverse("cooperation:form_edit", args=[form.uuid]), dict(response.context["form"].data))
    assert again.status_code == 302
    form.refresh_from_db()
    assert (form.frequency, form.title_fi) == ("Kuukausittain", "Uusi otsikko")


def test_an_official_ends_a_form_and_its_realisation_history_stays(client, world):
    form = make_form(world)
    client.force_login(world["official"])
    ended = dt.date(LAST_YEAR + 1, 6, 30)
    url = reverse("cooperation:form_end", args=[form.uuid])
    # Ending asks first, carrying the date; nothing changes before the answer.
    page = client.post(url, {"ends_on": ended.isoformat()}).content.decode()
    assert 'name="confirmed"' in page and f"{ended.day}.{ended.month}.{ended.year}" in page
    form.refresh_from_db()
    assert form.status == Status.ACTIVE
    response = client.post(url, {"ends_on": ended.isoformat(), "confirmed": "1"})
    assert response.status_code == 302
    form.refresh_from_db()
    assert (form.status, form.ends_on) == (Status.ENDED, ended)
    before_start = client.post(reverse("cooperation:form_end", args=[form.uuid]), {"ends_on": "2000-01-01"})
    # An ended form cannot be ended again: the page says so, and nothing changes.
    assert before_start.status_code == 200 and 'class="error-summary"' in before_start.content.decode()
    form.refresh_from_db()
    assert form.ends_on == ended


@pytest.mark.parametrize("actor", ["anonymous", "rep", "other_official", "tampere_coordinator"])
def test_only_the_bodys_officials_change_or_end_a_form(client, world, actor):
    form = make_form(world)
    if actor != "anonymous":
        client.force_login(world[actor])
    edit = client.post(reverse("cooperation:form_edit", args=[form.uuid]), _edit_data(form, frequency="Ei koskaan"))
    end = client.post(reverse("cooperation:form_end", args=[form.uuid]), {"ends_on": "2030-01-01"})
    for response in (edit, end):
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            assert "/kirjaudu/" in response["Location"]
    form.refresh_from_db()
    assert form.status == Status.ACTIVE and form.frequency != "Ei koskaan" and form.version == 1
