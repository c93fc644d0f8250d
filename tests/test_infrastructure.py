"""Smoke tests for the test setup itself (see also tests/browser/test_browser_harness.py)."""

import os

import pytest
from django.conf import settings
from django.db import connection


def test_settings_load():
    assert settings.ROOT_URLCONF == "kumppani.urls"
    assert not settings.DEBUG  # pytest-django runs tests as production would


@pytest.mark.django_db
def test_database_is_the_one_asked_for():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
