"""What consultation tests need, made through the same services the pages use."""

import datetime as dt

from django.utils import timezone

from kumppani.cooperation.governance.models import GroupKind, WorkingGroup
from kumppani.participation.consultations import services
from kumppani.participation.consultations.models import Consultation, ConsultationStatus
from tests import factories


def consultation(
    body, by, *, opens=None, closes=None, residents=True, required=True, councils=(), sections=2, open_it=True
):
    now = timezone.now()
    item = services.consultation_create(
        by=by,
        body=body,
        data={
            "title_fi": "Hyvinvointisuunnitelma 2027–2030",
            "title_sv": "Välfärdsplan 2027–2030",
            "summary_fi": "Kerro, mitä suunnitelmasta puuttuu.",
            "opens_at": opens or now - dt.timedelta(days=1),
            "closes_at": closes or now + dt.timedelta(days=14),
            "residents": residents,
        },
        councils=councils,
    )
    for number in range(1, sections + 1):
        services.section_add(
            by=by,
            consultation=item,
            data={
                "title_fi": f"Osa {number}",
                "question_fi": f"Mitä mieltä olette osasta {number}?",
                "required": required and number == 1,
            },
        )
    if open_it:
        item.refresh_from_db()
        services.consultation_open(by=by, consultation=item)
    item.refresh_from_db()
    return item


def move_past_closing(item: Consultation) -> Consultation:
    """Time passes: the consultation's closing moment is now behind us (the status stays open)."""
    now = timezone.now()
    Consultation.objects.filter(pk=item.pk).update(
        opens_at=now - dt.timedelta(days=20), closes_at=now - dt.timedelta(seconds=1)
    )
    item.refresh_from_db()
    return item


def council(body, kind=GroupKind.DISABILITY_COUNCIL, name="Vammaisneuvosto"):
    return WorkingGroup.objects.create(body=body, kind=kind, name=name, name_fi=name)


def world():
    salo = factories.salo()
    official = factories.official(salo, role="official")
    ngo = factories.organisation("Salon Omaishoitajat ry", areas=[salo])
    representative = factories.representative(ngo)
    admin = factories.representative(ngo, role="admin")
    return {"salo": salo, "official": official, "ngo": ngo, "representative": representative, "admin": admin}


def sent_statement(item, w, text="Lisää vertaistukea omaishoitajille."):
    sections = list(item.sections.all())
    statement = services.statement_save(
        by=w["representative"],
        consultation=item,
        organisation=w["ngo"],
        answers={section.pk: text for section in sections},
        summary="Omaishoitajien jaksaminen",
    )
    return services.statement_send(by=w["admin"], statement=statement)


__all__ = ["ConsultationStatus", "consultation", "council", "move_past_closing", "sent_statement", "world"]
