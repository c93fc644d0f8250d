"""The NGO barometer: the same questions for every body, a link that works once for each NGO, and
the body's figures beside its county's and the whole country's."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kumppani.participation.surveys import barometer, services
from kumppani.participation.surveys.models import DistributionLink
from tests import factories

pytestmark = pytest.mark.django_db


def _answer(survey, link, coop_key, partner_value):
    questions = {q.key: q for q in survey.questions.prefetch_related("choices")}
    coop = questions["coop-municipality"].choices.get(key=coop_key)
    services.response_submit(
        survey=survey,
        link=link,
        raw={questions["coop-municipality"].pk: [str(coop.pk)], questions["seen-partner"].pk: [str(partner_value)]},
    )


def test_barometers_compare_a_body_with_its_county_and_the_country(client):
    salo, tampere = factories.salo(), factories.tampere()
    ngos = [factories.organisation(f"Salon yhdistys {i} ry", areas=[salo]) for i in range(2)]
    factories.organisation("Tampereen yhdistys ry", areas=[tampere])
    salo_official, tampere_official = factories.official(salo), factories.official(tampere)
    ours = barometer.barometer_open(body=salo, year=2026, by=salo_official)
    theirs = barometer.barometer_open(body=tampere, year=2026, by=tampere_official)
    assert [q.key for q in ours.questions.all()] == [q.key for q in theirs.questions.all()]
    links = list(DistributionLink.objects.filter(survey=ours))
    assert {link.organisation for link in links} == set(ngos) and all(link.single_use for link in links)
    _answer(ours, links[0], "yes", 4)
    _answer(ours, links[1], "no", 2)
    _answer(theirs, theirs.links.get(), "yes", 5)
    rows = {item.text: item.rows for item in barometer.comparison(ours)}
    coop = rows["Tekeekö järjestönne säännöllisesti yhteistyötä kunnan kanssa?"]
    assert (coop[0].own, coop[0].county, coop[0].national) == (50, 50, 67)
    partner = rows["Kuinka paljon kunta tai hyvinvointialue arvostaa järjestöjä strategisina kumppaneina?"][0]
    assert (partner.own, partner.national) == (3.0, 3.7)
    client.force_login(salo_official)
    page = client.get(reverse("participation:survey_results", args=[ours.slug]))
    assert "67" in page.content.decode()


def test_one_barometer_per_body_and_year(client):
    salo = factories.salo()
    official = factories.official(salo)
    barometer.barometer_open(body=salo, year=2026, by=official)
    with pytest.raises(ValidationError):
        barometer.barometer_open(body=salo, year=2026, by=official)
    client.force_login(official)
    page = client.post(reverse("participation:survey_body", args=[salo.slug]), {"year": 2026})
    assert page.status_code == 200 and page.context["barometer_form"].errors


def test_a_barometer_is_never_narrowed_to_one_ngo(client):
    salo = factories.salo()
    ngo = factories.organisation("Ainoa ry", areas=[salo])
    official = factories.official(salo)
    survey = barometer.barometer_open(body=salo, year=2026, by=official)
    _answer(survey, survey.links.get(), "no", 1)
    client.force_login(official)
    page = client.get(reverse("participation:survey_results", args=[survey.slug]), {"jarjesto": ngo.pk})
    assert page.context["organisations"] == [] and page.context["organisation_id"] is None
