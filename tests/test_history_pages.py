"""Every saved change leaves its history, tested through the pages people use: the real edit form
is read from its page and posted as the browser would send it, with a few fields changed, and the
history page (or section) the same people can reach shows each changed field's old and new value
in plain words — labels, Finnish dates (5.12.2026), never an ISO date or a raw key."""

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.core.models import AuditEntry
from tests import factories
from tests.html_form import form_values

pytestmark = pytest.mark.django_db


def form_on_page(client, url: str, field: str) -> dict:
    """The values of the page's post form that has `field`, as the test client posts them."""
    response = client.get(url)
    assert response.status_code == 200
    return form_values(response.content.decode(), field=field)


def post_form(client, url: str, changes: dict, *, follow=True):
    data = form_on_page(client, url, next(iter(changes)))
    data.update(changes)
    return client.post(url, data, follow=follow)


def text_of(response) -> str:
    """The page's text as a person reads it: no tags, entities decoded, whitespace collapsed."""
    assert response.status_code == 200, response.status_code
    return _text(re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S))


def _text(html: str) -> str:
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()  # keeps no-break spaces


def history_rows(client, url: str) -> list[str]:
    """The entries of a history page, newest first, each as the text of its row."""
    response = client.get(url)
    assert response.status_code == 200
    return [_text(row) for row in re.findall(r"<tr><td>.*?</tr>", response.content.decode(), flags=re.S)]


def assert_change(history: str, old: str, new: str) -> None:
    assert f"{old} → {new}" in history, history[-3000:]


def assert_plain(history: str) -> None:
    """No raw keys, no ISO dates, no empty member rows."""
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", history), history
    assert not re.search(r"\[(fi|sv|en)\]", history), history
    assert "member: –" not in history


def test_ngo_edit_by_its_representative_shows_in_the_ngo_history(client):
    ngo = factories.organisation("Salon Omaishoitajat ry", phone="02 123 4567", short_description_en="Old words")
    client.force_login(factories.representative(ngo))
    url = reverse("organisations:edit", args=[ngo.slug])

    response = post_form(client, url, {"phone": "040 765 4321", "short_description_en": "Peer support for carers"})

    assert response.redirect_chain, text_of(response)[:2000]
    assert AuditEntry.objects.filter(object_id=str(ngo.pk), action="updated").exists()
    history = text_of(client.get(reverse("organisations:history", args=[ngo.slug])))
    assert_change(history, "02 123 4567", "040 765 4321")
    assert_change(history, "Old words", "Peer support for carers")
    assert_plain(history)


def _cafe(client) -> tuple[str, str]:
    """An NGO's activity, its representative signed in: the addresses of its edit page and history."""
    from tests.activities.factories import activity

    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    group = activity(
        ngo,
        "Omaishoitajien kahvila",
        areas=[salo],
        places=[{"street_address": "Vilhonkatu 8", "postal_code": "24100", "municipality": salo}],
        times=[(1, "13:00", "15:00")],
        phone="02 111 2222",
        short_description_en="Coffee",
    )
    client.force_login(factories.representative(ngo))
    kwargs = {"slug": ngo.slug, "activity": group.slug}
    return reverse("activities:edit", kwargs=kwargs), reverse("activities:history", kwargs=kwargs)


def test_activity_edit_by_the_representative_shows_in_the_activity_history(client):
    url, history_url = _cafe(client)

    response = post_form(client, url, {"phone": "040 333 4444", "short_description_en": "Coffee and peer support"})

    assert response.redirect_chain, text_of(response)[:2000]
    assert history_url in client.get(url).content.decode()  # the edit page links to its history
    history = text_of(client.get(history_url))
    assert_change(history, "02 111 2222", "040 333 4444")
    assert_change(history, "Coffee", "Coffee and peer support")
    assert_plain(history)


def test_saving_an_activity_unchanged_adds_nothing_to_its_history_and_a_change_adds_one_entry(client):
    url, history_url = _cafe(client)
    before = history_rows(client, history_url)

    response = post_form(client, url, {"phone": "02 111 2222"})

    assert response.redirect_chain, text_of(response)[:2000]
    assert history_rows(client, history_url) == before

    post_form(client, url, {"phone": "040 333 4444"})

    newest, *older = history_rows(client, history_url)
    assert older == before
    assert newest.endswith("02 111 2222 → 040 333 4444"), newest
    assert newest.count("→") == 1, newest


def _path(coordinator, body):
    from kumppani.activities.paths import services as paths

    path = paths.path_create(body=body, by=coordinator, data={"name_fi": "Muistipolku", "description_en": "Old"})
    step = paths.step_add(path=path, by=coordinator, data={"kind": "public", "title_fi": "Muistihoitaja"})
    return path, step


def test_service_path_edit_by_the_coordinator_shows_in_the_path_history(client):
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    path, _step = _path(coordinator, salo)
    client.force_login(coordinator)
    url = reverse("activities:path_update", kwargs={"body": salo.slug, "slug": path.slug})

    response = post_form(client, url, {"name_fi": "Ikääntyneen muistipolku", "description_en": "For older people"})

    assert response.redirect_chain, text_of(response)[:2000]
    history = text_of(client.get(reverse("activities:path_history", kwargs={"body": salo.slug, "slug": path.slug})))
    assert_change(history, "Muistipolku", "Ikääntyneen muistipolku")
    assert_change(history, "Old", "For older people")
    assert_plain(history)


def test_a_step_edited_on_its_page_shows_in_the_path_history(client):
    salo = factories.salo()
    coordinator = factories.official(salo, "coordinator")
    path, step = _path(coordinator, salo)
    client.force_login(coordinator)
    url = reverse("activities:step_update", kwargs={"body": salo.slug, "slug": path.slug, "pk": step.pk})

    response = post_form(client, url, {"title_fi": "Muistihoitajan vastaanotto", "title_en": "Memory nurse"})

    assert response.redirect_chain, text_of(response)[:2000]
    history = text_of(client.get(reverse("activities:path_history", kwargs={"body": salo.slug, "slug": path.slug})))
    assert_change(history, "Muistihoitaja", "Muistihoitajan vastaanotto")
    assert_change(history, "–", "Memory nurse")
    assert_plain(history)


def test_programme_edit_by_the_grant_officer_shows_in_the_programme_history(client):
    from tests.grants.factories import programme

    salo = factories.salo()
    officer = factories.official(salo, "official")
    year = timezone.localdate().year + 1
    opens = timezone.make_aware(dt.datetime(year, 1, 5, 9, 0))
    item = programme(
        salo,
        "Yleisavustus",
        year=year,
        is_published=False,
        opens_at=opens,
        closes_at=opens + dt.timedelta(days=30),
        report_due=dt.date(year + 1, 3, 31),
    )
    client.force_login(officer)
    url = reverse("grants:programme_edit", args=[item.pk])

    response = post_form(
        client,
        url,
        {
            "name_fi": "Järjestöjen yleisavustus",
            "opens_at": f"{year}-01-12T09:00",
            "report_due": f"{year + 1}-04-30",
            "appropriation": "60000",
        },
    )

    assert response.redirect_chain, text_of(response)[:3000]
    history_url = reverse("grants:programme_history", args=[item.pk])
    assert history_url in client.get(item.get_absolute_url()).content.decode()  # linked from the programme
    history = text_of(client.get(history_url))
    assert_change(history, "Yleisavustus", "Järjestöjen yleisavustus")
    assert_change(history, f"5.1.{year} 9.00", f"12.1.{year} 9.00")
    assert_change(history, f"31.3.{year + 1}", f"30.4.{year + 1}")
    assert_change(history, "50\xa0000,00\xa0€", "60\xa0000,00\xa0€")
    assert_plain(history)


def test_application_edit_by_the_applicant_shows_on_the_application_page(client):
    from tests.grants.factories import application, programme

    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    applicant = factories.representative(ngo)
    item = application(
        programme(salo), ngo, amount="3000.00", by=applicant, contact_name="Riitta", contact_email="riitta@example.org"
    )
    client.force_login(applicant)
    url = reverse("grants:application_step", args=[item.pk, 1])

    response = post_form(client, url, {"amount_requested": "4500", "contact_phone": "040 555 6666"})

    assert response.redirect_chain, text_of(response)[:3000]
    history = text_of(client.get(reverse("grants:application", args=[item.pk])))
    assert_change(history, "3\xa0000,00\xa0€", "4\xa0500,00\xa0€")
    assert_change(history, "–", "040 555 6666")
    assert_plain(history)
    # The bank account the form did not show was not emptied by the save.
    item.refresh_from_db()
    assert item.bank_account == "FI21 1234 5600 0007 85" and "FI21 1234 5600 0007 85 →" not in history


def test_the_new_history_pages_do_not_grow_in_queries_with_the_entries(client):
    """The activity's and the programme's history: one change or many, the same number of queries."""
    from kumppani.activities import services as activities
    from kumppani.grants.services import programmes as grant_programmes
    from tests.activities.factories import activity
    from tests.grants.factories import programme

    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    coordinator = factories.official(salo, "coordinator")
    officer = factories.official(salo, "official")
    group = activity(
        ngo,
        "Kahvila",
        areas=[salo],
        places=[{"street_address": "Vilhonkatu 8", "postal_code": "24100", "municipality": salo}],
        times=[(1, "13:00", "15:00")],
    )
    item = programme(salo, is_published=False)
    pages = [
        (coordinator, reverse("activities:history", kwargs={"slug": ngo.slug, "activity": group.slug})),
        (officer, reverse("grants:programme_history", args=[item.pk])),
    ]

    def counts():
        found = []
        for person, url in pages:
            client.force_login(person)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            found.append(len(captured.captured_queries))
        return found

    def change(n):
        activities.activity_update(by=coordinator, activity=group, data={"phone": f"040 000 000{n}"})
        grant_programmes.programme_update(
            programme=item, by=officer, data={"name_fi": f"Avustus {n}"}, criteria=[], questions=[]
        )

    change(0)
    few = counts()
    for n in range(1, 7):
        change(n)
    assert counts() == few


def test_the_applicants_budget_and_answers_show_on_the_application_page(client):
    from kumppani.grants.models import Question
    from tests.grants.factories import application, programme

    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    applicant = factories.representative(ngo)
    item = application(programme(salo), ngo, amount="3000.00", by=applicant)
    question = Question.objects.get(programme=item.programme)
    client.force_login(applicant)
    budget_url = reverse("grants:application_step", args=[item.pk, 3])

    # Saving the budget as it is records nothing: 3000.00 from the database is 3000 from the form.
    post_form(client, budget_url, {"version": str(item.version)})
    assert not AuditEntry.objects.filter(object_id=str(item.pk), action="budget_changed").exists()

    response = post_form(client, budget_url, {"expense-0-amount": "3200"})
    assert response.redirect_chain, text_of(response)[:3000]
    post_form(client, reverse("grants:application_step", args=[item.pk, 4]), {f"q{question.pk}": "Kerhoilla."})

    history = text_of(client.get(reverse("grants:application", args=[item.pk])))
    assert re.search("Tilavuokrat 3\xa0000,00\xa0€[^→]*→ [^:]*: Tilavuokrat 3\xa0200,00\xa0€", history), history
    assert_change(history, f"{question.text} – –", f"{question.text} – Kerhoilla.")
    assert_plain(history)


def test_planned_instalments_and_decisions_read_as_dates_and_euros_in_the_history(client):
    from kumppani.grants.services import reporting
    from tests.grants import decided

    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    grant = decided.grant(salo, organisation=ngo, amount="3000.00")
    officer = factories.official(salo, "official")
    reporting.instalments_plan(
        application=grant,
        by=officer,
        rows=[(dt.date(2026, 2, 1), Decimal("2000.00")), (dt.date(2026, 6, 1), Decimal("1000.00"))],
    )
    client.force_login(officer)

    history = text_of(client.get(reverse("grants:application", args=[grant.pk])))

    assert "1.2.2026 2\xa0000,00\xa0€, 1.6.2026 1\xa0000,00\xa0€" in history
    assert_plain(history)
