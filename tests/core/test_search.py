"""Search quality: Finnish inflected forms, compound parts and derived words, and Swedish."""

import pytest

from kumppani.core import search
from kumppani.organisations.models import Organisation
from tests import factories

pytestmark = pytest.mark.django_db

CASES = [
    # (query, text that must be found)
    ("mielenterveys", "Salon Mielenterveysseura ry"),
    ("nuorille", "Toimintaa nuoret aikuiset"),
    ("nuoret", "Kerho nuorille"),
    ("kohtaamispaikkoja", "Avoin kohtaamispaikka"),
    ("kuntosali", "Kuntosaliryhmä ikäihmisille"),
    ("vertaistukea", "Vertaistukiryhmä omaishoitajille"),
    ("yksinäisyys", "Kahvila yksinäisille ikäihmisille"),
    ("omaishoitajat", "Vertaistukiryhmä omaishoitajille"),
    ("äldre", "Stöd för äldre i Borgå"),
    ("familjer", "Stöd för familjen"),
    ("mielenterv", "Salon Mielenterveysseura ry"),  # still typing: the last word matches as a prefix
]


def _found(query: str, text: str) -> bool:
    org = factories.organisation(text)
    other = factories.organisation("Shakkikerho Ratsu ry")
    found = set(search.filter_matching(Organisation.objects.all(), "organisation", query).values_list("pk", flat=True))
    assert other.pk not in found, f"{query!r} also found an unrelated NGO"
    return org.pk in found


@pytest.mark.parametrize(("query", "text"), CASES)
def test_it_finds_word_forms_and_compound_parts(query, text):
    assert _found(query, text)


def test_every_query_word_must_match():
    org = factories.organisation("Salon Mielenterveysseura ry")
    both = search.filter_matching(Organisation.objects.all(), "organisation", "mielenterveys salo")
    assert list(both) == [org]
    assert not search.filter_matching(Organisation.objects.all(), "organisation", "mielenterveys tampere").exists()


def test_punctuation_and_operators_in_a_query_do_no_harm():
    factories.organisation("Salon Mielenterveysseura ry")
    for query in ['"', "mieli AND OR NOT", "*", "a:b", "(", "') OR 1=1 --", "NEAR(x y)"]:
        list(search.filter_matching(Organisation.objects.all(), "organisation", query))


def test_it_ranks_the_better_match_first():
    weak = factories.organisation("Liikuntakerho ry", short_description_fi="Myös mielenterveys on tärkeää.")
    strong = factories.organisation(
        "Mielenterveysyhdistys Tuki ry", short_description_fi="Mielenterveys ja mielenterveyden tuki"
    )
    matching = search.filter_matching(Organisation.objects.all(), "organisation", "mielenterveys")
    ranked = search.ranked_pks(matching, "organisation", "mielenterveys", tiebreak="sort_key_fi")
    assert ranked == [strong.pk, weak.pk]


def test_voikko_is_in_use():
    """CI installs Voikko: without it the compound cases above would pass by luck or not at all."""
    assert search.voikko_available()
