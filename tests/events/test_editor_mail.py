"""The body's event editors hear by e-mail when an event waits in their queue."""

import datetime as dt

import pytest

from kumppani.events import services
from tests import factories
from tests.events import factories as ef

pytestmark = pytest.mark.django_db


@pytest.fixture
def ngo():
    return factories.organisation("Salon Kuoro ry")


def test_each_body_gets_one_email_naming_the_event_and_the_queue(ngo, mailoutbox):
    salo, porvoo = factories.salo(), factories.porvoo()
    salo_editors = [factories.official(salo), factories.official(salo, role="official")]
    porvoo_editor = factories.official(porvoo, role="official")
    factories.official(salo, role="premises_manager")  # not an event editor
    event = ef.event(ngo)
    mailoutbox.clear()
    services.event_submit(by=factories.representative(ngo), event=event, bodies=[salo, porvoo])
    assert len(mailoutbox) == 2
    by_body = {tuple(sorted(m.to)): m for m in mailoutbox}
    salo_mail = by_body[tuple(sorted(u.email for u in salo_editors))]
    assert "Joulukonsertti" in salo_mail.subject
    assert f"/fi/alueet/{salo.slug}/tapahtumajono/" in salo_mail.body
    assert "Salon Kuoro ry" in salo_mail.body and "10.12.2026 18.00" in salo_mail.body
    porvoo_mail = by_body[(porvoo_editor.email,)]
    assert f"/alueet/{porvoo.slug}/tapahtumajono/" in porvoo_mail.body
    # Sending to the same calendars again while waiting sends nothing new.
    mailoutbox.clear()
    services.event_submit(by=factories.representative(ngo), event=event, bodies=[salo])
    assert mailoutbox == []


def test_a_trusted_ngos_event_published_at_once_sends_no_email(ngo, mailoutbox):
    salo = factories.salo()
    coordinator = factories.official(salo)
    services.trust_set(by=coordinator, body=salo, organisation=ngo, trusted=True)
    event = ef.event(ngo)
    mailoutbox.clear()
    services.event_submit(by=factories.representative(ngo), event=event, bodies=[salo])
    assert mailoutbox == []


def test_a_significant_change_back_to_the_queue_tells_the_editors_again(ngo, mailoutbox):
    salo = factories.salo()
    editor = factories.official(salo, role="official")
    event = ef.published(ngo, salo, editor=editor)
    mailoutbox.clear()
    services.event_update(
        by=factories.representative(ngo),
        event=event,
        data={"start": ef.at(dt.date(2026, 12, 11)), "end": ef.at(dt.date(2026, 12, 11), 20)},
    )
    [message] = mailoutbox
    assert message.to == [editor.email] and message.subject.startswith("Muuttunut tapahtuma")
    mailoutbox.clear()
    services.event_update(by=factories.representative(ngo), event=event, data={"description_fi": "Lisää tietoa."})
    assert mailoutbox == []
