import pytest
from django.db import connection

from kumppani.core.collation import collated, sort_key
from kumppani.core.models import BodyKind, LanguageStatus, PublicBody

pytestmark = pytest.mark.django_db


def test_the_real_public_bodies_are_loaded():
    assert PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY).count() == 308
    assert PublicBody.objects.filter(kind=BodyKind.COUNTY).count() == 21
    helsinki_services = PublicBody.objects.get(kind=BodyKind.CITY_COUNTY)
    assert helsinki_services.name_sv == "Helsingfors stad"
    bilingual = [LanguageStatus.BILINGUAL_FI, LanguageStatus.BILINGUAL_SV]
    assert PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, language_status__in=bilingual).count() == 33
    salo = PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code="734")
    assert salo.county.name_fi == "Varsinais-Suomen hyvinvointialue"
    assert PublicBody.objects.get(kind=BodyKind.MUNICIPALITY, code="478").county is None  # Mariehamn, Åland


def test_finnish_order_puts_a_umlaut_and_o_umlaut_after_z():
    names = ["Äänekoski", "Aura", "Öljy", "Zeta", "åbo", "ahlainen"]
    assert sorted(names, key=sort_key) == ["ahlainen", "Aura", "Zeta", "åbo", "Äänekoski", "Öljy"]


def test_the_database_sorts_the_same_way():
    names = list(
        PublicBody.objects.filter(
            kind=BodyKind.MUNICIPALITY, name_fi__in=["Ähtäri", "Ylöjärvi", "Akaa", "Äänekoski", "Övertorneå"]
        )
        .order_by(collated("name_fi", "fi", connection.vendor))
        .values_list("name_fi", flat=True)
    )
    assert names == ["Akaa", "Ylöjärvi", "Ähtäri", "Äänekoski"]
