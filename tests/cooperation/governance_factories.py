"""Helpers for governance tests, built through the services the pages use."""

import datetime as dt

from django.utils import timezone

from kumppani.cooperation.governance import services
from tests import factories


def today() -> dt.date:
    return timezone.localdate()


def network(area, *, chair=None, members=(), by=None, name="Salon järjestöjen neuvottelukunta"):
    by = by or factories.official(area, role="coordinator")
    chair = chair or factories.user(name="Paula Puheenjohtaja")
    net = services.network_save(by=by, area=area, chair=chair, data={"name_fi": name})
    if members:
        services.network_members_set(by=by, network=net, organisations=list(members))
    return net


def group(body, *, by, name="Vanhusneuvosto", kind="older_people_council", seats=2):
    return services.group_save(by=by, body=body, data={"name_fi": name, "kind": kind, "ngo_seats": seats})


def nomination_request(group, network, *, by, seats=1, deputies=True):
    return services.nomination_request_create(
        by=by,
        group=group,
        network=network,
        seats=seats,
        deputies=deputies,
        deadline=today() + dt.timedelta(days=14),
        term_start=today() + dt.timedelta(days=30),
        term_end=today() + dt.timedelta(days=30 + 2 * 365),
        message="Toivomme edustajaa, joka tuntee ikäihmisten arjen.",
    )


def nominee(org, name="Maija Meikäläinen", deputy_org=None, deputy_name="Ville Varajäsen"):
    return {
        "organisation": org,
        "name": name,
        "email": "maija@example.org",
        "deputy_organisation": deputy_org or org,
        "deputy_name": deputy_name,
        "deputy_email": "ville@example.org",
    }


def meeting(body, *, by, organisations=(), officials=None, **data):
    """A partnership table meeting of the body in the Salo town hall, with `data` changing its fields."""
    return services.meeting_save(
        by=by,
        body=body,
        data={
            "kind": "partnership_table",
            "title": "Kumppanuuspöytä",
            "starts_at": dt.datetime(2027, 9, 14, 11, tzinfo=dt.UTC),
            "place": "Kaupungintalo",
            **data,
        },
        officials=[by] if officials is None else list(officials),
        organisations=list(organisations),
    )
