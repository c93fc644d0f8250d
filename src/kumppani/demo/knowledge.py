"""Demo knowledge reports (kokemustieto) from NGOs of Sodankylä and Enontekiö, sent to their
municipality: three sent last year (one answered, two received), which the municipalities' yearly
welfare reports of last year use as evidence in the chapters on their themes (seed 002); one sent
this year and waiting; and a draft. Through the services. Running it again adds nothing when
reports exist."""

import datetime as dt

from django.utils import timezone

from kumppani.core.models import BodyKind, PublicBody, Term, Vocabulary
from kumppani.participation.knowledge import services
from kumppani.participation.knowledge.models import KnowledgeReport
from kumppani.participation.surveys.barometer import body_organisations

SODANKYLA, ENONTEKIO = "758", "047"
# (municipality, title, area, observations, summary, recommendations, quotes, figures, topic, theme slugs,
#  answer or None/"ack"/"draft"). Reports with an answer or "ack" were sent last year, a waiting one (None)
#  this year. The themes (or the topic, naming a chapter) are those of the chapters of the
#  municipality's yearly welfare report (demo/welfare.py LAPLAND_REPORTS), so that the report finds them.
REPORTS = [
    (
        SODANKYLA,
        "Ikäihmisten yksinäisyys sivukylillä",
        "Vuotso ja Sattanen",
        "Kyläkaupan sulkeuduttua moni ikäihminen on jäänyt ilman päivittäistä kohtaamista. Kotiin vietävät "
        "palvelut hoitavat perustarpeet, mutta juttuseuraa ei ole. Talvella liikkuminen on vaikeaa, ja osa ei "
        "ole käynyt kirkonkylällä kuukausiin.",
        "Sivukylien ikäihmiset kaipaavat kohtaamisia ja kyytiä. Kerhotoimintaan tulisi useampi, jos pääsisi perille.",
        "Kutsuplus-tyyppinen kyyti kerran viikossa kylien ja kirkonkylän välille. Kylätalolle kuukausittainen olohuone.",
        ["Ei täällä käy kukaan muu kuin kotihoito, ja heillä on kiire.", "Jos pääsisin kerhoon, lähtisin joka viikko."],
        (46, 130, 38),
        "Ikääntyneet",
        ("yksinaisyys", "yhteisollisyys"),
        "Kiitos tärkeästä tiedosta. Selvitämme asiointiliikenteen laajentamista Vuotsoon keväällä, ja kylätalon "
        "olohuoneelle haetaan rahoitusta hyvinvointiavustuksista.",
    ),
    (
        SODANKYLA,
        "Nuorten mielen hyvinvointi koulun jälkeen",
        "Kirkonkylä",
        "Nuorten iltatoimintaan tulee viikoittain 20–30 nuorta. Moni kertoo ahdistuksesta ja siitä, ettei tiedä, "
        "kenelle puhua. Koulukuraattorin aikoja on vähän.",
        "Nuoret tarvitsevat matalan kynnyksen paikan puhua ja aikuisen, joka kuuntelee.",
        "Ohjaamon tai nuorisotilan yhteyteen säännöllinen keskusteluaika; tieto tuesta näkyviin somessa.",
        ["Täällä kukaan ei kysy, mitä mulle kuuluu."],
        (28, 210, 0),
        "Lasten ja nuorten hyvinvointi",
        ("mielenterveys",),
        "ack",
    ),
    (
        ENONTEKIO,
        "Saamenkielisten ikäihmisten palvelut",
        "Hetta ja Karesuvanto",
        "Saamenkieliset ikäihmiset kertovat, ettei palveluissa ymmärretä heidän kieltään eikä tapojaan. "
        "Omaiset tulkkaavat, mikä kuormittaa. Moni jättää asioimatta.",
        "Palvelut omalla kielellä ovat saamenkielisille ikäihmisille turvallisuuden ja luottamuksen asia.",
        "Saamenkielinen asiointiapu kerran viikossa; henkilöstölle kulttuuritietoisuuden koulutus.",
        ["Kun saa puhua omalla kielellä, sydän rauhoittuu."],
        (18, 60, 15),
        "Kielelliset oikeudet",
        ("syrjinta",),
        None,
    ),
    (
        ENONTEKIO,
        "Porotalouden perheiden jaksaminen",
        "Kilpisjärvi",
        "Perheissä on huolta toimeentulosta ja tulevaisuudesta. Vertaistukiryhmään tulee isiä, jotka eivät "
        "muuten hakisi apua.",
        "Poroperheet jaksavat, kun apu tulee sinne, missä he ovat, ja ymmärtää elinkeinon rytmin.",
        "Liikkuva perhetyö kesäkuukausina; vertaistukiryhmän jatko.",
        ["Kun perhetyöntekijä tuli tokalle asti, puhuttiin ensimmäistä kertaa kunnolla."],
        (12, 40, 12),
        "Lapset ja nuoret",
        ("perhetyo",),
        "ack",
    ),
    (
        ENONTEKIO,
        "Kylien nuorten illat",
        "Karesuvanto",
        "Kylän nuoret kokoontuvat koulun pihalle, koska muuta paikkaa ei ole.",
        "Nuoret toivovat kylälle omaa iltapaikkaa.",
        "Kylätalon vuoro nuorille kahtena iltana viikossa.",
        [],
        (9, 15, 0),
        "",
        ("yhteisollisyys",),
        "draft",
    ),
]

# Which kind of NGO reports what, where the demo register has one (else any NGO of the municipality).
HINTS = {
    "Ikäihmisten yksinäisyys sivukylillä": "Eläkel",
    "Nuorten mielen hyvinvointi koulun jälkeen": "Nuor",
    "Saamenkielisten ikäihmisten palvelut": "Saamel",
    "Porotalouden perheiden jaksaminen": "Mannerheimin",
    "Kylien nuorten illat": "Nuor",
}


def load(users) -> str:
    if KnowledgeReport.objects.exists():
        return "Knowledge reports: already there.\n"
    admin = users["admin"]
    themes = {term.slug: term for term in Term.objects.filter(vocabulary=Vocabulary.THEME)}
    groups = list(Term.objects.filter(vocabulary=Vocabulary.TARGET_GROUP)[:2])
    now = timezone.now()
    last_year = timezone.localdate().year - 1
    created = 0
    for code, title, area, observations, summary, recommendations, quotes, figures, topic, slugs, answer in REPORTS:
        body = PublicBody.objects.filter(kind=BodyKind.MUNICIPALITY, code=code).first()
        candidates = list(body_organisations(body)[:30]) if body else []
        if not candidates:
            continue
        hint = HINTS[title]
        ngo = next((o for o in candidates if hint in o.name), candidates[created % len(candidates)])
        participants, contacts, members = figures
        waiting = answer is None
        year = timezone.localdate().year if waiting else last_year
        report = services.report_create(
            organisation=ngo,
            body=body,
            data={
                "title": title, "area": area, "period_start": dt.date(year, 1, 1), "period_end": dt.date(year, 6, 30),
                "observations": observations, "public_summary": summary, "recommendations": recommendations,
                "participants": participants, "contacts": contacts, "members_heard": members or None, "topic": topic,
                "themes": [themes[slug] for slug in slugs if slug in themes], "target_groups": groups[:1],
            },
            quotes=quotes,
            quotes_consent=bool(quotes),
            by=admin,
        )  # fmt: skip
        created += 1
        if answer == "draft":
            continue
        # Sent in the autumn after the period (a waiting one a week ago), received a fortnight later.
        sent = now - dt.timedelta(days=7) if waiting else dt.datetime(year, 9, 10 + created, 10, tzinfo=dt.UTC)
        services.report_send(report=report, by=admin, now=sent)
        if answer == "ack":
            services.report_acknowledge(report=report, by=admin, now=sent + dt.timedelta(days=14))
        elif answer:
            services.report_answer(report=report, response=answer, by=admin, now=sent + dt.timedelta(days=14))
    return f"Knowledge reports: {created} from NGOs of Sodankylä and Enontekiö.\n"
