"""Search quality and filters of the activity directory, through queries.matching, the bit sets
and the in-memory orders as the directory uses them."""

import datetime as dt

import pytest
from django.utils import timezone

from kumppani.activities import queries
from kumppani.activities.models import Activity, ActivityStatus, Frequency, ScheduleRule
from kumppani.core import search
from kumppani.core.models import Language
from kumppani.organisations.models import Organisation, OrganisationStatus
from tests import factories
from tests.activities.factories import activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo():
    return factories.organisation("Testiyhdistys ry", areas=[factories.salo()])


def names(criteria: queries.Criteria) -> set[str]:
    return set(queries.matching(criteria).values_list("name", flat=True))


def found(query: str, **criteria) -> set[str]:
    return names(queries.Criteria(query=query, **criteria))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("vertaistukea", "Vertaistukiryhmä omaishoitajille"),  # inflected form, part of a compound
        ("omaishoitajien", "Vertaistukiryhmä omaishoitajille"),
        ("yksinäisyys", "Kahvila yksinäisille ikäihmisille"),  # derived word and an inflected form
        ("ikäihmiset", "Kahvila yksinäisille ikäihmisille"),
        ("nuoret", "Iltaryhmä nuorille"),
        ("nuorille", "Nuoret aikuiset -ryhmä"),
        ("kuntosali", "Kuntosaliryhmä muistisairaille"),  # the first part of a compound
        ("muistisairaat", "Kuntosaliryhmä muistisairaille"),
    ],
)
def test_finnish_word_forms_and_compound_parts_find_the_activity(ngo, query, name):
    for title in (
        "Vertaistukiryhmä omaishoitajille",
        "Kahvila yksinäisille ikäihmisille",
        "Iltaryhmä nuorille",
        "Nuoret aikuiset -ryhmä",
        "Kuntosaliryhmä muistisairaille",
        "Shakkikerho",
    ):
        activity(ngo, title)
    results = found(query)
    assert name in results
    assert "Shakkikerho" not in results


@pytest.mark.parametrize("query", ["kamratstöd", "stödgrupp", "stödgrupper", "närståendevårdare", "kamratstödet"])
def test_swedish_words_find_a_swedish_named_activity(ngo, query):
    activity(
        ngo,
        "Vertaistukiryhmä omaishoitajille",
        name_sv="Stödgrupp för närståendevårdare",
        short_description_sv="Kamratstöd och samtal varannan vecka.",
    )
    activity(ngo, "Shakkikerho", name_sv="Schackklubb")
    assert found(query) == {"Vertaistukiryhmä omaishoitajille"}


def test_a_county_wide_activity_appears_in_each_municipality_of_the_county(ngo):
    salo = factories.salo()
    other_in_county = salo.county.municipalities.exclude(pk=salo.pk).first()
    activity(ngo, "Salon oma ryhmä", areas=[salo])
    activity(ngo, "Koko hyvinvointialueen neuvonta", areas=[salo.county])
    activity(ngo, "Tampereen ryhmä", areas=[factories.tampere()])
    assert names(queries.Criteria(body=salo)) == {"Salon oma ryhmä", "Koko hyvinvointialueen neuvonta"}
    assert names(queries.Criteria(body=other_in_county)) == {"Koko hyvinvointialueen neuvonta"}
    # The county itself shows what is open to the whole county and to any of its municipalities.
    assert names(queries.Criteria(body=salo.county)) == {"Salon oma ryhmä", "Koko hyvinvointialueen neuvonta"}


def test_helsinki_as_its_own_county_shows_its_activities():
    helsinki = factories.municipality("091")
    ngo = factories.organisation("Helsingin yhdistys ry", areas=[helsinki])
    activity(ngo, "Helsingin kaupungin alueella", areas=[helsinki.county])
    activity(ngo, "Helsingissä", areas=[helsinki])
    assert helsinki.county.kind == "city_county"
    assert names(queries.Criteria(body=helsinki)) == {"Helsingin kaupungin alueella", "Helsingissä"}
    assert names(queries.Criteria(body=helsinki.county)) == {"Helsingin kaupungin alueella", "Helsingissä"}


def test_an_activity_unconfirmed_for_a_year_leaves_the_default_results(ngo):
    activity(ngo, "Tuore ryhmä", confirmed_days_ago=364)
    activity(ngo, "Vanha ryhmä", confirmed_days_ago=366)
    assert names(queries.Criteria()) == {"Tuore ryhmä"}
    assert names(queries.Criteria(include_stale=True)) == {"Tuore ryhmä", "Vanha ryhmä"}
    facets = queries.facet_counts(queries.Criteria())
    assert (facets["total"], facets["stale"]) == (1, 1)


def test_paused_ended_and_dissolved_ngos_activities_are_not_listed(ngo):
    activity(ngo, "Käynnissä")
    activity(ngo, "Tauolla", status=ActivityStatus.PAUSED)
    activity(ngo, "Päättynyt", status=ActivityStatus.ENDED)
    gone = factories.organisation("Lakannut ry")
    activity(gone, "Lakanneen ryhmä")
    Organisation.objects.filter(pk=gone.pk).update(status=OrganisationStatus.DISSOLVED)
    merged = factories.organisation("Yhdistetty ry")
    activity(merged, "Yhdistetyn ryhmä")
    Organisation.objects.filter(pk=merged.pk).update(merged_into=ngo)
    assert names(queries.Criteria()) == {"Käynnissä"}


def test_filters_by_weekday_and_time_of_day_on_the_same_regular_time(ngo):
    activity(ngo, "Tiistai-ilta", times=[(1, "17:00", "19:00")])
    activity(ngo, "Tiistaiaamu ja torstai-ilta", times=[(1, "09:00", "11:00"), (3, "18:00", "20:00")])
    activity(ngo, "Iltapäivästä iltaan", times=[(2, "16:00", "18:00")])
    activity(ngo, "Ajanvarauksella", schedule_kind="by_appointment")
    assert names(queries.Criteria(weekdays=[1])) == {"Tiistai-ilta", "Tiistaiaamu ja torstai-ilta"}
    assert names(queries.Criteria(weekdays=[1], times=["evening"])) == {"Tiistai-ilta"}
    assert names(queries.Criteria(times=["morning"])) == {"Tiistaiaamu ja torstai-ilta"}
    assert names(queries.Criteria(times=["afternoon"])) == {"Iltapäivästä iltaan"}
    assert names(queries.Criteria(times=["evening"])) == {
        "Tiistai-ilta",
        "Tiistaiaamu ja torstai-ilta",
        "Iltapäivästä iltaan",
    }
    assert names(queries.Criteria(weekdays=[1, 2], times=["evening"])) == {"Tiistai-ilta", "Iltapäivästä iltaan"}


def test_filters_free_online_accessible_language_type_and_theme(ngo):
    salo = factories.salo()
    step_free = {"street_address": "Kauppatori 1", "postal_code": "24100", "municipality": salo, "is_accessible": True}
    activity(ngo, "Maksuton esteetön", places=[step_free], languages=["fi", "sv"], themes=["vertaistuki"])
    activity(ngo, "Maksullinen verkossa", is_free=False, fee="5.00", is_online=True, kind="advice", languages=["en"])
    activity(ngo, "Portaiden takana", places=[{**step_free, "is_accessible": False}], kind="meeting_place")
    assert names(queries.Criteria(free=True)) == {"Maksuton esteetön", "Portaiden takana"}
    assert names(queries.Criteria(online=True)) == {"Maksullinen verkossa"}
    assert names(queries.Criteria(accessible=True)) == {"Maksuton esteetön"}
    swedish, english = Language.objects.get(code="sv"), Language.objects.get(code="en")
    assert names(queries.Criteria(languages=[swedish])) == {"Maksuton esteetön"}
    assert names(queries.Criteria(languages=[swedish, english])) == {"Maksuton esteetön", "Maksullinen verkossa"}
    assert names(queries.Criteria(kinds=["advice", "meeting_place"])) == {"Maksullinen verkossa", "Portaiden takana"}
    assert names(queries.Criteria(themes=[factories.term("vertaistuki")])) == {"Maksuton esteetön"}


def test_facets_count_within_the_results_and_alternatives_as_if_not_chosen(ngo):
    activity(ngo, "Ruotsiksi", languages=["sv"], kind="advice", themes=["vertaistuki"], times=[(0, "10:00", "12:00")])
    activity(ngo, "Suomeksi", languages=["fi"], kind="advice", times=[(0, "18:00", "20:00")])
    activity(ngo, "Suomeksi ryhmä", languages=["fi"], kind="peer_support", is_free=False, times=[(4, "18:00", "20:00")])
    swedish = Language.objects.get(code="sv")
    facets = queries.facet_counts(queries.Criteria(languages=[swedish]))
    fi, sv = Language.objects.get(code="fi").pk, swedish.pk
    assert facets["total"] == 1
    assert facets["languages"] == {fi: 2, sv: 1}  # choosing Finnish too would add two
    assert facets["kinds"] == {"advice": 1}
    assert facets["themes"] == {factories.term("vertaistuki").pk: 1}
    facets = queries.facet_counts(queries.Criteria(weekdays=[0]))
    assert facets["weekdays"] == {0: 2, 4: 1}
    assert facets["times"] == {"morning": 1, "afternoon": 0, "evening": 1}
    assert (facets["total"], facets["free"]) == (2, 2)


def _ranked(query: str) -> list[str]:
    criteria = queries.look_up_words(queries.Criteria(query=query))
    index = queries.catalogue_index()
    _facets, results = queries.counted_facets(criteria, index=index)
    pks = queries.ranked_pks(index, results, criteria, language="fi")
    by_pk = dict(queries.matching(criteria).values_list("pk", "name_sv"))
    return [by_pk[pk] for pk in pks]


def _set_verified(organisation, verified: bool) -> None:
    """As organisation_verify does (and a coordinator's undoing would): the change moves the NGO's
    updated_at, which is how the search's in-memory index learns of it."""
    now = timezone.now()
    Organisation.objects.filter(pk=organisation.pk).update(verified_at=now if verified else None, updated_at=now)


def test_a_verified_ngo_and_a_fresh_confirmation_lift_an_equal_match():
    first = factories.organisation("Ensimmäinen ry")
    second = factories.organisation("Toinen ry")
    activity(first, "Vertaistukiryhmä", name_sv="A", confirmed_days_ago=300)
    activity(second, "Vertaistukiryhmä", name_sv="B", confirmed_days_ago=300)
    _set_verified(second, True)
    assert _ranked("vertaistuki") == ["B", "A"]
    # The other way round: now the first NGO is verified and its activity fresh.
    _set_verified(second, False)
    _set_verified(first, True)
    assert _ranked("vertaistuki") == ["A", "B"]
    first.activities.update(confirmed_at=timezone.now() - dt.timedelta(days=330))
    second.activities.update(confirmed_at=timezone.now())
    _set_verified(first, False)
    assert _ranked("vertaistuki") == ["B", "A"]


def test_the_orders_kept_in_memory_are_those_of_the_database(ngo):
    """The directory pages its results in orders kept with the catalogue's bit sets; they must be
    the database's ORDER BY: by name in the reader's language, or the freshest first, then by name."""
    now = timezone.now()
    moments = [now - dt.timedelta(days=10), now - dt.timedelta(days=10), now - dt.timedelta(days=3)]
    names = ["Öinen ryhmä", "Aamuryhmä", "Ämmien kerho", "aamuryhmä", "Zumba", "Åbo-kerho", "Wilma", "Vanha"]
    for n, name in enumerate(names * 3):
        item = activity(ngo, name, name_sv=f"{names[-n % len(names)]} {n % 4}" if n % 5 else "")
        Activity.objects.filter(pk=item.pk).update(confirmed_at=moments[n % 3])
    criteria = queries.Criteria()
    index = queries.catalogue_index()
    _facets, results = queries.counted_facets(criteria, index=index)
    for language in ("fi", "sv", "en"):
        by_name = queries.matching(criteria).order_by(queries.name_order(language), "pk")
        freshest = queries.matching(criteria).order_by("-confirmed_at", queries.name_order(language), "pk")
        assert queries.ordered(index, results, "name", language=language)[:] == list(
            by_name.values_list("pk", flat=True)
        )
        assert queries.ordered(index, results, "fresh", language=language)[:] == list(
            freshest.values_list("pk", flat=True)
        )


def test_a_better_text_match_still_wins_over_a_boost():
    plain = factories.organisation("Yhdistys ry")
    boosted = factories.organisation("Varmistettu ry")
    _set_verified(boosted, True)
    activity(plain, "Omaishoitajien vertaistuki", name_sv="exact", confirmed_days_ago=200)
    activity(
        boosted,
        "Kerho",
        name_sv="passing",
        description_fi="Kerhossa puhutaan monesta asiasta, joskus myös omaishoitajien arjesta ja jaksamisesta "
        "sekä vertaistuesta, mutta enimmäkseen pelataan korttia ja juodaan kahvia yhdessä.",
    )
    assert _ranked("omaishoitajien vertaistuki") == ["exact", "passing"]


def test_monthly_and_biweekly_rules_are_found_by_their_weekday(ngo):
    item = activity(ngo, "Kuukausitapaaminen")
    ScheduleRule.objects.create(
        activity=item,
        frequency=Frequency.MONTHLY,
        week_of_month=1,
        weekday=0,
        start_time=dt.time(13),
        end_time=dt.time(15),
    )
    assert names(queries.Criteria(weekdays=[0], times=["afternoon"])) == {"Kuukausitapaaminen"}


def test_many_text_matches_give_the_same_results_through_the_full_text_subquery(ngo, monkeypatch):
    activity(ngo, "Vertaistukiryhmä omaishoitajille", areas=[factories.salo()])
    activity(ngo, "Vertaistukea nuorille", areas=[factories.tampere()])
    activity(ngo, "Shakkikerho", areas=[factories.salo()])
    as_ids = names(queries.look_up_words(queries.Criteria(query="vertaistuki", body=factories.salo())))
    monkeypatch.setattr(queries, "TEXT_MATCHES_AS_IDS", 1)
    as_subquery = names(queries.look_up_words(queries.Criteria(query="vertaistuki", body=factories.salo())))
    assert as_ids == as_subquery == {"Vertaistukiryhmä omaishoitajille"}


def test_the_facets_counted_from_the_bit_sets_equal_those_of_the_aggregate_queries(ngo):
    salo, tampere = factories.salo(), factories.tampere()
    activity(
        ngo,
        "Ruotsiksi",
        languages=["sv"],
        kind="advice",
        themes=["vertaistuki"],
        areas=[salo],
        times=[(0, "10:00", "12:00")],
    )
    activity(ngo, "Suomeksi", kind="advice", areas=[tampere], is_online=True, times=[(0, "18:00", "20:00")])
    activity(
        ngo,
        "Suomeksi vertaistukiryhmä",
        languages=["fi", "en"],
        is_free=False,
        target_groups=["nuoret"],
        areas=[salo.county],
        times=[(4, "11:00", "13:00"), (1, "18:00", "20:00")],
    )
    activity(
        ngo, "Vanha vertaistukiryhmä", confirmed_days_ago=400, themes=["vertaistuki"], times=[(4, "16:00", "18:00")]
    )
    activity(ngo, "Tauolla", status=ActivityStatus.PAUSED)
    swedish, finnish = Language.objects.get(code="sv"), Language.objects.get(code="fi")
    for criteria in [
        queries.Criteria(),
        queries.Criteria(query="vertaistuki"),
        queries.Criteria(query="vertaistukiryhmä", include_stale=True, target_groups=[factories.term("nuoret")]),
        queries.Criteria(query="eisellaistasanaa"),
        queries.Criteria(languages=[swedish]),
        queries.Criteria(languages=[swedish, finnish], weekdays=[0]),
        queries.Criteria(weekdays=[0, 4], times=["evening"]),
        queries.Criteria(times=["morning", "afternoon"]),
        queries.Criteria(kinds=["advice"], free=True),
        queries.Criteria(kinds=["advice", "peer_support"], online=True),
        queries.Criteria(include_stale=True, themes=[factories.term("vertaistuki")]),
        queries.Criteria(body=salo),
        queries.Criteria(body=salo.county, weekdays=[1]),
    ]:
        criteria = queries.look_up_words(criteria)
        facets, results = queries.counted_facets(criteria)
        assert facets == queries.facet_counts(criteria), criteria
        assert set(search.members(results)) == set(queries.matching(criteria).values_list("pk", flat=True))


def test_the_counts_follow_a_change_at_once(ngo):
    activity(ngo, "Ensimmäinen")
    assert queries.counted_facets(queries.Criteria())[0]["total"] == 1
    item = activity(ngo, "Toinen", themes=["liikunta"])
    assert queries.counted_facets(queries.Criteria())[0]["total"] == 2
    item.themes.clear()
    assert queries.counted_facets(queries.Criteria())[0]["themes"] == {}
