"""Grant programmes: the grant officer creates, edits and publishes them through the pages; the
public sees published ones with their principles, criteria and deadline in Helsinki time."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kumppani.cooperation.models import Sector
from kumppani.core.models import AuditEntry
from kumppani.grants.models import Application, ApplicationStatus, Criterion, GrantProgramme
from kumppani.grants.services import programmes as services
from tests import factories
from tests.grants import factories as grants
from tests.grants.refusals import field_codes

pytestmark = pytest.mark.django_db


def _formset(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(max(len(rows), 2)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


def _programme_data(**changes) -> dict:
    data = {
        "name_fi": "Kohdeavustus",
        "name_sv": "Projektunderstöd",
        "kind": "project",
        "year": "2027",
        "principles_fi": "Avustuksia myönnetään salolaisten hyvinvointia edistävään toimintaan.",
        "appropriation": "40 000",
        "max_amount": "5000",
        "opens_at": "2026-12-01T08:00",
        "closes_at": "2027-01-31T16:15",
        "requires_registered": "on",
        "requires_serving_body": "on",
        "required_attachments": ["rules", "budget"],
        **_formset(
            "criteria",
            [{"name_fi": "Vaikuttavuus", "weight": "3"}, {"name_fi": "Yhteistyö", "weight": "1"}],
        ),
        **_formset("questions", [{"text_fi": "Ketkä toimintaan osallistuvat?", "is_required": "on"}]),
    }
    data.update(changes)
    return data


@pytest.fixture
def salo():
    return factories.salo()


@pytest.fixture
def officer(salo):
    return factories.official(salo, "official")


def test_an_officer_creates_edits_and_publishes_a_programme(client, salo, officer):
    client.force_login(officer)
    response = client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data())
    programme = GrantProgramme.objects.get()
    assert response["Location"] == programme.get_absolute_url()
    assert not programme.is_published
    # 16.15 on 31 January in Helsinki is 14.15 UTC (winter time).
    assert programme.closes_at == dt.datetime(2027, 1, 31, 14, 15, tzinfo=dt.UTC)
    assert programme.appropriation == Decimal("40000.00")
    assert programme.required_attachments == ["rules", "budget"]
    assert [(c.name_fi, c.weight) for c in programme.criteria.all()] == [("Vaikuttavuus", 3), ("Yhteistyö", 1)]
    assert programme.questions.get().is_required
    assert AuditEntry.objects.filter(action="programme_created", object_id=str(programme.pk)).exists()

    # Not public before publishing.
    client.logout()
    assert client.get(programme.get_absolute_url()).status_code == 404
    assert programme.name_fi not in client.get(reverse("grants:programme_list")).content.decode()

    client.force_login(officer)
    criterion = programme.criteria.get(name_fi="Vaikuttavuus")
    edit = {key: value for key, value in _programme_data().items() if not key.startswith("criteria-")}
    edit["version"] = programme.version
    edit.update(
        _formset("criteria", [{"id": criterion.pk, "name_fi": "Vaikuttavuus ja tavoittavuus", "weight": "2"}], 1)
    )
    assert client.post(reverse("grants:programme_edit", args=[programme.pk]), edit).status_code == 302
    assert [(c.pk, c.name_fi, c.weight) for c in programme.criteria.all()] == [
        (criterion.pk, "Vaikuttavuus ja tavoittavuus", 2)
    ]
    changed = AuditEntry.objects.get(action="programme_updated", object_id=str(programme.pk))
    assert changed.actor == officer

    client.post(reverse("grants:programme_publish", args=[programme.pk]))
    programme.refresh_from_db()
    assert programme.is_published

    client.logout()
    page = client.get(programme.get_absolute_url())
    content = page.content.decode()
    assert "Avustuksia myönnetään salolaisten hyvinvointia" in content
    assert "31.1.2027" in content and "16.15" in content
    assert "Vaikuttavuus ja tavoittavuus" in content and "100 %" in content


SMALL = {"name_fi": "Pienavustus", "kind": "small", "year": 2027, "appropriation": Decimal("5000")}


def test_the_programme_names_one_of_the_bodys_own_sectors(client, salo, officer):
    youth = Sector.objects.create(body=salo, name_fi="Nuorisopalvelut", slug="nuoriso")
    culture = Sector.objects.create(body=salo, name_fi="Kulttuuripalvelut", slug="kulttuuri")
    elsewhere = Sector.objects.create(body=factories.municipality("837"), name_fi="Tampereen nuoriso", slug="nuoriso")
    client.force_login(officer)
    form = client.get(reverse("grants:programme_create", args=[salo.slug])).content.decode()
    assert "Nuorisopalvelut" in form and "Kulttuuripalvelut" in form and "Tampereen nuoriso" not in form

    # Another body's sector is refused and nothing is saved.
    response = client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data(sector=elsewhere.pk))
    assert response.status_code == 200 and response.context["form"].errors["sector"]
    assert not GrantProgramme.objects.exists()
    with pytest.raises(ValidationError) as refused:
        services.programme_create(
            body=salo,
            by=officer,
            data={**SMALL, "opens_at": timezone.now(), "sector": elsewhere},
            criteria=[{"name_fi": "Tarve", "weight": 1}],
            questions=[],
        )
    assert field_codes(refused.value) == {"sector": ["sector_of_other_body"]}

    client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data(sector=youth.pk))
    programme = GrantProgramme.objects.get()
    assert programme.sector == youth
    edit = {**_programme_data(sector=culture.pk), "version": programme.version}
    assert client.post(reverse("grants:programme_edit", args=[programme.pk]), edit).status_code == 302
    programme.refresh_from_db()
    assert programme.sector == culture
    # The history names the sectors, not their ids.
    changed = AuditEntry.objects.get(action="programme_updated", object_id=str(programme.pk))
    assert changed.changes["sector"] == ["Nuorisopalvelut", "Kulttuuripalvelut"]
    # No sector at all is fine: the welfare report counts it under "No sector named".
    edit = {**_programme_data(sector=""), "version": programme.version}
    assert client.post(reverse("grants:programme_edit", args=[programme.pk]), edit).status_code == 302
    programme.refresh_from_db()
    assert programme.sector is None

    # The programme API names the sector.
    rows = list(programme.criteria.values("id", "name_fi", "weight"))
    services.programme_update(programme=programme, by=officer, data={"sector": youth}, criteria=rows, questions=[])
    services.programme_publish(programme=programme, by=officer)
    client.logout()
    item = client.get(f"/api/v1/grant-programmes/{programme.pk}/").json()
    assert item["sector"] == "Nuorisopalvelut"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"closes_at": "2026-11-30T16:15"}, "closes_at"),
        ({"appropriation": "0"}, "appropriation"),
        ({"max_amount": "50 000"}, "max_amount"),
        ({"closes_at": ""}, "closes_at"),  # only small grants are open all year
    ],
)
def test_a_programme_that_breaks_a_rule_is_refused_and_nothing_is_saved(client, salo, officer, changes, field):
    client.force_login(officer)
    response = client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not GrantProgramme.objects.exists() and not Criterion.objects.exists()


def test_a_weight_below_one_is_refused(salo, officer):
    data = {
        "name_fi": "X",
        "kind": "small",
        "year": 2027,
        "appropriation": Decimal("100"),
        "opens_at": timezone.now(),
    }
    with pytest.raises(ValidationError) as refused:
        services.programme_create(
            body=salo, by=officer, data=data, criteria=[{"name_fi": "A", "weight": 0}], questions=[]
        )
    assert field_codes(refused.value) == {"criteria": ["invalid_weight"]}
    assert not GrantProgramme.objects.exists()


def test_a_small_grant_may_be_open_all_year(salo, officer):
    programme = services.programme_create(
        body=salo,
        by=officer,
        data={
            "name_fi": "Pienavustus",
            "kind": "small",
            "year": 2027,
            "appropriation": Decimal("5000"),
            "opens_at": timezone.now(),
        },
        criteria=[{"name_fi": "Tarve", "weight": 1}],
        questions=[],
    )
    services.programme_publish(programme=programme, by=officer)
    assert programme.is_open()


def test_a_programme_without_criteria_cannot_be_published(salo, officer):
    programme = grants.programme(salo, is_published=False)
    programme.criteria.all().delete()
    with pytest.raises(ValidationError) as refused:
        services.programme_publish(programme=programme, by=officer)
    assert refused.value.code == "no_criteria"
    programme.refresh_from_db()
    assert not programme.is_published


def test_another_bodys_official_cannot_manage_the_programme(client, salo):
    programme = grants.programme(salo, is_published=False)
    outsider = factories.official(factories.tampere(), "coordinator")
    with pytest.raises(PermissionDenied):
        services.programme_publish(programme=programme, by=outsider)
    client.force_login(outsider)
    assert client.get(reverse("grants:programme_create", args=[salo.slug])).status_code == 403
    assert client.post(reverse("grants:programme_create", args=[salo.slug]), _programme_data()).status_code == 403
    assert client.post(reverse("grants:programme_edit", args=[programme.pk]), _programme_data()).status_code == 403
    assert client.post(reverse("grants:programme_publish", args=[programme.pk])).status_code == 403
    assert client.get(programme.get_absolute_url()).status_code == 404
    programme.refresh_from_db()
    assert (programme.name_fi, programme.is_published) == ("Yleisavustus", False)
    assert GrantProgramme.objects.count() == 1


def test_the_bodys_grants_page_shows_drafts_to_its_officers_only(client, salo, officer):
    grants.programme(salo, "Julkaistu avustus")
    grants.programme(salo, "Keskeneräinen avustus", is_published=False)
    public = client.get(reverse("grants:body_programmes", args=[salo.slug])).content.decode()
    assert "Julkaistu avustus" in public and "Keskeneräinen avustus" not in public
    client.force_login(officer)
    own = client.get(reverse("grants:body_programmes", args=[salo.slug])).content.decode()
    assert "Keskeneräinen avustus" in own
    assert reverse("grants:programme_create", args=[salo.slug]) in own


def test_the_programme_list_shows_open_programmes_and_the_closed_ones_apart(client, salo):
    grants.programme(salo, "Avoin avustus")
    now = timezone.now()
    grants.programme(
        salo, "Päättynyt avustus", opens_at=now - dt.timedelta(days=90), closes_at=now - dt.timedelta(days=30)
    )
    open_page = client.get(reverse("grants:programme_list")).content.decode()
    assert "Avoin avustus" in open_page and "Päättynyt avustus" not in open_page
    closed = client.get(reverse("grants:programme_list"), {"show": "closed"}).content.decode()
    assert "Päättynyt avustus" in closed and "Avoin avustus" not in closed


def _list_queries(client, url, make, count: int) -> int:
    for _ in range(count):
        make()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_programme_list_query_count_does_not_grow(client, salo):
    bodies = [salo, factories.tampere(), factories.porvoo()]
    make = lambda: grants.programme(bodies[GrantProgramme.objects.count() % 3])  # noqa: E731
    url = reverse("grants:programme_list")
    assert _list_queries(client, url, make, 3) == _list_queries(client, url, make, 15)


def test_officers_application_list_query_count_does_not_grow(client, salo, officer):
    programme = grants.programme(salo)

    def make():
        org = factories.organisation(areas=[salo])
        grants.application(programme, org, status=ApplicationStatus.SUBMITTED)

    client.force_login(officer)
    url = reverse("grants:programme_applications", args=[programme.pk])
    assert _list_queries(client, url, make, 3) == _list_queries(client, url, make, 15)
    page = client.get(url)
    assert len(page.context["page"].object_list) == 18
    assert page.context["totals"]["total"] == Decimal("54000.00")


def test_the_bodys_grants_page_query_count_does_not_grow(client, salo, officer):
    client.force_login(officer)
    make = lambda: grants.programme(salo, is_published=GrantProgramme.objects.count() % 2 == 0)  # noqa: E731
    url = reverse("grants:body_programmes", args=[salo.slug])
    assert _list_queries(client, url, make, 3) == _list_queries(client, url, make, 15)


def test_our_applications_query_count_does_not_grow(client, salo):
    ngo = factories.organisation(areas=[salo])
    person = factories.representative(ngo)
    programmes = [grants.programme(salo), grants.programme(factories.tampere())]
    make = lambda: grants.application(programmes[Application.objects.count() % 2], ngo)  # noqa: E731
    client.force_login(person)
    url = reverse("grants:my_applications")
    assert _list_queries(client, url, make, 3) == _list_queries(client, url, make, 15)


def test_a_name_that_already_says_its_year_is_not_given_it_twice(client, salo):
    named = grants.programme(salo, "Kesäavustukset 2027", year=2027, name_sv="Sommarunderstöd 2027")
    plain = grants.programme(salo, "Yleisavustukset", year=2027)
    assert (named.title, plain.title, str(plain)) == (
        "Kesäavustukset 2027",
        "Yleisavustukset 2027",
        "Yleisavustukset 2027",
    )
    for url in (reverse("grants:programme", args=[named.pk]), reverse("grants:programme_list")):
        page = client.get(url).content.decode()
        assert "Kesäavustukset 2027" in page and "2027 2027" not in page
    sv = client.get(reverse("grants:programme", args=[named.pk]).replace("/fi/", "/sv/")).content.decode()
    assert "Sommarunderstöd 2027" in sv and "2027 2027" not in sv


def test_an_unpublished_programme_in_its_period_does_not_say_the_period_has_closed(client, salo, officer):
    programme = grants.programme(salo, "Kohdeavustukset", is_published=False)
    client.force_login(officer)
    page = client.get(reverse("grants:programme", args=[programme.pk])).content.decode()
    assert "Hakuaika on päättynyt" not in page
    assert "ei ole vielä julkaistu" in page
