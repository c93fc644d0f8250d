"""Service paths: the coordinator builds a path through the pages, residents read it, the NGO sees it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from kumppani.activities.models import PathStep, ServicePath
from kumppani.activities.paths import services as paths
from kumppani.core.models import AuditEntry
from tests import factories
from tests.activities.factories import activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def salo_world():
    salo = factories.salo()
    ngo = factories.organisation("Salon Seudun Muistiyhdistys ry", areas=[salo])
    group = activity(
        ngo,
        "Muistiperheiden vertaistukiryhmä",
        areas=[salo],
        places=[{"street_address": "Vilhonkatu 8", "postal_code": "24100", "municipality": salo}],
        times=[(1, "13:00", "15:00")],
    )
    return {"salo": salo, "ngo": ngo, "group": group, "coordinator": factories.official(salo, "coordinator")}


def _url(name, path=None, step=None, body=None):
    kwargs = {"body": body.slug if body else path.body.slug}
    if path is not None:
        kwargs["slug"] = path.slug
    if step is not None:
        kwargs["pk"] = step.pk
    return reverse(f"activities:{name}", kwargs=kwargs)


def _build(body, by, *, published=True, steps=(("public", "Muistihoitajan vastaanotto"),), activities=()):
    path = paths.path_create(body=body, by=by, data={"name_fi": "Ikääntyneen muistipolku"})
    made = [paths.step_add(path=path, by=by, data={"kind": kind, "title_fi": title}) for kind, title in steps]
    for item in activities:
        ngo_step = next(s for s in made if s.kind == "ngo")
        paths.activity_attach(step=ngo_step, by=by, activity=item)
    if published:
        paths.path_publish(path=path, by=by)
    return path


def test_coordinator_builds_and_publishes_a_path_through_the_pages(client, salo_world):
    salo, group = salo_world["salo"], salo_world["group"]
    client.force_login(salo_world["coordinator"])
    assert client.get(_url("manage_paths", body=salo)).status_code == 200

    response = client.post(
        _url("path_create", body=salo),
        {"name_fi": "Ikääntyneen muistipolku", "name_sv": "Minnesstigen", "description_fi": "Kun muisti huolettaa."},
    )
    path = ServicePath.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("path_edit", path)
    assert path.slug == "ikaantyneen-muistipolku" and not path.is_published

    response = client.post(
        _url("step_create", path),
        {"kind": "public", "title_fi": "Muistihoitajan vastaanotto", "link": "www.salo.fi/muistihoitaja"},
    )
    assert response["Location"] == _url("path_edit", path)
    response = client.post(_url("step_create", path), {"kind": "ngo", "title_fi": "Vertaistukea muistiperheille"})
    ngo_step = PathStep.objects.get(kind="ngo")
    assert response["Location"] == _url("step_activities", path, ngo_step)

    found = client.get(_url("step_activities", path, ngo_step), {"q": "vertaistuki"}).content.decode()
    assert "Muistiperheiden vertaistukiryhmä" in found
    response = client.post(
        _url("step_activities", path, ngo_step), {"activity": group.pk, "action": "attach", "q": "vertaistuki"}
    )
    assert response["Location"].endswith("?q=vertaistuki")
    assert list(ngo_step.activities.all()) == [group]

    client.post(_url("step_move", path, ngo_step), {"direction": "up"})
    assert list(path.steps.order_by("position").values_list("title_fi", flat=True)) == [
        "Vertaistukea muistiperheille",
        "Muistihoitajan vastaanotto",
    ]
    client.logout()
    assert client.get(path.get_absolute_url()).status_code == 404  # not yet published

    client.force_login(salo_world["coordinator"])
    client.post(_url("path_publish", path), {"publish": "1"})
    client.logout()
    page = client.get(path.get_absolute_url()).content.decode()
    assert page.index("Vertaistukea muistiperheille") < page.index("Muistihoitajan vastaanotto")
    assert "Muistiperheiden vertaistukiryhmä" in page and "Salon Seudun Muistiyhdistys ry" in page
    assert "Vilhonkatu 8" in page and "https://www.salo.fi/muistihoitaja" in page
    assert "Ikääntyneen muistipolku" in client.get(_url("paths", body=salo)).content.decode()
    assert "Ikääntyneen muistipolku" in client.get(salo.get_absolute_url()).content.decode()
    actions = set(AuditEntry.objects.filter(object_type="activities.servicepath").values_list("action", flat=True))
    assert actions == {"path_created", "step_added", "activity_attached", "step_moved", "path_published"}


def test_coordinator_edits_removes_and_unpublishes(client, salo_world):
    coordinator = salo_world["coordinator"]
    path = _build(
        salo_world["salo"],
        coordinator,
        steps=[("public", "Ensimmäinen"), ("ngo", "Toinen"), ("public", "Kolmas")],
        activities=[salo_world["group"]],
    )
    first, second, _third = path.steps.order_by("position")
    client.force_login(coordinator)
    assert client.get(_url("step_update", path, second)).status_code == 200
    response = client.post(_url("step_update", path, second), {"kind": "public", "title_fi": "Toinen, julkinen"})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.title_fi == "Toinen, julkinen" and not second.activities.exists()  # public steps have no NGOs

    assert client.get(_url("step_delete", path, first)).status_code == 200
    client.post(_url("step_delete", path, first))
    assert list(path.steps.order_by("position").values_list("position", "title_fi")) == [
        (1, "Toinen, julkinen"),
        (2, "Kolmas"),
    ]
    client.post(
        _url("path_update", path), {"name_fi": "Muistipolku", "description_fi": "Uusi kuvaus", "version": path.version}
    )
    client.post(_url("path_publish", path), {"publish": "0"})
    path.refresh_from_db()
    assert path.name_fi == "Muistipolku" and not path.is_published
    client.post(_url("path_delete", path))
    assert not ServicePath.objects.exists()
    salo_world["group"].refresh_from_db()  # the NGO activity itself stays


def test_the_coordinator_reads_who_changed_the_path_in_plain_words(client, salo_world):
    coordinator = salo_world["coordinator"]
    path = _build(salo_world["salo"], coordinator, steps=[("public", "Muistihoitajan vastaanotto")])
    step = path.steps.get()
    paths.step_update(step=step, by=coordinator, data={"kind": "ngo", "title_fi": "Vertaistukea muistiperheille"})
    paths.activity_attach(step=step, by=coordinator, activity=salo_world["group"])

    client.force_login(coordinator)
    assert _url("path_history", path) in client.get(_url("path_edit", path)).content.decode()
    page = client.get(_url("path_history", path)).content.decode()
    assert "Vaihetta muutettu" in page and "Palvelupolku julkaistu" in page
    # The step's own fields and values, not the keys they are stored under.
    assert "otsikko suomeksi" in page and "Julkinen palvelu → Järjestön toiminta" in page
    assert "järjestöjen toiminnat</strong>: – → Muistiperheiden vertaistukiryhmä" in page
    assert "steps." not in page and "title_fi" not in page
    assert "julkaistu</strong>: ei → kyllä" in page
    assert "linkki" not in page  # the step was added without a link: nothing to tell


def test_bad_input_changes_nothing(client, salo_world):
    path = _build(salo_world["salo"], salo_world["coordinator"], published=False, steps=[])
    client.force_login(salo_world["coordinator"])
    response = client.post(_url("step_create", path), {"kind": "nothing", "title_fi": "", "link": "not a link"})
    assert response.status_code == 200 and not path.steps.exists()
    assert response.context["form"].errors.keys() == {"kind", "title_fi", "link"}
    response = client.post(_url("path_create", body=salo_world["salo"]), {"name_fi": ""})
    assert response.status_code == 200 and ServicePath.objects.count() == 1
    response = client.post(_url("path_publish", path), {"publish": "1"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]  # "Add at least one step …"
    path.refresh_from_db()
    assert not path.is_published


def test_unpublished_paths_are_invisible_to_the_public(client, salo_world):
    path = _build(
        salo_world["salo"],
        salo_world["coordinator"],
        published=False,
        steps=[("ngo", "Vertaistuki")],
        activities=[salo_world["group"]],
    )
    assert client.get(path.get_absolute_url()).status_code == 404
    for url in (_url("paths", body=salo_world["salo"]), salo_world["salo"].get_absolute_url()):
        assert "Ikääntyneen muistipolku" not in client.get(url).content.decode()
    assert "Ikääntyneen muistipolku" not in client.get(salo_world["ngo"].get_absolute_url()).content.decode()
    client.force_login(factories.official(factories.tampere(), "coordinator"))
    assert client.get(path.get_absolute_url()).status_code == 404
    client.force_login(salo_world["coordinator"])
    with translation.override("en"):
        preview = client.get(path.get_absolute_url()).content.decode()
    assert "Preview: this path is not public yet." in preview and "Vertaistuki" in preview


def _protected(path, step):
    return [
        ("get", _url("manage_paths", body=path.body)),
        ("get", _url("path_create", body=path.body)),
        ("post", _url("path_create", body=path.body)),
        ("get", _url("path_edit", path)),
        ("get", _url("path_history", path)),
        ("get", _url("path_update", path)),
        ("post", _url("path_update", path)),
        ("post", _url("path_publish", path)),
        ("get", _url("path_delete", path)),
        ("post", _url("path_delete", path)),
        ("get", _url("step_create", path)),
        ("post", _url("step_create", path)),
        ("get", _url("step_update", path, step)),
        ("post", _url("step_update", path, step)),
        ("post", _url("step_move", path, step)),
        ("get", _url("step_delete", path, step)),
        ("post", _url("step_delete", path, step)),
        ("get", _url("step_activities", path, step)),
        ("post", _url("step_activities", path, step)),
    ]


@pytest.mark.parametrize("actor", ["anonymous", "NGO representative", "coordinator of another body", "Salo official"])
def test_outsiders_are_refused_and_nothing_changes(client, salo_world, actor):
    path = _build(salo_world["salo"], salo_world["coordinator"], steps=[("ngo", "Vertaistuki"), ("public", "Kela")])
    step = path.steps.get(kind="ngo")
    person = {
        "anonymous": None,
        "NGO representative": factories.representative(salo_world["ngo"], role="admin"),
        "coordinator of another body": factories.official(factories.tampere(), "coordinator"),
        "Salo official": factories.official(salo_world["salo"], "official"),
    }[actor]
    if person:
        client.force_login(person)
    before = (
        AuditEntry.objects.count(),
        list(ServicePath.objects.values()),
        list(PathStep.objects.values()),
        list(PathStep.activities.through.objects.values()),
    )
    data = {
        "name_fi": "Kaapattu",
        "kind": "ngo",
        "title_fi": "Kaapattu",
        "publish": "0",
        "direction": "down",
        "activity": salo_world["group"].pk,
        "action": "attach",
    }
    for method, url in _protected(path, step):
        response = getattr(client, method)(url, data if method == "post" else None)
        if person is None:
            assert response.status_code == 302 and "/kirjaudu/" in response["Location"], url
        else:
            assert response.status_code == 403, (method, url, response.status_code)
    after = (
        AuditEntry.objects.count(),
        list(ServicePath.objects.values()),
        list(PathStep.objects.values()),
        list(PathStep.activities.through.objects.values()),
    )
    assert after == before
    if person:
        with pytest.raises(PermissionDenied):
            paths.step_add(path=path, by=person, data={"kind": "public", "title_fi": "x"})


def test_platform_admin_may_manage_any_body(client, salo_world):
    client.force_login(factories.user(is_staff=True))
    response = client.post(_url("path_create", body=salo_world["salo"]), {"name_fi": "Ylläpidon polku"})
    assert response.status_code == 302 and ServicePath.objects.filter(name_fi="Ylläpidon polku").exists()


def test_only_active_activities_offered_to_the_bodys_residents_can_be_attached(client, salo_world):
    salo, tampere = salo_world["salo"], factories.tampere()
    path = _build(salo, salo_world["coordinator"], published=False, steps=[("ngo", "Vertaistuki"), ("public", "Kela")])
    step, public_step = path.steps.get(kind="ngo"), path.steps.get(kind="public")
    far = activity(
        factories.organisation("Tampereen Muistiyhdistys ry", areas=[tampere]),
        "Tampereen muistikahvila",
        areas=[tampere],
    )
    paused = activity(salo_world["ngo"], "Tauolla oleva muistikahvila", areas=[salo], status="paused")
    county_wide = activity(
        factories.organisation("Varsinais-Suomen Muistiyhdistys ry", areas=[salo.county]),
        "Maakunnan muistikahvila",
        areas=[salo.county],
    )
    client.force_login(salo_world["coordinator"])
    listing = client.get(_url("step_activities", path, step), {"q": "muistikahvila"}).content.decode()
    assert "Maakunnan muistikahvila" in listing
    assert "Tampereen muistikahvila" not in listing and "Tauolla oleva" not in listing

    for refused in (far, paused):
        response = client.post(
            _url("step_activities", path, step), {"activity": refused.pk, "action": "attach"}, follow=True
        )
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
        assert refused.name in response.content.decode()  # the message names the activity
    assert not step.activities.exists()
    with pytest.raises(ValidationError) as error:
        paths.activity_attach(step=step, by=salo_world["coordinator"], activity=far)
    assert error.value.code == "not_offered"
    with pytest.raises(ValidationError) as error:
        paths.activity_attach(step=public_step, by=salo_world["coordinator"], activity=salo_world["group"])
    assert error.value.code == "not_ngo_step"

    client.post(_url("step_activities", path, step), {"activity": county_wide.pk, "action": "attach"})
    assert list(step.activities.all()) == [county_wide]
    client.post(_url("step_activities", path, step), {"activity": county_wide.pk, "action": "detach"})
    assert not step.activities.exists()


def test_a_dissolved_ngos_activity_leaves_the_public_path(client, salo_world):
    path = _build(
        salo_world["salo"],
        salo_world["coordinator"],
        steps=(("ngo", "Vertaistukea muistiperheille"),),
        activities=[salo_world["group"]],
    )
    assert "Muistiperheiden vertaistukiryhmä" in client.get(_url("path", path)).content.decode()
    salo_world["ngo"].status = "dissolved"
    salo_world["ngo"].save()
    assert "Muistiperheiden vertaistukiryhmä" not in client.get(_url("path", path)).content.decode()
    assert paths_listed(salo_world["salo"]) == [(path.pk, 0)]


def paths_listed(body):
    from kumppani.activities.paths import queries

    return [(p.pk, p.activity_count) for p in queries.body_paths(body)]


def test_a_county_path_takes_activities_of_its_municipalities(salo_world):
    county = salo_world["salo"].county
    coordinator = factories.official(county, "coordinator")
    path = _build(county, coordinator, steps=[("ngo", "Vertaistuki")], activities=[salo_world["group"]])
    assert list(path.steps.get().activities.all()) == [salo_world["group"]]


def test_the_ngo_sees_the_paths_its_activities_are_used_on(client, salo_world):
    path = _build(
        salo_world["salo"],
        salo_world["coordinator"],
        steps=[("public", "Muistihoitaja"), ("ngo", "Vertaistukea muistiperheille")],
        activities=[salo_world["group"]],
    )
    client.force_login(factories.representative(salo_world["ngo"]))
    page = client.get(salo_world["ngo"].get_absolute_url()).content.decode()
    assert 'id="used-on-paths-title"' in page
    assert path.get_absolute_url() in page
    assert "Vertaistukea muistiperheille" in page and "Muistiperheiden vertaistukiryhmä" in page
    other = factories.organisation("Toinen ry", areas=[salo_world["salo"]])
    assert path.get_absolute_url() not in client.get(other.get_absolute_url()).content.decode()


def test_the_path_page_is_in_swedish_for_swedish_readers(client, salo_world):
    path = _build(salo_world["salo"], salo_world["coordinator"], published=False, steps=[])
    paths.path_update(path=path, by=salo_world["coordinator"], data={"name_sv": "Minnesstigen för äldre"})
    paths.step_add(
        path=path,
        by=salo_world["coordinator"],
        data={"kind": "public", "title_fi": "Muistihoitaja", "title_sv": "Minnesskötaren"},
    )
    paths.path_publish(path=path, by=salo_world["coordinator"])
    with translation.override("sv"):
        page = client.get(path.get_absolute_url()).content.decode()
    assert "Minnesstigen för äldre" in page and "Minnesskötaren" in page


# Query counts: the pages do not issue more queries for longer paths or more activities.


def _grow(world, path, n_steps: int, per_step: int):
    step_numbers = path.steps.count()
    for n in range(step_numbers, n_steps):
        step = paths.step_add(path=path, by=world["coordinator"], data={"kind": "ngo", "title_fi": f"Vaihe {n}"})
        for m in range(per_step):
            item = activity(
                world["ngo"],
                f"Ryhmä {n}-{m}",
                areas=[world["salo"]],
                places=[{"street_address": f"Katu {m}", "postal_code": "24100", "municipality": world["salo"]}],
                times=[(m % 7, "10:00", "12:00"), ((m + 2) % 7, "17:00", "19:00")],
            )
            paths.activity_attach(step=step, by=world["coordinator"], activity=item)


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_public_path_page_query_count_does_not_grow(client, salo_world):
    path = _build(salo_world["salo"], salo_world["coordinator"], steps=[("public", "Alku")])
    _grow(salo_world, path, 2, 1)
    few = _count(client, path.get_absolute_url())
    _grow(salo_world, path, 8, 4)
    assert _count(client, path.get_absolute_url()) == few


def test_coordinator_pages_query_count_does_not_grow(client, salo_world):
    path = _build(salo_world["salo"], salo_world["coordinator"], steps=[("public", "Alku")])
    _grow(salo_world, path, 2, 1)
    client.force_login(salo_world["coordinator"])
    step = path.steps.get(position=2)
    urls = [
        _url("path_edit", path),
        _url("path_history", path),
        _url("step_activities", path, step),
        _url("manage_paths", body=path.body),
    ]
    few = [_count(client, url) for url in urls]
    _grow(salo_world, path, 8, 4)
    for n in range(5):
        activity(salo_world["ngo"], f"Vapaa ryhmä {n}", areas=[salo_world["salo"]], times=[(1, "10:00", "11:00")])
        _build(salo_world["salo"], salo_world["coordinator"], published=n % 2 == 0, steps=[("public", "Alku")])
    assert [_count(client, url) for url in urls] == few


def test_body_path_list_query_count_does_not_grow(client, salo_world):
    salo = salo_world["salo"]
    _build(salo, salo_world["coordinator"])
    urls = [_url("paths", body=salo), salo.get_absolute_url()]
    few = [_count(client, url) for url in urls]
    for _n in range(8):
        path = _build(salo, salo_world["coordinator"], steps=[("public", "Alku"), ("ngo", "Tuki")])
        paths.activity_attach(
            step=path.steps.get(kind="ngo"), by=salo_world["coordinator"], activity=salo_world["group"]
        )
    assert [_count(client, url) for url in urls] == few


def test_ngo_profile_query_count_does_not_grow_with_its_paths(client, salo_world):
    _build(salo_world["salo"], salo_world["coordinator"], steps=[("ngo", "Tuki")], activities=[salo_world["group"]])
    url = salo_world["ngo"].get_absolute_url()
    few = _count(client, url)
    for _n in range(6):
        _build(salo_world["salo"], salo_world["coordinator"], steps=[("ngo", "Tuki")], activities=[salo_world["group"]])
    assert _count(client, url) == few
