"""The demo's governance: JANE and Paikallis-JANE nominating to two of Joensuu's working groups,
Tampere's Järjestöedustamo, Pirkanmaa's yearly negotiation with last year's follow-up and Salo's
partnership table with action items; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from kumppani.cooperation.governance.models import (
    ActionItem,
    ExpertRequest,
    Negotiation,
    NgoNetwork,
    NominationRequest,
    NominationStatus,
    Seat,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_has_networks_nominations_a_negotiation_and_a_table(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    networks = {n.name_fi: n for n in NgoNetwork.objects.select_related("area", "parent")}
    assert {"Joensuun Paikallis-JANE", "Tampereen Järjestöedustamo"} <= set(networks)
    assert networks["Joensuun Paikallis-JANE"].parent.name_fi.startswith("Pohjois-Karjalan JANE")
    assert all(n.members.count() >= 3 for n in networks.values())
    joensuu = NominationRequest.objects.filter(group__body__slug="joensuu")
    assert sorted(r.status for r in joensuu) == [NominationStatus.CONFIRMED, NominationStatus.SENT]
    assert Seat.objects.filter(group__body__slug="joensuu").count() == 2
    assert NominationRequest.objects.get(group__body__slug="tampere").status == NominationStatus.NOMINATED
    this_year, last_year = Negotiation.objects.filter(body=factories.tampere().county).order_by("-year")
    assert this_year.previous == last_year and last_year.status == "agreed"
    assert this_year.measures.filter(carried_from__isnull=False).count() == 2  # the one done is not carried
    assert ActionItem.objects.filter(done_at__isnull=True).count() == 2
    expert = ExpertRequest.objects.get(body__slug="salo")
    assert expert.status == "open" and expert.answers.count() == 1
    for url in (
        reverse("cooperation:groups", args=["joensuu"]),
        reverse("cooperation:networks"),
        last_year.get_absolute_url(),
        reverse("cooperation:negotiation_pdf", args=[last_year.pk]),
        reverse("cooperation:meetings", args=["salo"]),
        expert.get_absolute_url(),
    ):
        assert client.get(url).status_code == 200, url
    before = (NgoNetwork.objects.count(), Seat.objects.count(), Negotiation.objects.count())
    call_command("demo", stdout=StringIO())
    assert (NgoNetwork.objects.count(), Seat.objects.count(), Negotiation.objects.count()) == before
