"""The demo's welfare reports: Salo's term report 2025–2028 with its five chapters, a draft its
coordinator and sector official can edit; last year's yearly reports of Rovaniemi approved by the
council (public), Sodankylä's in review and Enontekiö's a draft, whose chapters show the NGOs'
knowledge reports and the residents' survey shared through NGOs as evidence; a second run adds
nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from kumppani.core.models import User
from kumppani.welfare import evidence, ngo_chapter
from kumppani.welfare.models import WelfareReport

pytestmark = pytest.mark.django_db


def test_demo_has_salo_s_term_report_and_the_lapland_yearly_reports(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("demo", stdout=StringIO())
    salo = WelfareReport.objects.get(body__slug="salo")
    assert (salo.kind, salo.first_year, salo.last_year, salo.status) == ("term", 2025, 2028, "draft")
    chapters = list(salo.chapters.filter(kind="theme").order_by("position"))
    assert [c.title for c in chapters] == [
        "Mielenterveys",
        "Yksinäisyys",
        "Ikääntyneet",
        "Lapset ja nuoret",
        "Päihteet ja riippuvuudet",
    ]
    assert all(c.situation and c.responsible_sectors.exists() and c.theme for c in chapters)
    # The NGO chapter generated from Salo's demo grants, cooperation and the rest, after the themes.
    ngo = salo.chapters.get(kind="ngo")
    assert ngo.position == 6 and ngo.situation
    groups = {figure.group for figure in ngo_chapter.figures(ngo) if figure.value not in ("0", "0 %", "0,00 €")}
    assert len(groups) >= 3, groups
    # Salo's grants by sector: its programmes give the health promotion sector's money.
    with translation.override("fi"):
        labels = {figure.label: figure.value for figure in ngo_chapter.figures(ngo)}
    assert labels["Toimiala: Hyvinvoinnin ja terveyden edistäminen"].endswith("avustusta)"), labels
    assert "Ei toimialaa" not in labels
    assert chapters[0].indicators.filter(sotkanet_id=1562).exists()
    official = User.objects.get(email="viranhaltija.salo@demo.kumppani.fi")
    assert official.has_perm("welfare.edit_chapter", chapters[0])
    assert User.objects.get(email="koordinaattori.salo@demo.kumppani.fi").has_perm("welfare.manage_report", salo)
    last_year = timezone.localdate().year - 1
    yearly = WelfareReport.objects.filter(first_year=last_year, kind="yearly")
    statuses = dict(yearly.values_list("body__code", "status"))
    assert statuses == {"698": "approved", "758": "review", "047": "draft"}  # Rovaniemi, Sodankylä, Enontekiö
    approved = WelfareReport.objects.get(body__code="698", kind="yearly")
    assert approved.council_decision_date and approved.council_section == "38"
    assert approved.chapters.get(kind="ngo").frozen["figures"]["fi"]  # fixed at the council's approval
    page = client.get(reverse("welfare:report", args=[approved.pk])).content.decode()
    assert "§ 38" in page
    # Every Lapland chapter shows experiential knowledge as evidence, crediting the NGOs.
    with translation.override("fi"):
        found = {
            (report.body.code, chapter.title): evidence.for_chapter(chapter)
            for report in yearly
            for chapter in report.chapters.filter(kind="theme")
        }
    assert all(found.values()), [key for key, items in found.items() if not items]
    rovaniemi = [item for (code, _title), items in found.items() if code == "698" for item in items]
    assert {item.kind for item in rovaniemi} == {"survey"}
    assert all(item.credit.startswith("Vastauksia keräsivät ") for item in rovaniemi)
    assert f"Asukkaiden hyvinvointikysely {last_year}" in page  # frozen with the approved chapters
    lapland = [item for (code, _title), items in found.items() if code != "698" for item in items]
    assert {item.kind for item in lapland} == {"knowledge"}
    assert all(item.credit.startswith("Kokemustietoa: ") for item in lapland), lapland
    # The NGO chapters count the knowledge reports the NGOs sent in the report's year.
    for code, sent in (("758", 2), ("047", 1)):
        report = yearly.get(body__code=code)
        numbers = ngo_chapter.compute(report).numbers
        assert (numbers["knowledge_reports"], numbers["knowledge_used"]) == (sent, 1), (code, numbers)
    assert client.get(reverse("welfare:report", args=[salo.pk])).status_code == 404
    client.force_login(official)
    assert client.get(reverse("welfare:chapter_edit", args=[chapters[0].pk])).status_code == 200
    call_command("demo", stdout=StringIO())
    assert WelfareReport.objects.count() == 4
