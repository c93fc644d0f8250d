"""Sign-in resists guessing: ten wrong passwords lock the account (whatever the case of the address)
and the address for 15 minutes, with a plain message and the way out; the admin's sign-in too."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def sign_in(client, email, password, *, address="192.0.2.10", url=None):
    return client.post(
        url or reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address, follow=False
    )


def test_ten_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused(client):
    person = factories.user(email="anna@example.org")
    for attempt in range(9):
        address = f"198.51.100.{attempt}"  # a different address each time: the account is what locks
        response = sign_in(client, "Anna@Example.org" if attempt % 2 else "anna@example.org", "väärä", address=address)
        assert response.status_code == 200
    tenth = sign_in(client, "anna@example.org", "väärä", address="198.51.100.9")
    assert tenth.status_code == 429
    assert reverse("password_reset") in tenth.content.decode()  # the way out: a new password
    locked = sign_in(client, "anna@example.org", factories.PASSWORD, address="203.0.113.5")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert person.last_login is None


def test_ten_wrong_passwords_from_one_address_lock_the_address_for_every_account(client):
    factories.user(email="bertta@example.org")
    for n in range(10):
        sign_in(client, f"arvaus{n}@example.org", "väärä", address="192.0.2.77")
    assert sign_in(client, "bertta@example.org", factories.PASSWORD, address="192.0.2.77").status_code == 429
    assert sign_in(client, "bertta@example.org", factories.PASSWORD, address="192.0.2.78").status_code == 302


def test_a_right_password_clears_the_count(client):
    factories.user(email="cecilia@example.org")
    for _ in range(9):
        sign_in(client, "cecilia@example.org", "väärä")
    assert sign_in(client, "cecilia@example.org", factories.PASSWORD).status_code == 302
    client.logout()
    for _ in range(9):
        sign_in(client, "cecilia@example.org", "väärä")
    assert sign_in(client, "cecilia@example.org", factories.PASSWORD).status_code == 302


def test_the_lock_ends_after_15_minutes(client):
    from axes.models import AccessAttempt

    factories.user(email="daniel@example.org")
    for _ in range(10):
        sign_in(client, "daniel@example.org", "väärä")
    assert sign_in(client, "daniel@example.org", factories.PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert sign_in(client, "daniel@example.org", factories.PASSWORD).status_code == 302


def test_a_new_password_through_the_e_mail_link_opens_a_locked_account(client):
    factories.user(email="eeva@example.org")
    for n in range(10):
        sign_in(client, "eeva@example.org", "väärä", address=f"198.51.100.{n}")
    assert sign_in(client, "eeva@example.org", factories.PASSWORD, address="203.0.113.9").status_code == 429

    client.post(reverse("password_reset"), {"email": "eeva@example.org"})
    link = re.search(r"https?://[^\s]+/salasana/uusi/[^\s]+", mail.outbox[-1].body).group(0)
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": "Uusi-salasana-2026", "new_password2": "Uusi-salasana-2026"}
    )
    assert sign_in(client, "eeva@example.org", "Uusi-salasana-2026", address="203.0.113.9").status_code == 302


def test_the_admin_sign_in_follows_the_same_rule(client):
    factories.user(email="admin@example.org", is_staff=True, is_superuser=True)
    admin_login = reverse("admin:login")
    for _ in range(10):
        client.post(admin_login, {"username": "admin@example.org", "password": "väärä"}, REMOTE_ADDR="192.0.2.1")
    response = client.post(
        admin_login, {"username": "admin@example.org", "password": factories.PASSWORD}, REMOTE_ADDR="192.0.2.2"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
