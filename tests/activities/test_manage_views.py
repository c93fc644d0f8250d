"""The pages where an NGO publishes and keeps its activities current, walked as its people use them,
and the coordinator's list of out-of-date activities. Outsiders are refused and change nothing."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.activities.models import Activity, ScheduleRule
from kumppani.core.models import AuditEntry
from tests import factories
from tests.activities.factories import activity as make_activity
from tests.html_form import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The pages are read in English (/en/…), so that the tests say what a user reads."""
    with translation.override("en"):
        yield


@pytest.fixture
def world():
    salo = factories.salo()
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    return {
        "salo": salo,
        "ngo": ngo,
        "representative": factories.representative(ngo, name="Riikka Edustaja"),
        "coordinator": factories.official(salo, role="coordinator"),
    }


def url(name, ngo, activity=None):
    kwargs = {"slug": ngo.slug}
    if activity is not None:
        kwargs["activity"] = activity.slug
    return reverse(f"activities:{name}", kwargs=kwargs)


def page_text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_representative_publishes_edits_and_confirms_an_activity(client, world):
    ngo, salo = world["ngo"], world["salo"]
    client.force_login(world["representative"])

    # From the dashboard to "Our activities", empty at first.
    assert url("manage", ngo) in page_text(client.get(reverse("core:dashboard")))
    assert "No activities yet" in page_text(client.get(url("manage", ngo)))

    # Publish: the activity, one place and one weekly time at that place, as the browser sends them.
    data = form_values(page_text(client.get(url("create", ngo))), css_class="activity-form")
    assert data["areas"] == str(salo.pk)  # the NGO's own area is chosen to begin with
    data.update(
        {
            "name_fi": "Omaishoitajien vertaisryhmä",
            "short_description_fi": "Jaetaan kokemuksia ja levähdetään hetki.",
            "kind": "peer_support",
            "places-0-street_address": "Vilhonkatu 8",
            "places-0-postal_code": "24100",
            "places-0-municipality": str(salo.pk),
            "places-0-is_accessible": "on",
            "times-0-weekday": "1",
            "times-0-start_time": "17:00",
            "times-0-end_time": "19:00",
            "times-0-place": "0",
        }
    )
    response = client.post(url("create", ngo), data)
    assert response.status_code == 302 and response["Location"] == url("manage", ngo)
    activity = Activity.objects.get(organisation=ngo)
    assert activity.name_fi == "Omaishoitajien vertaisryhmä"
    assert activity.is_accessible
    rule = activity.schedule_rules.get()
    assert (rule.weekday, rule.start_time, rule.end_time, rule.place) == (
        1,
        dt.time(17),
        dt.time(19),
        activity.places.get(),
    )
    listing = page_text(client.get(url("manage", ngo)))
    assert "Omaishoitajien vertaisryhmä" in listing and "Needs confirmation" not in listing

    # Edit: rename it and add a second time in an empty row; the place stays the same place.
    place_uuid = activity.places.get().uuid
    data = form_values(page_text(client.get(url("edit", ngo, activity))), css_class="activity-form")
    assert data["places-0-uuid"] == str(place_uuid)
    data.update(
        {
            "name_fi": "Omaishoitajien ilta",
            "times-1-weekday": "3",
            "times-1-start_time": "10:00",
            "times-1-end_time": "11:30",
        }
    )
    response = client.post(url("edit", ngo, activity), data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.name_fi == "Omaishoitajien ilta"
    assert activity.places.get().uuid == place_uuid
    assert sorted((r.weekday, r.start_time) for r in activity.schedule_rules.all()) == [
        (1, dt.time(17)),
        (3, dt.time(10)),
    ]

    # Half a year later the list asks for a confirmation; the page the e-mail links to confirms it.
    Activity.objects.filter(pk=activity.pk).update(confirmed_at=timezone.now() - dt.timedelta(days=200))
    assert "Needs confirmation" in page_text(client.get(url("manage", ngo)))
    assert "Omaishoitajien ilta" in page_text(client.get(url("confirm", ngo, activity)))
    response = client.post(url("confirm", ngo, activity))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert not activity.needs_confirmation and activity.confirmed_by == world["representative"]
    assert "Needs confirmation" not in page_text(client.get(url("manage", ngo)))

    # Pause it, then start it again.
    client.post(url("set_status", ngo, activity), {"status": "paused"})
    assert Activity.objects.get(pk=activity.pk).status == "paused"
    client.post(url("set_status", ngo, activity), {"status": "active"})
    assert Activity.objects.get(pk=activity.pk).status == "active"
    actions = list(
        AuditEntry.objects.filter(object_type="activities.activity", object_id=str(activity.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["activity_published", "updated", "activity_confirmed", "status_changed", "status_changed"]


def test_confirm_all_from_the_list(client, world):
    ngo = world["ngo"]
    old = [make_activity(ngo, f"Ryhmä {n}", confirmed_days_ago=250) for n in range(3)]
    client.force_login(world["representative"])
    listing = page_text(client.get(url("manage", ngo)))
    assert "3 activities need your confirmation" in listing
    response = client.post(url("confirm_all", ngo), follow=True)
    assert "3 activities are marked as current" in page_text(response)
    assert not any(Activity.objects.get(pk=a.pk).needs_confirmation for a in old)


def test_bad_input_is_explained_and_nothing_is_saved(client, world):
    ngo, salo = world["ngo"], world["salo"]
    client.force_login(world["representative"])
    data = form_values(page_text(client.get(url("create", ngo))), css_class="activity-form")
    data.update(
        {
            "name_fi": "Iltaryhmä",
            "kind": "support_group",
            "is_free": "",
            "places-0-street_address": "Vilhonkatu 8",
            "places-0-postal_code": "241",
            "places-0-municipality": str(salo.pk),
            "times-0-weekday": "1",
            "times-0-start_time": "19:00",
            "times-0-end_time": "17:00",
        }
    )
    data.pop("is_free")
    content = page_text(client.post(url("create", ngo), data))
    assert "There is a problem" in content
    assert "The end must be after the start." in content
    assert "A postal code has five digits, e.g. 24100." in content
    assert "Give the fee in euros, or mark the activity as free of charge." in content
    assert Activity.objects.count() == 0


def test_the_domain_rules_are_shown_on_the_form(client, world):
    """A rule only the whole activity can tell (a place or online) comes back above the form."""
    ngo = world["ngo"]
    client.force_login(world["representative"])
    data = form_values(page_text(client.get(url("create", ngo))), css_class="activity-form")
    data.update({"name_fi": "Neuvonta", "kind": "advice", "schedule_kind": "by_appointment"})
    content = page_text(client.post(url("create", ngo), data))
    assert "Give at least one place where the activity meets, or mark it as online." in content
    assert Activity.objects.count() == 0


def test_coordinator_edits_an_ngos_activity(client, world):
    activity = make_activity(
        world["ngo"],
        "Kerho",
        areas=[world["salo"]],
        places=[{"street_address": "Katu 1", "postal_code": "24100", "municipality": world["salo"]}],
        times=[(2, "12:00", "13:00")],
    )
    client.force_login(world["coordinator"])
    data = form_values(page_text(client.get(url("edit", world["ngo"], activity))), css_class="activity-form")
    data["name_fi"] = "Keskiviikkokerho"
    assert client.post(url("edit", world["ngo"], activity), data).status_code == 302
    assert Activity.objects.get(pk=activity.pk).name_fi == "Keskiviikkokerho"


def test_removing_a_place_and_a_time(client, world):
    salo = world["salo"]
    activity = make_activity(
        world["ngo"],
        "Kahvila",
        areas=[salo],
        places=[
            {"street_address": "Katu 1", "postal_code": "24100", "municipality": salo},
            {"street_address": "Tori 2", "postal_code": "24100", "municipality": salo},
        ],
        times=[(0, "12:00", "13:00"), (4, "12:00", "13:00")],
    )
    client.force_login(world["representative"])
    data = form_values(page_text(client.get(url("edit", world["ngo"], activity))), css_class="activity-form")
    data.update({"places-1-DELETE": "on", "times-0-DELETE": "on"})
    assert client.post(url("edit", world["ngo"], activity), data).status_code == 302
    assert [p.street_address for p in activity.places.all()] == ["Katu 1"]
    assert [r.weekday for r in ScheduleRule.objects.filter(activity=activity)] == [4]


# The coordinator's view ----------------------------------------------------------------------


def test_coordinator_sees_what_is_out_of_date_per_ngo(client, world):
    salo, ngo = world["salo"], world["ngo"]
    other = factories.organisation("Salon Muistiyhdistys ry", areas=[salo])
    elsewhere = factories.organisation("Tampereen Seura ry", areas=[factories.tampere()])
    make_activity(ngo, "Vanha ryhmä", confirmed_days_ago=400)
    make_activity(ngo, "Puolivanha ryhmä", confirmed_days_ago=200)
    make_activity(ngo, "Tuore ryhmä", confirmed_days_ago=10)
    make_activity(ngo, "Loppunut ryhmä", status="ended", confirmed_days_ago=800)
    make_activity(other, "Muistikahvila", confirmed_days_ago=500)
    make_activity(elsewhere, "Tampereen ryhmä", confirmed_days_ago=500)
    client.force_login(world["coordinator"])
    report = reverse("activities:stale_report", kwargs={"body": salo.slug})
    assert report in page_text(client.get(reverse("core:dashboard")))
    content = page_text(client.get(report))
    for name in (
        "Vanha ryhmä",
        "Puolivanha ryhmä",
        "Muistikahvila",
        "Salon Omaishoitajat ry",
        "Salon Muistiyhdistys ry",
    ):
        assert name in content
    for name in ("Tuore ryhmä", "Loppunut ryhmä", "Tampereen ryhmä", "Tampereen Seura ry"):
        assert name not in content
    response = client.get(report)
    assert (response.context["report"].stale, response.context["report"].soon_stale) == (2, 1)
    groups = {o.name: (o.stale_count, o.soon_stale_count) for o in response.context["report"].page.object_list}
    assert groups == {"Salon Omaishoitajat ry": (1, 1), "Salon Muistiyhdistys ry": (1, 0)}


def test_a_county_coordinator_sees_its_municipalities_ngos(client, world):
    county = world["salo"].county
    make_activity(world["ngo"], "Vanha ryhmä", confirmed_days_ago=400)
    client.force_login(factories.official(county, role="coordinator"))
    content = page_text(client.get(reverse("activities:stale_report", kwargs={"body": county.slug})))
    assert "Vanha ryhmä" in content


def _bulk_ngos(salo, start, count):
    for n in range(start, start + count):
        ngo = factories.organisation(f"Yhdistys {n:03d} ry", areas=[salo])
        make_activity(
            ngo,
            f"Ryhmä {n}",
            confirmed_days_ago=400,
            places=[{"street_address": "Katu 1", "postal_code": "24100", "municipality": salo}],
            times=[(1, "10:00", "11:00")],
        )
        make_activity(ngo, f"Kerho {n}", confirmed_days_ago=200)


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_stale_report_does_not_grow_in_queries_with_the_ngos(client, world):
    client.force_login(world["coordinator"])
    path = reverse("activities:stale_report", kwargs={"body": world["salo"].slug})
    _bulk_ngos(world["salo"], 0, 3)
    few = _queries(client, path)
    _bulk_ngos(world["salo"], 3, 20)
    assert _queries(client, path) == few


def test_our_activities_does_not_grow_in_queries_with_the_activities(client, world):
    salo, ngo = world["salo"], world["ngo"]
    client.force_login(world["representative"])

    def add(start, count):
        for n in range(start, start + count):
            make_activity(
                ngo,
                f"Ryhmä {n}",
                places=[{"street_address": "Katu 1", "postal_code": "24100", "municipality": salo}],
                times=[(1, "10:00", "11:00")],
                confirmed_days_ago=n * 20,
            )

    add(0, 3)
    few = _queries(client, url("manage", ngo))
    add(3, 20)
    assert _queries(client, url("manage", ngo)) == few


# The NGO's profile ---------------------------------------------------------------------------


def test_the_ngo_profile_lists_its_current_activities(client, world):
    ngo = world["ngo"]
    current = make_activity(ngo, "Vertaisryhmä", times=[(1, "17:00", "19:00")])
    make_activity(ngo, "Tauolla oleva", status="paused")
    make_activity(ngo, "Vanhentunut", confirmed_days_ago=400)
    content = page_text(client.get(ngo.get_absolute_url()))
    assert current.get_absolute_url() in content
    assert "Tauolla oleva" not in content and "Vanhentunut" not in content
    assert url("manage", ngo) not in content  # only for those who keep them
    client.force_login(world["representative"])
    content = page_text(client.get(ngo.get_absolute_url()))
    assert url("manage", ngo) in content


# Outsiders -----------------------------------------------------------------------------------


def _protected(world, activity):
    ngo, body = world["ngo"], world["salo"]
    return [
        ("get", url("manage", ngo)),
        ("get", url("create", ngo)),
        ("post", url("create", ngo)),
        ("post", url("confirm_all", ngo)),
        ("get", url("edit", ngo, activity)),
        ("post", url("edit", ngo, activity)),
        ("get", url("history", ngo, activity)),
        ("get", url("confirm", ngo, activity)),
        ("post", url("confirm", ngo, activity)),
        ("post", url("set_status", ngo, activity)),
        ("get", reverse("activities:stale_report", kwargs={"body": body.slug})),
    ]


@pytest.mark.parametrize(
    "who", ["anonymous", "another NGO's representative", "another body's coordinator", "official of the body"]
)
def test_outsiders_are_refused_and_nothing_changes(client, world, who):
    person = {
        "anonymous": lambda: None,
        "another NGO's representative": lambda: factories.representative(
            factories.organisation(areas=[factories.tampere()])
        ),
        "another body's coordinator": lambda: factories.official(factories.tampere(), role="coordinator"),
        "official of the body": lambda: factories.official(world["salo"], role="official"),
    }[who]()
    activity = make_activity(world["ngo"], "Ryhmä", confirmed_days_ago=300)
    if person is not None:
        client.force_login(person)
    before = Activity.objects.values().get(pk=activity.pk)
    audit_before = AuditEntry.objects.count()
    for method, path in _protected(world, activity):
        response = getattr(client, method)(
            path, {"name_fi": "Kaapattu", "status": "ended"} if method == "post" else None
        )
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], path
        else:
            assert response.status_code == 403, (method, path, response.status_code)
    assert Activity.objects.values().get(pk=activity.pk) == before
    assert Activity.objects.count() == 1
    assert AuditEntry.objects.count() == audit_before


def test_an_activity_of_another_ngo_is_not_found_under_this_one(client, world):
    other = factories.organisation("Toinen ry", areas=[world["salo"]])
    theirs = make_activity(other, "Heidän ryhmänsä")
    client.force_login(world["representative"])
    assert client.get(url("edit", world["ngo"], theirs)).status_code == 404
    assert client.post(url("set_status", world["ngo"], theirs), {"status": "ended"}).status_code == 404
    assert Activity.objects.get(pk=theirs.pk).status == "active"
