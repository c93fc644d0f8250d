"""Reading the NGO register through /api/v1/organisations/: public, filtered, searched, without N+1."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kumppani.core.models import Language, PublicBody, Term
from kumppani.organisations.models import ContactPerson, Organisation, OrganisationStatus

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_list_shows_public_ngos_without_a_token(api_client, make_organisation):
    active = make_organisation("Turun Mielenterveysseura")
    dormant = make_organisation("Uinuva yhdistys", status=OrganisationStatus.DORMANT)
    make_organisation("Lakannut yhdistys", status=OrganisationStatus.DISSOLVED)
    duplicate = make_organisation("Tupla")
    Organisation.objects.filter(pk=duplicate.pk).update(merged_into=active)

    response = api_client.get("/api/v1/organisations/")
    assert set(slugs(response)) == {active.slug, dormant.slug}
    assert response.json()["count"] == 2


def test_detail_has_translated_fields_relations_and_identifiers(api_client, make_organisation):
    organisation = make_organisation(
        "Turun Mielenterveysseura",
        name_sv="Åbo mentalvårdsförening",
        short_description_fi="Vertaistukea Turussa.",
        business_id="0201256-6",
        areas=["turku", "kaarina"],
        themes=["mielenterveys", "vertaistuki"],
        target_groups=["nuoret"],
        languages=["fi", "sv"],
    )
    response = api_client.get(f"/api/v1/organisations/{organisation.slug}/", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    data = response.json()
    assert data["name"] == {"fi": "Turun Mielenterveysseura", "sv": "Åbo mentalvårdsförening", "en": None}
    assert data["short_description"] == {"fi": "Vertaistukea Turussa.", "sv": None, "en": None}
    assert data["description"] == {"fi": None, "sv": None, "en": None}
    assert sorted(data["areas"]) == ["kaarina", "turku"]
    assert data["themes"] == ["mielenterveys", "vertaistuki"]
    assert data["target_groups"] == ["nuoret"]
    assert data["languages"] == ["fi", "sv"]
    assert data["uuid"] == str(organisation.uuid)
    assert data["business_id"] == "0201256-6"
    assert data["org_identifier"] == "FI-PRO-0201256-6"
    assert data["verified"] is False
    assert data["status"] == "active"
    assert data["updated_at"]
    assert data["url"] == f"http://testserver/fi/jarjestot/{organisation.slug}/"


def test_dissolved_ngo_keeps_its_address_and_merged_one_redirects(api_client, make_organisation):
    keep = make_organisation("Säilyvä")
    dissolved = make_organisation("Lakannut", status=OrganisationStatus.DISSOLVED)
    duplicate = make_organisation("Tupla")
    Organisation.objects.filter(pk=duplicate.pk).update(merged_into=keep)

    assert api_client.get(f"/api/v1/organisations/{dissolved.slug}/").json()["status"] == "dissolved"
    response = api_client.get(f"/api/v1/organisations/{duplicate.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver/api/v1/organisations/{keep.slug}/"
    assert api_client.get("/api/v1/organisations/ei-ole/").status_code == 404


def test_filter_by_body_includes_ngos_of_its_county(api_client, make_organisation):
    in_turku = make_organisation("Turkulainen", areas=["turku"])
    county_wide = make_organisation("Koko Varsinais-Suomi", areas=["varsinais-suomen-hyvinvointialue"])
    in_kaarina = make_organisation("Kaarinalainen", areas=["kaarina"])
    make_organisation("Helsinkiläinen", areas=["helsinki"])

    turku = set(slugs(api_client.get("/api/v1/organisations/", {"body": "turku"})))
    assert turku == {in_turku.slug, county_wide.slug}
    county = set(slugs(api_client.get("/api/v1/organisations/", {"body": "varsinais-suomen-hyvinvointialue"})))
    assert county == {in_turku.slug, county_wide.slug, in_kaarina.slug}


def test_filter_by_themes_requires_every_theme(api_client, make_organisation):
    both = make_organisation("Molemmat", themes=["mielenterveys", "vertaistuki"])
    one = make_organisation("Yksi", themes=["mielenterveys"])
    make_organisation("Ei kumpaakaan", themes=["liikunta"])

    assert set(slugs(api_client.get("/api/v1/organisations/", {"theme": "mielenterveys"}))) == {both.slug, one.slug}
    query = "theme=mielenterveys&theme=vertaistuki"
    assert slugs(api_client.get(f"/api/v1/organisations/?{query}")) == [both.slug]


def test_filter_by_target_group_language_status_and_verified(api_client, make_organisation):
    young = make_organisation("Nuorten yhdistys", target_groups=["nuoret"], languages=["fi", "sv"])
    old = make_organisation("Eläkeläiset", target_groups=["ikaantyneet"], status=OrganisationStatus.DORMANT)
    Organisation.objects.filter(pk=old.pk).update(verified_at=timezone.now())

    assert slugs(api_client.get("/api/v1/organisations/", {"target_group": "nuoret"})) == [young.slug]
    assert slugs(api_client.get("/api/v1/organisations/", {"language": "sv"})) == [young.slug]
    assert slugs(api_client.get("/api/v1/organisations/", {"status": "dormant"})) == [old.slug]
    assert slugs(api_client.get("/api/v1/organisations/", {"verified": "true"})) == [old.slug]
    assert slugs(api_client.get("/api/v1/organisations/", {"verified": "false"})) == [young.slug]


@pytest.mark.parametrize(
    "params",
    [{"body": "atlantis"}, {"theme": "nuoret"}, {"target_group": "ei-ole"}, {"language": "xx"}, {"status": "x"}],
)
def test_unknown_filter_value_is_400_naming_the_parameter(api_client, params):
    response = api_client.get("/api/v1/organisations/", params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert list(response.json()) == list(params)


def test_search_finds_word_forms_in_any_language(api_client, make_organisation):
    peer = make_organisation(
        "Turun Mielenterveysseura", description_fi="Vertaistukiryhmiä ja vertaistukea masentuneille."
    )
    swedish = make_organisation("Åbo förening", name_sv="Åbo förening", description_sv="Kamratstöd för unga.")
    make_organisation("Kaarinan Liikuntaseura", description_fi="Sählyä ja lentopalloa.")

    # The own words first, then the same concept in the other language (vertaistuki = kamratstöd).
    assert slugs(api_client.get("/api/v1/organisations/", {"q": "vertaistukea"})) == [peer.slug, swedish.slug]
    assert slugs(api_client.get("/api/v1/organisations/", {"q": "kamratstöd"})) == [swedish.slug, peer.slug]
    assert slugs(api_client.get("/api/v1/organisations/", {"q": "mielenterv"})) == [peer.slug]  # while typing
    assert slugs(api_client.get("/api/v1/organisations/", {"q": "sukellus"})) == []


def test_search_combines_with_filters(api_client, make_organisation):
    make_organisation("Turun vertaistuki", areas=["turku"])
    in_helsinki = make_organisation("Helsingin vertaistuki", areas=["helsinki"])
    response = api_client.get("/api/v1/organisations/", {"q": "vertaistuki", "body": "helsinki"})
    assert slugs(response) == [in_helsinki.slug]


def test_ordering(api_client, make_organisation):
    for name in ["Öljyvahinkojen tuki", "Apu ry", "Ääneen ry", "Zeta ry"]:
        make_organisation(name)
    latest = make_organisation("Bertta ry")

    names = [row["name"]["fi"] for row in api_client.get("/api/v1/organisations/").json()["results"]]
    assert names == ["Apu ry", "Bertta ry", "Zeta ry", "Ääneen ry", "Öljyvahinkojen tuki"]
    reverse = api_client.get("/api/v1/organisations/", {"ordering": "-name"}).json()["results"]
    assert [row["name"]["fi"] for row in reverse] == names[::-1]
    assert slugs(api_client.get("/api/v1/organisations/", {"ordering": "-updated_at"}))[0] == latest.slug


# Contact persons ----------------------------------------------------------------------------


@pytest.fixture
def with_contact(make_organisation):
    organisation = make_organisation("Turun Mielenterveysseura", areas=["turku"])
    ContactPerson.objects.create(organisation=organisation, name="Maija Meikäläinen", role="puheenjohtaja")
    return organisation


def test_contact_persons_are_hidden_from_anonymous(api_client, with_contact):
    data = api_client.get(f"/api/v1/organisations/{with_contact.slug}/").json()
    assert "contact_persons" not in data


def test_contact_persons_are_hidden_from_an_official_of_another_body(api_client, with_contact, make_user, body):
    api_client.force_login(make_user(official=body("helsinki")))
    data = api_client.get(f"/api/v1/organisations/{with_contact.slug}/").json()
    assert "contact_persons" not in data


@pytest.mark.parametrize("who", ["official_here", "official_of_county", "representative", "admin"])
def test_contact_persons_are_shown_to_those_responsible(api_client, with_contact, make_user, body, who):
    user = {
        "official_here": lambda: make_user(official=body("turku")),
        "official_of_county": lambda: make_user(official=body("varsinais-suomen-hyvinvointialue")),
        "representative": lambda: make_user(represents=with_contact),
        "admin": lambda: make_user(is_staff=True),
    }[who]()
    api_client.force_login(user)
    data = api_client.get(f"/api/v1/organisations/{with_contact.slug}/").json()
    assert data["contact_persons"] == [{"name": "Maija Meikäläinen", "role": "puheenjohtaja", "email": "", "phone": ""}]


def test_each_ngo_of_the_list_is_what_its_own_address_answers(api_client, make_organisation):
    """The list writes its NGOs from plain values (list_json), an NGO's own address through
    OrganisationSerializer: the two must say the same of every kind of NGO, in Finnish and Swedish."""
    full = make_organisation(
        "Turun Mielenterveysseura",
        name_sv="Åbo mentalvårdsförening",
        short_description_fi="Vertaistukea Turussa.",
        description_en="Peer support in Turku.",
        business_id="0201256-6",
        association_id="123.456",
        founded_year=1952,
        member_count=420,
        email="toimisto@example.org",
        phone="02 123 4567",
        website="https://example.org",
        street_address="Linnankatu 1",
        postal_code="20100",
        post_office="Turku",
        areas=["turku", "kaarina", "varsinais-suomen-hyvinvointialue"],
        themes=["vertaistuki", "mielenterveys"],
        target_groups=["nuoret", "ikaantyneet"],
        languages=["sv", "fi"],
    )
    Organisation.objects.filter(pk=full.pk).update(verified_at=timezone.now(), logo="logos/seura.png")
    make_organisation("Uinuva yhdistys", status=OrganisationStatus.DORMANT, areas=["kaarina"])
    for language in ("fi", "sv"):
        listed = api_client.get("/api/v1/organisations/", HTTP_ACCEPT_LANGUAGE=language).json()["results"]
        assert len(listed) == 2
        for row in listed:
            assert row == api_client.get(f"/api/v1/organisations/{row['slug']}/", HTTP_ACCEPT_LANGUAGE=language).json()
    [row] = [row for row in listed if row["slug"] == full.slug]
    assert row["verified"] is True and row["logo"].endswith("/logos/seura.png")
    assert row["url"].endswith(f"/sv/jarjestot/{full.slug}/") and row["languages"] == ["fi", "sv"]


def test_contact_persons_are_never_in_the_list(api_client, with_contact, make_user):
    api_client.force_login(make_user(represents=with_contact))
    row = api_client.get("/api/v1/organisations/").json()["results"][0]
    assert "contact_persons" not in row


# Query count --------------------------------------------------------------------------------


def _bulk_organisations(start: int, count: int) -> None:
    """Many NGOs with every relation, without the search index (the list does not need it)."""
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(slug=f"yhdistys-{n}", name=f"Yhdistys {n}", name_fi=f"Yhdistys {n}", name_sv=f"Förening {n}")
            for n in range(start, start + count)
        ]
    )
    bodies = list(PublicBody.objects.filter(slug__in=["turku", "kaarina"]))
    themes = list(Term.objects.filter(vocabulary="theme")[:3])
    targets = list(Term.objects.filter(vocabulary="target_group")[:2])
    languages = list(Language.objects.filter(code__in=["fi", "sv"]))
    through = Organisation.areas.through
    through.objects.bulk_create([through(organisation=o, publicbody=b) for o in organisations for b in bodies])
    through = Organisation.themes.through
    through.objects.bulk_create([through(organisation=o, term=t) for o in organisations for t in themes])
    through = Organisation.target_groups.through
    through.objects.bulk_create([through(organisation=o, term=t) for o in organisations for t in targets])
    through = Organisation.languages.through
    through.objects.bulk_create([through(organisation=o, language=lang) for o in organisations for lang in languages])


def _count_list_queries(api_client, params) -> tuple[int, int]:
    # The first answer after a change also reads the register's bit sets again (six queries, once
    # per process: organisations.queries.register_index); the count is of the answers after it.
    api_client.get("/api/v1/organisations/", {"page_size": 200, **params})
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get("/api/v1/organisations/", {"page_size": 200, **params})
    assert response.status_code == 200
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("params", [{}, {"body": "turku", "theme": "mielenterveys"}, {"ordering": "-updated_at"}])
def test_list_query_count_does_not_grow_with_the_ngos(api_client, params):
    _bulk_organisations(0, 10)
    few, rows = _count_list_queries(api_client, params)
    assert rows == 10
    _bulk_organisations(10, 190)
    many, rows = _count_list_queries(api_client, params)
    assert rows == 200
    assert many == few
    assert few <= 8
